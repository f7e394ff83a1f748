"""Where a sentence ends in English speech that arrived without punctuation.

Why a learned model beside the editor's rules: a recognizer gives one long lower-case line, and
the rules that split it (an ask starts, "it's on the 12th" after a complete thought) were written
one failure at a time. A logistic regression over the words either side of each gap (and whether
they are numbers or names) finds more of the ends; a few rules of grammar (no end after "the" or
"to", none inside "could someone from IT | call me", none before a word never seen opening a
sentence, no two ends within three words, no "sentence" that is only "your name" or "I think")
keep it from cutting a sentence in two. Where it is sure no sentence ends, the editor's own rules
may not cut either, except to start an ask. A second model of the same kind puts commas in.

Trained on the typed lines of the safety and messages work and on 4,200 punctuated messages
written for it alone (``data/sentences_en.txt``; punctuation stripped, every gap labelled). The
first model knew only the former: on speech from held-out sets 8 and 9 that a person punctuated
(107 recognizer-style lines, 178 ends), ends found were right 0.92 of the time (a comma where the
person put one not counted against) and found 0.74 of the person's; with the 4,200 lines, 0.92 and
0.82. On those sets' typed lines: 0.79 / 0.55 before, 0.85 / 0.74 after. The thresholds were
chosen on those lines, so they are tuning data now; fresh sets and blind readings are the measure
(``scripts/eval_punct.py``; the punctuated speech is ``eval/punct_speech89_en.txt``). Both models are cached with the intent models (``nlu.classifier``),
fitted to convergence with liblinear (two classes, under two seconds each).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import en as te
from .clean import EMOJI_CHARS

if TYPE_CHECKING:
    from ..nlu.classifier import Model

#: A sentence ends where P(end) >= this (chosen on the typed lines above; see the module text).
THRESHOLD = 0.35
#: Below this P(end) the editor's own rules may not cut unpunctuated speech either (chosen with the
#: threshold; on typed lines of held-out sets 8 and 9 it turned 0.89 precision into 0.90 at the
#: same recall).
VETO = 0.1
#: A comma the model puts before a new subject becomes a full stop when P(end) >= this.
SPLICE = 0.1
#: A comma goes where P(comma) >= this: on speech punctuated by a person (held-out sets 8 and 9,
#: recognizer lines), commas found were right 0.85 of the time and found 0.42 of the person's.
COMMA_THRESHOLD = 0.5
_NO_COMMA_AFTER = frozenset({"the", "a", "an", "to", "of", "my", "your", "his", "her", "our", "their", "this", "in",
                             "on", "at", "for", "with", "from", "by", "i", "you", "we", "they", "he", "she", "can",
                             "could", "would", "will", "is", "are", "was", "were", "do", "does", "did"})
#: The shortest sentence the model may cut out of a run ("Can't lift. Arm fix it…" is a misreading).
MIN_WORDS = 3
_END = {".", "?", "!", ";"}
_NONE = "none"


_NUMBER = re.compile(r"[\d:.,\-]+(?:am|pm|st|nd|rd|th|ish)?")


def _shape(word: str) -> str | None:
    """A number or time, or a name: what a word is, for the names and numbers the lines never held
    ("thanks raj | made my train", "…at 2:45 | could you…")."""
    if _NUMBER.fullmatch(word):
        return "NUM"
    return "NAME" if word in te.lex()["_names"] else None


def gap_features(words: list[str], i: int) -> str:
    """The gap before ``words[i]``, as space-separated features (words and pairs by position, and
    the shape of the words beside it)."""
    def w(k: int) -> str:
        return words[k] if 0 <= k < len(words) else ("<s>" if k < 0 else "</s>")

    feats = [f"L1={w(i - 1)}", f"L2={w(i - 2)}", f"L3={w(i - 3)}", f"R0={w(i)}", f"R1={w(i + 1)}",
             f"R2={w(i + 2)}", f"R3={w(i + 3)}", f"L21={w(i - 2)}_{w(i - 1)}", f"L1R0={w(i - 1)}_{w(i)}",
             f"R01={w(i)}_{w(i + 1)}", f"R012={w(i)}_{w(i + 1)}_{w(i + 2)}"]
    for k, pos in ((i - 1, "L1"), (i, "R0"), (i - 2, "L2"), (i + 1, "R1")):
        shape = _shape(words[k]) if 0 <= k < len(words) else None
        if shape:
            feats.append(f"S{pos}={shape}")
    feats.append(f"SL1R0={_shape(w(i - 1)) or w(i - 1)}_{_shape(w(i)) or w(i)}")
    return " ".join(feats)


def labelled_gaps(text: str, commas: bool = False) -> tuple[list[str], list[str]]:
    """One typed line's gaps (features) and whether a sentence ended there ("." or "none"); with
    ``commas``, whether a comma stood there ("," or "none")."""
    feats: list[str] = []
    labels: list[str] = []
    words: list[str] = []
    ends: list[str] = []
    pending = _NONE
    for t in te.clean_tokens(te.tokens(text)):
        if t in _END:
            pending = _NONE if commas else "."  # where, not which mark: the editor decides what asks
        elif t == "," and commas:
            pending = ","
        elif te.is_word(t):
            words.append(te.low(t))
            ends.append(pending)
            pending = _NONE
    for i in range(1, len(words)):
        feats.append(gap_features(words, i))
        labels.append(ends[i])
    return feats, labels


def sentence_lines(lang: str = "en") -> list[str]:
    """The punctuated messages written for this model alone (``data/sentences_en.txt``)."""
    text = resources.files("voice_helper.text").joinpath("data", f"sentences_{lang}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def training_gaps(lang: str = "en", commas: bool = False) -> tuple[list[str], list[str]]:
    """Every gap of the typed, punctuated lines the project holds (never a held-out set), labelled
    with sentence ends, or with commas."""
    feats, ends, marks = _all_gaps(lang)
    return list(feats), list(marks if commas else ends)


@lru_cache(maxsize=1)
def _all_gaps(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The gaps once for both models (reading 15,000 lines takes seconds): features, ends, commas."""
    from ..nlu import langdata

    texts = [str(r["text"]) for r in langdata.load_safety_train(lang, for_sentences=True)] + langdata.safety_ordinary(lang) \
        + [t for t, _ in langdata.extra_examples(lang)] + sentence_lines(lang)
    feats: list[str] = []
    ends: list[str] = []
    marks: list[str] = []
    for text in texts:
        if re.search(r"[.?!]", text):  # typed: its ends (and its one-sentence lines) can teach
            f, y = labelled_gaps(text)
            _, c = labelled_gaps(text, commas=True)
            feats += f
            ends += y
            marks += c
    return tuple(feats), tuple(ends), tuple(marks)


