"""The printed partner card: two pages, the persona and objections, then a sheet to tick."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tcdesk.cli import main
from tcdesk.services.training.partner_sheet import sheet_items


def _pages(path) -> list[str]:
    text = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    return text


def test_the_card_holds_the_persona_its_objections_and_the_sheet(
    practice_and_training, tmp_path, capsys
) -> None:
    practice, _ = practice_and_training
    out = tmp_path / "card.pdf"
    code = main(
        [
            "training",
            "card",
            "--persona",
            "maya_teen_cost",
            "--out",
            str(out),
            "--db",
            str(practice),
        ]
    )
    assert code == 0 and f"to {out}" in capsys.readouterr().out
    trainer, sheet = _pages(out)
    assert "FOR THE TRAINER" in trainer and "Maya, 14, and her mother Laura" in trainer
    assert "Bright Smiles Orthodontics" in trainer  # the practice's name, from --db
    assert "Laura's hours at work were cut last month" in trainer
    assert "1. When the money is first shown" in trainer
    assert "Wow. That's more than I expected." in trainer
    assert "2. Only if “It costs too much” is answered poorly" in trainer
    assert "SCORING SHEET" in sheet and "/ 100" in sheet
    for item in sheet_items():
        assert item.label in sheet, item.label
    assert "Otherwise: Think it over (the cost)." in sheet


@pytest.mark.parametrize("persona", ["familia_garcia_es", "marcus_spouse_absent", "james_no_need"])
def test_every_card_is_two_pages_without_a_practice_file(tmp_path, persona) -> None:
    out = tmp_path / f"{persona}.pdf"
    assert main(["training", "card", "--persona", persona, "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) == 2
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "p")], check=True)
        assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_a_wrong_persona_or_destination_is_refused_in_words(tmp_path, capsys) -> None:
    assert main(["training", "card", "--persona", "maya", "--out", str(tmp_path / "c.pdf")]) != 0
    assert "no persona 'maya'" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "c.pdf"
    assert main(["training", "card", "--persona", "maya_teen_cost", "--out", str(missing)]) != 0
    assert "does not exist" in capsys.readouterr().err
    assert not missing.parent.exists()
    text = tmp_path / "c.txt"
    assert main(["training", "card", "--persona", "maya_teen_cost", "--out", str(text)]) != 0
    assert "ending in .pdf" in capsys.readouterr().err
    assert not text.exists()
