"""One way for the reading tests to compose: the real composer, default settings, a fixed clock."""

from __future__ import annotations

from datetime import datetime

from voice_helper.compose import compose_text
from voice_helper.config import Settings

NOW = datetime(2026, 12, 7, 9, 30)


def say(text: str, lang: str = "en", *, politeness: str | None = None, style: str | None = None,
        to: str | None = None) -> str:
    r = compose_text(text, lang=lang, settings=Settings(), politeness=politeness, style=style, to=to, now=NOW)
    return r.message.replace("\n", " ")
