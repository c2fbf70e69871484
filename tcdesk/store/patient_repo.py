"""Patients, who is responsible for them, and their insurance."""

from __future__ import annotations

from tcdesk.domain import (
    ConsultStatus,
    InsurancePolicy,
    Patient,
    PatientListEntry,
    PatientPhoto,
    ResponsibleParty,
)
from tcdesk.store import engine
from tcdesk.store.codec import from_row
from tcdesk.store.records import Records
from tcdesk.store.text_search import fold, phone_key

_LIST_SQL = """
SELECT p.*,
  (SELECT group_concat(name, ', ') FROM
     (SELECT name FROM responsible_parties r WHERE r.patient_id = p.id
      AND r.deleted_at IS NULL ORDER BY position))
     AS responsible,
  c.id AS c_id, c.scheduled_at AS c_at, c.status AS c_status,
  coalesce(o.name, '') AS office_name
FROM patients p
LEFT JOIN consults c ON c.id = (
  SELECT id FROM consults WHERE patient_id = p.id AND deleted_at IS NULL
  ORDER BY scheduled_at DESC LIMIT 1)
LEFT JOIN offices o ON o.id = p.office_id
{where}
ORDER BY {order}
{limit}
"""


class PatientRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def save(self, patient: Patient) -> None:
        self._r.upsert_row("patients", patient_row(self._r, patient))

    def get(self, patient_id: str) -> Patient | None:
        return self._r.get("patients", Patient, patient_id)

    def list(
        self,
        search: str = "",
        limit: int | None = None,
        *,
        offset: int = 0,
        after: tuple[str, str, str] | None = None,
        consult_between: tuple[str, str] | None = None,
    ) -> list[PatientListEntry]:
        """Patients whose names, phone or email contain every word of ``search``.

        In name order, ``limit`` rows from ``offset`` (a page of the list: the
        order is an index, so a page costs the same at 100,000 patients as at 40).
        ``consult_between`` (UTC ISO start, end) keeps only patients with a consult
        in that window, earliest first: the day's schedule. A cancelled consult is
        off the schedule and does not count; a no-show does (the family was
        expected that day and may need a call), as on the today board's tally.
        ``after`` (the last listed patient's last name, first name and id) starts
        the page right after that patient: the next page costs the same at row
        99,000 as at row 60, where an ``offset`` walks every row before it.
        """
        clauses, params = _search_clauses(search)
        order = "p.legal_last COLLATE NOCASE, p.legal_first COLLATE NOCASE, p.id"
        if consult_between:
            window = (
                "SELECT min(scheduled_at) FROM consults w WHERE w.patient_id = p.id "
                "AND w.scheduled_at >= ? AND w.scheduled_at < ? AND w.deleted_at IS NULL "
                f"AND w.status != '{ConsultStatus.CANCELLED.value}'"
            )
            clauses.append(f"({window}) IS NOT NULL")
            params.extend(consult_between)
            order = f"({window}), p.id"
            params.extend(consult_between)
        where = " AND ".join(clauses)
        paged = ""
        if limit and not consult_between:  # the page's rows first: skipped rows cost nothing
            rowids = self._page_rowids(search, int(limit), int(offset), after)
            where = f"p.rowid IN ({', '.join(str(int(r)) for r in rowids)})"
            params = []
        elif limit:
            paged = f"LIMIT {int(limit)} OFFSET {int(offset)}"
        sql = _LIST_SQL.format(where=f"WHERE {where}", order=order, limit=paged)
        entries = []
        for row in self._r.db.query(sql, params):
            entries.append(
                PatientListEntry(
                    patient=from_row(Patient, row),
                    responsible=row["responsible"] or "",
                    latest_consult_id=row["c_id"],
                    latest_consult_at=row["c_at"],
                    latest_status=row["c_status"],
                    office_name=row["office_name"],
                )
            )
        return entries

    def _page_rowids(
        self, search: str, limit: int, offset: int, after: tuple[str, str, str] | None
    ) -> list[int]:
        """The page's patients (rowids, in name order), read the cheaper of two ways.

        A rare search ("zq", "o'brien") reads its few matches through its indexes
        (trigrams, name starts) and sorts them. A common one ("m", "mar": thousands
        match) would sort thousands for a page of 60: it walks the name order
        instead, keeping the rows its look-ups found, and stops once the page is full.
        """
        start, start_params = "", []
        if after is not None:
            last, first, patient_id = after  # spelled out: a row value would not seek the index
            start = (
                " AND p.legal_last COLLATE NOCASE >= ? AND (p.legal_last COLLATE NOCASE > ?"
                " OR p.legal_first COLLATE NOCASE > ?"
                " OR (p.legal_first COLLATE NOCASE = ? AND p.id > ?))"
            )
            start_params = [last, last, first, first, patient_id]
        clauses, params = _search_clauses(search)
        where = " AND ".join(clauses)
        values = [*params, *start_params, limit, offset]
        tail = f"{start} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
        if len(clauses) > 1 and self._common(search, COMMON):
            walk, walk_params = _walk_clauses(search)
            walked = self._within_steps(
                f"SELECT p.rowid FROM patients p WHERE {walk}{tail}",
                [*walk_params, *start_params, limit, offset],
            )
            if walked is not None:
                return [row[0] for row in walked]
        rows = self._r.db.execute(f"SELECT p.rowid FROM patients p WHERE {where}{tail}", values)
        return [row[0] for row in rows]

    def _within_steps(self, sql: str, values: list) -> list | None:
        """The rows, or None if SQLite needs more than ``WALK_STEPS`` steps for them.

        A walk of the name order is quick when the matches are spread through it
        ("m": first names) and slow when they sit together far down ("s": the
        Smiths); the budget stops the slow ones, whose matches then sort quickly.
        """
        conn = self._r.db.conn
        conn.set_progress_handler(lambda: 1, WALK_STEPS)  # non-zero: stop the statement
        try:
            return conn.execute(sql, values).fetchall()
        except engine.OperationalError as error:
            if "interrupt" not in str(error):
                raise
            return None
        finally:
            conn.set_progress_handler(None, 0)

    def _common(self, search: str, cap: int) -> bool:
        """More than ``cap`` rows come out of the search's first index look-up.

        Cheap either way: the look-up is read only up to the cap. A rare search
        is then quickest through its indexes; a common one by walking the rows.
        """
        sources = _sources(search)
        if not sources:
            return True
        sql, values = sources[0]
        probe = f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {int(cap) + 1})"
        return int(self._r.db.execute(probe, values).fetchone()[0]) > cap

    def matching(self, birth_date: str, phone: str, email: str) -> list[Patient]:
        """Patients born on ``birth_date`` (ISO), or with this phone key or email.

        Three indexed look-ups (patients_birth_date, patients_phone_key,
        patients_email), never a scan: the new-family form asks on every pause
        in typing. An empty value asks nothing.
        """
        parts: list[str] = []
        params: list[str] = []
        if birth_date:
            parts.append(
                "SELECT * FROM patients WHERE birth_date = ? AND birth_date_known = 1"
                " AND deleted_at IS NULL"
            )
            params.append(birth_date)
        if phone:
            parts.append(
                "SELECT * FROM patients WHERE phone_key = ? AND phone_key != ''"
                " AND deleted_at IS NULL"
            )
            params.append(phone)
        if email:
            parts.append(
                "SELECT * FROM patients WHERE email = ? COLLATE NOCASE AND email != ''"
                " AND deleted_at IS NULL"
            )
            params.append(email)
        if not parts:
            return []
        sql = (
            " UNION ".join(parts)
            + " ORDER BY legal_last COLLATE NOCASE, legal_first COLLATE NOCASE"
        )
        return [from_row(Patient, row) for row in self._r.db.query(sql, params)]

    def position(self, search: str, patient_id: str) -> int | None:
        """How many matching patients come before ``patient_id`` in name order (None: no match)."""
        clauses, params = _search_clauses(search)
        where = " AND ".join(clauses)
        row = self._r.db.execute(
            f"SELECT legal_last, legal_first FROM patients p WHERE {where} AND p.id = ?",
            [*params, patient_id],
        ).fetchone()
        if row is None:
            return None
        before = (
            "(p.legal_last COLLATE NOCASE < ? OR (p.legal_last COLLATE NOCASE = ? AND "
            "(p.legal_first COLLATE NOCASE < ? "
            "OR (p.legal_first COLLATE NOCASE = ? AND p.id < ?))))"
        )
        last, first = row
        found = self._r.db.execute(
            f"SELECT count(*) FROM patients p WHERE {where} AND {before}",
            [*params, last, last, first, first, patient_id],
        )
        return int(found.fetchone()[0])

    def count(self, search: str = "", *, up_to: int | None = None) -> int:
        """How many patients match ``search`` (all: none given); at most ``up_to`` + 1.

        ``up_to`` keeps a count of a one-letter search fast: the list says
        "more than 1,000" instead of reading every row to say 49,448.
        """
        sources = _sources(search)
        if up_to is not None and sources:  # read the first look-up only as far as the cap
            sql, values = sources[0]
            copies = 1 if "patients_fts" in sql else len(_NAMES)  # a name look-up: once per name
            clauses, params = _search_clauses(search)
            others = "".join(f" AND {c}" for c in clauses[2:])
            streamed = self._r.db.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) AS s "
                f"JOIN patients p ON p.rowid = s.rowid WHERE p.deleted_at IS NULL{others} "
                f"LIMIT {copies * (int(up_to) + 1)})",
                [*values, *params[len(values) :]],
            ).fetchone()[0]
            if streamed >= copies * (up_to + 1):
                return up_to + 1  # more than the cap, even counting each patient once
            if copies == 1:
                return int(streamed)  # one row per patient: the count itself
        clauses, params = _search_clauses(search)
        inner = f"SELECT 1 FROM patients p WHERE {' AND '.join(clauses)}"
        if up_to is not None:
            inner += f" LIMIT {int(up_to) + 1}"
        row = self._r.db.execute(f"SELECT count(*) FROM ({inner})", params)
        return int(row.fetchone()[0])

    def responsible_parties(self, patient_id: str) -> list[ResponsibleParty]:
        return self._r.where(
            "responsible_parties", ResponsibleParty, "patient_id = ?", [patient_id], "position"
        )

    def save_responsible_party(self, party: ResponsibleParty) -> None:
        self._r.upsert("responsible_parties", party)

    def insurance(self, patient_id: str) -> list[InsurancePolicy]:
        return self._r.where(
            "insurance_policies", InsurancePolicy, "patient_id = ?", [patient_id], "rank"
        )

    def insurance_ids(self, patient_id: str) -> dict[str, str]:
        """Each rank's row id, removed plans too: a plan added again reuses its row
        (one plan per rank and patient, soft-deleted ones included)."""
        rows = self._r.db.execute(
            "SELECT rank, id FROM insurance_policies WHERE patient_id = ?", [patient_id]
        ).fetchall()
        return {rank: row_id for rank, row_id in rows}

    def save_insurance(self, policy: InsurancePolicy) -> None:
        self._r.upsert("insurance_policies", policy)

    def photos(self, patient_id: str) -> list[PatientPhoto]:
        return self._r.where(
            "patient_photos", PatientPhoto, "patient_id = ?", [patient_id], "position"
        )

    def save_photo(self, photo: PatientPhoto) -> None:
        self._r.upsert("patient_photos", photo)


