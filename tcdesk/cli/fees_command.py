"""``tcdesk fees list|add|edit|remove`` (see practice_lists)."""

from __future__ import annotations

from tcdesk.cli.practice_lists import register_fees as register

__all__ = ["register"]
