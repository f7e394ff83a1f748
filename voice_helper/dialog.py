"""The hands-free conversation as a pure state machine: events in, actions out, no I/O.

``Dialog.start()`` and ``Dialog.handle(event)`` return lists of actions (say this, show this,
listen for these commands, save the draft, send, done). Whoever drives it — the voice loop, the
UI, a test — performs the actions and feeds back what it heard. Nothing here touches a device, a
file or the clock, so every branch is tested with plain function calls.

The flow: ask what is hard → (crisis: the number to call first, digit by digit, then the
emergency contacts: "Send this to Maria now? Say yes") → (unsure: "Are you safe right now?") →
ask only for the essentials still missing, one short skippable question at a time → read the
message back → ask what to do → "send" always confirms ("Send this to John? Say yes or no") and
nothing is sent without a clear yes.

Why it is strict about commands: a person who cannot type depends on it, and a misheard "thank
you" must never send a message. A command counts only when the whole turn is the command
phrase: the command spotter (``speech.spotter``, keyword spotting with rejection) says which, or
says "none of these"; without a spotter the heard text must be exactly a phrase. Anything else
at a command turn gets "Sorry, I didn't catch that…". cancel, skip, stop, go back and repeat work
at every question and never become a slot value. All wording and phrases are data
(``data/dialog_<lang>.yaml``); everything said goes through ``speakable`` (ears, not eyes).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .request import Deadline, HelpRequest, Resource, Urgency
from .speech.speakable import speakable
from .textsafe import clean_utterance

DATA_DIR = Path(__file__).resolve().parent / "data"
MENU = ("send", "save", "repeat", "change_time", "change_who", "change_what", "change", "start_over",
        "cancel")
#: A free-speech turn whose words are less certain than this is noise, not words (no draft).
MIN_WORDS_CONFIDENCE = 0.05
#: Channels that keep a message on this computer: "saved", never "sent".
LOCAL_CHANNELS = {"file": "saved_not_sent", "clipboard": "copied_not_sent", "speak": "spoken"}


@lru_cache(maxsize=4)
def load_dialog_data(lang: str) -> dict[str, Any]:
    path = DATA_DIR / f"dialog_{lang if lang in ('en', 'ja') else 'en'}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    """Casefolded, NFKC, punctuation removed, single spaces: what phrase matching compares."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s']", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def grammar_phrases(lang: str, names: tuple[str, ...] | list[str] = MENU + ("stop",)) -> list[str]:
    """The command phrases for the spotter (one kind of turn's commands)."""
    cmds = load_dialog_data(lang)["commands"]
    return [p for n in names for p in cmds.get(n, [])]


def commands_for(lang: str, kind: str) -> tuple[str, ...]:
    """The command names a kind of turn listens for (question, menu, yes_no, …)."""
    return tuple(load_dialog_data(lang)["listen"][kind])


def match_command(text: str, lang: str, names: tuple[str, ...] | list[str] | None = None,
                  exact: bool = True) -> str | None:
    """The command a heard phrase means, or None: none of these.

    ``exact`` (the default, and what the dialog uses): the whole utterance must be the phrase, so
    "please don't send that" is not "send" and "I can't stop worrying" is not "stop". Not exact:
    the longest phrase found inside the text wins (for typed text in other front ends).
    """
    heard = _strip_fillers(normalize(text), lang)
    if not heard:
        return None
    squashed = heard.replace(" ", "")
    best: tuple[int, str] | None = None
    for name, phrases in load_dialog_data(lang)["commands"].items():
        if names is not None and name not in names:
            continue
        for phrase in phrases:
            p = normalize(phrase)
            if exact:
                hit = heard == p or squashed == p.replace(" ", "")
            elif lang == "ja":
                hit = p.replace(" ", "") in squashed
            else:
                hit = re.search(rf"(?<!\w){re.escape(p)}(?!\w)", heard) is not None
            if hit and (best is None or len(p) > best[0]):
                best = (len(p), name)
    return best[1] if best else None


