"""Emergencies, found two independent ways; either one raises a crisis.

1. Concepts, not phrases (``data/safety_<lang>.yaml``): an event or a symptom with severity or
   inability, matched on lemmas with negation folded in — English through ``text.en`` (fell →
   fall, "can barely breathe", "isn't responding"), Japanese through SudachiPy morphemes
   (起き上がれません / 起き上がれない / 動かない / 動けない fold to one concept; modifiers between
   薬を and 飲んだ do not matter). Idioms ("this deadline is killing me", 締め切りに殺される) are
   blanked first and lower nothing else: a danger sign said in the same breath still fires.
   A story, a lesson or something long past ("I fell last year") is not a crisis now unless
   something says it is happening now.
2. A classifier trained on an independent set of emergencies and near-misses (every kind,
   every register, recognizer-style with misheard words), read at a recall-first threshold.

When only a weak sign is found (a misheard "can" for "can't", the classifier in its grey zone),
the answer is "check": the front ends ask "Are you safe right now?" and show the numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from ..text import en as te
from ..text.clean import join_cjk
from ..textsafe import clean_utterance
from . import langdata

_KANA = re.compile(r"[ぁ-ゖァ-ヺー]+")  # kana runs: Sudachi merges a recognizer's katakana words (ドアノブガチャガチャ)
_SENTENCE_END = {"。", "！", "？", "!", "?"}
_JA_NEG = {"ない", "なく", "なかっ", "ず", "ぬ", "ん", "ねえ", "へん", "ひん", "ませ"}  # 歩けない is not 歩ける  # a past time does not reach across a sentence

#: The classifier alone raises a crisis at this probability, and asks at LOW (chosen on
#: out-of-fold predictions over the safety training data; see scripts/eval_safety.py).
HIGH = {"en": 0.95, "ja": 0.95}  # 0.97 → 0.95 on fresh dev set 12 (before it trained the net): recall en
# 0.950 → 0.965, ja 0.958 → 0.965, no near-miss more alarmed (0.90 caught a little more but called
# in for 「咳が止まらない」 and 「胸が軽く痛む」, which are asked about); below, it asks
LOW = {"en": 0.60, "ja": 0.60}
#: A rule's sure sign with the net this sure it is nothing ("choking on this workload", "fell off my
#: bike yesterday, nothing broken", 「夫は警察官で強盗事件の捜査」) asks "are you safe?" instead of
#: alarming. On fresh dev set 12 this took false alarms 15 → 4 (en) and 13 → 4 (ja) and turned
#: no emergency into a question (the lowest net score of a real one there was 0.071).
RULE_VETO = {"en": 0.03, "ja": 0.03}
#: Which kind decides whom to call when several are said (a physical danger before a thought).
PRIORITY = ["self_harm_act", "overdose", "unresponsive", "chest_pain", "breathing", "bleeding", "stroke",
            "allergy", "fire", "gas", "fall", "violence", "explicit", "medical", "self_harm"]


@dataclass(frozen=True)
class CrisisHit:
    kind: str
    matched: str
    sure: bool = True  # False: ask "are you safe right now?" before treating it as a crisis
    source: str = "rules"  # rules | classifier
    mild: bool = False  # said mildly ("a bit tight", 軽く): asked about even when the net is sure


@lru_cache(maxsize=None)
def rules(lang: str) -> dict[str, Any]:
    path = langdata.data_dir() / f"safety_{lang}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    data["_idioms"] = re.compile("|".join(f"(?:{p})" for p in data["idioms"]), re.IGNORECASE)
    data["_neg"] = set(data.get("negators", []))
    return data


def first_call(kind: str, lang: str) -> str:
    return rules(lang if lang in ("en", "ja") else "en")["first_call"].get(kind, "emergency")


def not_self_harm(text: str, lang: str) -> bool:
    """An overdose that is an accident or someone else's (a child, a battery, the wrong pills):
    no suicide line is read beside the emergency number."""
    lang = lang if lang in ("en", "ja") else "en"
    words = rules(lang).get("not_self_harm", [])
    if lang == "ja":
        return any(w in text for w in words)
    low = " " + re.sub(r"[^a-z' ]+", " ", text.lower()) + " "
    return any(f" {w} " in low for w in words)


def plain_what(kind: str, lang: str) -> str:
    return rules(lang if lang in ("en", "ja") else "en")["what"].get(kind, "")


def without_idioms(text: str, lang: str) -> str:
    if lang == "ja":
        text = join_cjk(text)  # 「胸 が いっぱい」 (a recognizer's spacing) is the idiom 胸がいっぱい
    return rules(lang)["_idioms"].sub(" ", text)


# --- the words of an utterance, as the rules see them -------------------------------------------


@dataclass
class _View:
    forms: list[set[str]]  # every form of each word/morpheme: surface, lemmas (base, normalised)
    words: list[str]  # the surface words (lower case)
    joined: str  # the whole text as one string (Japanese: no spaces)
    starts: list[int]  # character offset of each morpheme in ``joined`` (Japanese)
    spoken: bool  # recognizer-style: no punctuation, all lower case
    index: dict[str, list[int]] = field(default_factory=dict)  # form -> positions (built once)
    pos: list[tuple[str, ...]] = field(default_factory=list)  # Japanese: each morpheme's first three POS levels

    def __post_init__(self) -> None:
        for i, forms in enumerate(self.forms):
            for f in forms:
                self.index.setdefault(f, []).append(i)


def _view(text: str, lang: str) -> _View:
    text = clean_utterance(text)
    if lang == "ja":
        from ..text import ja as jt

        joined = join_cjk(text)
        blanked = without_idioms(joined, "ja")
        morphs = jt.analyse(blanked)
        forms = [{m.surface, m.base, m.norm} for m in morphs]
        starts, pos = [], 0
        flat = "".join(m.surface for m in morphs)
        for m in morphs:
            starts.append(pos)
            pos += len(m.surface)
        return _View(forms, [m.surface for m in morphs], flat, starts, not re.search(r"[。、！？!?,.]", text),
                     pos=[tuple(m.pos[:3]) for m in morphs])
    spoken = not re.search(r"[.,!?;]", text) and text == text.lower()
    low = text.lower().replace("’", "'")
    low = without_idioms(low, "en")
    toks = [te.low(t) for t in te.clean_tokens(te.tokens(low)) if te.is_word(t)]
    toks = [{"cant": "can't", "cannot": "can't", "wont": "won't", "dont": "don't", "isnt": "isn't",
             "doesnt": "doesn't", "didnt": "didn't", "couldnt": "couldn't", "im": "i'm"}.get(t, t) for t in toks]
    toks = [{"meself": "myself", "me": "me"}.get(t, t) for t in toks]
    forms = [set(te.lemmas(t)) | {t} | ({t[:-2]} if t.endswith("'s") else set()) for t in toks]
    return _View(forms, toks, " ".join(toks), [], spoken)


def _find(view: _View, term: str, lang: str, surface: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) span of ``term`` in the view, in word/morpheme positions.

    ``surface``: the words as said, not their lemmas: a marker like "show" (a TV show) must not
    match "bone showing", nor 歩ける (walks fine again) match 歩けない."""
    out: list[tuple[int, int]] = []
    if lang == "ja":
        out = [(i, i + 1) for i in view.index.get(term, ())
               if not surface or view.words[i] == term or not _JA_NEG & set(view.words[i + 1:i + 3])]
        if out or len(term) <= 2:
            return out  # a short term is one whole morpheme (もし is not も|し)
        kana = len(term) >= 4 and _KANA.fullmatch(term) is not None
        pos = view.joined.find(term)
        while pos >= 0:  # str.find, not a regex per term: hundreds of terms would thrash re's cache
            end = pos + len(term)
            ends = end in view.starts or end == len(view.joined)
            # Sudachi cuts hiragana-only speech badly (ころん|だた|て|ない): a long kana term may
            # start inside a morpheme.
            if kana or pos in view.starts and (ends or len(term) > 2):
                i = bisect_right(view.starts, pos) - 1
                j = i
                while j < len(view.starts) and view.starts[j] < end:
                    j += 1
                out.append((i, j))
            pos = view.joined.find(term, pos + 1)
        return out
    parts = term.split()
    n = len(parts)
    if surface:  # as said, or a plural or possessive of it ("pads", "pad's")
        return [(i, i + n) for i in range(len(view.words) - n + 1)
                if all(w == p or w in (p + "s", p + "'s") for w, p in zip(view.words[i:i + n], parts))]
    for i in view.index.get(parts[0], ()):
        if i + n <= len(view.forms) and all(parts[k] in view.forms[i + k] for k in range(1, n)):
            out.append((i, i + n))
    return out


