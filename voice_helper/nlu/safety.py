"""The crisis rule layer: runs first, independently of the classifier, and cannot be overruled.

Why rules: missing a crisis is the worst error this engine can make, so detection must not
depend on a statistical model's mood. The patterns (per language, in the data files) are
matched on TWO views of the text — the canonical line and a light one with nothing removed —
so a filler rule can never hide a crisis. Idioms ("this deadline is killing me", "死ぬほど忙しい")
are blanked out of each view before matching; an idiom only removes its own words, so a real
crisis said in the same breath still fires. The engine lets the classifier RAISE a crisis the
rules missed, never lower one they found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import langdata
from .normalize import light, normalize


@dataclass(frozen=True)
class CrisisHit:
    kind: str  # fall | chest_pain | breathing | bleeding | self_harm | violence
    matched: str


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Idioms as one alternation; every crisis pattern in ONE alternation, a named group per kind."""
    data = langdata.load(lang)
    idioms = langdata.any_of(lang, "idioms")
    kinds = [(kind, pats) for kind, pats in (data.get("crisis") or {}).items() if pats]
    if not kinds:
        return idioms, None
    combined = "|".join(f"(?P<{kind}>" + "|".join(f"(?:{p})" for p in pats) + ")" for kind, pats in kinds)
    return idioms, re.compile(combined, re.IGNORECASE)


def without_idioms(text: str, lang: str) -> str:
    idioms, _ = _patterns(lang)
    return idioms.sub(" ", text) if idioms is not None else text


def check(text: str, lang: str, canonical: str | None = None, cleaned: bool = False) -> CrisisHit | None:
    """The first crisis found in ``text``; ``canonical`` saves re-normalising it."""
    _, crisis = _patterns(lang)
    if crisis is None:
        return None
    views = [canonical if canonical is not None else normalize(text, lang, cleaned), light(text, lang, cleaned)]
    for view in views:
        m = crisis.search(without_idioms(view, lang))
        if m:
            return CrisisHit(m.lastgroup or "crisis", m.group(0).strip())
    return None
