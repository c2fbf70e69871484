"""One immutable changeset file: a readable header, then the sealed changes.

Layout: ``MAGIC``, the header's length (4 bytes, big-endian), the header (JSON:
format, schema version, practice, install id, sequence number, the sync key's
id, what its writer had applied), the 12-byte nonce, then AES-GCM of the zlib'd
payload with the magic and header as associated data, so a changed header, a
cut-off end or another key fails the tag check and the file is refused whole.
A file is written to a temporary name and linked to its number, never over one;
a temporary left by a stopped sync is removed by the next write.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcdesk.errors import UserError

MAGIC = b"TCDESK-SYNC\n"
FORMAT = 1
SUFFIX = ".tcsync"
NONCE_BYTES = 12


class BadFile(UserError):
    """A file that cannot be used as it is (cut off, damaged); it is tried again next time."""


class WrongSyncKey(UserError):
    """The file is sealed with another sync key than this install's."""


@dataclass(frozen=True)
class Header:
    format: int
    schema: int
    practice_id: str
    install_id: str
    seq: int
    key_id: str
    seen: dict[str, int]
    made_at: str
    office_id: str = ""  # the writer's office, so the others can name it ("" before 2026-12)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "schema": self.schema,
            "practice": self.practice_id,
            "install": self.install_id,
            "seq": self.seq,
            "key_id": self.key_id,
            "seen": self.seen,
            "made_at": self.made_at,
            "office": self.office_id,
        }


@dataclass(frozen=True)
class Payload:
    changeset: bytes
    bases: dict[str, dict[str, str | None]] = field(default_factory=dict)


def key_id(key: bytes) -> str:
    """A short name for the key, so a file sealed with another one is told apart from damage."""
    return hashlib.sha256(b"tcdesk sync key id\0" + key).hexdigest()[:16]


def file_name(seq: int) -> str:
    return f"{seq:08d}{SUFFIX}"


def seq_of(path: Path) -> int | None:
    stem = path.name.removesuffix(SUFFIX)
    if not path.name.endswith(SUFFIX) or not stem.isdigit():
        return None
    return int(stem)


def _aead(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def encode(header: Header, payload: Payload, key: bytes) -> bytes:
    head = json.dumps(header.as_json(), sort_keys=True).encode()
    bases = json.dumps(payload.bases).encode()
    plain = zlib.compress(struct.pack(">I", len(bases)) + bases + payload.changeset, 6)
    nonce = os.urandom(NONCE_BYTES)
    sealed = _aead(key).encrypt(nonce, plain, MAGIC + head)
    return MAGIC + struct.pack(">I", len(head)) + head + nonce + sealed


def _split(data: bytes, name: str) -> tuple[bytes, Header, bytes]:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise BadFile(f"{name} is not a tcdesk sync file (or is cut off).")
    (size,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    head = data[start : start + size]
    try:
        fields = json.loads(head)
        header = Header(
            format=int(fields["format"]),
            schema=int(fields["schema"]),
            practice_id=str(fields["practice"]),
            install_id=str(fields["install"]),
            seq=int(fields["seq"]),
            key_id=str(fields["key_id"]),
            seen={str(k): int(v) for k, v in fields["seen"].items()},
            made_at=str(fields["made_at"]),
            office_id=str(fields.get("office") or ""),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BadFile(f"{name} has a damaged or cut-off header.") from None
    return head, header, data[start + size :]


def read_header(path: Path) -> Header:
    return _split(_read(path), path.name)[1]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise BadFile(f"Cannot read {path.name}: {error.strerror or error}.") from None


def decode(data: bytes, key: bytes, name: str) -> tuple[Header, Payload]:
    head, header, rest = _split(data, name)
    if header.key_id != key_id(key):
        raise WrongSyncKey(
            f"{name} is sealed with another sync key than this install's: it is not this "
            "practice's sync, or this install joined another. Nothing was applied."
        )
    if len(rest) <= NONCE_BYTES:
        raise BadFile(f"{name} is cut off.")
    from cryptography.exceptions import InvalidTag

    try:
        plain = zlib.decompress(
            _aead(key).decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], MAGIC + head)
        )
        (size,) = struct.unpack(">I", plain[:4])
        bases = json.loads(plain[4 : 4 + size])
    except (InvalidTag, zlib.error, struct.error, ValueError):
        raise BadFile(f"{name} is cut off or damaged (its seal does not check).") from None
    return header, Payload(changeset=plain[4 + size :], bases=bases)


def read(path: Path, key: bytes) -> tuple[Header, Payload]:
    return decode(_read(path), key, f"{path.parent.name}/{path.name}")


def write(folder: Path, header: Header, payload: Payload, key: bytes) -> Path:
    """Write the file as ``folder/<seq>.tcsync``; FileExistsError if that number is taken."""
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(folder)
    final = folder / file_name(header.seq)
    temporary = folder / f".{final.name}.{os.getpid()}.tmp"
    data = encode(header, payload, key)
    fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temporary, final)  # never over a file others may have applied
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(folder)
    return final


def _remove_stale_temporaries(folder: Path) -> None:
    """Half-written files of a sync that was stopped (the folder is this install's alone,
    and one sync of it runs at a time); no other install reads these names."""
    for path in folder.glob(f".*{SUFFIX}.*.tmp"):
        path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some shares do not open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def numbered_files(folder: Path) -> dict[int, Path]:
    """The changeset files in one install's folder, by number (other names are ignored)."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.iterdir():
        seq = seq_of(path)
        if seq is not None:
            found[seq] = path
    return found
