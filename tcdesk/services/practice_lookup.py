"""Finding an office or a person by what someone typed: an id, a name, or a unique part of one.

The command line and the app's pickers name offices and staff the same way,
so "dr lee", "Dr. Lee" and the id all find Dr. Lee, and a name that fits no
one (or more than one) is refused with the names there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from tcdesk.domain import Office, Staff
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.store.text_search import fold

T = TypeVar("T", Office, Staff)


def _key(text: str) -> str:
    return fold(text).replace(".", "")


def match(
    known: Sequence[T], typed: str, name: Callable[[T], str], *, partial: bool = True
) -> T | None:
    """The one record ``typed`` names: by id, then whole name, then a unique part of a name.

    ``partial=False`` (changing or removing a record) takes the whole name only.
    """
    typed = typed.strip()
    for record in known:
        if record.id == typed:
            return record
    wanted = _key(typed)
    if not wanted:
        return None
    whole = [r for r in known if _key(name(r)) == wanted]
    if len(whole) == 1 or not partial:
        return whole[0] if len(whole) == 1 else None
    parts = [r for r in known if wanted in _key(name(r))]
    return parts[0] if len(parts) == 1 else None


def offices(desk: Desk) -> list[Office]:
    practice = desk.practice()
    return desk.practices.offices(practice.id) if practice else []


def find_office(desk: Desk, typed: str | None, *, flag: str = "", partial: bool = True) -> Office:
    """An office by id or name; nothing typed: the main office. ``flag`` starts the message."""
    known = offices(desk)
    if not known:
        raise UserError("This file holds no practice yet; set one up first (tcdesk setup).")
    if not typed or not typed.strip():
        return next((o for o in known if o.kind.value == "main"), known[0])
    found = match(known, typed, lambda o: o.name, partial=partial)
    if found is None:
        names = ", ".join(o.name for o in known)
        raise UserError(
            f'{_start(flag)}There is no office "{typed.strip()}"; the offices are: {names}.'
        )
    return found


def find_staff(desk: Desk, typed: str, *, flag: str = "", partial: bool = True) -> Staff:
    """A staff member (active or not) by id or name. ``flag`` starts the message."""
    practice = desk.practice()
    known = desk.practices.staff(practice.id) if practice else []
    found = match(known, typed, lambda s: s.name, partial=partial)
    if found is None:
        names = ", ".join(s.name for s in known if s.active)
        raise UserError(
            f'{_start(flag)}There is no one on staff called "{typed.strip()}"; staff: {names}.'
        )
    return found


def _start(flag: str) -> str:
    return f"{flag}: " if flag else ""
