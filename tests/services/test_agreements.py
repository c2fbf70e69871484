"""The agreement's records: exact bytes, versions, events, and nothing changed in place."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tcdesk.documents.agreement_model import SignatureMark
from tcdesk.domain import ConsultStatus
from tcdesk.domain.agreement import AgreementEventKind, AgreementStatus, sha256_hex
from tcdesk.errors import UserError
from tcdesk.services import agreements
from tcdesk.services.clock import utc_iso
from tcdesk.services.ids import new_id
from tcdesk.store import engine
from tcdesk.store.agreement_repo import AgreementRepository
from tcdesk.store.records import Records
from tests.conftest import FIXED_NOW


def signature_png(seed: int = 0) -> bytes:
    image = Image.new("RGBA", (240, 80), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 60), (60 + seed, 15), (120, 55), (200, 20)], fill=(0, 0, 80, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def accepted_consult(desk) -> str:
    for consult in desk.consults.all():
        if consult.status is ConsultStatus.ACCEPTED and desk.consults.latest_plan(consult.id):
            return consult.id
    raise AssertionError("the demo has an accepted consult with a plan")


def marks_for(desk, consult_id: str) -> list[SignatureMark]:
    return [
        SignatureMark(signer.name, signer.role.value, signature_png(i), FIXED_NOW)
        for i, signer in enumerate(agreements.signers(desk, consult_id))
    ]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def consult_id(demo_desk) -> str:
    return accepted_consult(demo_desk)


def test_generate_keeps_the_exact_bytes_with_their_sha256(demo_desk, consult_id) -> None:
    pending = agreements.prepare_generation(demo_desk, consult_id)
    pdf = agreements.build_pdf(pending)
    stored = agreements.store_generated(demo_desk, pending, pdf, actor_id=None)

    again = agreements.get(demo_desk, stored.id)
    assert again.pdf == pdf
    assert again.sha256 == sha256_hex(pdf)
    assert again.version == 1
    assert again.plan_id == demo_desk.consults.latest_plan(consult_id).id
    assert agreements.verify(again)
    found = agreements.record(demo_desk, stored.id)
    assert found.status is AgreementStatus.GENERATED
    assert [e.kind for e in found.events] == [AgreementEventKind.GENERATED]
    assert found.events[0].at == utc_iso(FIXED_NOW)


def test_verify_notices_changed_bytes(demo_desk, consult_id) -> None:
    stored = agreements.generate(demo_desk, consult_id)
    assert agreements.verify(stored)
    middle = len(stored.pdf) // 2
    flipped = stored.pdf[:middle] + bytes([stored.pdf[middle] ^ 0x01]) + stored.pdf[middle + 1 :]
    assert len(flipped) == len(stored.pdf) and flipped != stored.pdf
    assert not agreements.verify(replace(stored, pdf=flipped))  # one bit inside the file
    assert not agreements.verify(replace(stored, pdf=stored.pdf + b"\n% changed"))  # appended
    assert agreements.verify(replace(stored, pdf=bytes(stored.pdf)))  # the same bytes, copied


def test_generating_again_makes_a_new_version_of_the_same_number(demo_desk, consult_id) -> None:
    first = agreements.generate(demo_desk, consult_id)
    second = agreements.generate(demo_desk, consult_id)
    assert (second.number, second.version) == (first.number, 2)
    assert agreements.get(demo_desk, first.id).pdf == first.pdf
    assert [r.agreement.version for r in agreements.history(demo_desk, consult_id)] == [1, 2]
    notice = agreements.generated_detail(agreements.record(demo_desk, second.id))
    assert "New version 2" in notice


def test_agreements_and_events_are_append_only(demo_desk, consult_id) -> None:
    agreements.generate(demo_desk, consult_id)
    for statement in (
        "UPDATE agreements SET pdf = x'00'",
        "DELETE FROM agreements",
        "UPDATE agreement_events SET detail = 'x'",
        "DELETE FROM agreement_events",
    ):
        with pytest.raises(engine.IntegrityError, match="append-only"):
            demo_desk.db.execute(statement)


def test_every_action_is_in_the_audit_log(demo_desk, consult_id) -> None:
    coordinator = demo_desk.consults.get(consult_id).coordinator_id
    stored = agreements.generate(demo_desk, consult_id, actor_id=coordinator)
    agreements.record_printed(demo_desk, stored.id, coordinator, printer="Front", job_id="Front-1")
    agreements.void(demo_desk, stored.id, "Wrong down payment", coordinator)
    audit = AgreementRepository(Records(demo_desk.db)).audit_for(stored.id)
    assert [a.action for a in audit] == [
        "agreement.generated",
        "agreement.printed",
        "agreement.voided",
    ]
    assert {a.actor_id for a in audit} == {coordinator}
    assert stored.created_by == coordinator


def test_signing_stores_a_new_linked_version_with_the_signatures(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    signed = agreements.sign(demo_desk, draft.id, marks, actor_id=None)

    assert (signed.number, signed.version) == (draft.number, 2)
    assert signed.sha256 == sha256_hex(signed.pdf) != draft.sha256
    assert "Signed" in pdf_text(signed.pdf)
    assert agreements.get(demo_desk, draft.id).pdf == draft.pdf  # the draft is untouched

    copy = agreements.record(demo_desk, signed.id)
    assert copy.status is AgreementStatus.SIGNED
    assert copy.signs == draft.id
    assert agreements.record(demo_desk, draft.id).signed_copy == signed.id
    assert agreements.status(demo_desk, draft) is AgreementStatus.SIGNED
    (event,) = [e for e in copy.events if e.kind is AgreementEventKind.SIGNED]
    kept = agreements.signatures(event)
    assert [s.png for s in kept] == [m.png for m in marks]
    assert [s.signer for s in kept] == [m.signer for m in marks]


def test_generating_after_signing_makes_a_new_version_and_says_so(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    signed = agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)
    newer = agreements.generate(demo_desk, consult_id)

    assert newer.version == 3
    assert agreements.status(demo_desk, newer) is AgreementStatus.GENERATED
    assert agreements.get(demo_desk, signed.id).pdf == signed.pdf
    notice = agreements.generated_detail(agreements.record(demo_desk, newer.id))
    assert "Signed version 2 stays exactly as signed" in notice


def test_signing_twice_or_an_old_version_is_refused(demo_desk, consult_id) -> None:
    old = agreements.generate(demo_desk, consult_id)
    current = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    with pytest.raises(UserError, match="version 2 is newer"):
        agreements.sign(demo_desk, old.id, marks, None)
    signed = agreements.sign(demo_desk, current.id, marks, None)
    with pytest.raises(UserError, match="already signed; the signed copy is version 3"):
        agreements.sign(demo_desk, current.id, marks, None)
    with pytest.raises(UserError, match="already signed"):
        agreements.mark_signed_on_paper(demo_desk, signed.id, None, "again")


def test_both_sides_must_sign(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    family_only = [m for m in marks if m.role == "responsible"]
    with pytest.raises(UserError, match="practice must sign"):
        agreements.sign(demo_desk, draft.id, family_only, None)
    blank = [replace(m, png=b"") for m in marks]
    with pytest.raises(UserError, match="empty"):
        agreements.sign(demo_desk, draft.id, blank, None)
    stranger = [replace(m, signer="Someone Else") if m.role == "responsible" else m for m in marks]
    with pytest.raises(UserError, match="Someone Else is not a responsible party"):
        agreements.sign(demo_desk, draft.id, stranger, None)


def test_every_responsible_party_signs(demo_desk) -> None:
    consult_id = next(
        c.id
        for c in demo_desk.consults.all()
        if demo_desk.consults.latest_plan(c.id)
        and len(demo_desk.patients.responsible_parties(c.patient_id)) >= 2
    )
    draft = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    assert [m.role for m in marks].count("responsible") >= 2
    with pytest.raises(UserError, match="still missing"):
        agreements.sign(demo_desk, draft.id, marks[1:], None)
    signed = agreements.sign(demo_desk, draft.id, marks, None)
    assert pdf_text(signed.pdf).count("Signed") >= len(marks)


def test_a_changed_plan_is_not_signed_on_an_old_version(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    plan = demo_desk.consults.latest_plan(consult_id)
    later = utc_iso(FIXED_NOW + timedelta(minutes=5))
    demo_desk.consults.add_plan(replace(plan, id=new_id(), down_cents=0, created_at=later))
    with pytest.raises(UserError, match="Make a new version"):
        agreements.sign(demo_desk, draft.id, marks, None)


def test_other_changes_after_generating_are_noticed_too(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    marks = marks_for(demo_desk, consult_id)
    patient_id = demo_desk.consults.get(consult_id).patient_id
    party = demo_desk.patients.responsible_parties(patient_id)[0]
    demo_desk.patients.save_responsible_party(replace(party, name=party.name + "-Smith"))
    with pytest.raises(UserError, match="details changed after version 1"):
        agreements.sign(demo_desk, draft.id, marks, None)
    with pytest.raises(UserError, match="is not a responsible party"):  # new name, new signature
        agreements.sign(demo_desk, agreements.generate(demo_desk, consult_id).id, marks, None)


def test_void_needs_a_reason_and_then_refuses_signing_and_printing(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    for reason in ("", "   "):
        with pytest.raises(UserError, match="Say why"):
            agreements.void(demo_desk, draft.id, reason, None)
    assert agreements.status(demo_desk, draft) is AgreementStatus.GENERATED

    event = agreements.void(demo_desk, draft.id, "Typed the wrong fee", None)
    assert event.detail == "Typed the wrong fee"
    assert agreements.status(demo_desk, draft) is AgreementStatus.VOID
    with pytest.raises(UserError, match="void and cannot be signed"):
        agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)
    with pytest.raises(UserError, match="void and cannot be signed"):
        agreements.mark_signed_on_paper(demo_desk, draft.id, None, "signed")
    with pytest.raises(UserError, match="void and cannot be printed"):
        agreements.record_printed(demo_desk, draft.id, None, printer="Front")
    with pytest.raises(UserError, match="already void"):
        agreements.void(demo_desk, draft.id, "again", None)


def test_voiding_a_signed_copy_voids_the_version_it_signed(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    signed = agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)
    agreements.void(demo_desk, signed.id, "Family changed their mind", None)
    assert agreements.status(demo_desk, signed) is AgreementStatus.VOID
    assert agreements.status(demo_desk, draft) is AgreementStatus.VOID


def test_signed_on_paper_is_an_event_on_the_same_bytes(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    agreements.record_printed(demo_desk, draft.id, None, printer="Front", job_id="Front-7")
    agreements.mark_signed_on_paper(demo_desk, draft.id, None, "Signed by Mom at the desk")
    found = agreements.record(demo_desk, draft.id)
    assert found.status is AgreementStatus.SIGNED
    assert found.signed_on_paper
    assert [e.kind for e in found.events] == [
        AgreementEventKind.GENERATED,
        AgreementEventKind.PRINTED,
        AgreementEventKind.SIGNED,
    ]
    assert found.events[1].detail == "Sent to Front (job Front-7)."
    assert len(agreements.history(demo_desk, consult_id)) == 1
    with pytest.raises(UserError, match="already signed"):
        agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)


def test_generated_event_keeps_its_inputs(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    (event,) = agreements.record(demo_desk, draft.id).events
    inputs = json.loads(event.payload)
    plan = demo_desk.consults.latest_plan(consult_id)
    assert inputs["issued_on"] == plan.agreement_date.isoformat()  # agreement_data's default
    assert len(inputs["data_sha256"]) == 64


def test_no_plan_no_agreement(demo_desk) -> None:
    scheduled = next(
        c for c in demo_desk.consults.all() if demo_desk.consults.latest_plan(c.id) is None
    )
    with pytest.raises(UserError, match="no payment plan"):
        agreements.generate(demo_desk, scheduled.id)
    assert agreements.history(demo_desk, scheduled.id) == []


def test_export_writes_the_stored_bytes(demo_desk, consult_id, tmp_path: Path) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    path = agreements.export(demo_desk, draft.id, tmp_path / "agreement.pdf")
    assert path.read_bytes() == draft.pdf
    copy = agreements.saved_copy(demo_desk, draft.id, tmp_path / "saved")
    assert copy.read_bytes() == draft.pdf
    assert copy.name == f"{draft.number}-v1.pdf"
    assert agreements.saved_copy(demo_desk, draft.id, tmp_path / "saved") == copy
    with pytest.raises(UserError, match="does not exist"):
        agreements.export(demo_desk, draft.id, tmp_path / "missing" / "agreement.pdf")


def test_signers_are_the_responsible_parties_then_the_coordinator(demo_desk, consult_id) -> None:
    consult = demo_desk.consults.get(consult_id)
    found = agreements.signers(demo_desk, consult_id)
    parties = demo_desk.patients.responsible_parties(consult.patient_id)
    assert [s.name for s in found[:-1]] == [p.name for p in parties]
    assert found[-1].role == "practice"
    assert found[-1].name == demo_desk.practices.staff_member(consult.coordinator_id).name


# -- signing with a responsible party away ------------------------------------------------


@pytest.fixture
def two_parents(demo_desk) -> str:
    """A consult with a plan and two responsible parties (the demo has such families)."""
    return next(
        c.id
        for c in demo_desk.consults.all()
        if demo_desk.consults.latest_plan(c.id)
        and len(demo_desk.patients.responsible_parties(c.patient_id)) >= 2
    )


def test_the_parties_present_sign_and_the_absent_one_is_recorded(demo_desk, two_parents) -> None:
    draft = agreements.generate(demo_desk, two_parents)
    marks = marks_for(demo_desk, two_parents)
    away = marks[1]
    assert away.role == "responsible"
    present = [m for m in marks if m is not away]
    partly = agreements.sign(demo_desk, draft.id, present, None, absent=[away.signer])

    found = agreements.record(demo_desk, partly.id)
    assert found.status is AgreementStatus.PARTLY_SIGNED
    assert found.not_yet_signed == (away.signer,)
    assert agreements.record(demo_desk, draft.id).signed_copy == partly.id
    notice = agreements.generated_detail(found)
    assert f"not yet signed by {away.signer}, who can sign later" in notice
    text = pdf_text(partly.pdf)
    assert text.count("Not yet signed") == 1
    assert text.count("Signed Nov") == len(present)
    with pytest.raises(UserError, match=f"{away.signer} can sign version 2"):
        agreements.sign(demo_desk, draft.id, marks, None)

    sheet = agreements.signing_sheet(demo_desk, partly.id)
    assert [s.name for s in sheet.to_sign] == [away.signer]
    assert sorted(sheet.already_signed) == sorted(m.signer for m in present)
    assert sheet.title == f"Agreement {draft.number}, version 2"


def test_the_absent_party_signs_later_and_a_version_has_every_signature(
    demo_desk, two_parents
) -> None:
    draft = agreements.generate(demo_desk, two_parents)
    marks = marks_for(demo_desk, two_parents)
    away = marks[1]
    present = [m for m in marks if m is not away]
    partly = agreements.sign(demo_desk, draft.id, present, None, absent=[away.signer])
    with pytest.raises(UserError, match="has already signed"):
        agreements.sign(demo_desk, partly.id, [present[0]], None)
    later = replace(away, signed_at=FIXED_NOW + timedelta(days=2))
    full = agreements.sign(demo_desk, partly.id, [later], None)

    assert full.version == 3
    found = agreements.record(demo_desk, full.id)
    assert found.status is AgreementStatus.SIGNED and found.not_yet_signed == ()
    assert found.signs == partly.id
    assert agreements.record(demo_desk, partly.id).status is AgreementStatus.SIGNED
    (event,) = [e for e in found.events if e.kind is AgreementEventKind.SIGNED]
    assert sorted(s.signer for s in agreements.signatures(event)) == sorted(m.signer for m in marks)
    text = pdf_text(full.pdf)
    assert "Not yet signed" not in text
    # Signatures are dated on this computer's calendar (Nov 27 15:00 UTC is Nov 28 in Auckland).
    days = [m.signed_at.astimezone().day for m in (*present, later)]
    assert text.count("Signed Nov") == len(marks)
    assert text.count(f"Signed Nov {days[-1]}") == days.count(days[-1]) == 1
    assert agreements.get(demo_desk, partly.id).pdf == partly.pdf  # kept as it was
    assert "every party has now signed" in agreements.generated_detail(found)


def test_a_party_left_out_without_saying_so_is_refused(demo_desk, two_parents) -> None:
    draft = agreements.generate(demo_desk, two_parents)
    marks = marks_for(demo_desk, two_parents)
    with pytest.raises(UserError, match="mark them as signing later"):
        agreements.sign(demo_desk, draft.id, [marks[0], marks[-1]], None)
    with pytest.raises(UserError, match="Nobody has signed yet"):
        agreements.sign(demo_desk, draft.id, [], None, absent=[marks[0].signer])
    assert agreements.record(demo_desk, draft.id).status is AgreementStatus.GENERATED