def _negated(view: _View, span: tuple[int, int], lang: str, data: dict[str, Any]) -> str:
    """"yes" when negated/unable, "misheard" when only a recognizer's "can" says so, else ""."""
    i, j = span
    if lang == "ja":
        end = j + 7
        # a noun found (息, 目, 反応) takes the first verb after it as its own (目を開けません)
        own_verb = any(p[0] == "動詞" for p in view.pos[i:j]) or not view.pos
        for k in range(j, min(end, len(view.pos))):
            p1, p2, p3 = view.pos[k]
            if p1 in ("名詞", "代名詞", "形容詞") and view.words[k] not in ("こと", "の", "よう", "気配", "様子", "ん", "へん",
                                                                      "ひん", "ねえ", "なか", "なし") \
                    and not {"ない", "無い"} & view.forms[k] and p3 != "副詞可能" \
                    or p1 == "動詞" and p2 == "一般" and own_verb:
                end = k  # 「起きちゃって全然寝てなくて」: the ない belongs to the next predicate, not to 起き
                break
            if p1 == "動詞":
                own_verb = True
        after = view.words[j:end]
        forms = view.forms[j:end]
        # 「ん」 negates (分からん) unless it is the ん of んです／んだ (行きたいんですけど)
        nominal = {k for k, w in enumerate(after) if w == "ん" and k + 1 < len(after)
                   and after[k + 1] in ("です", "だ", "で", "じゃ", "や", "でしょう", "だろう", "だっ", "でし")}
        if any(w in ("ない", "なく", "なかっ", "なし", "ず", "ぬ", "ん", "ねえ", "へん", "ひん") and k not in nominal
               for k, w in enumerate(after)) or \
                any({"ない", "ぬ", "ず"} & f for k, f in enumerate(forms) if k not in nominal):
            return "yes"
        return ""
    before = view.words[max(0, i - 4):i]
    # "stopped moving" is a negation; "the bus stop moved" is not: stop/stopped only before -ing.
    gerund = view.words[i].endswith("ing") if i < len(view.words) else False
    first = view.words[i] if i < len(view.words) else ""
    lo = max(0, i - 4)

    def corrects(k: int) -> bool:
        # "while I'm moving hall no moving flat": a "no" before a word just said puts right what
        # was said, it negates nothing
        return view.words[k] == "no" and first in view.words[max(0, k - 4):k]
    if any((w in data["_neg"] and (gerund or w not in ("stop", "stopped")) and not corrects(lo + k))
           or w.endswith("n't") for k, w in enumerate(before)):
        return "yes"
    if view.words[j:j + 2] in (["stopped"], ["stop"]) or view.words[j:j + 1] == ["stopped"]:
        return "yes"
    term = " ".join(view.words[i:j])
    if "can" in before[-2:] and any(term.startswith(c) or c.startswith(term) for c in data["can_misheard"]):
        return "misheard"
    if "want" in before[-1:] and any(term.startswith(c) for c in data.get("want_misheard", [])):
        return "misheard"
    return ""


