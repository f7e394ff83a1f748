"""Small widgets shared by the screens: key-labelled buttons, the text box, the navigation bar,
the status lines and the modal questions (pick one, yes/no, read it all).

Every control shows the single key that presses it, so nobody has to remember a chord, and every
text comes from the language data (``i18n``), so a change of language relabels everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult, active_app
from textual.binding import Binding
from textual.containers import Horizontal, ItemGrid, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ..textsafe import strip_controls
from . import i18n
from .presets import Choice

#: (screen, key, text key, binding id): the screens on digits.
NAV = (
    ("compose", "1", "nav.compose", "nav.compose"),
    ("phrases", "2", "nav.phrases", "nav.phrases"),
    ("history", "3", "nav.history", "nav.history"),
    ("settings", "4", "nav.settings", "nav.settings"),
    ("practice", "5", "nav.practice", "nav.practice"),
    ("quit", "0", "nav.quit", "nav.quit"),
)


def current_lang() -> str:
    """The UI language of the running app (English outside an app, e.g. in a unit test)."""
    try:
        return str(getattr(active_app.get(), "lang", "en"))
    except LookupError:
        return "en"


def tr(text_key: str, /, **values: Any) -> str:
    """A UI text in the running app's language."""
    return i18n.t(current_lang(), text_key, **values)


def literal(text: str) -> Content:
    """Text shown exactly as it is: square brackets in a phrase are not markup."""
    return Content(text)


class KeyButton(Button):
    """A button whose label starts with its key.

    ``tkey`` names its text in the language data, so :meth:`relabel` can change the language;
    ``text`` is the text itself for values (a phrase, a contact). ``speak_name`` is what
    self-voicing and scanning say.
    """

    def __init__(self, text: str = "", key: str = "", *, tkey: str = "", action: str = "",
                 id: str | None = None, classes: str = "", variant: str = "default",
                 disabled: bool = False, tooltip: str | None = None) -> None:
        self.key = key
        self.tkey = tkey
        self.text = tr(tkey) if tkey else text
        self.action_name = action
        super().__init__(literal(self._label()), id=id, classes=f"key-button {classes}".strip(),
                         variant=variant, disabled=disabled, tooltip=tooltip)  # type: ignore[arg-type]
        self.styles.line_pad = 0  # the padding is the stylesheet's (CSS cannot say 0 here)

    def _label(self) -> str:
        return i18n.key_label(current_lang(), self.key, self.text)

    def get_content_width(self, container: Any, viewport: Any) -> int:
        """The label's own width: Button adds two cells of its own, the stylesheet pads instead."""
        from rich.cells import cell_len

        lines = self.label.plain.splitlines() if isinstance(self.label, Content) else []
        return max((cell_len(line) for line in lines), default=1)

    @property
    def speak_name(self) -> str:
        return self.text

    def _show(self) -> None:
        label = literal(self._label())
        if label.plain != self.label.plain:
            self.label = label
            self.refresh(layout=True)  # a longer label may need another line: never cut it

    def set_text(self, text: str) -> None:
        self.text = text
        self._show()

    def set_key(self, key: str) -> None:
        self.key = key
        self._show()

    def relabel(self) -> None:
        """After a change of language: the fixed text again, in the new language."""
        if self.tkey:
            self.text = tr(self.tkey)
        self._show()


def clean_paste(text: str) -> str:
    """Pasted text for a one-line box: every line kept (joined by spaces), escape sequences
    and control characters removed where they are, so nothing moves and nothing is lost."""
    lines = [strip_controls(line) for line in text.splitlines()]
    return " ".join(line.strip() for line in lines if line.strip())


