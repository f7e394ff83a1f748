"""Progress: practice and real asking over the last 12 weeks, from the help log.

Why real requests sit next to practice: the point of rehearsing is asking for real, so the view
shows both, and how the real asks went, and the habit around them (thank-yous, help given back).
Counts only, never a score: a week with no practice is a dot, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .data import ELEMENTS, load, scenarios

WEEKS = 12
_BLOCKS = "▁▂▃▄▅▆▇█"
ASKED = {"sent", "failed", "helped", "declined"}  # a real request that went to someone


@dataclass
class Progress:
    weeks: list[date]  # the Monday of each week, oldest first
    practised: list[int]  # practice asks per week
    real: list[int]  # real requests asked per week
    helped: list[int]  # real requests helped per week (by the week they were asked)
    elements: dict[str, list[int]]  # per element: practice asks that had it, per week
    total_attempts: int = 0
    element_totals: dict[str, int] = field(default_factory=dict)
    plan_b: int = 0
    scenarios_practised: int = 0
    scenarios_total: int = 0
    asked: int = 0
    helped_total: int = 0
    declined: int = 0
    waiting: int = 0
    thanks: int = 0
    given: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "weeks": [w.isoformat() for w in self.weeks], "practised": self.practised, "real": self.real,
            "helped": self.helped, "elements": self.elements, "total_attempts": self.total_attempts,
            "element_totals": self.element_totals, "plan_b": self.plan_b,
            "scenarios_practised": self.scenarios_practised, "scenarios_total": self.scenarios_total,
            "asked": self.asked, "helped_total": self.helped_total, "declined": self.declined,
            "waiting": self.waiting, "thanks": self.thanks, "given": self.given,
        }


def _local_day(iso: str) -> date:
    moment = datetime.fromisoformat(iso)
    return (moment.astimezone() if moment.tzinfo else moment).date()


def week_starts(today: date, n: int = WEEKS) -> list[date]:
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=i) for i in range(n - 1, -1, -1)]


def progress(log: Any, lang: str = "en", now: datetime | None = None, n_weeks: int = WEEKS) -> Progress:
    """Everything the stats and the Progress view show, read from the help log."""
    today = (now.astimezone() if now and now.tzinfo else (now or datetime.now())).date()
    starts = week_starts(today, n_weeks)
    first = starts[0]

    def slot(day: date) -> int | None:
        i = (day - first).days // 7
        return i if 0 <= i < n_weeks else None

    p = Progress(weeks=starts, practised=[0] * n_weeks, real=[0] * n_weeks, helped=[0] * n_weeks,
                 elements={e: [0] * n_weeks for e in ELEMENTS})
    good: set[str] = set()
    for a in log.practice_attempts():
        if a.kind == "plan_b":
            p.plan_b += 1
            continue
        p.total_attempts += 1
        for e in a.elements:
            p.element_totals[e] = p.element_totals.get(e, 0) + 1
        if a.next_step is None:
            good.add(a.scenario)
        i = slot(_local_day(a.at))
        if i is not None:
            p.practised[i] += 1
            for e in a.elements:
                p.elements[e][i] += 1
    p.element_totals = {e: p.element_totals.get(e, 0) for e in ELEMENTS}
    ids = {s.id for s in scenarios(lang)}
    p.scenarios_total = len(ids)
    p.scenarios_practised = len(good & ids)
    for day, status, intent, given, n in log.request_days():
        if given:
            p.given += n
        if intent == "thanks":
            if status != "withdrawn":
                p.thanks += n
            continue
        if status not in ASKED:
            continue
        p.asked += n
        p.helped_total += n if status == "helped" else 0
        p.declined += n if status == "declined" else 0
        p.waiting += n if status in ("sent", "failed") else 0
        i = slot(date.fromisoformat(day))
        if i is not None:
            p.real[i] += n
            p.helped[i] += n if status == "helped" else 0
    return p


def spark(values: list[int], top: int | None = None) -> str:
    """A text sparkline; a week with nothing is a dot, so an empty week never looks like a bar."""
    top = max(values + [top or 0, 1])
    steps = len(_BLOCKS) - 1
    return "".join("·" if v <= 0 else _BLOCKS[min(steps, max(0, round(v / top * steps)))] for v in values)


def stats_lines(p: Progress, lang: str) -> list[str]:
    """``voice-helper practice --stats``: the chart and the figures, in the person's language."""
    t = load(lang)["progress"]
    names = load(lang)["element_names"]
    lines = [t["title"].format(start=p.weeks[0].isoformat())]
    top = max(p.practised + p.real + [1])
    labels = {k: t[k] for k in ("practised", "real", "helped")}
    width = max(cells(v) for v in labels.values()) + 2
    for key, values in (("practised", p.practised), ("real", p.real), ("helped", p.helped)):
        lines.append(f"  {pad(labels[key], width)}{spark(values, top)}  {sum(values)}")
    if not p.total_attempts:
        lines.append(t["nothing_yet"])
    else:
        lines.append(t["elements_title"])
        rows = {e: t["element_row"].format(name=names[e], n=p.element_totals.get(e, 0),
                                           total=p.total_attempts) for e in ELEMENTS}
        width = max(cells(r) for r in rows.values()) + 2
        for e in ELEMENTS:
            lines.append(f"  {pad(rows[e], width)}{spark(p.elements[e], max(p.practised + [1]))}")
        lines.append(t["scenarios"].format(n=p.scenarios_practised, total=p.scenarios_total))
        lines.append(t["plan_b"].format(n=p.plan_b))
    lines.append(t["requests"].format(asked=p.asked, helped=p.helped_total, declined=p.declined,
                                      waiting=p.waiting))
    lines.append(t["reciprocity"].format(thanks=p.thanks, given=p.given))
    if p.declined:
        lines.append(t["no_is_timing"])
    return lines


def cells(text: str) -> int:
    """Terminal cells: a Japanese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))
