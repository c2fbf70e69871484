"""The financial agreement's life: generate, print, sign, void, and prove it was not changed.

Every version keeps the exact PDF bytes the family saw with their SHA-256.
Nothing is edited afterwards: a change to the terms is a new version, a
signature on screen is a new version carrying the signatures (linked to the
version signed), and printing, signing on paper and voiding are events.
Every action is also written to the audit log with who and when.

Building a PDF is the slow part, so each action that builds one comes in
three steps the UI can split across threads: ``prepare_*`` reads the file
(GUI thread), ``build_pdf`` is pure (any thread), ``store_*`` writes (GUI
thread). ``generate`` and ``sign`` do all three in one call. ``state`` is the
one question a screen asks: the whole picture of a consult's agreement.

The modules: ``records`` (reading), ``versions`` (making), ``signing``,
``sheet`` (the signing screen), ``voiding``, ``copies`` (printing and
saving), ``overview`` (``state``); callers import from this package.

The names are loaded from their modules when first used (``__getattr__``), so
importing one piece (``records`` for a consult's status) does not load the
PDF builder and reportlab with it.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "AgreementAction": "tcdesk.services.agreements.overview",
    "AgreementError": "tcdesk.services.agreements.records",
    "AgreementState": "tcdesk.services.agreements.overview",
    "PAYLOAD_FORMAT": "tcdesk.services.agreements.journal",
    "PendingAgreement": "tcdesk.services.agreements.versions",
    "SignatureMark": "tcdesk.documents.agreement_model",
    "SigningSheet": "tcdesk.services.agreements.sheet",
    "StoredSignature": "tcdesk.services.agreements.records",
    "after": "tcdesk.services.agreements.overview",
    "agreement_data": "tcdesk.services.agreement_data",
    "build_pdf": "tcdesk.services.agreements.versions",
    "check_destination": "tcdesk.services.agreements.copies",
    "check_printable": "tcdesk.services.agreements.copies",
    "current_or_generate": "tcdesk.services.agreements.versions",
    "data_fingerprint": "tcdesk.services.agreements.fingerprints",
    "default_folder": "tcdesk.services.agreements.copies",
    "export": "tcdesk.services.agreements.copies",
    "file_name": "tcdesk.services.agreements.copies",
    "generate": "tcdesk.services.agreements.versions",
    "generated_detail": "tcdesk.services.agreements.records",
    "get": "tcdesk.services.agreements.records",
    "history": "tcdesk.services.agreements.records",
    "is_current": "tcdesk.services.agreements.versions",
    "latest": "tcdesk.services.agreements.records",
    "mark_signed_on_paper": "tcdesk.services.agreements.signing",
    "prepare_generation": "tcdesk.services.agreements.versions",
    "prepare_signing": "tcdesk.services.agreements.signing",
    "record": "tcdesk.services.agreements.records",
    "record_printed": "tcdesk.services.agreements.copies",
    "saved_copy": "tcdesk.services.agreements.copies",
    "sign": "tcdesk.services.agreements.signing",
    "signatures": "tcdesk.services.agreements.records",
    "signers": "tcdesk.services.agreements.sheet",
    "signing_sheet": "tcdesk.services.agreements.sheet",
    "state": "tcdesk.services.agreements.overview",
    "status": "tcdesk.services.agreements.records",
    "store_generated": "tcdesk.services.agreements.versions",
    "store_signed": "tcdesk.services.agreements.signing",
    "verify": "tcdesk.services.agreements.records",
    "version_language": "tcdesk.services.agreements.versions",
    "void": "tcdesk.services.agreements.voiding",
    "write_trial": "tcdesk.services.agreements.copies",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next use is a plain lookup
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