class TextBox(Input):
    """A text box that Esc leaves (saying so), and that keeps a whole paste, cleaned, in order.

    Textual's Input keeps only the first line of a paste and its raw escape sequences; here a
    paste of many lines becomes one line and escape sequences are dropped in place.
    """

    BINDINGS = [Binding("escape", "leave", "Leave the text box", show=False)]

    class Left(Message):
        """Esc was pressed in the box: the screen moves the focus and says so."""

        def __init__(self, box: TextBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> TextBox:
            return self.box

    def __init__(self, *, tkey: str = "", id: str | None = None, classes: str = "") -> None:
        self.tkey = tkey
        super().__init__(placeholder=tr(tkey) if tkey else "", id=id, classes=classes)

    @property
    def speak_name(self) -> str:
        return self.placeholder or tr("common.text_box")

    def relabel(self) -> None:
        if self.tkey:
            self.placeholder = tr(self.tkey)

    def action_leave(self) -> None:
        self.post_message(self.Left(self))

    def _on_paste(self, event: Any) -> None:
        text = clean_paste(event.text or "")
        if text:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        event.stop()
        event.prevent_default()  # not Input's own handler, which keeps only the first line


class NavBar(Horizontal):
    """The screens, each on a digit."""

    def __init__(self, current: str) -> None:
        super().__init__(id="nav", classes="scan-group")
        self.tkey_title = "nav.title"
        self.border_title = tr("nav.title")
        self.current = current

    def compose(self) -> ComposeResult:
        app: Any = self.app
        for mode, key, tkey, bid in NAV:
            classes = "nav-button" + (" -current" if mode == self.current else "")
            yield KeyButton(tkey=tkey, key=app.key_for(bid, key), action=f"app.go('{mode}')",
                            id=f"nav-{mode}", classes=classes)

    @on(Button.Pressed)
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        mode = (event.button.id or "").removeprefix("nav-")
        if mode == "quit":
            self.app.action_ask_quit()  # type: ignore[attr-defined]
        else:
            self.app.go(mode)  # type: ignore[attr-defined]


class AutoGrid(ItemGrid):
    """A grid whose number of columns follows the width, so labels wrap instead of being cut.

    ``column_width`` is the narrowest a column may be; the "large" theme makes it half as wide
    again (fewer, bigger controls per row, and still the main actions on an 80x24 screen).
    """

    def __init__(self, *, column_width: int, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"auto-grid {classes}".strip(), min_column_width=column_width)
        self.column_width = column_width

    def on_mount(self) -> None:
        self.fit()

    def fit(self) -> None:
        large = getattr(getattr(self.app, "settings", None), "ui", None)
        big = large is not None and large.text_size == "large"
        self.min_column_width = self.column_width * 3 // 2 if big else self.column_width


class StatusLine(Static):
    """What the app is doing right now (listening, loading a model, speaking, saved)."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(text, id=id, classes=classes, markup=False)


class PickerScreen(ModalScreen[Choice | None]):
    """Pick a value from numbered suggestions; typing stays possible, never required."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        *[Binding(str(i), f"pick({i})", show=False) for i in range(1, 10)],
        Binding("0", "clear", "Clear", id="picker.clear"),
        Binding("s", "say_again", "Say it again", id="picker.say"),
    ]

    def __init__(self, title: str, choices: Sequence[Choice], *, allow_typing: bool = True,
                 allow_clear: bool = True, say_again: bool = False) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.choices = list(choices)[:9]
        self.allow_typing = allow_typing
        self.allow_clear = allow_clear
        self.say_again = say_again

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(literal(self.title_text), id="picker-title")
            with VerticalScroll(id="picker-choices", classes="scan-group") as group:
                group.border_title = tr("picker.suggestions")
                for i, choice in enumerate(self.choices, 1):
                    yield KeyButton(choice.label, str(i), id=f"choice-{i}", classes="choice")
            with Horizontal(id="picker-actions", classes="scan-group") as row:
                row.border_title = tr("picker.other")
                if self.say_again:
                    yield KeyButton(tkey="picker.say_again", key="s", id="picker-say")
                if self.allow_clear:
                    yield KeyButton(tkey="picker.clear", key="0", id="picker-clear")
                yield KeyButton(tkey="common.cancel", key="escape", id="picker-cancel")
            if self.allow_typing:
                yield TextBox(tkey="picker.type", id="picker-input")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # digits and letters are shortcuts: off when the user switched shortcuts off
        if action in ("pick", "clear", "say_again") and not self.app.settings.ui.shortcuts:  # type: ignore[attr-defined]
            return False
        return True

    def on_mount(self) -> None:
        first = self.query(".choice")
        (first.first() if first else self.query_one("#picker-cancel")).focus()

    def action_say_again(self) -> None:
        if self.say_again:
            self.dismiss(Choice("__say_again__", None))

    def action_pick(self, n: int) -> None:
        if 1 <= n <= len(self.choices):
            self.dismiss(self.choices[n - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_clear(self) -> None:
        if self.allow_clear:
            self.dismiss(Choice("", None))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id or ""
        if bid.startswith("choice-"):
            self.action_pick(int(bid.removeprefix("choice-")))
        elif bid == "picker-clear":
            self.action_clear()
        elif bid == "picker-say":
            self.action_say_again()
        else:
            self.action_cancel()

    @on(TextBox.Left)
    def _left(self, event: TextBox.Left) -> None:
        event.stop()
        self.action_cancel()

    @on(Input.Submitted, "#picker-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Choice(text, text))


class ConfirmScreen(ModalScreen[bool]):
    """Yes/no: y confirms, n or Esc keeps everything as it is. No time limit.

    ``yes_key``/``no_key`` name the labels (e.g. "Send" / "Not now"); ``detail`` is a second
    line (a number to call, what will happen).
    """

    AUTO_FOCUS = ""  # on_mount chooses the button, so exactly one focus event comes
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, *, detail: str = "", yes: str = "", no: str = "",
                 focus_yes: bool = False, classes: str = "", announce: bool = True) -> None:
        super().__init__(classes=f"picker {classes}".strip())
        self.question = question
        self.detail = detail
        self.yes_text = yes or tr("common.yes")
        self.no_text = no or tr("common.no")
        self.focus_yes = focus_yes
        self.announce = announce  # self-voicing says the question (unless the caller says it)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(literal(self.question), id="picker-title")
            if self.detail:
                yield Static(literal(self.detail), id="confirm-detail")
            with Horizontal(id="confirm-actions", classes="scan-group") as row:
                row.border_title = tr("common.answer")
                yield KeyButton(self.yes_text, "y", id="confirm-yes", variant="warning")
                yield KeyButton(self.no_text, "n", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        app: Any = self.app
        button = self.query_one("#confirm-yes" if self.focus_yes else "#confirm-no", Button)
        focus_quietly = getattr(app, "focus_quietly", None)
        if callable(focus_quietly):
            focus_quietly(button)  # the question is what to hear first, not the button's name
        else:
            button.focus()
        if self.announce and getattr(getattr(app, "settings", None), "ui", None) is not None \
                and app.settings.ui.self_voicing:
            app.say(self.speakable_text())

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def speakable_text(self) -> str:
        return " ".join(x for x in (self.question, self.detail) if x)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")


class TextViewScreen(ModalScreen[None]):
    """All of a long text (a 5,000-character paste), scrollable; Esc or Enter closes it."""

    BINDINGS = [Binding("escape,enter", "close", "Close", show=False)]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(literal(self.title_text), id="picker-title")
            with VerticalScroll(id="view-text"):
                yield Static(literal(self.text), id="view-body")
            with Horizontal(classes="scan-group") as row:
                row.border_title = tr("common.answer")
                yield KeyButton(tkey="common.close", key="escape", id="view-close")

    def on_mount(self) -> None:
        self.query_one("#view-text").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def speakable_text(self) -> str:
        return self.text

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)


def relabel_tree(root: Widget) -> None:
    """Every fixed text under ``root`` again, in the app's current language."""
    for widget in root.walk_children(with_self=True):
        relabel = getattr(widget, "relabel", None)
        if callable(relabel) and isinstance(widget, (KeyButton, TextBox)):
            relabel()
        tkey = getattr(widget, "tkey_title", "")
        if tkey:
            widget.border_title = tr(tkey)


def titled(widget: Widget, tkey: str) -> Widget:
    """Give a container a border title from the language data (kept on relabel)."""
    widget.tkey_title = tkey  # type: ignore[attr-defined]
    widget.border_title = tr(tkey)
    return widget


def describe(widget: Any) -> str:
    """The name self-voicing speaks for a control."""
    name = getattr(widget, "speak_name", None)
    if name:
        return str(name)
    if isinstance(widget, Input):
        return widget.placeholder or tr("common.text_box")
    if isinstance(widget, Button):
        return str(widget.label)
    return widget.__class__.__name__
