"""The agreement's whole state in one answer: what is shown, the history, what can be done."""

from __future__ import annotations

import pytest

from tcdesk.domain.agreement import Agreement, AgreementStatus
from tcdesk.errors import UserError
from tcdesk.services import agreements
from tcdesk.services.agreements import AgreementAction
from tests.services.test_agreements import accepted_consult, marks_for

SIGNING = (
    AgreementAction.SIGN_ON_SCREEN,
    AgreementAction.SIGN_ON_ROOM_SCREEN,
    AgreementAction.MARK_SIGNED_ON_PAPER,
)


@pytest.fixture
def consult_id(demo_desk) -> str:
    return accepted_consult(demo_desk)


def test_before_version_1_only_making_one_is_possible(demo_desk, consult_id) -> None:
    state = agreements.state(demo_desk, consult_id)
    assert state.current is None and state.history == ()
    assert state.can(AgreementAction.GENERATE)
    refused = [a for a in AgreementAction if not state.can(a)]
    assert refused == [a for a in AgreementAction if a is not AgreementAction.GENERATE]
    assert "make one first" in state.why_not[AgreementAction.PRINT]
    assert state.status_line() == "" and not state.intact


def test_a_draft_can_be_printed_signed_and_voided(demo_desk, consult_id) -> None:
    made = agreements.generate(demo_desk, consult_id)
    state = agreements.state(demo_desk, consult_id)
    assert state.current.id == made.id and [r.id for r in state.history] == [made.id]
    assert state.why_not == {}
    consult = demo_desk.consults.get(consult_id)
    assert state.patient_name == demo_desk.patients.get(consult.patient_id).display_name
    line = state.status_line()
    assert line.startswith(f"{made.number} · Version 1 · Not signed yet")
    assert line.endswith(f"SHA-256 {made.short_sha}… verified")


def test_a_signed_copy_names_its_original_and_refuses_signing(demo_desk, consult_id) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    signed = agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)
    state = agreements.after(demo_desk, signed)
    assert state.current.id == signed.id and len(state.history) == 2
    assert "(signed copy of version 1)" in state.status_line()
    for action in SIGNING:
        assert state.why_not[action] == "Version 2 is signed; it cannot be signed."
    assert state.can(AgreementAction.PRINT) and state.can(AgreementAction.VOID)
    original = agreements.state(demo_desk, consult_id, draft.id)
    assert "(the signed copy is version 2)" in original.status_line()


def test_after_a_void_the_state_says_why_printing_and_voiding_are_refused(
    demo_desk, consult_id
) -> None:
    draft = agreements.generate(demo_desk, consult_id)
    state = agreements.after(demo_desk, agreements.void(demo_desk, draft.id, "Wrong fee", None))
    assert state.current.status is AgreementStatus.VOID
    assert state.why_not[AgreementAction.VOID] == "Version 1 is already void."
    assert state.why_not[AgreementAction.PRINT] == "Version 1 is void and cannot be printed."
    assert state.can(AgreementAction.SAVE) and state.can(AgreementAction.GENERATE)


def test_damaged_bytes_refuse_printing_saving_and_signing(
    demo_desk, consult_id, monkeypatch
) -> None:
    agreements.generate(demo_desk, consult_id)
    monkeypatch.setattr(Agreement, "verify", lambda self: False)  # the bytes no longer match
    state = agreements.state(demo_desk, consult_id)
    for action in (AgreementAction.PRINT, AgreementAction.SAVE, *SIGNING):
        assert state.why_not[action].startswith("The stored PDF does not match its fingerprint")
    assert state.can(AgreementAction.VOID) and not state.intact
    assert "DOES NOT MATCH the stored PDF" in state.status_line()


def test_an_unknown_consult_is_a_sentence(demo_desk) -> None:
    with pytest.raises(UserError, match="not in this practice file"):
        agreements.state(demo_desk, "no-such-consult")
