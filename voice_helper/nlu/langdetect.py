"""English or Japanese, from the characters alone.

Why so simple: the two supported languages use disjoint scripts, so counting kana and kanji
is exact enough and takes microseconds; a statistical detector would add a dependency for
nothing. Mixed lines ("PDFを送って") count as Japanese as soon as Japanese script dominates
the letters or any kana appears.
"""

from __future__ import annotations

import re

_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3005]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """``"ja"`` when the text is written in Japanese script, else ``"en"``."""
    kana = len(_KANA.findall(text))
    kanji = len(_KANJI.findall(text))
    latin = len(_LATIN.findall(text))
    if kana and kana * 3 >= latin * 0.2:
        return "ja"
    if kanji and kanji >= latin / 4:
        return "ja"
    return "en"
