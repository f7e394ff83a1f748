"""English slot rules over the canonical (lower-case, filler-free) line.

Why rules and not a model: each slot has a recognisable surface form ("could Ken take…",
"by five", "half an hour", "I can … in return") and the lexicons behind them live in
``data/en.yaml``; rules give exact spans that read well when echoed back to the person.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import langdata

_CLAUSE_END = re.compile(r"\b(?:but|because|since|so that|while|although|though|cause|cuz)\b")


@lru_cache(maxsize=1)
def _d() -> dict[str, Any]:
    data = langdata.load("en")
    roles = sorted(data["roles"], key=len, reverse=True)
    verbs = set(data["verbs"])
    return {
        "data": data,
        "roles": roles,
        "role_re": "|".join(re.escape(r) for r in roles),
        "verbs": verbs,
        "not_names": set(data["not_names"]) | verbs,
        "markers": re.compile(r"\b(?:" + "|".join(p.replace("(?P<name>", f"(?P<name{i}>")
                                                  for i, p in enumerate(data["request_markers"])) + r")"),
        "stops": re.compile("|".join(data["ask_stops"])),
        "offer": re.compile(r"\b(?:" + "|".join(data["offer_markers"]) + r")"),
        "cues": data["offer_cues"],
        "numbers": {k: int(v) for k, v in data["numbers"].items()},
        "dur_re": re.compile(r"\b(\d+|" + "|".join(sorted((re.escape(k) for k in data["numbers"]), key=len, reverse=True))
                             + r")\s*(minutes?|mins?|hours?|hrs?)\b"),
        "durations": sorted(((k, int(v)) for k, v in data["durations"].items()), key=lambda kv: -len(kv[0])),
    }


# ---- recipient ----------------------------------------------------------------------------

def recipient(text: str, original: str = "") -> str | None:
    d = _d()
    roles = d["role_re"]
    m = re.search(rf"\b(?:could|can|would|will|ask|asking|tell|to|maybe|if) (?:my|our|the) ({roles})\b", text) \
        or re.search(rf"\b(?:my|our|the) ({roles})\b(?= (?:could|can|would|might|please|to help))", text) \
        or re.search(rf"^(?:hi |hey |dear )?({roles})\b(?= (?:could|can|would|will|please|i))", text)
    if m:
        return m.group(1)
    for pat in (r"\b(?:could|can|would|will|might) ([a-z][a-z'-]+)(?: (?:please|possibly|maybe|perhaps|maybe))? (\w+)",
                r"\b(?:ask|asking|tell) ([a-z][a-z'-]+) (?:to|if|whether)\b()",
                r"^(?:hi |hey |dear )?([a-z][a-z'-]+) (?:could|can|would|will) you\b()",
                r"\b(?:if|maybe) ([a-z][a-z'-]+) (?:could|can) (\w+)"):
        for m in re.finditer(pat, text):
            name, nxt = m.group(1), m.group(2)
            if name in d["not_names"] or name in ("mind", "be", "like"):
                continue
            if nxt and nxt not in d["verbs"] and nxt not in ("help", "please", "give", "lend", "cover",
                                                            "pick", "sit", "come", "go", "explain", "look"):
                continue
            return _cased(name, original)
    return None


def _cased(name: str, original: str) -> str:
    m = re.search(rf"\b({re.escape(name)})\b", original, re.IGNORECASE)
    if m and any(c.isupper() for c in m.group(1)):
        return m.group(1)
    return name[:1].upper() + name[1:]


# ---- duration -----------------------------------------------------------------------------

def duration(text: str) -> int | None:
    d = _d()
    for phrase, minutes in d["durations"]:
        if phrase not in text:
            continue
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text):
            if not re.search(r"\b(?:in|within|after|ago)\s*$", text[: m.start()]):
                return minutes
    for m in d["dur_re"].finditer(text):
        if re.search(r"\b(?:in|within|after|every)\s*$", text[: m.start()]) or m.group(1) in ("a few", "a couple", "couple"):
            continue
        if re.match(r"\s*(?:-\s*)?(?:shift|drive|flight|day|journey|wait|trip|ride|walk|old|long|delay|meeting)s?\b",
                    text[m.end():]) and not m.group(2).endswith("s"):
            continue  # "a twelve hour shift" describes the shift, it is not how long the help takes
        n = int(m.group(1)) if m.group(1).isdigit() else d["numbers"][m.group(1)]
        return n * 60 if m.group(2).startswith(("hour", "hr")) else n
    return None


# ---- offer --------------------------------------------------------------------------------

def offer(text: str) -> tuple[str, tuple[int, int]] | None:
    """What the person offers in return, and its span (so deadlines inside it are skipped)."""
    d = _d()
    for m in d["offer"].finditer(text):
        rest = text[m.end():]
        stop = re.search(r"\b(?:if|could you|can you|would you|but|because|so|and could|and can)\b", rest)
        body = rest[: stop.start()] if stop else rest
        body = re.sub(r"\b(?:in return|for you in return)\b", "", body).strip()
        said = m.group(0)
        strong = any(w in said for w in ("return", "happy", "owe"))
        if not body or len(body.split()) > 12:
            continue
        if not strong and not any(c in f" {body} " for c in d["cues"]) and "in return" not in rest:
            continue
        if re.match(r"(?:use|really|be|miss|lose|fail|need|have|probably|try|barely|hardly|ask someone)\b", body):
            continue
        return body, (m.start(), m.end() + len(rest[: stop.start()] if stop else rest))
    return None


# ---- asks ---------------------------------------------------------------------------------

def asks(text: str, skip: list[str]) -> list[str]:
    """Each concrete thing asked for; ``skip`` holds deadline/duration words to leave out."""
    d = _d()
    found: list[str] = []
    role_marker = re.compile(rf"\b(?:could|can|would|will) (?:my|our|the) (?:{d['role_re']}) (?:please )?")
    matches = sorted(list(d["markers"].finditer(text)) + list(role_marker.finditer(text)), key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for m in matches:
        if kept and m.start() < kept[-1].end():
            if m.end() > kept[-1].end() and m.start() == kept[-1].start():
                kept[-1] = m
            continue
        kept.append(m)
    matches = kept
    for i, m in enumerate(matches):
        names = [v for k, v in m.groupdict().items() if k.startswith("name") and v]
        if names and names[0] in d["not_names"] | {"i", "we", "you"}:
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        seg = text[m.end(): end]
        stop = d["stops"].search(" " + seg)
        if stop:
            seg = seg[: max(0, stop.start() - 1)] if stop.start() > 0 else ""
        ce = _CLAUSE_END.search(seg)
        if ce:
            seg = seg[: ce.start()]
        for s in skip:
            if s:
                seg = re.sub(rf"\s*\b{re.escape(s)}\b", "", seg)
        seg = re.sub(r"\b(?:for me|please|for a bit|for a while|right now|now|today|if possible|real quick)\b", "", seg)
        seg = re.sub(r"\s+", " ", seg).strip()
        seg = re.sub(r"^(?:help(?: me)? (?:with )?)(?=\w+ \w+)", lambda x: x.group(0) if x.group(0).startswith("help me") else "", seg)
        if not seg or seg in ("help", "me", "it", "this", "that", "mind"):
            continue
        for part in _split(seg, d["verbs"]):
            words = part.split()
            if words and len(words) <= 12:
                found.append(part)
    out: list[str] = []
    for a in found:
        if a not in out:
            out.append(a)
    return out


_DETERMINERS = {"the", "my", "our", "your", "these", "those", "some", "a", "an", "his", "her", "their"}


def _split(seg: str, verbs: set[str]) -> list[str]:
    """Split on or/and where a new ask starts: a verb ("or print the slides"), or a new object
    after the first ask's verb ("take the invoices or the filing" -> "take the filing")."""
    parts = [seg]
    for conj in (" or ", " and "):
        nxt: list[str] = []
        for p in parts:
            pieces = p.split(conj)
            cur = pieces[0]
            verb = cur.split(" ", 1)[0]
            for piece in pieces[1:]:
                first = piece.split(" ", 1)[0] if piece else ""
                if first in verbs:
                    nxt.append(cur.strip())
                    cur = piece
                elif first in _DETERMINERS and verb in verbs and " " in cur.strip():
                    nxt.append(cur.strip())
                    cur = f"{verb} {piece}"
                else:
                    cur = f"{cur}{conj}{piece}"
            nxt.append(cur.strip())
        parts = [p for p in nxt if p]
    return parts


