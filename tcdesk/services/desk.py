"""The one entry object that owns an open practice file.

The UI and the CLI build a ``Desk`` at start-up and call it; they never
touch SQL. Repositories hang off it; use cases live in sibling modules and
take the desk.
"""

from __future__ import annotations

from pathlib import Path

from tcdesk.domain import Practice
from tcdesk.services.clock import Clock, system_clock
from tcdesk.store.audit_repo import AuditRepository
from tcdesk.store.backup import checkpoint
from tcdesk.store.connection import open_another, open_store, open_store_read_only
from tcdesk.store.consult_repo import ConsultRepository
from tcdesk.store.database import Database
from tcdesk.store.patient_repo import PatientRepository
from tcdesk.store.practice_repo import PracticeRepository
from tcdesk.store.records import Records, Stamps


class Desk:
    def __init__(self, db: Database, path: Path | None = None, clock: Clock = system_clock):
        self.db = db
        self.path = path
        self.clock = clock
        records = Records(db, Stamps(db, clock))
        self.records = records
        self.practices = PracticeRepository(records)
        self.patients = PatientRepository(records)
        self.consults = ConsultRepository(records)
        # Who is signed in (services/sign_in.py); None: nobody, as at the command line.
        self.signed_in_id: str | None = None
        self.audit = AuditRepository(records, signed_in=lambda: self.signed_in_id)
        self.closed = False  # set by close(): timers of windows still up must stop asking

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock = system_clock,
        *,
        create: bool = True,
        read_only: bool = False,
    ) -> Desk:
        """``read_only``: for commands that only look; nothing can write to the file."""
        db = open_store_read_only(path) if read_only else None
        db = db or open_store(
            path,
            create=create and not read_only,
            back_up_before_migrating=_backup_before_migration,
        )
        return cls(db, path=Path(path), clock=clock)

    def another(self) -> Desk:
        """A second desk on the same file, for work on a pool thread (its own connection)."""
        if self.path is None:
            raise ValueError("an in-memory desk has no file to open again")
        return Desk(open_another(self.path), path=self.path, clock=self.clock)

    def close(self) -> None:
        """Checkpoint first, so the .sqlite3 file alone is the whole practice."""
        self.checkpoint()
        self.db.conn.close()
        self.closed = True

    def checkpoint(self) -> bool:
        """Fold the -wal into the file (after a durable commit, e.g. a signature)."""
        return checkpoint(self.db.conn)

    def practice(self) -> Practice | None:
        return self.practices.current()

    def is_empty(self) -> bool:
        return self.practice() is None

    def transaction(self):
        """All-or-nothing writes: ``with desk.transaction(): ...``."""
        return self.db.atomic()


def _backup_before_migration(path: Path) -> object:
    """The backups service, imported only when a file's schema is about to change."""
    from tcdesk.services.backups import backup_before_migration

    return backup_before_migration(path)
