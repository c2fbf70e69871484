"""A real, private CUPS print queue that turns print jobs into PDF files (cups-pdf).

Registered as a plugin (``pytest_plugins = ["tests.cups_fixture"]`` in
tests/conftest.py, or ``-p tests.cups_fixture``). The session fixture
``cups_pdf_queue`` starts its own ``cupsd -f`` with every file in a temporary
folder and only a Unix socket to listen on (no network port, no change to
the machine's own CUPS set-up), adds a queue ``PDF`` backed by cups-pdf
writing into a temporary out folder, points ``CUPS_SERVER`` at it for the
session, and stops that cupsd by its PID at the end.

It needs root (cupsd and the cups-pdf backend run as root) and the packages
``cups`` and ``printer-driver-cups-pdf``. Elsewhere it skips with the reason;
under CI (``CI`` set) it fails instead, because CI runs as root with the
packages installed and a skip there would hide a broken print path.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_CONFIG_DIR = Path("/etc/cups")  # cups-pdf reads cups-pdf-<instance>.conf only from here
QUEUE = "PDF"
START_TIMEOUT_S = 10.0
TOOLS = ("lpadmin", "lp", "lpstat", "cupsenable", "cupsdisable")


@dataclass(frozen=True)
class CupsPdfQueue:
    """The private queue: ``queue, out_dir = cups_pdf_queue`` also works."""

    queue: str
    out_dir: Path
    server: str  # the value of CUPS_SERVER (a Unix socket path)
    log_dir: Path

    def __iter__(self) -> Iterator:
        return iter((self.queue, self.out_dir))

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server, "LC_ALL": "C", "LANG": "C"}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), env=self.env, capture_output=True, text=True, timeout=30, check=False
        )

    def disable(self, reason: str = "switched off for a test") -> None:
        self._check(self.run("cupsdisable", "-r", reason, self.queue))

    def enable(self) -> None:
        self._check(self.run("cupsenable", self.queue))
        self._check(self.run("cupsaccept", self.queue))

    def wait_for_output(self, job_id: str, timeout: float = 10.0) -> Path:
        """The PDF cups-pdf wrote for ``job_id`` ("PDF-3" or "3"), once the job is done."""
        number = job_id.rsplit("-", 1)[-1]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = sorted(self.out_dir.glob(f"*job_{number}.pdf"))
            pending = self.run("lpstat", "-W", "not-completed", "-o", self.queue).stdout
            if found and f"{self.queue}-{number} " not in pending:
                return found[0]
            time.sleep(0.1)
        log = (self.log_dir / "error_log").read_text(errors="replace")[-3000:]
        raise AssertionError(
            f"no printed file for job {job_id} in {self.out_dir} after {timeout:g} s; "
            f"cupsd log tail:\n{log}"
        )

    @staticmethod
    def _check(done: subprocess.CompletedProcess[str]) -> None:
        if done.returncode != 0:
            raise AssertionError(f"{done.args} failed: {done.stderr.strip()}")


def _missing() -> list[str]:
    missing = [str(p) for p in (CUPSD, CUPS_PDF_BACKEND, CUPS_PDF_PPD) if not p.exists()]
    missing += [tool for tool in (*TOOLS, "cupsaccept") if shutil.which(tool) is None]
    return missing


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"cups_pdf_queue must run in CI: {reason}")
    pytest.skip(reason)


def _write_config(base: Path, instance: str) -> tuple[Path, Path, Path]:
    etc, log, out = base / "etc", base / "log", base / "out"
    for folder in (etc / "ppd", log, out):
        folder.mkdir(parents=True)
    out.chmod(0o1777)
    files_conf = etc / "cups-files.conf"
    files_conf.write_text(
        "\n".join(
            [
                f"ServerRoot {etc}",
                f"RequestRoot {base / 'spool'}",  # cupsd makes it, and its tmp/ for filters
                f"CacheDir {base / 'cache'}",
                f"StateDir {base / 'state'}",
                f"AccessLog {log / 'access_log'}",
                f"ErrorLog {log / 'error_log'}",
                f"PageLog {log / 'page_log'}",
                f"Printcap {base / 'printcap'}",
                "ServerBin /usr/lib/cups",
                "DataDir /usr/share/cups",
                "SystemGroup root",
                "",
            ]
        )
    )
    cupsd_conf = etc / "cupsd.conf"
    cupsd_conf.write_text(
        "\n".join(
            [
                "LogLevel info",
                f"Listen {base / 'cups.sock'}",  # a Unix socket only: no network port
                "Browsing No",
                "BrowseLocalProtocols none",
                "WebInterface No",
                "<Policy default>",
                "  <Limit All>",
                "    Order deny,allow",
                "  </Limit>",
                "</Policy>",
                "",
            ]
        )
    )
    pdf_conf = CUPS_CONFIG_DIR / f"cups-pdf-{instance}.conf"
    pdf_conf.write_text(
        f"Out {out}\nAnonDirName {out}\nSpool {base / 'cups-pdf-spool'}\nLog {log}\nGrp root\n"
    )
    return cupsd_conf, files_conf, pdf_conf


def _wait_until_running(queue_env: dict[str, str], process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        answer = subprocess.run(
            ["lpstat", "-r"], env=queue_env, capture_output=True, text=True, check=False
        )
        if answer.stdout.strip() == "scheduler is running":
            return
        time.sleep(0.05)
    text = log.read_text(errors="replace") if log.exists() else ""
    raise RuntimeError(f"the private cupsd did not start:\n{text[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def cups_pdf_queue() -> Iterator[CupsPdfQueue]:
    if os.geteuid() != 0:
        _unavailable("a private CUPS scheduler with cups-pdf needs root")
    missing = _missing()
    if missing:
        _unavailable(
            "CUPS and cups-pdf are not installed (apt-get install cups printer-driver-cups-pdf); "
            f"missing: {', '.join(missing)}"
        )
    if not os.access(CUPS_CONFIG_DIR, os.W_OK):
        _unavailable(f"cannot write the cups-pdf instance settings into {CUPS_CONFIG_DIR}")
    base = Path(tempfile.mkdtemp(prefix="tcdesk-cups-", dir="/tmp"))
    base.chmod(0o755)  # filters run as the 'lp' user and must reach the spool
    instance = f"tcdesk{os.getpid()}"
    cupsd_conf, files_conf, pdf_conf = _write_config(base, instance)
    queue = CupsPdfQueue(QUEUE, base / "out", str(base / "cups.sock"), base / "log")
    stdout = (base / "log" / "cupsd.out").open("w")
    command = [str(CUPSD), "-f", "-c", str(cupsd_conf), "-s", str(files_conf)]
    setpriv = shutil.which("setpriv")  # util-linux: cupsd ends if this process dies untidily
    if setpriv:
        command = [setpriv, "--pdeathsig", "TERM", "--", *command]
    process = subprocess.Popen(
        command,
        stdout=stdout,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        _wait_until_running(queue.env, process, base / "log" / "error_log")
        queue._check(
            queue.run(
                "lpadmin", "-p", QUEUE, "-E", "-v", f"cups-pdf:/{instance}", "-P", str(CUPS_PDF_PPD)
            )
        )
        queue._check(queue.run("lpadmin", "-d", QUEUE))
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("CUPS_SERVER", queue.server)
            yield queue
    finally:
        _stop(process)
        stdout.close()
        pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(base, ignore_errors=True)
