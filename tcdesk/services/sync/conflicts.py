"""Every value a newer edit overwrote (or that lost to one), kept for an admin to review."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Conflict:
    at: str
    table_name: str
    row_id: str
    kept_install: str
    kept_updated_at: str
    lost_install: str
    lost_updated_at: str
    lost_row: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode()}
    return value


def row_json(columns: list[str], values: tuple[Any, ...]) -> str:
    return json.dumps({c: _plain(v) for c, v in zip(columns, values, strict=True)})


def record(conn: Any, conflict: Conflict) -> None:
    conn.execute(
        "INSERT INTO sync_conflicts (id, at, table_name, row_id, kept_install, kept_updated_at, "
        "lost_install, lost_updated_at, lost_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(uuid.uuid4()),
            conflict.at,
            conflict.table_name,
            conflict.row_id,
            conflict.kept_install,
            conflict.kept_updated_at,
            conflict.lost_install,
            conflict.lost_updated_at,
            json.dumps(conflict.lost_row),
        ),
    )


def listed(conn: Any) -> list[Conflict]:
    rows = conn.execute(
        "SELECT at, table_name, row_id, kept_install, kept_updated_at, lost_install, "
        "lost_updated_at, lost_row FROM sync_conflicts ORDER BY at, table_name, row_id"
    ).fetchall()
    return [Conflict(*r[:7], lost_row=json.loads(r[7])) for r in rows]
