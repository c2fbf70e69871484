"""The demo practice as tables: who works there, what it charges, and its families.

Everything here is plain data; ``tcdesk.services.demo`` turns it into domain
objects with stable ids and dates relative to the day the demo is built.
Names, phone numbers (555-01xx) and e-mail domains (example.*) are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tcdesk.domain import (
    ConditionCode,
    ConsultStatus,
    InsuranceRank,
    LeadSource,
    Objection,
    PayoutFrequency,
    Relationship,
    Severity,
    TreatmentType,
)

# --- The practice ------------------------------------------------------------

PRACTICE_NAME = "Bright Smiles Orthodontics"
PRACTICE_PHONE = "(614) 555-0100"
PRACTICE_EMAIL = "hello@brightsmilesortho.example"
PRACTICE_WEBSITE = "https://www.brightsmilesortho.example"
PRACTICE_ADDRESS = "412 Maple Avenue, Suite 200, Westerville, OH 43081"
BRAND_COLOR = "#1F6F8B"
LOGO_PATH = "brand/demo_logo.svg"  # relative to assets/


@dataclass(frozen=True)
class OfficeRow:
    key: str
    name: str
    main: bool
    address: str
    phone: str
    town: str
    zip_code: str


# fmt: off
OFFICES: tuple[OfficeRow, ...] = (
    OfficeRow("westerville", "Westerville", True, PRACTICE_ADDRESS, PRACTICE_PHONE,
              "Westerville", "43081"),
    OfficeRow("delaware", "Delaware", False, "88 North Sandusky Street, Delaware, OH 43015",
              "(740) 555-0110", "Delaware", "43015"),
    OfficeRow("new_albany", "New Albany", False,
              "5150 Johnstown Road, Suite 3, New Albany, OH 43054", "(614) 555-0120",
              "New Albany", "43054"),
)
# fmt: on


@dataclass(frozen=True)
class StaffRow:
    key: str
    role: str  # StaffRole value
    name: str
    title: str
    office: str | None  # OfficeRow.key (their home office); None: goes to every office


# fmt: off
STAFF: tuple[StaffRow, ...] = (
    StaffRow("dr_whitaker", "doctor", "Dr. Daniel Whitaker", "DDS, MS", "westerville"),
    StaffRow("dr_raman", "doctor", "Dr. Priya Raman", "DDS, MS", None),
    StaffRow("tc_alvarez", "coordinator", "Jessica Alvarez", "Treatment Coordinator",
             "westerville"),
    StaffRow("tc_brooks", "coordinator", "Tamika Brooks", "Treatment Coordinator", "delaware"),
    StaffRow("tc_lindqvist", "coordinator", "Kelsey Lindqvist", "Treatment Coordinator",
             "new_albany"),
    StaffRow("admin_carver", "admin", "Linda Carver", "Practice Manager", "westerville"),
)
# fmt: on

# The coordinator who runs consults at each office.
OFFICE_COORDINATOR = {
    "westerville": "tc_alvarez",
    "delaware": "tc_brooks",
    "new_albany": "tc_lindqvist",
}
# Doctors: both see patients in Westerville; each covers one satellite.
OFFICE_DOCTORS = {
    "westerville": ("dr_whitaker", "dr_raman"),
    "delaware": ("dr_whitaker",),
    "new_albany": ("dr_raman",),
}

# --- Fees and the financial policy (typical US figures, DOMAIN.md) -------------


@dataclass(frozen=True)
class FeeRow:
    treatment_type: TreatmentType
    name: str
    fee_dollars: int
    typical_months: int
    visit_interval_weeks: int


FEES: tuple[FeeRow, ...] = (
    FeeRow(TreatmentType.METAL_BRACES, "Comprehensive: metal braces", 5_600, 24, 6),
    FeeRow(TreatmentType.CLEAR_BRACES, "Comprehensive: clear braces", 6_400, 24, 6),
    FeeRow(TreatmentType.CLEAR_ALIGNERS, "Comprehensive: clear aligners", 5_900, 18, 8),
    FeeRow(TreatmentType.PHASE_ONE, "Phase I (early treatment)", 2_800, 12, 6),
    FeeRow(TreatmentType.PHASE_TWO, "Phase II", 4_200, 18, 6),
    FeeRow(TreatmentType.LIMITED, "Limited treatment", 2_400, 8, 6),
    FeeRow(TreatmentType.SURGICAL, "Surgical orthodontics (orthodontic fee)", 7_500, 24, 6),
    FeeRow(TreatmentType.OBSERVATION, "Observation (growth recall)", 0, 6, 26),
)

POLICY = {
    "min_down_pct": Decimal("20"),
    "min_down_cents": 50_000,
    "low_down_cents": 25_000,
    "max_months": 24,
    "extended_max_months": 36,
    "pif_discount_pct": Decimal("5"),
    "family_discount_pct": Decimal("5"),
    "apr_pct": Decimal("0"),
    "extended_apr_pct": Decimal("6.9"),
    "late_fee_cents": 3_500,
    "late_after_days": 10,
    "returned_payment_fee_cents": 3_500,
    "estimate_valid_days": 365,
    "forgone_pif_is_finance_charge": True,
    "max_courtesy_pct": Decimal("10"),
}

# --- Treatment options: plain titles and words a family understands -----------

OPTION_TEXT: dict[TreatmentType, tuple[str, str]] = {
    TreatmentType.METAL_BRACES: (
        "Metal braces",
        "Brackets and a wire, adjusted at each visit. "
        "Small metal brackets are bonded to each tooth and joined by a wire that we adjust "
        "at each visit. They are the most precise and the most affordable way to move teeth, "
        "and they work around the clock with nothing to remember.",
    ),
    TreatmentType.CLEAR_BRACES: (
        "Clear braces",
        "Like metal braces, but tooth-colored. "
        "The same system as metal braces, with tooth-colored ceramic brackets that blend in "
        "with the teeth. They are much less noticeable in photos and cost a little more. "
        "The ties can stain with coffee, curry or soda.",
    ),
    TreatmentType.CLEAR_ALIGNERS: (
        "Clear aligners",
        "Clear trays you change every week or two. "
        "A series of clear, removable trays, each worn for one to two weeks, moves the teeth "
        "step by step. They come out to eat, brush and floss, and are nearly invisible. "
        "They only work when worn 20 to 22 hours a day.",
    ),
    TreatmentType.PHASE_ONE: (
        "Phase I (early treatment)",
        "A short early phase while the jaw grows. "
        "A short first phase while the jaw is still growing, usually an expander and a few "
        "braces on the front teeth. It makes room for the adult teeth and corrects the bite "
        "early, so the jaw grows in balance. Most children need a shorter second phase later.",
    ),
    TreatmentType.PHASE_TWO: (
        "Phase II braces",
        "Braces once all the adult teeth are in. "
        "The second phase after early treatment, once all the adult teeth are in. Braces "
        "finish lining up the teeth and fine-tune the bite, usually in less time than "
        "treatment started from scratch.",
    ),
    TreatmentType.LIMITED: (
        "Limited treatment",
        "Straightens one area, such as the front teeth. "
        "Treatment focused on one area, such as the front teeth, rather than the whole bite. "
        "It is shorter and costs less, but it does not change how the back teeth fit together.",
    ),
    TreatmentType.SURGICAL: (
        "Braces with jaw surgery",
        "Braces plus surgery to correct the jaw. "
        "Braces line up the teeth first; then an oral surgeon moves the jaw so the upper and "
        "lower jaws meet properly, and braces finish the bite. It is the only way to fully "
        "correct a jaw-size difference in an adult. The surgeon's fee is separate and often "
        "billed to medical insurance.",
    ),
    TreatmentType.OBSERVATION: (
        "Watch and wait",
        "No braces yet: we check growth twice a year. "
        "We check growth and the new teeth coming in every six months at "
        "no charge, and start treatment when the timing is right.",
    ),
}

# Some option kinds read better with their own words in a given template.
LIMITED_ALIGNERS = (
    "Limited aligners (front teeth)",
    "Clear aligners for the front teeth only. "
    "A short series of clear aligners that straightens the front teeth only. It is quicker "
    "and costs less than full treatment, but it does not change the bite of the back teeth.",
)
ALIGNER_CAMOUFLAGE = (
    "Clear aligners without surgery",
    "Aligners that hide the jaw difference. "
    "Aligners tip the teeth to hide the jaw difference as well as possible, without surgery. "
    "The bite improves, but the jaw position and the profile do not change.",
)

T = TreatmentType
# Option templates: (treatment type, optional (title, description) override).
# The first option is the doctor's recommendation unless a case says otherwise.
KINDS: dict[str, tuple[tuple[TreatmentType, tuple[str, str] | None], ...]] = {
    "teen3": ((T.METAL_BRACES, None), (T.CLEAR_BRACES, None), (T.CLEAR_ALIGNERS, None)),
    "teen2": ((T.METAL_BRACES, None), (T.CLEAR_ALIGNERS, None)),
    "teen_aligners": ((T.CLEAR_ALIGNERS, None), (T.METAL_BRACES, None), (T.CLEAR_BRACES, None)),
    "adult3": ((T.CLEAR_ALIGNERS, None), (T.CLEAR_BRACES, None), (T.METAL_BRACES, None)),
    "adult_limited": ((T.LIMITED, LIMITED_ALIGNERS), (T.CLEAR_ALIGNERS, None)),
    "adult_surgical": (
        (T.SURGICAL, None),
        (T.CLEAR_ALIGNERS, ALIGNER_CAMOUFLAGE),
        (T.METAL_BRACES, None),
    ),
    "phase1": ((T.PHASE_ONE, None), (T.OBSERVATION, None)),
    "observation": ((T.OBSERVATION, None), (T.PHASE_ONE, None)),
    "phase2": ((T.PHASE_TWO, None), (T.CLEAR_ALIGNERS, None), (T.CLEAR_BRACES, None)),
}
COMPREHENSIVE = frozenset(
    {T.METAL_BRACES, T.CLEAR_BRACES, T.CLEAR_ALIGNERS, T.PHASE_TWO, T.SURGICAL}
)

# --- The families ----------------------------------------------------------------

CARRIER_PREFIX = {
    "Delta Dental": "DD",
    "MetLife": "ML",
    "Cigna Dental": "CG",
    "Aetna Dental": "AE",
    "Guardian": "GD",
    "United Concordia": "UC",
    "Humana Dental": "HU",
}

STREETS = (
    "Oak Street",
    "Schrock Road",
    "Cleveland Avenue",
    "Hempstead Road",
    "Africa Road",
    "Polaris Parkway",
    "Cherry Bottom Road",
    "Worthington Road",
    "Sunbury Road",
    "Granville Street",
    "Spring Road",
    "Park Meadow Road",
)
MAIL_DOMAINS = ("example.com", "example.net", "example.org")
AREA_CODES = {"westerville": "614", "delaware": "740", "new_albany": "614"}


@dataclass(frozen=True)
class Party:
    """A responsible party; ``email_name`` is used when the name is not in Latin letters."""

    name: str
    relationship: Relationship
    email_name: str = ""


@dataclass(frozen=True)
class Cover:
    """An orthodontic benefit; ``subscriber`` indexes the case's parties (-1: the patient)."""

    carrier: str
    max_dollars: int
    used_dollars: int = 0
    pct: int = 50
    age_limit: int | None = 19
    payout: PayoutFrequency = PayoutFrequency.MONTHLY
    subscriber: int = 0
    rank: InsuranceRank = InsuranceRank.PRIMARY


