"""``tcdesk terms show|set|reset``: the agreement's terms template (see settings_command)."""

from __future__ import annotations

from tcdesk.cli.settings_command import register_terms as register

__all__ = ["register"]