# ---- task ---------------------------------------------------------------------------------

_GERUND_EXCEPT = {"get": "getting", "put": "putting", "cut": "cutting", "sit": "sitting", "run": "running",
                  "tie": "tying", "lie": "lying", "see": "seeing", "be": "being", "stop": "stopping",
                  "plan": "planning", "shop": "shopping", "drop": "dropping", "fit": "fitting",
                  "keep": "keeping", "swim": "swimming"}


def gerund(verb: str) -> str:
    if verb in _GERUND_EXCEPT:
        return _GERUND_EXCEPT[verb]
    if verb.endswith("ing"):
        return verb
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


_TASK_PATTERNS = [
    r"\b(?:deadline|due date) (?:for|on) ((?:the|my|our|this|a) (?:\w+ ){0,3}?\w+)(?= and| could| can| so| but| i |$)",
    r"\b(?:struggling|stuck|behind|falling behind|drowning|swamped|buried|overloaded|snowed under) (?:with|on|in) ((?:the |my |our |these |this |all )?(?:\w+ ){0,3}?\w+)(?= and| could| can| so| but| i | because| before| by| for|$)",
    r"\b((?:the|my|this|our) (?:\w+ ){0,3}?\w+) (?:is|are) (?:killing|murdering) me\b",
    r"\bhelp (?:me )?with ((?:the |my |our |this )?(?:\w+ ){0,3}?\w+)(?= and| could| can| so| but| i | because| before| by| for| tonight| tomorrow|$)",
    r"\b(?:can't|unable to|too (?:weak|much|heavy|tired|shaky|sore|stiff|hard) (?:for me )?to|can't manage to|hard to) ((?:\w+)(?: (?:\w+)){0,4}?)(?= and| could| can| so| but| because| it's| my| with| since| by hand| i | please| someone| while|$)",
    r"^((?:the|my|our|this) (?:[\w'-]+ ){0,3}?[\w'-]+) (?:is|are|isn't|won't|keeps|keep|doesn't|don't|stopped|crashed|froze|has|have|hurts|hurt|aches|is not)\b",
    r"\b(?:finish|do|get through|complete) ((?:the|my|all the|all my) (?:\w+ ){0,3}?\w+)(?= and| could| can| so| but| because| by| before| tonight| tomorrow| on time| in time| alone| myself|$)",
]
_TASK_RE = [re.compile(p) for p in _TASK_PATTERNS]


def task(text: str, skip: list[str]) -> str | None:
    cleaned = text
    for s in skip:
        if s:
            cleaned = re.sub(rf"\s*\b{re.escape(s)}\b", "", cleaned)
    for i, rx in enumerate(_TASK_RE):
        m = rx.search(cleaned)
        if not m:
            continue
        t = m.group(1).strip()
        if i == 4:
            words = t.split()
            if words[0] in ("do", "be", "go", "have", "stop", "keep", "think", "help"):
                if len(words) == 1:
                    continue
            words[0] = gerund(words[0])
            t = " ".join(words)
        if t and t not in ("it", "this", "that", "me"):
            return t
    return None
