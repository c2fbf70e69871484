"""Counts kept in the practice file with what they were counted from, to count only what changed.

A year of a large practice is 140,000 consults and 20,000 leads; counting them
takes most of a second, yet from one look at the dashboard to the next usually
only this month has changed. So each month's grouped counts (the consults', the
leads') and the period's pending families are kept in ``kpi_month_counts``
with the *marks* of the data they were counted from: each table's newest
``updated_at`` (monotonic per store) or, for the append-only ones, its newest
rowid. A kept month is counted again only when

- its row count changed (a row moved out, or was deleted), or
- a row it holds changed after its mark (every edit, move in, soft delete and
  new row shows up there), or
- something it is derived from changed after its mark: for consults, an
  agreement event (a signature moves a start) or their patient (the lead
  source is the patient's); for leads, the consult booked from them (held or
  not).

The pending families are few (a few thousand) but each is read from eight
tables; they are kept per consult, and a consult named by a change to any of
those tables after the kept marks is read again (``pending_changes``).

Writing is best effort: a read-only file, or another writer holding the lock,
only means the next count counts again. Office sync must not carry this table
(it is derived, and per time zone).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from tcdesk.store import engine
from tcdesk.store.database import Database

TABLE = "kpi_month_counts"

# Each mark: the table and what tells its newest change (its index's last entry).
_MARK_SQL = {
    "consults": "SELECT coalesce(max(updated_at), '') FROM consults",
    "patients": "SELECT coalesce(max(updated_at), '') FROM patients",
    "leads": "SELECT coalesce(max(updated_at), '') FROM leads",
    "options": "SELECT coalesce(max(updated_at), '') FROM treatment_options",
    "follow_ups": "SELECT coalesce(max(updated_at), '') FROM follow_ups",
    "insurance": "SELECT coalesce(max(updated_at), '') FROM insurance_policies",
    "events": "SELECT coalesce(max(rowid), 0) FROM agreement_events",
    "plans": "SELECT coalesce(max(rowid), 0) FROM payment_plans",
    "contacts": "SELECT coalesce(max(rowid), 0) FROM contacts",
}
# What a month's groups are read from.
MONTH_MARKS = ("consults", "patients", "leads", "events")
# What a pending family's row and value are read from: a change to any of these
# after the kept marks names the consults to read again.
PENDING_MARKS = ("consults", "patients", "options", "follow_ups", "insurance", "plans")
PENDING_MARKS += ("contacts", "events")
_PENDING_CHANGES = {
    "consults": "SELECT id FROM consults WHERE updated_at > ?",
    "patients": "SELECT c.id FROM patients p CROSS JOIN consults c ON c.patient_id = p.id "
    "WHERE p.updated_at > ?",
    "options": "SELECT consult_id FROM treatment_options WHERE updated_at > ?",
    "follow_ups": "SELECT consult_id FROM follow_ups WHERE updated_at > ?",
    "insurance": "SELECT c.id FROM insurance_policies i CROSS JOIN consults c "
    "ON c.patient_id = i.patient_id WHERE i.updated_at > ?",
    "plans": "SELECT consult_id FROM payment_plans WHERE rowid > ?",
    "contacts": "SELECT consult_id FROM contacts WHERE rowid > ? AND consult_id IS NOT NULL",
    "events": "SELECT a.consult_id FROM agreement_events e "
    "CROSS JOIN agreements a ON a.id = e.agreement_id WHERE e.rowid > ?",
}

Marks = dict[str, str | int]


@dataclass(frozen=True)
class Kept:
    key: str
    counted: int  # rows in the month then, deleted ones included
    marks: Marks
    rows: list
    # What the service made of ``rows`` (the rows as objects), kept with them in memory.
    made: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class MonthSlice:
    """One month of a period, clipped to it: rows dated in [start_utc, end_utc)."""

    month: str  # "2026-03"
    start_utc: str
    end_utc: str


# What changed after a mark, and the day of the row it moves: (mark, value, when).
Change = tuple[str, str | int, str]


class KpiMonthRepository:
    def __init__(self, db: Database, memo: dict[str, tuple[str, Kept]] | None = None) -> None:
        """``memo``: kept rows already read (and made into objects) by this process, by key
        with their marks; a long-lived caller (the dashboard) passes the same one each time,
        so a month read once is not decoded again until it changes."""
        self._db = db
        self._memo = memo if memo is not None else {}

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self._db.execute(sql, list(params)).fetchall()

    def marks(self) -> Marks:
        """Every table's mark, in one statement of index lookups (no scans). Anything the
        numbers read has changed exactly when one of these has."""
        columns = ", ".join(f"({sql})" for sql in _MARK_SQL.values())
        values = self._rows(f"SELECT {columns}")[0]
        return dict(zip(_MARK_SQL, values, strict=True))

    def pending_changes(self, since: Marks) -> set[str]:
        """The consults whose pending row or value may differ from when ``since`` was read."""
        found: set[str] = set()
        for name, sql in _PENDING_CHANGES.items():
            found.update(row[0] for row in self._rows(sql, [since[name]]))
        return found

    def consult_counts(self, slices: list[MonthSlice]) -> list[int]:
        """How many consult rows each slice holds now, removed ones too (the thin
        ``consults_scheduled`` index: a soft delete is an edit, seen by its mark)."""
        return self._counts("consults INDEXED BY consults_scheduled", "scheduled_at", slices)

    def lead_counts(self, slices: list[MonthSlice]) -> list[int]:
        return self._counts("leads INDEXED BY leads_contacted_at", "contacted_at", slices)

    def _counts(self, table: str, column: str, slices: list[MonthSlice]) -> list[int]:
        sql = f"SELECT count(*) FROM {table} WHERE {column} >= ? AND {column} < ?"
        return [self._rows(sql, [s.start_utc, s.end_utc])[0][0] for s in slices]

    def kept(self, keys: list[str]) -> dict[str, Kept]:
        if not keys:
            return {}
        marks = ", ".join("?" for _ in keys)
        heads = self._rows(f"SELECT key, counted, marks FROM {TABLE} WHERE key IN ({marks})", keys)
        found: dict[str, Kept] = {}
        unread: list[str] = []
        for key, counted, marks_text in heads:
            memo = self._memo.get(key)
            if memo is not None and memo[0] == marks_text and memo[1].counted == counted:
                found[key] = memo[1]
            else:
                unread.append(key)
        if unread:
            marks = ", ".join("?" for _ in unread)
            for key, counted, marks_text, rows_text in self._rows(
                f"SELECT key, counted, marks, rows FROM {TABLE} WHERE key IN ({marks})", unread
            ):
                try:
                    kept = Kept(key, counted, json.loads(marks_text), json.loads(rows_text))
                except ValueError:
                    continue  # an unreadable row is counted again, and overwritten
                found[key] = kept
                self._memo[key] = (marks_text, kept)
        return found

    def consult_changes(self, since: Marks) -> list[Change]:
        """Changes after ``since`` that move a consult group, dated by the consult.

        Each comes from an index on the change (updated_at, rowid), so a day's
        edits cost a day's rows, not the table.
        """
        found: list[Change] = [
            ("consults", at, scheduled)
            for at, scheduled in self._rows(
                "SELECT updated_at, scheduled_at FROM consults WHERE updated_at > ?",
                [since["consults"]],
            )
        ]
        found += [
            ("events", rowid, scheduled)
            for rowid, scheduled in self._rows(
                "SELECT e.rowid, c.scheduled_at FROM agreement_events e "
                "CROSS JOIN agreements a ON a.id = e.agreement_id "
                "CROSS JOIN consults c ON c.id = a.consult_id WHERE e.rowid > ?",
                [since["events"]],
            )
        ]
        found += [
            ("patients", at, scheduled)
            for at, scheduled in self._rows(
                "SELECT p.updated_at, c.scheduled_at FROM patients p "
                "CROSS JOIN consults c ON c.patient_id = p.id WHERE p.updated_at > ?",
                [since["patients"]],
            )
        ]
        return found

    def lead_changes(self, since: Marks) -> list[Change]:
        """Changes after ``since`` that move a lead group, dated by the lead's contact."""
        found: list[Change] = [
            ("leads", at, contacted)
            for at, contacted in self._rows(
                "SELECT updated_at, contacted_at FROM leads WHERE updated_at > ?",
                [since["leads"]],
            )
        ]
        for link in ("l.id = c.lead_id", "l.consult_id = c.id"):  # booked from, or names it
            found += [
                ("consults", at, contacted)
                for at, contacted in self._rows(
                    # CROSS JOIN: changed consults first (few), then their leads
                    "SELECT c.updated_at, l.contacted_at FROM consults c "
                    f"CROSS JOIN leads l ON {link} WHERE c.updated_at > ?",
                    [since["consults"]],
                )
            ]
        return found

    def keep(self, kept: list[Kept]) -> bool:
        """Store these counts; False when the file cannot take them now."""
        rows = [
            (k.key, k.counted, json.dumps(k.marks), json.dumps(k.rows, separators=(",", ":")))
            for k in kept
        ]
        for k, row in zip(kept, rows, strict=True):
            self._memo[k.key] = (row[2], k)
        try:
            with self._db.conn:
                self._db.conn.executemany(
                    f"INSERT OR REPLACE INTO {TABLE} (key, counted, marks, rows) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
        except engine.OperationalError:  # read-only, query-only or busy: count again next time
            return False
        return True

    def forget(self) -> None:
        """Drop every kept count (after changes that bypass the marks, e.g. office sync)."""
        with self._db.conn:
            self._db.conn.execute(f"DELETE FROM {TABLE}")
