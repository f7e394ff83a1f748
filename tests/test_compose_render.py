"""render(): every style × language × politeness, on hand-built requests (deterministic)."""

from __future__ import annotations

import itertools
import re

import pytest

from voice_helper.compose import POLITENESS, STYLES, load_templates, render
from voice_helper.errors import UsageError
from voice_helper.request import Deadline, HelpRequest, Intent, Resource, Slots


def req(lang: str = "en", intent: Intent = Intent.WORKLOAD, *, crisis: bool = False,
        resources: list[Resource] | None = None, deadline: str | None = None,
        **slots: object) -> HelpRequest:
    s = Slots(**slots)  # type: ignore[arg-type]
    if deadline:
        s.deadline = Deadline(deadline)
    return HelpRequest(language=lang, intent=intent, crisis=crisis, slots=s,
                       resources=resources or [])


EN_FULL = req(task="the cash report", asks=["take over the counting", "lock the cashbox"],
              offer="do the filing tomorrow", recipient="Tanaka", deadline="by five",
              duration_minutes=30)
JA_FULL = req("ja", task="資料の作成", asks=["資料を確認して", "スライドを印刷する"],
              offer="明日のシフトに入ります", recipient="田中", deadline="明日まで", duration_minutes=30)


# --- three-lines -----------------------------------------------------------------------------


def test_en_three_lines_has_task_both_asks_and_offer() -> None:
    msg = render(EN_FULL)
    lines = msg.split("\n")
    assert len(lines) == 3
    assert lines[0] == "Tanaka, I'm struggling with the cash report right now."
    assert lines[1] == ("If you could take over the counting or lock the cashbox by five, "
                        "it would mean a lot.")
    assert lines[2] == "I can do the filing tomorrow in return."


def test_offer_line_only_when_there_is_an_offer() -> None:
    no_offer = req(task="the cash report", asks=["count the till"])
    for lang_req in (no_offer, req("ja", task="資料", asks=["確認して"])):
        for p in POLITENESS:
            msg = render(lang_req, "three-lines", p)
            assert len(msg.split("\n")) == 2, msg
            assert "in return" not in msg and "代わりに" not in msg


@pytest.mark.parametrize("politeness", POLITENESS)
def test_ja_three_lines_each_politeness(politeness: str) -> None:
    msg = render(JA_FULL, "three-lines", politeness)
    lines = msg.split("\n")
    assert len(lines) == 3, msg
    assert lines[0].startswith("田中さん、")
    assert "資料の作成" in lines[0]
    # Both asks, joined with か, in the right form for the level.
    assert "資料を確認して" in lines[1] and "スライドを印刷して" in lines[1]
    assert "か、" in lines[1]
    assert "明日までに" in lines[1]
    assert "明日のシフトに入" in lines[2]


def test_ja_politeness_levels_use_their_own_forms() -> None:
    casual = render(JA_FULL, "three-lines", "casual")
    polite = render(JA_FULL, "three-lines", "polite")
    honorific = render(JA_FULL, "three-lines", "honorific")
    assert "困ってて" in casual and "もらえると助かる。" in casual
    assert "ます" not in casual.split("\n")[1]
    assert "困っています。" in polite and "いただけると助かります。" in polite
    assert "いただけますと大変助かります" in honorific and "困っております" in honorific
    assert "いただけますと" not in casual and "いただけますと" not in polite
    assert "もらえると" not in honorific
    assert "入ります" in polite and "入るよ" in casual


def test_en_politeness_levels_differ() -> None:
    casual, polite, honorific = (render(EN_FULL, "three-lines", p) for p in POLITENESS)
    assert "that would really help" in casual
    assert "it would mean a lot" in polite
    assert "would be able to" in honorific and "very grateful" in honorific
    assert len({casual, polite, honorific}) == 3


# --- workplace -------------------------------------------------------------------------------


def test_en_workplace_states_risk_split_and_talk() -> None:
    msg = render(EN_FULL, "workplace")
    assert "\n" not in msg
    assert msg.startswith("Tanaka, there's a risk that the cash report won't be done by five.")
    assert "If I do the filing tomorrow and you could take over the counting or lock the cashbox" in msg
    assert "we can finish on time" in msg
    assert msg.endswith("Could we talk for 30 minutes?")


def test_en_workplace_verbal_task_and_default_talk() -> None:
    r = req(task="finish the quarterly summary", asks=["take the charts"], deadline="friday")
    msg = render(r, "workplace")
    assert "There's a risk I won't be able to finish the quarterly summary by Friday." in msg
    assert "If you could take the charts, I can focus on the rest" in msg
    assert msg.endswith("Could we talk for a few minutes?")


def test_en_workplace_duration_in_hours() -> None:
    r = req(task="the audit", duration_minutes=60)
    assert render(r, "workplace").endswith("Could we talk for an hour?")


@pytest.mark.parametrize("politeness,talk", [("casual", "30分くらい話せる？"),
                                             ("polite", "30分ほどお話しできますか。"),
                                             ("honorific", "30分ほどお時間をいただけますでしょうか。")])
