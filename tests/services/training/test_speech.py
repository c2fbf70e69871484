"""The family's lines spoken with espeak-ng where installed; silent and never failing without."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import wave
from pathlib import Path

import pytest

from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.training.speech import (
    Speaker,
    engine_command,
    find_engine,
    set_speech,
    speech_on,
    voice_for,
)

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed here")


def _fake_engine(folder: Path, seconds: float = 0.0) -> Path:
    """A stand-in engine on a private PATH: writes what it was asked to say (its arguments
    and its standard input) to a file, then lingers ``seconds`` like a voice speaking."""
    folder.mkdir(exist_ok=True)
    script = folder / "espeak-ng"
    script.write_text(
        "#!/bin/sh\n"
        f'out="{folder}/said.$$"\n'
        'echo "$@" > "$out.args"\n'
        'cat > "$out.text"\n'
        f"sleep {seconds}\n"
        'touch "$out.done"\n'
    )
    script.chmod(0o755)
    return script


def _wait_for(predicate, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_voices_follow_the_persona_language() -> None:
    assert voice_for("en") == "en-us"
    assert voice_for("es") == "es-419" and voice_for("es-MX") == "es-419"
    assert voice_for("") == "en-us" and voice_for("fr") == "en-us"
    command = engine_command("/usr/bin/espeak-ng", "es")
    assert command[:3] == ["/usr/bin/espeak-ng", "-v", "es-419"] and command[-1] == "--stdin"


@needs_espeak
@pytest.mark.parametrize(
    ("language", "line"),
    [("en", "Wow. That's more than I expected."), ("es", "¿Y cuánto es el enganche?")],
)
def test_the_real_engine_writes_a_real_voice_for_each_language(tmp_path, language, line) -> None:
    assert find_engine() == ESPEAK
    wav = tmp_path / "line.wav"
    voice = engine_command(ESPEAK, language)[1:3]
    subprocess.run([ESPEAK, *voice, "-w", str(wav), line], check=True, timeout=30)
    with wave.open(str(wav)) as sound:
        assert sound.getnframes() > sound.getframerate() // 2  # more than half a second of voice


@needs_espeak
def test_the_real_engine_speaks_without_blocking_and_never_raises_headless() -> None:
    speaker = Speaker.installed()
    assert speaker.can_speak
    started = time.monotonic()
    speaker.speak("Let me think about it and talk to Maya's dad.", "en")
    assert time.monotonic() - started < 0.5  # started, not waited for
    speaker.stop()  # no sound card here: the engine fails quietly, we still return


def test_speaking_starts_the_engine_and_returns_at_once(tmp_path) -> None:
    folder = tmp_path / "bin"
    engine = _fake_engine(folder, seconds=3)
    speaker = Speaker.installed(path=str(folder))
    assert speaker.engine == str(engine)
    started = time.monotonic()
    speaker.speak("  -v  Wow.\nThat's more  than I expected. ", "es")
    assert time.monotonic() - started < 1.0
    assert speaker.speaking
    texts = lambda: sorted(folder.glob("said.*.text"))  # noqa: E731
    assert _wait_for(lambda: texts() and texts()[0].read_text())
    (said,) = texts()
    assert said.read_text() == "-v Wow. That's more than I expected."  # words, not options
    args = said.with_suffix(".args").read_text().split()
    assert args == ["-v", "es-419", "-s", "160", "--stdin"]
    speaker.stop()
    assert _wait_for(lambda: not speaker.speaking)


def test_a_new_line_stops_the_one_still_being_said(tmp_path) -> None:
    folder = tmp_path / "bin"
    _fake_engine(folder, seconds=5)
    speaker = Speaker.installed(path=str(folder))
    speaker.speak("The first line, a long one.")
    first = speaker._current
    speaker.speak("The second line.")
    assert first is not None and _wait_for(lambda: first.poll() is not None, 2)
    assert first.returncode != 0  # cut, not finished
    assert speaker.speaking and speaker._current is not first
    speaker.stop()


def test_without_an_engine_nothing_is_spoken_and_nothing_fails(tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    speaker = Speaker.installed(path=str(empty))
    assert speaker.engine is None and not speaker.can_speak
    speaker.speak("Wow. That's more than I expected.", "en")
    assert not speaker.speaking


def test_an_engine_that_cannot_start_is_silent(tmp_path) -> None:
    broken = tmp_path / "espeak-ng"
    broken.write_text("not a program")
    broken.chmod(0o755)
    speaker = Speaker(str(broken))
    speaker.speak("Hello.")  # exec fails: logged, not raised
    assert not speaker.speaking
    Speaker(str(tmp_path / "gone")).speak("Hello.")


def test_speech_switched_off_on_this_computer_stays_silent(tmp_path) -> None:
    folder = tmp_path / "bin"
    _fake_engine(folder)
    store = MachineSettingsStore(tmp_path / "machine.json")
    assert speech_on(store.load())  # on by default
    set_speech(store, False)
    assert not speech_on(store.load())
    quiet = Speaker.from_settings(store.load(), path=str(folder))
    quiet.speak("Nobody hears this.")
    assert not quiet.speaking and not list(folder.glob("said.*"))
    set_speech(store, True)
    assert Speaker.from_settings(store.load(), path=str(folder)).can_speak


def test_an_empty_line_is_not_spoken(tmp_path) -> None:
    folder = tmp_path / "bin"
    _fake_engine(folder)
    speaker = Speaker.installed(path=str(folder))
    speaker.speak("   \n ")
    assert not speaker.speaking
    assert os.listdir(folder) == ["espeak-ng"]


def test_the_coordinator_turns_speech_off_and_on_from_the_command_line(capsys) -> None:
    from tcdesk.cli import main

    assert main(["training", "speech", "off"]) == 0
    assert capsys.readouterr().out == "Speaking the family's lines: off.\n"
    assert not speech_on(MachineSettingsStore().load())
    assert main(["training", "speech"]) == 0
    assert "off" in capsys.readouterr().out
    assert main(["training", "speech", "on"]) == 0
    assert capsys.readouterr().out.startswith("Speaking the family's lines: on, ")
    assert speech_on(MachineSettingsStore().load())