@dataclass(frozen=True)
class FollowUpRow:
    after_days: int  # after the consult
    reason: str = ""  # empty: the consult's outcome reason
    done_after_days: int | None = None  # after the consult


Finding = tuple[ConditionCode, Severity, str]
NoteRow = str | tuple[int, str]  # text, or (days after the consult, text)


@dataclass(frozen=True)
class Case:
    """One consult, and (the first time its patient appears) the patient and family."""

    key: str
    first: str
    last: str
    age: int  # completed years on the consult day
    status: ConsultStatus
    days_ago: int  # consult day = today - days_ago (negative: in the future)
    concern: str
    priorities: tuple[str, ...]
    kind: str = ""  # KINDS key; empty for consults not yet held
    findings: tuple[Finding, ...] = ()
    preferred: str = ""
    email_name: str = ""  # for the e-mail address when the name is not in Latin letters
    language: str = "en"
    lead: LeadSource = LeadSource.PHONE
    referrer: str = ""
    office: str = "westerville"
    parties: tuple[Party, ...] = ()  # adults: the patient is added first as "self"
    cover: tuple[Cover, ...] = ()
    at: str = ""  # local "HH:MM"; empty: picked
    birthday_in: int | None = None  # days after the consult to the next birthday
    months: int | None = None  # the recommended option's months, if not the usual
    recommend: int = 0
    choose: int | None = None  # the option the family chose (default: recommended)
    decided_after: int = 0  # days after the consult
    start_after: int = 0  # started: days after the decision (0: same day)
    start_in: int = 0  # accepted: days from today to the booked start
    plan: str = ""  # pay_in_full, standard, low_down, extended ("": no plan)
    discounts: tuple[tuple[str, Decimal | None, int | None], ...] = ()
    reason: str = ""
    objections: tuple[tuple[Objection, str], ...] = ()
    notes: tuple[NoteRow, ...] = ()
    follow_ups: tuple[FollowUpRow, ...] = ()
    patient: str = ""  # key of an earlier case: a second consult for that patient
    flow: str = ""  # empty: from the kind and the lead source
    arrived_early: int | None = None  # today: checked in this many minutes before the slot

    @property
    def patient_key(self) -> str:
        return self.patient or self.key


