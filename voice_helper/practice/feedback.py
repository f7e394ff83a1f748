"""Kind feedback on one rehearsed ask: what it already has, the ONE thing that would make it
clearer, and a better version built from the person's own words.

Why the composer reads the attempt: practice must judge an ask the way the real product would
turn it into a message, so the elements come from the same parse (slots, the analysis of each
sentence) and the better version is the same composer's message. Recognizer text is rough
("could he helped me"), so short cue lists from the data file back the parse up. There are no
scores: an attempt has elements, and at most one suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..request import HelpRequest, Resource
from .data import ELEMENTS, Scenario, cue_pattern, load, prompt


class Composer(Protocol):
    """What practice needs from the composer (``DefaultComposer`` in production)."""

    def compose(self, text: str, lang: str, to: str | None) -> HelpRequest: ...


class DefaultComposer:
    """The real composer and intent engine, with the person's settings."""

    def __init__(self, settings: Any = None) -> None:
        from ..config import Settings

        self.settings = settings if settings is not None else Settings()

    def compose(self, text: str, lang: str, to: str | None) -> HelpRequest:
        from ..compose import compose_text

        return compose_text(text, lang=lang, to=to, settings=self.settings)

    def warm_up(self) -> None:
        from .. import nlu

        nlu.get_engine().parse("warm up", lang="en")


@dataclass
class Assessment:
    """What one attempt had, the one thing to add, and the better version."""

    said: str
    elements: list[str]  # present, in ELEMENTS order
    missing: list[str]  # needed by the scenario but absent, most useful first
    request: HelpRequest | None = None  # the composer's reading of the words as said
    better: str = ""
    crisis: bool = False
    resources: list[Resource] = field(default_factory=list)

    @property
    def next_step(self) -> str | None:
        """The ONE thing: never a list of everything that is missing."""
        return self.missing[0] if self.missing else None

    @property
    def good(self) -> bool:
        return not self.missing


@dataclass
class PlanB:
    said: str
    kinds: list[str]  # person | time | smaller, as found
    no_one: bool = False  # "there's no one to ask": the consultation routes are shown


def canonical(text: str, lang: str) -> str:
    """Lower case, NFKC, punctuation out, a few unapostrophised contractions restored; Japanese
    without spaces (Vosk spaces its words)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    if lang == "ja":
        return re.sub(r"[\s、。,.!?！？「」…]+", "", text)
    text = re.sub(r"[^\w\s']", " ", text)
    for bare, full in (("cant", "can't"), ("im", "i'm"), ("dont", "don't"), ("wont", "won't"),
                       ("thats", "that's"), ("ive", "i've"), ("youre", "you're"), ("ill", "i'll")):
        text = re.sub(rf"\b{bare}\b", full, text)
    return re.sub(r"\s+", " ", text).strip()


def _cue(lang: str, name: str, low: str, group: str = "cues") -> bool:
    rx = cue_pattern(lang, group, name)
    return bool(rx and rx.search(low))


_TITLES = {"mr", "ms", "mrs", "dr", "miss"}
_JA_TITLES = re.compile(r"(さん|様|さま|くん|ちゃん|部長|課長|主任|先生|先輩)$")


def names_helper(low: str, scenario: Scenario, lang: str) -> bool:
    """Did the words name the scenario's helper ("John, …", 田中さん…)?"""
    if not scenario.helper:
        return False
    if lang == "ja":
        core = _JA_TITLES.sub("", scenario.helper) or scenario.helper
        return core in low
    words = [w for w in canonical(scenario.helper, lang).split() if w not in _TITLES]
    extra = {"mum": ("mum", "mom", "mother", "mama")}.get(words[0] if words else "", ())
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in (*words, *extra))


def detect(said: str, request: HelpRequest | None, scenario: Scenario, lang: str) -> list[str]:
    """The elements an attempt has, from the composer's parse backed up by the data's cues."""
    from ..compose.analysis import draft_for

    low = canonical(said, lang)
    slots = request.slots if request is not None else None
    d = draft_for(request) if request is not None else None
    has: set[str] = set()
    if (slots and slots.feelings) or (d and d.difficulty and d.by_role("statement")) \
            or _cue(lang, "hard", low):
        has.add("hard")
    if (slots and slots.asks) or (d and d.by_role("ask", "need")) or _cue(lang, "ask", low):
        has.add("ask")
    if slots and (slots.deadline or slots.duration_minutes is not None
                  or any(t.role in ("deadline", "when") for t in slots.times)):
        has.add("when")
    elif _cue(lang, "when", low):
        has.add("when")
    named = [n for n in (slots.recipient if slots else None, d.helper if d else None) if n]
    if names_helper(low, scenario, lang) \
            or any(names_helper(canonical(n, lang), scenario, lang) for n in named):
        has.add("who")
    if (slots and slots.offer) or (d and d.by_role("offer")) or _cue(lang, "return", low):
        has.add("return")
    return [e for e in ELEMENTS if e in has]


