"""The training tables (m012): the file's origin, scored sessions and drill reviews.

Sessions and reviews are history: added, never changed. Each session's parts
are written with it in one transaction, so a session is never half there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tcdesk.domain.training import DrillReview, SessionPartRecord, SessionRecord, TrainingOrigin
from tcdesk.store.codec import from_row
from tcdesk.store.records import Records

_SESSION_COLUMNS = (
    "id, coordinator_id, persona, mode, started_at, minutes, total, decision, "
    "decision_reason, notes, recorded_at"
)


class TrainingRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    # -- origin -----------------------------------------------------------------------

    def origin(self) -> TrainingOrigin | None:
        """The practice this file was made from; None: not a training file."""
        rows = self._r.db.query("SELECT * FROM training_origin ORDER BY rowid LIMIT 1")
        return next((from_row(TrainingOrigin, row) for row in rows), None)

    def save_origin(self, origin: TrainingOrigin) -> None:
        self._r.upsert("training_origin", origin, pk="practice_id")

    # -- sessions ---------------------------------------------------------------------

    def add_session(self, session: SessionRecord) -> None:
        with self._r.db.atomic():
            self._r.db["training_sessions"].insert(
                {
                    "id": session.id,
                    "coordinator_id": session.coordinator_id,
                    "persona": session.persona,
                    "mode": session.mode,
                    "started_at": session.started_at,
                    "minutes": float(session.minutes),
                    "total": float(session.total),
                    "decision": session.decision,
                    "decision_reason": session.decision_reason,
                    "notes": json.dumps(list(session.notes), ensure_ascii=False),
                    "recorded_at": session.recorded_at,
                }
            )
            self._r.db["training_session_parts"].insert_all(
                {
                    "session_id": session.id,
                    "part": part.part,
                    "position": position,
                    "points": float(part.points),
                    "out_of": part.out_of,
                    "good": json.dumps(list(part.good), ensure_ascii=False),
                    "to_improve": json.dumps(list(part.to_improve), ensure_ascii=False),
                }
                for position, part in enumerate(session.parts)
            )

    def sessions(
        self,
        coordinator_id: str | None = None,
        since: str | None = None,
        before: str | None = None,
    ) -> list[SessionRecord]:
        """Sessions in start order; ``since`` <= started_at < ``before`` (UTC ISO)."""
        where, params = _filters(
            ("coordinator_id = ?", coordinator_id),
            ("started_at >= ?", since),
            ("started_at < ?", before),
        )
        rows = list(
            self._r.db.query(
                f"SELECT {_SESSION_COLUMNS} FROM training_sessions{where} "
                "ORDER BY started_at, recorded_at, id",
                params,
            )
        )
        parts = self._parts([row["id"] for row in rows])
        return [
            SessionRecord(
                id=row["id"],
                coordinator_id=row["coordinator_id"],
                persona=row["persona"],
                mode=row["mode"],
                started_at=row["started_at"],
                minutes=row["minutes"],
                total=row["total"],
                decision=row["decision"],
                parts=parts.get(row["id"], ()),
                decision_reason=row["decision_reason"],
                notes=tuple(json.loads(row["notes"])),
                recorded_at=row["recorded_at"],
            )
            for row in rows
        ]

    def _parts(self, session_ids: Sequence[str]) -> dict[str, tuple[SessionPartRecord, ...]]:
        found: dict[str, list[SessionPartRecord]] = {}
        for start in range(0, len(session_ids), 500):  # SQLite's limit on ? per statement
            chunk = list(session_ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            for row in self._r.db.query(
                "SELECT session_id, part, points, out_of, good, to_improve "
                f"FROM training_session_parts WHERE session_id IN ({marks}) "
                "ORDER BY session_id, position",
                chunk,
            ):
                found.setdefault(row["session_id"], []).append(
                    SessionPartRecord(
                        part=row["part"],
                        points=row["points"],
                        out_of=row["out_of"],
                        good=tuple(json.loads(row["good"])),
                        to_improve=tuple(json.loads(row["to_improve"])),
                    )
                )
        return {key: tuple(value) for key, value in found.items()}

    def session_coordinators(self) -> set[str]:
        """Everyone who has a recorded session."""
        rows = self._r.db.execute("SELECT DISTINCT coordinator_id FROM training_sessions")
        return {row[0] for row in rows}

    # -- drill reviews ----------------------------------------------------------------

    def add_review(self, review: DrillReview) -> None:
        row: dict[str, Any] = {
            "id": review.id,
            "coordinator_id": review.coordinator_id,
            "objection": review.objection,
            "persona": review.persona,
            "answered_at": review.answered_at,
            "grade": int(review.grade),
            "seconds": float(review.seconds),
        }
        self._r.db["training_drill_reviews"].insert(row)

    def review_count(self) -> int:
        return int(self._r.db.execute("SELECT count(*) FROM training_drill_reviews").fetchone()[0])

    def reviews(self, coordinator_id: str) -> list[DrillReview]:
        """A coordinator's answers, oldest first (the scheduler replays them in order)."""
        rows = self._r.db.query(
            "SELECT * FROM training_drill_reviews WHERE coordinator_id = ? "
            "ORDER BY answered_at, rowid",
            [coordinator_id],
        )
        return [from_row(DrillReview, row) for row in rows]

    # -- what a training file must never hold -----------------------------------------

    def family_rows(self) -> int:
        """Patients, consults and leads in the file: a training file has none."""
        row = self._r.db.execute(
            "SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM consults) "
            "+ (SELECT count(*) FROM leads)"
        ).fetchone()
        return int(row[0])


def _filters(*pairs: tuple[str, Any]) -> tuple[str, list[Any]]:
    clauses = [clause for clause, value in pairs if value is not None]
    params = [value for _clause, value in pairs if value is not None]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