def test_ja_workplace(politeness: str, talk: str) -> None:
    msg = render(JA_FULL, "workplace", politeness)
    assert "資料の作成が明日の締め切りに間に合わない" in msg
    assert "私が明日のシフトに入" in msg
    assert msg.endswith(talk)
    if politeness == "honorific":
        assert "恐れがございます" in msg and "いただけましたら" in msg


# --- short -----------------------------------------------------------------------------------


def test_short_is_one_sentence() -> None:
    en = render(req(task="the report", asks=["check the numbers"]), "short")
    assert en == "I'm struggling with the report right now, could you check the numbers?"
    assert en.count("?") == 1 and "\n" not in en


def test_ja_short_casual_without_slots_reads_like_a_text_message() -> None:
    msg = render(req("ja", Intent.EMOTIONAL), "short", "casual")
    assert msg == "今ちょっとしんどくて…少し話せる？"


def test_ja_short_honorific() -> None:
    msg = render(JA_FULL, "short", "honorific")
    assert msg.startswith("田中さん、資料の作成で困っておりまして、")
    assert msg.endswith("いただけますでしょうか。")


# --- intents ---------------------------------------------------------------------------------


@pytest.mark.parametrize("intent,slots,expect", [
    (Intent.HEALTH, {"feelings": ["dizzy"]}, "I'm not feeling well: dizzy."),
    (Intent.HEALTH, {"feelings": ["dizzy", "tired"]}, "I'm not feeling well: dizzy and tired."),
    (Intent.EMOTIONAL, {}, "I'm having a hard time right now."),
    (Intent.EMOTIONAL, {"feelings": ["anxious"]}, "I'm having a hard time right now: feeling anxious."),
    (Intent.QUESTION, {"task": "the new leave form"}, "I have a question about the new leave form."),
    (Intent.REVIEW, {"task": "my report"}, "Could you look over my report?"),
    (Intent.TECHNOLOGY, {"task": "the printer"}, "I'm stuck with the printer and can't get it to work."),
    (Intent.MOBILITY, {}, "I'm having trouble getting around right now."),
    (Intent.PHYSICAL_TASK, {"task": "the boxes"}, "I can't manage the boxes on my own right now."),
    (Intent.OTHER, {}, "I could use some help right now."),
])
def test_en_openings_per_intent(intent: Intent, slots: dict, expect: str) -> None:
    assert render(req("en", intent, **slots)).split("\n")[0] == expect


def test_intent_specific_fallback_when_nothing_asked() -> None:
    assert render(req(intent=Intent.EMOTIONAL)).split("\n")[1] == \
        "If you could listen for a little while, it would mean a lot."
    assert "教えていただけると助かります" in render(req("ja", Intent.QUESTION, task="経費精算"))


def test_gerund_asks_become_requests() -> None:
    r = req(intent=Intent.REVIEW, asks=["reading over my cover letter"], offer="moving your boxes")
    lines = render(r).split("\n")
    assert lines[1] == "If you could read over my cover letter, it would mean a lot."
    assert lines[2] == "I can move your boxes in return."


def test_ja_deadline_that_names_the_deadline() -> None:
    r = req("ja", task="企画書", deadline="金曜の締め切り")
    msg = render(r, "workplace")
    assert "企画書が金曜の締め切りに間に合わない" in msg and "締め切りの締め切り" not in msg


def test_ja_recipient_is_not_repeated_inside_the_slots() -> None:
    r = req("ja", Intent.REVIEW, task="部長に報告書", asks=["田中さんに資料を確認して"], recipient="部長")
    msg = render(r, politeness="honorific")
    assert msg.startswith("部長、報告書をご確認いただけますでしょうか。")
    assert "田中さんに資料を確認して" in msg  # someone else named stays


def test_first_person_kept() -> None:
    msg = render(req(intent=Intent.REVIEW, task="my report", asks=["check my numbers"]))
    assert "my report" in msg and "check my numbers" in msg
    assert "your report" not in msg


# --- crisis ----------------------------------------------------------------------------------


def test_crisis_message_is_short_and_direct() -> None:
    r = req(intent=Intent.EMERGENCY, crisis=True, task="chest pain",
            resources=[Resource("Ambulance", "119"), Resource("Police", "110")])
    for style in STYLES:
        assert render(r, style, boundary=True) == "I need help now: chest pain. Please call 119."
    ja = req("ja", Intent.EMERGENCY, crisis=True, feelings=["胸の痛み"],
             resources=[Resource("救急", "119")])
    assert render(ja, "short", "honorific") == "今すぐ助けが必要です：胸の痛み。119に電話してください。"


def test_crisis_names_what_happens_only_in_plain_words() -> None:
    r = req(intent=Intent.EMERGENCY, crisis=True, task="getting up", resources=[Resource("EMS", "911")])
    assert render(r) == "I need help now. Please call 911."


def test_crisis_without_anything_known() -> None:
    r = req(intent=Intent.EMERGENCY, crisis=True)
    assert render(r) == "I need help now."


# --- greeting and boundary -------------------------------------------------------------------


