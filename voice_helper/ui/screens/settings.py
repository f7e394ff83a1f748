"""Settings: every choice is one press that cycles or steps, saved at once and remembered.

Changing the voice rate speaks a sample at the new rate, so the choice is made by ear.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from ...config import get_paths
from ..scanning import MAX_INTERVAL_S, MIN_INTERVAL_S, clamp_interval
from ..presets import Choice
from ..widgets import KeyButton, PickerScreen
from .base import VHScreen

SAMPLE = {"en": "This is how I will sound.", "ja": "この速さで話します。"}
RATE_MIN, RATE_MAX, RATE_STEP = 80, 300, 20

#: button id, key, action
ROWS = (
    ("language", "l", "cycle_language"),
    ("slower", "minus", "rate(-1)"),
    ("faster", "equals_sign", "rate(1)"),
    ("voice", "o", "toggle_voice"),
    ("voice-pick", "i", "pick_voice"),
    ("scanning", "s", "toggle_scanning"),
    ("interval-down", "left_square_bracket", "interval(-1)"),
    ("interval-up", "right_square_bracket", "interval(1)"),
    ("mode", "m", "cycle_mode"),
    ("auditory", "a", "toggle_auditory"),
    ("theme", "t", "cycle_theme"),
    ("size", "z", "cycle_size"),
    ("self-voicing", "v", "toggle_self_voicing"),
    ("each-step", "e", "toggle_each_step"),
    ("shortcuts", "k", "toggle_shortcuts"),
    ("keymap", "y", "edit_keymap"),
    ("add-contact", "c", "add_contact"),
)


class SettingsScreen(VHScreen):
    MODE = "settings"
    BINDINGS = [Binding(key, action, show=False, id=f"settings.{bid}") for bid, key, action in ROWS]

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from self.nav()
        with VerticalScroll(id="settings-body"):
            groups = (("Language and voice", ROWS[0:5]), ("Switch scanning", ROWS[5:10]),
                      ("Look and sound", ROWS[10:15]), ("Keys and people", ROWS[15:17]))
            for title, rows in groups:
                with Grid(classes="scan-group settings-group") as grid:
                    grid.border_title = title
                    for bid, key, _ in rows:
                        yield KeyButton("", app.key_for(f"settings.{bid}", key), id=f"set-{bid}")
            yield Static("", id="keymap-note")
            with Grid(classes="scan-group settings-group", id="contact-list") as grid:
                grid.border_title = "Contacts (press one to remove it)"
        yield from self.status_lines()

    def on_mount(self) -> None:
        self.refresh_labels()
        self.show_status(f"Every change is saved at once to {get_paths().settings_file.name}.")

    def refresh_labels(self) -> None:
        app: Any = self.app
        st = app.settings
        on_off = {True: "on", False: "off"}
        labels = {  # short: a button is one line, and "large" puts one per row anyway
            "language": f"Language: {st.language}",
            "slower": f"Slower ({st.voice.rate})",
            "faster": f"Faster ({st.voice.rate})",
            "voice": f"Voice: {on_off[st.voice.enabled]}",
            "voice-pick": f"Voice: {_short(st.voice.voice_en) or 'default'}",
            "scanning": f"Scanning: {on_off[st.scanning.enabled]}",
            "interval-down": f"Faster scan {st.scanning.interval_s:.1f}s",
            "interval-up": f"Slower scan {st.scanning.interval_s:.1f}s",
            "mode": f"Mode: {st.scanning.mode}",
            "auditory": f"Speak items: {on_off[st.scanning.auditory]}",
            "theme": f"Theme: {st.ui.theme}",
            "size": f"Text size: {st.ui.text_size}",
            "self-voicing": f"Self-voicing: {on_off[st.ui.self_voicing]}",
            "each-step": f"Each step: {on_off[st.ui.speak_each_step]}",
            "shortcuts": f"Shortcuts: {on_off[st.ui.shortcuts]}",
            "keymap": "Change a key",
            "add-contact": "Add a contact",
        }
        for bid, text in labels.items():
            self.query_one(f"#set-{bid}", KeyButton).set_text(text)
        remaps = ", ".join(f"{k} = {v or 'off'}" for k, v in st.ui.keymap.items()) or "the defaults"
        self.query_one("#keymap-note", Static).update(f"Keys: {remaps}.")
        self.call_later(self._show_contacts)

    async def _show_contacts(self) -> None:
        app: Any = self.app
        box = self.query_one("#contact-list", Grid)
        await box.remove_children()
        buttons = [KeyButton(f"{c.name} ({c.relation}, {c.channel or 'speak'})", "",
                             id=f"contact-{i}", classes="contact")
                   for i, c in enumerate(app.settings.contacts)]
        if buttons:
            await box.mount_all(buttons)
        else:
            await box.mount(Static("No contacts yet.", classes="empty"))

    def _changed(self, what: str, *, apply: bool = False) -> None:
        app: Any = self.app
        try:
            app.save()
        except Exception as exc:
            app.show_result(f"Not saved: {exc}")
            return
        if apply:
            app.apply_settings()
        self.refresh_labels()
        app.show_result(what)

    # --- the choices ----------------------------------------------------------------------

    def action_cycle_language(self) -> None:
        st = self.app.settings  # type: ignore[attr-defined]
        order = ("auto", "en", "ja")
        st.language = order[(order.index(st.language) + 1) % len(order)] if st.language in order else "auto"
        self._changed(f"Language: {st.language}")
        phrases = _screen(self.app, "phrases")
        if phrases is not None:
            self.call_later(phrases.reload)

    def action_rate(self, direction: int) -> None:
        app: Any = self.app
        v = app.settings.voice
        v.rate = max(RATE_MIN, min(RATE_MAX, v.rate + direction * RATE_STEP))
        speaker = app.speaker
        if speaker is not None and hasattr(speaker, "set_rate"):
            speaker.set_rate(v.rate)
        elif speaker is not None and hasattr(speaker, "rate"):
            try:
                speaker.rate = v.rate
            except Exception:
                pass
        self._changed(f"Voice rate {v.rate}")
        lang = app.settings.language if app.settings.language in SAMPLE else "en"
        app.say(SAMPLE[lang], lang, force=True)  # the spoken sample, at the new rate

    def action_pick_voice(self) -> None:
        self.show_status("Looking for voices…")
        self._list_voices()

    @work(thread=True, exclusive=True, group="voices", exit_on_error=False)
    def _list_voices(self) -> None:
        """The English voices of the speech engine (starting it can take a moment: a worker)."""
        app: Any = self.app
        choices: list[Choice] = []
        problem = "no voice output here"
        chooser = getattr(app.speaker, "chooser", None)
        if chooser is not None:
            try:
                engine = chooser.pyttsx3()
                for v in getattr(engine, "voices", None) or []:
                    langs = [str(x).lower() for x in getattr(v, "languages", [])]
                    if any(x.startswith("en") for x in langs) or v.id.rsplit("/", 1)[-1].startswith("en"):
                        choices.append(Choice(str(getattr(v, "name", v.id)), v.id))
                problem = "" if choices else (chooser._pyttsx3_failed or "no English voices found")
            except Exception as exc:
                problem = str(exc)
        if get_current_worker().is_cancelled:
            return
        app.call_from_thread(self._voices_found, choices[:9], problem)

    def _voices_found(self, choices: list[Choice], problem: str) -> None:
        app: Any = self.app
        if not choices:
            app.show_result(f"No voices to choose from: {problem}")
            return
        self.show_status(f"{len(choices)} voices.")

        def done(choice: Choice | None) -> None:
            if choice is None:
                return
            app.settings.voice.voice_en = choice.value or ""
            self._changed(f"Voice: {choice.label or 'default'}")
            app.say(SAMPLE["en"], "en", force=True)  # hear the new voice at once

        app.push_screen(PickerScreen("Choose a voice (0: the default)", choices, allow_typing=False), done)

    def action_toggle_voice(self) -> None:
        v = self.app.settings.voice  # type: ignore[attr-defined]
        v.enabled = not v.enabled
        self._changed(f"Voice {'on' if v.enabled else 'off'}")

    def action_toggle_scanning(self) -> None:
        sc = self.app.settings.scanning  # type: ignore[attr-defined]
        sc.enabled = not sc.enabled
        self._changed(f"Scanning {'on' if sc.enabled else 'off'}", apply=True)

    def action_interval(self, direction: int) -> None:
        sc = self.app.settings.scanning  # type: ignore[attr-defined]
        sc.interval_s = clamp_interval(round(sc.interval_s + 0.5 * direction, 1))
        edge = " (limit)" if sc.interval_s in (MIN_INTERVAL_S, MAX_INTERVAL_S) else ""
        self._changed(f"Scan interval {sc.interval_s:.1f} s{edge}", apply=True)

    def action_cycle_mode(self) -> None:
        sc = self.app.settings.scanning  # type: ignore[attr-defined]
        sc.mode = "two-switch" if sc.mode == "one-switch" else "one-switch"
        self._changed(f"Scanning with {sc.mode}", apply=True)

    def action_toggle_auditory(self) -> None:
        sc = self.app.settings.scanning  # type: ignore[attr-defined]
        sc.auditory = not sc.auditory
        self._changed(f"Speak scanned items {'on' if sc.auditory else 'off'}")

    def action_cycle_theme(self) -> None:
        ui = self.app.settings.ui  # type: ignore[attr-defined]
        ui.theme = "high-contrast" if ui.theme == "default" else "default"
        self._changed(f"Theme: {ui.theme}", apply=True)

    def action_cycle_size(self) -> None:
        ui = self.app.settings.ui  # type: ignore[attr-defined]
        ui.text_size = "large" if ui.text_size == "normal" else "normal"
        self._changed(f"Text size: {ui.text_size} (bigger controls and spacing; the terminal sets the font)",
                      apply=True)

    def action_toggle_self_voicing(self) -> None:
        ui = self.app.settings.ui  # type: ignore[attr-defined]
        ui.self_voicing = not ui.self_voicing
        self._changed(f"Self-voicing {'on' if ui.self_voicing else 'off'}")

    def action_toggle_each_step(self) -> None:
        ui = self.app.settings.ui  # type: ignore[attr-defined]
        ui.speak_each_step = not ui.speak_each_step
        self._changed(f"Speak each step {'on' if ui.speak_each_step else 'off'}")

    def action_toggle_shortcuts(self) -> None:
        ui = self.app.settings.ui  # type: ignore[attr-defined]
        ui.shortcuts = not ui.shortcuts
        self._changed(f"Single-key shortcuts {'on' if ui.shortcuts else 'off'}", apply=True)

    def action_add_contact(self) -> None:
        from .people import ContactScreen

        app: Any = self.app

        def done(contact: Any) -> None:
            if contact is None:
                return
            app.settings.contacts.append(contact)
            self._changed(f"Added {contact.name}.")

        app.push_screen(ContactScreen(), done)

    def remove_contact(self, index: int) -> None:
        from ..widgets import ConfirmScreen

        app: Any = self.app
        contact = app.settings.contacts[index]

        def done(yes: bool | None) -> None:
            if yes:
                app.settings.contacts.remove(contact)
                self._changed(f"Removed {contact.name}.")

        app.push_screen(ConfirmScreen(f"Remove {contact.name} from your contacts?"), done)

    def action_edit_keymap(self) -> None:
        from .people import KeymapScreen

        app: Any = self.app

        def done(change: tuple[str, str] | None) -> None:
            if change is None:
                return
            bid, key = change
            if key:
                app.settings.ui.keymap[bid] = key
            else:
                app.settings.ui.keymap.pop(bid, None)
            self._changed(f"{bid} now on {key or 'its default key'}. Labels show it after a restart.",
                          apply=True)

        app.push_screen(KeymapScreen(dict(app.settings.ui.keymap), app.default_keys()), done)

    @on(Button.Pressed, ".contact")
    def _contact(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove_contact(int((event.button.id or "").removeprefix("contact-")))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        bid = (event.button.id or "").removeprefix("set-")
        for row_id, _, action in ROWS:
            if row_id == bid:
                event.stop()
                self.run_action(action)
                return


def _short(voice_id: str) -> str:
    return voice_id.rsplit("/", 1)[-1][:14]


def _screen(app: Any, mode: str) -> Any:
    screen = app.screen_named(mode)
    return screen if screen.is_mounted else None
