"""Trying payment figures privately, showing them on purpose; the policy holds."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tcdesk.render.slide import ChoicesBlock, SlideKind
from tcdesk.ui.presentation.payment_panel import PREVIEW_DELAY_MS
from tcdesk.ui.slide_view import SlideView
from tests.ui.waiting import let_queued_timers_run


def _to_payment(controller) -> None:
    controller.start()
    while controller.room.session.step.kind != "payment":
        controller.room.session.next()
    controller.refresh()


def _choices_on_display(controller) -> ChoicesBlock:
    slide = controller.patient_view().slide()
    assert slide is not None and slide.kind is SlideKind.PAYMENT
    return next(b for b in slide.blocks if isinstance(b, ChoicesBlock))


def _selected_on(slide) -> object | None:
    """The selected payment card on ``slide``; None when none is, or it has no cards."""
    block = next((b for b in slide.blocks if isinstance(b, ChoicesBlock)), None)
    return next((c for c in block.choices if c.selected), None) if block else None


def _type_into(qtbot: QtBot, spin, text: str) -> None:
    """Select the figure and type over it, one key at a time, as a TC does."""
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for char in text:
        qtbot.keyClick(spin, char)


def _all_slide_texts(controller) -> str:
    slides = [*controller.room.slides, controller.room.welcome, controller.patient_view().slide()]
    return "\n".join(t for slide in slides if slide is not None for t in slide.texts())


def test_typed_figures_stay_on_the_console_until_show(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    panel = controller.payment
    view = controller.patient_view()
    qtbot.mouseClick(panel.findChild(QPushButton, "choice_standard"), Qt.MouseButton.LeftButton)
    on_screen = view.slide()
    for typed, shown in (("3", "$3"), ("30", "$30"), ("300", "$300")):
        _type_into(qtbot, panel.down_spin, typed)
        qtbot.waitUntil(
            lambda shown=shown: (
                panel.preview.slide() is not None
                and _selected_on(panel.preview.slide()) is not None
                and any(
                    f"{shown} " in line or line.endswith(shown)
                    for line in _selected_on(panel.preview.slide()).lines
                )
            )
        )
        assert view.slide() is on_screen  # the family saw none of it
        assert _selected_on(view.slide()) is None
    assert panel.down_spin.value() == 300
    assert panel.show_button.isEnabled() and panel.why_not_shown() == ""
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _selected_on(view.slide()) is not None)
    assert any("$300" in line for line in _selected_on(view.slide()).lines)
    assert view.slide() is controller.room.display_slide()
    assert panel.show_status.text() == "On the family's screen."
    assert not panel.show_button.isEnabled()  # nothing new to show
    qtbot.waitUntil(lambda: controller.panel.live.slide() is view.slide())
    _type_into(qtbot, panel.down_spin, "400")
    qtbot.waitUntil(panel.show_button.isEnabled)
    assert any("$300" in line for line in _selected_on(view.slide()).lines)


def test_the_preview_is_labelled_and_drawn_like_the_display(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    panel = controller.payment
    assert panel.preview_caption.text() == "Preview, not on the family's screen"
    qtbot.waitUntil(lambda: panel.preview_caption.isVisible() and panel.preview.isVisible())
    panel.down_slider.setValue(panel.down_slider.value() + 400)
    qtbot.waitUntil(lambda: _selected_on(panel.preview.slide()) is not None)
    assert isinstance(panel.preview, SlideView)  # the display's own widget and painter
    assert panel.preview.slide().kind is SlideKind.PAYMENT
    assert _selected_on(controller.patient_view().slide()) is None


def test_a_half_typed_figure_cannot_be_shown(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.down_spin.setFocus()
    qtbot.keyClick(panel.down_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.down_spin, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not panel.show_button.isEnabled())
    assert panel.show_status.text() == "Finish typing the down payment."
    assert panel.show_status.isVisible()
    assert not panel.show_on_screen()
    qtbot.keyClicks(panel.down_spin, "620")  # the same figure as before, typed again
    qtbot.waitUntil(panel.show_button.isEnabled)
    assert panel.why_not_shown() == ""


def test_a_beyond_policy_plan_cannot_be_shown_without_a_reason(qtbot: QtBot, controller) -> None:
    reason = "REASON-4d2b7 grandparent pays the rest in March"
    _to_payment(controller)
    panel = controller.payment
    view = controller.patient_view()
    qtbot.mouseClick(panel.findChild(QPushButton, "choice_standard"), Qt.MouseButton.LeftButton)
    on_screen = view.slide()
    _type_into(qtbot, panel.down_spin, "50")
    qtbot.waitUntil(panel.reason.isVisible)
    warning = panel.error.text()
    assert "below the practice minimum" in warning
    assert not panel.show_button.isEnabled() and not panel.use_button.isEnabled()
    assert "give a reason" in panel.show_status.text() and panel.show_status.isVisible()
    qtbot.keyClick(panel.down_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.slide() is on_screen
    panel.reason.setFocus()
    qtbot.keyClicks(panel.reason, reason)
    assert panel.show_button.isEnabled()
    position = controller.room.session.position
    panel.down_spin.setFocus()
    qtbot.keyClick(panel.down_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _selected_on(view.slide()) is not None)
    assert any("$50" in line for line in _selected_on(view.slide()).lines)
    assert controller.room.session.position == position  # Ctrl+Enter moved no slide
    assert panel.save() is not None
    everything = _all_slide_texts(controller)
    assert "$50" in everything
    assert reason not in everything and "REASON-4d2b7" not in repr(controller.room.slides)
    assert warning not in everything and "below the practice minimum" not in everything


def test_use_this_plan_also_shows_it(qtbot: QtBot, controller, demo_desk) -> None:
    _to_payment(controller)
    panel = controller.payment
    view = controller.patient_view()
    qtbot.mouseClick(panel.findChild(QPushButton, "choice_low_down"), Qt.MouseButton.LeftButton)
    _type_into(qtbot, panel.months_spin, "30")
    assert _selected_on(view.slide()) is None
    qtbot.waitUntil(panel.use_button.isEnabled)
    qtbot.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _selected_on(view.slide()) is not None)
    assert demo_desk.consults.latest_plan(controller.room.consult_id).months == 30
    assert panel.saved_label.text().startswith("Saved")
    assert panel.show_status.text() == "On the family's screen."


def _monthly_shown_for(qtbot: QtBot, panel, down_dollars: int) -> Decimal:
    """Set the down payment; the monthly the summary then shows for it."""
    panel.down_spin.setValue(down_dollars)
    after = re.compile(rf"after \D*{down_dollars:,}\D")
    qtbot.waitUntil(lambda: after.search(panel.summary.text()) is not None)
    monthly = re.search(r"([\d,]+(?:\.\d+)?) a month", panel.summary.text())
    assert monthly is not None
    return Decimal(monthly.group(1).replace(",", ""))


def test_more_down_payment_lowers_the_monthly_shown(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("standard")
    low = _monthly_shown_for(qtbot, panel, 600)
    high = _monthly_shown_for(qtbot, panel, 1500)
    assert high < low


def test_beyond_policy_needs_a_reason_which_is_logged(qtbot: QtBot, controller, demo_desk) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("standard")
    panel.down_spin.setValue(50)  # far below the practice minimum
    qtbot.waitUntil(panel.reason.isVisible)
    assert "below the practice minimum" in panel.error.text()
    assert not panel.use_button.isEnabled()
    before = len(demo_desk.consults.notes(controller.room.consult_id))
    panel.reason.setText("Grandparent pays the rest in March; approved by Dr. Whitaker")
    assert panel.use_button.isEnabled()
    priced = panel.save()
    assert priced is not None
    saved = demo_desk.consults.latest_plan(controller.room.consult_id)
    assert saved.down_cents == 5000 and "Grandparent" in saved.over_limit_reason
    audit = demo_desk.audit.for_subject(controller.room.consult_id)
    assert any(
        row["action"] == "plan_over_limit" and "Grandparent" in row["detail"] for row in audit
    )
    assert len(demo_desk.consults.notes(controller.room.consult_id)) == before


def test_pay_in_full_disables_the_sliders_and_saves(qtbot: QtBot, controller, demo_desk) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("pay_in_full")
    assert not panel.down_slider.isEnabled() and not panel.months_spin.isEnabled()
    priced = panel.save()
    assert priced is not None and priced.quote.months == 0
    consult = demo_desk.consults.get(controller.room.consult_id)
    assert consult.chosen_option_id == priced.plan.option_id


def test_objection_is_logged_and_jumps_to_its_answer(qtbot: QtBot, controller, demo_desk) -> None:
    from tcdesk.domain import Objection

    controller.start()
    controller.objections.buttons[Objection.MONTHLY_TOO_HIGH].click()
    logged = demo_desk.consults.objections(controller.room.consult_id)
    assert logged and logged[-1].objection is Objection.MONTHLY_TOO_HIGH
    assert "logged" in controller.objections.responses.text()
    assert controller.objections.jump_button.isVisible()
    controller.objections.jump_button.click()
    assert controller.room.session.step.kind == "payment"
    assert controller.patient_view().slide().kind is SlideKind.PAYMENT


def test_cursor_hides_on_the_patient_display_when_idle(qtbot: QtBot, controller) -> None:
    qtbot.waitUntil(controller.display.cursor_hidden, timeout=5000)


def test_opening_a_consult_shows_no_choice_as_made(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    let_queued_timers_run(qtbot, PREVIEW_DELAY_MS)  # the queued preview ran; not on screen
    assert not any(c.selected for c in _choices_on_display(controller).choices)
    qtbot.mouseClick(
        controller.payment.findChild(QPushButton, "choice_extended"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: _selected_on(controller.payment.preview.slide()) is not None)
    assert not any(c.selected for c in _choices_on_display(controller).choices)


def test_typed_months_beyond_the_limit_are_explained_not_clamped(qtbot: QtBot, controller) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("standard")
    panel.months_spin.setValue(48)
    qtbot.waitUntil(lambda: "more than the practice maximum of 36" in panel.error.text())
    assert panel.months_spin.value() == 48
    assert panel.reason.isVisible() and not panel.use_button.isEnabled()
    panel.months_spin.setValue(200)
    qtbot.waitUntil(lambda: "can't be longer than 120 months" in panel.error.text())
    assert panel.months_spin.property("invalid") is True


def test_a_plan_with_an_absurd_apr_cannot_be_used_even_with_a_reason(
    qtbot: QtBot, controller, demo_desk
) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("standard")
    before = demo_desk.consults.latest_plan(controller.room.consult_id)
    panel.months_spin.setValue(3)
    panel.down_spin.setValue(panel.down_slider.maximum())  # a dollar short of paying in full
    qtbot.waitUntil(lambda: "above the 36% any plan may carry" in panel.error.text())
    assert not panel.reason.isVisible() and not panel.use_button.isEnabled()
    panel.reason.setText("family insists")
    assert panel.save() is None
    assert demo_desk.consults.latest_plan(controller.room.consult_id) == before


def test_the_reason_does_not_stick_to_the_next_plan(qtbot: QtBot, controller, demo_desk) -> None:
    _to_payment(controller)
    panel = controller.payment
    panel.pick("standard")
    panel.down_spin.setValue(50)
    qtbot.waitUntil(panel.reason.isVisible)
    panel.reason.setText("approved by the doctor")
    assert panel.save() is not None
    panel.pick("standard")
    assert panel.reason.text() == ""
    saved = panel.save()
    assert saved is not None and saved.plan.over_limit_reason == ""
    assert panel.saved_label.text().startswith("Saved")
    panel.down_spin.setValue(panel.down_spin.value() + 100)
    assert panel.saved_label.text() == ""


def test_watch_and_wait_is_recorded_without_a_plan(
    qtbot: QtBot, make_controller, demo_desk
) -> None:
    controller = make_controller("43a1ffcf-1ca7-520f-8480-b47bb4c1d0d1")  # Ming, 8, Phase I
    panel = controller.payment
    watch = next(o for o in controller.room.consult_file.options if o.fee_cents == 0)
    panel.option_combo.setCurrentIndex(panel.option_combo.findData(watch.id))
    qtbot.waitUntil(lambda: "No charge" in panel.summary.text())
    assert panel.error.text() == "" and not panel.show_button.isEnabled()
    assert panel.use_button.isEnabled() and panel.use_button.text() == "Record this choice"
    panel.save()
    assert demo_desk.consults.get(controller.room.consult_id).chosen_option_id == watch.id


def test_from_the_console_a_saved_plan_becomes_an_agreement(
    qtbot: QtBot, demo_desk, app_controller
) -> None:
    """The chairside path: present, choose a plan, open the agreement from the console."""
    from tcdesk.services import agreements
    from tcdesk.ui.documents.agreement_preview import AgreementPreview
    from tests.ui.presentation.conftest import TEEN_CONSULT

    controller = app_controller
    _to_payment(controller)
    controller.payment.pick("standard")
    assert controller.payment.save() is not None
    controller.panel.agreement_button.click()
    qtbot.waitUntil(lambda: agreements.latest(demo_desk, TEEN_CONSULT) is not None, timeout=15_000)
    preview = controller.console.findChild(AgreementPreview)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count() >= 2, timeout=15_000)
    record = agreements.latest(demo_desk, TEEN_CONSULT)
    assert record.agreement.version == 1 and record.agreement.verify()
    preview.close()


def test_the_take_home_summary_is_kept_and_previewed_from_the_console(
    qtbot: QtBot, app_controller, tmp_path
) -> None:
    import io

    from pypdf import PdfReader

    controller = app_controller
    qtbot.mouseClick(controller.panel.summary_button, Qt.MouseButton.LeftButton)
    job = controller.summary_job
    qtbot.waitUntil(lambda: job.preview is not None and job.preview.isVisible(), timeout=15_000)
    preview = job.preview
    assert preview.print_dialog is None  # no print dialog before the TC has looked
    pdf = job.path.read_bytes()
    assert preview.pdf == pdf and preview.page_count() >= 2
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Zoë" in text and "Your consultation summary" in text
    assert str(job.path) in controller.panel.notice.text()
    assert "take_home" not in controller.checklist.checked_ids()
    copy = preview.save_copy_to(tmp_path / "for-grandma")
    assert copy == tmp_path / "for-grandma.pdf" and copy.read_bytes() == pdf
    assert f"Saved a copy at {copy}" in controller.panel.notice.text()
    assert "take_home" in controller.checklist.checked_ids()  # the family has their copy
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.print_dialog is not None and preview.print_dialog.isVisible())
    preview.print_dialog.reject()  # not today: nothing printed, the file stays
    preview.reject()
    assert job.path.read_bytes() == pdf


def test_the_take_home_summary_prints_every_page(qtbot: QtBot, demo_desk, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.documents.summary_actions import SummaryPrinter
    from tests.ui.presentation.conftest import TEEN_CONSULT

    parent = QWidget()
    qtbot.addWidget(parent)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    reports: list[str] = []
    job = SummaryPrinter(
        demo_desk,
        TEEN_CONSULT,
        MachineSettingsStore(tmp_path / "m.json"),
        parent,
        reports.append,
        folder=tmp_path,
        printer=printer,
    )
    job.start()
    qtbot.waitUntil(lambda: job.preview is not None, timeout=15_000)
    with qtbot.waitSignal(job.given, timeout=30_000) as given:
        job.preview.print_now()  # what the print dialog's Print does, with these settings
    assert given.args == ["printed"]
    assert any("Printed the take-home summary" in r for r in reports)
    assert len(PdfReader(str(printed)).pages) == len(PdfReader(str(job.path)).pages) >= 2