@lru_cache(maxsize=2)
def model(cache_dir: Path | None = None) -> Model:
    from ..nlu import classifier

    return classifier.load_model("en", cache_dir, kind="punct")


@lru_cache(maxsize=2)
def comma_model(cache_dir: Path | None = None) -> Model:
    from ..nlu import classifier

    return classifier.load_model("en", cache_dir, kind="comma")


_NO_END_AFTER = frozenset({"to", "with", "for", "from", "at", "by", "of", "and", "or", "but", "the", "a", "an", "my",
                           "your", "his", "her", "our", "their", "on", "in", "into", "about", "is", "are", "was", "if",
                           "because", "cos", "coz", "cuz", "cause", "so", "than", "that", "could", "can", "would",
                           "will", "should", "i", "we",
                           "you", "they", "he", "she", "very", "really", "too", "some", "any", "no", "this",
                           # what was said follows a reporting verb: "the nurse said | I need…" is one
                           "said", "says", "say", "told", "tells", "asked", "think", "thought", "know", "knew",
                           "wonder", "wondering", "hope", "guess", "mean", "sure", "reckon", "realised", "realized",
                           "thinks", "reckons", "believes", "believe", "means", "hopes", "knows", "feels",
                           # a clause goes on after these ("…my old number which | I don't have", "if youd | fancy…")
                           "which", "till", "until", "unless", "whether", "whose", "youd", "you'd", "i'd", "we'd",
                           "they'd", "he'd", "she'd"})
#: ... and a modal or auxiliary opens one only as a question to someone ("could you", "is there"),
#: not as the rest of a clause ("any chance Fatima | could type…").
_AUX = frozenset({"could", "can", "would", "will", "should", "might", "may", "is", "are", "do", "does", "did",
                  "have", "has"})  # not "can't": "…fell down | can't lift arm" is a sentence
_NEG_AUX = frozenset({"can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "couldn't",
                      "wouldn't", "hasn't", "haven't"})
#: Verbs that follow the noun just named as its subject ("the new tablets | make me dizzy").
_SUBJECT_VERBS = frozenset({"make", "makes", "made", "keep", "keeps", "kept", "hurt", "hurts", "give", "gives",
                            "gave", "stopped", "stops", "broke", "says", "said", "needs", "leaks", "leaked"})
_DETERMINERS = frozenset({"the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that"})
_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "it", "someone", "somebody", "anyone", "anybody",
                       "there", "that", "this", "u", "y'all", "everyone", "one", "whoever", "whoevers",
                       "whoever's", "any", "either", "someone's", "somebody's"})
#: A sentence that opens with one of these leads with its clause: "since the wife went into the
#: home, the house is so quiet…" (the editor puts the comma there).
_LEADING = frozenset({"since", "because", "when", "if", "after", "before", "while", "although", "though", "once",
                      "as"})


#: Past forms that make or handle a thing and need it ("the cake I made", "the greeting I recorded"),
#: for a relative clause; not "started", "moved" ("the timesheet | I started on Monday").
_MADE = frozenset({"made", "bought", "wrote", "sent", "got", "took", "gave", "found", "left", "brought", "kept", "did",
                   "had", "put", "set", "read", "saw", "built", "drew", "sold", "won", "paid", "lent", "borrowed",
                   "recorded", "printed", "cooked", "baked", "painted", "posted", "filled", "booked", "ordered",
                   "emailed", "attached", "uploaded", "downloaded", "signed", "knitted", "typed", "scanned", "saved",
                   "installed", "fixed", "wrapped", "packed", "drafted", "designed"})
#: Before a question that opens with "is the…": what a person says first ("sorry, is the…").
_QUESTION_LEADS = frozenset({"sorry", "so", "and", "but", "please", "hi", "hey", "hello", "ok", "okay", "also", "just",
                             "quick", "question", "right", "oh", "um", "uh"})
