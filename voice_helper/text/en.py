"""English tokens, cleaning, lemmas and casing: small, data-driven and fast (no model to load).

Why not a tagger: the editor only needs to find fillers and repeats, sentence openers ("could
you", "I can"), negation and a verb's lemma; a lexicon and suffix rules do that in microseconds
and say exactly why they did it. Lexicons live in ``data/en.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .clean import EMOJI_CHARS
from .lexicon import load

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # e.g. a.m.
    r"|(?i:dr|mr|mrs|ms|prof|st|jr|sr|vs)\.(?=\s)"
    r"|[A-Za-z]+-?\d[A-Za-z\d]*(?:-\d+)*"  # P60, A4, B12, PN-20931, LT-4471
    r"|\d+(?:st|nd|rd|th)?(?:-(?!(?i:am|pm)\b)[A-Za-z]+)+(?:-\d+)?"  # 5-a-side, 2-for-1, 3-day
    r"|\d+(?:st|nd|rd|th)-\d+(?:st|nd|rd|th)"  # the 14th-15th
    r"|\d{1,3}[A-Z](?![A-Za-z\d])"  # form 8C, flat 2B, floor 3F: one word
    r"|\d{1,4}/\d{1,4}(?:/\d{2,4})?"  # 24/7, 12/03/2025
    r"|\d+(?:[:.,-]\d+)*(?:%|(?i:am|pm|st|nd|rd|th|s|'s))?"
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’](?=\s|$))?"
    rf"|[{EMOJI_CHARS}\U0001F3FB-\U0001F3FF]+"  # 😭❤️, 🙇‍♂️: emoji typed together, with their joiners, one token
    r"|[^\s\w]", re.UNICODE)
#: Either side of a dash that joins a range tightly: "9am-5pm", "Mon-Wed", "12-1".
_RANGE_END = re.compile(r"^(?:\d[\w:.]*|(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*)$")
_NO_SPACE_BEFORE = set(",.?!;:)%'’”…")
_NO_SPACE_AFTER = set("(“$#£€¥")


@lru_cache(maxsize=1)
def lex() -> dict[str, Any]:
    d = dict(load("en"))
    d["_fillers"] = set(d["fillers"])
    d["_leading"] = set(d["leading"])
    d["_names"] = set(d["names"]) | _word_list("given_names_en.txt")
    d["_surnames"] = _word_list("surnames_en.txt")
    d["_places"] = frozenset(w.lower() for w in _word_list("places_en.txt"))  # (scripts/build_places.py)
    d["_proper"] = set(d["proper"])
    d["_neg"] = set(d["negations"])
    return d


def _word_list(name: str) -> frozenset[str]:
    """A data file of lower-case words, one per line (# comments)."""
    from importlib import resources

    text = resources.files("voice_helper.text").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


_WITH = re.compile(r"(?i)(?<![\w/])w/(?=\s|$)|(?<![\w/])w/(?=[a-z])")


# "thx 4 fixing phone", "got sth 4 u": a 4 that can only be "for" (a time or count is never
# followed by "u" nor follows a thanks)
_FOR = re.compile(r"(?i)(?:(?<=\bthx )|(?<=\bthanks )|(?<=\bthank you )|(?<=\bthank u )|(?<=\bty )|(?<=\bthnx )"
                  r"|(?<=\bcheers ))4(?= )|(?<![\d:.] )(?<!\bat )(?<!\bby )(?<!\btill )(?<!\buntil )(?<!\babout )(?<!\baround )(?<!\bafter )"
                  r"(?<!\bbefore )(?<!\bfrom )(?<!\bto )(?<!\bpast )\b4(?= (?:u|ya|ur)\b)")


def tokens(text: str) -> list[str]:
    text = _WITH.sub(lambda m: "With " if m.group(0)[0] == "W" else "with ", text)  # "w/ my parents"
    text = _FOR.sub("for", text)
    return _TOKEN.findall(text.replace("\u2019", "'").replace("\u2018", "'"))


def detok(toks: list[str]) -> str:
    out = ""
    open_quote = False
    for k, t in enumerate(toks):
        if t == "-" and out and 0 < k < len(toks) - 1:
            tight = bool(_RANGE_END.search(toks[k - 1]) and _RANGE_END.match(toks[k + 1]))
            out += "-" if tight else " -"  # "9am-5pm", "Mon-Wed"; "I'm tired - can you…" keeps its spaces
            if not tight:
                out += "\x01"
            continue
        if out.endswith("\x01"):
            out = out[:-1] + " " + t
            continue
        if t in ("'", '"'):
            if open_quote:
                out += t
            else:
                out += (" " if out else "") + t + "\x00"
            open_quote = not open_quote
            continue
        if not out:
            out = t
        elif t == "+" and out[-1].isdigit() and (k + 1 == len(toks) or not toks[k + 1][:1].isdigit()):
            out += t  # "known us 2+ years", "18+"
        elif out.endswith("\x00"):
            out = out[:-1] + t
        elif t[:1] in _NO_SPACE_BEFORE or t.startswith("'") or out[-1] in _NO_SPACE_AFTER or (out.endswith("-")):
            out += t
        else:
            out += " " + t
    return out.replace("\x00", "").replace("\x01", "")


def low(t: str) -> str:
    return t.lower().replace("’", "'")


def is_word(t: str) -> bool:
    return bool(t) and (t[0].isalnum())


# --- cleaning -----------------------------------------------------------------------------------


#: "were" said where a clause begins, before these, is "we're" ("…listen were way behind").
_WERE_OPENS = frozenset({"listen", "look", "and", "but", "so", "cos", "because", "coz", "yeah", "well", "ok", "okay", ",",
                         "right", "now", "then", "mate", "guys", "hey", "hi"})
_WERE_NEXT = frozenset({"way", "running", "going", "gonna", "behind", "late", "stuck", "short", "almost", "nearly",
                        "all", "still", "just", "really", "so", "out", "having", "doing", "moving", "leaving", "coming",
                        "getting", "trying", "struggling", "drowning", "swamped", "snowed", "desperate"})


def clean_tokens(toks: list[str]) -> list[str]:
    """Fillers, false starts and repeats out; contractions restored; "i" → "I"."""
    d = lex()
    out: list[str] = []
    lows = [low(t) for t in toks]
    i = 0
    while i < len(toks):
        t, lt = toks[i], lows[i]
        if lt in d["_fillers"] or re.fullmatch(r"u+h+m*|u+m+|h+m+|e+r+m+|a+h+|m+h*m+", lt):
            if out and low(out[-1]) in _WEEKDAYS and i + 1 < len(toks) and lows[i + 1] in _WEEKDAYS:
                out.append(_MARK)  # "on monday er tuesday": said, then put right
            i += 1
            if i < len(toks) and toks[i] == ",":
                i += 1  # "could, um, Ken": the commas went with the filler
            continue
        skipped = False
        for ph in d["filler_phrases"]:
            words = ph["words"]
            n = len(words)
            if lows[i:i + n] == words:
                nxt = lows[i + n] if i + n < len(lows) else ""
                prev = low(out[-1]) if out else ""
                if nxt in ph.get("unless_next", []) or prev in ph.get("unless_prev", []):
                    continue
                if words == ["i", "mean"] and out and (nxt in _CORRECTED_STARTS or nxt.isdigit() or _ORDINAL.fullmatch(nxt)
                                                       or nxt in _TIMEISH or nxt == prev):
                    out.append(_MARK)  # "the 17th i mean the 16th": said, then put right
                i += n
                if i < len(toks) and toks[i] == ",":
                    i += 1
                skipped = True
                break
        if skipped:
            continue
        if lt == "like" and _filler_like(out, lows, i):
            i += 1
            continue
        if lt == "were" and (not out or low(out[-1]) in _WERE_OPENS) and i + 1 < len(lows) \
                and lows[i + 1] in _WERE_NEXT and t == "were":
            t = "we're"  # "listen were way behind with the paperwork": we are (a recognizer has no apostrophes)
        out.append(t)
        i += 1
    out = [t for t in out if t != "@"]  # "@ Kev": a mention, not a word
    out = [t for k, t in enumerate(out) if not (t == "," and (k == 0 or out[k - 1] in (",",) or
                                                        low(out[k - 1]) in ("could", "can", "would", "will")))]
    out = _restore(out)
    out = _drop_leading(_drop_stutter(out))
    return _drop_corrections(_drop_restarts(collapse_repeats(out)))


_TIMEISH = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "half", "quarter", "thirty", "fifteen", "forty", "forty-five", "twenty", "o'clock", "am", "pm",
                      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "today",
                      "tonight", "morning", "afternoon", "evening"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_PREPS = frozenset({"before", "after", "on", "at", "in", "by", "until", "till", "for", "to", "with", "from", "about"})


#: Put in place of "i mean" where a phrase is put right after it; never left in what is said.
_MARK = "\x00corr"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
_CORRECTED_STARTS = frozenset({"the", "my", "a", "an", "his", "her", "our", "your", "this", "that", "plot", "chapter",
                               "room", "flat", "number", "bed", "ward", "platform", "page", "week"})


def _numberish(w: str) -> bool:
    return w.isdigit() or w in _TIMEISH or bool(_ORDINAL.fullmatch(w))


#: After "no", these words are said anew, never the start of a correction ("no I can't", "no one").
_NOT_CORRECTED = frozenset({"i", "i'm", "it", "it's", "its", "you", "we", "he", "she", "they", "one", "way", "worries",
                            "problem", "thanks", "thank", "not", "no", "and", "but", "or", "so", "is", "was", "to", "a",
                            "the", "my", "that", "this", "there", "idea", "more", "longer", "matter", "need"})


#: Before these, "no" says none ("there's no paper stuck", "I have no money"), never a correction.
_NO_AS_DETERMINER = frozenset({"there's", "theres", "is", "are", "was", "were", "have", "has", "had", "got", "with", "and",
                               "but", "at", "in", "on", "of", "for", "says", "said", "saying", "see", "need", "want",
                               "by", "to", "make", "makes", "take", "takes", "get", "gets", "use", "find", "found"})


def _drop_corrections(toks: list[str]) -> list[str]:
    """"at half eight no nine", "on tuesday no wednesday", "my ear no my jaw", "the 17th i mean the
    16th", "the mower no not the mower the hedge trimmer", "chapter 3 no its chapter 4", "plot 14
    plot 41": said, then put right — the message keeps what was meant."""
    out = list(toks)
    k = 0
    while k + 3 < len(out):  # "plot 14 plot 41": a numbered thing said twice, the second meant
        w = low(out[k])
        if w.isalpha() and w not in _PREPS and w not in ("and", "or", "to", "the") and _numberish(low(out[k + 1])) \
                and low(out[k + 2]) == w and _numberish(low(out[k + 3])) and low(out[k + 1]) != low(out[k + 3]):
            del out[k:k + 2]
            continue
        k += 1
    k = 1
    while k < len(out) - 1:
        wait = low(out[k]) == "no" and k + 1 < len(out) and low(out[k + 1]) == "wait"
        if low(out[k]) == "actually" and _numberish(low(out[k - 1])) and _numberish(low(out[k + 1])):
            del out[k - 1:k + 1]  # "by friday actually thursday" → "by thursday"
            continue
        if low(out[k]) in ("no", "sorry") and out[k - 1] in (".", "?", "!"):
            k += 1  # "…swap to Sat? Sorry to ask so late": typed after a full stop, a new sentence
            continue
        if low(out[k]) in ("no", "sorry") or out[k] == _MARK or wait:
            j = k + (2 if wait else 1)
            while j < len(out) and (out[j] in (",", _MARK) or low(out[j]) in ("sorry", "no")):
                j += 1
            unsaid = 0  # "carry me no not carry me drive me": the words taken back, said again after "not"
            if j < len(out) and low(out[j]) == "not":  # "the mower no not the mower the hedge trimmer"
                for n in (3, 2, 1):
                    if k - n >= 0 and [low(x) for x in out[j + 1:j + 1 + n]] == [low(x) for x in out[k - n:k]]:
                        j = j + 1 + n
                        unsaid = n
                        break
            if j + 1 < len(out) and low(out[j]) in ("it's", "its") and k >= 2:
                j += 1  # "chapter 3 no its chapter 4"
            nxt = low(out[j]) if j < len(out) else ""
            prev = low(out[k - 1])
            if nxt and nxt == prev and out[k] != "no" and any(c.isalnum() for c in nxt):
                del out[k:j + 1]  # "41 sorry i mean 41", "five sorry five": said again, once
                continue
            if _numberish(prev) and _numberish(nxt):
                start = k - 1
                while start > 0 and (low(out[start - 1]) in _TIMEISH or low(out[start - 1]).isdigit()
                                     or low(out[start - 1]) in ("past", "to") and start >= 2
                                     and (_numberish(low(out[start - 2])) or low(out[start - 2]) == "quarter")):
                    start -= 1  # ("ten past ten no ten forty": the whole first time goes)
                del out[start:j]  # "half eight no nine" → "nine"
                continue
            if nxt in ("my", "the", "his", "her", "a", "our", "your", "this") and k >= 2:
                back = [m for m in range(max(0, k - 5), k - 1) if low(out[m]) == nxt]
                if back:
                    dropped = [low(x) for x in out[back[-1]:k]]
                    del out[back[-1]:j]  # "my ear no my jaw", "the valleys train no the treforest train"
                    e = back[-1]
                    while e < len(out) and low(out[e]) not in ("not",) and e - back[-1] < 6:
                        e += 1
                    if e + 1 < len(out) and low(out[e]) == "not" and low(out[e + 1]) in dropped:
                        del out[e:e + 2]  # "…the total job not shell": the first try named again, gone
                    continue
            if nxt and nxt.isalpha() and j + 1 < len(out) and _numberish(low(out[j + 1])):
                back = [m for m in range(max(0, k - 4), k) if low(out[m]) == nxt]
                if back:
                    del out[back[-1]:j]  # "chapter 3 no its chapter 4" → "chapter 4"
                    continue
            if unsaid and nxt.isalpha() and nxt not in ("and", "but", "or", "i", "it", "it's", "its") \
                    and low(out[k - unsaid]) not in ("the", "my", "a"):
                del out[k - unsaid:j]  # "can you carry me no not carry me drive me" → "drive me"
                continue
            if not wait and out[k] == "no" and nxt.isalpha() and nxt not in _NOT_CORRECTED and k >= 2 \
                    and j == k + 1 and low(out[k - 1]) != nxt and low(out[k - 1]) not in _NO_AS_DETERMINER:
                back = [m for m in range(max(0, k - 4), k - 1) if low(out[m]) == nxt]
                if back:
                    del out[back[-1]:j]  # "while I'm moving hall no moving flat" → "moving flat"
                    continue
            if wait and nxt:
                back = [m for m in range(max(0, k - 8), k) if low(out[m]) == nxt]
                if back:
                    del out[back[-1]:j]  # "when I open the game no wait when I open chrome" → the second
                    continue
            if nxt in _PREPS:
                back = [m for m in range(max(0, k - 4), k) if low(out[m]) == nxt]
                if back:
                    del out[back[-1]:j]  # "from bed no from room four" → "from room four"
                    continue
            titles = lex()["titles"]
            if prev.rstrip(".") in titles and nxt.rstrip(".") in titles:
                del out[k - 1:j]  # "doctor sorry nurse shirin" → "nurse shirin"
                continue
        k += 1
    out = [t for t in out if t != _MARK]  # an "i mean" that put nothing right said nothing
    for m in range(len(out) - 3, -1, -1):  # "on thursday no wednesday its wednesday": the one meant, confirmed
        if low(out[m + 1]) in ("its", "it's") and low(out[m]) == low(out[m + 2]) \
                and (low(out[m]) in _WEEKDAYS or _numberish(low(out[m]))):
            del out[m + 1:m + 3]
    # "before the before sunday": a preposition begun, then said again
    k = 0
    while k + 2 < len(out):
        if low(out[k]) in _PREPS and low(out[k + 1]) in ("the", "a", "my") and low(out[k + 2]) == low(out[k]):
            del out[k:k + 2]
            continue
        k += 1
    return out


_RESTART_FILL = frozenset({"just", "really", "kind", "sort", "of", "also", "still", "actually", "only", "even",
                           "literally", "honestly", "basically", "mean", "um", "uh"})
_RESTART_VERBS = frozenset({"need", "want", "have", "got", "wanted", "needed", "going", "gotta", "wanna"})
#: "I don't I can't…": a subject and its auxiliary begun, then the subject again.
_RESTART_AUX = frozenset({"don't", "dont", "can't", "cant", "won't", "didn't", "do", "can", "will", "was", "am", "just"})


def _drop_restarts(toks: list[str]) -> list[str]:
    """"I just I keep lying awake", "I just need to I need to get out": a subject begun and begun
    again keeps the second start (not "I think I can": that is a sentence inside a sentence)."""
    out = list(toks)
    k = 0
    while k < len(out):
        subj = low(out[k])
        if subj in ("it's", "its") and k + 2 < len(out) and low(out[k + 1]) in ("i", "we", "i'm", "i've", "we're") \
                and (k <= 4 or low(out[k - 1]) in (",", ".", "and", "so", "but", "yeah", "well", "oh")):
            del out[k]  # "its like i twisted my ankle": begun, then said from the start
            continue
        if subj in ("could", "can", "would", "will") and k + 3 < len(out) and low(out[k + 1]) in ("you", "u") \
                and low(out[k + 2]) == subj and low(out[k + 3]) in ("your", "ur", "someone", "somebody", "anyone", "one",
                                                                 "the", "my", "he", "she", "they", "we", "i"):
            del out[k:k + 2]  # "could you could your boy come…": the ask begun, then put to someone else
            continue
        if subj in ("i", "we", "they", "he", "she", "you"):
            j = k + 1
            while j < len(out) and j - k <= 3 and low(out[j]) in _RESTART_FILL:
                j += 1
            if j < len(out) and low(out[j]) in _RESTART_VERBS and j + 1 < len(out) and low(out[j + 1]) == "to":
                j += 2
            if j > k + 1 and j < len(out) and (low(out[j]) == subj or low(out[j]).startswith(subj + "'")):
                del out[k:j]
                continue
            # "I bought the I bought a football": the clause begun again, the second kept
            m = next((m for m in (3, 2) if k + m + 2 < len(out) and low(out[k + m]) == subj
                      and low(out[k + m + 1]) == low(out[k + 1]) and all(is_word(x) for x in out[k + 1:k + m])
                      and low(out[k + m + 2]) != low(out[k + 2])), 0)
            if m:
                del out[k:k + m]
                continue
            if j == k + 1 and j + 1 < len(out) and low(out[j]) in _RESTART_AUX and subj in ("i", "we", "they") \
                    and (low(out[j + 1]) == subj or low(out[j + 1]).startswith(subj + "'")) \
                    and j + 2 < len(out) and low(out[j + 2]) not in (",", ".", "?", "!"):
                del out[k:j + 1]  # "I don't I can't do this anymore": begun, then said another way
                continue
        k += 1
    return out


def _filler_like(out: list[str], lows: list[str], i: int) -> bool:
    """"like" is a filler unless it is the verb ("I like it") or a comparison ("feels like")."""
    d = lex()
    prev = low(out[-1]) if out else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if not nxt:
        return False
    for n in (3, 2, 1):
        if len(out) >= n and [low(t) for t in out[-n:]] == lows[i + 1:i + 1 + n] and any(
                w not in ("i", "it", "to", "a", "the") for w in lows[i + 1:i + 1 + n]):
            return True  # "can you like can you fix it": a restart, "like" between the two tries
    if prev in ("i", "we", "they", "you", "u"):
        return nxt in verbs() or nxt in d["_fillers"] or nxt in ("just", "really", "kinda", "maybe")
    if prev in d["like_kept_after"] or nxt in d["like_kept_before"]:
        return False
    if prev in ("saying", "say", "says", "said", "using", "use", "uses") and lows[i + 1:i + 3] in (
            ["too", "much"], ["too", "often"], ["a", "lot"], ["all", "the"], ["so", "much"], ["every", "other"]):
        return False  # "I keep saying like too much": the word itself
    if nxt in ("we", "i", "they", "he", "she") and any(
            w in ("used", "did", "said", "always", "usually", "normally") for w in lows[i + 2:i + 4]):
        return False  # "video call on sunday like we used to": a comparison
    return True


@lru_cache(maxsize=1)
def _sentence_lines() -> tuple[str, ...]:
    """The sentence-end model's messages (sentences_en.txt, by other writers), read once."""
    from importlib import resources

    text = resources.files("voice_helper.text").joinpath("data", "sentences_en.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if not line.startswith("#"))


@lru_cache(maxsize=1)
def _written_lines() -> tuple[tuple[str, ...], ...]:
    """The words of each of those messages."""
    return tuple(tuple(re.findall(r"[A-Za-z']+", line)) for line in _sentence_lines())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words those messages use in lower case, mid-sentence, at least twice: "are", "wants", "feet"
    — after a title they are not a name ("the doctor wants", "uncle are", "nurse feet sore")."""
    seen: dict[str, int] = {}
    for words in _written_lines():
        for t in words[1:]:
            if t.islower():
                seen[t] = seen.get(t, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= 2)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of those messages, in any case, lower-cased: a capitalised word typed first that
    is not among them ("Kezia") is more likely a name than a word."""
    return frozenset(w.lower() for words in _written_lines() for w in words)


@lru_cache(maxsize=1)
def proper_words() -> frozenset[str]:
    """Words those messages write with a capital mid-sentence and never in lower case ("Jayden",
    "Leeds"), lower-cased: typed first with a capital, they are names too."""
    capital: set[str] = set()
    lower: set[str] = set()
    for line in _sentence_lines():
        for m in re.finditer(r"[A-Za-z']+", line):
            base = m.group(0).removesuffix("'s")
            if not base.isalpha() or len(base) <= 2:
                continue
            if base.islower():
                lower.add(base)
            elif base[:1].isupper() and base[1:].islower() and m.start() > 0 \
                    and not re.search(r"[.!?:;\"(\u2026-]\s*$|^\W*$", line[:m.start()]):
                capital.add(base.lower())  # mid-sentence, not after a stop: written as a name
    return frozenset(capital - lower)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The words of pocketsphinx's English pronouncing dictionary (134,000, names among them), or
    none when pocketsphinx is not installed."""
    try:
        from pocketsphinx import get_model_path
    except Exception:
        return frozenset()
    from pathlib import Path

    path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
    if not path.exists():
        return frozenset()
    return frozenset(line.partition(" ")[0] for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                     if "(" not in line.partition(" ")[0])


def likely_name(word: str) -> bool:
    """A capitalised word typed where a sentence starts ("Lachie!! Kezia had the baby"): a name when
    the messages of other writers never use it and it is a given name or no dictionary word
    ("Forklift's down", "Lambing is full on" are words)."""
    if len(word) <= 3 or not word[:1].isupper() or not word[1:].replace("'", "").islower():
        return False
    base = word.lower().removesuffix("'s")
    if base in proper_words():
        return True  # "Jayden's (8) eczema…": written as a name wherever other writers use it
    if base in known_words():
        return False
    if base in lex()["_names"]:
        return True
    return base not in dictionary_words() and not _typo_of_common(base)


def _typo_of_common(word: str) -> bool:
    """"woudl", "coud": a common word typed with two letters swapped or one left out."""
    for w in common_words():
        if w[:1] != word[:1] or abs(len(w) - len(word)) > 1:
            continue
        if len(w) == len(word) and sorted(w) == sorted(word) and sum(a != b for a, b in zip(w, word)) == 2:
            return True
        if len(w) == len(word) + 1 and any(w[:i] + w[i + 1:] == word for i in range(len(w))):
            return True
    return False


@lru_cache(maxsize=1)
def verbs() -> frozenset[str]:
    from ..nlu import langdata

    return frozenset(langdata.load("en")["verbs"]) | frozenset(lex().get("more_verbs", []))


def _restore(toks: list[str]) -> list[str]:
    d = lex()
    out: list[str] = []
    for k, t in enumerate(toks):
        lt = low(t)
        nxt = low(toks[k + 1]) if k + 1 < len(toks) else ""
        if lt == "2" and nxt in _TEXT_DAYS and t == toks[k]:
            continue  # "2 nite", "2 moro" typed for tonight, tomorrow: the next word says which
        if k > 0 and toks[k - 1] == "2" and lt in _TEXT_DAYS:
            out.append(_TEXT_DAYS[lt])
        elif lt == "i":
            out.append("I")
        elif lt == "ill" and (nxt in d["ill_before"] or nxt in verbs() and nxt not in ("feel", "be", "look", "get")) \
                and (k == 0 or low(toks[k - 1]) not in ("feel", "felt", "feeling", "feels", "was", "am", "is", "are",
                                                        "were", "been", "be", "look", "looks", "seem", "seems", "fell",
                                                        "fall", "falls", "got", "get", "very", "so", "really", "too",
                                                        "quite", "bit", "mentally", "terminally", "seriously")):
            out.append("I'll")  # "ill forward the email"; "I feel ill" stays
        elif lt == "were" and t.islower() and nxt in d["were_as_we_are_before"] \
                and (k == 0 or low(toks[k - 1]) in d["were_as_we_are_after"]):
            out.extend(["we're"])  # "so were having a little do" → we're
        elif lt == "ur" and nxt in ("a", "an", "the", "so", "such", "very", "amazing", "welcome", "right", "going",
                                    "not", "too", "always", "never", "being", "brilliant", "awesome", "the", "my", "gonna",
                                    "coming", "here", "there", "home", "back", "free", "ok", "okay", "sure", "busy"):
            out.append("you're")  # "ur a star", "ur welcome": you are
        elif lt in ("im", "ive", "id") and t.islower():
            rep = d["contractions"][lt]
            out.extend(rep.split(" "))
        elif lt in d["contractions"] and lt not in ("im", "ive", "id", "ill") and (
                t.islower() or lt == "cannot"
                or lt in ("cant", "dont", "wont", "didnt", "doesnt", "isnt", "wasnt", "couldnt", "wouldnt", "shouldnt",
                          "havent", "hasnt", "arent", "youre", "theyre", "thats", "whats")
                and t[:1].isupper() and t[1:].islower()):  # "Cant see properly." typed first in a sentence
            if lt == "lets" and nxt not in ("go", "talk", "meet", "see", "do", "try", "get", "make", "have"):
                out.append(t)
                continue
            if lt == "id":
                out.append(t)  # ID
                continue
            if lt == "its" and nxt in ("own", "way", "name", "owner", "lid", "battery", "screen", "door", "wheel",
                                       "cover", "box", "cable", "back", "top", "side", "handle", "engine", "place"):
                out.append(t)  # "its lid": the possessive
                continue
            out.extend(d["contractions"][lt].split(" "))
        elif lt.startswith("i'"):
            out.append("I" + t[1:])
        elif t.islower() and len(lt) > 3 and lt.endswith("s") and lt[:-1] in d["_names"] and nxt.isalpha() \
                and nxt not in d["not_after_possessive"] and lt not in dictionary_words() and lt not in known_words():
            out.append(lt[:-1] + "'s")  # "for harolds service", "kwames wedding": a name's, said without its '
        elif lt in d["possessive_kin"] and t.islower() and nxt.isalpha() and nxt not in d["not_after_possessive"] \
                and k > 0 and low(toks[k - 1]) in ("my", "your", "his", "her", "our", "their", "the"):
            out.append(t[:-1] + "'s")  # "my mums birthday" → "my mum's birthday"
        elif lt in ("mums", "moms", "mams", "dads", "nans") and t.islower() and k > 0 \
                and low(toks[k - 1]) not in ("my", "your", "his", "her", "our", "their", "the", "a", "some", "other", "all") \
                and (nxt.endswith("ing") and len(nxt) > 4 or nxt in ("not", "out", "away", "off", "home", "gone", "got",
                                                                     "collapsed", "fallen", "had", "been", "hurt",
                                                                     "passed", "broken", "taken")):
            out.append(t[:-1] + "'s")  # "on thursday mums working late" → Mum's (Mum is): a clause of its own
        else:
            out.append(t)
    return out


_TEXT_DAYS = {"nite": "tonight", "moro": "tomorrow", "morrow": "tomorrow", "morro": "tomorrow"}


def _drop_stutter(toks: list[str]) -> list[str]:
    """"I I've been…", "he he's", "my my hearing aid": a word said again as the start of the next is said once."""
    out: list[str] = []
    for k, t in enumerate(toks):
        nxt = low(toks[k + 1]) if k + 1 < len(toks) else ""
        if low(t) == "i" and nxt.startswith("i'"):
            continue
        if low(t) in ("he", "she", "we", "they") and nxt.startswith(low(t) + "'"):
            continue  # "he he's gone grey", "we we're at…": the pronoun, then its contraction
        out.append(t)
    return out


_ASSISTANTS = ("alexa", "siri", "google", "cortana")


def _drop_leading(toks: list[str]) -> list[str]:
    d = lex()
    k = 0
    lows = [low(t) for t in toks[:8]]
    for n in (2, 1):  # "hey alexa no not you…", "ok google stop": said to the speaker in the room, not the helper
        if lows[n - 1:n] and lows[n - 1] in _ASSISTANTS and (n == 1 or lows[0] in ("hey", "ok", "okay", "oi")) \
                and any(w in ("no", "not", "stop", "cancel", "wait", "quiet", "shush") for w in lows[n:n + 2]):
            k = n
            while k < len(toks) and low(toks[k]) in ("no", "not", "you", "stop", "cancel", "wait", "quiet", "shush",
                                                     "sorry", ",", "!", ".", "um", "uh"):
                k += 1
            toks, k = toks[k:], 0
            break
    while k < len(toks) - 2 and [low(t) for t in toks[k:k + 2]] in d.get("leading_pairs", []):
        k += 2  # "now then harold…", "ey up…": a northern hello
    while k < len(toks) - 1 and (low(toks[k]) in d["_leading"] or toks[k] in (",", "-", "…")):
        # "so" and "like" only as hesitations: "so could you" yes, "so tired" no.
        if low(toks[k]) in ("so", "just", "like") and not _opens(low(toks[k + 1])) \
                and low(toks[k + 1]) not in lex()["_leading"] \
                and not ((low(toks[k + 1]) in d["_names"] or low(toks[k + 1]).rstrip(".") in d["titles"])
                         and k + 2 < len(toks) and low(toks[k + 2]) not in (
                    "is", "was", "has", "and", "said", "says", "told", "'s")):  # "okay so kate the drive…"
            break  # "so tired" stays; "so so the…", "so okay the…" are hesitations
        ahead = [low(t) for t in toks[k:k + 4]]
        told = ("you", "everyone", "everybody", "we", "all")
        if ahead[:1] == ["so"] and ahead[1:2] and ahead[1] in told and ahead[2:3] in (["know"], ["knows"]) \
                or ahead[:2] == ["just", "so"] and ahead[2:3] and ahead[2] in told:
            break  # "just so you know, …": what follows is news for them
        if low(toks[k]) in ("hi", "hey", "hello", "hiya") and k + 1 < len(toks) and low(toks[k + 1]) in d["_names"]:
            k += 1
            break
        k += 1
    return toks[k:]


def _opens(word: str) -> bool:
    return word in ("i", "i'm", "i've", "i'll", "my", "could", "can", "would", "will", "please", "um", "uh",
                    "the", "this", "it", "it's", "we", "our", "there", "is", "do", "if", "someone", "you", "like",
                    ",", "sorry", "thanks", "thank") or word in lex()["_fillers"]


#: "over and over and I can't…", "round and round and": the word said twice is the meaning.
_SAID_TWICE_ON_PURPOSE = frozenset({"over", "again", "round", "more", "on", "through", "up", "down", "worse", "better",
                                    "bigger", "louder", "faster"})
_THAT_THAT_BEFORE = frozenset({"i", "you", "he", "she", "we", "they", "my", "your", "his", "her", "our", "their", "the",
                              "a", "an", "it's", "i'm", "he's", "she's", "we're", "they're", "you're", "uncle",
                              "auntie", "aunty", "aunt", "grandma", "grandpa", "mr", "mrs", "ms", "dr", "doctor"})


def collapse_repeats(toks: list[str]) -> list[str]:
    """"help me help me" → "help me"; "would you be able to would you be able to" → once."""
    out = list(toks)
    i = 0
    while i < len(out):
        for n in (6, 5, 4, 3, 2, 1):
            a = [low(t) for t in out[i:i + n]]
            b = [low(t) for t in out[i + n:i + 2 * n]]
            if len(a) == n and a == b and any(is_word(t) for t in a) \
                    and not (n == 2 and a[1] in ("and", "or") and a[0] in _SAID_TWICE_ON_PURPOSE):
                if n == 1 and a[0] in ("very", "really", "so", "bye", "had", "that", "no", "zero", "oh", "one", "two",
                                       "three", "four", "five", "six", "seven", "eight", "nine", "puff", "chin", "choo",
                                       "tut", "pom", "hush", "knock", "yum", "night", "ha", "boo", "pee", "tuk"):
                    if not (a[0] == "that" and i + 2 < len(out) and (
                            low(out[i + 2]) in _THAT_THAT_BEFORE or low(out[i + 2]) in lex()["_names"]
                            or low(out[i + 2]) in lex().get("kin_as_names", []))):
                        continue  # "nine one one", "nine nine nine": numbers said digit by digit
                    # ("tell you that that Uncle Bernard…": "that er that", the filler gone, said twice)
                del out[i + n:i + 2 * n]
                break
        else:
            i += 1
    return out


# --- lemmas and negation --------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def lemmas(word: str) -> frozenset[str]:
    """The word and every base it may come from (fell→fall, bleeding→bleed, breathing→breathe).

    Without a tagger a suffix cannot tell "breath-ing" from "bleed-ing", so both candidates are
    returned and a lexicon lookup decides; that is all the safety rules and the editor need.
    """
    w = low(word)
    out = {w}
    irr = lex()["irregular"]
    if w in irr:
        out.add(irr[w])
    for suffix, rep in (("ies", "y"), ("ied", "y")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.add(w[: -len(suffix)] + rep)
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            out.update({stem, stem + "e"})
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])
    return frozenset(out)


def negated(lows: list[str], i: int, window: int = 3) -> bool:
    """Is the word at ``i`` under a negation within ``window`` words before it?"""
    neg = lex()["_neg"]
    return any(w in neg or w.endswith("n't") for w in lows[max(0, i - window):i])


# --- casing ---------------------------------------------------------------------------------------


#: Words that follow a title without being a name ("the doctor said", "doctor appointment").
_NOT_NAMES_AFTER_TITLE = frozenset({
    "a", "an", "the", "and", "or", "to", "is", "my", "your", "his", "her", "our", "their", "you", "him", "them", "it",
    "me", "us", "this", "that", "home", "out", "about", "up", "on", "in", "at", "so", "too", "said", "says", "told",
    "will", "can", "could", "appointment", "surgery", "office", "when", "where", "who", "what", "how", "why",
    "which", "if", "because", "for", "with", "from", "by", "of", "was", "has", "had", "would", "should", "might",
    "she", "he", "they", "we", "i", "not", "again", "today", "tomorrow", "tonight", "yesterday", "now", "then",
    "there", "here", "and", "but", "as", "after", "before", "until", "while", "visit", "round", "rounds"})


#: After "ask miss …" these are not a surname: "tell miss the news" is rare, "ask miss if…" is not.
_COMMON_AFTER_MISS = frozenset({"if", "whether", "when", "what", "how", "out", "it", "them", "her", "him", "you",
                                "me", "us", "the", "a", "an", "my", "your", "our", "their", "this", "that"})


@lru_cache(maxsize=1)
def call_words() -> frozenset[str]:
    """Words a person is called by: names, family words used as names, address words."""
    d = lex()
    return frozenset(d["_names"]) | frozenset(d.get("kin_as_names", [])) | frozenset(d.get("address_words", {}))


_NOT_A_SPEAKER = frozenset({"me", "him", "her", "them", "you", "time", "fine", "done", "late", "over", "okay", "true", "bad",
                            "good", "hard", "fine", "mine", "yours", "ours", "nothing", "everything", "something", "all",
                            "too", "not", "just", "really", "still", "gone", "broken", "urgent", "important", "ready",
                            "cold", "hot", "dark", "early", "free", "open", "closed", "due", "raining", "today", "tomorrow",
                            "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "been", "being", "going", "got", "getting", "gone", "done", "coming", "there", "here", "now",
                            "that", "this", "what", "the", "and", "again", "fine", "alright", "ok", "sorted", "happening"})


def case_word(t: str, names: set[str] | frozenset[str] = frozenset(), prev: str = "", nxt: str = "") -> str:
    """Proper words, names and "I" capitalised; everything else as said."""
    d = lex()
    lt = low(t)
    if lt == "i":
        return "I"
    if not t.islower():
        return t
    if lt in names:
        return t[:1].upper() + t[1:]
    if lt.endswith("'s") and lt[:-2] in names and lt[:-2] in d["_names"]:
        return t[:1].upper() + t[1:]  # "harold's service"
    if lt in ("auntie", "aunty", "aunt", "uncle", "cousin", "mama", "papa", "nana", "granny", "grandma", "grandpa") \
            and nxt.isalpha() and prev not in ("my", "your", "his", "her", "our", "their", "the", "a", "an") \
            and (nxt[:1].isupper() or case_word(nxt, names, lt, "") != nxt):
        return t[:1].upper() + t[1:]  # "it's auntie rose" → Auntie Rose: her title, said with her name
    if lt in d["_places"] and t.isalpha():
        return t[:1].upper() + t[1:]  # "the training in durban", "tickets for lahore"
    if lt in d["_surnames"] and (prev in d["_names"] or prev.rstrip(".") in d["titles"]):
        return t[:1].upper() + t[1:]  # "priya patel", "dr okafor"
    not_names = _NOT_NAMES_AFTER_TITLE | verbs() | common_words()  # "the district nurse when she comes", "doctor says"
    if prev.rstrip(".") in d["titles"] and prev != "miss" and t.isalpha() and len(t) > 1 and lt not in not_names:
        return t[:1].upper() + t[1:]  # "doctor shah" → Shah
    if lt.rstrip(".") in d["titles"] and lt != "miss" and nxt.isalpha() and nxt.lower() not in not_names:
        return t[:1].upper() + t[1:]  # "doctor shah" → Doctor
    if lt == "miss" and (nxt.lower() in names or prev in ("ask", "tell", "to", "and", "with", "from", "for", "call",
                                                          "email", "text", "thank", "see", "told", "asked")
                         and nxt.isalpha() and nxt.lower() not in not_names and nxt.lower() not in _COMMON_AFTER_MISS):
        return "Miss"  # "ask miss patel", "miss patel"; "I miss my mum" stays
    if prev in ("it's", "its") and nxt.lower() in ("from", "here", "again", "um", "uh") \
            and t.isalpha() and len(t) >= 3 and lt not in _NOT_A_SPEAKER and lt not in verbs() \
            and lt not in d.get("not_names_after_its", []):
        return t[:1].upper() + t[1:]  # "it's bill from number four", "its ray here": who is speaking
    if prev in ("auntie", "aunty", "aunt", "uncle", "nana", "nanna", "grandma", "grandpa", "nanny", "granny") \
            and t.isalpha() and len(t) > 2 and lt not in verbs() and lt not in _NOT_NAMES_AFTER_TITLE \
            and (lt not in common_words() or lt in d["_names"]) \
            and lt not in ("and", "or", "but", "for", "to", "with", "is", "was", "has", "who", "that", "too", "again",
                           "said", "says", "at", "in", "on", "from", "about", "the", "a", "an", "so", "if"):
        return t[:1].upper() + t[1:]  # "see auntie rose" → Rose: a name after the kin word
    if lt in d.get("kin_as_names", []) and prev not in ("my", "your", "his", "her", "our", "their", "a", "the", "new",
                                                          "old", "single", "grand", "step") \
            and not (prev.endswith("'s") and prev not in ("it's", "that's", "here's", "there's", "what's", "who's",
                                                          "he's", "she's", "let's")):  # "Dani's mom": not a name
        return t[:1].upper() + t[1:]  # "sitting with dad" → Dad: a name here, not "my dad"
    if lt in d.get("acronyms", []):
        held = d.get("acronyms_ambiguous", {}).get(lt)
        if held is None or prev in held:
            return t.upper()
    if lt.endswith("s") and lt[:-1] in d["_proper"] and lt[:-1].endswith("day"):
        return t[:1].upper() + t[1:]  # mondays
    if lt in d.get("proper_forms", {}):
        return d["proper_forms"][lt]
    if lt in d["_proper"]:
        if lt in d["proper_ambiguous"] and not (re.fullmatch(r"\d+\w*", nxt or "") or re.fullmatch(r"\d+\w*", prev or "")
                                                or prev in ("in", "on", "of", "by") and lt in ("march", "may")):
            return t
        return t[:1].upper() + t[1:]
    return t


def capitalise(sentence: str) -> str:
    for i, ch in enumerate(sentence):
        if ch.isalpha():
            return sentence[:i] + ch.upper() + sentence[i + 1:]
        if ch.isdigit():
            return sentence
    return sentence
