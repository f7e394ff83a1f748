"""Practice commands by voice: "try again", "next", "hear it again", "stop" — or none of these.

Same rule as the hands-free dialog (``dialog.match_command``): a command counts only when the
whole turn is the phrase (fillers like "please" aside), so an attempt that happens to contain
"next" or "stop" is an attempt, never a command. The phrases are data (``practice_<lang>.yaml``)
and double as the command spotter's grammar, which rejects anything else.
"""

from __future__ import annotations

from ..dialog import normalize
from .data import load

COMMANDS = ("try_again", "next", "repeat", "stop")
#: Which commands each kind of turn listens for.
LISTEN = {
    "attempt": ("repeat", "next", "stop"),
    "plan_b": ("repeat", "next", "stop"),
    "menu": ("try_again", "next", "repeat", "stop"),
}


def phrases(lang: str, names: tuple[str, ...] | list[str]) -> list[str]:
    """The spotter's grammar for one kind of turn."""
    table = load(lang)["commands"]
    return [p for n in names for p in table.get(n, [])]


def match(text: str, lang: str, names: tuple[str, ...] | list[str] | None = None) -> str | None:
    """The command the whole of ``text`` is, or None."""
    heard = _strip_fillers(normalize(text), lang)
    if not heard:
        return None
    squashed = heard.replace(" ", "")
    for name, items in load(lang)["commands"].items():
        if names is not None and name not in names:
            continue
        for phrase in items:
            p = normalize(phrase)
            if heard == p or squashed == p.replace(" ", ""):
                return str(name)
    return None


def _strip_fillers(heard: str, lang: str) -> str:
    fillers = sorted((normalize(f) for f in load(lang).get("fillers") or []), key=len, reverse=True)
    changed = True
    while changed and heard:
        changed = False
        for f in fillers:
            if not f or heard == f:
                continue
            if lang == "ja":
                if heard.endswith(f):
                    heard, changed = heard[: -len(f)].strip(), True
                elif heard.startswith(f):
                    heard, changed = heard[len(f):].strip(), True
            elif heard.startswith(f + " "):
                heard, changed = heard[len(f) + 1:], True
            elif heard.endswith(" " + f):
                heard, changed = heard[: -len(f) - 1], True
    return heard
