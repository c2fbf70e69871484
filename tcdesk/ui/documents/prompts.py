"""Small questions the agreement preview asks: why void, how signed, which printer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.printing import Printer


class _Prompt(QDialog):
    def __init__(self, title: str, text: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        label = QLabel(text)
        label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(ok)
        self.ok_button.setObjectName("promptOk")
        self.ok_button.setProperty("primary", True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(label)

    def _finish_layout(self) -> None:
        self.body.addWidget(self.buttons)


class VoidDialog(_Prompt):
    """Voiding needs a reason; OK stays disabled until there is one."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            f"Void {title}",
            f"{title} will be marked void and can no longer be signed or printed. It stays in "
            "the record with the reason. Why is it void?",
            "Void it",
            parent,
        )
        self.setObjectName("voidDialog")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText("For example: the down payment was typed wrong.")
        self.reason.setFixedHeight(90)
        self.reason.textChanged.connect(self._changed)
        self.body.addWidget(self.reason)
        self._finish_layout()
        self._changed()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def accept(self) -> None:
        if self.text():
            super().accept()


class PaperSignedDialog(_Prompt):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "Signed on paper",
            f"Both sides signed the printed copy of {title}. Keep the paper copy as usual; "
            "this records that it was signed.",
            "Mark signed",
            parent,
        )
        self.setObjectName("paperSignedDialog")
        self.detail = QLineEdit("Signed on paper by both sides.")
        self.detail.setObjectName("paperSignedDetail")
        self.body.addWidget(self.detail)
        self._finish_layout()

    def text(self) -> str:
        return self.detail.text().strip()


class PrinterChoiceDialog(_Prompt):
    """Which printer quick print should use on this computer (remembered)."""

    def __init__(
        self, printers: Sequence[Printer], current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Quick print",
            "Which printer should Quick print use on this computer? "
            "It is remembered for next time.",
            "Use this printer",
            parent,
        )
        self.setObjectName("printerChoiceDialog")
        self.combo = QComboBox()
        self.combo.setObjectName("printerChoice")
        for printer in printers:
            notes = []
            if printer.is_default:
                notes.append("default")
            if not printer.enabled:
                notes.append("switched off")
            label = f"{printer.name} ({', '.join(notes)})" if notes else printer.name
            self.combo.addItem(label, printer.name)
        wanted = current or next((p.name for p in printers if p.is_default), "")
        index = self.combo.findData(wanted)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        self.body.addWidget(self.combo)
        self._finish_layout()

    def chosen(self) -> str:
        return str(self.combo.currentData() or "")
