"""The agreement preview's parts around the pages: the header and the row of actions.

Both paint from one ``AgreementState``: the header shows the versions, the
status line and a message; the action bar enables what can be done now and
says in each disabled button's tooltip why not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.agreements import AgreementAction, AgreementState

# Work that ends sooner than this shows no busy row (no flash on a fast computer);
# the buttons are disabled from the start either way.
BUSY_DELAY_MS = 300


def _selectable_label(name: str) -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AgreementHeader(QWidget):
    """Who the agreement is for, which version is shown, its status, a message, busy."""

    def __init__(self, patient_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(f"Financial agreement for {patient_name}")
        self.heading.setProperty("role", "heading")
        self.versions = QComboBox()
        self.versions.setObjectName("versionCombo")
        self.versions.setMinimumWidth(260)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.versions)
        self.status = _selectable_label("agreementStatus")
        self.message = _selectable_label("agreementMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel("")
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setProperty("role", "muted")
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setObjectName("cancelWork")
        self.cancel_button.setToolTip("Stop making this PDF; nothing is stored")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy.hide()
        self.busy_label.hide()
        self.cancel_button.hide()
        self.cancellable = False  # set by whoever starts the work: may it be stopped?
        self._reveal = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._reveal.timeout.connect(self._show_busy_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addLayout(busy_row)

    def paint(self, state: AgreementState | None, busy: bool) -> None:
        """The versions of the consult with the shown one picked, and its status line."""
        self.versions.blockSignals(True)
        self.versions.clear()
        for item in state.history if state else ():
            self.versions.addItem(
                f"Version {item.agreement.version} · {item.status.label}", item.agreement.id
            )
        if state is not None and state.current is not None:
            self.versions.setCurrentIndex(self.versions.findData(state.current.id))
        self.versions.blockSignals(False)
        self.versions.setVisible(self.versions.count() > 0)  # no empty box before version 1
        self.status.setText(state.status_line() if state else "")
        self.set_busy(busy)

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        """Busy: versions locked now, the bar and its line after ``BUSY_DELAY_MS``."""
        if text is not None:
            self.busy_label.setText(text)
        self.versions.setEnabled(not busy)
        if busy:
            if self.busy.isHidden() and not self._reveal.isActive():
                self._reveal.start()
            return
        self._reveal.stop()
        for widget in (self.busy, self.busy_label, self.cancel_button):
            widget.hide()
        self.busy_label.setText("")

    def _show_busy_row(self) -> None:
        self.busy.show()
        self.busy_label.show()
        self.cancel_button.setVisible(self.cancellable)

    def busy_row_shown(self) -> bool:
        return not self.busy.isHidden()

    def show_error(self, text: str) -> None:
        self._message(text, "error")

    def show_info(self, text: str) -> None:
        self._message(text, "muted")

    def clear_message(self) -> None:
        self.message.setText("")
        self.message.hide()

    def _message(self, text: str, role: str) -> None:
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()


class AgreementActionBar(QWidget):
    """The buttons under the pages; ``paint`` enables those the state allows."""

    def __init__(self, offer_room_screen: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tips: dict[QPushButton, str] = {}
        self.new_version_button = self._button(
            "New version",
            "newVersionButton",
            "Make the agreement again from the consult as it is now (earlier versions are kept)",
        )
        self.english_copy_button = self._button(
            "English copy",
            "englishCopyButton",
            "Make this agreement in English too: its own version, with its own SHA-256, "
            "under the same agreement number (the family keeps the one in their language)",
        )
        self.english_copy_button.setVisible(False)
        self.print_button = self._button("Print…", "printButton", "Choose a printer and print")
        self.quick_print_button = self._button(
            "Quick print", "quickPrintButton", "Print on this computer's printer"
        )
        self.choose_printer_button = self._button(
            "Printer…",
            "choosePrinterButton",
            "Choose the printer Quick print uses on this computer",
        )
        self.sign_button = self._button(
            "Sign on screen…", "signButton", "Both sides sign on this screen"
        )
        self.room_sign_button = self._button(
            "Sign on the room's screen…",
            "roomSignButton",
            "The presentation goes black and the signing pads open on the family's screen",
        )
        self.room_sign_button.setVisible(offer_room_screen)
        self.paper_button = self._button(
            "Mark signed on paper…", "paperSignedButton", "Both sides signed the printed copy"
        )
        self.void_button = self._button(
            "Void…", "voidButton", "Mark this version void, with the reason"
        )
        self.save_button = self._button("Save as…", "saveAsButton", "Save this exact PDF to a file")
        self.close_button = self._button("Close", "closeButton", "Close the preview")
        self.sign_button.setProperty("primary", True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in self._tips:
            if widget is self.close_button:
                row.addStretch(1)
            row.addWidget(widget)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        made = QPushButton(text)
        made.setObjectName(name)
        made.setToolTip(tip)
        self._tips[made] = tip
        return made

    def wire(self, slots: dict[QPushButton, Callable[[], object]]) -> None:
        for button, slot in slots.items():
            button.clicked.connect(lambda _checked=False, slot=slot: slot())

    def paint(self, state: AgreementState | None, busy: bool) -> None:
        """Enabled when the state allows it and nothing runs; disabled ones say why not."""
        actions = {
            self.print_button: AgreementAction.PRINT,
            self.quick_print_button: AgreementAction.PRINT,
            self.sign_button: AgreementAction.SIGN_ON_SCREEN,
            self.room_sign_button: AgreementAction.SIGN_ON_ROOM_SCREEN,
            self.paper_button: AgreementAction.MARK_SIGNED_ON_PAPER,
            self.void_button: AgreementAction.VOID,
            self.save_button: AgreementAction.SAVE,
        }
        for button in (self.new_version_button, self.choose_printer_button):
            button.setEnabled(not busy)
        # Shown on a version in another language (Reg Z: an English copy on request).
        other = state is not None and state.current is not None and state.language != "en"
        self.english_copy_button.setVisible(other)
        self.english_copy_button.setEnabled(other and not busy)
        for button, action in actions.items():
            why_not = None if state is None else state.why_not.get(action)
            allowed = state is not None and why_not is None
            button.setEnabled(allowed and not busy)
            button.setToolTip(why_not or self._tips[button])
