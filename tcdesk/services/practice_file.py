"""Why a practice file can't be opened, for the app's windows (which never import the store).

The checks themselves live in ``tcdesk.store.store_file``; this module hands
their refusal type and reasons up to the UI.
"""

from __future__ import annotations

from tcdesk.store.store_file import (
    BUSY_MESSAGE,
    StoreBusyError,
    StoreFileError,
    StoreProblem,
    check_store_file,
)

__all__ = ["BUSY_MESSAGE", "StoreBusyError", "StoreFileError", "StoreProblem", "check_store_file"]
