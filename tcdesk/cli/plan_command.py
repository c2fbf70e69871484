"""``tcdesk plan``: the family's choice of treatment and way to pay, from the command line.

``plan show`` lists a consult's options and, for the chosen (else the
recommended) option, the payment choices the presentation console offers,
each with its Truth in Lending figures, and the plan saved now.
``plan choose`` prices and saves a plan exactly as the console's "Use this
plan" does (``tcdesk.services.plan_choice``): the same policy checks, a
plan outside the policy only with a reason, the policy snapshot kept with
the plan. After it, ``tcdesk agreement --consult ID`` can make the agreement.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from tcdesk.cli import common
from tcdesk.cli.plan_output import (
    LabelledQuote,
    option_json,
    plan_json,
    render_choices,
    render_chosen,
    render_options,
    render_saved,
    way_to_pay_json,
)
from tcdesk.domain import ConsultFile, Discount, PaymentPlan, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.money import (
    ChoiceKey,
    MoneyField,
    parse_date,
    parse_money,
    parse_months,
    parse_percent,
)
from tcdesk.money.choices import CHOICE_LABELS
from tcdesk.render import Content
from tcdesk.services import plan_choice
from tcdesk.services.consult_list import require_consult
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan
from tcdesk.services.desk import Desk

CHOICE_KEYS = [key.value for key in ChoiceKey]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "plan", "Show a consult's payment choices, or save the family's plan."
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = common.add_command(
        actions, "show", "The options, their payment choices and the plan saved now."
    )
    show.add_argument("consult_id", metavar="CONSULT_ID", help="the consult's id")
    show.add_argument(
        "--option",
        metavar="OPTION_ID|FEE_LINE",
        help="the option to price (default: the chosen one, else the recommended)",
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of tables")
    show.set_defaults(func=run_show)

    choose = common.add_command(
        actions, "choose", "Save the family's treatment and way to pay, as the console does."
    )
    choose.add_argument("consult_id", metavar="CONSULT_ID", help="the consult's id")
    choose.add_argument(
        "--option",
        required=True,
        metavar="OPTION_ID|FEE_LINE",
        help="the option chosen: its id or its fee line (e.g. metal_braces)",
    )
    how = choose.add_mutually_exclusive_group()
    how.add_argument(
        "--pay-in-full", action="store_true", help="pay in full, pay-in-full discount taken"
    )
    how.add_argument("--choice", choices=CHOICE_KEYS, help="one of the console's payment choices")
    choose.add_argument("--down", metavar="AMOUNT", help="the family's own down payment")
    choose.add_argument("--months", metavar="N", help="the family's own number of payments")
    choose.add_argument("--apr", metavar="PERCENT", help="annual rate (default: the policy's)")
    choose.add_argument(
        "--first-due",
        metavar="YYYY-MM-DD",
        help="first payment (default: the 1st of the month, about a month on)",
    )
    choose.add_argument(
        "--discount",
        action="append",
        default=[],
        metavar='"NAME:10%"',
        help='a discount, "Name:10%%" or "Name:250" (add ":family" for a family discount)',
    )
    choose.add_argument(
        "--over-limit-reason",
        metavar="TEXT",
        default="",
        help="why a plan outside the practice's policy is used (required for one)",
    )
    choose.add_argument("--json", action="store_true", help="print JSON instead of a table")
    choose.set_defaults(func=run_choose)


# -- shared ---------------------------------------------------------------------------


def _content() -> Content:
    from tcdesk.render import load_content

    return load_content()


def _label(content: Content, key: str) -> str:
    """The console's (and the slides') name of a payment choice."""
    from tcdesk.services.presentation import choice_label

    known = {k.value: v for k, v in CHOICE_LABELS.items()}
    return choice_label(content, key, known.get(key, key.replace("_", " ").capitalize()))


def _load(desk: Desk, consult_id: str) -> tuple[ConsultFile, ConsultPricing]:
    require_consult(desk, consult_id)
    consult_file = desk.consults.load_file(consult_id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult_id}.")
    return consult_file, ConsultPricing(desk, consult_file)


# -- show -----------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        shown = _show(desk, args)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(shown.pop("json"), indent=2))
    else:
        print(shown["text"])
    return 0


def _show(desk: Desk, args: argparse.Namespace) -> dict[str, Any]:
    consult_file, pricing = _load(desk, args.consult_id)
    content = _content()
    options = sorted(consult_file.options, key=lambda o: o.position)
    plan = consult_file.plan
    chosen_id = consult_file.consult.chosen_option_id or (plan.option_id if plan else None)
    if args.option:
        option = plan_choice.find_option(consult_file, args.option)
    else:
        option = plan_choice.featured_option(consult_file)
    ways: list[LabelledQuote] = []
    if option is not None and option.fee_cents > 0:
        discounts = plan.discounts if plan is not None and plan.option_id == option.id else ()
        for choice in pricing.choices(option, common.today(args), discounts):
            ways.append(LabelledQuote(choice.key, _label(content, choice.key), choice.quote))
    saved, saved_option = _saved(pricing, plan)
    saved_label = _label(content, plan.choice_key) if plan else ""
    agreement = plan_choice.agreement_after_plan(desk, consult_file.consult.id)
    summary = ways[0].quote if ways else None
    data = {
        "consult_id": consult_file.consult.id,
        "patient": pricing.patient.display_name,
        "options": [option_json(o, chosen_id) for o in options],
        "option_id": option.id if option else None,
        "total_fee": f"{summary.total_fee:.2f}" if summary else None,
        "discounts": [
            {"name": d.name, "amount": f"{d.amount:.2f}"}
            for d in (summary.discounts if summary else ())
        ],
        "insurance_estimate": f"{summary.insurance_estimate:.2f}" if summary else None,
        "patient_portion": f"{summary.patient_portion:.2f}" if summary else None,
        "choices": [way_to_pay_json(w.key, w.label, w.quote) for w in ways],
        "saved_plan": (
            plan_json(saved, saved_option, saved_label) if saved and saved_option else None
        ),
        "agreement": agreement,
    }
    parts = [f"{pricing.patient.display_name}: consult {consult_file.consult.id}", ""]
    parts.append(render_options(options, chosen_id))
    if option is not None:
        parts += ["", render_choices(option.title, ways)]
    parts += ["", render_saved(saved, saved_option, saved_label), agreement]
    return {"json": data, "text": "\n".join(parts)}


def _saved(
    pricing: ConsultPricing, plan: PaymentPlan | None
) -> tuple[PricedPlan | None, TreatmentOption | None]:
    """The saved plan priced under its own policy snapshot (None if its option is gone)."""
    if plan is None:
        return None, None
    try:
        return pricing.price(plan), pricing.option(plan.option_id)
    except UserError:
        return None, None


# -- choose ---------------------------------------------------------------------------


def run_choose(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        text, data = _choose(desk, args)
    finally:
        desk.close()
    print(json.dumps(data, indent=2) if args.json else text)
    return 0


def _way(args: argparse.Namespace) -> str:
    """ "pay_in_full", a choice key, "custom" or "" (nothing said); mixed flags refused."""
    own = args.down is not None or args.months is not None
    if args.pay_in_full or args.choice == ChoiceKey.PAY_IN_FULL.value:
        given = [
            flag
            for flag, value in (
                ("--down", args.down),
                ("--months", args.months),
                ("--apr", args.apr),
                ("--first-due", args.first_due),
            )
            if value is not None
        ]
        if given:
            raise UserError(f"Paying in full has no payment plan; leave out {', '.join(given)}.")
        return ChoiceKey.PAY_IN_FULL.value
    if args.choice:
        if own:
            raise UserError(
                f"--choice {args.choice} sets the down payment and months; "
                "leave out --down and --months, or leave out --choice."
            )
        return args.choice
    if own:
        if args.down is None or args.months is None:
            raise UserError("Give both --down AMOUNT and --months N for the family's own plan.")
        return plan_choice.CUSTOM
    return ""


def _discounts(texts: list[str]) -> tuple[Discount, ...]:
    found = []
    for text in texts:
        name, sep, rest = text.partition(":")
        if not sep or not name.strip() or not rest.strip():
            raise UserError(f'--discount "{text}": write it as "Name:10%" or "Name:250".')
        amount, _, kind = rest.partition(":")
        if kind and kind.strip().lower() != "family":
            raise UserError(f'--discount "{text}": only ":family" may follow the amount.')
        family = bool(kind)
        if amount.strip().endswith("%"):
            percent = parse_percent(amount, MoneyField.DISCOUNT)
            found.append(Discount(name.strip(), percent=percent, family=family))
        else:
            cents = int(parse_money(amount, MoneyField.DISCOUNT) * 100)
            found.append(Discount(name.strip(), amount_cents=cents, family=family))
    return tuple(found)


def _choose(desk: Desk, args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """Everything is read and checked before the one write (``plan_choice.choose_plan``)."""
    way = _way(args)
    consult_file, pricing = _load(desk, args.consult_id)
    option = plan_choice.find_option(consult_file, args.option)
    content = _content()
    if option.fee_cents <= 0:
        if way or args.discount or args.over_limit_reason:
            raise UserError(f"{option.title} has no fee: leave out how the family pays.")
        plan_choice.choose_option(desk, pricing, consult_file, option.id)
        text = f"Saved: {option.title} (no charge)"
        return text, {"consult_id": consult_file.consult.id, "option_id": option.id, "plan": None}
    if not way:
        raise UserError(
            "Say how the family pays: --pay-in-full, --choice "
            f"{'|'.join(CHOICE_KEYS[1:])}, or --down AMOUNT --months N."
        )
    plan = _plan(args, pricing, option, way)
    priced_now = pricing.price(plan)
    if args.over_limit_reason.strip() and not priced_now.violations:
        raise UserError("This plan is within the practice's policy; leave out --over-limit-reason.")
    if priced_now.violations and not args.over_limit_reason.strip():
        raise UserError(
            "--over-limit-reason: This plan is outside the practice's policy; give a reason to "
            "use it: " + " ".join(v.message for v in priced_now.violations)
        )
    plan = replace(plan, over_limit_reason=args.over_limit_reason.strip())
    chosen = plan_choice.choose_plan(desk, pricing, consult_file, plan)
    label = _label(content, chosen.priced.plan.choice_key)
    agreement = plan_choice.agreement_after_plan(desk, consult_file.consult.id)
    text = render_chosen(chosen.priced, option, label) + "\n\n" + agreement
    data = {
        "consult_id": consult_file.consult.id,
        "plan": plan_json(chosen.priced, option, label),
        "agreement": agreement,
    }
    return text, data


def _plan(
    args: argparse.Namespace, pricing: ConsultPricing, option: TreatmentOption, way: str
) -> PaymentPlan:
    """The plan the flags describe, parsed in the order they are listed."""
    day = common.today(args)
    down = parse_money(args.down, MoneyField.DOWN_PAYMENT) if args.down is not None else None
    months = parse_months(args.months, MoneyField.MONTHS) if args.months is not None else None
    apr = parse_percent(args.apr, MoneyField.APR) if args.apr is not None else None
    first_due = parse_date(args.first_due, MoneyField.FIRST_DUE) if args.first_due else None
    discounts = _discounts(args.discount)
    if way == plan_choice.CUSTOM:
        assert down is not None and months is not None
        return plan_choice.custom_plan(
            pricing,
            option,
            int(down * 100),
            months,
            day,
            first_due=first_due,
            apr=apr,
            discounts=discounts,
        )
    choices = {c.key: c for c in pricing.choices(option, day, discounts)}
    choice = choices.get(way)
    if choice is None:
        raise UserError(
            f'{option.title} has no "{way}" choice for this family; '
            f"its choices are: {', '.join(choices) or 'none'}."
        )
    return plan_choice.plan_for_choice(
        pricing, option, choice, day, first_due=first_due, apr=apr, discounts=discounts
    )
