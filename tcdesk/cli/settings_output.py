"""How settings records print: JSON objects and table rows, money in dollars."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum
from typing import Any

from tcdesk.errors import UserError
from tcdesk.formatting import money_from_cents
from tcdesk.services.validation import FieldError, FieldErrors


def as_json(obj: Any) -> dict[str, Any]:
    """A settings record as JSON: cents stay cents, and ``fee`` etc. also in dollars."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, Decimal):
            value = str(value)
        out[f.name] = value
    return out


def print_json(items: Any) -> None:
    print(json.dumps(items, indent=2, ensure_ascii=False))


def dollars(cents: int) -> str:
    return money_from_cents(cents)


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


@contextmanager
def field_errors_as_options(to_option: Callable[[str], str] = option_name) -> Iterator[None]:
    """A form's field error as the command line's option: ``--fee: The fee cannot be ...``."""
    try:
        yield
    except FieldErrors as many:
        raise UserError(
            "; ".join(f"{to_option(e.field)}: {e.message}" for e in many.errors)
        ) from None
    except FieldError as error:
        raise UserError(f"{to_option(error.field)}: {error.message}") from None


def given(args: Any, names: Any) -> dict[str, str]:
    """The options a person actually typed (argparse leaves the others as None)."""
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}
