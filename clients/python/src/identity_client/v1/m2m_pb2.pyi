import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from identity_client.v1 import errors_pb2 as _errors_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ResourceServerScope(_message.Message):
    __slots__ = ("scope_name", "scope_description")
    SCOPE_NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPE_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    scope_name: str
    scope_description: str
    def __init__(self, scope_name: _Optional[str] = ..., scope_description: _Optional[str] = ...) -> None: ...

class ResourceServer(_message.Message):
    __slots__ = ("user_pool_id", "identifier", "name", "scopes")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    identifier: str
    name: str
    scopes: _containers.RepeatedCompositeFieldContainer[ResourceServerScope]
    def __init__(self, user_pool_id: _Optional[str] = ..., identifier: _Optional[str] = ..., name: _Optional[str] = ..., scopes: _Optional[_Iterable[_Union[ResourceServerScope, _Mapping]]] = ...) -> None: ...

class CreateResourceServerRequest(_message.Message):
    __slots__ = ("user_pool_id", "identifier", "name", "scopes")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    identifier: str
    name: str
    scopes: _containers.RepeatedCompositeFieldContainer[ResourceServerScope]
    def __init__(self, user_pool_id: _Optional[str] = ..., identifier: _Optional[str] = ..., name: _Optional[str] = ..., scopes: _Optional[_Iterable[_Union[ResourceServerScope, _Mapping]]] = ...) -> None: ...

class DescribeResourceServerRequest(_message.Message):
    __slots__ = ("user_pool_id", "identifier")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    identifier: str
    def __init__(self, user_pool_id: _Optional[str] = ..., identifier: _Optional[str] = ...) -> None: ...

class UpdateResourceServerRequest(_message.Message):
    __slots__ = ("user_pool_id", "identifier", "name", "scopes")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    identifier: str
    name: str
    scopes: _containers.RepeatedCompositeFieldContainer[ResourceServerScope]
    def __init__(self, user_pool_id: _Optional[str] = ..., identifier: _Optional[str] = ..., name: _Optional[str] = ..., scopes: _Optional[_Iterable[_Union[ResourceServerScope, _Mapping]]] = ...) -> None: ...

class DeleteResourceServerRequest(_message.Message):
    __slots__ = ("user_pool_id", "identifier")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    identifier: str
    def __init__(self, user_pool_id: _Optional[str] = ..., identifier: _Optional[str] = ...) -> None: ...

class DeleteResourceServerResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListResourceServersRequest(_message.Message):
    __slots__ = ("user_pool_id", "max_results", "next_token")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    max_results: int
    next_token: str
    def __init__(self, user_pool_id: _Optional[str] = ..., max_results: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListResourceServersResult(_message.Message):
    __slots__ = ("resource_servers", "next_token")
    RESOURCE_SERVERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    resource_servers: _containers.RepeatedCompositeFieldContainer[ResourceServer]
    next_token: str
    def __init__(self, resource_servers: _Optional[_Iterable[_Union[ResourceServer, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class ClientSecretDescriptor(_message.Message):
    __slots__ = ("client_secret_id", "client_secret_value", "client_secret_create_date")
    CLIENT_SECRET_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_VALUE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_CREATE_DATE_FIELD_NUMBER: _ClassVar[int]
    client_secret_id: str
    client_secret_value: str
    client_secret_create_date: _timestamp_pb2.Timestamp
    def __init__(self, client_secret_id: _Optional[str] = ..., client_secret_value: _Optional[str] = ..., client_secret_create_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AddUserPoolClientSecretRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "client_secret")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    client_secret: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., client_secret: _Optional[str] = ...) -> None: ...

class DeleteUserPoolClientSecretRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "client_secret_id")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    client_secret_id: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., client_secret_id: _Optional[str] = ...) -> None: ...

class DeleteUserPoolClientSecretResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUserPoolClientSecretsRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class ListUserPoolClientSecretsResult(_message.Message):
    __slots__ = ("client_secrets",)
    CLIENT_SECRETS_FIELD_NUMBER: _ClassVar[int]
    client_secrets: _containers.RepeatedCompositeFieldContainer[ClientSecretDescriptor]
    def __init__(self, client_secrets: _Optional[_Iterable[_Union[ClientSecretDescriptor, _Mapping]]] = ...) -> None: ...

class GetClientTokenRequest(_message.Message):
    __slots__ = ("client_id", "secret", "scopes", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret: str
    scopes: _containers.RepeatedScalarFieldContainer[str]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret: _Optional[str] = ..., scopes: _Optional[_Iterable[str]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ClientAuthenticationResult(_message.Message):
    __slots__ = ("access_token", "expires_in", "token_type")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    expires_in: int
    token_type: str
    def __init__(self, access_token: _Optional[str] = ..., expires_in: _Optional[int] = ..., token_type: _Optional[str] = ...) -> None: ...

class GetClientTokenResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "not_authorized", "too_many_requests", "invalid_oauth_flow", "scope_does_not_exist", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    INVALID_OAUTH_FLOW_FIELD_NUMBER: _ClassVar[int]
    SCOPE_DOES_NOT_EXIST_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: ClientAuthenticationResult
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    invalid_oauth_flow: _errors_pb2.InvalidOAuthFlow
    scope_does_not_exist: _errors_pb2.ScopeDoesNotExist
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[ClientAuthenticationResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., invalid_oauth_flow: _Optional[_Union[_errors_pb2.InvalidOAuthFlow, _Mapping]] = ..., scope_does_not_exist: _Optional[_Union[_errors_pb2.ScopeDoesNotExist, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class CreateResourceServerResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "limit_exceeded")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    success: ResourceServer
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    def __init__(self, success: _Optional[_Union[ResourceServer, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ...) -> None: ...

class DescribeResourceServerResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ResourceServer
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ResourceServer, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class UpdateResourceServerResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ResourceServer
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ResourceServer, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class DeleteResourceServerResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: DeleteResourceServerResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[DeleteResourceServerResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class ListResourceServersResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ListResourceServersResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ListResourceServersResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class AddUserPoolClientSecretResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "limit_exceeded")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    success: ClientSecretDescriptor
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    def __init__(self, success: _Optional[_Union[ClientSecretDescriptor, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ...) -> None: ...

class DeleteUserPoolClientSecretResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: DeleteUserPoolClientSecretResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[DeleteUserPoolClientSecretResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class ListUserPoolClientSecretsResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ListUserPoolClientSecretsResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ListUserPoolClientSecretsResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...
