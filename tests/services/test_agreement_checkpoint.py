"""A signed agreement is durable in the .sqlite3 file itself, not only in its -wal."""

from __future__ import annotations

import shutil
from pathlib import Path

from tcdesk.services import agreements
from tcdesk.store import engine
from tests.services.test_agreements import accepted_consult, marks_for


def _signed_in_file_alone(store: Path, folder: Path, agreement_id: str) -> bool:
    """Copy only the .sqlite3 file (as anyone would) and look for the signed copy."""
    folder.mkdir()
    alone = folder / store.name
    shutil.copyfile(store, alone)
    conn = engine.connect(alone)
    try:
        rows = conn.execute("SELECT count(*) FROM agreements WHERE id = ?", [agreement_id])
        return rows.fetchone()[0] == 1
    finally:
        conn.close()


def test_signing_on_screen_checkpoints_the_wal(demo_desk, tmp_path: Path) -> None:
    consult_id = accepted_consult(demo_desk)
    draft = agreements.generate(demo_desk, consult_id)
    assert not _signed_in_file_alone(demo_desk.path, tmp_path / "before", draft.id)
    signed = agreements.sign(demo_desk, draft.id, marks_for(demo_desk, consult_id), None)
    assert _signed_in_file_alone(demo_desk.path, tmp_path / "after", signed.id)


def test_signing_on_paper_checkpoints_the_wal(demo_desk, tmp_path: Path) -> None:
    consult_id = accepted_consult(demo_desk)
    draft = agreements.generate(demo_desk, consult_id)
    agreements.mark_signed_on_paper(demo_desk, draft.id, None, "Signed at the desk.")
    wal = demo_desk.path.with_name(demo_desk.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert _signed_in_file_alone(demo_desk.path, tmp_path / "after", draft.id)