@pytest.mark.parametrize("lang,who,start", [
    ("en", "tanaka", "Tanaka, "), ("en", "my manager", "I'm"), ("en", "Priya", "Priya, "),
    ("ja", "田中", "田中さん、"), ("ja", "田中さん", "田中さん、"), ("ja", "部長", "部長、"),
    ("ja", "上司", "今、"), ("ja", "鈴木 さん に", "鈴木さん、"),
])
def test_greeting(lang: str, who: str, start: str) -> None:
    r = req(lang, task="the report" if lang == "en" else "資料", recipient=who)
    msg = render(r)
    assert msg.startswith(start), msg
    assert "上司、" not in msg and "さんさん" not in msg


def test_recipient_argument_overrides_slot_and_empty_means_none() -> None:
    r = req(task="the report", recipient="Tanaka")
    assert render(r, recipient="Priya").startswith("Priya, ")
    assert render(r, recipient="").startswith("I'm struggling")


def test_greeting_lowercases_the_following_word() -> None:
    r = req(intent=Intent.REVIEW, task="my report", recipient="Sam")
    assert render(r).startswith("Sam, could you look over my report?")


@pytest.mark.parametrize("lang,politeness,line", [
    ("en", "polite", "No worries if you can't — I'll ask someone else."),
    ("ja", "polite", "難しければ大丈夫です。他の人にも聞いてみます。"),
    ("ja", "casual", "難しかったら大丈夫。他の人にも聞いてみるね。"),
])
def test_boundary_line(lang: str, politeness: str, line: str) -> None:
    r = req(lang, task="the report" if lang == "en" else "資料")
    assert render(r, politeness=politeness, boundary=True).split("\n")[-1] == line
    assert line not in render(r, politeness=politeness)


def test_honorific_boundary_is_keigo() -> None:
    msg = render(req("ja", task="資料"), politeness="honorific", boundary=True)
    assert "他の方にも相談いたします" in msg


# --- robustness: never "None", never an empty blank ------------------------------------------

_BAD = re.compile(r"None|___|\{|\}| {2}|with +right now|with +\.|\s[,.?!]|,,|\.\.|、、|。。|を を|^\s|\s$")

EN_PARTS = {"task": ["", "the report", "um finish the report"], "asks": [[], ["check the numbers"],
            ["the slides", "print the handouts for me please"]], "offer": [None, "the filing", "I can cover friday"],
            "recipient": [None, "Tanaka", "my manager"], "deadline": [None, "by five"],
            "duration_minutes": [None, 20], "feelings": [[], ["dizzy"]]}
JA_PARTS = {"task": ["", "資料", "えっと レポート を 終わらせる"], "asks": [[], ["取っ て"], ["グラフ", "確認します"]],
            "offer": [None, "ファイリング", "ランチ おごる"], "recipient": [None, "田中", "上司"],
            "deadline": [None, "明日 まで に"], "duration_minutes": [None, 90], "feelings": [[], ["めまい"]]}


@pytest.mark.parametrize("lang,parts", [("en", EN_PARTS), ("ja", JA_PARTS)])
def test_no_bad_fragments_across_partial_requests(lang: str, parts: dict) -> None:
    keys = list(parts)
    count = 0
    intents = list(Intent)
    for i, combo in enumerate(itertools.product(*(parts[k] for k in keys))):
        slots = dict(zip(keys, combo))
        dl = slots.pop("deadline")
        # Every slot combination with two intents in turn (all ten intents are covered).
        for intent in (intents[i % 10], intents[(i + 5) % 10]):
            r = req(lang, intent, deadline=dl, **slots)
            for style, politeness in itertools.product(STYLES, POLITENESS):
                msg = render(r, style, politeness, boundary=bool(count % 2))
                count += 1
                assert msg, (slots, intent, style, politeness)
                for line in msg.split("\n"):
                    assert not _BAD.search(line), (line, slots, intent, style, politeness)
                if lang == "en":
                    assert msg[0].isupper(), msg
                    assert not re.search(r"\b(um|uh)\b|handouts for me|handouts,? please", msg), msg
                else:
                    assert "えっと" not in msg and not re.search(r"[ぁ-ん一-龥] [ぁ-ん一-龥]", msg), msg
    assert count > 7000


def test_templates_every_list_can_always_render() -> None:
    """The last wording of each required part needs no slot, so an empty request still renders."""
    for lang in ("en", "ja"):
        for intent in Intent:
            for style, politeness in itertools.product(STYLES, POLITENESS):
                msg = render(HelpRequest(language=lang, intent=intent), style, politeness)
                assert msg and "{" not in msg
        assert load_templates(lang)["language"] == lang


def test_bad_options_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        render(EN_FULL, "poem")
    with pytest.raises(UsageError):
        render(EN_FULL, politeness="rude")
    with pytest.raises(UsageError):
        render(EN_FULL, lang="fr")


def test_control_characters_never_reach_the_message() -> None:
    r = req(task="the \x1b[31mreport\x07", asks=["check\x1b]0;title\x07 it"], recipient="Sam\x1b[2J")
    msg = render(r)
    assert "\x1b" not in msg and "\x07" not in msg
    assert "the report" in msg
