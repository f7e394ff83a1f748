"""The 90-day plan: set up (days 0–14), one small real ask a week practised first (15–45),
review and share one success (46–90).

Why most steps check themselves: a person should not have to report on their own progress, so a
step is done when the settings or the help log show it (a contact saved, the warm-up practised,
a practice ask and a real ask in the same week, a thank-you). The rest are marked by hand. The
reminders are text for the app's own screens; nothing here sends anything anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .data import load
from .progress import ASKED, _local_day

DAYS = 90


@dataclass
class Step:
    id: str
    text: str
    phase: str
    first_day: int
    last_day: int
    check: str = "manual"
    done: bool = False
    by_hand: bool = False  # marked done by the person (not found in the log)


@dataclass
class Phase:
    id: str
    title: str
    first_day: int
    last_day: int
    steps: list[Step] = field(default_factory=list)


@dataclass
class PlanStatus:
    started: date | None
    day: int  # days since the start (0 on the first day)
    phases: list[Phase]
    current: Step | None  # the step to do now (the reminder), if any

    @property
    def steps(self) -> list[Step]:
        return [s for p in self.phases for s in p.steps]

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


def phases(lang: str) -> list[Phase]:
    """The plan's phases and steps from the data file (weekly steps are made per week)."""
    out = []
    for raw in load(lang)["plan"]["phases"]:
        first, last = (int(d) for d in raw["days"])
        phase = Phase(str(raw["id"]), str(raw["title"]), first, last)
        if raw.get("weekly"):
            n, day = 1, first
            while day <= last:
                phase.steps.append(Step(f"week-{n}", raw["weekly"].format(n=n), phase.id, day,
                                        min(last, day + 6), "week"))
                n, day = n + 1, day + 7
        for s in raw.get("steps") or []:
            phase.steps.append(Step(str(s["id"]), str(s["text"]), phase.id, first, last,
                                    str(s.get("check") or "manual")))
        out.append(phase)
    return out


def start(log: Any, now: datetime | None = None) -> date:
    """Start the plan (once: a second call keeps the first start)."""
    at = log.set_plan_mark("started", now)
    return _local_day(at)


def status(log: Any, settings: Any, lang: str, today: date | None = None) -> PlanStatus:
    marks = log.plan_marks()
    started = _local_day(marks["started"]) if "started" in marks else None
    today = today or date.today()
    day = (today - started).days if started else 0
    plan = phases(lang)
    if started is None:
        return PlanStatus(None, 0, plan, None)
    since = datetime(started.year, started.month, started.day).astimezone()
    attempts = [a for a in log.practice_attempts(since=since) if a.kind == "ask"]
    practised_days = {(_local_day(a.at) - started).days for a in attempts}
    practised_ids = {a.scenario for a in log.practice_attempts() if a.kind == "ask"}
    asked_days: set[int] = set()
    thanks = False
    for d, st, intent, given, _n in log.request_days(since=since):
        offset = (date.fromisoformat(d) - started).days
        if intent == "thanks" and st != "withdrawn" or given:
            thanks = True
        elif st in ASKED:
            asked_days.add(offset)
    contacts = list(getattr(settings, "contacts", []) or [])
    for step in (s for p in plan for s in p.steps):
        rng = set(range(step.first_day, step.last_day + 1))
        found = {
            "contacts": bool(contacts),
            "channel": any(getattr(c, "channel", "") for c in contacts),
            "thanks": thanks,
            "week": bool(rng & practised_days) and bool(rng & asked_days),
        }.get(step.check, False)
        if step.check.startswith("practised:"):
            found = step.check.split(":", 1)[1] in practised_ids
        step.by_hand = step.id in marks
        step.done = found or step.by_hand
    return PlanStatus(started, day, plan, _current(plan, day))


def _current(plan: list[Phase], day: int) -> Step | None:
    """What to do now: this phase's first open step (this week's, in the weekly phase), else an
    earlier open step; None when everything up to now is done or the 90 days are over."""
    if day > DAYS:
        return None
    now = [p for p in plan if p.first_day <= day <= p.last_day]
    for phase in now:
        for step in phase.steps:
            if not step.done and step.first_day <= day and (step.check != "week" or day <= step.last_day):
                return step
    for phase in plan:
        if phase.last_day < day:
            for step in phase.steps:
                if not step.done and step.check != "week":
                    return step
    return None


def reminder(st: PlanStatus, lang: str) -> str:
    """The gentle, in-app reminder for today ("" before the plan starts or after it ends)."""
    t = load(lang)["plan"]
    if st.started is None or st.day > DAYS:
        return ""
    return t["reminder"].format(step=st.current.text) if st.current else t["reminder_done"]


def plan_lines(st: PlanStatus, lang: str, just_started: bool = False) -> list[str]:
    t = load(lang)["plan"]
    lines = [t["title"]]
    if just_started:
        lines.append(t["just_started"])
    if st.started is not None:
        lines.append(t["started"].format(date=st.started.isoformat(), day=st.day)
                     if st.day <= DAYS else t["finished"].format(day=st.day))
    for phase in st.phases:
        lines.append(phase.title)
        for step in phase.steps:
            mark = t["done_mark"] if step.done else t["todo_mark"]
            now = f"  {t['now_mark']}" if st.current is not None and step is st.current else ""
            lines.append(f"  {mark} {step.text}  ({step.id}){now}")
    text = reminder(st, lang)
    if text:
        lines.append(text)
    lines.append(t["mark_hint"])
    return lines

