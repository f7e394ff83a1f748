"""IntentEngine: one utterance in, one HelpRequest (message still empty) out.

Order of work, and why:
1. normalise (fillers, commas, repeats, Vosk spaces out) — so none of them can change the answer;
2. the crisis rules (``safety``) — first and independent of the classifier;
3. the classifier's calibrated probabilities — it may RAISE a crisis (emergency with enough
   probability) but it can never lower one the rules found: a rule hit always ends as
   intent emergency, urgency critical, crisis true, with resources;
4. uncertainty: below ``threshold`` or within ``margin`` of the runner-up, the intent is
   ``other`` with "what" missing and the candidates in ``alternatives``, so the dialog asks;
5. slots, urgency and the essentials still missing.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timedelta
from pathlib import Path

from ..config import Settings, load_settings
from ..errors import UsageError
from ..request import ESSENTIALS, Alternative, HelpRequest, Intent, Urgency
from ..textsafe import clean_lines, clean_utterance
from . import classifier, langdata, safety
from .langdetect import detect_language
from .normalize import normalize
from .resources import crisis_resources
from .slots import extract_slots

#: Below this calibrated probability the engine says it does not know.
THRESHOLD = 0.40
#: Top two closer than this: a tie, also "do not know" (unless the top is already confident).
MARGIN = 0.08
TIE_CEILING = 0.55
#: The classifier alone flags a crisis at this probability of "emergency".
RAISE_CRISIS = 0.60
RULE_CONFIDENCE = 0.97
#: Slots and the classifier read at most this much (two minutes of speech is ~1,500 chars);
#: the crisis rules always read everything.
MAX_CHARS = 2000


class IntentEngine:
    """Parses what a person said; models load lazily per language and are cached on disk."""

    def __init__(self, settings: Settings | None = None, cache_dir: Path | None = None) -> None:
        self.settings = settings if settings is not None else Settings()
        self.cache_dir = cache_dir
        self._models: dict[str, classifier.Model] = {}
        self.threshold = THRESHOLD
        self.margin = MARGIN
        self._lock = threading.Lock()

    def model(self, lang: str, kind: str = "intent") -> classifier.Model:
        with self._lock:
            key = f"{kind}:{lang}"
            if key not in self._models:
                self._models[key] = classifier.load_model(lang, self.cache_dir, kind=kind)
            return self._models[key]

    def warm(self, languages: tuple[str, ...] = langdata.LANGUAGES) -> None:
        """Load (or train) every language now, e.g. before a latency measurement."""
        for lang in languages:
            self.model(lang)
            self.model(lang, "safety")
            self.model(lang, "route")
        if "en" in languages:  # the editor's sentence ends for English speech
            from ..text.punctuate import model

            model(self.cache_dir)

    @staticmethod
    def _plain(raw: str, lang: str) -> str:
        """What the safety models read: the canonical line with idioms blanked."""
        return normalize(safety.without_idioms(raw, lang), lang, cleaned=True)[:MAX_CHARS]

    def danger(self, raw: str, lang: str, plain: str | None = None) -> tuple[safety.CrisisHit | None, str]:
        """Both detectors: the concept rules and the safety classifier (idioms blanked).
        Returns the rules' hit and the classifier's verdict ("crisis", "check" or "")."""
        hit = safety.check(raw, lang)
        plain = self._plain(raw, lang) if plain is None else plain
        p = self.model(lang, "safety").proba(plain).get("crisis", 0.0) if plain else 0.0
        return hit, safety.classifier_says(p, lang)

    def _route(self, plain: str, lang: str) -> str:
        """The kind (and so the first number) of an emergency only the net found: police for
        violence, the crisis line for thoughts of suicide, else the emergency number."""
        probs = self.model(lang, "route").proba(plain) if plain else {}
        best = max(probs, key=lambda k: probs[k]) if probs else "emergency"
        return {"police": "violence", "lifeline": "self_harm"}.get(best, "medical")

    def parse(self, text: str, lang: str = "auto", now: datetime | None = None) -> HelpRequest:
        raw = clean_utterance(text or "")
        typed = clean_lines(text or "")  # a typed note's lines: its list and signature are kept
        if lang not in ("auto",) + langdata.LANGUAGES:
            raise UsageError(f"unknown language {lang!r} (use auto, en or ja)")
        language = detect_language(raw) if lang == "auto" else lang
        now = now or datetime.now()
        canonical = normalize(raw, language, cleaned=True)
        if not canonical:
            return HelpRequest(language=language, intent=Intent.OTHER, confidence=0.0,
                               missing=list(ESSENTIALS))

        said = typed if "\n" in typed and len(raw) <= MAX_CHARS * 2 else raw[: MAX_CHARS * 2]
        raw = raw[: MAX_CHARS * 2]
        plain = self._plain(raw, language)
        hit, net = self.danger(raw, language, plain)
        canonical = canonical[:MAX_CHARS]
        model = self.model(language)
        probs = model.proba(canonical)
        ranked = sorted(probs.items(), key=lambda kv: kv[1], reverse=True)
        top, p_top = ranked[0]
        p_second = ranked[1][1] if len(ranked) > 1 else 0.0

        # Either detector raises a crisis; a weak sign from either (a misheard "can", the net's
        # grey zone, the intent model's "emergency") means "ask first: are you safe?".
        # A weak rule sign with the net sure is a crisis: on the training data every such line
        # ("help emergency help", "he can breathe" for can't after a sting) was an emergency.
        # A rule's sure sign the net finds calm ("I'm choking on this workload") asks instead.
        sure = hit is not None and hit.sure and net != "calm"
        # the net alone never calls in over "not an emergency" said outright: it asks instead
        crisis = sure or (net == "crisis" and (hit is None or not hit.sure and not hit.mild)
                          and not safety.said_about_then(raw, language) and not safety.denied(raw, language))
        # the net alone, on a thank-you ("おばあちゃん 手ぶくろ ありがとう"): what it reads in the rest
        # decides; the thanks itself is never a danger sign
        rest = _beyond_thanks(said, language) if hit is None and net in ("crisis", "check") or top == "emergency" else None
        if rest is not None and hit is None and net in ("crisis", "check"):
            rest_plain = self._plain(rest, language) if rest else ""
            net = safety.classifier_says(
                self.model(language, "safety").proba(rest_plain).get("crisis", 0.0) if rest_plain else 0.0, language)
            crisis = crisis and net == "crisis"
        emergency_talk = top == "emergency" and p_top >= RAISE_CRISIS and rest != "" and \
            model.proba(normalize(safety.without_idioms(raw, language), language, cleaned=True)).get(
                "emergency", 0.0) >= RAISE_CRISIS
        check = not crisis and (hit is not None or net in ("check", "crisis") or emergency_talk)
        kind = hit.kind if hit is not None else self._route(plain, language) if crisis or check else "medical"
        cautious = False
        if crisis:
            intent = Intent.EMERGENCY
            confidence = max(RULE_CONFIDENCE if hit else 0.0, probs.get("emergency", 0.0))
            alts = [(k, v) for k, v in ranked if k != "emergency"][:2]
        else:
            if top == "emergency":
                # Emergency without a crisis would contradict the contract: decide among the
                # others, keep emergency visible in alternatives and raise the urgency.
                cautious = True
                ranked = [kv for kv in ranked if kv[0] != "emergency"] + [("emergency", p_top)]
                top, p_top = ranked[0]
                p_second = ranked[1][1]
            if p_top < self.threshold or (p_top - p_second < self.margin and p_top < TIE_CEILING):
                intent = Intent.OTHER
                confidence = p_top
                alts = [(k, v) for k, v in ranked if k != "other"][:3]
            else:
                intent = Intent(top)
                confidence = p_top
                alts = [(k, v) for k, v in ranked[1:] if v >= 0.02][:2]
            if cautious and "emergency" not in [k for k, _ in alts]:
                alts.append(("emergency", probs["emergency"]))

        slots = extract_slots(said, language, now, canonical=canonical)
        if not crisis and _only_thanks(said, language):
            intent, confidence = Intent.THANKS, max(confidence, 0.9)
        elif not crisis and confidence < 0.7 and _not_a_request(said, language):
            intent = Intent.OTHER  # news, a nomination: nothing is hard and nothing is asked
        req = HelpRequest(
            language=language,
            intent=intent,
            confidence=_r(confidence),
            urgency=Urgency.CRITICAL if crisis else Urgency.CHECK if check else (
                Urgency.HIGH if cautious else self._urgency(canonical, language, intent, slots, now)),
            crisis=crisis,
            slots=slots,
            alternatives=[Alternative(Intent(k), _r(v)) for k, v in alts],
            said=said,
            crisis_kind=kind if crisis or check else None,
        )
        req.missing = [] if crisis else self._missing(intent, slots, language, raw)
        if crisis:
            # Say plainly what is happening; a fragment ("my dad") would not tell a helper.
            req.slots.task = safety.plain_what(kind, language) or req.slots.task
        if crisis or check:
            req.resources = crisis_resources(self._region(raw, language), self.settings, kind=kind)
        return req

    def _region(self, raw: str, language: str) -> str:
        """The settings' region; with none set, a number the person said names theirs ("I've called
        999", "ring triple nine": the United Kingdom), so the number read back is the one they know."""
        if not self.settings.region and language == "en":
            said = langdata.load_resources()
            for key in ("said_numbers", "said_words"):  # a number said first, then words only one region uses
                for region, pattern in said.get(key, {}).items():
                    if re.search(pattern, raw, flags=re.IGNORECASE):
                        return region
        return self.settings.region_for(language)

    # --- helpers ---------------------------------------------------------------------------

    def _urgency(self, canonical: str, lang: str, intent: Intent, slots, now: datetime) -> Urgency:
        urgent = langdata.any_of(lang, "urgent_words")
        relaxed = langdata.any_of(lang, "relaxed_words")
        if urgent is not None and urgent.search(canonical):
            return Urgency.HIGH
        if slots.deadline and slots.deadline.iso:
            try:
                due = datetime.fromisoformat(slots.deadline.iso)
                if due - now <= timedelta(hours=3):
                    return Urgency.HIGH
            except ValueError:
                pass
        if relaxed is not None and relaxed.search(canonical):
            return Urgency.LOW
        return Urgency.NORMAL

    def _missing(self, intent: Intent, slots, lang: str, text: str = "") -> list[str]:
        if intent == Intent.THANKS:
            return []
        if intent == Intent.OTHER and not slots.asks and _not_a_request(text, lang):
            return ["ask"]
        if intent == Intent.OTHER:
            needs = ["what", "help"]
        else:
            needs = langdata.load(lang)["intents"][intent.value].get("needs") or []
        missing: list[str] = []
        if intent == Intent.OTHER or ("what" in needs and not slots.task and not slots.feelings
                                      and not slots.asks):
            missing.append("what")
        if "help" in needs and not slots.asks:
            missing.append("help")
        if "when" in needs and slots.deadline is None and not slots.times:
            missing.append("when")
        return [e for e in ESSENTIALS if e in missing]


