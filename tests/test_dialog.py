"""The dialog state machine, branch by branch, with no audio.

The parse step is given as plain HelpRequests so each branch (missing slots, crisis, skip, edits)
is reached on purpose; ``test_with_the_real_engine`` runs the same machine on the real intent
engine and composer.
"""

from __future__ import annotations

import copy

import pytest

from voice_helper.dialog import (
    CommandHeard,
    Dialog,
    Done,
    Keep,
    KeyPressed,
    Listen,
    RepeatLast,
    Say,
    SaveDraft,
    Send,
    SendResult,
    Show,
    Silence,
    Skills,
    StopSpeaking,
    UpdateDraft,
    UtteranceHeard,
    grammar_phrases,
    load_dialog_data,
    match_command,
)
from voice_helper.request import Deadline, HelpRequest, Intent, Resource, Slots, Urgency


def fixed_skills(request: HelpRequest) -> Skills:
    """Parse returns ``request`` (a copy); render writes a message from the slots."""

    def render(req: HelpRequest) -> HelpRequest:
        out = copy.deepcopy(req)
        s = out.slots
        out.message = (f"{s.recipient or ''}|{s.task or ''}|{','.join(s.asks)}|"
                       f"{s.deadline.text if s.deadline else ''}")
        return out

    return Skills(parse=lambda text, lang: copy.deepcopy(request), render=render,
                  parse_recipient=lambda text, lang: None,
                  parse_deadline=lambda text, lang: Deadline(text=f"parsed:{text}"))


def full_request(**slots: object) -> HelpRequest:
    base = dict(task="the report", asks=["check the numbers"], recipient="Ken",
                deadline=Deadline("by five", "2026-11-23T17:00:00"))
    base.update(slots)
    return HelpRequest(language="en", intent=Intent.WORKLOAD, confidence=0.9, slots=Slots(**base))  # type: ignore[arg-type]


def says(actions: list) -> list[str]:
    return [a.text for a in actions if isinstance(a, Say)]


def shows(actions: list) -> list[str]:
    return [a.text for a in actions if isinstance(a, Show)]


def of(actions: list, cls: type) -> list:
    return [a for a in actions if isinstance(a, cls)]


def test_everything_said_goes_straight_to_readback_and_send() -> None:
    d = Dialog(fixed_skills(full_request()))
    first = d.start()
    assert says(first) == ["What's hard right now?"] and shows(first) == says(first)
    assert isinstance(first[-1], Listen) and first[-1].mode == "free"
    acts = d.handle(UtteranceHeard("please ask ken to check the numbers in the report by five"))
    drafts = of(acts, SaveDraft)
    assert len(drafts) == 1 and "ken" in drafts[0].transcript
    assert acts.index(drafts[0]) < next(i for i, a in enumerate(acts) if isinstance(a, Say))
    assert says(acts)[:2] == ["Here is your message.", "Ken|the report|check the numbers|by five"]
    assert says(acts)[2].startswith("Say send, save")
    listen = acts[-1]
    assert isinstance(listen, Listen) and listen.mode == "command"
    assert "send" in listen.grammar and "change the time" in listen.grammar
    assert shows(acts) == says(acts)  # every prompt is also printed
    acts = d.handle(UtteranceHeard("send"))
    assert isinstance(acts[-1], Send) and d.state == "sending"
    acts = d.handle(SendResult(True, "Copied to the outbox."))
    assert says(acts) == ["Sent. Copied to the outbox."]
    assert isinstance(acts[-1], Done) and acts[-1].outcome == "sent"
    assert d.handle(UtteranceHeard("hello")) == []


def test_missing_slots_are_asked_one_at_a_time_in_order() -> None:
    req = full_request(asks=[], recipient=None, deadline=None)
    req.missing = ["help", "when"]
    d = Dialog(fixed_skills(req))
    d.start()
    acts = d.handle(UtteranceHeard("the report is too much"))
    assert says(acts) == ["What would help most? You can say skip."]
    acts = d.handle(UtteranceHeard("check the numbers"))
    assert of(acts, UpdateDraft) and d.request.slots.asks == ["check the numbers"]
    assert says(acts) == ["Who would you like to ask?"]
    acts = d.handle(UtteranceHeard("ken"))
    assert d.request.slots.recipient == "Ken"
    assert says(acts) == ["By when?"]
    acts = d.handle(UtteranceHeard("tomorrow morning"))
    assert d.request.slots.deadline.text == "parsed:tomorrow morning"
    assert "help" not in d.request.missing and "when" not in d.request.missing
    assert says(acts)[1] == "Ken|the report|check the numbers|parsed:tomorrow morning"
    assert d.state == "menu"


