"""The family's take-home summary: read, build, keep and copy (for the console and the CLI).

Reading the consult is fast (GUI thread is fine); ``build_pdf`` is pure and
safe off the GUI thread; ``keep`` writes the file under the data folder
before anything else, so a printer problem never loses it; ``save_copy``
writes the same bytes elsewhere. The UI and the CLI build and write the
summary only through here, never through ``tcdesk.documents`` directly.

A summary tells the family what was said at a consult, so ``prepare``
refuses (``NothingToSummarise``, one calm sentence) when there is nothing to
tell yet: a consult booked for a later day (its heading is the consult's own
local day, and a check-in or presentation only happens on that day, so the
consult has not happened), or a record with no findings and no options.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tcdesk.documents.agreement_model import SummaryData
from tcdesk.documents.files import file_slug, write_pdf_atomically
from tcdesk.documents.summary_pdf import build_summary_pdf
from tcdesk.errors import UserError
from tcdesk.formatting import long_date
from tcdesk.paths import data_dir
from tcdesk.services.agreement_data import summary_data
from tcdesk.services.desk import Desk

__all__ = [
    "NothingToSummarise",
    "SummaryData",
    "build_pdf",
    "keep",
    "prepare",
    "require_something_to_say",
    "save_copy",
    "summary_path",
    "write",
]


class NothingToSummarise(UserError):
    """The consult has not happened yet, or its record holds nothing to tell the family."""


def require_something_to_say(data: SummaryData) -> SummaryData:
    """``data`` back when a summary makes sense; ``NothingToSummarise`` saying why not."""
    if data.consult_date > data.prepared_on:
        raise NothingToSummarise(
            f"This consult is booked for {long_date(data.consult_date)}; "
            "a summary is printed after it."
        )
    if not data.findings and not data.options:
        raise NothingToSummarise(
            "Nothing to summarise yet: this consult's record has no findings and no "
            "treatment options; add them to the record first."
        )
    return data


def prepare(desk: Desk, consult_id: str, language: str | None = None) -> SummaryData:
    """What the summary says (fast: reads the practice file); refuses an empty summary.
    ``language`` (a code) overrides the patient's preferred language."""
    return require_something_to_say(summary_data(desk, consult_id, language))


def build_pdf(data: SummaryData) -> bytes:
    """The slow, pure part: safe to run off the GUI thread (it touches no database)."""
    return build_summary_pdf(data)


def summary_path(consult_id: str, patient: str, day: date, folder: Path | None = None) -> Path:
    """Where the kept copy goes: dated, with the family's name readable."""
    slug = file_slug(patient, "patient", lower=False)
    return (folder or data_dir() / "summaries") / f"{day.isoformat()}-{slug}-{consult_id[:8]}.pdf"


def keep(consult_id: str, data: SummaryData, pdf: bytes, folder: Path | None = None) -> Path:
    """Keep the built summary in the practice's summaries folder; returns the file."""
    path = summary_path(consult_id, data.patient_name, data.consult_date, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pdf_atomically(pdf, path)


def save_copy(pdf: bytes, path: Path) -> Path:
    """Write the exact bytes to ``path`` (``.pdf`` added if missing), atomically."""
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return write_pdf_atomically(pdf, path)


def write(
    desk: Desk, consult_id: str, out: Path, language: str | None = None
) -> tuple[SummaryData, Path]:
    """Build the consult's summary and write it to ``out`` (nothing written on a problem)."""
    data = prepare(desk, consult_id, language)
    return data, write_pdf_atomically(build_pdf(data), out)
