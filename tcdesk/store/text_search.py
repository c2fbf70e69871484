"""Search keys that forgive accents and case, so "jose" finds "José"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, accents stripped, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def phone_key(phone: str) -> str:
    """The digits that identify a phone, so "(503) 555-0101" matches "503.555.0101".

    A leading US country code is dropped; an empty key means no usable number.
    """
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) >= 7 else ""
