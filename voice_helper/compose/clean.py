"""Slot text tidying: turn recognizer fragments into phrases that read well inside a sentence.

The intent engine copies slot text out of what was said, so it can carry fillers ("um", "like",
「えっと」), request wrappers ("could you ... for me please") and, for Japanese from Vosk, a space
between every word. Messages must never show those raw fragments, so every slot passes through
here before a template sees it. Word lists are language data (``templates/<lang>.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..textsafe import clean_utterance

_CJK = r"\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff66-\uff9f"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}0-9A-Za-z])|(?<=[{_CJK}0-9A-Za-z]) +(?=[{_CJK}])")
_DIGIT_SPACE_CJK = re.compile(rf"(?<=[0-9]) +(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")


def join_cjk(text: str) -> str:
    """Remove the spaces Vosk puts between Japanese words ("資料 を 確認" → "資料を確認").

    Spaces between two Latin words stay ("Excel の ファイル" → "Excelのファイル").
    """
    text = _CJK_SPACE.sub("", text)
    return _DIGIT_SPACE_CJK.sub("", text)


def has_cjk(text: str) -> bool:
    return re.search(rf"[{_CJK}]", text) is not None


def _strip_edges(text: str) -> str:
    return text.strip(" \t,、。.!?！？…;:；：-—")


def clean_slot(text: str | None, lang: str, data: dict[str, Any]) -> str:
    """One slot value made presentable: no controls, no fillers, no request wrappers.

    Returns "" when nothing meaningful is left (the renderer then picks a wording without it).
    """
    if not text:
        return ""
    text = clean_utterance(str(text))
    if lang == "ja" or has_cjk(text):
        text = join_cjk(text)
    c = _compiled(data)
    if c.fillers is not None:
        text = c.fillers.sub(" ", text)
    text = _remove_like(text, c)
    # Repeat until stable: "could you please X for me please" has nested wrappers.
    for _ in range(4):
        before = text
        text = _strip_edges(_SPACES.sub(" ", text))
        if c.leading is not None:
            text = c.leading.sub("", text)
        if c.trailing is not None:
            text = c.trailing.sub("", text)
        if text == before:
            break
    text = _dedupe_words(_strip_edges(_SPACES.sub(" ", text)))
    if c.proper:
        text = _WORD.sub(lambda m: c.proper.get(m.group(0), m.group(0)), text)
    if lang == "ja":
        text = join_cjk(text)
    return text


@dataclass
class _Cleaner:
    fillers: re.Pattern[str] | None
    leading: re.Pattern[str] | None
    trailing: re.Pattern[str] | None
    proper: dict[str, str]
    keep_before: set[str]
    keep_after: set[str]


_WORD = re.compile(r"[a-z]+")


def _compiled(data: dict[str, Any]) -> _Cleaner:
    """The language's word lists compiled once and kept with the (cached) template data."""
    cached = data.get("_cleaner")
    if isinstance(cached, _Cleaner):
        return cached
    clean = data.get("clean", {})
    words = bool(clean.get("word_boundaries"))  # English: "so" must not eat "something"

    def alt(patterns: list[str], fmt: str) -> re.Pattern[str] | None:
        if not patterns:
            return None
        return re.compile(fmt.format("|".join(f"(?:{p})" for p in patterns)), re.IGNORECASE)

    cleaner = _Cleaner(
        fillers=alt(clean.get("fillers", []), "{}"),
        leading=alt(clean.get("leading", []), r"^(?:{})" + (r"\b" if words else "") + r"\s*"),
        trailing=alt(clean.get("trailing", []), (r"\s*\b" if words else "") + r"(?:{})$"),
        proper={w.lower(): w[:1].upper() + w[1:] for w in clean.get("capitalize", [])},
        keep_before=set(clean.get("like_keep_before", [])),
        keep_after=set(clean.get("like_keep_after", [])),
    )
    data["_cleaner"] = cleaner
    return cleaner


def _remove_like(text: str, c: _Cleaner) -> str:
    """Drop filler "like" but keep the verb and the preposition ("I'd like", "looks like it")."""
    if "like" not in text.lower():
        return text
    keep_before, keep_after = c.keep_before, c.keep_after
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(",").lower()
        if bare == "like":
            prev = out[-1].strip(",").lower() if out else ""
            nxt = words[i + 1].strip(",").lower() if i + 1 < len(words) else ""
            if prev and not prev.endswith(",") and (prev in keep_before or prev.endswith("'d")):
                out.append(w)
                continue
            if nxt in keep_after and prev and not w.endswith(","):
                out.append(w)
                continue
            continue
        out.append(w)
    return " ".join(out)


def _dedupe_words(text: str) -> str:
    """Collapse stutters the recognizer keeps ("the the report" → "the report")."""
    return re.sub(r"\b(\w+)( \1\b)+", r"\1", text, flags=re.IGNORECASE)


_SP_PUNCT = re.compile(r" +([,.!?;:…])")
_DOUBLE_END = re.compile(r"([.!?])[.!?]+")
_COMMA_END = re.compile(r",([.!?,])")
_JA_DOUBLE = re.compile(r"([、。!?！？])[、。]+")
_JA_ELLIPSIS = re.compile(r"…[。、]")
_JA_SPACE_PUNCT = re.compile(r" *([、。!?！？…]) *")
_SENTENCE_START = re.compile(r"(^|[.!?] )([a-z])")
_LONE_I = re.compile(r"\bi\b(?=['’ ]|$)")


def tidy_sentence(text: str, lang: str) -> str:
    """Final pass over a whole message: one space, no doubled or stray punctuation."""
    text = _SPACES.sub(" ", text).strip()
    text = _SP_PUNCT.sub(r"\1", text)
    text = _DOUBLE_END.sub(r"\1", text)
    text = _COMMA_END.sub(r"\1", text)
    text = _JA_DOUBLE.sub(r"\1", text)
    text = _JA_ELLIPSIS.sub("…", text)
    if lang == "ja":
        text = join_cjk(text)
        text = _JA_SPACE_PUNCT.sub(r"\1", text)
    else:
        # Sentence case: a capital after each sentence end and at the start.
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        text = _LONE_I.sub("I", text)
    return text
