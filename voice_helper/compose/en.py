"""The English editor: the person's sentences, cleaned, split where speech ran them together,
and turned toward the helper ("could someone…" → "could you…") — never rebuilt from a template.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from ..text import en as te
from ..text.punctuate import held_together, punctuate, tail_fragment, unlikely_ends
from ..textsafe import clean_utterance
from .data import load as load_data
from .sentence import Draft, Sentence
from .telegraphic import expand

_END = {".", "?", "!", ";"}


@lru_cache(maxsize=1)
def _d() -> dict[str, Any]:
    d = dict(load_data("en"))
    d["_someone"] = set(d["someone"])
    d["_not_helpers"] = set(d["not_helpers"])
    d["_modals"] = set(d["modals"])
    return d


def _starts(lows: list[str], i: int, seqs: list[list[str]]) -> int:
    """Length of the first sequence in ``seqs`` that starts at ``i`` (0 when none)."""
    for seq in seqs:
        n = len(seq)
        if lows[i:i + n] == seq:
            return n
    return 0


# --- finding asks, offers and the helper --------------------------------------------------------


def _helper_word(toks: list[str], lows: list[str], j: int) -> tuple[str, int] | None:
    """At ``j``: "someone" / "you" (→ "", n) or a named helper ("Maria", "my manager", n)."""
    d = _d()
    lex = te.lex()
    if j >= len(lows):
        return None
    w = lows[j]
    if lows[j:j + 3] == ["one", "of", "you"]:
        return "", 3
    if w in d["_someone"]:
        return "", 1
    if w in d["kin"] and j + 1 < len(lows) and (lows[j + 1] in lex["_names"] or toks[j + 1][:1].isupper()) \
            and te.is_word(toks[j + 1]) and lows[j + 1] not in _COMMON:
        name = toks[j + 1][:1].upper() + toks[j + 1][1:]
        if w in lex["titles"]:
            return f"{lex['titles'][w]} {name}", 2  # "Nurse Aisha": a title, kept
        if w in lex["address_words"]:
            return f"{lex['address_words'][w]} {name}", 2  # "Aunt Jo", "Uncle Dev": called so
        return name, 2  # "cousin mike" → Mike
    if w in ("my", "our") and j + 1 < len(lows) and te.is_word(toks[j + 1]) and (
            lows[j + 1] in lex["_names"] or toks[j + 1][:1].isupper() and lows[j + 1] not in _COMMON) \
            and lows[j + 1] not in _roles() and lows[j + 1] not in d["kin"]:
        return toks[j + 1][:1].upper() + toks[j + 1][1:], 2  # "our Steve"
    if w in ("my", "the", "our") and j + 1 < len(lows):
        role = lows[j + 1]
        if role in _roles() or role in d["kin"]:
            title = lows[j + 2].rstrip(".") if j + 2 < len(lows) else ""
            if title in lex["titles"] and j + 3 < len(lows) and te.is_word(toks[j + 3]):
                k = j + 3 + (1 if toks[j + 3] == "." else 0)
                if k < len(toks) and te.is_word(toks[k]):
                    return f"{lex['titles'][title]} {toks[k][:1].upper()}{toks[k][1:]}", k - j + 1  # my neighbour Mr. Kowalski
            if j + 2 < len(lows) and te.is_word(toks[j + 2]) and (
                    lows[j + 2] in lex["_names"] or toks[j + 2][:1].isupper() and lows[j + 2] not in _COMMON):
                return toks[j + 2][:1].upper() + toks[j + 2][1:], 3  # "my neighbor Frank"
            return role, 2
        return None
    if w in lex["titles"] and j + 1 < len(lows) and te.is_word(toks[j + 1]):
        return f"{lex['titles'][w]} {toks[j + 1][:1].upper()}{toks[j + 1][1:]}", 2
    if w in lex["address_words"]:
        nxt = lows[j + 1] if j + 1 < len(lows) else ""
        if j == 0 and nxt in lex["_names"] and te.is_word(toks[j + 1]):
            return f"{lex['address_words'][w]} {toks[j + 1][:1].upper()}{toks[j + 1][1:]}", 2  # "Father Tom", "Aunty Ngozi"
        return lex["address_words"][w], 1
    if w in d["_not_helpers"] or not w.isalpha():
        return None
    nxt = lows[j + 1] if j + 1 < len(lows) else ""
    known = w in lex["_names"]
    if not known and j > 0 and lows[j - 1] in _d()["_modals"] and w.isalpha() and len(w) > 2 \
            and nxt in _verbs() and w not in _COMMON and w not in _verbs() and w not in te.lex()["_proper"]:
        known = True  # "could nadia check…": a name the list does not know, asked to do something
    # A capital at the start of a sentence says nothing: there, only a known name, or a word
    # that is no ordinary word followed by a comma ("Olu, could you…"), is taken for a name.
    if known or toks[j][:1].isupper() and (j > 0 or nxt == ",") and w not in _COMMON:
        if nxt and (nxt in ("please", "possibly", "maybe", "help", "just", "also", ",") or nxt.isalpha()
                    or nxt.startswith("i'") or nxt in _SENTENCE_SUBJECTS) or nxt in ("", "?", ".", "!") and j > 0:
            return toks[j][:1].upper() + toks[j][1:], 1
    return None


_SENTENCE_SUBJECTS = {"it's", "i", "i'm", "i've", "i'll", "we", "we're", "we've", "she's", "he's", "they're", "it"}
_VOC_BEFORE = {",", ".", "?", "!", "so", "and", "um", "uh", "oh", "but", "okay", "ok", "well", "hey", "please"}
_VOC_AFTER_MODALS = {"could", "can", "would", "will", "if", "please", "do", "are", "you"}
_NOT_AT_END = {"to", "with", "for", "from", "at", "by", "of", "and", "or", "the", "my", "your", "on", "in", "ask", "tell",
               "call", "text", "email", "see", "meet", "visit", "help", "thank",
               # what a name after these is, is said of someone ("her name was Lorraine", "talk about mum")
               "about", "was", "is", "were", "named", "called", "like", "than", "as", "be", "been", "into", "after",
               "before", "behind", "beside", "near", "under", "over", "without"}


_STREET_WORDS = frozenset({"road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "close", "drive", "way", "place",
                           "crescent", "terrace", "gardens", "court", "square", "row", "hill", "park", "grove", "mews",
                           "walk", "nant", "estate", "flats", "house", "cottage", "farm"})


def _vocative_inside(toks: list[str]) -> tuple[str, list[str]] | None:
    """A helper called by name inside or at the end of what was said ("About the invoice, Marco,
    could you…", "so hannah if you could…", "could you do it tom"): the name, and the words without it."""
    lows = [te.low(t) for t in toks]
    words = [i for i, t in enumerate(toks) if te.is_word(t)]
    if len(words) < 4:
        return None
    third = set(_d()["third_parties"])
    if any(lows[i] in ("ask", "tell") for i in words[:-1]):
        return None  # "ask Daniel to…": the helper is said another way
    for j in range(1, len(toks)):
        h = _helper_word(toks, lows, j)
        if not h or not h[0] or lows[j] in ("my", "the", "our") or lows[j] in _d()["_someone"]:
            continue
        name, n = h
        after = lows[j + n] if j + n < len(lows) else ""
        nxt2 = lows[j + n + 1] if j + n + 1 < len(lows) else ""
        known = lows[j] in te.lex()["_names"] or lows[j] in te.lex()["titles"]
        if lows[j - 1] in _d()["self_intro_before"]:
            continue  # "my name is Ana", "it's Leo": the speaker, not the helper
        if known and n == 1 and (after in (".", "?", "!") or after in _SENTENCE_SUBJECTS and toks[j][:1].islower()) \
                and j + n + 1 < len(toks) and lows[j - 1].isalpha() \
                and lows[j - 1] not in _NOT_AT_END and lows[j - 1] not in _verbs() and lows[j - 1] not in third \
                and lows[j - 1] not in ("with", "about", "like", "and", "or", "than", "as", "met", "saw", "told"):
            # "…thanks for fixing the latch yesterday Tony. It's working…": called at a sentence's end
            return name, toks[:j] + ([] if after in (".", "?", "!") else ["."]) + toks[j + n:]
        if toks[j - 1] in (".", "?", "!") and not known:
            continue  # "…buttons. Coat, help please": a capital after a full stop says nothing
        if lows[j - 1] not in _VOC_BEFORE and toks[j - 1] != "," and not (
                known and after in ("could", "can", "would") and nxt2 == "you"):
            continue
        if j >= 2 and lows[j - 2] in third or after in ("the",) and nxt2 in third:
            continue  # "before the client, Ms Rossi, arrives": who they are, not who is asked
        if j >= 2 and toks[j - 1] == "," and (lows[j - 2] in _STREET_WORDS or lows[j - 2][:1].isdigit()):
            continue  # "42 Caledonia Road, Dundee", "3 Heol y Nant, Bangor": the town of an address
        ends = after in ("", ".", "?", "!") and toks[j - 1] == ","  # "…, Sam?" yes; "April and May?" no
        if after == "," or ends or (after in _VOC_AFTER_MODALS and (nxt2 in ("you", "i") or after in ("if", "please"))):
            k = j + n + (1 if after == "," else 0)
            start = j - 1 if toks[j - 1] == "," and (after == "," or ends) else j
            rest = toks[:start] + ([","] if toks[j - 1] == "," and after == "," and not ends else []) + toks[k:]
            return name, rest
    # Said last, after the ask: "…could you do it tom?"
    last = words[-1]
    if last >= 3 and lows[last - 1] not in _NOT_AT_END and any(lows[i] in ("could", "can", "would") for i in words[:-1]):
        h = _helper_word(toks, lows, last)
        if h and h[0] and h[1] == 1 and lows[last] in te.lex()["_names"] | set(te.lex()["address_words"]):
            rest = toks[:last] + toks[last + 1:]
            while rest and rest[-1] == ",":
                rest = rest[:-1]
            return h[0], rest
    return None


def _helper_third_person(toks: list[str]) -> tuple[str, list[str]] | None:
    """"I'd love it if Kevin could walk me through it" → "…if you could…"; "I want to ask Fatima to
    look at it" / "I'd like my sister Maria to help me" → "…ask you to…", "…like you to…"."""
    d = _d()
    lows = [te.low(t) for t in toks]
    for j in range(1, len(toks)):
        before = lows[j - 1]
        if before not in d["helper_if"] and before not in d["helper_to"]:
            continue
        if before in ("ask", "get") and (j < 2 or lows[j - 2] != "to"):
            continue  # "(could you) ask John to…" is said to someone else; "I want to ask John to…" is not
        h = _helper_word(toks, lows, j)
        if not h or not h[0] or lows[j] in d["_someone"]:
            continue
        name, n = h
        if lows[j] in ("the", "our", "my") and n == 2:
            continue  # "if the manager could": a role, left as said
        after = lows[j + n] if j + n < len(lows) else ""
        if before in d["helper_if"] and after in ("could", "can", "would", "will", "might"):
            return name, toks[:j] + ["you"] + toks[j + n:]
        if before in d["helper_to"] and after == "to" and j + n + 1 < len(lows) and lows[j + n + 1] in _verbs():
            return name, toks[:j] + ["you"] + toks[j + n:]
    return None


_COMMON = {"since", "thanks", "thank", "hello", "sorry", "well", "so", "ok", "okay", "yes", "no", "please", "hi",
           "hey", "dear", "listen", "honestly", "actually", "anyway", "also", "then", "now", "today", "tomorrow",
           "yesterday", "tonight", "never", "just", "look", "right", "fine", "great", "good", "oh", "um", "sure",
           "and", "but", "because", "if", "when", "after", "before", "again", "everyone", "guys", "folks", "team",
           "help", "urgent", "quick", "question", "update", "news", "reminder", "note", "hmm", "wait", "god"}


_CLAUSE_OPENERS = {"i", "i'm", "i've", "i'll", "i'd", "the", "my", "we", "our", "this", "it", "it's", "there",
                   "there's", "can", "could", "would", "will", "please", "do", "are", "is", "so", "sorry", "thanks",
                   "thank", "how", "what", "when", "where", "you", "your", "me"}


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    from ..nlu import langdata

    return frozenset(langdata.load("en")["roles"])


def _ask_at(toks: list[str], lows: list[str], i: int) -> tuple[str, int, str | None] | None:
    """An ask opening at ``i``: (kind, length of the opener, helper named or None)."""
    d = _d()
    w = lows[i] if i < len(lows) else ""
    for rw in d["rewrites"]:
        if lows[i:i + len(rw["from"])] == rw["from"]:
            return "rewrite", len(rw["from"]), None
    if w == "please" and lows[i + 1:i + 2] in (["ask"], ["tell"]):
        found = _ask_at(toks, lows, i + 1)
        if found and found[0] == "ask_name":
            return "ask_name", found[1] + 1, found[2]
    n = _starts(lows, i, d["ask_openers"])
    if n:
        if lows[i] in ("please", "kindly") and i + 1 < len(lows) and not lows[i + 1].isalpha():
            return None
        if lows[i] == "kindly" and (i + 1 >= len(lows) or lows[i + 1] not in _verbs() and lows[i + 1] not in (
                "do", "let", "help", "send", "check", "confirm", "advise", "share", "review", "look", "call", "arrange")):
            return None  # "looking after Mum so kindly last week": how they were looked after, no ask
        if lows[i] == "if" and lows[i + n - 1] in ("could", "can"):
            return "if", n, None
        return "open", n, None
    if w in d["_modals"]:
        nxt1 = lows[i + 1] if i + 1 < len(lows) else ""
        if nxt1 == "whoever" or lows[i + 1:i + 3] == ["one", "of"] or (
                nxt1 in ("the", "our", "your") and any(x in _verbs() for x in lows[i + 3:i + 6])
                and lows[i + 2:i + 3] and lows[i + 2] not in _roles() and lows[i + 2] not in d["_someone"]
                and not (nxt1 == "our" and (toks[i + 2][:1].isupper() or lows[i + 2] in te.lex()["_names"]))):
            return "open", 1, None  # "could one of the bank nurses…", "can the Lely engineer…": as said
        h = _helper_word(toks, lows, i + 1)
        if h is not None:
            name, n = h
            after = lows[i + 1 + n] if i + 1 + n < len(lows) else ""
            if not name and (after in ("else", "from", "at", "in", "on", "with", "who", "that", "here", "there", "nearby")
                             or after.endswith("er") and after not in _verbs()):
                return "open", 1 + n, None  # "could someone else…", "someone from the hostel": as said
            if after == "be" and lows[i + 2 + n:i + 4 + n] == ["able", "to"]:
                return "modal", 1 + n, (name or None)
            if name and after in ("on", "at", "in", "from", "with", "who", "for"):
                return "open", 1, None  # "could the nurse on call look…": the role as said
            if after and after not in ("be", "i", "it") and (after != "not" or not name) and after.isalpha():
                return "modal", 1 + n, (name or None)
        return None
    if w in ("ask", "tell") and i + 1 < len(lows):
        h = _helper_word(toks, lows, i + 1)
        if h and h[0] and i + 1 + h[1] < len(lows) and lows[i + 1 + h[1]] in ("to", "if"):
            return "ask_name", 2 + h[1], h[0]
    n = _starts(lows, i, d["need_openers"])
    if n and i + n + 1 < len(lows) and lows[i + n] == "to" and lows[i + n + 1] in ("borrow", "use") \
            and any(w in ("your", "yours", "you") for w in lows[i + n + 2:i + n + 5]):
        return "need", n, None  # "need to borrow your ladder saturday": asked of the helper
    if n and i + n < len(lows) and lows[i + n] != "to" and not (
            lows[i] == "need" and i > 0 and lows[i - 1] not in ("and", ",", "so", "um", "uh")
            and lows[i + 1] not in ("someone", "somebody", "help", "a", "an")):
        if lows[i + n] in ("someone", "somebody", "anyone", "you") and "to" in lows[i + n:i + n + 3]:
            k = n + lows[i + n:i + n + 3].index("to") + 1
            if _starts(lows, i + k, d["company"]) and i + k + _starts(lows, i + k, d["company"]) >= len(lows):
                return "need", n, None
            return "need_someone", k, None
        if lows[i + n] == "help":
            return "need_help", n + 1, None
        return "need", n, None
    n = _starts(lows, i, d["want_openers"])
    if n and i + n < len(lows):
        k = i + n
        if lows[k] in ("someone", "somebody", "you", "if") and "to" in lows[k:k + 3]:
            m = n + lows[k:k + 3].index("to") + 1
            if _starts(lows, i + m, d["company"]) and i + m + _starts(lows, i + m, d["company"]) >= len(lows):
                return "need", n, None
            return "need_someone", m, None
        if lows[k] == "if" or lows[i + n - 1] == "if":
            return "if", n, None
        if lows[k] == "to" and any(x in lows[k:k + 4] for x in ("talk", "chat")):
            return "need", n, None
    return None


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from ..nlu import langdata

    return frozenset(langdata.load("en")["verbs"]) | {"do", "fix", "check", "read", "send", "finish", "sort"}


_DETERMINERS = {"the", "a", "an", "this", "that", "my", "your", "our", "their", "every", "any", "some"}
_REL_SUBJECTS = {"i", "you", "we", "they", "he", "she", "i've", "i'd", "we've", "you've", "they've", "i'm", "we're", "they're", "you're"}


def relative_clause(lows: list[str], i: int) -> bool:
    """"the password | I never set", "the first proper meal | I've had": a noun after a determiner,
    then a subject, is a relative clause, not a new sentence."""
    if not (lows[i] in _REL_SUBJECTS and any(w in _DETERMINERS for w in lows[max(0, i - 4):i - 1])
            and lows[i - 1].isalpha() and lows[i - 1] not in _DETERMINERS):
        return False
    if lows[i] in ("i'm", "we're", "they're", "you're"):
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        after = lows[i + 2] if i + 2 < len(lows) else ""
        # "the place I'm going to" yes; "the report | I'm so relieved" no; "…the fire brigade | I'm
        # getting the kids out": the verb has its own object, so a new sentence
        return nxt.endswith("ing") and not (after in _DETERMINERS or after in ("him", "her", "them", "us", "everyone"))
    j = i + 1
    while j < len(lows) and lows[j] in ("never", "always", "just", "really", "already", "still", "also", "only"):
        j += 1
    after = lows[j + 1] if j + 1 < len(lows) else ""
    # "…the third floor | I have six bags": the verb has its own object, so a new sentence starts.
    return not (after in _DETERMINERS or after in _NUMBER_WORDS or after.isdigit())


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "no", "lots", "loads"}


