"""Compose (home): say it once, see the message, fix any field without typing, then act.

Nothing is lost and nothing is overwritten (issue 14, item 1 and 2):
- every new utterance (spoken or typed) is a new request with empty fields and its own draft;
  the previous request stays in History exactly as it was;
- a kept (``k``), sent or spoken request is never rewritten: a later change becomes a new draft;
- typed text is saved as a draft while it is typed (after a pause of a second) and on every
  way out, so quitting with text in the box keeps it.

After composing, the message and the actions are scrolled into view, so at 80x24 they are seen
without scrolling. ``u`` undoes the last change (a field, the style, start over, a new request).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static
from textual.worker import get_current_worker

from ...config import POLITENESS, STYLES
from ...request import Deadline, HelpRequest, Urgency
from ...textsafe import clean_utterance
from ..presets import Choice, deadline_choices, duration_choices, word_choices
from ..widgets import (AutoGrid, ConfirmScreen, KeyButton, PickerScreen, TextBox, TextViewScreen, literal,
                       titled)
from .base import VHScreen

#: field id -> key
FIELDS = {"task": "w", "asks": "a", "recipient": "o", "deadline": "b", "duration": "d", "offer": "f"}
#: action id -> key (read is the app's own "r")
ACTIONS = (("read", "r"), ("here", "h"), ("send", "s"), ("copy", "c"), ("keep", "k"), ("over", "n"))
#: a typed draft is saved this long after the last key
TYPING_SAVE_S = 1.0
#: the "Heard" line shows this much; v shows all
HEARD_CLIP = 200


@dataclass
class Snapshot:
    """One state of the screen, for undo."""

    what: str  # a text key naming the change that is undone
    transcript: str
    request: HelpRequest | None
    draft_id: int | None
    kept: bool
    style: str | None
    politeness: str | None


class ComposeScreen(VHScreen):
    MODE = "compose"
    ALWAYS_ON = ("toggle_listen",)

    BINDINGS = [
        Binding("space,enter", "toggle_listen", "Speak", id="compose.speak"),
        *[Binding(key, f"edit('{fid}')", fid, id=f"compose.{fid}", show=False)
          for fid, key in FIELDS.items()],
        Binding("t", "cycle_style", "Style", id="compose.style", show=False),
        Binding("p", "cycle_politeness", "Politeness", id="compose.politeness", show=False),
        Binding("i", "type_it", "Type it", id="compose.type", show=False),
        Binding("h", "say_here", "Say it here", id="compose.here", show=False),
        Binding("s", "send", "Send", id="compose.send", show=False),
        Binding("c", "copy", "Copy", id="compose.copy", show=False),
        Binding("k", "keep", "Keep", id="compose.keep", show=False),
        Binding("n", "start_over", "Start over", id="compose.over", show=False),
        Binding("u", "undo", "Undo", id="compose.undo", show=False),
        Binding("v", "view_heard", "Show all I said", id="compose.view", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.transcript = ""
        self.request: HelpRequest | None = None
        self.draft_id: int | None = None
        self.kept = False  # kept with k: a later change becomes a new draft
        self.listening = False
        self.style: str | None = None  # None: the settings' style
        self.politeness: str | None = None  # None: auto, from the contact's relation
        self.history: list[Snapshot] = []
        self.crisis_resources: list[Any] = []
        self._typing_draft_id: int | None = None
        self._typing_timer: Any = None
        self._pending_draft: int | None = None

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from self.nav()
        with VerticalScroll(id="compose-body"):
            with titled(Horizontal(id="speak-row", classes="scan-group"), "compose.speak_group"):
                yield KeyButton(tkey="compose.speak", key=app.key_for("compose.speak", "space"),
                                id="speak", variant="success")
                yield TextBox(tkey="compose.typed", id="typed")
            yield Static("", id="caption", markup=False)
            yield Static("", id="crisis", markup=False)
            yield titled(Static("", id="message", markup=False), "compose.message_title")
            with titled(AutoGrid(column_width=22, id="actions", classes="scan-group"), "compose.actions_group"):
                for aid, key in ACTIONS:
                    bid = f"compose.{aid}" if aid != "read" else "app.read"
                    yield KeyButton(tkey=f"compose.act.{aid}", key=app.key_for(bid, key),
                                    id=f"act-{aid}", classes="action")
            with titled(AutoGrid(column_width=34, id="card", classes="scan-group"), "compose.card_group"):
                for fid, key in FIELDS.items():
                    yield KeyButton("", app.key_for(f"compose.{fid}", key), id=f"field-{fid}",
                                    classes="field")
            with titled(Horizontal(id="pickers", classes="scan-group"), "compose.pickers_group"):
                yield KeyButton("", app.key_for("compose.style", "t"), id="style")
                yield KeyButton("", app.key_for("compose.politeness", "p"), id="politeness")
        yield from self.status_lines()

    def on_mount(self) -> None:
        app: Any = self.app
        self.query_one("#crisis").display = False
        self._refresh()
        self.show_status(app.ready_text())
        self.show_notice(app.notice_text())
        self.query_one("#speak", KeyButton).focus()

    def refresh_texts(self) -> None:
        self._refresh()
        if self.crisis_resources:
            self.show_crisis(self.crisis_resources)

    # --- state -> screen ----------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The language of the request's words (the message), not of the UI."""
        app: Any = self.app
        if self.request is not None:
            return self.request.language
        return app.settings.language if app.settings.language in ("en", "ja") else app.lang

    def _field_value(self, fid: str) -> str:
        app: Any = self.app
        if self.request is None:
            return app.t("compose.empty_value")
        s = self.request.slots
        value: Any = {
            "task": s.task,
            "asks": app.t("common.list_sep").join(s.asks),
            "recipient": s.recipient,
            "deadline": s.deadline.text if s.deadline else None,
            "duration": app.t("compose.minutes", n=s.duration_minutes) if s.duration_minutes else None,
            "offer": s.offer,
        }[fid]
        return str(value) if value else app.t("compose.empty_value")

    def field_label(self, fid: str) -> str:
        app: Any = self.app
        return app.t("compose.field_value", name=app.t(f"compose.field.{fid}"), value=self._field_value(fid))

    def _refresh(self) -> None:
        app: Any = self.app
        for fid in FIELDS:
            self.query_one(f"#field-{fid}", KeyButton).set_text(self.field_label(fid))
        self.query_one("#style", KeyButton).set_text(
            app.t("compose.field_value", name=app.t("compose.style"), value=app.t(f"style.{self.current_style}")))
        self.query_one("#politeness", KeyButton).set_text(
            app.t("compose.field_value", name=app.t("compose.politeness"),
                  value=app.t(f"politeness.{self.politeness or 'auto'}")))
        message = self.request.message if self.request else ""
        box = self.query_one("#message", Static)
        box.update(literal(message or app.t("compose.message_empty")))
        box.set_class(not message, "-empty")
        speak = self.query_one("#speak", KeyButton)
        if self.listening:
            speak.set_text(app.t("compose.stop_listening"))
        elif not app.can_listen:
            speak.set_text(app.t("compose.speak_unavailable"))
        else:
            speak.set_text(app.t("compose.speak"))
        self._show_caption()

    def _show_caption(self) -> None:
        app: Any = self.app
        text = self.transcript
        caption = self.query_one("#caption", Static)
        if not text:
            caption.update("")
            return
        if len(text) > HEARD_CLIP:
            text = text[:HEARD_CLIP].rstrip() + "…"
        line = app.t("compose.heard", text=text)
        if len(self.transcript) > HEARD_CLIP or cell_len(line) > max(20, self.size.width - 4):
            line = app.t("compose.heard_more", text=text, key=app.key_for("compose.view", "v"))
        caption.update(literal(line))

    def speakable_text(self) -> str:
        return self.request.message if self.request else ""

    @property
    def current_style(self) -> str:
        return self.style or self.app.settings.compose.style  # type: ignore[attr-defined]

    def _reveal(self) -> None:
        """The message and the actions on screen (80x24 included), without the person scrolling."""
        body = self.query_one("#compose-body", VerticalScroll)
        message = self.query_one("#message")
        actions = self.query_one("#actions")
        body.scroll_to_widget(actions, animate=False)
        if message.region.y < body.region.y:
            body.scroll_to_widget(message, animate=False, top=True)

    def show_crisis(self, resources: list[Any]) -> None:
        """The numbers to call, first first, above the message until a new request."""
        from ..crisis import numbers_text

        app: Any = self.app
        self.crisis_resources = list(resources)
        panel = self.query_one("#crisis", Static)
        if not resources:
            panel.display = False
            return
        panel.update(literal(app.t("crisis.panel_title") + "\n" + numbers_text(app, resources)))
        panel.display = True
        self.call_after_refresh(self._reveal)

    def _hide_crisis(self) -> None:
        self.crisis_resources = []
        self.query_one("#crisis").display = False

    # --- text in ------------------------------------------------------------------------

    def set_text(self, text: str, draft_id: int | None = None) -> None:
        """New words (heard or typed): a new request, parsed, rendered, shown, saved.

        Instant once the language model is loaded; before that the parse runs in a worker so
        the screen never freezes while the model loads.
        """
        app: Any = self.app
        text = clean_utterance(text)
        if not text:
            return
        self._pending_draft = draft_id
        self.transcript = text
        self._show_caption()
        if len(text) > HEARD_CLIP:
            self.show_status(app.t("compose.heard_long", key=app.key_for("compose.view", "v")))
        if app.core.ready:
            self._composed(text, *self._parse_text(text))
        else:
            self.composing = True
            self.show_status(app.t("status.loading_model"))
            self._compose_worker(text)

    def _parse_text(self, text: str) -> tuple[HelpRequest, str]:
        app: Any = self.app
        try:
            return app.core.compose(text, lang=app.settings.language, style=self.current_style), ""
        except Exception as exc:
            lang = app.settings.language if app.settings.language in ("en", "ja") else app.lang
            return (HelpRequest(language=lang, message=text, said=text),
                    app.t("compose.not_understood", reason=exc))

    @work(thread=True, exclusive=True, group="compose", exit_on_error=False)
    def _compose_worker(self, text: str) -> None:
        result = self._parse_text(text)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._composed, text, *result)

    composing = False  # a parse is running in a worker (the language model is still loading)
    _deferred: str | None = None

    def _defer(self, action: str) -> bool:
        """While the request is still being composed, a key waits for it instead of failing."""
        if not self.composing:
            return False
        app: Any = self.app
        self._deferred = action
        self.show_status(app.t("compose.wait_for_it"))
        return True

    def _composed(self, text: str, request: HelpRequest, problem: str) -> None:
        app: Any = self.app
        if text != self.transcript:
            return  # newer words arrived meanwhile
        self.composing = False
        if self.request is not None or self.draft_id is not None:
            self._remember("undo.new_request")
        # a new request: its own draft, empty fields, no helper carried over (issue 14, item 1)
        self.request = request
        self.draft_id = self._pending_draft
        self._pending_draft = None
        self.kept = False
        self.politeness = None
        self._hide_crisis()
        if problem:
            app.show_result(problem)
        self._refresh()
        self._autosave()
        self.call_after_refresh(self._reveal)
        app.step(app.t("compose.ready", key=app.key_for("app.read", "r")))
        app.handle_urgency(request, self._replace_request)
        deferred, self._deferred = self._deferred, None
        if deferred and not request.crisis and request.urgency != Urgency.CHECK:  # safety first
            self.call_after_refresh(self.run_action, deferred)

    def _replace_request(self, request: HelpRequest) -> None:
        """The safety question made this a crisis: its message replaces the draft's."""
        self.request = request
        self._refresh()
        self._autosave()

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        value = event.value
        if not clean_utterance(value):
            return
        self._save_typing(value)  # the typed words are safe before anything else happens
        draft, self._typing_draft_id = self._typing_draft_id, None
        event.input.value = ""
        self.app.focus_quietly(self.query_one("#speak", Button))  # type: ignore[attr-defined]
        self.set_text(value, draft_id=draft)

    @on(Input.Changed, "#typed")
    def _typing(self, event: Input.Changed) -> None:
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(TYPING_SAVE_S, self._save_typed_now)

    def _save_typed_now(self) -> None:
        self._typing_timer = None
        self._save_typing(self.query_one("#typed", TextBox).value)

    def _save_typing(self, value: str) -> None:
        """Keep what is in the text box as a draft (its own, updated while typing goes on)."""
        app: Any = self.app
        text = clean_utterance(value)
        if not text:
            return
        try:
            self._typing_draft_id = app.core.save_draft(self._typing_draft_id, text, None,
                                                        lang=app.settings.language
                                                        if app.settings.language in ("en", "ja") else None)
        except Exception as exc:
            self.show_status(app.t("compose.not_saved", reason=exc))

    def flush(self) -> None:
        """On the way out: whatever is typed but not submitted is kept as a draft."""
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        self._save_typing(self.query_one("#typed", TextBox).value)

    @on(TextBox.Left, "#typed")
    def _left_box(self, event: TextBox.Left) -> None:
        event.stop()
        app: Any = self.app
        self.query_one("#speak", Button).focus()
        app.step(app.t("compose.left_box"))

    def action_type_it(self) -> None:
        app: Any = self.app
        box = self.query_one("#typed", TextBox)
        box.focus(scroll_visible=True)
        self.query_one("#compose-body", VerticalScroll).scroll_home(animate=False)
        app.step(app.t("compose.type_hint"))

    def action_view_heard(self) -> None:
        app: Any = self.app
        if not self.transcript:
            app.show_result(app.t("compose.nothing_heard_yet"))
            return
        app.push_screen(TextViewScreen(app.t("compose.heard_title"), self.transcript))

    def _autosave(self) -> None:
        app: Any = self.app
        if not (self.transcript or (self.request and self.request.message)):
            return
        if self.kept:
            self.draft_id, self.kept = None, False  # a kept draft is never rewritten
        try:
            self.draft_id = app.core.save_draft(self.draft_id, self.transcript or
                                                (self.request.said if self.request else ""), self.request)
        except Exception as exc:
            self.show_status(app.t("compose.not_saved", reason=exc))

    # --- speaking in ----------------------------------------------------------------------

    def action_toggle_listen(self) -> None:
        app: Any = self.app
        if self.listening:
            app.finish_listening()  # "I have said it": the turn ends, what was heard is kept
            self.show_status(app.t("listen.stopped_by_you"))
            return
        if not app.can_listen:
            app.show_result(app.cannot_listen_text())
            return
        self.listening = True
        self._refresh()
        self.query_one("#caption", Static).update("…")
        app.listen(app.settings.language, self._partial, self._final, self.show_status)

    def _partial(self, text: str) -> None:
        self.query_one("#caption", Static).update(literal(text[:HEARD_CLIP] or "…"))

    def _final(self, text: str | None) -> None:
        app: Any = self.app
        self.listening = False
        self._refresh()
        if text:
            self.show_status(app.t("listen.heard"))
            self.set_text(text)
        elif "microphone" in app.problems:
            self.show_status("")
            app.show_result(app.cannot_listen_text())
        else:
            self.show_status(app.t("listen.nothing"))

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
        title = app.t(f"compose.ask.{fid}")

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
        self._remember("undo.field")
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
            self.politeness = None  # the new helper's relation decides, unless chosen again
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
        app.step(self.field_label(fid))

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
            elif "microphone" in app.problems:
                app.show_result(app.cannot_listen_text())
            else:
                self.show_status(app.t("compose.field_unchanged"))

        self.listening = True
        app.listen(self.lang, self._partial, final, self.show_status)

    def _rerender(self) -> None:
        app: Any = self.app
        if self.request is not None:
            try:
                self.request.message = app.core.render(self.request, self.current_style, self.politeness)
            except Exception as exc:
                self.show_status(app.t("compose.render_failed", reason=exc))
        self._refresh()
        self._autosave()

    def action_cycle_style(self) -> None:
        app: Any = self.app
        self._remember("undo.style")
        style = self.current_style
        self.style = STYLES[(STYLES.index(style) + 1) % len(STYLES)] if style in STYLES else STYLES[0]
        self._rerender()
        app.step(app.t("compose.field_value", name=app.t("compose.style"), value=app.t(f"style.{self.style}")))

    def action_cycle_politeness(self) -> None:
        app: Any = self.app
        self._remember("undo.politeness")
        order: tuple[str | None, ...] = (None, *POLITENESS)
        self.politeness = order[(order.index(self.politeness) + 1) % len(order)]
        self._rerender()
        app.step(app.t("compose.field_value", name=app.t("compose.politeness"),
                       value=app.t(f"politeness.{self.politeness or 'auto'}")))

    # --- undo ----------------------------------------------------------------------------

    def _remember(self, what: str) -> None:
        self.history.append(Snapshot(what, self.transcript, copy.deepcopy(self.request), self.draft_id,
                                     self.kept, self.style, self.politeness))
        del self.history[:-30]

    def action_undo(self) -> None:
        self.undo()

    def undo(self) -> None:
        app: Any = self.app
        if not self.history:
            app.show_result(app.t("undo.nothing"))
            return
        snap = self.history.pop()
        self.transcript, self.request, self.draft_id = snap.transcript, snap.request, snap.draft_id
        self.kept, self.style, self.politeness = snap.kept, snap.style, snap.politeness
        self._hide_crisis()
        self._refresh()
        if not self.kept:
            self._autosave()  # the draft follows what is on screen again
        app.show_result(app.t("undo.done", what=app.t(snap.what)))

    # --- actions ------------------------------------------------------------------------

    def _need_message(self, action: str = "") -> bool:
        app: Any = self.app
        if action and self._defer(action):
            return False
        if self.request is None or not self.request.message:
            app.show_result(app.t("compose.nothing_yet"))
            return False
        return True

    def action_keep(self) -> None:
        if not self._need_message("keep"):
            return
        app: Any = self.app
        if self.kept and self.draft_id is not None:
            app.show_result(app.t("compose.already_kept", id=self.draft_id))
            return
        self._autosave()
        if self.draft_id is None:
            app.show_result(app.t("compose.not_saved", reason=app.core.log_problem))
        else:
            self.kept = True
            app.show_result(app.t("compose.kept", id=self.draft_id))

    def action_copy(self) -> None:
        if not self._need_message("copy"):
            return
        assert self.request is not None
        app: Any = self.app
        app.copy_to_clipboard(self.request.message)
        app.show_result(app.t("compose.copied"))

    def action_say_here(self) -> None:
        """The device speaks the request to the person in the room (the 'speak' channel)."""
        if not self._need_message("say_here"):
            return
        app: Any = self.app
        self._autosave()
        if self.draft_id is None:
            app.show_result(app.t("compose.not_saved", reason=app.core.log_problem))
            return
        self.kept = True  # said (or tried): a later change is a new draft
        app.speak_here(self.draft_id)

    def action_send(self) -> None:
        if not self._need_message("send"):
            return
        app: Any = self.app
        assert self.request is not None
        app.send_flow(self.request.slots.recipient, self._prepare_send, self._after_send)

    def _prepare_send(self, name: str) -> int | None:
        """Address the request to the confirmed helper and save it; its log id."""
        app: Any = self.app
        assert self.request is not None
        if app.settings.contact(self.request.slots.recipient) is not app.settings.contact(name):
            self.apply_field("recipient", Choice(name, name))
        elif self.draft_id is None:
            self._autosave()
        return self.draft_id

    def _after_send(self, sent: Any) -> None:
        self.kept = True  # sent (or tried): a later change is a new draft

    def action_start_over(self) -> None:
        app: Any = self.app
        if self.request is None and not self.transcript:
            app.show_result(app.t("compose.nothing_to_clear"))
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            self._remember("undo.start_over")
            self.transcript, self.request, self.draft_id = "", None, None
            self.kept, self.politeness = False, None
            self._hide_crisis()
            self._refresh()
            app.show_result(app.t("compose.started_over", key=app.key_for("compose.undo", "u")))

        app.push_screen(ConfirmScreen(app.t("compose.start_over_question"),
                                      detail=app.t("compose.start_over_detail")), done)

    def load_text(self, text: str, request: HelpRequest | None = None, draft_id: int | None = None) -> None:
        """Adapt: the phrase board or History hands a request over for editing."""
        app: Any = self.app
        if request is not None:
            if self.request is not None or self.draft_id is not None:
                self._remember("undo.new_request")
            self.transcript = text
            self.request = request
            self.draft_id = draft_id
            self.kept = False
            self.politeness = None
            self._hide_crisis()
            self._refresh()
            self._autosave()
            self.call_after_refresh(self._reveal)
            if request.crisis:
                self.show_crisis(app.crisis_resources(request))
            elif request.urgency == Urgency.CHECK:
                # saved while unsure whether the person is safe, never answered: ask now
                app.handle_urgency(request, self._replace_request)
        else:
            self.set_text(text, draft_id=draft_id)
