"""One consult being presented, without Qt: slides, live state, notes, objections, plan.

The presentation controller (ui) holds one ``ConsultRoom`` and calls it; the
room saves every change to the store as it happens, so a crash or a kill
loses nothing and the next launch can resume exactly where it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    Note,
    Objection,
    ObjectionLog,
    PaymentPlan,
    SavedSession,
)
from tcdesk.errors import UserError
from tcdesk.flows import Flow
from tcdesk.flows.model import ChecklistItem, Step
from tcdesk.flows.session import ConsultSession
from tcdesk.render.slide import Slide, SlideKind
from tcdesk.services import plan_choice
from tcdesk.services.clock import utc_iso
from tcdesk.services.consult_outcome import Outcome, record_outcome
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.objection_advice import ObjectionAdvice, advise
from tcdesk.services.plan_deck import (
    FIGURE_DEPENDENT,
    PLAN_DEPENDENT,
    PlanDeck,
    preview_slide,
    render_kinds,
)
from tcdesk.services.presentation import (
    applicable_flow,
    build_context,
    investment_context,
    label_choices,
    start_session,
)
from tcdesk.services.presentation_kit import PresentationKit
from tcdesk.services.save_failures import NotSaved, is_write_failure, not_saved
from tcdesk.store.connection import short_busy_wait

__all__ = [
    "FIGURE_DEPENDENT",
    "PLAN_DEPENDENT",
    "ConsultRoom",
    "EndReport",
    "NotSaved",
    "ObjectionAdvice",
    "PlanDeck",
    "PresentationKit",
    "open_sessions",
]


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
        language: str | None = None,
    ) -> None:
        """``record=False`` only reads (e.g. exporting slides): no live state is saved.
        ``language`` (a code) overrides the patient's preferred language."""
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
        # The family's language: their preferred one unless asked otherwise; each step
        # keeps the language it was last switched to (the money part in Spanish, the
        # teen's slides in English). ``context`` stays English: the facts and the TC's.
        self.family_language = kit.language(language or self.patient.preferred_language).code
        self.step_languages: list[str] = [self.family_language] * len(self.session.steps)
        self._decks: dict[str, list[Slide]] = {}
        self.slides: list[Slide] = list(self.deck_in(self.family_language))
        self.welcome = self._welcome(self.family_language)
        if record:
            self.save()

    # -- the family's language ------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the languages the family's screen can speak, English first."""
        return self.kit.languages.codes if self.kit.languages else ("en",)

    @property
    def language(self) -> str:
        """The language of what the family sees now (the current step's)."""
        if not self.step_languages:
            return self.family_language
        return self.step_languages[min(self.session.index, len(self.step_languages) - 1)]

    def language_label(self, code: str | None = None) -> str:
        """ "Español (Spanish)": how the console names a language."""
        return self.kit.language(code or self.language).label

    def context_in(self, code: str) -> dict[str, Any]:
        """The render context with the words around the data in language ``code``."""
        return self.kit.language(code).localize(self.context)

    def deck_in(self, code: str) -> list[Slide]:
        """Every slide of the consult in language ``code`` (rendered once, then kept)."""
        deck = self._decks.get(code)
        if deck is None:
            deck = self._render_steps(code, self.session.steps, self.context_in(code))
            self._decks[code] = deck
        return deck

    def switch_language(self, code: str | None = None) -> list[int]:
        """The family's screen in ``code`` (default: the next language) from the current
        step on; steps before it keep theirs. The indexes whose slide changed."""
        new = self.kit.language(code).code if code else self.kit.languages.after(self.language).code
        start = self.session.index if self.session.started else 0
        deck = self.deck_in(new)
        changed = []
        for i in range(start, len(self.step_languages)):
            if self.step_languages[i] != new:
                self.step_languages[i] = new
                self.slides[i] = deck[i]
                changed.append(i)
        if not self.session.started or start == 0:
            self.welcome = self._welcome(new)
        return changed

    @property
    def idle_welcome(self) -> Slide:
        """The room's screen between consults: the practice's welcome in the
        practice's own language (English), not the family that just left's, and
        without this consult's corner mark (a practice consult's "Practice")."""
        welcome = self._welcome("en")
        return replace(welcome, theme=replace(welcome.theme, corner_mark=""))

    def _welcome(self, code: str) -> Slide:
        return self.kit.renderer_for(code).practice_welcome(self.context_in(code))

    def _render_steps(
        self, code: str, steps: list[Step] | tuple[Step, ...], context: dict[str, Any]
    ) -> list[Slide]:
        language = self.kit.language(code)
        flow_id = self.session.flow.id
        return self.kit.renderer_for(code).render_deck(
            [language.step(flow_id, step) for step in steps], context
        )

    @property
    def outline_titles(self) -> list[str]:
        """The steps' titles for the console, in English (the TC's language)."""
        return [slide.title for slide in self.deck_in("en")]

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
        """Store the live state (step, blank, ticks, time, the last saved note).

        Raises ``NotSaved`` (the reason in a TC's words) when the file cannot be
        written; nothing in the room changes, so the caller simply tries again.
        """
        saved = self._session_row(self.note_id, self.draft_note, ended=ended)
        self._write(lambda: self.desk.consults.save_session(saved))
        return saved

    def _session_row(self, note_id: str | None, draft_note: str, *, ended: bool) -> SavedSession:
        saved = self.session.to_saved(
            self.consult_id,
            draft_note=draft_note,
            elapsed_seconds=self.elapsed_seconds,
            updated_at=self.now(),
            ended_at=self.now() if ended else None,
        )
        return replace(saved, note_id=note_id)

    def _write(self, work: Callable[[], object]) -> None:
        """Run ``work`` all-or-nothing, waiting only briefly for another program's lock.

        The console calls this on the GUI thread and retries on a timer (see
        ``ui/presentation/save_retry``), so a lock held elsewhere costs at most
        ``GUI_BUSY_TIMEOUT_MS`` (50 ms), never the store's 5 s busy wait; the
        failure comes back as ``NotSaved`` with the words the console shows.

        Why not a writer thread with its own connection: a commit here takes a
        millisecond or two (WAL, synchronous=NORMAL) and WAL readers never wait,
        so only a lock held by another program can block, and the short wait
        caps that. One connection on one thread keeps every save in order (a
        note revision and the step can never be stored out of order or race
        over ``revises``), needs no hand-off of the room's state between
        threads (sqlite3 connections are per-thread by default) and leaves
        nothing in flight in another thread when the app is killed.
        """
        with self._writing():
            work()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One all-or-nothing write with the short busy wait; failures as ``NotSaved``."""
        try:
            with short_busy_wait(self.desk.db.conn), self.desk.transaction():
                yield
        except UserError:
            raise
        except Exception as error:
            if not is_write_failure(error):
                raise
            raise not_saved(error) from error

    # -- notes and objections ---------------------------------------------------------

    def save_note(self, text: str) -> Note:
        """Append a revision of this consult's running note (the store never overwrites).

        The room's idea of the current note (``note_id``, ``draft_note``) moves on
        only once the commit has succeeded: after a failure the next revision
        still points at the last one really stored, so the chain never breaks.
        Raises ``NotSaved`` when the file cannot be written.
        """
        note = Note(
            id=new_id(),
            consult_id=self.consult_id,
            body=text,
            created_at=self.now(),
            author_id=self.consult_file.consult.coordinator_id,
            revises=self.note_id,
        )
        saved = self._session_row(note.id, text, ended=False)

        def write() -> None:
            self.desk.consults.add_note(note)
            self.desk.consults.save_session(saved)

        self._write(write)
        self.note_id = note.id
        self.draft_note = text
        return note

    def earlier_notes(self) -> list[Note]:
        """Notes from before this session (this session's running note excluded)."""
        return [
            n for n in self.desk.consults.current_notes(self.consult_id) if n.id != self.note_id
        ]

    def log_objection(self, objection: Objection) -> ObjectionAdvice:
        """Log what the family raised and advise; ``NotSaved`` when it cannot be logged."""
        entry = ObjectionLog(
            id=new_id(),
            consult_id=self.consult_id,
            objection=objection,
            created_at=self.now(),
            author_id=self.consult_file.consult.coordinator_id,
            detail=f"during step '{self.session.step.id}'",
        )
        self._write(lambda: self.desk.consults.add_objection(entry))
        return advise(self.session, self.slides, objection)

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
        in_use = self._languages_in_use()
        if (
            base is not None
            and base.plan.option_id == plan.option_id == featured
            and all(code in base.by_language for code in in_use)
        ):
            investment, _monthly = investment_context(
                self.desk, self.consult_file, self.patient, plan, pricing=self.pricing
            )
            label_choices(investment, self.kit.content)
            context = {**base.context, "investment": investment}
            by_language = {
                code: {
                    **base.by_language[code],
                    **self._render_kinds(FIGURE_DEPENDENT, context, code),
                }
                for code in in_use
            }
        else:
            context = build_context(
                self.desk, self.consult_id, plan_override=plan, content=self.kit.content
            )
            by_language = {
                code: self._render_kinds(PLAN_DEPENDENT, context, code) for code in in_use
            }
        # each step's slide in its own language (every language in use was rendered)
        slides = {
            i: by_language[self.step_languages[i]][i]
            for i in next(iter(by_language.values()))
            if i in by_language[self.step_languages[i]]
        }
        self._candidate = PlanDeck(
            plan=plan, context=context, slides=slides, by_language=by_language
        )
        return self._candidate

    def _languages_in_use(self) -> list[str]:
        """The family's languages on some step, and any already rendered in full."""
        return list(dict.fromkeys([*self.step_languages, *self._decks]))

    def show_plan(self, deck: PlanDeck) -> list[int]:
        """Put a privately rendered plan on the family's slides; the indexes that changed."""
        for code in list(self._decks):
            if code not in deck.by_language:  # rendered before this plan: render again
                del self._decks[code]
        for code, slides in deck.by_language.items():
            if code in self._decks:
                for i, slide in slides.items():
                    self._decks[code][i] = slide
        changed = []
        for i in range(len(self.slides)):
            slide = deck.by_language.get(self.step_languages[i], {}).get(i)
            if slide is not None and self.slides[i] is not slide:
                self.slides[i] = slide
                changed.append(i)
        self.context = deck.context
        return changed

    def preview_slide(self, deck: PlanDeck) -> Slide | None:
        """The one slide that previews ``deck`` on the console (see ``plan_deck``)."""
        current = self.session.index if self.session.started else -1
        return preview_slide(deck, self.session.steps, current)

    def _render_kinds(
        self, kinds: frozenset[SlideKind], context: dict[str, Any], code: str = "en"
    ) -> dict[int, Slide]:
        """The slides of ``kinds`` from the English ``context``, in language ``code``."""
        language = self.kit.language(code)
        steps = [language.step(self.session.flow.id, step) for step in self.session.steps]
        return render_kinds(self.kit.renderer_for(code), steps, kinds, language.localize(context))

    def _rerender(self, kinds: frozenset[SlideKind]) -> list[int]:
        """Render again the slides of ``kinds`` from the current context; their indexes."""
        self._decks = {
            code: deck for code, deck in self._decks.items() if code in self.step_languages
        }
        changed: set[int] = set()
        for code in self._languages_in_use():
            slides = self._render_kinds(kinds, self.context, code)
            for i, slide in slides.items():
                if code in self._decks:
                    self._decks[code][i] = slide
                if self.step_languages[i] == code:
                    self.slides[i] = slide
                    changed.add(i)
        self._candidate = None
        return sorted(changed)

    def choose_plan(self, plan: PaymentPlan) -> PricedPlan:
        """Save the family's choice on the consult (a new plan row; history kept)."""
        with self._writing():  # a full disk is said at the Save button, not as a crash
            chosen = plan_choice.choose_plan(self.desk, self.pricing, self.consult_file, plan)
        self.consult_file = chosen.consult_file
        self.plan = chosen.priced.plan
        self.show_plan(self.render_plan(self.plan))  # what the family agreed to is shown
        return chosen.priced

    def choose_option(self, option_id: str) -> None:
        """Record a choice that has nothing to pay (e.g. watch and wait): no plan."""
        with self._writing():
            chosen = plan_choice.choose_option(
                self.desk, self.pricing, self.consult_file, option_id
            )
        self.consult_file = chosen
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

    # -- ending -----------------------------------------------------------------------

    def end(self, outcome: Outcome | None = None) -> EndReport:
        """End the presentation; with an ``outcome``, record how the consult ended.

        All or nothing: when the store cannot be written the consult stays open,
        as it was (checklist included), and a ``UserError`` says why.
        """
        checked = set(self.session.checked)
        if outcome is not None:
            self.session.happened("outcome_recorded")
        report = EndReport(skipped=self.session.skipped())
        try:
            with short_busy_wait(self.desk.db.conn), self.desk.transaction():
                consult = self._record_end(outcome)
                self.save(ended=True)
        except UserError:
            self.session.checked = checked
            raise
        except Exception as error:
            self.session.checked = checked
            if not is_write_failure(error):
                raise
            raise not_saved(error) from error
        self.consult_file = replace(self.consult_file, consult=consult)
        return report

    def _record_end(self, outcome: Outcome | None) -> Consult:
        consult = self.consult_file.consult
        if outcome is not None:
            return record_outcome(self.desk, consult, outcome)
        if consult.status is ConsultStatus.SCHEDULED:
            consult = replace(consult, status=ConsultStatus.PENDING)
            self.desk.consults.save(consult)
        return consult


def open_sessions(desk: Desk) -> list[tuple[SavedSession, str]]:
    """Consults left mid-presentation (crash, kill): each with the patient's name."""
    found = []
    for saved in desk.consults.open_sessions():
        consult = desk.consults.get(saved.consult_id)
        patient = desk.patients.get(consult.patient_id) if consult else None
        if patient is not None:
            found.append((saved, patient.display_name))
    return found
