"""Consults and what happens in them: findings, options, plans, notes, objections."""

from __future__ import annotations

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
from tcdesk.store.records import Records


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
