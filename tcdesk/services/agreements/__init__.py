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
saving), ``state``; callers import from this package.
"""

from tcdesk.documents.agreement_model import SignatureMark
from tcdesk.services.agreement_data import agreement_data  # callers reached it here
from tcdesk.services.agreements.copies import (
    check_destination,
    check_printable,
    default_folder,
    export,
    file_name,
    record_printed,
    saved_copy,
    write_trial,
)
from tcdesk.services.agreements.fingerprints import data_fingerprint
from tcdesk.services.agreements.journal import PAYLOAD_FORMAT
from tcdesk.services.agreements.records import (
    AgreementError,
    StoredSignature,
    generated_detail,
    get,
    history,
    latest,
    record,
    signatures,
    status,
    verify,
)
from tcdesk.services.agreements.sheet import SigningSheet, signers, signing_sheet
from tcdesk.services.agreements.signing import (
    mark_signed_on_paper,
    prepare_signing,
    sign,
    store_signed,
)
from tcdesk.services.agreements.state import AgreementAction, AgreementState, after, state
from tcdesk.services.agreements.versions import (
    PendingAgreement,
    build_pdf,
    current_or_generate,
    generate,
    is_current,
    prepare_generation,
    store_generated,
)
from tcdesk.services.agreements.voiding import void

__all__ = [
    "PAYLOAD_FORMAT",
    "AgreementAction",
    "AgreementError",
    "AgreementState",
    "PendingAgreement",
    "SignatureMark",
    "SigningSheet",
    "StoredSignature",
    "after",
    "agreement_data",
    "build_pdf",
    "check_destination",
    "check_printable",
    "current_or_generate",
    "data_fingerprint",
    "default_folder",
    "export",
    "file_name",
    "generate",
    "generated_detail",
    "get",
    "history",
    "is_current",
    "latest",
    "mark_signed_on_paper",
    "prepare_generation",
    "prepare_signing",
    "record",
    "record_printed",
    "saved_copy",
    "sign",
    "signatures",
    "signers",
    "signing_sheet",
    "state",
    "status",
    "store_generated",
    "store_signed",
    "verify",
    "void",
    "write_trial",
]
