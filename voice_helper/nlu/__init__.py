"""The intent engine: spoken difficulties -> structured help requests (English and Japanese).

Public API (used by the composer, the dialog and the UI):
``IntentEngine``, ``get_engine``, ``detect_language``, ``crisis_resources``, and the
single-answer parsers ``extract_slots``, ``parse_deadline``, ``parse_recipient``,
``parse_duration`` for the dialog's follow-up questions.
"""

from __future__ import annotations

from datetime import datetime

from ..request import Deadline
from .engine import IntentEngine, get_engine
from .langdetect import detect_language
from .resources import crisis_resources
from .slots import extract_slots, parse_deadline_answer, parse_duration, parse_recipient


def parse_deadline(text: str, lang: str = "auto", now: datetime | None = None) -> Deadline | None:
    """A deadline said alone ("by five", "明日まで") or inside a sentence; ISO against ``now``."""
    return parse_deadline_answer(text, lang, now)


__all__ = ["IntentEngine", "get_engine", "detect_language", "crisis_resources", "extract_slots", "parse_deadline_answer",
           "parse_deadline", "parse_recipient", "parse_duration"]
