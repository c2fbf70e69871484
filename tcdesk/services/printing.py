"""Printing a PDF through this computer's print system (CUPS: ``lp`` and ``lpstat``).

Only local queues are used; nothing here opens a network connection itself.
Every failure is a ``PrintError`` (a ``UserError``) whose message says what
is wrong, what to do, and where the PDF is saved: a failed print never loses
the document.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tcdesk.errors import UserError

DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    stdout: str
    stderr: str


Runner = Callable[[Sequence[str], Mapping[str, str], float], CommandResult]


def run_command(args: Sequence[str], env: Mapping[str, str], timeout: float) -> CommandResult:
    """Run a print-system command in the C locale (its messages are parsed)."""
    done = subprocess.run(
        list(args),
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return CommandResult(done.returncode, done.stdout, done.stderr)


class PrintError(UserError):
    """Nothing was printed; the message says why and where the PDF is saved."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        if path is not None:
            message = f"{message} The PDF is saved at {path}."
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Printer:
    name: str
    enabled: bool = True
    accepting: bool = True
    is_default: bool = False
    reason: str = ""  # why it is disabled, as the print system says

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting


@dataclass(frozen=True)
class PrintJob:
    printer: str
    job_id: str  # the print system's request id, e.g. "Office-42"
    path: Path

    def __str__(self) -> str:
        return f"Sent to {self.printer} (job {self.job_id})"


_PRINTER_LINE = re.compile(r"^printer (\S+) ")
_DISABLED = re.compile(r"\bdisabled since\b")
_ACCEPT_LINE = re.compile(r"^(\S+) (not )?accepting requests")
_DEFAULT_LINE = re.compile(r"^system default destination: (\S+)")
_REQUEST_ID = re.compile(r"request id is (\S+)")


class PrintSystem:
    """The operating system's print queues, reached through the CUPS command-line tools."""

    def __init__(
        self,
        run: Runner = run_command,
        env: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        which: Callable[[str], str | None] = shutil.which,
    ) -> None:
        self._run = run
        self._env = dict(os.environ if env is None else env)
        self._env.update({"LC_ALL": "C", "LANG": "C", "LANGUAGE": "C"})
        self._timeout = timeout
        self._which = which

    # -- asking the print system

    def installed(self) -> bool:
        return all(self._which(tool) is not None for tool in ("lp", "lpstat"))

    def _call(self, args: Sequence[str], path: Path | None) -> CommandResult:
        try:
            return self._run(args, self._env, self._timeout)
        except FileNotFoundError:
            raise self._not_installed(path) from None
        except subprocess.TimeoutExpired:
            raise PrintError(
                f"The print system did not answer within {self._timeout:g} seconds, "
                "so nothing was printed.",
                path,
            ) from None
        except OSError as error:
            raise PrintError(
                f"The print system could not be asked ({error.strerror or error}).", path
            ) from None

    def _not_installed(self, path: Path | None) -> PrintError:
        return PrintError(
            "No print system is installed on this computer (CUPS: 'lp' and 'lpstat' were not "
            "found), so nothing was printed.",
            path,
        )

    def _require(self, path: Path | None) -> None:
        if not self.installed():
            raise self._not_installed(path)
        answer = self._call(["lpstat", "-r"], path)
        if "not running" in (answer.stdout + answer.stderr).lower():
            raise PrintError(
                "The print system (CUPS) is not running on this computer, so nothing was "
                "printed. Start it, or ask whoever looks after this computer.",
                path,
            )

    def printers(self, path: Path | None = None) -> list[Printer]:
        """The local print queues with their state; [] when none is set up."""
        self._require(path)
        states = self._call(["lpstat", "-p"], path)
        accepting = self._call(["lpstat", "-a"], path)
        default = self.default_printer(path, checked=True)
        found: dict[str, Printer] = {}
        lines = states.stdout.splitlines()
        for index, line in enumerate(lines):
            match = _PRINTER_LINE.match(line)
            if not match:
                continue
            name = match.group(1)
            disabled = _DISABLED.search(line) is not None
            reason = ""
            if disabled and index + 1 < len(lines) and lines[index + 1].startswith(("\t", " ")):
                reason = lines[index + 1].strip()
            found[name] = Printer(
                name=name, enabled=not disabled, is_default=name == default, reason=reason
            )
        for line in accepting.stdout.splitlines():
            match = _ACCEPT_LINE.match(line)
            if match and match.group(1) in found:
                name = match.group(1)
                current = found[name]
                found[name] = Printer(
                    name=name,
                    enabled=current.enabled,
                    accepting=match.group(2) is None,
                    is_default=current.is_default,
                    reason=current.reason,
                )
        return list(found.values())

    def default_printer(self, path: Path | None = None, *, checked: bool = False) -> str | None:
        """The system's default destination, or None when there is none."""
        if not checked:
            self._require(path)
        answer = self._call(["lpstat", "-d"], path)
        for line in answer.stdout.splitlines():
            match = _DEFAULT_LINE.match(line.strip())
            if match:
                return match.group(1)
        return None

    # -- printing

    def choose(self, printer: str | None, path: Path | None = None) -> Printer:
        """The queue a job would go to, or the reason it cannot go anywhere."""
        printers = self.printers(path)
        if not printers:
            raise PrintError("No printer is set up on this computer.", path)
        names = ", ".join(p.name for p in printers)
        if printer:
            chosen = next((p for p in printers if p.name == printer), None)
            if chosen is None:
                raise PrintError(
                    f'There is no printer called "{printer}" on this computer '
                    f"(printers here: {names}). Choose another printer.",
                    path,
                )
        else:
            chosen = next((p for p in printers if p.is_default), None)
            if chosen is None:
                raise PrintError(
                    f"No default printer is set on this computer. Choose one of: {names}.", path
                )
        if not chosen.enabled:
            why = f" ({chosen.reason})" if chosen.reason else ""
            raise PrintError(
                f'The printer "{chosen.name}" is switched off in the print system (disabled'
                f"{why}). Turn it back on, or choose another printer, then print again.",
                path,
            )
        if not chosen.accepting:
            raise PrintError(
                f'The printer "{chosen.name}" is not accepting print jobs right now. '
                "Ask whoever looks after it, or choose another printer.",
                path,
            )
        return chosen

    def print_pdf(
        self, path: Path | str, printer: str | None = None, *, title: str | None = None
    ) -> PrintJob:
        """Send a PDF to ``printer`` (or the default destination); returns the job."""
        path = Path(path).resolve()
        if not path.is_file():
            raise PrintError(f"There is no file at {path} to print.")
        chosen = self.choose(printer, path)
        args = ["lp", "-d", chosen.name]
        if title:
            args += ["-t", title]
        args += ["--", str(path)]
        answer = self._call(args, path)
        match = _REQUEST_ID.search(answer.stdout)
        if answer.returncode != 0 or match is None:
            said = (answer.stderr or answer.stdout).strip().removeprefix("lp:").strip()
            said = said.removeprefix("Error -").strip()
            raise PrintError(
                f'The printer "{chosen.name}" did not take the job{f" ({said})" if said else ""}.',
                path,
            )
        return PrintJob(printer=chosen.name, job_id=match.group(1), path=path)


def list_printers() -> list[Printer]:
    return PrintSystem().printers()


def default_printer() -> str | None:
    return PrintSystem().default_printer()


def print_pdf(
    path: Path | str, printer: str | None = None, *, title: str | None = None
) -> PrintJob:
    return PrintSystem().print_pdf(path, printer, title=title)
