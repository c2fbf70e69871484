"""One click logs what the family is worried about and shows what to say."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tcdesk.domain import Objection
from tcdesk.errors import UserError
from tcdesk.services.objection_advice import ObjectionAdvice


class ObjectionPanel(QWidget):
    def __init__(
        self,
        on_log: Callable[[Objection], ObjectionAdvice],
        on_jump: Callable[[int], None],
    ) -> None:
        super().__init__()
        self._on_log = on_log
        self._on_jump = on_jump
        self._jump_to: int | None = None
        grid = QGridLayout()
        grid.setSpacing(4)
        self.buttons: dict[Objection, QPushButton] = {}
        for index, objection in enumerate(Objection):
            button = QPushButton(objection.label)
            button.setObjectName(f"objection_{objection.value}")
            button.setToolTip("Log this objection and show suggested responses")
            button.clicked.connect(lambda _=False, o=objection: self._log(o))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[objection] = button
        self.responses = QLabel("Click what the family raises: it is logged, and help appears.")
        self.responses.setObjectName("objectionResponses")
        self.responses.setWordWrap(True)
        self.responses.setTextFormat(Qt.TextFormat.RichText)
        self.responses.setProperty("role", "muted")
        self.jump_button = QPushButton("")
        self.jump_button.setObjectName("objectionJump")
        self.jump_button.setVisible(False)
        self.jump_button.clicked.connect(self._jump)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.responses)
        layout.addWidget(self.jump_button)
        layout.addStretch(1)

    def _log(self, objection: Objection) -> None:
        try:
            self.show_help(self._on_log(objection))
        except UserError as problem:  # "Not saved: the disk is full": said here, calmly
            self.responses.setText(escape(f"{problem}. The objection was not logged.", quote=False))
            self.responses.setProperty("role", "warning")
            self.responses.style().polish(self.responses)

    def show_help(self, help_: ObjectionAdvice) -> None:
        self.responses.setProperty("role", "")
        self.responses.style().polish(self.responses)
        if help_.responses:
            items = "".join(f"<li>{escape(r)}</li>" for r in help_.responses)
            body = f"<ul style='margin-left:-20px'>{items}</ul>"
        else:
            body = "<p>No suggested response in this flow. Listen, then ask what would help.</p>"
        self.responses.setText(f"<b>{escape(help_.objection.label)}</b> (logged){body}")
        self._jump_to = help_.answer_step_number
        if help_.answer_step_number:
            self.jump_button.setText(
                f"Go to step {help_.answer_step_number}: {help_.answer_step_title}"
            )
            self.jump_button.setVisible(True)
        else:
            self.jump_button.setVisible(False)

    def _jump(self) -> None:
        if self._jump_to:
            self._on_jump(self._jump_to)
