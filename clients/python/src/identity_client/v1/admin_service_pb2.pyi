from identity_client.v1 import common_pb2 as _common_pb2
from identity_client.v1 import errors_pb2 as _errors_pb2
from identity_client.v1 import groups_pb2 as _groups_pb2
from identity_client.v1 import m2m_pb2 as _m2m_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateUserPoolRequest(_message.Message):
    __slots__ = ("pool_name", "user_pool_id", "settings")
    POOL_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    pool_name: str
    user_pool_id: str
    settings: _common_pb2.UserPoolSettings
    def __init__(self, pool_name: _Optional[str] = ..., user_pool_id: _Optional[str] = ..., settings: _Optional[_Union[_common_pb2.UserPoolSettings, _Mapping]] = ...) -> None: ...

class CreateUserPoolResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "too_many_requests", "limit_exceeded", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPool
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPool, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class DescribeUserPoolRequest(_message.Message):
    __slots__ = ("user_pool_id",)
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    def __init__(self, user_pool_id: _Optional[str] = ...) -> None: ...

class DescribeUserPoolResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPool
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPool, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class UpdateUserPoolRequest(_message.Message):
    __slots__ = ("user_pool_id", "settings")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    settings: _common_pb2.UserPoolSettings
    def __init__(self, user_pool_id: _Optional[str] = ..., settings: _Optional[_Union[_common_pb2.UserPoolSettings, _Mapping]] = ...) -> None: ...

class UpdateUserPoolResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPool
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPool, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class DeleteUserPoolRequest(_message.Message):
    __slots__ = ("user_pool_id",)
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    def __init__(self, user_pool_id: _Optional[str] = ...) -> None: ...

class DeleteUserPoolResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: DeleteUserPoolResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[DeleteUserPoolResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class DeleteUserPoolResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUserPoolsRequest(_message.Message):
    __slots__ = ("max_results", "next_token")
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    max_results: int
    next_token: str
    def __init__(self, max_results: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListUserPoolsResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: ListUserPoolsResult
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[ListUserPoolsResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class ListUserPoolsResult(_message.Message):
    __slots__ = ("user_pools", "next_token")
    USER_POOLS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pools: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserPool]
    next_token: str
    def __init__(self, user_pools: _Optional[_Iterable[_Union[_common_pb2.UserPool, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class CreateUserPoolClientRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_name", "generate_secret", "client_id", "settings")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    GENERATE_SECRET_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_name: str
    generate_secret: bool
    client_id: str
    settings: _common_pb2.UserPoolClientSettings
    def __init__(self, user_pool_id: _Optional[str] = ..., client_name: _Optional[str] = ..., generate_secret: _Optional[bool] = ..., client_id: _Optional[str] = ..., settings: _Optional[_Union[_common_pb2.UserPoolClientSettings, _Mapping]] = ...) -> None: ...

class CreateUserPoolClientResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "limit_exceeded", "not_authorized", "invalid_oauth_flow", "scope_does_not_exist")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    INVALID_OAUTH_FLOW_FIELD_NUMBER: _ClassVar[int]
    SCOPE_DOES_NOT_EXIST_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPoolClient
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    not_authorized: _errors_pb2.NotAuthorized
    invalid_oauth_flow: _errors_pb2.InvalidOAuthFlow
    scope_does_not_exist: _errors_pb2.ScopeDoesNotExist
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPoolClient, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., invalid_oauth_flow: _Optional[_Union[_errors_pb2.InvalidOAuthFlow, _Mapping]] = ..., scope_does_not_exist: _Optional[_Union[_errors_pb2.ScopeDoesNotExist, _Mapping]] = ...) -> None: ...

class DescribeUserPoolClientRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class DescribeUserPoolClientResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPoolClient
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPoolClient, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class UpdateUserPoolClientRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "client_name", "settings")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    client_name: str
    settings: _common_pb2.UserPoolClientSettings
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., client_name: _Optional[str] = ..., settings: _Optional[_Union[_common_pb2.UserPoolClientSettings, _Mapping]] = ...) -> None: ...

class UpdateUserPoolClientResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "invalid_oauth_flow", "scope_does_not_exist")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    INVALID_OAUTH_FLOW_FIELD_NUMBER: _ClassVar[int]
    SCOPE_DOES_NOT_EXIST_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserPoolClient
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    invalid_oauth_flow: _errors_pb2.InvalidOAuthFlow
    scope_does_not_exist: _errors_pb2.ScopeDoesNotExist
    def __init__(self, success: _Optional[_Union[_common_pb2.UserPoolClient, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., invalid_oauth_flow: _Optional[_Union[_errors_pb2.InvalidOAuthFlow, _Mapping]] = ..., scope_does_not_exist: _Optional[_Union[_errors_pb2.ScopeDoesNotExist, _Mapping]] = ...) -> None: ...

class DeleteUserPoolClientRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class DeleteUserPoolClientResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: DeleteUserPoolClientResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[DeleteUserPoolClientResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class DeleteUserPoolClientResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUserPoolClientsRequest(_message.Message):
    __slots__ = ("user_pool_id", "max_results", "next_token")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    max_results: int
    next_token: str
    def __init__(self, user_pool_id: _Optional[str] = ..., max_results: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListUserPoolClientsResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: ListUserPoolClientsResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[ListUserPoolClientsResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class ListUserPoolClientsResult(_message.Message):
    __slots__ = ("user_pool_clients", "next_token")
    USER_POOL_CLIENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_clients: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserPoolClient]
    next_token: str
    def __init__(self, user_pool_clients: _Optional[_Iterable[_Union[_common_pb2.UserPoolClient, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class AdminCreateUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "user_attributes", "validation_data", "temporary_password", "force_alias_creation", "message_action", "desired_delivery_mediums", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    USER_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    VALIDATION_DATA_FIELD_NUMBER: _ClassVar[int]
    TEMPORARY_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    FORCE_ALIAS_CREATION_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ACTION_FIELD_NUMBER: _ClassVar[int]
    DESIRED_DELIVERY_MEDIUMS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    user_attributes: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    validation_data: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    temporary_password: str
    force_alias_creation: bool
    message_action: _common_pb2.MessageAction
    desired_delivery_mediums: _containers.RepeatedScalarFieldContainer[_common_pb2.DeliveryMedium]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., user_attributes: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ..., validation_data: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ..., temporary_password: _Optional[str] = ..., force_alias_creation: _Optional[bool] = ..., message_action: _Optional[_Union[_common_pb2.MessageAction, str]] = ..., desired_delivery_mediums: _Optional[_Iterable[_Union[_common_pb2.DeliveryMedium, str]]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminCreateUserResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found", "username_exists", "alias_exists", "invalid_password", "code_delivery_failure", "unsupported_user_state", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USERNAME_EXISTS_FIELD_NUMBER: _ClassVar[int]
    ALIAS_EXISTS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CODE_DELIVERY_FAILURE_FIELD_NUMBER: _ClassVar[int]
    UNSUPPORTED_USER_STATE_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserType
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    username_exists: _errors_pb2.UsernameExists
    alias_exists: _errors_pb2.AliasExists
    invalid_password: _errors_pb2.InvalidPassword
    code_delivery_failure: _errors_pb2.CodeDeliveryFailure
    unsupported_user_state: _errors_pb2.UnsupportedUserState
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[_common_pb2.UserType, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., username_exists: _Optional[_Union[_errors_pb2.UsernameExists, _Mapping]] = ..., alias_exists: _Optional[_Union[_errors_pb2.AliasExists, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ..., code_delivery_failure: _Optional[_Union[_errors_pb2.CodeDeliveryFailure, _Mapping]] = ..., unsupported_user_state: _Optional[_Union[_errors_pb2.UnsupportedUserState, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class AdminGetUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class AdminGetUserResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: _common_pb2.UserType
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[_common_pb2.UserType, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminUpdateUserAttributesRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "user_attributes", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    USER_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    user_attributes: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., user_attributes: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminUpdateUserAttributesResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found", "alias_exists", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    ALIAS_EXISTS_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: AdminUpdateUserAttributesResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    alias_exists: _errors_pb2.AliasExists
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[AdminUpdateUserAttributesResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., alias_exists: _Optional[_Union[_errors_pb2.AliasExists, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class AdminUpdateUserAttributesResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminDeleteUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class AdminDeleteUserResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminDeleteUserResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminDeleteUserResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminDeleteUserResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminDisableUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class AdminDisableUserResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminDisableUserResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminDisableUserResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminDisableUserResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminEnableUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class AdminEnableUserResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminEnableUserResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminEnableUserResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminEnableUserResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminSetUserPasswordRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "password", "permanent")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PERMANENT_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    password: str
    permanent: bool
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., permanent: _Optional[bool] = ...) -> None: ...

class AdminSetUserPasswordResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found", "invalid_password")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    success: AdminSetUserPasswordResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    invalid_password: _errors_pb2.InvalidPassword
    def __init__(self, success: _Optional[_Union[AdminSetUserPasswordResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ...) -> None: ...

class AdminSetUserPasswordResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminResetUserPasswordRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminResetUserPasswordResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: AdminResetUserPasswordResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[AdminResetUserPasswordResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class AdminResetUserPasswordResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminConfirmSignUpRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminConfirmSignUpResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: AdminConfirmSignUpResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[AdminConfirmSignUpResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class AdminConfirmSignUpResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminInitiateAuthRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "auth_flow", "auth_parameters", "client_metadata")
    class AuthParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    AUTH_FLOW_FIELD_NUMBER: _ClassVar[int]
    AUTH_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    auth_flow: _common_pb2.AuthFlow
    auth_parameters: _containers.ScalarMap[str, str]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., auth_flow: _Optional[_Union[_common_pb2.AuthFlow, str]] = ..., auth_parameters: _Optional[_Mapping[str, str]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminInitiateAuthResponse(_message.Message):
    __slots__ = ("authentication_result", "challenge", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "unsupported_operation", "invalid_user_pool_configuration", "password_reset_required", "user_not_found", "user_not_confirmed", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    AUTHENTICATION_RESULT_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    UNSUPPORTED_OPERATION_FIELD_NUMBER: _ClassVar[int]
    INVALID_USER_POOL_CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_RESET_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    authentication_result: _common_pb2.AuthenticationResult
    challenge: _common_pb2.Challenge
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    unsupported_operation: _errors_pb2.UnsupportedOperation
    invalid_user_pool_configuration: _errors_pb2.InvalidUserPoolConfiguration
    password_reset_required: _errors_pb2.PasswordResetRequired
    user_not_found: _errors_pb2.UserNotFound
    user_not_confirmed: _errors_pb2.UserNotConfirmed
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, authentication_result: _Optional[_Union[_common_pb2.AuthenticationResult, _Mapping]] = ..., challenge: _Optional[_Union[_common_pb2.Challenge, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., unsupported_operation: _Optional[_Union[_errors_pb2.UnsupportedOperation, _Mapping]] = ..., invalid_user_pool_configuration: _Optional[_Union[_errors_pb2.InvalidUserPoolConfiguration, _Mapping]] = ..., password_reset_required: _Optional[_Union[_errors_pb2.PasswordResetRequired, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_not_confirmed: _Optional[_Union[_errors_pb2.UserNotConfirmed, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class AdminRespondToAuthChallengeRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "challenge_name", "session", "challenge_responses", "client_metadata")
    class ChallengeResponsesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_NAME_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    challenge_name: _common_pb2.ChallengeName
    session: str
    challenge_responses: _containers.ScalarMap[str, str]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., challenge_name: _Optional[_Union[_common_pb2.ChallengeName, str]] = ..., session: _Optional[str] = ..., challenge_responses: _Optional[_Mapping[str, str]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class AdminRespondToAuthChallengeResponse(_message.Message):
    __slots__ = ("authentication_result", "challenge", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "unsupported_operation", "invalid_user_pool_configuration", "password_reset_required", "user_not_found", "user_not_confirmed", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response", "invalid_password", "alias_exists")
    AUTHENTICATION_RESULT_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    UNSUPPORTED_OPERATION_FIELD_NUMBER: _ClassVar[int]
    INVALID_USER_POOL_CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_RESET_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ALIAS_EXISTS_FIELD_NUMBER: _ClassVar[int]
    authentication_result: _common_pb2.AuthenticationResult
    challenge: _common_pb2.Challenge
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    unsupported_operation: _errors_pb2.UnsupportedOperation
    invalid_user_pool_configuration: _errors_pb2.InvalidUserPoolConfiguration
    password_reset_required: _errors_pb2.PasswordResetRequired
    user_not_found: _errors_pb2.UserNotFound
    user_not_confirmed: _errors_pb2.UserNotConfirmed
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    invalid_password: _errors_pb2.InvalidPassword
    alias_exists: _errors_pb2.AliasExists
    def __init__(self, authentication_result: _Optional[_Union[_common_pb2.AuthenticationResult, _Mapping]] = ..., challenge: _Optional[_Union[_common_pb2.Challenge, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., unsupported_operation: _Optional[_Union[_errors_pb2.UnsupportedOperation, _Mapping]] = ..., invalid_user_pool_configuration: _Optional[_Union[_errors_pb2.InvalidUserPoolConfiguration, _Mapping]] = ..., password_reset_required: _Optional[_Union[_errors_pb2.PasswordResetRequired, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_not_confirmed: _Optional[_Union[_errors_pb2.UserNotConfirmed, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ..., alias_exists: _Optional[_Union[_errors_pb2.AliasExists, _Mapping]] = ...) -> None: ...

class AdminUserGlobalSignOutRequest(_message.Message):
    __slots__ = ("user_pool_id", "username")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class AdminUserGlobalSignOutResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminUserGlobalSignOutResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminUserGlobalSignOutResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminUserGlobalSignOutResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUsersRequest(_message.Message):
    __slots__ = ("user_pool_id", "attributes_to_get", "limit", "pagination_token", "filter")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_TO_GET_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PAGINATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    attributes_to_get: _containers.RepeatedScalarFieldContainer[str]
    limit: int
    pagination_token: str
    filter: str
    def __init__(self, user_pool_id: _Optional[str] = ..., attributes_to_get: _Optional[_Iterable[str]] = ..., limit: _Optional[int] = ..., pagination_token: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class ListUsersResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: ListUsersResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[ListUsersResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class ListUsersResult(_message.Message):
    __slots__ = ("users", "pagination_token")
    USERS_FIELD_NUMBER: _ClassVar[int]
    PAGINATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserType]
    pagination_token: str
    def __init__(self, users: _Optional[_Iterable[_Union[_common_pb2.UserType, _Mapping]]] = ..., pagination_token: _Optional[str] = ...) -> None: ...

class ImportUsersRequest(_message.Message):
    __slots__ = ("user_pool_id", "users")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERS_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    users: _containers.RepeatedCompositeFieldContainer[_common_pb2.ImportUserRecord]
    def __init__(self, user_pool_id: _Optional[str] = ..., users: _Optional[_Iterable[_Union[_common_pb2.ImportUserRecord, _Mapping]]] = ...) -> None: ...

class ImportUsersResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "too_many_requests", "not_authorized")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    success: ImportUsersResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    not_authorized: _errors_pb2.NotAuthorized
    def __init__(self, success: _Optional[_Union[ImportUsersResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ...) -> None: ...

class ImportUsersResult(_message.Message):
    __slots__ = ("outcomes", "imported_count", "refused_count")
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    REFUSED_COUNT_FIELD_NUMBER: _ClassVar[int]
    outcomes: _containers.RepeatedCompositeFieldContainer[_common_pb2.ImportUserOutcome]
    imported_count: int
    refused_count: int
    def __init__(self, outcomes: _Optional[_Iterable[_Union[_common_pb2.ImportUserOutcome, _Mapping]]] = ..., imported_count: _Optional[int] = ..., refused_count: _Optional[int] = ...) -> None: ...

class RotateSigningKeyRequest(_message.Message):
    __slots__ = ("user_pool_id",)
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    def __init__(self, user_pool_id: _Optional[str] = ...) -> None: ...

class RotateSigningKeyResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    success: RotateSigningKeyResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    def __init__(self, success: _Optional[_Union[RotateSigningKeyResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ...) -> None: ...

class RotateSigningKeyResult(_message.Message):
    __slots__ = ("kid", "previous_kids")
    KID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_KIDS_FIELD_NUMBER: _ClassVar[int]
    kid: str
    previous_kids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kid: _Optional[str] = ..., previous_kids: _Optional[_Iterable[str]] = ...) -> None: ...
