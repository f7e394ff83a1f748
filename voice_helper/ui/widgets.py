"""Small widgets shared by the screens: the navigation bar, key-labelled buttons, pickers.

Every control shows the single key that presses it, so nobody has to remember a chord.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from .presets import Choice

NAV = (
    ("compose", "1", "Compose"),
    ("phrases", "2", "Phrases"),
    ("history", "3", "History"),
    ("settings", "4", "Settings"),
    ("practice", "5", "Practice"),
    ("quit", "0", "Quit"),
)


def key_label(key: str, text: str) -> str:
    """'(k) Keep as draft': the key is part of the name, so it is seen and spoken."""
    shown = {"space": "Space", "enter": "Enter", "escape": "Esc", "plus": "+", "minus": "-",
             "equals_sign": "=", "left_square_bracket": "[", "right_square_bracket": "]"}.get(key, key)
    return f"({shown}) {text}" if key else text


class KeyButton(Button):
    """A button whose label starts with its key; ``speak_name`` is what self-voicing says."""

    def __init__(self, text: str, key: str = "", *, action: str = "", id: str | None = None,
                 classes: str = "", variant: str = "default", disabled: bool = False) -> None:
        super().__init__(key_label(key, text), id=id, classes=classes, variant=variant,  # type: ignore[arg-type]
                         disabled=disabled)
        self.key = key
        self.text = text
        self.action_name = action

    @property
    def speak_name(self) -> str:
        return self.text

    def set_text(self, text: str) -> None:
        self.text = text
        self.label = key_label(self.key, text)


class NavBar(Horizontal):
    """The screens, each on a digit; Practice is reserved for later work."""

    def __init__(self, current: str) -> None:
        super().__init__(id="nav", classes="scan-group")
        self.border_title = "Screens"
        self.current = current

    def compose(self) -> ComposeResult:
        for mode, key, title in NAV:
            yield KeyButton(title, key, action=f"app.go('{mode}')", id=f"nav-{mode}",
                            classes="nav-button" + (" -current" if mode == self.current else ""),
                            disabled=(mode == "practice"))

    @on(Button.Pressed)
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        mode = (event.button.id or "").removeprefix("nav-")
        if mode == "quit":
            self.app.action_ask_quit()  # type: ignore[attr-defined]
        else:
            self.app.go(mode)  # type: ignore[attr-defined]


class StatusLine(Static):
    """What the app is doing right now (listening, loading a model, speaking, saved)."""


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
            yield Label(self.title_text, id="picker-title")
            with VerticalScroll(id="picker-choices", classes="scan-group") as group:
                group.border_title = "Suggestions"
                for i, choice in enumerate(self.choices, 1):
                    yield KeyButton(choice.label, str(i), id=f"choice-{i}", classes="choice")
            with Horizontal(id="picker-actions", classes="scan-group") as row:
                row.border_title = "Other"
                if self.say_again:
                    yield KeyButton("Say it again", "s", id="picker-say")
                if self.allow_clear:
                    yield KeyButton("Clear", "0", id="picker-clear")
                yield KeyButton("Cancel", "escape", id="picker-cancel")
            if self.allow_typing:
                yield Input(placeholder="or type it, then Enter", id="picker-input")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # digits and letters are shortcuts: off when the user switched shortcuts off
        if action in ("pick", "clear", "say_again") and not self.app.settings.ui.shortcuts:  # type: ignore[attr-defined]
            return False
        return True

    def on_mount(self) -> None:
        first = self.query(".choice")
        if first:
            first.first().focus()

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

    @on(Input.Submitted, "#picker-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Choice(text, text))


class ConfirmScreen(ModalScreen[bool]):
    """Yes/no for a destructive action: y or Enter confirms, n or Esc keeps everything."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="picker")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(self.question, id="picker-title")
            with Horizontal(id="confirm-actions", classes="scan-group") as row:
                row.border_title = "Answer"
                yield KeyButton("Yes", "y", id="confirm-yes", variant="warning")
                yield KeyButton("No", "n", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")


def describe(widget: Any) -> str:
    """The name self-voicing speaks for a control."""
    name = getattr(widget, "speak_name", None)
    if name:
        return str(name)
    if isinstance(widget, Input):
        return widget.placeholder or "text box"
    if isinstance(widget, Button):
        return str(widget.label)
    return widget.__class__.__name__
