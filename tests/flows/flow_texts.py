"""A small valid flow file and helpers to break it one mistake at a time (flow tests)."""

from __future__ import annotations

from pathlib import Path

from tcdesk.flows import FlowError, check_flow_file

BASE = """\
format = 1
id = "mini"
name = "Mini flow"
description = "A small flow for tests."
audience = "teen"

[[steps]]
id = "welcome"
kind = "welcome"
title = "Welcome, {{ patient.first_name }}!"
text = "Glad you're here."
talking_points = ["Introduce yourself."]
checklist = [
  { id = "intro", label = "Introduced myself" },
  { id = "who_decides", label = "Asked who decides" },
]

[[steps]]
id = "money"
kind = "investment"
title = "Your investment"
text = "{% if insured %}With insurance.{% else %}Ways to pay.{% endif %}"
when = "has_options"
minutes = 5
footnote = "Questions? Ask {{ coordinator.short_name }}."

[steps.objections.cost]
responses = ["It's a real investment.", "What monthly amount feels right?"]
answer_step = "next"

[steps.objections]
need_to_think = ["Of course."]

[[steps]]
id = "next"
kind = "next_steps"
title = "Your next step"
choices = ["Start today", "Pick a day"]
"""


def write(tmp_path: Path, text: str, name: str = "flow.toml") -> Path:
    """``text`` saved as a flow file in ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The line number an error should name: where ``fragment`` appears."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{fragment!r} not in text")


def only_error(tmp_path: Path, text: str) -> FlowError:
    """The one error ``text`` has, which must name the file."""
    path = write(tmp_path, text)
    flow, errors = check_flow_file(path)
    assert flow is None
    assert len(errors) == 1, [str(e) for e in errors]
    error = errors[0]
    assert error.path == path
    return error
