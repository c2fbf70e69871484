"""The dashboard's headline figures as tiles, and the practice's targets as progress bars.

Each tile says its figure in words and a short rule under it; a target says
"33.3% of 75%" and "below target" or "target met" in text, not only by colour.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from tcdesk.formatting import money_from_cents
from tcdesk.services.kpi_export import days_text, percent_text
from tcdesk.services.kpi_figures import KpiReport

TILES = (
    ("held", "Consults held"),
    ("acceptance", "Case acceptance"),
    ("acceptance_excl", "Acceptance, no observation"),
    ("same_day", "Same-day starts"),
    ("pending", "Pending"),
    ("no_show", "No-show rate"),
    ("days", "Consult to start"),
    ("lead", "Lead to consult"),
)


class Tile(QFrame):
    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setObjectName(f"{key}Tile")
        self.title = QLabel(title)
        self.title.setProperty("role", "muted")
        self.value = QLabel("–")
        self.value.setObjectName(f"{key}Value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: 700;")
        self.detail = QLabel("")
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{self.title.text()}: {value}. {detail}")


class KpiTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {key: Tile(key, title) for key, title in TILES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 4, index % 4)

    def show_report(self, report: KpiReport) -> None:
        t = report.total
        tiles = self.tiles
        tiles["held"].set_figure(
            str(t.held), f"{t.booked} booked, {t.started} started within 45 days"
        )
        tiles["acceptance"].set_figure(
            percent_text(t.case_acceptance), "started within 45 days / held"
        )
        tiles["acceptance_excl"].set_figure(
            percent_text(t.case_acceptance_excl_observation),
            f"{t.observation} in observation or recall left out",
        )
        tiles["same_day"].set_figure(
            percent_text(t.same_day_start_rate), f"{t.same_day} started on the consult day"
        )
        tiles["pending"].set_figure(
            str(report.pending_count),
            f"worth {money_from_cents(report.pending_value_cents)} (patient portions)",
        )
        tiles["no_show"].set_figure(
            percent_text(t.no_show_rate), f"{t.no_shows} no-shows / (held + no-shows)"
        )
        tiles["days"].set_figure(days_text(t.days_median), f"median; mean {days_text(t.days_mean)}")
        leads = report.leads
        tiles["lead"].set_figure(
            percent_text(leads.lead_to_consult),
            f"{leads.with_consult} of {leads.leads} leads got a held consult"
            if leads.applies
            else "not by doctor or flow: a lead has neither yet",
        )


class TargetBars(QWidget):
    """One progress bar per target, its words beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLabel, QProgressBar, QLabel]] = []

    def show_report(self, report: KpiReport) -> None:
        for index, target in enumerate(report.targets):
            if index >= len(self.rows):
                name, bar, words = QLabel(), QProgressBar(), QLabel()
                bar.setObjectName(f"target{index}Bar")
                bar.setRange(0, 1000)
                bar.setTextVisible(True)
                bar.setMinimumWidth(300)
                bar.setStyleSheet(
                    "QProgressBar { border: 1px solid #B8BFC6; border-radius: 5px;"
                    " background: #FFFFFF; text-align: center; min-height: 22px; }"
                    "QProgressBar::chunk { background: #A9D0DD; border-radius: 4px; }"
                )
                words.setProperty("role", "muted")
                words.setWordWrap(True)
                self.grid.addWidget(name, index, 0)
                self.grid.addWidget(bar, index, 1)
                self.grid.addWidget(words, index, 2)
                self.grid.setColumnStretch(2, 1)
                self.rows.append((name, bar, words))
            name, bar, words = self.rows[index]
            name.setText(target.label)
            verdict = {True: "target met", False: "below target", None: "nothing to measure"}
            if target.actual is None:
                bar.setValue(0)
                bar.setFormat(f"– of {target.target}%")
            else:
                share = min(target.actual / target.target, 1) if target.target else 1
                bar.setValue(int(share * 1000))
                bar.setFormat(f"{target.actual}% of {target.target}% · {verdict[target.met]}")
            words.setText(target.rule)
            bar.setAccessibleName(f"{target.label}: {bar.format()}")
