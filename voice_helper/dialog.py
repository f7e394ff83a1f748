"""The hands-free conversation as a pure state machine: events in, actions out, no I/O.

``Dialog.start()`` and ``Dialog.handle(event)`` return lists of actions (say this, show this,
listen in free or command mode, save the draft, send, done). Whoever drives it — the voice loop,
the UI, a test — performs the actions and feeds back what it heard. Nothing here touches a device,
a file or the clock, so every branch is tested with plain function calls.

The flow: ask what is hard → (crisis: say and show whom to call, first) → ask only for the
essentials still missing, one short skippable question at a time → read the message back → ask
what to do (send · save · read it again · change the time / who / what · start over · cancel) →
confirm. A silence re-prompts kindly once, then just waits. "stop" always silences the speaker.
The draft goes to the help log from the first words heard, and is updated on every change.
All wording and command phrases are data (``data/dialog_<lang>.yaml``).
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

from .request import Deadline, HelpRequest
from .textsafe import clean_utterance

DATA_DIR = Path(__file__).resolve().parent / "data"
MENU = ("send", "save", "repeat", "change_time", "change_who", "change_what", "start_over", "cancel")


@lru_cache(maxsize=4)
def load_dialog_data(lang: str) -> dict[str, Any]:
    path = DATA_DIR / f"dialog_{lang if lang in ('en', 'ja') else 'en'}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    """Casefolded, NFKC, punctuation removed, single spaces: what phrase matching compares."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s']", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def grammar_phrases(lang: str, names: tuple[str, ...] = MENU + ("stop",)) -> list[str]:
    """The command phrases for the recognizer's grammar (command mode)."""
    cmds = load_dialog_data(lang)["commands"]
    return [p for n in names for p in cmds.get(n, [])]


def match_command(text: str, lang: str, names: tuple[str, ...] | None = None,
                  exact: bool = False) -> str | None:
    """The command a heard phrase means; the longest phrase wins ("change the time" over "change").

    ``exact``: the whole utterance must be the phrase (used in free speech, so "I can't stop
    worrying" is not the command "stop").
    """
    heard = normalize(text)
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


# --- events ---------------------------------------------------------------------------------


@dataclass
class UtteranceHeard:
    text: str
    words: list[Any] | None = None
    confidence: float | None = None


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
    detail: str = ""


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
    grammar: list[str] | None = None


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


@dataclass
class Keep:
    request: HelpRequest


@dataclass
class Done:
    request: HelpRequest | None
    outcome: str  # sent | saved | cancelled | send-failed


Action = Say | Show | Listen | StopSpeaking | RepeatLast | SaveDraft | UpdateDraft | Send | Keep | Done


# --- the machine ----------------------------------------------------------------------------

Parser = Callable[[str, str], HelpRequest]
Renderer = Callable[[HelpRequest], HelpRequest]
SlotParser = Callable[[str, str], Any]


@dataclass
class Skills:
    """The pure functions the dialog thinks with (the intent engine and the composer by default)."""

    parse: Parser
    render: Renderer
    parse_recipient: SlotParser
    parse_deadline: SlotParser

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

        return cls(parse=lambda text, lang: engine.parse(text, lang=lang),
                   render=lambda req: compose_request(req, settings=settings),
                   parse_recipient=parse_recipient, parse_deadline=parse_deadline)


