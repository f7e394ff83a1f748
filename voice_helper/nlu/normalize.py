"""Turn what a recognizer or a person produced into one canonical line per language.

Why: speech-recognizer commas, fillers ("um", "like", "えっと"), repeated words and Vosk's
space-separated Japanese must never change the answer. Everything downstream (safety rules,
slots, classifier) reads the canonical form, so the invariance holds by construction.
"""

from __future__ import annotations

import re

from ..textsafe import clean_utterance
from . import langdata

CJK = r"\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3005\u3006\uff66-\uff9f"
_CJK_SPACE = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=[:時分])|(?<=[:])\s+(?=\d)")

_CONTRACTIONS = {
    "cant": "can't", "dont": "don't", "wont": "won't", "im": "i'm", "ive": "i've",
    "isnt": "isn't", "doesnt": "doesn't", "didnt": "didn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "thats": "that's", "theres": "there's",
    "arent": "aren't", "wasnt": "wasn't", "havent": "haven't", "hes": "he's", "shes": "she's",
    "youre": "you're", "theyre": "they're", "ill": "i'll", "lets": "let's", "whats": "what's",
    "cannot": "can't", "gonna": "going to", "wanna": "want to",
}
_EN_PUNCT = re.compile(r"[^\w\s':]|(?<!\d):|:(?!\d)")
_REPEAT_1 = re.compile(r"\b(\S+)(?:\s+\1\b)+")
_REPEAT_2 = re.compile(r"\b(\S+\s+\S+)(?:\s+\1\b)+")
_JA_PUNCT = re.compile(r"[、,，・\"'「」『』（）()\[\]…‥~〜ー]{2,}|[、,，\"「」『』（）()\[\]…‥~〜]")
_JA_STOP = re.compile(r"[。.！!？?]+")


def split_lower_en(text: str) -> str:
    """Lower case, straight apostrophes, punctuation out, contractions restored."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = _EN_PUNCT.sub(" ", text)
    words = [_CONTRACTIONS.get(w, w) for w in text.split()]
    return " ".join(w.strip("'") if w.startswith("'") and w not in ("'s", "'re", "'ll", "'d") else w
                    for w in words)


def light(text: str, lang: str, cleaned: bool = False) -> str:
    """Cleaned and case/space-normalised but with nothing removed: the safety net's second view."""
    text = text if cleaned else clean_utterance(text)
    if lang == "ja":
        return _JA_STOP.sub("。", _JA_PUNCT.sub("", join_cjk(text))).strip("。 ")
    return split_lower_en(text)


def join_cjk(text: str) -> str:
    """Vosk's "明日 まで に" -> "明日までに": spaces next to Japanese script carry no meaning."""
    text = _CJK_SPACE.sub("", text)
    return _DIGIT_SPACE.sub("", text)


def normalize(text: str, lang: str, cleaned: bool = False) -> str:
    """The canonical line: no fillers, commas, repeated words, leading hesitations."""
    text = text if cleaned else clean_utterance(text)
    if lang == "ja":
        return _normalize_ja(text)
    return _normalize_en(text)


def _strip_leading(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return text
    while True:
        m = pattern.match(text)
        if not m or m.end() == 0:
            return text
        text = text[m.end():].lstrip(" 、,")


def _normalize_en(text: str) -> str:
    text = split_lower_en(text)
    fillers = langdata.any_of("en", "fillers")
    hesitations = _leading("en")
    for _ in range(2):  # a filler can hide a repetition ("i um i need") and vice versa
        if fillers is not None:
            text = re.sub(rf"\b(?:{fillers.pattern})\b", " ", text, flags=re.IGNORECASE)
        text = re.sub(r"\s+", " ", text).strip()
        text = _REPEAT_2.sub(r"\1", _REPEAT_1.sub(r"\1", text))
    return _strip_leading(text, hesitations).strip()


def _normalize_ja(text: str) -> str:
    # Repeated tokens are easiest to see in the spaced form, before joining.
    text = _REPEAT_1.sub(r"\1", text)
    fillers = langdata.any_of("ja", "fillers")
    if fillers is not None:
        text = fillers.sub(" ", text)
    text = join_cjk(text)
    text = _JA_PUNCT.sub("", text)
    text = _JA_STOP.sub("。", text)
    text = re.sub(r"\s+", " ", text).strip(" 。")
    text = re.sub(r"([\u4e00-\u9fff]{2,}?)\1+", r"\1", text)  # 資料資料 -> 資料 (kana kept: ズキズキ)
    return _strip_leading(text, _leading("ja")).strip(" 。")


_LEAD_CACHE: dict[str, re.Pattern[str] | None] = {}


def _leading(lang: str) -> re.Pattern[str] | None:
    if lang not in _LEAD_CACHE:
        items = langdata.load(lang).get("hesitations") or []
        if lang == "en":
            _LEAD_CACHE[lang] = re.compile(r"(?:" + "|".join(items) + r")\b\s*") if items else None
        else:
            _LEAD_CACHE[lang] = re.compile(r"(?:" + "|".join(items) + r")[、,\s]*") if items else None
    return _LEAD_CACHE[lang]
