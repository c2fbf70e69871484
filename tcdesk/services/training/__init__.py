"""Practice consults: scripted families (personas), solo and partner sessions, the
scorecard, objection drills and each coordinator's progress (issue 14).

Training never touches the practice's patients: sessions run on a separate
training file made from the practice's own settings. ``scorecard`` and
``objections`` are the shared vocabulary of the pieces.
"""
