"""Printed documents: the financial agreement and the take-home summary (reportlab).

Qt-free and store-free: builders take plain values and return PDF bytes.

Public API
----------
``agreement_model``
    ``AgreementData``, ``PartyLine``, ``SignatureMark``, ``SummaryData`` (with
    ``SummaryFinding``, ``SummaryOption``, ``SummaryPhase``, ``SummaryChoice``).
``agreement_pdf``
    ``build_agreement_pdf(data, terms_template=None) -> bytes``.
``summary_pdf``
    ``build_summary_pdf(data) -> bytes``.
``files``
    ``write_pdf_atomically(pdf, path) -> Path``.

``tcdesk.services.agreement_data`` gathers the data from the practice file.
Fonts (DejaVu Sans, and WenQuanYi Zen Hei for CJK) are embedded: see ``fonts``.
"""
