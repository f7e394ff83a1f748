"""Phrase board: one press says a ready phrase, then send, keep or adapt it.

Every tile carries one letter, so composing and saving from the board is three presses:
``2`` (board), the tile's letter (says it), ``k`` (keep as draft). The first groups are the AAC
basics: quick answers (yes, no, wait, say that again, thank you: only said, never offered for
sending) and what I need (pain, toilet, water, medicine, too hot or cold, lie down). ``r``
repeats the last phrase; the recent messages (said here, or in the help log) are on ``6``-``9``
to say again or send. "Said" is shown only once the voice really said it.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ..phrases import Phrase, add_user_phrase, load_board
from ..widgets import AutoGrid, KeyButton, TextBox, TextViewScreen, literal, titled, tr
from .base import VHScreen

#: Tile letters: every letter except the app's own (r repeat, u undo, x stop) and digits.
TILE_KEYS = "abcdefghijklmnopqstvwyz"
#: Recent messages, newest first.
RECENT_KEYS = "6789"


class PhraseOffer(ModalScreen[str | None]):
    """After a tile speaks: keep it, send it, adapt it, or say it again."""

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
            yield Label(literal(self.phrase.text), id="picker-title")
            with titled(AutoGrid(column_width=20, id="offer-actions", classes="scan-group"), "offer.title"):
                yield KeyButton(tkey="offer.keep", key="k", id="offer-keep", variant="primary")
                yield KeyButton(tkey="offer.send", key="s", id="offer-send")
                yield KeyButton(tkey="offer.adapt", key="a", id="offer-adapt")
                yield KeyButton(tkey="offer.again", key="h", id="offer-again")
                yield KeyButton(tkey="common.close", key="escape", id="offer-close")

    def on_mount(self) -> None:
        self.query_one("#offer-keep", Button).focus()

    def speakable_text(self) -> str:
        return self.phrase.text

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
            yield Label(tr("phrases.add_title"), id="picker-title")
            with titled(Horizontal(classes="scan-group"), "phrases.add_group"):
                if self.current:
                    yield KeyButton(tr("phrases.use_current", text=self.current[:60]), "",
                                    id="add-current", variant="primary")
                yield KeyButton(tkey="common.cancel", key="escape", id="add-cancel")
            yield TextBox(tkey="phrases.add_typed", id="add-input")

    def on_mount(self) -> None:
        self.query_one("#add-current" if self.current else "#add-input").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(TextBox.Left)
    def _left(self, event: TextBox.Left) -> None:
        event.stop()
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
        *[Binding(k, f"recent({i})", show=False, id=f"phrases.recent_{i + 1}")
          for i, k in enumerate(RECENT_KEYS)],
        Binding("plus", "add_phrase", "Add my own", id="phrases.add"),
        Binding("minus", "routes", "No one to ask?", id="phrases.routes"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tiles: dict[str, Phrase] = {}
        self.said: list[Phrase] = []  # said on this board, newest first
        self.recent: list[Phrase] = []
        self.last: Phrase | None = None

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield from self.nav()
        with VerticalScroll(id="board"):
            with titled(AutoGrid(column_width=30, id="recent", classes="scan-group phrase-group"),
                        "phrases.recent_group"):
                for i, key in enumerate(RECENT_KEYS):
                    yield KeyButton("", key, id=f"recent-{i}", classes="tile recent")
            yield Vertical(id="groups")
        with titled(Horizontal(id="board-actions", classes="scan-group"), "phrases.mine_group"):
            yield KeyButton(tkey="phrases.add", key="+", id="add-phrase")
            yield KeyButton(tkey="phrases.repeat", key="r", id="repeat-last")
            yield KeyButton(tkey="phrases.routes", key="-", id="routes")
        yield from self.status_lines()

    async def on_mount(self) -> None:
        await self.reload()

    def on_screen_resume(self) -> None:
        self._show_recent()
        if self.tiles:
            self._focus_first()

    def refresh_texts(self) -> None:
        self.call_later(self.reload)

    async def reload(self) -> None:
        app: Any = self.app
        box = self.query_one("#groups", Vertical)
        await box.remove_children()
        self.tiles.clear()
        problems: list[str] = []
        try:
            groups = load_board(self.lang, problems)
        except Exception as exc:
            self.show_status(app.t("phrases.load_failed", reason=exc))
            return
        keys = iter(TILE_KEYS)
        widgets = []
        for group in groups:
            grid = AutoGrid(column_width=30, classes="scan-group phrase-group", id=f"group-{group.kind}")
            grid.border_title = app.t("phrases.mine") if group.kind == "mine" else group.title
            tiles = []
            for phrase in group.phrases:
                key = next(keys, "")
                if key:
                    self.tiles[key] = phrase
                tiles.append(KeyButton(phrase.text, key, classes="tile" + (" -user" if phrase.user else ""),
                                       id=f"tile-{key}" if key else None))
            widgets.append((grid, tiles))
        for grid, tiles in widgets:
            await box.mount(grid)
            await grid.mount_all(tiles)
        self._show_recent()
        self.show_status(app.t("common.separator").join(problems) if problems else app.t("phrases.hint"))
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        tiles = self.query(".tile")
        shown = [t for t in tiles if t.display]
        if shown and not isinstance(self.focused, KeyButton):
            shown[0].focus()

    # --- recent messages -----------------------------------------------------------------

    def _recent_list(self) -> list[Phrase]:
        """Said here this session first, then the newest messages in the help log."""
        app: Any = self.app
        out: list[Phrase] = []
        seen: set[str] = set()
        for p in self.said:
            if p.text not in seen:
                out.append(p)
                seen.add(p.text)
        try:
            entries = app.core.entries(limit=12)
        except Exception:
            entries = []
        for e in entries:
            text = (e.message or "").strip()
            if text and text not in seen and "\n" not in text and len(text) <= 120:
                out.append(Phrase(text, "recent", lang=e.lang or self.lang))
                seen.add(text)
        return out[:len(RECENT_KEYS)]

    def _show_recent(self) -> None:
        self.recent = self._recent_list()
        group = self.query_one("#recent")
        group.display = bool(self.recent)
        for i in range(len(RECENT_KEYS)):
            tile = self.query_one(f"#recent-{i}", KeyButton)
            if i < len(self.recent):
                tile.set_text(self.recent[i].text)
                tile.display = True
            else:
                tile.display = False

    def action_recent(self, index: int) -> None:
        if index < len(self.recent):
            self.use(self.recent[index])
        else:
            app: Any = self.app
            app.show_result(app.t("phrases.no_recent"))

    # --- using a phrase ----------------------------------------------------------------------

    def action_tile(self, key: str) -> None:
        phrase = self.tiles.get(key)
        if phrase is not None:
            self.use(phrase)

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id or ""
        if bid.startswith("recent-"):
            self.action_recent(int(bid.removeprefix("recent-")))
        else:
            self.action_tile(bid.removeprefix("tile-"))

    @on(Button.Pressed, "#add-phrase")
    def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add_phrase()

    @on(Button.Pressed, "#routes")
    def _routes(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_routes()

    def action_routes(self) -> None:
        """When there is no one to ask: places to turn to in this region, not crisis lines only."""
        from ...practice.routes import routes_text

        app: Any = self.app
        text = routes_text(app.settings, self.lang)
        app.push_screen(TextViewScreen(tr("phrases.routes_title"), text))

    @on(Button.Pressed, "#repeat-last")
    def _repeat(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.action_read()  # type: ignore[attr-defined]

    def use(self, phrase: Phrase) -> None:
        """Say it at once (the person in the room hears it), then offer what next.

        "Said" appears only when the voice has said it; with no sound the screen says so, so
        the person can show the screen instead.
        """
        app: Any = self.app
        self.last = phrase
        self.said = [phrase] + [p for p in self.said if p.text != phrase.text]
        saying = app.t("phrases.saying", text=phrase.text)
        self.show_result(saying)

        def done(spoken: bool) -> None:
            if getattr(self, "result_text", saying) != saying:
                return  # the person already acted ("Kept as draft #1"): that stays on screen
            if spoken:
                self.show_result(app.t("phrases.said", text=phrase.text))
            else:
                self.show_result(app.t("phrases.not_said", text=phrase.text))

        app.say(phrase.text, phrase.lang, force=True, on_done=done)
        self._show_recent()
        if phrase.talk:
            return
        if phrase.intent == "emergency":
            request = _phrase_request(app, phrase)
            if request.crisis:
                app.crisis(request)
                return
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
        if what == "keep":
            draft = app.core.save_draft(None, phrase.text, request, lang=phrase.lang)
            if draft is None:
                app.show_result(app.t("compose.not_saved", reason=app.core.log_problem))
            else:
                app.show_result(app.t("phrases.kept", id=draft, text=phrase.text))
            return
        if what == "send":
            def prepare(name: str) -> int | None:
                request.slots.recipient = name
                return app.core.save_draft(None, phrase.text, request, lang=phrase.lang)

            app.send_flow(None, prepare)

    def action_add_phrase(self) -> None:
        app: Any = self.app
        current = _compose_screen(app).speakable_text() if _compose_screen(app).is_mounted else ""

        def done(text: str | None) -> None:
            if not text:
                return
            try:
                add_user_phrase(text, self.lang)
            except Exception as exc:
                app.show_result(app.t("phrases.not_added", reason=exc))
                return
            self.call_later(self.reload)
            app.show_result(app.t("phrases.added", text=text))

        app.push_screen(AddPhraseScreen(current), done)

    def speakable_text(self) -> str:
        """r on the board repeats the last phrase said (else the focused tile)."""
        if self.last is not None:
            return self.last.text
        focused = self.focused
        if isinstance(focused, KeyButton) and focused.has_class("tile"):
            return focused.text
        return ""


def _compose_screen(app: Any) -> Any:
    """The Compose screen (home)."""
    return app.screen_named("compose")


def _phrase_request(app: Any, phrase: Phrase) -> Any:
    """A phrase as a fresh HelpRequest: parsed by the core when it can, the phrase as the message."""
    from ...request import HelpRequest, Intent

    try:
        request = app.core.compose(phrase.text, lang=phrase.lang)
    except Exception:
        request = HelpRequest(language=phrase.lang, said=phrase.text)
    if phrase.intent and request.intent == Intent.OTHER:
        try:
            request.intent = Intent(phrase.intent)
        except ValueError:
            pass
    if not request.crisis:
        request.message = phrase.text  # a phrase says exactly what is on the tile
    return request
