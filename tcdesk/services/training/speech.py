"""The family's lines spoken aloud with an offline engine (espeak-ng), where one is installed.

Speech is a nicety of solo practice, never a dependency: with no engine, a
switched-off setting or an engine that fails, a line is simply not spoken.
``Speaker.speak`` starts the engine and returns at once (the UI never waits
for a voice); a new line stops the one still being said, so two lines never
talk over each other. Nothing here raises to a user.

On or off is a choice of this computer (``MachineSettings.speak_lines``): an
open-plan office may want it off, a training room on.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from tcdesk.services.machine_settings import MachineSettings, MachineSettingsStore

log = logging.getLogger(__name__)

ENGINES = ("espeak-ng",)  # looked up on PATH, in this order
VOICES = {"en": "en-us", "es": "es-419"}  # es-419: Latin American Spanish (US families)
WORDS_PER_MINUTE = 160  # a little slower than espeak's 175: a family, not a robot
MAX_CHARACTERS = 2000  # a line is a sentence or three; more is a mistake, not a line
ON, OFF = "on", "off"

Speak = Callable[[str, str], None]  # speak(text, language): what a session is given


def voice_for(language: str) -> str:
    """The engine's voice for a persona's language ("en", "es", "es-MX" ...); English otherwise."""
    base = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    return VOICES.get(base, VOICES["en"])


def engine_command(engine: str, language: str) -> list[str]:
    """The command that says the text read from its standard input (never from arguments:
    a line starting with "-" must not be taken for an option)."""
    return [engine, "-v", voice_for(language), "-s", str(WORDS_PER_MINUTE), "--stdin"]


def find_engine(path: str | None = None) -> str | None:
    """The installed engine's full path, or None (``path``: a PATH to search instead)."""
    for name in ENGINES:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


@dataclass
class Speaker:
    """Says one line at a time; ``speak`` is the callable a practice session is given."""

    engine: str | None  # the engine's path; None: silent
    enabled: bool = True

    @classmethod
    def installed(cls, enabled: bool = True, path: str | None = None) -> Speaker:
        return cls(find_engine(path), enabled)

    @classmethod
    def from_settings(cls, settings: MachineSettings, path: str | None = None) -> Speaker:
        return cls.installed(speech_on(settings), path)

    def __post_init__(self) -> None:
        self._current: subprocess.Popen[bytes] | None = None

    @property
    def can_speak(self) -> bool:
        return self.enabled and self.engine is not None

    @property
    def speaking(self) -> bool:
        return self._current is not None and self._current.poll() is None

    def speak(self, text: str, language: str = "en") -> None:
        """Start saying ``text`` and return; stops the previous line first."""
        self.stop()
        words = " ".join((text or "").split())[:MAX_CHARACTERS]
        if not words or not self.can_speak:
            return
        assert self.engine is not None
        try:
            process = subprocess.Popen(
                engine_command(self.engine, language),
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl+C in a terminal is not the voice's
            )
            assert process.stdin is not None
            process.stdin.write(words.encode("utf-8"))  # well under a pipe's buffer
            process.stdin.close()
        except (OSError, ValueError) as error:
            log.info("speech: %s could not speak: %s", self.engine, error)
            return
        self._current = process

    def stop(self) -> None:
        """Cut the line being said (if any); harmless when nothing is."""
        process, self._current = self._current, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError):
            process.terminate()


def speech_on(settings: MachineSettings) -> bool:
    return settings.speak_lines.strip().lower() != OFF


def set_speech(store: MachineSettingsStore, on: bool) -> MachineSettings:
    """Turn speaking the family's lines on or off on this computer."""
    return store.update(speak_lines=ON if on else OFF)


def silent(text: str, language: str = "en") -> None:
    """A ``Speak`` that says nothing (tests, and a computer with speech off)."""
