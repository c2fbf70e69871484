"""``tcdesk record``: the consult record from the command line, the app's words and rules."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services import agreements
from tcdesk.services.desk import Desk
from tcdesk.services.media import media_dir_for
from tests.services.record_seed import NOW, open_practice, portrait_jpeg, save_plan


@pytest.fixture
def store(empty_store: Path) -> Path:
    desk, _cid = open_practice(empty_store)
    desk.close()
    return empty_store


def run(store: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["record", *argv, "--db", str(store)], clock=lambda: NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def show(store: Path, capsys) -> dict:
    code, out, _err = run(store, capsys, "show", "co-mia", "--json")
    assert code == 0
    return json.loads(out)


def test_fill_in_a_record_and_show_it(store: Path, capsys, tmp_path: Path) -> None:
    assert run(store, capsys, "concern", "co-mia", "She hides her smile")[0] == 0
    assert run(store, capsys, "priorities", "co-mia", "school photos", "cost", "Cost")[0] == 0
    code, out, _ = run(
        store, capsys, "finding", "add", "co-mia", "--code", "crowding", "--severity", "moderate"
    )
    assert code == 0 and out.startswith("Finding added: ")
    assert run(store, capsys, "option", "add", "co-mia", "--fee-line", "metal_braces")[0] == 0
    assert run(
        store, capsys, "option", "add", "co-mia", "--fee-line", "clear_aligners",
        "--fee", "6100", "--reason", "Extra refinements", "--recommended",
    )[0] == 0  # fmt: skip
    photo = portrait_jpeg(tmp_path / "smile.jpg")
    code, out, _ = run(store, capsys, "photo", "add", "co-mia", str(photo), "--caption", "Smile")
    assert code == 0 and out.startswith("1 picture(s) added")
    assert run(store, capsys, "flow", "co-mia", "adult_aligners")[0] == 0
    shown = show(store, capsys)
    assert shown["concern"] == "She hides her smile"
    assert shown["priorities"] == ["school photos", "cost"]
    assert [f["code"] for f in shown["findings"]] == ["crowding"]
    assert [(o["type"], o["fee_cents"], o["recommended"]) for o in shown["options"]] == [
        ("metal_braces", 560_000, False),
        ("clear_aligners", 610_000, True),
    ]
    assert shown["options"][1]["fee_reason"] == "Extra refinements"
    assert [(p["width"], p["height"], p["caption"]) for p in shown["photos"]] == [
        (480, 640, "Smile")
    ]
    assert shown["flow"]["chosen"] == "adult_aligners"
    assert shown["flow"]["automatic"] == "teen_comprehensive"
    code, text, _ = run(store, capsys, "show", "co-mia")
    assert "★ Clear aligners: $6,100.00 (schedule $5,900.00: Extra refinements)" in text
    finding_id = shown["findings"][0]["id"]
    assert run(store, capsys, "finding", "edit", finding_id, "--severity", "severe")[0] == 0
    assert run(store, capsys, "option", "remove", shown["options"][0]["id"])[0] == 0
    assert run(store, capsys, "photo", "caption", shown["photos"][0]["id"], "Front smile")[0] == 0
    assert run(store, capsys, "flow", "co-mia", "auto")[0] == 0
    again = show(store, capsys)
    assert again["findings"][0]["severity"] == "severe" and len(again["options"]) == 1
    assert again["photos"][0]["caption"] == "Front smile" and again["flow"]["chosen"] == "auto"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("finding", "add", "co-mia", "--code", "gaps", "--severity", "mild"), '"gaps" is not'),
        (
            ("option", "add", "co-mia", "--fee-line", "metal_braces", "--fee", "5000"),
            "differs from the fee schedule's $5,600.00",
        ),
        (("option", "add", "co-mia", "--fee-line", "gold"), 'No fee schedule line "gold"'),
        (("flow", "co-mia", "nope"), 'No flow "nope"'),
        (("concern", "nope", "x"), "No consult with id nope"),
        (("finding", "remove", "nope"), "No finding with id nope"),
    ],
)
def test_refusals_are_one_line_and_exit_2(store: Path, capsys, argv, words) -> None:
    code, out, err = run(store, capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err


def test_an_unreadable_picture_is_refused(store: Path, capsys, tmp_path: Path) -> None:
    bad = tmp_path / "scan.jpg"
    bad.write_text("nope")
    code, _out, err = run(store, capsys, "photo", "add", "co-mia", str(bad))
    assert code == 2 and "scan.jpg is not a readable picture" in err
    assert show(store, capsys)["photos"] == []


def test_a_decompression_bomb_is_refused_and_nothing_is_kept(
    store: Path, capsys, tmp_path: Path
) -> None:
    """A PNG claiming 40000 x 40000 pixels (1.6 billion) is refused from its header alone."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    bomb = tmp_path / "pano.png"
    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 2, 0, 0, 0)
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    code, out, err = run(store, capsys, "photo", "add", "co-mia", str(bomb))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("tcdesk: ") and "pano.png is too large an image to open safely" in err
    assert show(store, capsys)["photos"] == []
    assert not media_dir_for(store).exists()


def test_a_consult_with_an_agreement_needs_yes(store: Path, capsys) -> None:
    run(store, capsys, "option", "add", "co-mia", "--fee-line", "metal_braces")
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        save_plan(desk, "co-mia", show_options(desk)[0])
        number = agreements.generate(desk, "co-mia").number
    finally:
        desk.close()
    code, _out, err = run(store, capsys, "concern", "co-mia", "Crooked teeth")
    assert code == 2
    assert f"financial agreement (No. {number}, version 1)" in err and "--yes" in err
    assert show(store, capsys)["concern"] == ""
    code, _out, err = run(store, capsys, "concern", "co-mia", "Crooked teeth", "--yes")
    assert code == 0 and "a new agreement version will be needed" in err
    assert show(store, capsys)["concern"] == "Crooked teeth"
    # QA 16: a mistake is named first, not after the TC has added --yes.
    nine = [f"thing {n}" for n in range(9)]
    code, _out, err = run(store, capsys, "priorities", "co-mia", *nine)
    assert code == 2 and "--yes" not in err and "Keep to the 8 things" in err
    option = show(store, capsys)["options"][0]["id"]
    code, _out, err = run(store, capsys, "option", "edit", option, "--fee", "-5")
    assert (code, err) == (2, "tcdesk: --fee: The fee cannot be negative.\n")


def show_options(desk: Desk) -> list[str]:
    return [o.id for o in desk.consults.options("co-mia")]


def test_the_slide_check_passes_with_imported_photos(store: Path, capsys, tmp_path) -> None:
    run(store, capsys, "finding", "add", "co-mia", "--code", "crowding", "--severity", "moderate")
    run(store, capsys, "option", "add", "co-mia", "--fee-line", "metal_braces")
    picture = portrait_jpeg(tmp_path / "smile.jpg")
    run(store, capsys, "photo", "add", "co-mia", str(picture), "--caption", "Your smile")
    assert main(["slides", "check", "--db", str(store)], clock=lambda: NOW) == 0
    assert "read from across the room" in capsys.readouterr().out
