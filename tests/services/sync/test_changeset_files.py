"""Bad files are refused and tried again; another key is said clearly; newer ones wait."""

from __future__ import annotations

import random
from contextlib import closing
from pathlib import Path

import pytest

from tcdesk.services.sync import changeset_file, tables
from tcdesk.services.sync.changeset_file import BadFile, Header, Payload, WrongSyncKey
from tests.services.sync import offices as o


def _one_note(office: o.Office, body: str) -> None:
    desk = o.open_desk(office)
    o.add_note(desk, o.some_consult(desk), body)
    desk.close()


def _notes(store: Path) -> int:
    with closing(o.connect(store)) as conn:
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_a_cut_off_file_is_refused_then_applied_when_whole(
    _offices_template: Path, tmp_path: Path
) -> None:
    main, north, _south = o.copy_offices(_offices_template, tmp_path / "o")
    _one_note(main, "main: a note")
    main.sync()
    sent = next((main.folder / main.install_id()).iterdir())
    target = north.folder / main.install_id() / sent.name
    target.parent.mkdir()
    target.write_bytes(sent.read_bytes()[:-40])
    before = _notes(north.store)
    result = north.sync()
    assert result.refused and "cut off" in result.refused[0]["why"]
    assert _notes(north.store) == before
    target.write_bytes(sent.read_bytes())
    result = north.sync()
    assert len(result.applied) == 1 and _notes(north.store) == before + 1


def test_a_file_sealed_with_another_key_is_refused_clearly(
    _offices_template: Path, tmp_path: Path
) -> None:
    main, north, _south = o.copy_offices(_offices_template, tmp_path / "o")
    _one_note(main, "main: a note")
    main.sync()
    sent = next((main.folder / main.install_id()).iterdir())
    header, payload = changeset_file.read(sent, _key(main))
    other = Header(**{**header.__dict__, "key_id": changeset_file.key_id(b"k" * 32)})
    sealed = changeset_file.encode(other, payload, b"k" * 32)
    with pytest.raises(WrongSyncKey, match="another sync key"):
        changeset_file.decode(sealed, _key(main), "f")
    forged = north.folder / main.install_id() / sent.name
    forged.parent.mkdir()
    forged.write_bytes(sealed)
    result = north.sync()
    assert "another sync key" in result.refused[0]["why"]
    assert result.applied == []


def test_a_file_from_a_newer_schema_is_held(_offices_template: Path, tmp_path: Path) -> None:
    main, north, _south = o.copy_offices(_offices_template, tmp_path / "o")
    _one_note(main, "main: a note")
    main.sync()
    sent = next((main.folder / main.install_id()).iterdir())
    header, payload = changeset_file.read(sent, _key(main))
    newer = Header(**{**header.__dict__, "schema": header.schema + 1})
    held = north.folder / main.install_id() / sent.name
    held.parent.mkdir()
    held.write_bytes(changeset_file.encode(newer, payload, _key(main)))
    result = north.sync()
    assert "newer tcdesk" in result.waiting[0]["why"] and result.applied == []


def test_a_sync_that_died_before_committing_sends_again_harmlessly(
    _offices_template: Path, tmp_path: Path
) -> None:
    """The file was written, the store's commit never happened: the next file repeats it."""
    offices = o.copy_offices(_offices_template, tmp_path / "o")
    main, north, _south = offices
    _one_note(main, "main: a note")
    saved = {p: p.read_bytes() for p in (main.store, o.base_of(main))}
    main.sync()
    for path, data in saved.items():  # as if the commit was lost: store and snapshot as before
        path.write_bytes(data)
    _one_note(main, "main: another")
    result = main.sync()
    assert result.sent_seq == 2 and result.sent_rows == 2
    o.settle(offices, random.Random(1))
    assert _notes(north.store) == _notes(main.store)
    assert o.conflicts_of(north.store) == []


