"""One dashboard chart with its table beside it and its two exports (PNG, CSV).

The PNG is drawn by the same painter as the screen; the CSV is written by
tcdesk.services.kpi_export from the table shown, so the three always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.kpi_export import Table, write_csv
from tcdesk.ui.pipeline.chart_data import Chart
from tcdesk.ui.pipeline.chart_painter import paint_chart, save_png


class ChartView(QWidget):
    def __init__(self, accent: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accent = accent
        self.chart: Chart | None = None
        self.setMinimumSize(420, 300)

    def sizeHint(self) -> QSize:
        return QSize(640, 380)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in chart.bars))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        try:
            paint_chart(painter, self.rect(), self.chart, self.accent)
        finally:
            painter.end()


class ChartPanel(QWidget):
    """Chart, table, "Save picture (PNG)…" and "Save table (CSV)…"."""

    def __init__(
        self,
        key: str,
        accent: QColor,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self._say = say
        self.view = ChartView(accent)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName(f"{key}Table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.png_button = QPushButton("Save &picture (PNG)…")
        self.png_button.setObjectName(f"{key}PngButton")
        self.csv_button = QPushButton("Save &table (CSV)…")
        self.csv_button.setObjectName(f"{key}CsvButton")
        self.png_button.clicked.connect(lambda: self._ask("png"))
        self.csv_button.clicked.connect(lambda: self._ask("csv"))
        self.dialog: QFileDialog | None = None
        self._data: Table | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.csv_button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addLayout(right, 2)

    def show_data(self, chart: Chart, table: Table) -> None:
        self.view.set_chart(chart)
        self._data = table
        self.table.clear()
        self.table.setColumnCount(len(table.headers))
        self.table.setHorizontalHeaderLabels(list(table.headers))
        self.table.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(table.title)

    def _ask(self, kind: str) -> None:
        """A save dialog (Qt's own, so it looks and works the same everywhere)."""
        dialog = QFileDialog(self, "Save picture" if kind == "png" else "Save table")
        dialog.setObjectName(f"{self.key}SaveDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter("PNG picture (*.png)" if kind == "png" else "CSV table (*.csv)")
        dialog.selectFile(f"{self.key}.{kind}")
        dialog.fileSelected.connect(lambda name: self.export(kind, Path(name)))
        self.dialog = dialog
        dialog.open()

    def export(self, kind: str, path: Path) -> Path | None:
        if self.view.chart is None or self._data is None:
            return None
        try:
            if kind == "png":
                save_png(self.view.chart, path, self.view.accent)
            else:
                write_csv(self._data, path)
        except OSError as error:
            self._say(f"Could not save {path.name}: {error.strerror or error}.")
            return None
        self._say(f"Saved {path}.")
        return path
