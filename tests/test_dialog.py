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
    assert says(acts) == ["Send this to Ken? Say yes or no."] and not of(acts, Send)
    assert acts[-1].mode == "command" and "yes" in acts[-1].grammar and "no" in acts[-1].grammar
    acts = d.handle(UtteranceHeard("yes"))
    assert isinstance(acts[-1], Send) and d.state == "sending"
    acts = d.handle(SendResult(True, "posted to 127.0.0.1:8099 (ntfy, HTTP 200)", "webhook", "Ken"))
    assert says(acts) == ["Sent to Ken."]  # the host and the code are shown, never said
    assert "posted to 127.0.0.1:8099 (ntfy, HTTP 200)" in shows(acts)
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
    assert isinstance(acts[0], Say)  # the number to call, digit by digit, before anything else
    assert acts[0].text == "Call nine one one now: Emergency services."
    assert isinstance(acts[1], Show) and acts[1].text == "Call 911 now: Emergency services."
    assert "Crisis line: 988" in shows(acts)[1]  # every number on the screen
    assert "nine eight eight" not in " ".join(says(acts))  # only the relevant one is said
    assert of(acts, SaveDraft)
    assert says(acts)[1] == ("No emergency contact is set up, so nothing was sent to anyone. "
                             "Call nine one one now.")
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
        assert acts == [d.last_listen] and acts[0].mode == "free"
    assert d.handle(UtteranceHeard("  ")) == [d.last_listen]  # empty = silence
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(Silence())  # a new question gets its own kind re-prompt
    assert says(acts)[0].startswith("Take your time. Say send")


def test_stop_interrupts_and_listens_again_in_the_same_mode() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    assert d.handle(UtteranceHeard("stop")) == [StopSpeaking(), d.last_listen]
    assert d.last_listen.mode == "free" and "cancel" in d.last_listen.grammar
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
    acts = d.handle(UtteranceHeard("change"))  # which? the time, who or what
    assert says(acts) == ["Change the time, who, or what you need?"]
    acts = d.handle(UtteranceHeard("the time"))
    assert says(acts) == ["By when?"]
    d.handle(UtteranceHeard("noon"))
    d.handle(UtteranceHeard("change who"))
    d.handle(UtteranceHeard("to aiko please"))
    assert d.request.slots.recipient == "Aiko"
    d.handle(UtteranceHeard("change what"))
    d.handle(UtteranceHeard("carry the boxes"))
    assert d.request.slots.asks == ["carry the boxes"]
    acts = d.handle(UtteranceHeard("banana"))
    assert says(acts) == ["Sorry, I didn't catch that. Say send, change, or cancel."]
    assert acts[-1].mode == "command" and not of(acts, Send)
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


def test_send_failure_is_one_short_sentence_and_try_again_retries() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    d.handle(CommandHeard("send"))
    d.handle(CommandHeard("yes"))
    detail = "not sent (webhook): could not reach 127.0.0.1:9 ([Errno 111] Connection refused)"
    acts = d.handle(SendResult(False, detail, "webhook", "Ken"))
    assert says(acts) == ["I couldn't send it. It's saved. Say try again, or cancel."]
    assert detail in shows(acts)  # on screen, not in the ear
    assert d.state == "retry" and "try again" in acts[-1].grammar
    acts = d.handle(UtteranceHeard("try again"))
    assert isinstance(acts[-1], Send)
    acts = d.handle(SendResult(True, "posted", "webhook", "Ken"))
    assert says(acts) == ["Sent to Ken."] and acts[-1].outcome == "sent"


def test_a_file_in_the_outbox_is_saved_not_sent() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    d.handle(UtteranceHeard("send"))
    d.handle(UtteranceHeard("yes"))
    acts = d.handle(SendResult(True, "saved to /root/.local/share/voice-helper/outbox/1.json", "file", "Ken"))
    assert says(acts) == ["It's saved in your outbox, not sent."]
    assert not any("/" in t or "Sent" in t for t in says(acts))
    assert acts[-1].outcome == "saved"


NON_COMMANDS = ["thank you", "hmm", "no that's wrong", "please don't send that",
                "I need to talk to my doctor first", "yes", "sender", "can you send it later"]