def test_every_table_is_synced_or_said_why_not(demo_store: Path) -> None:
    with closing(o.connect(demo_store)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    from tcdesk.store.connection import open_store

    open_store(demo_store).conn.close()
    with closing(o.connect(demo_store)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables.undecided(names) == []
    assert "kpi_month_counts" not in tables.SYNCED
    assert not any(t.startswith(("training_", "sync_")) for t in tables.SYNCED)


def test_a_damaged_header_is_a_bad_file() -> None:
    with pytest.raises(BadFile):
        changeset_file.decode(changeset_file.MAGIC + b"\0\0\0\x05{bad", b"k" * 32, "f")
    header = Header(1, 13, "p", "i", 1, changeset_file.key_id(b"k" * 32), {}, "now")
    sealed = changeset_file.encode(header, Payload(b"abc", {}), b"k" * 32)
    assert changeset_file.decode(sealed, b"k" * 32, "f")[1].changeset == b"abc"
    flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(BadFile, match="seal"):
        changeset_file.decode(flipped, b"k" * 32, "f")


def _key(office: o.Office) -> bytes:
    with closing(o.connect(office.store)) as conn:
        return conn.execute("SELECT sync_key FROM sync_install").fetchone()[0]


def _phone(office: o.Office, phone: str) -> None:
    desk = o.open_desk(office)
    o.change_phone(desk, o.first_patient(desk), phone)
    desk.close()


def _hand_over(writer: o.Office, reader: o.Office) -> None:
    own = writer.folder / writer.install_id()
    (reader.folder / own.name).mkdir(exist_ok=True)
    for path in own.iterdir():
        (reader.folder / own.name / path.name).write_bytes(path.read_bytes())


def test_rows_that_came_in_are_not_sent_back_out(_offices_template: Path, tmp_path: Path) -> None:
    main, north, _south = o.copy_offices(_offices_template, tmp_path / "o")
    _phone(main, "6145550001")
    main.sync()
    _hand_over(main, north)
    assert len(north.sync().applied) == 1
    assert north.sync().sent_seq is None  # the snapshot took main's row with the store


def test_an_edit_of_an_edit_waits_for_the_edit_it_was_made_on(
    _offices_template: Path, tmp_path: Path
) -> None:
    """South gets north's change before main's, which north had seen: it waits, no conflict."""
    main, north, south = o.copy_offices(_offices_template, tmp_path / "o")
    _phone(main, "6145550001")
    main.sync()
    _hand_over(main, north)
    north.sync()
    _phone(north, "6145550002")
    north.sync()
    _hand_over(north, south)
    result = south.sync()
    assert result.applied == [] and "waits for files" in result.waiting[0]["why"]
    _hand_over(main, south)
    result = south.sync()
    assert len(result.applied) == 2 and o.conflicts_of(south.store) == []


def test_a_file_says_its_writers_office_and_an_older_file_without_one_still_reads(
    tmp_path: Path,
) -> None:
    import json
    import struct

    key = b"s" * 32
    header = Header(1, 13, "practice", "install-a", 1, changeset_file.key_id(key), {}, "now", "o1")
    path = changeset_file.write(tmp_path, header, Payload(b""), key)
    assert changeset_file.read_header(path).office_id == "o1"
    assert changeset_file.read(path, key)[0] == header
    # A file from before the office was written: the same layout with no "office" key.
    older = {k: v for k, v in header.as_json().items() if k != "office"}
    head = json.dumps(older, sort_keys=True).encode()
    data = path.read_bytes()
    (size,) = struct.unpack(">I", data[len(changeset_file.MAGIC) : len(changeset_file.MAGIC) + 4])
    rest = data[len(changeset_file.MAGIC) + 4 + size :]
    (tmp_path / "old").write_bytes(
        changeset_file.MAGIC + struct.pack(">I", len(head)) + head + rest
    )
    assert changeset_file.read_header(tmp_path / "old").office_id == ""
