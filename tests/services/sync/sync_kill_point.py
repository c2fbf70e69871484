"""Run ``tcdesk`` with a SIGKILL at an exact point of the sync's commit (tests only).

    python -m tests.services.sync.sync_kill_point POINT STORE -- sync --folder DIR --db STORE

An APSW VFS shim (the sync's own library, registered as the default VFS before
``tcdesk.cli.main`` runs; nothing in tcdesk knows of it) watches writes to the
practice file's WAL and to its snapshot's files and kills the process:

- ``before-commit``: at the first write to the store's WAL, the commit itself
  (the sync's own changeset file is already linked in the folder by then);
- ``between-commits``: at the first write to the snapshot's files after the
  store's WAL was written: the store has committed, the snapshot not yet (a
  transaction over two WAL files is atomic per file, not across them).

Plain stores only: under the shim, SQLite3MC gets the WAL's name as a copy (APSW
passes a Python string), cannot find the key of the database it belongs to and
writes the WAL's pages in the clear.
"""

from __future__ import annotations

import os
import signal
import sys

import apsw

POINTS = ("before-commit", "between-commits")


class _KillVFS(apsw.VFS):
    def __init__(self, point: str, store: str) -> None:
        self.point = point
        self.wal = store + "-wal"
        self.base = store + ".sync-base"
        self.store_wal_written = False
        self.under = apsw.vfs_names()[0]  # the default before this one: SQLite3MC's
        super().__init__("kill-point", base=self.under, makedefault=True)

    def xOpen(self, name, flags):
        return _KillFile(self, name, flags)

    def wrote(self, path: str) -> None:
        if path == self.wal:
            if self.point == "before-commit":
                os.kill(os.getpid(), signal.SIGKILL)
            self.store_wal_written = True
        elif path.startswith(self.base) and self.store_wal_written:
            os.kill(os.getpid(), signal.SIGKILL)


class _KillFile(apsw.VFSFile):
    def __init__(self, vfs: _KillVFS, name, flags) -> None:
        self.vfs = vfs
        self.path = name.filename() if isinstance(name, apsw.URIFilename) else str(name)
        super().__init__(vfs.under, name, flags)

    def xWrite(self, data, offset):
        self.vfs.wrote(self.path)
        return super().xWrite(data, offset)


def main() -> None:
    point, store, separator, *args = sys.argv[1:]
    assert point in POINTS and separator == "--", sys.argv
    vfs = _KillVFS(point, os.path.realpath(store))
    from tcdesk.cli import main as tcdesk_main

    sys.argv = ["tcdesk", *args]
    code = tcdesk_main()
    vfs.unregister()
    raise SystemExit(code)


if __name__ == "__main__":
    main()
