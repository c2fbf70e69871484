"""``--lang en|es`` on ``slides``, ``summary`` and ``agreement``; an unknown language is
the user's mistake: one line, exit 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tcdesk.cli import main
from tcdesk.services.demo import demo_id

ZOE = demo_id("consult", "zoe_martinez_reyes")
ETHAN = demo_id("consult", "ethan_walker")


def _text(path: Path) -> str:
    return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_summary_and_agreement_in_spanish_and_english(demo_store: Path, tmp_path: Path) -> None:
    db = ["--db", str(demo_store)]
    for lang, summary_words, agreement_words in (
        ("es", "El resumen de su consulta", "Contrato financiero de ortodoncia"),
        ("en", "Your consultation summary", "Orthodontic Financial Agreement"),
    ):
        summary, agreement = tmp_path / f"s-{lang}.pdf", tmp_path / f"a-{lang}.pdf"
        assert main(["summary", *db, "--consult", ZOE, "--out", str(summary), "--lang", lang]) == 0
        assert summary_words in _text(summary)
        args = ["agreement", *db, "--consult", ETHAN, "--out", str(agreement), "--lang", lang]
        assert main(args) == 0
        assert agreement_words in _text(agreement)


def test_slides_in_spanish(demo_store: Path, tmp_path: Path, capsys, qapp) -> None:
    out = tmp_path / "slides"
    args = ["slides", "--db", str(demo_store), "--consult", ZOE, "--out", str(out)]
    assert main([*args, "--size", "640x360", "--lang", "es"]) == 0
    names = [Path(line).name for line in capsys.readouterr().out.split()]
    assert names[0].startswith("01-hola-") and "02-lo-que-nos-contó.png" in names


@pytest.mark.parametrize("command", ["summary", "agreement", "slides"])
def test_an_unknown_language_is_one_line(demo_store: Path, tmp_path: Path, capsys, command):
    out = tmp_path / ("x" if command == "slides" else "x.pdf")
    args = [command, "--db", str(demo_store), "--consult", ZOE, "--out", str(out)]
    assert main([*args, "--lang", "fr"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "tcdesk: There is no language 'fr' (languages: en, es)."
    assert not out.exists()
