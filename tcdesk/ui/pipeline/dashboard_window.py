"""The practice's dashboard: the period and filters, the KPI tiles, the targets, four charts.

View > Dashboard (Ctrl+Shift+D). The numbers come from one service call
(``kpi_report``) made on a pool thread with the window's own connection to
the practice file, so a year of a large practice never freezes
the window. Counts run one at a time; a question asked meanwhile is asked
again when the count on its way is in. The window's ``KpiCounter`` keeps the
period's grouped count, so a filter change is a sum, not a query.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import KpiCounter, kpi_choices, kpi_report
from tcdesk.services.kpi_export import coordinator_table, funnel_table, month_table, source_table
from tcdesk.services.kpi_figures import ACCEPTANCE_RULE, KpiFilters, KpiReport
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


class Reader:
    """The dashboard's own connection to the practice file, opened on first use on the
    pool thread and used by one count at a time. It writes only the kept month counts
    (tcdesk.services.kpi_months), so the next look counts only what changed."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._own: Desk | None = None
        self.counter = KpiCounter()

    def report(self, filters: KpiFilters) -> KpiReport:
        desk = self._desk
        if desk.path is None:
            return kpi_report(desk, filters, self.counter)
        if self._own is None:
            try:
                self._own = desk.another()
            except UserError:  # e.g. a read-only file: count without keeping
                self._own = Desk.open(desk.path, clock=desk.clock, read_only=True)
        return kpi_report(self._own, filters, self.counter)

    def close(self) -> None:
        """Close the connection (the kept count stays, checked against the data next time)."""
        if self._own is not None:
            self._own.db.conn.close()
            self._own = None


class DashboardWindow(QMainWindow):
    def __init__(
        self, desk: Desk, parent: QWidget | None = None, reader: Reader | None = None
    ) -> None:
        """``reader``: the desk's, kept from one opening of the window to the next, so
        opening it again when nothing changed is a sum of the count it kept."""
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        self._desk = desk
        practice = desk.practice()
        self.setWindowTitle("Dashboard" + (f" — {practice.name}" if practice else ""))
        self.resize(1400, 900)
        accent = QColor(practice.brand_color if practice else "#1F6F8B")
        self.report: KpiReport | None = None
        self._asked = 0
        self._again = False
        self._reader = reader or Reader(desk)
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
        """Ask again for the chosen period and filters (off the GUI thread, one at a time)."""
        self._asked += 1
        self.status.setText("Counting…")
        if self._runner.is_busy():
            self._again = True  # asked again when the count on its way is in
            return
        asked = self._asked
        filters = self.filters.filters()
        reader = self._reader
        if self._desk.path is None:
            self._show(asked, reader.report(filters))
            return
        self._runner.run(
            lambda: reader.report(filters),
            lambda report: self._show(asked, report),
            lambda error: self._failed(asked, error),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.wait()
        self._reader.close()
        super().closeEvent(event)

    def _show(self, asked: int, report: KpiReport) -> None:
        if self._again:
            self._again = False
            self._asked -= 1  # refresh counts this question again
            self.refresh()
            return
        if asked != self._asked:
            return
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
        if self._again:
            self._again = False
            self._asked -= 1
            self.refresh()
            return
        if asked != self._asked:
            return
        if isinstance(error, UserError):
            self.status.setText(str(error))
            return
        raise error
