"""Encrypted practice files: SQLCipher 4 through ``sqlcipher3``, keyed once per process.

An encrypted file begins with its 16 random salt bytes where a plain one says
"SQLite format 3". The passphrase is stretched once per file with SQLCipher 4's
own settings (PBKDF2-HMAC-SHA512, 256,000 rounds) and the raw key is given to
every connection, so a command that opens the file five times (checks, backup,
the desk) pays for the stretching once, not five times.

One passphrase is in use per process (the practice's): from ``--passphrase-file``,
``TCDESK_PASSPHRASE``, or asked for at launch. Files it creates are encrypted
with it; backups of an encrypted file are encrypted with it too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from tcdesk.errors import UserError
from tcdesk.store import file_locks

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
KDF_ROUNDS = 256_000  # SQLCipher 4's default: a key stretched by us opens with the passphrase
MIN_PASSPHRASE = 8
ENVIRONMENT = "TCDESK_PASSPHRASE"

_passphrase: str | None = None
_keys: dict[tuple[str, bytes], bytes] = {}


class PassphraseProblem(UserError):
    """A passphrase that can't be used (missing, wrong, too short); nothing was changed."""


def library() -> ModuleType:
    """``sqlcipher3.dbapi2``, or a clear refusal where it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - it is a dependency; a broken install
        raise PassphraseProblem(
            "Encrypted practice files need the sqlcipher3 package, which is not installed "
            "(reinstall tcdesk)."
        ) from None
    return dbapi2


def use_passphrase(passphrase: str | None) -> None:
    """The practice's passphrase for this process (None: plain files only)."""
    global _passphrase
    _passphrase = passphrase or None


def passphrase() -> str | None:
    return _passphrase


@contextmanager
def passphrase_in_use(passphrase: str | None) -> Iterator[None]:
    """Use ``passphrase`` in the block (a file getting another key), then the one before."""
    previous = _passphrase
    use_passphrase(passphrase)
    try:
        yield
    finally:
        use_passphrase(previous)


def check_new_passphrase(passphrase: str) -> str:
    """A passphrase fit to encrypt with, or a refusal that says what a good one is."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseProblem(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE} characters "
            "(a few words are easy to remember and hard to guess)."
        )
    if passphrase != passphrase.strip():
        raise PassphraseProblem("The passphrase starts or ends with a space; leave those out.")
    if any(ord(c) < 32 for c in passphrase):
        raise PassphraseProblem("The passphrase holds a control character; type letters only.")
    return passphrase


def read_passphrase_file(path: Path) -> str:
    """The first line of a passphrase file (its line ending is not part of it)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PassphraseProblem(f"No passphrase file at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not text"
        raise PassphraseProblem(f"Cannot read the passphrase file {path}: {reason}.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise PassphraseProblem(f"The passphrase file {path} is empty.")
    return lines[0]


def passphrase_from(file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """``--passphrase-file`` first, then ``TCDESK_PASSPHRASE``; None when neither is given."""
    if file is not None:
        return read_passphrase_file(file)
    value = (os.environ if environ is None else environ).get(ENVIRONMENT, "")
    return value or None


def header_is_encrypted(header: bytes) -> bool:
    """A whole first page that is not plain SQLite: what an encrypted file looks like."""
    return len(header) >= SALT_BYTES and not header.startswith(SQLITE_HEADER)


def is_encrypted(path: Path) -> bool:
    """True for an existing file whose first bytes are not plain SQLite's."""
    try:
        return header_is_encrypted(file_locks.read_head(Path(path), len(SQLITE_HEADER)))
    except OSError:
        return False


def _derive(passphrase: str, salt: bytes) -> bytes:
    cached = _keys.get((passphrase, salt))
    if cached is None:
        cached = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ROUNDS, KEY_BYTES)
        _keys[(passphrase, salt)] = cached
    return cached


def key_pragma_value(path: Path, passphrase: str, *, new: bool) -> str:
    """The value for ``PRAGMA key``: the raw key (and, for a new file, its fresh salt)."""
    if new:
        salt = os.urandom(SALT_BYTES)
        return f"\"x'{_derive(passphrase, salt).hex()}{salt.hex()}'\""
    salt = file_locks.read_head(Path(path), SALT_BYTES)
    return f"\"x'{_derive(passphrase, salt).hex()}'\""


def needs_passphrase_message(path: Path) -> str:
    return (
        f"{path} is encrypted (or is not an SQLite database): give its passphrase in "
        f"{ENVIRONMENT} or with --passphrase-file FILE."
    )


def wrong_passphrase_message(path: Path) -> str:
    return (
        f"The passphrase does not open {path} (or it is not a tcdesk practice file). "
        "Nothing was changed; check the passphrase and try again."
    )
