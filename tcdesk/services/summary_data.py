"""Gathering what the take-home summary prints.

``summary_data`` reads one consult (practice, office, patient, findings,
options, the saved plan, follow-ups, the coordinator) and returns a
``SummaryData``: the findings in the presentation's words, the options, the
timeline of the option the family chose (or the recommended one), and the
ways to pay. ``render_summary`` gathers and builds the PDF in one call.
"""

from __future__ import annotations

from datetime import date

from tcdesk.documents.agreement_model import (
    SummaryData,
    SummaryFinding,
    SummaryOption,
    SummaryPhase,
)
from tcdesk.domain import Consult, Finding, TreatmentOption
from tcdesk.money import INSURANCE_DISCLAIMER
from tcdesk.paths import assets_dir
from tcdesk.services.clock import today as local_today
from tcdesk.services.desk import Desk
from tcdesk.services.document_sources import ConsultSources, load_sources, logo_path, staff_name
from tcdesk.services.policy import cents_to_decimal
from tcdesk.services.presentation_words import PresentationWords
from tcdesk.services.summary_money import money_summary


def summary_data(desk: Desk, consult_id: str, language: str | None = None) -> SummaryData:
    """The take-home summary of ``consult_id``: findings, options, timeline, ways to pay,
    in ``language`` (a code; default: the patient's preferred language)."""
    sources = load_sources(desk, consult_id)
    consult = sources.file.consult
    practice, patient = sources.practice, sources.patient
    words = PresentationWords.load(language or patient.preferred_language)
    text_file = words.language.file("summary_text.toml") if words.language else None
    today = local_today(desk.clock)
    options = sorted(sources.file.options, key=lambda o: o.position)
    featured = _featured(sources, options)
    money_part = money_summary(desk, sources, featured, today, words)
    follow_ups = [f for f in desk.consults.follow_ups(consult.id) if f.done_at is None]
    return SummaryData(
        practice_name=practice.name,
        practice_address=practice.address,
        practice_phone=practice.phone,
        practice_website=practice.website,
        logo_path=logo_path(practice, desk.path),
        office_name=sources.office_name,
        office_address=sources.office_address,
        office_phone=sources.office_phone,
        patient_name=patient.display_name,
        consult_date=consult.consult_date,
        prepared_on=today,
        doctor_name=staff_name(desk, consult.doctor_id),
        chief_concern=consult.chief_concern,
        findings=tuple(_finding(finding, words) for finding in sources.file.findings),
        options=tuple(_option(option, consult, words) for option in options),
        timeline_option=_option(featured, consult, words).title if featured else "",
        timeline_months=featured.estimated_months if featured else 0,
        planned_start=consult.planned_start,
        phases=_phases(consult, featured, today, words),
        choices=money_part.choices,
        total_fee=money_part.total_fee,
        discounts=money_part.discounts,
        insurance_estimate=money_part.insurance_estimate,
        patient_portion=money_part.patient_portion,
        insurance_disclaimer=_disclaimer(text_file) if money_part.insurance_estimate > 0 else "",
        status=consult.status.value,
        started_on=consult.started_on,
        follow_up_on=min((f.due_on for f in follow_ups), default=None),
        coordinator_name=sources.coordinator_name,
        coordinator_title=sources.coordinator_title,
        coordinator_phone=sources.coordinator_phone,
        coordinator_email=sources.coordinator_email,
        timeline_visit_weeks=featured.visit_interval_weeks if featured else 0,
        estimate_valid_days=(
            (sources.file.plan.policy if sources.file.plan else None)
            or desk.practices.policy(practice.id)
        ).estimate_valid_days,
        brand_color=practice.brand_color,
        language=words.language.code if words.language else "en",
        locale=words.locale,
        text_file=str(text_file or ""),
    )


def render_summary(
    desk: Desk, consult_id: str, language: str | None = None
) -> tuple[SummaryData, bytes]:
    """Gather and build the summary: its data and its PDF bytes (nothing written)."""
    from tcdesk.documents.summary_pdf import build_summary_pdf

    data = summary_data(desk, consult_id, language)
    return data, build_summary_pdf(data)


def _featured(sources: ConsultSources, options: list[TreatmentOption]) -> TreatmentOption | None:
    """The option the timeline and the ways to pay are for: the chosen one, else the
    one the saved plan is for, else the recommended one, else the first."""
    consult = sources.file.consult
    plan = sources.file.plan
    chosen_id = consult.chosen_option_id or (plan.option_id if plan else None)
    return next((o for o in options if o.id == chosen_id), None) or next(
        (o for o in options if o.recommended), options[0] if options else None
    )


def _finding(finding: Finding, words: PresentationWords) -> SummaryFinding:
    described = words.describe(finding.code.value, finding.severity.value)
    return SummaryFinding(
        code=finding.code.value,
        label=described["label"],
        severity=described["severity_label"],
        what_it_is=described["what_it_is"],
        if_untreated=described["if_untreated"],
        note=finding.note,
        illustration=_illustration(finding.code.value),
    )


def _disclaimer(text_file) -> str:
    """The insurance disclaimer in the family's language (the summary text's own)."""
    if text_file is None:
        return INSURANCE_DISCLAIMER
    from tcdesk.documents.summary_text import load_texts

    return str(load_texts(text_file).get("insurance_disclaimer") or INSURANCE_DISCLAIMER)


def _option(option: TreatmentOption, consult: Consult, words: PresentationWords) -> SummaryOption:
    title, description = words.option_words(
        option.treatment_type.value, option.title, option.description
    )
    return SummaryOption(
        title=title,
        description=description,
        category=option.treatment_type.category,
        months=option.estimated_months,
        visit_interval_weeks=option.visit_interval_weeks,
        fee=cents_to_decimal(option.fee_cents),
        recommended=option.recommended,
        chosen=option.id == consult.chosen_option_id,
    )


def _phases(
    consult: Consult, featured: TreatmentOption | None, today: date, words: PresentationWords
) -> tuple[SummaryPhase, ...]:
    """The timeline of the featured option; dated only once a start is planned."""
    content = words.content
    if featured is None or featured.estimated_months <= 0 or content is None:
        return ()
    from tcdesk.render import build_timeline

    timeline = build_timeline(
        consult.planned_start or today,
        featured.estimated_months,
        featured.visit_interval_weeks,
        content,
        treatment_type=featured.treatment_type.value,
        locale=words.locale,
    )
    return tuple(
        SummaryPhase(
            name=phase["name"],
            detail=phase["detail"],
            start_month=phase["start_month"],
            end_month=phase["end_month"],
            date_label=phase["date_label"] if consult.planned_start else "",
        )
        for phase in timeline["phases"]
    )


def _illustration(code: str) -> str:
    path = assets_dir() / "illustrations" / "conditions" / f"{code}.svg"
    return str(path) if path.is_file() else ""