def _any(view: _View, terms: list[str], lang: str) -> bool:
    return any(_find(view, str(t), lang) for t in terms)


_CALLING = {"i", "me", "my", "oh", "god", "please", "now", "quick", "quickly", "hurry", "someone", "somebody",
            "anyone", "anybody", "is", "there", "a", "the", "help", "halp", "up", "out", "here", "come"}


def _alone(view: _View, rule: dict[str, Any], lang: str) -> bool:
    """Said on its own ("help! somebody help me!"), not inside an ordinary request."""
    if lang == "ja":
        rest = view.joined
        for g in rule["all"]:
            for t in g:
                rest = rest.replace(str(t), "")
        return len(re.sub(r"[、。！？!?\sー〜]|誰か|だれか|お願い|早く|はやく", "", rest)) <= 2
    allowed = set(_CALLING)
    for g in list(rule["all"]) + list(rule.get("also", [])):
        for t in g:
            allowed.update(str(t).split())
    return sum(1 for w in view.words if w not in allowed) <= 1


def _said(view: _View, terms: list[str], lang: str, surface: bool = False) -> list[tuple[int, int]]:
    """Word/morpheme spans of plain terms and of "re:" regexes (matched on the joined text)."""
    out: list[tuple[int, int]] = []
    for t in terms:
        t = str(t)
        if t.startswith("re:"):
            for m in re.finditer(t[3:], view.joined):
                out.append((_position(view, m.start(), lang), _position(view, max(m.start(), m.end() - 1), lang) + 1))
        else:
            out.extend(_find(view, t, lang, surface))
    return out


