"""Suggestions for editing a request's fields without typing: time presets, durations, words.

The words are data per language (``ui/data/choices_<lang>.yaml``). Deadline presets resolve
against an injected ``now`` so tests and the app agree on what "by 5 pm" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..request import Deadline


@dataclass(frozen=True)
class Choice:
    label: str
    value: Any


@lru_cache(maxsize=4)
def _choices(lang: str) -> dict[str, Any]:
    lang = lang if lang in ("en", "ja") else "en"
    ref = resources.files("voice_helper.ui.data").joinpath(f"choices_{lang}.yaml")
    return yaml.load(ref.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def resolve_deadline(spec: dict[str, Any], now: datetime) -> Deadline:
    """A preset such as {text: "by 5 pm", at: "17:00"} as a Deadline with a local ISO time."""
    when = now.replace(second=0, microsecond=0)
    if "days" in spec:
        when = when + timedelta(days=int(spec["days"]))
    if "at" in spec:
        hh, mm = (int(x) for x in str(spec["at"]).split(":"))
        when = when.replace(hour=hh, minute=mm)
        if "days" not in spec and when <= now:
            when += timedelta(days=1)  # "by 5 pm" said at 6 pm means tomorrow
    if "minutes" in spec:
        when = when + timedelta(minutes=int(spec["minutes"]))
    return Deadline(text=str(spec["text"]), iso=when.isoformat(timespec="minutes") + ":00")


def deadline_choices(lang: str, now: datetime) -> list[Choice]:
    return [Choice(str(s["text"]), resolve_deadline(s, now)) for s in _choices(lang).get("deadlines", [])]


def duration_choices(lang: str) -> list[Choice]:
    return [Choice(str(s["text"]), int(s["minutes"])) for s in _choices(lang).get("durations", [])]


def word_choices(lang: str, kind: str) -> list[Choice]:
    """kind: tasks | asks | offers | recipients."""
    return [Choice(str(w), str(w)) for w in _choices(lang).get(kind, [])]