@pytest.mark.parametrize("skip", ["skip", "I don't know", "Skip."])
def test_each_question_is_skippable(skip: str) -> None:
    d = Dialog(fixed_skills(full_request(recipient=None)))
    d.start()
    assert says(d.handle(UtteranceHeard("the report")))[0].startswith("Who would you like to ask?")
    acts = d.handle(UtteranceHeard(skip))
    assert d.request.slots.recipient is None and not of(acts, UpdateDraft)
    assert d.state == "menu"  # nothing else missing: read back
    # skipped questions are not asked again after a change elsewhere
    acts = d.handle(CommandHeard("change_time"))
    assert says(acts) == ["By when?"]
    acts = d.handle(UtteranceHeard("by noon"))
    assert d.state == "menu" and "Who" not in " ".join(says(acts))


def test_skip_key_and_long_answers_containing_skip() -> None:
    d = Dialog(fixed_skills(full_request(recipient=None)))
    d.start()
    d.handle(UtteranceHeard("the report"))
    d.handle(KeyPressed("s"))
    assert d.state == "menu" and d.request.slots.recipient is None
    req = full_request(asks=[])
    req.missing = ["help"]
    d2 = Dialog(fixed_skills(req))
    d2.start()
    d2.handle(UtteranceHeard("the report"))
    d2.handle(UtteranceHeard("someone to skip the boring part of the meeting for me"))
    assert d2.request.slots.asks == ["someone to skip the boring part of the meeting for me"]


def test_crisis_says_resources_first_then_still_offers_to_send() -> None:
    req = HelpRequest(language="en", intent=Intent.EMERGENCY, urgency=Urgency.CRITICAL, crisis=True,
                      slots=Slots(), missing=["help", "when"],
                      resources=[Resource("Emergency services", "911"), Resource("Crisis line", "988")])
    d = Dialog(fixed_skills(req))
    d.start()
    acts = d.handle(UtteranceHeard("i fell and i can't get up"))
    assert isinstance(acts[0], Say)
    assert acts[0].text == "This sounds serious. Please get help now. Emergency services: 911. Crisis line: 988."
    assert isinstance(acts[1], Show) and acts[1].text == acts[0].text
    assert isinstance(acts[2], SaveDraft)
    assert "Who would you like" not in " ".join(says(acts))  # no questions in a crisis
    assert d.state == "menu" and isinstance(acts[-1], Listen)


def test_silence_reprompts_kindly_once_then_waits() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    acts = d.handle(Silence())
    assert says(acts) == ["Take your time. What's hard right now?"]
    assert isinstance(acts[-1], Listen) and acts[-1].mode == "free"
    for _ in range(3):
        acts = d.handle(Silence())
        assert acts == [Listen("free", None)]
    assert d.handle(UtteranceHeard("  ")) == [Listen("free", None)]  # empty = silence
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(Silence())  # a new question gets its own kind re-prompt
    assert says(acts)[0].startswith("Take your time. Say send")


def test_stop_interrupts_and_listens_again_in_the_same_mode() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    assert d.handle(UtteranceHeard("stop")) == [StopSpeaking(), Listen("free", None)]
    assert d.state == "problem" and not d.transcript
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(UtteranceHeard("stop"))
    assert isinstance(acts[0], StopSpeaking) and acts[1].mode == "command"
    assert d.handle(KeyPressed("escape")) == [StopSpeaking()]
    assert d.handle(KeyPressed("r")) == [RepeatLast()]
    # "stop" inside a sentence is not the command
    d2 = Dialog(fixed_skills(full_request()))
    d2.start()
    acts = d2.handle(UtteranceHeard("I can't stop worrying about the report"))
    assert of(acts, SaveDraft)


