"""The plain scorecard shown when no scorecard window is wired in: total and parts."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.scorecard import LABELS, Scorecard


def scorecard_text(card: Scorecard, persona: Persona, family_says: str = "") -> str:
    lines = [f"{persona.title}", f"Score: {card.total:g}/100 · {card.minutes:g} minutes"]
    reason = f" ({card.decision_reason.replace('_', ' ')})" if card.decision_reason else ""
    lines.append(f"The family's decision: {card.decision.replace('_', ' ')}{reason}")
    if family_says:
        lines.append(f"{persona.pays or persona.patient.name}: “{family_says}”")
    lines.append("")
    lines += [f"{LABELS[p.part]}: {p.points:g}/{p.out_of}" for p in card.parts]
    if card.notes:
        lines += ["", "Next time:"] + [f"• {note}" for note in card.notes]
    return "\n".join(lines)


def show_scorecard_message(
    card: Scorecard, persona: Persona, parent: QWidget | None, family_says: str = ""
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("scorecardMessage")
    box.setWindowTitle("Practice consult: your scorecard")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(scorecard_text(card, persona, family_says))
    box.open()
    return box
