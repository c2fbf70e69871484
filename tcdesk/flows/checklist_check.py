"""Checking a step's checklist: ids, labels, conditions and the events that tick an item."""

from __future__ import annotations

from typing import Any

from tcdesk.flows.model import DONE_BY_EVENTS, ChecklistItem
from tcdesk.flows.report import BAD, Reporter, Where, did_you_mean, is_id
from tcdesk.flows.values import ValueChecker
from tcdesk.flows.when import compile_when

CHECKLIST_KEYS = ("id", "label", "when", "done_by")


class ChecklistChecker:
    """A ``checklist = [...]`` value, checked item by item."""

    def __init__(self, report: Reporter, values: ValueChecker) -> None:
        self._report = report
        self._values = values

    def check(self, value: Any, where: Where, key: str) -> Any:
        """The checked items as a tuple, or ``BAD`` after reporting every problem."""
        if not isinstance(value, list):
            self._report.error(
                "must be a list of { id = ..., label = ... } items", **where, key=key
            )
            return BAD
        items: list[ChecklistItem] = []
        seen: set[str] = set()
        bad = False
        for i, raw in enumerate(value):
            item_key = f"{key}[{i}]"
            if not isinstance(raw, dict):
                self._report.error(
                    "must be a table { id = ..., label = ... }", **where, key=item_key
                )
                bad = True
                continue
            if self._report.unknown_keys(raw, CHECKLIST_KEYS, where, prefix=item_key):
                bad = True
            item = self._item(raw, where, item_key, seen)
            if item is BAD:
                bad = True
                continue
            seen.add(item.id)
            items.append(item)
        return BAD if bad else tuple(items)

    def _item(self, raw: dict, where: Where, item_key: str, seen: set[str]) -> Any:
        """One item, or ``BAD``; ``seen`` holds the ids of the items before it."""
        report = self._report
        item_id, item_label = raw.get("id"), raw.get("label")
        if not is_id(item_id):
            report.error(
                "needs an id of lower-case letters, digits, '_' or '-'",
                **where,
                key=f"{item_key}.id",
            )
            return BAD
        if not isinstance(item_label, str) or not item_label.strip():
            report.error("needs a label (text)", **where, key=f"{item_key}.label", value=item_id)
            return BAD
        if item_id in seen:
            report.error(
                f"duplicate checklist id {item_id!r} (checklist ids are unique in a flow)",
                **where,
                key=f"{item_key}.id",
                value=item_id,
                occurrence=2,
            )
            return BAD
        extras = self._extras(raw, where, item_key)
        if extras is BAD:
            return BAD
        item_when, done_by = extras
        condition = compile_when(item_when) if item_when else None
        return ChecklistItem(
            item_id, item_label, when=item_when, done_by=done_by, condition=condition
        )

    def _extras(self, raw: dict, where: Where, item_key: str) -> Any:
        """A checklist item's optional ``when`` and ``done_by``, checked; or ``BAD``."""
        item_when = raw.get("when", "")
        if "when" in raw:
            item_when = self._values.when(item_when, where, f"{item_key}.when")
            if item_when is BAD:
                return BAD
        done_by = self._done_by(raw.get("done_by", ()), where, f"{item_key}.done_by")
        return BAD if done_by is BAD else (item_when, done_by)

    def _done_by(self, value: Any, where: Where, key: str) -> Any:
        """``done_by = "plan_saved"`` or a list of such events (see ``DONE_BY_EVENTS``)."""
        events = [value] if isinstance(value, str) else value
        known = tuple(DONE_BY_EVENTS)
        if not isinstance(events, list | tuple) or not all(isinstance(e, str) for e in events):
            self._report.error(
                f"must be an event name or a list of them, one of: {', '.join(known)}",
                **where,
                key=key,
            )
            return BAD
        for event in events:
            if event not in DONE_BY_EVENTS:
                self._report.error(
                    f"unknown event {event!r}{did_you_mean(event, known)}; "
                    f"done_by is one of: {', '.join(known)}",
                    **where,
                    key=key,
                )
                return BAD
        return tuple(dict.fromkeys(events))