def _clause_start(lows: list[str], i: int) -> bool:
    d = _d()
    prev = lows[i - 1] if i else ""
    if i and relative_clause(lows, i):
        return False
    if any(x in ("how", "what", "where", "when", "which", "who", "why", "whether") for x in lows[max(0, i - 3):i]):
        return False  # "how long I have to keep…": an embedded question
    if prev in _verbs() or prev.endswith("ed") or prev in ("found", "lost", "got", "left", "have", "had", "need"):
        return False  # "I found | my keys": the object of the verb before, not a new clause
    if _starts(lows, i, d["clause_starts"]):
        return True
    pronouns = {"i", "you", "he", "she", "it", "we", "they"}
    return lows[i] in ("my", "the") and any(w in d["clause_verbs"] for w in lows[i + 2:i + 4]) \
        and not pronouns & set(lows[i + 1:i + 3])


def _offer_at(lows: list[str], i: int) -> int:
    d = _d()
    n = _starts(lows, i, d["offer_openers"])
    if not n:
        return 0
    nxt = lows[i + n] if i + n < len(lows) else ""
    if nxt in ("not", "barely", "hardly", "only", "never", "try", "manage") or lows[i + n - 1].endswith("n't"):
        return 0
    return n


def _offer_phrase(lows: list[str]) -> bool:
    text = " " + " ".join(lows) + " "
    return any(f" {p} " in text for p in _d()["offer_phrases"])


def _thanks_at(lows: list[str], i: int) -> bool:
    if _starts(lows, i, _d()["thanks_openers"]):
        return True
    if i == 0:
        text = " ".join(lows)
        return bool(re.search(r"\b(?:say|saying|to) (?:a )?(?:big |huge |massive |special |quick |heartfelt |great |warm |proper )?thank(?:s| you)\b|\bthank you (?:so|very) much\b"
                              r"|\bwanted to thank\b", text)) and "no thanks" not in text
    return False


# --- sentences ----------------------------------------------------------------------------------


