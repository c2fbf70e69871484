"""One consult being presented, without Qt: slides, live state, notes, objections, plan.

The presentation controller (ui) holds one ``ConsultRoom`` and calls it; the
room saves every change to the store as it happens, so a crash or a kill
loses nothing and the next launch can resume exactly where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from tcdesk.domain import (
    ConsultStatus,
    Note,
    Objection,
    ObjectionLog,
    PaymentPlan,
    SavedSession,
)
from tcdesk.errors import UserError
from tcdesk.flows import Flow, FlowError
from tcdesk.flows.model import ChecklistItem, ObjectionHint, Step
from tcdesk.flows.session import ConsultSession
from tcdesk.render import Content, Renderer
from tcdesk.render.slide import Slide, SlideKind
from tcdesk.services.clock import utc_iso
from tcdesk.services.consult_outcome import Outcome, record_outcome
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan, check_plan_date
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.presentation import (
    applicable_flow,
    build_context,
    investment_context,
    label_choices,
    start_session,
)

# Slides whose content depends on the payment plan being discussed.
PLAN_DEPENDENT = frozenset(
    {SlideKind.INVESTMENT, SlideKind.PAYMENT, SlideKind.OPTIONS, SlideKind.NEXT_STEPS}
)
# Of those, the slides that show the plan's own figures (the fee, down payment,
# months, monthly): the only ones that change while one option's figures are adjusted.
FIGURE_DEPENDENT = frozenset({SlideKind.INVESTMENT, SlideKind.PAYMENT})


@dataclass(frozen=True)
class PresentationKit:
    """Loaded once at start-up and shared by every consult presented in this run."""

    flows: dict[str, Flow]
    flow_errors: tuple[FlowError, ...]
    content: Content
    renderer: Renderer

    @classmethod
    def load(cls) -> PresentationKit:
        from tcdesk.flows import load_flows
        from tcdesk.paths import assets_dir, flows_dir
        from tcdesk.render import load_content
        from tcdesk.services.presentation import check_flow_rendering

        # A flow naming a missing picture is left out like a broken one, and reported.
        result = load_flows(flows_dir(), assets=assets_dir())
        content = load_content()
        renderer = Renderer(content, assets_dir())
        flows = {}
        errors = list(result.errors)
        for flow_id, flow in result.flows.items():
            problems = check_flow_rendering(flow, renderer)
            if problems:
                errors.extend(problems)
            else:
                flows[flow_id] = flow
        return cls(flows=flows, flow_errors=tuple(errors), content=content, renderer=renderer)


@dataclass(frozen=True)
class ObjectionAdvice:
    objection: Objection
    responses: tuple[str, ...]
    answer_step_number: int | None
    answer_step_title: str


@dataclass(frozen=True)
class PlanDeck:
    """A plan rendered privately: the slides that depend on it, as they would look.

    ``slides`` maps a step's index to its slide; nothing here is on the display
    until ``ConsultRoom.show_plan`` puts it there.
    """

    plan: PaymentPlan
    context: dict[str, Any]
    slides: dict[int, Slide]


@dataclass
class EndReport:
    skipped: list[ChecklistItem] = field(default_factory=list)


class ConsultRoom:
    def __init__(
        self,
        desk: Desk,
        consult_id: str,
        kit: PresentationKit,
        *,
        resume: bool = True,
        record: bool = True,
    ) -> None:
        """``record=False`` only reads (e.g. exporting slides): no live state is saved."""
        self.desk = desk
        self.kit = kit
        self.consult_id = consult_id
        consult_file = desk.consults.load_file(consult_id)
        if consult_file is None:
            raise UserError(f"No consult with id {consult_id}.")
        self.consult_file = consult_file
        self.context: dict[str, Any] = build_context(desk, consult_id, content=kit.content)
        flow = applicable_flow(kit.flows, self.context, consult_file.consult.flow_id)
        if flow is None:
            raise UserError(
                "No presentation flow could be loaded, so this consult cannot be presented. "
                "Check the files in presentation_flows/ ('tcdesk flows check')."
            )
        saved = desk.consults.saved_session(consult_id)
        if saved is not None and (not resume or saved.ended_at is not None):
            saved = None
        self.resumed = saved is not None
        self.session: ConsultSession = start_session(flow, self.context, saved)
        self.elapsed_seconds = saved.elapsed_seconds if saved else 0
        self.note_id: str | None = saved.note_id if saved else None
        self.draft_note = saved.draft_note if saved else ""
        self.pricing = ConsultPricing(desk, consult_file)
        self.patient = self.pricing.patient
        self._candidate: PlanDeck | None = None  # the plan last rendered privately
        self.plan: PaymentPlan | None = consult_file.plan
        self.slides: list[Slide] = kit.renderer.render_deck(self.session.steps, self.context)
        self.welcome = kit.renderer.practice_welcome(self.context)
        if record:
            self.save()

    # -- what the family sees ---------------------------------------------------------

    @property
    def flow(self) -> Flow:
        return self.session.flow

    @property
    def patient_name(self) -> str:
        return str(self.context["patient"]["full_name"])

    @property
    def priorities(self) -> list[str]:
        return list(self.context.get("priorities") or [])

    def display_slide(self) -> Slide | None:
        """The slide the patient display shows now; None while blanked."""
        screen = self.session.screen
        if screen == "welcome":
            return self.welcome
        if screen == "step":
            return self.slides[self.session.index]
        return None

    def slide_at(self, index: int) -> Slide | None:
        return self.slides[index] if 0 <= index < len(self.slides) else None

    def next_slide(self) -> Slide | None:
        """What the next key press will show (the console previews it)."""
        if not self.session.started:
            return self.slides[self.session.index]
        return self.slide_at(self.session.index + 1)

    def step(self) -> Step:
        return self.session.step

    # -- saving -----------------------------------------------------------------------

    def now(self) -> str:
        return utc_iso(self.desk.clock())

    def save(self, *, ended: bool = False) -> SavedSession:
        saved = self.session.to_saved(
            self.consult_id,
            draft_note=self.draft_note,
            elapsed_seconds=self.elapsed_seconds,
            updated_at=self.now(),
            ended_at=self.now() if ended else None,
        )
        saved = replace(saved, note_id=self.note_id)
        self.desk.consults.save_session(saved)
        return saved

    # -- notes and objections ---------------------------------------------------------

    def save_note(self, text: str) -> Note:
        """Append a revision of this consult's running note (the store never overwrites)."""
        note = Note(
            id=new_id(),
            consult_id=self.consult_id,
            body=text,
            created_at=self.now(),
            author_id=self.consult_file.consult.coordinator_id,
            revises=self.note_id,
        )
        with self.desk.transaction():
            self.desk.consults.add_note(note)
            self.note_id = note.id
            self.draft_note = text
            self.save()
        return note

    def earlier_notes(self) -> list[Note]:
        """Notes from before this session (this session's running note excluded)."""
        return [
            n for n in self.desk.consults.current_notes(self.consult_id) if n.id != self.note_id
        ]

    def log_objection(self, objection: Objection) -> ObjectionAdvice:
        self.desk.consults.add_objection(
            ObjectionLog(
                id=new_id(),
                consult_id=self.consult_id,
                objection=objection,
                created_at=self.now(),
                author_id=self.consult_file.consult.coordinator_id,
                detail=f"during step '{self.session.step.id}'",
            )
        )
        hint, home = self._hint_for(objection)
        answer = (hint.answer_step or home) if hint is not None else ""
        number, title = None, ""
        for i, step in enumerate(self.session.steps):
            if step.id == answer and i != self.session.index:
                number, title = i + 1, self.slides[i].title
        return ObjectionAdvice(objection, hint.responses if hint else (), number, title)

    def _hint_for(self, objection: Objection) -> tuple[ObjectionHint | None, str]:
        """The current step's advice, else the first step that has some.

        Advice found on another step points there when it names no answer step:
        the step that holds the advice is the one that answers it.
        """
        current = self.session.step.objection(objection)
        if current is not None:
            return current, ""
        for step in self.session.steps:
            hint = step.objection(objection)
            if hint is not None:
                return hint, step.id
        return None, ""

    # -- the payment plan -------------------------------------------------------------

    def price(self, plan: PaymentPlan) -> PricedPlan:
        return self.pricing.price(plan)

    def render_plan(self, plan: PaymentPlan) -> PlanDeck:
        """Render, privately, the slides that depend on the plan as ``plan`` would show.

        Nothing the display shows changes: ``show_plan`` puts the result there.
        While the TC moves the down payment or the months of one option, only
        its figures change: that path reprices the featured option alone and
        re-renders only the slides of ``FIGURE_DEPENDENT``.
        """
        base = self._candidate
        featured = (base.context.get("featured") or {}).get("id") if base else None
        if base is not None and base.plan.option_id == plan.option_id == featured:
            investment, _monthly = investment_context(
                self.desk, self.consult_file, self.patient, plan, pricing=self.pricing
            )
            label_choices(investment, self.kit.content)
            context = {**base.context, "investment": investment}
            slides = {**base.slides, **self._render_kinds(FIGURE_DEPENDENT, context)}
        else:
            context = build_context(
                self.desk, self.consult_id, plan_override=plan, content=self.kit.content
            )
            slides = self._render_kinds(PLAN_DEPENDENT, context)
        self._candidate = PlanDeck(plan=plan, context=context, slides=slides)
        return self._candidate

    def show_plan(self, deck: PlanDeck) -> list[int]:
        """Put a privately rendered plan on the family's slides; the indexes that changed."""
        changed = [i for i, slide in deck.slides.items() if self.slides[i] is not slide]
        for i in changed:
            self.slides[i] = deck.slides[i]
        self.context = deck.context
        return changed

    def preview_slide(self, deck: PlanDeck) -> Slide | None:
        """The one slide that previews ``deck`` on the console: the ways to pay (where
        a down payment or months show), else the slide on screen when it shows the
        plan's figures, else the first that does, else any."""
        kinds = {i: SlideKind(self.session.steps[i].kind) for i in deck.slides}
        payment = [i for i, kind in kinds.items() if kind is SlideKind.PAYMENT]
        if payment:
            return deck.slides[payment[0]]
        figures = [i for i, kind in kinds.items() if kind in FIGURE_DEPENDENT]
        current = self.session.index if self.session.started else -1
        if current in figures:
            return deck.slides[current]
        if figures:
            return deck.slides[figures[0]]
        if current in deck.slides:
            return deck.slides[current]
        return next(iter(deck.slides.values()), None)

    def _render_kinds(
        self, kinds: frozenset[SlideKind], context: dict[str, Any]
    ) -> dict[int, Slide]:
        """The slides of ``kinds`` rendered from ``context``, by step index."""
        return {
            i: self.kit.renderer.render_slide(step, context)
            for i, step in enumerate(self.session.steps)
            if SlideKind(step.kind) in kinds
        }

    def _rerender(self, kinds: frozenset[SlideKind]) -> list[int]:
        """Render again the slides of ``kinds`` from the current context; their indexes."""
        slides = self._render_kinds(kinds, self.context)
        for i, slide in slides.items():
            self.slides[i] = slide
        self._candidate = None
        return list(slides)

    def choose_plan(self, plan: PaymentPlan) -> PricedPlan:
        """Save the family's choice on the consult (a new plan row; history kept)."""
        check_plan_date(self.desk, plan)
        priced = self.price(plan)
        if priced.forbidden:
            raise UserError(" ".join(v.message for v in priced.forbidden))
        if priced.violations and not plan.over_limit_reason.strip():
            raise UserError(
                "This plan is outside the practice's policy; give a reason to use it: "
                + " ".join(v.message for v in priced.violations)
            )
        stored = replace(
            plan,
            id=new_id(),
            created_at=self.now(),
            created_by=self.consult_file.consult.coordinator_id,
        )
        consult = replace(self.consult_file.consult, chosen_option_id=plan.option_id)
        with self.desk.transaction():
            self.desk.consults.add_plan(stored)
            self.desk.consults.save(consult)
            if priced.violations:
                self._audit("plan_over_limit", plan.over_limit_reason)
        self.consult_file = replace(self.consult_file, consult=consult, plan=stored)
        self.plan = stored
        self.show_plan(self.render_plan(stored))  # what the family agreed to is shown
        return replace(priced, plan=stored)

    def choose_option(self, option_id: str) -> None:
        """Record a choice that has nothing to pay (e.g. watch and wait): no plan."""
        option = self.pricing.option(option_id)
        if option.fee_cents:
            raise UserError(f"{option.title} has a fee: choose how the family will pay.")
        consult = replace(self.consult_file.consult, chosen_option_id=option_id)
        self.desk.consults.save(consult)
        self.consult_file = replace(self.consult_file, consult=consult)
        self.context = build_context(self.desk, self.consult_id, content=self.kit.content)
        self._rerender(PLAN_DEPENDENT)

    def agreement_events(self) -> tuple[str, ...]:
        """What has happened to this consult's agreement, as checklist events.

        "agreement_generated" once a version that is not void exists;
        "agreement_signed" once one is signed (on screen or on paper).
        """
        from tcdesk.domain.agreement import AgreementStatus
        from tcdesk.services import agreements

        found = agreements.history(self.desk, self.consult_id)
        live = [r for r in found if r.status is not AgreementStatus.VOID]
        events = ["agreement_generated"] if live else []
        if any(r.status is AgreementStatus.SIGNED for r in live):
            events.append("agreement_signed")
        return tuple(events)

    def _audit(self, action: str, detail: str) -> None:
        self.desk.audit.record(
            id=new_id(),
            at=self.now(),
            action=action,
            subject_id=self.consult_id,
            actor_id=self.consult_file.consult.coordinator_id,
            detail=detail,
        )

    # -- ending -----------------------------------------------------------------------

    def end(self, outcome: Outcome | None = None) -> EndReport:
        """End the presentation; with an ``outcome``, record how the consult ended."""
        report = EndReport(skipped=self.session.skipped())
        consult = self.consult_file.consult
        if outcome is not None:
            consult = record_outcome(self.desk, consult, outcome)
            self.consult_file = replace(self.consult_file, consult=consult)
        elif consult.status is ConsultStatus.SCHEDULED:
            consult = replace(consult, status=ConsultStatus.PENDING)
            self.desk.consults.save(consult)
            self.consult_file = replace(self.consult_file, consult=consult)
        self.save(ended=True)
        return report


def open_sessions(desk: Desk) -> list[tuple[SavedSession, str]]:
    """Consults left mid-presentation (crash, kill): each with the patient's name."""
    found = []
    for saved in desk.consults.open_sessions():
        consult = desk.consults.get(saved.consult_id)
        patient = desk.patients.get(consult.patient_id) if consult else None
        if patient is not None:
            found.append((saved, patient.display_name))
    return found
