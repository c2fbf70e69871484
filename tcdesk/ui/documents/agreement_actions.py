"""Opening the agreement preview from the app (the console's "Agreement…" button)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.agreement_preview import AgreementPreview, ScreenPicker


def open_agreement(
    desk: Desk,
    settings: MachineSettingsStore,
    consult_id: str,
    parent: QWidget | None = None,
    signing_screen: ScreenPicker | None = None,
) -> AgreementPreview:
    """Show the consult's agreement (making version 1 if there is none yet).

    The person signed in is recorded as the one who acts; in a practice without
    PINs, the consult's coordinator, who runs the consult. Signing opens on the
    coordinator's screen; to offer the patient display, pass a
    ``signing_screen`` that first blanks the presentation and returns that
    screen. The caller passes what the preview needs, so this module never
    imports the application that opens it.
    """
    consult = desk.consults.get(consult_id)
    preview = AgreementPreview(
        desk,
        consult_id,
        settings=settings,
        actor_id=desk.signed_in_id or (consult.coordinator_id if consult else None),
        signing_screen=signing_screen,
        parent=parent,
    )
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    preview.open()
    return preview