def _position(view: _View, offset: int, lang: str) -> int:
    """The word (English) or morpheme (Japanese) at a character offset of ``view.joined``."""
    if lang == "ja":
        return max(0, bisect_right(view.starts, offset) - 1)
    return view.joined.count(" ", 0, offset)


def _now_or_then(view: _View, data: dict[str, Any], lang: str, key: str = "not_now",
                 span: tuple[int, int] | None = None) -> bool:
    """Said about the past or a story, and nothing says it is happening now.

    A time in the past ("last year", 去年) belongs to its own clause: it only counts within
    ``near_window`` words of what was found (``span``), so "he had a stent put in last year"
    does not make "his chest hurts" a story. Stories, lessons and things that are over count
    anywhere."""
    found = _said(view, data[key], lang, surface=True)
    near = data.get(f"{key}_near", [])
    if near:
        w = int(data.get("near_window", 8))
        close = [m for m in _said(view, near, lang, surface=True)
                 if span is None or (m[0] - span[1] <= w and span[0] - m[1] <= w
                                     and not _SENTENCE_END & set(view.words[min(m[1], span[1]):max(m[0], span[0])]))]
        found += close
    if not found:
        return False
    if span is not None:
        # A strong sign of now ("help me", "still bleeding") outweighs any story; a pivot
        # ("oh no", "actually", それより) only when it comes between the story and the danger:
        # "I'm reading the news, oh no, my chest…" is now; "it was years ago and now he runs" is not.
        if any(not any(m[0] <= p[0] < m[1] for m in found) for p in _said(view, data["present"], lang, True)):
            return False
        weak = _said(view, data.get("present_weak", []), lang, surface=True)
        return any(not any(m[1] <= w[0] <= span[0] for w in weak) for m in found)
    joined = view.joined
    for t in list(data[key]) + list(near):
        t = str(t)
        joined = re.sub(t[3:] if t.startswith("re:") else re.escape(t), " ", joined)
    now = list(data["present"]) + list(data.get("present_weak", []))
    return not any(re.search(re.escape(str(p)) if lang == "ja" else rf"\b{re.escape(str(p))}\b", joined)
                   for p in now)


def _rule_hit(view: _View, rule: dict[str, Any], lang: str, data: dict[str, Any]) -> tuple[bool, bool, str, tuple[int, int]]:
    """(fires, sure, matched text, its word span) for one rule."""
    groups = [[str(t) for t in g] for g in rule["all"]]
    within = int(rule.get("within", 12 if lang == "en" else 16))
    neg = rule.get("neg")
    spans_per_group = []
    for g in groups:
        spans = _said(view, g, lang)
        if not spans:
            return False, False, "", (0, 0)
        spans_per_group.append(spans)
    for also in rule.get("also", []):
        if not _any(view, [str(t) for t in also], lang):
            return False, False, "", (0, 0)
    for unless in rule.get("unless", []):
        if _said(view, [str(t) for t in unless], lang):
            return False, False, "", (0, 0)
    if rule.get("alone") and not _alone(view, rule, lang):
        return False, False, "", (0, 0)
    # the first group anchors; every other group must fall within the window
    best: tuple[bool, bool, str, tuple[int, int]] = (False, False, "", (0, 0))
    for anchor in spans_per_group[0]:
        chosen = [anchor]
        ok = True
        for spans in spans_per_group[1:]:
            near = [s for s in spans if abs(s[0] - anchor[0]) <= within]
            if not near:
                ok = False
                break
            chosen.append(min(near, key=lambda s: abs(s[0] - anchor[0])))
        if not ok:
            continue
        sure = True
        if neg is not None:
            negs = [_negated(view, s, lang, data) for s in ([chosen[int(neg)]] + [
                x for x in (spans_per_group[int(neg)]) if abs(x[0] - anchor[0]) <= within])]
            if "yes" in negs:
                sure = True
            elif "misheard" in negs and view.spoken:
                sure = False
            else:
                continue
        lo = min(s[0] for s in chosen)
        hi = max(s[1] for s in chosen)
        matched = ("" if lang == "ja" else " ").join(view.words[lo:hi])
        if sure:
            return True, True, matched, (lo, hi)
        best = (True, False, matched, (lo, hi))
    return best