def _split(toks: list[str], veto: frozenset[int] = frozenset()) -> list[list[str]]:
    """Sentences: at . ? ! ; and where speech runs an ask or an offer on after a clause; at a token
    in ``veto``, where the sentence-end model is sure speech did not end one, only an ask or an
    offer starts a new sentence ("…every time | I open the calendar" is one)."""
    d = _d()
    lows = [te.low(t) for t in toks]
    out: list[list[str]] = []
    cur: list[str] = []
    asked = False
    for i, t in enumerate(toks):
        if t in _END:
            cur_low = [te.low(c) for c in cur]
            nxt_ask = t == "." and i + 1 < len(toks) and _ask_at(toks, lows, i + 1)
            lead_at = _lead_start(cur) if nxt_ask and nxt_ask[0] == "modal" else -1
            if lead_at == 0 or nxt_ask and cur_low[:1] in (["regarding"], ["re"]) and len(cur) <= 7:
                cur.append(",")  # "I wondered, could you…", "Regarding the report, could you…"
                continue
            if lead_at > 0:
                head, cur = _cut_lead(cur, lead_at)
                out.append(head)
                continue
            if t == "." and cur_low[-2:] in (["quick", "question"], ["quick", "q"]) and i + 1 < len(lows) \
                    and (lows[i + 1] in d["wh_words"] or lows[i + 1] in _QUESTION_OPENERS):
                cur.append(":")  # "Quick question: do they need boots?" (the model put a stop there)
                continue
            if t == "." and cur_low[:1] and cur_low[0] in ("since", "after", "ever") and "," not in cur \
                    and len([w for w in cur if te.is_word(w)]) <= 6 and i + 1 < len(lows) \
                    and lows[i + 1] in ("i", "i'm", "i've", "we", "my", "our", "he", "she", "they", "it's", "it"):
                cur.append(",")  # "…it's Bridget. Since Tom passed, I haven't been sleeping": the lead and its clause
                continue
            if t == "." and cur_low[:1] == ["if"] and "," not in cur and _offer_at(lows, i + 1) \
                    and any(w in ("could", "can") for w in cur_low[1:5]):
                cur.append(",")  # "if anyone can do the tables, I will buy lunch": the offer answers the if
                continue
            if cur:
                out.append(cur + ([t] if t in ("?", "!") else []))
            cur = []
            continue
        words = [w for w in cur if te.is_word(w)]
        prev = te.low(cur[-1]) if cur else ""
        boundary = False
        after_object = prev in ("that", "this", "it") and len(cur) > 1 and te.low(cur[-2]) in _verbs()
        to_done = prev == "to" and len(cur) > 1 and te.low(cur[-2]) in ("talk", "listen", "speak", "chat", "turn", "rely")
        if len(words) >= 2 and (prev not in d["subordinators"] or after_object) \
                and (prev not in ("to", "i", "you", "we", "and", "or") or to_done) \
                or len(words) >= 2 and prev in ("and", "or") and len(words) >= 3:
            lead_clause = prev == "," and te.low(cur[0]) in ("before", "after", "when", "once", "while", "if", "since")
            ask = _ask_at(toks, lows, i) if not lead_clause else None
            if ask and prev in d["reporting"] and ask[0] not in ("modal", "open"):
                ask = None  # "the doctor says | I need…" is what was said; "…who to tell | can we…" is new
            if ask and lows[i] == "if" and prev in _IF_HELD_BY:
                ask = None  # "you have not told me | if you are coming": whether, what was not told
            cur_low = [te.low(c) for c in cur]
            if ask and (prev == "there" and cur_low[-2:-1] in (["is"], ["was"], ["are"])
                        or prev in ("do", "does", "did") and ask[0].startswith("need")):
                ask = None  # "is there | any chance…", "do | I need…": one question
            weak = ask is not None and lows[i] in ("help", "please", "need") and prev not in (",", "and", "so") \
                or ask is not None and prev == "," and len(words) <= 3 and not _ask_at(cur, [te.low(c) for c in cur], 0) \
                or ask is not None and prev == "," and _lead_start(cur[:-1]) == 0  # "I wanted to ask, can you…"
            # ("In particular, please check…": a short lead stays with its ask)
            lead_at = _lead_start(cur) if ask and ask[0] == "modal" and prev in _LEAD_ENDS else -1
            if ask and prev in _LEAD_ENDS and len(words) <= 4 and ask[0] == "modal":
                cur.append(",")  # "I was wondering, would you be able to…?": a lead, not a sentence
                asked = True
            elif lead_at > 0:
                head, cur = _cut_lead(cur, lead_at)
                out.append(head)  # "thank you for the soup | and I was wondering, could you…"
                asked = True
            elif ask and cur and te.low(cur[0]) in ("regarding", "re") and len(words) <= 6 and cur[-1] != ",":
                cur.append(",")  # "Regarding the quarterly report, could you…"
                asked = True
            elif ask and not weak and not (ask[0] == "if" and prev not in (",",) and not (
                    i + 1 < len(lows) and lows[i + 1] in d["_someone"] and lows[i + 1] != "you"
                    and prev not in _IF_HELD_BY)) \
                    and not (_ask_at(cur, [te.low(c) for c in cur], 0) and len(words) <= 3):
                boundary = True
                asked = True
            elif asked and _offer_at(lows, i) and not _offer_at([te.low(c) for c in cur], 0) and prev not in d["reporting"] \
                    and not any(w in _TELL or w in ("let", "inform", "warn", "say") for w in lows[max(0, i - 3):i]) \
                    and (prev not in ("so", "that") or after_object) and prev not in ("be", "am", "i'm", "really"):
                if words and te.low(words[0]) == "if" and "," not in cur:
                    cur.append(",")  # "if anyone can do the tables, I will buy lunch": the offer is its answer
                else:
                    boundary = True
            elif _thanks_at(lows, i) and prev in (",", "and"):
                boundary = True
            elif lows[i] == "otherwise" and len(words) >= 4 and i + 1 < len(lows) \
                    and lows[i + 1] in ("we", "i", "it", "they", "you", "he", "she", "the", "i'll", "we'll"):
                boundary = True  # "…by end of day | otherwise we will miss the deadline"
            elif _self_intro_done(cur) and lows[i] in ("are", "can", "could", "would", "will", "i", "i'm", "the", "my",
                                                        "regarding", "is", "thank", "thanks", "just", "sorry", "please",
                                                        "do", "did", "have", "we", "our", "about", "so", "since", "after",
                                                        "before", "because", "when", "ever", "you", "how", "was",
                                                        "were", "where", "why", "who", "he", "she", "they",
                                                        "it", "it's", "there", "there's") \
                    and prev != "(" and "(" not in cur:
                boundary = True  # "…it is Gareth | are you still okay…": the speaker has said who they are
            elif lows[i] in ("does", "do", "would", "will", "is") and len(words) >= 4 and prev.isalpha() \
                    and 2 <= len(lows) - i <= 4 and lows[-1] in ("suit", "work", "sound", "okay", "ok", "alright",
                                                                 "good", "fine", "do", "help") \
                    and lows[i + 1] not in ("not", "very", "really", "too", "so", "quite", "also", "still", "just",
                                            "never", "no"):  # ("…the second page | is not good" says, not asks)
                boundary = True  # "…I'll make you dinner Saturday | does seven suit?"
            elif lows[i:i + 2] in (["you", "think"], ["you", "reckon"]) and len(words) >= 4 and prev.isalpha() \
                    and prev not in ("do", "did", "if", "what", "and", "so", "that", "would", "don't", "didn't", "when"):
                boundary = True  # "…a bit dizzy today | you think I should come earlier?"
            elif lows[i:i + 2] in (["quick", "question"], ["quick", "q"], ["one", "question"]) and len(words) >= 2 \
                    and prev not in ("a", "one", "my", "the", "another", "and", "just"):
                boundary = True  # "…this is Dani's mom | quick question: is practice still on?"
            elif (lows[i:i + 2] == ["my", "name's"] or lows[i:i + 2] == ["my", "name"] and lows[i + 2:i + 3] in (
                    ["is"], ["was"], ["it's"])) and len(words) >= 3 \
                    and prev not in ("is", "and", "that", "what", "with", "into", "in", "under", "to", "for", "on",
                                     "of", "from", "by"):
                boundary = True  # "…is that the surgery | my name's Fiona…": the speaker says who they are
        if not asked and _ask_at(toks, lows, i):
            asked = True
        if i in veto:  # the model is sure speech did not end a sentence here: only an ask may cut
            pass
        elif not boundary and len(words) >= 4 and prev.isalpha() and t != "IT" and _pronoun_clause_at(lows, i, cur) \
                and not (lows[i] in ("i'll", "i'm", "i", "i've", "we'll", "we're") and any(
                    w in _TELL or w in ("let", "inform", "warn") for w in lows[max(0, i - 3):i])):
            boundary = True  # "…renew my bus pass online | it runs out on Friday"
        elif not boundary and len(words) >= 3 and prev.isalpha() and prev not in (
                "until", "till", "from", "by", "at", "to", "for", "about", "of", "on", "in", "and", "or") \
                and (_wh_question_at(lows, i) or _is_that_at(lows, i)):
            boundary = True  # "…the science project | what pages do we need to read"
        elif not boundary and len(words) >= 4 and prev not in d["clause_glue"] and prev.isalpha() \
                and prev not in d["reporting"] \
                and not (i >= 2 and lows[i - 2] in _TELL and prev in ("me", "him", "her", "them", "us", "you")) \
                and len([w for w in lows[i:] if w.isalpha()]) >= 3 and _clause_start(lows, i):
            boundary = True  # "…up to the third floor | I have six bags"
        if boundary and lows[i] in ("i", "we", "you", "they", "he", "she", "it", "my", "the") and (
                prev in ("where", "when", "why", "how", "what", "who", "whether", "which")
                or len(cur) > 1 and [te.low(c) for c in cur[-2:]] in (
                    ["how", "much"], ["how", "many"], ["how", "long"], ["how", "often"], ["how", "far"],
                    ["what", "time"], ["which", "day"], ["what", "day"])) and not _ask_at(toks, lows, i):
            boundary = False  # "tell me how much | I will receive": the question is what is asked
        if boundary and lows[i] in ("i", "we", "you", "they", "he", "she", "it") and len(cur) >= 2 \
                and prev in ("can", "could", "do", "does", "did", "should", "shall", "will", "would", "may", "might", "is",
                             "are", "was", "were", "have", "has") \
                and te.low(cur[-2]) in ("where", "when", "why", "how", "what", "who", "which"):
            boundary = False  # "please where can | I buy the card": the question's own subject
        if boundary and lows[i] == "if" and prev in ("all", "worries", "worry", "problem", "probs", "fine", "okay", "ok",
                                                     "alright", "bother", "stress", "pressure"):
            boundary = False  # "No worries at all | if you're busy": said of the ask, not a new one
        if boundary and (prev in _NEVER_ENDS or lows[i] == "it" and lows[i + 1:i + 2] and lows[i + 1] in _IT_COMPLEMENTS
                         and (prev.endswith("ing") or prev in _verbs()) or i >= 1 and held_together(lows, i)):
            boundary = False  # "…my old number which | I don't have", "if youd | fancy…", "finding | it really hard"
        if boundary and lows[i] in ("it's", "its", "it", "they're", "theyre") and cur \
                and te.low(cur[0]) in ("the", "my", "our", "your", "his", "her", "that", "this") and len(words) <= 6 \
                and not any(te.low(w) in _verbs() or te.low(w) in _QUESTION_OPENERS or te.low(w).endswith("n't")
                            for w in words[1:]):
            cur.append(",")  # "the hedge on my side, it's gone right over the path": the topic, then its clause
            boundary = False
        if boundary and cur and te.low(cur[0]) in _LEADING_SUBORDINATORS and "," not in cur and len(words) <= 8:
            # "since Mum and Dad split up | I've been…", "if someone has the guide | could you…": the
            # clause leads the sentence, so a comma, not a full stop.
            cur.append(",")
            boundary = False
        if lows[i - 2:i] in (["quick", "question"], ["quick", "q"]) and i >= 2 and (
                lows[i] in _d()["wh_words"] or lows[i] in _QUESTION_OPENERS):
            cur.append(":")  # "Quick question: is practice still on?"
            boundary = False
        if boundary:
            joined_by_and = bool(cur) and te.low(cur[-1]) == "and"
            while cur and (te.low(cur[-1]) in d["joiners"] or cur[-1] in (",", "-")):
                cur.pop()
            subject = te.low(cur[0]) if cur else ""
            if cur:
                out.append(cur)
            cur = []
            if joined_by_and and lows[i] in ("need", "needed", "want", "wanted") and subject in (
                    "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've"):
                # "I'm renewing his passport and | need someone to sign": the subject goes with the need
                cur.append("we" if subject.startswith("we") else "I")
        cur.append(t)
    if cur:
        out.append(cur)
    out = [s for s in out if any(te.is_word(w) for w in s)]
    for k in range(len(out) - 2, 0, -1):
        frag = [te.low(w) for w in out[k] if te.is_word(w)]
        if tail_fragment(frag) and frag[:1] in (["the"], ["my"], ["our"], ["this"], ["that"]) \
                and out[k + 1] and te.low(out[k + 1][0]) in ("it", "it's", "its", "they", "they're", "theyre"):
            out[k] = out[k] + [","] + out[k + 1]  # "…it's Grandpa. The television, it says no signal": its topic
            del out[k + 1]
    for k in range(len(out) - 1, 0, -1):
        if tail_fragment([te.low(w) for w in out[k] if te.is_word(w)]) and out[k - 1][-1:] != ["?"]:
            last = te.low(out[k - 1][-1]) if out[k - 1] else ""
            before_last = te.low(out[k - 1][-2]) if len(out[k - 1]) >= 2 else ""
            verb_object = (last in _verbs() or last in te.verbs() or before_last == "to" and last.isalpha()
                           ) and te.low(out[k][0]) in (
                "the", "a", "an", "my", "your", "his", "her", "our", "their", "that", "this")
            # "…the wrong strength, I think." is one sentence; "…to countersign the photo" has no comma
            out[k - 1] = out[k - 1] + ([] if verb_object else [","]) + out[k]
            del out[k]
    return out


