"""The accessible Textual app: screens on digits, actions on letters, switch scanning, a voice.

Devices come in from outside (``speaker``, ``recognizer_factory``, ``source_factory``, ``log``,
``clock``) so the same app runs in production and under Pilot with recorded speech. Anything
missing leaves the rest usable and says why on screen, in the UI's language.

Three promises shape this file (issue 14):
- nothing is lost: typed text is kept as a draft on every way out (0, Ctrl+Q, Ctrl+C, SIGTERM,
  a closed terminal), and every new request gets its own draft;
- nothing is claimed that did not happen: "said", "sent" and "spoken" are reported only after
  the voice played or the channel delivered, and a missing sound device or microphone is a
  lasting notice, not a silent failure;
- nothing freezes: listening, speaking and sending run in thread workers, so keys, Stop and
  scanning keep working.
"""

from __future__ import annotations

import asyncio
import copy
import os
import signal
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.containers import Container
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input
from textual.worker import Worker, get_current_worker

from ..config import Settings, load_settings, save_settings
from ..request import HelpRequest, Urgency
from . import i18n
from .presets import Choice
from .scanning import ScanGroup, Scanner
from .services import (Core, Sent, default_recognizer_factory, default_source_factory,
                       default_speaker, probe_microphone, probe_sound)
from .widgets import ConfirmScreen, PickerScreen, describe, relabel_tree

#: Keys that stay on even with shortcuts off: they are not character keys.
ALWAYS_ON = {"compose.speak"}
SCREENS = ("compose", "phrases", "history", "settings", "practice", "progress")


