"""The patient panel states plans as the agreement discloses them, and when to call back."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.services.consult_outcome import Outcome, OutcomeKind, record_outcome
from tcdesk.services.patient_overview import patient_overview
from tcdesk.ui.patient_panel import PatientPanel
from tests.conftest import DEMO_DAY
from tests.ui.presentation.conftest import TEEN_CONSULT

WALKER_CONSULT_PREFIX = "857255ec"  # demo: a 0% plan of 24 payments, pay-in-full discount forgone


def _panel(qtbot: QtBot, desk, consult_id: str) -> PatientPanel:
    consult = desk.consults.get(consult_id)
    panel = PatientPanel(DEMO_DAY)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_overview(patient_overview(desk, consult.patient_id))
    return panel


def _consult_id(desk, prefix: str) -> str:
    (found,) = [
        c.id
        for entry in desk.patients.list("")
        for c in desk.consults.for_patient(entry.patient.id)
        if c.id.startswith(prefix)
    ]
    return found


def test_plan_shows_the_disclosed_apr_and_finance_charge_not_the_stated_rate(
    qtbot: QtBot, demo_desk
) -> None:
    from tcdesk.services.agreement_data import agreement_data

    consult_id = _consult_id(demo_desk, WALKER_CONSULT_PREFIX)
    assert demo_desk.consults.latest_plan(consult_id).apr_pct == 0
    til = agreement_data(demo_desk, consult_id).quote.truth_in_lending
    assert til.apr > 0 and til.finance_charge > 0
    panel = _panel(qtbot, demo_desk, consult_id)
    text = panel.details.toPlainText()
    assert "0% APR" not in text
    assert f"APR {til.apr:.2f}%" in text
    assert f"finance charge ${til.finance_charge:,.2f}" in text
    assert "24 monthly payments of $136.66" in text


def test_thinking_it_over_shows_the_follow_up_day_and_reason(qtbot: QtBot, demo_desk) -> None:
    consult = demo_desk.consults.get(TEEN_CONSULT)
    record_outcome(
        demo_desk,
        consult,
        Outcome(OutcomeKind.THINKING, follow_up_on=DEMO_DAY + timedelta(days=6), reason="cost"),
    )
    panel = _panel(qtbot, demo_desk, TEEN_CONSULT)
    row = next(
        r
        for r in range(panel.consult_list.count())
        if panel.consult_list.item(r).data(Qt.ItemDataRole.UserRole) == TEEN_CONSULT
    )
    assert "Thinking it over · follow up on Thu, Dec 3: cost" in panel.consult_list.item(row).text()
    # The quote is held for the policy's 365 days from the consult (Nov 27, 2026).
    assert "quote held until Nov 27, 2027" in panel.consult_list.item(row).text()
    panel.consult_list.setCurrentRow(row)
    assert "follow up on Thu, Dec 3: cost" in panel.details.toPlainText()


def test_the_desk_shows_the_familys_language(qtbot: QtBot, demo_desk) -> None:
    from dataclasses import replace

    consult = demo_desk.consults.get(TEEN_CONSULT)
    panel = _panel(qtbot, demo_desk, TEEN_CONSULT)
    assert "language" not in panel.facts_label.text()  # English, the desk's own: not said
    patient = demo_desk.patients.get(consult.patient_id)
    demo_desk.patients.save(replace(patient, preferred_language="es"))
    panel.show_overview(patient_overview(demo_desk, consult.patient_id))
    assert "Family's language: Spanish" in panel.facts_label.text()
