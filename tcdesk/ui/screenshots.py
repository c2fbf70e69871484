"""Take the README's screenshots from the demo practice, with the real widgets.

``python -m tcdesk.ui.screenshots --out docs/screenshots`` (``make screenshots``)
builds the demo in a temporary file and saves PNGs of the staff window, the
console and every step of a demo consult at 1920x1080, so what the README shows
is what the app draws.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"  # Zoë, the demo's 09:00 teen


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("--day", default="", help="demo day YYYY-MM-DD (default today)")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.ui.main_window import MainWindow
    from tcdesk.ui.style import staff_stylesheet

    day = date.fromisoformat(args.day) if args.day else date.today()
    moment = datetime.combine(day, time(9, 5)).astimezone(UTC)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = Desk.open(Path(folder) / "demo.sqlite3", clock=lambda: moment)
        build_demo(desk, day)
        app.setStyleSheet(staff_stylesheet(desk.practice().brand_color))
        window = MainWindow(desk, day, on_present=lambda _cid: None)
        window.resize(1600, 900)
        window.show()
        window.refresh_patients()
        model = window.model
        zoe = next(r for r in range(model.rowCount()) if ", Zoë" in model.cells(r)[0])
        window.select_patient(model.patient_id(zoe))
        _settle(app)
        grab(window, out / "patient-window.png")
        window.close()
        _present(app, desk, day, out)
        desk.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


def _present(app: QApplication, desk, day: date, out: Path) -> None:
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser
    from tcdesk.ui.slide_export import export_slides

    kit = PresentationKit.load()
    room = ConsultRoom(desk, TEEN_CONSULT, kit, resume=False)
    for stale in out.glob("step-*.png"):
        stale.unlink()
    for number, path in enumerate(export_slides(room.slides, out, 1920, 1080), start=1):
        named = out / f"step-{number:02d}-{room.session.steps[number - 1].id}.png"
        path.replace(named)
        print(named)
    settings = MachineSettingsStore(Path(tempfile.mkdtemp()) / "machine.json")
    controller = PresentationController(room, ScreenChooser(settings), day, single_screen=False)
    controller.show()
    for _ in range(3):
        controller.do(controller_action("next"))
    controller.notes.editor.setPlainText("Mom asked about sports mouthguards; dad decides on cost.")
    controller.notes.flush()
    controller.room.elapsed_seconds = 7 * 60 + 11
    controller._tick()
    _settle(app, 10)
    assert controller.console is not None
    controller.console.resize(1920, 1080)
    _settle(app, 10)
    grab(controller.console, out / "console.png")
    while controller.room.session.step.kind != "payment":  # the ways to pay
        controller.do(controller_action("next"))
    controller.room.elapsed_seconds = 17 * 60 + 39
    controller._tick()
    controller.payment.pick("low_down")
    controller.payment.down_spin.setValue(400)
    _settle(app, 10)
    controller.payment.show_on_screen()  # tried privately, then shown to the family
    _settle(app, 10)
    grab(controller.console, out / "console-investment.png")
    live = controller.patient_view()
    live.resize(1920, 1080)
    _settle(app, 5)
    grab(live, out / "investment-adjusted.png")
    controller.end()
    single = PresentationController(
        ConsultRoom(desk, TEEN_CONSULT, kit), ScreenChooser(settings), day, single_screen=True
    )
    single.show()
    assert single.stage is not None
    single.stage.resize(1920, 1080)
    single.do(controller_action("next"))
    single.do(controller_action("next"))
    _settle(app, 10)
    grab(single.stage, out / "single-screen-sidebar.png")
    single.end()


def controller_action(name: str):
    from tcdesk.ui.presentation.keymap import Action

    return Action(name)


if __name__ == "__main__":
    raise SystemExit(main())