#: A sentence never ends after these: the clause they open goes on.
_NEVER_ENDS = frozenset({"which", "till", "until", "unless", "whether", "whose", "youd", "you'd", "i'd", "we'd", "they'd",
                         "he'd", "she'd", "the", "a", "an", "my", "your", "our", "their"})
#: "finding it | really hard", "making it | difficult": "it" is the verb's, with its complement after.
_IT_COMPLEMENTS = frozenset({"really", "hard", "difficult", "easy", "impossible", "so", "very", "tough", "tricky", "harder",
                             "easier", "worse", "better", "awkward", "hard.", "quite", "too"})

_QUESTION_OPENERS = frozenset({"is", "are", "do", "does", "can", "could", "will", "did", "should", "would", "have",
                               "has", "was", "were"})


def _ended_by_stop(sentence: list[str], raw: list[str]) -> bool:
    """Typed text that ended this sentence with a full stop or an exclamation ("Will call you
    tomorrow.", "Would love to see you there!") is not asking."""
    tail = [t for t in sentence if te.is_word(t)][-2:]
    text = " ".join(raw)
    return bool(tail) and re.search(re.escape(" ".join(tail)) + r"\s*[.!]", text) is not None


def _wh_question_at(lows: list[str], i: int) -> bool:
    d = _d()
    if lows[i] not in d["wh_words"] or (i and lows[i - 1] in d["wh_held_by"]):
        return False
    if lows[i] == "who" and any(w in ("anyone", "anybody", "someone", "somebody") for w in lows[max(0, i - 5):i]):
        return False  # "is there anyone from the bank who could…": says who, asks nothing new
    return any(w in d["wh_aux"] for w in lows[i + 1:i + 3])


_LEAD_ENDS = frozenset({"wondering", "hoping", "wondered", "ask"})


def _lead_start(cur: list[str]) -> int:
    """Where "I was wondering" / "I wanted to ask" begins at the end of ``cur`` (-1 if it does not)."""
    lows = [te.low(c) for c in cur]
    for start in range(len(lows) - 1, max(-1, len(lows) - 6), -1):
        if lows[start] == "i" and " ".join(lows[start:]) in (
                "i was wondering", "i wondered", "i wanted to ask", "i was hoping", "i just wanted to ask",
                "i was just wondering", "i want to ask", "i would like to ask"):
            return start
    return -1


def _cut_lead(cur: list[str], at: int) -> tuple[list[str], list[str]]:
    """The sentence before a lead ("…the soup and | I was wondering"), without its dangling "and",
    and the lead with the comma that joins it to the ask."""
    head = cur[:at]
    while head and te.low(head[-1]) in ("and", ",", "so", "but"):
        head = head[:-1]
    return head, cur[at:] + [","]


@lru_cache(maxsize=1)
def _kin_words() -> frozenset[str]:
    """Family words and titles a speaker may give as who they are ("it's grandpa", "it's auntie rose")."""
    lx = te.lex()
    return frozenset(lx.get("kin_as_names", [])) | frozenset(lx.get("address_words", {})) | frozenset(lx["titles"]) \
        | {"grandpa", "grandad", "granda", "grandma", "granny", "gran", "nana", "nan", "mama", "papa", "baba", "uncle",
           "aunty", "auntie", "aunt", "cousin"}


@lru_cache(maxsize=1)
def _calling_words() -> frozenset[str]:
    """Words that call the helper before what is said to them ("bud", "sister", a name, a title)."""
    return frozenset(_d()["address_particles"]) | frozenset(te.lex()["_names"]) | frozenset(te.lex()["titles"]) \
        | {"sister", "brother", "bud", "aunty", "auntie", "uncle"}


#: Said before "it's Earl" to call the helper: a greeting, a filler, a word of affection.
_INTRO_CALL = frozenset({"hi", "hey", "hello", "hiya", "yo", "oh", "um", "uh", "er", "so", "dear", "hun", "love", "cher",
                         "mate", "babe", "darling", "sweetie", "honey", "pet", "son", "bro", "yeah", "morning", "evening"})


def _self_intro_done(cur: list[str]) -> bool:
    """"it is Gareth", "this is Anjali", "it is bill next door", "it is Chloe your carer": a short
    sentence that says who is speaking, complete once its name (and a few words of who) is said."""
    words = [t for t in cur if te.is_word(t)]
    w = [te.low(t) for t in words]
    # "um hey bubba its earl…": the greeting and the helper's name before it are the call
    k0 = next((k for k in range(min(5, len(w))) if w[k] in ("it's", "its") or w[k:k + 2] in (["it", "is"], ["this", "is"])),
              0)
    if k0 and all(b in _INTRO_CALL or b not in te.common_words() and b not in te.verbs() for b in w[:k0]):
        words, w = words[k0:], w[k0:]
    if w[:2] in (["it", "is"], ["this", "is"]) or w[:1] in (["it's"], ["its"]):
        n = 2 if w[:2] in (["it", "is"], ["this", "is"]) else 1
        rest, said = w[n:], words[n:]
        if rest and rest[-1] in ("from", "at", "in", "of", "with", "for", "on", "the", "a", "and", "my", "your"):
            return False  # "this is Amara from | the Tuesday seminar": who she is goes on
        lx = te.lex()
        if any(x in te.verbs() or x.endswith("n't") or x in ("is", "was", "has", "have", "had", "are") for x in rest[1:]):
            return False  # "it's beverley mr lewis hasn't eaten": the name said, and a sentence after it
        return 1 <= len(rest) <= 5 and (rest[0] in lx["_names"] or rest[0] in ("me", "your") or rest[:2] == ["only", "me"]
                                         or rest[0] in _kin_words()  # "it's grandpa", "it's mama wanjiku"
                                         or len(rest) == 1 and rest[0].isalpha() and len(rest[0]) >= 3
                                         and rest[0] not in te.common_words() and rest[0] not in te.verbs()
                                         and rest[0] not in lx.get("not_names_after_its", [])  # "it's farouk"
                                         or len(rest) == 2 and rest[1] in lx["_names"]
                                         or said[0][:1].isupper() and said[0].lower() not in ("i", "i'm"))
    return False


#: "grateful | if somebody could…", "see | if anyone can…": the if-clause belongs to the word before.
_IF_HELD_BY = {"grateful", "appreciative", "thankful", "happy", "glad", "it", "great", "helpful", "lovely", "wonderful",
               "amazing", "appreciate", "help", "see", "know", "ask", "wonder", "wondering", "check", "asking", "find",
               "out", "me", "us", "nice", "good", "brilliant", "fantastic", "ideal", "easier", "better", "relief"}

