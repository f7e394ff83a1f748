"""The Practice (5) and Progress screens under Pilot, as a person would use them: keys, the mouse,
one switch, recorded speech through the real recognizer, both languages. The help log is a real
SQLite file, the speaker the real Speaker writing WAVs (no sound card here), the composer real.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.test_ui_support import (NOW, SIZE, FakeClock, log, make_app, said,  # noqa: F401
                                   screen_text, speaker, sphinx, sphinx_factory, type_text, wait_for)
from voice_helper.config import Contact, Settings
from voice_helper.speech import audio
from voice_helper.store import PracticeAttempt


def _text(app: Any, wid: str) -> str:
    return str(app.screen.query_one(wid).render())


async def _open_practice(pilot: Any) -> Any:
    app = pilot.app
    await app.ready()
    await pilot.press("5")
    await pilot.pause()
    assert type(app.screen).__name__ == "PracticeScreen"
    return app.screen


async def test_practice_by_keys_feedback_no_and_plan_b(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_practice(pilot)
        assert "Warm-up" in _text(app, "#p-scenario")  # an empty log starts at the tiniest ask
        assert "could you help me" in said(app)[-1].lower()  # the scenario is read aloud
        await pilot.press("i")
        await type_text(pilot, "could you help me")
        await pilot.press("enter")
        await pilot.pause()
        feedback = _text(app, "#p-feedback")
        assert "You asked for one concrete thing." in feedback and "Nothing to add" in feedback
        assert _text(app, "#p-better") == "Could you help me?"
        assert screen.kind == "menu"
        await pilot.press("n")  # next: five minutes with Sam, who says no
        await pilot.pause()
        assert "Five minutes" in _text(app, "#p-scenario")
        await pilot.press("p", "2")  # pick "Sam, could you give me five minutes?"
        await pilot.pause()
        feedback = _text(app, "#p-feedback")
        assert "Sam says: “Sorry, not right now." in feedback
        assert "A no is about timing, not about your worth." in feedback
        assert screen.kind == "plan_b"
        await pilot.press("p", "1")  # the scenario's own plan B: after the meeting
        await pilot.pause()
        assert "That's a good plan B: another time." in _text(app, "#p-feedback")
        before = len(said(app))
        await pilot.press("h")  # hear it again: the feedback is said again
        await pilot.pause()
        assert len(said(app)) > before and "A no is about timing" in said(app)[-1]
        await pilot.press("s")  # stop
        await pilot.pause()
        assert screen.kind == "done"
        assert "You practised 2 times" in str(app.screen.query_one("#result").render())
        kept = log.practice_attempts()
        assert [(a.scenario, a.kind) for a in kept] == [("warm-up", "ask"), ("five-minutes", "ask"),
                                                        ("five-minutes", "plan_b")]
        assert kept[0].elements == ["ask"] and kept[0].next_step is None
        assert kept[2].next_step == "time"
        assert log.count() == 0  # a rehearsal is never a request


async def test_practice_by_mouse_choose_a_scenario_and_routes(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.click("#nav-practice")
        await pilot.pause()
        assert type(app.screen).__name__ == "PracticeScreen"
        await pilot.click("#p-choose")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen"
        await pilot.click("#choice-2")  # level 2
        await pilot.pause()
        await pilot.click("#choice-1")  # its first scenario: a second look
        await pilot.pause()
        assert "A second look" in _text(app, "#p-scenario")
        await pilot.click("#p-pick")
        await pilot.pause()
        await pilot.click("#choice-2")  # "Could you check the numbers in the report?": no when
        await pilot.pause()
        feedback = _text(app, "#p-feedback")
        assert "say when or how much, like “by five”" in feedback
        assert _text(app, "#p-better") == "John, could you check the numbers in the report by five?"
        await pilot.click("#p-try_again")
        await pilot.pause()
        assert app.screen.kind == "attempt"
        await pilot.click("#p-routes")
        await pilot.pause()
        assert type(app.screen).__name__ == "TextViewScreen"
        text = screen_text(app)
        assert "211" in text and "Warmlines" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#p-progress")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgressScreen"


async def test_practice_with_one_switch(log: Any, speaker: Any) -> None:
    settings = Settings(language="en")
    settings.scanning.enabled = True
    settings.scanning.interval_s = 1.0
    clock = FakeClock()
    app = make_app(log, speaker, settings, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await pilot.press("5")
        await pilot.pause()
        await pilot.pause()
        names = [g.name for g in app.scanner.groups]
        assert names[:4] == ["Screens", "Your ask", "Then", "More"], names

        async def step(n: int) -> None:
            for _ in range(n):
                clock.t += 1.0
                app.scan_tick()
            await pilot.pause()

        async def press() -> None:
            clock.t += 0.5
            await pilot.press("space")
            await pilot.pause()

        await step(1)  # Screens -> Your ask
        await press()  # into the group: Speak your ask, Pick an ask, the text box
        await step(1)  # Pick an ask
        assert app.focused.id == "p-pick"
        await press()  # opens the picker
        assert type(app.screen).__name__ == "PickerScreen"
        await pilot.pause()
        await press()  # into Suggestions
        await step(1)  # choice 2: "Could you help me?"
        await press()
        await pilot.pause()
        assert type(app.screen).__name__ == "PracticeScreen"
        assert "Nothing to add" in _text(app, "#p-feedback")
        assert [a.scenario for a in log.practice_attempts()] == ["warm-up"]


async def test_practice_by_voice_in_the_ui(log: Any, speaker: Any, sphinx: Any) -> None:
    from tests.festival import festival_wav

    wav = festival_wav("could you check the numbers in the report", "slt", pad_s=2.5)
    settings = Settings(language="en")
    settings.speech.engine = "pocketsphinx"
    app = make_app(log, speaker, settings, recognizer_factory=sphinx_factory(sphinx),
                   source_factory=lambda: audio.FileSource(wav))  # the microphone's stand-in
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_practice(pilot)
        screen.start("look-at-document")
        await pilot.pause()
        await pilot.press("space")
        await wait_for(pilot, lambda: screen.kind == "menu", 30, "feedback on the spoken ask")
        assert "say when or how much" in _text(app, "#p-feedback")
        assert log.practice_attempts()[-1].said == "could you check the numbers in the report"


async def test_practice_and_progress_in_japanese(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, Settings(language="ja"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_practice(pilot)
        assert "お願いを話す" in str(screen.query_one("#p-speak").label)
        screen.start("look-at-document")
        await pilot.pause()
        assert "資料を見てもらう" in _text(app, "#p-scenario")
        await pilot.press("i")
        await type_text(pilot, "報告書の数字を確認してもらえますか")
        await pilot.press("enter")
        await pilot.pause()
        feedback = _text(app, "#p-feedback")
        assert "「具体的なお願い」が入っています。" in feedback and "たとえば「明日までに」" in feedback
        assert _text(app, "#p-better") == "田中さん、明日までに報告書の数字を確認していただけませんか。"
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgressScreen"
        text = screen_text(app)
        assert "練習：1" in text and "お願い：1回中1回" in text and "90日プラン" in text


async def test_progress_chart_figures_and_plan(log: Any, speaker: Any) -> None:
    settings = Settings(language="en", contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    week = timedelta(weeks=1)
    tries = ((3, ["ask"]), (3, ["ask", "when"]), (1, ["hard", "ask", "when"]), (0, ["ask"]))
    for weeks_ago, elements in tries:
        at = (NOW - weeks_ago * week).astimezone()
        log.add_practice_attempt(PracticeAttempt("look-at-document", "en", "x", elements,
                                                 next_step=None if "when" in elements else "when",
                                                 at=at.astimezone().isoformat()))
    helped = log.add_draft("could Tanaka check the numbers")
    log.record_send(helped, "file", True)
    log.mark(helped, "helped")
    log.record_given(helped, "did the filing")
    app = make_app(log, speaker, settings)
    async with app.run_test(size=SIZE) as pilot:
        await _open_practice(pilot)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ProgressScreen"
        from textual.widgets import Sparkline

        practised = screen.query_one("#pg-practised", Sparkline).data
        assert len(practised) == 12 and practised[-4:] == [2, 0, 1, 1]
        assert screen.query_one("#pg-el-when", Sparkline).data[-4:] == [1, 0, 1, 0]
        text = screen_text(app)
        assert "Practised: 4" in text and "the ask: 4 of 4" in text and "when / how much: 2 of 4" in text
        assert "1 asked · 1 helped" in text and "help given back: 1" in text
        assert "The plan has not started" in text
        await pilot.press("a")  # start the 90-day plan
        await pilot.pause()
        await pilot.pause()
        assert "started" in log.plan_marks()
        assert "day 0 of 90" in screen_text(app)
        people = screen.query_one("#step-people")
        assert str(people.label).startswith("[x]")  # a contact is saved: found on its own
        await pilot.click("#step-phrases")  # a step marked by hand
        await pilot.pause()
        assert "phrases" in log.plan_marks()
        assert str(screen.query_one("#step-phrases").label).startswith("[x]")
        await pilot.click("#step-phrases")  # and unmarked
        await pilot.pause()
        assert "phrases" not in log.plan_marks()
        await pilot.press("b")
        await pilot.pause()
        assert type(app.screen).__name__ == "PracticeScreen"
