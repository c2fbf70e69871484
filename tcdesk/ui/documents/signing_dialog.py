"""Both sides sign on screen: one pad per responsible party, one for the practice.

The dialog opens on the coordinator's screen. ``place_on_screen`` moves it to
another screen (the patient display) for the family; the caller decides when
that is allowed (the presentation must be blanked first: no dialog may appear
over a live presentation).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain.agreement import Signer, SignerRole
from tcdesk.formatting import local_time, medium_date
from tcdesk.services.agreements import SignatureMark
from tcdesk.services.clock import Clock, system_clock, utc_iso
from tcdesk.ui.documents.signature_pad import SignaturePad


def signed_label(moment: datetime) -> str:
    local = moment.astimezone()
    return f"Signed {medium_date(local.date())} {local_time(utc_iso(moment))}"


def _caption(signer: Signer) -> str:
    if signer.role is SignerRole.PRACTICE:
        return "For the practice"
    relationship = f" ({signer.relationship.lower()})" if signer.relationship else ""
    return f"Responsible party{relationship}"


class SignerBox(QWidget):
    """A pad with the signer's name printed under it and, once signed, the time."""

    def __init__(self, signer: Signer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signer = signer
        self.setObjectName("signerBox")
        role = QLabel(_caption(signer))
        role.setProperty("role", "subheading")
        self.pad = SignaturePad()
        self.name = QLabel(signer.name)
        self.name.setObjectName("signerName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.signed = QLabel("")
        self.signed.setObjectName("signedAt")
        self.signed.setProperty("role", "muted")
        self.signed.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(role)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.signed)


class SigningDialog(QDialog):
    """Collects one signature per signer; ``marks()`` after it is accepted."""

    def __init__(
        self,
        signers: Sequence[Signer],
        *,
        clock: Clock = system_clock,
        title: str = "Sign the agreement",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not signers:
            raise ValueError("a signing dialog needs at least one signer")
        self.setObjectName("signingDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self._clock = clock
        self._signed_at: datetime | None = None
        intro = QLabel(
            "Please sign in your box with a finger, a pen or the mouse. Tap Clear to start again."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(18)
        self.boxes = [SignerBox(signer) for signer in signers]
        columns = 2 if len(self.boxes) > 1 else 1
        for index, box in enumerate(self.boxes):
            grid.addWidget(box, index // columns, index % columns)
            box.pad.changed.connect(self._update_buttons)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton("Save signatures")
        self.save_button.setObjectName("saveSignatures")
        self.save_button.setProperty("primary", True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.waiting = QLabel("")
        self.waiting.setObjectName("signingWaiting")
        self.waiting.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self.resize(980 if columns == 2 else 560, 240 * ((len(self.boxes) + 1) // columns) + 140)
        self._update_buttons()

    def pads(self) -> list[SignaturePad]:
        return [box.pad for box in self.boxes]

    def missing(self) -> list[Signer]:
        return [box.signer for box in self.boxes if box.pad.is_empty()]

    def _update_buttons(self) -> None:
        missing = self.missing()
        self.save_button.setEnabled(not missing)
        self.waiting.setText(
            "Waiting for: " + ", ".join(s.name for s in missing) if missing else "Ready to save."
        )

    def accept(self) -> None:
        if self.missing():
            return
        self._signed_at = self._clock()
        text = signed_label(self._signed_at)
        for box in self.boxes:
            box.signed.setText(text)
        super().accept()

    @property
    def signed_at(self) -> datetime | None:
        return self._signed_at

    def marks(self) -> list[SignatureMark]:
        """The signatures, stamped with the moment the dialog was accepted."""
        if self._signed_at is None:
            raise RuntimeError("marks() is for an accepted signing dialog")
        return [
            SignatureMark(
                signer=box.signer.name,
                role=box.signer.role.value,
                png=box.pad.to_png(),
                signed_at=self._signed_at,
            )
            for box in self.boxes
        ]

    def place_on_screen(self, screen: QScreen) -> None:
        """Open centred on ``screen`` (e.g. the patient display), sized to fit it."""
        self.winId()  # a native window exists, so it can be given a screen
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        area = screen.availableGeometry()
        width = min(max(self.width(), 640), area.width() - 40)
        height = min(max(self.height(), 400), area.height() - 40)
        frame = QRect(0, 0, width, height)
        frame.moveCenter(area.center())
        self.setGeometry(frame)
