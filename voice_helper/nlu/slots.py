"""Slot extraction for a whole utterance, and single-answer parsers for the dialog.

Why separate entry points: the dialog asks "By when?" or "Who would you like to ask?" and must
parse the bare answer ("by five", "明日まで", "Tanaka", "上司") with the same rules the full
parse uses, so the answers and the first utterance can never disagree.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from ..request import Deadline, Slots, TimeRef
from . import langdata, slots_en, slots_ja
from .deadline import find_times_en, find_times_ja, parse_deadline
from .langdetect import detect_language
from .normalize import normalize


def _lang(text: str, lang: str) -> str:
    return detect_language(text) if lang == "auto" else lang


@lru_cache(maxsize=2)
def _feelings(lang: str) -> tuple[re.Pattern[str] | None, list[str]]:
    """All feeling words as one alternation; the group number gives the label."""
    table = list((langdata.load(lang).get("feelings") or {}).items())
    if not table:
        return None, []
    wrap = (lambda k: rf"\b(?:{k})\b") if lang == "en" else (lambda k: f"(?:{k})")
    rx = re.compile("|".join(f"(?P<f{i}>{wrap(k)})" for i, (k, _) in enumerate(table)))
    return rx, [v for _, v in table]


def feelings(canonical: str, lang: str) -> list[str]:
    rx, labels = _feelings(lang)
    out: list[str] = []
    if rx is None:
        return out
    for m in rx.finditer(canonical):
        if lang == "en" and re.search(r"\b(?:not|never|don't|no longer)\s+(?:\w+\s+)?$", canonical[: m.start()]):
            continue
        label = labels[int((m.lastgroup or "f0")[1:])]
        if label not in out:
            out.append(label)
    return out


def extract_slots(text: str, lang: str = "auto", now: datetime | None = None,
                  canonical: str | None = None) -> Slots:
    """All slots of one utterance, read off the same sentence analysis the message is built from:
    asks, offer and helper from the sentences' roles; every time with its role (only a real
    deadline becomes ``deadline``); task, duration and feelings by the language's rules."""
    from ..compose.analysis import ask_list, draft, offer_text

    lang = _lang(text, lang)
    now = now or datetime.now()
    line = canonical if canonical is not None else normalize(text, lang)
    d = draft(text, lang)
    times: list[TimeRef] = []
    for s in d.sentences:
        said = s.text.lower() if lang == "en" else s.text
        found = find_times_ja(said, now) if lang == "ja" else find_times_en(said, now)
        for dl, role, _ in found:
            times.append(TimeRef(dl.text, "offer" if s.role == "offer" else role, dl.iso))
    deadline = next((Deadline(t.text, t.iso) for t in times if t.role == "deadline"), None)
    offer = offer_text(d) or None
    if lang == "ja":
        task = slots_ja.task(line, [deadline.text if deadline else ""])
        duration = slots_ja.duration(line)
    else:
        rest = line if not offer else line.replace(offer.lower(), " ")
        skip = [t.text for t in times]
        dur_words = re.search(r"\bfor (?:about |around )?(?:\d+|\w+|half an|an|a) ?(?:minutes?|mins?|hours?|hour)\b", rest)
        if dur_words:
            skip.append(dur_words.group(0))
        task = slots_en.task(rest, skip)
        duration = slots_en.duration(rest)
    return Slots(task=task, asks=ask_list(d), offer=offer, recipient=d.helper, deadline=deadline,
                 duration_minutes=duration, feelings=feelings(line, lang), times=times)


def parse_recipient(text: str, lang: str = "auto") -> str | None:
    """A name or role said alone ("Tanaka", "my manager", "田中さん", "上司") or in a sentence."""
    lang = _lang(text, lang)
    line = normalize(text, lang)
    if lang == "ja":
        found = slots_ja.recipient(line)
        if found:
            return found
        bare = re.sub(r"(?:に|へ|で|です|にお願い(?:します)?|に頼みたい(?:です)?|かな)$", "", line).strip()
        if 1 <= len(bare) <= 8 and re.fullmatch(r"[一-龥々ァ-ヶーぁ-んA-Za-z]+", bare):
            return bare
        return None
    found = slots_en.recipient(line, text)
    if found:
        return found
    bare = re.sub(r"^(?:ask|to|maybe|probably|i'd ask|i would ask|i think|let's ask|please ask)\s+", "", line)
    bare = re.sub(r"\s+(?:please|i think|probably|maybe)$", "", bare).strip()
    m = re.fullmatch(r"(?:my |our |the )?([a-z][a-z' -]{0,30})", bare)
    if not m:
        return None
    words = m.group(1).split()
    roles = langdata.load("en")["roles"]
    if m.group(1) in roles:
        return m.group(1)
    if bare.startswith(("my ", "our ", "the ")):
        return m.group(1)
    if 1 <= len(words) <= 3 and not set(words) & {"i", "you", "someone", "nobody", "anyone", "don't", "know"}:
        return " ".join(slots_en._cased(w, text) for w in words)
    return None


def parse_duration(text: str, lang: str = "auto") -> int | None:
    """Minutes in "half an hour", "20 minutes", "15分", "1時間"; vague words ("少し") give None."""
    lang = _lang(text, lang)
    line = normalize(text, lang)
    return slots_ja.duration(line) if lang == "ja" else slots_en.duration(line)


def parse_deadline_answer(text: str, lang: str = "auto", now: datetime | None = None) -> Deadline | None:
    """The deadline in an answer to "By when?" — same rules as inside a whole utterance."""
    lang = _lang(text, lang)
    return parse_deadline(text, lang, now)
