"""What the leads and follow-ups commands share: words as typed, field -> flag in messages."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.practice_lookup import find_staff
from tcdesk.services.validation import FieldError, FieldErrors

T = TypeVar("T")


def word(text: str | None) -> str:
    """ "social-media", "Social media" and "social_media" all mean the stored value."""
    return "_".join((text or "").strip().lower().replace("-", " ").split())


def coordinator_id(desk: Desk, args: argparse.Namespace) -> str | None:
    if not getattr(args, "coordinator", None):
        return None
    return find_staff(desk, args.coordinator, flag="--coordinator").id


def with_flags(flags: dict[str, str], call: Callable[[], T]) -> T:
    """Run ``call``; a field's mistake is reported with the flag that fed it."""
    try:
        return call()
    except FieldErrors as errors:
        raise UserError(
            "; ".join(f"{flags.get(e.field, '')}: {e.message}".lstrip(": ") for e in errors.errors)
        ) from None
    except FieldError as error:
        raise UserError(f"{flags.get(error.field, '')}: {error.message}".lstrip(": ")) from None
