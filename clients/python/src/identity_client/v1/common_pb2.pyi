import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DeliveryMedium(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DELIVERY_MEDIUM_UNSPECIFIED: _ClassVar[DeliveryMedium]
    DELIVERY_MEDIUM_SMS: _ClassVar[DeliveryMedium]
    DELIVERY_MEDIUM_EMAIL: _ClassVar[DeliveryMedium]

class AuthFlow(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AUTH_FLOW_UNSPECIFIED: _ClassVar[AuthFlow]
    AUTH_FLOW_USER_SRP_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_REFRESH_TOKEN_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_REFRESH_TOKEN: _ClassVar[AuthFlow]
    AUTH_FLOW_CUSTOM_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_ADMIN_NO_SRP_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_USER_PASSWORD_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_ADMIN_USER_PASSWORD_AUTH: _ClassVar[AuthFlow]
    AUTH_FLOW_USER_AUTH: _ClassVar[AuthFlow]

class ChallengeName(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHALLENGE_NAME_UNSPECIFIED: _ClassVar[ChallengeName]
    CHALLENGE_NAME_PASSWORD_VERIFIER: _ClassVar[ChallengeName]
    CHALLENGE_NAME_NEW_PASSWORD_REQUIRED: _ClassVar[ChallengeName]
    CHALLENGE_NAME_CUSTOM_CHALLENGE: _ClassVar[ChallengeName]
    CHALLENGE_NAME_SMS_MFA: _ClassVar[ChallengeName]
    CHALLENGE_NAME_SOFTWARE_TOKEN_MFA: _ClassVar[ChallengeName]
    CHALLENGE_NAME_SELECT_MFA_TYPE: _ClassVar[ChallengeName]
    CHALLENGE_NAME_MFA_SETUP: _ClassVar[ChallengeName]
    CHALLENGE_NAME_DEVICE_SRP_AUTH: _ClassVar[ChallengeName]
    CHALLENGE_NAME_DEVICE_PASSWORD_VERIFIER: _ClassVar[ChallengeName]
    CHALLENGE_NAME_EMAIL_OTP: _ClassVar[ChallengeName]
    CHALLENGE_NAME_SMS_OTP: _ClassVar[ChallengeName]
    CHALLENGE_NAME_SELECT_CHALLENGE: _ClassVar[ChallengeName]
    CHALLENGE_NAME_WEB_AUTHN: _ClassVar[ChallengeName]

class UserStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    USER_STATUS_UNSPECIFIED: _ClassVar[UserStatus]
    USER_STATUS_UNCONFIRMED: _ClassVar[UserStatus]
    USER_STATUS_CONFIRMED: _ClassVar[UserStatus]
    USER_STATUS_RESET_REQUIRED: _ClassVar[UserStatus]
    USER_STATUS_FORCE_CHANGE_PASSWORD: _ClassVar[UserStatus]

class RecoveryMechanism(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECOVERY_MECHANISM_UNSPECIFIED: _ClassVar[RecoveryMechanism]
    RECOVERY_MECHANISM_VERIFIED_EMAIL: _ClassVar[RecoveryMechanism]
    RECOVERY_MECHANISM_VERIFIED_PHONE_NUMBER: _ClassVar[RecoveryMechanism]
    RECOVERY_MECHANISM_ADMIN_ONLY: _ClassVar[RecoveryMechanism]

class ExplicitAuthFlow(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPLICIT_AUTH_FLOW_UNSPECIFIED: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_ADMIN_USER_PASSWORD_AUTH: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_CUSTOM_AUTH: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_REFRESH_TOKEN_AUTH: _ClassVar[ExplicitAuthFlow]
    EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH: _ClassVar[ExplicitAuthFlow]

class PreventUserExistenceErrors(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PREVENT_USER_EXISTENCE_ERRORS_UNSPECIFIED: _ClassVar[PreventUserExistenceErrors]
    PREVENT_USER_EXISTENCE_ERRORS_LEGACY: _ClassVar[PreventUserExistenceErrors]
    PREVENT_USER_EXISTENCE_ERRORS_ENABLED: _ClassVar[PreventUserExistenceErrors]
    PREVENT_USER_EXISTENCE_ERRORS_STRICT: _ClassVar[PreventUserExistenceErrors]

class MessageAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MESSAGE_ACTION_UNSPECIFIED: _ClassVar[MessageAction]
    MESSAGE_ACTION_RESEND: _ClassVar[MessageAction]
    MESSAGE_ACTION_SUPPRESS: _ClassVar[MessageAction]

class OauthFlow(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OAUTH_FLOW_UNSPECIFIED: _ClassVar[OauthFlow]
    OAUTH_FLOW_CLIENT_CREDENTIALS: _ClassVar[OauthFlow]
DELIVERY_MEDIUM_UNSPECIFIED: DeliveryMedium
DELIVERY_MEDIUM_SMS: DeliveryMedium
DELIVERY_MEDIUM_EMAIL: DeliveryMedium
AUTH_FLOW_UNSPECIFIED: AuthFlow
AUTH_FLOW_USER_SRP_AUTH: AuthFlow
AUTH_FLOW_REFRESH_TOKEN_AUTH: AuthFlow
AUTH_FLOW_REFRESH_TOKEN: AuthFlow
AUTH_FLOW_CUSTOM_AUTH: AuthFlow
AUTH_FLOW_ADMIN_NO_SRP_AUTH: AuthFlow
AUTH_FLOW_USER_PASSWORD_AUTH: AuthFlow
AUTH_FLOW_ADMIN_USER_PASSWORD_AUTH: AuthFlow
AUTH_FLOW_USER_AUTH: AuthFlow
CHALLENGE_NAME_UNSPECIFIED: ChallengeName
CHALLENGE_NAME_PASSWORD_VERIFIER: ChallengeName
CHALLENGE_NAME_NEW_PASSWORD_REQUIRED: ChallengeName
CHALLENGE_NAME_CUSTOM_CHALLENGE: ChallengeName
CHALLENGE_NAME_SMS_MFA: ChallengeName
CHALLENGE_NAME_SOFTWARE_TOKEN_MFA: ChallengeName
CHALLENGE_NAME_SELECT_MFA_TYPE: ChallengeName
CHALLENGE_NAME_MFA_SETUP: ChallengeName
CHALLENGE_NAME_DEVICE_SRP_AUTH: ChallengeName
CHALLENGE_NAME_DEVICE_PASSWORD_VERIFIER: ChallengeName
CHALLENGE_NAME_EMAIL_OTP: ChallengeName
CHALLENGE_NAME_SMS_OTP: ChallengeName
CHALLENGE_NAME_SELECT_CHALLENGE: ChallengeName
CHALLENGE_NAME_WEB_AUTHN: ChallengeName
USER_STATUS_UNSPECIFIED: UserStatus
USER_STATUS_UNCONFIRMED: UserStatus
USER_STATUS_CONFIRMED: UserStatus
USER_STATUS_RESET_REQUIRED: UserStatus
USER_STATUS_FORCE_CHANGE_PASSWORD: UserStatus
RECOVERY_MECHANISM_UNSPECIFIED: RecoveryMechanism
RECOVERY_MECHANISM_VERIFIED_EMAIL: RecoveryMechanism
RECOVERY_MECHANISM_VERIFIED_PHONE_NUMBER: RecoveryMechanism
RECOVERY_MECHANISM_ADMIN_ONLY: RecoveryMechanism
EXPLICIT_AUTH_FLOW_UNSPECIFIED: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_ADMIN_USER_PASSWORD_AUTH: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_CUSTOM_AUTH: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_REFRESH_TOKEN_AUTH: ExplicitAuthFlow
EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH: ExplicitAuthFlow
PREVENT_USER_EXISTENCE_ERRORS_UNSPECIFIED: PreventUserExistenceErrors
PREVENT_USER_EXISTENCE_ERRORS_LEGACY: PreventUserExistenceErrors
PREVENT_USER_EXISTENCE_ERRORS_ENABLED: PreventUserExistenceErrors
PREVENT_USER_EXISTENCE_ERRORS_STRICT: PreventUserExistenceErrors
MESSAGE_ACTION_UNSPECIFIED: MessageAction
MESSAGE_ACTION_RESEND: MessageAction
MESSAGE_ACTION_SUPPRESS: MessageAction
OAUTH_FLOW_UNSPECIFIED: OauthFlow
OAUTH_FLOW_CLIENT_CREDENTIALS: OauthFlow

class AttributeType(_message.Message):
    __slots__ = ("name", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class CodeDeliveryDetails(_message.Message):
    __slots__ = ("destination", "delivery_medium", "attribute_name")
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_MEDIUM_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTE_NAME_FIELD_NUMBER: _ClassVar[int]
    destination: str
    delivery_medium: DeliveryMedium
    attribute_name: str
    def __init__(self, destination: _Optional[str] = ..., delivery_medium: _Optional[_Union[DeliveryMedium, str]] = ..., attribute_name: _Optional[str] = ...) -> None: ...

class AuthenticationResult(_message.Message):
    __slots__ = ("access_token", "expires_in", "token_type", "refresh_token", "id_token")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    REFRESH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    ID_TOKEN_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    expires_in: int
    token_type: str
    refresh_token: str
    id_token: str
    def __init__(self, access_token: _Optional[str] = ..., expires_in: _Optional[int] = ..., token_type: _Optional[str] = ..., refresh_token: _Optional[str] = ..., id_token: _Optional[str] = ...) -> None: ...

class Challenge(_message.Message):
    __slots__ = ("challenge_name", "session", "challenge_parameters")
    class ChallengeParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CHALLENGE_NAME_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    CHALLENGE_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    challenge_name: ChallengeName
    session: str
    challenge_parameters: _containers.ScalarMap[str, str]
    def __init__(self, challenge_name: _Optional[_Union[ChallengeName, str]] = ..., session: _Optional[str] = ..., challenge_parameters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UserType(_message.Message):
    __slots__ = ("username", "attributes", "user_create_date", "user_last_modified_date", "enabled", "user_status")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    USER_CREATE_DATE_FIELD_NUMBER: _ClassVar[int]
    USER_LAST_MODIFIED_DATE_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    USER_STATUS_FIELD_NUMBER: _ClassVar[int]
    username: str
    attributes: _containers.RepeatedCompositeFieldContainer[AttributeType]
    user_create_date: _timestamp_pb2.Timestamp
    user_last_modified_date: _timestamp_pb2.Timestamp
    enabled: bool
    user_status: UserStatus
    def __init__(self, username: _Optional[str] = ..., attributes: _Optional[_Iterable[_Union[AttributeType, _Mapping]]] = ..., user_create_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., user_last_modified_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., enabled: _Optional[bool] = ..., user_status: _Optional[_Union[UserStatus, str]] = ...) -> None: ...

class Jwk(_message.Message):
    __slots__ = ("kid", "kty", "alg", "use", "n", "e")
    KID_FIELD_NUMBER: _ClassVar[int]
    KTY_FIELD_NUMBER: _ClassVar[int]
    ALG_FIELD_NUMBER: _ClassVar[int]
    USE_FIELD_NUMBER: _ClassVar[int]
    N_FIELD_NUMBER: _ClassVar[int]
    E_FIELD_NUMBER: _ClassVar[int]
    kid: str
    kty: str
    alg: str
    use: str
    n: str
    e: str
    def __init__(self, kid: _Optional[str] = ..., kty: _Optional[str] = ..., alg: _Optional[str] = ..., use: _Optional[str] = ..., n: _Optional[str] = ..., e: _Optional[str] = ...) -> None: ...

class PasswordPolicy(_message.Message):
    __slots__ = ("minimum_length", "require_uppercase", "require_lowercase", "require_numbers", "require_symbols", "temporary_password_validity_days")
    MINIMUM_LENGTH_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_UPPERCASE_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_LOWERCASE_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_SYMBOLS_FIELD_NUMBER: _ClassVar[int]
    TEMPORARY_PASSWORD_VALIDITY_DAYS_FIELD_NUMBER: _ClassVar[int]
    minimum_length: int
    require_uppercase: bool
    require_lowercase: bool
    require_numbers: bool
    require_symbols: bool
    temporary_password_validity_days: int
    def __init__(self, minimum_length: _Optional[int] = ..., require_uppercase: _Optional[bool] = ..., require_lowercase: _Optional[bool] = ..., require_numbers: _Optional[bool] = ..., require_symbols: _Optional[bool] = ..., temporary_password_validity_days: _Optional[int] = ...) -> None: ...

class UserPoolSettings(_message.Message):
    __slots__ = ("username_attributes", "alias_attributes", "auto_verified_attributes", "username_case_sensitive", "password_policy", "account_recovery", "request_rate_quotas")
    USERNAME_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    ALIAS_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    AUTO_VERIFIED_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    USERNAME_CASE_SENSITIVE_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_POLICY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_RECOVERY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_RATE_QUOTAS_FIELD_NUMBER: _ClassVar[int]
    username_attributes: _containers.RepeatedScalarFieldContainer[str]
    alias_attributes: _containers.RepeatedScalarFieldContainer[str]
    auto_verified_attributes: _containers.RepeatedScalarFieldContainer[str]
    username_case_sensitive: bool
    password_policy: PasswordPolicy
    account_recovery: _containers.RepeatedScalarFieldContainer[RecoveryMechanism]
    request_rate_quotas: RequestRateQuotas
    def __init__(self, username_attributes: _Optional[_Iterable[str]] = ..., alias_attributes: _Optional[_Iterable[str]] = ..., auto_verified_attributes: _Optional[_Iterable[str]] = ..., username_case_sensitive: _Optional[bool] = ..., password_policy: _Optional[_Union[PasswordPolicy, _Mapping]] = ..., account_recovery: _Optional[_Iterable[_Union[RecoveryMechanism, str]]] = ..., request_rate_quotas: _Optional[_Union[RequestRateQuotas, _Mapping]] = ...) -> None: ...

class RequestRateQuotas(_message.Message):
    __slots__ = ("user_authentication", "user_authentication_challenge", "user_creation", "user_account_recovery", "user_read", "user_update", "user_token", "user_list", "user_resource_read", "user_resource_update", "client_authentication", "user_pool_read", "user_pool_update")
    USER_AUTHENTICATION_FIELD_NUMBER: _ClassVar[int]
    USER_AUTHENTICATION_CHALLENGE_FIELD_NUMBER: _ClassVar[int]
    USER_CREATION_FIELD_NUMBER: _ClassVar[int]
    USER_ACCOUNT_RECOVERY_FIELD_NUMBER: _ClassVar[int]
    USER_READ_FIELD_NUMBER: _ClassVar[int]
    USER_UPDATE_FIELD_NUMBER: _ClassVar[int]
    USER_TOKEN_FIELD_NUMBER: _ClassVar[int]
    USER_LIST_FIELD_NUMBER: _ClassVar[int]
    USER_RESOURCE_READ_FIELD_NUMBER: _ClassVar[int]
    USER_RESOURCE_UPDATE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_AUTHENTICATION_FIELD_NUMBER: _ClassVar[int]
    USER_POOL_READ_FIELD_NUMBER: _ClassVar[int]
    USER_POOL_UPDATE_FIELD_NUMBER: _ClassVar[int]
    user_authentication: int
    user_authentication_challenge: int
    user_creation: int
    user_account_recovery: int
    user_read: int
    user_update: int
    user_token: int
    user_list: int
    user_resource_read: int
    user_resource_update: int
    client_authentication: int
    user_pool_read: int
    user_pool_update: int
    def __init__(self, user_authentication: _Optional[int] = ..., user_authentication_challenge: _Optional[int] = ..., user_creation: _Optional[int] = ..., user_account_recovery: _Optional[int] = ..., user_read: _Optional[int] = ..., user_update: _Optional[int] = ..., user_token: _Optional[int] = ..., user_list: _Optional[int] = ..., user_resource_read: _Optional[int] = ..., user_resource_update: _Optional[int] = ..., client_authentication: _Optional[int] = ..., user_pool_read: _Optional[int] = ..., user_pool_update: _Optional[int] = ...) -> None: ...

class UserPool(_message.Message):
    __slots__ = ("id", "name", "settings", "creation_date", "last_modified_date")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    CREATION_DATE_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_DATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    settings: UserPoolSettings
    creation_date: _timestamp_pb2.Timestamp
    last_modified_date: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., settings: _Optional[_Union[UserPoolSettings, _Mapping]] = ..., creation_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_modified_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserPoolClientSettings(_message.Message):
    __slots__ = ("explicit_auth_flows", "prevent_user_existence_errors", "access_token_validity_seconds", "id_token_validity_seconds", "refresh_token_validity_seconds", "auth_session_validity_minutes", "allowed_oauth_flows", "allowed_oauth_scopes", "enable_token_revocation")
    EXPLICIT_AUTH_FLOWS_FIELD_NUMBER: _ClassVar[int]
    PREVENT_USER_EXISTENCE_ERRORS_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_VALIDITY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    ID_TOKEN_VALIDITY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    REFRESH_TOKEN_VALIDITY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    AUTH_SESSION_VALIDITY_MINUTES_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_OAUTH_FLOWS_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_OAUTH_SCOPES_FIELD_NUMBER: _ClassVar[int]
    ENABLE_TOKEN_REVOCATION_FIELD_NUMBER: _ClassVar[int]
    explicit_auth_flows: _containers.RepeatedScalarFieldContainer[ExplicitAuthFlow]
    prevent_user_existence_errors: PreventUserExistenceErrors
    access_token_validity_seconds: int
    id_token_validity_seconds: int
    refresh_token_validity_seconds: int
    auth_session_validity_minutes: int
    allowed_oauth_flows: _containers.RepeatedScalarFieldContainer[OauthFlow]
    allowed_oauth_scopes: _containers.RepeatedScalarFieldContainer[str]
    enable_token_revocation: bool
    def __init__(self, explicit_auth_flows: _Optional[_Iterable[_Union[ExplicitAuthFlow, str]]] = ..., prevent_user_existence_errors: _Optional[_Union[PreventUserExistenceErrors, str]] = ..., access_token_validity_seconds: _Optional[int] = ..., id_token_validity_seconds: _Optional[int] = ..., refresh_token_validity_seconds: _Optional[int] = ..., auth_session_validity_minutes: _Optional[int] = ..., allowed_oauth_flows: _Optional[_Iterable[_Union[OauthFlow, str]]] = ..., allowed_oauth_scopes: _Optional[_Iterable[str]] = ..., enable_token_revocation: _Optional[bool] = ...) -> None: ...

class UserPoolClient(_message.Message):
    __slots__ = ("user_pool_id", "client_id", "client_name", "client_secret", "settings", "creation_date", "last_modified_date")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    CREATION_DATE_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_DATE_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    client_id: str
    client_name: str
    client_secret: str
    settings: UserPoolClientSettings
    creation_date: _timestamp_pb2.Timestamp
    last_modified_date: _timestamp_pb2.Timestamp
    def __init__(self, user_pool_id: _Optional[str] = ..., client_id: _Optional[str] = ..., client_name: _Optional[str] = ..., client_secret: _Optional[str] = ..., settings: _Optional[_Union[UserPoolClientSettings, _Mapping]] = ..., creation_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_modified_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ImportUserRecord(_message.Message):
    __slots__ = ("username", "attributes")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    username: str
    attributes: _containers.RepeatedCompositeFieldContainer[AttributeType]
    def __init__(self, username: _Optional[str] = ..., attributes: _Optional[_Iterable[_Union[AttributeType, _Mapping]]] = ...) -> None: ...

class ImportUserOutcome(_message.Message):
    __slots__ = ("index", "username", "imported", "refused")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    REFUSED_FIELD_NUMBER: _ClassVar[int]
    index: int
    username: str
    imported: UserType
    refused: str
    def __init__(self, index: _Optional[int] = ..., username: _Optional[str] = ..., imported: _Optional[_Union[UserType, _Mapping]] = ..., refused: _Optional[str] = ...) -> None: ...
