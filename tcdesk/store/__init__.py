"""The local practice file: connection, schema migrations and repositories.

``open_store`` and ``StoreError`` are loaded when first asked for, so a
module that needs only ``tcdesk.store.cipher`` (the command line's start)
does not pay for sqlite-utils.
"""

from __future__ import annotations

from typing import Any

__all__ = ["StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from tcdesk.store import connection

        return getattr(connection, name)
    raise AttributeError(f"module 'tcdesk.store' has no attribute {name!r}")
