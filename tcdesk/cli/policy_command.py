"""``tcdesk policy show|set``: the money rules (see settings_command)."""

from __future__ import annotations

from tcdesk.cli.settings_command import register_policy as register

__all__ = ["register"]