@dataclass
class Dialog:
    """One conversation. ``state`` is one of: idle, problem, slot, menu, sending, done."""

    skills: Skills
    lang: str = "en"
    state: str = "idle"
    request: HelpRequest | None = None
    transcript: list[str] = field(default_factory=list)
    slot: str | None = None  # the slot being asked for
    queue: list[str] = field(default_factory=list)  # slots still to ask
    asked: set[str] = field(default_factory=set)  # asked already (never twice)
    editing: bool = False  # a "change …" from the menu: back to the read-back after one answer
    draft_saved: bool = False
    reprompted: bool = False
    last_question: str = ""
    last_listen: Listen = field(default_factory=Listen)

    # wording ---------------------------------------------------------------------------------
    @property
    def data(self) -> dict[str, Any]:
        return load_dialog_data(self.lang)

    def t(self, key: str, **kw: str) -> str:
        return self.data["prompts"][key].format(**kw)

    def _say(self, text: str) -> list[Action]:
        return [Say(text, self.lang), Show(text)]

    def _ask(self, text: str, mode: str = "free") -> list[Action]:
        self.last_question = text
        self.reprompted = False
        return self._say(text) + [self._listen(mode)]

    def _listen(self, mode: str) -> Listen:
        grammar = grammar_phrases(self.lang) if mode == "command" else None
        self.last_listen = Listen(mode, grammar)
        return self.last_listen

    # entry points ----------------------------------------------------------------------------
    def start(self) -> list[Action]:
        self.state = "problem"
        return self._ask(self.t("ask_problem"))

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
        # always-on words, only when they are the whole utterance
        always = match_command(text, self.lang, ("stop",), exact=True)
        if always == "stop":
            return [StopSpeaking(), self.last_listen]
        if self.state == "menu":
            cmd = match_command(text, self.lang, MENU + ("stop",))
            if cmd is None:
                return self._say(self.t("didnt_catch")) + self._menu_prompt()
            return self._command(cmd)
        if match_command(text, self.lang, ("cancel",), exact=True):
            return self._command("cancel")
        if self.state == "problem":
            return self._problem(text)
        if self.state == "slot":
            return self._answer(text)
        return []

    # branches --------------------------------------------------------------------------------
    def _silence(self) -> list[Action]:
        if self.state in ("sending", "done", "idle"):
            return []
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
        out: list[Action] = []
        if request.crisis:  # whom to call comes first, before anything else
            lines = [self.t("crisis_intro")] + [self.t("resource", name=r.name, number=r.number)
                                                 for r in request.resources]
            out += self._say(" ".join(lines))
        out.append(self._draft(full))
        if request.crisis:
            self.queue = []
        else:
            self.queue = [s for s in self._missing(request) if s not in self.asked]
        return out + self._next()

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
            self.asked.add(self.slot)
            self.state = "slot"
            question = self._question(self.slot)
            if len(self.asked) == 1 and not self.editing:
                question = f"{question} {self.t('skip_hint')}"
            return self._ask(question)
        return self._readback()

    def _answer(self, text: str | None) -> list[Action]:
        assert self.request is not None and self.slot is not None
        if text is not None and match_command(text, self.lang, ("skip",), exact=len(text.split()) > 4):
            text = None
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
            self.request = self.skills.render(req)
            self.transcript.append(text)
            out: list[Action] = [self._draft(self._joined())]
        else:
            out = []
        if self.editing:
            self.editing = False
            self.queue = []
        return out + self._next()

    def _joined(self) -> str:
        return (" / " if self.lang == "en" else " / ").join(self.transcript)

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
        return (self._say(self.t("readback_intro")) + self._say(message) + self._menu_prompt())

    def _menu_prompt(self) -> list[Action]:
        return self._ask(self.t("menu"), mode="command")

    def _command(self, cmd: str) -> list[Action]:
        if cmd == "stop":
            return [StopSpeaking(), self.last_listen]
        if cmd == "repeat" and self.state != "menu":
            return [RepeatLast()]
        if cmd == "cancel":
            self.state = "done"
            return self._say(self.t("cancelled")) + [Done(self.request, "cancelled")]
        if self.state != "menu" or self.request is None:
            return [self.last_listen]
        if cmd == "send":
            self.state = "sending"
            return self._say(self.t("sending")) + [Send(self.request)]
        if cmd == "save":
            self.state = "done"
            return [Keep(self.request)] + self._say(self.t("saved")) + [Done(self.request, "saved")]
        if cmd == "repeat":
            return self._say(self.request.message) + self._menu_prompt()
        if cmd in ("change_time", "change_who", "change_what"):
            self.editing = True
            self.queue = [{"change_time": "deadline", "change_who": "recipient", "change_what": "help"}[cmd]]
            return self._next()
        if cmd == "start_over":
            self.transcript = []
            self.asked = set()
            self.queue = []
            self.state = "problem"
            return self._say(self.t("start_over")) + self._ask(self.t("ask_problem"))
        return [self.last_listen]

    def _sent(self, result: SendResult) -> list[Action]:
        if self.state != "sending":
            return []
        self.state = "done"
        if result.ok:
            return self._say(self.t("sent", detail=result.detail).strip()) + [Done(self.request, "sent")]
        return self._say(self.t("send_failed", detail=result.detail)) + [Done(self.request, "send-failed")]


def _as_name(text: str, lang: str) -> str:
    """An answer to "who?" taken as the name itself: "ken" → "Ken", "to ken please" → "Ken"."""
    if lang == "ja":
        return re.sub(r"(に|へ|です|さんに|さんへ)$", "", text.strip("。 ")) or text
    words = [w for w in normalize(text).split()
             if w not in {"to", "ask", "please", "my", "i", "want", "would", "like", "the", "it's", "its"}]
    return " ".join(w.capitalize() for w in words) or text
