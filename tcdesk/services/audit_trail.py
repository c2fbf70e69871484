"""The audit trail as a person reads it: when, who, what, and about which record.

What is shown names records by id only: a patient is "patient 1b2c...", never
a name, a date of birth or a phone. Details are shown only for actions whose
details hold no patient data (settings, sign-in, locks, imports and exports,
agreement numbers); free text a TC typed (a reason, an override) is left out,
as it may name a family.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id

WORDS = {
    "signed_in": "signed in",
    "signed_out": "signed out",
    "pin_wrong": "typed a wrong PIN",
    "pin_too_soon": "tried a PIN during the wait",
    "pin_set": "set a PIN",
    "locked": "desk locked",
    "unlocked": "desk unlocked",
    "patient_opened": "opened a patient",
    "agreement.generated": "agreement made",
    "agreement.printed": "agreement printed",
    "agreement.signed": "agreement signed",
    "agreement.voided": "agreement voided",
    "plan_chosen": "payment plan chosen",
    "plan_over_limit": "plan outside the policy (override)",
    "patients_imported": "patients imported",
    "patients_exported": "patients exported",
    "consults_exported": "consults exported",
    "family_added": "family added",
    "family_updated": "family changed",
    "practice_set_up": "practice set up",
    "backup_made": "backed up",
    "restored_from_backup": "restored from a backup",
    "store_converted": "encryption of the practice file changed",
}
# Actions whose details carry no patient data: shown as stored.
_SAFE_DETAIL_PREFIXES = (
    "settings_",
    "pin_",
    "signed_",
    "locked",
    "unlocked",
    "practice_set_up",
    "consult_moved",
    "patients_imported",
    "patients_exported",
    "consults_exported",
    "backup_made",
    "restored_from_backup",
    "store_converted",
)
NOBODY = "(no one signed in)"


@dataclass(frozen=True)
class AuditLine:
    at: str  # UTC ISO
    when: str  # local "YYYY-MM-DD HH:MM:SS"
    who: str
    who_id: str | None
    action: str
    what: str
    about: str  # "patient 1b2c..." : a kind and an id, nothing else
    detail: str


def record(desk: Desk, action: str, subject_id: str, detail: str = "") -> None:
    """One entry by the person signed in (the desk's own actions: opening a patient ...)."""
    with desk.transaction():
        desk.audit.record(
            id=new_id(),
            at=utc_iso(desk.clock()),
            action=action,
            subject_id=subject_id,
            actor_id=desk.signed_in_id,
            detail=detail,
        )


def _local_midnight_utc(day: date) -> str:
    return utc_iso(datetime.combine(day, time()).astimezone(UTC))


def _safe_detail(action: str, detail: str) -> str:
    if not action.startswith(_SAFE_DETAIL_PREFIXES):
        return ""
    try:
        parsed = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(parsed, dict):
        return ", ".join(f"{k}: {v}" for k, v in parsed.items())
    return detail


def audit_lines(
    desk: Desk,
    *,
    since: date | None = None,
    until: date | None = None,
    who: list[str] | None = None,
) -> list[AuditLine]:
    """Entries from the local day ``since`` through the local day ``until``, by ``who`` (ids)."""
    entries = desk.audit.entries(
        since=_local_midnight_utc(since) if since else None,
        before=_local_midnight_utc(until + timedelta(days=1)) if until else None,
        actor_ids=who,
    )
    practice = desk.practice()
    names = {s.id: s.name for s in desk.practices.staff(practice.id)} if practice else {}
    kinds = desk.audit.subject_kinds({e["subject_id"] for e in entries})
    lines = []
    for entry in entries:
        at = entry["at"]
        local = datetime.fromisoformat(at).astimezone()
        actor = entry["actor_id"]
        subject = entry["subject_id"]
        kind = kinds.get(subject, "")
        action = entry["action"]
        lines.append(
            AuditLine(
                at=at,
                when=local.strftime("%Y-%m-%d %H:%M:%S"),
                who=names.get(actor, actor) if actor else NOBODY,
                who_id=actor,
                action=action,
                what=WORDS.get(action, action.replace("_", " ").replace(".", ": ")),
                about=f"{kind} {subject}".strip() if subject else "",
                detail=_safe_detail(action, entry["detail"] or ""),
            )
        )
    return lines
