"""The stored bytes going out unchanged: printed, exported, kept as a file to print."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tcdesk.documents import files
from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.files import write_pdf_atomically
from tcdesk.domain.agreement import (
    Agreement,
    AgreementEvent,
    AgreementEventKind,
    AgreementStatus,
    sha256_hex,
)
from tcdesk.paths import data_dir
from tcdesk.services.agreement_data import render_agreement
from tcdesk.services.agreements.journal import _audit, _event
from tcdesk.services.agreements.records import AgreementError, _repo, get, record
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk


def check_printable(desk: Desk, agreement_id: str) -> Agreement:
    """The version, if it may be printed (a void one may not)."""
    found = record(desk, agreement_id)
    if found.status is AgreementStatus.VOID:
        raise AgreementError(f"Version {found.agreement.version} is void and cannot be printed.")
    if not found.agreement.verify():
        raise AgreementError(
            f"The stored PDF of version {found.agreement.version} does not match its "
            "fingerprint (SHA-256); it may be damaged, so it was not printed."
        )
    return found.agreement


def record_printed(
    desk: Desk,
    agreement_id: str,
    actor_id: str | None,
    *,
    printer: str,
    job_id: str = "",
    detail: str = "",
) -> AgreementEvent:
    """Note that this exact version went to a printer (or to a PDF printer)."""
    with desk.transaction():
        agreement = check_printable(desk, agreement_id)
        at = utc_iso(desk.clock())
        text = detail or (f"Sent to {printer} (job {job_id})." if job_id else f"Sent to {printer}.")
        payload = {"printer": printer, "job_id": job_id}
        event = _event(agreement_id, AgreementEventKind.PRINTED, at, actor_id, text, payload)
        repo = _repo(desk)
        repo.add_event(event)
        _audit(repo, at, actor_id, "printed", agreement_id, f"{agreement.title}. {text}")
    return event


def _checked(agreement: Agreement) -> Agreement:
    if not agreement.verify():
        raise AgreementError(
            f"The stored PDF of {agreement.title.lower()} does not match its fingerprint "
            "(SHA-256); it may be damaged, so it was not written out."
        )
    return agreement


def file_name(agreement: Agreement) -> str:
    safe = re.sub(r"[^0-9A-Za-z._-]+", "-", agreement.number).strip("-") or "agreement"
    return f"{safe}-v{agreement.version}.pdf"


def export(desk: Desk, agreement_id: str, path: Path | str, actor_id: str | None = None) -> Path:
    """Write the stored bytes, unchanged, to ``path`` (atomically: never a half file)."""
    agreement = _checked(get(desk, agreement_id))
    try:
        written = write_pdf_atomically(agreement.pdf, Path(path))
    except OSError as error:
        raise AgreementError(
            f"Could not save the PDF to {path}: {error.strerror or error}."
        ) from None
    at = utc_iso(desk.clock())
    with desk.transaction():
        _audit(
            _repo(desk), at, actor_id, "exported", agreement_id, f"{agreement.title} -> {written}"
        )
    return Path(written)


def default_folder() -> Path:
    return data_dir() / "agreements"


def saved_copy(desk: Desk, agreement_id: str, folder: Path | None = None) -> Path:
    """A file holding the stored bytes (for printing), kept in the practice's data folder."""
    agreement = _checked(get(desk, agreement_id))
    folder = folder or default_folder()
    path = folder / file_name(agreement)
    try:
        if path.is_file() and sha256_hex(path.read_bytes()) == agreement.sha256:
            return path
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        written = Path(write_pdf_atomically(agreement.pdf, path))
        os.chmod(written, 0o600)
    except OSError as error:
        raise AgreementError(
            f"Could not save the PDF in {folder}: {error.strerror or error}."
        ) from None
    return written


def check_destination(path: Path) -> Path:
    """Refuse a destination that can't be written, before any work is done for it."""
    return files.check_destination(path)


def write_trial(
    desk: Desk, consult_id: str, path: Path, *, terms_template: Path | None = None
) -> tuple[AgreementData, Path]:
    """Build the agreement (with a trial terms file, if given) and write it to ``path``.

    Nothing is recorded: a trial is not the agreement of record.
    """
    data, pdf = render_agreement(desk, consult_id, terms_template=terms_template)
    return data, write_pdf_atomically(pdf, path)
