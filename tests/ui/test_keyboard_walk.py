"""The desk and the console by keyboard alone, as a screen reader hears them.

A practice set up by hand through services (``tests.services.plan_seed``: the
practice of ``intake_practice``, Zoë's family, a consult booked today with two
options). Tab is pressed on whatever has the focus until the focus comes back
round; every control a person could reach must have been reached, in a sensible
order, and each must have a name that Qt gives assistive technology
(``QAccessible``'s Name, what a screen reader says), not merely a widget field.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.services.plan_seed import TODAY, Seeded, seed_practice

MOST_STOPS = 200


@pytest.fixture
def seeded(empty_store: Path) -> Iterator[tuple[object, Seeded]]:
    desk, seeded = seed_practice(empty_store)
    yield desk, seeded
    desk.close()


def spoken(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{widget} has no accessible interface"
    return interface.text(QAccessible.Text.Name).strip()


def reachable(window: QWidget) -> list[QWidget]:
    """What a person could Tab to now: shown, enabled, taking Tab focus itself."""
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is window
    ]


def tab_walk(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """Press Tab on the focused widget until the focus comes back to one already seen."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = []
    for _ in range(MOST_STOPS):
        focused = QApplication.focusWidget()
        assert focused is not None, f"Tab lost the focus after {seen[-1:]}"
        if focused in seen:
            return seen
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never came back round: {[w.objectName() for w in seen]}")


def _described(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in widgets]


def _check_walk(window: QWidget, walked: list[QWidget]) -> None:
    missed = [w for w in reachable(window) if w not in walked]
    assert not missed, f"Tab never reaches {_described(missed)}"
    unnamed = [w for w in walked if not spoken(w)]
    assert not unnamed, f"a screen reader says nothing for {_described(unnamed)}"


