"""Practice scenarios and wording, from ``data/practice_<lang>.yaml``.

Why data: a scenario (who the helper is, what a good ask contains, whether the helper says no)
and every word the engine says are content, not code, so adding a scenario or a language is
editing a file. Scenarios are kept in the file's order, which runs from tiny to hard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGS = ("en", "ja")
#: The elements of an ask, in the order they are shown (the store keeps one column each).
ELEMENTS = ("hard", "who", "ask", "when", "return")


@dataclass(frozen=True)
class Scenario:
    id: str
    level: int
    title: str
    situation: str
    needs: tuple[str, ...]
    helper: str = ""  # a name to address ("John", 田中さん); empty: nobody named
    helper_label: str = ""  # how the helper is referred to ("your neighbour")
    suggest: dict[str, str] = field(default_factory=dict)
    declines: str = ""  # the helper's kind no; empty: the helper says yes
    plan_b: str = ""  # an example plan B after the no
    kind: str = "ask"  # ask | decline (the person practises saying no kindly)
    tips: dict[str, str] = field(default_factory=dict)  # this scenario's own wording of a tip
    picks: tuple[str, ...] = ()  # ready attempts to pick, from small to complete
    helper_side: bool = True  # after a good ask, the helper may answer ("I'm glad you told me")

    @property
    def who(self) -> str:
        """How prompts name the helper."""
        return self.helper or self.helper_label


@lru_cache(maxsize=4)
def load(lang: str) -> dict[str, Any]:
    """The whole practice file of one language (English for an unknown one)."""
    lang = lang if lang in LANGS else "en"
    return yaml.safe_load((DATA_DIR / f"practice_{lang}.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def scenarios(lang: str) -> tuple[Scenario, ...]:
    out = []
    for raw in load(lang)["scenarios"]:
        needs = tuple(raw.get("needs") or ())
        bad = [n for n in needs if n not in ELEMENTS]
        if bad:
            raise ValueError(f"practice_{lang}.yaml: scenario {raw.get('id')}: unknown element {bad[0]!r}")
        out.append(Scenario(
            id=str(raw["id"]), level=int(raw.get("level", 1)), title=str(raw["title"]),
            situation=str(raw["situation"]), needs=needs, helper=str(raw.get("helper") or ""),
            helper_label=str(raw.get("helper_label") or ""), suggest=dict(raw.get("suggest") or {}),
            declines=str(raw.get("declines") or ""), plan_b=str(raw.get("plan_b") or ""),
            kind=str(raw.get("kind") or "ask"), tips=dict(raw.get("tips") or {}),
            picks=tuple(raw.get("picks") or ()), helper_side=bool(raw.get("helper_side", True))))
    return tuple(out)


def scenario(lang: str, scenario_id: str) -> Scenario:
    for s in scenarios(lang):
        if s.id == scenario_id:
            return s
    known = ", ".join(s.id for s in scenarios(lang))
    raise UsageError(f"no practice scenario {scenario_id!r} (choose one of: {known})")


def prompt(lang: str, key: str, **values: Any) -> str:
    text = load(lang)["prompts"][key]
    return text.format(**values) if values else text


@lru_cache(maxsize=16)
def cue_pattern(lang: str, group: str, name: str) -> re.Pattern[str] | None:
    """One regex for a cue list (``cues.hard``, ``plan_b.time``, ``no_one``): whole words in
    English, plain substrings in Japanese (no spaces between words)."""
    table = load(lang)
    items = table.get(group) or {}
    words = items.get(name) if isinstance(items, dict) else items
    if not words:
        return None
    body = "|".join(f"(?:{w})" for w in words)
    if lang == "ja":
        return re.compile(body)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")
