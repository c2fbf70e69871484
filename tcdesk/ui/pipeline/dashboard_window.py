"""The practice's dashboard: the period and filters, the KPI tiles, the targets, four charts.

View > Dashboard (Ctrl+Shift+D). The numbers come from one service call
(``kpi_report``) made on a pool thread with its own read-only connection to
the practice file, so a year of a large practice never freezes the window;
a newer question wins over an older answer still on its way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from tcdesk.errors import UserError
from tcdesk.services.clock import Clock
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import ACCEPTANCE_RULE, KpiFilters, KpiReport, kpi_choices, kpi_report
from tcdesk.services.kpi_export import coordinator_table, funnel_table, month_table, source_table
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.pipeline.chart_data import coordinator_chart, funnel_chart, source_chart, trend_chart
from tcdesk.ui.pipeline.chart_panel import ChartPanel
from tcdesk.ui.pipeline.dashboard_filters import DashboardFilters
from tcdesk.ui.pipeline.kpi_tiles import KpiTiles, TargetBars
from tcdesk.ui.window_memory import remember

CHARTS = (
    ("funnel", "From &lead to start", funnel_chart, funnel_table),
    ("trend", "By &month", trend_chart, month_table),
    ("source", "By lead so&urce", source_chart, source_table),
    ("coordinator", "By coordi&nator", coordinator_chart, coordinator_table),
)


def count(path: Path | None, clock: Clock, filters: KpiFilters, desk: Desk) -> KpiReport:
    """The report, from a connection of its own when the file has a path (pool threads)."""
    if path is None:
        return kpi_report(desk, filters)
    own = Desk.open(path, clock=clock, read_only=True)
    try:
        return kpi_report(own, filters)
    finally:
        own.db.conn.close()


class DashboardWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        self._desk = desk
        practice = desk.practice()
        self.setWindowTitle("Dashboard" + (f" — {practice.name}" if practice else ""))
        self.resize(1400, 900)
        accent = QColor(practice.brand_color if practice else "#1F6F8B")
        self.report: KpiReport | None = None
        self._asked = 0
        self._runner = BackgroundRunner(parent=self)
        self.filters = DashboardFilters(kpi_choices(desk))
        self.filters.changed.connect(self.refresh)
        self.status = QLabel("")
        self.status.setObjectName("dashboardStatus")
        self.status.setProperty("role", "subheading")
        self.tiles = KpiTiles()
        self.targets = TargetBars()
        self.tabs = QTabWidget()
        self.panels: dict[str, ChartPanel] = {}
        for key, title, _chart, _table in CHARTS:
            panel = ChartPanel(key, accent, self.statusBar().showMessage)
            self.panels[key] = panel
            self.tabs.addTab(panel, title)
        rule = QLabel(ACCEPTANCE_RULE)
        rule.setWordWrap(True)
        rule.setProperty("role", "muted")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.tiles)
        targets_heading = QLabel("Targets")
        targets_heading.setProperty("role", "subheading")
        layout.addWidget(targets_heading)
        layout.addWidget(self.targets)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(rule)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setCentralWidget(scroll)
        QShortcut(QKeySequence("Esc"), self, activated=self.close)
        remember(self)
        self.refresh()

    def busy(self) -> bool:
        return self._runner.is_busy()

    def refresh(self) -> None:
        """Ask again for the chosen period and filters (off the GUI thread)."""
        self._asked += 1
        asked = self._asked
        filters = self.filters.filters()
        desk = self._desk
        self.status.setText("Counting…")
        if desk.path is None:
            self._show(asked, count(None, desk.clock, filters, desk))
            return
        path, clock = desk.path, desk.clock
        self._runner.run(
            lambda: count(path, clock, filters, desk),
            lambda report: self._show(asked, report),
            lambda error: self._failed(asked, error),
        )

    def _show(self, asked: int, report: KpiReport) -> None:
        if asked != self._asked:
            return  # a newer question is on its way
        self.report = report
        scope = ", ".join(value for _name, value in report.filters)
        period = f"{report.start:%-d %b %Y} to {report.end:%-d %b %Y}"
        if report.empty:
            self.status.setText(f"{period}: no consults in this period.")
        else:
            self.status.setText(period + (f" · {scope}" if scope else ""))
        self.tiles.show_report(report)
        self.targets.show_report(report)
        for key, _title, chart, table in CHARTS:
            self.panels[key].show_data(chart(report), table(report))

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        if isinstance(error, UserError):
            self.status.setText(str(error))
            return
        raise error
