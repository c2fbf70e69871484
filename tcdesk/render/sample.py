"""Example render contexts: the documented shape, and a way to try every template.

``sample_context()`` is a full, realistic context (a 13-year-old with
insurance, two findings, three options). ``sample_contexts()`` adds variants
at the edges (adult without insurance, young child, a walk-in with nothing
recorded yet) so a template that forgets ``{% if featured %}`` is caught by
``tcdesk flows check`` instead of during a consult.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from tcdesk.render.content import Content
from tcdesk.render.timeline import build_timeline

SAMPLE_DAY = date(2026, 11, 27)


def _finding(content: Content, code: str, severity: str, note: str = "") -> dict[str, Any]:
    described = content.describe_finding(code, severity)
    return {
        "code": code,
        "severity": severity,
        "illustration": f"illustrations/conditions/{code}.svg",
        "photo": "",
        **described,
    }


def _option(
    option_id: str,
    kind: str,
    title: str,
    description: str,
    months: int,
    weeks: int,
    fee: str,
    monthly: str | None,
    *,
    recommended: bool = False,
    chosen: bool = False,
) -> dict[str, Any]:
    return {
        "id": option_id,
        "type": kind,
        "title": title,
        "description": description,
        "lines": [line.strip() for line in description.splitlines() if line.strip()],
        "months": months,
        "visit_weeks": weeks,
        "fee": Decimal(fee),
        "monthly_from": Decimal(monthly) if monthly else None,
        "recommended": recommended,
        "chosen": chosen,
        "icon": f"illustrations/options/{kind}.svg",
    }


def _choice(
    key: str, label: str, down: str, monthly: str, months: int, total: str, savings: str
) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "down": Decimal(down),
        "monthly": Decimal(monthly),
        "months": months,
        "total": Decimal(total),
        "savings": Decimal(savings),
        "selected": False,
    }


def _teen_options() -> list[dict[str, Any]]:
    """Braces (recommended), clear braces and aligners."""
    return [
        _option(
            "opt-metal",
            "metal_braces",
            "Metal braces",
            "Small brackets on each tooth\nPick your band colors",
            24,
            6,
            "5800.00",
            "179.17",
            recommended=True,
        ),
        _option(
            "opt-clear",
            "clear_braces",
            "Clear braces",
            "Tooth-colored brackets\nHard to see in photos",
            24,
            6,
            "6400.00",
            "204.17",
        ),
        _option(
            "opt-aligners",
            "clear_aligners",
            "Clear aligners",
            "A new set of trays every 1-2 weeks\nWorn 22 hours a day",
            20,
            8,
            "6200.00",
            "206.25",
        ),
    ]


def _people() -> dict[str, Any]:
    """The practice, the office and the people in the room."""
    return {
        "practice": {
            "name": "Bright Smiles Orthodontics",
            "phone": "(555) 201-3300",
            "email": "hello@brightsmiles.example",
            "website": "brightsmiles.example",
            "address": "12 Main Street, Springfield",
            "brand_color": "#1F6F8B",
            "logo": "",
        },
        "office": {"name": "Springfield", "phone": "(555) 201-3300", "address": ""},
        "patient": {
            "first_name": "Emma",
            "last_name": "Johnson",
            "full_name": "Emma Johnson",
            "age": 13,
            "is_child": False,
            "is_minor": True,
        },
        "coordinator": {
            "name": "Sarah Miller",
            "first_name": "Sarah",
            "short_name": "Sarah",
            "title": "Treatment Coordinator",
        },
        "doctor": {
            "name": "Dr. Anita Patel",
            "first_name": "Anita",
            "short_name": "Dr. Patel",
            "title": "DDS, MS",
        },
    }


def _teen_investment() -> dict[str, Any]:
    """The braces fee, the insurance estimate and three ways to pay."""
    return {
        "option_title": "Metal braces",
        "fee": Decimal("5800.00"),
        "discount": Decimal("0.00"),
        "insurance_estimate": Decimal("1500.00"),
        "patient_portion": Decimal("4300.00"),
        "choices": [
            {
                "key": "pay_in_full",
                "label": "Pay in full",
                "down": Decimal("4085.00"),
                "monthly": Decimal("0.00"),
                "months": 0,
                "total": Decimal("4085.00"),
                "savings": Decimal("215.00"),
                "selected": False,
            },
            {
                "key": "standard",
                "label": "Monthly plan",
                "down": Decimal("860.00"),
                "monthly": Decimal("143.33"),
                "months": 24,
                "total": Decimal("4300.00"),
                "savings": Decimal("0.00"),
                "selected": True,
            },
            {
                "key": "low_down",
                "label": "Low start",
                "down": Decimal("250.00"),
                "monthly": Decimal("168.75"),
                "months": 24,
                "total": Decimal("4300.00"),
                "savings": Decimal("0.00"),
                "selected": False,
            },
        ],
        "selected": None,
    }


def sample_context(content: Content) -> dict[str, Any]:
    """A 13-year-old, insured, with two findings and three options (braces recommended)."""
    options = _teen_options()
    featured = options[0]
    context = {
        **_people(),
        "concerns": "Her front teeth are crooked and she hides her smile in photos.",
        "priorities": ["Looks good for school photos", "Can still play soccer"],
        "findings": [
            _finding(content, "crowding", "moderate"),
            _finding(content, "deep_bite", "mild"),
        ],
        "photos": [],
        "options": options,
        "recommended": featured,
        "chosen": None,
        "featured": featured,
        "insured": True,
        "insurance": {
            "carrier": "Delta Dental",
            "estimate": Decimal("1500.00"),
            "coverage_pct": Decimal("50"),
            "lifetime_max": Decimal("1500.00"),
        },
        "investment": _teen_investment(),
        "timeline": build_timeline(
            date(2026, 12, 10), 24, 6, content, treatment_type="metal_braces"
        ),
        "today": SAMPLE_DAY,
        "consult_date": SAMPLE_DAY,
        "walk_in": False,
    }
    investment = context["investment"]
    investment["selected"] = next(c for c in investment["choices"] if c["selected"])
    return context


_NO_INSURANCE = MappingProxyType(
    {
        "carrier": "",
        "estimate": Decimal("0.00"),
        "coverage_pct": Decimal("0"),
        "lifetime_max": Decimal("0.00"),
    }
)


def sample_contexts(content: Content) -> dict[str, dict[str, Any]]:
    """Named variants covering the edges a template must survive."""
    return {
        "teen": sample_context(content),
        "adult": _adult(content),
        "child": _child(content),
        "bare": _bare(content),
    }


def _adult(content: Content) -> dict[str, Any]:
    """34, no insurance, aligners chosen."""
    adult = sample_context(content)
    adult["patient"] = {
        "first_name": "Maria",
        "last_name": "Garcia",
        "full_name": "Maria Garcia",
        "age": 34,
        "is_child": False,
        "is_minor": False,
    }
    adult["insured"] = False
    adult["insurance"] = dict(_NO_INSURANCE)
    adult["options"] = [
        dict(o, recommended=o["type"] == "clear_aligners", chosen=o["type"] == "clear_aligners")
        for o in adult["options"]
    ]
    adult["featured"] = adult["recommended"] = adult["options"][2]
    adult["chosen"] = adult["options"][2]
    adult["concerns"] = "My teeth have shifted since I had braces as a kid."
    adult["priorities"] = ["Nobody notices at work", "Done before my wedding"]
    adult["investment"] = {
        "option_title": "Clear aligners",
        "fee": Decimal("6200.00"),
        "discount": Decimal("0.00"),
        "insurance_estimate": Decimal("0.00"),
        "patient_portion": Decimal("6200.00"),
        "choices": [
            _choice("pay_in_full", "Pay in full", "5890.00", "0.00", 0, "5890.00", "310.00"),
            _choice("standard", "Monthly plan", "1240.00", "248.00", 20, "6200.00", "0.00"),
        ],
        "selected": None,
    }
    adult["timeline"] = build_timeline(
        date(2026, 12, 10), 20, 8, content, treatment_type="clear_aligners"
    )
    return adult


def _child(content: Content) -> dict[str, Any]:
    """8, one finding, Phase I or watch and wait."""
    child = sample_context(content)
    child["patient"] = {
        "first_name": "Leo",
        "last_name": "Nguyen",
        "full_name": "Leo Nguyen",
        "age": 8,
        "is_child": True,
        "is_minor": True,
    }
    phase_one = _option(
        "opt-p1",
        "phase_one",
        "Phase I (early treatment)",
        "An expander to make room\nBraces on a few teeth",
        12,
        6,
        "2800.00",
        "75.00",
        recommended=True,
    )
    watch = _option(
        "opt-watch",
        "observation",
        "Watch and wait",
        "A free check-up every 6 months",
        0,
        0,
        "0.00",
        None,
    )
    child["options"] = [phase_one, watch]
    child["featured"] = child["recommended"] = phase_one
    child["findings"] = [_finding(content, "crossbite", "moderate")]
    child["concerns"] = "His dentist said his bite is off on one side."
    child["priorities"] = ["Not too much time off school"]
    child["investment"] = {
        "option_title": "Phase I (early treatment)",
        "fee": Decimal("2800.00"),
        "discount": Decimal("0.00"),
        "insurance_estimate": Decimal("1400.00"),
        "patient_portion": Decimal("1400.00"),
        "choices": [
            _choice("pay_in_full", "Pay in full", "1330.00", "0.00", 0, "1330.00", "70.00"),
            _choice("standard", "Monthly plan", "500.00", "75.00", 12, "1400.00", "0.00"),
        ],
        "selected": None,
    }
    child["timeline"] = build_timeline(
        date(2026, 12, 10), 12, 6, content, treatment_type="phase_one"
    )
    return child


def _bare(content: Content) -> dict[str, Any]:
    """A walk-in with nothing recorded yet."""
    bare = sample_context(content)
    bare["walk_in"] = True
    bare["patient"] = dict(bare["patient"], age=16)
    for key, empty in (
        ("concerns", ""),
        ("priorities", []),
        ("findings", []),
        ("photos", []),
        ("options", []),
    ):
        bare[key] = empty
    bare["recommended"] = bare["chosen"] = bare["featured"] = None
    bare["insured"] = False
    bare["insurance"] = dict(_NO_INSURANCE)
    bare["investment"] = {
        "option_title": "",
        "fee": None,
        "discount": Decimal("0.00"),
        "insurance_estimate": Decimal("0.00"),
        "patient_portion": None,
        "choices": [],
        "selected": None,
    }
    bare["timeline"] = build_timeline(date(2026, 11, 27), 0, 0, content)
    return bare
