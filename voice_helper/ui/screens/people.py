"""Settings dialogs: add a contact, remap a key. Both save at once to the settings file."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ...config import RELATIONS, Contact
from ..i18n import key_name
from ..widgets import KeyButton, TextBox, current_lang, titled, tr

CHANNELS = ("speak", "clipboard", "file", "email", "webhook")


class ContactScreen(ModalScreen[Contact | None]):
    """A new contact: the name is typed (or pasted); relation, channel and "emergency contact"
    are one press each."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self) -> None:
        super().__init__(classes="picker")
        self.relation = "colleague"
        self.channel = "speak"
        self.emergency = False

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(tr("contact.title"), id="picker-title")
            yield TextBox(tkey="contact.name", id="contact-name")
            with titled(Horizontal(classes="scan-group", id="contact-choices"), "contact.about"):
                yield KeyButton(self._relation_text(), "", id="contact-relation")
                yield KeyButton(self._channel_text(), "", id="contact-channel")
                yield KeyButton(self._emergency_text(), "", id="contact-emergency")
            yield TextBox(tkey="contact.address", id="contact-address")
            with titled(Horizontal(classes="scan-group"), "contact.done"):
                yield KeyButton(tkey="contact.save", id="contact-save", variant="primary")
                yield KeyButton(tkey="common.cancel", key="escape", id="contact-cancel")

    def _relation_text(self) -> str:
        return tr("compose.field_value", name=tr("contact.relation"), value=tr(f"relation.{self.relation}"))

    def _channel_text(self) -> str:
        return tr("compose.field_value", name=tr("contact.channel"), value=tr(f"channel.{self.channel}"))

    def _emergency_text(self) -> str:
        return tr("compose.field_value", name=tr("contact.emergency"),
                  value=tr("common.yes") if self.emergency else tr("common.no"))

    def on_mount(self) -> None:
        self.query_one("#contact-name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(TextBox.Left)
    def _left(self, event: TextBox.Left) -> None:
        event.stop()
        self.query_one("#contact-save", Button).focus()

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
            self.query_one("#contact-relation", KeyButton).set_text(self._relation_text())
        elif bid == "contact-channel":
            self.channel = CHANNELS[(CHANNELS.index(self.channel) + 1) % len(CHANNELS)]
            self.query_one("#contact-channel", KeyButton).set_text(self._channel_text())
        elif bid == "contact-emergency":
            self.emergency = not self.emergency
            self.query_one("#contact-emergency", KeyButton).set_text(self._emergency_text())
        elif bid == "contact-save":
            name = self.query_one("#contact-name", Input).value.strip()
            if not name:
                self.app.bell()
                self.query_one("#contact-name", Input).focus()
                return
            address = self.query_one("#contact-address", Input).value.strip()
            self.dismiss(Contact(name=name, relation=self.relation, channel=self.channel, address=address,
                                 emergency=self.emergency))
        else:
            self.dismiss(None)


#: binding ids a user may move or switch off (their names are keymap.<id> in the language data)
REMAPPABLE = (
    "nav.compose", "nav.phrases", "nav.history", "nav.settings", "nav.quit", "app.read",
    "compose.speak", "compose.keep", "compose.send", "compose.here", "compose.copy", "compose.over",
    "compose.task", "compose.asks", "compose.recipient", "compose.deadline", "compose.duration",
    "compose.offer", "scan.select", "scan.next",
)


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
            yield Label(tr("keymap.title"), id="picker-title")
            with titled(VerticalScroll(id="picker-choices", classes="scan-group"), "keymap.actions"):
                for bid in REMAPPABLE:
                    key = self.current.get(bid) or self.defaults.get(bid, "")
                    yield KeyButton(tr("compose.field_value", name=tr(f"keymap.{bid}"),
                                       value=key_name(current_lang(), key)), "",
                                    id=f"km-{bid.replace('.', '-')}", classes="choice")
            yield KeyButton(tkey="common.close", key="escape", id="km-close")

    def action_cancel(self) -> None:
        if self.waiting_for is not None:
            self.waiting_for = None
            self.query_one("#picker-title", Label).update(tr("keymap.title"))
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
        self.query_one("#picker-title", Label).update(tr("keymap.press", what=tr(f"keymap.{self.waiting_for}")))

    def on_key(self, event: events.Key) -> None:
        if self.waiting_for is None or event.key == "escape":
            return
        event.stop()
        event.prevent_default()
        key = "" if event.key == "delete" else event.key
        self.dismiss((self.waiting_for, key))

    def speakable_text(self) -> str:
        return str(self.query_one("#picker-title", Label).render())

