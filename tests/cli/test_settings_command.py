"""The settings commands: same words as the app, --json lists, bad input = one line, exit 2,
nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.cli import main
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tests.conftest import FIXED_NOW


@pytest.fixture
def store(empty_store: Path) -> Path:
    desk = Desk.open(empty_store)
    set_up_practice(
        desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Torres", "Dr. Lee")
    )
    desk.close()
    return empty_store


def run(store: Path, *args: str) -> int:
    return main([*args, "--db", str(store)], clock=lambda: FIXED_NOW)


def snapshot(store: Path) -> list:
    desk = Desk.open(store, create=False)
    try:
        return [
            desk.db.execute(f"SELECT * FROM [{t}] ORDER BY rowid").fetchall()
            for t in (
                "practices",
                "offices",
                "staff",
                "fee_schedule",
                "financial_policies",
                "audit_log",
            )
        ]
    finally:
        desk.close()


def test_show_json_has_every_area(store: Path, capsys) -> None:
    assert run(store, "settings", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["practice"]["name"] == "Lakeside Orthodontics"
    assert [o["name"] for o in shown["offices"]] == ["Lakeside"]
    assert {s["role"] for s in shown["staff"]} == {"coordinator", "doctor"}
    assert shown["fees"][0]["name"] == "Metal braces" and shown["fees"][0]["fee_cents"] == 560_000
    assert shown["policy"]["late_fee"] == "35.00" and shown["own_terms"] is False


def test_practice_details_and_logo(store: Path, tmp_path: Path, capsys) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (10, 90, 60)).save(logo)
    assert (
        run(
            store,
            "settings",
            "practice",
            "--name",
            "Lakeside Family Ortho",
            "--colour",
            "#0a5a3c",
            "--phone",
            "555 010 2000",
            "--logo",
            str(logo),
        )
        == 0
    )
    capsys.readouterr()
    assert run(store, "settings", "show", "--json") == 0
    practice = json.loads(capsys.readouterr().out)["practice"]
    assert practice["name"] == "Lakeside Family Ortho" and practice["brand_color"] == "#0A5A3C"
    assert Path(practice["logo_file"]).is_file()


def test_lists_add_edit_remove(store: Path, capsys) -> None:
    assert run(store, "offices", "add", "--name", "Northside", "--phone", "555 010 3000") == 0
    assert (
        run(
            store,
            "staff",
            "add",
            "--name",
            "Sam Okafor",
            "--role",
            "admin",
            "--office",
            "Northside",
        )
        == 0
    )
    assert run(store, "fees", "edit", "Metal braces", "--fee", "5,900") == 0
    assert run(store, "staff", "add", "--name", "Kim Ito", "--role", "coordinator") == 0
    assert run(store, "staff", "deactivate", "Ana Torres") == 0
    assert run(store, "offices", "remove", "Northside") == 0
    capsys.readouterr()
    assert run(store, "offices", "list", "--json") == 0
    assert [o["name"] for o in json.loads(capsys.readouterr().out)] == ["Lakeside"]
    assert run(store, "staff", "list", "--json") == 0
    people = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert people["Ana Torres"]["active"] is False and people["Sam Okafor"]["role"] == "admin"
    assert run(store, "fees", "list", "--json") == 0
    braces = json.loads(capsys.readouterr().out)[0]
    assert braces["fee"] == "5900.00" and braces["fee_cents"] == 590_000
    assert run(store, "staff", "list") == 0
    table = capsys.readouterr().out
    assert "Sam Okafor" in table and "inactive" in table


def test_policy_and_terms(store: Path, tmp_path: Path, capsys) -> None:
    assert run(store, "policy", "set", "--pif-discount-pct", "3", "--late-fee", "40") == 0
    capsys.readouterr()
    assert run(store, "policy", "show", "--json") == 0
    policy = json.loads(capsys.readouterr().out)
    assert policy["pif_discount_pct"] == "3" and policy["late_fee"] == "40.00"
    own = tmp_path / "terms.md.j2"
    own.write_text("# Our terms\n\nLate after {{ late_fee_days }} days.\n", encoding="utf-8")
    assert run(store, "terms", "set", str(own)) == 0
    capsys.readouterr()
    assert run(store, "terms", "show", "--rendered") == 0
    assert capsys.readouterr().out == "# Our terms\n\nLate after 10 days.\n"
    assert run(store, "terms", "reset") == 0
    capsys.readouterr()
    assert run(store, "terms", "show") == 0
    assert capsys.readouterr().out.startswith("{#-")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("fees", "edit", "Metal braces", "--fee", "-5"), "--fee: The fee cannot be negative."),
        (("fees", "edit", "Gold braces", "--fee", "5"), 'There is no fee "Gold braces"'),
        (("policy", "set", "--apr-pct", "50"), "--apr-pct: The APR must be between 0% and 36%."),
        (("policy", "set"), "Give at least one rule to change"),
        (
            ("settings", "practice", "--colour", "teal"),
            "--colour: The colour must look like #1F6F8B.",
        ),
        (("offices", "remove", "Lakeside"), "Lakeside is the main office"),
        (("staff", "add", "--name", "Kim", "--role", "dentist"), "--role: The role is coordinator"),
        (("terms", "set", "missing.j2"), "Cannot read missing.j2"),
        (("staff", "add", "--name", "ana  torres"), "--name: Ana Torres ("),
        (
            ("staff", "deactivate", "Ana Torres"),
            "Ana Torres is the only active treatment coordinator; add another coordinator",
        ),
        (
            ("staff", "edit", "Dr. Lee", "--role", "admin"),
            "--role: Dr. Lee is the only active doctor; add another doctor before changing",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_changed(store: Path, capsys, args, says) -> None:
    before = snapshot(store)
    assert run(store, *args) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert snapshot(store) == before


def test_a_terms_file_that_does_not_render_is_refused_with_the_reason(
    store: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "bad.j2"
    bad.write_text("# Terms\n\n{{ nope }}\n", encoding="utf-8")
    before = snapshot(store)
    assert run(store, "terms", "set", str(bad)) == 2
    err = capsys.readouterr().err
    assert "line 3: 'nope' is undefined" in err
    assert snapshot(store) == before


def test_the_terms_figures_are_policy_options(store: Path, capsys) -> None:
    assert (
        run(store, "policy", "set", "--extra-month-fee", "175", "--default-after-days", "90") == 0
    )
    capsys.readouterr()
    assert run(store, "policy", "show", "--json") == 0
    policy = json.loads(capsys.readouterr().out)
    assert (policy["extra_month_fee"], policy["default_after_days"]) == ("175.00", "90")
    assert policy["records_transfer_fee"] == "50.00"
    assert run(store, "terms", "show", "--rendered") == 0
    rendered = capsys.readouterr().out
    assert "$175.00 for each extra month" in rendered and "more than 90 days past due" in rendered
    assert run(store, "policy", "set", "--records-transfer-fee", "-1") == 2
    assert capsys.readouterr().err.startswith("tcdesk: --records-transfer-fee: The records")


def test_keep_original_photos_is_off_until_asked_and_shown(store: Path, capsys) -> None:
    assert run(store, "settings", "show") == 0
    assert "Keeps original photos: no" in capsys.readouterr().out
    before = snapshot(store)
    assert run(store, "settings", "practice", "--keep-originals", "perhaps") == 2
    err = capsys.readouterr().err
    assert err.startswith("tcdesk: --keep-originals:") and "yes or no" in err
    assert snapshot(store) == before
    assert run(store, "settings", "practice", "--keep-originals", "yes") == 0
    capsys.readouterr()
    assert run(store, "settings", "show", "--json") == 0
    assert json.loads(capsys.readouterr().out)["practice"]["keep_original_photos"] is True
    assert run(store, "settings", "show") == 0
    assert "Keeps original photos: yes" in capsys.readouterr().out
