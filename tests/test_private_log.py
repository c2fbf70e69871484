"""tcdesk's log and crash reports are private and hold no patient data."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from tcdesk import crash_log
from tcdesk.paths import log_dir
from tcdesk.private_log import LOG_NAME, describe, scrub, start_log

MARKER = "Qzvmarker"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_scrub_keeps_the_words_of_a_message_and_drops_its_values() -> None:
    assert scrub("time data '9999-12' does not match format '%Y-%m-%d'") == (
        "time data '…' does not match format '…'"
    )
    assert scrub("Zoë born 2012-03-04, phone 503-555-0101, renee@example.com") == (
        "… born #-#-#, phone #-#-#, …@…"
    )


def _crash(value: str) -> BaseException:
    try:
        try:
            int(value)
        except ValueError as error:
            raise KeyError(f"{value} missing") from error
    except KeyError as error:
        return error
    raise AssertionError("no error")


def test_a_crash_report_is_private_and_keeps_the_code_path_not_the_values() -> None:
    typed = f"{MARKER} Zoë 2012-03-04 {MARKER.lower()}@example.com"
    path = crash_log.write_crash_report(_crash(typed))
    text = path.read_text(encoding="utf-8")
    assert MARKER not in text and MARKER.lower() not in text and "2012" not in text
    assert "Zoë" not in text
    assert "builtins.ValueError: invalid literal for int() with base #" in text
    assert "builtins.KeyError" in text and "in _crash" in text
    assert path.parent == log_dir()
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700


def test_describe_follows_the_chain_of_causes() -> None:
    text = describe(_crash("x"))
    assert text.index("ValueError") < text.index("The above led to") < text.index("KeyError")


def test_the_app_log_rotates_in_private_files_and_tightens_older_ones(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)
    older = folder / "crash.log"
    older.write_text("from an older tcdesk\n")
    older.chmod(0o644)
    target = start_log(folder)
    assert target == folder / LOG_NAME
    logger = logging.getLogger("tcdesk")
    try:
        for n in range(30_000):  # ~2 MB: the file rotates at 1 MB
            logger.info("saved a note revision %d", n)
        files = sorted(folder.glob(f"{LOG_NAME}*"))
        assert len(files) >= 2
        assert all(_mode(f) == 0o600 for f in files)
        assert _mode(folder) == 0o700 and _mode(older) == 0o600
        try:
            raise ValueError(f"bad value '{MARKER}'")
        except ValueError:
            logger.exception("while saving")
        for handler in logger.handlers:
            handler.flush()
        assert MARKER not in target.read_text(encoding="utf-8")
    finally:
        start_log(tmp_path / "elsewhere")  # let go of the files in this test's folder
