"""An open practice file: its connection, and the few table writes tcdesk makes.

The repositories read with SQL and write prepared rows (``codec.to_row``:
every value already text, a number, bytes or NULL), so what they need of a
database library is small: run a statement, read rows as dicts, insert,
insert many, upsert, and nest transactions. This is that, on the
connection itself. sqlite-utils still builds and upgrades the schema
(``migrations``); only its import is kept off the path every start and every
command takes (with click, pluggy and dateutil: 50-90 ms, a fifth of a
``tcdesk agreement`` and of the desk's start-up).

The method names and behaviour are sqlite-utils' (``db.execute``,
``db.query``, ``db["table"].insert``, ``db.atomic()``), so code reads the
same either side of the switch.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tcdesk.store import engine

Row = dict[str, Any]

_SAVEPOINTS = itertools.count(1)  # each nested block's own name
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


def _first_keyword(sql: str) -> str:
    """The statement's first word, upper case, past blanks and ``--`` comment lines."""
    for line in sql.splitlines():
        words = line.split("--", 1)[0].split(None, 1)
        if words:
            return words[0].rstrip(";").upper()
    return ""


class Table:
    """One table's writes: rows are dicts of column to value."""

    def __init__(self, db: Database, name: str) -> None:
        self.db = db
        self.name = name

    def insert(self, row: Row, *, ignore: bool = False) -> Table:
        """Add ``row``; ``ignore``: a row whose key is already there is left as it is."""
        columns = list(row)
        self.db.execute(self._insert_sql(columns, ignore), [row[c] for c in columns])
        return self

    def insert_all(self, rows: Iterable[Row], *, batch_size: int = 100) -> Table:
        """Add every row, ``batch_size`` at a time, a batch in one transaction (a column a
        row lacks is NULL in it, as sqlite-utils writes it)."""
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, batch_size)):
            columns = list(dict.fromkeys(c for row in batch for c in row))
            values = [[row.get(c) for c in columns] for row in batch]
            with self.db.atomic():
                self.db.conn.executemany(self._insert_sql(columns, False), values)
        return self

    def upsert(self, row: Row, *, pk: str = "id") -> Table:
        """Add ``row``, or set its columns on the row with its ``pk`` (the others stay)."""
        columns = list(row)
        sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != pk)
        action = f"DO UPDATE SET {sets}" if sets else "DO NOTHING"
        sql = f"{self._insert_sql(columns, False)} ON CONFLICT([{pk}]) {action}"
        self.db.execute(sql, [row[c] for c in columns])
        return self

    def rows_where(
        self,
        where: str | None = None,
        params: Sequence[Any] = (),
        *,
        order_by: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Row]:
        sql = f"SELECT * FROM [{self.name}]"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.db.query(sql, params)

    def get(self, key: Any) -> Row:
        """The row whose primary key is ``key``, deleted or not; ``KeyError`` if none."""
        info = self.db.execute(f"PRAGMA table_info([{self.name}])").fetchall()
        pk = next((column[1] for column in info if column[5] == 1), "rowid")
        for row in self.rows_where(f"[{pk}] = ?", [key], limit=1):
            return row
        raise KeyError(f"{self.name} has no row {key!r}")

    def _insert_sql(self, columns: list[str], ignore: bool) -> str:
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        return f"{verb} INTO [{self.name}] ({names}) VALUES ({marks})"


class Database:
    """A connection to one practice file (``conn``), as the repositories use it."""

    def __init__(self, conn: engine.Connection) -> None:
        self.conn = conn
        # As sqlite-utils sets it, so the schema's triggers behave the same with either.
        conn.execute("PRAGMA recursive_triggers = ON")

    def __getitem__(self, table: str) -> Table:
        return Table(self, table)

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None):
        """Run one statement; a write outside a transaction is committed at once.

        Python's ``sqlite3`` opens a transaction before a write and leaves it
        open: one write that nobody commits would hold every later one with it
        (and a failed one would, rolled back or not). As sqlite-utils does: a
        write that opened one is committed, a failed one is rolled back.
        """
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Iterator[Row]:
        """The rows of ``sql`` as dicts, column name to value."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """All or nothing; a block inside another is a savepoint within it."""
        if self.conn.in_transaction:
            savepoint = f"tcdesk_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error that ended the whole transaction (a RAISE(ROLLBACK)) took
                # the savepoint with it: rolling back to it would hide the error.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def migrations_database(self):
        """The same connection as sqlite-utils sees it, for building the schema."""
        from sqlite_utils import Database as UtilsDatabase

        return UtilsDatabase(self.conn, execute_plugins=False)
