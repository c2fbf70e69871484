"""The schema, as an ordered set of sqlite-utils migrations.

Migrations are append-only: never edit one that has shipped; add the next.
Money is integer cents, ids UUID text, timestamps UTC ISO-8601 text, exact
decimals (percentages) text. Tables that are history (notes, objections,
audit, agreements) refuse UPDATE and DELETE through triggers.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tcdesk.store.schema import (
    M004_MUTABLE_TABLES,
    MIGRATION_NAMES,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    MUTABLE_TABLES,
    known_names,
)

__all__ = ["MIGRATION_SET", "MUTABLE_TABLES", "known_names", "migrations"]

migrations = Migrations(MIGRATION_SET)


def _run(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _run_with_triggers(db: Database, tables_sql: str, append_only: list[str]) -> None:
    _run(db, tables_sql)
    for table in append_only:
        # Trigger bodies contain ';' so they go one by one.
        db.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


@migrations(name="m001_foundation")
def m001_foundation(db: Database) -> None:
    _run_with_triggers(
        db,
        """
        CREATE TABLE practices (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '', website TEXT NOT NULL DEFAULT '',
            brand_color TEXT NOT NULL DEFAULT '#1F6F8B', logo_path TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE offices (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('main', 'satellite')),
            address TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE staff (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            role TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
            office_id TEXT REFERENCES offices(id)
        ) STRICT;
        CREATE TABLE fee_schedule (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            treatment_type TEXT NOT NULL, name TEXT NOT NULL,
            fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
            typical_months INTEGER NOT NULL, visit_interval_weeks INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE financial_policies (
            practice_id TEXT PRIMARY KEY REFERENCES practices(id),
            min_down_pct TEXT NOT NULL, min_down_cents INTEGER NOT NULL,
            low_down_cents INTEGER NOT NULL, max_months INTEGER NOT NULL,
            extended_max_months INTEGER NOT NULL, pif_discount_pct TEXT NOT NULL,
            family_discount_pct TEXT NOT NULL, apr_pct TEXT NOT NULL,
            extended_apr_pct TEXT NOT NULL, late_fee_cents INTEGER NOT NULL,
            late_after_days INTEGER NOT NULL, returned_payment_fee_cents INTEGER NOT NULL,
            estimate_valid_days INTEGER NOT NULL, remainder TEXT NOT NULL,
            forgone_pif_is_finance_charge INTEGER NOT NULL,
            pif_combines_with_discounts INTEGER NOT NULL DEFAULT 0,
            max_courtesy_pct TEXT NOT NULL
        ) STRICT;
        CREATE TABLE patients (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            legal_first TEXT NOT NULL, legal_last TEXT NOT NULL, birth_date TEXT NOT NULL,
            preferred_name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', preferred_language TEXT NOT NULL DEFAULT 'en',
            lead_source TEXT NOT NULL, referrer TEXT NOT NULL DEFAULT '',
            office_id TEXT REFERENCES offices(id), created_at TEXT NOT NULL,
            search_key TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX patients_last_first ON patients(legal_last, legal_first);
        CREATE TABLE responsible_parties (
            id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
            name TEXT NOT NULL, relationship TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX responsible_parties_patient ON responsible_parties(patient_id);
        CREATE TABLE insurance_policies (
            id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
            rank TEXT NOT NULL CHECK (rank IN ('primary', 'secondary')),
            carrier TEXT NOT NULL, coverage_pct TEXT NOT NULL,
            lifetime_max_cents INTEGER NOT NULL CHECK (lifetime_max_cents >= 0),
            used_cents INTEGER NOT NULL DEFAULT 0 CHECK (used_cents >= 0),
            age_limit INTEGER, initial_pct TEXT NOT NULL, payout TEXT NOT NULL,
            subscriber TEXT NOT NULL DEFAULT '', member_id TEXT NOT NULL DEFAULT '',
            UNIQUE (patient_id, rank)
        ) STRICT;
        CREATE TABLE consults (
            id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
            office_id TEXT NOT NULL REFERENCES offices(id),
            coordinator_id TEXT NOT NULL REFERENCES staff(id),
            doctor_id TEXT NOT NULL REFERENCES staff(id),
            scheduled_at TEXT NOT NULL, chief_concern TEXT NOT NULL DEFAULT '',
            priorities TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL,
            outcome_reason TEXT NOT NULL DEFAULT '', decided_on TEXT, planned_start TEXT,
            started_on TEXT, flow_id TEXT NOT NULL DEFAULT '', chosen_option_id TEXT
        ) STRICT;
        CREATE INDEX consults_patient ON consults(patient_id);
        CREATE INDEX consults_scheduled ON consults(scheduled_at);
        CREATE TABLE findings (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            code TEXT NOT NULL, severity TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX findings_consult ON findings(consult_id);
        CREATE TABLE treatment_options (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            treatment_type TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
            estimated_months INTEGER NOT NULL, visit_interval_weeks INTEGER NOT NULL,
            fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
            recommended INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX treatment_options_consult ON treatment_options(consult_id);
        CREATE TABLE payment_plans (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            option_id TEXT NOT NULL REFERENCES treatment_options(id),
            choice_key TEXT NOT NULL, down_cents INTEGER NOT NULL, months INTEGER NOT NULL,
            apr_pct TEXT NOT NULL, agreement_date TEXT NOT NULL, first_due TEXT,
            remainder TEXT NOT NULL, discounts TEXT NOT NULL DEFAULT '[]',
            over_limit_reason TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
            created_by TEXT REFERENCES staff(id)
        ) STRICT;
        CREATE INDEX payment_plans_consult ON payment_plans(consult_id, created_at);
        CREATE TABLE notes (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            body TEXT NOT NULL, created_at TEXT NOT NULL, author_id TEXT REFERENCES staff(id),
            revises TEXT REFERENCES notes(id)
        ) STRICT;
        CREATE INDEX notes_consult ON notes(consult_id, created_at);
        CREATE TABLE objections (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            objection TEXT NOT NULL, created_at TEXT NOT NULL,
            author_id TEXT REFERENCES staff(id), detail TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            due_on TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL,
            assigned_to TEXT REFERENCES staff(id), done_at TEXT
        ) STRICT;
        CREATE TABLE patient_photos (
            id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
            path TEXT NOT NULL, caption TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE audit_log (
            id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, action TEXT NOT NULL,
            subject_id TEXT NOT NULL, detail TEXT NOT NULL DEFAULT ''
        ) STRICT
        """,
        ["notes", "objections", "audit_log"],
    )


@migrations(name="m002_consult_sessions")
def m002_consult_sessions(db: Database) -> None:
    """Live consult state, saved as it changes, so a crash can resume."""
    _run(
        db,
        """
        CREATE TABLE consult_sessions (
            consult_id TEXT PRIMARY KEY REFERENCES consults(id),
            flow_id TEXT NOT NULL, step_id TEXT NOT NULL, step_index INTEGER NOT NULL,
            started INTEGER NOT NULL DEFAULT 0, blank TEXT NOT NULL DEFAULT '',
            checked TEXT NOT NULL DEFAULT '[]', draft_note TEXT NOT NULL DEFAULT '',
            note_id TEXT REFERENCES notes(id),
            elapsed_seconds INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL, ended_at TEXT
        ) STRICT
        """,
    )


@migrations(name="m003_agreements")
def m003_agreements(db: Database) -> None:
    """Agreements keep their exact PDF bytes; history is append-only."""
    _run_with_triggers(
        db,
        """
        CREATE TABLE agreements (
            id TEXT PRIMARY KEY, consult_id TEXT NOT NULL REFERENCES consults(id),
            number TEXT NOT NULL, version INTEGER NOT NULL, plan_id TEXT NOT NULL
                REFERENCES payment_plans(id),
            pdf BLOB NOT NULL, sha256 TEXT NOT NULL, created_at TEXT NOT NULL,
            created_by TEXT REFERENCES staff(id), UNIQUE (number, version)
        ) STRICT;
        CREATE TABLE agreement_events (
            id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL REFERENCES agreements(id),
            kind TEXT NOT NULL CHECK (kind IN ('generated', 'printed', 'signed', 'voided')),
            at TEXT NOT NULL, actor_id TEXT REFERENCES staff(id),
            detail TEXT NOT NULL DEFAULT '', payload BLOB
        ) STRICT
        """,
        ["agreements", "agreement_events"],
    )


@migrations(name="m004_real_practice")
def m004_real_practice(db: Database) -> None:
    """A practice set up by hand: settings, intake, schedule, record, import; sync-ready rows."""
    _run(
        db,
        """
        CREATE TABLE referring_doctors (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            name TEXT NOT NULL, practice_name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT ''
        ) STRICT;
        ALTER TABLE practices ADD COLUMN agreement_terms TEXT NOT NULL DEFAULT '';
        ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE fee_schedule ADD COLUMN description TEXT NOT NULL DEFAULT '';
        ALTER TABLE fee_schedule ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE patients ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE patients ADD COLUMN referrer_kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE patients ADD COLUMN referrer_id TEXT;
        ALTER TABLE patients ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
        CREATE INDEX patients_external_id ON patients(external_id) WHERE external_id != '';
        CREATE INDEX patients_phone_key ON patients(phone_key) WHERE phone_key != '';
        CREATE INDEX patients_email ON patients(email COLLATE NOCASE) WHERE email != '';
        CREATE INDEX patients_birth_date ON patients(birth_date);
        ALTER TABLE responsible_parties ADD COLUMN pays INTEGER NOT NULL DEFAULT 0;
        UPDATE responsible_parties SET pays = 1 WHERE position = 0;
        ALTER TABLE consults ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 60;
        ALTER TABLE consults ADD COLUMN arrived_at TEXT;
        CREATE INDEX consults_office_scheduled ON consults(office_id, scheduled_at);
        ALTER TABLE treatment_options ADD COLUMN fee_schedule_id TEXT;
        ALTER TABLE treatment_options ADD COLUMN schedule_fee_cents INTEGER;
        ALTER TABLE treatment_options ADD COLUMN fee_reason TEXT NOT NULL DEFAULT '';
        ALTER TABLE patient_photos ADD COLUMN consult_id TEXT REFERENCES consults(id);
        ALTER TABLE patient_photos ADD COLUMN kind TEXT NOT NULL DEFAULT 'photo';
        ALTER TABLE patient_photos ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
        ALTER TABLE patient_photos ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE patient_photos ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE payment_plans ADD COLUMN policy TEXT NOT NULL DEFAULT ''
        """,
    )
    for table in M004_MUTABLE_TABLES:
        columns = {column.name for column in db[table].columns}
        if "updated_at" not in columns:
            db.execute(f"ALTER TABLE {table} ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''")
        db.execute(f"ALTER TABLE {table} ADD COLUMN deleted_at TEXT")
        db.execute(f"CREATE INDEX {table}_updated_at ON {table}(updated_at)")


@migrations(name="m005_intake")
def m005_intake(db: Database) -> None:
    """A walk-in's date of birth may not be known yet: say so instead of inventing one.

    ``birth_date`` stays NOT NULL (it then holds the day they walked in, never
    shown); ``birth_date_known = 0`` tells every reader to ask for it.
    """
    db.execute("ALTER TABLE patients ADD COLUMN birth_date_known INTEGER NOT NULL DEFAULT 1")


@migrations(name="m006_terms_figures")
def m006_terms_figures(db: Database) -> None:
    """The practice's figures the agreement's terms print, as money rules, not template code.

    The defaults are the numbers the shipped terms had written in: $150 an extra
    month, default after 60 days, $50 for a records transfer.
    """
    for column, default in (
        ("extra_month_fee_cents", 15_000),
        ("default_after_days", 60),
        ("records_transfer_fee_cents", 5_000),
    ):
        db.execute(
            f"ALTER TABLE financial_policies ADD COLUMN {column} INTEGER NOT NULL DEFAULT {default}"
        )


@migrations(name="m007_sign_in")
def m007_sign_in(db: Database) -> None:
    """Staff sign in with a PIN; the desk locks itself after a few idle minutes.

    ``pin_hash`` is an argon2 hash ('' = no PIN yet: the person cannot sign in);
    ``pin_failures`` counts wrong PINs since the last right one and
    ``pin_failed_at`` is when the last one was typed, for the growing delay.
    ``admin`` lets a coordinator or doctor change settings too (the person who
    set the practice up is its admin); the admin role always may.
    """
    _run(
        db,
        """
        ALTER TABLE staff ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE staff ADD COLUMN pin_failed_at TEXT;
        ALTER TABLE staff ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE practices ADD COLUMN lock_after_minutes INTEGER NOT NULL DEFAULT 5
        """,
    )


@migrations(name="m008_pipeline")
def m008_pipeline(db: Database) -> None:
    """Leads, the follow-up contacts, outcomes past "declined" and the practice's targets.

    A lead is a family that contacted the practice and has no consult yet; it
    names whom to call (``family_name``, ``phone``, ``email``) until booking a
    consult turns it into a patient (``patient_id``, ``consult_id``).
    ``contacts`` is the append-only log of every call, text, e-mail, letter and
    in-person talk, about a lead or a consult, with its result and the next date.
    On consults: ``warmth`` is the TC's hot/warm/cold, ``recall_on`` the date an
    observation or recall family is seen again, ``lead_id`` the lead it came from.
    Targets are percentages as exact decimal text and a number of business days.
    """
    _run_with_triggers(
        db,
        """
        CREATE TABLE leads (
            id TEXT PRIMARY KEY, practice_id TEXT NOT NULL REFERENCES practices(id),
            family_name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'text', 'social_media',
                'website', 'doctor_referral', 'patient_referral', 'walk_in')),
            channel_detail TEXT NOT NULL DEFAULT '',
            referrer_id TEXT REFERENCES referring_doctors(id),
            referring_patient_id TEXT REFERENCES patients(id),
            contacted_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
            assigned_to TEXT REFERENCES staff(id), office_id TEXT REFERENCES offices(id),
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted',
                'consult_booked', 'not_interested', 'unreachable')),
            warmth TEXT NOT NULL DEFAULT 'warm' CHECK (warmth IN ('hot', 'warm', 'cold')),
            next_contact_on TEXT, patient_id TEXT REFERENCES patients(id),
            consult_id TEXT REFERENCES consults(id), created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
        ) STRICT;
        CREATE INDEX leads_status ON leads(status, next_contact_on);
        CREATE INDEX leads_assigned ON leads(assigned_to, status);
        CREATE INDEX leads_contacted_at ON leads(contacted_at);
        CREATE INDEX leads_updated_at ON leads(updated_at);
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY, consult_id TEXT REFERENCES consults(id),
            lead_id TEXT REFERENCES leads(id),
            kind TEXT NOT NULL CHECK (kind IN ('call', 'text', 'email', 'letter', 'in_person')),
            result TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', next_on TEXT,
            at TEXT NOT NULL, author_id TEXT REFERENCES staff(id),
            CHECK (consult_id IS NOT NULL OR lead_id IS NOT NULL)
        ) STRICT;
        CREATE INDEX contacts_consult ON contacts(consult_id, at);
        CREATE INDEX contacts_lead ON contacts(lead_id, at);
        ALTER TABLE consults ADD COLUMN warmth TEXT NOT NULL DEFAULT '';
        ALTER TABLE consults ADD COLUMN recall_on TEXT;
        ALTER TABLE consults ADD COLUMN lead_id TEXT REFERENCES leads(id);
        CREATE INDEX consults_status ON consults(status, scheduled_at);
        CREATE INDEX consults_coordinator ON consults(coordinator_id, scheduled_at);
        CREATE INDEX follow_ups_open ON follow_ups(done_at, due_on);
        CREATE INDEX follow_ups_consult ON follow_ups(consult_id);
        ALTER TABLE practices ADD COLUMN target_acceptance_pct TEXT NOT NULL DEFAULT '75';
        ALTER TABLE practices ADD COLUMN target_same_day_pct TEXT NOT NULL DEFAULT '35';
        ALTER TABLE practices ADD COLUMN target_follow_up_business_days INTEGER NOT NULL
            DEFAULT 2
        """,
        ["contacts"],
    )


@migrations(name="m009_patient_search")
def m009_patient_search(db: Database) -> None:
    """The patient list at 100,000 families: a search index and a name order to page by.

    ``patients_fts`` indexes each patient's folded search key in trigrams (any
    three letters in a row, anywhere in a name, phone or e-mail), kept up to
    date by triggers; the list is read a page at a time in the order of
    ``patients_name_order``, so "show everyone" never sorts the whole table.
    """
    db.execute(
        "CREATE VIRTUAL TABLE patients_fts USING fts5(search_key, content='patients', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    db.execute(
        "CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN "
        "INSERT INTO patients_fts(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    db.execute(
        "CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN "
        "INSERT INTO patients_fts(patients_fts, rowid, search_key) "
        "VALUES ('delete', old.rowid, old.search_key); END"
    )
    db.execute(
        "CREATE TRIGGER patients_fts_update AFTER UPDATE OF search_key ON patients "
        "WHEN old.search_key IS NOT new.search_key BEGIN "
        "INSERT INTO patients_fts(patients_fts, rowid, search_key) "
        "VALUES ('delete', old.rowid, old.search_key); "
        "INSERT INTO patients_fts(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    db.execute("INSERT INTO patients_fts(patients_fts) VALUES ('rebuild')")
    db.execute(
        "CREATE INDEX patients_name_order ON patients("
        "legal_last COLLATE NOCASE, legal_first COLLATE NOCASE, id) WHERE deleted_at IS NULL"
    )
    for column in ("legal_first", "preferred_name"):  # "sm" is the start of any name
        db.execute(
            f"CREATE INDEX patients_{column}_start ON patients({column} COLLATE NOCASE) "
            "WHERE deleted_at IS NULL"
        )


@migrations(name="m010_kpi_counts")
def m010_kpi_counts(db: Database) -> None:
    """The practice's numbers at 150,000 consults: an index that holds what they count.

    ``consults_kpi`` carries every column the dashboard groups by (and
    ``updated_at``, to tell which months changed), in consult order, so a year
    is counted from the index, a quarter of the table's pages, never the rows
    themselves; ``leads_kpi`` does the same for the leads, and ``consults_lead``
    finds the consult booked from a lead; ``consults_flow`` lists the flows used
    (the dashboard's flow filter) in a few index steps; ``consults_recall`` finds
    the recalls that are due (the follow-up queue) without reading every
    observation consult.
    ``kpi_month_counts`` keeps each month's grouped counts (and the period's
    pending families) with what they were counted from, so only a month whose
    rows changed is counted again (tcdesk.store.kpi_month_repo).
    It is derived data: deleting its rows loses nothing (and office sync does
    not carry it).
    """
    db.execute(
        "CREATE INDEX consults_kpi ON consults(scheduled_at, coordinator_id, patient_id, "
        "office_id, doctor_id, flow_id, status, started_on, updated_at, id) "
        "WHERE deleted_at IS NULL"
    )
    db.execute("CREATE INDEX consults_lead ON consults(lead_id) WHERE lead_id IS NOT NULL")
    db.execute("CREATE INDEX consults_flow ON consults(flow_id) WHERE deleted_at IS NULL")
    db.execute(
        "CREATE INDEX consults_recall ON consults(recall_on) "
        "WHERE status = 'observation' AND deleted_at IS NULL"
    )
    db.execute(
        "CREATE INDEX leads_kpi ON leads(contacted_at, channel, office_id, assigned_to, "
        "consult_id, id) WHERE deleted_at IS NULL"
    )
    db.execute("CREATE INDEX leads_consult ON leads(consult_id) WHERE consult_id IS NOT NULL")
    db.execute(
        "CREATE TABLE kpi_month_counts (key TEXT PRIMARY KEY, counted INTEGER NOT NULL, "
        "marks TEXT NOT NULL, rows TEXT NOT NULL) STRICT"
    )


@migrations(name="m011_original_photos")
def m011_original_photos(db: Database) -> None:
    """Imports keep a display copy; the untouched original only if the practice asks.

    ``keep_original_photos`` is the practice's choice (off: only the copy sized
    for the largest screen is kept); ``original_path`` is where, under the
    media folder, a photo's original was kept ('' = not kept).
    """
    _run(
        db,
        """
        ALTER TABLE practices ADD COLUMN keep_original_photos INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE patient_photos ADD COLUMN original_path TEXT NOT NULL DEFAULT ''
        """,
    )


@migrations(name="m012_training")
def m012_training(db: Database) -> None:
    """Practice consults and objection drills, kept in a training file (issue 14).

    Every store gets the tables; only a training file (made by ``tcdesk training
    setup`` from the practice's settings) has a ``training_origin`` row and
    holds sessions and reviews, so a practice file's stay empty. A session's
    scorecard is a row with one child row per part (``position`` keeps the
    scorecard's order), so averages by part are one GROUP BY. Drill reviews are
    each answer to one card, a card being an objection (and the persona whose
    line it is, '' for the built-in deck); the spacing is worked out from this
    history, so nothing about a card is ever updated. Points and seconds are
    REAL: they are scores, never money. History refuses UPDATE and DELETE.
    """
    _run_with_triggers(
        db,
        """
        CREATE TABLE training_origin (
            practice_id TEXT PRIMARY KEY REFERENCES practices(id),
            practice_file TEXT NOT NULL, made_at TEXT NOT NULL, refreshed_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE training_sessions (
            id TEXT PRIMARY KEY, coordinator_id TEXT NOT NULL REFERENCES staff(id),
            persona TEXT NOT NULL, mode TEXT NOT NULL CHECK (mode IN ('solo', 'partner')),
            started_at TEXT NOT NULL, minutes REAL NOT NULL CHECK (minutes >= 0),
            total REAL NOT NULL, decision TEXT NOT NULL,
            decision_reason TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '[]',
            recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX training_sessions_coordinator
            ON training_sessions(coordinator_id, started_at);
        CREATE INDEX training_sessions_started ON training_sessions(started_at);
        CREATE TABLE training_session_parts (
            session_id TEXT NOT NULL REFERENCES training_sessions(id), part TEXT NOT NULL,
            position INTEGER NOT NULL, points REAL NOT NULL, out_of INTEGER NOT NULL,
            good TEXT NOT NULL DEFAULT '[]', to_improve TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (session_id, part)
        ) STRICT;
        CREATE TABLE training_drill_reviews (
            id TEXT PRIMARY KEY, coordinator_id TEXT NOT NULL REFERENCES staff(id),
            objection TEXT NOT NULL, persona TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL, grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
            seconds REAL NOT NULL CHECK (seconds >= 0)
        ) STRICT;
        CREATE INDEX training_drill_reviews_card
            ON training_drill_reviews(coordinator_id, objection, persona, answered_at)
        """,
        ["training_sessions", "training_session_parts", "training_drill_reviews"],
    )


@migrations(name="m013_sync")
def m013_sync(db: Database) -> None:
    """Office sync (issue 15): who this install is, what it applied, what it overwrote.

    ``sync_install`` has one row once the install first syncs or joins: its id,
    the office it is at, the practice's sync key and the number of the last
    changeset file it wrote. ``sync_applied`` is the ledger of other installs'
    files applied here (written in the apply's own transaction). ``sync_conflicts``
    keeps every value a newer edit overwrote, for an admin to review;
    ``sync_row_writers`` says which install wrote the version of a row that came
    in from elsewhere (for the tie rule). None of these tables is ever synced.
    """
    _run(
        db,
        """
        CREATE TABLE sync_install (
            install_id TEXT PRIMARY KEY, practice_id TEXT NOT NULL, office_id TEXT,
            sync_key BLOB NOT NULL, created_at TEXT NOT NULL,
            last_sent_seq INTEGER NOT NULL DEFAULT 0, last_sync_at TEXT,
            folder TEXT NOT NULL DEFAULT '', joined_from TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE sync_applied (
            install_id TEXT NOT NULL, seq INTEGER NOT NULL, applied_at TEXT NOT NULL,
            rows INTEGER NOT NULL, PRIMARY KEY (install_id, seq)
        ) STRICT;
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY, at TEXT NOT NULL, table_name TEXT NOT NULL,
            row_id TEXT NOT NULL, kept_install TEXT NOT NULL, kept_updated_at TEXT NOT NULL,
            lost_install TEXT NOT NULL, lost_updated_at TEXT NOT NULL, lost_row TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sync_conflicts_row ON sync_conflicts(table_name, row_id);
        CREATE TABLE sync_row_writers (
            table_name TEXT NOT NULL, row_id TEXT NOT NULL, updated_at TEXT NOT NULL,
            install_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)
        ) STRICT, WITHOUT ROWID
        """,
    )


if [m.name for m in migrations._migrations] != list(MIGRATION_NAMES):  # pragma: no cover
    raise RuntimeError("store/schema.py's MIGRATION_NAMES must list these migrations, in order")
if migrations.migrations_table != MIGRATIONS_TABLE:  # pragma: no cover
    raise RuntimeError("sqlite-utils keeps its migrations in another table now")
