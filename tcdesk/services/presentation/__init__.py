"""The presentation's use cases, in one place for callers: what they are built from.

- ``render_context``: ``build_context``, the render context of one consult
  (only what the family may see), and ``card_lines``.
- ``investment``: the fee, the family's portion and the ways to pay,
  priced by the same quote code as the agreement (``investment_context``,
  ``label_choices``, ``choice_label``).
- ``flow_choice``: which flow a consult gets, its session, and test-rendering
  a flow against the sample families (``applicable_flow``, ``start_session``,
  ``check_flow_rendering``).
"""

from tcdesk.services.presentation.flow_choice import (
    applicable_flow,
    check_flow_rendering,
    start_session,
)
from tcdesk.services.presentation.investment import (
    MAX_CHOICES,
    ZERO,
    choice_label,
    investment_context,
    label_choices,
)
from tcdesk.services.presentation.render_context import (
    ADULT_AGE,
    CHILD_AGE,
    build_context,
    card_lines,
)

__all__ = [
    "ADULT_AGE",
    "CHILD_AGE",
    "MAX_CHOICES",
    "ZERO",
    "applicable_flow",
    "build_context",
    "card_lines",
    "check_flow_rendering",
    "choice_label",
    "investment_context",
    "label_choices",
    "start_session",
]
