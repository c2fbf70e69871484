"""The live state of one consult, without Qt: which step, blanked or not, what was covered.

The presentation controller owns one ``ConsultSession`` and asks it what the
patient display shows (``screen``) and which step is current. Every command
returns whether anything changed, so the UI repaints only then. The state
round-trips through ``SavedSession`` so a crash can resume where it stopped.

Rules:
- Until ``start()``, the display shows the practice welcome. ``next()`` on the
  welcome starts the consult (a clicker has no "start" button).
- Blanking ("black" or "white") hides the slide without moving; navigation
  while blanked moves but stays blank.
- A step's checklist items are ticked when the family actually sees the step
  (started and not blanked), or, with ``auto_tick`` off, once the step has
  been up ``COVERED_AFTER_SECONDS`` (the console's timer calls
  ``mark_covered``). Items with ``done_by`` are actions, not talk: they tick
  only when the caller reports the event (``happened``), never by being shown.
  The coordinator can tick and untick any item by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tcdesk.domain import SavedSession
from tcdesk.flows.model import ChecklistItem, Flow, Step

BLANK_MODES = ("", "black", "white")

# How long a step must be on the family's screen before its talk items count as
# covered. Paging past a step to reach another takes well under a second a
# step, while the shortest real discussion of a step (one sentence and a look)
# takes about 4 s: 3 s counts the second and never the first. (8 s left 11
# items "not covered" in a consult paged at about 4 s a step.)
COVERED_AFTER_SECONDS = 3.0


@dataclass
class ConsultSession:
    flow: Flow
    steps: tuple[Step, ...]
    index: int = 0  # 0-based, into ``steps``
    started: bool = False
    blank: str = ""
    checked: set[str] = field(default_factory=set)
    # When False, showing a step ticks nothing by itself: the caller decides when a
    # step counts as covered (the console waits until it has been up a while).
    auto_tick: bool = True

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError(f"flow {self.flow.id!r} has no step for this patient")
        if self.blank not in BLANK_MODES:
            raise ValueError(f"blank must be one of {BLANK_MODES}, not {self.blank!r}")
        self.index = max(0, min(self.index, len(self.steps) - 1))
        known = {item.id for item in self.checklist()}
        self.checked = {item_id for item_id in self.checked if item_id in known}
        self._tick_shown()

    @classmethod
    def begin(cls, flow: Flow, facts: Mapping[str, object]) -> ConsultSession:
        """A new session over the steps of ``flow`` that apply to a patient with ``facts``."""
        return cls(flow=flow, steps=flow.applicable_steps(facts))

    # -- what is shown -------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def position(self) -> int:
        """1-based number of the current step, as the console shows it."""
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.steps)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    @property
    def screen(self) -> str:
        """What the patient display shows: "welcome", "black", "white" or "step"."""
        if self.blank:
            return self.blank
        return "step" if self.started else "welcome"

    @property
    def showing_step(self) -> bool:
        return self.screen == "step"

    # -- commands (each returns whether anything changed) ---------------------------

    def start(self) -> bool:
        if self.started:
            return False
        self.started = True
        self._tick_shown()
        return True

    def next(self) -> bool:
        if not self.started:
            return self.start()
        return self._go(self.index + 1)

    def previous(self) -> bool:
        return self._go(self.index - 1)

    def first(self) -> bool:
        return self._go(0)

    def last(self) -> bool:
        return self._go(len(self.steps) - 1)

    def jump(self, number: int) -> bool:
        """Go to step ``number`` (1-based, as typed on the keyboard); out of range: no-op."""
        if not 1 <= number <= len(self.steps):
            return False
        return self._go(number - 1)

    def go_to_step(self, step_id: str) -> bool:
        """Go to the step with ``step_id`` (e.g. an objection's answer step), if it applies."""
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                return self._go(i)
        return False

    def toggle_black(self) -> bool:
        return self._set_blank("" if self.blank == "black" else "black")

    def toggle_white(self) -> bool:
        return self._set_blank("" if self.blank == "white" else "white")

    def unblank(self) -> bool:
        return self._set_blank("")

    # -- checklist -------------------------------------------------------------------

    def checklist(self) -> tuple[ChecklistItem, ...]:
        """Every checklist item of the applicable steps, in order."""
        return tuple(item for step in self.steps for item in step.checklist)

    def is_checked(self, item_id: str) -> bool:
        return item_id in self.checked

    def tick(self, item_id: str) -> bool:
        if item_id in self.checked or item_id not in self._item_ids():
            return False
        self.checked.add(item_id)
        return True

    def untick(self, item_id: str) -> bool:
        if item_id not in self.checked:
            return False
        self.checked.discard(item_id)
        return True

    def toggle_item(self, item_id: str) -> bool:
        return self.untick(item_id) if item_id in self.checked else self.tick(item_id)

    def skipped(self, *, coming: frozenset[str] = frozenset()) -> list[ChecklistItem]:
        """Items not covered yet: the end-of-consult warning lists these.

        Items done by one of the ``coming`` events (e.g. the outcome the end
        is about to record) are left out: they are not skipped, just not yet due.
        """
        return [
            item
            for item in self.checklist()
            if item.id not in self.checked and not (coming and coming & set(item.done_by))
        ]

    def happened(self, event: str) -> bool:
        """Tick every item done by ``event`` (e.g. "plan_saved"), on any step; changed?"""
        before = len(self.checked)
        self.checked.update(item.id for item in self.checklist() if event in item.done_by)
        return len(self.checked) != before

    # -- saving and resuming ---------------------------------------------------------------

    def to_saved(
        self,
        consult_id: str,
        *,
        draft_note: str = "",
        elapsed_seconds: int = 0,
        updated_at: str = "",
        ended_at: str | None = None,
    ) -> SavedSession:
        order = [item.id for item in self.checklist()]
        return SavedSession(
            consult_id=consult_id,
            flow_id=self.flow.id,
            step_id=self.step.id,
            step_index=self.index,
            started=self.started,
            blank=self.blank,
            checked=tuple(item_id for item_id in order if item_id in self.checked),
            draft_note=draft_note,
            elapsed_seconds=elapsed_seconds,
            updated_at=updated_at,
            ended_at=ended_at,
        )

    @classmethod
    def from_saved(
        cls, flow: Flow, facts: Mapping[str, object], saved: SavedSession
    ) -> ConsultSession:
        """Resume: the saved step by id (the flow may have changed), else by index.

        A step shown on several slides (its parts share the id) resumes on the
        part that was up, when it is still there.
        """
        steps = flow.applicable_steps(facts)
        index = saved.step_index
        if not (0 <= index < len(steps) and steps[index].id == saved.step_id):
            index = next((i for i, s in enumerate(steps) if s.id == saved.step_id), index)
        blank = saved.blank if saved.blank in BLANK_MODES else ""
        return cls(
            flow=flow,
            steps=steps,
            index=index,
            started=saved.started,
            blank=blank,
            checked=set(saved.checked),
        )

    # -- internals ------------------------------------------------------------------

    def _go(self, index: int) -> bool:
        if not 0 <= index < len(self.steps) or index == self.index:
            return False
        self.index = index
        self._tick_shown()
        return True

    def _set_blank(self, mode: str) -> bool:
        if mode == self.blank:
            return False
        self.blank = mode
        self._tick_shown()
        return True

    def mark_covered(self) -> bool:
        """Tick the current step's talk items, if the family is looking at it now.

        Action items (``done_by``) are left for their event: a slide that says
        "book the start" on screen is not a booked start.
        """
        if not self.showing_step:
            return False
        before = len(self.checked)
        self.checked.update(item.id for item in self.step.checklist if not item.done_by)
        return len(self.checked) != before

    def _tick_shown(self) -> None:
        if self.auto_tick:
            self.mark_covered()

    def _item_ids(self) -> set[str]:
        return {item.id for item in self.checklist()}
