"""The console from the keyboard and a screen reader: names where Qt has none to read.

The console's buttons read their own text; its lists, notes and choosers are
named here. Tab follows the layout (top bar, room screen, outline, checklist,
notes, objections or payment), which is the reading order already. The notes
box gives Tab back to moving between controls (a tab typed in a note is never
wanted), so Tab walks through the whole console.
"""

from __future__ import annotations

from tcdesk.ui.accessibility import describe, name_controls
from tcdesk.ui.presentation.console import ConsolePanel


def make_console_accessible(panel: ConsolePanel) -> None:
    describe(panel.screen_combo, "Room screen", "The monitor the family sees (remembered here)")
    describe(
        panel.outline.list,
        "Consult outline",
        "The consult's steps; type a step's number and Enter to show it",
    )
    describe(panel.checklist, "Checklist", "What to cover; items tick themselves once shown")
    describe(panel.notes.editor, "Private notes", "Only you see these; they save as you type")
    describe(panel.notes.earlier, "Earlier notes", "Notes from this family's earlier visits")
    panel.notes.editor.setTabChangesFocus(True)
    payment = panel.payment
    describe(payment.option_combo, "Treatment", "The treatment option the plan is for")
    describe(payment.down_slider, "Down payment", "Left and Right change the down payment")
    describe(payment.down_spin, "Down payment amount")
    describe(payment.months_slider, "Monthly payments", "Left and Right change the months")
    describe(payment.months_spin, "Number of monthly payments")
    describe(payment.due_combo, "Payments due", "The day of the month payments are due")
    describe(payment.reason, "Reason for going beyond the practice's policy")
    describe(panel.tabs.tabBar(), "Console tabs", "Ctrl+Tab moves to the next tab")
    name_controls(panel)
