"""Compose (home): say it once, see it as a card, fix any field without typing, then act.

The draft goes to the help log as soon as there is text and after every change, so a crash or a
closed terminal loses nothing. Start over asks first and can be undone.
"""

from __future__ import annotations

import copy
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static
from textual.worker import get_current_worker

from ...config import POLITENESS, STYLES
from ...request import Deadline, HelpRequest
from ...textsafe import clean_utterance
from ..presets import Choice, deadline_choices, duration_choices, word_choices
from ..widgets import ConfirmScreen, KeyButton, PickerScreen
from .base import VHScreen

#: field id -> (label, key, picker title)
FIELDS = {
    "task": ("What is hard", "w", "What is hard right now?"),
    "asks": ("I ask", "a", "What would help?"),
    "recipient": ("Who", "o", "Who should I ask?"),
    "deadline": ("By when", "b", "By when?"),
    "duration": ("How long", "d", "For how long?"),
    "offer": ("I offer", "f", "What can you offer in return?"),
}
ACTIONS = (
    ("read", "r", "Read aloud"),
    ("here", "h", "Say it to the person here"),
    ("send", "s", "Send"),
    ("copy", "c", "Copy"),
    ("keep", "k", "Keep as draft"),
    ("over", "n", "Start over"),
)


class ComposeScreen(VHScreen):
    MODE = "compose"
    ALWAYS_ON = ("toggle_listen",)

    BINDINGS = [
        Binding("space,enter", "toggle_listen", "Speak", id="compose.speak"),
        *[Binding(key, f"edit('{fid}')", label, id=f"compose.{fid}", show=False)
          for fid, (label, key, _) in FIELDS.items()],
        Binding("t", "cycle_style", "Style", id="compose.style", show=False),
        Binding("p", "cycle_politeness", "Politeness", id="compose.politeness", show=False),
        Binding("i", "type_it", "Type it", id="compose.type", show=False),
        Binding("h", "say_here", "Say it here", id="compose.here", show=False),
        Binding("s", "send", "Send", id="compose.send", show=False),
        Binding("c", "copy", "Copy", id="compose.copy", show=False),
        Binding("k", "keep", "Keep", id="compose.keep", show=False),
        Binding("n", "start_over", "Start over", id="compose.over", show=False),
        Binding("u", "undo", "Undo", id="compose.undo", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.transcript = ""
        self.request: HelpRequest | None = None
        self.draft_id: int | None = None
        self.listening = False
        self._undo: tuple[str, HelpRequest | None, int | None] | None = None
        self.style: str | None = None  # None: the settings' style
        self.politeness: str | None = None  # None: auto, from the contact's relation

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from self.nav()
        with VerticalScroll(id="compose-body"):
            with Horizontal(id="speak-row", classes="scan-group") as row:
                row.border_title = "Speak"
                yield KeyButton("Speak", app.key_for("compose.speak", "space"), id="speak",
                                variant="success")
                yield Input(placeholder="(i) or type it here, then Enter", id="typed")
            yield Static("", id="caption")
            with Grid(id="card", classes="scan-group") as card:
                card.border_title = "The request (press a letter to change a field)"
                for fid, (label, key, _) in FIELDS.items():
                    yield KeyButton(f"{label}: —", app.key_for(f"compose.{fid}", key),
                                    id=f"field-{fid}", classes="field")
            yield Static("", id="message")
            with Horizontal(id="pickers", classes="scan-group") as row:
                row.border_title = "How it sounds"
                yield KeyButton("", app.key_for("compose.style", "t"), id="style")
                yield KeyButton("", app.key_for("compose.politeness", "p"), id="politeness")
            with Grid(id="actions", classes="scan-group") as grid:
                grid.border_title = "Do it"
                for aid, key, label in ACTIONS:
                    yield KeyButton(label, app.key_for(f"compose.{aid}" if aid != "read" else "app.read", key),
                                    id=f"act-{aid}", classes="action")
        yield from self.status_lines()

    def on_mount(self) -> None:
        app: Any = self.app
        self._refresh()
        if not app.can_listen:
            self.query_one("#speak", KeyButton).set_text("Speak (not available)")
        self.show_status(app.ready_text())
        self.query_one("#speak", KeyButton).focus()

    # --- state -> screen ----------------------------------------------------------------

    @property
    def lang(self) -> str:
        app: Any = self.app
        if self.request is not None:
            return self.request.language
        return app.settings.language if app.settings.language in ("en", "ja") else "en"

    def _field_value(self, fid: str) -> str:
        if self.request is None:
            return "—"
        s = self.request.slots
        value: Any = {
            "task": s.task,
            "asks": "; ".join(s.asks),
            "recipient": s.recipient,
            "deadline": s.deadline.text if s.deadline else None,
            "duration": f"{s.duration_minutes} min" if s.duration_minutes else None,
            "offer": s.offer,
        }[fid]
        return str(value) if value else "—"

    def _refresh(self) -> None:
        for fid, (label, _, _) in FIELDS.items():
            self.query_one(f"#field-{fid}", KeyButton).set_text(f"{label}: {self._field_value(fid)}")
        self.query_one("#style", KeyButton).set_text(f"Style: {self.current_style}")
        self.query_one("#politeness", KeyButton).set_text(f"Politeness: {self.politeness or 'auto'}")
        message = self.request.message if self.request else ""
        self.query_one("#message", Static).update(message or "The message will appear here.")
        self.query_one("#message", Static).set_class(not message, "-empty")

    def speakable_text(self) -> str:
        return self.request.message if self.request else ""

    @property
    def current_style(self) -> str:
        return self.style or self.app.settings.compose.style  # type: ignore[attr-defined]

    # --- text in ------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """New words (heard or typed): parse, render, show, autosave.

        Instant once the language model is loaded; before that the parse runs in a worker so
        the screen never freezes while the model loads.
        """
        app: Any = self.app
        text = clean_utterance(text)
        if not text:
            return
        self.transcript = text
        self.query_one("#caption", Static).update(f"Heard: {text}")
        if app.core.ready:
            self._composed(text, *self._parse_text(text))
        else:
            self.show_status("Loading the language model…")
            self._compose_worker(text)

    def _parse_text(self, text: str) -> tuple[HelpRequest, str]:
        app: Any = self.app
        try:
            return app.core.compose(text, lang=app.settings.language, style=self.current_style,
                                    politeness=self.politeness), ""
        except Exception as exc:
            return HelpRequest(language=self.lang, message=text), f"Could not understand fully ({exc}); your words are kept."

    @work(thread=True, exclusive=True, group="compose", exit_on_error=False)
    def _compose_worker(self, text: str) -> None:
        result = self._parse_text(text)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._composed, text, *result)

    def _composed(self, text: str, request: HelpRequest, problem: str) -> None:
        app: Any = self.app
        if text != self.transcript:
            return  # newer words arrived meanwhile
        self.request = request
        if problem:
            app.show_result(problem)
        self._refresh()
        self._autosave()
        app.step("Request ready. Press r to read it aloud.")
        if request.crisis:
            res = "; ".join(f"{r.name} {r.number}" for r in request.resources)
            app.show_result(f"This sounds urgent. Call now: {res}" if res else "This sounds urgent.")

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_text(event.value)
        event.input.value = ""
        self.query_one("#speak", Button).focus()

    def action_type_it(self) -> None:
        self.query_one("#typed", Input).focus()
        app: Any = self.app
        app.step("Type what is hard, then press Enter.")

    def _autosave(self) -> None:
        app: Any = self.app
        if not (self.transcript or (self.request and self.request.message)):
            return
        try:
            self.draft_id = app.core.save_draft(self.draft_id, self.transcript, self.request)
        except Exception as exc:
            self.show_status(f"Draft not saved: {exc}")

    # --- speaking in ----------------------------------------------------------------------

    def action_toggle_listen(self) -> None:
        app: Any = self.app
        if self.listening:
            app.stop_listening()
            self.listening = False
            self.query_one("#speak", KeyButton).set_text("Speak")
            self.show_status("Stopped listening.")
            return
        if not app.can_listen:
            app.show_result(f"Cannot listen: {app.listen_problem()}. You can pick a phrase (2) or type (i).")
            return
        self.listening = True
        self.query_one("#speak", KeyButton).set_text("Stop listening")
        self.query_one("#caption", Static).update("…")
        app.listen(app.settings.language, self._partial, self._final, self.show_status)

    def _partial(self, text: str) -> None:
        self.query_one("#caption", Static).update(text or "…")

    def _final(self, text: str | None) -> None:
        self.listening = False
        self.query_one("#speak", KeyButton).set_text("Speak")
        if text:
            self.show_status("Heard you.")
            self.set_text(text)
        else:
            self.show_status("Nothing heard. Press Space to try again.")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "speak":
            event.stop()
            self.action_toggle_listen()
        elif bid.startswith("field-"):
            event.stop()
            self.action_edit(bid.removeprefix("field-"))
        elif bid == "style":
            event.stop()
            self.action_cycle_style()
        elif bid == "politeness":
            event.stop()
            self.action_cycle_politeness()
        elif bid.startswith("act-"):
            event.stop()
            aid = bid.removeprefix("act-")
            if aid == "read":
                self.app.action_read()  # type: ignore[attr-defined]
            else:
                getattr(self, {"here": "action_say_here", "send": "action_send", "copy": "action_copy",
                               "keep": "action_keep", "over": "action_start_over"}[aid])()

    # --- editing a field without typing --------------------------------------------------

    def choices_for(self, fid: str) -> list[Choice]:
        app: Any = self.app
        lang = self.lang
        if fid == "deadline":
            return deadline_choices(lang, app.now())
        if fid == "duration":
            return duration_choices(lang)
        if fid == "recipient":
            contacts = [Choice(c.name, c.name) for c in app.settings.contacts]
            return contacts + word_choices(lang, "recipients")
        return word_choices(lang, {"task": "tasks", "asks": "asks", "offer": "offers"}[fid])

    def action_edit(self, fid: str) -> None:
        app: Any = self.app
        title = FIELDS[fid][2]

        def done(choice: Choice | None) -> None:
            if choice is None:
                return
            if choice.label == "__say_again__":
                self._say_field_again(fid)
                return
            self.apply_field(fid, choice)

        app.push_screen(PickerScreen(title, self.choices_for(fid), say_again=app.can_listen), done)

    def apply_field(self, fid: str, choice: Choice) -> None:
        """Set one slot and re-render the message, keeping everything else."""
        app: Any = self.app
        if self.request is None:
            self.request = HelpRequest(language=self.lang)
        s = self.request.slots
        value = choice.value
        if fid == "task":
            s.task = value or None
        elif fid == "asks":
            s.asks = [value] if value else []
        elif fid == "recipient":
            s.recipient = value or None
        elif fid == "offer":
            s.offer = value or None
        elif fid == "deadline":
            s.deadline = value if isinstance(value, Deadline) else (
                self._parse_deadline(str(value)) if value else None)
        elif fid == "duration":
            s.duration_minutes = int(value) if isinstance(value, int) else self._parse_duration(value)
        if fid in self.request.missing and value:
            self.request.missing.remove(fid)
        self._rerender()
        app.step(f"{FIELDS[fid][0]}: {self._field_value(fid)}")

    def _parse_deadline(self, text: str) -> Deadline:
        app: Any = self.app
        try:
            from ...nlu import parse_deadline

            dl = parse_deadline(text, self.lang, app.now())  # "say it again" for the deadline
            if dl is not None:
                return dl
        except Exception:
            pass
        return Deadline(text=text)

    def _parse_duration(self, value: Any) -> int | None:
        if not value:
            return None
        try:
            from ...nlu import parse_duration

            minutes = parse_duration(str(value), self.lang)
            return int(minutes) if minutes else None
        except Exception:
            digits = "".join(ch for ch in str(value) if ch.isdigit())
            return int(digits) if digits else None

    def _say_field_again(self, fid: str) -> None:
        app: Any = self.app

        def final(text: str | None) -> None:
            self.listening = False
            if text:
                self.apply_field(fid, Choice(text, text))
            else:
                self.show_status("Nothing heard; the field is unchanged.")

        self.listening = True
        app.listen(self.lang, self._partial, final, self.show_status)

    def _rerender(self) -> None:
        app: Any = self.app
        if self.request is not None:
            try:
                self.request.message = app.core.render(self.request, self.current_style, self.politeness)
            except Exception as exc:
                self.show_status(f"Could not re-render: {exc}")
        self._refresh()
        self._autosave()

    def action_cycle_style(self) -> None:
        style = self.current_style
        self.style = STYLES[(STYLES.index(style) + 1) % len(STYLES)] if style in STYLES else STYLES[0]
        self._rerender()
        self.app.step(f"Style: {self.style}")  # type: ignore[attr-defined]

    def action_cycle_politeness(self) -> None:
        order: tuple[str | None, ...] = (None, *POLITENESS)
        self.politeness = order[(order.index(self.politeness) + 1) % len(order)]
        self._rerender()
        self.app.step(f"Politeness: {self.politeness or 'auto'}")  # type: ignore[attr-defined]

    # --- actions ------------------------------------------------------------------------

    def _need_message(self) -> bool:
        if self.request is None or not self.request.message:
            self.app.show_result("Nothing to use yet: speak (Space), pick a phrase (2) or type (i).")  # type: ignore[attr-defined]
            return False
        return True

    def action_keep(self) -> None:
        if not self._need_message():
            return
        app: Any = self.app
        self._autosave()
        if self.draft_id is None:
            app.show_result(f"Not saved: {app.core.log_problem}")
        else:
            app.show_result(f"Kept as draft #{self.draft_id}.")

    def action_copy(self) -> None:
        if not self._need_message():
            return
        assert self.request is not None
        self.app.copy_to_clipboard(self.request.message)
        self.app.show_result("Copied the message.")  # type: ignore[attr-defined]

    def action_say_here(self) -> None:
        """The device speaks the request to the person in the room (the 'speak' channel)."""
        if not self._need_message():
            return
        app: Any = self.app
        assert self.request is not None
        self._autosave()
        if self.draft_id is not None and app.speaker is not None:
            res = app.core.deliver(self.draft_id, "speak", app.speaker)
            if res.ok:
                app.spoken.append(self.request.message)
                app.show_result("Said it aloud to the person here.")
                return
        app.say(self.request.message, self.request.language, force=True)
        app.show_result("Saying it aloud.")

    def action_send(self) -> None:
        if not self._need_message():
            return
        app: Any = self.app
        assert self.request is not None
        who = self.request.slots.recipient
        contact = app.settings.contact(who)
        if contact is None:
            app.show_result("Who should get it? Press o to pick a contact first.")
            return
        self._autosave()
        if self.draft_id is None:
            app.show_result(f"Cannot send: {app.core.log_problem}")
            return
        res = app.core.deliver(self.draft_id, None, app.speaker)
        app.show_result(res.text if res.ok else res.text)

    def action_start_over(self) -> None:
        if self.request is None and not self.transcript:
            return
        app: Any = self.app

        def done(yes: bool | None) -> None:
            if not yes:
                return
            self._undo = (self.transcript, copy.deepcopy(self.request), self.draft_id)
            self.transcript, self.request, self.draft_id = "", None, None
            self.query_one("#caption", Static).update("")
            self._refresh()
            app.show_result("Started over. Press u to undo. (The old draft stays in History.)")

        app.push_screen(ConfirmScreen("Start over? The current draft stays in History."), done)

    def action_undo(self) -> None:
        if self._undo is None:
            return
        self.transcript, self.request, self.draft_id = self._undo
        self._undo = None
        self._refresh()
        self.app.show_result("Undone: your request is back.")  # type: ignore[attr-defined]

    def load_text(self, text: str, request: HelpRequest | None = None, draft_id: int | None = None) -> None:
        """Adapt: the phrase board or history hands a request over for editing."""
        if request is not None:
            self.transcript = text
            self.request = request
            self.draft_id = draft_id
            self._refresh()
            if draft_id is None:
                self._autosave()
        else:
            self.draft_id = draft_id
            self.set_text(text)
