"""History: the help log, filtered by status; mark helped or declined in one press; the stats.

Entries are buttons (not a table) so that arrows, Tab, the mouse and switch scanning all reach
each one the same way; the focused entry is the one the letter keys act on. ``s`` sends (or
retries) the selected request after the same "Send to Sato?" question as everywhere else.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import DescendantFocus
from textual.widgets import Button, Static

from ..widgets import KeyButton, literal, titled
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
        Binding("s", "send", "Send", id="history.send"),
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
        with titled(Horizontal(id="history-actions", classes="scan-group"), "history.actions"):
            yield KeyButton("", "f", id="filter")
            yield KeyButton(tkey="history.helped", key="y", id="mark-helped", variant="success")
            yield KeyButton(tkey="history.declined", key="n", id="mark-declined", variant="warning")
            yield KeyButton(tkey="history.open", key="e", id="open")
            yield KeyButton(tkey="history.send", key="s", id="send")
        yield Static("", id="stats", markup=False)
        yield titled(VerticalScroll(id="entries", classes="scan-group"), "history.requests")
        yield from self.status_lines()

    @property
    def status_filter(self) -> str | None:
        return FILTERS[self.filter_index]

    async def on_screen_resume(self) -> None:
        await self.reload()

    def refresh_texts(self) -> None:
        self.call_later(self.reload)

    def _filter_label(self) -> str:
        app: Any = self.app
        return app.t("compose.field_value", name=app.t("history.filter"),
                     value=app.t(f"state.{self.status_filter or 'all'}"))

    async def reload(self) -> None:
        app: Any = self.app
        box = self.query_one("#entries", VerticalScroll)
        await box.remove_children()
        self.query_one("#filter", KeyButton).set_text(self._filter_label())
        if app.core.log is None:
            self.show_status(app.t("history.no_log", reason=app.core.log_problem))
            return
        try:
            entries = app.core.entries(self.status_filter, limit=LIMIT)
            stats = app.core.stats()
        except Exception as exc:
            self.show_status(app.t("history.unreadable", reason=exc))
            return
        self.entries = {e.id: e for e in entries}
        buttons = [KeyButton(self._entry_line(e), "", id=f"entry-{e.id}", classes=f"entry -{e.status}")
                   for e in entries]
        if buttons:
            await box.mount_all(buttons)
        else:
            await box.mount(Static(app.t("history.empty"), classes="empty", markup=False))
        self.query_one("#stats", Static).update(literal(self._stats_line(stats)))
        if self.selected_id not in self.entries:
            self.selected_id = entries[0].id if entries else None
        self.show_status(app.t("history.hint", n=len(entries)))
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
        app: Any = self.app
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.selected_id = None
        await self.reload()
        app.step(self._filter_label())

    async def action_mark(self, status: str) -> None:
        app: Any = self.app
        if self.selected_id is None:
            app.show_result(app.t("history.none_selected"))
            return
        try:
            app.core.mark(self.selected_id, status)
        except Exception as exc:
            app.show_result(app.t("history.not_marked", reason=exc))
            return
        app.show_result(app.t("history.marked", id=self.selected_id, status=app.t(f"state.{status}")))
        await self.reload()

    def _selected(self) -> Any:
        return self.entries.get(self.selected_id) if self.selected_id is not None else None

    def action_adapt(self) -> None:
        app: Any = self.app
        entry = self._selected()
        if entry is None:
            app.show_result(app.t("history.none_selected"))
            return
        from .phrase_board import _compose_screen

        app.go("compose")
        draft_id = entry.id if entry.status == "draft" else None
        app.call_after_refresh(lambda: _compose_screen(app).load_text(
            entry.transcript or entry.message, entry.request, draft_id))

    def action_send(self) -> None:
        """Send the selected request (or retry a failed one), after the usual question."""
        app: Any = self.app
        entry = self._selected()
        if entry is None:
            app.show_result(app.t("history.none_selected"))
            return
        if entry.status in ("helped", "declined", "withdrawn"):
            app.show_result(app.t("history.answered", id=entry.id, status=app.t(f"state.{entry.status}")))
            return
        if not (entry.message or "").strip():
            app.show_result(app.t("history.no_message", id=entry.id))
            return

        def prepare(name: str) -> int | None:
            if app.settings.contact(entry.recipient) is app.settings.contact(name) and entry.recipient:
                return int(entry.id)
            request = entry.request
            if request is None:
                return None
            request.slots.recipient = name
            if entry.status == "draft":
                app.core.log.update_draft(entry.id, request=request, recipient=name)
                return int(entry.id)
            return app.core.save_draft(None, entry.transcript, request)

        app.send_flow(entry.recipient, prepare)

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
        elif bid == "send":
            self.action_send()
        elif bid.startswith("entry-"):
            self.selected_id = int(bid.removeprefix("entry-"))
            self.speak_entry()

    def speak_entry(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.app.say(entry.message or entry.transcript, entry.lang, force=True, announce=True)  # type: ignore[attr-defined]

    def speakable_text(self) -> str:
        entry = self._selected()
        return (entry.message or entry.transcript) if entry else ""

    def _entry_line(self, e: Any) -> str:
        app: Any = self.app
        when = (e.created_at or "")[:16].replace("T", " ")
        text = (e.message or e.transcript or "").replace("\n", " ")
        if len(text) > 70:
            text = text[:69] + "…"
        status = app.t(f"state.{e.shown_status}")
        who = app.t("history.to", name=e.recipient) if e.recipient else ""
        return app.t("history.line", id=e.id, status=status, when=when, who=who, text=text)

    def _stats_line(self, s: Any) -> str:
        app: Any = self.app
        if s is None:
            return ""
        share = f"{round(s.share_helped * 100)}%" if s.share_helped is not None else "—"
        median = app.t("compose.minutes", n=round(s.median_minutes_to_help)) \
            if s.median_minutes_to_help is not None else "—"
        return app.t("history.stats", total=s.total, drafts=s.drafts, sent=s.sent, helped=s.helped,
                     declined=s.declined, share=share, median=median)