def _not_a_request(text: str, lang: str) -> bool:
    """News or a nomination ("the meeting moved to Wednesday at 11"): whole sentences, nothing
    hard in them, nothing asked. Too little to tell ("the work", gibberish) is not this."""
    from ..compose.analysis import draft

    d = draft(text, lang)
    if d.difficulty or d.by_role("ask", "need", "question"):
        return False
    size = (lambda t: len(t)) if lang == "ja" else (lambda t: len(t.split()))
    return any(s.role == "statement" and size(s.text) >= (10 if lang == "ja" else 5) for s in d.sentences)


def _only_thanks(text: str, lang: str) -> bool:
    """A thank-you with nothing asked ("thanks for driving me yesterday")."""
    from ..compose.analysis import draft

    d = draft(text, lang)
    return bool(d.by_role("thanks")) and not d.by_role("ask", "need")


def _beyond_thanks(text: str, lang: str) -> str | None:
    """What a thank-you or a closing says besides them; None when nothing in it thanks or closes."""
    from ..compose.analysis import draft

    d = draft(text, lang)
    if not d.by_role("thanks", "closing"):
        return None
    # (a letter's closing, 「これからもよろしくおねがいします」, says nothing of danger either)
    return " ".join(s.text for s in d.sentences if s.role not in ("thanks", "closing")).strip(" 、,")


def _r(p: float) -> float:
    return float(min(1.0, max(0.0, round(p, 3))))


_ENGINE: IntentEngine | None = None
_ENGINE_LOCK = threading.Lock()


def get_engine(settings: Settings | None = None) -> IntentEngine:
    """The process-wide engine (the CLI parses thousands of lines in one process)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = IntentEngine(settings if settings is not None else _settings_or_default())
        elif settings is not None:
            _ENGINE.settings = settings
        return _ENGINE


def _settings_or_default() -> Settings:
    try:
        return load_settings()
    except Exception:  # a broken settings file must not stop a crisis parse
        return Settings()