_DAY_TIMES = frozenset({"morning", "afternoon", "evening", "night", "tonight", "tomorrow", "today", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "around", "about"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "so", "because", "cos", "cause"})
#: Before a name, the speaker's own ("it's Leo", "my name is Ana").
_SELF_INTRO = frozenset({"is", "am", "it's", "its", "i'm", "im", "called", "named", "name's"})


_TIME_PREPS = frozenset({"at", "by", "around", "about", "from", "till", "until", "before", "after", "since", "past"})
_MINUTES = frozenset({"oh", "o", "five", "ten", "fifteen", "twenty", "twenty-five", "thirty", "thirty-five", "forty",
                      "forty-five", "fifty", "fifty-five", "o'clock"})
_DIGITS = frozenset({"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double"})
_CLOCK = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"})


#: Nouns a number names ("week eight", "room twelve", "chapter five").
_NUMBERED = frozenset({"week", "chapter", "page", "room", "floor", "flat", "number", "level", "year", "grade", "step",
                       "unit", "bus", "platform", "gate", "table", "section", "part", "question", "exercise", "lesson",
                       "apartment", "ward", "bed", "bay", "block", "lot", "seat", "row", "line", "route", "stage",
                       "module", "form", "class", "house", "door", "plot", "court", "terminal", "aisle", "locker",
                       "slide", "slides", "figure", "item", "box", "tab", "sheet", "point", "q", "paragraph", "stand",
                       "pump", "stop", "pitch", "counter", "desk", "window", "entrance", "exit", "car", "coach"})
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "nineteen"})
_TEENS = frozenset({"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "zero", "oh", "double"})
_MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})
_SIZE_WORDS = frozenset({"massive", "huge", "big", "quick", "little", "great", "special", "very", "real", "proper",
                         "small", "short", "long", "whole", "final", "brief", "tiny", "enormous", "heartfelt", "warm"})


def _number(word: str) -> bool:
    return word in _CLOCK or word.isdigit()


def _question_without_verb(words: list[str], i: int) -> bool:
    """"could someone from the office | reset it": a question opened ("could someone", "is there")
    whose verb has not come yet cannot end."""
    for k in range(i - 2, max(-1, i - 6), -1):
        if words[k] in ("is", "are", "was", "were") and words[k + 1] in ("the", "my", "your", "our", "this", "that") \
                and (k == 0 or words[k - 1] in _QUESTION_LEADS):
            return True  # "sorry is the maths homework | the one on page 42": the question's answer is to come
    for k in range(i - 2, max(-1, i - 9), -1):
        if words[k] in _AUX and words[k + 1] in _SUBJECTS:
            return not any((w in te.verbs() or w.endswith(("ed", "ing"))) and words[j - 1] not in _DETERMINERS
                           and words[j - 2] not in _DETERMINERS  # "the office phone" is no verb
                           for j, w in enumerate(words[k + 2:i], k + 2))
    return False


def _subject_said_twice(words: list[str], i: int) -> bool:
    """"…and my husband | he…", "it's just that the meds from the pharmacy | they gave me…": a noun
    phrase opened after "and" or "that" with no verb yet, then its pronoun."""
    if words[i - 2] in _CONJUNCTIONS:
        return True
    for k in range(i - 2, max(0, i - 7), -1):
        if words[k] in _DETERMINERS and words[k - 1] in _CONJUNCTIONS | {"that", "since", "when", "if"}:
            return not any(w in te.verbs() or w in _AUX or w in _NEG_AUX for w in words[k + 1:i])
    return False


#: An if-phrase that only softens the ask before it.
_IF_TAILS = (["if", "you", "can"], ["if", "you", "could"], ["if", "possible"], ["if", "poss"], ["if", "that's", "okay"],
             ["if", "that's", "ok"], ["if", "you're", "able"], ["if", "you", "don't", "mind"])


def tail_fragment(tail: list[str]) -> bool:
    """A sentence that would be only these words is a piece of the one before: "…remembered | your
    name", "…the way | it is", "…the wrong strength | i think | could you…"."""
    if tail in _IF_TAILS:
        return True  # "…the report by thursday | if you can"
    if not tail or len(tail) > 2:
        return False
    # ("…he really liked | the chat", "…I actually passed | the mock": a noun phrase is the verb's object)
    return tail[0] in ("your", "my", "our", "his", "her", "their", "the", "a", "an") or tail in (
        ["i", "think"], ["i", "guess"], ["i", "mean"], ["i", "suppose"], ["i", "reckon"], ["i", "swear"], ["i", "promise"],
        ["i", "hope"], ["it", "is"], ["it", "was"], ["please"])


#: An auxiliary that needs its verb after it ("your mum won't | let me go up").
_NEEDS_VERB = frozenset({"won't", "wont", "can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
                         "wouldn't", "wouldnt", "couldn't", "couldnt", "shouldn't", "will", "would", "can", "could",
                         "should", "must", "might", "may", "shall"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "tenth", "eighteenth", "twenty-first",
                       "fortieth", "fiftieth"})
