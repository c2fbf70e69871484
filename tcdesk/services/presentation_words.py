"""The presentation's plain words (``presentation_flows/content``), with a fallback.

The take-home summary says what the presentation said, in the same words. If
that content can't be loaded, the summary still prints, with the summary
text file's own words for each condition and the built-in labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tcdesk.errors import UserError

if TYPE_CHECKING:
    from tcdesk.render import Content


class PresentationWords:
    """One load of the presentation's content (``None`` when it can't be read)."""

    def __init__(self, content: Content | None) -> None:
        self.content = content

    @classmethod
    def load(cls) -> PresentationWords:
        """The shipped content, or none if it can't be loaded (never an error)."""
        try:
            from tcdesk.render import load_content

            return cls(load_content())
        except (ImportError, UserError):
            return cls(None)

    def word(self, key: str, default: str) -> str:
        """The wording for ``key``; ``default`` when there is no such wording."""
        if self.content is None:
            return default
        try:
            return self.content.word(key)
        except (KeyError, IndexError, ValueError):
            return default

    def describe(self, code: str, severity: str) -> dict[str, str]:
        """Label, severity label, what it is and what happens if untreated."""
        if self.content is not None:
            return self.content.describe_finding(code, severity)
        from tcdesk.documents.summary_text import fallback_condition

        return fallback_condition(code, severity)
