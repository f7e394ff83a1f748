"""The accessible Textual app: screens on digits, actions on letters, switch scanning, a voice.

Devices come in from outside (``speaker``, ``recognizer_factory``, ``source_factory``, ``log``,
``clock``) so the same app runs in production and under Pilot with recorded speech. Anything
missing leaves the rest usable and says why on screen.
"""

from __future__ import annotations

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
from .scanning import ScanGroup, Scanner, clamp_interval
from .services import (Core, default_recognizer_factory, default_source_factory,
                       default_speaker)
from .widgets import describe

#: Bindings whose keys are single characters: switched off together (WCAG 2.1.4).
SINGLE_KEY_PREFIXES = ("nav.", "app.read", "compose.", "phrases.", "history.", "settings.")
#: Keys that stay on even with shortcuts off: they are not character keys.
ALWAYS_ON = {"compose.speak"}


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
        Binding("0", "ask_quit", "Quit", id="nav.quit"),
        Binding("r", "read", "Read aloud / repeat", id="app.read"),
        Binding("x", "stop_speaking", "Stop voice", id="app.stop", show=False),
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
        # the real Speaker is built by the warm-up worker, so the first screen is not kept waiting
        self._own_speaker = speaker is None
        self.speaker = speaker
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
        self.scanner: Scanner[Widget] | None = None
        self._scan_timer: Any = None
        self._scan_group_widget: Widget | None = None
        self.current_name = "compose"
        self._pending_say: list[tuple[str, str | None]] = []

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
        self._warm_up()
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_after_refresh(self._restart_scan))
        self.apply_settings()
        self.push_screen("compose")

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False, name="warm-up")
    def _warm_up(self) -> None:
        """Build the voice and load the language model in the background, saying so."""
        worker = get_current_worker()
        if self._own_speaker and self.speaker is None:
            if self.settings.voice.enabled:
                speaker, why = default_speaker(self.settings)
                if worker.is_cancelled:
                    if speaker is not None:
                        speaker.close()
                    return
                self.speaker = speaker
                if why:
                    self.problems["voice"] = why
                pending, self._pending_say = self._pending_say, []
                for text, lang in pending:  # said before the voice was ready: say it now
                    self.call_from_thread(self.say, text, lang, force=True)
            else:
                self.problems["voice"] = "the voice is off in settings"
        if worker.is_cancelled:
            return
        self.call_from_thread(self.step_quiet, "Loading the language model…")
        try:
            self.core.warm_up()
        except Exception as exc:
            self.call_from_thread(self.step_quiet, f"Language model not loaded: {exc}")
            return
        if not worker.is_cancelled:
            self.call_from_thread(self.step_quiet, self.ready_text())

    def ready_text(self) -> str:
        problems = []
        if self.core.log is None:
            problems.append(f"drafts are not saved ({self.core.log_problem})")
        if not self.can_listen:
            problems.append(f"speech input unavailable: {self.listen_problem()}")
        if self.problems.get("voice"):
            problems.append(f"no voice: {self.problems['voice']}")
        if self.core.compose_problem:
            problems.append("composer not installed: your words are kept as they are")
        return "; ".join(problems) if problems else "Ready. Press Space to speak, or pick a phrase (2)."

    async def ready(self) -> None:
        """Wait for the warm-up worker (tests and benchmarks start from a ready app)."""
        for worker in list(self.workers):
            if worker.name == "warm-up":
                await worker.wait()

    def step_quiet(self, text: str) -> None:
        """Show what the app is doing in the status line (never spoken)."""
        show = getattr(self.screen, "show_status", None)
        if callable(show):
            show(text)

    def apply_settings(self) -> None:
        """Theme, text size, key map and scanning from the settings, live."""
        ui = self.settings.ui
        self.set_class(ui.theme == "high-contrast", "-high-contrast")
        self.set_class(ui.text_size == "large", "-large")
        keymap = dict(ui.keymap)
        keymap.setdefault("scan.select", self.settings.scanning.select_key)
        keymap.setdefault("scan.next", self.settings.scanning.next_key)
        self.set_keymap(keymap)
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
        for cls in (type(self), ComposeScreen, PhraseBoardScreen, HistoryScreen, SettingsScreen):
            for b in cls.BINDINGS:
                if isinstance(b, Binding) and b.id:
                    keys[b.id] = b.key
        return keys

    def key_for(self, binding_id: str, default: str) -> str:
        """The key a control shows: the user's remapping wins."""
        return self.settings.ui.keymap.get(binding_id, default)

    # --- navigation ---------------------------------------------------------------------

    def action_go(self, mode: str) -> None:
        self.go(mode)

    def go(self, mode: str) -> None:
        if mode not in ("compose", "phrases", "history", "settings"):
            self.show_result("Practice comes later.", speak=False)
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
        if not self.settings.ui.shortcuts and action in ("go", "read", "stop_speaking", "ask_quit"):
            return False
        return True

    def shortcuts_on(self, binding_id: str) -> bool:
        return self.settings.ui.shortcuts or binding_id in ALWAYS_ON

    # --- results and the voice ----------------------------------------------------------

    def show_result(self, text: str, *, speak: bool = True) -> None:
        """Every result is shown, kept for 'r', and spoken when self-voicing is on."""
        self.last_result = text
        screen = self.screen
        show = getattr(screen, "show_result", None)
        if callable(show):
            show(text)
        else:
            self.notify(text)
        if speak and self.settings.ui.self_voicing:
            self.say(text)

    def step(self, text: str) -> None:
        """A small building step: shown, spoken only when 'speak each step' is on."""
        screen = self.screen
        show = getattr(screen, "show_status", None)
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
            self.show_result("Nothing to read yet.", speak=False)
            return
        self.say(text, force=True)

    def action_stop_speaking(self) -> None:
        self.workers.cancel_group(self, "speech")
        if self.speaker is not None:
            try:
                self.speaker.stop()
            except Exception:
                pass

    def say(self, text: str, lang: str | None = None, *, force: bool = False) -> Worker[None] | None:
        """Speak through the Speaker in a worker; a new utterance replaces the old one."""
        if not text:
            return None
        self.spoken.append(text)
        if self.speaker is None and self._own_speaker and "voice" not in self.problems:
            self._pending_say.append((text, lang))  # the warm-up worker is still building it
            return None
        if self.speaker is None:
            if force:
                self.notify(f"Cannot speak: {self.problems.get('voice', 'no voice')}", severity="warning")
            return None
        if not self.settings.voice.enabled and not force:
            return None
        try:
            self.speaker.stop()
        except Exception:
            pass
        return self._speak_worker(text, lang)

    @work(thread=True, exclusive=True, group="speech", exit_on_error=False, name="speak")
    def _speak_worker(self, text: str, lang: str | None) -> None:
        """Queue the text and follow it until it is spoken, so the screen can say 'Speaking…'.

        The Speaker plays on its own thread; this worker only watches, checking for cancellation
        every 100 ms, and silences the voice when cancelled (Stop, a newer utterance, quitting).
        """
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        try:
            queued = self.speaker.say(text, lang=lang)
        except Exception as exc:
            if not worker.is_cancelled:
                self.call_from_thread(self.notify, f"Voice problem: {exc}", severity="warning")
            return
        if queued is False:
            return
        wait = getattr(self.speaker, "wait_idle", None)
        while callable(wait) and not worker.is_cancelled:
            if wait(0.1):
                return
        if worker.is_cancelled:
            try:
                self.speaker.stop()
            except Exception:
                pass

    # --- listening ----------------------------------------------------------------------

    @property
    def can_listen(self) -> bool:
        return self.recognizer_factory is not None and self.source_factory is not None

    def listen_problem(self) -> str:
        return (self.problems.get("speech") or self.problems.get("microphone")
                or "speech input is not available")

    def listen(self, lang: str, on_partial: Callable[[str], None],
               on_final: Callable[[str | None], None],
               on_status: Callable[[str], None]) -> Worker[None] | None:
        """Listen once in a thread worker; callbacks run on the UI thread."""
        if not self.can_listen:
            on_status(f"Cannot listen: {self.listen_problem()}")
            return None
        return self._listen_worker(lang, on_partial, on_final, on_status)

    def stop_listening(self) -> None:
        self.workers.cancel_group(self, "listen")

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False, name="listen")
    def _listen_worker(self, lang: str, on_partial: Callable[[str], None],
                       on_final: Callable[[str | None], None],
                       on_status: Callable[[str], None]) -> None:
        worker = get_current_worker()
        lang = lang if lang in ("en", "ja") else "en"  # "auto" listens with the English model
        try:
            recognizer = self._recognizers.get(lang)
            if recognizer is None:
                self.call_from_thread(on_status, "Loading speech model…")
                recognizer = self.recognizer_factory(lang)  # type: ignore[misc]
                self._recognizers[lang] = recognizer
            else:
                reset = getattr(recognizer, "reset", None)
                if callable(reset):
                    reset()  # a cancelled turn may have left audio in it
            if worker.is_cancelled:
                return
            from ..speech.endpoint import EndpointConfig, Endpointer, listen_once

            source = self.source_factory()  # type: ignore[misc]
            self.call_from_thread(on_status, "Listening… (Space to stop)")
            endpointer = Endpointer(EndpointConfig.from_settings(self.settings))
            result = listen_once(_CancellableSource(source, worker), recognizer, endpointer,
                                 on_partial=lambda t: (not worker.is_cancelled)
                                 and self.call_from_thread(on_partial, str(t)))
            if worker.is_cancelled:
                return
            text = getattr(result, "text", None) if result is not None else None
            self.call_from_thread(on_final, text)
        except Exception as exc:
            if not worker.is_cancelled:
                self.call_from_thread(on_status, f"Listening stopped: {exc}")
                self.call_from_thread(on_final, None)
        finally:
            close = getattr(locals().get("source"), "close", None)
            if callable(close):
                try:
                    close()
                except Exception:
                    pass

    # --- self-voicing -------------------------------------------------------------------

    def on_descendant_focus(self, event: Any) -> None:
        if self.settings.ui.self_voicing and not (self.scanner and self.settings.scanning.auditory
                                                  and self.scanner.running):
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
            return
        self.scanner = Scanner([], interval_s=sc.interval_s, max_rounds=sc.max_rounds,
                               debounce_s=sc.debounce_s, mode=sc.mode,
                               on_highlight=self._on_scan_highlight)
        if sc.mode == "one-switch":
            # check often, step exactly on the interval (the Scanner keeps the time)
            self._scan_timer = self.set_interval(min(0.1, clamp_interval(sc.interval_s) / 5),
                                                 self.scan_tick)
        self.call_after_refresh(self._restart_scan)

    def scan_groups(self) -> list[ScanGroup[Widget]]:
        """Groups are the containers marked .scan-group on the top screen, in screen order."""
        groups: list[ScanGroup[Widget]] = []
        for container in self.screen.query(".scan-group"):
            items = [w for w in container.query("*") if w.focusable and w.display and w.visible
                     and not isinstance(w, Container)]
            if items:
                name = str(container.border_title or container.id or "group")
                groups.append(ScanGroup(name, items, [describe(w) for w in items]))
        return groups

    def _restart_scan(self, tries: int = 5) -> None:
        if self.scanner is None:
            return
        groups = self.scan_groups()
        if not groups and tries > 0:  # the screen is still mounting
            self.call_after_refresh(self._restart_scan, tries - 1)
            return
        self.scanner.set_groups(groups, self.clock())
        self.scanner.start(self.clock())

    def scan_tick(self) -> None:
        if self.scanner is not None:
            self.scanner.tick(self.clock())

    def _on_scan_highlight(self, name: str, item: Widget | None) -> None:
        self._clear_scan_highlight()
        scanner = self.scanner
        if scanner is None:
            return
        if item is None:
            group = scanner.group
            if group is not None:
                container = group.items[0].parent
                while container is not None and not container.has_class("scan-group"):
                    container = container.parent
                if isinstance(container, Widget):
                    container.add_class("-scan-highlight")
                    self._scan_group_widget = container
                    group.items[0].focus(scroll_visible=True)
        else:
            item.focus()
        if self.settings.scanning.auditory:
            self.say(name)

    def _clear_scan_highlight(self) -> None:
        if self._scan_group_widget is not None:
            self._scan_group_widget.remove_class("-scan-highlight")
            self._scan_group_widget = None

    def action_scan_select(self) -> None:
        if self.scanner is None:
            return
        chosen = self.scanner.press_select(self.clock())
        if chosen is None:
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

    # --- quitting -----------------------------------------------------------------------

    def action_ask_quit(self) -> None:
        """Quit on one key (no chord), after a yes: the draft is already in the help log."""
        from .widgets import ConfirmScreen

        if isinstance(self.screen, ModalScreen):
            return

        async def done(yes: bool | None) -> None:
            if yes:
                await self.action_quit()

        self.push_screen(ConfirmScreen("Quit voice_helper? Your draft is kept in History."), done)

    async def action_quit(self) -> None:
        self.shutdown_workers()
        self.exit()

    def shutdown_workers(self) -> None:
        """Cancel speech and listening so no thread outlives the app."""
        self.workers.cancel_group(self, "listen")
        self.workers.cancel_group(self, "warm-up")
        self.action_stop_speaking()

    def on_unmount(self) -> None:
        self.shutdown_workers()
        if self._own_speaker and self.speaker is not None:
            close = getattr(self.speaker, "close", None)
            if callable(close):
                close()


class _CancellableSource:
    """Wraps an audio source so a cancelled worker stops reading frames at once."""

    def __init__(self, source: Any, worker: Worker[Any]) -> None:
        self._source = source
        self._worker = worker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)

    def __iter__(self) -> Any:
        frames = getattr(self._source, "frames", None)
        it = frames() if callable(frames) else iter(self._source)
        for frame in it:
            if self._worker.is_cancelled:
                return
            yield frame

    def frames(self) -> Any:
        return iter(self)