def test_menu_commands() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(UtteranceHeard("read it again"))
    assert says(acts)[0] == "Ken|the report|check the numbers|by five"
    acts = d.handle(UtteranceHeard("change the time"))
    assert says(acts) == ["By when?"]
    acts = d.handle(UtteranceHeard("friday"))
    assert of(acts, UpdateDraft)[0].request.slots.deadline.text == "parsed:friday"
    assert says(acts)[1].endswith("parsed:friday") and d.state == "menu"
    d.handle(UtteranceHeard("change who"))
    d.handle(UtteranceHeard("to aiko please"))
    assert d.request.slots.recipient == "Aiko"
    d.handle(UtteranceHeard("change what"))
    d.handle(UtteranceHeard("carry the boxes"))
    assert d.request.slots.asks == ["carry the boxes"]
    acts = d.handle(UtteranceHeard("banana"))
    assert says(acts)[0] == "Sorry, I didn't catch that." and acts[-1].mode == "command"
    acts = d.handle(KeyPressed("2"))  # one key per menu item
    assert isinstance(acts[0], Keep) and acts[-1] == Done(d.request, "saved")
    assert says(acts) == ["Saved in your help log."]


def test_start_over_and_cancel() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(UtteranceHeard("start over"))
    assert says(acts) == ["Let's start again.", "What's hard right now?"] and d.state == "problem"
    acts = d.handle(UtteranceHeard("the boxes"))
    assert of(acts, UpdateDraft) and not of(acts, SaveDraft)  # same draft, updated
    assert d.transcript == ["the boxes"]
    acts = d.handle(UtteranceHeard("cancel"))
    assert says(acts)[0].startswith("Cancelled. Nothing was sent.")
    assert acts[-1].outcome == "cancelled" and d.state == "done"
    # cancel right at the first question, before anything was heard
    d2 = Dialog(fixed_skills(full_request()))
    d2.start()
    assert d2.handle(UtteranceHeard("cancel"))[-1] == Done(None, "cancelled")


def test_send_failure_is_confirmed_and_kept() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    d.handle(CommandHeard("send"))
    acts = d.handle(SendResult(False, "no channel is set up for Ken"))
    assert says(acts) == ["I couldn't send it: no channel is set up for Ken. It's kept in your help log."]
    assert acts[-1].outcome == "send-failed"


def test_japanese_prompts_commands_and_skip() -> None:
    req = full_request(recipient=None)
    req.language = "ja"
    d = Dialog(fixed_skills(req), lang="ja")
    assert says(d.start()) == ["今、何に困っていますか?"]
    acts = d.handle(UtteranceHeard("資料の確認が終わらない"))
    assert says(acts)[0].startswith("誰にお願いしますか?")
    assert all(a.lang == "ja" for a in of(acts, Say))
    d.handle(UtteranceHeard("わからない"))
    assert d.state == "menu" and d.request.slots.recipient is None
    assert d.handle(UtteranceHeard("やめて")) == [StopSpeaking(), d.last_listen]
    acts = d.handle(UtteranceHeard("時間を変えてください"))
    assert says(acts) == ["いつまでですか?"]
    d.handle(UtteranceHeard("明日まで"))
    acts = d.handle(UtteranceHeard("キャンセル"))
    assert acts[-1].outcome == "cancelled" and says(acts)[0].startswith("キャンセルしました")


def test_command_data_is_consistent() -> None:
    for lang in ("en", "ja"):
        data = load_dialog_data(lang)
        assert set(data["prompts"]) == set(load_dialog_data("en")["prompts"])
        assert set(data["commands"]) == set(load_dialog_data("en")["commands"])
        for name, phrases in data["commands"].items():
            for p in phrases:  # every phrase means its own command and nothing longer
                assert match_command(p, lang) == name, (lang, p)
        assert set(data["keys"]["menu"].values()) <= set(data["commands"])
    assert match_command("please change the time", "en") == "change_time"
    assert match_command("send it", "en") == "send"
    assert match_command("sender", "en") is None
    assert "やめて" in grammar_phrases("ja")


def test_with_the_real_engine() -> None:
    from voice_helper.config import Settings

    d = Dialog(Skills.default(Settings()))
    d.start()
    acts = d.handle(UtteranceHeard("could you check the numbers in the report by five"))
    assert of(acts, SaveDraft)
    assert d.request.message  # rendered by the composer
    assert "Who would you like to ask?" in " ".join(says(acts))
    acts = d.handle(UtteranceHeard("ken"))
    assert d.request.slots.recipient and d.request.slots.recipient.lower() == "ken"
    assert d.state == "menu" and d.request.message in says(acts)
