"""The ``when`` language: parsing, precedence, type checks, errors with columns."""

from __future__ import annotations

import pytest

from tcdesk.flows.when import WHEN_NAMES, WhenError, compile_when, facts_from_context
from tcdesk.render import load_content, sample_contexts

FACTS = {
    "insured": True,
    "age": 13,
    "is_child": False,
    "is_minor": True,
    "is_adult": False,
    "walk_in": False,
    "has_concerns": True,
    "has_priorities": False,
    "has_findings": True,
    "finding_count": 2,
    "has_photos": False,
    "has_options": True,
    "option_count": 3,
    "featured_type": "metal_braces",
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("insured", True),
        ("not insured", False),
        ("age < 11", False),
        ("age >= 13", True),
        ("age > 13", False),
        ("age <= 13", True),
        ("age == 13", True),
        ("age != 13", False),
        ("13 == age", True),
        ("has_findings and insured", True),
        ("has_photos or has_findings", True),
        ("not has_photos and not walk_in", True),
        # and binds tighter than or; not tighter than and
        ("has_photos and insured or has_findings", True),
        ("has_photos and (insured or has_findings)", False),
        ("not has_findings or insured", True),
        ("not (has_findings or insured)", False),
        ('featured_type == "metal_braces"', True),
        ('featured_type != "clear_aligners"', True),
        ("option_count > 2 and finding_count >= 2", True),
        ("insured == true", True),
        ("  ( ( insured ) )  ", True),
        ("is_adult or age >= 18", False),
    ],
)
def test_evaluates(source: str, expected: bool) -> None:
    assert compile_when(source).evaluate(FACTS) is expected


@pytest.mark.parametrize(
    ("source", "fragment", "column"),
    [
        ("", "empty", None),
        ("   ", "empty", None),
        ("insurd", "unknown name 'insurd' (did you mean 'insured'?", 1),
        ("age < 11 and hasfindings", "unknown name 'hasfindings'", 14),
        ("age <", "ends too early", 6),
        ("age < 11 11", "unexpected '11'", 10),
        ("(insured", "ends too early", 9),
        ("(insured and", "ends too early", 13),
        ("insured )", "unexpected ')'", 9),
        ("age", "must be true or false", 1),
        ("age and insured", "'and' needs true/false", 1),
        ("not age", "'not' needs a true/false", 1),
        ("insured < 3", "cannot compare bool with int", 9),
        ('age == "13"', "cannot compare int with str", 5),
        ("insured < true", "only compares numbers", 9),
        ("1 < age < 18", "chained comparisons", 9),
        ("age = 11", "unexpected character '='", 5),
        ("age < 11 && insured", "unexpected character '&'", 10),
        ('featured_type == "braces"', "featured_type is never 'braces'", 18),
        ('featured_type == "unterminated', "unterminated string", 18),
        ("__import__", "unknown name '__import__'", 1),
    ],
)
def test_rejects_with_column(source: str, fragment: str, column: int | None) -> None:
    with pytest.raises(WhenError) as info:
        compile_when(source)
    assert fragment in str(info.value)
    assert info.value.column == column


def test_names_and_missing_facts() -> None:
    condition = compile_when("age < 11 or (insured and not walk_in)")
    assert condition.names == {"age", "insured", "walk_in"}
    with pytest.raises(KeyError):
        condition.evaluate({"age": 9})


def test_is_not_python_eval() -> None:
    # Things Python would accept are plain errors here.
    for source in ("age.__class__", "len(age)", "age + 1 > 2", "[age]", "'x' == 'x'"):
        with pytest.raises(WhenError):
            compile_when(source)


def test_facts_from_sample_contexts_cover_every_name() -> None:
    contexts = sample_contexts(load_content())
    for context in contexts.values():
        facts = facts_from_context(context)
        assert set(facts) == set(WHEN_NAMES)
        for name, kind in WHEN_NAMES.items():
            assert type(facts[name]) is kind, name
    teen = facts_from_context(contexts["teen"])
    assert teen["insured"] and teen["age"] == 13 and teen["is_minor"] and not teen["is_child"]
    assert teen["featured_type"] == "metal_braces" and teen["option_count"] == 3
    child = facts_from_context(contexts["child"])
    assert child["is_child"] and child["age"] == 8
    bare = facts_from_context(contexts["bare"])
    assert bare["walk_in"] and not bare["has_options"] and bare["featured_type"] == ""
    assert not bare["has_findings"] and not bare["insured"]
