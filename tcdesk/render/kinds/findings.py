"""The family's own words (concerns) and what the doctor found (problem)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tcdesk.render.slide import Block, BulletsBlock, FindingBlock, ImageBlock, QuoteBlock
from tcdesk.render.spec import RenderTools, StepSpec

MAX_PHOTOS = 4


def concerns_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """The family's concern as a quote, then their priorities."""
    blocks: list[Block] = []
    quote = str(context.get("concerns") or "").strip()
    if quote:
        source = step.attribution or tools.content.word("concerns.attribution")
        attribution = tools.render_text(step, "attribution", source, context)
        blocks.append(QuoteBlock(quote, attribution))
    priorities = tuple(str(p).strip() for p in context.get("priorities") or () if str(p).strip())
    if priorities:
        blocks.append(BulletsBlock(priorities))
    return blocks


def problem_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """One block per finding, in the practice's words, then up to ``MAX_PHOTOS`` photos.

    A step split over several slides (``step.finding_range``) shows only its share.
    """
    findings = _share(list(context.get("findings") or ()), step.finding_range)
    blocks: list[Block] = [_finding(finding, tools) for finding in findings]
    if step.show_photos:
        photos = list(context.get("photos") or ())[:MAX_PHOTOS]
        for photo in _share(photos, step.photo_range):
            path = tools.asset(str(photo.get("path") or ""))
            if path:
                blocks.append(ImageBlock(path, str(photo.get("caption") or "")))
    return blocks


def _share(items: list[Any], span: tuple[int, int] | None) -> list[Any]:
    return items if span is None else items[span[0] : span[1]]


def _finding(finding: Mapping[str, Any], tools: RenderTools) -> FindingBlock:
    code = str(finding["code"])
    severity = str(finding.get("severity", ""))
    described = tools.content.describe_finding(code, severity)
    return FindingBlock(
        title=str(finding.get("label") or described["label"]),
        severity=str(finding.get("severity_label") or described["severity_label"]),
        illustration=tools.asset(
            finding.get("illustration") or f"illustrations/conditions/{code}.svg"
        ),
        what_it_is=str(finding.get("what_it_is") or described["what_it_is"]),
        if_untreated=str(finding.get("if_untreated") or described["if_untreated"]),
        photo=tools.asset(str(finding.get("photo") or "")),
        what_label=tools.content.word("problem.what_it_is"),
        if_label=tools.content.word("problem.if_untreated"),
        level=severity.lower(),
    )
