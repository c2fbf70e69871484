"""The desk from the keyboard and a screen reader: Tab's order, and what each control is called.

Tab starts where a coordinator's day does, finding a patient: the search, the
today toggle, the list, the chosen patient's panel; then today's board, then
the buttons along the top. The names are given by hand where a generic one
(``accessibility.name_controls``) would be poor; that pass fills in the rest.
"""

from __future__ import annotations

from typing import Any

from tcdesk.ui.accessibility import describe, name_controls, tab_order


def make_desk_accessible(window: Any) -> None:
    """``window``: the MainWindow (not imported: it imports this)."""
    panel, board = window.panel, window.today_board
    # A table takes Tab for moving between its cells; a list of patients is left by Tab.
    window.table.setTabKeyNavigation(False)
    describe(
        window.search,
        "Search patients",
        "Type a name, phone or email; the list below shows who matches (Ctrl+F comes here)",
    )
    describe(
        window.table,
        "Patients",
        "Up and Down choose a patient; the chosen patient's details and consults show beside",
    )
    describe(
        panel.consult_list, "Consults", "The chosen patient's consults; choose one to present it"
    )
    describe(panel.details, "Consult details", "The chosen consult: when, who, findings and plan")
    describe(board.office, "Office", "Whose day the today board shows")
    describe(board.present_button, "Present", "Present the family chosen on the today board")
    describe(board.check_in_button, "Check in", "Mark the family chosen on the today board as here")
    lists = [board.lists[key] for key in ("here", "presenting", "to_come", "could_start")]
    tab_order(
        window.search,
        window.today_button,
        window.table,
        panel.consult_list,
        panel.details,
        panel.edit_family_button,
        panel.record_button,
        panel.present_button,
        board.office,
        *lists,
        board.check_in_button,
        board.present_button,
        window.close_room_screen_button,
        window.schedule_button,
        window.book_button,
        window.intake.new_family_button,
        window.intake.walk_in_button,
        window.settings_button,
        window.pipeline.queue_button,
    )
    name_controls(window)
