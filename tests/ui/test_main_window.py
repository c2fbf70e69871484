"""The coordinator's home window on the demo practice: search as you type, details."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services.patient_pages import PAGE
from tcdesk.ui.main_window import MainWindow
from tcdesk.ui.style import staff_stylesheet
from tests.conftest import DEMO_DAY


def _window(qtbot: QtBot, desk, presented: list[str], *, today_only: bool = False) -> MainWindow:
    window = MainWindow(desk, DEMO_DAY, on_present=presented.append)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.today_button.setChecked(today_only)
    return window


def _panel_shows(qtbot: QtBot, window: MainWindow, patient_id: str) -> None:
    def shown() -> bool:
        overview = window.panel.overview()
        return overview is not None and overview.patient.id == patient_id

    qtbot.waitUntil(shown, timeout=2000)


def test_opens_on_todays_families_earliest_first(qtbot: QtBot, demo_desk) -> None:
    window = MainWindow(demo_desk, DEMO_DAY, on_present=lambda _cid: None)
    qtbot.addWidget(window)
    assert window.today_button.isChecked()
    assert window.count_label.text() == "Today's consults: 4 patients"
    assert window.today_button.text() == "Show all patients"
    names = [window.model.cells(r)[0].split(", ")[1] for r in range(window.model.rowCount())]
    assert names == ["Zoë", "Mary-Kate", "Ming", "Jayden"]  # 9:00, 10:30, 14:00, 15:30
    assert window.panel.overview().patient.display_first == "Zoë"


def test_lists_every_demo_patient_and_shows_the_first(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [])
    everyone = demo_desk.patients.count()
    assert everyone > PAGE and PAGE <= window.model.rowCount() < everyone  # pages, not all

    def scrolled_to_the_end() -> bool:
        window.table.scrollToBottom()  # the view asks for the next page near the end
        return window.model.rowCount() == everyone

    qtbot.waitUntil(scrolled_to_the_end)
    selected = window.selected_patient_id()  # today's first, kept when everyone is listed
    assert selected is not None and window.panel.overview().patient.id == selected
    assert window.panel.consult_list.count() >= 1


def test_search_as_you_type_filters_and_forgives_accents(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [])
    qtbot.keyClicks(window.search, "zoe martinez")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    found = demo_desk.patients.get(window.model.patient_id(0))
    assert found is not None and found.legal_first.startswith("Zoë")
    _panel_shows(qtbot, window, found.id)  # once the typing has paused
    assert "Zoë" in window.panel.name_label.text()
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() > 40, timeout=2000)


def test_non_latin_search_and_no_match(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [])
    window.search.setText("王")  # keyClicks types ASCII only
    qtbot.waitUntil(lambda: 1 <= window.model.rowCount() < 10, timeout=2000)
    for row in range(window.model.rowCount()):
        patient = demo_desk.patients.get(window.model.patient_id(row))
        assert patient is not None and "王" in patient.legal_first + patient.legal_last
    window.search.setText("no such family xyz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=2000)
    assert window.panel.overview() is None
    assert not window.panel.present_button.isEnabled()


def test_present_button_asks_to_present_the_selected_consult(qtbot: QtBot, demo_desk) -> None:
    presented: list[str] = []
    window = _window(qtbot, demo_desk, presented)
    window.search.setText("Mary-Kate")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    _panel_shows(qtbot, window, window.model.patient_id(0))
    consult_id = window.panel.selected_consult_id()
    assert consult_id
    assert "Options" in window.panel.details.toPlainText()
    window.panel.present_button.click()
    assert presented == [consult_id]


def test_today_toggle_says_what_is_shown_and_what_pressing_does(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [], today_only=True)
    assert window.count_label.text() == "Today's consults: 4 patients"
    qtbot.mouseClick(window.today_button, Qt.MouseButton.LeftButton)
    everyone = demo_desk.patients.count()
    qtbot.waitUntil(lambda: window.count_label.text() == f"All patients: {everyone} patients")
    assert PAGE <= window.model.rowCount() < everyone  # a page (down to the one selected)
    assert window.today_button.text() == "Show today's consults (4)"
    qtbot.mouseClick(window.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.today_button.text() == "Show all patients"


def test_todays_count_follows_cancels_and_walk_ins(qtbot: QtBot, empty_store) -> None:
    """The count is read again on every refresh, not once at start-up."""
    from tcdesk.services.schedule import cancel_consult
    from tcdesk.services.walk_in import on_duty, start_walk_in
    from tests.conftest import local_moment
    from tests.services.schedule_seed import (
        DAY,
        MovableClock,
        book_realistic_day,
        open_practice,
        seed_practice,
    )

    clock = MovableClock(local_moment(DAY, 7))
    desk = open_practice(empty_store, clock)
    try:
        ids = book_realistic_day(desk, seed_practice(desk))
        window = MainWindow(desk, DAY, on_present=lambda _cid: None)
        qtbot.addWidget(window)
        assert window.count_label.text() == "Today's consults: 7 patients"
        cancel_consult(desk, ids["Noah"], "Sick")
        window.refresh_desk()
        assert window.count_label.text() == "Today's consults: 6 patients"
        window.today_button.setChecked(False)
        assert window.today_button.text() == "Show today's consults (6)"
        duty = on_duty(desk)
        started = start_walk_in(
            desk,
            "Sam Okafor",
            "503 555 0142",
            duty.office.id,
            duty.coordinator.id,
            duty.doctor.id,
            local_moment(DAY, 10),
        )
        window.intake.show_patient(started.patient.id)
        assert window.today_button.text() == "Show today's consults (7)"
    finally:
        desk.close()


def test_selecting_a_patient_far_down_reads_the_list_down_to_them(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [])
    everyone = [e.patient.id for e in demo_desk.patients.list("")]
    far = everyone[PAGE * 3 + 5]  # in the fourth page, not read yet
    assert window.model.rowCount() < PAGE * 3
    assert window.select_patient(far)
    assert window.selected_patient_id() == far and window.panel.overview().patient.id == far
    assert window.model.rowCount() == min(PAGE * 4, len(everyone))  # down to their page
    assert window.model.row_of(everyone[PAGE * 3 - 1]) == -1  # the page above: not read yet
    read = window.model.patient_ids()  # read as shown
    assert read == everyone[: PAGE * 4]  # in the list's order, none twice
    window.table.scrollToBottom()  # and the pages after them follow on
    qtbot.waitUntil(lambda: window.model.rowCount() == len(everyone))
    assert window.model.patient_ids() == everyone


def _type_and_find(qtbot: QtBot, window: MainWindow, text: str) -> str:
    """Type ``text`` and let the search run (not the panel's pause): the first match's id."""
    qtbot.keyClicks(window.search, text)
    window._search_timer.stop()
    window._search_timer.timeout.emit()  # the search, as its timer runs it
    return window.model.patient_id(0)


def test_the_panel_waits_for_a_pause_in_typing_then_shows_the_first_match(
    qtbot: QtBot, demo_desk
) -> None:
    window = _window(qtbot, demo_desk, [])
    before = window.panel.overview()
    found = _type_and_find(qtbot, window, "Mary-Kate")
    assert window.selected_patient_id() == found
    assert before is not None and before.patient.id != found
    assert window.panel.overview() is before  # the list followed the key, the panel waits
    _panel_shows(qtbot, window, found)  # and catches up once the typing pauses


def test_a_click_or_an_arrow_in_the_list_shows_the_patient_at_once(qtbot: QtBot, demo_desk) -> None:
    window = _window(qtbot, demo_desk, [])
    _type_and_find(qtbot, window, "ma")
    assert window.model.rowCount() >= 3
    row = window.model.row_of(window.selected_patient_id() or "")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    below = window.model.patient_id(row + 1)
    assert window.selected_patient_id() == below
    assert window.panel.overview().patient.id == below  # no pause: the TC chose them
    other = 0 if row >= 0 else 2  # not the row just chosen
    rect = window.table.visualRect(window.model.index(other, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panel.overview().patient.id == window.model.patient_id(other)


def test_keys_right_after_typing_act_on_the_patient_found(qtbot: QtBot, demo_desk) -> None:
    """Ctrl+E, Ctrl+Enter and the panel's buttons a moment after typing: the match's."""
    presented: list[str] = []
    window = _window(qtbot, demo_desk, presented)
    window.windowHandle().requestActivate()  # a window's shortcuts need it active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search.setFocus()
    found = _type_and_find(qtbot, window, "Mary-Kate")
    opened: list[str] = []
    window.open_record = opened.append  # what Ctrl+E asks for, without the window
    qtbot.keyClick(window.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.overview().patient.id == found
    consult_id = window.panel.selected_consult_id()
    assert consult_id and opened == [consult_id]

    zoe = demo_desk.patients.list("zoe martinez")[0].patient.id
    window.search.clear()
    window._search_timer.stop()
    window.refresh_patients()  # everyone
    window.select_patient(zoe)  # someone else, shown, with a consult to present
    assert window.panel.overview().patient.id == zoe
    found = _type_and_find(qtbot, window, "Mary-Kate")
    assert window.panel.overview().patient.id == zoe  # behind
    window.panel.present_button.click()  # pressed on the panel before it caught up
    assert presented == [consult_id]  # the selected patient's consult, not the one shown
    assert window.panel.overview().patient.id == found


def test_loaded_rows_are_plain_tuples_the_collector_lets_go(qtbot: QtBot, demo_desk) -> None:
    """At 100,000 rows each full collection scanned every row's dataclasses (400 ms stalls)."""
    import gc

    window = _window(qtbot, demo_desk, [])
    window.model.fetch_through(demo_desk.patients.count())
    assert window.model.rowCount() == demo_desk.patients.count()
    window.model.patient_ids()  # every row read
    gc.collect()
    rows = window.model._rows
    assert all(type(value) in (str, type(None)) for row in rows for value in row)
    assert not any(gc.is_tracked(row) for row in rows)
    assert window.model.cells(0) == tuple(
        window.model.index(0, column).data() for column in range(6)
    )


@pytest.mark.parametrize("size", [(1600, 900), (1280, 800)])
def test_columns_fit_the_window_and_stay_put_while_typing(
    qtbot: QtBot, demo_desk, size: tuple[int, int]
) -> None:
    """No sideways scrolling at the desk's usual sizes, and no column jumping per key."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(staff_stylesheet("#1F6F8B"))  # the app's: bold headings, padding
    try:
        window = _window(qtbot, demo_desk, [])
        window.resize(*size)
        qtbot.waitUntil(lambda: window.width() == size[0])
        header = window.table.horizontalHeader()
        widths = [header.sectionSize(column) for column in range(header.count() - 1)]
        for text in ("b", "be", "ber", "zz", ""):
            window.search.setText(text)
            window._search_timer.stop()
            window._search_timer.timeout.emit()
            app.processEvents()
            assert [header.sectionSize(c) for c in range(header.count() - 1)] == widths
            assert window.table.horizontalScrollBar().maximum() == 0, text
            assert header.length() <= window.table.viewport().width()
    finally:
        app.setStyleSheet("")


def test_typing_keeps_the_selected_patient_only_if_the_first_page_has_them(
    qtbot: QtBot, demo_desk
) -> None:
    """No look-up down the list per key; clearing the search still keeps them anywhere."""
    from tcdesk.services import patient_pages

    window = _window(qtbot, demo_desk, [])
    everyone = [e.patient.id for e in demo_desk.patients.list("")]
    far = everyone[PAGE * 3 + 5]
    assert window.select_patient(far)
    text = "555"  # the demo's phone numbers: everyone matches, in name order
    assert (patient_pages.position(demo_desk, text, far) or 0) >= PAGE
    window.search.setText(text)
    window._search_timer.stop()
    window._search_timer.timeout.emit()
    assert window.model.rowCount() == PAGE  # the first page only, no reading down to them
    assert window.selected_patient_id() == window.model.patient_id(0)
    window.select_patient(far)  # chosen on purpose: read down to them
    assert window.selected_patient_id() == far
    window.search.clear()
    window._search_timer.stop()
    window._search_timer.timeout.emit()
    assert window.selected_patient_id() == far  # everyone again, still them


def test_an_office_added_in_settings_fits_in_the_office_column(qtbot: QtBot, demo_desk) -> None:
    from tcdesk.services.settings.offices import add_office
    from tcdesk.ui.patient_list import COLUMNS

    window = _window(qtbot, demo_desk, [])
    office = COLUMNS.index("Office")
    header = window.table.horizontalHeader()
    name_width = header.sectionSize(0)
    long_name = "Riverside Heights Satellite Clinic"
    before = header.sectionSize(office)
    assert before < window.table.fontMetrics().horizontalAdvance(long_name)
    add_office(demo_desk, {"name": long_name})
    window.show_practice()
    assert header.sectionSize(office) > window.table.fontMetrics().horizontalAdvance(long_name)
    assert header.sectionSize(0) == name_width  # the TC's other columns stay as they were