_NAMES = ("legal_last", "legal_first", "preferred_name")  # each has a NOCASE index
TRIGRAM = 3  # the index finds words of three letters or more; shorter ones are matched as text
_ORDER = "p.legal_last COLLATE NOCASE, p.legal_first COLLATE NOCASE, p.id"  # patients_name_order
COMMON = 4_000  # rows from a search's first look-up beyond which sorting them costs > 5 ms
WALK_STEPS = 200_000  # SQLite steps (about 5 ms) a walk of the name order may take


def _search_clauses(search: str) -> tuple[list[str], list[str]]:
    """The WHERE clauses (and their values) for patients matching every word of ``search``.

    Words of three letters or more are looked up in ``patients_fts`` (trigrams:
    anywhere in the name, phone or e-mail); a shorter word is the start of a
    first, last or preferred name ("sm" finds Smith, as a person typing means
    it), found through the name indexes.
    """
    clauses = ["p.deleted_at IS NULL"]
    params: list[str] = []
    for sql, values in _sources(search):
        clauses.append(f"p.rowid IN ({sql})")
        params.extend(values)
    return clauses, params


def _walk_clauses(search: str) -> tuple[str, list[str]]:
    """``_search_clauses`` for walking the name order: each row is tested as it comes.

    The trigram look-up is read once into a list ("+": not used to find rows); a
    short word is the name-start test itself, mostly on the walk's own index.
    """
    tests = ["p.deleted_at IS NULL"]
    params: list[str] = []
    for sql, values in _sources(search):
        if "patients_fts" in sql:
            tests.append(f"+p.rowid IN ({sql})")
            params.extend(values)
        else:
            word, after = values[0], values[1]
            starts = " OR ".join(
                f"(p.{c} COLLATE NOCASE >= ? AND p.{c} COLLATE NOCASE < ?)" for c in _NAMES
            )
            tests.append(f"+({starts})")
            params.extend([word, after] * len(_NAMES))
    return " AND ".join(tests), params


