"""Settings: every choice is one press that cycles or steps, saved at once and remembered.

Changing the voice rate speaks a sample at the new rate, so the choice is made by ear. Every
control is in a scan group, so switch scanning can change its own speed, rounds and pauses.
With no sound device, self-voicing and spoken scanning cues say on their label and in the result
that nothing can be heard, instead of turning on silently.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from ...config import get_paths
from ..presets import Choice
from ..scanning import MAX_INTERVAL_S, MIN_INTERVAL_S, clamp_interval
from ..widgets import AutoGrid, KeyButton, PickerScreen, literal, titled
from .base import VHScreen

SAMPLE = {"en": "This is how I will sound.", "ja": "この速さで話します。"}
RATE_MIN, RATE_MAX, RATE_STEP = 80, 300, 20
#: "take your time": the pause that ends a spoken turn (speech.endpoint_silence_s)
PAUSES = (1.0, 1.5, 2.5, 3.5, 5.0)
#: interval steps, 0.5-10 s
INTERVALS = (0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)

#: (group text key, [(button id, key, action)])
GROUPS = (
    ("settings.group.voice", (
        ("language", "l", "cycle_language"),
        ("slower", "minus", "rate(-1)"),
        ("faster", "equals_sign", "rate(1)"),
        ("voice", "o", "toggle_voice"),
        ("voice-pick", "i", "pick_voice"),
    )),
    ("settings.group.time", (
        ("pause", "p", "cycle_pause"),
        ("push-to-finish", "w", "toggle_push_to_finish"),
    )),
    ("settings.group.scanning", (
        ("scanning", "s", "toggle_scanning"),
        ("interval-down", "left_square_bracket", "interval(-1)"),
        ("interval-up", "right_square_bracket", "interval(1)"),
        ("mode", "m", "cycle_mode"),
        ("auditory", "a", "toggle_auditory"),
        ("rounds", "g", "cycle_rounds"),
        ("item-rounds", "j", "cycle_item_rounds"),
        ("pause-first", "f", "toggle_pause_first"),
    )),
    ("settings.group.look", (
        ("theme", "t", "cycle_theme"),
        ("size", "z", "cycle_size"),
        ("self-voicing", "v", "toggle_self_voicing"),
        ("each-step", "e", "toggle_each_step"),
        ("shortcuts", "k", "toggle_shortcuts"),
    )),
    ("settings.group.people", (
        ("keymap", "y", "edit_keymap"),
        ("add-contact", "c", "add_contact"),
    )),
)
ROWS = tuple(row for _, rows in GROUPS for row in rows)


def _step(values: tuple[float, ...], current: float, direction: int) -> float:
    """The next value up or down a fixed list (the current one need not be on it)."""
    if direction > 0:
        return next((v for v in values if v > current + 1e-9), values[-1])
    return next((v for v in reversed(values) if v < current - 1e-9), values[0])


class SettingsScreen(VHScreen):
    MODE = "settings"
    BINDINGS = [Binding(key, action, show=False, id=f"settings.{bid}") for bid, key, action in ROWS]

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from self.nav()
        with VerticalScroll(id="settings-body"):
            for title, rows in GROUPS:
                group_id = title.rsplit(".", 1)[-1]
                with titled(AutoGrid(column_width=30, id=f"settings-{group_id}",
                                     classes="scan-group settings-group"), title):
                    for bid, key, _ in rows:
                        yield KeyButton("", app.key_for(f"settings.{bid}", key), id=f"set-{bid}")
            yield Static("", id="keymap-note", markup=False)
            yield titled(AutoGrid(column_width=30, id="contact-list", classes="scan-group settings-group"),
                         "settings.contacts_group")
        yield from self.status_lines()

    def on_mount(self) -> None:
        app: Any = self.app
        self.refresh_labels()
        self.show_status(app.t("settings.hint", file=get_paths().settings_file.name))

    def refresh_texts(self) -> None:
        self.refresh_labels()
        app: Any = self.app
        self.show_status(app.t("settings.hint", file=get_paths().settings_file.name))

    def refresh_labels(self) -> None:
        app: Any = self.app
        st = app.settings
        t = app.t

        def on_off(flag: bool) -> str:
            return t("common.on") if flag else t("common.off")

        def value(name: str, v: str) -> str:
            return t("compose.field_value", name=t(name), value=v)

        silent = bool(app.sound_problem)
        speech = st.speech
        labels = {  # a button wraps rather than cut its label; "large" puts fewer per row
            "language": value("settings.language", t(f"settings.lang.{st.language}")),
            "slower": t("settings.slower"),
            "faster": t("settings.faster"),
            "voice": value("settings.voice", on_off(st.voice.enabled)),
            "voice-pick": value("settings.voice_name", _short(st.voice.voice_en) or t("settings.default")),
            "pause": value("settings.pause", t("settings.seconds", s=f"{speech.endpoint_silence_s:g}")),
            "push-to-finish": value("settings.push_to_finish", on_off(bool(getattr(speech, "push_to_finish", False)))),
            "scanning": value("settings.scanning", on_off(st.scanning.enabled)),
            "interval-down": t("settings.scan_faster"),
            "interval-up": t("settings.scan_slower"),
            "mode": value("settings.mode", t(f"settings.modes.{st.scanning.mode}")),
            "auditory": value("settings.auditory", on_off(st.scanning.auditory)
                              + (t("settings.no_sound_suffix") if silent and st.scanning.auditory else "")),
            "rounds": value("settings.rounds", str(st.scanning.max_rounds)),
            "item-rounds": value("settings.item_rounds", str(st.scanning.item_rounds)),
            "pause-first": value("settings.pause_first", on_off(st.scanning.pause_first)),
            "theme": value("settings.theme", t(f"settings.themes.{st.ui.theme}")),
            "size": value("settings.size", t(f"settings.sizes.{st.ui.text_size}")),
            "self-voicing": value("settings.self_voicing", on_off(st.ui.self_voicing)
                                  + (t("settings.no_sound_suffix") if silent and st.ui.self_voicing else "")),
            "each-step": value("settings.each_step", on_off(st.ui.speak_each_step)),
            "shortcuts": value("settings.shortcuts", on_off(st.ui.shortcuts)),
            "keymap": t("settings.keymap"),
            "add-contact": t("settings.add_contact"),
        }
        for bid, text in labels.items():
            self.query_one(f"#set-{bid}", KeyButton).set_text(text)
        self.query_one("#settings-voice").border_title = t("settings.group.voice_rate", rate=st.voice.rate)
        self.query_one("#settings-scanning").border_title = t(
            "settings.group.scanning_every", s=f"{st.scanning.interval_s:g}")
        remaps = t("common.list_sep").join(f"{k} = {v or t('common.off')}" for k, v in st.ui.keymap.items())
        self.query_one("#keymap-note", Static).update(literal(t("settings.keys_note", keys=remaps or t("settings.defaults"))))
        self.call_later(self._show_contacts)

    async def _show_contacts(self) -> None:
        app: Any = self.app
        box = self.query_one("#contact-list", AutoGrid)
        await box.remove_children()
        buttons = [KeyButton(app.t("settings.contact_line", name=c.name, relation=app.t(f"relation.{c.relation}"),
                                   channel=app.t(f"channel.{c.channel or 'file'}"))
                             + (app.t("settings.emergency_suffix") if c.emergency else ""), "",
                             id=f"contact-{i}", classes="contact")
                   for i, c in enumerate(app.settings.contacts)]
        if buttons:
            await box.mount_all(buttons)
        else:
            await box.mount(Static(app.t("settings.no_contacts"), classes="empty", markup=False))

    def _changed(self, what: str, *, apply: bool = False) -> None:
        app: Any = self.app
        try:
            app.save()
        except Exception as exc:
            app.show_result(app.t("settings.not_saved", reason=exc))
            return
        if apply:
            app.apply_settings()
        self.refresh_labels()
        app.show_result(what)

    # --- the choices ----------------------------------------------------------------------

    def action_cycle_language(self) -> None:
        app: Any = self.app
        st = app.settings
        order = ("auto", "en", "ja")
        st.language = order[(order.index(st.language) + 1) % len(order)] if st.language in order else "auto"
        app.relabel()
        self._changed(app.t("compose.field_value", name=app.t("settings.language"),
                            value=app.t(f"settings.lang.{st.language}")))

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
        self._changed(app.t("settings.rate_now", rate=v.rate))
        lang = app.lang
        app.say(SAMPLE[lang], lang, force=True, announce=True)  # the spoken sample, at the new rate

    def action_pick_voice(self) -> None:
        app: Any = self.app
        self.show_status(app.t("settings.finding_voices"))
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
            app.show_result(app.t("settings.no_voices", reason=problem))
            return
        self.show_status(app.t("settings.voices_found", n=len(choices)))

        def done(choice: Choice | None) -> None:
            if choice is None:
                return
            app.settings.voice.voice_en = choice.value or ""
            self._changed(app.t("compose.field_value", name=app.t("settings.voice_name"),
                                value=choice.label or app.t("settings.default")))
            app.say(SAMPLE["en"], "en", force=True, announce=True)  # hear the new voice at once

        app.push_screen(PickerScreen(app.t("settings.choose_voice"), choices, allow_typing=False), done)

    def action_toggle_voice(self) -> None:
        app: Any = self.app
        v = app.settings.voice
        v.enabled = not v.enabled
        self._changed(app.t("compose.field_value", name=app.t("settings.voice"),
                            value=app.t("common.on") if v.enabled else app.t("common.off")))

    def action_cycle_pause(self) -> None:
        app: Any = self.app
        sp = app.settings.speech
        current = float(sp.endpoint_silence_s)
        nxt = next((p for p in PAUSES if p > current + 1e-9), PAUSES[0])
        sp.endpoint_silence_s = nxt
        self._changed(app.t("settings.pause_now", s=f"{nxt:g}"))

    def action_toggle_push_to_finish(self) -> None:
        app: Any = self.app
        sp = app.settings.speech
        if not hasattr(sp, "push_to_finish"):
            app.show_result(app.t("settings.not_available"))
            return
        sp.push_to_finish = not sp.push_to_finish
        phrase = str(getattr(sp, "finish_phrase", "") or "")
        key = "settings.push_to_finish_on" if sp.push_to_finish else "settings.push_to_finish_off"
        self._changed(app.t(key, phrase=phrase or "—"))

    def _sound_warning(self, turned_on: bool) -> str:
        app: Any = self.app
        return app.t("settings.no_sound_warning") if turned_on and app.sound_problem else ""

    def action_toggle_scanning(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.enabled = not sc.enabled
        self._changed(app.t("settings.scanning_on") if sc.enabled else app.t("settings.scanning_off"), apply=True)

    def action_interval(self, direction: int) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.interval_s = clamp_interval(_step(INTERVALS, sc.interval_s, direction))
        edge = app.t("settings.limit") if sc.interval_s in (MIN_INTERVAL_S, MAX_INTERVAL_S) else ""
        self._changed(app.t("settings.interval_now", s=f"{sc.interval_s:g}") + edge, apply=True)

    def action_cycle_mode(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.mode = "two-switch" if sc.mode == "one-switch" else "one-switch"
        self._changed(app.t("compose.field_value", name=app.t("settings.mode"),
                            value=app.t(f"settings.modes.{sc.mode}")), apply=True)

    def action_toggle_auditory(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.auditory = not sc.auditory
        self._changed(app.t("compose.field_value", name=app.t("settings.auditory"),
                            value=app.t("common.on") if sc.auditory else app.t("common.off"))
                      + self._sound_warning(sc.auditory))

    def action_cycle_rounds(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.max_rounds = sc.max_rounds % 5 + 1
        self._changed(app.t("compose.field_value", name=app.t("settings.rounds"), value=str(sc.max_rounds)),
                      apply=True)

    def action_cycle_item_rounds(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.item_rounds = sc.item_rounds % 3 + 1
        self._changed(app.t("compose.field_value", name=app.t("settings.item_rounds"), value=str(sc.item_rounds)),
                      apply=True)

    def action_toggle_pause_first(self) -> None:
        app: Any = self.app
        sc = app.settings.scanning
        sc.pause_first = not sc.pause_first
        self._changed(app.t("compose.field_value", name=app.t("settings.pause_first"),
                            value=app.t("common.on") if sc.pause_first else app.t("common.off")), apply=True)

    def action_cycle_theme(self) -> None:
        app: Any = self.app
        ui = app.settings.ui
        ui.theme = "high-contrast" if ui.theme == "default" else "default"
        self._changed(app.t("compose.field_value", name=app.t("settings.theme"),
                            value=app.t(f"settings.themes.{ui.theme}")), apply=True)

    def action_cycle_size(self) -> None:
        app: Any = self.app
        ui = app.settings.ui
        ui.text_size = "large" if ui.text_size == "normal" else "normal"
        self._changed(app.t("settings.size_now", size=app.t(f"settings.sizes.{ui.text_size}")), apply=True)

    def action_toggle_self_voicing(self) -> None:
        app: Any = self.app
        ui = app.settings.ui
        ui.self_voicing = not ui.self_voicing
        self._changed(app.t("compose.field_value", name=app.t("settings.self_voicing"),
                            value=app.t("common.on") if ui.self_voicing else app.t("common.off"))
                      + self._sound_warning(ui.self_voicing))

    def action_toggle_each_step(self) -> None:
        app: Any = self.app
        ui = app.settings.ui
        ui.speak_each_step = not ui.speak_each_step
        self._changed(app.t("compose.field_value", name=app.t("settings.each_step"),
                            value=app.t("common.on") if ui.speak_each_step else app.t("common.off")))

    def action_toggle_shortcuts(self) -> None:
        app: Any = self.app
        ui = app.settings.ui
        ui.shortcuts = not ui.shortcuts
        self._changed(app.t("compose.field_value", name=app.t("settings.shortcuts"),
                            value=app.t("common.on") if ui.shortcuts else app.t("common.off")), apply=True)

    def action_add_contact(self) -> None:
        from .people import ContactScreen

        app: Any = self.app

        def done(contact: Any) -> None:
            if contact is None:
                return
            app.settings.contacts.append(contact)
            self._changed(app.t("settings.added", name=app.person(contact.name)))

        app.push_screen(ContactScreen(), done)

    def remove_contact(self, index: int) -> None:
        from ..widgets import ConfirmScreen

        app: Any = self.app
        contact = app.settings.contacts[index]

        def done(yes: bool | None) -> None:
            if yes:
                app.settings.contacts.remove(contact)
                self._changed(app.t("settings.removed", name=app.person(contact.name)))

        app.push_screen(ConfirmScreen(app.t("settings.remove_question", name=app.person(contact.name))), done)

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
            self._changed(app.t("settings.key_changed", what=bid, key=key or app.t("settings.default_key")),
                          apply=True)

        app.push_screen(KeymapScreen(dict(app.settings.ui.keymap), app.default_keys()), done)

    @on(Button.Pressed, ".contact")
    def _contact(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove_contact(int((event.button.id or "").removeprefix("contact-")))

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        bid = (event.button.id or "").removeprefix("set-")
        for row_id, _, action in ROWS:
            if row_id == bid:
                event.stop()
                await self.run_action(action)
                return


def _short(voice_id: str) -> str:
    return voice_id.rsplit("/", 1)[-1][:14]
