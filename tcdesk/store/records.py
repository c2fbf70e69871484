"""Typed reads and writes of domain dataclasses on top of sqlite-utils."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from tcdesk.store.codec import from_row, to_row

T = TypeVar("T")


class Records:
    """The small set of operations every repository needs, done one way."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, table: str, obj: Any) -> None:
        self.db[table].insert(to_row(obj))

    def insert_all(self, table: str, objs: Iterable[Any]) -> None:
        self.db[table].insert_all((to_row(o) for o in objs), batch_size=500)

    def upsert(self, table: str, obj: Any, pk: str = "id") -> None:
        self.db[table].upsert(to_row(obj), pk=pk)

    def get(self, table: str, cls: type[T], key: str) -> T | None:
        try:
            return from_row(cls, self.db[table].get(key))
        except NotFoundError:
            return None

    def where(
        self,
        table: str,
        cls: type[T],
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
    ) -> list[T]:
        rows = self.db[table].rows_where(where, list(params), order_by=order_by)
        return [from_row(cls, row) for row in rows]
