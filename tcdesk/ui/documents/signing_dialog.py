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

from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.domain.agreement import Signer, SignerRole
from tcdesk.services.agreements import SignatureMark, SigningSheet
from tcdesk.services.clock import Clock, system_clock
from tcdesk.ui.documents.signature_pad import SignaturePad


def signed_label(moment: datetime, w: AgreementWords = ENGLISH_WORDS) -> str:
    return w("signed_at", when=w.moment(moment))


def _caption(signer: Signer, w: AgreementWords = ENGLISH_WORDS) -> str:
    if signer.role is SignerRole.PRACTICE:
        return w("sign_for_practice")
    relationship = f" ({w.term(signer.relationship).lower()})" if signer.relationship else ""
    return w("sign_responsible") + relationship


class WhatIsSigned(QFrame):
    """The agreement being signed, in a few lines, with the Truth in Lending box."""

    def __init__(self, sheet: SigningSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIsSigned")
        self.setProperty("card", True)
        w = sheet.words
        title = QLabel(f"{sheet.title} · {sheet.patient_name} · {sheet.option_title}")
        title.setObjectName("signedTitle")
        title.setProperty("role", "subheading")
        title.setWordWrap(True)
        if sheet.months:
            paying = w(
                "sign_paying_monthly",
                down=w.money(sheet.down_payment),
                months=sheet.months,
                monthly=w.money(sheet.monthly_payment),
            )
        else:
            paying = w("sign_paying_in_full", amount=w.money(sheet.down_payment))
        totals = QLabel(
            w(
                "sign_totals",
                fee=w.money(sheet.total_fee),
                portion=w.money(sheet.patient_portion),
                paying=paying,
            )
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
    w = sheet.words
    cells = (
        (w("sign_apr"), w.rate(sheet.apr), True),
        (w("sign_finance_charge"), w.money(sheet.finance_charge), True),
        (w("sign_amount_financed"), w.money(sheet.amount_financed), False),
        (w("sign_total_of_payments"), w.money(sheet.total_of_payments), False),
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
        self,
        signer: Signer,
        parent: QWidget | None = None,
        *,
        can_be_absent: bool = False,
        words: AgreementWords = ENGLISH_WORDS,
    ) -> None:
        super().__init__(parent)
        self.signer = signer
        self.words = words
        self.setObjectName("signerBox")
        role = QLabel(_caption(signer, words))
        role.setProperty("role", "subheading")
        self.pad = SignaturePad(placeholder=words("sign_here"))
        self.pad.clear_button.setText(words("sign_clear"))
        self.absent = QCheckBox(words("sign_not_here"))
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
        self.signed.setText(self.words("not_yet_signed") if away else "")
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
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not signers:
            raise ValueError("a signing dialog needs at least one signer")
        w = self.words = sheet.words if sheet is not None else ENGLISH_WORDS
        self.setObjectName("signingDialog")
        self.setWindowTitle(title or w("sign_window"))
        self.setModal(True)
        self._clock = clock
        self._signed_at: datetime | None = None
        layout = QVBoxLayout(self)
        self.what = self._add_sheet(layout, sheet) if sheet is not None else None
        intro = QLabel(w("sign_please"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(18)
        responsible = sum(1 for signer in signers if signer.role is SignerRole.RESPONSIBLE)
        self.boxes = [
            SignerBox(
                signer,
                can_be_absent=signer.role is SignerRole.RESPONSIBLE and responsible > 1,
                words=w,
            )
            for signer in signers
        ]
        columns = 2 if len(self.boxes) > 1 else 1
        for index, box in enumerate(self.boxes):
            grid.addWidget(box, index // columns, index % columns)
            box.pad.changed.connect(self._update_buttons)
        layout.addLayout(grid, 1)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(w("sign_save"))
        self.save_button.setObjectName("saveSignatures")
        self.save_button.setProperty("primary", True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(w("sign_cancel"))
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
            earlier = QLabel(sheet.words("sign_already", names=", ".join(sheet.already_signed)))
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
        w = self.words
        later = ", ".join(absent)
        self.save_button.setText(w("sign_save_for_now") if absent else w("sign_save"))
        if missing:
            text = w("sign_waiting", names=", ".join(s.name for s in missing))
        elif not ready:
            text = w("sign_someone")
        elif absent:
            text = w("sign_ready_later", names=later)
        else:
            text = w("sign_ready")
        self.waiting.setText(text)

    def accept(self) -> None:
        if not self.save_button.isEnabled():
            return
        self._signed_at = self._clock()
        text = signed_label(self._signed_at, self.words)
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