class VoiceHelperApp(App[None]):
    """voice_helper's terminal UI."""

    CSS_PATH = "app.tcss"
    TITLE = "voice_helper"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        Binding("1", "go('compose')", "Compose", id="nav.compose"),
        Binding("2", "go('phrases')", "Phrases", id="nav.phrases"),
        Binding("3", "go('history')", "History", id="nav.history"),
        Binding("4", "go('settings')", "Settings", id="nav.settings"),
        Binding("5", "go('practice')", "Practice", id="nav.practice"),
        Binding("0", "ask_quit", "Quit", id="nav.quit"),
        # chords are not single-key shortcuts: they always ask, never quit on the spot
        Binding("ctrl+q", "ask_quit_chord", "Quit", priority=True, show=False, id="app.quit_chord"),
        Binding("ctrl+c", "ask_quit_chord", "Quit", priority=True, show=False, id="app.quit_c"),
        Binding("r", "read", "Read aloud / repeat", id="app.read"),
        Binding("x", "stop_speaking", "Stop voice", id="app.stop", show=False),
        Binding("u", "undo", "Undo", id="app.undo", show=False),
        Binding("space", "scan_select", "Scan: select", id="scan.select", priority=True, show=False),
        Binding("tab", "scan_next", "Scan: next", id="scan.next", priority=True, show=False),
    ]

    def __init__(self, settings: Settings | None = None, speaker: Any | None = None,
                 recognizer_factory: Callable[[str], Any] | None = None,
                 source_factory: Callable[[], Any] | None = None, log: Any | None = None,
                 clock: Callable[[], float] | None = None,
                 now: Callable[[], datetime] | None = None, *, save: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else load_settings()
        self.save_enabled = save
        self.clock = clock or time.monotonic
        self.now = now or datetime.now
        self.core = Core(self.settings, log=log, clock=self.now)
        self.problems: dict[str, str] = {}
        self._warmed = asyncio.Event()  # set when the warm-up worker has finished
        # the real Speaker is built by the warm-up worker, so the first screen is not kept waiting
        self._own_speaker = speaker is None
        self.speaker = speaker
        self._probe_mic = source_factory is None
        if recognizer_factory is None:
            recognizer_factory, why = default_recognizer_factory(self.settings)
            if why:
                self.problems["speech"] = why
        if source_factory is None:
            source_factory, why = default_source_factory(self.settings)
            if why:
                self.problems["microphone"] = why
        self.recognizer_factory = recognizer_factory
        self.source_factory = source_factory
        self._recognizers: dict[str, Any] = {}
        self.last_result = ""
        self.spoken: list[str] = []  # what the app asked the voice to say, newest last
        self.unspoken: list[tuple[str, str]] = []  # (text, why) the voice could not say
        self.sound_problem = ""  # why nothing can be heard here ("" while it seems fine)
        self.notices: dict[str, str] = {}  # lasting notices (no sound, no microphone)
        self.scanner: Scanner[Widget] | None = None
        self._scan_timer: Any = None
        self._scan_marked: list[tuple[Widget, str]] = []
        self.current_name = "compose"
        self._pending_say: list[tuple[str, str | None]] = []
        self._unspoken_lock = threading.Lock()
        self._signals: list[int] = []
        self._quiet_focus: list[Widget] = []  # focus moves the app made, not to be announced
        self._hook_speaker(self.speaker)
        if "microphone" in self.problems:
            self._set_notice("mic", self.t("mic.none_notice"))

    # --- language -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The UI's language: the setting, or the locale when it is "auto"."""
        return i18n.ui_language(self.settings.language)

    def t(self, text_key: str, /, **values: Any) -> str:
        return i18n.t(self.lang, text_key, **values)

    def person(self, name: str) -> str:
        """A person's name as the UI says it (「田中さん」 in Japanese)."""
        return i18n.person(self.lang, name)

    def relabel(self) -> None:
        """After a change of language: every screen's words again, in the new language."""
        for name in SCREENS:
            screen = self.get_screen(name)
            if screen.is_mounted:
                relabel_tree(screen)
                refresh = getattr(screen, "refresh_texts", None)
                if callable(refresh):
                    refresh()
        if "mic" in self.notices:
            self._set_notice("mic", self.t("mic.none_notice"))
        if "sound" in self.notices:
            self._set_notice("sound", self.t("sound.none_notice"))

    # --- start-up -----------------------------------------------------------------------

    def on_mount(self) -> None:
        from .screens.compose import ComposeScreen
        from .screens.history import HistoryScreen
        from .screens.phrase_board import PhraseBoardScreen
        from .screens.settings import SettingsScreen

        # installed screens + switch_screen, not modes: a first switch to a mode re-parses all CSS
        self.install_screen(ComposeScreen(), "compose")
        self.install_screen(PhraseBoardScreen(), "phrases")
        self.install_screen(HistoryScreen(), "history")
        self.install_screen(SettingsScreen(), "settings")
        from .screens.practice import PracticeScreen
        from .screens.progress import ProgressScreen

        self.install_screen(PracticeScreen(), "practice")
        self.install_screen(ProgressScreen(), "progress")
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_after_refresh(self._screen_changed))
        self.apply_settings()
        self.push_screen("compose")
        self._install_signal_handlers()
        # the slow parts (the voice, the devices, the language model) start once the first
        # screen is on the terminal: a thread still competes with the first paint for the CPU
        self.call_after_refresh(lambda: self.call_after_refresh(self._warm_up))

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False, name="warm-up")
    def _warm_up(self) -> None:
        """Build the voice, look for a sound device and a microphone, load the language model."""
        try:
            self._warm_up_steps()
        finally:
            try:
                self.call_from_thread(self._warmed.set)
            except RuntimeError:
                pass  # the app is gone

    def _warm_up_steps(self) -> None:
        worker = get_current_worker()
        quiet = self._status_serial  # the start-up lines never cover what the person just did
        if self._own_speaker and self.speaker is None:
            if self.settings.voice.enabled:
                speaker, why = default_speaker(self.settings)
                if worker.is_cancelled:
                    if speaker is not None:
                        speaker.close()
                    return
                self._hook_speaker(speaker)
                self.speaker = speaker
                if why:
                    self.problems["voice"] = why
            else:
                self.problems["voice"] = "off"
        if self.speaker is not None:
            why = probe_sound(self.speaker)
            if why and not worker.is_cancelled:
                self.call_from_thread(self._no_sound, why)
        elif self.settings.voice.enabled and not worker.is_cancelled:
            self.call_from_thread(self._no_sound, self.problems.get("voice", "no voice"))
        pending, self._pending_say = self._pending_say, []
        for text, lang in pending:  # said before the voice was ready: say it now
            if not worker.is_cancelled:
                self.call_from_thread(self.say, text, lang, force=True)
        if self._probe_mic and self.source_factory is not None and not worker.is_cancelled:
            why = probe_microphone(self.settings)
            if why:
                self.problems["microphone"] = why
                self.call_from_thread(self._set_notice, "mic", self.t("mic.none_notice"))
        if worker.is_cancelled:
            return
        quiet = self.call_from_thread(self._say_if_quiet, quiet, self.t("status.loading_model"))
        try:
            from ..nlu import classifier
        except ImportError:  # no composer: nothing to train
            classifier = None

        def first_training() -> None:  # the first start after installing trains for ~half a minute
            nonlocal quiet
            if not worker.is_cancelled:
                quiet = self.call_from_thread(self._say_if_quiet, quiet, self.t("status.preparing_model"))

        if classifier is not None:
            saved, classifier.on_first_training = classifier.on_first_training, first_training
        try:
            self.core.warm_up()
        except Exception as exc:
            self.call_from_thread(self._say_if_quiet, quiet, self.t("status.model_failed", reason=exc))
            return
        finally:
            if classifier is not None:
                classifier.on_first_training = saved
        if not worker.is_cancelled:
            # "ready" only if nothing newer was shown meanwhile (a key pressed, a request composed)
            self.call_from_thread(self._say_if_quiet, quiet, self.ready_text())

    _status_serial = 0

    def _say_if_quiet(self, serial: int, text: str) -> int:
        """Show a start-up line unless the status changed since ``serial``; the new serial."""
        if self._status_serial == serial:
            self.step_quiet(text)
            return self._status_serial
        return -1

    def ready_text(self) -> str:
        problems = []
        if self.core.log is None:
            problems.append(self.t("status.no_log", reason=self.core.log_problem))
        if not self.can_listen and "microphone" not in self.problems:  # the notice says that one
            problems.append(self.t("status.no_listen"))
        if self.sound_problem and self.settings.voice.enabled:
            problems.append(self.t("status.no_sound"))
        if self.core.compose_problem:
            problems.append(self.t("status.no_composer"))
        sep = self.t("common.separator")
        return sep.join(problems) if problems else self.t("status.ready")

    async def ready(self) -> None:
        """Wait for the warm-up (tests and benchmarks start from a ready app)."""
        await self._warmed.wait()

    def screen_text(self) -> str:
        """What the terminal shows right now, as plain text (tests and benchmarks read it)."""
        import io

        from rich.console import Console

        width, height = self.size
        console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                          color_system=None, record=True, legacy_windows=False, safe_box=False)
        console.print(self.screen._compositor.render_update(
            full=True, screen_stack=self._background_screens))
        return console.export_text()

    def step_quiet(self, text: str) -> None:
        """Show what the app is doing in the status line (never spoken)."""
        self._status_serial += 1
        show = getattr(self.screen, "show_status", None)
        if callable(show):
            show(text)

    style_generation = 0  # changes with the theme or size: screens restyle when they come back

    def apply_settings(self) -> None:
        """Theme, text size, key map and scanning from the settings, live."""
        ui = self.settings.ui
        self.style_generation += 1
        self.set_class(ui.theme == "high-contrast", "-high-contrast")
        self.set_class(ui.text_size == "large", "-large")
        keymap = dict(ui.keymap)
        keymap.setdefault("scan.select", self.settings.scanning.select_key)
        keymap.setdefault("scan.next", self.settings.scanning.next_key)
        self.set_keymap(keymap)
        from .widgets import AutoGrid

        for screen in self.screen_stack:
            for grid in screen.query(AutoGrid):
                grid.fit()
        for name in SCREENS:
            try:
                screen = self.get_screen(name)
            except KeyError:
                continue
            if screen.is_mounted:
                for grid in screen.query(AutoGrid):
                    grid.fit()
        self._setup_scanning()

    def save(self) -> None:
        if self.save_enabled:
            save_settings(self.settings)

    def default_keys(self) -> dict[str, str]:
        """Every binding id the app and its screens declare, with its built-in key."""
        from .screens.compose import ComposeScreen
        from .screens.history import HistoryScreen
        from .screens.phrase_board import PhraseBoardScreen
        from .screens.settings import SettingsScreen

        keys: dict[str, str] = {}
        from .screens.practice import PracticeScreen
        from .screens.progress import ProgressScreen

        for cls in (type(self), ComposeScreen, PhraseBoardScreen, HistoryScreen, SettingsScreen,
                    PracticeScreen, ProgressScreen):
            for b in cls.BINDINGS:
                if isinstance(b, Binding) and b.id:
                    keys[b.id] = b.key
        return keys

    def key_for(self, binding_id: str, default: str) -> str:
        """The key a control shows: the user's remapping wins."""
        return self.settings.ui.keymap.get(binding_id, default)

    # --- lasting notices ----------------------------------------------------------------

    def _set_notice(self, kind: str, text: str) -> None:
        if text:
            self.notices[kind] = text
        else:
            self.notices.pop(kind, None)
        self._show_notices()

    def notice_text(self) -> str:
        return "\n".join(self.notices[k] for k in ("sound", "mic") if k in self.notices)

    def _show_notices(self) -> None:
        for name in SCREENS:
            try:
                screen = self.get_screen(name)
            except KeyError:
                continue
            show = getattr(screen, "show_notice", None)
            if screen.is_mounted and callable(show):
                show(self.notice_text())

    # --- navigation ---------------------------------------------------------------------

    def action_go(self, mode: str) -> None:
        self.go(mode)

    def go(self, mode: str) -> None:
        if mode not in SCREENS:
            return
        if isinstance(self.screen, ModalScreen):
            return  # a question is open: answer or close it first
        if self.current_name != mode:
            self.current_name = mode
            self.switch_screen(mode)

    def screen_named(self, name: str) -> Any:
        return self.get_screen(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scan_select":
            return self.scanner is not None and self.settings.scanning.enabled
        if action == "scan_next":  # one-switch mode leaves Tab to the keyboard path
            return (self.scanner is not None and self.settings.scanning.enabled
                    and self.settings.scanning.mode == "two-switch")
        if not self.settings.ui.shortcuts and action in ("go", "read", "stop_speaking", "ask_quit", "undo"):
            return False
        return True

    def shortcuts_on(self, binding_id: str) -> bool:
        return self.settings.ui.shortcuts or binding_id in ALWAYS_ON

    def _screen_changed(self) -> None:
        self._show_notices()
        self._restart_scan()

    # --- results and the voice ----------------------------------------------------------

    def show_result(self, text: str, *, speak: bool = True) -> None:
        """Every result is shown, kept for 'r', and spoken when self-voicing is on."""
        self.last_result = text
        show = getattr(self.screen, "show_result", None)
        if callable(show):
            show(text)
        else:
            # a dialog is open: the result goes to the screen under it, and a toast
            for screen in reversed(self.screen_stack):
                under = getattr(screen, "show_result", None)
                if callable(under):
                    under(text)
                    break
            self.notify(text)
        if speak and self.settings.ui.self_voicing:
            self.say(text)

    def step(self, text: str) -> None:
        """A small building step: shown, spoken only when 'speak each step' is on."""
        self._status_serial += 1
        show = getattr(self.screen, "show_status", None)
        if callable(show):
            show(text)
        if self.settings.ui.self_voicing and self.settings.ui.speak_each_step:
            self.say(text)

    def action_read(self) -> None:
        """Read the finished message (or the last result) aloud: one key, always."""
        text = ""
        speakable = getattr(self.screen, "speakable_text", None)
        if callable(speakable):
            text = speakable() or ""
        text = text or self.last_result
        if not text:
            self.show_result(self.t("read.nothing"), speak=False)
            return
        self.step_quiet(self.t("read.reading"))
        self.say(text, force=True, announce=True)

    def action_stop_speaking(self) -> None:
        self.workers.cancel_group(self, "speech")
        if self.speaker is not None:
            try:
                self.speaker.stop()
            except Exception:
                pass

    def action_undo(self) -> None:
        """u anywhere: the screen's undo, or a plain "nothing to undo here"."""
        undo = getattr(self.screen, "undo", None)
        if callable(undo):
            undo()
        else:
            self.show_result(self.t("undo.nothing_here"))

    def _hook_speaker(self, speaker: Any) -> None:
        """Hear from the Speaker what it could not say (no device, no engine)."""
        if speaker is None or not hasattr(speaker, "on_unspoken"):
            return
        previous = getattr(speaker, "on_unspoken", None)

        def unspoken(text: str, why: str) -> None:
            if previous is not None:
                try:
                    previous(text, why)
                except Exception:
                    pass
            if not text:
                return  # an informational notice (e.g. which engine speaks Japanese)
            with self._unspoken_lock:
                self.unspoken.append((text, why))
            try:
                self.call_from_thread(self._no_sound, why)
            except RuntimeError:
                pass  # the app is closing, or this is the UI thread

        speaker.on_unspoken = unspoken

    def _no_sound(self, why: str) -> None:
        first = not self.sound_problem
        self.sound_problem = why or "no sound"
        self._set_notice("sound", self.t("sound.none_notice"))
        if first:
            refresh = getattr(self.get_screen("settings"), "refresh_labels", None)
            if callable(refresh) and self.get_screen("settings").is_mounted:
                refresh()

    @property
    def can_speak(self) -> bool:
        """False when it is known that nothing can be heard (no device, no engine, voice off)."""
        return self.speaker is not None and not self.sound_problem

    def say(self, text: str, lang: str | None = None, *, force: bool = False, announce: bool = False,
            on_done: Callable[[bool], None] | None = None) -> Worker[None] | None:
        """Speak through the Speaker in a worker; a new utterance replaces the old one.

        ``announce``: when nothing could be spoken, say so in the result line (a key the person
        pressed to hear something). ``on_done(spoken)`` runs on the UI thread afterwards.
        """
        if not text:
            return None
        from ..speech.speakable import speakable

        text = speakable(text, lang or self.lang) or text
        self.spoken.append(text)
        if self.speaker is None and self._own_speaker and "voice" not in self.problems \
                and self.settings.voice.enabled and not self.sound_problem:
            self._pending_say.append((text, lang))  # the warm-up worker is still building it
            return None
        if self.speaker is None or (not self.settings.voice.enabled and not force):
            if self.speaker is None and (force or announce):
                self._not_spoken(self.problems.get("voice", "no voice"), announce, on_done)
            elif on_done is not None:
                on_done(False)
            return None
        if self.sound_problem and (force or announce):
            # known: nothing can be heard. Say so now instead of pretending.
            self._not_spoken(self.sound_problem, announce, on_done)
            return None
        try:
            self.speaker.stop()
        except Exception:
            pass
        return self._speak_worker(text, lang, announce, on_done)

    def _not_spoken(self, why: str, announce: bool, on_done: Callable[[bool], None] | None) -> None:
        if why and why != "off":
            self._no_sound(why)
        if announce:
            self.show_result(self.t("sound.none_result"), speak=False)
        if on_done is not None:
            on_done(False)

    @work(thread=True, exclusive=True, group="speech", exit_on_error=False, name="speak")
    def _speak_worker(self, text: str, lang: str | None, announce: bool,
                      on_done: Callable[[bool], None] | None) -> None:
        """Queue the text and follow it until it is spoken, so the screen knows what happened.

        The Speaker plays on its own thread; this worker only watches, checking for cancellation
        every 100 ms, and silences the voice when cancelled (Stop, a newer utterance, quitting).
        """
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        with self._unspoken_lock:
            before = len(self.unspoken)
        try:
            queued = self.speaker.say(text, lang=lang)
        except Exception as exc:
            if not worker.is_cancelled:
                self.call_from_thread(self._not_spoken, f"voice problem: {exc}", announce, on_done)
            return
        if queued is False:
            return
        wait = getattr(self.speaker, "wait_idle", None)
        while callable(wait) and not worker.is_cancelled:
            if wait(0.1):
                break
        if worker.is_cancelled:
            try:
                self.speaker.stop()
            except Exception:
                pass
            return
        with self._unspoken_lock:
            failed = [why for said, why in self.unspoken[before:]]
        if failed:
            self.call_from_thread(self._not_spoken, failed[-1], announce, on_done)
        elif on_done is not None:
            self.call_from_thread(on_done, True)

    # --- listening ----------------------------------------------------------------------

    @property
    def can_listen(self) -> bool:
        return (self.recognizer_factory is not None and self.source_factory is not None
                and "microphone" not in self.problems)

    def listen_problem(self) -> str:
        return (self.problems.get("microphone") or self.problems.get("speech")
                or "speech input is not available")

    def cannot_listen_text(self) -> str:
        if "microphone" in self.problems:
            return self.t("mic.none_result")
        return self.t("listen.unavailable", reason=self.listen_problem())

    def listen(self, lang: str, on_partial: Callable[[str], None],
               on_final: Callable[[str | None], None],
               on_status: Callable[[str], None]) -> Worker[None] | None:
        """Listen once in a thread worker; callbacks run on the UI thread."""
        if not self.can_listen:
            on_status(self.cannot_listen_text())
            return None
        return self._listen_worker(lang, on_partial, on_final, on_status)

    def stop_listening(self) -> None:
        """Cancel listening: what was heard is dropped (quitting, leaving the screen)."""
        self.workers.cancel_group(self, "listen")

    def finish_listening(self) -> None:
        """"I have said it": end the turn now and keep what was heard (Space while listening).

        With push-to-finish (settings) this is the only way a turn ends besides the finish
        phrase, so a long pause never cuts anyone off.
        """
        source = self._listen_source
        if source is not None:
            source.finished = True
        else:
            self.stop_listening()

    _listen_source: _CancellableSource | None = None

    def _mic_failed(self, why: str, on_final: Callable[[str | None], None]) -> None:
        self.problems["microphone"] = why
        self._set_notice("mic", self.t("mic.none_notice"))
        on_final(None)

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False, name="listen")
    def _listen_worker(self, lang: str, on_partial: Callable[[str], None],
                       on_final: Callable[[str | None], None],
                       on_status: Callable[[str], None]) -> None:
        worker = get_current_worker()
        lang = lang if lang in ("en", "ja") else "en"  # "auto" listens with the English model
        source = None
        try:
            try:
                source = self.source_factory()  # type: ignore[misc]
            except Exception as exc:  # no microphone: say so, never "nothing heard"
                if not worker.is_cancelled:
                    self.call_from_thread(self._mic_failed, str(exc), on_final)
                return
            recognizer = self._recognizers.get(lang)
            if recognizer is None:
                self.call_from_thread(on_status, self.t("listen.loading"))
                recognizer = self.recognizer_factory(lang)  # type: ignore[misc]
                self._recognizers[lang] = recognizer
            else:
                reset = getattr(recognizer, "reset", None)
                if callable(reset):
                    reset()  # a cancelled turn may have left audio in it
            if worker.is_cancelled:
                return
            from ..speech.endpoint import EndpointConfig, Endpointer, listen_once

            self.call_from_thread(on_status, self.t("listen.listening"))
            endpointer = Endpointer(EndpointConfig.from_settings(self.settings))
            self._listen_source = wrapped = _CancellableSource(source, worker)
            result = listen_once(wrapped, recognizer, endpointer,
                                 on_partial=lambda t: (not worker.is_cancelled)
                                 and self.call_from_thread(on_partial, str(t)))
            if worker.is_cancelled:
                return
            text = getattr(result, "text", None) if result is not None else None
            self.call_from_thread(on_final, text)
        except Exception as exc:
            if not worker.is_cancelled:
                self.call_from_thread(on_status, self.t("listen.stopped", reason=exc))
                self.call_from_thread(on_final, None)
        finally:
            self._listen_source = None
            close = getattr(source, "close", None)
            if callable(close):
                try:
                    close()
                except Exception:
                    pass

    # --- sending: one way in every screen -------------------------------------------------

    def send_flow(self, recipient: str | None, prepare: Callable[[str], int | None],
                  done: Callable[[Sent], None] | None = None) -> None:
        """``s`` anywhere: pick the helper when there is none, always ask "Send to Sato?", then
        send in a worker (keys, Stop and scanning keep working) and say truthfully what happened.

        ``prepare(name)`` addresses the request to ``name``, saves it and returns its log id.
        """
        contact = self.settings.contact(recipient)
        if contact is None:
            if not self.settings.contacts:
                self.show_result(self.t("send.no_contacts"))
                return
            choices = [Choice(c.name, c.name) for c in self.settings.contacts]

            def picked(choice: Choice | None) -> None:
                if choice is not None and choice.value:
                    self.send_flow(str(choice.value), prepare, done)
                else:
                    self.show_result(self.t("send.not_sent"))

            self.push_screen(PickerScreen(self.t("send.who"), choices, allow_typing=False,
                                          allow_clear=False), picked)
            return
        channel = contact.channel or "file"
        who = self.person(contact.name)
        detail = self.t(f"send.how.{channel}", name=who)

        def answer(yes: bool | None) -> None:
            if not yes:
                self.show_result(self.t("send.not_sent"))
                return
            draft_id = prepare(contact.name)
            if draft_id is None:
                self.show_result(self.t("send.cannot", reason=self.core.log_problem))
                return
            self.step(self.t("send.sending", name=who))
            self.sending = True
            self._send_worker(draft_id, contact.name, done)

        self.push_screen(ConfirmScreen(self.t("send.confirm", name=who), detail=detail,
                                       yes=self.t("send.yes"), no=self.t("send.no")), answer)

    sending = False

    @work(thread=True, group="send", exit_on_error=False, name="send")
    def _send_worker(self, draft_id: int, name: str, done: Callable[[Sent], None] | None) -> None:
        sent = self.core.deliver(draft_id, None, self.speaker)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._sent, sent, name, done)

    def _sent(self, sent: Sent, name: str, done: Callable[[Sent], None] | None) -> None:
        self.sending = False
        self.step_quiet("")
        self.show_result(self.sent_text(sent, self.person(name)))
        if done is not None:
            done(sent)
        history = self.get_screen("history")
        if history.is_mounted and self.screen is history:
            self.call_later(history.reload)

    def sent_text(self, sent: Sent, name: str) -> str:
        """What happened, in words that never claim more: "Sent" only when it reached a person."""
        if sent.reached:
            return self.t("send.sent", name=name, channel=self.t(f"channel.{sent.channel}"))
        if sent.ok and sent.channel == "file":
            return self.t("send.saved_outbox", name=name)
        if sent.ok and sent.channel == "clipboard":
            return self.t("send.copied_only", name=name)
        if sent.ok and sent.channel == "speak":
            return self.t("send.spoken")
        return self.t("send.failed", name=name, reason=sent.reason or "?")

    def speak_here(self, draft_id: int) -> None:
        """``h``: say the request to the person in the room; "said" only once it was heard."""
        if not self.can_speak:
            self._not_spoken(self.sound_problem or self.problems.get("voice", "no voice"), True, None)
            return
        self.step(self.t("here.saying"))
        self._speak_here_worker(draft_id)

    @work(thread=True, exclusive=True, group="speech", exit_on_error=False, name="speak-here")
    def _speak_here_worker(self, draft_id: int) -> None:
        sent = self.core.speak_here(draft_id, self.speaker)
        if get_current_worker().is_cancelled:
            return
        if sent.ok:
            self.call_from_thread(self.show_result, self.t("here.said"), speak=False)
        elif "could not speak" in sent.reason or "no voice" in sent.reason:
            self.call_from_thread(self._not_spoken, sent.reason, True, None)
        else:
            self.call_from_thread(self.show_result, self.t("here.failed", reason=sent.reason))

    # --- emergencies (issue 11) -------------------------------------------------------------

    def crisis_resources(self, request: HelpRequest) -> list[Any]:
        """Whom to call, first first: the request's own list, else the region's defaults."""
        if request.resources:
            return list(request.resources)
        try:
            from ..nlu import crisis_resources

            return list(crisis_resources(self.settings.region_for(request.language), self.settings,
                                         kind=request.crisis_kind))
        except Exception:
            return []

    def handle_urgency(self, request: HelpRequest, update: Callable[[HelpRequest], None]) -> None:
        """A crisis: whom to call first, then the emergency contacts. Unsure: ask first."""
        if request.crisis:
            self.crisis(request)
        elif request.urgency == Urgency.CHECK:
            self.ask_safe(request, update)

    def ask_safe(self, request: HelpRequest, update: Callable[[HelpRequest], None]) -> None:
        """"Are you safe right now?" by one key or the mouse, no time limit. No, Esc or anything
        unclear counts as not safe: the numbers are shown and it is treated as a crisis."""
        from .crisis import SafetyScreen

        resources = self.crisis_resources(request)
        first = resources[0] if resources else None
        if self.settings.ui.self_voicing:
            self.say(self.t("safety.question_spoken"))

        def answered(safe: bool | None) -> None:
            if safe:
                if first is not None:
                    self.show_result(self.t("safety.ok", number=first.number, name=first.name))
                return
            crisis = copy.deepcopy(request)
            crisis.crisis = True
            crisis.urgency = Urgency.CRITICAL
            crisis.crisis_kind = crisis.crisis_kind or "crisis"
            crisis.resources = resources
            try:
                crisis.message = self.core.render(crisis, None, None)
            except Exception:
                pass
            update(crisis)
            self.crisis(crisis)

        self.push_screen(SafetyScreen(resources), answered)

    def crisis(self, request: HelpRequest) -> None:
        """Whom to call first (shown, and spoken digit by digit when self-voicing), then the
        emergency contacts offered first; each send reported as it really went."""
        from .crisis import crisis_offer

        crisis_offer(self, request)

    # --- self-voicing -------------------------------------------------------------------

    def focus_quietly(self, widget: Widget) -> None:
        """Move the focus without self-voicing announcing it (the app put it back after an
        action, or a dialog opened with its question spoken; a name would talk over it)."""
        if widget.screen.focused is not widget:  # no focus event comes for the focused one
            self._quiet_focus.append(widget)
        widget.focus()

    def on_descendant_focus(self, event: Any) -> None:
        if event.widget in self._quiet_focus:
            self._quiet_focus.remove(event.widget)
            return
        if self.settings.ui.self_voicing and not (self.scanner and self.settings.scanning.auditory
                                                  and (self.scanner.running or self.scanner.paused)):
            self.say(describe(event.widget))

    # --- switch scanning ----------------------------------------------------------------

    def _setup_scanning(self) -> None:
        sc = self.settings.scanning
        if self._scan_timer is not None:
            self._scan_timer.stop()
            self._scan_timer = None
        if not sc.enabled:
            if self.scanner is not None:
                self.scanner.stop()
            self._clear_scan_highlight()
            self.scanner = None
            self._show_scan_state()
            return
        self.scanner = Scanner([], interval_s=sc.interval_s, max_rounds=sc.max_rounds,
                               item_rounds=sc.item_rounds, pause_first=sc.pause_first,
                               debounce_s=sc.debounce_s, mode=sc.mode,
                               on_highlight=self._on_scan_highlight, on_pause=self._on_scan_pause)
        if sc.mode == "one-switch":
            # check often, step exactly on the interval (the Scanner keeps the time)
            self._scan_timer = self.set_interval(0.1, self.scan_tick)
        self.call_after_refresh(self._restart_scan)

    def scan_groups(self) -> list[ScanGroup[Widget]]:
        """Groups are the containers marked .scan-group on the top screen, in screen order."""
        groups: list[ScanGroup[Widget]] = []
        for container in self.screen.query(".scan-group"):
            if not container.display:
                continue
            items = [w for w in container.query("*") if w.focusable and w.display and w.visible
                     and not isinstance(w, Container) and not w.disabled
                     and all(a.display for a in w.ancestors_with_self if isinstance(a, Widget))]
            if items:
                name = str(container.border_title or container.id or "group")
                groups.append(ScanGroup(name, items, [describe(w) for w in items]))
        return groups

    def _restart_scan(self, tries: int = 5) -> None:
        if self.scanner is None:
            self._show_scan_state()
            return
        groups = self.scan_groups()
        if not groups and tries > 0:  # the screen is still mounting
            self.call_after_refresh(self._restart_scan, tries - 1)
            return
        self.scanner.set_groups(groups, self.clock())
        if not self.scanner.running and not self.scanner.paused:
            self.scanner.start(self.clock())
        self._show_scan_state()

    def scan_tick(self) -> None:
        if self.scanner is not None:
            self.scanner.tick(self.clock())

    def _mark(self, widget: Widget, cls: str) -> None:
        widget.add_class(cls)
        self._scan_marked.append((widget, cls))

    def _on_scan_highlight(self, name: str, item: Widget | None) -> None:
        self._clear_scan_highlight()
        scanner = self.scanner
        if scanner is None:
            return
        group = scanner.group
        container = None
        if group is not None and group.items:
            container = group.items[0].parent
            while container is not None and not container.has_class("scan-group"):
                container = container.parent
        paused = scanner.paused
        if item is None:
            if isinstance(container, Widget):
                self._mark(container, "-scan-highlight")
                if paused:
                    self._mark(container, "-scan-paused")
                container.scroll_visible(animate=False)
            self.screen.set_focus(None)
        else:
            if isinstance(container, Widget):
                self._mark(container, "-scan-within")
            self._mark(item, "-scan-item")
            if paused:
                self._mark(item, "-scan-paused")
            item.focus(scroll_visible=True)
        if self.settings.scanning.auditory and not paused:
            self.say(name)
        self._show_scan_state()

    def _on_scan_pause(self, paused: bool) -> None:
        self._show_scan_state()
        if paused and (self.settings.scanning.auditory or self.settings.ui.self_voicing):
            self.say(self.t("scan.paused_spoken"))

    def _show_scan_state(self) -> None:
        sc = self.scanner
        text = ""
        if sc is not None and self.settings.scanning.enabled:
            if sc.paused:
                text = self.t("scan.paused")
            elif sc.running:
                key = "scan.running_two" if sc.mode == "two-switch" else "scan.running"
                text = self.t(key, name=sc.highlighted_name)
        for name in SCREENS:
            try:
                screen = self.get_screen(name)
            except KeyError:
                continue
            show = getattr(screen, "show_scan_state", None)
            if screen.is_mounted and callable(show):
                show(text)

    def _clear_scan_highlight(self) -> None:
        for widget, cls in self._scan_marked:
            widget.remove_class(cls)
        self._scan_marked = []

    def action_scan_select(self) -> None:
        if self.scanner is None:
            return
        chosen = self.scanner.press_select(self.clock())
        if chosen is None:
            self._show_scan_state()
            return
        self._clear_scan_highlight()
        screen = self.screen
        if isinstance(chosen, Button):
            chosen.press()
        elif isinstance(chosen, Input):
            chosen.focus()
        # a new screen restarts scanning through screen_change_signal; otherwise restart here
        self.call_after_refresh(lambda: self.screen is screen and self._restart_scan())

    def action_scan_next(self) -> None:
        if self.scanner is not None:
            self.scanner.press_next(self.clock())
            self._show_scan_state()

    # --- quitting: the draft is kept on every way out -----------------------------------------

    def flush_drafts(self) -> None:
        """Keep whatever is typed but not yet submitted as a draft, now."""
        try:
            screen = self.get_screen("compose")
        except Exception:
            return
        flush = getattr(screen, "flush", None)
        if callable(flush) and screen.is_mounted:
            try:
                flush()
            except Exception:
                pass

    def action_ask_quit_chord(self) -> None:
        self.action_ask_quit()

    def action_ask_quit(self) -> None:
        """Quit on one key (no chord), after a yes; what is typed is kept as a draft first."""
        if isinstance(self.screen, ConfirmScreen) and getattr(self.screen, "quitting", False):
            return
        if isinstance(self.screen, ModalScreen):
            return
        self.flush_drafts()

        async def done(yes: bool | None) -> None:
            if yes:
                await self.action_quit()

        confirm = ConfirmScreen(self.t("quit.question"), detail=self.t("quit.detail"),
                                yes=self.t("quit.yes"), no=self.t("quit.no"))
        confirm.quitting = True  # type: ignore[attr-defined]
        self.push_screen(confirm, done)

    async def action_quit(self) -> None:
        self.flush_drafts()
        self.shutdown_workers()
        self.exit()

    def _install_signal_handlers(self) -> None:
        """SIGTERM and a closed terminal (SIGHUP) keep the draft, then end the app cleanly."""
        if self.is_headless or threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self._on_signal)
                self._signals.append(sig)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def _on_signal(self) -> None:
        self.flush_drafts()
        self.shutdown_workers()
        # The drafts are committed; if the terminal is gone and a clean exit cannot finish (no tty
        # to restore, a worker thread still blocked), end the process rather than linger.
        timer = threading.Timer(5.0, os._exit, (0,))
        timer.daemon = True
        timer.start()
        self.exit()

    def shutdown_workers(self) -> None:
        """Cancel speech and listening so no thread outlives the app."""
        self.workers.cancel_group(self, "listen")
        self.workers.cancel_group(self, "warm-up")
        self.action_stop_speaking()

    def on_unmount(self) -> None:
        self.flush_drafts()
        self.shutdown_workers()
        if self._signals:
            try:
                loop = asyncio.get_running_loop()
                for sig in self._signals:
                    loop.remove_signal_handler(sig)
            except RuntimeError:
                pass
        if self._own_speaker and self.speaker is not None:
            close = getattr(self.speaker, "close", None)
            if callable(close):
                close()


class _CancellableSource:
    """Wraps an audio source so a cancelled worker stops reading frames at once, and a
    finished turn (``finished``) ends like a source that ran out: what was heard is kept."""

    def __init__(self, source: Any, worker: Worker[Any]) -> None:
        self._source = source
        self._worker = worker
        self.finished = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)

    def __iter__(self) -> Any:
        frames = getattr(self._source, "frames", None)
        it = frames() if callable(frames) else iter(self._source)
        for frame in it:
            if self._worker.is_cancelled or self.finished:
                return
            yield frame

    def frames(self) -> Any:
        return iter(self)