@pytest.mark.parametrize("heard", NON_COMMANDS)
def test_nothing_but_a_whole_command_acts_at_the_menu(heard: str) -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(UtteranceHeard(heard))
    assert says(acts) == ["Sorry, I didn't catch that. Say send, change, or cancel."]
    assert not of(acts, Send) and not of(acts, Done) and d.state == "menu"


def test_the_spotter_decides_what_is_a_command() -> None:
    """With a spotter, its answer wins: "none of these" even when the free words contain "send"."""
    d = Dialog(fixed_skills(full_request()))
    d.start()
    d.handle(UtteranceHeard("the report"))
    acts = d.handle(UtteranceHeard("send it later", command=None, spotted=True))
    assert not of(acts, Send) and d.state == "menu"
    acts = d.handle(UtteranceHeard("sand", command="send", spotted=True))
    assert d.state == "confirm"
    acts = d.handle(UtteranceHeard("no that's wrong", command=None, spotted=True))
    assert says(acts) == ["Sorry, I didn't catch that. Say yes or no."] and not of(acts, Send)
    acts = d.handle(UtteranceHeard("no", command="no", spotted=True))
    assert says(acts)[0] == "Not sent." and d.state == "menu" and not of(acts, Send)


@pytest.mark.parametrize("heard,command", [("can sell", "cancel"), ("cancel", None)])
def test_cancel_at_a_question_never_becomes_the_name(heard: str, command: str | None) -> None:
    d = Dialog(fixed_skills(full_request(recipient=None)))
    d.start()
    d.handle(UtteranceHeard("the report"))
    assert d.state == "slot" and d.slot == "recipient"
    acts = d.handle(UtteranceHeard(heard, command=command, spotted=command is not None))
    assert acts[-1] == Done(d.request, "cancelled") and d.request.slots.recipient is None
    assert says(acts)[0].startswith("Cancelled. Nothing was sent.")


def test_skip_repeat_and_go_back_at_questions() -> None:
    req = full_request(asks=[], recipient=None)
    req.missing = ["help"]
    d = Dialog(fixed_skills(req))
    d.start()
    acts = d.handle(UtteranceHeard("the report"))
    assert says(acts) == ["What would help most? You can say skip."]
    acts = d.handle(UtteranceHeard("check the numbers"))
    assert says(acts) == ["Who would you like to ask?"]
    acts = d.handle(UtteranceHeard("repeat"))
    assert says(acts) == ["Who would you like to ask?"] and d.request.slots.recipient is None
    acts = d.handle(UtteranceHeard("go back"))
    assert says(acts) == ["What would help most?"] and d.slot == "help"
    d.handle(UtteranceHeard("carry the boxes"))
    assert d.request.slots.asks == ["carry the boxes"] and d.slot == "recipient"
    acts = d.handle(UtteranceHeard("skip", command="skip", spotted=True))
    assert d.state == "menu" and d.request.slots.recipient is None


def test_noise_is_not_words_and_saves_no_draft() -> None:
    d = Dialog(fixed_skills(full_request()))
    d.start()
    acts = d.handle(UtteranceHeard("thatched", words=[object()], confidence=0.01))
    assert says(acts) == ["Sorry, I didn't catch that. What's hard right now?"]
    assert not of(acts, SaveDraft) and not d.draft_saved


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
    assert match_command("please change the time", "en") == "change_time"  # "please" changes nothing
    assert match_command("um send it please", "en") == "send"
    assert match_command("please don't send that", "en") is None  # the whole turn must be the phrase
    assert match_command("i can't stop worrying", "en") is None
    assert match_command("sender", "en") is None
    assert match_command("時間を変えてください", "ja") == "change_time"
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


def crisis_request(kind: str = "fall") -> HelpRequest:
    return HelpRequest(language="en", intent=Intent.EMERGENCY, urgency=Urgency.CRITICAL, crisis=True,
                       crisis_kind=kind, slots=Slots(),
                       resources=[Resource("Emergency services", "911"), Resource("Crisis line", "988")])


def test_crisis_offers_the_emergency_contact_and_sends_on_yes() -> None:
    skills = fixed_skills(crisis_request())
    skills.emergency_contacts = ["Maria", "Ken"]
    d = Dialog(skills)
    d.start()
    acts = d.handle(UtteranceHeard("i fell and i can not get up"))
    assert says(acts) == ["Call nine one one now: Emergency services.", "Send this to Maria now? Say yes."]
    acts = d.handle(UtteranceHeard("yes"))
    send = of(acts, Send)[0]
    assert send.to == "Maria" and send.crisis and send.request.slots.recipient == "Maria"
    assert of(acts, UpdateDraft)[0].request.slots.recipient == "Maria"  # the log knows whom to send to
    acts = d.handle(SendResult(True, "posted to 127.0.0.1:8099 (generic, HTTP 200)", "webhook", "Maria"))
    assert says(acts)[0] == "Sent to Maria." and d.state == "menu"
    assert "Nothing was sent" not in " ".join(says(acts))


