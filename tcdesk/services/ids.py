"""Ids are UUID text so offices can sync later without clashes."""

from __future__ import annotations

import uuid


def new_id() -> str:
    return str(uuid.uuid4())


def stable_id(*parts: str) -> str:
    """The same id for the same parts, for reproducible data such as the demo."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "tcdesk:" + "/".join(parts)))
