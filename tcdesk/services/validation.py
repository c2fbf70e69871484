"""Checks on what a person typed, each naming the field it is about.

Every form and every command checks its input here before anything is saved,
so the app and the command line refuse the same things in the same words. A
check returns the cleaned value or raises ``FieldError``; ``Problems`` gathers
several so a form can mark every field at once and save nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation

from tcdesk.errors import UserError
from tcdesk.money.bounds import MAX_AMOUNT
from tcdesk.money.wording import fraction_message, negative_message, too_much_message
from tcdesk.text_safety import LONGEST_LINE, has_line_break, strip_controls

OLDEST_AGE_YEARS = 120
# Longest accepted texts (one line: text_safety.LONGEST_LINE, shared with the agreement).
LONGEST_EMAIL = 254  # the most an address can be (RFC 5321)
LONGEST_PHONE = 40
LONGEST_TEXT = 10_000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class FieldError(UserError):
    """One field's mistake: ``field`` is the form's name for it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FieldErrors(UserError):
    """Several fields' mistakes at once; the message is the first, all are in ``errors``."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if len(errors) == 1 else _summary(errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {error.field: error.message for error in self.errors}


def _summary(errors: list[FieldError]) -> str:
    return f"{errors[0].message} (and {len(errors) - 1} more to fix)"


class Problems:
    """Collects field errors; ``raise_if_any`` raises them together.

    ``with problems.check(): value = required(...)`` records a FieldError and
    carries on, so one pass reports every mistake.
    """

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except FieldErrors as many:
            self.errors.extend(many.errors)
        except FieldError as error:
            self.errors.append(error)

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


def one_line(field: str, label: str, value: str, *, most: int = LONGEST_LINE) -> str:
    """A one-line text as typed or pasted: a line break is refused (it would forge a
    row in a list or a line in an agreement), other control characters removed,
    spaces collapsed, and no longer than ``most`` characters."""
    if has_line_break(value):
        raise FieldError(field, f"{label} must be on one line (it has a line break).")
    cleaned = " ".join(strip_controls(value).split())
    if len(cleaned) > most:
        raise FieldError(
            field, f"{label} is too long ({len(cleaned):,} characters; at most {most})."
        )
    return cleaned


def required(field: str, label: str, value: str, *, most: int = LONGEST_LINE) -> str:
    cleaned = one_line(field, label, value, most=most)
    if not cleaned:
        raise FieldError(field, f"{label} is needed.")
    return cleaned


def free_text(field: str, label: str, value: str, *, most: int = LONGEST_TEXT) -> str:
    """Several lines (a concern in the family's words, a finding's note): line breaks
    kept, control characters removed, at most ``most`` characters."""
    cleaned = strip_controls(value, keep_newlines=True).strip()
    if len(cleaned) > most:
        raise FieldError(
            field, f"{label} is too long ({len(cleaned):,} characters; at most {most:,})."
        )
    return cleaned


def optional_email(field: str, value: str) -> str:
    cleaned = one_line(field, "The email address", value, most=LONGEST_EMAIL)
    if cleaned and not EMAIL.match(cleaned):
        raise FieldError(field, f'"{cleaned}" is not an email address (like name@example.com).')
    return cleaned


def optional_phone(field: str, value: str) -> str:
    """A phone with the digits of one (7 to 15), a North American number written one way
    ("503-555-0101", "5035550101", "+1 503 555 0101" are all "(503) 555-0101") and any
    other as typed. The form, the command line and the import all come through here."""
    cleaned = one_line(field, "The phone number", value, most=LONGEST_PHONE)
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    if cleaned and not 7 <= len(digits) <= 15:
        raise FieldError(field, f'"{cleaned}" is not a phone number.')
    return _north_american(cleaned, digits)


def _north_american(cleaned: str, digits: str) -> str:
    if cleaned.startswith("+") and not cleaned.startswith("+1"):
        return cleaned  # another country's number, as typed
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if (
        len(digits) == 10
        and digits[0] not in "01"  # no North American area code starts with 0 or 1
        and not re.search(r"[a-z]", cleaned, re.IGNORECASE)  # "ext 12" stays as typed
    ):
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return cleaned


def birth_date(field: str, value: date | None, today: date) -> date:
    if value is None:
        raise FieldError(field, "The date of birth is needed.")
    if value > today:
        raise FieldError(field, "The date of birth cannot be in the future.")
    if value.year < today.year - OLDEST_AGE_YEARS:
        raise FieldError(
            field, f"The date of birth is more than {OLDEST_AGE_YEARS} years ago; check the year."
        )
    return value


def percent(field: str, label: str, value: str | Decimal, *, most: int = 100) -> Decimal:
    try:
        number = Decimal(str(value).strip().rstrip("%").strip())
    except InvalidOperation:
        raise FieldError(field, f'{label} must be a percentage, like 50 (not "{value}").') from None
    if not number.is_finite() or number < 0 or number > most:
        raise FieldError(field, f"{label} must be between 0% and {most}%.")
    return number


def money_cents(field: str, label: str, value: str | Decimal | int) -> int:
    """Dollars as typed ("1,500", "$1500.50") to whole cents; never negative, and no
    more than the money layer's ``MAX_AMOUNT`` (the quote's limit, in the same words)."""
    text = str(value).strip().replace("$", "").replace(",", "")
    try:
        amount = Decimal(text or "0")
    except InvalidOperation:
        raise FieldError(field, f'{label} must be an amount in dollars (not "{value}").') from None
    if not amount.is_finite():
        raise FieldError(field, f'{label} must be an amount in dollars (not "{value}").')
    if amount < 0:
        raise FieldError(field, negative_message(label))
    if amount > MAX_AMOUNT:
        raise FieldError(field, too_much_message(label, MAX_AMOUNT))
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError(field, fraction_message(label))
    return int(amount * 100)


def whole_number(field: str, label: str, value: str | int, *, least: int, most: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise FieldError(field, f'{label} must be a whole number (not "{value}").') from None
    if not least <= number <= most:
        raise FieldError(field, f"{label} must be between {least} and {most}.")
    return number


def colour(field: str, value: str) -> str:
    cleaned = value.strip()
    if not COLOUR.match(cleaned):
        raise FieldError(field, "The colour must look like #1F6F8B.")
    return cleaned.upper()


US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def date_text(field: str, label: str, value: str | date | None) -> date | None:
    """A date as typed: ISO (2012-03-04) or US (03/04/2012); None when left empty."""
    if value is None:
        return None
    if isinstance(value, date):
        return plausible_date(field, label, value)
    text = value.strip()
    if not text:
        return None
    us = US_DATE.match(text)
    try:
        if us:
            day = date(int(us.group(3)), int(us.group(1)), int(us.group(2)))
        else:
            day = date.fromisoformat(text)
    except ValueError:
        raise FieldError(
            field, f'{label} must be a date like 2012-03-04 or 03/04/2012 (not "{text}").'
        ) from None
    return plausible_date(field, label, day)


# Far outside any date tcdesk keeps (a birth date has its own 120-year rule): what
# is outside is a typo like 0212 or 20012.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2200


def plausible_date(field: str, label: str, day: date) -> date:
    """No date tcdesk keeps is before 1800 or after 2200: outside is a typo."""
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise FieldError(
            field,
            f"{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR} (not {day.isoformat()}).",
        )
    return day


def choice(field: str, label: str, value: str, allowed: Iterable[str]) -> str:
    """One of a closed set (an enum's values), with the choices named when it is not."""
    options = list(allowed)
    cleaned = value.strip().lower()
    if cleaned not in options:
        raise FieldError(field, f'{label} must be one of {", ".join(options)} (not "{value}").')
    return cleaned


def optional_whole_number(
    field: str, label: str, value: str | int | None, *, least: int, most: int
) -> int | None:
    """A whole number, or None when left empty (e.g. an insurance with no age limit)."""
    if value is None or str(value).strip() == "":
        return None
    return whole_number(field, label, value, least=least, most=most)
