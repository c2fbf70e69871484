"""Agreements and their events round-trip exactly, and the tables refuse changes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from tcdesk.domain import ConsultStatus
from tcdesk.domain.agreement import Agreement, AgreementEvent, AgreementEventKind, sha256_hex
from tcdesk.store.agreement_repo import AgreementRepository, AuditEntry
from tcdesk.store.records import Records

PDF = b"%PDF-1.4\n\x00\xff binary \x00 bytes\n%%EOF\n"


def _agreement(desk, version: int = 1, number: str = "FA-1") -> Agreement:
    consult = next(
        c
        for c in desk.consults.all()
        if c.status is ConsultStatus.ACCEPTED and desk.consults.latest_plan(c.id)
    )
    plan = desk.consults.latest_plan(consult.id)
    pdf = PDF + bytes([version])
    return Agreement(
        id=f"a{version}",
        consult_id=consult.id,
        number=number,
        version=version,
        plan_id=plan.id,
        pdf=pdf,
        sha256=sha256_hex(pdf),
        created_at=f"2026-11-27T15:0{version}:00+00:00",
        created_by=consult.coordinator_id,
    )


@pytest.fixture
def repo(demo_desk) -> AgreementRepository:
    return AgreementRepository(Records(demo_desk.db))


def test_agreement_bytes_round_trip_exactly(demo_desk, repo) -> None:
    stored = _agreement(demo_desk)
    repo.add(stored)
    again = repo.get("a1")
    assert again == stored
    assert isinstance(again.pdf, bytes) and again.verify()
    assert repo.for_consult(stored.consult_id) == [stored]
    assert repo.get("missing") is None


def test_versions_and_latest_version(demo_desk, repo) -> None:
    assert repo.latest_version("FA-1") == 0
    for version in (1, 2, 3):
        repo.add(_agreement(demo_desk, version))
    assert [a.version for a in repo.versions("FA-1")] == [1, 2, 3]
    assert repo.latest_version("FA-1") == 3
    with pytest.raises(sqlite3.IntegrityError):  # (number, version) is unique
        repo.add(replace(_agreement(demo_desk, 3), id="another"))


def test_events_keep_kind_detail_and_payload(demo_desk, repo) -> None:
    repo.add(_agreement(demo_desk, 1))
    repo.add(_agreement(demo_desk, 2))
    events = [
        AgreementEvent("e1", "a1", AgreementEventKind.GENERATED, "2026-11-27T15:01:00+00:00"),
        AgreementEvent(
            "e2", "a2", AgreementEventKind.SIGNED, "2026-11-27T15:02:00+00:00", None, "x", b"\x00{}"
        ),
        AgreementEvent(
            "e3", "a1", AgreementEventKind.VOIDED, "2026-11-27T15:03:00+00:00", None, "y"
        ),
    ]
    for event in events:
        repo.add_event(event)
    assert repo.events("a1") == [events[0], events[2]]
    assert repo.events_for_number("FA-1") == events
    assert repo.events("a2")[0].payload == b"\x00{}"


def test_agreement_tables_refuse_update_and_delete(demo_desk, repo) -> None:
    repo.add(_agreement(demo_desk))
    repo.add_event(
        AgreementEvent("e1", "a1", AgreementEventKind.GENERATED, "2026-11-27T15:01:00+00:00")
    )
    repo.add_audit(AuditEntry("u1", "2026-11-27T15:01:00+00:00", None, "x", "a1"))
    for table in ("agreements", "agreement_events", "audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            demo_desk.db.execute(f"UPDATE {table} SET id = 'changed'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            demo_desk.db.execute(f"DELETE FROM {table}")
    assert repo.get("a1") is not None
    assert [a.id for a in repo.audit_for("a1")] == ["u1"]


def test_unknown_event_kinds_are_refused_by_the_schema(demo_desk, repo) -> None:
    repo.add(_agreement(demo_desk))
    with pytest.raises(sqlite3.IntegrityError):
        demo_desk.db["agreement_events"].insert(
            {"id": "e9", "agreement_id": "a1", "kind": "edited", "at": "2026-11-27T15:00:00+00:00"}
        )
