"""The free-text values of an export turned into tcdesk's: phones, lead sources, relationships."""

from __future__ import annotations

import re

from tcdesk.domain import LeadSource, Relationship
from tcdesk.services.validation import FieldError, optional_phone
from tcdesk.store.text_search import fold

DEFAULT_LEAD_SOURCE = LeadSource.PHONE  # what a new patient gets when the file says nothing

# Words as practice software writes them, folded (lower case, no accents), to tcdesk's.
# Checked in order: the first whose every word appears wins.
_LEAD_WORDS: tuple[tuple[tuple[str, ...], LeadSource], ...] = (
    (("walk",), LeadSource.WALK_IN),
    (("dr",), LeadSource.DOCTOR_REFERRAL),
    (("doctor",), LeadSource.DOCTOR_REFERRAL),
    (("dentist",), LeadSource.DOCTOR_REFERRAL),
    (("dds",), LeadSource.DOCTOR_REFERRAL),
    (("dmd",), LeadSource.DOCTOR_REFERRAL),
    (("gp",), LeadSource.DOCTOR_REFERRAL),
    (("professional",), LeadSource.DOCTOR_REFERRAL),
    (("patient",), LeadSource.PATIENT_REFERRAL),
    (("friend",), LeadSource.PATIENT_REFERRAL),
    (("family",), LeadSource.PATIENT_REFERRAL),
    (("word", "mouth"), LeadSource.PATIENT_REFERRAL),
    (("facebook",), LeadSource.SOCIAL_MEDIA),
    (("instagram",), LeadSource.SOCIAL_MEDIA),
    (("tiktok",), LeadSource.SOCIAL_MEDIA),
    (("social",), LeadSource.SOCIAL_MEDIA),
    (("web",), LeadSource.WEBSITE),
    (("website",), LeadSource.WEBSITE),
    (("internet",), LeadSource.WEBSITE),
    (("online",), LeadSource.WEBSITE),
    (("google",), LeadSource.WEBSITE),
    (("search",), LeadSource.WEBSITE),
    (("email",), LeadSource.EMAIL),
    (("e", "mail"), LeadSource.EMAIL),
    (("text",), LeadSource.TEXT),
    (("sms",), LeadSource.TEXT),
    (("phone",), LeadSource.PHONE),
    (("call",), LeadSource.PHONE),
    (("telephone",), LeadSource.PHONE),
)
_LEAD_CHOICES = (
    "walk-in, referral - dr, referral - patient, social media, website, email, text, phone"
)

_RELATIONSHIP_WORDS: dict[str, Relationship] = {
    "mother": Relationship.MOTHER,
    "mom": Relationship.MOTHER,
    "mum": Relationship.MOTHER,
    "father": Relationship.FATHER,
    "dad": Relationship.FATHER,
    "parent": Relationship.PARENT,
    "guardian": Relationship.GUARDIAN,
    "legal guardian": Relationship.GUARDIAN,
    "grandparent": Relationship.GRANDPARENT,
    "grandmother": Relationship.GRANDPARENT,
    "grandfather": Relationship.GRANDPARENT,
    "grandma": Relationship.GRANDPARENT,
    "grandpa": Relationship.GRANDPARENT,
    "spouse": Relationship.SPOUSE,
    "wife": Relationship.SPOUSE,
    "husband": Relationship.SPOUSE,
    "partner": Relationship.SPOUSE,
    "self": Relationship.SELF,
}


def phone(field: str, value: str) -> str:
    """A phone checked and written one way, as the form and the command line write it."""
    return optional_phone(field, value)


def lead_source(field: str, value: str) -> LeadSource:
    """The lead source a phrase like "Referral - Dr Smith" or "Facebook" means."""
    text = fold(value)
    if not text:
        return DEFAULT_LEAD_SOURCE
    for source in LeadSource:
        if text in (source.value, source.value.replace("_", " ")):
            return source
    words = set(re.split(r"[^a-z0-9]+", text)) - {""}
    for needed, source in _LEAD_WORDS:
        if all(word in words for word in needed):
            return source
    if "referral" in words or "referred" in words:
        raise FieldError(
            field,
            f'the lead source "{value.strip()}" does not say who referred '
            '(write "Referral - Dr" or "Referral - Patient")',
        )
    raise FieldError(
        field, f'the lead source "{value.strip()}" is not one tcdesk knows (use: {_LEAD_CHOICES})'
    )


def relationship(value: str) -> Relationship:
    """A guardian's relationship; blank is "guardian", anything unknown "other"."""
    text = fold(value)
    if not text:
        return Relationship.GUARDIAN
    return _RELATIONSHIP_WORDS.get(text) or next(
        (r for r in Relationship if r.value == text), Relationship.OTHER
    )
