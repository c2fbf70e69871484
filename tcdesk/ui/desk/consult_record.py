"""The consult record window: filled before or during the exam, one section per tab.

Every change is saved as it is made (a finding, an option, a picture, the
flow) or with its section's Save button (concern and priorities), through
``tcdesk.services.consult_record``; the window then reads the record again
in one call and tells the desk (``record_changed``) so the patient panel
and "Present this consult" show the new record. A consult with a financial
agreement asks once before the first change: a new version will be needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tcdesk.flows import Flow
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.record_common import AgreementGate, RecordHost
from tcdesk.ui.desk.record_concern import ConcernSection
from tcdesk.ui.desk.record_findings import FindingsSection
from tcdesk.ui.desk.record_flow import FlowSection
from tcdesk.ui.desk.record_options import OptionsSection
from tcdesk.ui.desk.record_photos import PhotosSection
from tcdesk.ui.window_memory import remember

TABS = (
    ("concern", "Concern && &priorities"),
    ("findings", "&Findings"),
    ("options", "&Options"),
    ("photos", "P&hotos && x-rays"),
    ("flow", "F&low"),
)


class ConsultRecordWindow(QDialog):
    record_changed = Signal(str)  # consult id

    def __init__(
        self,
        desk: Desk,
        consult_id: str,
        parent: QWidget | None = None,
        *,
        flows: Mapping[str, Flow],
        photo_folder: Path | None = None,
    ) -> None:
        """``flows`` are the app's checked flows (``Application.kit.flows``): the Flow tab
        offers exactly what the room can present, never a flow the kit left out."""
        super().__init__(parent)
        self.setObjectName("consultRecord")
        self.setModal(False)
        self._desk = desk
        self._consult_id = consult_id
        self._leaving = False
        self._flows = dict(flows)
        self.shown = rec.record(desk, consult_id, self._flows)
        self.setWindowTitle(f"Consult record — {self.shown.patient_name}")
        self.gate = AgreementGate(self, lambda: self.shown.agreement_warning)
        host = RecordHost(self.gate, lambda _done: self.refresh())
        self.concern = ConcernSection(desk, host)
        self.findings = FindingsSection(desk, host)
        self.options = OptionsSection(desk, host)
        self.photos = PhotosSection(desk, host, photo_folder)
        self.flow = FlowSection(desk, host, self._flows)
        self.sections = {
            "concern": self.concern,
            "findings": self.findings,
            "options": self.options,
            "photos": self.photos,
            "flow": self.flow,
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        for key, title in TABS:
            self.tabs.addTab(self.sections[key], title)
        self._build_header()
        close = QPushButton("&Close")
        close.setObjectName("closeRecord")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.agreement_note)
        layout.addWidget(self.tabs, 1)
        name_controls(self)  # each tab's tables and lists read by their tab's or label's name
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self._step_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self._step_tab(-1))
        self.resize(980, 680)
        remember(self)  # size, place and the rest as the TC left them on this computer
        self._show(self.shown)

    def _build_header(self) -> None:
        self.title = QLabel("")
        self.title.setProperty("role", "heading")
        self.subtitle = QLabel("")
        self.subtitle.setProperty("role", "muted")
        self.agreement_note = QLabel("")
        self.agreement_note.setObjectName("agreementNote")
        self.agreement_note.setProperty("role", "warning")
        self.agreement_note.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("recordStatus")
        self.status.setProperty("role", "muted")

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_section(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.sections[key])

    def refresh(self) -> None:
        """Read the record again (one call) and show it; tell the desk it changed."""
        self.shown = rec.record(self._desk, self._consult_id, self._flows)
        self._show(self.shown)
        self.status.setText("Saved.")
        self.record_changed.emit(self._consult_id)

    def _show(self, shown: rec.ConsultRecord) -> None:
        self.title.setText(f"{shown.patient_name}, {shown.age}")
        counts = (
            f"{len(shown.findings)} finding{'s' if len(shown.findings) != 1 else ''} · "
            f"{len(shown.options)} option{'s' if len(shown.options) != 1 else ''} · "
            f"{len(shown.photos)} picture{'s' if len(shown.photos) != 1 else ''} · "
            f"flow: {shown.flow.in_use_name or 'none'}"
        )
        self.subtitle.setText(counts)
        self.agreement_note.setText(shown.agreement_warning)
        self.agreement_note.setVisible(bool(shown.agreement_warning))
        for section in self.sections.values():
            section.show_record(shown)

    def _may_close(self) -> bool:
        """Typed concern or priorities not saved yet: save, drop, or stay."""
        if self._leaving or not self.concern.is_dirty():
            self._leaving = True
            return True
        answer = QMessageBox.question(
            self,
            "Save the concern and priorities?",
            "The concern or priorities were changed but not saved.",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save and not self.concern.save():
            self.show_section("concern")
            return False
        self._leaving = True
        return True

    def showEvent(self, event: QShowEvent) -> None:
        self._leaving = False
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Esc, the Close button and the window's own close
        if self._may_close():
            super().reject()
