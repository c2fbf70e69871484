"""One place that turns domain dataclasses into rows and back.

Column names are field names. Dates are ISO text, Decimals are text (exact),
enums store their value, booleans 0/1, tuples JSON. Keeping this generic means
a new field needs a column and nothing else.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from tcdesk.errors import UserError

T = TypeVar("T")


class UnreadableRecord(UserError):
    """A stored value tcdesk cannot read back (a date like 9999-12, a number that isn't).

    Said once, in words, naming the kind of record and the field but never the
    value (it may be a patient's data, and messages can end up in logs).
    """

    def __init__(self, kind: str, field: str) -> None:
        self.kind = kind
        self.field = field
        super().__init__(
            f"The practice file holds a {kind} whose {field.replace('_', ' ')} tcdesk can't "
            "read (the file was changed outside tcdesk or is damaged); restore the newest "
            "backup or ask for help."
        )


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _encode_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return json.dumps([_to_jsonable(v) for v in value], ensure_ascii=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json.dumps(_to_jsonable(value), ensure_ascii=False, sort_keys=True)
    raise TypeError(f"cannot store {type(value).__name__}")


def _to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, Decimal | date | Enum):
        return _encode_value(value)
    return value


def to_row(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a dict ready for sqlite-utils."""
    return {f.name: _encode_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _decode_value(hint: Any, raw: Any) -> Any:
    if raw is None:
        return None
    hint = _strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin is tuple:
        (item_type, *_rest) = typing.get_args(hint)
        items = json.loads(raw) if isinstance(raw, str) else raw
        return tuple(_decode_value(item_type, item) for item in items)
    if dataclasses.is_dataclass(hint) and isinstance(raw, dict):
        return from_row(hint, raw)
    if dataclasses.is_dataclass(hint) and isinstance(raw, str):
        return from_row(hint, json.loads(raw)) if raw else None  # "" = none stored
    if hint is bool:
        return bool(raw)
    if hint is Decimal:
        return Decimal(str(raw))
    if hint is date:
        return date.fromisoformat(raw)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(raw)
    return raw


def _reader(hint: Any) -> Callable[[Any], Any] | None:
    """How a stored value of ``hint`` is read back (None: as stored), as ``_decode_value``
    reads it, worked out once per field instead of once per value."""
    inner = _strip_optional(hint)
    if typing.get_origin(inner) is tuple or dataclasses.is_dataclass(inner):
        return lambda raw: _decode_value(hint, raw)
    if inner is bool:
        return bool
    if inner is Decimal:
        return lambda raw: Decimal(str(raw))
    if inner is date:
        return date.fromisoformat
    if isinstance(inner, type) and issubclass(inner, Enum):
        return inner
    return None


@cache
def _fields(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field's name and reader, once per class (a page of the patient list builds
    60 patients of 17 fields; reading down to a patient far down, thousands)."""
    hints = _hints(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    return tuple((f.name, _reader(hints[f.name])) for f in fields)


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Build ``cls`` from a row, ignoring columns the dataclass does not have."""
    kwargs = {}
    for name, read in _fields(cls):
        if name not in row:
            continue
        raw = row[name]
        if read is None or raw is None:
            kwargs[name] = raw
            continue
        try:
            kwargs[name] = read(raw)
        except UnreadableRecord:
            raise
        except (ValueError, TypeError, ArithmeticError, KeyError, AttributeError):
            raise UnreadableRecord(_kind(cls), name) from None
    return cls(**kwargs)


def _kind(cls: type) -> str:
    """ "ResponsibleParty" -> "responsible party": how a message names a record."""
    words = "".join(f" {ch.lower()}" if ch.isupper() else ch for ch in cls.__name__)
    return words.strip()
