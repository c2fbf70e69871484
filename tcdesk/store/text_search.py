"""Search keys that forgive accents and case, so "jose" finds "José"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, accents stripped, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())
