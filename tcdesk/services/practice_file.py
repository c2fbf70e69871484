"""Why a practice file can't be opened, and its passphrase, for the app's windows.

The checks themselves live in ``tcdesk.store.store_file`` and the encryption
in ``tcdesk.store.cipher``; the app's windows never import the store, so this
module hands their refusal types, reasons and the passphrase calls up to the UI.
"""

from __future__ import annotations

from tcdesk.store.cipher import (
    MIN_PASSPHRASE,
    PassphraseProblem,
    check_new_passphrase,
    is_encrypted,
    passphrase,
    use_passphrase,
)
from tcdesk.store.store_file import (
    BUSY_MESSAGE,
    StoreBusyError,
    StoreFileError,
    StoreProblem,
    check_store_file,
)

PASSPHRASE_PROBLEMS = frozenset({StoreProblem.NEEDS_PASSPHRASE, StoreProblem.WRONG_PASSPHRASE})

__all__ = [
    "BUSY_MESSAGE",
    "MIN_PASSPHRASE",
    "PASSPHRASE_PROBLEMS",
    "PassphraseProblem",
    "StoreBusyError",
    "StoreFileError",
    "StoreProblem",
    "check_new_passphrase",
    "check_store_file",
    "is_encrypted",
    "passphrase",
    "use_passphrase",
]
