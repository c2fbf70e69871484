"""``tcdesk staff list|add|edit|deactivate|activate`` (see practice_lists)."""

from __future__ import annotations

from tcdesk.cli.practice_lists import register_staff as register

__all__ = ["register"]
