"""What the app and ``tcdesk sync status`` show: last sync, what came in, what waits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tcdesk.services.sync import changeset_file, conflicts, identity, ledger, store_apsw


@dataclass(frozen=True)
class SyncStatus:
    joined: bool
    install_id: str = ""
    office_id: str | None = None
    last_sync_at: str | None = None
    folder: str = ""
    last_sent_seq: int = 0
    files_in: int = 0
    waiting: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    offices: dict[str, str] = field(default_factory=dict)  # other install id -> its office id

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def status(path: Path, passphrase: str | None) -> SyncStatus:
    conn = store_apsw.connect(path, passphrase)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "sync_install" not in names:
            return SyncStatus(joined=False)
        install = identity.current(conn)
        if install is None:
            return SyncStatus(joined=False)
        done = ledger.applied_up_to(conn)
        waiting: dict[str, int] = {}
        offices: dict[str, str] = {}
        folder = Path(install.folder) if install.folder else None
        if folder is not None and folder.is_dir():
            for sub in folder.iterdir():
                if sub.is_dir() and sub.name != install.install_id:
                    files = changeset_file.numbered_files(sub)
                    count = sum(1 for n in files if n > done.get(sub.name, 0))
                    if count:
                        waiting[sub.name] = count
                    office = _office_of(files)
                    if office:
                        offices[sub.name] = office
        return SyncStatus(
            joined=True,
            install_id=install.install_id,
            office_id=install.office_id,
            last_sync_at=install.last_sync_at,
            folder=install.folder,
            last_sent_seq=install.last_sent_seq,
            files_in=ledger.files_applied(conn),
            waiting=waiting,
            conflicts=len(conflicts.listed(conn)),
            offices=offices,
        )
    finally:
        conn.close()


def _office_of(files: dict[int, Path]) -> str:
    """The office an install's newest readable file says it is at (headers only)."""
    for seq in sorted(files, reverse=True):
        try:
            return changeset_file.read_header(files[seq]).office_id
        except changeset_file.BadFile:
            continue  # cut off while it is being copied: an older one says it too
    return ""


def conflict_list(path: Path, passphrase: str | None) -> list[conflicts.Conflict]:
    conn = store_apsw.connect(path, passphrase)
    try:
        return conflicts.listed(conn)
    finally:
        conn.close()
