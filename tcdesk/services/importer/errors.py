"""Why a whole file is refused: nothing is imported and the message says what to fix."""

from __future__ import annotations

from tcdesk.errors import UserError


class ImportRefused(UserError):
    """The file as a whole cannot be imported (not CSV, empty, columns missing, ...)."""
