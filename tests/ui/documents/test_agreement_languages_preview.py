"""The preview of a Spanish agreement offers its English copy: made from the same
preview as its own version, with its own SHA-256, under the same agreement number."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from tcdesk.domain import ConsultStatus
from tcdesk.services import agreements
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.agreement_preview import AgreementPreview
from tests.ui.documents.test_agreement_preview import WAIT_MS, FakePrintSystem


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_spanish_agreement_and_its_english_copy_from_one_preview(
    qtbot, demo_desk, tmp_path: Path
) -> None:
    consult = next(
        c
        for c in demo_desk.consults.all()
        if c.status is ConsultStatus.ACCEPTED and demo_desk.consults.latest_plan(c.id)
    )
    patient = demo_desk.patients.get(consult.patient_id)
    demo_desk.patients.save(replace(patient, preferred_language="es"))
    preview = AgreementPreview(
        demo_desk,
        consult.id,
        settings=MachineSettingsStore(tmp_path / "machine.json"),
        print_system=FakePrintSystem(),
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.current is not None and not preview.is_busy(), timeout=WAIT_MS)
    spanish = preview.current.agreement
    assert "Contrato financiero de ortodoncia" in _text(spanish.pdf)
    assert "Spanish" in preview.status.text()
    assert preview.english_copy_button.isVisible() and preview.english_copy_button.isEnabled()

    preview.english_copy_button.click()
    qtbot.waitUntil(
        lambda: preview.current.agreement.id != spanish.id and not preview.is_busy(),
        timeout=WAIT_MS,
    )
    english = preview.current.agreement
    assert (english.number, english.version) == (spanish.number, spanish.version + 1)
    assert english.sha256 != spanish.sha256
    assert "Orthodontic Financial Agreement" in _text(english.pdf)
    assert f"English copy of version {spanish.version}" in preview.message.text()
    assert not preview.english_copy_button.isVisible()  # this one is the English copy
    assert preview.versions.count() == 2  # both kept, either can be shown and printed


def test_the_signing_screen_speaks_the_agreements_language(qtbot, demo_desk) -> None:
    from tcdesk.ui.documents.signing_dialog import SigningDialog

    consult = next(
        c
        for c in demo_desk.consults.all()
        if c.status is ConsultStatus.ACCEPTED and demo_desk.consults.latest_plan(c.id)
    )
    spanish = agreements.generate(demo_desk, consult.id, language="es")
    sheet = agreements.signing_sheet(demo_desk, spanish.id)
    dialog = SigningDialog(list(sheet.to_sign), sheet=sheet)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Firmar el contrato"
    said = dialog.what.text()
    assert f"Contrato {spanish.number}, versión {spanish.version}" in said
    if sheet.disclosed:
        assert "Tasa de porcentaje anual" in said and "Cargo financiero" in said
    assert dialog.save_button.text() == "Guardar firmas"
    assert dialog.boxes[0].pad.clear_button.text() == "Borrar"
    assert [box.pad.placeholder for box in dialog.boxes] == ["Firme aquí"] * len(dialog.boxes)
    assert dialog.waiting.text().startswith("Falta la firma de: ")
    english = SigningDialog(list(sheet.to_sign))  # no sheet: the practice's English
    qtbot.addWidget(english)
    assert english.windowTitle() == "Sign the agreement"
    assert english.boxes[0].pad.placeholder == "Sign here"
    # what the family sees in the empty box: the Spanish words are drawn, not the English
    for box in (dialog.boxes[0], english.boxes[0]):
        box.pad.setFixedSize(420, 160)
    mine, theirs = dialog.boxes[0].pad.grab().toImage(), english.boxes[0].pad.grab().toImage()
    assert mine.size() == theirs.size() and mine != theirs
