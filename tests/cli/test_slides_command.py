"""``tcdesk slides``: PNGs of every patient-facing step, drawn by the live display's code."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tcdesk.cli import main
from tests.ui.presentation.conftest import TEEN_CONSULT


def test_exports_every_step_at_the_asked_size(
    demo_store: Path, tmp_path: Path, capsys, qapp
) -> None:
    out = tmp_path / "slides"
    assert (
        main(
            [
                "slides",
                "--db",
                str(demo_store),
                "--consult",
                TEEN_CONSULT,
                "--out",
                str(out),
                "--size",
                "1280x720",
            ]
        )
        == 0
    )
    files = sorted(out.glob("*.png"))
    assert len(files) == 9
    assert [str(p) for p in files] == capsys.readouterr().out.split()
    image = QImage(str(files[0]))
    assert (image.width(), image.height()) == (1280, 720)
    assert "Zoë" in image.text("Description")

    # the family's name stays readable in the file names, and only the user can read them
    assert any("zoë" in p.name for p in files), [p.name for p in files]
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in files)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    assert sorted(os.listdir(out)) == [p.name for p in files]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--consult", "no-such-consult"], "No consult with id no-such-consult"),
        (
            ["--consult", TEEN_CONSULT, "--size", "big"],
            "--size must be WIDTHxHEIGHT in pixels, like 1920x1080, from 320x180 to 7680x4320",
        ),
        (
            ["--consult", TEEN_CONSULT, "--size", "10x10"],
            "--size 10x10 is outside 320x180 to 7680x4320: the width must be 320-7680 and the "
            "height 180-4320 pixels.",
        ),
        (["--consult", TEEN_CONSULT, "--size", "100000x100"], "outside 320x180 to 7680x4320"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    demo_store: Path, tmp_path: Path, capsys, args, message
) -> None:
    code = main(["slides", "--db", str(demo_store), "--out", str(tmp_path / "x"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()