_LEADING_SUBORDINATORS = {"since", "because", "when", "if", "after", "before", "while", "although", "though", "once",
                          "as"}


def _pronoun_clause_at(lows: list[str], i: int, cur: list[str]) -> bool:
    """In unpunctuated speech, "it's on the 12th" / "it runs out on Friday" / "she's waiting now"
    after a complete thought starts a new sentence."""
    d = _d()
    w, prev = lows[i], lows[i - 1] if i else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if prev in d["clause_glue"] or prev in _verbs() or prev in d["reporting"] or prev in d["wh_held_by"] \
            or prev in ("hear", "see", "feel", "watch", "let", "make", "heard", "saw", "felt", "watched", "help",
                        "otherwise") \
            or prev in ("if", "when", "because", "so", "and", "but", "or", "than", "as", "until", "before", "after"):
        return False
    if w in ("he", "she", "it", "they") and (lows[i - 2:i - 1] in (["and"], ["but"]) or i >= 3 and lows[i - 3] in (
            "and", "but") and lows[i - 2] in ("the", "my", "our", "his", "her", "their", "your")):
        return False  # "…since monday and my husband | he cannot…": the subject said twice, one clause
    if w in ("it's", "its") and nxt in ("on", "at", "in", "due", "tomorrow", "today", "tonight", "next", "this",
                                       "for", "only", "really", "so", "not", "just", "been", "getting", "gone"):
        return True
    cur_lows = [te.low(c) for c in cur if te.is_word(c)]
    asking = _is_question(cur_lows)
    if asking and w in ("it", "they", "she", "he", "we") and nxt.endswith("s") and nxt not in ("is", "was") \
            and nxt.isalpha() and len(nxt) > 2:
        return True
    if prev in d["subject_blockers"] or any(x in ("how", "what", "where", "when", "which", "who", "why", "whether")
                                            for x in lows[max(0, i - 3):i]):
        return False  # "do you know how long | I have to…" is one question
    # "…sitting with Dad on Thursday | it meant a lot", "…the art course | I start in September",
    # "…doing well | we'll ring you on Sunday", "…on my new tablets | the box says…"
    if w in d["subject_pronouns"] and (nxt in _verbs() or nxt in d["clause_verbs"] or nxt in d["after_subject"]):
        return True
    if w == "i" and nxt in d["i_starts"] and not relative_clause(lows, i):
        return True
    if w in d["contracted_subjects"] and nxt.isalpha() and not relative_clause(lows, i):
        return True
    if lows[i:i + 2] == ["the", "way"]:
        return False  # "…with my knee the way it is": how, not a new subject
    if w in ("the", "my", "his", "her", "our", "their") or w.endswith("'s") and w[:-2] in d["kin_names"]:
        ahead = []
        for x in lows[i + 2:i + 4]:
            if not x.isalpha() and "'" not in x:
                break  # the verb must be in the same sentence
            ahead.append(x)
        modals = d["_modals"] | {"should", "must"}
        return any(x in d["clause_verbs"] or x in d["after_subject"] and x not in modals for x in ahead) \
            and lows[i + 1] not in d["subject_pronouns"] and not prev.endswith(("ed", "en")) \
            and prev not in ("done", "down", "up", "off", "out", "over", "get", "got") and not prev.endswith("ing")
    # "…a letter about a smart meter | do I have to let them in"
    return w in ("do", "does", "can", "should", "could", "will", "is", "are") and nxt in (
        "i", "you", "we", "it", "they", "anyone", "anybody", "someone", "somebody", "he", "she")


def _is_that_at(lows: list[str], i: int) -> bool:
    """"…to click a link | is that a scam": a yes/no question run on after a noun."""
    if lows[i:i + 2] == ["is", "there"] and lows[i + 2:i + 3] in (["any"], ["anyone"], ["anybody"], ["someone"],
                                                                 ["somebody"], ["a"]) \
            and i > 0 and lows[i - 1].isalpha() and lows[i - 1] not in _verbs() and lows[i - 1] not in _d()["clause_glue"]:
        return True  # "…by six am | is there any way you could…"
    return lows[i:i + 1] in (["is"], ["was"]) and lows[i + 1:i + 2] in (["that"], ["this"], ["it"]) \
        and lows[i + 2:i + 3] in (["a"], ["an"], ["real"], ["safe"], ["okay"], ["ok"], ["normal"], ["legit"], ["true"],
                                  ["right"], ["allowed"], ["enough"], ["one"], ["some"], ["genuine"], ["dangerous"]) \
        and i > 0 and lows[i - 1].isalpha() and lows[i - 1] not in _verbs() and lows[i - 1] not in _d()["clause_glue"]


# --- saying it ----------------------------------------------------------------------------------


_INTRO_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "nurse", "auntie", "aunty", "aunt", "uncle", "nana", "granny",
                           "grandma", "grandpa", "nan", "father", "sister", "brother", "pastor", "coach"})


def _intro_name_cased(cased: list[str]) -> None:
    """"Carol, it's ivy.", "Bubba, it's earl.", "it's mrs brown", "it's jia hui": who is speaking, said
    first after the call, is a name (names lists never hold every name)."""
    j = next((k for k in range(min(6, len(cased))) if te.low(cased[k]) in ("it's", "its")
              or te.low(cased[k]) == "is" and k and te.low(cased[k - 1]) == "this"), -1)
    if j < 0 or j + 1 >= len(cased) or any(te.is_word(t) and te.low(t) not in _INTRO_CALL and t[:1].islower()
                                           and te.low(t) in te.common_words() for t in cased[:j] if te.low(t) != "this"):
        return
    k = j + 1
    first = te.low(cased[k])
    lx = te.lex()
    nxt = te.low(cased[k + 1]) if k + 1 < len(cased) else ""

    def name_like(w: str) -> bool:
        return w.isalpha() and w not in te.common_words() and w not in te.verbs() and w not in lx["_fillers"] \
            and w not in _d().get("address_particles", []) and w not in lx.get("not_names_after_its", [])
    surname = first in ("mr", "mrs", "ms", "miss", "dr") and nxt.isalpha()
    titled = first in _INTRO_TITLES and (surname or name_like(nxt) or nxt in lx["_names"])
    span = [k, k + 1] if titled else [k]
    if not titled:
        kin = first in _kin_words()  # "it's grandad"
        if not kin and not (cased[k].isalpha() and len(cased[k]) >= 3 and first not in lx.get("not_names_after_its", [])
                            and first not in te.verbs() and (first not in te.common_words() or cased[k][:1].isupper())):
            return
        if not kin and name_like(nxt) and len(nxt) >= 3 and nxt not in ("erm", "umm", "uhm") and (nxt in lx["_names"] or nxt in lx["_surnames"] or nxt not in te.known_words()
                               or k + 2 >= len(cased) or cased[k + 2] in (".", ",")):
            span.append(k + 1)  # "jia hui", "wei jie", "brenda carter": a name of two words
    end = span[-1] + 1
    if end < len(cased) and cased[end] not in (".", ",", "from", "here", "again", "your", "next", "at", "in"):
        if len(span) == 1 or titled:
            return  # "it's sharp the pain": no name said
        span, end = span[:1], span[0] + 1
        if end < len(cased) and cased[end] not in (".", ","):
            return
    for i in span:
        if cased[i].islower():
            cased[i] = cased[i][:1].upper() + cased[i][1:]


def _finish(toks: list[str], question: bool, names: frozenset[str]) -> str:
    cased = [te.case_word(t, names, toks[k - 1].lower() if k else "", toks[k + 1] if k + 1 < len(toks) else "")
             for k, t in enumerate(toks)]
    for k in range(1, len(cased)):
        if cased[k - 1] == "Miss" and cased[k].isalpha() and cased[k].islower():
            cased[k] = cased[k][:1].upper() + cased[k][1:]  # "Miss" was cased as a title: its name too
    _intro_name_cased(cased)
    while cased and cased[-1] in (",", "-", "…", ":", ";", "—", "–"):
        cased.pop()
    while cased and cased[0] in (",", "-"):
        cased.pop(0)
    if len(cased) > 4 and te.low(cased[-1]) == "just" and te.low(cased[-2]) not in ("was", "is", "i'm", "am", "be"):
        cased.pop()  # "I can walk on it just | can you drive me…": the "just" went with what followed
    while len(cased) > 4 and te.low(cased[-1]) in ("or", "and", "but") and te.low(cased[-2]) not in ("and", "or"):
        cased.pop()  # "…or if people would want to hear that or": trailed off, the sentence ends before it
        while cased and cased[-1] in (",", "-"):
            cased.pop()
    if len(cased) >= 2 and te.low(cased[-1]) == "appreciate" and te.low(cased[-2]) in ("really", "will", "would", "i'd",
                                                                                  "i'll", "greatly", "truly"):
        cased.append("it")  # "…after seven, I will really appreciate it": what is appreciated
    text = te.capitalise(te.detok(cased))
    if not text:
        return ""
    return text + ("?" if question else ".")


_KNOW_WHAT = frozenset({"if", "whether", "anything", "any", "anyone", "anybody", "where", "what", "when", "how", "who",
                        "which", "someone", "somebody"})


def _you_know_at(lows: list[str]) -> int:
    """Where "you know if / anything / where…" opens a sentence, after at most two words that call
    the helper ("bud you know anything about routers"): asked, said without its "do"; -1 if not."""
    calls = _calling_words()
    for k in range(0, 4):
        before = [w for w in lows[:k] if w != ","]
        if lows[k:k + 2] == ["you", "know"] and lows[k + 2:k + 3] and lows[k + 2] in _KNOW_WHAT \
                and (all(w in calls for w in before) or len(before) == 2 and before[0] in calls and before[1].isalpha()):
            return k
    return -1


