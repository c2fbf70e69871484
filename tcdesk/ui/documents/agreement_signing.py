"""Signing the shown agreement: on this screen, on the room's screen, or on paper.

On screen, the signed PDF is built on a worker and kept as a new version
linked to the one signed; on paper, the signing is an event on this version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from tcdesk.services import agreements
from tcdesk.services.agreements import AgreementAction
from tcdesk.ui.documents.agreement_work import AgreementHost, ask
from tcdesk.ui.documents.prompts import PaperSignedDialog
from tcdesk.ui.documents.signing_dialog import SigningDialog

ScreenPicker = Callable[[], QScreen | None]


class AgreementSigning:
    """The preview's signing; ``dialog`` is the signing dialog while one is open."""

    def __init__(
        self, host: AgreementHost, parent: QWidget, signing_screen: ScreenPicker | None
    ) -> None:
        self._host = host
        self._parent = parent
        self._signing_screen = signing_screen
        self.dialog: SigningDialog | None = None

    def sign_on_screen(self, *, on_room_screen: bool = False) -> None:
        """Open the signing dialog on this screen, or on the room's (a deliberate choice)."""
        host = self._host
        state = host.state
        if state is None or state.current is None:
            return
        found = state.current
        refused = state.why_not.get(AgreementAction.SIGN_ON_SCREEN)
        if refused:
            host.show_error(refused)
            return
        desk, agreement_id = host.desk, found.id
        sheet = host.work.guard(lambda: agreements.signing_sheet(desk, agreement_id), "signing")
        if sheet is None or not sheet.to_sign:
            return
        screen = None
        if on_room_screen and self._signing_screen is not None:
            screen = self._signing_screen()
            if screen is None:  # checked before a dialog exists, so none is left behind
                host.show_error("The room's screen is not connected; sign on this screen.")
                return
        dialog = SigningDialog(
            sheet.to_sign,
            sheet=sheet,
            clock=desk.clock,
            title=f"Sign {found.agreement.title}",
            parent=self._parent,
        )
        self.dialog = dialog
        if screen is not None:
            dialog.place_on_screen(screen)
        dialog.accepted.connect(lambda: self._signatures_given(agreement_id, dialog))
        dialog.open()

    def _signatures_given(self, agreement_id: str, dialog: SigningDialog) -> None:
        marks, absent = dialog.marks(), dialog.absent()
        host = self._host
        desk = host.desk
        pending = host.work.guard(
            lambda: agreements.prepare_signing(desk, agreement_id, marks, absent=absent),
            "signing",
        )
        if pending is None:
            return
        host.work.start(
            "Saving the signed agreement…",
            lambda: agreements.build_pdf(pending),
            lambda pdf: self._store_signed(pending, pdf),
            "saving the signed agreement",
        )

    def _store_signed(self, pending: agreements.PendingAgreement, pdf: bytes) -> None:
        host = self._host
        agreement = agreements.store_signed(host.desk, pending, pdf, host.actor_id)
        host.show_changed(agreement)
        later = pending.not_yet_signed
        if later:
            host.show_info(
                f"Signed by those here and saved as version {agreement.version}; not yet signed "
                f"by {', '.join(later)}, who can sign this version later (Sign on screen)."
            )
        else:
            host.show_info(
                f"Signed and saved as version {agreement.version}. Print or save it for the family."
            )
        host.agreement_changed.emit(agreement.id)

    def mark_signed_on_paper(self) -> None:
        ask(self._host, self._parent, PaperSignedDialog, self._paper_signed, "signing")

    def _paper_signed(self, agreement_id: str, detail: str) -> None:
        host = self._host
        event = agreements.mark_signed_on_paper(host.desk, agreement_id, host.actor_id, detail)
        host.show_changed(event)
        host.show_info("Recorded as signed on paper.")
        host.agreement_changed.emit(agreement_id)
