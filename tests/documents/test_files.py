"""Atomic writes: the whole file or nothing, never a temporary file left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tcdesk.documents import files
from tcdesk.documents.files import write_pdf_atomically
from tcdesk.errors import UserError

PDF = b"%PDF-1.4\n...\n%%EOF\n"


def test_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "agreement.pdf"
    assert write_pdf_atomically(PDF, target) == target
    assert target.read_bytes() == PDF
    assert os.listdir(tmp_path) == ["agreement.pdf"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"old")
    write_pdf_atomically(PDF, target)
    assert target.read_bytes() == PDF


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        write_pdf_atomically(PDF, tmp_path / "nope" / "a.pdf")


def test_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a folder"):
        write_pdf_atomically(PDF, tmp_path)


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError, match="not writable"):
        write_pdf_atomically(PDF, tmp_path / "a.pdf")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failure_leaves_no_temporary_file_and_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, step, fail)
    with pytest.raises(UserError, match="No space left on device"):
        write_pdf_atomically(PDF, target)
    assert os.listdir(tmp_path) == ["agreement.pdf"]
    assert target.read_bytes() == b"old"


def test_interrupted_write_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_pdf_atomically(PDF, tmp_path / "a.pdf")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Welcome, Zoë!", "welcome-zoë"),
        ("Zoë Martínez-Reyes", "zoë-martínez-reyes"),
        ("王小明", "王小明"),
        ("Иванова Мила", "иванова-мила"),
        ("Zoe\u0308", "zoë"),  # decomposed input is composed, not split
        ("  ---  ", "slide"),
        ("Your options: braces & aligners", "your-options-braces-aligners"),
    ],
)
def test_file_slug_keeps_the_letters_of_every_script(text: str, slug: str) -> None:
    from tcdesk.documents.files import file_slug

    assert file_slug(text, "slide") == slug


def test_file_slug_can_keep_case_and_is_bounded() -> None:
    from tcdesk.documents.files import file_slug

    assert file_slug("Zoë Martínez-Reyes", "patient", lower=False) == "Zoë-Martínez-Reyes"
    assert len(file_slug("a" * 300, "x")) == 40


def test_private_files_and_folders_are_owner_only(tmp_path: Path) -> None:
    from tcdesk.documents.files import private_folder, write_private_file

    folder = private_folder(tmp_path / "new" / "slides")
    assert stat.S_IMODE(os.stat(tmp_path / "new").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    written = write_private_file(b"\x89PNG", folder / "01-welcome-zoë.png")
    assert written.read_bytes() == b"\x89PNG"
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
    assert os.listdir(folder) == ["01-welcome-zoë.png"]
    existing = tmp_path / "mine"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    assert private_folder(existing) == existing  # a folder the user made keeps its mode
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o755