def test_crisis_send_that_fails_or_stays_local_says_nothing_was_sent() -> None:
    skills = fixed_skills(crisis_request())
    skills.emergency_contacts = ["Maria"]
    d = Dialog(skills)
    d.start()
    d.handle(UtteranceHeard("i fell"))
    d.handle(KeyPressed("y"))  # one key answers too
    acts = d.handle(SendResult(False, "not sent (webhook): could not reach 127.0.0.1:9", "webhook", "Maria"))
    assert says(acts)[0] == "Nothing was sent to anyone. Call nine one one now."
    assert not any("127" in t or "webhook" in t for t in says(acts))
    d2 = Dialog(skills)
    d2.start()
    d2.handle(UtteranceHeard("i fell"))
    d2.handle(UtteranceHeard("yes"))
    acts = d2.handle(SendResult(True, "saved to /tmp/outbox/1.json", "file", "Maria"))
    assert says(acts)[:2] == ["It was saved on this computer, but not sent to Maria.",
                              "Nothing was sent to anyone. Call nine one one now."]
    assert not any("Sent" in t or "/" in t for t in says(acts))


def test_crisis_no_goes_to_the_next_contact_then_repeats_the_number() -> None:
    skills = fixed_skills(crisis_request("self_harm"))
    skills.emergency_contacts = ["Maria", "Ken"]
    d = Dialog(skills)
    d.start()
    acts = d.handle(UtteranceHeard("i want to end my life"))
    # self-harm: the lifeline is first in resources (the engine orders them); both are said
    assert says(acts)[:2] == ["Call nine one one now: Emergency services.", "Or Crisis line: nine eight eight."]
    acts = d.handle(UtteranceHeard("no"))
    assert says(acts) == ["Send this to Ken now? Say yes."]
    acts = d.handle(UtteranceHeard("hmm"))
    assert says(acts) == ["Say yes to send it to Ken, or no."] and not of(acts, Send)
    acts = d.handle(UtteranceHeard("no"))
    assert says(acts)[0] == "Nothing was sent to anyone. Call nine one one now."
    assert d.state == "menu"


@pytest.mark.parametrize("answer,safe", [("yes", True), ("no", False), ("hmm", False), (None, False)])
def test_unsure_asks_are_you_safe_and_unclear_means_not_safe(answer: str | None, safe: bool) -> None:
    req = full_request()
    req.urgency = Urgency.CHECK
    skills = fixed_skills(req)
    skills.resources = lambda lang: [Resource("Emergency services", "911")]
    d = Dialog(skills)
    d.start()
    acts = d.handle(UtteranceHeard("i feel strange and my arm is numb"))
    assert says(acts) == ["Are you safe right now? Say yes or no."] and of(acts, SaveDraft)
    assert acts[-1].mode == "command" and "yes" in acts[-1].grammar
    if answer is None:  # no answer at all, twice
        d.handle(Silence())
        acts = d.handle(Silence())
    else:
        acts = d.handle(UtteranceHeard(answer))
    if safe:
        assert d.state == "menu" and "Call" not in " ".join(says(acts))
    else:
        assert says(acts)[0] == "Call nine one one now: Emergency services."
        assert d.request.crisis and d.request.urgency == Urgency.CRITICAL


def test_japanese_safety_question() -> None:
    req = full_request()
    req.language = "ja"
    req.urgency = Urgency.CHECK
    skills = fixed_skills(req)
    skills.resources = lambda lang: [Resource("救急", "119")]
    d = Dialog(skills, lang="ja")
    d.start()
    acts = d.handle(UtteranceHeard("なんだか変で腕がしびれる"))
    assert says(acts) == ["今、安全ですか?「はい」か「いいえ」で答えてください。"]
    acts = d.handle(UtteranceHeard("いいえ"))
    assert says(acts)[0] == "今すぐいちいちきゅうばんに電話してください。救急です。"