_ONES = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_HOURS = _ONES | {"ten", "eleven", "twelve"}
_MINUTE_WORDS = frozenset({"ten", "fifteen", "twenty", "thirty", "forty", "forty-five", "fifty", "o'clock", "oh"})


def _wh_progressive(words: list[str], i: int) -> bool:
    """``words[i]`` is the -ing verb of a wh-question begun just before ("when is the course | starting")."""
    cur = words[i]
    return cur.endswith("ing") and len(cur) > 5 and cur not in (
        "something", "anything", "nothing", "everything", "morning", "evening", "thing", "ring", "spring", "king") \
        and any(words[k] in ("when", "what", "where", "why", "how", "who") and words[k + 1] in ("is", "are", "was", "were")
                and not any(w in te.verbs() or w in _AUX for w in words[k + 2:i]) for k in range(max(0, i - 7), i - 2))


_EMOJI = re.compile(rf"[{EMOJI_CHARS}\U0001F3FB-\U0001F3FF\u200d\ufe0f]+")


def _is_emoji(t: str) -> bool:
    return _EMOJI.fullmatch(t) is not None


def _unknown_word(w: str) -> bool:
    return w.isalpha() and len(w) >= 2 and w not in te.common_words() and w not in te.verbs()


def held_together(words: list[str], i: int) -> bool:
    """Word pairs a sentence never ends between, whoever proposes the cut (the model, or the
    editor at an ask): "won't | let me go", "by | any chance", "once | we're home", "forty | two
    Ashgrove Road", "for Riya's | first birthday", "want it | signed by Friday"."""
    prev, cur = words[i - 1], words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev in _NEEDS_VERB and cur.isalpha() and cur not in _SUBJECTS and cur not in _SPLICE_SUBJECTS \
            and cur not in _AUX and cur not in _NEG_AUX and cur not in ("please", "so", "but", "and", "sorry", "thanks"):
        return True
    if i >= 2 and words[i - 2] in ("pay", "give", "owe", "lend", "send", "bring", "buy", "get", "make", "cook", "fix",
                                   "save", "leave", "show", "teach") \
            and prev in ("me", "him", "her", "them", "you", "us") and cur not in _SUBJECTS and cur not in _SPLICE_SUBJECTS \
            and cur not in _AUX and cur not in _NEG_AUX and cur not in _CONJUNCTIONS \
            and cur not in ("please", "sorry", "thanks", "if", "when", "tomorrow", "today", "tonight", "later", "now"):
        return True  # "I'll pay him | twenty quid": what is given
    if prev in ("thinking", "think", "thinks", "thought", "reckon", "reckons", "realise", "realize", "believe",
                "worried", "afraid", "scared", "sure", "glad", "hoping", "pretend", "pretending") \
            and cur in ("i'm", "im", "he's", "she's", "it's", "you're", "they're", "we're", "i'd", "i've"):
        return True  # "I don't want him thinking | I'm thick": what is thought
    if prev in _HOURS and cur in _MINUTE_WORDS and (i < 2 or words[i - 2] in ("the", "at", "by", "till", "until", "from",
                                                                           "around", "about", "half", "catch", "get")):
        return True  # "catch the seven | twenty": one time
    if prev == "incase" or words[i - 2:i] == ["in", "case"]:
        return True  # "I don't want to delete anything incase | its important"
    if prev in ("someone", "somebody", "anyone", "anybody") and cur in ("i", "we", "you") \
            and nxt in ("could", "would", "might") and i >= 2 \
            and words[i - 2] in ("there", "there's", "is", "find", "know", "have", "got", "any", "need"):
        return True  # "is there someone | I could talk to": who, not a new sentence
    if cur in ("thanks", "thank", "sorry", "hi", "hello", "congratulations", "congrats") \
            and any(w in ("tell", "told", "say", "pass", "give") for w in words[max(0, i - 3):i - 1]):
        return True  # "please also tell your wife | thanks for the sweets": what to pass on
    if i >= 2 and words[i - 2] in ("want", "wants", "have", "had", "keep", "leave", "left", "see", "saw", "catch", "get",
                                   "got", "hear", "heard") \
            and prev in ("them", "him", "her", "me", "you", "us", "people", "everyone") and cur.endswith("ing") and len(cur) > 4:
        return True  # "I don't want them | thinking I'm lazy": what they would be doing
    if prev == "by" and cur == "any" and nxt == "chance":
        return True
    if i >= 2 and words[i - 2] in ("it's", "its") and (i == 2 or words[i - 3] not in ("and", "but", "because")) \
            and _unknown_word(prev) and _unknown_word(cur) and cur not in _SUBJECTS and cur not in _AUX \
            and (cur in te.lex()["_names"] or cur not in te.known_words()):
        return True  # "it's wei | jie": a name of two words, neither of them a word of English
    if i >= 3 and words[i - 3] in ("was", "is", "wasn't", "isn't") and words[i - 2] == "it" \
            and prev in ("today", "tomorrow", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "here", "there", "you", "him", "her", "this", "that") \
            and cur in ("i", "we", "you", "he", "she", "they") \
            and (nxt in ("had", "was", "were", "got", "did", "went", "saw", "said", "left", "put", "told", "took", "came",
                         "made", "paid", "sent", "have", "see", "need") or nxt.endswith("ed")):
        return True  # "was it today | I had the eye doctor": the question goes on, it is a cleft
    if i >= 2 and words[i - 2] in ("after", "before") and prev in ("work", "school", "lunch", "dinner", "tea", "church",
                                                                 "class", "shift", "college", "uni") \
            and (_number(cur) or cur in _HOURS or cur in ("half", "quarter", "about", "around")):
        return True  # "after work | five thirty": when, said twice over
    if (prev in te.verbs() or prev in ("drive", "ride", "lift", "carry", "move", "fix", "open", "push", "use", "start"))\
            and cur in ("the", "that", "this") and words[i + 2:i + 3] in (["thing"], ["one"], ["lot"]) \
            and nxt not in te.verbs():
        return True  # "…let alone drive | the bloody thing": the verb's object, with a word on it
    if cur in ("kind", "sort") and nxt == "of" and i + 2 < len(words) \
            and (words[i + 2].endswith("ed") or words[i + 2] in te.verbs()):
        return True  # "the fireworks last night | kind of messed me up": a hedge on the verb to come
    if cur.endswith("ed") and len(cur) > 4 and nxt in ("me", "us", "him", "her", "them", "everything", "everyone", "up") \
            and any(words[k] in _DETERMINERS | {"those", "these"} and (k == 0 or words[k - 1] not in te.verbs()
                                                                      and not words[k - 1].endswith("ed")
                                                                      and words[k - 1] not in _AUX)
                    and not any(w in te.verbs() or w in _AUX or w in _NEG_AUX or w.endswith("ed") or w in _SUBJECTS
                                for w in words[k + 1:i])
                    for k in range(max(0, i - 7), i - 1)):
        return True  # "the fireworks next door last night | messed me up": the noun said, then what it did
    if _wh_progressive(words, i):
        return True  # "when is your school holiday | starting": the question's own verb comes last
    if prev == "once" and (cur in _SUBJECTS or cur in _SPLICE_SUBJECTS or cur in ("we're", "you're", "they're", "i'm",
                                                                               "he's", "she's", "it's")) \
            and nxt not in ("just", "really", "want", "wanted", "need", "think", "feel", "am", "have", "was", "don't",
                            "can't", "also", "only", "please"):
        return True  # ("call me in the evening once | I just want to talk": once, said as "please")
    if cur == "if" and prev in ("worries", "worry", "problem", "probs", "fine", "okay", "ok", "alright", "bother", "stress"):
        return True  # "no worries if you're busy"
    if prev in _TENS and cur in _ONES:
        return True
    if cur in _ORDINALS and nxt.isalpha() and nxt not in _SUBJECTS and nxt not in ("of", "thing", "things", "time",
                                                                                  "off", "and", "then") \
            and prev not in _CONJUNCTIONS and prev.replace("'", "").isalpha():  # ("for Riya's | first birthday")
        return True
    if i >= 2 and words[i - 2] in ("want", "wants", "need", "needs", "get", "got", "have", "had") \
            and prev in ("it", "them", "this", "that") and cur.endswith("ed") and len(cur) > 3:
        return True
    return False


