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


def name_key(text: str) -> str:
    """What two names must share to be the same name ("Dr. Lee" is "dr lee")."""
    return fold(text).replace(".", "")


def candidates(
    known: Sequence[T], typed: str, name: Callable[[T], str], *, partial: bool = True
) -> list[T]:
    """Every record ``typed`` may name: its id, else its whole name, else a part of a name.

    ``partial=False`` (changing or removing a record) takes the whole name only.
    """
    typed = typed.strip()
    for record in known:
        if record.id == typed:
            return [record]
    wanted = name_key(typed)
    if not wanted:
        return []
    whole = [r for r in known if name_key(name(r)) == wanted]
    if whole or not partial:
        return whole
    return [r for r in known if wanted in name_key(name(r))]


def match(
    known: Sequence[T], typed: str, name: Callable[[T], str], *, partial: bool = True
) -> T | None:
    """The one record ``typed`` names, or None when it names none or several."""
    found = candidates(known, typed, name, partial=partial)
    return found[0] if len(found) == 1 else None


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
    found = candidates(known, typed, lambda o: o.name, partial=partial)
    if len(found) > 1:
        raise UserError(_ambiguous(flag, typed, "office", [f"{o.name} ({o.id})" for o in found]))
    if not found:
        names = ", ".join(o.name for o in known)
        raise UserError(
            f'{_start(flag)}There is no office "{typed.strip()}"; the offices are: {names}.'
        )
    return found[0]


def find_staff(desk: Desk, typed: str, *, flag: str = "", partial: bool = True) -> Staff:
    """A staff member (active or not) by id or name. ``flag`` starts the message."""
    practice = desk.practice()
    known = desk.practices.staff(practice.id) if practice else []
    found = candidates(known, typed, lambda s: s.name, partial=partial)
    if len(found) > 1:
        active = [s for s in found if s.active]
        if len(active) == 1 and _all_same_name(found):
            return active[0]  # the one still working here, not the one who left
        described = [_person(desk, s) for s in found]
        raise UserError(_ambiguous(flag, typed, "person", described))
    if not found:
        names = ", ".join(s.name for s in known if s.active)
        raise UserError(
            f'{_start(flag)}There is no one on staff called "{typed.strip()}"; staff: {names}.'
        )
    return found[0]


def _all_same_name(people: Sequence[Staff]) -> bool:
    return len({name_key(s.name) for s in people}) == 1


def _person(desk: Desk, member: Staff) -> str:
    office = next((o.name for o in offices(desk) if o.id == member.office_id), "")
    where = f", {office}" if office else ""
    left = ", inactive" if not member.active else ""
    return f"{member.name} ({member.id}, {member.role.value}{where}{left})"


def _ambiguous(flag: str, typed: str, kind: str, described: list[str]) -> str:
    return (
        f'{_start(flag)}"{typed.strip()}" fits more than one {kind}: '
        f"{'; '.join(described)}. Give the id or more of the name."
    )


def _start(flag: str) -> str:
    return f"{flag}: " if flag else ""
