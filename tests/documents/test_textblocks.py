"""The practice-editable text format: blocks, inline bold, escaping, template errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.documents.agreement_pdf import default_terms_template, terms_context
from tcdesk.documents.textblocks import (
    BULLET,
    HEADING,
    PARAGRAPH,
    SUBHEADING,
    Block,
    TemplateProblem,
    inline_markup,
    parse_blocks,
    render_blocks,
    render_string,
)
from tests.documents.helpers import agreement, pay_in_full_quote


def test_parse_blocks() -> None:
    text = """
# Terms
## What it covers
The fee covers
the whole case.

- one
  continued
- two
* three

Last **bold** words.
"""
    assert parse_blocks(text) == (
        Block(HEADING, "Terms"),
        Block(SUBHEADING, "What it covers"),
        Block(PARAGRAPH, "The fee covers the whole case."),
        Block(BULLET, "one continued"),
        Block(BULLET, "two"),
        Block(BULLET, "three"),
        Block(PARAGRAPH, "Last **bold** words."),
    )


def test_inline_markup_escapes_and_bolds() -> None:
    assert inline_markup("a < b & **c > d**") == "a &lt; b &amp; <b>c &gt; d</b>"
    assert inline_markup("Mother: 李娜") == 'Mother: <font name="TcCJK">李娜</font>'


def test_default_terms_render_for_installments_and_pay_in_full() -> None:
    for data in (agreement(), agreement(quote=pay_in_full_quote())):
        blocks = render_blocks(default_terms_template(), terms_context(data))
        headings = [b.text for b in blocks if b.kind == SUBHEADING]
        assert "Default and collection" in headings
        assert "Insurance" in headings
        joined = " ".join(b.text for b in blocks)
        assert "{{" not in joined and "{%" not in joined


def test_default_terms_leave_out_insurance_when_there_is_none() -> None:
    from tests.documents.helpers import quote

    data = agreement(quote=quote(primary_insurance=None))
    blocks = render_blocks(default_terms_template(), terms_context(data))
    assert "Insurance" not in [b.text for b in blocks if b.kind == SUBHEADING]


def test_string_template_errors_name_the_text() -> None:
    with pytest.raises(TemplateProblem, match=r"summary_text.toml: intro, line 1"):
        render_string("Hi {{ nobody }}", {}, "summary_text.toml: intro")


def test_money_filter_refuses_floats(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="never float"):
        render_string("{{ amount | money }}", {"amount": 1.5}, "x")
