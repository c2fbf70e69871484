"""``tcdesk leads`` and ``tcdesk followups``: the app's words, one line and exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.domain import Warmth
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW
from tests.services.pipeline_seed import TODAY, held_consult, open_seeded


@pytest.fixture
def db(empty_store: Path) -> Path:
    desk, p = open_seeded(empty_store)
    held_consult(desk, p, "Ava", days_ago=9, warmth=Warmth.HOT, follow_up_in=-3)
    held_consult(desk, p, "Noah", days_ago=4, warmth=Warmth.COLD, follow_up_in=2, tc=p.tc2)
    desk.close()
    return empty_store


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv, clock=lambda: FIXED_NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(db: Path) -> tuple[int, int, int]:
    desk = Desk.open(db, create=False)
    try:
        return tuple(  # type: ignore[return-value]
            desk.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("leads", "contacts", "follow_ups")
        )
    finally:
        desk.close()


def test_add_list_and_change_a_lead(db: Path, capsys) -> None:
    code, out, err = _run(
        capsys,
        ["leads", "add", "--db", str(db), "--name", "Rosa Díaz", "--channel", "social-media",
         "--detail", "Instagram", "--phone", "503 555 0142", "--coordinator", "sam ortiz",
         "--warmth", "hot"],
    )  # fmt: skip
    assert code == 0, err
    lead_id = out.strip()
    code, out, _ = _run(capsys, ["leads", "--db", str(db)])
    assert code == 0 and "Rosa Díaz" in out and "Social media (Instagram)" in out and "New" in out
    code, out, _ = _run(capsys, ["leads", "--db", str(db), "--coordinator", "Sam Ortiz", "--json"])
    [row] = json.loads(out)
    assert row["id"] == lead_id and row["status_label"] == "New" and row["warmth"] == "hot"
    assert row["phone"] == "(503) 555-0142" and row["coordinator"] == "Sam Ortiz"
    code, out, _ = _run(capsys, ["leads", "status", "--db", str(db), lead_id, "--to", "contacted"])
    assert code == 0 and out.strip() == "Rosa Díaz: Contacted"
    code, out, _ = _run(capsys, ["leads", "--db", str(db), "--status", "new", "--json"])
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "A B", "--channel", "fax", "--phone", "5035550100"], "--channel: The channel"),
        (["--name", "A B", "--channel", "phone", "--phone", "12"], "--phone/--email: "),
        (["--name", " ", "--channel", "phone", "--email", "a@b.co"], "--name: The family's name"),
        (["--name", "A B", "--channel", "phone", "--email", "a@b.co", "--next", "soon"], "--next:"),
        (["--name", "A B", "--channel", "phone", "--email", "a@b.co", "--coordinator", "Zed"],
         "--coordinator: There is no one on staff"),
    ],
)  # fmt: skip
def test_bad_lead_input_is_one_line_exit_2_nothing_saved(db: Path, capsys, argv, message) -> None:
    before = _snapshot(db)
    code, out, err = _run(capsys, ["leads", "add", "--db", str(db), *argv])
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1
    assert _snapshot(db) == before


def test_followups_lists_ranked_with_reasons_and_logs_a_contact(db: Path, capsys) -> None:
    code, out, err = _run(capsys, ["followups", "--db", str(db), "--json"])
    assert code == 0, err
    items = json.loads(out)
    assert [i["name"] for i in items] == ["Ava Thompson", "Noah Garcia"]
    assert items[0]["overdue"] and items[0]["reasons"].startswith("overdue 3 days, hot, $5,500")
    assert items[0]["value"] == "5500.00"
    code, out, _ = _run(capsys, ["followups", "--db", str(db)])
    assert "Overdue" in out and out.strip().endswith("Follow-ups: 2 (1 overdue)")
    code, out, _ = _run(capsys, ["followups", "--db", str(db), "--coordinator", "Sam", "--json"])
    assert [i["name"] for i in json.loads(out)] == ["Noah Garcia"]
    code, out, _ = _run(
        capsys, ["followups", "--db", str(db), "--due-by", TODAY.isoformat(), "--json"]
    )
    assert [i["name"] for i in json.loads(out)] == ["Ava Thompson"]
    nxt = "2026-12-04"
    code, out, err = _run(
        capsys,
        ["followups", "log", "--db", str(db), items[0]["item"], "--by", "call", "--result",
         "left-message", "--next", nxt],
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == "Call logged: left a message. Next contact Dec 4, 2026."
    code, out, _ = _run(capsys, ["followups", "--db", str(db), "--json"])
    after = json.loads(out)
    assert [i["name"] for i in after] == ["Ava Thompson", "Noah Garcia"]  # hot before cold
    assert after[0]["due_on"] == nxt and not after[0]["overdue"]


def test_bad_log_input_is_one_line_exit_2_nothing_changed(db: Path, capsys) -> None:
    _code, out, _ = _run(capsys, ["followups", "--db", str(db), "--json"])
    item = json.loads(out)[0]["item"]
    before = _snapshot(db)
    for argv, message in (
        (["--by", "fax", "--result", "reached"], "--by: The kind of contact must be one of"),
        (["--by", "call", "--result", "maybe"], "--result: The result must be one of"),
        (["--by", "call", "--result", "reached", "--next", "2020-01-01"], "--next: "),
    ):
        code, out, err = _run(capsys, ["followups", "log", "--db", str(db), item, *argv])
        assert code == 2 and out == "" and message in err and err.count("\n") == 1
    code, _out, err = _run(capsys, ["followups", "log", "--db", str(db), "bogus", "--by", "call",
                                    "--result", "reached"])  # fmt: skip
    assert code == 2 and "not a follow-up item" in err
    assert _snapshot(db) == before
