"""Both sides sign on screen: one pad per responsible party, one for the practice.

Above the pads, what is being signed: the agreement number and version, the
totals and the Truth in Lending box, so nobody signs a blank screen. A
responsible party who is not here can be marked "signs later": the others
sign, and the missing signature is taken later on a new version.

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
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain.agreement import Signer, SignerRole
from tcdesk.formatting import local_date_and_time, money_from_dollars, rate_percent
from tcdesk.services.agreements import SignatureMark, SigningSheet
from tcdesk.services.clock import Clock, system_clock
from tcdesk.ui.documents.signature_pad import SignaturePad


def signed_label(moment: datetime) -> str:
    return f"Signed {local_date_and_time(moment)}"


def _caption(signer: Signer) -> str:
    if signer.role is SignerRole.PRACTICE:
        return "For the practice"
    relationship = f" ({signer.relationship.lower()})" if signer.relationship else ""
    return f"Responsible party{relationship}"


class WhatIsSigned(QFrame):
    """The agreement being signed, in a few lines, with the Truth in Lending box."""

    def __init__(self, sheet: SigningSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIsSigned")
        self.setProperty("card", True)
        title = QLabel(f"{sheet.title} · {sheet.patient_name} · {sheet.option_title}")
        title.setObjectName("signedTitle")
        title.setProperty("role", "subheading")
        title.setWordWrap(True)
        if sheet.months:
            paying = (
                f"{money_from_dollars(sheet.down_payment)} down, then {sheet.months} "
                f"monthly payments of {money_from_dollars(sheet.monthly_payment)}"
            )
        else:
            paying = f"Paid in full: {money_from_dollars(sheet.down_payment)}"
        totals = QLabel(
            f"Total fee {money_from_dollars(sheet.total_fee)} · your portion "
            f"{money_from_dollars(sheet.patient_portion)} · {paying}"
        )
        totals.setObjectName("signedTotals")
        totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(totals)
        self.box: QFrame | None = None
        if sheet.disclosed:
            self.box = _truth_in_lending_box(sheet)
            layout.addWidget(self.box)

    def text(self) -> str:
        """Everything it says, for a check or a screen reader."""
        return " ".join(label.text() for label in self.findChildren(QLabel))


def _truth_in_lending_box(sheet: SigningSheet) -> QFrame:
    """APR and finance charge larger than the rest, as on the agreement (1026.17)."""
    box = QFrame()
    box.setObjectName("aprBox")
    box.setFrameShape(QFrame.Shape.Box)
    grid = QGridLayout(box)
    cells = (
        ("Annual Percentage Rate", rate_percent(sheet.apr), True),
        ("Finance Charge", money_from_dollars(sheet.finance_charge), True),
        ("Amount Financed", money_from_dollars(sheet.amount_financed), False),
        ("Total of Payments", money_from_dollars(sheet.total_of_payments), False),
    )
    for column, (name, value, conspicuous) in enumerate(cells):
        caption = QLabel(name)
        caption.setProperty("role", "muted")
        figure = QLabel(value)
        size = "17pt" if conspicuous else "12pt"
        figure.setStyleSheet(f"font-size: {size}; font-weight: {700 if conspicuous else 400};")
        grid.addWidget(caption, 0, column)
        grid.addWidget(figure, 1, column)
    return box


class SignerBox(QWidget):
    """A pad with the signer's name printed under it and, once signed, the time.

    ``can_be_absent`` adds "Not here: signs later" (for a responsible party
    when another one can sign now).
    """

    def __init__(
        self, signer: Signer, parent: QWidget | None = None, *, can_be_absent: bool = False
    ) -> None:
        super().__init__(parent)
        self.signer = signer
        self.setObjectName("signerBox")
        role = QLabel(_caption(signer))
        role.setProperty("role", "subheading")
        self.pad = SignaturePad()
        self.absent = QCheckBox("Not here: signs later")
        self.absent.setObjectName("absentCheck")
        self.absent.setToolTip(
            "The others sign now; this copy lists them as not yet signed, and their "
            "signature later makes a new version with every signature."
        )
        self.absent.setVisible(can_be_absent)
        self.absent.toggled.connect(self._absent_toggled)
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
        layout.addWidget(self.absent, 0, Qt.AlignmentFlag.AlignHCenter)

    def is_absent(self) -> bool:
        return not self.absent.isHidden() and self.absent.isChecked()

    def _absent_toggled(self, away: bool) -> None:
        if away:
            self.pad.clear()
        self.pad.setEnabled(not away)
        self.signed.setText("Not yet signed" if away else "")
        self.pad.changed.emit()


class SigningDialog(QDialog):
    """Collects one signature per signer present; ``marks()`` and ``absent()`` once accepted.

    ``sheet`` (from ``agreements.signing_sheet``) shows what is signed above the
    pads and who signed earlier; without it only the pads show.
    """

    def __init__(
        self,
        signers: Sequence[Signer],
        *,
        sheet: SigningSheet | None = None,
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
        layout = QVBoxLayout(self)
        self.what = self._add_sheet(layout, sheet) if sheet is not None else None
        intro = QLabel(
            "Please sign in your box with a finger, a pen or the mouse. Tap Clear to start again."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(18)
        responsible = sum(1 for signer in signers if signer.role is SignerRole.RESPONSIBLE)
        self.boxes = [
            SignerBox(
                signer, can_be_absent=signer.role is SignerRole.RESPONSIBLE and responsible > 1
            )
            for signer in signers
        ]
        columns = 2 if len(self.boxes) > 1 else 1
        for index, box in enumerate(self.boxes):
            grid.addWidget(box, index // columns, index % columns)
            box.pad.changed.connect(self._update_buttons)
        layout.addLayout(grid, 1)
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
        self.waiting.setWordWrap(True)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        rows = (len(self.boxes) + 1) // columns
        extra = 200 if sheet is not None else 0
        self.resize(980 if columns == 2 else 560, 240 * rows + 140 + extra)
        self._update_buttons()

    @staticmethod
    def _add_sheet(layout: QVBoxLayout, sheet: SigningSheet) -> WhatIsSigned:
        """What is signed, and who signed it earlier (a later signature on a partly signed copy)."""
        what = WhatIsSigned(sheet)
        layout.addWidget(what)
        if sheet.already_signed:
            earlier = QLabel("Already signed: " + ", ".join(sheet.already_signed))
            earlier.setObjectName("alreadySigned")
            earlier.setProperty("role", "muted")
            layout.addWidget(earlier)
        return what

    def pads(self) -> list[SignaturePad]:
        return [box.pad for box in self.boxes]

    def missing(self) -> list[Signer]:
        """Signers present whose box is still empty."""
        return [box.signer for box in self.boxes if box.pad.is_empty() and not box.is_absent()]

    def absent(self) -> list[str]:
        """Responsible parties marked "signs later"."""
        return [box.signer.name for box in self.boxes if box.is_absent()]

    def _update_buttons(self) -> None:
        missing, absent = self.missing(), self.absent()
        someone = any(
            box.signer.role is SignerRole.RESPONSIBLE and not box.pad.is_empty()
            for box in self.boxes
        )
        ready = not missing and (someone or not absent)
        self.save_button.setEnabled(ready)
        later = ", ".join(absent)
        self.save_button.setText("Save for now" if absent else "Save signatures")
        if missing:
            text = "Waiting for: " + ", ".join(s.name for s in missing)
        elif not ready:
            text = "At least one responsible party signs now."
        elif absent:
            text = (
                f"Ready to save. {later} will show as not yet signed; their signature later "
                "makes a new version with every signature."
            )
        else:
            text = "Ready to save."
        self.waiting.setText(text)

    def accept(self) -> None:
        if not self.save_button.isEnabled():
            return
        self._signed_at = self._clock()
        text = signed_label(self._signed_at)
        for box in self.boxes:
            if not box.is_absent():
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
            if not box.is_absent()
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
