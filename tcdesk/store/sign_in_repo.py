"""PIN hashes and wrong-PIN counts on the staff rows (never the PIN itself)."""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.store.records import Records


@dataclass(frozen=True)
class PinState:
    staff_id: str
    pin_hash: str  # '' = no PIN set yet
    failures: int  # wrong PINs since the last right one
    failed_at: str | None  # UTC ISO time of the last wrong PIN


class SignInRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def state(self, staff_id: str) -> PinState | None:
        row = self._r.db.execute(
            "SELECT id, pin_hash, pin_failures, pin_failed_at FROM staff "
            "WHERE id = ? AND deleted_at IS NULL",
            [staff_id],
        ).fetchone()
        return PinState(*row) if row else None

    def with_pins(self, practice_id: str) -> set[str]:
        """The ids of active people who have a PIN."""
        rows = self._r.db.execute(
            "SELECT id FROM staff WHERE practice_id = ? AND pin_hash != '' "
            "AND active = 1 AND deleted_at IS NULL",
            [practice_id],
        )
        return {row[0] for row in rows}

    def set_hash(self, staff_id: str, pin_hash: str) -> None:
        self._update(staff_id, pin_hash=pin_hash, pin_failures=0, pin_failed_at=None)

    def set_failures(self, staff_id: str, failures: int, failed_at: str | None) -> None:
        self._update(staff_id, pin_failures=failures, pin_failed_at=failed_at)

    def _update(self, staff_id: str, **columns: object) -> None:
        sets = ", ".join(f"{name} = ?" for name in columns)
        self._r.db.execute(
            f"UPDATE staff SET {sets}, updated_at = ? WHERE id = ?",
            [*columns.values(), self._r.stamps.next(), staff_id],
        )
