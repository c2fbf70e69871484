"""The contact log: every call, text, e-mail, letter and talk with a family. Append-only."""

from __future__ import annotations

from tcdesk.domain.pipeline import Contact
from tcdesk.store.records import Records


class ContactRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def add(self, contact: Contact, *, again_is_same: bool = False) -> None:
        """Append ``contact``; ``again_is_same``: a row with its id already there is kept
        as it is (the demo writes the same contacts each time it is rebuilt)."""
        self._r.db["contacts"].insert(self._r.row("contacts", contact), ignore=again_is_same)

    def for_lead(self, lead_id: str) -> list[Contact]:
        return self._r.where("contacts", Contact, "lead_id = ?", [lead_id], "at, rowid")

    def for_consult(self, consult_id: str) -> list[Contact]:
        return self._r.where("contacts", Contact, "consult_id = ?", [consult_id], "at, rowid")
