"""Switch scanning as a pure, clock-driven state machine.

Why pure: the timing rules (interval, rounds, debounce) are what make scanning usable or
exhausting, so they are tested with a fake clock, with no terminal and no timers. The app only
feeds it the current time (``tick``) and the switch presses (``press_select`` / ``press_next``),
and moves the highlight to whatever it names.

Scanning goes group by group; selecting a group scans its items; selecting an item returns it
and restarts at the groups. A group with one item is selected directly. The items of a group
are offered for ``item_rounds`` rounds before scanning goes back up to the groups. After
``max_rounds`` unanswered rounds scanning *pauses* where it is (it never cycles forever and
never silently jumps): the next press of either switch resumes at the same place, and selects
nothing. ``pause_first`` keeps the first group and the first item of a group highlighted for
two intervals, for a person who needs time to get ready. In two-switch mode nothing moves by
itself: one switch moves, the other selects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

MIN_INTERVAL_S = 0.5
MAX_INTERVAL_S = 10.0
MODES = ("one-switch", "two-switch")


def clamp_interval(seconds: float) -> float:
    """Keep the interval in the 0.5-10 s range the settings allow."""
    return max(MIN_INTERVAL_S, min(MAX_INTERVAL_S, float(seconds)))


@dataclass
class ScanGroup(Generic[T]):
    name: str
    items: list[T] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # spoken names, same order as items

    def label(self, i: int) -> str:
        return self.labels[i] if i < len(self.labels) else str(self.items[i])


class Scanner(Generic[T]):
    """Highlights groups, then items, at a fixed interval; one press selects."""

    def __init__(
        self,
        groups: Sequence[ScanGroup[T]],
        *,
        interval_s: float = 2.0,
        max_rounds: int = 3,
        item_rounds: int = 2,
        pause_first: bool = False,
        debounce_s: float = 0.3,
        mode: str = "one-switch",
        on_highlight: Callable[[str, T | None], None] | None = None,
        on_pause: Callable[[bool], None] | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"scanning mode {mode!r} is not one of {', '.join(MODES)}")
        self.groups = [g for g in groups if g.items]
        self.interval_s = clamp_interval(interval_s)
        self.max_rounds = max(1, int(max_rounds))
        self.item_rounds = max(1, int(item_rounds))
        self.pause_first = bool(pause_first)
        self.debounce_s = max(0.0, float(debounce_s))
        self.mode = mode
        self.on_highlight = on_highlight
        self.on_pause = on_pause
        self.running = False
        self.paused = False  # stopped after max_rounds unanswered: the next press resumes here
        self.level = "groups"  # groups | items
        self.group_index = 0
        self.item_index = 0
        self.unanswered_rounds = 0
        self.item_round = 0
        self._last_step = 0.0
        self._last_press: float | None = None

    # --- what is highlighted -------------------------------------------------------------

    @property
    def group(self) -> ScanGroup[T] | None:
        return self.groups[self.group_index] if self.groups else None

    @property
    def item(self) -> T | None:
        g = self.group
        if g is None or self.level != "items":
            return None
        return g.items[self.item_index]

    @property
    def highlighted_name(self) -> str:
        g = self.group
        if g is None:
            return ""
        return g.label(self.item_index) if self.level == "items" else g.name

    @property
    def dwell_s(self) -> float:
        """How long the current highlight stays: twice as long on a first place with pause_first."""
        first = (self.level == "groups" and self.group_index == 0) or \
            (self.level == "items" and self.item_index == 0)
        return self.interval_s * (2 if self.pause_first and first else 1)

    # --- control ------------------------------------------------------------------------

    def set_groups(self, groups: Sequence[ScanGroup[T]], now: float) -> None:
        """Replace what is scanned (the screen changed) and start again at the first group.

        A paused scanner stays paused (at the first group of the new screen): only a switch
        press resumes it.
        """
        self.groups = [g for g in groups if g.items]
        if self.paused:
            self.level, self.group_index, self.item_index = "groups", 0, 0
            if not self.groups:
                self.paused = False
            return
        if self.running or not self.groups:
            self.start(now)

    def start(self, now: float) -> None:
        self.running = bool(self.groups)
        was_paused, self.paused = self.paused, False
        self.level = "groups"
        self.group_index = 0
        self.item_index = 0
        self.unanswered_rounds = 0
        self.item_round = 0
        self._last_step = now
        if was_paused and self.on_pause is not None:
            self.on_pause(False)
        self._notify()

    def stop(self) -> None:
        self.running = False
        self.paused = False

    def resume(self, now: float) -> None:
        """Go on from where scanning paused, highlighting the same place again."""
        self.paused = False
        self.running = bool(self.groups)
        self.unanswered_rounds = 0
        self.item_round = 0
        self._last_step = now
        if self.on_pause is not None:
            self.on_pause(False)
        self._notify()

    def tick(self, now: float) -> bool:
        """Advance when the dwell time has passed (one-switch only). True when the highlight moved."""
        if not self.running or self.mode != "one-switch":
            return False
        moved = False
        while self.running and now - self._last_step >= self.dwell_s:
            self._last_step += self.dwell_s
            self._advance()
            moved = True
        return moved

    def press_next(self, now: float) -> bool:
        """The 'move' switch in two-switch mode (in one-switch mode it also steps, harmlessly)."""
        if self._debounced(now):
            return False
        if self.paused:
            self.resume(now)
            return True
        if not self.running:
            self.start(now)
            return True
        self._last_step = now
        self._advance()
        return True

    def press_select(self, now: float) -> T | None:
        """The select switch: enter the highlighted group or return the highlighted item."""
        if self._debounced(now):
            return None
        if self.paused:
            self.resume(now)  # a press after a pause only wakes scanning, where it was
            return None
        if not self.running:
            self.start(now)
            return None
        self.unanswered_rounds = 0
        self._last_step = now
        g = self.group
        assert g is not None
        if self.level == "groups" and len(g.items) > 1:
            self.level = "items"
            self.item_index = 0
            self.item_round = 0
            self._notify()
            return None
        chosen = g.items[self.item_index if self.level == "items" else 0]
        # restart after a selection: back to the first group
        self.level = "groups"
        self.group_index = 0
        self.item_index = 0
        self._notify()
        return chosen

    # --- internals ----------------------------------------------------------------------

    def _debounced(self, now: float) -> bool:
        if self._last_press is not None and now - self._last_press < self.debounce_s:
            return True
        self._last_press = now
        return False

    def _advance(self) -> None:
        g = self.group
        if g is None:
            self.running = False
            return
        if self.level == "groups":
            self.group_index += 1
            if self.group_index >= len(self.groups):
                self.group_index = 0
                self._round_done()
        else:
            self.item_index += 1
            if self.item_index >= len(g.items):
                self.item_index = 0
                self.item_round += 1
                if self.item_round >= self.item_rounds:
                    # the items were offered item_rounds times: back up to the groups, same group
                    self.level = "groups"
                    self.item_round = 0
                    self._round_done()
        if self.running or self.paused:
            self._notify()  # when pausing: the highlight shows where a press will resume
        if self.paused and self.on_pause is not None:
            self.on_pause(True)

    def _round_done(self) -> None:
        if self.mode != "one-switch":
            return  # nothing moves by itself in two-switch mode, so rounds never time out
        self.unanswered_rounds += 1
        if self.unanswered_rounds >= self.max_rounds:
            self.running = False
            self.paused = True

    def _notify(self) -> None:
        if self.on_highlight is not None and (self.running or self.paused):
            self.on_highlight(self.highlighted_name, self.item)
