"""Control characters are removed on the way in and shown, never obeyed, on the way out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tcdesk.text_safety import has_line_break, strip_controls, terminal_safe


def test_strip_controls_keeps_words_and_drops_what_steers_a_terminal() -> None:
    assert strip_controls("Zoë\x1b[2J Martínez") == "Zoë[2J Martínez"
    assert strip_controls("a\r\nb") == "a b"
    assert strip_controls("a\r\nb\rc", keep_newlines=True) == "a\nb\nc"
    assert strip_controls("right\u202eto left") == "rightto left"


def test_terminal_safe_shows_every_control() -> None:
    assert terminal_safe("Zoë\x1b[31m") == "Zoë\\x1b[31m"
    assert terminal_safe("two\nlines") == "two\nlines"
    assert terminal_safe("one\ncell\r", multiline=False) == "one\\ncell\\r"
    assert terminal_safe("\u202eevil") == "\\u202eevil"


@given(st.text())
def test_nothing_that_steers_a_terminal_survives(text: str) -> None:
    cleaned = strip_controls(text)
    assert not has_line_break(cleaned)
    assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in cleaned)
    shown = terminal_safe(text, multiline=False)
    assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in shown)
