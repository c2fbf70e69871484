"""Flow: automatic (named, so the TC knows what the family will see) or a chosen one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.ui.desk.record_common import FieldMessages, RecordHost, error_label


def automatic_line(flow: rec.FlowPick) -> str:
    """ "Automatic: Teen: comprehensive treatment (age 13, braces options)"."""
    if not flow.automatic_name:
        return "Automatic: no flow loaded."
    return f"Automatic: {flow.automatic_name} ({flow.automatic_reason})"


class FlowSection(QWidget):
    def __init__(self, desk: Desk, host: RecordHost, flows=None) -> None:
        super().__init__()
        self._desk = desk
        self._host = host
        self._flows = flows
        self._shown: rec.ConsultRecord | None = None
        self._updating = False
        self.automatic = QRadioButton("&Automatic")
        self.automatic.setObjectName("flowAutomatic")
        self.chosen = QRadioButton("&Choose a flow:")
        self.chosen.setObjectName("flowChosen")
        self.pick = QComboBox()
        self.pick.setObjectName("flowPick")
        self.explain = QLabel("")
        self.explain.setObjectName("flowExplain")
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "muted")
        self.in_use = QLabel("")
        self.in_use.setObjectName("flowInUse")
        self.in_use.setProperty("role", "subheading")
        self.error = error_label("flowError")
        self.messages = FieldMessages(self.error)
        self.messages.add("flow", self.error, self.pick)
        self.automatic.toggled.connect(self._mode_changed)
        self.pick.activated.connect(lambda _index: self._apply())
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addSpacing(8)
        layout.addWidget(self.automatic)
        layout.addWidget(self.explain)
        layout.addSpacing(8)
        layout.addWidget(self.chosen)
        layout.addWidget(self.pick)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def show_record(self, shown: rec.ConsultRecord) -> None:
        self._shown = shown
        flow = shown.flow
        self._updating = True
        self.pick.clear()
        for flow_id, name, fits in flow.choices:
            self.pick.addItem(f"{name}{'  (fits this patient)' if fits else ''}", flow_id)
        wanted = flow.chosen_id or flow.automatic_id
        self.pick.setCurrentIndex(max(0, self.pick.findData(wanted)))
        self.automatic.setChecked(flow.automatic)
        self.chosen.setChecked(not flow.automatic)
        self.pick.setEnabled(not flow.automatic)
        self._updating = False
        self.explain.setText(automatic_line(flow))
        self.in_use.setText(f"The family will see: {flow.in_use_name or 'no flow'}")

    def _mode_changed(self, automatic: bool) -> None:
        self.pick.setEnabled(not automatic)
        if not self._updating:
            self._apply()

    def _apply(self) -> None:
        if self._shown is None or self._updating:
            return
        wanted = rec.AUTOMATIC if self.automatic.isChecked() else self.pick.currentData()
        if wanted == self._shown.flow.chosen_id:
            return
        cid = self._shown.consult.id
        done = self._host.apply(
            self.messages, lambda: rec.set_flow(self._desk, cid, wanted or "", self._flows)
        )
        if done is None:
            self.show_record(self._shown)  # back to what is saved
