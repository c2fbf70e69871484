"""Choices that belong to this computer, not the practice: the room's screen, the printer,
this desk's office, who is on duty here, whether practice lines are spoken aloud, and
where and how often it syncs.

Kept as a small JSON file in the per-user config folder, because a laptop
carried between offices meets different screens and printers.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from tcdesk.paths import config_dir


@dataclass(frozen=True)
class MachineSettings:
    patient_screen: str = ""  # screen name, e.g. "HDMI-1"; "" = first non-primary
    patient_screen_geometry: str = ""  # "x,y,w,h" as last seen, to tell twins apart
    printer: str = ""  # quick-print queue name
    # Who is on duty at this desk, preset on a walk-in; "" = the main office, the
    # first active coordinator and doctor (see services.walk_in.on_duty).
    office_id: str = ""
    coordinator_id: str = ""
    doctor_id: str = ""
    # Where this computer keeps the practice's backups, e.g. another disk; "" = beside the
    # practice file (see services.backups.backups_folder_for).
    backups_folder: str = ""
    # "off": the family's lines in solo practice are not spoken aloud here (a quiet office);
    # anything else speaks them when an engine is installed (services.training.speech).
    speak_lines: str = "on"
    # Office sync (issue 15): this computer's path to the practice's sync folder ("" = the one
    # the last sync used) and how often the desk syncs by itself, in minutes ("0" = only on
    # demand). See tcdesk.ui.sync.sync_actions.
    sync_folder: str = ""
    sync_every_minutes: str = "5"


class MachineSettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (config_dir() / "machine.json")

    def load(self) -> MachineSettings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return MachineSettings()
        known = {k: str(v) for k, v in raw.items() if k in MachineSettings.__dataclass_fields__}
        return MachineSettings(**known)

    def save(self, settings: MachineSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(temporary, self.path)

    def update(self, **changes: str) -> MachineSettings:
        settings = replace(self.load(), **changes)
        self.save(settings)
        return settings
