"""Settings dialogs: add a contact, remap a key. Both save at once to the settings file."""

from __future__ import annotations


from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ...config import RELATIONS, Contact
from ..widgets import KeyButton, key_label

CHANNELS = ("speak", "clipboard", "file", "email", "webhook")


class ContactScreen(ModalScreen[Contact | None]):
    """A new contact: the name is typed (or pasted); relation and channel are one press each."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self) -> None:
        super().__init__(classes="picker")
        self.relation = "colleague"
        self.channel = "speak"

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label("Add a contact", id="picker-title")
            yield Input(placeholder="name (e.g. Tanaka)", id="contact-name")
            with Horizontal(classes="scan-group", id="contact-choices") as row:
                row.border_title = "About them"
                yield KeyButton(f"Relation: {self.relation}", "", id="contact-relation")
                yield KeyButton(f"Channel: {self.channel}", "", id="contact-channel")
            yield Input(placeholder="email address or webhook URL (only for those channels)",
                        id="contact-address")
            with Horizontal(classes="scan-group") as row:
                row.border_title = "Done"
                yield KeyButton("Save", "", id="contact-save", variant="primary")
                yield KeyButton("Cancel", "escape", id="contact-cancel")

    def on_mount(self) -> None:
        self.query_one("#contact-name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id
        if bid == "contact-relation":
            self.relation = RELATIONS[(RELATIONS.index(self.relation) + 1) % len(RELATIONS)]
            self.query_one("#contact-relation", KeyButton).set_text(f"Relation: {self.relation}")
        elif bid == "contact-channel":
            self.channel = CHANNELS[(CHANNELS.index(self.channel) + 1) % len(CHANNELS)]
            self.query_one("#contact-channel", KeyButton).set_text(f"Channel: {self.channel}")
        elif bid == "contact-save":
            name = self.query_one("#contact-name", Input).value.strip()
            if not name:
                self.app.bell()
                self.query_one("#contact-name", Input).focus()
                return
            address = self.query_one("#contact-address", Input).value.strip()
            self.dismiss(Contact(name=name, relation=self.relation, channel=self.channel, address=address))
        else:
            self.dismiss(None)


#: binding id -> what it does (the keys a user may move or switch off)
REMAPPABLE = {
    "nav.compose": "Go to Compose", "nav.phrases": "Go to Phrases", "nav.history": "Go to History",
    "nav.settings": "Go to Settings", "nav.quit": "Quit", "app.read": "Read aloud / repeat",
    "compose.speak": "Speak (listen)", "compose.keep": "Keep as draft", "compose.send": "Send",
    "compose.here": "Say it to the person here", "compose.copy": "Copy", "compose.over": "Start over",
    "compose.task": "Field: what is hard", "compose.asks": "Field: I ask", "compose.recipient": "Field: who",
    "compose.deadline": "Field: by when", "compose.duration": "Field: how long",
    "compose.offer": "Field: I offer", "scan.select": "Scanning: select switch",
    "scan.next": "Scanning: move switch (two-switch)",
}


class KeymapScreen(ModalScreen[tuple[str, str] | None]):
    """Pick an action, then press the key it should use (Esc cancels, Delete restores)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, current: dict[str, str], defaults: dict[str, str]) -> None:
        super().__init__(classes="picker")
        self.current = current
        self.defaults = defaults
        self.waiting_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label("Choose an action, then press its new key", id="picker-title")
            with VerticalScroll(id="picker-choices", classes="scan-group") as box:
                box.border_title = "Actions"
                for bid, what in REMAPPABLE.items():
                    key = self.current.get(bid) or self.defaults.get(bid, "")
                    yield KeyButton(f"{what}: {key_label(key, '').strip()}", "", id=f"km-{bid.replace('.', '-')}",
                                    classes="choice")
            yield KeyButton("Close", "escape", id="km-close")

    def action_cancel(self) -> None:
        if self.waiting_for is not None:
            self.waiting_for = None
            self.query_one("#picker-title", Label).update("Choose an action, then press its new key")
            return
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = (event.button.id or "").removeprefix("km-")
        if bid == "close":
            self.dismiss(None)
            return
        self.waiting_for = bid.replace("-", ".", 1)
        self.query_one("#picker-title", Label).update(
            f"Press the new key for “{REMAPPABLE[self.waiting_for]}” (Esc: cancel, Delete: default)")

    def on_key(self, event: events.Key) -> None:
        if self.waiting_for is None or event.key == "escape":
            return
        event.stop()
        event.prevent_default()
        key = "" if event.key == "delete" else event.key
        self.dismiss((self.waiting_for, key))
