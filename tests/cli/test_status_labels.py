"""One vocabulary for a consult's status: the app's words, in the app and in the CLI."""

from __future__ import annotations

from pathlib import Path

from tcdesk.cli import main
from tcdesk.domain import CONSULT_STATUS_LABELS, ConsultStatus, status_label


def test_every_status_has_the_apps_label() -> None:
    assert set(CONSULT_STATUS_LABELS) == set(ConsultStatus)
    assert ConsultStatus.PENDING.label == "Pending decision"
    assert ConsultStatus.ACCEPTED.label == "Start booked"
    assert ConsultStatus.SCHEDULED.label == "Consult booked"
    assert status_label("no_show") == "No-show" and status_label(None) == ""


def test_the_app_uses_the_same_labels() -> None:
    from tcdesk.ui.patient_list import STATUS_LABELS

    assert {status.value: status.label for status in ConsultStatus} == STATUS_LABELS


def test_patients_prints_the_apps_words(demo_store: Path, capsys) -> None:
    assert main(["patients", "--db", str(demo_store)]) == 0
    out = capsys.readouterr().out
    assert "Pending decision" in out and "Start booked" in out and "In treatment" in out
    words = set(out.split())
    assert not words & {"pending", "accepted", "scheduled", "started", "no show"}


def test_patients_json_has_the_status_label_beside_the_code(demo_store, capsys) -> None:
    """QA 18: ``patients --json`` says what the app says, as ``consults --json`` does."""
    import json

    from tcdesk.cli import main
    from tcdesk.domain import status_label

    assert main(["patients", "--db", str(demo_store), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["status"] for r in rows)
    assert all(r["status_label"] == status_label(r["status"]) for r in rows)
    assert any(r["status_label"] not in ("", r["status"]) for r in rows)
