from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class InvokeRequest(_message.Message):
    __slots__ = ("trigger_source", "event_json")
    TRIGGER_SOURCE_FIELD_NUMBER: _ClassVar[int]
    EVENT_JSON_FIELD_NUMBER: _ClassVar[int]
    trigger_source: str
    event_json: str
    def __init__(self, trigger_source: _Optional[str] = ..., event_json: _Optional[str] = ...) -> None: ...

class InvokeResponse(_message.Message):
    __slots__ = ("event_json", "error_message")
    EVENT_JSON_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    event_json: str
    error_message: str
    def __init__(self, event_json: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...
