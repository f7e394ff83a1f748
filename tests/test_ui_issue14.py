"""Issue 14, failure by failure: each test drives the real app through Pilot as the issue did,
with a real SQLite help log and the real Speaker, and fails on the code the issue was filed on.
"""

from __future__ import annotations

import time
from typing import Any

from textual import events

from tests.hostile import Recorder
from tests.test_ui_support import (FakeClock, log, make_app, rendered, result_text, screen_text,  # noqa: F401
                                   silent_speaker, speaker, sphinx, sphinx_factory, squash,
                                   status_text, type_text, type_request, wait_for)
from voice_helper.config import Contact, Settings, load_settings

SMALL = (80, 24)


# --- 1. a kept draft is overwritten by the next request, and the old helper sticks -----------------


async def test_1_keep_then_a_new_request_never_overwrites_the_kept_one(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await type_request(pilot, "could Sato cover my shift on friday")
        await pilot.press("k")
        await pilot.pause()
        first = app.screen.draft_id
        assert f"#{first}" in result_text(app)
        kept = log.get(first)
        assert kept.recipient == "Sato"
        await type_request(pilot, "I feel dizzy, could someone bring me water")
        entries = log.list()
        assert len(entries) == 2, [(e.id, e.recipient, e.message) for e in entries]
        again = log.get(first)
        assert again.message == kept.message and again.recipient == "Sato"  # untouched
        new = log.get(app.screen.draft_id)
        assert new.id != first and new.recipient is None  # no helper carried over
        assert "dizzy" in new.transcript
        assert app.screen.request.slots.recipient is None
        assert "Sato" not in rendered(app.screen.query_one("#field-recipient"))


async def test_1_start_over_then_undo_then_a_new_request_keeps_both(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await type_request(pilot, "could Sato cover my shift on friday")
        await pilot.press("k", "n", "y", "u")
        await pilot.pause()
        first = app.screen.draft_id
        assert app.screen.request.slots.recipient == "Sato"
        kept_message = log.get(first).message
        await type_request(pilot, "I feel dizzy, could someone bring me water")
        assert len(log.list()) == 2
        assert log.get(first).message == kept_message and log.get(first).recipient == "Sato"
        assert log.get(app.screen.draft_id).recipient is None


async def test_1_a_change_after_keep_becomes_a_new_draft(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await type_request(pilot, "could Sato cover my shift on friday")
        await pilot.press("k")
        await pilot.pause()
        first = app.screen.draft_id
        kept = log.get(first).message
        await pilot.press("t")  # another style: a change after keeping
        await pilot.pause()
        assert app.screen.draft_id != first
        assert log.get(first).message == kept
        assert log.get(app.screen.draft_id).message == app.screen.request.message


# --- 2. typed text is lost on quit; Ctrl+Q quits without asking; Ctrl+C is an English toast ----


async def test_2_typed_text_is_kept_when_quitting_with_0(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.press("i")
        await type_text(pilot, "please could Ken check the delivery numbers")
        await pilot.press("tab", "0")
        await pilot.pause()
        assert "History" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    entries = log.list()
    assert [e.transcript for e in entries] == ["please could Ken check the delivery numbers"]


async def test_2_typed_text_is_saved_while_typing(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.press("i")
        await type_text(pilot, "the printer is jammed again")
        await wait_for(pilot, lambda: len(log.list()) == 1, 5, "the typed draft")
        assert log.list()[0].transcript == "the printer is jammed again"
        await pilot.press("enter")  # submitting composes into the same draft: still one entry
        await pilot.pause()
        assert len(log.list()) == 1 and log.list()[0].message


async def test_2_ctrl_q_and_ctrl_c_ask_first_in_the_ui_language(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, Settings(language="ja"))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.press("i")
        await type_text(pilot, "コピー機が動かない")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "ConfirmScreen"
        assert "終了しますか？" in screen_text(app)
        assert [e.transcript for e in log.list()] == ["コピー機が動かない"]  # kept before asking
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "ConfirmScreen"
        assert "Ctrl+Q" not in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    assert not app.is_running


# --- 3. "said it aloud" with no sound device ---------------------------------------------------


async def test_3_no_sound_device_nothing_is_claimed_and_nothing_logged_as_sent(log: Any, silent_speaker: Any) -> None:
    app = make_app(log, silent_speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await wait_for(pilot, lambda: "No sound" in screen_text(app), 10, "the no-sound notice")
        await type_request(pilot, "I need a hand lifting the boxes")
        await pilot.press("h")
        await wait_for(pilot, lambda: "No sound" in result_text(app), 20, "the no-sound result")
        assert "Said it aloud" not in screen_text(app)
        entries = log.list()
        assert len(entries) == 1 and entries[0].status == "draft"  # nothing "sent"
        # r: something visible happens
        await pilot.press("r")
        await pilot.pause()
        assert "nothing was spoken" in result_text(app)
        # self-voicing cannot speak: it says so on the control and in the result
        await pilot.press("4", "v")
        await pilot.pause()
        assert "no sound here" in rendered(app.screen.query_one("#set-self-voicing"))
        assert "no sound" in result_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert "no sound here" in rendered(app.screen.query_one("#set-auditory"))
        # the phrase board never says "Said:" for words nobody heard
        await pilot.press("2", "o")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for(pilot, lambda: "nothing was spoken" in result_text(app), 20, "the board's no-sound line")
        assert "Said:" not in result_text(app)


async def test_3_with_sound_said_is_reported_after_it_was_said(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await type_request(pilot, "I need a hand lifting the boxes")
        await pilot.press("h")
        await wait_for(pilot, lambda: "Said it aloud" in result_text(app), 30, "said")
        entries = log.list()
        assert len(entries) == 1 and entries[0].status == "sent" and entries[0].channel == "speak"


# --- 4. no microphone: "Nothing heard" forever -------------------------------------------------


async def test_4_no_microphone_is_said_at_start_and_on_space(log: Any, speaker: Any, sphinx: Any) -> None:
    settings = Settings(language="en")
    settings.speech.input_device = "no-such-microphone"  # the real microphone path, no device
    app = make_app(log, speaker, settings, recognizer_factory=sphinx_factory(sphinx))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await wait_for(pilot, lambda: "No microphone" in screen_text(app), 10, "the no-microphone notice")
        await pilot.press("space")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "Nothing heard" not in text
        assert "i to type" in result_text(app) and "2 for phrases" in result_text(app)
        assert not app.screen.listening


# --- 5. Japanese is half done -------------------------------------------------------------------


def _english_words(text: str) -> list[str]:
    import re

    allowed = {"Enter", "Esc", "Tab", "Delete", "voice_helper", "issue", "webhook", "settings", "toml",
               "voice", "helper", "doctor"}  # key caps, file and command names
    return [w for w in re.findall(r"[A-Za-z_]{2,}", text) if w not in allowed]


async def test_5_japanese_ui_everywhere(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, Settings(language="ja", contacts=[Contact("田中", relation="manager")]))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()
        seen = []
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            seen.append(text)
            assert not _english_words(text), (key, _english_words(text), text)
        # the dialogs too
        await pilot.press("1", "0")
        await pilot.pause()
        seen.append(screen_text(app))
        await pilot.press("n", "b")
        await pilot.pause()
        seen.append(screen_text(app))
        await pilot.press("escape", "n")
        await pilot.pause()
        seen.append(screen_text(app))
        for text in seen[-3:]:
            assert not _english_words(text), (_english_words(text), text)
        assert "終了しますか？" in seen[-3] and "いつまでですか？" in seen[-2]
        # full-width punctuation in the phrases
        await pilot.press("escape", "2")
        await pilot.pause()
        tiles = [t.text for t in app.screen.query(".tile") if t.text]
        assert tiles and not [t for t in tiles if "?" in t or "!" in t], tiles


# --- 6. scanning a switch user can trust ----------------------------------------------------------


def _scan_app(log: Any, speaker: Any, **scan: Any) -> tuple[Any, FakeClock]:
    settings = Settings(language="en")
    settings.scanning.enabled = True
    settings.scanning.debounce_s = 0.0
    for k, v in scan.items():
        setattr(settings.scanning, k, v)
    clock = FakeClock()
    return make_app(log, speaker, settings, clock=clock), clock


async def _tick(pilot: Any, app: Any, clock: FakeClock, seconds: float) -> None:
    clock.t += seconds
    app.scan_tick()
    await pilot.pause()


async def test_6_highlight_is_strong_on_the_tab_bar_and_on_speak(log: Any, speaker: Any) -> None:
    app, clock = _scan_app(log, speaker, interval_s=1.0)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()
        nav = app.screen.query_one("#nav")
        row = app.screen.query_one("#speak-row")
        plain_bg = row.styles.background
        assert nav.has_class("-scan-highlight") and nav.styles.background != plain_bg
        await _tick(pilot, app, clock, 1.0)  # the Speak group: a double border, not just a tint
        assert row.has_class("-scan-highlight") and not nav.has_class("-scan-highlight")
        assert row.styles.border_top[0] == "double" and row.styles.background != plain_bg
        for _ in range(len(app.scanner.groups) - 1):  # round to the tab bar again
            await _tick(pilot, app, clock, 1.0)
        await pilot.press("space")  # into the tab bar
        await pilot.pause()
        item = app.focused
        assert item.id == "nav-compose" and item.has_class("-scan-item")
        # not colour alone: thick bars at both ends, reverse colours, bold
        assert item.styles.border_left[0] == "thick" and item.styles.border_right[0] == "thick"
        assert item.styles.text_style.bold and item.styles.background != nav.styles.background


async def test_6_pauses_visibly_and_resumes_where_it_stopped(log: Any, speaker: Any) -> None:
    app, clock = _scan_app(log, speaker, interval_s=1.0, max_rounds=2)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()
        groups = len(app.scanner.groups)
        for _ in range(groups * 2 + 2):
            await _tick(pilot, app, clock, 1.0)
        assert app.scanner.paused and not app.scanner.running
        assert "paused" in screen_text(app).lower()
        where = app.scanner.highlighted_name
        marked = [w for w, _ in app._scan_marked]
        assert marked and any(w.has_class("-scan-paused") for w in marked)
        await pilot.press("space")  # wakes scanning at the same place; selects nothing
        await pilot.pause()
        assert app.scanner.running and app.scanner.highlighted_name == where
        assert type(app.screen).__name__ == "ComposeScreen"
        assert "paused" not in screen_text(app).lower()


async def test_6_items_offered_for_more_than_one_round(log: Any, speaker: Any) -> None:
    app, clock = _scan_app(log, speaker, interval_s=1.0, item_rounds=2)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()
        await pilot.press("space")  # into the tab bar
        n = len(app.scanner.group.items)
        for _ in range(n):  # a whole round of its items: still offered
            await _tick(pilot, app, clock, 1.0)
        assert app.scanner.level == "items" and app.focused.id == "nav-compose"
        for _ in range(n):
            await _tick(pilot, app, clock, 1.0)
        assert app.scanner.level == "groups"


async def test_6_scan_settings_reachable_by_scanning_and_up_to_ten_seconds(log: Any, speaker: Any) -> None:
    app, clock = _scan_app(log, speaker, interval_s=8.0)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()

        async def choose(widget_id: str) -> None:
            for _ in range(200):
                sc = app.scanner
                if sc.level == "groups" and any(w.id == widget_id for w in sc.group.items):
                    await pilot.press("space")
                    await pilot.pause()
                    if sc.level == "groups":  # a one-item group selects at once
                        return
                    continue
                if sc.level == "items" and sc.item is not None and sc.item.id == widget_id:
                    await pilot.press("space")
                    await pilot.pause()
                    await pilot.pause()
                    return
                await _tick(pilot, app, clock, sc.dwell_s)
            raise AssertionError(f"never reached {widget_id}")

        await choose("nav-settings")
        assert type(app.screen).__name__ == "SettingsScreen"
        await choose("set-interval-up")
        await choose("set-interval-up")
        await choose("set-interval-up")
        assert app.settings.scanning.interval_s == 10.0
        assert load_settings().scanning.interval_s == 10.0
        await choose("set-pause-first")
        assert app.settings.scanning.pause_first and app.scanner.pause_first


# --- 7. keys: Esc leaves the text box; s always asks; sending never freezes the UI ---------------


async def test_7_esc_leaves_the_text_box_and_says_so(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SMALL) as pilot:
        await app.ready()
        await pilot.press("i", "a", "b")
        assert app.focused.id == "typed"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused.id == "speak"
        assert "Left the text box" in status_text(app)
        await pilot.press("2")  # a digit now changes the screen instead of typing
        await pilot.pause()
        assert type(app.screen).__name__ == "PhraseBoardScreen"


async def test_7_s_confirms_the_helper_on_both_screens(log: Any, speaker: Any) -> None:
    settings = Settings(language="en", contacts=[Contact("Sato", relation="colleague", channel="file")])
    app = make_app(log, speaker, settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.press("2", "m")  # a phrase; its offer
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen"  # whom? (nobody is named)
        await pilot.press("1")
        await pilot.pause()
        assert "Send to Sato?" in screen_text(app)
        assert log.list() == []  # nothing sent before the yes
        await pilot.press("n")
        await pilot.pause()
        assert "Not sent." in result_text(app)
        await pilot.press("1")
        await type_request(pilot, "could Sato check the delivery form")
        await pilot.press("s")
        await pilot.pause()
        assert "Send to Sato?" in screen_text(app)
        await pilot.press("y")
        await wait_for(pilot, lambda: "outbox" in result_text(app), 10, "the send result")
        assert "Sent" not in result_text(app)  # a file in the outbox is not "sent"


async def test_7_sending_runs_in_a_worker_and_keys_keep_working(log: Any, speaker: Any) -> None:
    with Recorder() as server:
        def slow(h: Any) -> None:
            time.sleep(3.0)  # a slow server: the send takes 3 s
            h.send_response(200)
            h.send_header("Content-Length", "2")
            h.end_headers()
            h.wfile.write(b"ok")

        server.routes["/help"] = slow
        contact = Contact("Tanaka", relation="colleague", channel="webhook", address=f"{server.url}/help")
        app = make_app(log, speaker, Settings(language="en", contacts=[contact]))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.ready()
            await pilot.press("2", "1")  # every screen mounted once, as a person looking around
            await type_request(pilot, "could Tanaka check the numbers")
            await pilot.press("s", "y")
            await pilot.pause()
            assert "Sending to Tanaka" in status_text(app)
            await pilot.press("2")  # keys work while the server is still thinking
            await pilot.pause()
            assert type(app.screen).__name__ == "PhraseBoardScreen"
            assert any(w.name == "send" and not w.is_finished for w in app.workers), "the send ended first"
            await pilot.press("x")  # stop, too
            await pilot.press("1")
            await wait_for(pilot, lambda: "Sent to Tanaka" in result_text(app), 15, "sent")
            assert len(server.posts("/help")) == 1
            assert log.get(app.screen.draft_id).status == "sent"


async def test_7_u_gives_feedback_wherever_pressed(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        for key in ("1", "2", "3", "4"):
            await pilot.press(key, "u")
            await pilot.pause()
            assert "undo" in result_text(app).lower(), key


# --- 8. small screens --------------------------------------------------------------------------


def _visible(app: Any, widget: Any) -> bool:
    """The widget is on screen and nothing covers its centre."""
    region = widget.region
    if region.area == 0 or region.bottom > app.size.height or region.right > app.size.width:
        return False
    x, y = region.center
    found, _ = app.screen.get_widget_at(x, y)
    return found is widget or widget in found.ancestors


async def _composed_80x24(log: Any, speaker: Any, **ui: Any) -> None:
    settings = Settings(language="en")
    for k, v in ui.items():
        setattr(settings.ui, k, v)
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SMALL) as pilot:
        await app.ready()
        await type_request(pilot, "I can't finish the cash report by five, could you take over the counting")
        await pilot.pause()
        message = app.screen.query_one("#message")
        assert _visible(app, message), screen_text(app)
        shown = squash(screen_text(app))
        for line in app.screen.request.message.splitlines():  # every line of it
            assert squash(line) in shown, (line, screen_text(app))
        for action in app.screen.query(".action"):
            assert _visible(app, action), (action.id, screen_text(app))
        quit_button = app.screen.query_one("#nav-quit")
        assert _visible(app, quit_button) and "Quit" in rendered(quit_button)


async def test_8_message_and_actions_visible_at_80x24(log: Any, speaker: Any) -> None:
    await _composed_80x24(log, speaker)


async def test_8_message_and_actions_visible_at_80x24_high_contrast(log: Any, speaker: Any) -> None:
    await _composed_80x24(log, speaker, theme="high-contrast")


async def test_8_message_and_actions_visible_at_80x24_large(log: Any, speaker: Any) -> None:
    await _composed_80x24(log, speaker, text_size="large")


async def test_8_labels_never_cut_and_keep_their_values(log: Any, speaker: Any) -> None:
    for size in (SMALL, (120, 40)):
        app = make_app(log, speaker)
        async with app.run_test(size=size) as pilot:
            await app.ready()
            await type_request(pilot, "I can't finish the cash report by five, could you take over the counting")
            for key in ("1", "2", "3", "4"):
                await pilot.press(key)
                await pilot.pause()
                for button in app.screen.query("KeyButton"):
                    if not button.display or button.region.area == 0:
                        continue
                    assert squash(str(button.label)) == squash(rendered(button)), (size, key, button.id,
                                                                                  str(button.label), rendered(button))
            await pilot.press("1")
            await pilot.pause()
            assert "Politeness: automatic" in rendered(app.screen.query_one("#politeness"))
            await pilot.press("3")
            await pilot.pause()
            assert "Filter: all" in rendered(app.screen.query_one("#filter"))
            await pilot.press("4")
            await pilot.pause()
            assert "160" not in rendered(app.screen.query_one("#set-slower"))


# --- 9. long and odd input -----------------------------------------------------------------------


async def test_9_a_long_paste_is_one_line_with_a_way_to_see_all(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SMALL) as pilot:
        await app.ready()
        await pilot.press("i")
        long = ("I need help with the cash report and the counting and the delivery forms " * 70)[:5000]
        app.focused.post_message(events.Paste(long))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        caption = app.screen.query_one("#caption")
        assert caption.region.height == 1 and _visible(app, caption)
        message = app.screen.query_one("#message")
        found, _ = app.screen.get_widget_at(message.region.x + 2, message.region.y + 1)
        assert found is message  # the start of the message is on screen
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "TextViewScreen"
        assert squash(app.screen.text) == squash(long)


async def test_9_pasted_escape_sequences_are_removed_in_place(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.press("i")
        app.focused.post_message(events.Paste("could Ken \x1b[Hcheck the\x1b[2J numbers\nbefore five"))
        await pilot.pause()
        assert app.focused.value == "could Ken check the numbers before five"