def assess(said: str, scenario: Scenario, lang: str, composer: Composer) -> Assessment:
    """Read an attempt: its elements, the one thing to add, the better version."""
    request = _compose(composer, said, lang, None)
    elements = detect(said, request, scenario, lang)
    order = load(lang).get("priority") or list(ELEMENTS)
    missing = [e for e in order if e in scenario.needs and e not in elements]
    a = Assessment(said=said, elements=elements, missing=missing, request=request,
                   crisis=bool(request and (request.crisis or request.urgency.value == "check")),
                   resources=list(request.resources) if request else [])
    a.better = better_version(said, a.next_step, scenario, lang, composer)
    return a


def _compose(composer: Composer, text: str, lang: str, to: str | None) -> HelpRequest | None:
    try:
        return composer.compose(text, lang, to)
    except Exception:  # the composer refused (e.g. only punctuation): the cues still work
        return None


def better_version(said: str, step: str | None, scenario: Scenario, lang: str,
                   composer: Composer) -> str:
    """The composer's message from the person's own words, with the one suggestion added where
    it belongs: what is hard first, the time inside the ask (or, where the scenario says so, in
    what is hard), the ask or the limit after. Only the suggestion is new; the rest is theirs."""
    add = scenario.suggest.get(step or "", "") if step != "who" else ""
    to = scenario.helper or None
    own = _without_vocative(said, scenario, lang) if to else said
    if not own.strip(" 、,.。…") and add:
        text = _ended(add, lang)  # only a greeting was said ("Hi Amy"): the suggestion alone
    else:
        text = _insert(own or said, step, add, scenario, lang) if add else (own or said)
    if scenario.kind == "decline":
        return _plain(text, lang, to)
    request = _compose(composer, text, lang, to)
    if request is not None and request.crisis:
        plain = _compose(composer, own, lang, to)
        if plain is not None and not plain.crisis:
            # the words added here must never turn a rehearsal into an emergency message
            return f"{plain.message}\n{add}".strip() if add else plain.message
    message = request.message if request is not None and request.message else text
    return message.lstrip("…、,. ")


_EN_END = re.compile(r"[.!?]+")
_JA_END = re.compile(r"[。！？!?]+|…+")


def _sentences(text: str, lang: str) -> list[str]:
    """The person's sentences with their own end marks (a recognizer's text is one sentence)."""
    rx = _JA_END if lang == "ja" else _EN_END
    out, start = [], 0
    for m in rx.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s.strip(" 、,")]


def _insert(said: str, step: str | None, add: str, scenario: Scenario, lang: str) -> str:
    parts = _sentences(said, lang)
    sep = "" if lang == "ja" else " "
    if step == "hard":
        return sep.join([_ended(add, lang), *parts])
    if step != "when" or scenario.kind == "decline":
        return sep.join([*(_ended(p, lang) for p in parts), _ended(add, lang)])
    target = "hard" if scenario.suggest.get("when_goes") == "hard" else "ask"
    hits = [i for i, p in enumerate(parts) if _cue(lang, target, canonical(p, lang))]
    i = hits[-1] if hits else len(parts) - 1
    if i < 0:
        return add
    body, mark = _split_mark(parts[i], lang)
    parts[i] = f"{add}{body}{mark}" if lang == "ja" else f"{body} {add}{mark}"
    return sep.join(parts)


def _split_mark(sentence: str, lang: str) -> tuple[str, str]:
    rx = re.compile(r"([。！？!?]+|…+)$" if lang == "ja" else r"([.!?]+)$")
    m = rx.search(sentence)
    return (sentence[:m.start()], m.group(1)) if m else (sentence, "")


def _ended(text: str, lang: str) -> str:
    text = text.strip()
    if lang == "ja":
        return text if re.search(r"[。！？!?…]$", text) else text + "。"
    return text if re.search(r"[.!?]$", text) else text + "."


