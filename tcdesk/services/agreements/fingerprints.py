"""What an agreement says, as one SHA-256: to notice that the consult changed since."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("signatures", "words")  # the words follow from the language
            # the shipped terms ("") leave agreements made before custom terms unchanged
            and not (f.name == "terms_text" and not getattr(value, f.name))
            # and so does English, as before languages
            and not (f.name in ("language", "terms_file") and getattr(value, f.name) in ("en", ""))
        }
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_canonical(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, bytes | bytearray):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | date | datetime | Path):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


def data_fingerprint(data: Any) -> str:
    """A SHA-256 of what the agreement says (signatures left out), to notice changes."""
    text = json.dumps(_canonical(data), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
