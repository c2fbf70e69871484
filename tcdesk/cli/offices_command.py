"""``tcdesk offices list|add|edit|remove`` (see practice_lists)."""

from __future__ import annotations

from tcdesk.cli.practice_lists import register_offices as register

__all__ = ["register"]
