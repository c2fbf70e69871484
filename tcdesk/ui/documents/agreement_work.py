"""How the agreement preview runs an action: slow parts on a worker, failures as sentences.

``AgreementHost`` is what the printing and signing helpers need from the
preview, described rather than imported so the helpers and the preview do
not import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from tcdesk import crash_log
from tcdesk.domain.agreement import Agreement, AgreementEvent, AgreementRecord
from tcdesk.errors import UserError
from tcdesk.services.agreements import AgreementState
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.printing import PrintSystem
from tcdesk.ui.documents.agreement_controls import AgreementHeader
from tcdesk.ui.documents.background import BackgroundRunner


class PreviewWork:
    """Runs the preview's actions and turns every failure into a sentence in the header."""

    def __init__(self, runner: BackgroundRunner, header: AgreementHeader) -> None:
        self.runner = runner
        self.header = header

    def report(self, error: BaseException, doing: str) -> None:
        if isinstance(error, UserError):
            self.header.show_error(str(error))
            return
        log = crash_log.write_crash_report(error)
        self.header.show_error(
            f"Something went wrong inside tcdesk while {doing}. Nothing stored was changed. "
            f"Details were saved in {log}."
        )

    def guard(self, work: Callable[[], Any], doing: str) -> Any:
        """``work()``'s result, or None after saying what failed (never a traceback)."""
        try:
            return work()
        except Exception as error:  # shown as a sentence, never a traceback
            self.report(error, doing)
            return None

    def start(
        self,
        text: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        doing: str,
        *,
        cancellable: bool = False,
    ) -> None:
        """``work`` on a worker thread with ``text`` by the busy bar, then ``done`` here.

        ``cancellable``: ``work`` changes nothing (it only builds bytes), so the
        TC may stop waiting for it (Cancel, or closing the preview).
        """
        self.header.clear_message()
        self.header.busy_label.setText(text)
        self.header.cancellable = cancellable
        self.runner.run(
            work,
            lambda result: self.guard(lambda: done(result), doing),
            lambda error: self.report(error, doing),
        )

    def can_cancel(self) -> bool:
        return self.runner.is_busy() and self.header.cancellable

    def cancel(self) -> bool:
        """Drop a running build (True), or leave other work alone (False)."""
        if not self.can_cancel():
            return False
        self.runner.cancel()
        return True


class AgreementHost(Protocol):
    """The preview as its printing and signing helpers see it."""

    desk: Desk
    actor_id: str | None
    settings: MachineSettingsStore
    print_system: PrintSystem
    prompt: QDialog | None
    work: PreviewWork
    agreement_changed: Any  # a Signal(str)

    @property
    def state(self) -> AgreementState | None: ...

    @property
    def current(self) -> AgreementRecord | None: ...

    def page_count(self) -> int: ...

    def show_changed(self, changed: Agreement | AgreementEvent) -> None: ...

    def show_info(self, text: str) -> None: ...

    def show_error(self, text: str) -> None: ...


def ask(
    host: AgreementHost,
    parent: QWidget,
    make: Callable[[str, QWidget], Any],
    then: Callable[[str, str], None],
    doing: str,
) -> None:
    """Ask about the shown version (a reason, a detail); on OK, ``then(id, text)``."""
    found = host.current
    if found is None:
        return
    dialog = make(found.agreement.title, parent)
    host.prompt = dialog
    agreement_id = found.id
    dialog.accepted.connect(
        lambda: host.work.guard(lambda: then(agreement_id, dialog.text()), doing)
    )
    dialog.open()