def _softened(view: _View, span: tuple[int, int], data: dict[str, Any], lang: str) -> bool:
    """A softener ("a bit", "slightly", ちょっと) just before or inside what was found."""
    lo, hi = span
    return any(lo - 4 <= m[0] and m[1] <= hi for m in _said(view, data.get("softeners", []), lang, surface=True))


def check(text: str, lang: str, canonical: str | None = None, cleaned: bool = False) -> CrisisHit | None:
    """The crisis the rules find in ``text``, or None. ``sure=False`` means "ask first"."""
    if lang not in ("en", "ja") or not text.strip():
        return None
    data = rules(lang)
    view = _view(text, lang)
    if not view.words:
        return None
    hits: list[tuple[str, bool, str, tuple[int, int]]] = []
    mild_kinds: set[str] = set()
    misheard_only = True
    for rule in data["rules"]:
        fires, sure, matched, span = _rule_hit(view, rule, lang, data)
        if not fires:
            continue
        # A lone "help!" or a fall with a sore knee could be ordinary: ask first ("are you safe?").
        # A recognizer's "can" for "can't" counts when something else says danger.
        cautious = bool(rule.get("alone") or rule.get("weak")) and not rule.get("sure")
        # "a bit tight", ちょっと息苦しい: said mildly, it is asked about, not called in
        softened = rule["kind"] not in ("self_harm", "self_harm_act") and _softened(view, span, data, lang) \
            or rule["kind"] in ("bleeding", "fall") and bool(_said(view, data.get("minor_said", []), lang, surface=True))
        if softened:
            mild_kinds.add(rule["kind"])
        cautious = cautious or softened
        misheard_only = misheard_only and not sure and not cautious
        hits.append((rule["kind"], sure and not cautious, matched, span))
    if not hits:
        return None
    # a story, a lesson, long past
    hits = [h for h in hits if h[0] in ("self_harm", "self_harm_act") or not _now_or_then(view, data, lang, span=h[3])]
    if any(h[0] in ("self_harm", "self_harm_act") for h in hits) and \
            _now_or_then(view, data, lang, "not_now_self_harm"):
        hits = [h for h in hits if h[0] not in ("self_harm", "self_harm_act")]
    if not hits:
        return None
    sure_hits = [h for h in hits if h[1]]
    pool = sure_hits or hits
    sure = bool(sure_hits)
    if not sure and misheard_only and len({h[0] for h in hits}) == 1:
        sure = _any(view, ["help", "please", "ambulance", "911", "fell", "fall", "floor", "bleeding", "hurt",
                            "助けて", "救急車"], lang)
    kinds = {h[0] for h in pool}
    if kinds - {"self_harm"} and "self_harm" in kinds and kinds & {"overdose", "self_harm_act"}:
        kinds.discard("self_harm")
    if kinds == {"self_harm", "explicit"}:
        kinds = {"self_harm"}
    kind = min(kinds, key=lambda k: PRIORITY.index(k) if k in PRIORITY else len(PRIORITY))
    matched = next(h[2] for h in pool if h[0] == kind)
    return CrisisHit(kind, matched, sure=sure, mild=not sure and bool(kinds) and kinds <= mild_kinds)


def denied(text: str, lang: str) -> bool:
    """The person says outright that it is not an emergency ("not an emergency emergency but…")."""
    return bool(_said(_view(text, lang), [str(t) for t in rules(lang).get("denials", [])], lang, surface=True))


def said_about_then(text: str, lang: str) -> bool:
    """A story, a lesson, something long past, a shopping list: nothing happening now."""
    if lang not in ("en", "ja"):
        return False
    return _now_or_then(_view(text, lang), rules(lang), lang)


def classifier_says(p: float, lang: str) -> str:
    """"crisis", "check" or "" for the safety net's probability of an emergency ("calm": so low
    that a rule's sure sign becomes a question)."""
    if p >= HIGH.get(lang, 0.9):
        return "crisis"
    if p >= LOW.get(lang, 0.55):
        return "check"
    if p < RULE_VETO.get(lang, 0.0):
        return "calm"
    return ""
