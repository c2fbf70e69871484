"""Any sequence of offline edits and syncs, with files arriving late, ends the same everywhere."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.sync import offices as o

STEP = st.tuples(
    st.sampled_from(["phone", "note", "sync", "deliver"]),
    st.integers(0, 2),  # which install
    st.integers(0, 2),  # which patient / consult
)


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(STEP, min_size=1, max_size=10), seed=st.integers(0, 1000))
def test_random_edits_and_syncs_converge(
    _offices_template: Path, tmp_path_factory, steps, seed
) -> None:
    root = tmp_path_factory.mktemp("conv") / "o"
    offices = o.copy_offices(_offices_template, root)
    rng = random.Random(seed)
    for number, (action, who, which) in enumerate(steps):
        office = offices[who]
        if action == "sync":
            office.sync()
        elif action == "deliver":
            o.deliver(offices, rng, cut=0.3)
        else:
            desk = o.open_desk(office)
            if action == "phone":
                patient = desk.db.execute(
                    "SELECT id FROM patients ORDER BY id LIMIT 1 OFFSET ?", [which]
                ).fetchone()[0]
                o.change_phone(desk, patient, f"614555{number:04d}")
            else:
                o.add_note(desk, o.some_consult(desk, which), f"note {number}")
            desk.close()
    o.settle(offices, rng)
    rows = [o.table_rows(office.store) for office in offices]
    assert rows[0] == rows[1] == rows[2]
    shutil.rmtree(root)
