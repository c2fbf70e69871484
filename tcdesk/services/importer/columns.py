"""Which column of the export holds which tcdesk field.

Headers are recognised without a mapping when they match a known name,
ignoring case, spaces, underscores and punctuation ("First Name",
"first_name" and "FIRSTNAME" are the same; "Chart #" is "chart"). A mapping file (MAPPING.toml)
names the file's header for any field the export calls something else.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tcdesk.services.importer.errors import ImportRefused


@dataclass(frozen=True)
class Field:
    key: str  # the tcdesk field name, as a mapping file writes it
    label: str  # as the app shows it
    aliases: tuple[str, ...]  # headers recognised without a mapping
    required: bool = False


FIELDS: tuple[Field, ...] = (
    Field("external_id", "Chart / patient id", ("external_id", "patient_id", "chart_number",
          "chart_no", "chart", "account_number")),
    Field("first_name", "First name", ("first_name", "first", "given_name", "patient_first",
          "patient_first_name"), required=True),
    Field("last_name", "Last name", ("last_name", "last", "surname", "family_name",
          "patient_last", "patient_last_name"), required=True),
    Field("preferred_name", "Preferred name", ("preferred_name", "nickname", "goes_by")),
    Field("birth_date", "Date of birth", ("birth_date", "dob", "date_of_birth", "birthdate",
          "birthday"), required=True),
    Field("phone", "Phone", ("phone", "phone_number", "mobile", "cell", "cell_phone",
          "home_phone", "patient_phone")),
    Field("email", "Email", ("email", "email_address", "e_mail", "patient_email")),
    Field("preferred_language", "Preferred language", ("preferred_language", "language")),
    Field("lead_source", "Lead source", ("lead_source", "source", "referral_source",
          "how_heard")),
    Field("referrer", "Referred by", ("referrer", "referred_by", "referring_doctor")),
    Field("guardian_first", "Guardian first name", ("guardian_first", "guardian_first_name",
          "parent_first", "responsible_first")),
    Field("guardian_last", "Guardian last name", ("guardian_last", "guardian_last_name",
          "parent_last", "responsible_last")),
    Field("guardian_name", "Guardian full name", ("guardian_name", "guardian", "parent",
          "parent_name", "responsible_party", "responsible_name")),
    Field("guardian_relationship", "Guardian relationship", ("relationship",
          "guardian_relationship", "relation")),
    Field("guardian_phone", "Guardian phone", ("guardian_phone", "parent_phone",
          "responsible_phone")),
    Field("guardian_email", "Guardian email", ("guardian_email", "parent_email",
          "responsible_email")),
    Field("guardian2_name", "Second guardian name", ("guardian2_name", "guardian_2_name",
          "second_guardian")),
    Field("guardian2_relationship", "Second guardian relationship", ("guardian2_relationship",
          "guardian_2_relationship")),
    Field("guardian2_phone", "Second guardian phone", ("guardian2_phone", "guardian_2_phone")),
    Field("guardian2_email", "Second guardian email", ("guardian2_email", "guardian_2_email")),
)  # fmt: skip
FIELD_KEYS = tuple(f.key for f in FIELDS)
REQUIRED = tuple(f for f in FIELDS if f.required)
_BY_KEY = {f.key: f for f in FIELDS}
DATE_FORMS = ("iso", "us")  # dates.ISO, dates.US

ColumnMap = dict[str, str]  # tcdesk field key -> the file's header


def squash(header: str) -> str:
    """A header as compared: lower case letters and digits only ("Chart #" is "chart")."""
    return "".join(ch for ch in header.casefold() if ch.isalnum())


_ALIASES = {squash(alias): f.key for f in FIELDS for alias in f.aliases}


def field(key: str) -> Field:
    return _BY_KEY[key]


def recognise(headers: tuple[str, ...]) -> ColumnMap:
    """The fields whose column the headers name without a mapping (first match wins)."""
    found: ColumnMap = {}
    for header in headers:
        key = _ALIASES.get(squash(header))
        if key and key not in found:
            found[key] = header
    return found


@dataclass(frozen=True)
class MappingFile:
    columns: ColumnMap
    date_form: str | None  # "iso", "us" or None (detected from the file)


def load_mapping(path: Path) -> MappingFile:
    """Read MAPPING.toml: ``[columns]`` field = "Header", optional ``date_format``."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImportRefused(f"No mapping file at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ImportRefused(f"Cannot read the mapping file {path}: {error}.") from None
    except tomllib.TOMLDecodeError as error:
        raise ImportRefused(f"The mapping file {path.name} is not valid TOML ({error}).") from None
    unknown_keys = sorted(set(data) - {"columns", "date_format"})
    if unknown_keys:
        raise ImportRefused(
            f"The mapping file {path.name} has unknown entries: {', '.join(unknown_keys)} "
            '(it holds a [columns] table and an optional date_format = "iso" or "us").'
        )
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise ImportRefused(
            f'In {path.name}, [columns] must map tcdesk fields to headers: first_name = "First".'
        )
    bad = sorted(set(columns) - set(FIELD_KEYS))
    if bad:
        raise ImportRefused(
            f"The mapping file {path.name} names fields tcdesk does not have: {', '.join(bad)} "
            f"(the fields are: {', '.join(FIELD_KEYS)})."
        )
    date_form = data.get("date_format")
    if date_form is not None and date_form not in DATE_FORMS:
        raise ImportRefused(
            f'In {path.name}, date_format must be "iso" or "us", not "{date_form}".'
        )
    return MappingFile(columns={k: v.strip() for k, v in columns.items()}, date_form=date_form)


def resolve(headers: tuple[str, ...], mapping: ColumnMap | None = None) -> ColumnMap:
    """The column of each field: the mapping's, then recognised headers not used by it.

    Refuses the file when the mapping names a header the file does not have, or
    when a required field has no column (naming them all).
    """
    mapping = dict(mapping or {})
    present = set(headers)
    unknown = [header for header in mapping.values() if header and header not in present]
    if unknown:
        listed = ", ".join(f'"{h}"' for h in unknown)
        raise ImportRefused(
            f"The mapping names columns the file does not have: {listed} "
            f"(its columns are: {', '.join(headers)})."
        )
    columns = {key: header for key, header in mapping.items() if header}
    used = set(columns.values())
    for key, header in recognise(headers).items():
        if key not in mapping and header not in used:
            columns[key] = header
            used.add(header)
    missing = [f.label.lower() for f in REQUIRED if f.key not in columns]
    if missing:
        raise ImportRefused(
            f"The file has no column for: {', '.join(missing)}. Name the columns "
            "(first_name, last_name, birth_date) or map them with --map MAPPING.toml."
        )
    return columns
