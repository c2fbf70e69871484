"""The family's take-home summary from the console: build it, keep it, preview it.

The data is read on the GUI thread (fast), the PDF is built on a worker, and
the file is kept under the data folder before anything else, so a printer
problem never loses it. Then the preview opens: the TC checks it and prints
it or saves a copy from there (``SummaryPreview``), never blind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from tcdesk.errors import UserError
from tcdesk.services import summaries
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.documents.summary_preview import SummaryPreview


class SummaryPrinter(QObject):
    """One take-home summary: build it, keep it, then open its preview to print or save.

    ``report`` tells the coordinator how it went (the console's notice line);
    ``given`` fires when the family's copy is printed or saved.
    """

    given = Signal(str)

    def __init__(
        self,
        desk: Desk,
        consult_id: str,
        settings: MachineSettingsStore,
        parent: QWidget,
        report: Callable[[str], None],
        *,
        folder: Path | None = None,
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._consult_id = consult_id
        self._settings = settings
        self._parent = parent
        self._report = report
        self._folder = folder
        self._printer = printer
        self.runner = BackgroundRunner(parent=self)
        self.path: Path | None = None
        self.preview: SummaryPreview | None = None

    def start(self) -> None:
        try:
            data = summaries.prepare(self._desk, self._consult_id)
        except summaries.NothingToSummarise as error:
            self._report(str(error))  # not a failure: there is just nothing to print yet
            return
        except UserError as error:
            self._report(f"The take-home summary could not be made: {error}")
            return
        self._report("Making the take-home summary…")
        self.runner.run(
            lambda: summaries.build_pdf(data),
            lambda pdf: self._built(data, pdf),
            self._failed,
        )

    def _built(self, data: summaries.SummaryData, pdf: bytes) -> None:
        try:
            self.path = summaries.keep(self._consult_id, data, pdf, self._folder)
        except (OSError, UserError) as error:
            self._report(f"The take-home summary could not be saved: {error}")
            return
        self._report(f"The take-home summary is ready to check; kept at {self.path}.")
        preview = SummaryPreview(
            pdf,
            self.path,
            data.patient_name,
            self._settings,
            self._report,
            printer=self._printer,
            parent=self._parent,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        preview.given.connect(self.given)
        preview.setWindowModality(Qt.WindowModality.WindowModal)
        self.preview = preview
        preview.show()

    def _failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, UserError) else "something went wrong"
        self._report(f"Problem making the take-home summary: {message}.")