@pytest.fixture
def desk_window(qtbot: QtBot, seeded):
    from tcdesk.ui.main_window import MainWindow

    desk, seed = seeded
    window = MainWindow(desk, TODAY, on_present=lambda _id: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.panel.selected_consult_id() == seed.consult_id
    return window


def test_tab_walks_the_whole_desk_in_reading_order_and_every_stop_has_a_name(
    qtbot: QtBot, desk_window
) -> None:
    window = desk_window
    board = window.today_board
    assert not board.columns.isHidden()  # Zoë is booked today: the board's lists are up
    walked = tab_walk(qtbot, window.search)
    _check_walk(window, walked)
    order = [
        window.search,
        window.today_button,
        window.table,
        window.panel.consult_list,
        window.panel.present_button,
        board.lists["to_come"],
        window.intake.walk_in_button,
    ]
    assert all(w in walked for w in order)
    assert [walked.index(w) for w in order] == sorted(walked.index(w) for w in order)
    assert spoken(window.search) == "Search patients"
    assert spoken(window.table) == "Patients"
    assert spoken(board.lists["to_come"]).startswith("Still to come")  # its heading, as it reads
    assert spoken(window.intake.walk_in_button) == "Walk-in"  # the button's text, no '&'

    # Shift+Tab walks back the same way.
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.today_button


def test_the_patient_table_gives_tab_back(qtbot: QtBot, desk_window) -> None:
    """A table moves between its cells on Tab by default: the desk's list of patients must not."""
    desk_window.table.setFocus()
    qtbot.keyClick(desk_window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is desk_window.panel.consult_list


@pytest.fixture
def console(qtbot: QtBot, seeded, tmp_path: Path):
    """Zoë's consult presented on two screens (the console on the TC's monitor)."""
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser

    desk, seed = seeded
    room = ConsultRoom(desk, seed.consult_id, PresentationKit.load())
    screens = ScreenChooser(MachineSettingsStore(tmp_path / "machine.json"))
    controller = PresentationController(room, screens, TODAY, single_screen=False)
    controller.show()
    for window in controller.windows():
        qtbot.waitExposed(window)
    controller.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.console)
    yield controller
    controller.end()
    if controller.display is not None:
        controller.display.hide()


def test_tab_walks_the_whole_console_and_ctrl_tab_reaches_the_payment_tab(
    qtbot: QtBot, console
) -> None:
    panel = console.panel
    window = console.console
    at = console.room.session.position
    walked = tab_walk(qtbot, panel.start_button)
    _check_walk(window, walked)
    assert panel.notes.editor in walked and panel.outline.list in walked
    assert walked.index(panel.start_button) < walked.index(panel.outline.list)
    assert walked.index(panel.outline.list) < walked.index(panel.notes.editor)
    assert spoken(panel.notes.editor) == "Private notes"
    assert spoken(panel.outline.list) == "Consult outline"

    # Ctrl+Tab in the tabs shows the payment figures (arrows would move the slides).
    first_objection = next(w for w in walked if w.objectName().startswith("objection_"))
    first_objection.setFocus()
    qtbot.keyClick(first_objection, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert panel.tabs.currentWidget() is panel.payment
    walked = tab_walk(qtbot, panel.start_button)
    _check_walk(window, walked)
    for control in (
        panel.payment.option_combo,
        panel.payment.down_slider,
        panel.payment.use_button,
    ):
        assert control in walked, control.objectName()
    assert spoken(panel.payment.down_slider) == "Down payment"
    assert console.room.session.position == at  # a whole walk by Tab moved no slide


def test_every_control_of_the_forms_has_a_name(qtbot: QtBot, desk_window, seeded) -> None:
    """The family form, the walk-in, the booking dialog, every settings page, the consult
    record (every tab) and the schedule."""
    from tcdesk.ui.accessibility import controls, spoken_name
    from tcdesk.ui.desk.booking_dialog import BookingDialog

    desk, seed = seeded
    window = desk_window
    forms = {
        "family form": window.intake.open_new_family(),
        "walk-in": window.intake.open_walk_in(),
        "booking": BookingDialog(desk, day=TODAY, parent=window),
        "settings": window.practice_actions.open_settings(),
        "consult record": window.open_record(seed.consult_id),
        "schedule": window.open_schedule(),
    }
    form = forms["family form"]
    qtbot.mouseClick(form.add_party_button, Qt.MouseButton.LeftButton)  # a party added later
    settings = forms["settings"]
    for key in settings.pages:
        settings.show_page(key)
    for title, form in forms.items():
        assert form is not None, title
        qtbot.addWidget(form)
        found = controls(form)
        assert len(found) >= 3, title
        unnamed = [w for w in found if not spoken_name(w)]
        assert not unnamed, f"{title}: nothing to read for {_described(unnamed)}"
        assert all(spoken(w) for w in found)  # Qt's own reading, as the test above reads it
        form.close()
    # The labels' words, not the widget's: "Legal first name", not "legalFirst".
    family = forms["family form"]
    assert spoken(family.patient.first).lower().startswith(("legal first", "first"))


def test_the_focus_shows_on_buttons_lists_and_the_table(qtbot: QtBot, desk_window) -> None:
    """The staff stylesheet draws a ring where the keyboard is (docs/screenshots/focus-ring.png)."""
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(staff_stylesheet())
    try:
        window = desk_window
        for control in (
            window.intake.new_family_button,  # an ordinary button
            window.intake.walk_in_button,  # a primary one
            window.table,
            window.today_board.lists["to_come"],
        ):
            window.search.setFocus()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)
            resting = control.grab().toImage()
            control.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(lambda c=control: QApplication.focusWidget() is c)
            focused = control.grab().toImage()
            assert focused.size() == resting.size(), control.objectName()  # nothing jumps
            # Along the left edge, inside the outer pixel: the ring's second pixel.
            edge = [(1, y) for y in range(6, resting.height() - 6, 3)]
            changed = sum(focused.pixel(x, y) != resting.pixel(x, y) for x, y in edge)
            assert changed > len(edge) // 2, f"no focus ring on {control.objectName()}"
    finally:
        app.setStyleSheet(before)


def test_tab_walks_the_one_screen_sidebar_with_names(qtbot: QtBot, seeded, tmp_path: Path) -> None:
    """One monitor: the console is a sidebar beside the family's view; Tab walks it too."""
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser

    desk, seed = seeded
    room = ConsultRoom(desk, seed.consult_id, PresentationKit.load())
    screens = ScreenChooser(MachineSettingsStore(tmp_path / "machine.json"))
    controller = PresentationController(room, screens, TODAY, single_screen=True)
    controller.show()
    try:
        stage = controller.stage
        qtbot.waitExposed(stage)
        stage.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is stage)
        panel = controller.panel
        for index in range(panel.tabs.count()):  # Guide, Notes, Objections, Payment
            panel.tabs.setCurrentIndex(index)
            walked = tab_walk(qtbot, panel.start_button)
            assert len(walked) >= 6, _described(walked)
            missed = [w for w in reachable(stage) if w not in walked]
            assert not missed, f"tab {index}: Tab never reaches {_described(missed)}"
            unnamed = [w for w in walked if not spoken(w)]
            assert not unnamed, f"tab {index}: nothing to read for {_described(unnamed)}"
    finally:
        controller.end()
