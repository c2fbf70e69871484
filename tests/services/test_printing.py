"""Printing through CUPS: clear messages for every way it fails, and a real queue end to end."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

from tcdesk.domain import ConsultStatus
from tcdesk.errors import UserError
from tcdesk.services import agreements
from tcdesk.services.printing import CommandResult, PrintError, PrintSystem

IDLE = "printer Front is idle.  enabled since Fri Nov 27 12:42:15 2026\n"
BUSY = "printer Back now printing Back-9.  enabled since Fri Nov 27 12:42:15 2026\n"
OFF = "printer Front disabled since Fri Nov 27 12:42:19 2026 -\n\tpaper jam\n"
ACCEPTING = "Front accepting requests since Fri Nov 27 12:42:15 2026\n"
REJECTING = "Front not accepting requests since Fri Nov 27 12:42:19 2026 -\n\tRejecting Jobs\n"


class FakeCups:
    """Answers the CUPS commands the way lpstat/lp do (C locale)."""

    def __init__(
        self,
        printers: str = IDLE,
        accepting: str = ACCEPTING,
        default: str | None = "Front",
        running: bool = True,
        lp: CommandResult | None = None,
    ) -> None:
        self.printers, self.accepting, self.default, self.running = (
            printers,
            accepting,
            default,
            running,
        )
        self.lp = lp or CommandResult(0, "request id is Front-42 (1 file(s))\n", "")
        self.calls: list[list[str]] = []
        self.envs: list[Mapping[str, str]] = []

    def __call__(self, args: Sequence[str], env: Mapping[str, str], timeout: float):
        self.calls.append(list(args))
        self.envs.append(env)
        match list(args):
            case ["lpstat", "-r"]:
                out = "scheduler is running\n" if self.running else "scheduler is not running\n"
                return CommandResult(0, out, "")
            case ["lpstat", "-p"]:
                if not self.printers:
                    return CommandResult(1, "", "lpstat: No destinations added.\n")
                return CommandResult(0, self.printers, "")
            case ["lpstat", "-a"]:
                return CommandResult(0 if self.accepting else 1, self.accepting, "")
            case ["lpstat", "-d"]:
                line = (
                    f"system default destination: {self.default}\n"
                    if self.default
                    else "no system default destination\n"
                )
                return CommandResult(0, line, "")
            case ["lp", *_]:
                return self.lp
        raise AssertionError(f"unexpected command {args}")


def system(fake: FakeCups, installed: bool = True) -> PrintSystem:
    return PrintSystem(
        run=fake, env={}, which=lambda tool: f"/usr/bin/{tool}" if installed else None
    )


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def test_prints_to_the_default_destination_and_returns_the_job(pdf: Path) -> None:
    fake = FakeCups()
    job = system(fake).print_pdf(pdf, title="FA-1 v1")
    assert (job.printer, job.job_id, job.path) == ("Front", "Front-42", pdf.resolve())
    assert str(job) == "Sent to Front (job Front-42)"
    assert fake.calls[-1] == ["lp", "-d", "Front", "-t", "FA-1 v1", "--", str(pdf.resolve())]
    assert fake.envs[-1]["LC_ALL"] == "C"


def test_lists_printers_with_their_state() -> None:
    fake = FakeCups(printers=OFF + BUSY, accepting=REJECTING)
    found = {p.name: p for p in system(fake).printers()}
    assert found["Front"].enabled is False and found["Front"].reason == "paper jam"
    assert found["Front"].accepting is False and found["Front"].is_default
    assert found["Back"].enabled and found["Back"].ready and not found["Back"].is_default


def test_no_print_system_installed(pdf: Path) -> None:
    with pytest.raises(PrintError, match="No print system is installed") as error:
        system(FakeCups(), installed=False).print_pdf(pdf)
    assert f"The PDF is saved at {pdf.resolve()}." in str(error.value)


def test_print_system_not_running(pdf: Path) -> None:
    with pytest.raises(PrintError, match=r"\(CUPS\) is not running.*The PDF is saved at"):
        system(FakeCups(running=False)).print_pdf(pdf)


def test_no_printer_set_up(pdf: Path) -> None:
    with pytest.raises(PrintError) as error:
        system(FakeCups(printers="", accepting="", default=None)).print_pdf(pdf)
    assert str(error.value) == (
        f"No printer is set up on this computer. The PDF is saved at {pdf.resolve()}."
    )


def test_unknown_printer_names_the_ones_there_are(pdf: Path) -> None:
    with pytest.raises(PrintError, match=r'no printer called "Lobby".*printers here: Front'):
        system(FakeCups()).print_pdf(pdf, "Lobby")


def test_no_default_printer_asks_to_choose(pdf: Path) -> None:
    with pytest.raises(PrintError, match=r"No default printer.*Choose one of: Front"):
        system(FakeCups(default=None)).print_pdf(pdf)


def test_disabled_printer_is_not_sent_the_job(pdf: Path) -> None:
    fake = FakeCups(printers=OFF)
    with pytest.raises(PrintError, match=r'"Front" is switched off.*\(disabled \(paper jam\)\)'):
        system(fake).print_pdf(pdf)
    assert not any(call[0] == "lp" for call in fake.calls)


def test_rejecting_printer(pdf: Path) -> None:
    with pytest.raises(PrintError, match="not accepting print jobs"):
        system(FakeCups(accepting=REJECTING)).print_pdf(pdf)


def test_a_failed_job_says_what_the_print_system_said(pdf: Path) -> None:
    failed = CommandResult(1, "", 'lp: Destination "Front" is not accepting jobs.\n')
    with pytest.raises(PrintError) as error:
        system(FakeCups(lp=failed)).print_pdf(pdf)
    message = str(error.value)
    assert 'did not take the job (Destination "Front" is not accepting jobs.)' in message
    assert message.endswith(f"The PDF is saved at {pdf.resolve()}.")


def test_a_hung_print_system_times_out(pdf: Path) -> None:
    def hang(args, env, timeout):
        raise subprocess.TimeoutExpired(args, timeout)

    with pytest.raises(PrintError, match="did not answer within"):
        PrintSystem(run=hang, env={}, which=lambda tool: tool).print_pdf(pdf)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="There is no file at"):
        system(FakeCups()).print_pdf(tmp_path / "gone.pdf")


# ---------------------------------------------------------------- a real CUPS queue


def _page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def agreement_file(demo_desk, tmp_path: Path) -> Path:
    consult = next(
        c
        for c in demo_desk.consults.all()
        if c.status is ConsultStatus.ACCEPTED and demo_desk.consults.latest_plan(c.id)
    )
    stored = agreements.generate(demo_desk, consult.id)
    return agreements.saved_copy(demo_desk, stored.id, tmp_path / "agreements")


def test_a_real_agreement_prints_through_cups(
    cups_pdf_queue, agreement_file: Path, tmp_path: Path
) -> None:
    queue, out_dir = cups_pdf_queue
    job = PrintSystem().print_pdf(agreement_file, queue, title=agreement_file.name)
    assert job.printer == queue and job.job_id.startswith(f"{queue}-")

    printed = cups_pdf_queue.wait_for_output(job.job_id)
    assert printed.parent == out_dir
    assert _page_count(printed.read_bytes()) == _page_count(agreement_file.read_bytes())
    assert shutil.which("pdftoppm"), "poppler-utils renders the printed file"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(printed), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == _page_count(agreement_file.read_bytes())
    assert all(page.stat().st_size > 1000 for page in pages)


def test_the_default_destination_is_used_without_a_name(cups_pdf_queue, pdf: Path) -> None:
    assert PrintSystem().default_printer() == cups_pdf_queue.queue
    assert [p.name for p in PrintSystem().printers()] == [cups_pdf_queue.queue]


def test_a_disabled_real_printer_gives_a_clear_message(
    cups_pdf_queue, agreement_file: Path
) -> None:
    cups_pdf_queue.disable("out of paper")
    try:
        with pytest.raises(PrintError) as error:
            PrintSystem().print_pdf(agreement_file, cups_pdf_queue.queue)
    finally:
        cups_pdf_queue.enable()
    message = str(error.value)
    assert f'"{cups_pdf_queue.queue}" is switched off' in message
    assert "out of paper" in message
    assert message.endswith(f"The PDF is saved at {agreement_file.resolve()}.")
    assert agreement_file.exists()
