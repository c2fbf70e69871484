"""The local practice file: connection, schema migrations and repositories."""

from tcdesk.store.connection import StoreError, open_store

__all__ = ["StoreError", "open_store"]