def _is_question(lows: list[str]) -> bool:
    words = [w for w in lows if w.isalpha() or "'" in w]
    if words[:1] == ["please"] and words[1:2] and words[1] not in ("could", "can", "would", "will", "may", "where", "when", "what", "how", "who", "which", "why", "is", "are"):
        return False  # "Please do the needful…": an imperative, not a question
    if "," in lows and (words[:1] in (["regarding"], ["re"]) or _lead_start(lows[:lows.index(",")]) == 0):
        words = [w for w in lows[lows.index(",") + 1:] if w.isalpha() or "'" in w]  # "Regarding the report, can you…"
    while words and words[0] in ("please", "so", "and", "sorry", "but", "quick", "question", "one", "just", "a"):
        words = words[1:]  # "Please could you…", "So can someone…", "Quick question: is…"
    if words[:2] == ["excuse", "me"]:
        words = words[2:]  # "Excuse me, what time does the pool open?"
    if len(words) > 2 and words[1] in ("could", "can", "would", "will", "do", "does", "is", "are") \
            and words[2] in ("you", "u", "ya", "someone", "somebody", "anyone", "anybody", "we") \
            and words[0] not in _verbs() and words[0] not in te.verbs() and words[0] not in ("i", "it", "that", "this", "what", "how"):
        words = words[1:]  # "bron could you lend us fifty": the name said first calls the helper
    elif len(words) > 2 and words[0] in te.lex()["_names"] and words[1] in ("was", "were", "is", "are") \
            and words[2] in ("it", "there"):
        words = words[1:]  # "harold was it tuesday or wednesday…"
    if words[:2] in (["you", "think"], ["you", "reckon"], ["reckon", "you"], ["think", "you"]) or words[:2] == [
            "you", "know"] and words[2:3] and words[2] in _KNOW_WHAT:
        return True  # "you think I should come earlier?", "you know if the food bank's open": asked as told
    if words[:1] == ["when"] and words[1:2] and words[1] not in (
            "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "have",
            "has", "you", "u", "i", "we", "he", "she", "they", "'s", "s", "time", "exactly", "roughly", "about"):
        return False  # "When everyone is asleep.": a when-clause said on its own, not a question
    if words[:1] in (["when"], ["if"], ["once"], ["whenever"]) and words[1:2] and words[1] in (
            "you", "u", "i", "we", "he", "she", "they"):
        # "When you come Saturday, you can climb up…": a lead clause; the sentence asks only if what it
        # leads into does ("When you get a chance, could you…")
        return "," in lows and _is_question(lows[lows.index(",") + 1:])
    first = words[0] if words else ""
    if first in ("will", "can") and len(words) > 1 and words[1] not in (
            "you", "u", "ya", "someone", "somebody", "anyone", "anybody", "it", "they", "he", "she", "we", "i", "the",
            "this", "that", "there", "my", "your", "our", "his", "her", "their", "one", "any", "a", "an", "someone's",
            "people", "everyone", "mum", "dad", "not") and not words[1].endswith("'s") \
            and (words[1] in _verbs() or words[1] in te.verbs()):
        return False  # "Will cover yours tomorrow", "Can do Friday": I will / I can, said short
    if first in ("was", "were") and len(words) > 2 and words[1] in (
            "it", "there", "that", "this", "he", "she", "they", "you", "the", "my", "your", "we", "our") \
            and words[2] not in ("going", "gonna", "wondering", "thinking", "hoping", "told", "asked", "supposed"):
        return True  # "was it Tuesday or Wednesday the chiropodist comes": asked, not told
    if words[:2] in (["you", "fancy"], ["you", "up"]) or first == "fancy":
        return True  # "you fancy a walk later": an invitation
    if len(words) > 3 and words[-1] == "right" and words[-2] not in (
            "all", "turn", "the", "is", "was", "that's", "exactly", "go", "left", "your", "my", "on", "to", "feel",
            "feels", "felt", "looks", "look", "quite", "just", "not", "it", "me", "him", "her", "them", "alright"):
        return True  # "this is the front desk right": a tag question
    if first == "any" and words[1:2] and words[1] not in ("chance", "idea", "ideas", "news", "update", "updates", "luck",
                                                          "way", "word", "thoughts", "tips", "advice", "suggestions",
                                                          "joy", "sign", "questions", "plans", "good", "recommendations"):
        return False  # "Any day next week after 4 is good for me": told, not asked ("any chance…?" asks)
    return first in ("could", "can", "would", "will", "might", "do", "does", "is", "are", "any", "did", "should",
                     "anyone", "anybody", "someone", "somebody",
                     "have", "has", "what", "how", "where", "when", "who", "why", "which", "what's", "how's",
                     "where's", "who's", "shall", "may")


_SALUTATION = re.compile(
    r"^(?:dear|respected|hi|hello|hey|hiya|awright|oi|yo|howdy|good (?:morning|afternoon|evening)|g'day|gday|morning|"
    r"afternoon|evening)\b"
    r"[ ,]*(?P<who>(?:(?:mr|mrs|ms|dr|prof)\.\s*)?[^,.!?]{0,40}?)\s*(?:[,.!:]|[\u2600-\u27bf\U0001f300-\U0001faff]+)"
    r"\s+(?=\S)", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"(?<=[.!?])\s+(?P<close>(?i:(?:(?:many|kind|best|warm|warmest|with(?: kind| best| many)?)\s+)?"
    r"(?:(?:thanks|thank you)(?: (?:so much|very much|a million|a lot|loads|again|in advance|for (?:your |all your )?"
    r"(?:time|help|support|patience|understanding|everything)))?|regards|wishes|cheers|love|best)"
    r"(?: so much)?))(?:,?\s+(?:ma|ma'am|mam|sir|madam))?\s*[,!.]?\s*"
    r"(?P<name>(?:[A-Z]\.\s?)?[A-Z][\w'-]+(?: (?:[A-Z][\w'-]+|mum|dad|mom|mam|at|from|in|No\.? ?\d+[a-z]?|\d+[a-z]?)){0,4})?\s*[.!]?\s*$")
_NOT_SIGNATURES = {"thanks", "bye", "cheers", "sorry", "please", "regards", "love", "best", "ta", "xx", "x", "thx", "urgent",
                   "asap", "help", "tomorrow", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "yes", "no", "ok", "okay", "thank", "hi", "hello", "again", "soon", "now", "done"}
#: A name alone after the last sentence signs a typed note ("…Sorry again, and thank you. Edna").
_SIGNED = re.compile(r"(?<=[.!?])\s+(?P<name>[A-Z][a-z'-]+)\s*[.!]?\s*$")
#: Greeted, not named: "Hi all!", "Dear Sir or Madam," (no helper to address).
_GROUPS = {"all", "everyone", "everybody", "team", "guys", "folks", "sir or madam", "sir", "madam", "ma", "ma'am", "mam",
           "sir/madam", "sir / madam", "madam/sir", "sir/ madam", "to whom it may concern", "sirs", "colleagues",
           "there",
           "y'all", "both", "you all", "you both", "all of you", "friends", "gang", "ladies"}


_NOT_A_NAME = {"i", "i'm", "im", "we", "my", "it", "it's", "this", "the", "can", "could", "please", "is", "are", "do",
               "you", "your", "there", "so", "just", "sorry", "a", "an", "our", "how", "what", "when", "where"}


def _letter_parts(text: str) -> tuple[str | None, str, str]:
    """A typed letter's greeting and sign-off ("Dear Dr Mensah, … Many thanks, Ama"): whom it
    greets, the body, and the sign-off kept for the end (not a thank-you moved to the front)."""
    helper: str | None = None
    m = _SALUTATION.match(text)
    who_words = m.group("who").lower().split() if m else []
    if m and (len(who_words) > 3 or who_words[:1] and who_words[0] in _NOT_A_NAME):
        m = None  # "Hello, I cannot log in to the app, …": the first clause, not whom it greets
    if m and re.search(r"[.!?]", text[m.end():]):
        who = m.group("who").strip()
        if who and who.lower() not in _GROUPS and len(who.split()) <= 3:
            helper = " ".join(w[:1].upper() + w[1:] for w in who.split())
        text = text[m.end():]
    closing = ""
    s = _SIGN_OFF.search(text)
    if s:
        closing = text[s.start("close"):].strip()
        closing = re.sub(r"\s*[,!.]?\s*$", "", closing)
        text = text[:s.start()].rstrip()
    else:
        n = _SIGNED.search(text)
        if n and (n.group("name").lower() in te.lex()["_names"] or n.group("name").lower() not in _NOT_SIGNATURES
                  and n.group("name").lower() not in te.verbs()):
            closing = n.group("name")
            text = text[:n.start()].rstrip()
    return helper, text, closing


def _joined_names(toks: list[str]) -> list[str]:
    """"mrs o connor", "mr mc donald": a recognizer writes one surname as two words."""
    lex = te.lex()
    out: list[str] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if te.low(t) in ("o", "mc", "mac") and out and k + 1 < len(toks) and toks[k + 1].isalpha() \
                and len(toks[k + 1]) > 2 and (te.low(out[-1]).rstrip(".") in lex["titles"] or te.low(out[-1]) in lex["_names"]):
            nxt = toks[k + 1]
            out.append(("O'" if te.low(t) == "o" else t[:1].upper() + t[1:].lower()) + nxt[:1].upper() + nxt[1:])
            k += 2
            continue
        out.append(t)
        k += 1
    return out


@lru_cache(maxsize=1)
def _callable() -> frozenset[str]:
    return te.call_words() | frozenset(_d()["kin"]) | frozenset(_d().get("family_words", []))


def _corrected_call(toks: list[str]) -> list[str]:
    """"grandad, no, sorry, nan, can you…": the name said second is the one meant; the first and
    the correction go."""
    callable_ = _callable()
    lows = [te.low(t) for t in toks]
    if not lows or lows[0] not in callable_:
        return toks
    j = 1
    while j < min(len(lows), 7) and lows[j] in ("no", "sorry", ",", ".", "i", "mean", "not", "oh"):
        j += 1
    if j > 1 and any(w in ("no", "sorry", "mean") for w in lows[1:j]) and j < len(lows) - 2 and lows[j] in callable_:
        return toks[j:]
    return toks


