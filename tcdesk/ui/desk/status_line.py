"""The desk's status bar: what just happened, for a few seconds, and problems that stay.

A passing message ("Family saved") must never push a problem out of sight
("A presentation flow could not be loaded"), so problems sit in their own
label on the right of the bar and passing messages use the bar's
temporary-message area, which does not cover that label.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

SAY_MS = 6000  # long enough to read a sentence with a path in it


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.problems: list[str] = []
        self.problem_label = QLabel("")
        self.problem_label.setObjectName("statusProblem")
        self.problem_label.setProperty("role", "warning")
        self.problem_label.setMaximumWidth(900)
        # A long problem is cut at the bar's edge (its tooltip holds it whole) rather than
        # drawn over the items beside it (the follow-up count, the sync's status).
        self.problem_label.setMinimumWidth(1)
        self.problem_label.setVisible(False)
        bar.addPermanentWidget(self.problem_label)

    def say(self, message: str, msecs: int = SAY_MS) -> None:
        """Tell the TC what was just done; it fades after ``msecs``."""
        self.bar.showMessage(message, msecs)

    def problem(self, message: str) -> None:
        """A problem the TC should know about; it stays (every problem in the tooltip)."""
        self.problems.append(message)
        self.problem_label.setText(message)
        self.problem_label.setVisible(True)
        self.problem_label.setToolTip("\n".join(self.problems))
        self.bar.setToolTip("\n".join(self.problems))

    def withdraw(self, message: str) -> None:
        """A problem that has gone (the sync folder is back): the one before it shows again."""
        if message not in self.problems:
            return
        self.problems[:] = [p for p in self.problems if p != message]  # the desk shares it
        self.problem_label.setText(self.problems[-1] if self.problems else "")
        self.problem_label.setVisible(bool(self.problems))
        self.problem_label.setToolTip("\n".join(self.problems))
        self.bar.setToolTip("\n".join(self.problems))

    def current(self) -> str:
        """The passing message shown now ("" once it faded)."""
        return self.bar.currentMessage()
