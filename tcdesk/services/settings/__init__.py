"""Settings: the practice, its offices, staff, fees, money rules and agreement terms.

Each area is its own module; every change is checked at the field (the
``validation`` module's ``FieldError``), saved all-or-nothing and written to
the audit log with what changed (``changes``). Values arrive as text, as a
form or the command line has them, so both refuse the same things in the same
words.
"""
