"""Telegraphic English, as many people speak after a stroke ("bags in car heavy help carry
please", "sad today sit with me please"): the few words said are all kept, and only the small
words that make them sentences are added ("The bags in the car are heavy. Could you help me
carry them, please?"). Anything that is not clearly telegraphic is left to the editor as said.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..text import en as te
from .data import load as load_data


@lru_cache(maxsize=1)
def _d() -> dict[str, Any]:
    d = load_data("en")["telegraphic"]
    return {k: set(v) if isinstance(v, list) else v for k, v in d.items()}


def is_telegraphic(words: list[str]) -> bool:
    """Few words, none of the small ones ("the", "is", "could", "I") that sentences are made of."""
    d = _d()
    words = [w for k, w in enumerate(words) if not (w == "you" and k and words[k - 1] == "thank")
             and not (w in ("can't", "cant") and k + 1 < len(words) and words[k + 1] in d["verbs"])]
    return 3 <= len(words) <= 14 and not any(w in d["function_words"] for w in words) \
        and any(w in d["states"] or w in d["feelings"] or w == "please" or w in d["verbs"] for w in words)


def expand(said: str) -> str | None:
    """The utterance as sentences, or None when it is not telegraphic (the editor takes it as said)."""
    if re.search(r"[.,!?;]", said) or said != said.lower():
        return None  # typed with punctuation or capitals: the person wrote their sentences
    words = [te.low(t) for t in te.tokens(said) if te.is_word(t)]
    words = [w for w in words if w not in ("um", "uh", "er", "erm")]
    words = [w for k, w in enumerate(words) if not k or w != words[k - 1]]  # "lonely lonely today": said once
    d = _d()
    name = ""
    callable_ = te.call_words()
    if words and words[0] in callable_ and words[0] not in d["states"]:
        name, words = words[0], words[1:]
    elif words and words[-1] in callable_ and words[-1] not in d["states"] and len(words) > 3:
        name, words = words[-1], words[:-1]  # "…bring tomorrow jim": called last
    if not is_telegraphic(words):
        return None
    chunks = _chunks(words)
    if not chunks:
        return None
    out: list[str] = []
    last_noun = ""
    for chunk in chunks:
        text, noun = _sentence(chunk, last_noun, bool(out) and out[-1].endswith("?"))
        if text is None:
            return None  # a piece no pattern reads: better as said than guessed
        out.append(text)
        last_noun = noun or last_noun
    head = (name[:1].upper() + name[1:] + ", ") if name else ""
    return head + " ".join(out)


def _chunks(words: list[str]) -> list[list[str]]:
    """Cut where a new piece starts: a feeling, "help", a request verb, "thank you", and after
    "please" or a state word ("heavy", "broken")."""
    d = _d()
    out: list[list[str]] = []
    cur: list[str] = []
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        starts = w in d["feelings"] and (w not in d["states"] or not cur) or w in ("help", "need", "can't", "cant") \
            or w in d["verbs"] and not (cur and cur[-1] in ("help", "to", "can't", "cant")) and nxt not in d["states"] \
            or words[k:k + 2] == ["thank", "you"]
        if cur and starts and not (cur[-1] == "thank" and w == "you"):
            out.append(cur)
            cur = []
        cur.append(w)
        noun_state = w in d["states"] and cur[0] not in d["verbs"] and cur[0] not in ("need", "help", "can't", "cant")
        if (w == "please" or noun_state and nxt not in ("please",) and nxt not in d["states"]
                or w == "out" and cur[-2:-1] in (["run"], ["ran"])) and nxt:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    merged: list[list[str]] = []
    for c in out:  # "…run out | friday", "ride please | ten o'clock": a time goes with what came before
        times = 0
        while times < len(c) and (c[times] in d["times"] or c[times] in d["numbers"] or c[times] == "o'clock"):
            times += 1
        if merged and times and (times == len(c) or merged[-1][-1] == "please"):
            if merged[-1][-1] == "please":
                merged[-1] = merged[-1][:-1] + c[:times] + ["please"]
            else:
                merged[-1] = merged[-1] + c[:times]
            c = c[times:]
        if c:
            merged.append(c)
    return merged


def _sentence(chunk: list[str], last_noun: str, after_ask: bool = False) -> tuple[str | None, str]:
    d = _d()
    please = chunk[-1] == "please"
    core = [w for w in chunk if w != "please"]
    if not core:
        return None, ""
    if core[:2] == ["thank", "you"]:
        rest = core[2:]
        if not rest:
            return "Thank you.", ""
        if rest[-1] in d["states"] or rest[-1] in d["praise"]:
            return "Thank you. " + _state(rest[:-1], rest[-1], past=True), rest[-2] if len(rest) > 1 else ""
        return "Thank you for the " + " ".join(rest) + ".", rest[-1]
    pron = "them" if last_noun.endswith("s") and not last_noun.endswith("ss") else "it"
    if core[-1] in d["states"] and len(core) >= 2 and (core[0] not in d["verbs"] or len(core) == 2) \
            and core[0] not in ("need", "help", "can't", "cant"):
        return _state(core[:-1], core[-1]), core[0]
    if core[0] in d["feelings"]:
        return "I'm " + " ".join(core) + ".", ""
    if core == ["help"]:
        return "Could you help me" + (", please?" if please else "?"), ""
    if core[0] == "need" and len(core) >= 2:
        thing = _with_articles(core[1:])
        if core[-1] == "one" or len(core) >= 3 and core[1] in d["states"]:
            thing = ["a"] + thing  # "need new one" → "I need a new one"
        return "I need " + " ".join(thing) + ".", core[-1]
    if core[0] in ("can't", "cant") and len(core) >= 2 and core[1] in d["verbs"]:
        obj = core[2:] or ([pron] if last_noun else [])
        return "I can't " + " ".join([core[1]] + _with_articles(obj)) + ".", last_noun
    if core[0] == "help" and len(core) >= 2 and core[1] in d["verbs"]:
        verb, obj = core[1], core[2:]
        if not obj and last_noun:
            obj = ["them" if last_noun.endswith("s") and not last_noun.endswith("ss") else "it"]
        return _ask(["help", "me", verb] + _with_articles(obj), please), ""
    if core[0] in d["verbs"]:
        rest = core[1:]
        if last_noun and (not rest or rest[0] in d["particles"] and len(rest) == 1 or rest[0] in d["times"]):
            rest = [pron] + rest  # "bring tomorrow" → "bring it tomorrow", "set up" → "set it up"
        elif rest and rest[0] in d["particles"] and len(rest) == 1:
            rest = ["it", rest[0]]
        return _ask(core[:1] + _with_articles(rest), please), core[-1] if len(core) > 1 and core[-1] not in d["times"] \
            and core[-1] not in d["particles"] else last_noun
    if core[-1] in d["states"] and len(core) >= 2:
        return _state(core[:-1], core[-1]), core[0]
    if after_ask and len(core) <= 2 and last_noun and not please and all(w not in d["verbs"] for w in core):
        return "The " + " ".join(core) + " too.", core[-1]  # "…set it up please | contacts": them too
    at = next((k for k in range(1, len(core) - 1) if core[k:k + 2] in (["run", "out"], ["ran", "out"])), 0)
    if at and all(w in d["times"] for w in core[at + 2:]):
        noun, when = core[:at], core[at + 2:]
        return "My " + " ".join(noun) + (" have" if noun[0].endswith("s") else " has") + " run out" \
            + "".join(" on " + w if w.endswith("day") else " " + w for w in when) + ".", noun[0]
    if please and len(core) <= 3 and all(w not in d["verbs"] for w in core):
        return (" ".join(core)).capitalize() + ", please.", core[-1]
    return None, ""


def _state(noun: list[str], state: str, past: bool = False) -> str:
    """"bags in car" + "heavy" → "The bags in the car are heavy."; past: "The shopping was good."."""
    if not noun:
        return "It " + ("was" if past else "is") + " " + state + "."
    plural = noun[0].endswith("s") and not noun[0].endswith("ss")
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    phrase = _with_articles(noun)
    det = "My" if noun[0] in _d()["body"] else "The"  # "legs bad" → "My legs are bad"
    return det + " " + " ".join(phrase) + f" {be} {state}."


def _with_articles(words: list[str]) -> list[str]:
    """"in car" → "in the car": a bare noun after a preposition takes "the"."""
    out: list[str] = []
    for k, w in enumerate(words):
        out.append(w)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w in _d()["prepositions"] and nxt and nxt not in _d()["function_words"] and not nxt.isdigit():
            out.append("the")
    return out


def _ask(words: list[str], please: bool) -> str:
    if len(words) == 2 and words[1].isalpha() and words[1] not in ("it", "them", "me", "us") \
            and words[1] not in _d()["times"] and words[1] not in _d()["particles"]:
        words = [words[0], "my" if words[1] in _d()["kin"] and words[1] not in ("doctor", "nurse") else "the", words[1]]
    return "Could you " + " ".join(words) + (", please?" if please else "?")
