"""The persona's family as a real patient and consult, made only in the training file."""

from __future__ import annotations

import pytest

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.training.practice_family import make_practice_family
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, staff_id


def test_the_family_gets_the_personas_problem_options_and_the_practices_fees(
    training: Desk, personas
) -> None:
    persona = personas["maya_teen_cost"]
    made = make_practice_family(training, persona, staff_id(training, JESSICA), FIXED_NOW)
    record = training.consults.load_file(made.consult_id)
    assert record is not None
    consult = record.consult
    assert made.patient_name == "Maya Practice"
    assert consult.chief_concern == persona.chief_concern
    assert consult.priorities == persona.priorities
    assert consult.flow_id == persona.flow
    assert [(f.code.value, f.severity.value) for f in record.findings] == [
        (f.code, f.severity) for f in persona.findings
    ]
    assert [o.treatment_type.value for o in record.options] == list(persona.options)
    recommended = [o.treatment_type.value for o in record.options if o.recommended]
    assert recommended == [persona.recommended]
    practice = training.practice()
    assert practice is not None
    fees = {
        str(f.treatment_type): f.fee_cents for f in training.practices.fee_schedule(practice.id)
    }
    assert all(o.fee_cents == fees[o.treatment_type.value] for o in record.options)
    patient = training.patients.get(made.patient_id)
    assert patient is not None and patient.preferred_language == "en"


def test_a_spanish_family_speaks_spanish_and_each_run_has_its_own_consult(
    training: Desk, personas
) -> None:
    persona = personas["familia_garcia_es"]
    tc = staff_id(training, JESSICA)
    first = make_practice_family(training, persona, tc, FIXED_NOW)
    second = make_practice_family(training, persona, tc, FIXED_NOW)
    assert first.consult_id != second.consult_id and first.patient_id != second.patient_id
    assert first.patient_name == "Sofía Práctica"
    patient = training.patients.get(first.patient_id)
    assert patient is not None and patient.preferred_language == "es"


def test_the_practice_file_is_refused_and_nothing_is_written(
    practice_and_training, personas
) -> None:
    practice = Desk.open(practice_and_training[0], clock=lambda: FIXED_NOW)
    try:
        before = len(practice.consults.all())
        with pytest.raises(UserError, match="not a training file"):
            make_practice_family(
                practice, personas["maya_teen_cost"], staff_id(practice, JESSICA), FIXED_NOW
            )
        assert len(practice.consults.all()) == before
    finally:
        practice.close()
