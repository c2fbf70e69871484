"""What the agreement and the take-home summary both start from: one consult, read once.

Both documents print the practice's letterhead (the consult's office first,
the practice as fallback) and the coordinator's name; those fallbacks are
worded here once, so the two documents always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tcdesk.domain import ConsultFile, Office, Patient, Practice, Staff
from tcdesk.errors import UserError
from tcdesk.paths import assets_dir
from tcdesk.services.desk import Desk

DEFAULT_COORDINATOR_TITLE = "Treatment Coordinator"


@dataclass(frozen=True)
class ConsultSources:
    """Everything both documents start from."""

    file: ConsultFile
    practice: Practice
    office: Office | None
    patient: Patient
    coordinator: Staff | None

    @property
    def office_name(self) -> str:
        return self.office.name if self.office else ""

    @property
    def office_address(self) -> str:
        return (self.office.address if self.office else "") or self.practice.address

    @property
    def office_phone(self) -> str:
        return (self.office.phone if self.office else "") or self.practice.phone

    @property
    def coordinator_name(self) -> str:
        return self.coordinator.name if self.coordinator else ""

    @property
    def coordinator_phone(self) -> str:
        return (self.coordinator.phone if self.coordinator else "") or self.practice.phone

    @property
    def coordinator_email(self) -> str:
        return (self.coordinator.email if self.coordinator else "") or self.practice.email

    @property
    def coordinator_title(self) -> str:
        title = self.coordinator.title if self.coordinator else ""
        return title or DEFAULT_COORDINATOR_TITLE


def load_sources(desk: Desk, consult_id: str) -> ConsultSources:
    """The consult with its practice, office, patient and coordinator; ``UserError`` if
    a document could not be made from what is on file."""
    consult_file = desk.consults.load_file(consult_id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult_id}.")
    practice = desk.practice()
    if practice is None:
        raise UserError(f"{desk.path or 'This practice file'} holds no practice yet.")
    consult = consult_file.consult
    patient = desk.patients.get(consult.patient_id)
    if patient is None:
        raise UserError(f"Consult {consult_id} has no patient on file.")
    office = next(
        (
            o
            for o in desk.practices.offices(practice.id, include_removed=True)
            if o.id == consult.office_id
        ),
        None,
    )
    coordinator = desk.practices.staff_member(consult.coordinator_id)
    return ConsultSources(consult_file, practice, office, patient, coordinator)


MEDIA_PREFIX = "media:"  # a logo imported in Settings: "media:<path under the media folder>"


def logo_path(practice: Practice, store_path: Path | None = None) -> str:
    """The practice logo as an absolute path ("" when there is none).

    ``Practice.logo_path`` is one of: ``media:ab/ab12...png`` (imported in Settings,
    kept in the media folder beside the practice file ``store_path``, so the file
    and its folder can move together), an absolute path, or a path under assets/.
    """
    if not practice.logo_path:
        return ""
    if practice.logo_path.startswith(MEDIA_PREFIX):
        if store_path is None:
            return ""
        from tcdesk.services.media import media_dir_for

        return str(media_dir_for(Path(store_path)) / practice.logo_path[len(MEDIA_PREFIX) :])
    path = Path(practice.logo_path).expanduser()
    if not path.is_absolute():
        path = assets_dir() / path
    return str(path)


def staff_name(desk: Desk, staff_id: str) -> str:
    member = desk.practices.staff_member(staff_id)
    return member.name if member else ""
