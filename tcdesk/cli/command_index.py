"""Every command's name, module and one-line help, known without importing any of them.

``tcdesk --version`` and ``tcdesk --help`` answer from here, and a command
imports only its own module (and what that module needs), so no command pays
for the demo builder, reportlab or Qt unless it uses them. A test checks
that each module registers its command with exactly this help.
"""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "demo",
        "demo_command",
        "Build the demo practice (Bright Smiles Orthodontics, with consults booked for "
        "today) in a file of its own (never your practice file); running it again the "
        "same day changes nothing.",
    ),
    (
        "setup",
        "setup_command",
        "Set up my practice in an empty file: the practice, its main office, the first "
        "coordinator and doctor, and starting fees and money rules (change them with "
        "'settings', 'offices', 'staff', 'fees' and 'policy').",
    ),
    (
        "patients",
        "patients_command",
        "List patients as a table (or add, edit, find duplicates).",
    ),
    (
        "consults",
        "consults_command",
        "List consults as a table, with the ids other commands take.",
    ),
    (
        "quote",
        "quote_command",
        "Price a fee and lay out a payment plan with its Truth in Lending figures.",
    ),
    (
        "flows",
        "flows_command",
        "Check the presentation flows.",
    ),
    (
        "slides",
        "slides_command",
        "Render a consult's slides to PNG, as the family would see them; 'slides check' "
        "checks that every slide of the flows reads from across the room.",
    ),
    (
        "agreement",
        "agreement_command",
        "Print a consult's financial agreement to a PDF file.",
    ),
    (
        "summary",
        "summary_command",
        "Print a consult's take-home summary for the family to a PDF file.",
    ),
    (
        "print",
        "print_command",
        "Send a PDF to a printer through this computer's print system.",
    ),
    (
        "import",
        "import_command",
        "Import patients from a practice-management export (CSV).",
    ),
    (
        "export",
        "export_command",
        "Export patients or consults as CSV.",
    ),
    (
        "settings",
        "settings_command",
        "Show or change the practice's settings.",
    ),
    (
        "offices",
        "offices_command",
        "The practice's offices.",
    ),
    (
        "staff",
        "staff_command",
        "The practice's people.",
    ),
    (
        "fees",
        "fees_command",
        "The fee schedule.",
    ),
    (
        "policy",
        "policy_command",
        "Show or change the money rules.",
    ),
    (
        "terms",
        "terms_command",
        "The agreement's terms template.",
    ),
    (
        "walk-in",
        "walk_in_command",
        "A family walked in: add the patient and a consult starting now; prints its id.",
    ),
    (
        "referrers",
        "referrers_command",
        "List the referring doctors (or add one with 'add').",
    ),
    (
        "schedule",
        "schedule_command",
        "Book, move and list consults.",
    ),
    (
        "today",
        "today_command",
        "The today board: here, presenting, to come.",
    ),
    (
        "record",
        "record_command",
        "Read or fill in a consult's record: concern, findings, options...",
    ),
    (
        "plan",
        "plan_command",
        "Show a consult's payment choices, or save the family's plan.",
    ),
    (
        "backup",
        "backup_command",
        "Back up now: a checked copy of the practice file.",
    ),
    (
        "backups",
        "backups_command",
        "List the practice file's backups (date, reason, size, ok).",
    ),
    (
        "restore",
        "restore_command",
        "Restore from a backup: put a backup in place of the practice file (the current "
        "file is kept as a backup first).",
    ),
    (
        "about",
        "about_command",
        "The version, the practice file, the folders and the licence.",
    ),
    (
        "keys",
        "keys_command",
        "The presentation's keys: what each key does while a consult is presented.",
    ),
    (
        "audit",
        "audit_command",
        "Show the audit trail: who did what, and when.",
    ),
    (
        "encrypt",
        "encrypt_command",
        "Encrypt the practice file and its backups with a passphrase (recommended for "
        "laptops). The passphrase comes from --passphrase-file, $TCDESK_PASSPHRASE, or is"
        " asked for twice.",
    ),
    (
        "decrypt",
        "decrypt_command",
        "Take the encryption off the practice file and its backups (asks for the passphrase).",
    ),
    (
        "passphrase",
        "passphrase_command",
        "Change an encrypted practice file's passphrase (its backups too). The current "
        "one comes from --passphrase-file or $TCDESK_PASSPHRASE or is asked for.",
    ),
    (
        "kpi",
        "kpi_command",
        "The practice's numbers for a period: case acceptance, same-day starts, pending "
        "families and their value, no-shows, consult-to-start days, by month, coordinator"
        " and lead source (default: the last 12 full months and this month).",
    ),
    (
        "targets",
        "targets_command",
        "Show the practice's targets, or change them (admins): case acceptance and "
        "same-day starts in percent, a follow-up within N business days.",
    ),
    (
        "leads",
        "leads_command",
        "Leads: families who contacted the practice, before a consult.",
    ),
    (
        "followups",
        "followups_command",
        "The follow-up queue, most urgent first: pending families, recalls due, open leads.",
    ),
    (
        "training",
        "training_command",
        "practice consults, objection drills and progress",
    ),
    (
        "sync",
        "sync_command",
        "Sync this install with the practice's other offices through a shared folder.",
    ),
)

SUBCOMMAND_MODULES = tuple(module for _name, module, _help in COMMANDS)
MODULE_OF = {name: module for name, module, _help in COMMANDS}
VALUE_OPTIONS = ("--db", "--passphrase-file")  # the top-level options that take a value


def command_in(argv: list[str]) -> str | None:
    """The command word of ``argv`` (None: the app, or only options such as --help)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in VALUE_OPTIONS:
            skip = True
        elif token == "--":
            return None
        elif not token.startswith("-"):
            return token
    return None
