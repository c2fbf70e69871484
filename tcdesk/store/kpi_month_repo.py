"""Each month's grouped consult count, kept in the practice file with what it was counted from.

A year of a large practice is 140,000 consults; counting them takes most of a
second, yet from one look at the dashboard to the next usually only this
month's consults have changed. So each month's groups are kept in
``kpi_month_counts`` with the marks of the data they were counted from, and a
month is counted again only when one of these says it changed:

- its consult count, removed ones included (a consult moved out, or its row
  was deleted);
- a consult scheduled in it changed after the month's ``consults_mark``
  (``updated_at`` is monotonic per store, so every edit, move in, soft delete
  and new consult shows up there);
- an agreement event of one of its consults came after its ``events_mark``
  (a signature moves a consult's start);
- a patient of one of its consults changed after its ``patients_mark`` (the
  lead source is the patient's).

Writing is best effort: a read-only file, or another writer holding the lock,
only means the next count counts again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from tcdesk.store import engine

TABLE = "kpi_month_counts"


@dataclass(frozen=True)
class Marks:
    """Where the data stood when a month was counted."""

    consults: str  # newest consults.updated_at
    events: int  # newest agreement_events rowid
    patients: str  # newest patients.updated_at


@dataclass(frozen=True)
class KeptMonth:
    key: str
    counted: int  # consult rows in the month then, removed ones included
    marks: Marks
    groups: list[list]  # ConsultGroup fields, in order


@dataclass(frozen=True)
class MonthSlice:
    """One month of a period, clipped to it: consults scheduled in [start_utc, end_utc)."""

    month: str  # "2026-03"
    start_utc: str
    end_utc: str


class KpiMonthRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self._db.execute(sql, list(params)).fetchall()

    def marks(self) -> Marks:
        """Each read from its index's last entry: three lookups, not scans."""
        (consults,) = self._rows("SELECT coalesce(max(updated_at), '') FROM consults")[0]
        (events,) = self._rows("SELECT coalesce(max(rowid), 0) FROM agreement_events")[0]
        (patients,) = self._rows("SELECT coalesce(max(updated_at), '') FROM patients")[0]
        return Marks(consults, events, patients)

    def counts(self, slices: list[MonthSlice]) -> list[int]:
        """How many consults each slice's rows hold now, removed ones too.

        Counted in the thin ``consults_scheduled`` index (a few ms a month): a soft
        delete is an edit (``updated_at``), so this only has to see rows that left.
        """
        return [
            self._rows(
                "SELECT count(*) FROM consults INDEXED BY consults_scheduled "
                "WHERE scheduled_at >= ? AND scheduled_at < ?",
                [s.start_utc, s.end_utc],
            )[0][0]
            for s in slices
        ]

    def kept(self, keys: list[str]) -> dict[str, KeptMonth]:
        if not keys:
            return {}
        marks = ", ".join("?" for _ in keys)
        rows = self._rows(
            "SELECT key, counted, consults_mark, events_mark, patients_mark, groups "
            f"FROM {TABLE} WHERE key IN ({marks})",
            keys,
        )
        found: dict[str, KeptMonth] = {}
        for key, counted, consults, events, patients, groups in rows:
            try:
                found[key] = KeptMonth(
                    key, counted, Marks(consults, events, patients), json.loads(groups)
                )
            except ValueError:
                continue  # an unreadable row is counted again, and overwritten
        return found

    def changed_since(self, marks: Marks) -> list[tuple[str, str, str]]:
        """What changed after ``marks``: (which mark, its new value, the consult's scheduled_at).

        Each comes from an index on the change (updated_at, rowid), so a day's
        edits cost a day's rows, not the table.
        """
        found: list[tuple[str, str, str]] = [
            ("consults", at, scheduled)
            for at, scheduled in self._rows(
                "SELECT updated_at, scheduled_at FROM consults WHERE updated_at > ?",
                [marks.consults],
            )
        ]
        found += [
            ("events", str(rowid), scheduled)
            for rowid, scheduled in self._rows(
                "SELECT e.rowid, c.scheduled_at FROM agreement_events e "
                "JOIN agreements a ON a.id = e.agreement_id "
                "JOIN consults c ON c.id = a.consult_id WHERE e.rowid > ?",
                [marks.events],
            )
        ]
        found += [
            ("patients", at, scheduled)
            for at, scheduled in self._rows(
                "SELECT p.updated_at, c.scheduled_at FROM patients p "
                "JOIN consults c ON c.patient_id = p.id WHERE p.updated_at > ?",
                [marks.patients],
            )
        ]
        return found

    def keep(self, months: list[KeptMonth]) -> bool:
        """Store these months' counts; False when the file cannot take them now."""
        rows = [
            (
                m.key,
                m.counted,
                m.marks.consults,
                m.marks.events,
                m.marks.patients,
                json.dumps(m.groups, separators=(",", ":")),
            )
            for m in months
        ]
        try:
            with self._db.conn:
                self._db.conn.executemany(
                    f"INSERT OR REPLACE INTO {TABLE} (key, counted, consults_mark, events_mark, "
                    "patients_mark, groups) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except engine.OperationalError:  # read-only, query-only or busy: count again next time
            return False
        return True

    def forget(self) -> None:
        """Drop every kept count (after changes that bypass updated_at, e.g. a restore)."""
        with self._db.conn:
            self._db.conn.execute(f"DELETE FROM {TABLE}")
