"""Progress: 12 weeks of practice and real asks as sparklines, the elements the practice asks
had, how the real requests went, and the 90-day plan with its steps.

Opened from Practice (``g``); ``5`` goes back. The figures come from ``practice.progress`` and
the plan from ``practice.plan``, the same code as ``voice-helper practice --stats`` / ``--plan``.
Plan steps are buttons: pressing one marks a hand-marked step done or not done (steps found in
the log say so). Counts only: no scores, and nothing here is sent anywhere.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Sparkline, Static

from ...practice import plan as pplan
from ...practice.data import ELEMENTS, load
from ...practice.progress import progress
from ..widgets import KeyButton, literal
from .base import VHScreen
from .practice import pt

SERIES = ("practised", "real", "helped")


class ProgressScreen(VHScreen):
    MODE = "progress"

    DEFAULT_CSS = """
    ProgressScreen #progress-body { height: 1fr; }
    ProgressScreen .pg-box { height: auto; border: round $primary; padding: 0 1; margin: 0; }
    ProgressScreen .pg-row { height: 1; }
    ProgressScreen .pg-label { width: 34; }
    ProgressScreen Sparkline { width: 36; height: 1; }
    ProgressScreen #pg-plan, ProgressScreen #pg-steps, ProgressScreen #pg-actions { height: auto; }
    ProgressScreen .plan-step { width: 1fr; }
    """

    BINDINGS = [
        Binding("a", "start_plan", "Start the plan", id="progress.start", show=False),
        Binding("b", "back", "Back to practice", id="progress.back", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: Any = None
        self.plan: pplan.PlanStatus | None = None

    @property
    def lang(self) -> str:
        return str(getattr(self.app, "lang", "en"))

    def t(self, key: str, /, **values: Any) -> Any:
        return pt(self.lang, key, **values)

    def compose(self) -> ComposeResult:
        yield from self.nav()
        with VerticalScroll(id="progress-body"):
            with Vertical(id="pg-weeks", classes="pg-box"):
                for key in SERIES:
                    with Horizontal(classes="pg-row"):
                        yield Static("", id=f"pg-{key}-label", classes="pg-label", markup=False)
                        yield Sparkline([0] * 12, id=f"pg-{key}", summary_function=max)
            with Vertical(id="pg-elements", classes="pg-box"):
                for e in ELEMENTS:
                    with Horizontal(classes="pg-row"):
                        yield Static("", id=f"pg-el-{e}-label", classes="pg-label", markup=False)
                        yield Sparkline([0] * 12, id=f"pg-el-{e}", summary_function=max)
            yield Static("", id="pg-figures", classes="pg-box", markup=False)
            with Vertical(id="pg-plan", classes="scan-group pg-box"):
                yield Static("", id="pg-plan-head", markup=False)
                yield KeyButton("", "a", id="pg-start")
                yield Vertical(id="pg-steps")
            with Horizontal(id="pg-actions", classes="scan-group pg-box"):
                yield KeyButton("", "b", id="pg-back")
        yield from self.status_lines()

    async def on_screen_resume(self) -> None:
        super().on_screen_resume()
        await self.reload()

    def refresh_texts(self) -> None:
        self.call_later(self.reload)

    async def reload(self) -> None:
        """Read the log again and show it (on every visit, and after a change)."""
        app: Any = self.app
        log = app.core.log
        if log is None:
            self.show_status(app.t("history.no_log", reason=app.core.log_problem))
            return
        self.data = p = progress(log, self.lang, app.now())
        names = load(self.lang)["element_names"]
        self.query_one("#pg-weeks").border_title = self.t("progress.title_group",
                                                          start=p.weeks[0].isoformat())
        totals = {"practised": p.practised, "real": p.real, "helped": p.helped}
        for key in SERIES:
            self.query_one(f"#pg-{key}-label", Static).update(
                literal(self.t(f"progress.{key}", n=sum(totals[key]))))
            self.query_one(f"#pg-{key}", Sparkline).data = list(totals[key])
        self.query_one("#pg-elements").border_title = self.t("progress.elements_group")
        for e in ELEMENTS:
            self.query_one(f"#pg-el-{e}-label", Static).update(literal(self.t(
                "progress.element", name=names[e], n=p.element_totals.get(e, 0), total=p.total_attempts)))
            self.query_one(f"#pg-el-{e}", Sparkline).data = list(p.elements[e])
        t = load(self.lang)["progress"]
        figures = [t["scenarios"].format(n=p.scenarios_practised, total=p.scenarios_total),
                   t["plan_b"].format(n=p.plan_b),
                   t["requests"].format(asked=p.asked, helped=p.helped_total, declined=p.declined,
                                        waiting=p.waiting),
                   t["reciprocity"].format(thanks=p.thanks, given=p.given)]
        if p.declined:
            figures.append(t["no_is_timing"])
        box = self.query_one("#pg-figures", Static)
        box.border_title = self.t("progress.figures_group")
        box.update(literal("\n".join(figures)))
        await self._show_plan()
        self.query_one("#pg-back", KeyButton).set_text(self.t("progress.back"))

    async def _show_plan(self) -> None:
        app: Any = self.app
        box = self.query_one("#pg-plan")
        box.border_title = self.t("progress.plan_group")
        st = self.plan = pplan.status(app.core.log, app.settings, self.lang, app.now().date())
        start = self.query_one("#pg-start", KeyButton)
        start.set_text(self.t("progress.start_plan"))
        start.display = st.started is None
        head = self.query_one("#pg-plan-head", Static)
        steps = self.query_one("#pg-steps", Vertical)
        await steps.remove_children()
        if st.started is None:
            head.update(literal(self.t("progress.not_started")))
            return
        texts = load(self.lang)["plan"]
        lines = [texts["started"].format(date=st.started.isoformat(), day=st.day) if st.day <= pplan.DAYS
                 else texts["finished"].format(day=st.day)]
        note = pplan.reminder(st, self.lang)
        if note:
            lines.append(note)
        head.update(literal("\n".join(lines)))
        buttons = []
        for phase in st.phases:
            buttons.append(Static(literal(phase.title), classes="plan-phase"))
            for step in phase.steps:
                mark = texts["done_mark"] if step.done else texts["todo_mark"]
                now = f"  {texts['now_mark']}" if st.current is step else ""
                buttons.append(KeyButton(f"{mark} {step.text}{now}", "", id=f"step-{step.id}",
                                         classes="plan-step"))
        await steps.mount_all(buttons)

    def action_start_plan(self) -> None:
        app: Any = self.app
        if app.core.log is None:
            return
        pplan.start(app.core.log, app.now().astimezone())
        app.show_result(load(self.lang)["plan"]["just_started"])
        self.call_later(self.reload)

    def action_back(self) -> None:
        self.app.go("practice")  # type: ignore[attr-defined]

    async def toggle_step(self, step_id: str) -> None:
        """A hand-marked step: done ⇄ not done. A step found in the log says so instead."""
        app: Any = self.app
        step = self.plan.step(step_id) if self.plan else None
        if step is None:
            return
        if step.done and not step.by_hand:
            app.show_result(self.t("progress.step_auto", step=step.text))
            return
        if step.by_hand:
            app.core.log.clear_plan_mark(step.id)
            app.show_result(self.t("progress.step_undone", step=step.text))
        else:
            app.core.log.set_plan_mark(step.id)
            app.show_result(self.t("progress.step_done", step=step.text))
        await self.reload()
        try:
            self.query_one(f"#step-{step_id}").focus()
        except Exception:
            pass

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        event.stop()
        if bid == "pg-start":
            self.action_start_plan()
        elif bid == "pg-back":
            self.action_back()
        elif bid.startswith("step-"):
            await self.toggle_step(bid.removeprefix("step-"))

    def speakable_text(self) -> str:
        if self.data is None:
            return ""
        return "\n".join(str(w.render()) for w in self.query(".pg-label"))
