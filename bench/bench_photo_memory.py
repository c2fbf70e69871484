"""Peak memory of the real app presenting a consult with a 60-megapixel photo, beside the same
consult without it.

    .venv/bin/python bench/bench_photo_memory.py [-n 5] [--stored imported|full-size]

Without a DISPLAY it starts its own Xvfb with two monitors
(tcdesk.devtools.virtual_screens) and re-runs itself there. Two copies of the
demo practice: in one, the teen consult gets a 10000x6000 JPEG (60 MP, made
here with Pillow); the other is left as it is. ``--stored imported`` (the
default) brings the photo in as a TC does (``tcdesk record photo add``, in its
own process, not measured); ``--stored full-size`` puts the untouched file
in the media folder with its row, as a practice file from before display
copies holds it (the lazy path must shrink it the first time it is shown);
``--stored in-app`` imports it inside the measured process just before
presenting (the record's Add photos, then Present), from a fresh copy of the
practice file each round.

Each round, alternating, starts from a fresh copy of its practice file (the
media folder is shared by the rounds) and runs ``tcdesk --db FILE`` (the sign-in answered
as if the TC had), presents the consult on both windows (the TC's console
and the family's full-screen display on the second monitor), walks every
step with the clicker's Right key, letting both windows repaint, and walks
back; then the process reports its own peak RSS (``VmHWM``). Medians.
Goals: at most 300 MB with the photo, at most 250 MB without.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tcdesk.services.backups import media_dir_for  # noqa: E402  (the name, without Pillow)

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"
PHOTO_SIZE = (10_000, 6_000)
GOAL_WITH_MB = 300
GOAL_WITHOUT_MB = 250

APP = """
import os, sys
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
import tcdesk.ui.app as app
app.sign_in_at_launch = lambda desk: True
made = []
real_init = app.Application.__init__
def init(self, *args, **kwargs):
    real_init(self, *args, **kwargs)
    made.append(self)
    QTimer.singleShot(300, present)
