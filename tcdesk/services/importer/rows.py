"""One export row checked and turned into what tcdesk will store, or the reason it cannot be.

The checks are the shared ones every form uses (tcdesk.services.validation),
so a row is refused in the same words the new-family form would use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tcdesk.domain import LeadSource, Relationship
from tcdesk.services.importer import dates, values
from tcdesk.services.importer.columns import ColumnMap
from tcdesk.services.validation import FieldError, birth_date, optional_email, required
from tcdesk.store.text_search import fold

ADULT_AGE = 18


@dataclass(frozen=True)
class Guardian:
    name: str
    relationship: Relationship
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class PatientRow:
    """A valid row, ready to store; ``line`` is where it is in the file."""

    line: int
    external_id: str
    first: str
    last: str
    preferred_name: str
    birth_date: date
    phone: str
    email: str
    preferred_language: str
    lead_source: LeadSource
    referrer: str
    guardians: tuple[Guardian, ...]

    @property
    def name_key(self) -> str:
        return name_key(self.first, self.last, self.birth_date.isoformat())


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str


def name_key(first: str, last: str, birth_iso: str) -> str:
    """Same person by name and date of birth, forgiving accents, case and spacing."""
    return f"{fold(first)}|{fold(last)}|{birth_iso}"


class RowReader:
    """Reads rows by the file's column map and date form, checking as the forms do."""

    def __init__(self, headers: tuple[str, ...], columns: ColumnMap, form: str, today: date):
        self._index = {key: headers.index(header) for key, header in columns.items()}
        self._form = form
        self._today = today

    def value(self, fields: tuple[str, ...], key: str) -> str:
        index = self._index.get(key)
        return fields[index].strip() if index is not None and index < len(fields) else ""

    def identity(self, fields: tuple[str, ...]) -> tuple[str, str] | None:
        """(external id, name key) when the row names a person clearly enough to look up.

        The name key is "" when the row has no readable date of birth: then only
        its chart number can say it is someone already on file.
        """
        external_id = self.value(fields, "external_id")
        first, last = self.value(fields, "first_name"), self.value(fields, "last_name")
        try:
            born = dates.parse(self.value(fields, "birth_date"), self._form)
        except ValueError:
            return (external_id, "") if external_id else None
        if not first or not last:
            return (external_id, "") if external_id else None
        return external_id, name_key(first, last, born.isoformat())

    def read(self, line: int, fields: tuple[str, ...]) -> PatientRow | RowProblem:
        try:
            return self._read(line, fields)
        except FieldError as error:
            return RowProblem(line, _sentence(error.message))

    def _read(self, line: int, fields: tuple[str, ...]) -> PatientRow:
        get = self.value
        first = required("first_name", "The first name", get(fields, "first_name"))
        last = required("last_name", "The last name", get(fields, "last_name"))
        try:
            born = dates.parse(get(fields, "birth_date"), self._form)
        except ValueError as error:
            raise FieldError("birth_date", str(error)) from None
        born = birth_date("birth_date", born, self._today)
        phone = values.phone("phone", get(fields, "phone"))
        email = optional_email("email", get(fields, "email"))
        source = values.lead_source("lead_source", get(fields, "lead_source"))
        guardians = self._guardians(fields)
        if _age(born, self._today) < ADULT_AGE and not guardians:
            raise FieldError(
                "guardian_name",
                f"{first} {last} is under {ADULT_AGE} and the row names no parent or guardian",
            )
        return PatientRow(
            line=line,
            external_id=get(fields, "external_id"),
            first=first,
            last=last,
            preferred_name=" ".join(get(fields, "preferred_name").split()),
            birth_date=born,
            phone=phone,
            email=email,
            preferred_language=get(fields, "preferred_language").lower()[:12] or "en",
            lead_source=source,
            referrer=" ".join(get(fields, "referrer").split()),
            guardians=guardians,
        )

    def _guardians(self, fields: tuple[str, ...]) -> tuple[Guardian, ...]:
        get = self.value
        first_name = " ".join(
            part for part in (get(fields, "guardian_first"), get(fields, "guardian_last")) if part
        )
        found = []
        for prefix, name in (
            ("guardian", first_name or get(fields, "guardian_name")),
            ("guardian2", get(fields, "guardian2_name")),
        ):
            name = " ".join(name.split())
            phone = values.phone(f"{prefix}_phone", get(fields, f"{prefix}_phone"))
            email = optional_email(f"{prefix}_email", get(fields, f"{prefix}_email"))
            if not name:
                if phone or email:
                    raise FieldError(f"{prefix}_name", "a guardian's phone or email has no name")
                continue
            relation = values.relationship(get(fields, f"{prefix}_relationship"))
            found.append(Guardian(name, relation, phone, email))
        return tuple(found)


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _sentence(message: str) -> str:
    message = message.strip()
    return message[:1].upper() + message[1:] if message else message
