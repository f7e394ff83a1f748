"""Text for ears: what a screen shows, turned into what a voice should say.

Phone and emergency numbers are read digit by digit ("911" → "nine one one", 「119」 →
「いちいちきゅう」), never "nine hundred and eleven"; file paths, hosts, URLs and error codes are
for eyes only and are left out (they stay on the screen and in the log).
"""

from __future__ import annotations

import re

from ..text.clean import LIST_MARK

_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_JA = ["ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]

# A phone-like number: 3+ digits, or digit groups joined by - or spaces (0570-783-556).
_PHONE = re.compile(r"(?<![\d:])(?<!\d[.,])(\d{3,}(?:[- ]\d{2,})*)(?![\d:]|[.,]\d|\s*(?:%|am|pm|時|分|円|年|日|月))")
_FOR_EYES = [
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.I),  # URLs
    re.compile(r"(?:~|\.{1,2})?/(?:[\w.@%+-]+/)+[\w.@%+-]*"),  # paths
    re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b"),  # hosts by address
    re.compile(r"\[?Errno -?\d+\]?[^)\].]*", re.I),  # error codes
    re.compile(r"\((?:HTTP|errno|code)[^)]*\)", re.I),
]


def digits(number: str, lang: str) -> str:
    names = _JA if lang == "ja" else _EN
    groups = [g for g in re.split(r"[- ]", number) if g]
    said = [("" if lang == "ja" else " ").join(names[int(c)] for c in g) for g in groups]
    return ("、" if lang == "ja" else ", ").join(said)


def speakable(text: str, lang: str = "en") -> str:
    """``text`` as it should be spoken: numbers digit by digit, nothing only eyes can use."""
    for rx in _FOR_EYES:
        text = rx.sub("", text)
    text = _PHONE.sub(lambda m: digits(m.group(1), lang), text)
    if lang == "ja":
        text = re.sub(r"(いち|に|さん|よん|ご|ろく|なな|はち|きゅう|ぜろ)番", r"\1ばん", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    # a typed list's marks are for eyes: each item is said as a phrase of its own
    pause = "、" if lang == "ja" else ", "
    text = re.sub(rf"\n[ \t]*(?:{LIST_MARK})[ \t]*", pause, text)
    text = re.sub(r"([:：。.!?？！])[、,] ?", r"\1 " if lang == "en" else r"\1", text)
    stop = ". " if lang == "en" else "。"
    text = re.sub(r"(\S?)[ \t]*\n[ \t]*", lambda m: m.group(1) + (
        (" " if lang == "en" else "") if m.group(1) in tuple(".!?:,;。！？、：") else stop), text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