def possible_end(words: list[str], i: int) -> bool:
    """Whether a sentence may end before ``words[i]`` at all (the model decides whether it does)."""
    if words[i - 2] in ("tell", "told", "remind", "promise", "assure", "show", "convince") \
            and words[i - 1] in ("me", "him", "her", "them", "us", "you") and words[i] in _SPLICE_SUBJECTS | {"you're"}:
        return False  # "…someone to tell me | I'm not crazy": what they are told
    if words[i - 1] in _NO_END_AFTER or words[i - 2:i] == ["the", "way"] or tail_fragment(words[i:]):
        return False  # ("with my knee the way | it is" is one sentence)
    if words[i - 1] in _DAY_TIMES and words[i + 1:i + 2] in (["ish"], ["o'clock"], ["am"], ["pm"], ["thirty"],
                                                            ["fifteen"], ["forty-five"], ["or"]):
        return False  # "…on thursday morning | nine ish": the time of the day just said
    if words[i - 2] in _TIME_PREPS and _number(words[i - 1]) and words[i] in _MINUTES:
        return False  # "…arrived this morning at six | ten": one time, 6:10
    if words[i:i + 2] in (["if", "possible"], ["if", "poss"], ["if", "you", "can"]) and i + 2 < len(words) \
            and words[i + 2] in ("my", "thanks", "thank", "please", "i", "it's", "this"):
        return False  # "…for next week | if possible | my name's…": the if-phrase closes the ask before it
    if words[i - 1] in _DIGITS and words[i] in _DIGITS:
        return False  # "account four four | seven two one": one number said digit by digit
    for k in range(i - 1, max(-1, i - 5), -1):
        if words[k] in ("since", "because", "although", "while", "until", "unless") and k + 1 < i \
                and words[k + 1] in ("the", "my", "his", "her", "our", "their", "your", "a", "an") and not any(
                w in te.verbs() or w in _AUX or w in _NEG_AUX or w.endswith(("ed", "ing")) for w in words[k + 1:i]):
            return False  # "…but since the redundancy | I've just been…": the clause has no verb yet
    if words[i - 1] in _NUMBERED and (_number(words[i]) or words[i] in _TENS or words[i] in _TEENS):
        return False  # "the reading for week | eight", "room | twelve": the number names it
    if words[i - 2:i - 1] == ["of"] and words[i - 1] in _MONTH_NAMES and (words[i] in _TENS or words[i] in _TEENS
                                                                         or words[i].isdigit()):
        return False  # "born the third of march | forty one": the year of that date
    if words[i - 2] in ("a", "an") and words[i - 1] in _SIZE_WORDS:
        return False  # "to say a massive | thank you": the noun comes after
    if words[i - 1] == "me" and words[i - 2] in ("with", "on", "in", "of", "off", "under", "for", "at") \
            and words[i] not in _SUBJECTS and words[i] not in _AUX and words[i] not in _NEG_AUX \
            and words[i] not in _DAY_TIMES and words[i] not in ("sorry", "please", "thanks", "thank", "cheers", "maybe",
                                                                "now", "later", "then", "again", "too", "as", "or") \
            and words[i] not in _DETERMINERS and words[i] not in _CONJUNCTIONS and words[i] not in _SPLICE_SUBJECTS:
        return False  # "…the clutch with me | foot in this boot": me for my, one sentence
    if words[i - 1] in ("o", "mc", "mac", "de", "van", "von", "le", "st") and i >= 2 \
            and (words[i - 2].rstrip(".") in te.lex()["titles"] or words[i - 2] in te.lex()["_names"]):
        return False  # "mrs o | connor": one name (O'Connor)
    if held_together(words, i):
        return False
    if words[i - 1] == "otherwise":
        return False  # "…today itself | otherwise | we will miss…": otherwise opens what follows
    if words[i - 1] in ("hear", "see", "feel", "watch", "let", "make", "heard", "saw", "felt", "watched", "notice",
                        "noticed", "help") and words[i] in ("it", "him", "her", "them", "me", "us"):
        return False  # "I can't hear | it ring": what is heard, not a new sentence
    if words[i] in ("just", "only") and words[i + 1:i + 2] in (["the"], ["a"], ["my"], ["some"], ["one"], ["two"]) \
            and words[i - 1] in ("hurt", "injured", "damaged", "broken", "fine", "okay", "ok", "alright", "lost", "missing"):
        return False  # "nobody was hurt | just the plates": what was, said after
    if words[i] in ("first", "second", "third") and words[i + 1:i + 2] == ["time"] and i >= 2 \
            and words[i - 1] not in _CONJUNCTIONS:
        return False  # "I passed my driving test | first time": how, not a new sentence
    if words[i - 1] == "like" and words[i] in ("we", "i", "they", "he", "she", "you") and any(
            w in ("used", "did", "said", "always", "usually", "normally") for w in words[i + 1:i + 3]):
        return False  # "…on sunday like | we used to"
    if words[i] == "who" and any(w in ("anyone", "anybody", "someone", "somebody") for w in words[max(0, i - 5):i]):
        return False  # "is there anyone from the bank | who could come in": who they are
    if words[i] in ("he", "she", "it", "they") and _subject_said_twice(words, i):
        return False  # "…since monday and my husband | he cannot…": the subject said twice, one clause
    if _question_without_verb(words, i) or words[0] in _LEADING and i <= 8:
        return False
    from ..compose.en import relative_clause  # the editor's own test: "the room | I'm staying in"

    if words[i] in ("i'm", "we're", "they're", "you're") and relative_clause(words, i):
        return False  # (only this form: on the typed lines its other forms cost more ends than they saved)
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if words[i] in ("i", "we", "you") and nxt in _MADE \
            and relative_clause(words, i) and words[i + 2:i + 3] not in (
                ["it"], ["them"], ["him"], ["her"], ["me"], ["us"], ["you"], ["this"], ["that"], ["there"]):
        return False  # "the voicemail greeting | I recorded for the shop": the thing, then who did it
        # (not "…the manager | I finished it at six": that verb has its own object)
    if words[i].endswith("ing") and (words[i - 1] in te.verbs() or words[i - 1] in ("help", "time", "trouble")):
        return False  # "I need help | finishing the project" is one sentence
    if i + 1 >= len(words) or words[i + 1] in _SUBJECTS or words[i + 1] in _DETERMINERS:
        return True  # "could you…", "could your lad…", "can the nurse…": a question opens
    if words[i] in _AUX:
        return False
    # "…and the dog | can't get out": a noun just named is the subject of the negative that follows
    # (and "the shared drive | won't let me save": the noun may have a word or two before it)
    # (and "the shared drive | won't let me save": the noun may have a word or two before it, when it
    # opens the sentence: "…lid on the pickle jar | can't open" and "the bins tuesday | can't lift" end)
    return not ((words[i] in _NEG_AUX or words[i] in _SUBJECT_VERBS) and any(
        words[k] in _DETERMINERS and (k == i - 2 or k <= 1 or words[k - 1] in te.lex()["_names"])
        and not any((w in te.verbs() and not (j == 0 and w.endswith("ed"))) or w in _AUX or w in _NEG_AUX
                    or w in _DAY_TIMES for j, w in enumerate(words[k + 1:i - 1]))
        and words[i - 1] not in _AUX and words[i - 1] not in _DAY_TIMES and words[i + 1:i + 2] != ["you"]
        for k in range(max(0, i - 4), i - 1)))


