"""Turning a flow step and the family's data into a ``Slide`` (no Qt here).

The patient display paints ``Slide`` objects and nothing else; see
``tcdesk.render.slide`` for the model and ``tcdesk.render.renderer`` for how
a step becomes one.
"""

from tcdesk.render.content import (
    DEFAULT_WORDING,
    ConditionText,
    Content,
    ContentError,
    check_content,
    default_content_dir,
    load_content,
)
from tcdesk.render.renderer import (
    Renderer,
    RenderError,
    StepSpec,
    render_deck,
    render_slide,
)
from tcdesk.render.sample import sample_context, sample_contexts
from tcdesk.render.slide import Slide, SlideKind, Theme
from tcdesk.render.timeline import PHASE_KEYS, add_months, build_timeline

__all__ = [
    "DEFAULT_WORDING",
    "PHASE_KEYS",
    "ConditionText",
    "Content",
    "ContentError",
    "RenderError",
    "Renderer",
    "Slide",
    "SlideKind",
    "StepSpec",
    "Theme",
    "add_months",
    "build_timeline",
    "check_content",
    "default_content_dir",
    "load_content",
    "render_deck",
    "render_slide",
    "sample_context",
    "sample_contexts",
]
