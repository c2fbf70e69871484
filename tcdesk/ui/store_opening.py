"""The app's way into a practice file: one app per file, and a calm answer for a bad one.

A file tcdesk can't use (damaged, another program's, from a newer tcdesk,
read-only) is never written to: the app shows ``StoreProblemDialog`` and,
when the backups service finds one, offers the newest good backup; else
"Open another practice file…" or "Quit". An absent or empty file is the
app's first run (the demo or the practice's set-up).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tcdesk.errors import UserError
from tcdesk.services.backups import list_backups, size_words, when_words
from tcdesk.services.desk import Desk
from tcdesk.services.practice_file import (
    PASSPHRASE_PROBLEMS,
    StoreFileError,
    StoreProblem,
    use_passphrase,
)
from tcdesk.services.restore import restore
from tcdesk.ui.single_instance import SingleInstance, claim_or_hand_over
from tcdesk.ui.store_problem import BackupOffer, StoreChoice, ask_about_store

FindBackup = Callable[[Path], BackupOffer | None]
AskPassphrase = Callable[[Path, bool], str | None]  # (file, the last one was wrong) -> typed
Ask = Callable[[StoreFileError, BackupOffer | None], StoreChoice]


def no_backups(_path: Path) -> BackupOffer | None:
    """No offer: only another file or quit (tests that are not about backups)."""
    return None


def newest_good_backup(path: Path) -> BackupOffer | None:
    """The newest backup of ``path`` that passes its check now, ready to be put in place.

    Restoring keeps the refused file aside first (services.restore), so choosing
    the backup loses nothing that could still be rescued.
    """
    try:
        good = next((b for b in list_backups(path, verify=True) if b.ok), None)
    except OSError:
        return None
    if good is None:
        return None

    def use() -> Path:
        restore(good.path, path)
        return path

    return BackupOffer(f"from {when_words(good.taken_at)} ({size_words(good.size)})", use)


def ask_passphrase(path: Path, wrong: bool) -> str | None:
    from tcdesk.ui.lock.passphrase_dialog import ask_passphrase as ask

    return ask(path, wrong)


def choose_practice_file() -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        None, "Open a practice file", "", "tcdesk practice files (*.sqlite3 *.db);;All files (*)"
    )
    return Path(name) if name else None


def tell(message: str) -> None:
    QMessageBox.critical(None, "tcdesk", message)


@dataclass
class Opened:
    """What the app got: the desk (None: leave, with ``code``) and its claim on the file."""

    desk: Desk | None
    code: int = 0
    claim: SingleInstance | None = None
    refusals: list[StoreFileError] = field(default_factory=list)
    notice: str = ""  # said on the desk once it is up (e.g. which backup it opened)

    def release(self) -> None:
        if self.claim is not None:
            self.claim.release()
            self.claim = None


def open_for_gui(
    path: Path,
    first_run: Callable[[Desk], Desk | None],
    *,
    claim: Callable[[Path], SingleInstance | None] = claim_or_hand_over,
    find_backup: FindBackup = newest_good_backup,
    ask: Ask = ask_about_store,
    choose_file: Callable[[], Path | None] = choose_practice_file,
    tell: Callable[[str], None] = tell,
    passphrase: AskPassphrase = ask_passphrase,
) -> Opened:
    """Claim ``path`` for this app, open it (first run when empty), or explain why not.

    An encrypted file asks for its passphrase first (again after a wrong one),
    unless ``TCDESK_PASSPHRASE`` or ``--passphrase-file`` gave the right one.
    """
    refusals: list[StoreFileError] = []
    notice = ""
    while True:
        held = claim(path)
        if held is None:  # already open in another tcdesk, which came to the front
            return Opened(None, 0, None, refusals)
        try:
            desk = Desk.open(path)
        except StoreFileError as error:
            refusals.append(error)
            if error.problem in PASSPHRASE_PROBLEMS:
                held.release()
                typed = passphrase(path, error.problem is StoreProblem.WRONG_PASSPHRASE)
                if typed is None:  # chose to quit: nothing was opened or written
                    return Opened(None, 0, None, refusals)
                use_passphrase(typed)
                continue
            offer = find_backup(path) if error.backup_may_help else None
            choice = ask(error, offer)
            held.release()
            if choice is StoreChoice.BACKUP and offer is not None:
                try:
                    path = offer.use()
                except UserError as refused:  # the backup went bad since it was checked
                    tell(str(refused))
                    return Opened(None, 2, None, refusals)
                notice = (
                    f"Opened the backup {offer.description}: what was typed after it is not "
                    "here. The damaged file is kept beside the practice file."
                )
                continue
            chosen = choose_file() if choice is StoreChoice.OTHER_FILE else None
            if chosen is None:
                return Opened(None, 2, None, refusals)
            path = chosen
            continue
        except UserError as error:  # busy, unreadable: nothing to offer but the reason
            held.release()
            tell(str(error))
            return Opened(None, 2, None, refusals)
        if desk.is_empty():
            chosen_desk = first_run(desk)
            if chosen_desk is None:
                desk.close()
                held.release()
                return Opened(None, 0, None, refusals)
            desk = chosen_desk
        return Opened(desk, 0, held, refusals, notice)