def _without_vocative(said: str, scenario: Scenario, lang: str) -> str:
    """"Hi Amy, could we talk" → "could we talk": the composer puts the name back once."""
    if lang == "ja":
        core = _JA_TITLES.sub("", scenario.helper) or scenario.helper
        rx = re.compile(rf"^\s*{re.escape(core)}\S{{0,3}}?[、,]\s*")
    else:
        words = [re.escape(w) for w in scenario.helper.split() if w.lower().rstrip(".") not in _TITLES]
        name = r"\s+".join(words) if words else re.escape(scenario.helper)
        rx = re.compile(rf"^\s*(?:(?:hi|hello|hey|dear)\s+)?(?:(?:mr|ms|mrs|dr)\.?\s+)?{name}\s*[,.!]?\s*",
                        re.IGNORECASE)
    return rx.sub("", said, count=1)


def _plain(text: str, lang: str, to: str | None) -> str:
    """A reply that is not a request (saying no kindly): the person's sentences, cleaned and
    addressed, with nothing added (the message template would add an ask). Japanese keeps its
    own endings (よ, ね) exactly as said."""
    if lang == "ja":
        from ..text.clean import join_cjk

        body = join_cjk(text).strip()
        return f"{to}、{body}" if to else body
    from ..compose.analysis import draft

    d = draft(text, lang)
    body = " ".join(x for x in (s.say(d.source_register).strip() for s in d.sentences if s.text.strip()) if x)
    if to:
        keep = re.match(r"I\b", body) is not None  # "I'm sorry", not "i'm sorry"
        return f"{to}, {body if keep else body[:1].lower() + body[1:]}"
    return body


def assess_plan_b(said: str, scenario: Scenario, lang: str,
                  composer: Composer | None = None) -> PlanB:
    """Which plan B the words hold: another person, another time, a smaller ask."""
    low = canonical(said, lang)
    kinds = [k for k in ("person", "time", "smaller") if _cue(lang, k, low, "plan_b")]
    if "person" not in kinds and composer is not None:
        request = _compose(composer, said, lang, None)
        other = request.slots.recipient if request is not None else None
        if other and canonical(other, lang) not in canonical(scenario.helper or "", lang):
            kinds.insert(0, "person")
    return PlanB(said=said, kinds=kinds, no_one=_cue(lang, "", low, "no_one"))


# --- wording ---------------------------------------------------------------------------------


def join_list(items: list[str], lang: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    comma, and_ = prompt(lang, "list_comma"), prompt(lang, "list_and")
    return comma.join(items[:-1]) + and_ + items[-1]


def tip(step: str, scenario: Scenario, lang: str) -> str:
    data = load(lang)
    example = _example(step, scenario, lang)
    template = scenario.tips.get(step) or data["tips"][step]
    return template.format(example=example)


def _example(step: str, scenario: Scenario, lang: str) -> str:
    if step == "who":
        ask = scenario.suggest.get("ask", "")
        if lang == "ja":
            return f"{scenario.helper}、{ask}" if scenario.helper else ask
        return f"{scenario.helper}, {ask[:1].lower() + ask[1:]}" if scenario.helper else ask
    return scenario.suggest.get(step, "")


def feedback_lines(a: Assessment, scenario: Scenario, lang: str, *, first: bool,
                   nth: int = 0) -> list[str]:
    """Warm and short: an opener, what the ask already has, the one thing, the better version."""
    data = load(lang)
    names = data["elements"]
    openers = data["prompts"]["openers"]
    opener = prompt(lang, "first_try") if first else openers[nth % len(openers)]
    lines = [opener]
    if a.elements:
        lines.append(prompt(lang, "has", list=join_list([names[e] for e in a.elements], lang)))
    elif not first:
        lines.append(prompt(lang, "has_nothing"))
    lines.append(tip(a.next_step, scenario, lang) if a.next_step else prompt(lang, "all_there"))
    if a.better:
        lines.append(prompt(lang, "better_added" if a.next_step else "better_same"))
        lines.append(a.better)
    return lines


def plan_b_lines(p: PlanB, scenario: Scenario, lang: str) -> list[str]:
    kinds = load(lang)["prompts"]["plan_b_kinds"]
    if p.kinds:
        return [prompt(lang, "plan_b_good", kind=kinds[p.kinds[0]])]
    example = scenario.plan_b or scenario.suggest.get("ask", "")
    return [prompt(lang, "plan_b_any", example=example)]

