"""Windows come back where the TC left them, and always on a screen that exists now.

Real windows on the two Xvfb monitors of tests/conftest.py (STAFF 1920x1080 at
0,0, primary; PATIENT 1280x800 at 1920,0), a real INI file under this test's
own config folder (conftest points XDG_CONFIG_HOME at a fresh folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from tcdesk.paths import config_dir
from tcdesk.ui.desk.consult_record import ConsultRecordWindow
from tcdesk.ui.main_window import MainWindow
from tcdesk.ui.settings.settings_window import SettingsWindow
from tcdesk.ui.window_memory import WindowMemory, available_areas, default_path, fit_on_screens
from tests.conftest import DEMO_DAY

STAFF = QRect(0, 0, 1920, 1080)
PATIENT = QRect(1920, 0, 1280, 800)


def _desk_window(qtbot: QtBot, desk) -> MainWindow:
    window = MainWindow(desk, DEMO_DAY, on_present=lambda _cid: None)
    qtbot.addWidget(window)
    return window


def _shown(qtbot: QtBot, window):
    window.show()
    qtbot.waitExposed(window)
    return window


def _inside_some_screen(rect: QRect) -> bool:
    return any(area.contains(rect) for area in available_areas())


def _write_ini(text: str) -> Path:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------- fitting


def test_a_place_on_a_screen_that_is_gone_comes_back_whole_on_the_primary() -> None:
    fitted = fit_on_screens(QRect(5000, 100, 1400, 860), [STAFF, PATIENT])
    assert STAFF.contains(fitted) and fitted.size() == QRect(0, 0, 1400, 860).size()


def test_a_window_larger_than_its_screen_is_shrunk_to_fit_it() -> None:
    fitted = fit_on_screens(QRect(1900, -50, 2000, 1200), [STAFF, PATIENT])
    assert fitted == PATIENT  # mostly on the patient's screen: stays there, made to fit


def test_a_window_half_off_its_screen_is_pulled_in() -> None:
    fitted = fit_on_screens(QRect(-300, 900, 800, 600), [STAFF, PATIENT])
    assert fitted == QRect(0, 480, 800, 600)


def test_a_window_left_on_the_second_monitor_comes_to_the_first_when_it_is_unplugged() -> None:
    on_patient = QRect(2100, 80, 1000, 700)
    assert fit_on_screens(on_patient, [STAFF, PATIENT]) == on_patient  # both plugged in
    alone = fit_on_screens(on_patient, [STAFF])  # then only the TC's own monitor
    assert STAFF.contains(alone) and alone.size() == on_patient.size()


def test_a_place_that_fits_is_kept_exactly() -> None:
    wanted = QRect(2000, 50, 900, 700)
    assert fit_on_screens(wanted, [STAFF, PATIENT]) == wanted


# ---------------------------------------------------------------------- the desk


def test_the_desk_reopens_with_its_size_place_splitter_and_columns(qtbot: QtBot, demo_desk) -> None:
    assert len(QGuiApplication.screens()) == 2  # the two monitors of conftest
    first = _shown(qtbot, _desk_window(qtbot, demo_desk))
    first.setGeometry(120, 90, 1300, 800)
    splitter = first.findChild(QSplitter, "deskSplitter")
    splitter.setSizes([500, 780])
    inner = first.panel.findChild(QSplitter)  # no objectName: known by its path in the window
    inner.setSizes([300, 400])
    header = first.table.horizontalHeader()
    header.setSectionResizeMode(0, header.ResizeMode.Interactive)
    header.resizeSection(0, 321)
    qtbot.waitUntil(lambda: first.geometry() == QRect(120, 90, 1300, 800))
    sizes, inner_sizes = splitter.sizes(), inner.sizes()
    first.close()
    assert default_path().is_file() and default_path().parent == config_dir()

    second = _desk_window(qtbot, demo_desk)
    assert second.geometry() == QRect(120, 90, 1300, 800)  # before it is even shown
    _shown(qtbot, second)
    again = second.findChild(QSplitter, "deskSplitter")
    qtbot.waitUntil(lambda: again.sizes() == sizes)
    assert second.panel.findChild(QSplitter).sizes() == inner_sizes
    assert second.table.horizontalHeader().sectionSize(0) == 321


def test_a_desk_saved_on_a_monitor_that_is_gone_opens_on_the_tcs_screen(
    qtbot: QtBot, demo_desk
) -> None:
    _write_ini("[deskWindow]\nx=5000\ny=100\nwidth=1400\nheight=860\nmaximized=false\n")
    window = _shown(qtbot, _desk_window(qtbot, demo_desk))
    primary = QGuiApplication.primaryScreen().availableGeometry()
    assert primary.contains(window.geometry())
    assert window.size().width() == 1400 and window.size().height() == 860


def test_a_saved_size_larger_than_every_screen_is_shrunk_to_the_screen(
    qtbot: QtBot, demo_desk
) -> None:
    _write_ini("[deskWindow]\nx=-400\ny=-300\nwidth=9000\nheight=7000\n")
    window = _shown(qtbot, _desk_window(qtbot, demo_desk))
    assert _inside_some_screen(window.geometry())
    assert window.geometry() == QGuiApplication.primaryScreen().availableGeometry()


@pytest.mark.parametrize(
    "entry",
    [
        "x=abc\ny=10\nwidth=1300\nheight=800\nsplitter.deskSplitter=lots of room\n",
        "x=10\ny=10\nwidth=-5\nheight=0\ncolumns.patientTable=@@not-a-header@@\n",
        "x=10\ny=10\nwidth=1300\nsplitter.deskSplitter=10 20 30 40\ncolumnCount.patientTable=x\n",
        "garbage without an equals sign\n\x00\x01\n",
    ],
)
def test_a_damaged_entry_is_ignored_and_the_desk_opens_at_its_default(
    qtbot: QtBot, demo_desk, entry: str
) -> None:
    default = _desk_window(qtbot, demo_desk)
    default_geometry, default_sizes = default.size(), default.findChild(QSplitter).sizes()
    default_columns = default.table.horizontalHeader().saveState()
    default.deleteLater()
    _write_ini("[deskWindow]\n" + entry)
    window = _desk_window(qtbot, demo_desk)
    assert window.size() == default_geometry
    assert window.findChild(QSplitter, "deskSplitter").sizes() == default_sizes
    assert window.table.horizontalHeader().saveState() == default_columns
    _shown(qtbot, window)
    assert _inside_some_screen(window.geometry())


def test_a_maximized_desk_comes_back_maximized_with_its_normal_size_kept(
    qtbot: QtBot, demo_desk
) -> None:
    first = _shown(qtbot, _desk_window(qtbot, demo_desk))
    first.setGeometry(200, 150, 1200, 700)
    qtbot.waitUntil(lambda: first.geometry() == QRect(200, 150, 1200, 700))
    first.showMaximized()
    qtbot.waitUntil(first.isMaximized)
    first.close()
    second = _desk_window(qtbot, demo_desk)
    assert second.windowState() & Qt.WindowState.WindowMaximized
    _shown(qtbot, second)
    assert second.isMaximized()
    second.showNormal()
    qtbot.waitUntil(lambda: second.geometry() == QRect(200, 150, 1200, 700))


# ---------------------------------------------------------------------- dialogs and tabs


def test_the_consult_record_reopens_on_the_tab_and_place_left(qtbot: QtBot, demo_desk) -> None:
    consult_id = demo_desk.consults.all()[0].id
    record = ConsultRecordWindow(demo_desk, consult_id, flows={})
    qtbot.addWidget(record)
    _shown(qtbot, record)
    assert record.tabs.currentIndex() == 0
    record.show_section("photos")
    photos = record.tabs.currentIndex()
    record.setGeometry(300, 200, 1000, 700)
    qtbot.waitUntil(lambda: record.geometry() == QRect(300, 200, 1000, 700))
    qtbot.keyClick(record, Qt.Key.Key_Escape)  # Esc closes it (done, then hidden)
    qtbot.waitUntil(lambda: not record.isVisible())

    again = ConsultRecordWindow(demo_desk, consult_id, flows={})
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == photos and photos > 0
    _shown(qtbot, again)
    assert again.geometry() == QRect(300, 200, 1000, 700)


def test_settings_reopen_on_the_tab_left_and_a_bad_tab_number_is_ignored(
    qtbot: QtBot, demo_desk
) -> None:
    window = SettingsWindow(demo_desk)
    qtbot.addWidget(window)
    _shown(qtbot, window)
    window.tabs.setCurrentIndex(2)
    window.reject()
    assert WindowMemory().path.read_text().count("tab.") == 1
    again = SettingsWindow(demo_desk)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    again.deleteLater()

    _write_ini("[settingsWindow]\ntab.QTabWidget0=99\n")
    third = SettingsWindow(demo_desk)
    qtbot.addWidget(third)
    assert third.tabs.currentIndex() == 0


def test_a_window_never_shown_saves_nothing(qtbot: QtBot, demo_desk) -> None:
    window = _desk_window(qtbot, demo_desk)
    window.close()
    assert not default_path().exists()


def test_deleting_the_file_resets_every_window(qtbot: QtBot, demo_desk) -> None:
    first = _shown(qtbot, _desk_window(qtbot, demo_desk))
    default_size = first.size()
    first.resize(1000, 640)
    qtbot.waitUntil(lambda: first.size().width() == 1000)
    first.close()
    default_path().unlink()
    assert _desk_window(qtbot, demo_desk).size() == default_size


def test_a_window_without_a_name_is_refused(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(ValueError, match="objectName"):
        WindowMemory().remember(dialog)