S = ConsultStatus
C = ConditionCode
V = Severity
R = Relationship
L = LeadSource
O = Objection  # noqa: E741
F = FollowUpRow

FLOW_TEEN = "teen_comprehensive"
FLOW_ADULT = "adult_aligners"
FLOW_PHASE_ONE = "phase_one"
FLOW_WALK_IN = "walk_in"

DR_LIU = "Dr. Karen Liu, Maple Family Dentistry"
DR_ADEYEMI = "Dr. Samuel Adeyemi, Polaris Pediatric Dentistry"
DR_KOWALSKI = "Dr. Beth Kowalski, Delaware Smiles Family Dental"

# Today's consults: the coordinator presents these. Findings and options are
# what the doctor entered after the exam; concern and priorities came from the
# phone intake. Nothing else yet.
# fmt: off
TODAY: tuple[Case, ...] = (
    Case(
        "zoe_martinez_reyes", "Zoë", "Martínez-Reyes", 14, S.SCHEDULED, 0,
        "Her front teeth are crooked and she won't smile in photos anymore.",
        ("appearance", "school photos", "sports"),
        kind="teen3", at="09:00", lead=L.WEBSITE, arrived_early=8,
        findings=(
            (C.CROWDING, V.MODERATE,
             "Lower front teeth overlap; about 5 mm short of room in the lower arch."),
            (C.DEEP_BITE, V.MILD, "Upper front teeth cover about half of the lower ones."),
        ),
        parties=(Party("Renée Martínez", R.MOTHER), Party("Luis Reyes", R.FATHER)),
        cover=(
            Cover("Delta Dental", 1_500, subscriber=0),
            Cover("Cigna Dental", 1_000, subscriber=1, rank=InsuranceRank.SECONDARY),
        ),
    ),
    Case(
        "mary_kate_obrien", "Mary-Kate", "O'Brien", 34, S.SCHEDULED, 0,
        "I'm getting married next June and I want to stop hiding my teeth in pictures. "
        "The gap up front keeps getting wider.",
        ("a wedding", "appearance", "speed"),
        kind="adult3", at="10:30", lead=L.SOCIAL_MEDIA, months=14, arrived_early=5,
        findings=(
            (C.SPACING, V.MODERATE, "3 mm gap between the upper front teeth."),
            (C.OVERJET, V.MILD, "Upper front teeth flare forward 4 mm."),
        ),
        cover=(Cover("MetLife", 1_500, age_limit=None, subscriber=-1),),
    ),
    Case(
        "wang_xiaoming", "小明", "王", 8, S.SCHEDULED, 0,
        "The dentist said his bite is off on one side and his jaw slides over when he closes.",
        ("comfort", "cost", "convenience"),
        kind="phase1", at="14:00", preferred="Ming", email_name="li.na.wang", language="zh",
        lead=L.DOCTOR_REFERRAL, referrer=DR_LIU,
        findings=(
            (C.CROSSBITE, V.MODERATE,
             "Upper left back teeth sit inside the lower ones; the jaw shifts left to close."),
            (C.CROWDING, V.MILD, "Not enough room yet for the upper canines."),
        ),
        parties=(Party("李娜", R.MOTHER, "li.na"), Party("王伟", R.FATHER, "wei.wang")),
    ),
    Case(
        "jayden_smith_jones", "Jayden", "Smith-Jones", 12, S.SCHEDULED, 0,
        "His top teeth stick out and he got hit in the mouth at basketball last month.",
        ("sports", "comfort", "cost"),
        kind="teen3", at="15:30", lead=L.TEXT, months=26,
        findings=(
            (C.OVERJET, V.SEVERE,
             "Upper front teeth sit 8 mm ahead of the lower ones: at risk of breaking in a fall."),
            (C.DEEP_BITE, V.MODERATE, "Lower front teeth touch the gum behind the upper teeth."),
        ),
        parties=(Party("Tasha Smith-Jones", R.MOTHER),),
    ),
)

# Booked for the coming days: only what the phone intake gathered.
UPCOMING: tuple[Case, ...] = (
    Case(
        "chloe_lefevre", "Chloé", "Lefèvre", 16, S.SCHEDULED, -1,
        "She has a gap on the side where a tooth never came in, and she hates it.",
        ("appearance", "speed"),
        at="10:00", lead=L.WEBSITE, office="new_albany",
        parties=(Party("François Lefèvre", R.FATHER),),
        cover=(Cover("Aetna Dental", 1_500),),
    ),
    Case(
        "yusuf_haddad", "Yusuf", "Haddad", 27, S.SCHEDULED, -2,
        "My bottom teeth have gotten crowded since high school. I had a retainer but lost it.",
        ("appearance", "convenience", "cost"),
        at="09:30", lead=L.SOCIAL_MEDIA, office="delaware", language="ar",
        parties=(Party("Nour Haddad", R.SPOUSE),),
    ),
    Case(
        "isabella_dangelo_2", "Isabella", "D'Angelo", 11, S.SCHEDULED, -3,
        "Her baby teeth are falling out but the new ones are coming in crooked.",
        ("appearance", "cost"),
        at="16:00", patient="isabella_dangelo",
    ),
    Case(
        "bao_nguyen", "Bảo", "Nguyễn", 13, S.SCHEDULED, -6,
        "His front teeth don't touch when he bites, so he tears sandwiches with his side teeth.",
        ("comfort", "cost", "sports"),
        at="14:30", language="vi", lead=L.PATIENT_REFERRAL, referrer="The Trần family",
        email_name="bao.nguyen", office="westerville",
        parties=(Party("Nguyễn Thị Lan", R.MOTHER, "lan.nguyen"),),
        cover=(Cover("Humana Dental", 2_000, payout=PayoutFrequency.QUARTERLY),),
    ),
)

