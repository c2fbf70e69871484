"""One sync: send this install's changes, apply everyone else's, take the new snapshot.

All of it in one write transaction on the store (the app's writes wait a moment),
so no edit can fall between the diff and the snapshot: the snapshot is the store
as it is at commit, and the next diff holds only edits made after. The file this
install writes is linked under its number before the commit; if the sync dies
before committing, the next one writes the same changes again under the next
number, and applying a row twice changes nothing (the rows are whole; equal rows
are left as they are). The store and its snapshot commit one after the other (two
WAL files); if the sync dies between the two, the next one first brings the
snapshot level from the files the store's ledger says went out and came in
(``snapshot_catch_up``). Files of others go in their own order, each only once
its writer's own earlier reading (``seen``) is here too, so a row never arrives
before the rows it was edited from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tcdesk.errors import UserError
from tcdesk.services.sync import (
    apply_file,
    changeset_file,
    identity,
    ledger,
    snapshot,
    snapshot_catch_up,
    store_apsw,
    sync_lock,
    tables,
)
from tcdesk.services.sync.changeset_file import BadFile, Header, Payload, WrongSyncKey
from tcdesk.store.schema import MIGRATION_NAMES

SCHEMA = len(MIGRATION_NAMES)


class SyncFolderError(UserError):
    """The sync folder is missing or cannot be written; nothing was changed."""


@dataclass
class SyncResult:
    install_id: str
    sent_seq: int | None = None
    sent_rows: int = 0
    hard_deletes_not_sent: int = 0
    applied: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    waiting: list[dict[str, str]] = field(default_factory=list)
    conflicts: int = 0
    started: bool = False
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "install": self.install_id,
            "sent": {"seq": self.sent_seq, "rows": self.sent_rows},
            "hard_deletes_not_sent": self.hard_deletes_not_sent,
            "applied": self.applied,
            "refused": self.refused,
            "waiting": self.waiting,
            "conflicts": self.conflicts,
            "started": self.started,
            "notes": self.notes,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def prepare(path: Path) -> None:
    """The store (and its snapshot) upgraded to this tcdesk's schema, with the app's code.

    Through the app's own library and then closed, before APSW opens either file:
    never both libraries on one file at once.
    """
    from tcdesk.store.connection import open_store

    open_store(path, create=False).conn.close()
    base = store_apsw.base_path_for(path)
    if base.exists():
        open_store(base, create=False, back_up_before_migrating=lambda _p: None).conn.close()


def check_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise SyncFolderError(
            f"No sync folder at {folder}: plug in the drive or connect the share, "
            "or make the folder first."
        )
    return folder


BUSY = (
    "The practice file is busy (tcdesk is saving on it); nothing was synced. "
    "The next sync tries again."
)


def run(path: Path, folder: Path, passphrase: str | None, now: str | None = None) -> SyncResult:
    """Sync the practice file at ``path`` through ``folder``."""
    path, folder = Path(path), check_folder(folder)
    with sync_lock.held(path):
        store_apsw.match_encryption(path, store_apsw.base_path_for(path), passphrase)
        prepare(path)
        conn = store_apsw.connect(path, passphrase)
        try:
            return _run(conn, path, folder, now or _now())
        except store_apsw.apsw().BusyError:
            raise store_apsw.SyncStoreError(BUSY) from None
        finally:
            conn.close()


def _run(conn: Any, path: Path, folder: Path, now: str) -> SyncResult:
    install = identity.current(conn)
    started = install is None
    if install is None:
        install = identity.start(conn, now)
    base = store_apsw.base_path_for(path)
    if not base.exists():
        store_apsw.vacuum_into(conn, base)
    store_apsw.attach_base(conn, base)
    result = SyncResult(install.install_id, started=started)
    if not base_matches(conn):
        raise store_apsw.SyncStoreError(
            f"The sync snapshot {base.name} is from another schema than the practice file; "
            "run tcdesk once to upgrade both, then sync again."
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        caught_up = snapshot_catch_up.catch_up(conn, folder, install)
        if caught_up:
            result.notes.append(
                f"The sync snapshot missed the end of the last sync (it was stopped); it took "
                f"{caught_up} rows from that sync's files."
            )
        seen = ledger.applied_up_to(conn)
        _send(conn, folder, install, seen, now, result)
        _receive(conn, folder, install, now, result)
        identity.record_synced(conn, str(folder), now)
        snapshot_catch_up.record(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def base_matches(conn: Any) -> bool:
    return store_apsw.applied_migrations(conn, "base") == store_apsw.applied_migrations(conn)


def _send(
    conn: Any,
    folder: Path,
    install: identity.Install,
    seen: dict[str, int],
    now: str,
    result: SyncResult,
) -> None:
    changes = snapshot.local_changes(conn)
    result.hard_deletes_not_sent = changes.hard_deletes
    if not changes.rows:
        return
    own = folder / install.install_id
    seq = max([install.last_sent_seq, *changeset_file.numbered_files(own)]) + 1
    while True:
        header = Header(
            format=changeset_file.FORMAT,
            schema=SCHEMA,
            practice_id=install.practice_id,
            install_id=install.install_id,
            seq=seq,
            key_id=changeset_file.key_id(install.sync_key),
            seen=seen,
            made_at=now,
            office_id=install.office_id or "",
        )
        try:
            changeset_file.write(
                own, header, Payload(changes.changeset, changes.bases), install.sync_key
            )
            break
        except FileExistsError:
            seq += 1
        except OSError as error:
            raise SyncFolderError(
                f"Cannot write to the sync folder {folder}: {error.strerror or error}. "
                "Nothing was changed."
            ) from None
    identity.record_sent(conn, seq)
    result.sent_seq, result.sent_rows = seq, changes.rows


def _receive(
    conn: Any, folder: Path, install: identity.Install, now: str, result: SyncResult
) -> None:
    others = sorted(p for p in folder.iterdir() if p.is_dir() and p.name != install.install_id)
    files = {p.name: changeset_file.numbered_files(p) for p in others}
    blocked: dict[str, dict[str, str]] = {}
    progress = True
    while progress:
        progress = False
        done = ledger.applied_up_to(conn)
        # A file that waited may go now; one refused stays refused for this run.
        blocked = {w: e for w, e in blocked.items() if e.get("refused")}
        for writer, numbered in files.items():
            if writer in blocked:
                continue
            seq = done.get(writer, 0) + 1
            if seq not in numbered:
                later = [n for n in numbered if n > seq]
                if later:
                    blocked[writer] = _said(writer, seq, f"file {seq} has not arrived yet")
                continue
            outcome = _try(conn, numbered[seq], install, done, now, result)
            if outcome is None:
                progress = True
            else:
                blocked[writer] = outcome
    for entry in blocked.values():
        (result.refused if entry.pop("refused", "") else result.waiting).append(entry)


def _said(writer: str, seq: int, why: str, *, refused: bool = False) -> dict[str, str]:
    entry = {"install": writer, "file": changeset_file.file_name(seq), "why": why}
    if refused:
        entry["refused"] = "yes"
    return entry


def _try(
    conn: Any,
    path: Path,
    install: identity.Install,
    done: dict[str, int],
    now: str,
    result: SyncResult,
) -> dict[str, str] | None:
    """Apply one file; None when applied, else what holds it (said, tried again next time)."""
    writer, seq = path.parent.name, changeset_file.seq_of(path) or 0
    try:
        header = changeset_file.read_header(path)
        if header.format > changeset_file.FORMAT or header.schema > SCHEMA:
            return _said(
                writer,
                seq,
                "it was written by a newer tcdesk (a newer schema): it is kept and applied "
                "once this install is upgraded",
            )
        if (
            header.practice_id != install.practice_id
            or header.install_id != writer
            or header.seq != seq
        ):
            return _said(writer, seq, "it is not this practice's file", refused=True)
        header, payload = changeset_file.read(path, install.sync_key)
    except (BadFile, WrongSyncKey) as error:
        return _said(writer, seq, str(error), refused=True)
    missing = [
        f"{other} up to {n}"
        for other, n in header.seen.items()
        if other != install.install_id and done.get(other, 0) < n
    ]
    if missing:
        return _said(writer, seq, "it waits for files it was made after: " + ", ".join(missing))
    try:
        applied = apply_file.apply(conn, header, payload, install.install_id, now)
    except apply_file.NeedsOtherFiles:
        return _said(writer, seq, "it refers to rows that have not arrived yet")
    result.applied.append(
        {"install": writer, "file": path.name, "rows": applied.rows, "left_out": applied.left_out}
    )
    result.conflicts += len(applied.conflicts)
    return None


__all__ = ["SyncResult", "run", "tables"]
