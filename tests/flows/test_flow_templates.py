"""Templates in flow files: unknown names and broken syntax are refused where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.flows import CONTEXT_NAMES, check_flow_file
from tests.flows.flow_texts import BASE, line_of, only_error, write


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("Hi {{ patient.first_name", "template syntax error"),
        ("{% if insured %}yes", "template syntax error"),
        ("Hi {{ notes }}", "unknown variable 'notes'"),
        ("Hi {{ talking_points }}", "unknown variable 'talking_points'"),
        ("Hi {{ pateint.first_name }}", "did you mean 'patient'"),
        ("{{ investment.fee | shout }}", "unknown filter 'shout'"),
        ("{% if patient is grown %}x{% endif %}", "unknown test 'grown'"),
    ],
)
def test_bad_templates(tmp_path: Path, template: str, fragment: str) -> None:
    text = BASE.replace('title = "Your next step"', f'title = "{template}"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("next", "title")
    assert error.line == line_of(text, f'title = "{template}"')
    assert fragment in error.message


def test_template_errors_in_lists_name_the_item(tmp_path: Path) -> None:
    text = BASE.replace(
        'choices = ["Start today", "Pick a day"]',
        'choices = ["Start today", "Call {{ coordinator.name"]',
    )
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("next", "choices[1]")
    assert error.line == line_of(text, "choices = [")


def test_loop_variables_are_not_unknown(tmp_path: Path) -> None:
    template = "{% for f in findings %}{{ f.label }} {% endfor %}{{ today | long_date }}"
    text = BASE.replace('text = "Glad you\'re here."', f'text = "{template}"')
    flow, errors = check_flow_file(write(tmp_path, text))
    assert errors == [], [str(e) for e in errors]
    assert flow is not None and flow.steps[0].text == template
    # The same name outside its loop is unknown: the check did look.
    outside = BASE.replace('text = "Glad you\'re here."', 'text = "{{ f.label }}"')
    assert "unknown variable 'f'" in str(only_error(tmp_path, outside))


def test_every_context_name_is_allowed(tmp_path: Path) -> None:
    names = " ".join(f"{{{{ {name} }}}}" for name in sorted(CONTEXT_NAMES))
    text = BASE.replace('text = "Glad you\'re here."', f'text = "{names}"')
    flow, errors = check_flow_file(write(tmp_path, text))
    assert errors == [], [str(e) for e in errors]
    assert flow is not None and flow.steps[0].text == names
