"""The real dashboard on fixed data: filters change the numbers, exports write PNG and CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.ui.pipeline.dashboard_window import DashboardWindow
from tests.intake_practice import practice
from tests.services.kpi_seed import FROM, TO, seed


@pytest.fixture
def desk(empty_store: Path) -> Iterator[Desk]:
    desk = practice(empty_store)
    seed(desk)
    yield desk
    desk.close()


def _settled(qtbot: QtBot, window: DashboardWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy() and window.report is not None, timeout=10_000)


def _window(qtbot: QtBot, desk: Desk) -> DashboardWindow:
    window = DashboardWindow(desk)
    qtbot.addWidget(window)
    window.show()
    _settled(qtbot, window)
    filters = window.filters
    filters.start.setDate(filters.start.date().__class__(FROM.year, FROM.month, FROM.day))
    filters.end.setDate(filters.end.date().__class__(TO.year, TO.month, TO.day))
    _settled(qtbot, window)
    return window


def _choose(qtbot: QtBot, window: DashboardWindow, combo: QComboBox, text: str) -> None:
    """Pick ``text`` from the keyboard, as a TC would: focus the box, type, Enter."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    _settled(qtbot, window)


def _reset(qtbot: QtBot, window: DashboardWindow, combo: QComboBox) -> None:
    """Home: back to "Every ..." / "All ...", the first item."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    _settled(qtbot, window)
    assert combo.currentIndex() == 0


def test_the_tiles_show_the_hand_computed_numbers(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk)
    tiles = window.tiles.tiles
    assert tiles["held"].value.text() == "9"
    assert tiles["acceptance"].value.text() == "33.3%"
    assert tiles["acceptance_excl"].value.text() == "37.5%"
    assert tiles["same_day"].value.text() == "11.1%"
    assert tiles["pending"].value.text() == "2"
    assert "$7,300.00" in tiles["pending"].detail.text()
    assert tiles["no_show"].value.text() == "10.0%"
    assert tiles["days"].value.text() == "10.0 days"
    assert tiles["lead"].value.text() == "66.7%"
    bar = window.findChild(type(window.targets.rows[0][1]), "target0Bar")
    assert bar.format() == "33.3% of 75% · below target"
    assert window.targets.rows[2][0].text() == "Follow-up within 2 business days"
    funnel = window.panels["funnel"].table
    assert [funnel.item(r, 1).text() for r in range(funnel.rowCount())] == ["3", "12", "9", "3"]


def test_filters_change_the_numbers(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk)
    _choose(qtbot, window, window.filters.coordinator, "Ben")
    assert window.filters.coordinator.currentText() == "Ben Cho"
    assert window.tiles.tiles["held"].value.text() == "3"
    assert "Ben Cho" in window.status.text()
    people = window.panels["coordinator"].table
    assert people.rowCount() == 1 and people.item(0, 0).text() == "Ben Cho"
    _reset(qtbot, window, window.filters.coordinator)
    _choose(qtbot, window, window.filters.office, "Hill")
    assert window.tiles.tiles["held"].value.text() == "4"
    assert window.tiles.tiles["acceptance"].value.text() == "25.0%"
    _reset(qtbot, window, window.filters.office)
    _choose(qtbot, window, window.filters.source, "Web")
    assert window.tiles.tiles["acceptance"].value.text() == "50.0%"


def test_an_empty_period_says_so(qtbot: QtBot, desk: Desk) -> None:
    window = _window(qtbot, desk)
    start = window.filters.start
    window.filters.end.setDate(start.date().addDays(-200).addDays(0))
    start.setDate(window.filters.end.date().addDays(-30))
    _settled(qtbot, window)
    assert window.status.text().endswith("no consults in this period.")
    assert window.tiles.tiles["acceptance"].value.text() == "–"


def _save_through_the_dialog(
    qtbot: QtBot, window: DashboardWindow, key: str, kind: str, path: Path
) -> None:
    panel = window.panels[key]
    window.tabs.setCurrentWidget(panel)
    button = panel.png_button if kind == "png" else panel.csv_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(path.exists)


def test_export_writes_png_and_csv(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    window = _window(qtbot, desk)
    png, table = tmp_path / "by-source.png", tmp_path / "by-month.csv"
    _save_through_the_dialog(qtbot, window, "source", "png", png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1100, 560)
    assert image.pixelColor(5, 5).name() == "#ffffff"
    accent = sum(
        image.pixelColor(x, y).name() == "#1f6f8b"
        for x in range(0, 1100, 5)
        for y in range(0, 560, 5)
    )
    assert accent > 50  # the bars are drawn
    _save_through_the_dialog(qtbot, window, "trend", "csv", table)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Month", "Held", "Started", "Acceptance"]
    assert rows[1][:4] == ["Sep 2026", "5", "3", "60.0%"]
    assert rows[2][:4] == ["Oct 2026", "4", "0", "0.0%"]


def test_every_control_has_its_own_alt_letter(qtbot: QtBot, desk: Desk) -> None:
    import re

    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, desk)
    texts = [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    panel = window.panels["funnel"]
    texts += [panel.png_button.text(), panel.csv_button.text()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    letters = [re.search(r"&(\w)", t).group(1).lower() for t in texts]
    assert len(letters) == len(set(letters)), texts
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.filters.coordinator.hasFocus)