app.Application.__init__ = init
def peak_mb():
    with open("/proc/self/status") as f:
        line = next(x for x in f if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
def settle():
    for _ in range(6):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
def present():
    application = made[0]
    if len(sys.argv) > 3:  # imported in this process, as the record's Add photos does
        from tcdesk.services import consult_photos
        consult_photos.add_photos(application.desk, sys.argv[2], [sys.argv[3]])
    application.present(sys.argv[2])
    controller = application.presentation
    controller.start()
    settle()
    target = controller.display or controller.stage
    session = controller.room.session
    screen = target.windowHandle().screen().name() if controller.display else "none"
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
        for _ in range(len(session.steps) + 1):
            event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(target, event)
            settle()
    print(f"PEAK {peak_mb():.1f} {len(session.steps)} {screen}", flush=True)
    os._exit(0)
from tcdesk.cli import main
main(["--db", sys.argv[1]])
"""


def make_photo(path: Path, size: tuple[int, int] = PHOTO_SIZE) -> None:
    """A smooth 60-MP JPEG (gradients and soft noise): about 9 MB, like a camera's."""
    from PIL import Image

    w, h = size
    red = Image.linear_gradient("L").resize((w, h))
    green = Image.radial_gradient("L").resize((w, h))
    blue = Image.effect_noise((w // 8, h // 8), 60).resize((w, h), Image.Resampling.BICUBIC)
    Image.merge("RGB", (red, green, blue)).save(path, quality=90)


def _tcdesk(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "tcdesk", *args],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )


def _add_full_size(db: Path, photo: Path) -> None:
    """The photo as an old practice file holds it: the original bytes, content-addressed."""
    from tcdesk.domain import PatientPhoto
    from tcdesk.services.desk import Desk
    from tcdesk.services.ids import new_id

    data = photo.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{digest[:2]}/{digest}.jpg"
    target = media_dir_for(db) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    desk = Desk.open(db)
    try:
        consult = desk.consults.get(TEEN_CONSULT)
        row = PatientPhoto(
            id=new_id(),
            patient_id=consult.patient_id,
            path=relative,
            caption="60 MP",
            position=99,
            consult_id=TEEN_CONSULT,
            sha256=digest,
            width=PHOTO_SIZE[0],
            height=PHOTO_SIZE[1],
        )
        desk.patients.save_photo(row)
    finally:
        desk.close()


def _run(env: dict[str, str], db: Path, *photo: str) -> tuple[float, str]:
    done = subprocess.run(
        [sys.executable, "-c", APP, str(db), TEEN_CONSULT, *photo],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("PEAK")), None)
    if line is None:
        raise SystemExit(f"the consult was not presented:\n{done.stdout}\n{done.stderr[-3000:]}")
    _word, megabytes, steps, screen = line.split()
    return float(megabytes), f"{steps} steps, display on {screen}"


def _fresh(pristine: Path, run: Path) -> Path:
    """``run`` as a copy of ``pristine`` (never opened by an app), so every round starts
    from the same practice file: no consult left to resume, no log of the last round."""
    for stale in (run, run.with_name(run.name + "-wal"), run.with_name(run.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(pristine, run)
    return run


def run(rounds: int, stored: str) -> int:
    folder = Path(tempfile.mkdtemp(prefix="tcdesk-photo-memory-"))
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("TCDESK_PASSPHRASE", "TCDESK_DB")}
        env["XDG_CONFIG_HOME"] = str(folder / "config")  # machine settings of our own
        env["XDG_DATA_HOME"] = str(folder / "data")
        pristine = folder / "pristine.sqlite3"
        _tcdesk(env, "demo", "--db", str(pristine))
        without, with_photo = folder / "without.sqlite3", folder / "with.sqlite3"
        photo = folder / "sixty-megapixels.jpg"
        make_photo(photo)
        if stored != "in-app":  # the photo's row goes into the copy the rounds start from
            pristine_with = _fresh(pristine, folder / "pristine-with.sqlite3")
            if stored == "imported":
                add = ("record", "photo", "add", TEEN_CONSULT, str(photo))
                _tcdesk(env, *add, "--db", str(pristine_with))
            else:
                _add_full_size(pristine_with, photo)
            # the media folder is shared by the rounds: a display copy made in the first stays
            shutil.copytree(media_dir_for(pristine_with), media_dir_for(with_photo))
        ours: list[float] = []
        bare: list[float] = []
        note = ""
        for _ in range(rounds):
            if stored == "in-app":  # every round imports the photo into its own copy
                shutil.rmtree(media_dir_for(with_photo), ignore_errors=True)
                megabytes, note = _run(env, _fresh(pristine, with_photo), str(photo))
            else:
                megabytes, note = _run(env, _fresh(pristine_with, with_photo))
            ours.append(megabytes)
            bare.append(_run(env, _fresh(pristine, without))[0])
        a, b = statistics.median(ours), statistics.median(bare)
        print(f"({note}; photo stored {stored}; {rounds} rounds each, alternating)")
        print(f"with the 60-MP photo     median {a:6.0f} MB  (runs {_list(ours)})")
        print(f"without it               median {b:6.0f} MB  (runs {_list(bare)})")
        goals = f"at most {GOAL_WITH_MB} MB with, {GOAL_WITHOUT_MB} without"
        print(f"ratio {a / b:.2f}x; goals: {goals}")
        return 0 if a <= GOAL_WITH_MB and b <= GOAL_WITHOUT_MB else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="rounds of each (default 5)")
    parser.add_argument("--stored", choices=("imported", "full-size", "in-app"), default="imported")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        from tcdesk.devtools.virtual_screens import virtual_screens

        with virtual_screens() as display:
            env = {**os.environ, "DISPLAY": display}
            return subprocess.run([sys.executable, *sys.argv], env=env, cwd=ROOT).returncode
    return run(args.n, args.stored)


if __name__ == "__main__":
    raise SystemExit(main())
