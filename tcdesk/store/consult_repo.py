"""Consults and what happens in them: findings, options, plans, notes, objections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tcdesk.domain import (
    Consult,
    ConsultFile,
    Finding,
    FollowUp,
    Note,
    ObjectionLog,
    PaymentPlan,
    SavedSession,
    TreatmentOption,
)
from tcdesk.store.codec import from_row
from tcdesk.store.records import Records


@dataclass(frozen=True)
class BookedConsult:
    """A consult with the names a schedule shows beside it, read in one query."""

    consult: Consult
    patient_name: str
    coordinator: str
    doctor: str
    office: str
    presenting: bool  # a consult session is open for it (in the room now)


_BOOKED_SQL = """
SELECT c.*, p.legal_first AS p_first, p.legal_last AS p_last, p.preferred_name AS p_pref,
       co.name AS co_name, dr.name AS dr_name, o.name AS o_name,
       (s.consult_id IS NOT NULL) AS presenting
FROM consults c
JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL
LEFT JOIN staff co ON co.id = c.coordinator_id
LEFT JOIN staff dr ON dr.id = c.doctor_id
LEFT JOIN offices o ON o.id = c.office_id
LEFT JOIN consult_sessions s
       ON s.consult_id = c.id AND s.ended_at IS NULL AND s.deleted_at IS NULL
WHERE c.deleted_at IS NULL AND {where}
ORDER BY c.scheduled_at, p.legal_last COLLATE NOCASE, c.id
"""


class ConsultRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def get(self, consult_id: str) -> Consult | None:
        return self._r.get("consults", Consult, consult_id)

    def for_patient(self, patient_id: str) -> list[Consult]:
        return self._r.where(
            "consults", Consult, "patient_id = ?", [patient_id], "scheduled_at DESC"
        )

    def all(self) -> list[Consult]:
        return self._r.where("consults", Consult, order_by="scheduled_at")

    def save(self, consult: Consult) -> None:
        self._r.upsert("consults", consult)

    def booked_between(
        self, office_id: str | None, start_utc: str, end_utc: str
    ) -> list[BookedConsult]:
        """Consults starting in [start, end) (UTC ISO) at one office (or all), in slot order.

        One query (index consults_office_scheduled) with the patient, staff and
        office names and whether a session is open, so a day or a week paints
        from one answer.
        """
        where = "c.scheduled_at >= ? AND c.scheduled_at < ?"
        params: list[str] = [start_utc, end_utc]
        if office_id is not None:
            where = "c.office_id = ? AND " + where
            params.insert(0, office_id)
        return [_booked(row) for row in self._r.db.query(_BOOKED_SQL.format(where=where), params)]

    def live_for_staff(
        self, staff_ids: Sequence[str], start_utc: str, end_utc: str, live: Sequence[str]
    ) -> list[Consult]:
        """Consults of any of ``staff_ids`` (as TC or doctor) starting in [start, end)
        whose status is one of ``live``: the candidates for a double booking."""
        people = ", ".join("?" for _ in staff_ids)
        states = ", ".join("?" for _ in live)
        return self._r.where(
            "consults",
            Consult,
            f"(coordinator_id IN ({people}) OR doctor_id IN ({people})) "
            f"AND status IN ({states}) AND scheduled_at >= ? AND scheduled_at < ?",
            [*staff_ids, *staff_ids, *live, start_utc, end_utc],
            "scheduled_at",
        )

    def findings(self, consult_id: str) -> list[Finding]:
        return self._r.where("findings", Finding, "consult_id = ?", [consult_id], "position")

    def save_finding(self, finding: Finding) -> None:
        self._r.upsert("findings", finding)

    def options(self, consult_id: str) -> list[TreatmentOption]:
        return self._r.where(
            "treatment_options", TreatmentOption, "consult_id = ?", [consult_id], "position"
        )

    def save_option(self, option: TreatmentOption) -> None:
        self._r.upsert("treatment_options", option)

    def latest_plan(self, consult_id: str) -> PaymentPlan | None:
        plans = self._r.where(
            "payment_plans",
            PaymentPlan,
            "consult_id = ?",
            [consult_id],
            "created_at DESC, rowid DESC",
        )
        return plans[0] if plans else None

    def get_plan(self, plan_id: str) -> PaymentPlan | None:
        return self._r.get("payment_plans", PaymentPlan, plan_id)

    def add_plan(self, plan: PaymentPlan) -> None:
        """Plans are history: each change is a new row, the newest is current."""
        row = self._r.row("payment_plans", plan)
        if row.get("policy") is None:
            row["policy"] = ""  # no snapshot (the column predates it and is NOT NULL)
        self._r.db["payment_plans"].insert(row)

    def notes(self, consult_id: str) -> list[Note]:
        return self._r.where("notes", Note, "consult_id = ?", [consult_id], "created_at, rowid")

    def current_notes(self, consult_id: str) -> list[Note]:
        """Each note as last revised (older revisions stay in the table)."""
        return self._r.where(
            "notes",
            Note,
            "consult_id = ? AND id NOT IN (SELECT revises FROM notes WHERE revises IS NOT NULL)",
            [consult_id],
            "created_at, rowid",
        )

    def add_note(self, note: Note) -> None:
        self._r.insert("notes", note)

    def objections(self, consult_id: str) -> list[ObjectionLog]:
        return self._r.where(
            "objections", ObjectionLog, "consult_id = ?", [consult_id], "created_at, rowid"
        )

    def add_objection(self, entry: ObjectionLog) -> None:
        self._r.insert("objections", entry)

    def follow_ups(self, consult_id: str) -> list[FollowUp]:
        return self._r.where("follow_ups", FollowUp, "consult_id = ?", [consult_id], "due_on")

    def save_follow_up(self, follow_up: FollowUp) -> None:
        self._r.upsert("follow_ups", follow_up)

    def saved_session(self, consult_id: str) -> SavedSession | None:
        return self._r.get("consult_sessions", SavedSession, consult_id, pk="consult_id")

    def open_sessions(self) -> list[SavedSession]:
        """Sessions never ended: a crash or a kill left them; they can resume."""
        return self._r.where(
            "consult_sessions", SavedSession, "ended_at IS NULL", order_by="updated_at DESC"
        )

    def save_session(self, session: SavedSession) -> None:
        self._r.upsert("consult_sessions", session, pk="consult_id")

    def load_file(self, consult_id: str) -> ConsultFile | None:
        consult = self.get(consult_id)
        if consult is None:
            return None
        return ConsultFile(
            consult=consult,
            findings=tuple(self.findings(consult_id)),
            options=tuple(self.options(consult_id)),
            plan=self.latest_plan(consult_id),
            notes=tuple(self.notes(consult_id)),
            objections=tuple(self.objections(consult_id)),
        )


def _booked(row: dict) -> BookedConsult:
    first = row["p_pref"] or row["p_first"]
    return BookedConsult(
        consult=from_row(Consult, row),
        patient_name=f"{first} {row['p_last']}".strip(),
        coordinator=row["co_name"] or "",
        doctor=row["dr_name"] or "",
        office=row["o_name"] or "",
        presenting=bool(row["presenting"]),
    )
