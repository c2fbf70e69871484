"""What rendering needs from its inputs: a step's patient-facing fields, and the renderer's tools.

Both are protocols, so the kind builders (``tcdesk.render.kinds``) and the
``Renderer`` depend on these shapes rather than on each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from tcdesk.render.content import Content


class StepSpec(Protocol):
    """What the renderer needs from a flow step (``tcdesk.flows.Step`` fits)."""

    id: str
    kind: str
    title: str
    text: str
    subtitle: str
    bullets: tuple[str, ...]
    image: str
    image_caption: str
    show_logo: bool
    attribution: str
    show_photos: bool
    recommended_label: str
    footnote: str
    choices: tuple[str, ...]
    agenda: str
    # which slide of a findings step this is (tcdesk.flows.pages): ``part`` of ``parts``,
    # and the [start, stop) findings and photos it shows (None: all of them)
    part: int
    parts: int
    finding_range: tuple[int, int] | None
    photo_range: tuple[int, int] | None


class RenderTools(Protocol):
    """What a kind's block builder may use: the wording, the assets and the templates."""

    @property
    def content(self) -> Content: ...

    @property
    def locale(self) -> str:
        """The babel locale money and dates are written in (``en_US``, ``es_US``)."""
        ...

    def asset(self, relative: str) -> str:
        """Absolute path of an asset, or "" when the file is not there."""
        ...

    def render_text(self, step: StepSpec, key: str, source: str, context: Mapping[str, Any]) -> str:
        """``source`` (the step's ``key``) rendered as plain text; "" for no source."""
        ...
