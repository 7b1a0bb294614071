import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from identity_client.v1 import common_pb2 as _common_pb2
from identity_client.v1 import errors_pb2 as _errors_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Group(_message.Message):
    __slots__ = ("group_name", "user_pool_id", "description", "role_arn", "precedence", "creation_date", "last_modified_date")
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    PRECEDENCE_FIELD_NUMBER: _ClassVar[int]
    CREATION_DATE_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_DATE_FIELD_NUMBER: _ClassVar[int]
    group_name: str
    user_pool_id: str
    description: str
    role_arn: str
    precedence: int
    creation_date: _timestamp_pb2.Timestamp
    last_modified_date: _timestamp_pb2.Timestamp
    def __init__(self, group_name: _Optional[str] = ..., user_pool_id: _Optional[str] = ..., description: _Optional[str] = ..., role_arn: _Optional[str] = ..., precedence: _Optional[int] = ..., creation_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_modified_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "group_name", "description", "role_arn", "precedence")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    PRECEDENCE_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    group_name: str
    description: str
    role_arn: str
    precedence: int
    def __init__(self, user_pool_id: _Optional[str] = ..., group_name: _Optional[str] = ..., description: _Optional[str] = ..., role_arn: _Optional[str] = ..., precedence: _Optional[int] = ...) -> None: ...

class GetGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "group_name")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    group_name: str
    def __init__(self, user_pool_id: _Optional[str] = ..., group_name: _Optional[str] = ...) -> None: ...

class UpdateGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "group_name", "description", "role_arn", "precedence")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    PRECEDENCE_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    group_name: str
    description: str
    role_arn: str
    precedence: int
    def __init__(self, user_pool_id: _Optional[str] = ..., group_name: _Optional[str] = ..., description: _Optional[str] = ..., role_arn: _Optional[str] = ..., precedence: _Optional[int] = ...) -> None: ...

class DeleteGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "group_name")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    group_name: str
    def __init__(self, user_pool_id: _Optional[str] = ..., group_name: _Optional[str] = ...) -> None: ...

class DeleteGroupResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListGroupsRequest(_message.Message):
    __slots__ = ("user_pool_id", "limit", "next_token")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    limit: int
    next_token: str
    def __init__(self, user_pool_id: _Optional[str] = ..., limit: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListGroupsResult(_message.Message):
    __slots__ = ("groups", "next_token")
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedCompositeFieldContainer[Group]
    next_token: str
    def __init__(self, groups: _Optional[_Iterable[_Union[Group, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class AdminAddUserToGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "group_name")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    group_name: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., group_name: _Optional[str] = ...) -> None: ...

class AdminAddUserToGroupResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminRemoveUserFromGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "group_name")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    group_name: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., group_name: _Optional[str] = ...) -> None: ...

class AdminRemoveUserFromGroupResult(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdminListGroupsForUserRequest(_message.Message):
    __slots__ = ("user_pool_id", "username", "limit", "next_token")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    username: str
    limit: int
    next_token: str
    def __init__(self, user_pool_id: _Optional[str] = ..., username: _Optional[str] = ..., limit: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class AdminListGroupsForUserResult(_message.Message):
    __slots__ = ("groups", "next_token")
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedCompositeFieldContainer[Group]
    next_token: str
    def __init__(self, groups: _Optional[_Iterable[_Union[Group, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListUsersInGroupRequest(_message.Message):
    __slots__ = ("user_pool_id", "group_name", "limit", "next_token")
    USER_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_pool_id: str
    group_name: str
    limit: int
    next_token: str
    def __init__(self, user_pool_id: _Optional[str] = ..., group_name: _Optional[str] = ..., limit: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListUsersInGroupResult(_message.Message):
    __slots__ = ("users", "next_token")
    USERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserType]
    next_token: str
    def __init__(self, users: _Optional[_Iterable[_Union[_common_pb2.UserType, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class CreateGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "limit_exceeded", "group_exists")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    GROUP_EXISTS_FIELD_NUMBER: _ClassVar[int]
    success: Group
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    limit_exceeded: _errors_pb2.LimitExceeded
    group_exists: _errors_pb2.GroupExists
    def __init__(self, success: _Optional[_Union[Group, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ..., group_exists: _Optional[_Union[_errors_pb2.GroupExists, _Mapping]] = ...) -> None: ...

class GetGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: Group
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[Group, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class UpdateGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: Group
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[Group, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class DeleteGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: DeleteGroupResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[DeleteGroupResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class ListGroupsResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ListGroupsResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ListGroupsResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...

class AdminAddUserToGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "user_not_found", "limit_exceeded")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    LIMIT_EXCEEDED_FIELD_NUMBER: _ClassVar[int]
    success: AdminAddUserToGroupResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    user_not_found: _errors_pb2.UserNotFound
    limit_exceeded: _errors_pb2.LimitExceeded
    def __init__(self, success: _Optional[_Union[AdminAddUserToGroupResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ..., limit_exceeded: _Optional[_Union[_errors_pb2.LimitExceeded, _Mapping]] = ...) -> None: ...

class AdminRemoveUserFromGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminRemoveUserFromGroupResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminRemoveUserFromGroupResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class AdminListGroupsForUserResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests", "user_not_found")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    USER_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    success: AdminListGroupsForUserResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    user_not_found: _errors_pb2.UserNotFound
    def __init__(self, success: _Optional[_Union[AdminListGroupsForUserResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ..., user_not_found: _Optional[_Union[_errors_pb2.UserNotFound, _Mapping]] = ...) -> None: ...

class ListUsersInGroupResponse(_message.Message):
    __slots__ = ("success", "invalid_parameter", "resource_not_found", "not_authorized", "too_many_requests")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    INVALID_PARAMETER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NOT_FOUND_FIELD_NUMBER: _ClassVar[int]
    NOT_AUTHORIZED_FIELD_NUMBER: _ClassVar[int]
    TOO_MANY_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    success: ListUsersInGroupResult
    invalid_parameter: _errors_pb2.InvalidParameter
    resource_not_found: _errors_pb2.ResourceNotFound
    not_authorized: _errors_pb2.NotAuthorized
    too_many_requests: _errors_pb2.TooManyRequests
    def __init__(self, success: _Optional[_Union[ListUsersInGroupResult, _Mapping]] = ..., invalid_parameter: _Optional[_Union[_errors_pb2.InvalidParameter, _Mapping]] = ..., resource_not_found: _Optional[_Union[_errors_pb2.ResourceNotFound, _Mapping]] = ..., not_authorized: _Optional[_Union[_errors_pb2.NotAuthorized, _Mapping]] = ..., too_many_requests: _Optional[_Union[_errors_pb2.TooManyRequests, _Mapping]] = ...) -> None: ...