# Consults already held, and the two that were missed.
PAST: tuple[Case, ...] = (
    # --- started -------------------------------------------------------------
    Case(
        "ethan_walker", "Ethan", "Walker", 15, S.STARTED, 395,
        "His teeth are so crowded he can't floss between them, and the dentist keeps "
        "finding cavities there.",
        ("comfort", "cost", "appearance"),
        kind="teen3", months=26, decided_after=0, start_after=21, plan="standard",
        findings=(
            (C.CROWDING, V.SEVERE, "Lower front teeth stacked; 8 mm short of room."),
            (C.MIDLINE_SHIFT, V.MILD, "Lower midline 2 mm to the right."),
        ),
        parties=(Party("Sarah Walker", R.MOTHER),),
        cover=(Cover("Delta Dental", 1_500),),
        notes=(
            "Dad travels for work; mom signs everything.",
            "Asked about pulling teeth. Dr. Whitaker wants to try without extractions first.",
        ),
    ),
    Case(
        "sofia_hernandez", "Sofía", "Hernández", 13, S.STARTED, 372,
        "Her top teeth stick out and the kids at school tease her about it.",
        ("appearance", "cost", "comfort"),
        kind="teen3", decided_after=0, start_after=0, plan="low_down", language="es",
        lead=L.PATIENT_REFERRAL, referrer="The Morales family", office="delaware",
        findings=(
            (C.OVERJET, V.MODERATE, "Upper front teeth 6 mm ahead of the lower ones."),
            (C.CROWDING, V.MILD, "Mild crowding of the lower front teeth."),
        ),
        parties=(Party("María José Hernández", R.MOTHER),),
        cover=(Cover("MetLife", 1_500, payout=PayoutFrequency.QUARTERLY),),
        notes=(
            "Mom prefers Spanish for the money part; Tamika went over the plan in Spanish.",
            "Low down payment was the deciding factor; started the same day.",
        ),
    ),
    Case(
        "liam_oconnor", "Liam", "O'Connor", 16, S.STARTED, 350,
        "He plays trumpet in the marching band and is worried braces will ruin his playing.",
        ("music", "appearance"),
        kind="teen_aligners", decided_after=6, start_after=14, plan="pay_in_full",
        lead=L.TEXT,
        findings=(
            (C.CROWDING, V.MODERATE, "Upper and lower front teeth rotated and overlapping."),
            (C.OPEN_BITE, V.MILD, "Front teeth just miss each other when he bites."),
        ),
        parties=(Party("Kathleen O'Connor", R.MOTHER), Party("Brendan O'Connor", R.FATHER)),
        notes=(
            "Band director says aligners out for practice is fine.",
            (6, "Dad called back: paying in full with the 5% discount. Booked the start."),
        ),
    ),
    Case(
        "eleni_papadopoulou", "Ελένη", "Παπαδοπούλου", 41, S.STARTED, 330,
        "My lower teeth have been shifting for years and now one crosses over another. "
        "I'm tired of hiding it at work.",
        ("appearance", "convenience", "comfort"),
        kind="adult3", preferred="Eleni", email_name="eleni.papadopoulou", language="el",
        lead=L.WEBSITE, decided_after=0, start_after=0, plan="pay_in_full",
        findings=(
            (C.CROWDING, V.MODERATE, "Lower incisors crowded; one tipped in front of the others."),
            (C.MIDLINE_SHIFT, V.MILD, "Lower midline 1.5 mm to the left."),
        ),
        parties=(Party("Nikos Papadopoulos", R.SPOUSE),),
        notes=("Travels for work every other month, so aligners suit her. Scanned today.",),
    ),
    Case(
        "noah_brennan", "Noah", "Brennan", 14, S.STARTED, 305,
        "His eye tooth never came down on the right. The dentist said it's stuck.",
        ("appearance", "comfort"),
        kind="teen3", months=28, decided_after=1, start_after=30, plan="standard",
        lead=L.DOCTOR_REFERRAL, referrer=DR_KOWALSKI, office="delaware",
        findings=(
            (C.IMPACTED, V.MODERATE,
             "Upper right canine impacted toward the palate; needs exposure by the oral surgeon."),
            (C.SPACING, V.MILD, "Baby canine still in place; 2 mm spaces around it."),
        ),
        parties=(Party("Megan Brennan", R.MOTHER),),
        cover=(Cover("Cigna Dental", 2_000),),
        notes=(
            "Referral sent to Dr. Alan Fischer (oral surgeon) for the canine exposure.",
            (1, "Mom called: go ahead. Braces the week after the exposure."),
        ),
    ),
    Case(
        "aaliyah_johnson", "Aaliyah", "Johnson", 17, S.STARTED, 285,
        "I want my smile done before senior year and I don't want braces in my senior pictures.",
        ("school photos", "appearance", "speed"),
        kind="teen_aligners", months=12, decided_after=0, start_after=0, plan="standard",
        lead=L.SOCIAL_MEDIA,
        findings=(
            (C.SPACING, V.MILD, "Small spaces between the upper front teeth."),
            (C.CROWDING, V.MILD, "One lower incisor turned."),
        ),
        parties=(Party("Denise Johnson", R.MOTHER),),
        cover=(Cover("Aetna Dental", 1_500),),
        notes=("Senior pictures in August: aligners timed to finish before then.",),
    ),
    Case(
        "dmitri_sokolov", "Дмитрий", "Соколов", 29, S.STARTED, 262,
        "My lower jaw sticks out and I can't bite through noodles with my front teeth. "
        "I've wanted this fixed since school.",
        ("comfort", "appearance"),
        kind="adult_surgical", preferred="Dima", email_name="dmitri.sokolov", language="ru",
        lead=L.EMAIL, office="new_albany", decided_after=5, start_after=40, plan="extended",
        findings=(
            (C.UNDERBITE, V.SEVERE,
             "Lower front teeth 4 mm in front of the upper ones; the lower jaw is long."),
            (C.CROSSBITE, V.MODERATE, "Back teeth in crossbite on both sides."),
        ),
        notes=(
            "Needs a consult with Dr. Fischer (oral surgeon) first; surgery goes to medical "
            "insurance.",
            (5, "Chose the extended 36-month plan at 6.9% to keep the monthly low."),
        ),
    ),
    Case(
        "hannah_muller", "Hannah", "Müller", 10, S.STARTED, 240,
        "Her teeth are crowded and the dentist said her upper jaw is narrow.",
        ("comfort", "cost"),
        kind="phase1", decided_after=0, start_after=0, plan="standard", office="new_albany",
        findings=(
            (C.CROSSBITE, V.MODERATE, "Narrow upper jaw; back teeth in crossbite on the right."),
            (C.CROWDING, V.MODERATE, "Upper front teeth blocked out; no room for the canines."),
        ),
        parties=(Party("Katrin Müller", R.MOTHER), Party("Jonas Müller", R.FATHER)),
        cover=(Cover("Guardian", 1_500, subscriber=1),),
        notes=("Expander placed today; showed dad how to turn the key.",),
    ),
    Case(
        "jamal_washington", "Jamal", "Washington", 13, S.STARTED, 218,
        "When he closes, his bottom teeth bite into the gum behind his top teeth and it hurts.",
        ("comfort", "cost"),
        kind="teen2", decided_after=0, start_after=10, plan="low_down", lead=L.WEBSITE,
        findings=(
            (C.DEEP_BITE, V.SEVERE,
             "Lower front teeth bite into the palate behind the upper teeth."),
            (C.CROWDING, V.MILD, "Mild crowding of the upper front teeth."),
        ),
        parties=(Party("Loretta Washington", R.GRANDPARENT),),
        notes=(
            "Grandma has custody and is on a fixed income; the $250 down made it work.",
        ),
    ),
    Case(
        "lucas_ferreira_2", "Lucas", "Ferreira", 9, S.STARTED, 197,
        "Back for the six-month check; his new front teeth are coming in crooked.",
        ("comfort", "cost"),
        kind="phase1", decided_after=0, start_after=0, plan="standard", patient="lucas_ferreira",
        findings=(
            (C.CROWDING, V.MODERATE, "Upper incisors erupted rotated; canines blocked out."),
            (C.CROSSBITE, V.MILD, "Upper left lateral incisor behind the lower teeth."),
        ),
        notes=("Recall visit turned into a start: crowding got worse since last time.",),
    ),
    Case(
        "priya_shah", "Priya", "Shah", 35, S.STARTED, 170,
        "One front tooth has drifted forward since I had a tooth pulled, and it catches my lip.",
        ("appearance", "comfort", "speed"),
        kind="adult_limited", decided_after=0, start_after=7, plan="standard",
        lead=L.DOCTOR_REFERRAL, referrer=DR_LIU,
        findings=(
            (C.SPACING, V.MILD, "2 mm space after a lower extraction; front tooth flared."),
            (C.MIDLINE_SHIFT, V.MILD, "Upper midline 1 mm to the right."),
        ),
        parties=(Party("Rohan Shah", R.SPOUSE),),
        cover=(Cover("MetLife", 1_000, age_limit=None, subscriber=-1),),
        notes=(
            "Offered the 5% pay-in-full discount; she chose to spread it over the treatment "
            "months instead.",
        ),
    ),
    Case(
        "chidi_okafor", "Chidi", "Okafor", 13, S.STARTED, 120,
        "His teeth are crowded and his top teeth stick out past the bottom ones.",
        ("appearance", "sports"),
        kind="teen3", at="15:00", decided_after=0, start_after=0, plan="standard",
        lead=L.PATIENT_REFERRAL, referrer="The Shah family", office="delaware",
        findings=(
            (C.CROWDING, V.MODERATE, "4 mm of crowding in both arches."),
            (C.OVERJET, V.MODERATE, "Upper front teeth 5 mm ahead of the lower ones."),
        ),
        parties=(Party("Ngozi Okafor", R.MOTHER), Party("Emeka Okafor", R.FATHER)),
        cover=(Cover("Cigna Dental", 1_500, subscriber=1),),
        notes=("Plays football: gave him a mouthguard for braces.",),
    ),
    Case(
        "adaeze_okafor", "Adaeze", "Okafor", 9, S.STARTED, 120,
        "Her bottom teeth are in front of her top ones on one side.",
        ("comfort", "cost"),
        kind="phase1", at="15:30", decided_after=0, start_after=14, plan="standard",
        discounts=(("Sibling discount", Decimal("5"), None),),
        lead=L.PATIENT_REFERRAL, referrer="Chidi Okafor (brother, in treatment)",
        office="delaware",
        findings=(
            (C.CROSSBITE, V.MODERATE, "Upper right front teeth behind the lower ones."),
            (C.CROWDING, V.MILD, "Little room for the upper canines."),
        ),
        parties=(Party("Ngozi Okafor", R.MOTHER), Party("Emeka Okafor", R.FATHER)),
        cover=(Cover("Cigna Dental", 1_500, subscriber=1),),
        notes=("Siblings: 5% family discount on Adaeze's fee. Expander in two weeks.",),
    ),
    Case(
        "hina_sato", "陽菜", "佐藤", 15, S.STARTED, 96,
        "She had an expander when she was nine. Now her front teeth are crooked again.",
        ("appearance", "school photos"),
        kind="phase2", preferred="Hina", email_name="hina.sato", language="ja",
        lead=L.WEBSITE, decided_after=0, start_after=0, plan="standard",
        findings=(
            (C.CROWDING, V.MILD, "Upper and lower front teeth slightly crowded."),
            (C.DEEP_BITE, V.MILD, "Upper teeth cover 40% of the lower ones."),
        ),
        parties=(Party("佐藤 由美", R.MOTHER, "yumi.sato"),),
        cover=(Cover("Delta Dental", 2_000, used_dollars=600),),
        notes=("Phase I at her old practice in Cincinnati used $600 of the lifetime maximum.",),
    ),
    Case(
        "marcus_bell", "Marcus", "Bell", 45, S.STARTED, 70,
        "My dentist says my bite is wearing down my front teeth.",
        ("comfort", "appearance"),
        kind="adult3", choose=1, decided_after=3, start_after=12, plan="standard",
        office="new_albany",
        findings=(
            (C.DEEP_BITE, V.MODERATE, "Deep bite with wear on the lower front teeth."),
            (C.CROWDING, V.MODERATE, "Crowding of the lower front teeth."),
        ),
        parties=(Party("Angela Bell", R.SPOUSE),),
        notes=(
            "Does not trust himself to wear aligners 22 hours a day: chose clear braces.",
            (3, "Called to say yes to clear braces; start booked."),
        ),
    ),
    Case(
        "olivia_chen", "Olivia", "Chen", 12, S.STARTED, 50,
        "Her teeth are crooked and one on top is stuck behind the others.",
        ("appearance", "school photos"),
        kind="teen3", decided_after=0, start_after=0, plan="pay_in_full", lead=L.EMAIL,
        language="zh",
        findings=(
            (C.CROWDING, V.MODERATE, "Upper left lateral incisor blocked behind the others."),
            (C.CROSSBITE, V.MILD, "That tooth is in crossbite."),
        ),
        parties=(Party("陈静", R.MOTHER, "jing.chen"),),
        cover=(Cover("Aetna Dental", 1_500, used_dollars=350),),
        notes=("Space maintainer at age 8 used $350 of the ortho maximum.",),
    ),
    Case(
        "kai_nakamura", "Kai", "Nakamura", 14, S.STARTED, 35,
        "We were passing by. His front teeth don't close and he pushes his tongue between them.",
        ("comfort", "speed"),
        kind="teen2", decided_after=0, start_after=9, plan="standard", lead=L.WALK_IN,
        office="new_albany",
        discounts=(("Educator courtesy", None, 25_000),),
        findings=(
            (C.OPEN_BITE, V.MODERATE, "3 mm open bite in front; tongue thrust when swallowing."),
            (C.SPACING, V.MILD, "Small spaces between the upper front teeth."),
        ),
        parties=(Party("Lisa Nakamura", R.MOTHER),),
        notes=("Walked in after school; Dr. Raman had a gap and saw him.",
               "Mom teaches at Plain Local schools: educator courtesy applied."),
    ),
    # --- accepted: start booked ----------------------------------------------
    Case(
        "mila_ivanova", "Mila", "Ivanova", 11, S.ACCEPTED, 18,
        "Her teeth are coming in crowded and she already covers her mouth when she laughs.",
        ("appearance", "comfort"),
        kind="teen3", decided_after=0, start_in=5, plan="standard", language="ru",
        lead=L.SOCIAL_MEDIA,
        findings=(
            (C.CROWDING, V.MODERATE, "Upper canines coming in high; 5 mm short of room."),
        ),
        parties=(Party("Анна Иванова", R.MOTHER, "anna.ivanova"),),
        notes=("Start waits for the last baby molars; booked as soon as they are out.",),
    ),
    Case(
        "ananya_iyer", "Ananya", "Iyer", 16, S.ACCEPTED, 12,
        "She wants her teeth straight before college, but not with metal braces.",
        ("appearance", "convenience"),
        kind="teen_aligners", decided_after=2, start_in=9, plan="standard", lead=L.EMAIL,
        office="delaware",
        findings=(
            (C.CROWDING, V.MILD, "Mild crowding of the lower front teeth."),
            (C.SPACING, V.MILD, "1 mm space between the upper front teeth."),
        ),
        parties=(Party("Lakshmi Iyer", R.MOTHER), Party("Arjun Iyer", R.FATHER)),
        cover=(Cover("Delta Dental", 1_500, subscriber=1),),
        notes=((2, "Dad e-mailed the signed insurance form; aligners ordered."),),
    ),
    Case(
        "jean_luc_moreau", "Jean-Luc", "Moreau", 38, S.ACCEPTED, 9,
        "I always wanted straight teeth; now that the kids are older it is my turn.",
        ("appearance", "convenience"),
        kind="adult3", decided_after=0, start_in=12, plan="pay_in_full", lead=L.WEBSITE,
        language="fr",
        findings=(
            (C.CROWDING, V.MODERATE, "Crowding in both arches."),
            (C.DEEP_BITE, V.MILD, "Slightly deep bite."),
        ),
        parties=(Party("Camille Moreau", R.SPOUSE),),
        notes=("Paid in full by card; aligners arrive in about three weeks.",),
    ),
    Case(
        "jose_luis_ramirez", "José Luis", "Ramírez", 14, S.ACCEPTED, 6,
        "His teeth are very crooked and his bite feels wrong when he chews.",
        ("cost", "comfort"),
        kind="teen2", decided_after=1, start_in=14, plan="low_down", language="es",
        lead=L.PHONE, office="delaware",
        findings=(
            (C.CROWDING, V.SEVERE, "7 mm of crowding in the upper arch."),
            (C.CROSSBITE, V.MODERATE, "Left back teeth in crossbite."),
        ),
        parties=(Party("Guadalupe Ramírez", R.MOTHER),),
        notes=((1, "Mom called back after payday: $250 down, start in two weeks."),),
    ),
    Case(
        "minjun_kim", "Min-jun", "Kim", 13, S.ACCEPTED, 3,
        "His front teeth overlap and his bite is deep. His older sister had braces here.",
        ("appearance", "sports"),
        kind="teen3", decided_after=0, start_in=20, plan="standard", language="ko",
        lead=L.PATIENT_REFERRAL, referrer="Soo-ah Kim (sister, finished 2023)",
        findings=(
            (C.DEEP_BITE, V.MODERATE, "Upper teeth cover 70% of the lower ones."),
            (C.CROWDING, V.MILD, "Mild crowding of the lower front teeth."),
        ),
        parties=(Party("김지은", R.MOTHER, "jieun.kim"), Party("김성호", R.FATHER, "sungho.kim")),
        cover=(Cover("Delta Dental", 1_500),),
        notes=("Start booked after the hockey tournament.",),
    ),
    # --- pending: held, not decided --------------------------------------------
    Case(
        "ava_thompson", "Ava", "Thompson", 15, S.PENDING, 4,
        "Her teeth are crooked on the bottom and her top teeth cover them too much.",
        ("appearance", "school photos"),
        kind="teen3", plan="standard", lead=L.SOCIAL_MEDIA,
        reason="Dad has to agree on the cost; mom will call after talking to him.",
        findings=(
            (C.CROWDING, V.MODERATE, "Lower front teeth crowded."),
            (C.DEEP_BITE, V.MODERATE, "Deep bite."),
        ),
        parties=(Party("Jennifer Thompson", R.MOTHER), Party("Mark Thompson", R.FATHER)),
        cover=(Cover("Cigna Dental", 1_500, subscriber=1),),
        objections=(
            (O.TALK_TO_PARTNER, "Parents are divorced; dad pays half and carries the insurance."),
            (O.COST, "Asked if the fee could be split between two households."),
        ),
        notes=(
            "Parents divorced; dad carries the insurance. Both must sign.",
            "Ava really wants clear braces.",
        ),
        follow_ups=(F(3),),
    ),
    Case(
        "renee_lambert", "Renée", "Lambert", 28, S.PENDING, 9,
        "My teeth shifted after I stopped wearing my retainer. I want them back where they were.",
        ("appearance", "cost", "convenience"),
        kind="adult3", preferred="Ren", lead=L.WEBSITE, office="new_albany",
        reason="Comparing with a mail-order aligner company online.",
        findings=(
            (C.CROWDING, V.MILD, "Relapse crowding of the lower front teeth."),
            (C.MIDLINE_SHIFT, V.MILD, "Lower midline 1 mm to the left."),
        ),
        objections=(
            (O.SECOND_OPINION, "Has a quote from a mail-order aligner company."),
            (O.COST, "Mail-order quote is about half our fee."),
        ),
        notes=("Explained what in-person checks add; she'll read the comparison sheet.",),
        follow_ups=(F(7),),
    ),
    Case(
        "diego_morales", "Diego", "Morales", 12, S.PENDING, 15,
        "His teeth are crooked and his cousin Sofía got braces here.",
        ("cost", "appearance"),
        kind="teen3", plan="extended", language="es", lead=L.PATIENT_REFERRAL,
        referrer="The Hernández family", office="delaware",
        reason="The monthly payment is too high; asked about a longer plan.",
        findings=(
            (C.CROWDING, V.MODERATE, "Upper canines coming in high."),
            (C.OVERJET, V.MILD, "Upper teeth 4 mm ahead of the lower ones."),
        ),
        parties=(Party("Carmen Morales", R.MOTHER),),
        objections=((O.MONTHLY_TOO_HIGH, "Standard monthly is more than they can manage now."),),
        notes=(
            "Showed the extended 36-month plan at 6.9%; mom wants to check the family budget.",
        ),
        follow_ups=(F(14),),
    ),
    Case(
        "tyler_henderson", "Tyler", "Henderson", 19, S.PENDING, 21,
        "I've always hated my crooked teeth and I want them fixed before I look for jobs.",
        ("appearance", "cost"),
        kind="adult3", birthday_in=10, lead=L.PHONE,
        reason="His insurance stops at 20 (age limit 19), before any start; deciding whether "
        "to pay the whole fee.",
        findings=(
            (C.CROWDING, V.MODERATE, "Crowding in both arches."),
            (C.OVERJET, V.MILD, "Upper front teeth 4 mm ahead of the lower ones."),
        ),
        parties=(Party("Dawn Henderson", R.MOTHER),),
        cover=(Cover("Delta Dental", 1_500, subscriber=0),),
        objections=(
            (O.INSURANCE, "Turns 20 ten days after the consult; the plan covers through 19."),
            (O.COST, "Without insurance the whole fee is theirs."),
        ),
        notes=(
            "Mom is paying. Told her honestly the insurance estimate is $0 past his birthday.",
        ),
        follow_ups=(F(28),),
    ),
    Case(
        "emma_sorensen", "Emma", "Sørensen", 9, S.PENDING, 33,
        "Her top teeth are behind her bottom teeth in front, and her jaw looks a little off.",
        ("sports", "comfort"),
        kind="phase1", lead=L.PHONE, office="new_albany",
        reason="Wants to wait until after swim season.",
        findings=(
            (C.CROSSBITE, V.MODERATE, "Upper front teeth behind the lower ones."),
            (C.UNDERBITE, V.MILD, "Edge-to-edge bite in front; watch jaw growth."),
        ),
        parties=(Party("Kirsten Sørensen", R.MOTHER), Party("Lars Sørensen", R.FATHER)),
        cover=(Cover("Guardian", 1_500),),
        objections=(
            (O.ACTIVITIES, "Competitive swimmer; worried about the expander in meets."),
            (O.TIMING, "Season ends in six weeks."),
        ),
        notes=("Explained why early is better for a crossbite; they understand.",),
        follow_ups=(F(45),),
    ),
    Case(
        "linh_dang", "Linh", "Đặng", 17, S.PENDING, 48,
        "Her teeth are crowded and she wants them fixed, but she leaves for college in August.",
        ("appearance", "convenience"),
        kind="teen_aligners", language="vi", lead=L.TEXT,
        reason="Leaving for college in August; worried about finishing treatment away from home.",
        findings=(
            (C.CROWDING, V.MODERATE, "Crowding in both arches."),
        ),
        parties=(Party("Đặng Văn Hùng", R.FATHER, "hung.dang"),),
        objections=(
            (O.TIMING, "College in August."),
            (O.NEED_TO_THINK, "Wants to talk to her cousin who had aligners."),
        ),
        notes=("Told them aligner checks can be every 10-12 weeks, matching school breaks.",),
        follow_ups=(F(30),),
    ),
    Case(
        "ashley_rivera", "Ashley", "Rivera", 42, S.PENDING, 75,
        "My teeth have gotten more crooked over the years and my gums bleed where they overlap.",
        ("comfort", "appearance"),
        kind="adult3", preferred="Ash", lead=L.EMAIL, office="delaware",
        reason="Worried about discomfort; wants to talk to another adult patient first.",
        findings=(
            (C.CROWDING, V.MODERATE, "Overlapping lower incisors; gum irritation there."),
            (C.DEEP_BITE, V.MILD, "Slightly deep bite."),
        ),
        parties=(Party("Miguel Rivera", R.SPOUSE),),
        cover=(Cover("MetLife", 1_500, age_limit=None, subscriber=-1),),
        objections=(
            (O.DISCOMFORT, "Had a bad experience with a dental procedure."),
            (O.APPEARANCE, "Presents to clients at work."),
        ),
        notes=(
            "Very nervous; went slowly through what the first week feels like.",
            (14, "Left a message; she asked for a call-back next month."),
        ),
        follow_ups=(F(14, "Check in after she reads the adult patient stories.", 14), F(80)),
    ),
    # --- declined -------------------------------------------------------------
    Case(
        "brandon_miller", "Brandon", "Miller", 16, S.DECLINED, 310,
        "His bottom teeth are crooked and his top ones stick out a bit.",
        ("appearance", "convenience"),
        kind="teen3", decided_after=12, lead=L.WEBSITE,
        reason="Chose a practice closer to his dad's work.",
        findings=(
            (C.CROWDING, V.MILD, "Mild lower crowding."),
            (C.OVERJET, V.MODERATE, "Upper teeth 5 mm ahead of the lower ones."),
        ),
        parties=(Party("Tracy Miller", R.MOTHER),),
        objections=((O.SECOND_OPINION, "Getting a second quote near dad's office."),),
        notes=((12, "Mom called: going with a practice in Columbus. Thanked her."),),
    ),
    Case(
        "maya_goldberg", "Maya", "Goldberg", 31, S.DECLINED, 250,
        "I have a gap and crooked bottom teeth that I've never liked.",
        ("appearance", "cost"),
        kind="adult3", decided_after=20, lead=L.EMAIL, office="new_albany",
        reason="Cost: decided to save up and look again next year.",
        findings=(
            (C.SPACING, V.MILD, "2 mm gap between the upper front teeth."),
            (C.CROWDING, V.MILD, "Mild lower crowding."),
        ),
        objections=(
            (O.COST, "Just bought a house."),
            (O.MONTHLY_TOO_HIGH, "Even the low down payment plan was too much right now."),
        ),
        notes=((20, "Declined for now; asked us to reach out in the new year."),),
    ),
    Case(
        "oliver_ndiaye", "Oliver", "N'Diaye", 14, S.DECLINED, 160,
        "His teeth are crowded and the top ones are in front too much.",
        ("appearance", "sports"),
        kind="teen2", decided_after=5, language="fr", lead=L.SOCIAL_MEDIA, office="delaware",
        reason="The family is moving out of state in the spring.",
        findings=(
            (C.CROWDING, V.MODERATE, "Moderate crowding."),
            (C.OVERJET, V.MODERATE, "5 mm overjet."),
        ),
        parties=(Party("Aminata N'Diaye", R.MOTHER),),
        cover=(Cover("United Concordia", 1_000),),
        objections=((O.TIMING, "Moving to Texas in April."),),
        notes=((5, "Sent records and a letter for the new orthodontist."),),
    ),
    Case(
        "lucja_wisniewska", "Łucja", "Wiśniewska", 26, S.DECLINED, 105,
        "Only my two front teeth bother me: they overlap a little.",
        ("cost", "appearance", "speed"),
        kind="adult_limited", decided_after=9, language="pl", lead=L.WEBSITE,
        reason="Went with a mail-order aligner company for the lower price.",
        findings=(
            (C.CROWDING, V.MILD, "Upper central incisors overlap 1 mm."),
        ),
        objections=(
            (O.COST, "Mail-order price lower than our limited fee."),
            (O.SECOND_OPINION, "Compared online options."),
        ),
        notes=("Explained the limited option at $2,400.",
               (9, "E-mailed to decline. Told her we are here if she needs help later.")),
    ),
    Case(
        "tristan_baptiste", "Tristan", "Baptiste", 15, S.DECLINED, 40,
        "His teeth are crooked, but he says he doesn't care.",
        ("appearance", "cost"),
        kind="teen3", decided_after=7, lead=L.PHONE,
        reason="Tristan refused braces and his guardian won't force him.",
        findings=(
            (C.CROWDING, V.MODERATE, "Moderate crowding."),
            (C.DEEP_BITE, V.MILD, "Slightly deep bite."),
        ),
        parties=(Party("Robert Hale", R.GUARDIAN),),
        objections=((O.APPEARANCE, "Does not want anything visible on his teeth."),),
        notes=("Showed clear braces and aligners; he still said no.",
               (7, "Guardian called: not now. Suggested a check in a year.")),
    ),
    # --- observation: growing children, recall in 6 months ---------------------------
    Case(
        "lucas_ferreira", "Lucas", "Ferreira", 8, S.OBSERVATION, 380,
        "His baby teeth are loose and we want to know if he will need braces.",
        ("cost", "comfort"),
        kind="observation", decided_after=0, language="pt", lead=L.DOCTOR_REFERRAL,
        referrer=DR_ADEYEMI,
        reason="Still growing; canines not down yet. Recall in 6 months.",
        findings=(
            (C.CROWDING, V.MILD, "Little room for the adult front teeth; watch as they come in."),
        ),
        parties=(Party("Ana Ferreira", R.MOTHER),),
        cover=(Cover("United Concordia", 1_500),),
        notes=("Mom relieved nothing is needed yet.",),
        follow_ups=(F(182, "6-month growth recall: check the incoming front teeth.", 183),),
    ),
    Case(
        "ruby_whitfield", "Ruby", "Whitfield", 7, S.OBSERVATION, 150,
        "Her dentist said to get her checked at seven.",
        ("comfort", "cost"),
        kind="observation", decided_after=0, lead=L.PHONE, office="new_albany",
        reason="Bite is fine for now; recall in 6 months.",
        findings=((C.SPACING, V.MILD, "Normal spacing of the baby teeth."),),
        parties=(Party("Amanda Whitfield", R.MOTHER),),
        cover=(Cover("Guardian", 1_500),),
        notes=("Nothing to treat yet; gave the growth-check handout.",),
        follow_ups=(F(182, "6-month growth recall."),),
    ),
    Case(
        "santiago_cruz", "Santiago", "Cruz", 8, S.OBSERVATION, 130,
        "His top teeth look like they are coming in crooked.",
        ("cost", "appearance"),
        kind="observation", decided_after=0, language="es", lead=L.DOCTOR_REFERRAL,
        referrer=DR_ADEYEMI,
        reason="Growing; the front teeth may straighten as the laterals come in. "
        "Recall in 6 months.",
        findings=(
            (C.CROWDING, V.MILD, "Upper incisors slightly rotated."),
            (C.SPACING, V.MILD, "Space between the upper front teeth, normal at this age."),
        ),
        parties=(Party("Lucía Cruz", R.MOTHER),),
        notes=("Explained the ugly duckling stage; mom relieved.",),
        follow_ups=(F(182, "6-month growth recall: re-check the upper incisors."),),
    ),
    Case(
        "mia_rose_campbell", "Mia-Rose", "Campbell", 9, S.OBSERVATION, 60,
        "She sucked her thumb until last year and we're worried about her front teeth.",
        ("appearance", "comfort"),
        kind="observation", decided_after=0, lead=L.PHONE, office="delaware",
        reason="Open bite closing on its own since she stopped thumb-sucking. Recall in 6 months.",
        findings=(
            (C.OPEN_BITE, V.MILD, "1 mm open bite in front, improving."),
            (C.OVERJET, V.MILD, "Upper front teeth flared 4 mm."),
        ),
        parties=(Party("Heather Campbell", R.MOTHER), Party("Ian Campbell", R.FATHER)),
        cover=(Cover("Delta Dental", 1_500),),
        notes=("Praised Mia-Rose for stopping the thumb habit.",),
        follow_ups=(F(182, "6-month recall: is the open bite still closing?"),),
    ),
    # --- no-shows ------------------------------------------------------------------
    Case(
        "isabella_dangelo", "Isabella", "D'Angelo", 11, S.NO_SHOW, 26,
        "Her baby teeth are falling out but the new ones are coming in crooked.",
        ("appearance", "cost"),
        at="16:00", lead=L.WEBSITE,
        parties=(Party("Gina D'Angelo", R.MOTHER),),
        cover=(Cover("Delta Dental", 1_500),),
        notes=(
            (1, "Mom forgot; she will call back once she has her work schedule."),
            (23, "Mom called back; rebooked the consult."),
        ),
        follow_ups=(F(1, "Call to rebook the missed consult.", 23),),
    ),
    Case(
        "caleb_foster", "Caleb", "Foster", 13, S.NO_SHOW, 88,
        "His teeth are crooked in front.",
        ("appearance", "cost"),
        at="08:30", lead=L.TEXT, office="new_albany",
        parties=(Party("Brittany Foster", R.MOTHER),),
        notes=((2, "Called twice and left voicemails; texted the booking link."),),
        follow_ups=(F(2, "Call to rebook the missed consult.", 2),),
    ),
)

# fmt: on

# Taken off the schedule before it happened: Yusuf's first booking, rebooked for this week.
CALLED_OFF: tuple[Case, ...] = (
    Case(
        "yusuf_haddad_cancelled", "Yusuf", "Haddad", 27, S.CANCELLED, 3,
        "My bottom teeth have gotten crowded since high school. I had a retainer but lost it.",
        ("appearance", "convenience", "cost"),
        at="17:00", patient="yusuf_haddad",
        reason="Had to work late; rebooked for a morning.",
    ),
)  # fmt: skip

CASES: tuple[Case, ...] = TODAY + UPCOMING + PAST + CALLED_OFF
