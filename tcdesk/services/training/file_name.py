"""Where a practice's training file lives: beside the practice file, named after it.

A leaf: the encryption service converts the training file with the practice's
backups, and the training store uses the encryption service to match the
practice's, so the name is here and neither imports the other for it.
"""

from __future__ import annotations

from pathlib import Path

TRAINING_MARK = ".training"


def training_path(practice_path: Path) -> Path:
    """``practice.sqlite3`` -> ``practice.training.sqlite3``, in the same folder."""
    path = Path(practice_path)
    if path.suffix:
        return path.with_name(f"{path.stem}{TRAINING_MARK}{path.suffix}")
    return path.with_name(f"{path.name}{TRAINING_MARK}.sqlite3")
