"""The Textual UI driven by Pilot, as a person would: keys, the help log on disk, the voice.

The speaker is the real Speaker writing WAVs to a folder (no sound card here); the help log is a
real SQLite file; time is injected (a fixed ``now`` for deadlines, a fake monotonic clock for
scanning) so every run sees the same thing.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from voice_helper.config import Contact, Settings, load_settings
from voice_helper import store
from voice_helper.speech import audio, recognizers, tts
from voice_helper.ui.app import VoiceHelperApp

NOW = datetime(2026, 11, 23, 14, 0, 0)
SIZE = (100, 40)


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def log(tmp_path: Path) -> Any:
    with store.HelpLog.open(tmp_path / "log.sqlite3") as hl:
        yield hl


@pytest.fixture
def speaker(tmp_path: Path) -> Any:
    sp = tts.Speaker(Settings(), out_dir=tmp_path / "spoken")
    yield sp
    sp.close()


@pytest.fixture(scope="module")
def sphinx() -> Any:
    """One pocketsphinx recognizer for the module: loading its model is the slow part."""
    if not recognizers.pocketsphinx_available():
        pytest.fail("pocketsphinx is missing (pip install pocketsphinx)")
    return recognizers.open_recognizer("en", engine="pocketsphinx")


def sphinx_factory(rec: Any) -> Any:
    def factory(lang: str) -> Any:
        rec.reset()
        return rec

    return factory


def make_app(log: Any, speaker: Any, settings: Settings | None = None, **kw: Any) -> VoiceHelperApp:
    return VoiceHelperApp(settings=settings or Settings(), speaker=speaker, log=log,
                          now=lambda: NOW, **kw)


def said(app: VoiceHelperApp) -> list[str]:
    return list(app.spoken)


# --- navigation ---------------------------------------------------------------------------


async def test_digits_switch_screens_and_practice_is_reserved(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.focused is not None and app.focused.id == "speak"
        for key, name in (("2", "PhraseBoardScreen"), ("3", "HistoryScreen"), ("4", "SettingsScreen"),
                          ("1", "ComposeScreen")):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == name
        await pilot.press("5")
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.query_one("#nav-practice").disabled
        # the mouse works too
        await pilot.click("#nav-history")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


# --- compose ------------------------------------------------------------------------------


async def test_typing_composes_shows_card_and_autosaves_draft(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("i", "I", "space")  # typing works; the rest is pasted in for speed
        typed = app.screen.query_one("#typed")
        assert typed.value == "I "
        typed.value += "need help with the cash report by five"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.request is not None and screen.request.message
        assert screen.draft_id is not None
        entry = log.get(screen.draft_id)  # on disk before anything else is pressed
        assert entry.status == "draft"
        assert "cash report" in entry.transcript
        assert str(screen.query_one("#message").render()).strip() == screen.request.message.strip()
        # r reads the finished message aloud, one key
        await pilot.press("r")
        await pilot.pause()
        assert said(app)[-1] == screen.request.message


async def test_edit_fields_without_typing(log: Any, speaker: Any) -> None:
    settings = Settings(contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await pilot.press("w", "1")  # what is hard: first suggestion
        await pilot.press("a", "2")  # asks: second suggestion
        await pilot.press("o", "1")  # who: the first contact
        await pilot.press("b", "2")  # by when: "in 30 min"
        await pilot.press("d", "3")  # how long: 30 min
        await pilot.press("f", "1")  # what I offer
        await pilot.pause()
        s = screen.request.slots
        assert s.task == "the cash report"
        assert s.asks == ["take over for ten minutes"]
        assert s.recipient == "Tanaka"
        assert s.deadline.text == "in 30 min" and s.deadline.iso == "2026-11-23T14:30:00"
        assert s.duration_minutes == 30
        assert s.offer == "do the filing tomorrow"
        label = str(screen.query_one("#field-deadline").label)
        assert "in 30 min" in label and label.startswith("(b)")
        message = screen.request.message
        assert message, "the message is rendered from the picked fields"
        # live re-render: a different style changes the message, and the draft follows
        await pilot.press("t")
        await pilot.pause()
        assert screen.style == "workplace"
        assert screen.request.message != message
        entry = log.get(screen.draft_id)
        assert entry.message == screen.request.message
        assert entry.request.slots.deadline.iso == "2026-11-23T14:30:00"
        # Esc in a picker changes nothing
        await pilot.press("b", "escape")
        await pilot.pause()
        assert screen.request.slots.deadline.text == "in 30 min"


async def test_keep_copy_and_say_it_here(log: Any, speaker: Any, tmp_path: Path) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        screen.set_text("I need a hand lifting the boxes")
        await pilot.press("k")
        await pilot.pause()
        assert f"#{screen.draft_id}" in str(screen.query_one("#result").render())
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == screen.request.message
        await pilot.press("h")
        await pilot.pause()
        entry = log.get(screen.draft_id)
        assert entry.status == "sent" and entry.channel == "speak"
        assert speaker.wait_idle(30)
        wavs = sorted((tmp_path / "spoken").glob("*.wav"))
        assert wavs and wavs[-1].stat().st_size > 1000  # the voice really spoke it (to a file)
        # new words after sending make a new draft; the sent one is never rewritten
        sent_id = screen.draft_id
        screen.set_text("Could you check my report before five?")
        await pilot.pause()
        assert screen.draft_id != sent_id and log.get(sent_id).status == "sent"
        # start over asks first, and can be undone
        kept = screen.request.message
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")  # "No": nothing lost
        await pilot.pause()
        assert screen.request is not None and screen.request.message == kept
        await pilot.press("n", "y")
        await pilot.pause()
        assert screen.request is None
        assert "undo" in str(screen.query_one("#result").render()).lower()
        await pilot.press("u")
        await pilot.pause()
        assert screen.request.message == kept




async def test_send_needs_a_contact_then_uses_its_channel(log: Any, speaker: Any, vh_home: Path) -> None:
    settings = Settings(contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        screen.set_text("I'm stuck with the delivery form")
        await pilot.press("s")
        await pilot.pause()
        assert "pick a contact" in str(screen.query_one("#result").render())
        await pilot.press("o", "1", "s")
        await pilot.pause()
        entry = log.get(screen.draft_id)
        assert entry.status == "sent" and entry.channel == "file"
        assert "Sent (file)" in str(screen.query_one("#result").render())


# --- phrase board -------------------------------------------------------------------------


async def test_phrase_board_compose_and_save_in_three_presses(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        before = len(log.list())
        await pilot.press("2", "a", "k")  # board, tile a, keep
        await pilot.pause()
        entries = log.list()
        assert len(entries) == before + 1
        assert entries[0].message == "Could you give me a hand for a minute?"
        assert entries[0].status == "draft"
        assert said(app)[-1] == "Could you give me a hand for a minute?"  # pressing a tile speaks it


async def test_phrase_adapt_loads_compose_card(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "c", "a")  # tile c: "Could you open the cashbox?", adapt
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.request.message == "Could you open the cashbox?"
        assert app.screen.draft_id is not None


async def test_japanese_board_and_user_phrases(log: Any, speaker: Any, vh_home: Path) -> None:
    app = make_app(log, speaker, Settings(language="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2")
        await pilot.pause()
        tiles = [t.text for t in app.screen.query(".tile")]
        assert "今ちょっとしんどくて…少し話せる?" in tiles
        await pilot.press("plus")
        await pilot.pause()
        for ch in "abc":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert "abc" in [t.text for t in app.screen.query(".tile")]
        assert "abc" in (vh_home / "config" / "phrases_user.yaml").read_text(encoding="utf-8")
        assert oct((vh_home / "config" / "phrases_user.yaml").stat().st_mode & 0o777) == "0o600"


# --- history ------------------------------------------------------------------------------


async def test_history_filter_mark_and_stats(log: Any, speaker: Any) -> None:
    a = log.add_draft("first one")
    b = log.add_draft("second one")
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert screen.selected_id == b  # newest first, focused
        await pilot.press("down")
        await pilot.pause()
        assert screen.selected_id == a
        await pilot.press("y")  # helped, one press
        await pilot.pause()
        assert log.get(a).status == "helped"
        assert "helped 1" in str(screen.query_one("#stats").render())
        await pilot.press("f", "f", "f")  # all -> draft -> sent -> helped
        await pilot.pause()
        assert screen.status_filter == "helped"
        assert [int(w.id.removeprefix("entry-")) for w in screen.query(".entry")] == [a]
        await pilot.press("f")
        await pilot.pause()
        assert screen.status_filter == "declined" and not screen.query(".entry")


# --- settings, themes, keymap -------------------------------------------------------------


async def test_theme_and_size_switch_persist(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("4", "t")
        await pilot.pause()
        assert app.has_class("-high-contrast")
        await pilot.press("z")
        await pilot.pause()
        assert app.has_class("-large")
    saved = load_settings()
    assert saved.ui.theme == "high-contrast" and saved.ui.text_size == "large"
    app2 = make_app(log, speaker, saved)
    async with app2.run_test(size=SIZE) as pilot:
        await app2.ready()
        await pilot.pause()
        assert app2.has_class("-high-contrast") and app2.has_class("-large")


async def test_rate_change_speaks_a_sample(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("4", "equals_sign")
        await pilot.pause()
        assert app.settings.voice.rate == 180 and speaker.rate == 180
        assert said(app)[-1] == "This is how I will sound."
        assert load_settings().voice.rate == 180


async def test_shortcuts_off_and_remapped(log: Any, speaker: Any) -> None:
    settings = Settings()
    settings.ui.keymap = {"compose.keep": "f5", "nav.phrases": "f2"}
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        assert str(screen.query_one("#act-keep").label).startswith("(f5)")
        screen.set_text("Could you cover for me")
        await pilot.press("k")  # no longer bound
        await pilot.pause()
        assert "Kept" not in str(screen.query_one("#result").render())
        await pilot.press("f5")
        await pilot.pause()
        assert "Kept as draft" in str(screen.query_one("#result").render())
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"
        app.settings.ui.shortcuts = False
        await pilot.press("3")  # dictation typing a digit does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"  # no tile fired, no offer opened
        # the keyboard path without shortcuts: Tab/Enter still reach everything
        app.screen.query_one("#nav-history").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_self_voicing_names_controls_and_stays_quiet_while_building(log: Any, speaker: Any) -> None:
    settings = Settings()
    settings.ui.self_voicing = True
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("tab")
        await pilot.pause()
        assert said(app)[-1] == "or type it here, then Enter" or said(app)[-1].endswith("type it here, then Enter")
        n = len(said(app))
        app.screen.query_one("#speak").focus()
        await pilot.pause()
        await pilot.press("b", "2")  # a building step: not spoken
        await pilot.pause()
        assert not any("By when" in t for t in said(app)[n:])
        await pilot.press("k")  # a result: spoken
        await pilot.pause()
        assert said(app)[-1].startswith("Kept as draft")
        app.settings.ui.speak_each_step = True
        await pilot.press("d", "1")
        await pilot.pause()
        assert any(t.startswith("How long: 5 min") for t in said(app))


# --- switch scanning ----------------------------------------------------------------------


async def test_one_switch_scanning_selects_after_n_intervals(log: Any, speaker: Any) -> None:
    settings = Settings()
    settings.scanning.enabled = True
    settings.scanning.interval_s = 2.0
    settings.scanning.auditory = True  # speaks each highlighted name
    clock = FakeClock()
    app = make_app(log, speaker, settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.pause()
        names = [g.name for g in app.scanner.groups]
        assert names[:2] == ["Screens", "Speak"]
        # two intervals: Screens -> Speak -> The request
        for _ in range(2):
            clock.t += 2.0
            app.scan_tick()
        await pilot.pause()
        assert app.scanner.highlighted_name.startswith("The request")
        assert app.screen.query_one("#card").has_class("-scan-highlight")
        assert said(app)[-3:] == ["Screens", "Speak", "The request (press a letter to change a field)"]
        clock.t += 0.5
        await pilot.press("space")  # enter the group
        for _ in range(3):  # What is hard, I ask, Who, By when
            clock.t += 2.0
            app.scan_tick()
        await pilot.pause()
        assert app.focused.id == "field-deadline"
        assert said(app)[-1] == "By when: —"
        clock.t += 0.5
        await pilot.press("space")  # selects: opens the picker
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen"
        # inside the picker, scanning restarts on its groups: Suggestions -> choice 1, 2
        await pilot.pause()
        clock.t += 0.5
        await pilot.press("space")  # enter Suggestions
        clock.t += 2.0
        app.scan_tick()  # choice 2: "in 30 min"
        clock.t += 0.5
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.request.slots.deadline.text == "in 30 min"


async def test_two_switch_scanning_and_debounce(log: Any, speaker: Any) -> None:
    settings = Settings()
    settings.scanning.enabled = True
    settings.scanning.mode = "two-switch"
    settings.scanning.debounce_s = 0.3
    clock = FakeClock()
    app = make_app(log, speaker, settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.pause()
        clock.t += 60
        app.scan_tick()  # time alone moves nothing
        assert app.scanner.highlighted_name == "Screens"
        clock.t += 1
        await pilot.press("space")  # into Screens
        clock.t += 1
        await pilot.press("tab")  # Phrases
        clock.t += 0.1
        await pilot.press("tab")  # a tremor's second press: ignored
        assert app.scanner.highlighted_name.endswith("Phrases")
        clock.t += 1
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"


# --- workers ------------------------------------------------------------------------------


async def test_quit_while_speaking_leaves_no_worker_thread(log: Any, speaker: Any) -> None:
    before = set(threading.enumerate())
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        app.say("This is a long sentence that keeps the voice busy for a while. " * 8, force=True)
        await pilot.pause()
        workers = [w for w in app.workers if w.name == "speak"]
        assert workers and not workers[0].is_finished  # still following the voice
        await app.action_quit()
    assert workers[0].is_cancelled or workers[0].is_finished
    # no thread is still inside the app's worker code (a pool thread may idle; a worker may not)
    deadline = time.monotonic() + 3
    while True:
        busy = [tid for tid, frame in sys._current_frames().items()
                if tid != threading.get_ident() and _in_app_code(frame)]
        if not busy or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not busy, "a worker thread is still running after quit"
    new = {t for t in set(threading.enumerate()) - before if not t.daemon and not t.name.startswith("asyncio")}
    assert not new, new


def _in_app_code(frame: Any) -> bool:
    while frame is not None:
        if frame.f_code.co_filename.endswith(("voice_helper/ui/app.py",)):
            return True
        frame = frame.f_back
    return False


# --- speaking in: recorded speech through the real recognizer ------------------------------


async def test_speak_button_listens_to_recorded_speech(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("I need help with the boxes", pad_s=2.5)
    settings = Settings(language="en")
    settings.speech.engine = "pocketsphinx"
    app = make_app(log, speaker, settings,
                   recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav))  # the microphone's stand-in
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await pilot.press("space")  # listening runs in a worker; the UI keeps running
        for _ in range(200):
            await pilot.pause(0.05)
            if not screen.listening:
                break
        assert not screen.listening
        assert "boxes" in screen.transcript.lower()
        assert screen.request is not None and screen.request.message
        assert log.get(screen.draft_id).transcript == screen.transcript


async def test_quit_while_listening_stops_the_worker(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("Could you help me carry the boxes to the car this afternoon please", pad_s=6.0)
    app = make_app(log, speaker, Settings(language="en"),
                   recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav, realtime=True))  # paced like a microphone
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("space")
        for _ in range(200):
            await pilot.pause(0.05)
            if "Listening" in str(app.screen.query_one("#status").render()):
                break
        assert "Listening" in str(app.screen.query_one("#status").render())
        listening = [w for w in app.workers if w.name == "listen"]
        assert listening and not listening[0].is_finished
        await app.action_quit()
    deadline = time.monotonic() + 3
    while any(_in_app_code(f) for tid, f in sys._current_frames().items() if tid != threading.get_ident()):
        assert time.monotonic() < deadline, "the listening worker kept running after quit"
        time.sleep(0.05)


def test_cli_ui_without_a_terminal_says_so() -> None:
    from tests.conftest import run_cli

    out = run_cli("ui", input="")
    assert out.returncode == 2
    assert out.stderr.strip() == "voice-helper ui: the UI needs a terminal; for scripts use `voice-helper compose`"
    assert "Traceback" not in out.stderr


async def test_settings_add_contact_and_remap_a_key(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("4", "c")
        await pilot.pause()
        for ch in "Tanaka":
            await pilot.press(ch)
        await pilot.press("enter")  # to the next control: relation, chosen by presses
        app.screen.query_one("#contact-channel").focus()
        await pilot.press("enter")  # speak -> clipboard
        await pilot.pause(0.3)  # a button ignores a second press while it shows the first
        await pilot.press("enter")  # -> file
        app.screen.query_one("#contact-save").focus()
        await pilot.press("enter")
        await pilot.pause()
        saved = load_settings()
        assert [(c.name, c.relation, c.channel) for c in saved.contacts] == [("Tanaka", "colleague", "file")]
        # the key map: choose an action, press its new key; saved and live
        await pilot.press("y")
        await pilot.pause()
        app.screen.query_one("#km-compose-keep").focus()
        await pilot.press("enter", "f6")
        await pilot.pause()
        assert load_settings().ui.keymap == {"compose.keep": "f6"}
        await pilot.press("1")
        app.screen.set_text("Could you check the delivery form")
        await pilot.press("f6")
        await pilot.pause()
        assert "Kept as draft" in str(app.screen.query_one("#result").render())
        # removing a contact asks first
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one("#contact-0").focus()
        await pilot.press("enter", "y")
        await pilot.pause()
        assert load_settings().contacts == []


async def test_say_a_field_again(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("tomorrow morning", pad_s=2.5)
    app = make_app(log, speaker, Settings(language="en"),
                   recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await pilot.press("b", "s")  # by when: say it again
        for _ in range(200):
            await pilot.pause(0.05)
            if not screen.listening:
                break
        deadline = screen.request.slots.deadline
        assert deadline is not None and "tomorrow" in deadline.text.lower()
        assert deadline.iso is not None and deadline.iso.startswith("2026-11-24")  # parsed against NOW


async def test_crisis_shows_whom_to_call_and_history_reopens_a_draft(log: Any, speaker: Any) -> None:
    settings = Settings()
    settings.ui.self_voicing = True  # a result is spoken, so the person hears whom to call
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.pause()  # the focus on Speak is announced first
        screen = app.screen
        screen.set_text("I fell and I can't get up")
        await pilot.pause()
        shown = str(screen.query_one("#result").render())
        assert screen.request.crisis and "Call now" in shown and "911" in shown
        assert said(app)[-1] == shown
        draft = screen.draft_id
        # History: e opens a draft back in Compose, same draft id (edits update it)
        await pilot.press("n", "y", "3")
        await pilot.pause()
        assert app.screen.selected_id == draft
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.draft_id == draft and app.screen.request.crisis


async def test_damaged_user_phrase_file_keeps_the_board(log: Any, speaker: Any, vh_home: Path) -> None:
    (vh_home / "config").mkdir(parents=True, exist_ok=True)
    bad = vh_home / "config" / "phrases_user.yaml"
    bad.write_text("phrases: [unclosed\n", encoding="utf-8")
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2")
        await pilot.pause()
        assert "Could you give me a hand for a minute?" in [t.text for t in app.screen.query(".tile")]
        status = str(app.screen.query_one("#status").render())
        assert "phrases_user.yaml" in status and "not valid YAML" in status
    assert bad.read_text(encoding="utf-8") == "phrases: [unclosed\n"  # nothing overwritten


async def test_pick_a_voice_from_the_engine(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("4", "i")
        for _ in range(200):  # the engine starts in a worker
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "PickerScreen":
                break
        assert type(app.screen).__name__ == "PickerScreen", str(app.screen.query_one("#result").render())
        first = app.screen.choices[0]
        await pilot.press("1")
        await pilot.pause()
        assert app.settings.voice.voice_en == first.value and load_settings().voice.voice_en == first.value
        assert said(app)[-1] == "This is how I will sound."