def _sources(search: str) -> list[tuple[str, list[str]]]:
    """Each index look-up ``search`` needs: a query of the rowids it finds, and its values."""
    words = fold(search).split()
    found: list[tuple[str, list[str]]] = []
    indexed = [w for w in words if len(w) >= TRIGRAM]
    if indexed:
        phrases = " AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)
        found.append(("SELECT rowid FROM patients_fts WHERE patients_fts MATCH ?", [phrases]))
    for word in words:
        if len(word) < TRIGRAM:  # the start of a name: "s", "sm" (as a person types it)
            starts = [
                f"SELECT rowid FROM patients WHERE deleted_at IS NULL "
                f"AND {c} COLLATE NOCASE >= ? AND {c} COLLATE NOCASE < ?"
                for c in _NAMES
            ]  # one index range each (an OR of them would scan the table)
            values = [word, word[:-1] + chr(ord(word[-1]) + 1)] * len(_NAMES)
            found.append((" UNION ALL ".join(starts), values))
    return found


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def patient_row(records: Records, patient: Patient) -> dict:
    """The patient as a stamped row with its search keys (phone, folded names)."""
    row = records.row("patients", patient)
    row["phone_key"] = phone_key(patient.phone)
    row["search_key"] = fold(
        " ".join(
            [
                patient.legal_first,
                patient.legal_last,
                patient.preferred_name,
                patient.phone,
                patient.email,
            ]
        )
    )
    return row
