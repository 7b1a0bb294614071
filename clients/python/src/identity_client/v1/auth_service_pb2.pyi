from identity_client.v1 import common_pb2 as _common_pb2
from identity_client.v1 import errors_pb2 as _errors_pb2
from identity_client.v1 import m2m_pb2 as _m2m_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SignUpRequest(_message.Message):
    __slots__ = ("client_id", "secret_hash", "username", "password", "user_attributes", "validation_data", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_HASH_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    USER_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    VALIDATION_DATA_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret_hash: str
    username: str
    password: str
    user_attributes: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    validation_data: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret_hash: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., user_attributes: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ..., validation_data: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SignUpResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "invalid_password", "username_exists", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    USERNAME_EXISTS_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: SignUpResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    invalid_password: _errors_pb2.InvalidPassword
    username_exists: _errors_pb2.UsernameExists
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[SignUpResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ..., username_exists: _Optional[_Union[_errors_pb2.UsernameExists, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class SignUpResult(_message.Message):
    __slots__ = ("user_confirmed", "code_delivery_details", "user_sub")
    USER_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    CODE_DELIVERY_DETAILS_FIELD_NUMBER: _ClassVar[int]
    USER_SUB_FIELD_NUMBER: _ClassVar[int]
    user_confirmed: bool
    code_delivery_details: _common_pb2.CodeDeliveryDetails
    user_sub: str
    def __init__(self, user_confirmed: _Optional[bool] = ..., code_delivery_details: _Optional[_Union[_common_pb2.CodeDeliveryDetails, _Mapping]] = ..., user_sub: _Optional[str] = ...) -> None: ...

class ConfirmSignUpRequest(_message.Message):
    __slots__ = ("client_id", "secret_hash", "username", "confirmation_code", "force_alias_creation", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_HASH_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CONFIRMATION_CODE_FIELD_NUMBER: _ClassVar[int]
    FORCE_ALIAS_CREATION_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret_hash: str
    username: str
    confirmation_code: str
    force_alias_creation: bool
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret_hash: _Optional[str] = ..., username: _Optional[str] = ..., confirmation_code: _Optional[str] = ..., force_alias_creation: _Optional[bool] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ConfirmSignUpResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "too_many_failed_attempts", "code_mismatch", "expired_code", "alias_exists", "limit_exceeded", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_FAILED_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CODE_MISMATCH_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_CODE_FIELD_NUMBER: _ClassVar[int]
    ALIAS_EXISTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: ConfirmSignUpResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    too_many_failed_attempts: _errors_pb2.TooManyFailedAttempts
    code_mismatch: _errors_pb2.CodeMismatch
    expired_code: _errors_pb2.ExpiredCode
    alias_exists: _errors_pb2.AliasExists
    limit_exceeded: _errors_pb2.LimitExceeded
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[ConfirmSignUpResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., too_many_failed_attempts: _Optional[_Union[_errors_pb2.TooManyFailedAttempts, _Mapping]] = ..., code_mismatch: _Optional[_Union[_errors_pb2.CodeMismatch, _Mapping]] = ..., expired_code: _Optional[_Union[_errors_pb2.ExpiredCode, _Mapping]] = ..., alias_exists: _Optional[_Union[_errors_pb2.AliasExists, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class ConfirmSignUpResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResendConfirmationCodeRequest(_message.Message):
    __slots__ = ("client_id", "secret_hash", "username", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_HASH_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret_hash: str
    username: str
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret_hash: _Optional[str] = ..., username: _Optional[str] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ResendConfirmationCodeResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "limit_exceeded", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: ResendConfirmationCodeResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[ResendConfirmationCodeResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class ResendConfirmationCodeResult(_message.Message):
    __slots__ = ("code_delivery_details",)
    CODE_DELIVERY_DETAILS_FIELD_NUMBER: _ClassVar[int]
    code_delivery_details: _common_pb2.CodeDeliveryDetails
    def __init__(self, code_delivery_details: _Optional[_Union[_common_pb2.CodeDeliveryDetails, _Mapping]] = ...) -> None: ...

class ForgotPasswordRequest(_message.Message):
    __slots__ = ("client_id", "secret_hash", "username", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_HASH_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret_hash: str
    username: str
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret_hash: _Optional[str] = ..., username: _Optional[str] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ForgotPasswordResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "limit_exceeded", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: ForgotPasswordResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[ForgotPasswordResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class ForgotPasswordResult(_message.Message):
    __slots__ = ("code_delivery_details",)
    CODE_DELIVERY_DETAILS_FIELD_NUMBER: _ClassVar[int]
    code_delivery_details: _common_pb2.CodeDeliveryDetails
    def __init__(self, code_delivery_details: _Optional[_Union[_common_pb2.CodeDeliveryDetails, _Mapping]] = ...) -> None: ...

class ConfirmForgotPasswordRequest(_message.Message):
    __slots__ = ("client_id", "secret_hash", "username", "confirmation_code", "password", "client_metadata")
    class ClientMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_HASH_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CONFIRMATION_CODE_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    secret_hash: str
    username: str
    confirmation_code: str
    password: str
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., secret_hash: _Optional[str] = ..., username: _Optional[str] = ..., confirmation_code: _Optional[str] = ..., password: _Optional[str] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ConfirmForgotPasswordResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter", "not_authorized", "too_many_requests", "invalid_password", "code_mismatch", "expired_code", "too_many_failed_attempts", "limit_exceeded", "user_not_found", "user_lambda_validation", "unexpected_lambda", "invalid_lambda_response")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CODE_MISMATCH_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_CODE_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_FAILED_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_LAMBDA_VALIDATION_FIELD_NUMBER: _ClassVar[int]
    UNEXPECTED_LAMBDA_FIELD_NUMBER: _ClassVar[int]
    INVALID_LAMBDA_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    success: ConfirmForgotPasswordResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    invalid_password: _errors_pb2.InvalidPassword
    code_mismatch: _errors_pb2.CodeMismatch
    expired_code: _errors_pb2.ExpiredCode
    too_many_failed_attempts: _errors_pb2.TooManyFailedAttempts
    limit_exceeded: _errors_pb2.LimitExceeded
    user_not_found: _errors_pb2.UserNotFound
    user_lambda_validation: _errors_pb2.UserLambdaValidation
    unexpected_lambda: _errors_pb2.UnexpectedLambda
    invalid_lambda_response: _errors_pb2.InvalidLambdaResponse
    def __init__(self, success: _Optional[_Union[ConfirmForgotPasswordResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ..., code_mismatch: _Optional[_Union[_errors_pb2.CodeMismatch, _Mapping]] = ..., expired_code: _Optional[_Union[_errors_pb2.ExpiredCode, _Mapping]] = ..., too_many_failed_attempts: _Optional[_Union[_errors_pb2.TooManyFailedAttempts, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., user_lambda_validation: _Optional[_Union[_errors_pb2.UserLambdaValidation, _Mapping]] = ..., unexpected_lambda: _Optional[_Union[_errors_pb2.UnexpectedLambda, _Mapping]] = ..., invalid_lambda_response: _Optional[_Union[_errors_pb2.InvalidLambdaResponse, _Mapping]] = ...) -> None: ...

class ConfirmForgotPasswordResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class InitiateAuthRequest(_message.Message):
    __slots__ = ("client_id", "auth_flow", "auth_parameters", "client_metadata")
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
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    AUTH_FLOW_FIELD_NUMBER: _ClassVar[int]
    AUTH_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    auth_flow: _common_pb2.AuthFlow
    auth_parameters: _containers.ScalarMap[str, str]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., auth_flow: _Optional[_Union[_common_pb2.AuthFlow, str]] = ..., auth_parameters: _Optional[_Mapping[str, str]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class InitiateAuthResponse(_message.Message):
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

class RespondToAuthChallengeRequest(_message.Message):
    __slots__ = ("client_id", "challenge_name", "session", "challenge_responses", "client_metadata")
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
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_NAME_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    challenge_name: _common_pb2.ChallengeName
    session: str
    challenge_responses: _containers.ScalarMap[str, str]
    client_metadata: _containers.ScalarMap[str, str]
    def __init__(self, client_id: _Optional[str] = ..., challenge_name: _Optional[_Union[_common_pb2.ChallengeName, str]] = ..., session: _Optional[str] = ..., challenge_responses: _Optional[_Mapping[str, str]] = ..., client_metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RespondToAuthChallengeResponse(_message.Message):
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

class GetUserRequest(_message.Message):
    __slots__ = ("access_token",)
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    def __init__(self, access_token: _Optional[str] = ...) -> None: ...

class GetUserResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: GetUserResult
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[GetUserResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class GetUserResult(_message.Message):
    __slots__ = ("username", "user_attributes")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    USER_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    username: str
    user_attributes: _containers.RepeatedCompositeFieldContainer[_common_pb2.AttributeType]
    def __init__(self, username: _Optional[str] = ..., user_attributes: _Optional[_Iterable[_Union[_common_pb2.AttributeType, _Mapping]]] = ...) -> None: ...

class ChangePasswordRequest(_message.Message):
    __slots__ = ("previous_password", "proposed_password", "access_token")
    PREVIOUS_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    previous_password: str
    proposed_password: str
    access_token: str
    def __init__(self, previous_password: _Optional[str] = ..., proposed_password: _Optional[str] = ..., access_token: _Optional[str] = ...) -> None: ...

class ChangePasswordResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "not_authorized", "too_many_requests", "invalid_password", "limit_exceeded", "password_reset_required")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_RESET_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    success: ChangePasswordResult
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    invalid_password: _errors_pb2.InvalidPassword
    limit_exceeded: _errors_pb2.LimitExceeded
    password_reset_required: _errors_pb2.PasswordResetRequired
    def __init__(self, success: _Optional[_Union[ChangePasswordResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., invalid_password: _Optional[_Union[_errors_pb2.InvalidPassword, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., password_reset_required: _Optional[_Union[_errors_pb2.PasswordResetRequired, _Mapping]] = ...) -> None: ...

class ChangePasswordResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GlobalSignOutRequest(_message.Message):
    __slots__ = ("access_token",)
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    def __init__(self, access_token: _Optional[str] = ...) -> None: ...

class GlobalSignOutResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: GlobalSignOutResult
    invalid_parameter: _errors_pb2.InvalidParameter
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[GlobalSignOutResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class GlobalSignOutResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RevokeTokenRequest(_message.Message):
    __slots__ = ("token", "client_id", "client_secret")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_FIELD_NUMBER: _ClassVar[int]
    token: str
    client_id: str
    client_secret: str
    def __init__(self, token: _Optional[str] = ..., client_id: _Optional[str] = ..., client_secret: _Optional[str] = ...) -> None: ...

class RevokeTokenResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "too_many_requests", "unauthorized", "unsupported_operation", "unsupported_token_type")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    UNAUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    UNSUPPORTED_OPERATION_FIELD_NUMBER: _ClassVar[int]
    UNSUPPORTED_TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    success: RevokeTokenResult
    invalid_parameter: _errors_pb2.InvalidParameter
    too_many_requests: _errors_pb2.TooManyRequests
    unauthorized: _errors_pb2.Unauthorized
    unsupported_operation: _errors_pb2.UnsupportedOperation
    unsupported_token_type: _errors_pb2.UnsupportedTokenType
    def __init__(self, success: _Optional[_Union[RevokeTokenResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., unauthorized: _Optional[_Union[_errors_pb2.Unauthorized, _Mapping]] = ..., unsupported_operation: _Optional[_Union[_errors_pb2.UnsupportedOperation, _Mapping]] = ..., unsupported_token_type: _Optional[_Union[_errors_pb2.UnsupportedTokenType, _Mapping]] = ...) -> None: ...

class RevokeTokenResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetJwksRequest(_message.Message):
    __slots__ = ("user_pool_id", "client_id")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class GetJwksResponse(_message.Message):
    __slots__ = ("success", "resource_not_found", "invalid_parameter")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    success: GetJwksResult
    resource_not_found: _errors_pb2.ResourceNotFound
    invalid_parameter: _errors_pb2.InvalidParameter
    def __init__(self, success: _Optional[_Union[GetJwksResult, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ...) -> None: ...

class GetJwksResult(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[_common_pb2.Jwk]
    def __init__(self, keys: _Optional[_Iterable[_Union[_common_pb2.Jwk, _Mapping]]] = ...) -> None: ...
