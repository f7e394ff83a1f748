"""The Textual UI driven by Pilot, as a person would: keys, the mouse, the help log on disk, the voice.

The speaker is the real Speaker writing WAVs to a folder (no sound card here); the help log is a
real SQLite file; time is injected (a fixed ``now`` for deadlines, a fake monotonic clock for
scanning) so every run sees the same thing. Issue 14's failures have their own tests in
``test_ui_issue14.py``, emergencies in ``test_ui_crisis.py``, the languages in
``test_ui_language.py``.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.test_ui_support import (SIZE, FakeClock, log, make_app, rendered, result_text, said,  # noqa: F401
                                   screen_text, silent_speaker, speaker, sphinx, sphinx_factory, status_text,
                                   type_text, type_request, wait_for)
from voice_helper.config import Contact, Settings, load_settings
from voice_helper.speech import audio


# --- navigation ---------------------------------------------------------------------------


async def test_digits_and_the_mouse_switch_screens(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.focused is not None and app.focused.id == "speak"
        for key, name in (("2", "PhraseBoardScreen"), ("3", "HistoryScreen"), ("4", "SettingsScreen"),
                          ("5", "PracticeScreen"), ("1", "ComposeScreen")):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == name
        await pilot.click("#nav-history")  # the mouse works too
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


# --- compose ------------------------------------------------------------------------------


async def test_typing_composes_shows_the_message_and_autosaves(log: Any, speaker: Any) -> None:
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
        await pilot.press("r")  # r reads the finished message aloud, one key
        await pilot.pause()
        assert said(app)[-1] == screen.request.message


async def test_edit_fields_without_typing(log: Any, speaker: Any) -> None:
    settings = Settings(language="en", contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await type_request(pilot, "I can't finish the cash report")
        await pilot.press("a", "2")  # asks: second suggestion
        await pilot.press("o", "1")  # who: the first contact
        await pilot.press("b", "2")  # by when: "in 30 min"
        await pilot.press("d", "3")  # how long: 30 min
        await pilot.press("f", "1")  # what I offer
        await pilot.pause()
        s = screen.request.slots
        assert s.asks == ["take over for ten minutes"]
        assert s.recipient == "Tanaka"
        assert s.deadline.text == "in 30 min" and s.deadline.iso == "2026-11-23T14:30:00"
        assert s.duration_minutes == 30
        assert s.offer == "do the filing tomorrow"
        label = rendered(screen.query_one("#field-deadline"))
        assert "in 30 min" in label and label.startswith("(b)")
        message = screen.request.message
        assert "Tanaka" in message, message  # the composer re-rendered from the edited slots
        # live re-render: a different style changes the message, and the draft follows
        await pilot.press("t")
        await pilot.pause()
        assert screen.style == "workplace"
        assert screen.request.message != message
        entry = log.get(screen.draft_id)
        assert entry.message == screen.request.message and entry.recipient == "Tanaka"
        assert entry.request.slots.deadline.iso == "2026-11-23T14:30:00"
        # Esc in a picker changes nothing; u undoes the last change
        await pilot.press("b", "escape")
        await pilot.pause()
        assert screen.request.slots.deadline.text == "in 30 min"
        await pilot.press("u")
        await pilot.pause()
        assert screen.style is None and "Undone" in result_text(app)


async def test_keep_copy_and_start_over_with_undo(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await type_request(pilot, "I need a hand lifting the boxes")
        await pilot.press("k")
        await pilot.pause()
        assert f"#{screen.draft_id}" in result_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == screen.request.message
        kept = screen.request.message
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")  # "No": nothing lost
        await pilot.pause()
        assert screen.request is not None and screen.request.message == kept
        await pilot.press("n", "y")
        await pilot.pause()
        assert screen.request is None
        assert "undo" in result_text(app).lower()
        await pilot.press("u")
        await pilot.pause()
        assert screen.request.message == kept


async def test_say_it_here_is_logged_once_it_was_said(log: Any, speaker: Any, tmp_path: Path) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await type_request(pilot, "I need a hand lifting the boxes")
        await pilot.press("h")
        await wait_for(pilot, lambda: "Said it aloud" in result_text(app), 30, "said")
        entry = log.get(screen.draft_id)
        assert entry.status == "sent" and entry.channel == "speak"
        wavs = sorted((tmp_path / "spoken").glob("*.wav"))
        assert wavs and wavs[-1].stat().st_size > 1000  # the voice really spoke it (to a file)
        sent_id = screen.draft_id
        await pilot.press("t")  # a change after saying it: a new draft; the said one stays
        await pilot.pause()
        assert screen.draft_id != sent_id and log.get(sent_id).status == "sent"


async def test_send_asks_who_then_uses_the_contacts_channel(log: Any, speaker: Any, vh_home: Path) -> None:
    settings = Settings(language="en", contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await type_request(pilot, "I'm stuck with the delivery form")
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen" and "Send to whom?" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Send to Tanaka?" in screen_text(app)
        assert "only saved in the outbox" in screen_text(app)  # what will happen, said first
        await pilot.press("y")
        await wait_for(pilot, lambda: "outbox" in result_text(app), 10, "the send result")
        entry = log.get(screen.draft_id)
        assert entry.recipient == "Tanaka" and entry.channel == "file"
        assert screen.request.slots.recipient == "Tanaka"
        assert "not sent to Tanaka" in result_text(app)
        assert list((vh_home / "data" / "outbox").glob("*.json"))


async def test_send_with_no_contacts_says_nothing_was_sent(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await type_request(pilot, "could someone check the delivery form")
        await pilot.press("s")
        await pilot.pause()
        assert "nothing was sent" in result_text(app)
        assert log.list()[0].status == "draft"


# --- phrase board -------------------------------------------------------------------------


async def test_phrase_board_compose_and_save_in_three_presses(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "f", "k")  # board, tile f ("I'm in pain."), keep
        await pilot.pause()
        entries = log.list()
        assert [(e.message, e.status) for e in entries] == [("I'm in pain.", "draft")]
        assert said(app)[-1] == "I'm in pain."  # pressing a tile says it
        await wait_for(pilot, lambda: "Said:" in status_text(app) + result_text(app)
                       or "Kept" in result_text(app), 20, "a result")


async def test_quick_answers_are_only_said_and_r_repeats(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "a")  # "Yes."
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"  # no send/keep offer for "yes"
        assert said(app)[-1] == "Yes."
        await wait_for(pilot, lambda: "Said: Yes." in result_text(app), 20, "said")
        await pilot.press("r")  # repeat the last
        await pilot.pause()
        assert said(app)[-1] == "Yes." and said(app).count("Yes.") == 2
        assert log.list() == []


async def test_recent_messages_on_6_to_9(log: Any, speaker: Any) -> None:
    log.add_draft("old one")
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "c")  # "Wait a moment, please."
        await pilot.pause()
        recent = [t.text for t in app.screen.query(".recent") if t.display]
        assert recent[0] == "Wait a moment, please."
        await pilot.press("6")  # say it again from the recent list
        await pilot.pause()
        assert said(app)[-1] == "Wait a moment, please."
        assert "(6) Wait a moment, please." in screen_text(app)


async def test_phrase_adapt_loads_compose(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "h", "a")  # tile h: "Could I have some water?", adapt
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.request.message == "Could I have some water?"
        assert app.screen.draft_id is not None


async def test_user_phrases_are_added_and_kept_private(log: Any, speaker: Any, vh_home: Path) -> None:
    app = make_app(log, speaker, Settings(language="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2")
        await pilot.pause()
        tiles = [t.text for t in app.screen.query(".tile")]
        assert "今ちょっとしんどくて…少し話せる？" in tiles
        await pilot.press("plus")
        await pilot.pause()
        for ch in "abc":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert "abc" in [t.text for t in app.screen.query(".tile")]
        assert "abc" in (vh_home / "config" / "phrases_user.yaml").read_text(encoding="utf-8")
        assert oct((vh_home / "config" / "phrases_user.yaml").stat().st_mode & 0o777) == "0o600"


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
        status = status_text(app)
        assert "phrases_user.yaml" in status and "not valid YAML" in status
    assert bad.read_text(encoding="utf-8") == "phrases: [unclosed\n"  # nothing overwritten


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
        assert "Filter: helped" in rendered(screen.query_one("#filter"))
        await pilot.press("f")
        await pilot.pause()
        assert screen.status_filter == "declined" and not screen.query(".entry")


async def test_history_reopens_a_draft_and_sends_after_asking(log: Any, speaker: Any) -> None:
    settings = Settings(language="en", contacts=[Contact("Ken", relation="friend", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await type_request(pilot, "could Ken bring the ladder")
        draft = app.screen.draft_id
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.selected_id == draft
        await pilot.press("s")
        await pilot.pause()
        assert "Send to Ken?" in screen_text(app)
        await pilot.press("y")
        await wait_for(pilot, lambda: "outbox" in result_text(app), 10, "sent")
        await pilot.press("e")  # open it again: it was sent, so editing makes a new draft
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposeScreen"
        assert app.screen.draft_id != draft and log.get(draft).status == "sent"


# --- settings, themes, keymap -------------------------------------------------------------


async def test_theme_and_size_switch_persist(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.query_one("#message").styles.border_top[0] == "round"
        await pilot.press("4", "t")
        await pilot.pause()
        assert app.has_class("-high-contrast")
        await pilot.press("1")  # a screen built before the change shows the new theme too
        await pilot.pause()
        assert app.screen.query_one("#message").styles.border_top[0] == "thick"
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert app.has_class("-large")
        await pilot.click("#set-theme")  # the mouse too
        await pilot.pause()
        assert not app.has_class("-high-contrast")
        # A button ignores a second click while its press effect shows (Textual's ~0.2 s: a
        # tremor's double click is one press); a person's next click comes after it.
        button = app.screen.query_one("#set-theme")
        while button.has_class("-active"):
            await pilot.pause(0.05)
        await pilot.click("#set-theme")
        await pilot.pause()
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
        assert "speed 180" in str(app.screen.query_one("#settings-voice").border_title)


async def test_take_your_time_settings(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        before = app.settings.speech.endpoint_silence_s
        await pilot.press("4", "p")
        await pilot.pause()
        assert app.settings.speech.endpoint_silence_s > before
        assert load_settings().speech.endpoint_silence_s == app.settings.speech.endpoint_silence_s
        await pilot.press("w")
        await pilot.pause()
        assert app.settings.speech.push_to_finish and load_settings().speech.push_to_finish
        assert "press Space" in result_text(app)


async def test_shortcuts_off_and_remapped(log: Any, speaker: Any) -> None:
    settings = Settings(language="en")
    settings.ui.keymap = {"compose.keep": "f5", "nav.phrases": "f2"}
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        assert rendered(screen.query_one("#act-keep")).startswith("(F5)")
        await type_request(pilot, "Could you cover for me")
        await pilot.press("k")  # no longer bound
        await pilot.pause()
        assert "Kept" not in result_text(app)
        await pilot.press("f5")
        await pilot.pause()
        assert "Kept as draft" in result_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"
        app.settings.ui.shortcuts = False
        await pilot.press("3")  # dictation typing a digit does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"
        await pilot.press("m")
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"  # no tile fired, no offer opened
        # the keyboard path without shortcuts: Tab/Enter still reach everything
        app.screen.query_one("#nav-history").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_self_voicing_names_controls_and_speaks_results(log: Any, speaker: Any) -> None:
    settings = Settings(language="en")
    settings.ui.self_voicing = True
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("tab")
        await pilot.pause()
        assert said(app)[-1].endswith("type it here, then Enter")
        app.screen.query_one("#speak").focus()
        await type_request(pilot, "could someone check my report")
        n = len(said(app))
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
        await pilot.pause(0.3)
        app.screen.query_one("#contact-emergency").focus()
        await pilot.press("enter")  # an emergency contact
        app.screen.query_one("#contact-save").focus()
        await pilot.press("enter")
        await pilot.pause()
        saved = load_settings()
        assert [(c.name, c.relation, c.channel, c.emergency) for c in saved.contacts] == \
            [("Tanaka", "colleague", "file", True)]
        assert "emergency contact" in rendered(app.screen.query_one("#contact-0"))
        # the key map: choose an action, press its new key; saved and live
        await pilot.press("y")
        await pilot.pause()
        app.screen.query_one("#km-compose-keep").focus()
        await pilot.press("enter", "f6")
        await pilot.pause()
        assert load_settings().ui.keymap == {"compose.keep": "f6"}
        await pilot.press("1")
        await type_request(pilot, "Could you check the delivery form")
        await pilot.press("f6")
        await pilot.pause()
        assert "Kept as draft" in result_text(app)
        # removing a contact asks first
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one("#contact-0").focus()
        await pilot.press("enter", "y")
        await pilot.pause()
        assert load_settings().contacts == []


async def test_pick_a_voice_from_the_engine(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("4", "i")
        for _ in range(200):  # the engine starts in a worker
            await pilot.pause(0.05)
            if type(app.screen).__name__ == "PickerScreen":
                break
        assert type(app.screen).__name__ == "PickerScreen", result_text(app)
        first = app.screen.choices[0]
        await pilot.press("1")
        await pilot.pause()
        assert app.settings.voice.voice_en == first.value and load_settings().voice.voice_en == first.value
        assert said(app)[-1] == "This is how I will sound."


# --- switch scanning ----------------------------------------------------------------------


async def test_one_switch_scanning_selects_after_n_intervals(log: Any, speaker: Any) -> None:
    settings = Settings(language="en")
    settings.scanning.enabled = True
    settings.scanning.interval_s = 2.0
    settings.scanning.auditory = True  # speaks each highlighted name
    clock = FakeClock()
    app = make_app(log, speaker, settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.pause()
        names = [g.name for g in app.scanner.groups]
        assert names[:4] == ["Screens", "Speak", "Do it", "The request (a letter changes a field)"]
        assert "Scanning: Screens" in screen_text(app)
        for _ in range(3):  # Screens -> Speak -> Do it -> The request
            clock.t += 2.0
            app.scan_tick()
        await pilot.pause()
        assert app.scanner.highlighted_name.startswith("The request")
        assert app.screen.query_one("#card").has_class("-scan-highlight")
        assert said(app)[-3:] == ["Speak", "Do it", "The request (a letter changes a field)"]
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
    settings = Settings(language="en")
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


def _in_app_code(frame: Any) -> bool:
    while frame is not None:
        if frame.f_code.co_filename.endswith(("voice_helper/ui/app.py",)):
            return True
        frame = frame.f_back
    return False


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


# --- speaking in: recorded speech through the real recognizer ------------------------------


async def test_speak_button_listens_to_recorded_speech(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("I need help with the boxes", pad_s=2.5)
    settings = Settings(language="en")
    settings.speech.engine = "pocketsphinx"
    app = make_app(log, speaker, settings, recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav))  # the microphone's stand-in
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await pilot.press("space")  # listening runs in a worker; the UI keeps running
        await wait_for(pilot, lambda: not screen.listening, 10, "the end of the turn")
        assert "boxes" in screen.transcript.lower()
        assert screen.request is not None and screen.request.message
        assert log.get(screen.draft_id).transcript == screen.transcript


async def test_space_while_listening_finishes_the_turn(log: Any, speaker: Any, sphinx: Any) -> None:
    """Space while listening ends the turn and keeps what was heard (take your time: no pause
    has to be short enough)."""
    from tests.festival import festival_wav

    wav = festival_wav("Could you help me carry the boxes to the car this afternoon please", pad_s=20.0)
    app = make_app(log, speaker, Settings(language="en"), recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav, realtime=True))  # paced like a microphone
    app.settings.speech.push_to_finish = True
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("space")
        await wait_for(pilot, lambda: len(str(app.screen.query_one("#caption").render()).split()) >= 9,
                       20, "the whole sentence")
        await pilot.pause(1.0)  # a long pause: with push-to-finish it does not end the turn
        assert app.screen.listening
        await pilot.press("space")  # I have said it
        await wait_for(pilot, lambda: not app.screen.listening and app.screen.request is not None, 10, "finish")
        assert "box" in app.screen.transcript.lower() or "carr" in app.screen.transcript.lower()


async def test_quit_while_listening_stops_the_worker(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("Could you help me carry the boxes to the car this afternoon please", pad_s=6.0)
    app = make_app(log, speaker, Settings(language="en"), recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav, realtime=True))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("space")
        await wait_for(pilot, lambda: "Listening" in status_text(app), 10, "listening")
        listening = [w for w in app.workers if w.name == "listen"]
        assert listening and not listening[0].is_finished
        await app.action_quit()
    deadline = time.monotonic() + 3
    while any(_in_app_code(f) for tid, f in sys._current_frames().items() if tid != threading.get_ident()):
        assert time.monotonic() < deadline, "the listening worker kept running after quit"
        time.sleep(0.05)


async def test_say_a_field_again(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("tomorrow morning", pad_s=2.5)
    app = make_app(log, speaker, Settings(language="en"), recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        screen = app.screen
        await pilot.press("b", "s")  # by when: say it again
        await wait_for(pilot, lambda: not screen.listening and screen.request is not None, 10, "heard")
        deadline = screen.request.slots.deadline
        assert deadline is not None and "tomorrow" in deadline.text.lower()
        assert deadline.iso is not None and deadline.iso.startswith("2026-11-24")  # parsed against NOW


def test_cli_ui_without_a_terminal_says_so() -> None:
    from tests.conftest import run_cli

    out = run_cli("ui", input="")
    assert out.returncode == 2
    assert out.stderr.strip() == "voice-helper ui: the UI needs a terminal; for scripts use `voice-helper compose`"
    assert "Traceback" not in out.stderr


async def test_phrase_board_shows_where_to_turn_when_there_is_no_one_to_ask(log: Any, speaker: Any) -> None:
    """Issue 15: consultation routes from the phrase board too, by one key and by mouse."""
    for settings, expect in ((Settings(language="en", region="US"), "211"),
                             (Settings(language="ja", region="JP"), "よりそいホットライン")):
        app = make_app(log, speaker, settings)
        async with app.run_test(size=SIZE) as pilot:
            await app.ready()
            await pilot.press("2", "minus")
            await pilot.pause()
            assert type(app.screen).__name__ == "TextViewScreen"
            shown = " ".join(str(w.render()) for w in app.screen.query("*") if hasattr(w, "render"))
            assert expect in shown, shown[:400]
            await pilot.press("escape")
            await pilot.pause()
            await pilot.click("#routes")
            await pilot.pause()
            assert type(app.screen).__name__ == "TextViewScreen"


async def test_a_late_speech_report_does_not_hide_kept_as_draft(log: Any, silent_speaker: Any) -> None:
    """No sound device, and the phrase's "nothing was spoken" arrives after the person pressed k
    (the report comes from a speech thread, so under load it can be late): the confirmation they
    acted on stays on screen. The real say runs; only its report is held back until after k."""
    app = make_app(log, silent_speaker)
    held: list[Any] = []
    real_say = app.say

    def say_reporting_late(text: str, lang: str | None = None, **kw: Any) -> Any:
        if kw.get("on_done") is not None:
            held.append(kw.pop("on_done"))
        return real_say(text, lang, **kw)

    app.say = say_reporting_late  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("2", "f", "k")
        await pilot.pause()
        assert "Kept as draft" in result_text(app) and held
        for report in held:
            report(False)
        await pilot.pause()
        assert "Kept as draft" in result_text(app)