@lru_cache(maxsize=1024)
def analyse(said: str) -> Draft:
    """The person's English utterance as sentences with roles (cached: the UI re-renders often)."""
    said = clean_utterance(said)
    said = expand(said) or said  # "bags in car heavy help carry please": the small words added
    greeted, said, closing = _letter_parts(said)
    raw = te.tokens(said)
    toks = _corrected_call(punctuate(_joined_names(te.clean_tokens(raw))))
    typed = any(t in _END or t == "," for t in raw) and not said.islower()
    sentences: list[Sentence] = []
    helper: str | None = greeted
    names = frozenset(te.lex()["_names"])
    asked = False
    # A greeting at the start names the helper: "Maria, could you…", "hey tom could you…".
    lows = [te.low(t) for t in toks]
    h = _helper_word(toks, lows, 0) if len(toks) > 2 and helper is None else None
    if h and h[0] and lows[0] not in ("my", "the", "our"):
        k = h[1]  # "jamal bro i would…", "paddy listen i don't…": the particle goes with the greeting
        greeted = False
        while k < len(lows) - 2:
            if lows[k] in _d()["address_particles"] or lows[k] in (",", "."):
                greeted = greeted or lows[k] not in (",", ".")
                k += 1
            elif lows[k] == "one" and lows[k + 1] in ("thing", "question") and k + 2 < len(lows) - 1:
                greeted, k = True, k + 2  # "arjun bhai one thing is the train…": a lead-in, then the question
            elif lows[k] == "good" and lows[k + 1] in ("morning", "afternoon", "evening", "day"):
                greeted, k = True, k + 2  # "doctor osei good morning it is mrs adjei…"
            elif lows[k] == "my" and lows[k + 1] in ("brother", "sister", "friend", "dear", "love", "darling", "man",
                                                     "boy", "girl", "guy", "son", "daughter", "child"):
                greeted, k = True, k + 2  # "kwame my brother thank you…": said to him, no part of the message
            else:
                break
        if greeted and te.is_word(toks[k]):
            h = (h[0], k)
    appositive = h is not None and lows[h[1]:h[1] + 1] in (["the"], ["our"], ["my"]) \
        and lows[h[1] + 1:h[1] + 2] and lows[h[1] + 1] in _d()["third_parties"]
    dislocated = lows[:1] in (["my"], ["our"], ["the"]) and lows[h[1] + 1:h[1] + 2] in (
        ["he"], ["she"], ["they"], ["it"]) if h else False  # "my mum, she keeps asking…": about her, not to her
    if h and h[0] and h[1] < len(lows) and not appositive and not dislocated and (
            lows[h[1]] == "," or _ask_at(toks, lows, h[1])
            or lows[h[1]] == "."  # "Nurse Aisha. Sorry to bother you…": a name alone first greets
            or lows[h[1]] in _CLAUSE_OPENERS and lows[0] not in ("my", "the", "our")
            and not (lows[h[1]] in ("can", "could", "would", "will", "is", "are", "do") and toks[0][:1].isupper()
                     and lows[h[1] + 1:h[1] + 2] and lows[h[1] + 1] not in ("you", "u", "ya", "ye", "y'all")
                     and (lows[h[1] + 1] in _verbs() or lows[h[1] + 1] in te.verbs()
                          or lows[h[1] + 1] in ("love", "like", "be", "not", "really", "also", "need")))):
            # ("Zara would love to come…", typed with its capital: Zara is who would, not who is asked)
        helper = h[0]
        toks = toks[h[1]:]
        if toks and toks[0] in (",", "."):
            toks = toks[1:]
    if helper is None:
        found = _vocative_inside(toks)
        if found:
            helper, toks = found
    spoken_of = False  # the helper was named in the third person ("Could Tony…"): later he/she is "you"
    if helper is None:
        found = _helper_third_person(toks)
        if found:
            helper, toks = found
            spoken_of = True
    other_people = bool({re.sub(r"'s$", "", te.low(t)) for t in toks} & set(_d()["people_words"]))
    spoken = not any(t in _END for t in raw)  # no stops said: the model placed them, and may veto
    parts_all = _split(toks, unlikely_ends(toks) if spoken else frozenset())
    n_sentences = len(parts_all)
    for k, s in enumerate(parts_all):
        s = te.collapse_repeats(te.clean_tokens(s) if k else s)
        lows = [te.low(t) for t in s]
        question = "?" in s or (not typed or not _ended_by_stop(s, raw)) and _is_question(lows)
        kw = _you_know_at(lows)
        if kw >= 0 and not typed:
            question = True
            s = s[:kw] + ["do"] + s[kw:]  # "you know if the food bank is open" → "Do you know if…?"
            lows = [te.low(t) for t in s]
        s = [t for t in s if t not in ("?", "!")]
        lows = [te.low(t) for t in s]
        if lows[:2] == ["i", "mean"] and len(lows) > 4 and lows[2] in (
                ",", "it", "it's", "the", "we", "she", "he", "they", "that", "there", "you", "my") \
                and not (lows[2] in ("it", "that") and lows[3] not in (
                    "will", "was", "is", "has", "had", "won't", "wasn't", "isn't", "can", "can't", "would", "might", "should")):
            # ("I mean it this time": meant, not a hesitation)
            s = s[3:] if lows[2] == "," else s[2:]  # "…under repair. I mean it will come at three": a hesitation
            lows = [te.low(t) for t in s]
        if not s or [w for w in lows if w not in (",", ".") and w not in _INTRO_CALL] in (
                ["it's"], ["its"], ["it", "is"], ["this", "is"]):
            continue  # "hey hun its like can you…": an "it's" left alone by its filler says nothing
        ask = _ask_at(s, lows, 0)
        lead: list[str] = []
        if ask is None and lows and lows[0] in ("so", "and", "but", "then", "or", "sorry", "also", "okay", "ok",
                                                 "well", "anyway"):
            ask = _ask_at(s, lows, 1)
            if ask:
                s, lows = s[1:], lows[1:]
        time_lead = lows[:1] in (["before"], ["after"], ["when"], ["once"], ["while"], ["if"], ["since"]) \
            and "," in s[2:18]
        if ask is None and ("," in s[1:4] or time_lead):
            # "Sorry, could you…", "Excuse me, can someone…", "Before this goes to legal, could…":
            # a lead, then the ask.
            k = s.index(",", 1) + 1
            ask = _ask_at(s, lows, k)
            if ask is None and time_lead and lows[k:k + 2] in (["you", "can"], ["you", "could"]) \
                    and lows[k + 2:k + 3] and lows[k + 2].isalpha() and lows[k + 2] not in (
                        "not", "never", "be", "see", "have", "keep", "stay", "use", "borrow", "go", "come", "take",
                        "call", "ring", "text", "always", "also", "still", "just", "sleep", "eat", "watch", "relax"):
                ask = ("open", 0, None)  # "When you come Saturday, you can clear out the gutter": asked, softly
            if ask:
                lead, s, lows = s[:k], s[k:], lows[k:]
        if ask is not None and ask[0] == "ask_name" and helper is not None and ask[2] \
                and ask[2].lower() != helper.lower():
            ask = ("modal", 0, None)  # to Kate, "or ask marco to do it": Kate is asked to ask Marco
        if ask is not None:
            kind, n, named = ask
            if named and helper is not None and named.lower() not in helper.lower().split() and kind == "modal":
                # to Auntie Efua, "can Kojo help me with deliveries? I will pay him": Kojo is asked for, not
                # her; the question stays as said (made "could you help me" it asked her and left "him")
                text = _finish(s, True, names)
                sent = Sentence("ask", text, render=lambda reg, _t=text: _t)
                sent.ask_core = te.detok(s[n:]).strip(" ,.")
                sentences.append(sent)
                asked = True
                continue
            if named and helper is None:
                helper = named
                spoken_of = True
            role = "need" if kind == "need" else "ask"
            as_said = _finish(list(s), True, names) if named else ""
            if named and not other_people and _third_person_of_helper(lows[n:]):
                s = s[:n] + _second_person(s[n:])  # "Could Pete bring his ladder" → "your ladder"
                lows = [te.low(t) for t in s]
            sent = _ask_sentence(kind, s, lows, n, named, names, role)
            if named and as_said:
                sent.render_said, sent.said_of = (lambda reg, _t=as_said: _t), named
            if lead:
                sent = _with_lead(sent, lead, names)
            sentences.append(sent)
            asked = asked or role == "ask"
        elif asked and (_offer_at(lows, 0) or _offer_phrase(lows)):
            # "I'll bring him coffee" is to the helper named in the ask; "could your lad saw it up…
            # I'll pay him" is to the lad, who is not the one reading
            third = bool({te.low(t) for t in toks} & set(_d()["offer_third_parties"]))
            # (a helper greeted by name is "you" already: "Marites, … I'll leave food and her leash"
            # is the dog's leash)
            sentences.append(_offer_sentence(s, names, to_you=spoken_of or not third and helper is None))
        elif _says_any(" ".join(lows), _d()["giving_away"]):
            text = _finish(s, question, names)  # "…a spare cot if anyone needs it, free to a good home"
            sentences.append(Sentence("offer", text, render=lambda reg, _t=text: _t))
        elif asked and spoken_of and not other_people and _third_person_of_helper(lows):
            text = _finish(_second_person(s), question, names)  # "I know she's swamped" → "you're"
            sentences.append(Sentence("statement", text, render=lambda reg, _t=text: _t))
        elif ("please" in lows[1:] or question and _is_question(lows)) and not _thanks_at(lows, 0):
            text = _finish(s, question, names)
            sent = Sentence("ask", text, render=lambda reg, _t=text: _t)
            sent.ask_core = te.detok([t for t in s if te.low(t) != "please"]).strip(" ,.")
            sentences.append(sent)
            asked = True
        elif _thanks_at(lows, 0):
            text = _finish(s, False, names)
            # (a thank-you that is all there is, "thx!!", is the message, never a sign-off dropped)
            short_close = (asked or 0 < k == n_sentences - 1) and len([w for w in lows if w.isalpha()]) <= 4 \
                and "for" not in lows
            # ("…Sorry again, and thank you.": said after the ask, a short thanks closes the note)
            sentences.append(Sentence("closing" if short_close else "thanks", text, render=lambda reg, _t=text: _t))
        else:
            text = _finish(s, question, names)
            # A question asked is what the person wants answered ("are we invoicing it in one go or
            # two?", "I wanted to ask if I should stop them"): no ask is made up for it.
            sent = Sentence("statement", text, render=lambda reg, _t=text: _t)
            sent.asks_answer = question and _asks_something(lows) \
                or _says_any(" ".join(lows), _d()["indirect_questions"]) \
                or _says_any(" ".join(lows), _d()["invitations"])  # "come by Sunday for your tea": it asks
            sentences.append(sent)
    if closing:
        closing = closing[:1].upper() + closing[1:]  # "thanks, Kai's mum" typed in lower case
        sentences.append(Sentence("closing", closing, render=lambda reg, _t=closing: _t if _t[-1:] in ".!" else _t + "."))
    words = {te.low(t) for t in toks}
    hard_words = set(_d()["difficulty"])
    hard = any(te.lemmas(w) & hard_words for w in words) and not {"don't", "need"} <= words \
        and not _says_any(" ".join(te.low(t) for t in raw), _d().get("not_hard", []))
    return Draft("en", sentences, helper=helper, source_register="casual" if not typed else "polite",
                 difficulty=hard)