def _strip_fillers(heard: str, lang: str) -> str:
    """Words around a command that do not change it ("please", "um"; 「ください」) are dropped."""
    fillers = sorted(load_dialog_data(lang).get("fillers") or [], key=len, reverse=True)
    changed = True
    while changed and heard:
        changed = False
        for f in fillers:
            f = normalize(f)
            if lang == "ja":
                if heard.endswith(f) and heard != f:
                    heard, changed = heard[: -len(f)].strip(), True
            elif heard.startswith(f + " "):
                heard, changed = heard[len(f) + 1:], True
            elif heard.endswith(" " + f):
                heard, changed = heard[: -len(f) - 1], True
    return heard


# --- events ---------------------------------------------------------------------------------


@dataclass
class UtteranceHeard:
    text: str
    words: list[Any] | None = None
    confidence: float | None = None
    #: The command spotter's answer for this turn: a phrase, or None for "none of these".
    command: str | None = None
    #: True when a spotter listened to this turn (then its answer decides what is a command).
    spotted: bool = False


@dataclass
class CommandHeard:
    command: str  # a name from the yaml "commands" (send, save, repeat, …)


@dataclass
class Silence:
    """The person said nothing for a while (the endpointer gave up), or the recognizer heard nothing."""


Timeout = Silence


@dataclass
class KeyPressed:
    key: str


@dataclass
class SendResult:
    ok: bool
    detail: str = ""  # for the screen and the log; never spoken
    channel: str = ""  # webhook, email, file, clipboard, speak
    to: str = ""  # whom it went to


Event = UtteranceHeard | CommandHeard | Silence | KeyPressed | SendResult


# --- actions --------------------------------------------------------------------------------


@dataclass
class Say:
    text: str
    lang: str


@dataclass
class Show:
    text: str


@dataclass
class Listen:
    mode: str = "free"  # free | command
    grammar: list[str] | None = None  # the command phrases the spotter listens for


@dataclass
class StopSpeaking:
    pass


@dataclass
class RepeatLast:
    pass


@dataclass
class SaveDraft:
    transcript: str
    request: HelpRequest


@dataclass
class UpdateDraft:
    transcript: str
    request: HelpRequest


@dataclass
class Send:
    request: HelpRequest
    to: str | None = None  # an emergency contact's name (crisis); None: the request's recipient
    crisis: bool = False


@dataclass
class Keep:
    request: HelpRequest


@dataclass
class Done:
    request: HelpRequest | None
    outcome: str  # sent | saved | copied | spoken | cancelled


Action = Say | Show | Listen | StopSpeaking | RepeatLast | SaveDraft | UpdateDraft | Send | Keep | Done


# --- the machine ----------------------------------------------------------------------------

Parser = Callable[[str, str], HelpRequest]
Renderer = Callable[[HelpRequest], HelpRequest]
SlotParser = Callable[[str, str], Any]


@dataclass
class Skills:
    """The pure functions the dialog thinks with (the intent engine and the composer by default).

    ``emergency_contacts``: names offered first in a crisis; ``resources``: whom to call when the
    request carries none (a crisis found by asking "Are you safe?").
    """

    parse: Parser
    render: Renderer
    parse_recipient: SlotParser
    parse_deadline: SlotParser
    emergency_contacts: list[str] = field(default_factory=list)
    resources: Callable[[str], list[Resource]] = lambda lang: []

    @classmethod
    def default(cls, settings: Any = None) -> Skills:
        from . import nlu
        from .compose import compose_request

        engine = nlu.get_engine()
        engine.parse("warm up", lang="en")  # load the model now, not after the person's first words

        def parse_deadline(text: str, lang: str) -> Deadline | None:
            return nlu.parse_deadline_answer(text, lang)

        def parse_recipient(text: str, lang: str) -> str | None:
            return nlu.parse_recipient(text, lang)

        def resources(lang: str) -> list[Resource]:
            region = settings.region_for(lang) if settings is not None else ("JP" if lang == "ja" else "US")
            return nlu.crisis_resources(region, settings)

        contacts = [c.name for c in settings.emergency_contacts()] if settings is not None else []
        return cls(parse=lambda text, lang: engine.parse(text, lang=lang),
                   render=lambda req: compose_request(req, settings=settings),
                   parse_recipient=parse_recipient, parse_deadline=parse_deadline,
                   emergency_contacts=contacts, resources=resources)


