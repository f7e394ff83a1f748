"""Emergencies in the UI (issue 11), through Pilot with the real intent engine, the real help
log, real channels and a real webhook server on 127.0.0.1: whom to call first, shown and spoken
digit by digit; the emergency contacts offered first; a report that never claims more than
happened (a file in the outbox is never "sent", no path is ever spoken); "Are you safe right
now?" when the engine is unsure, where no answer or an unclear one counts as not safe.
"""

from __future__ import annotations

from typing import Any

from tests.hostile import Recorder, status
from tests.test_ui_support import (log, make_app, result_text, said, screen_text, speaker,  # noqa: F401
                                   type_text, wait_for)
from voice_helper.compose import compose_text
from voice_helper.config import Contact, Settings
from voice_helper.nlu import crisis_resources
from voice_helper.request import Urgency

SIZE = (100, 40)


async def _say(pilot: Any, text: str) -> None:
    await pilot.press("i")
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def _voiced(**kw: Any) -> Settings:
    settings = Settings(language=kw.pop("language", "en"), **kw)
    settings.ui.self_voicing = True
    return settings


async def test_no_emergency_contact_shows_whom_to_call_first_and_says_nothing_was_sent(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, _voiced())
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _say(pilot, "I fell and I can't get up")
        screen = app.screen
        assert screen.request.crisis and screen.request.resources[0].number == "911"
        panel = str(screen.query_one("#crisis").render())
        assert screen.query_one("#crisis").display
        assert panel.splitlines()[1].startswith("911")  # the first number to call, first
        assert result_text(app) == "No emergency contact is set up, so nothing was sent to anyone. Call 911 now."
        spoken = said(app)[-1]
        assert "nine one one" in spoken and "911" not in spoken  # digit by digit
        assert len(log.list()) == 1 and log.list()[0].status == "draft"  # kept, not sent


async def test_emergency_contact_is_offered_first_and_sent_on_yes(log: Any, speaker: Any) -> None:
    with Recorder() as server:
        maria = Contact("Maria", relation="carer", channel="webhook", address=f"{server.url}/carer",
                        emergency=True)
        ken = Contact("Ken", relation="friend", channel="webhook", address=f"{server.url}/ken")
        app = make_app(log, speaker, _voiced(contacts=[ken, maria]))
        async with app.run_test(size=SIZE) as pilot:
            await app.ready()
            await _say(pilot, "I fell and I can't get up")
            assert type(app.screen).__name__ == "ConfirmScreen"
            text = screen_text(app)
            assert "Send this to Maria now?" in text and "Call 911 now" in text
            question = said(app)[-1]  # whom to call first, then the offer, in one utterance
            assert question.startswith("Call nine one one now") and question.endswith(
                "Send this to Maria now? Press y for yes.")
            assert not server.posts()  # nothing before the yes
            await pilot.press("y")
            await wait_for(pilot, lambda: "Sent to Maria." in result_text(app), 15, "the report")
            assert result_text(app) == "Sent to Maria. Also call 911 now."
            posts = server.posts("/carer")
            assert len(posts) == 1 and not server.posts("/ken")  # only the emergency contact
            assert "fell" in posts[0]["body"].decode("utf-8")
            sent = [e for e in log.list() if e.recipient == "Maria"]
            assert len(sent) == 1 and sent[0].status == "sent" and sent[0].channel == "webhook"
            spoken = said(app)[-1]
            assert "nine one one" in spoken and "127.0.0.1" not in spoken


async def test_a_failed_send_says_nothing_was_sent_and_the_number(log: Any, speaker: Any) -> None:
    with Recorder() as server:
        server.routes["/carer"] = status(500)
        maria = Contact("Maria", relation="carer", channel="webhook", address=f"{server.url}/carer",
                        emergency=True)
        app = make_app(log, speaker, _voiced(contacts=[maria]))
        async with app.run_test(size=SIZE) as pilot:
            await app.ready()
            await _say(pilot, "my husband collapsed and isn't breathing")
            assert app.get_screen("compose").request.crisis
            await pilot.press("y")
            await wait_for(pilot, lambda: "Nothing was sent" in result_text(app), 15, "the report")
            shown = result_text(app)
            assert shown.startswith("Nothing was sent to anyone.") and "Not sent to Maria" in shown
            assert shown.endswith("Call 911 now.") and "Sent to" not in shown
            assert [e.status for e in log.list() if e.recipient == "Maria"] == ["failed"]


async def test_a_file_in_the_outbox_is_never_sent_and_no_path_is_spoken(log: Any, speaker: Any) -> None:
    maria = Contact("Maria", relation="family", channel="file", emergency=True)
    app = make_app(log, speaker, _voiced(contacts=[maria]))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _say(pilot, "I fell and I can't get up")
        await pilot.press("y")
        await wait_for(pilot, lambda: "Nothing was sent" in result_text(app), 15, "the report")
        shown = result_text(app)
        assert "It was saved on this computer, but not sent to Maria." in shown
        assert "Sent to" not in shown and "/" not in shown
        spoken = said(app)[-1]
        assert "/" not in spoken and "outbox" not in spoken and "nine one one" in spoken


