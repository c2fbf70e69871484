"""The agreement's terms and conditions: the practice's own template, or the shipped one.

``Practice.agreement_terms`` holds the practice's template text; "" means the
shipped ``assets/templates/agreement_terms.md.j2``. A template is only saved
after it renders for sample agreements (paid over time and paid in full, so
both branches of an ``{% if %}`` run): a syntax error, an unknown name or a
filter that raises is refused with the template's own message and line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from tcdesk.documents.agreement_model import AgreementData, PartyLine
from tcdesk.documents.agreement_terms import default_terms_template, terms_context
from tcdesk.documents.textblocks import Block, TemplateProblem, render_text_blocks
from tcdesk.domain import FinancialPolicy, Practice
from tcdesk.money import MoneyInputError, PlanKind, QuoteRequest, build_quote
from tcdesk.services.clock import today
from tcdesk.services.desk import Desk
from tcdesk.services.policy import cents_to_decimal
from tcdesk.services.settings import changes
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import FieldError

TEMPLATE_NAME = "the terms template"
SAMPLE_FEE = Decimal("5600")


@dataclass(frozen=True)
class TermsPreview:
    """The terms as a sample agreement prints them, or why they do not render."""

    blocks: tuple[Block, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def text(self) -> str:
        """The rendered terms as plain text (headings marked as in the template)."""
        marks = {"heading": "# ", "subheading": "## ", "bullet": "• "}
        return "\n\n".join(marks.get(b.kind, "") + b.text for b in self.blocks)


def shipped_terms() -> str:
    return default_terms_template().read_text(encoding="utf-8")


def terms_template(desk: Desk) -> str:
    """The template the next agreement uses: the practice's own, else the shipped one."""
    return current_practice(desk).agreement_terms or shipped_terms()


def uses_own_terms(desk: Desk) -> bool:
    return bool(current_practice(desk).agreement_terms)


def sample_agreement(
    practice: Practice, policy: FinancialPolicy, on: date, *, paid_in_full: bool = False
) -> AgreementData:
    """A made-up agreement under the practice's own policy, to try a template on."""
    request = QuoteRequest(
        total_fee=SAMPLE_FEE,
        agreement_date=on,
        plan=PlanKind.PAY_IN_FULL if paid_in_full else PlanKind.INSTALLMENTS,
        down_payment=Decimal(0) if paid_in_full else Decimal("1000"),
        months=0 if paid_in_full else 24,
        apr_percent=policy.apr_pct,
        pif_discount_percent=policy.pif_discount_pct,
        treatment_months=24,
    )
    try:
        quote = build_quote(request)
    except MoneyInputError:  # an unusual policy: the template is what is tried here
        quote = build_quote(replace(request, apr_percent=Decimal(0)))
    return AgreementData(
        practice_name=practice.name,
        practice_address=practice.address,
        practice_phone=practice.phone,
        logo_path="",
        office_name=practice.name,
        office_address=practice.address,
        office_phone=practice.phone,
        number="SAMPLE-0001",
        version=1,
        issued_on=on,
        patient_legal_name="Sample Patient",
        patient_preferred_name="",
        patient_birth_date=date(on.year - 13, 1, 15),
        responsible=(PartyLine("Sample Parent", "Parent"),),
        treatment_category="Comprehensive",
        option_title="Metal braces",
        estimated_months=24,
        planned_start=None,
        visit_interval_weeks=6,
        quote=quote,
        late_fee=cents_to_decimal(policy.late_fee_cents),
        late_fee_days=policy.late_after_days,
        returned_payment_fee=cents_to_decimal(policy.returned_payment_fee_cents),
        extra_month_fee=cents_to_decimal(policy.extra_month_fee_cents),
        default_after_days=policy.default_after_days,
        records_transfer_fee=cents_to_decimal(policy.records_transfer_fee_cents),
        estimate_valid_days=policy.estimate_valid_days,
        creditor_name=practice.name,
        coordinator_name="Sample Coordinator",
        brand_color=practice.brand_color,
    )


def preview_terms(desk: Desk, text: str) -> TermsPreview:
    """``text`` rendered for a sample agreement (paid over time), or its problem."""
    practice = current_practice(desk)
    policy = desk.practices.policy(practice.id)
    day = today(desk.clock)
    blocks: tuple[Block, ...] = ()
    try:
        for paid_in_full in (True, False):
            sample = sample_agreement(practice, policy, day, paid_in_full=paid_in_full)
            blocks = render_text_blocks(text, terms_context(sample), TEMPLATE_NAME)
    except TemplateProblem as problem:
        return TermsPreview(problem=str(problem))
    if not blocks:
        return TermsPreview(problem="The terms are empty; an agreement needs its terms.")
    return TermsPreview(blocks=blocks)


def set_terms(desk: Desk, text: str, *, actor_id: str | None = None) -> TermsPreview:
    """Save the practice's own terms template; refused (nothing saved) if it does not render."""
    require_admin(desk, "change the agreement's terms")
    preview = preview_terms(desk, text)
    if not preview.ok:
        raise FieldError("terms", preview.problem)
    stored = "" if text == shipped_terms() else text
    _save(desk, stored, actor_id)
    return preview


def reset_terms(desk: Desk, *, actor_id: str | None = None) -> None:
    """Go back to the shipped terms template."""
    require_admin(desk, "change the agreement's terms")
    _save(desk, "", actor_id)


def _save(desk: Desk, stored: str, actor_id: str | None) -> None:
    old = current_practice(desk)
    if old.agreement_terms == stored:
        return
    new = replace(old, agreement_terms=stored)

    def words(value: str) -> str:
        return f"own template ({len(value)} characters)" if value else "the shipped template"

    with desk.transaction():
        desk.practices.save(new)
        changes.record(
            desk,
            "settings_terms",
            new.id,
            actor_id,
            [f"agreement_terms: {words(old.agreement_terms)} -> {words(stored)}"],
        )