def _starts_sentences(m: Model, word: str) -> bool:
    """Whether the training lines taught that ``word`` opens sentences: "table | six", "expense |
    claims" and "room | b" are one noun, and those words never opened one."""
    w = m.weights.get(f"R0={word}")
    if w is None:
        return False
    k = m.classes.index(_NONE)
    return any(x > w[1][k] for j, x in enumerate(w[1]) if j != k)


def find_ends(words: list[str]) -> dict[int, str]:
    """Gap index → "." or "?": the likely ends, strongest first, none within ``MIN_WORDS`` of a
    stronger one ("…by end of day | thursday | is there…" keeps only the second)."""
    m = model()
    scored: list[tuple[float, int, str]] = []
    last_ok = frozenset(te.lex()["last_word_sentences"])
    for i in range(2, len(words)):  # never after the first word, and before the last only for "anyone"
        if i == len(words) - 1 and words[i] not in last_ok:
            continue
        if not possible_end(words, i):
            continue
        if not _starts_sentences(m, words[i]):
            continue
        p = m.proba(gap_features(words, i))
        end = 1.0 - p.get(_NONE, 1.0)
        if end >= THRESHOLD:
            # the mark is only a full stop: whether a sentence asks is the editor's call, from its
            # opening words ("could you…"), which it gets right more often than the model's "?"
            scored.append((end, i, "."))
    ends: dict[int, str] = {}
    names = te.lex()["_names"]
    for _, i, mark in sorted(scored, reverse=True):
        if words[i - 1] in names and words[i] in _AUX and words[i + 1:i + 2] == ["you"] and i - 1 >= 2 \
                and words[i - 2] not in _SELF_INTRO and not (i >= 3 and words[i - 3] in _SELF_INTRO
                                                             and words[i - 2] not in te.common_words()):
            # (not "it's leo | can you…": Leo is the speaker; nor "it's wei jie | can you…")
            i -= 1  # "…for march daniel | could you…": the name calls the helper, so it opens the ask
        if all(abs(i - j) >= MIN_WORDS for j in ends):
            ends[i] = mark
    for i in range(3, len(words)):
        if words[i - 3:i] == ["god", "bless", "you"] and words[i] in _SPLICE_SUBJECTS and i not in ends:
            ends = {j: mk for j, mk in ends.items() if abs(j - i) >= 2}
            ends[i] = "."  # "…god bless you | I will pay back…": a blessing closes its sentence
    for i in range(3, len(words) - 1):
        if words[i - 1] in ("am", "pm") and _number(words[i - 2]) and words[i] in ("i", "we", "it's", "its", "i'm", "im") \
                and (words[i + 1] in _NEG_AUX or words[i + 1] in te.verbs() or words[i + 1] in ("can't", "cant", "have",
                                                                                             "need", "really", "just")) \
                and all(abs(i - j) >= 2 for j in ends):
            ends[i] = "."  # "…for my eight am | I can't do the crutches": the time ends it, no "am I"
        if words[i - 1].endswith("ing") and words[i] in ("we", "i", "you", "they", "i'm", "we're", "it's", "my", "our") \
                and i >= 2 and _wh_progressive(words, i - 1) and all(abs(i - j) >= 2 for j in ends):
            ends[i] = "."  # "when is the course starting | we need to buy goggles": the question's verb ends it
    for i in sorted(ends):
        following = min([j for j in ends if j > i], default=len(words))
        if tail_fragment(words[i:following]):
            del ends[i]  # "…the wrong strength | i think | could you…": "I think" ends the first
    return ends