async def test_no_to_the_offer_sends_nothing_and_repeats_the_number(log: Any, speaker: Any) -> None:
    with Recorder() as server:
        maria = Contact("Maria", relation="carer", channel="webhook", address=f"{server.url}/carer",
                        emergency=True)
        app = make_app(log, speaker, Settings(language="en", contacts=[maria]))
        async with app.run_test(size=SIZE) as pilot:
            await app.ready()
            await _say(pilot, "I want to end my life")
            assert app.get_screen("compose").request.resources[0].number == "988"  # the crisis line first
            await pilot.press("n")
            await pilot.pause()
            assert result_text(app) == "Not sent to anyone. Call 988 now."
            assert not server.posts()


async def test_japanese_crisis_number_is_spoken_digit_by_digit(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, _voiced(language="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _say(pilot, "胸が痛くて息ができない")
        assert app.screen.request.crisis
        shown = result_text(app)
        assert shown == "緊急連絡先が設定されていないので、誰にも送っていません。今すぐ119番に電話してください。"
        assert "今すぐ電話してください：" in str(app.screen.query_one("#crisis").render())
        spoken = said(app)[-1]
        assert "いちいちきゅう" in spoken and "119" not in spoken


def _unsure_request(settings: Settings) -> Any:
    """A request as the intent engine returns it when unsure whether the person is safe
    (issue 11: ``urgency: "check"``, the numbers listed), saved as ``compose --save`` or the
    hands-free loop would save it."""
    request = compose_text("I don't feel safe at home tonight", lang="en", settings=settings)
    request.crisis = False
    request.urgency = Urgency.CHECK
    request.resources = crisis_resources("US", settings)
    return request


async def _open_unsure(pilot: Any, log: Any) -> None:
    app = pilot.app
    request = _unsure_request(app.settings)
    log.add_draft(request.said, request=request)
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    await pilot.pause()
    assert type(app.screen).__name__ == "SafetyScreen"
    assert "Are you safe right now?" in screen_text(app)


async def test_unsure_asks_are_you_safe_and_yes_keeps_the_numbers_at_hand(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, _voiced())
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _open_unsure(pilot, log)
        assert "If you are not safe, call 911" in screen_text(app)
        assert any(s.startswith("Are you safe right now?") for s in said(app))
        await pilot.press("y")
        await pilot.pause()
        assert "Good. If that changes, call 911" in result_text(app)
        assert not app.screen.request.crisis and not app.screen.query_one("#crisis").display


async def test_unsure_and_no_is_a_crisis(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, _voiced())
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _open_unsure(pilot, log)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert screen.request.crisis and screen.query_one("#crisis").display
        assert result_text(app).endswith("nothing was sent to anyone. Call 911 now.")
        assert log.get(screen.draft_id).request.crisis  # the draft says so too


async def test_unsure_and_an_unclear_answer_counts_as_not_safe(log: Any, speaker: Any) -> None:
    with Recorder() as server:
        maria = Contact("Maria", relation="carer", channel="webhook", address=f"{server.url}/carer",
                        emergency=True)
        app = make_app(log, speaker, Settings(language="en", contacts=[maria]))
        async with app.run_test(size=SIZE) as pilot:
            await app.ready()
            await _open_unsure(pilot, log)
            await pilot.press("escape")  # no answer
            await pilot.pause()
            assert "Send this to Maria now?" in screen_text(app)
            await pilot.click("#confirm-yes")  # the mouse answers too
            await wait_for(pilot, lambda: "Sent to Maria" in result_text(app), 15, "sent")
            assert len(server.posts("/carer")) == 1


async def test_the_engine_unsure_asks_before_anything_else(log: Any, speaker: Any) -> None:
    """Through the real intent engine: "my mom fell over" is a maybe (urgency check), so the first
    thing on screen is the question; "no" makes it a crisis with the emergency number first."""
    app = make_app(log, speaker, Settings(language="en"))
    async with app.run_test(size=SIZE) as pilot:
        await app.ready()
        await _say(pilot, "my mom fell over")
        compose = app.get_screen("compose")
        assert compose.request.urgency == Urgency.CHECK and not compose.request.crisis
        assert type(app.screen).__name__ == "SafetyScreen"
        await pilot.press("n")
        await pilot.pause()
        assert compose.request.crisis and compose.query_one("#crisis").display
        assert str(compose.query_one("#crisis").render()).splitlines()[1].startswith("911")
        assert log.get(compose.draft_id).request.crisis
