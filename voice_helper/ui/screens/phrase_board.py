"""Phrase board: one press speaks a ready request, then send, keep or adapt it.

Every tile carries one letter, so composing and saving from the board is three presses:
``2`` (board), the tile's letter (speaks it), ``k`` (keep as draft).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ..phrases import Phrase, add_user_phrase, load_board
from ..widgets import KeyButton
from .base import VHScreen

#: Tile letters: every letter except the app's own (r read, x stop) and digits (screens).
TILE_KEYS = "abcdefghijklmnopqstuvwyz"


class PhraseOffer(ModalScreen[str | None]):
    """After a tile speaks: send it, keep it, adapt it, or hear it again."""

    BINDINGS = [
        Binding("s", "answer('send')", "Send", id="offer.send"),
        Binding("k", "answer('keep')", "Keep", id="offer.keep"),
        Binding("a", "answer('adapt')", "Adapt", id="offer.adapt"),
        Binding("h", "answer('again')", "Say again", id="offer.again"),
        Binding("escape", "answer(None)", "Close", show=False),
    ]

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(classes="picker")
        self.phrase = phrase

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(self.phrase.text, id="picker-title")
            with Horizontal(id="offer-actions", classes="scan-group") as row:
                row.border_title = "Now"
                yield KeyButton("Keep as draft", "k", id="offer-keep", variant="primary")
                yield KeyButton("Send", "s", id="offer-send")
                yield KeyButton("Adapt", "a", id="offer-adapt")
                yield KeyButton("Say again", "h", id="offer-again")
                yield KeyButton("Close", "escape", id="offer-close")

    def on_mount(self) -> None:
        self.query_one("#offer-keep", Button).focus()

    def action_answer(self, what: str | None) -> None:
        self.dismiss(what)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        what = (event.button.id or "").removeprefix("offer-")
        self.dismiss(None if what == "close" else what)


class AddPhraseScreen(ModalScreen[str | None]):
    """Add your own phrase: type it, or take the request now on Compose."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, current: str) -> None:
        super().__init__(classes="picker")
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label("Add your own phrase", id="picker-title")
            with Horizontal(classes="scan-group") as row:
                row.border_title = "Add"
                if self.current:
                    yield KeyButton(f"Use: {self.current[:60]}", "", id="add-current", variant="primary")
                yield KeyButton("Cancel", "escape", id="add-cancel")
            yield Input(placeholder="type the phrase, then Enter", id="add-input")

    def on_mount(self) -> None:
        self.query_one("#add-current" if self.current else "#add-input").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.current if event.button.id == "add-current" else None)

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)


class PhraseBoardScreen(VHScreen):
    MODE = "phrases"

    BINDINGS = [
        *[Binding(k, f"tile('{k}')", show=False, id=f"phrases.tile_{k}") for k in TILE_KEYS],
        Binding("plus", "add_phrase", "Add my own", id="phrases.add"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tiles: dict[str, Phrase] = {}

    @property
    def lang(self) -> str:
        lang = self.app.settings.language  # type: ignore[attr-defined]
        return lang if lang in ("en", "ja") else "en"

    def compose(self) -> ComposeResult:
        yield from self.nav()
        yield VerticalScroll(id="board")
        with Horizontal(id="board-actions", classes="scan-group") as row:
            row.border_title = "My phrases"
            yield KeyButton("Add my own phrase", "+", id="add-phrase")
        yield from self.status_lines()

    async def on_mount(self) -> None:
        await self.reload()

    def on_screen_resume(self) -> None:
        if self.tiles:
            first = self.query(".tile")
            if first:
                first.first().focus()

    async def reload(self) -> None:
        board = self.query_one("#board", VerticalScroll)
        await board.remove_children()
        self.tiles.clear()
        problems: list[str] = []
        try:
            groups = load_board(self.lang, problems)
        except Exception as exc:
            self.show_status(f"Phrases could not be loaded: {exc}")
            return
        keys = iter(TILE_KEYS)
        widgets = []
        for group in groups:
            grid = Grid(classes="scan-group phrase-group", id=f"group-{group.kind}")
            grid.border_title = group.title
            tiles = []
            for phrase in group.phrases:
                key = next(keys, "")
                if key:
                    self.tiles[key] = phrase
                tiles.append(KeyButton(phrase.text, key, classes="tile" + (" -user" if phrase.user else ""),
                                       id=f"tile-{key}" if key else None))
            widgets.append((grid, tiles))
        for grid, tiles in widgets:
            await board.mount(grid)
            await grid.mount_all(tiles)
        self.show_status("; ".join(problems) if problems
                         else "Press a letter to say a phrase; then k keeps it, s sends, a adapts.")
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        tiles = self.query(".tile")
        if tiles:
            tiles.first().focus()

    def action_tile(self, key: str) -> None:
        phrase = self.tiles.get(key)
        if phrase is not None:
            self.use(phrase)

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        event.stop()
        key = (event.button.id or "").removeprefix("tile-")
        self.action_tile(key)

    @on(Button.Pressed, "#add-phrase")
    def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add_phrase()

    def use(self, phrase: Phrase) -> None:
        """Speak it at once (the person in the room hears it), then offer what next."""
        app: Any = self.app
        app.say(phrase.text, phrase.lang, force=True)
        self.show_result(f"Said: {phrase.text}")
        app.push_screen(PhraseOffer(phrase), lambda what: self._after(phrase, what))

    def _after(self, phrase: Phrase, what: str | None) -> None:
        app: Any = self.app
        if what is None:
            return
        if what == "again":
            self.use(phrase)
            return
        request = _phrase_request(app, phrase)
        if what == "adapt":
            app.go("compose")
            app.call_after_refresh(lambda: _compose_screen(app).load_text(phrase.text, request))
            return
        draft = app.core.save_draft(None, phrase.text, request, lang=phrase.lang)
        if draft is None:
            app.show_result(f"Not saved: {app.core.log_problem}")
            return
        if what == "keep":
            app.show_result(f"Kept as draft #{draft}: {phrase.text}")
        elif what == "send":
            res = app.core.deliver(draft, None, app.speaker)
            app.show_result(res.text)

    def action_add_phrase(self) -> None:
        app: Any = self.app
        current = _compose_screen(app).speakable_text() if _compose_screen(app) else ""

        def done(text: str | None) -> None:
            if not text:
                return
            try:
                add_user_phrase(text, self.lang)
            except Exception as exc:
                app.show_result(f"Not added: {exc}")
                return
            self.call_later(self.reload)
            app.show_result(f"Added to My phrases: {text}")

        app.push_screen(AddPhraseScreen(current), done)

    def speakable_text(self) -> str:
        focused = self.focused
        if isinstance(focused, KeyButton) and focused.has_class("tile"):
            return focused.text
        return ""


def _compose_screen(app: Any) -> Any:
    """The Compose screen (home); created on first use like every mode's screen."""
    return app.screen_named("compose")


def _phrase_request(app: Any, phrase: Phrase) -> Any:
    """A phrase as a HelpRequest: parsed by the core when it can, the phrase as the message."""
    from ...request import HelpRequest, Intent

    try:
        request = app.core.compose(phrase.text, lang=phrase.lang)
    except Exception:
        request = HelpRequest(language=phrase.lang)
    if phrase.intent and request.intent == Intent.OTHER:
        try:
            request.intent = Intent(phrase.intent)
        except ValueError:
            pass
    request.message = phrase.text  # a phrase says exactly what is on the tile
    return request
