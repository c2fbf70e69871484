"""The README and the user guide point at pictures and pages that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", ["README.md", "docs/guide.md"])
def test_every_local_link_resolves(document: str) -> None:
    page = ROOT / document
    targets = [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]
    assert targets, f"{document} links to nothing"
    missing = [t for t in targets if not (page.parent / t.split("#")[0]).exists()]
    assert missing == []


def test_the_guide_is_linked_from_the_readme() -> None:
    assert "(docs/guide.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
