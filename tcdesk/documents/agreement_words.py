"""Every word the financial agreement prints around the family's figures, by language.

English is here, in code: these are the words a family signs, and each
sentence is tested. Another language gives the same keys in
``presentation_flows/lang/<code>/agreement_text.toml`` (``{placeholders}``
as here); a key it leaves out prints in English. Its ``[terms]`` table turns
the words tcdesk stores in English (a discount's name, "Comprehensive",
"Mother") into the language's.

Money and dates are written by babel for the language's locale: ``es_US``
keeps ``$5,200.00`` and writes ``1 de diciembre de 2026``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from tcdesk.formatting import (
    DEFAULT_LOCALE,
    local_date_and_time,
    long_date,
    medium_date,
    money_from_dollars,
    money_off_from_dollars,
    ordinal,
    rate_percent,
)

ENGLISH: Mapping[str, str] = MappingProxyType(
    {
        # the title, the footer and the sections
        "title": "Orthodontic Financial Agreement",
        "subtitle": "Agreement {number} · Version {version} · {date}",
        "footer": "{title} {number} · Version {version} · {patient}",
        "pdf_subject": "{title} for {patient}, version {version}",
        "page": "Page {page} of {total}",
        "void_word": "VOID",
        "void_banner": "This agreement is void and must not be signed or relied on. Reason:",
        "section_fee": "Fee",
        "section_payment_terms": "Payment terms",
        "section_schedule": "Payment schedule",
        # who and what
        "people_heading": "Patient and responsible parties",
        "treatment_heading": "Treatment",
        "patient": "Patient",
        "known_as": "{name} (known as {preferred})",
        "birth_date": "Date of birth",
        "responsible": "Responsible party",
        "responsible_value": "{name}, {relationship}",
        "treatment": "Treatment",
        "treatment_name": "{category}: {title}",
        "length": "Estimated length",
        "months_one": "About 1 month",
        "months_many": "About {months} months",
        "planned_start": "Planned start",
        "to_be_scheduled": "To be scheduled",
        "visits": "Visits",
        "visits_value": "About every {weeks} weeks",
        "office": "Office",
        # the fee
        "total_fee": "Total fee",
        "patient_portion": "Patient portion",
        "amount_due_in_full": "Amount due, paid in full",
        "insurance_row": "Insurance estimate: {carrier} ({role}), <b>estimate, not guaranteed</b>",
        "role_primary": "primary",
        "role_secondary": "secondary",
        "insurance_word": "insurance",
        "insurance_disclaimer": (
            "Insurance is an estimate, not a guarantee of payment; "
            "any amount insurance does not pay is the responsible party's."
        ),
        "payments_to": "Payments are made to {creditor}.",
        # the payment terms
        "paid_in_full": "Paid in full: {amount} due on {date}",
        "after_discount": ", after the pay-in-full discount of {discount}",
        "first_appliance": ", at or before the first appliance is placed.",
        "down_payment": "Down payment of {amount} due on {date}",
        "no_down_payment": "No down payment.",
        "one_payment": "1 payment of {amount} due on {date}.",
        "monthly": "{count} monthly payments of {amount} beginning {date}, due on {day_words}",
        "day_words": "the {ordinal} of each month",
        "short_months": " (the last day of shorter months)",
        "first_differs": "the first payment is {amount}",
        "last_differs": "the last payment, due {date}, is {amount}",
        "and": " and ",
        "interest": ". Interest is charged at {rate} a year on the unpaid balance",
        "in_all_with_down": (
            "In all you will pay {total}: the down payment and {monthly_total} in monthly payments."
        ),
        "in_all": "In all you will pay {total}.",
        # the Truth in Lending box (Regulation Z 1026.18)
        "til_title": "TRUTH IN LENDING DISCLOSURES",
        "creditor": "Creditor: {name}",
        "schedule_will_be": "Your payment schedule will be:",
        "apr_title": "ANNUAL PERCENTAGE RATE",
        "finance_charge_title": "FINANCE CHARGE",
        "amount_financed_title": "Amount Financed",
        "total_of_payments_title": "Total of Payments",
        "total_sale_price_title": "Total Sale Price",
        "apr_descriptor": "The cost of your credit as a yearly rate.",
        "finance_charge_descriptor": "The dollar amount the credit will cost you.",
        "amount_financed_descriptor": "The amount of credit provided to you or on your behalf.",
        "total_of_payments_descriptor": (
            "The amount you will have paid after you have made all payments as scheduled."
        ),
        "total_sale_price_descriptor": (
            "The total cost of your purchase on credit, including your down payment of {down}."
        ),
        "number_of_payments": "Number of payments",
        "amount_of_payments": "Amount of payments",
        "when_due": "When payments are due",
        "group_one": "1 × {amount} due {date}",
        "group_many": "{count} × {amount} monthly beginning {date}",
        "when_many": "Monthly beginning {date}",
        "late_label": "Late charge:",
        "no_late_charge": "There is no charge for a late payment.",
        "late_charge": (
            "If a payment is more than {days} {day_word} late, you will be charged {fee}."
        ),
        "day": "day",
        "days": "days",
        "prepayment_label": "Prepayment:",
        "prepayment": "If you pay off early, you will not have to pay a penalty.",
        "prepayment_interest": (
            " Interest is figured on the unpaid balance, so interest that is not yet due "
            "is not charged."
        ),
        "prepayment_discount": (
            " You will not be entitled to a refund of part of the finance charge: the "
            "{amount} pay-in-full discount is not given back for paying early."
        ),
        "see_terms": (
            "See the terms and conditions below for any additional information about "
            "nonpayment, default, any required repayment in full before the scheduled date, "
            "and prepayment refunds and penalties."
        ),
        "itemization_label": "Itemization:",
        "itemization_right": (
            "You have the right to receive at this time an itemization of the Amount Financed."
        ),
        "want_itemization": "I want an itemization.",
        "no_itemization": "I do not want an itemization.",
        "forgone": (
            "The finance charge includes the {amount} pay-in-full discount you are not taking"
        ),
        "forgone_interest": ", and {amount} of interest",
        "forgone_end": (
            ". Paid in full at signing, your portion would be {pay_in_full} instead of {total}."
        ),
        # the full schedule
        "col_number": "No.",
        "col_due": "Due date",
        "col_amount": "Amount",
        "col_principal": "Principal",
        "col_interest": "Interest",
        "col_total": "Total",
        "down_not_in_schedule": (
            "The down payment of {amount} is due on {date} and is not part of this schedule."
        ),
        "no_down_in_schedule": "There is no down payment.",
        # signatures
        "signatures": "Signatures",
        "sign_intro": (
            "By signing, you agree to pay as set out above and to the terms and conditions of "
            "this agreement.{til} You will receive a signed copy of this agreement to keep."
        ),
        "sign_til": (
            " You confirm that you received the Truth in Lending disclosures above before signing."
        ),
        "responsible_caption": "{name}, {relationship} (responsible party)",
        "practice_caption": "{name}, {title}, for {creditor}",
        "not_yet_signed": "Not yet signed",
        "date": "Date",
        "signed_at": "Signed {when}",
        "signature_of": "The signature of {name}",
        # the signing screen (the family's screen, when they sign there)
        "sign_window": "Sign the agreement",
        "sign_sheet_title": "Agreement {number}, version {version}",
        "sign_please": (
            "Please sign in your box with a finger, a pen or the mouse. Tap Clear to start again."
        ),
        "sign_for_practice": "For the practice",
        "sign_responsible": "Responsible party",
        "sign_paying_monthly": "{down} down, then {months} monthly payments of {monthly}",
        "sign_paying_in_full": "Paid in full: {amount}",
        "sign_totals": "Total fee {fee} · your portion {portion} · {paying}",
        "sign_apr": "Annual Percentage Rate",
        "sign_finance_charge": "Finance Charge",
        "sign_amount_financed": "Amount Financed",
        "sign_total_of_payments": "Total of Payments",
        "sign_not_here": "Not here: signs later",
        "sign_clear": "Clear",
        "sign_here": "Sign here",
        "sign_save": "Save signatures",
        "sign_save_for_now": "Save for now",
        "sign_cancel": "Cancel",
        "sign_already": "Already signed: {names}",
        "sign_waiting": "Waiting for: {names}",
        "sign_someone": "At least one responsible party signs now.",
        "sign_ready_later": (
            "Ready to save. {names} will show as not yet signed; their signature later "
            "makes a new version with every signature."
        ),
        "sign_ready": "Ready to save.",
    }
)


@dataclass(frozen=True)
class AgreementWords:
    """The agreement's words in one language, and its money and dates."""

    language: str = "en"
    locale: str = DEFAULT_LOCALE
    texts: Mapping[str, str] = field(default_factory=dict)  # this language's, over ENGLISH
    terms: Mapping[str, str] = field(default_factory=dict)  # stored English word -> its own

    def __call__(self, key: str, **values: object) -> str:
        return self.raw(key).format(**values)

    def raw(self, key: str) -> str:
        """The text with its ``{placeholders}`` left in (for whoever fills them later)."""
        return self.texts.get(key, ENGLISH[key])

    def term(self, word: str) -> str:
        """A word tcdesk stores in English ("Comprehensive", "Mother"), in this language;
        a known start keeps what follows ("Pay-in-full discount (5%)")."""
        found = self.terms.get(word) or self.terms.get(word.casefold())
        if found:
            return found
        for english, own in self.terms.items():
            if word.startswith(english + " "):
                return own + word[len(english) :]
        return word

    def money(self, amount: Decimal) -> str:
        return money_from_dollars(amount, locale=self.locale)

    def money_off(self, amount: Decimal) -> str:
        return money_off_from_dollars(amount, locale=self.locale)

    def rate(self, percent: Decimal) -> str:
        return rate_percent(percent, locale=self.locale)

    def date(self, day: date) -> str:
        return long_date(day, locale=self.locale)

    def short_date(self, day: date) -> str:
        return medium_date(day, locale=self.locale)

    def moment(self, when: datetime) -> str:
        return local_date_and_time(when, locale=self.locale)

    def ordinal(self, number: int) -> str:
        return ordinal(number) if self.language == "en" else str(number)


ENGLISH_WORDS = AgreementWords()


def unknown_keys(texts: Mapping[str, object]) -> list[str]:
    """Keys of a language's file that the agreement has no use for (a typo)."""
    return sorted(k for k in texts if k not in ENGLISH and k != "terms")


def load_words(language: str, locale: str, path: Path | None) -> AgreementWords:
    """A language's agreement words from its ``agreement_text.toml`` (none: English words
    with the language's money and dates); ``UserError`` for a broken file."""
    if path is None:
        return AgreementWords(language=language, locale=locale)
    import tomllib

    from tcdesk.errors import UserError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"The agreement words in {path} can't be read: {error}") from None
    data.pop("format", None)
    terms = data.pop("terms", {})
    unknown = unknown_keys(data)
    if unknown:
        raise UserError(f"{path}: key '{unknown[0]}' is not a text of the agreement")
    texts = {k: str(v) for k, v in data.items()}
    return AgreementWords(language=language, locale=locale, texts=texts, terms=dict(terms))
