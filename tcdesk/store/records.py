"""Typed reads and writes of domain dataclasses on top of the store's connection.

Every write to a table whose rows change stamps ``updated_at`` (monotonic per
store, so the newer edit can win when offices sync), and reads skip rows that
were soft-deleted (``deleted_at``). Repositories get both for free by going
through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from tcdesk.store.codec import from_row, to_row
from tcdesk.store.database import Database
from tcdesk.store.schema import MUTABLE_TABLES

T = TypeVar("T")

Now = Callable[[], datetime]

_MUTABLE = frozenset(MUTABLE_TABLES)


def _system_now() -> datetime:
    return datetime.now(UTC)


class Stamps:
    """``updated_at`` values for one store: UTC, microseconds, always increasing.

    Two saves in the same microsecond, or a clock set back, still get
    increasing stamps: the last one given out (or the newest in the file, read
    once) plus one microsecond.
    """

    def __init__(self, db: Database, now: Now = _system_now) -> None:
        self._db = db
        self._now = now
        self._last: datetime | None = None

    def next(self) -> str:
        if self._last is None:
            self._last = self._newest_in_store()
        moment = self._now().astimezone(UTC)
        if self._last is not None and moment <= self._last:
            moment = self._last + timedelta(microseconds=1)
        self._last = moment
        return moment.isoformat(timespec="microseconds")

    def _newest_in_store(self) -> datetime | None:
        newest = ""
        tables = set(self._db.table_names())
        for table in _MUTABLE & tables:
            row = self._db.execute(f"SELECT max(updated_at) FROM [{table}]").fetchone()
            if row and row[0] and row[0] > newest:
                newest = row[0]
        return datetime.fromisoformat(newest) if newest else None


class Records:
    """The small set of operations every repository needs, done one way."""

    def __init__(self, db: Database, stamps: Stamps | None = None) -> None:
        self.db = db
        self.stamps = stamps or Stamps(db)

    def row(self, table: str, obj: Any) -> dict[str, Any]:
        """``obj`` as a row, stamped if ``table`` is one whose rows change."""
        row = to_row(obj)
        if table in _MUTABLE:
            row["updated_at"] = self.stamps.next()
        return row

    def insert(self, table: str, obj: Any) -> None:
        self.db[table].insert(self.row(table, obj))

    def insert_all(self, table: str, objs: Iterable[Any]) -> None:
        self.db[table].insert_all((self.row(table, o) for o in objs), batch_size=500)

    def upsert(self, table: str, obj: Any, pk: str = "id") -> None:
        self.upsert_row(table, self.row(table, obj), pk=pk)

    def upsert_row(self, table: str, row: dict[str, Any], pk: str = "id") -> None:
        """Write a prepared row (from ``row``); a soft-deleted row saved again comes back."""
        if table in _MUTABLE:
            row.setdefault("updated_at", self.stamps.next())
            row["deleted_at"] = None
        self.db[table].upsert(row, pk=pk)

    def soft_delete(self, table: str, key: str, pk: str = "id") -> bool:
        """Mark a row deleted (kept for history and sync); False if there was none."""
        if table not in _MUTABLE:
            raise ValueError(f"{table} keeps its history; its rows are never deleted")
        stamp = self.stamps.next()
        cursor = self.db.execute(
            f"UPDATE [{table}] SET deleted_at = ?, updated_at = ? "
            f"WHERE [{pk}] = ? AND deleted_at IS NULL",
            [stamp, stamp, key],
        )
        return cursor.rowcount > 0

    def get(
        self, table: str, cls: type[T], key: str, pk: str = "id", *, deleted: bool = False
    ) -> T | None:
        """One row by key; a soft-deleted row only when ``deleted`` is asked for."""
        where = f"[{pk}] = ?"
        if table in _MUTABLE and not deleted:
            where += " AND deleted_at IS NULL"
        for row in self._rows(table, where, [key], limit=1):
            return from_row(cls, row)
        return None

    def where(
        self,
        table: str,
        cls: type[T],
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
    ) -> list[T]:
        """Rows matching ``where``, soft-deleted ones left out."""
        if table in _MUTABLE:
            where = f"deleted_at IS NULL AND ({where})" if where else "deleted_at IS NULL"
        rows = self._rows(table, where, list(params), order_by=order_by)
        return [from_row(cls, row) for row in rows]

    def _rows(
        self,
        table: str,
        where: str | None,
        params: Sequence[Any],
        *,
        order_by: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """The rows as dicts, in one query (the patient panel reads a dozen record kinds
        on every keystroke in the patient search)."""
        return self.db[table].rows_where(where, params, order_by=order_by, limit=limit)
