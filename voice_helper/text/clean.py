"""Cleaning what a recognizer or a person produced, before any analysis.

Escapes and controls go first (``textsafe``); then the language's own debris: Vosk's spaces
between Japanese characters; English fillers, false starts and repeated words.
"""

from __future__ import annotations

import re

CJK = r"\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3005\u3006\uff66-\uff9f"
_CJK_SPACE = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=[:時分])|(?<=[:])\s+(?=\d)")


def join_cjk(text: str) -> str:
    """Vosk's "明日 まで に" -> "明日までに": spaces next to Japanese script carry no meaning."""
    text = _CJK_SPACE.sub("", text)
    return _DIGIT_SPACE.sub("", text)


#: Emoji, with their joiners and variation selectors (🙇‍♂️ is four code points), as a regex class body.
EMOJI_CHARS = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D"
#: What opens a typed list's line: a bullet (「・」 "-" "•" "*" …), a number ("1." "2)") or a circled number.
LIST_MARK = r"[・•◦●○▪■□◆◇‣⁃*\-–]|\d{1,2}[.)）]|[①-⑳]"
