"""The desk's practice-wide keys: Settings (Ctrl+,) and Import patients (Ctrl+I)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from tcdesk.services.desk import Desk

if TYPE_CHECKING:  # the windows load when first opened: the desk starts without them
    from tcdesk.services.importer import ImportResult
    from tcdesk.ui.desk.import_dialog import ImportDialog
    from tcdesk.ui.settings.settings_window import SettingsWindow


class PracticeActions:
    """Settings and import; after either, the desk shows what changed."""

    def __init__(self, window: QMainWindow, desk: Desk) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self.settings_window: SettingsWindow | None = None
        self.import_dialog: ImportDialog | None = None

        self.settings_action = QAction("Se&ttings…", window)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.settings_action.triggered.connect(self.open_settings)
        window.addAction(self.settings_action)
        self.settings_button = QPushButton("Se&ttings")
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setToolTip(
            "The practice, offices, staff, fees, money rules and terms (Ctrl+,)"
        )
        self.settings_button.clicked.connect(self.settings_action.trigger)

        self.import_action = QAction("&Import patients…", window)
        self.import_action.setObjectName("importPatients")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import)
        window.addAction(self.import_action)

    def open_settings(self) -> SettingsWindow:
        if self.settings_window is None:
            from tcdesk.ui.settings.settings_window import SettingsWindow

            self.settings_window = SettingsWindow(self._desk, self._window)
            self.settings_window.changed.connect(self._window.show_practice)
            self.settings_window.changed.connect(lambda: self._window.say("Settings saved."))
        self.settings_window.show()
        self.settings_window.raise_()
        self.settings_window.activateWindow()
        return self.settings_window

    def open_import(self) -> ImportDialog:
        from tcdesk.ui.desk.import_dialog import ImportDialog

        dialog = ImportDialog(self._desk, self._window)
        dialog.imported.connect(lambda _result: self._window.show_everyone())
        dialog.imported.connect(lambda result: self._window.say(import_sentence(result)))
        self.import_dialog = dialog
        dialog.open()
        return dialog


def import_sentence(result: ImportResult) -> str:
    """What the import did, in one line for the desk's status bar."""
    added = f"{result.imported} patient{'s' if result.imported != 1 else ''}"
    extra = [f"{result.duplicates} already on file"] if result.duplicates else []
    if result.invalid:
        extra.append(f"{len(result.invalid)} rows left out")
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"Imported {added} from {result.file_name}{tail}."
