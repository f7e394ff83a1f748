"""Practice (5): rehearse an ask by voice, by one key, or by mouse, with kind feedback.

The screen drives the same ``PracticeSession`` as ``voice-helper practice`` (events in, actions
out), so the words, the feedback and the order of steps are the engine's, never the screen's.
Space speaks the ask (the app's one listening worker), ``i`` types it, ``p`` picks a ready one;
then ``t`` try again, ``n`` next, ``h`` hear it again, ``s`` stop. ``l`` chooses a scenario
(a level, then a scenario: digits, so a switch or the mouse reach it too), ``w`` shows where to
turn when there is no one to ask, ``g`` opens Progress. Every rehearsal goes to the help log's
practice table; nothing is sent anywhere.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from ...dialog import CommandHeard, Done, Listen, Say, Show, UtteranceHeard
from ...practice import data as pdata
from ...practice.session import (Attempted, Declined, FeedbackGiven, HelperReplied, PlanBGiven,
                                 PracticeSession, RoutesShown, ScenarioShown, plan_run)
from ..presets import Choice
from ..widgets import AutoGrid, KeyButton, PickerScreen, TextBox, TextViewScreen, literal
from .base import VHScreen

#: command -> key (also the button ids: p-try_again, p-next, …)
COMMAND_KEYS = (("try_again", "t"), ("next", "n"), ("repeat", "h"), ("stop", "s"))


@lru_cache(maxsize=4)
def _texts(lang: str) -> dict[str, Any]:
    lang = lang if lang in ("en", "ja") else "en"
    ref = resources.files("voice_helper.ui.data").joinpath(f"practice_ui_{lang}.yaml")
    return yaml.safe_load(ref.read_text(encoding="utf-8")) or {}


def pt(lang: str, key: str, /, **values: Any) -> Any:
    """A Practice/Progress screen text ("practice.speak") in ``lang``, placeholders filled."""
    node: Any = _texts(lang)
    for part in key.split("."):
        node = node[part]
    return node.format(**values) if values and isinstance(node, str) else node


class PracticeScreen(VHScreen):
    MODE = "practice"
    ALWAYS_ON = ("toggle_listen",)

    DEFAULT_CSS = """
    PracticeScreen #practice-body { height: 1fr; }
    PracticeScreen .p-box { height: auto; border: round $primary; padding: 0 1; margin: 0; }
    PracticeScreen #p-try { height: auto; }
    PracticeScreen #p-typed { width: 1fr; }
    PracticeScreen #p-better { text-style: bold; }
    """

    BINDINGS = [
        Binding("space,enter", "toggle_listen", "Speak", id="practice.speak"),
        Binding("i", "type_it", "Type", id="practice.type", show=False),
        Binding("p", "pick", "Pick", id="practice.pick", show=False),
        *[Binding(key, f"command('{cmd}')", cmd, id=f"practice.{cmd}", show=False)
          for cmd, key in COMMAND_KEYS],
        Binding("l", "choose", "Choose a scenario", id="practice.choose", show=False),
        Binding("w", "routes", "No one to ask?", id="practice.routes", show=False),
        Binding("g", "progress", "Progress", id="practice.progress", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.session: PracticeSession | None = None
        self.kind = "attempt"  # what the next words are: attempt | plan_b | menu | done
        self.listening = False
        self.feedback: list[str] = []
        self.better = ""
        self.scenario_line = ""
        self.saved: list[int] = []  # practice log ids, for tests and the person's reassurance

    @property
    def lang(self) -> str:
        return str(getattr(self.app, "lang", "en"))

    def t(self, key: str, /, **values: Any) -> Any:
        return pt(self.lang, key, **values)

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from self.nav()
        with VerticalScroll(id="practice-body"):
            yield Static("", id="p-scenario", classes="p-box", markup=False)
            with Horizontal(id="p-try", classes="scan-group p-box"):
                yield KeyButton("", app.key_for("practice.speak", "space"), id="p-speak", variant="success")
                yield KeyButton("", app.key_for("practice.pick", "p"), id="p-pick")
                yield TextBox(id="p-typed")
            yield Static("", id="p-feedback", classes="p-box", markup=False)
            yield Static("", id="p-better", classes="p-box", markup=False)
            with AutoGrid(column_width=22, id="p-commands", classes="scan-group p-box"):
                for cmd, key in COMMAND_KEYS:
                    yield KeyButton("", app.key_for(f"practice.{cmd}", key), id=f"p-{cmd}", classes="action")
            with AutoGrid(column_width=26, id="p-more", classes="scan-group p-box"):
                yield KeyButton("", app.key_for("practice.choose", "l"), id="p-choose")
                yield KeyButton("", app.key_for("practice.routes", "w"), id="p-routes")
                yield KeyButton("", app.key_for("practice.progress", "g"), id="p-progress")
        yield from self.status_lines()

    def on_mount(self) -> None:
        self.refresh_texts()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.session is None:
            self.start()
        self._show_reminder()

    def refresh_texts(self) -> None:
        """Every label in the UI's language (after a change of language too)."""
        labels = {"p-speak": "practice.speak", "p-pick": "practice.pick", "p-choose": "practice.choose",
                  "p-routes": "practice.routes", "p-progress": "practice.progress",
                  **{f"p-{cmd}": f"practice.{cmd}" for cmd, _ in COMMAND_KEYS}}
        for bid, key in labels.items():
            button = self.query_one(f"#{bid}", KeyButton)
            listening = bid == "p-speak" and self.listening
            button.set_text(self.t("practice.listening") if listening else self.t(key))
        self.query_one("#p-typed", TextBox).placeholder = self.t("practice.typed")
        for wid, key in (("p-scenario", "scenario_group"), ("p-try", "try_group"),
                         ("p-feedback", "feedback_group"), ("p-better", "better_group"),
                         ("p-commands", "next_group"), ("p-more", "more_group")):
            self.query_one(f"#{wid}").border_title = self.t(f"practice.{key}")
        self._show_all()

    # --- the session ----------------------------------------------------------------------

    def start(self, scenario_id: str | None = None) -> None:
        """A new run: from ``scenario_id``, or from the first scenario not yet asked well."""
        app: Any = self.app
        log = app.core.log
        good: set[str] = set()
        if log is not None:
            try:
                good = {a.scenario for a in log.practice_attempts()
                        if a.kind == "ask" and a.next_step is None}
            except Exception:
                good = set()
        run = plan_run(self.lang, good, scenario_id)
        from ...practice.routes import region_for, routes_for

        region = region_for(app.settings, self.lang)
        self.session = PracticeSession(_UIComposer(app), run, lang=self.lang,
                                       routes=lambda: routes_for(region)[0],
                                       crisis_resources=lambda lang: _crisis(app, region))
        self.feedback, self.better = [], ""
        self._perform(self.session.start())

    def _perform(self, actions: list[Any]) -> None:
        said: list[str] = []
        app: Any = self.app
        for action in actions:
            if isinstance(action, Say):
                said.append(action.text)
            elif isinstance(action, Show):
                self.show_status(action.text)
            elif isinstance(action, ScenarioShown):
                sc = action.scenario
                head = self.t("practice.of", n=action.index + 1, title=sc.title, level=sc.level)
                self.scenario_line = f"{head}\n{sc.situation}"
                self.feedback, self.better = [], ""
            elif isinstance(action, FeedbackGiven):
                self.feedback = [line for line in action.lines if line != action.assessment.better]
                if self.feedback and self.feedback[-1] in (pdata.prompt(self.lang, "better_added"),
                                                           pdata.prompt(self.lang, "better_same")):
                    self.feedback.pop()
                self.better = action.assessment.better
            elif isinstance(action, Declined):
                self.feedback += [pdata.prompt(self.lang, "declines", helper=self.session.scenario.who,
                                               reply=action.reply), pdata.prompt(self.lang, "no_is_timing")]
            elif isinstance(action, PlanBGiven):
                self.feedback += action.lines
            elif isinstance(action, HelperReplied):
                self.feedback.append(pdata.prompt(self.lang, "helper_side", helper=self.session.scenario.who,
                                                  reply=action.reply))
            elif isinstance(action, RoutesShown):
                self.feedback.append(pdata.prompt(self.lang, "no_one"))
                self.feedback += [r.line() for r in action.routes]
            elif isinstance(action, Attempted):
                self._keep(action)
            elif isinstance(action, Listen):
                assert self.session is not None
                self.kind = self.session.state
            elif isinstance(action, Done):
                self.kind = "done"
                app.show_result(" ".join(said[-2:]) if said else self.t("practice.done"), speak=False)
        if said:
            app.say(("" if self.lang == "ja" else " ").join(said), self.lang)
        self._show_all()

    def _keep(self, action: Attempted) -> None:
        app: Any = self.app
        if app.core.log is None:
            self.show_status(self.t("practice.not_kept", reason=app.core.log_problem))
            return
        if not action.record.at:
            # The app's one clock stamps the attempt, so Progress (which reads the same clock)
            # counts it in this week.
            action.record.at = app.now().astimezone().isoformat()
        try:
            self.saved.append(app.core.log.add_practice_attempt(action.record))
        except Exception as exc:
            self.show_status(self.t("practice.not_kept", reason=exc))

    def _show_all(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#p-scenario", Static).update(literal(self.scenario_line))
        body = "\n".join(self.feedback) if self.feedback else self.t("practice.nothing_yet")
        self.query_one("#p-feedback", Static).update(literal(body))
        better = self.query_one("#p-better", Static)
        better.update(literal(self.better))
        better.display = bool(self.better)
        waiting = {"attempt": "practice.waiting_attempt", "plan_b": "practice.waiting_plan_b",
                   "menu": "practice.waiting_menu", "done": "practice.done"}.get(self.kind)
        if waiting and not self.listening:
            self.show_status(self.t(waiting))
        self.query_one("#p-try_again", KeyButton).disabled = self.kind != "menu"
        if self.kind == "menu":  # the better version and what to do next, in view on a small screen
            self.call_after_refresh(lambda: self.query_one("#p-commands").scroll_visible(animate=False))

    def hear(self, text: str) -> None:
        """Words (spoken, typed or picked) go to the session as one turn."""
        if self.session is None or self.kind == "done":
            self.start()
        assert self.session is not None
        self._perform(self.session.handle(UtteranceHeard(text)))

    def action_command(self, cmd: str) -> None:
        if self.session is None or self.kind == "done":
            if cmd == "next":
                self.start()
            return
        self._perform(self.session.handle(CommandHeard(cmd)))

    # --- ways to answer -------------------------------------------------------------------

    def action_toggle_listen(self) -> None:
        app: Any = self.app
        if self.listening:
            app.finish_listening()
            return
        if self.kind == "menu":
            return  # commands are keys here; words are for asks and plan Bs
        if not app.can_listen:
            app.show_result(app.cannot_listen_text())
            return
        self.listening = True
        self.refresh_texts()
        app.listen(self.lang, self._partial, self._final, self.show_status)

    def _partial(self, text: str) -> None:
        self.show_status(f"… {text}")

    def _final(self, text: str | None) -> None:
        app: Any = self.app
        self.listening = False
        self.refresh_texts()
        if text:
            self.hear(text)
        elif "microphone" in app.problems:
            app.show_result(app.cannot_listen_text())
        else:
            self.show_status(app.t("listen.nothing"))

    def action_type_it(self) -> None:
        self.query_one("#p-typed", TextBox).focus()

    @on(Input.Submitted, "#p-typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        event.input.value = ""
        if text:
            self.hear(text)
        self.query_one("#p-speak", KeyButton).focus()

    @on(TextBox.Left)
    def _left(self, event: TextBox.Left) -> None:
        event.stop()
        self.query_one("#p-speak", KeyButton).focus()

    def action_pick(self) -> None:
        if self.session is None or self.kind in ("menu", "done"):
            return
        sc = self.session.scenario
        if self.kind == "plan_b":
            options = [o for o in [sc.plan_b, *self.t("practice.plan_b_picks")] if o]
            title = self.t("practice.pick_plan_b")
        else:
            options, title = list(sc.picks), self.t("practice.pick_title")

        def picked(choice: Choice | None) -> None:
            if choice is not None and choice.value:
                self.hear(str(choice.value))

        self.app.push_screen(PickerScreen(title, [Choice(o, o) for o in options], allow_typing=True,
                                          allow_clear=False), picked)

    def action_choose(self) -> None:
        """A level (1–5), then a scenario of that level: digits, a switch or the mouse."""
        all_ = pdata.scenarios(self.lang)
        levels = sorted({s.level for s in all_})
        choices = [Choice(self.t("practice.level", n=lv,
                                 titles=", ".join(s.title for s in all_ if s.level == lv)), lv)
                   for lv in levels]

        def level_chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            items = [Choice(s.title, s.id) for s in all_ if s.level == choice.value]
            self.app.push_screen(PickerScreen(self.t("practice.choose_scenario"), items, allow_typing=False,
                                              allow_clear=False), scenario_chosen)

        def scenario_chosen(choice: Choice | None) -> None:
            if choice is not None and choice.value:
                self.start(str(choice.value))

        self.app.push_screen(PickerScreen(self.t("practice.choose_level"), choices, allow_typing=False,
                                          allow_clear=False), level_chosen)

    def action_routes(self) -> None:
        from ...practice.routes import routes_text

        app: Any = self.app
        text = routes_text(app.settings, self.lang)
        app.push_screen(TextViewScreen(self.t("practice.routes_title"), text))

    def action_progress(self) -> None:
        self.app.go("progress")  # type: ignore[attr-defined]

    def _show_reminder(self) -> None:
        app: Any = self.app
        if not app.settings.practice.reminders or app.core.log is None:
            return
        from ...practice import plan

        try:
            text = plan.reminder(plan.status(app.core.log, app.settings, self.lang), self.lang)
        except Exception:
            return
        if text:
            self.show_result(text)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        bid = (event.button.id or "").removeprefix("p-")
        event.stop()
        handlers = {"speak": self.action_toggle_listen, "pick": self.action_pick,
                    "choose": self.action_choose, "routes": self.action_routes,
                    "progress": self.action_progress}
        if bid in handlers:
            handlers[bid]()
        elif bid in dict(COMMAND_KEYS):
            self.action_command(bid)

    def speakable_text(self) -> str:
        parts = [self.scenario_line, *self.feedback, self.better]
        return "\n".join(p for p in parts if p)


class _UIComposer:
    """The app's own composer door (``Core``), so practice uses the same settings and clock."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def compose(self, text: str, lang: str, to: str | None) -> Any:
        return self.app.core.compose(text, lang=lang, to=to)


def _crisis(app: Any, region: str) -> list[Any]:
    try:
        from ...nlu import crisis_resources

        return list(crisis_resources(region, app.settings))
    except Exception:
        return []