#: Clauses that lead into the sentence after them ("when you come Saturday, you can…").
_LEADS = frozenset({"when", "once", "whenever", "if", "after", "before"})
_LEAD_SUBJECTS = frozenset({"you", "u", "ya", "i", "we", "he", "she", "they"})
_MAIN_OPENERS = frozenset({"you", "u", "i", "we", "i'll", "ill", "i'd", "we'll", "that", "that'd", "that'll", "it", "it'd",
                           "it'll", "just", "please", "could", "can", "would", "will"})


def _lead_clauses(words: list[str], ends: dict[int, str]) -> tuple[dict[int, str], set[int]]:
    """A "when/if" clause cut off from the sentence it leads into is joined to it by a comma:
    "when you come saturday | you can climb up" and "it is too heavy | if you can come by after
    seven, I will really appreciate it" (the if belongs with the thanks that answers it, not with
    what came before). Returns the ends and the gaps that get a comma instead."""
    ends = dict(ends)
    commas: set[int] = set()
    grateful = [g.split() for g in te.lex().get("grateful_openers", [])]
    for e in sorted(ends):
        if e not in ends or ends[e] != ".":
            continue
        start = max([j for j in ends if j < e], default=0)
        following = min([j for j in ends if j > e], default=len(words))
        nxt = words[e:following]
        if not nxt or nxt[0] not in _MAIN_OPENERS:
            continue
        for k in range(start, e - 2):
            if words[k] not in _LEADS or words[k + 1] not in _LEAD_SUBJECTS or e - k > 10:
                continue
            if any(w in _LEADS and words[j + 1:j + 2] and words[j + 1] in _LEAD_SUBJECTS
                   for j, w in enumerate(words[k + 1:e - 1], k + 1)):
                break  # another clause of its own ("when you come, if you have time")
            before = words[start:k]
            if len(before) <= 2 and not any(w in te.verbs() or w in _AUX or w in _NEG_AUX for w in before):
                del ends[e]  # "darling when you come saturday, you can climb up…"
                commas.add(e)
            elif words[k] == "if" and len(before) >= 3 and len(nxt) <= 8 \
                    and any(nxt[:len(g)] == g for g in grateful):
                del ends[e]  # "…too heavy. If you can come by after seven, I will really appreciate"
                commas.add(e)
                ends[k] = "."
            break
    return ends, commas