@dataclass
class Dialog:
    """One conversation. ``state`` is one of: idle, problem, slot, menu, change, confirm, safety,
    crisis_offer, sending, retry, done."""

    skills: Skills
    lang: str = "en"
    state: str = "idle"
    request: HelpRequest | None = None
    transcript: list[str] = field(default_factory=list)
    slot: str | None = None  # the slot being asked for
    queue: list[str] = field(default_factory=list)  # slots still to ask
    asked: list[str] = field(default_factory=list)  # asked already (never twice), in order
    editing: bool = False  # a "change …" from the menu: back to the read-back after one answer
    draft_saved: bool = False
    reprompted: bool = False
    last_question: str = ""
    last_listen: Listen = field(default_factory=Listen)
    offers: list[str] = field(default_factory=list)  # emergency contacts still to offer
    crisis_sent: bool = False
    crisis_pending: bool = False  # the send under way is a crisis offer's
    crisis_number: str = ""
    _kind: str = "problem"  # which commands the current turn listens for (data "listen")

    # wording ---------------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return load_dialog_data(self.lang)

    def t(self, key: str, **kw: str) -> str:
        return self.data["prompts"][key].format(**kw)

    def _say(self, text: str) -> list[Action]:
        """Spoken for ears (numbers digit by digit, no paths or codes); shown as it is."""
        return [Say(speakable(text, self.lang), self.lang), Show(text)]

    def _ask(self, text: str, kind: str = "question") -> list[Action]:
        self.last_question = text
        self.reprompted = False
        return self._say(text) + [self._listen(kind)]

    def _listen(self, kind: str) -> Listen:
        mode = "free" if kind in ("question", "problem") else "command"
        self.last_listen = Listen(mode, grammar_phrases(self.lang, commands_for(self.lang, kind)))
        self._kind = kind
        return self.last_listen

    # entry points ----------------------------------------------------------------------------
    def start(self) -> list[Action]:
        self.state = "problem"
        return self._ask(self.t("ask_problem"), "problem")

    def handle(self, event: Event) -> list[Action]:
        if self.state == "done":
            return []
        if isinstance(event, Silence):
            return self._silence()
        if isinstance(event, KeyPressed):
            return self._key(event.key)
        if isinstance(event, SendResult):
            return self._sent(event)
        if isinstance(event, CommandHeard):
            return self._command(event.command)
        text = clean_utterance(event.text)
        if not text:
            return self._silence()
        cmd = self._heard_command(event, text)
        if cmd is not None:
            return self._command(cmd)
        if self.state in ("problem", "slot"):
            if event.confidence is not None and event.words and event.confidence < MIN_WORDS_CONFIDENCE:
                return self._not_understood()  # noise, not words: no draft
            return self._problem(text) if self.state == "problem" else self._answer(text)
        return self._not_understood()

    def _heard_command(self, event: UtteranceHeard, text: str) -> str | None:
        names = commands_for(self.lang, self._kind)
        if event.spotted and event.command:
            cmd = match_command(event.command, self.lang, names)
            if cmd is not None:
                return cmd
        # the words themselves, only when they are exactly a command phrase: also without a spotter,
        # and so that a command word is never taken as an answer ("cancel" as a name)
        return match_command(text, self.lang, names)

    def _not_understood(self) -> list[Action]:
        key = {"menu": "didnt_catch_menu", "confirm": "didnt_catch_yes_no", "safety": "didnt_catch_yes_no",
               "problem": "didnt_catch_problem"}.get(self.state)
        if self.state == "safety":  # an unclear answer to "Are you safe?" counts as not safe
            return self._unsafe()
        if self.state == "crisis_offer" and self.offers:
            return self._say(self.t("crisis_offer_again", name=self.offers[0])) + [self._listen("yes_no")]
        if key is not None:
            text = self.t(key)
            self.reprompted = True
            return self._say(text) + [self.last_listen]
        return self._say(self.t("didnt_catch")) + self._ask(self.last_question, self._kind)

    # branches --------------------------------------------------------------------------------
    def _silence(self) -> list[Action]:
        if self.state in ("sending", "done", "idle"):
            return []
        if self.state == "safety" and self.reprompted:
            return self._unsafe()  # asked twice, no answer: treated as not safe
        if not self.reprompted and self.last_question:
            self.reprompted = True
            return self._say(self.t("reprompt", question=self.last_question)) + [self.last_listen]
        return [self.last_listen]  # then wait, for as long as it takes

    def _key(self, key: str) -> list[Action]:
        key = key.lower()
        always = self.data["keys"]["always"].get(key)
        if always == "repeat_last":
            return [RepeatLast()]
        if always == "stop":
            return [StopSpeaking()]
        if always == "skip" and self.state == "slot":
            return self._answer(None)
        if self.state in ("confirm", "safety", "crisis_offer"):
            cmd = self.data["keys"]["yes_no"].get(key)
            if cmd:
                return self._command(cmd)
        if self.state == "menu":
            cmd = self.data["keys"]["menu"].get(key)
            if cmd:
                return self._command(cmd)
        return []

    def _problem(self, text: str) -> list[Action]:
        self.transcript.append(text)
        full = " ".join(self.transcript) if self.lang == "en" else "".join(self.transcript)
        request = self.skills.parse(full, self.lang)
        request = self.skills.render(request)
        self.request = request
        if request.crisis:  # whom to call comes first, before anything else (even the draft)
            out = self._crisis_call(request.resources)
            out.append(self._draft(full))
            return out + self._crisis_offers()
        out = [self._draft(full)]
        if request.urgency == Urgency.CHECK:
            self.state = "safety"
            return out + self._ask(self.t("safety_check"), "safety")
        self.queue = [s for s in self._missing(request) if s not in self.asked]
        return out + self._next()

    # crisis ----------------------------------------------------------------------------------
    def _crisis_call(self, resources: list[Resource]) -> list[Action]:
        """The number to call first, in one short sentence (said first: it is what matters)."""
        resources = resources or self.skills.resources(self.lang)
        if not resources:
            return []
        first = resources[0]
        self.crisis_number = first.number
        out = self._say(self.t("crisis_call", number=first.number, name=first.name))
        kind = self.request.crisis_kind if self.request else None
        if len(resources) > 1 and kind in (self.data.get("say_second_for") or []):
            out += self._say(self.t("crisis_also", name=resources[1].name, number=resources[1].number))
        lines = [f"{r.name}: {r.number}" + (f" ({r.note})" if r.note else "") for r in resources]
        out.append(Show("\n".join(lines)))
        return out

    def _crisis_offers(self) -> list[Action]:
        self.queue = []
        self.offers = list(self.skills.emergency_contacts)
        if not self.offers:
            out: list[Action] = []
            if self.crisis_number:
                out = self._say(self.t("crisis_no_contact", number=self.crisis_number))
            return out + self._readback()
        return self._offer()

    def _offer(self) -> list[Action]:
        self.state = "crisis_offer"
        return self._ask(self.t("crisis_offer", name=self.offers[0]), "yes_no")

    def _unsafe(self) -> list[Action]:
        """Not safe (or no clear answer): the crisis path."""
        assert self.request is not None
        req = copy.deepcopy(self.request)
        req.crisis = True
        req.urgency = Urgency.CRITICAL
        if not req.resources:
            req.resources = self.skills.resources(self.lang)
        self.request = self.skills.render(req)
        out = self._crisis_call(self.request.resources)
        out.append(self._draft(self._joined()))
        return out + self._crisis_offers()

    # questions -------------------------------------------------------------------------------
    def _missing(self, request: HelpRequest) -> list[str]:
        """The essentials not yet said, in the order they are asked."""
        slots, missing = request.slots, set(request.missing)
        out = []
        if not slots.task and not slots.asks and "what" in missing:
            out.append("what")
        if not slots.asks and ("help" in missing or not slots.task):
            out.append("help")
        if not slots.recipient:
            out.append("recipient")
        if not slots.deadline and slots.duration_minutes is None and "when" in missing:
            out.append("deadline")
        return out

    def _question(self, slot: str) -> str:
        return self.t({"what": "ask_what", "help": "ask_help", "recipient": "ask_recipient",
                       "deadline": "ask_deadline"}[slot])

    def _next(self) -> list[Action]:
        if self.queue:
            self.slot = self.queue.pop(0)
            if self.slot not in self.asked:
                self.asked.append(self.slot)
            self.state = "slot"
            question = self._question(self.slot)
            if len(self.asked) == 1 and not self.editing:
                question = f"{question} {self.t('skip_hint')}"
            return self._ask(question)
        return self._readback()

    def _answer(self, text: str | None) -> list[Action]:
        assert self.request is not None and self.slot is not None
        if text is not None:
            req = copy.deepcopy(self.request)
            if self.slot == "recipient":
                name = self.skills.parse_recipient(text, self.lang) or _as_name(text, self.lang)
                req.slots.recipient = name
            elif self.slot == "deadline":
                req.slots.deadline = self.skills.parse_deadline(text, self.lang) or Deadline(text=text)
            elif self.slot == "help":
                req.slots.asks = [text]
            elif self.slot == "what":
                req.slots.task = text
            req.missing = [m for m in req.missing
                           if m != {"help": "help", "deadline": "when", "what": "what"}.get(self.slot)]
            self.request = self.skills.render(req)  # the message is re-said from the current slots
            self.transcript.append(text)
            out: list[Action] = [self._draft(self._joined())]
        else:
            out = []
        if self.editing:
            self.editing = False
            self.queue = []
        return out + self._next()

    def _go_back(self) -> list[Action]:
        """Back one step: the question before this one, or the read-back."""
        if self.state == "slot" and self.slot in self.asked:
            i = self.asked.index(self.slot)
            if i > 0 and not self.editing:
                self.queue = [self.asked[i - 1], self.slot] + self.queue
                return self._next()
        if self.state in ("slot", "change", "confirm", "retry") and self.request is not None:
            self.editing = False
            self.queue = []
            return self._readback()
        return self._ask(self.last_question, self._kind)

    def _joined(self) -> str:
        return " / ".join(self.transcript)

    def _draft(self, transcript: str) -> Action:
        assert self.request is not None
        if not self.draft_saved:
            self.draft_saved = True
            return SaveDraft(transcript, self.request)
        return UpdateDraft(transcript, self.request)

    def _readback(self) -> list[Action]:
        assert self.request is not None
        self.state = "menu"
        self.slot = None
        message = self.request.message or ""
        return self._say(self.t("readback_intro")) + self._say(message) + self._menu_prompt()

    def _menu_prompt(self) -> list[Action]:
        self.state = "menu"
        return self._ask(self.t("menu"), "menu")

    def _command(self, cmd: str) -> list[Action]:
        if cmd == "stop":
            return [StopSpeaking(), self.last_listen]
        if cmd == "cancel":
            return self._cancel()
        if cmd == "go_back":
            return self._go_back()
        if cmd == "start_over":
            return self._start_over()
        if cmd == "repeat":
            if self.state == "menu" and self.request is not None:
                return self._say(self.request.message) + self._menu_prompt()
            return self._ask(self.last_question, self._kind)
        if cmd == "skip" and self.state == "slot":
            return self._answer(None)
        if self.state == "safety":
            if cmd == "yes":
                assert self.request is not None
                self.queue = [s for s in self._missing(self.request) if s not in self.asked]
                return self._next()
            return self._unsafe()
        if self.state == "crisis_offer":
            return self._crisis_answer(cmd)
        if self.state == "confirm":
            if cmd == "yes":
                self.state = "sending"
                assert self.request is not None
                return self._say(self.t("sending")) + [Send(self.request)]
            return self._say(self.t("not_sent")) + self._menu_prompt()
        if self.state == "retry" and cmd in ("try_again", "yes"):
            self.state = "sending"
            assert self.request is not None
            return self._say(self.t("sending")) + [Send(self.request)]
        if self.state == "change" and cmd in ("time", "who", "what"):
            cmd = "change_" + cmd
        if self.state not in ("menu", "change", "retry") or self.request is None:
            return self._not_understood()
        if cmd == "send":
            self.state = "confirm"
            who = self.request.slots.recipient
            prompt = self.t("confirm_send_to", name=who) if who else self.t("confirm_send")
            return self._ask(prompt, "yes_no")
        if cmd == "save":
            self.state = "done"
            return [Keep(self.request)] + self._say(self.t("saved")) + [Done(self.request, "saved")]
        if cmd == "change":
            self.state = "change"
            return self._ask(self.t("change_which"), "change")
        if cmd in ("change_time", "change_who", "change_what"):
            self.editing = True
            self.queue = [{"change_time": "deadline", "change_who": "recipient", "change_what": "help"}[cmd]]
            return self._next()
        return self._not_understood()

    def _crisis_answer(self, cmd: str) -> list[Action]:
        assert self.request is not None
        name = self.offers.pop(0)
        if cmd == "yes":
            self.state = "sending"
            req = copy.deepcopy(self.request)
            req.slots.recipient = name
            self.request = self.skills.render(req)  # addressed to the person it goes to
            self.crisis_pending = True
            return [self._draft(self._joined())] + [Send(self.request, to=name, crisis=True)]
        if self.offers:
            return self._offer()
        return self._crisis_done()

    def _crisis_done(self) -> list[Action]:
        out: list[Action] = []
        if not self.crisis_sent and self.crisis_number:
            out = self._say(self.t("crisis_not_sent", number=self.crisis_number))
        return out + self._readback()

    def _cancel(self) -> list[Action]:
        self.state = "done"
        key = "cancelled_kept" if self.draft_saved else "cancelled"
        return self._say(self.t(key)) + [Done(self.request, "cancelled")]

    def _start_over(self) -> list[Action]:
        self.transcript = []
        self.asked = []
        self.queue = []
        self.editing = False
        self.state = "problem"
        return self._say(self.t("start_over")) + self._ask(self.t("ask_problem"), "problem")

    def _sent(self, result: SendResult) -> list[Action]:
        if self.state != "sending":
            return []
        name = result.to or (self.request.slots.recipient if self.request else "") or ""
        shown = [Show(result.detail)] if result.detail else []
        if self.crisis_pending:
            self.crisis_pending = False
            return shown + self._crisis_result(result, name)
        if result.ok:
            self.state = "done"
            local = LOCAL_CHANNELS.get(result.channel)
            said = self.t(local) if local else (self.t("sent", name=name) if name else self.t("sent_nobody"))
            outcome = {"file": "saved", "clipboard": "copied", "speak": "spoken"}.get(result.channel, "sent")
            return shown + self._say(said) + [Done(self.request, outcome)]
        self.state = "retry"
        return shown + self._ask(self.t("send_failed"), "retry")

    def _crisis_result(self, result: SendResult, name: str) -> list[Action]:
        """A crisis send: said exactly as it happened, then the number again if nobody got it."""
        local = LOCAL_CHANNELS.get(result.channel)
        if result.ok and not local:
            self.crisis_sent = True
            return self._say(self.t("crisis_sent", name=name)) + self._crisis_next()
        out = self._say(self.t("crisis_saved_only", name=name)) if result.ok else []
        return out + self._crisis_next()

    def _crisis_next(self) -> list[Action]:
        if self.offers and not self.crisis_sent:
            return self._offer()
        return self._crisis_done()


def _as_name(text: str, lang: str) -> str:
    """An answer to "who?" taken as the name itself: "ken" → "Ken", "to ken please" → "Ken"."""
    if lang == "ja":
        return re.sub(r"(に|へ|です|さんに|さんへ)$", "", text.strip("。 ")) or text
    words = [w for w in normalize(text).split()
             if w not in {"to", "ask", "please", "my", "i", "want", "would", "like", "the", "it's", "its"}]
    return " ".join(w.capitalize() for w in words) or text
