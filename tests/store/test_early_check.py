"""The practice file's quick check, started before the app's code loads, used by the open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tcdesk.store import early_check
from tcdesk.store.store_file import StoreFileError, StoreProblem, check_store_file


def _junk_a_middle_page(store: Path) -> None:
    data = bytearray(store.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    store.write_bytes(bytes(data))


def test_the_open_takes_the_early_result_once(demo_store: Path) -> None:
    early_check.start(demo_store)
    assert check_store_file(demo_store, create=False).applied  # a tcdesk file, checked
    assert early_check.result_for(demo_store) is None  # the open took it: nothing left


def test_a_damaged_file_is_refused_through_the_early_check_as_before(demo_store: Path) -> None:
    _junk_a_middle_page(demo_store)
    early_check.start(demo_store)
    with pytest.raises(StoreFileError) as refused:
        check_store_file(demo_store, create=False)
    assert refused.value.problem is StoreProblem.DAMAGED
    assert early_check.result_for(demo_store) is None  # it was the early result


def test_a_file_changed_since_the_check_is_checked_again(demo_store: Path) -> None:
    early_check.start(demo_store)
    stat = demo_store.stat()
    os.utime(demo_store, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert early_check.result_for(demo_store) is None  # changed: the open checks itself
    early_check.start(demo_store)
    assert early_check.result_for(demo_store) == ["ok"]


def test_no_early_check_for_a_missing_or_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    for path in (tmp_path / "missing.sqlite3", empty):
        early_check.start(path)
        assert early_check.result_for(path) is None
