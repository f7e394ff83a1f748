"""One practice run as a pure state machine: events in, actions out, no I/O.

Same contract as the hands-free dialog (``dialog.py``): ``start()`` and ``handle(event)`` return
actions (``Say``, ``Show``, ``Listen``, ``Done`` from the dialog, plus the practice actions
below), so the voice loop, the UI and the tests drive it alike, and ``VoiceLoop`` runs it with
real devices unchanged (it ignores the actions it does not know).

A scenario: it is read aloud and shown → the person asks → feedback (what the ask has, the ONE
thing, the better version) → in some scenarios the helper says no, and the person practises a
plan B → "try again", "next", "hear it again" or "stop". After a good ask the helper sometimes
answers ("I'm glad you told me"). No scores, no timer: silence gets one kind re-prompt, then the
session simply waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..dialog import CommandHeard, Done, KeyPressed, Listen, Say, Show, Silence, UtteranceHeard
from ..request import HelpRequest, Resource
from ..speech.speakable import speakable
from ..store import PracticeAttempt
from ..textsafe import clean_utterance
from . import commands
from .data import Scenario, load, prompt, scenarios
from .feedback import (Assessment, Composer, PlanB, assess, assess_plan_b, feedback_lines,
                       plan_b_lines)
from .routes import Route

#: A free-speech turn whose words are less certain than this is noise, not an attempt.
MIN_WORDS_CONFIDENCE = 0.05


# --- practice actions (the voice loop ignores what it does not know) ---------------------------


@dataclass
class ScenarioShown:
    scenario: Scenario
    index: int  # within this run, from 0
    total: int


@dataclass
class FeedbackGiven:
    scenario: Scenario
    assessment: Assessment
    lines: list[str]


@dataclass
class Declined:
    scenario: Scenario
    reply: str


@dataclass
class PlanBGiven:
    scenario: Scenario
    plan: PlanB
    lines: list[str]


@dataclass
class HelperReplied:
    reply: str


@dataclass
class RoutesShown:
    routes: list[Route]


@dataclass
class Attempted:
    """Keep this rehearsal in the log (the driver writes it; a rehearsal is never a request)."""

    record: PracticeAttempt


def plan_run(lang: str, practised: set[str] | None = None, start: str | None = None,
             count: int | None = None) -> list[Scenario]:
    """The scenarios of one run: from ``start``, or from the first one not yet asked well."""
    all_ = list(scenarios(lang))
    if start is not None:
        i = next(i for i, s in enumerate(all_) if s.id == start)
    else:
        i = next((i for i, s in enumerate(all_) if s.id not in (practised or set())), 0)
    return all_[i:i + count] if count else all_[i:]


@dataclass
class PracticeSession:
    composer: Composer
    run: list[Scenario]
    lang: str = "en"
    #: Whom to turn to when there is no one to ask (consultation routes for the region).
    routes: Callable[[], list[Route]] = lambda: []
    #: Whom to call now, when an attempt describes an emergency (crisis numbers for the region).
    crisis_resources: Callable[[str], list[Resource]] = lambda lang: []
    state: str = "idle"  # idle | attempt | plan_b | menu | done
    index: int = 0
    attempts: int = 0  # asks practised in this run
    good: int = 0  # asks with everything the scenario needs
    tries: int = 0  # attempts at the current scenario
    last_lines: list[str] = field(default_factory=list)  # what "hear it again" repeats
    last_question: str = ""
    reprompted: bool = False
    last_listen: Listen = field(default_factory=Listen)
    request: HelpRequest | None = None  # the composer's reading of the last attempt
    _kind: str = "attempt"

    @property
    def scenario(self) -> Scenario:
        return self.run[min(self.index, len(self.run) - 1)]

    def t(self, key: str, **values: str | int) -> str:
        return prompt(self.lang, key, **values)

    # --- speaking and listening -------------------------------------------------------------

    def _say(self, *texts: str) -> list:
        out: list = []
        for text in texts:
            if text:
                out += [Say(speakable(text, self.lang), self.lang), Show(text)]
        return out

    def _ask(self, text: str, kind: str) -> list:
        self.last_question = text
        self.reprompted = False
        return self._say(text) + [self._listen(kind)]

    def _listen(self, kind: str) -> Listen:
        self._kind = kind
        mode = "command" if kind == "menu" else "free"
        self.last_listen = Listen(mode, commands.phrases(self.lang, commands.LISTEN[kind]))
        return self.last_listen

    # --- entry points -----------------------------------------------------------------------

    def start(self) -> list:
        if not self.run:
            return self._close("finished")
        return self._say(self.t("intro")) + self._scenario()

    def handle(self, event: object) -> list:
        if self.state in ("done", "idle"):
            return []
        if isinstance(event, Silence):
            return self._silence()
        if isinstance(event, CommandHeard):
            return self._command(event.command)
        if isinstance(event, KeyPressed):
            return []  # the UI sends CommandHeard for its keys
        if not isinstance(event, UtteranceHeard):
            return []
        text = clean_utterance(event.text)
        if not text:
            return self._silence()
        cmd = self._heard_command(event, text)
        if cmd is not None:
            return self._command(cmd)
        if self.state == "menu":
            return self._say(self.t("didnt_catch_menu")) + [self.last_listen]
        if event.confidence is not None and event.words and event.confidence < MIN_WORDS_CONFIDENCE:
            return self._say(self.t("nothing_heard", question=self.last_question)) + [self.last_listen]
        return self._attempt(text) if self.state == "attempt" else self._plan_b(text)

    def _heard_command(self, event: UtteranceHeard, text: str) -> str | None:
        names = commands.LISTEN[self._kind]
        if event.spotted and event.command:
            cmd = commands.match(event.command, self.lang, names)
            if cmd is not None:
                return cmd
        return commands.match(text, self.lang, names)

    # --- the steps --------------------------------------------------------------------------

    def _scenario(self) -> list:
        sc = self.scenario
        self.state = "attempt"
        self.tries = 0
        out = self._say(self.t("scenario", title=sc.title, situation=sc.situation))
        out.append(ScenarioShown(sc, self.index, len(self.run)))
        return out + self._ask(self.t("your_turn"), "attempt")

    def _attempt(self, text: str) -> list:
        sc = self.scenario
        a = assess(text, sc, self.lang, self.composer)
        self.request = a.request
        out: list = []
        if a.crisis:  # safety first, even in a rehearsal: whom to call, before any feedback
            resources = a.resources or self.crisis_resources(self.lang)
            if resources:
                out += self._say(self.t("crisis", number=resources[0].number, name=resources[0].name))
        lines = feedback_lines(a, sc, self.lang, first=self.attempts == 0, nth=self.attempts)
        self.attempts += 1
        self.tries += 1
        out += self._say(*lines)
        out.append(FeedbackGiven(sc, a, lines))
        out.append(Attempted(PracticeAttempt(scenario=sc.id, lang=self.lang, said=text, elements=a.elements,
                                             next_step=a.next_step, better=a.better)))
        self.last_lines = list(lines)
        if sc.declines and "ask" in a.elements:
            said_no = [self.t("declines", helper=sc.who, reply=sc.declines),
                       self.t("no_is_timing")]
            self.last_lines += said_no
            self.state = "plan_b"
            return out + self._say(*said_no) + [Declined(sc, sc.declines)] \
                + self._ask(self.t("ask_plan_b"), "plan_b")
        if a.good and sc.kind == "ask" and sc.helper_side:
            self.good += 1
            if self.good % 2 == 1:  # sometimes, not every time: the first good ask, then every other
                replies = load(self.lang)["helper_replies"]
                reply = replies[(self.good // 2) % len(replies)]
                line = self.t("helper_side", helper=_cap(sc.who, self.lang), reply=reply)
                self.last_lines.append(line)
                out += self._say(line) + [HelperReplied(reply)]
        return out + self._menu()

    def _plan_b(self, text: str) -> list:
        sc = self.scenario
        plan = assess_plan_b(text, sc, self.lang, self.composer)
        lines = plan_b_lines(plan, sc, self.lang)
        out = self._say(*lines) + [PlanBGiven(sc, plan, lines)]
        out.append(Attempted(PracticeAttempt(scenario=sc.id, lang=self.lang, said=text, kind="plan_b",
                                             next_step=plan.kinds[0] if plan.kinds else None)))
        if plan.no_one:
            routes = self.routes()
            lines = lines + [self.t("no_one")]
            out += self._say(self.t("no_one")) + [RoutesShown(routes)]
            if routes:
                out.append(Show("\n".join(r.line() for r in routes)))
        self.last_lines += lines
        return out + self._menu()

    def _menu(self) -> list:
        self.state = "menu"
        return self._ask(self.t("menu"), "menu")

    def _command(self, cmd: str) -> list:
        if cmd == "stop":
            return self._close("stopped")
        if cmd == "next":
            self.index += 1
            if self.index >= len(self.run):
                return self._close("finished")
            return self._scenario()
        if cmd == "repeat":
            return self._repeat()
        if cmd == "try_again" and self.state == "menu":
            self.state = "attempt"
            return self._say(self.t("try_again")) + self._ask(self.t("your_turn_again"), "attempt")
        if self.state == "menu":
            return self._say(self.t("didnt_catch_menu")) + [self.last_listen]
        return [self.last_listen]

    def _repeat(self) -> list:
        sc = self.scenario
        if self.state == "attempt":
            return self._say(self.t("scenario", title=sc.title, situation=sc.situation)) \
                + self._ask(self.last_question or self.t("your_turn"), "attempt")
        if self.state == "plan_b":
            return self._say(self.t("declines", helper=sc.who, reply=sc.declines),
                             self.t("no_is_timing")) + self._ask(self.t("ask_plan_b"), "plan_b")
        return self._say(*self.last_lines) + self._menu()

    def _silence(self) -> list:
        if self.state in ("done", "idle"):
            return []
        if not self.reprompted and self.last_question:
            self.reprompted = True
            return self._say(self.t("reprompt", question=self.last_question)) + [self.last_listen]
        return [self.last_listen]  # then wait, for as long as it takes

    def _close(self, outcome: str) -> list:
        self.state = "done"
        first = (self.t("closing_none") if not self.attempts else self.t("closing_one")
                 if self.attempts == 1 else self.t("closing", n=self.attempts))
        return self._say(first, self.t("habit")) + [Done(None, outcome)]


def _cap(text: str, lang: str) -> str:
    return text[:1].upper() + text[1:] if lang == "en" else text
