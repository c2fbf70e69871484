"""What the trainer reads: the persona in plain lines and the objections in the order they come."""

from __future__ import annotations

from tcdesk.services.training.partner_brief import moment_words, partner_brief
from tcdesk.services.training.persona_model import When
from tcdesk.services.training.personas import shipped_flows


def test_the_trainer_sees_who_decides_pays_their_money_and_the_hidden_concern(personas) -> None:
    persona = personas["maya_teen_cost"]
    brief = partner_brief(persona, shipped_flows()[persona.flow])
    facts = dict(brief.facts)
    assert facts["In the room"] == "Maya (patient); Laura (mother)"
    assert facts["Decides"] == "Laura" and facts["Pays"] == "Laura"
    assert facts["Findings"] == "Crowding, moderate; Overjet, mild"
    assert facts["Options"] == "Metal braces (recommended), Clear aligners"
    assert facts["Insurance"] == "Delta Dental: 50% up to a $1,500 lifetime maximum, to age 19"
    assert facts["Money comfort"] == "at most $200 a month; $500 down today"
    hidden = dict(brief.hidden)
    assert "hours at work were cut" in hidden["What it is"]
    assert "“anything else”" in hidden["Only when asked like"]
    assert hidden["Then Laura says"].startswith("“Honestly?")
    assert brief.decides[0].startswith("If it went well (score 80+), every objection settled")
    assert brief.decides[-1].startswith("Otherwise: Think it over (the cost).")


def test_objections_come_with_their_moment_and_what_settles_them(personas) -> None:
    persona = personas["maya_teen_cost"]
    cost, think = partner_brief(persona, shipped_flows()[persona.flow]).objections
    assert (cost.moment, cost.kind, cost.speaker) == (
        "When the money is first shown",
        "It costs too much",
        "Laura",
    )
    assert cost.line == "Wow. That's more than I expected. I'm not sure we can do that."
    assert cost.settles[0] == "3 of the 4 LAER moves, Respond among them"
    assert "the low down payment or the extended plan" in cost.settles[1]
    assert ("Explore", "ask what part of it worries her") in cost.laer
    assert cost.follow_up == "If it is answered poorly, go on to: Let me think about it"
    assert think.moment == "Only if “It costs too much” is answered poorly"


def test_objections_are_in_the_order_the_consult_reaches_them(personas) -> None:
    flows = shipped_flows()
    garcia = personas["familia_garcia_es"]
    moments = [o.moment for o in partner_brief(garcia, flows[garcia.flow]).objections]
    assert moments == [
        "When the money is first shown",
        "Only if “We can't do the down payment” is answered poorly",
        "On the Payment step",
    ]
    marcus = personas["marcus_spouse_absent"]
    kinds = [o.moment for o in partner_brief(marcus, flows[marcus.flow]).objections]
    assert kinds == ["After 20 minutes", "When the TC asks for a start today"]
    assert dict(partner_brief(garcia).facts)["Language"].startswith("Spanish")


def test_every_kind_of_moment_reads_as_words() -> None:
    assert moment_words(When("step", step="caring_for_braces")) == "On the Caring for braces step"
    assert moment_words(When("minutes", minutes=12.0)) == "After 12 minutes"
    assert moment_words(When("ask")) == "When the TC asks for a start today"
    assert moment_words(When("follow_up")) == "Only as a follow-up"


def test_every_shipped_persona_reads(personas) -> None:
    flows = shipped_flows()
    for persona in personas.values():
        brief = partner_brief(persona, flows.get(persona.flow))
        assert len(brief.objections) == len(persona.objections)
        assert all(o.moment and o.line and o.settles for o in brief.objections)