def _ask_sentence(kind: str, s: list[str], lows: list[str], n: int, named: str | None,
                  names: frozenset[str], role: str) -> Sentence:
    d = _d()
    rest = s[n:]
    rest_low = lows[n:]
    if rest_low[:1] == ["please"]:
        rest, rest_low = rest[1:], rest_low[1:]
    core = te.detok(rest).strip(" ,.")
    if kind == "need":
        text = _finish(s, False, names)
        sent = Sentence("need", text, render=lambda reg, _t=text: _t)
        sent.ask_core = core
        return sent
    said_modal = lows[0] if kind == "modal" else ""
    please = "please" in lows[:n + 1]
    # "could you …": the person's own modal, kept where the register allows it; "would someone be
    # able to" keeps its "would" too.
    own = kind == "modal" and (named is None and lows[1] in ("you", "u", "ya") or rest_low[:3] == ["be", "able", "to"])

    def render(register: str) -> str:
        if kind == "need_help":
            body = rest
            if rest_low[:1] == ["with"]:
                return _finish(["could" if register != "casual" else "can", "you", "help", "me"] + body, True, names)
            body = _ungerund(body)
            return _finish(_modal(register, "") + ["help", "me"] + body, True, names)
        if kind in ("modal", "need_someone", "ask_name") or (kind == "open" and lows[0] == "help"):
            modal = said_modal if own and said_modal in d["modal_ok"][register] else ""
            body = (["help", "me"] if kind == "open" else []) + (_with_me(rest) if kind == "need_someone" else rest)
            words = _modal(register, modal) + (["please"] if please and register != "honorific" else []) + body
            return _finish(words, True, names)
        if kind == "rewrite":
            rw = next(r for r in d["rewrites"] if lows[:len(r["from"])] == r["from"])
            return _finish(rw["to"] + rest, _is_question(rw["to"]), names)
        if kind == "if":
            body = rest[1:] if rest_low[:1] == ["could"] else rest[2:] if rest_low[:2] in (
                ["you", "could"], ["you", "would"], ["you", "can"]) else rest  # "…grateful if you could review"
            someone = rest_low[:1] and rest_low[0] in d["_someone"] and rest_low[0] != "you" and any(
                w in ("could", "can", "would") for w in rest_low[1:6])
            words = ["if"] + rest if someone else ["if", "you", "could"] + body  # "if someone from the team could…"
            text = te.detok(words)
            if not re.search(r"\b(great|amazing|appreciate|wonderful|lifesaver|lovely|mean)\b|\b(?:would|will|'d)\b.*\bhelp\b",
                             text) \
                    and not re.search(r", (?:i will|i'll|i can|i'd|drinks|lunch|dinner|coffee)\b", text, re.IGNORECASE):
                text += ", that would really help"
            return _finish(te.tokens(text), False, names)
        asks_you = bool(re.search(r"\b(?:could|can|would|will) (?:you|someone|somebody|anyone|anybody)\b", " ".join(lows)))
        return _finish(s, _is_question(lows) or asks_you, names)

    sent = Sentence(role, te.detok(s), render=render)
    sent.ask_core = core
    anyone = lows[1] if kind == "modal" and named is None and len(lows) > 1 else ""
    if anyone in ("someone", "somebody", "anyone", "anybody"):
        def render_addressed(register: str) -> str:
            modal = said_modal if said_modal in d["modal_ok"][register] else ""
            opener = [anyone if w == "you" else w for w in _modal(register, modal)]
            return _finish(opener + (["please"] if please and register != "honorific" else []) + rest, True, names)

        sent.render_addressed = render_addressed
        if "else" in rest_low:  # "can someone do the newsletter and somebody else the stand-up": two people
            sent.render = render_addressed
    return sent


#: "tell me | I'm not crazy", "remind me | I'm seeing the dentist": what they are told, one sentence.
_TELL = {"tell", "told", "remind", "promise", "assure", "show", "convince"}
_KEEP_COMPANY = {"talk", "chat", "sit", "stay", "be", "come", "speak", "go", "hang", "walk", "wait"}
_NOT_OBJECTS = {"for", "tonight", "today", "tomorrow", "now", "later", "this", "when", "while", "after", "until",
                "at", "on", "in", "maybe", "please", "just", "till", "over", "there", "here", "about"}


def _with_me(rest: list[str]) -> list[str]:
    """"(I need someone) to talk to for a bit" asked of the helper: "talk to me for a bit", not
    "Could you talk to for a bit?"."""
    lows = [te.low(t) for t in rest]
    for k in range(1, len(rest)):
        if lows[k] in ("to", "with") and lows[k - 1] in _KEEP_COMPANY and (k + 1 == len(rest) or lows[k + 1] in _NOT_OBJECTS):
            return rest[:k + 1] + ["me"] + rest[k + 1:]
        if lows[k] in ("to", "with", "on", "at") and k == len(rest) - 1 and lows[0] not in _KEEP_COMPANY:
            return ["let", "me"] + rest + ["you"]  # "someone to rant to": "could you let me rant to you?"
    return rest


def _with_lead(sent: Sentence, lead: list[str], names: frozenset[str]) -> Sentence:
    """The ask said after a short lead ("Sorry, could you…"): the lead stays in front of it."""
    said = te.detok([te.case_word(t, names) for t in lead])

    def led(inner: Callable[[str], str]) -> Callable[[str], str]:
        def render(register: str) -> str:
            body = inner(register)
            return te.capitalise(said) + " " + (body[:1].lower() + body[1:] if not body.startswith("I ") else body)
        return render

    out = Sentence(sent.role, said + " " + sent.text, render=led(sent.render))
    out.ask_core = sent.ask_core
    if sent.render_addressed is not None:
        out.render_addressed = led(sent.render_addressed)
    return out


def _modal(register: str, own: str) -> list[str]:
    if own:
        return [own, "you"]
    return _d()["ask_modal"][register].split(" ")


def _ungerund(toks: list[str]) -> list[str]:
    """"moving the bookshelf" → "move the bookshelf" (after "help me")."""
    if not toks:
        return toks
    w = te.low(toks[0])
    if w.endswith("ing") and len(w) > 5:
        from ..nlu import langdata

        verbs = set(langdata.load("en")["verbs"])
        for cand in sorted(te.lemmas(w), key=len):
            if cand in verbs:
                return [cand] + toks[1:]
        stem = w[:-3]
        return [stem + ("e" if stem.endswith(("v", "z", "c")) else "")] + toks[1:]
    return toks


_NOT_NOUN = {"to", "for", "with", "at", "in", "on", "a", "an", "the", "some", "back", "up", "down", "out", "tonight",
             "tomorrow", "today", "later", "next", "this", "again", "too", "please", "and", "or", "a", "lunch",
             "dinner", "breakfast", "coffee", "home", "in", "return", ",", "."}


def _third_person_of_helper(lows: list[str]) -> bool:
    return bool({"he's", "she's", "him", "his", "her", "he", "she"} & set(lows))


def _second_person(toks: list[str]) -> list[str]:
    """He/she said of the helper, to the helper: "he's got the long arms" → "you've got…"."""
    out: list[str] = []
    for k, t in enumerate(toks):
        w = te.low(t)
        nxt = te.low(toks[k + 1]) if k + 1 < len(toks) else ""
        cap = (lambda x: x[:1].upper() + x[1:]) if t[:1].isupper() else (lambda x: x)
        if w in ("he's", "she's"):
            out.append(cap("you've" if nxt in ("got", "been", "done", "had") else "you're"))
        elif w in ("he", "she") and nxt in ("is", "was"):
            out.append(cap("you"))
            toks = toks[:k + 1] + ["are" if nxt == "is" else "were"] + toks[k + 2:]
        elif w in ("him", "his", "her"):
            out.append(cap(_to_you(toks, k)))
        elif w in ("he", "she") and nxt in ("can", "could", "will", "would", "might", "should", "knows", "has"):
            out.append(cap("you"))
            if nxt in ("knows", "has"):
                toks = toks[:k + 1] + ["know" if nxt == "knows" else "have"] + toks[k + 2:]
        else:
            out.append(t)
    return out


def _to_you(toks: list[str], k: int) -> str:
    """The helper named in the third person in an offer ("I'll bring him coffee") → "you"."""
    w = te.low(toks[k])
    if w in ("him",):
        return "you"
    if w == "his":
        return "your"
    if w == "her":
        nxt = te.low(toks[k + 1]) if k + 1 < len(toks) else ""
        return "your" if nxt.isalpha() and nxt not in _NOT_NOUN else "you"
    return toks[k]


def _offer_sentence(s: list[str], names: frozenset[str], to_you: bool = True) -> Sentence:
    d = _d()
    lows = [te.low(t) for t in s]

    def render(register: str, helper: str | None = None) -> str:
        toks = list(s)
        said = " ".join(lows)
        if lows[:2] in (["i", "can"], ["i", "could"]) and not any(h in said for h in d["offer_has_return"]) \
                and not _says_any(said, d["offer_logistics"]) \
                and len(lows) > 3 and "instead" not in lows and "after" not in lows:
            toks = toks + ["in", "return"]
        toks = [_to_you(toks, k) if k > 1 and to_you else t for k, t in enumerate(toks)]
        return _finish(toks, False, names)

    text = te.detok(s)
    sent = Sentence("offer", text, render=render)
    sent.ask_core = te.detok(s[_offer_at(lows, 0):])
    return sent


def _asks_something(lows: list[str]) -> bool:
    """A question that wants an answer, not one said to oneself ("why is this so hard?", "you know?")."""
    words = [w for w in lows if w.isalpha() or "'" in w]
    return len(words) > 2 and words[0] not in ("why", "who", "you", "know", "right", "ok", "okay") \
        and words[-2:] not in (["you", "know"], ["know", "what"], ["ya", "know"])


def _says_any(low: str, phrases: list[str]) -> bool:
    padded = " " + re.sub(r"[^a-z0-9' ]+", " ", low) + " "
    return any(f" {p} " in padded for p in phrases)
