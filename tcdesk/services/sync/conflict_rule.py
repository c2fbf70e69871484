"""The conflict rule, the same on every install so all of them end the same.

A row's version is (``updated_at``, the install that wrote it): the greater
wins, so equal stamps are settled by install id. History rows never conflict
(they never change). A deletion is a stamped edit (``deleted_at``), so it wins
over an older edit and loses to a newer one. A loser is a conflict worth keeping
unless it was the version the winner was edited from (a plain update) or both
are the same install's (its own later edit).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Version:
    updated_at: str
    install_id: str

    def key(self) -> tuple[str, str]:
        return (self.updated_at, self.install_id)


@dataclass(frozen=True)
class Decision:
    take_incoming: bool
    is_conflict: bool


def decide(current: Version, incoming: Version, incoming_base: str | None) -> Decision:
    """What to do with an incoming version of a row that differs from the one here."""
    take = incoming.key() > current.key()
    same_writer = current.install_id == incoming.install_id
    if take:
        plain_update = incoming_base is not None and incoming_base == current.updated_at
        return Decision(True, not (plain_update or same_writer))
    return Decision(False, not same_writer)
