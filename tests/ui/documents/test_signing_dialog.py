"""Signing on screen with a parent away: the others sign, the missing one signs later."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tcdesk.domain.agreement import AgreementStatus
from tcdesk.formatting import money_from_dollars
from tcdesk.services import agreements
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.agreement_preview import AgreementPreview
from tests.ui.documents.drawing import sign

WAIT_MS = 15_000


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _pays_monthly(desk, consult_id: str) -> bool:
    plan = desk.consults.latest_plan(consult_id)
    return plan is not None and plan.months > 0


@pytest.fixture
def two_parents(demo_desk) -> str:
    """Two responsible parties and monthly payments (so the Truth in Lending box shows)."""
    return next(
        c.id
        for c in demo_desk.consults.all()
        if _pays_monthly(demo_desk, c.id)
        and len(demo_desk.patients.responsible_parties(c.patient_id)) >= 2
    )


@pytest.fixture
def preview(qtbot: QtBot, demo_desk, two_parents, tmp_path: Path) -> AgreementPreview:
    opened = AgreementPreview(
        demo_desk, two_parents, settings=MachineSettingsStore(tmp_path / "machine.json")
    )
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(lambda: opened.current is not None and not opened.is_busy(), timeout=WAIT_MS)
    return opened


def _open_signing(qtbot: QtBot, preview: AgreementPreview):
    qtbot.mouseClick(preview.sign_button, Qt.MouseButton.LeftButton)
    dialog = preview.signing_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot: QtBot, preview: AgreementPreview, dialog) -> None:
    with qtbot.waitSignal(preview.agreement_changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=WAIT_MS)


def test_the_signing_screen_shows_what_is_signed(qtbot: QtBot, preview, demo_desk) -> None:
    draft = preview.current.agreement
    quote = agreements.agreement_data(demo_desk, draft.consult_id).quote
    dialog = _open_signing(qtbot, preview)
    shown = dialog.what.text()
    assert f"Agreement {draft.number}, version 1" in shown
    assert (
        money_from_dollars(quote.total_fee) in shown
        and money_from_dollars(quote.monthly_payment) in shown
    )
    til = quote.truth_in_lending
    assert "Annual Percentage Rate" in shown and f"{til.apr:.2f}%" in shown
    assert money_from_dollars(til.finance_charge) in shown
    assert dialog.what.y() < dialog.boxes[0].y()  # above the pads
    dialog.reject()


def test_a_parent_away_signs_later_on_a_new_version(qtbot: QtBot, preview, demo_desk) -> None:
    draft = preview.current.agreement
    dialog = _open_signing(qtbot, preview)
    away = dialog.boxes[1]
    assert away.signer.role.value == "responsible" and away.absent.isVisible()
    for box in dialog.boxes:
        if box is not away:
            sign(box.pad)
    assert not dialog.save_button.isEnabled()  # the other parent: not signed, not excused
    assert away.signer.name in dialog.waiting.text()
    qtbot.mouseClick(
        away.absent, Qt.MouseButton.LeftButton, pos=QPoint(8, away.absent.height() // 2)
    )
    assert dialog.save_button.isEnabled()
    assert dialog.save_button.text() == "Save for now"
    assert f"{away.signer.name} will show as not yet signed" in dialog.waiting.text()
    _save(qtbot, preview, dialog)

    partly = preview.current
    assert partly.agreement.version == 2 and partly.status is AgreementStatus.PARTLY_SIGNED
    assert f"not yet signed by {away.signer.name}" in preview.status.text()
    text = pdf_text(partly.agreement.pdf)
    assert text.count("Not yet signed") == 1 and text.count("Signed Nov") == 2
    assert preview.sign_button.isEnabled()

    later = _open_signing(qtbot, preview)
    assert [box.signer.name for box in later.boxes] == [away.signer.name]
    assert "Already signed:" in later.findChild(type(later.waiting), "alreadySigned").text()
    sign(later.boxes[0].pad)
    _save(qtbot, preview, later)

    full = preview.current
    assert full.agreement.version == 3 and full.status is AgreementStatus.SIGNED
    text = pdf_text(full.agreement.pdf)
    assert "Not yet signed" not in text and text.count("Signed Nov") == 3
    assert agreements.get(demo_desk, draft.id).pdf == draft.pdf
    assert not preview.sign_button.isEnabled()
