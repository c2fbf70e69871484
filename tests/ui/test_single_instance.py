"""One app per practice file: a second launch hands over; a crashed owner's lock is recovered.

Real processes on a real store: the second ``python -m tcdesk --db X`` finds
the first's lock, asks it to come forward over the local socket, says why it
leaves and never opens the store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from tcdesk.ui.single_instance import (
    ALREADY_OPEN,
    SingleInstance,
    bring_to_front,
    instance_key,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def runtime(tmp_path: Path) -> Path:
    """A private runtime folder, the one Qt's RuntimeLocation names in the child processes."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    return folder


def _env(runtime: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "HOME": str(runtime.parent),
    }


def _launch(store: Path, runtime: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tcdesk", "--db", str(store)],
        env=_env(runtime),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_key_is_the_resolved_path(tmp_path: Path) -> None:
    store = tmp_path / "practice.sqlite3"
    assert instance_key(store) == instance_key(tmp_path / "sub" / ".." / "practice.sqlite3")
    assert instance_key(store) != instance_key(tmp_path / "other.sqlite3")


def test_second_launch_hands_over_to_the_first(
    qtbot: QtBot, demo_store: Path, runtime: Path
) -> None:
    """The first launch (here the test) holds the file; a real second launch asks it to raise."""
    first = SingleInstance(demo_store, runtime)
    assert first.claim()
    before = demo_store.read_bytes()
    listing = sorted(os.listdir(demo_store.parent))
    raised: list[bool] = []
    first.raise_requested.connect(lambda: raised.append(True))
    second = _launch(demo_store, runtime)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    finally:
        if second.poll() is None:
            second.kill()
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert err.strip() == f"tcdesk: {ALREADY_OPEN}"
    assert raised == [True]
    assert demo_store.read_bytes() == before  # the second never opened the store
    assert sorted(os.listdir(demo_store.parent)) == listing
    first.release()


def test_two_real_apps_on_one_store(qtbot: QtBot, demo_store: Path, runtime: Path) -> None:
    """Two real GUI processes: the second is told and leaves; the first keeps running."""
    first = _launch(demo_store, runtime)
    try:
        key = instance_key(demo_store)
        qtbot.waitUntil(lambda: (runtime / f"{key}.lock").exists(), timeout=60_000)
        time.sleep(0.5)  # the first is listening by the time its window shows
        second = _launch(demo_store, runtime)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert ALREADY_OPEN in err
        assert "Traceback" not in err
        assert first.poll() is None  # still open, now in front
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            first.kill()
    assert not (runtime / f"{instance_key(demo_store)}.lock").exists()


HOLD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from tcdesk.ui.single_instance import SingleInstance
app = QCoreApplication([])
claim = SingleInstance(Path(sys.argv[1]), Path(sys.argv[2]))
print("held" if claim.claim() else "refused", flush=True)
time.sleep(120)
"""


def test_a_lock_left_by_a_killed_app_does_not_block(
    qtbot: QtBot, tmp_path: Path, runtime: Path
) -> None:
    store = tmp_path / "practice.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store), str(runtime)],
        env=_env(runtime),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    assert not SingleInstance(store, runtime).claim()  # alive: the lock holds
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    lock = runtime / f"{instance_key(store)}.lock"
    assert lock.exists()  # the crash left its lock behind
    again = SingleInstance(store, runtime)
    assert again.claim()
    assert str(os.getpid()) in lock.read_text()
    # ... and the new owner answers the next launch
    raised: list[bool] = []
    again.raise_requested.connect(lambda: raised.append(True))
    second = _launch(store, runtime)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    assert ALREADY_OPEN in second.communicate()[1]
    assert raised == [True]
    assert not store.exists()  # the second launch never touched the file
    again.release()


def _no_modal_dialog_open() -> None:
    """Another test may leave a modal dialog open in this process; this one starts without."""
    while (modal := QApplication.activeModalWidget()) is not None:
        modal.close()
        QApplication.processEvents()


def test_the_running_window_comes_to_the_front_and_says_why(qtbot: QtBot) -> None:
    _no_modal_dialog_open()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "alreadyOpenMessage"]
    assert len(boxes) == 1 and boxes[0].isVisible()
    assert isinstance(boxes[0], QMessageBox) and boxes[0].text() == ALREADY_OPEN
    boxes[0].close()


def test_an_open_question_comes_up_over_the_window(qtbot: QtBot) -> None:
    """The first run or a question is open: it comes up and keeps the keys; no second box."""
    _no_modal_dialog_open()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    question = QMessageBox(QMessageBox.Icon.Question, "tcdesk", "End the consult?", parent=window)
    qtbot.addWidget(question)
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question)
    bring_to_front(window)
    shown = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert "alreadyOpenMessage" not in shown
    assert question.isVisible()
    question.close()


def write_screenshot(folder: Path) -> Path:
    """already-open.png: what the person who launched tcdesk a second time sees."""
    from tcdesk.ui.style import staff_stylesheet

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setStyleSheet(staff_stylesheet("#1F6F8B"))
    window.show()
    bring_to_front(window)
    [box] = [w for w in app.topLevelWidgets() if w.objectName() == "alreadyOpenMessage"]
    app.processEvents()
    path = folder / "already-open.png"
    assert box.grab().save(str(path)), path
    box.close()
    window.close()
    return path


if __name__ == "__main__":  # python -m tests.ui.<module> [--out] docs/screenshots
    _folder = Path(next(a for a in sys.argv[1:] if a != "--out"))
    print(write_screenshot(_folder))
