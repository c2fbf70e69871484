"""The desk's menu actions that no other part of the desk brings.

Export, the two prints for the selected consult, the today toggle, refresh,
the user guide, About, and the way back to an open consult's console. Each
action tells the desk's status bar what it did (``MainWindow.say``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore

if TYPE_CHECKING:  # loaded when first opened: the desk starts without them
    from tcdesk.ui.about_dialog import AboutDialog
    from tcdesk.ui.desk.export_dialog import ExportDialog

StandardKey = QKeySequence.StandardKey


def user_guide_path() -> Path:
    """docs/guide.md of this tcdesk (``services.about``, which reads the package's
    metadata, loads when the guide is first asked for, not at start-up)."""
    from tcdesk.services.about import user_guide_path as guide

    return guide()


NO_CONSULT = "Choose a consult on the right first"


def keys(*written: str, standard: StandardKey | None = None) -> list[QKeySequence]:
    """The keys written here first, then the platform's own for ``standard`` (no repeats)."""
    found = [QKeySequence(k) for k in written]
    if standard is not None:
        found += [k for k in QKeySequence.keyBindings(standard) if k not in found]
    return found


def make_action(
    window: QMainWindow,
    text: str,
    name: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # its keys work even with the menu bar hidden
    return action


class DeskMenuActions:
    def __init__(
        self,
        window: QMainWindow,
        desk: Desk,
        today: date,
        settings: MachineSettingsStore | None,
    ) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._today = today
        self._settings = settings
        self.export_dialog: ExportDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.agreement_preview: Any = None
        self.summary_job: Any = None
        self._bring_console_forward: Callable[[], None] | None = None

        self.export_action = make_action(
            window, "&Export patients…", "exportPatientsAction", self.open_export
        )
        self.print_agreement_action = make_action(
            window,
            "Print &agreement…",
            "printAgreementAction",
            self.print_agreement,
            keys(standard=StandardKey.Print),
        )
        self.print_summary_action = make_action(
            window,
            "Print take-&home summary…",
            "printSummaryAction",
            self.print_summary,
            keys("Ctrl+Shift+P"),
        )
        self.today_action = make_action(
            window, "&Today's consults", "todayAction", lambda: None, keys("Ctrl+T")
        )
        self.refresh_action = make_action(
            window,
            "&Refresh",
            "refreshAction",
            self.refresh,
            keys("F5", standard=StandardKey.Refresh),
        )
        self.guide_action = make_action(window, "&User guide", "userGuideAction", self.open_guide)
        self.about_action = make_action(window, "&About tcdesk", "aboutAction", self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.console_action = make_action(
            window, "Back to the &console", "consoleForwardAction", self.console_forward
        )
        self._follow_today_button()
        self._follow_selection()
        self.set_console(None)

    # -- the actions other parts made: the platform's keys and roles ------------------------

    def complete(self, find: QAction, settings: QAction) -> None:
        """Find takes the platform's Find key; Settings its Preferences key and menu role."""
        find.setShortcuts(keys("Ctrl+F", standard=StandardKey.Find))
        settings.setShortcuts(keys("Ctrl+,", standard=StandardKey.Preferences))
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    # -- View ------------------------------------------------------------------------

    def _follow_today_button(self) -> None:
        """The menu's check mark and the desk's toggle are one state, whichever is used."""
        button = self._window.today_button
        action = self.today_action
        action.setCheckable(True)
        action.setChecked(button.isChecked())
        action.setToolTip("Only today's families, earliest first (Ctrl+T)")
        action.toggled.connect(button.setChecked)
        button.toggled.connect(action.setChecked)

    def refresh(self) -> None:
        self._window.refresh_desk()
        self._window.say("The desk is up to date.")

    # -- File: the selected consult's papers -----------------------------------------------

    def _follow_selection(self) -> None:
        self._window.panel.consult_list.currentRowChanged.connect(lambda _row: self._selected())
        self._selected()

    def _selected(self) -> None:
        chosen = self._window.panel.selected_consult_id() is not None
        for action, what in (
            (self.print_agreement_action, "The selected consult's financial agreement"),
            (self.print_summary_action, "The family's take-home summary of the selected consult"),
        ):
            can = chosen and self._settings is not None
            action.setEnabled(can)
            if self._settings is None:
                action.setToolTip("Printing is set up when tcdesk starts on this computer")
            else:
                action.setToolTip(f"{what}, to check and print" if chosen else NO_CONSULT)

    def print_agreement(self) -> Any:
        """The agreement preview of the selected consult (check, print, sign from there)."""
        from tcdesk.services.agreements.versions import history, prepare_generation
        from tcdesk.ui.documents.agreement_actions import open_agreement

        self._window.flush_panel()  # the selected patient's, even a key after typing
        consult_id = self._window.panel.selected_consult_id()
        if consult_id is None or self._settings is None:
            self._window.say(NO_CONSULT + ".")
            return None
        if not history(self._desk, consult_id):  # nothing to show yet: can one be made?
            try:
                prepare_generation(self._desk, consult_id)
            except UserError as why:
                self._window.say(f"No agreement yet: {why}")
                return None
        preview = open_agreement(self._desk, self._settings, consult_id, self._window)
        preview.said.connect(lambda text: self._window.say(f"Agreement: {text}"))
        self.agreement_preview = preview
        return preview

    def print_summary(self) -> Any:
        """Build the take-home summary off the GUI thread, then its preview opens."""
        from tcdesk.ui.documents.summary_actions import SummaryPrinter

        self._window.flush_panel()  # the selected patient's, even a key after typing
        consult_id = self._window.panel.selected_consult_id()
        if consult_id is None or self._settings is None:
            self._window.say(NO_CONSULT + ".")
            return None
        job = SummaryPrinter(self._desk, consult_id, self._settings, self._window, self._window.say)
        job.given.connect(lambda how: self._window.say(f"Take-home summary {how}."))
        self.summary_job = job
        job.start()
        return job

    def open_export(self) -> ExportDialog:
        from tcdesk.ui.desk.export_dialog import ExportDialog

        dialog = ExportDialog(self._desk, self._today, self._window)
        dialog.exported.connect(lambda done: self._window.say(done.sentence()))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # -- Help ------------------------------------------------------------------------

    def open_guide(self) -> bool:
        """docs/guide.md, with its pictures, in tcdesk's own window (the same everywhere)."""
        from tcdesk.ui.guide_window import GuideWindow

        path = user_guide_path()
        if not path.is_file():
            self._window.say(f"The user guide is not on this computer (looked for {path}).")
            return False
        self.guide_window = GuideWindow(path, self._window)
        self.guide_window.show()
        self._window.say("Opened the user guide.")
        return True

    def open_about(self) -> AboutDialog:
        from tcdesk.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._desk.path, self._window)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    # -- Consult: an open consult ----------------------------------------------------------

    def set_console(self, bring_forward: Callable[[], None] | None) -> None:
        """While a consult is presented, "Back to the console" brings its window forward."""
        self._bring_console_forward = bring_forward
        self.console_action.setEnabled(bring_forward is not None)
        self.console_action.setToolTip(
            "Bring the open consult's console to the front"
            if bring_forward
            else "No consult is being presented"
        )

    def console_forward(self) -> None:
        if self._bring_console_forward is not None:
            self._bring_console_forward()