def end_probability(words: list[str], i: int) -> float:
    """P(a sentence ends before ``words[i]``), by the model alone."""
    return 1.0 - model().proba(gap_features(words, i)).get(_NONE, 1.0)


def unlikely_ends(toks: list[str]) -> frozenset[int]:
    """Token indices in unpunctuated speech where the model is sure no sentence ends (P < ``VETO``):
    the editor's rules may not cut there ("…keeps freezing every time | I open the calendar")."""
    index = [k for k, t in enumerate(toks) if te.is_word(t)]
    words = [te.low(toks[k]) for k in index]
    return frozenset(index[i] for i in range(1, len(words)) if end_probability(words, i) < VETO)


def find_commas(words: list[str], ends: set[int] | dict[int, str]) -> set[int]:
    """Gap indices where a comma goes ("sorry, I know you're busy", "Ben, mate, can you…", "milk,
    bread and…"): P(comma) >= ``COMMA_THRESHOLD``, never beside a sentence end or after a word that
    a phrase continues from ("the", "to")."""
    m = comma_model()
    lex = te.lex()
    out: set[int] = set()
    for i in range(1, len(words) - 1):
        if i in ends or i - 1 in ends or i + 1 in ends or words[i - 1] in _NO_COMMA_AFTER:
            continue
        if words[i] in lex["_names"] and (words[i - 1] in lex["titles"] or words[i - 1] in lex["address_words"]
                                          or words[i - 1] in ("nurse", "aunty", "sister", "brother", "cousin")):
            continue  # "Nurse Ben", "Aunty Grace": one name
        p = m.proba(gap_features(words, i))
        if p.get(",", 0.0) >= COMMA_THRESHOLD:
            out.add(i)
    return out


_SPLICE_SUBJECTS = frozenset({"i", "he", "she", "they", "we", "it", "i'm", "he's", "she's", "they're", "we're",
                              "it's", "i've", "i'll", "there's"})


def _after_clause(words: list[str], i: int, ends: dict[int, str]) -> bool:
    """``words[i]`` follows a whole clause: four words or more since the last end, not led by
    "if", "when"… ("No rush, I…" and "If you can, I'll…" are leads)."""
    start = max([j for j in ends if j < i], default=0)
    return i - start >= 4 and words[start] not in _LEADING


def _comma_splice(words: list[str], i: int, ends: dict[int, str]) -> bool:
    """A comma before a new subject after a whole clause joins two sentences ("…with my brother, he
    can't…"): an end, when the model gives one a fair chance (P >= ``SPLICE``). Not after a short lead
    ("No rush, I just…", "Sorry, I know…") nor inside a clause that leads ("If you can, I'll…")."""
    if words[i] not in _SPLICE_SUBJECTS or not possible_end(words, i):
        return False
    if not _after_clause(words, i, ends) or any(abs(i - j) < MIN_WORDS for j in ends):
        return False
    return end_probability(words, i) >= SPLICE


def punctuate(toks: list[str]) -> list[str]:
    """The tokens with "." inserted where a sentence ends and "," where a comma goes; unchanged
    when the person (or their keyboard) already punctuated them."""
    if any(t in _END for t in toks):
        return toks
    index = [k for k, t in enumerate(toks) if te.is_word(t)]
    words = [te.low(toks[k]) for k in index]
    if len(words) < 4:
        return toks
    found, lead_commas = _lead_clauses(words, find_ends(words))
    at = find_commas(words, found) | lead_commas if "," not in toks else set()
    for i in sorted(at):
        if _comma_splice(words, i, found):
            found[i] = "."  # "I live with my brother, he can't climb…": two sentences
            at.discard(i)
        elif words[i] in _SPLICE_SUBJECTS and _after_clause(words, i, found):
            at.discard(i)  # a new subject after a whole clause: the editor's rules decide, not a comma
    commas = {index[i] for i in at}
    ends = {index[i]: mark for i, mark in found.items()}
    for k in range(1, len(toks) - 1):
        if _is_emoji(toks[k]) and te.is_word(toks[k - 1]) and te.is_word(toks[k + 1]):
            ends = {j: mk for j, mk in ends.items() if not (k - 2 <= j <= k)}
            ends[k + 1] = "."  # "…on ur way back pls 🤒 temp is 38.4": the emoji ends what came before it
    if not ends and not commas:
        return toks
    out: list[str] = []
    for k, t in enumerate(toks):
        if k in ends:
            while out and out[-1] == ",":
                out.pop()
            out.append(ends[k])
        elif k in commas and out and out[-1] != ",":
            out.append(",")
        out.append(t)
    return out
