"""History: the help log, filtered by status; mark helped or declined in one press; the stats.

Entries are buttons (not a table) so that arrows, Tab, the mouse and switch scanning all reach
each one the same way; the focused entry is the one the letter keys act on.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import DescendantFocus
from textual.widgets import Button, Static

from ..widgets import KeyButton
from .base import VHScreen

FILTERS = (None, "draft", "sent", "helped", "declined")
LIMIT = 50


class HistoryScreen(VHScreen):
    MODE = "history"

    BINDINGS = [
        Binding("f", "cycle_filter", "Filter", id="history.filter"),
        Binding("y", "mark('helped')", "Helped", id="history.helped"),
        Binding("n", "mark('declined')", "Declined", id="history.declined"),
        Binding("w", "mark('withdrawn')", "Withdrawn", id="history.withdrawn", show=False),
        Binding("e", "adapt", "Open in Compose", id="history.open"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_index = 0
        self.selected_id: int | None = None
        self.entries: dict[int, Any] = {}

    def compose(self) -> ComposeResult:
        yield from self.nav()
        with Horizontal(id="history-actions", classes="scan-group") as row:
            row.border_title = "Actions"
            yield KeyButton("Filter: all", "f", id="filter")
            yield KeyButton("Helped", "y", id="mark-helped", variant="success")
            yield KeyButton("Declined", "n", id="mark-declined", variant="warning")
            yield KeyButton("Open in Compose", "e", id="open")
        yield Static("", id="stats")
        yield VerticalScroll(id="entries", classes="scan-group")
        yield from self.status_lines()

    @property
    def status_filter(self) -> str | None:
        return FILTERS[self.filter_index]

    def on_mount(self) -> None:
        self.query_one("#entries").border_title = "Requests"

    async def on_screen_resume(self) -> None:
        await self.reload()

    async def reload(self) -> None:
        app: Any = self.app
        box = self.query_one("#entries", VerticalScroll)
        await box.remove_children()
        self.query_one("#filter", KeyButton).set_text(f"Filter: {self.status_filter or 'all'}")
        if app.core.log is None:
            self.show_status(f"No help log: {app.core.log_problem}")
            return
        try:
            entries = app.core.entries(self.status_filter, limit=LIMIT)
            stats = app.core.stats()
        except Exception as exc:
            self.show_status(f"The help log could not be read: {exc}")
            return
        self.entries = {e.id: e for e in entries}
        buttons = [KeyButton(_entry_line(e), "", id=f"entry-{e.id}", classes=f"entry -{e.status}")
                   for e in entries]
        if buttons:
            await box.mount_all(buttons)
        else:
            await box.mount(Static("Nothing here yet.", classes="empty"))
        self.query_one("#stats", Static).update(_stats_line(stats))
        if self.selected_id not in self.entries:
            self.selected_id = entries[0].id if entries else None
        self.show_status(f"{len(entries)} request(s). Arrows move; y helped, n declined, f filter.")
        if self.selected_id is not None:
            self.call_after_refresh(self._focus_selected)

    def _focus_selected(self) -> None:
        try:
            self.query_one(f"#entry-{self.selected_id}").focus()
        except Exception:
            pass

    @on(DescendantFocus)
    def _focused(self, event: DescendantFocus) -> None:
        bid = event.widget.id or ""
        if bid.startswith("entry-"):
            self.selected_id = int(bid.removeprefix("entry-"))

    async def action_cycle_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.selected_id = None
        await self.reload()
        self.app.step(f"Showing {self.status_filter or 'all'}")  # type: ignore[attr-defined]

    async def action_mark(self, status: str) -> None:
        app: Any = self.app
        if self.selected_id is None:
            app.show_result("No request selected.")
            return
        try:
            app.core.mark(self.selected_id, status)
        except Exception as exc:
            app.show_result(f"Not marked: {exc}")
            return
        app.show_result(f"Request #{self.selected_id} marked {status}.")
        await self.reload()

    def action_adapt(self) -> None:
        app: Any = self.app
        entry = self.entries.get(self.selected_id) if self.selected_id is not None else None
        if entry is None:
            return
        from .phrase_board import _compose_screen

        app.go("compose")
        draft_id = entry.id if entry.status == "draft" else None
        app.call_after_refresh(lambda: _compose_screen(app).load_text(
            entry.transcript or entry.message, entry.request, draft_id))

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        event.stop()
        if bid == "filter":
            await self.action_cycle_filter()
        elif bid == "mark-helped":
            await self.action_mark("helped")
        elif bid == "mark-declined":
            await self.action_mark("declined")
        elif bid == "open":
            self.action_adapt()
        elif bid.startswith("entry-"):
            self.selected_id = int(bid.removeprefix("entry-"))
            self.speak_entry()

    def speak_entry(self) -> None:
        entry = self.entries.get(self.selected_id) if self.selected_id is not None else None
        if entry is not None:
            self.app.say(entry.message or entry.transcript, entry.lang, force=True)  # type: ignore[attr-defined]

    def speakable_text(self) -> str:
        entry = self.entries.get(self.selected_id) if self.selected_id is not None else None
        return (entry.message or entry.transcript) if entry else ""


def _entry_line(e: Any) -> str:
    when = (e.created_at or "")[:16].replace("T", " ")
    text = (e.message or e.transcript or "").replace("\n", " ")
    who = f" → {e.recipient}" if e.recipient else ""
    return f"#{e.id} {e.status_label:<9} {when}{who}  {text[:70]}"


def _stats_line(s: Any) -> str:
    if s is None:
        return ""
    share = f"{round(s.share_helped * 100)}%" if s.share_helped is not None else "—"
    median = f"{s.median_minutes_to_help:.0f} min" if s.median_minutes_to_help is not None else "—"
    return (f"Asked {s.total} · drafts {s.drafts} · waiting {s.sent} · helped {s.helped} · "
            f"declined {s.declined} · helped share {share} · median time to help {median}")
