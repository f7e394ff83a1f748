"""What the seventh blind reading found, fixed as general mechanisms and checked on sentences
written for these tests (not the graded ones): unpunctuated English cut into sentences by a learned
model held in by grammar, "someone" kept when the message goes to a manager, helpers called by
name in the middle of a run-on, the short style keeping what the ask is about, one register for a
dialect speaker, and data files that say what they mean.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest

from voice_helper.compose import compose_text
from voice_helper.config import Settings
from voice_helper.text import en as te
from voice_helper.text.punctuate import find_ends, punctuate

NOW = datetime(2026, 12, 7, 9, 30)


def say(text: str, lang: str, style: str = "three-lines", to: str | None = None,
        politeness: str | None = None) -> str:
    return compose_text(text, lang=lang, style=style, to=to, politeness=politeness, settings=Settings(),
                        now=NOW).message.replace("\n", " ")


def request(text: str, lang: str, to: str | None = None):  # noqa: ANN201 - a HelpRequest
    return compose_text(text, lang=lang, to=to, settings=Settings(), now=NOW)


def ends(text: str) -> list[str]:
    """The words after each sentence end the model finds in ``text``."""
    words = [te.low(t) for t in te.clean_tokens(te.tokens(text)) if te.is_word(t)]
    return [words[i] for i in sorted(find_ends(words))]


# --- sentence ends in English speech ------------------------------------------------------------


@pytest.mark.parametrize("text,wanted", [
    ("could you look over my cover letter tonight the deadline is friday at noon",
     "Could you look over my cover letter tonight? The deadline is Friday at noon."),
    ("where do i send the timesheet i started on monday and nobody told me",
     "Where do I send the timesheet? I started on Monday and nobody told me."),
    ("the dishwasher is leaking all over the floor again could you have a look at the weekend its making a horrible noise",
     "Could you have a look at the weekend? It's making a horrible noise."),
    ("the gate is stuck again it wont open could someone come and fix it", "The gate is stuck again. It won't open."),
])
def test_run_on_speech_is_cut_where_sentences_end(text: str, wanted: str) -> None:
    assert wanted in say(text, "en")


@pytest.mark.parametrize("text,whole", [
    ("could somebody from the front desk ring me back about the parking permit",
     "somebody from the front desk ring me back"),  # the question's verb has not come yet at "desk"
    ("the coffee machine on floor three keeps tripping the fuse could someone from facilities look at it",
     "floor three keeps tripping"),  # a number after a noun is part of it
    ("i need help sorting out my pension forms before the end of the month",
     "pension forms before the end of the month"),  # a gerund after "help" belongs to it
    ("since the office moved upstairs the lift has been broken twice could you carry the post up",
     "Since the office moved upstairs, the lift"),  # a leading clause takes a comma, not a stop
    ("could you show me the ward we're moving to next week", "the ward we're moving to next week"),
])
def test_a_sentence_is_not_cut_in_two(text: str, whole: str) -> None:
    assert whole in say(text, "en")


def test_typed_punctuation_is_left_as_the_person_wrote_it() -> None:
    toks = te.tokens("My back hurts. Could you carry the bags up? Thanks")
    assert punctuate(te.clean_tokens(toks)) == te.clean_tokens(toks)


def test_no_sentence_shorter_than_three_words_is_cut_out() -> None:
    found = ends("kettle broke need a new one tomorrow can you get one from the shop on the corner")
    words = [te.low(t) for t in te.clean_tokens(te.tokens(
        "kettle broke need a new one tomorrow can you get one from the shop on the corner")) if te.is_word(t)]
    positions = [i for i, w in enumerate(words) if w in found]
    assert all(b - a >= 3 for a, b in zip(positions, positions[1:]))


def test_a_name_before_the_ask_opens_it_rather_than_closing_the_sentence_before() -> None:
    r = request("so the minutes from tuesday are still not typed up priya could you do them today", "en")
    assert r.slots.recipient == "Priya"
    assert "Priya, " in r.message and "Priya." not in r.message


# --- who is asked -------------------------------------------------------------------------------


@pytest.mark.parametrize("to", ["Gary", "Ms Adeyemi"])
def test_someone_stays_someone_when_the_message_goes_to_a_manager(to: str) -> None:
    out = say("I've got a temperature and can't come in today, could someone cover my Saturday shift?", "en", to=to)
    assert "Could someone cover my Saturday shift?" in out


@pytest.mark.parametrize("to", [None, "Mum", "Auntie Pat", "Grandad"])
def test_someone_is_you_when_nobody_or_family_is_asked(to: str | None) -> None:
    out = say("could someone pick me up from the station at nine", "en", to=to)
    assert "you pick me up" in out and "someone" not in out


def test_japanese_dareka_stays_when_the_message_goes_to_the_manager() -> None:
    out = say("熱が下がらなくて、今日は出られません。明日の朝番、誰か代わってもらえませんか。", "ja", to="店長")
    assert "誰か代わって" in out
    out = say("熱が下がらなくて、今日は出られません。明日の朝番、誰か代わってもらえませんか。", "ja", to="お母さん")
    assert "誰か" not in out


# --- helpers called by name inside a run-on ------------------------------------------------------


@pytest.mark.parametrize("text,helper", [
    ("ねえ 明日 の 発表 の スライド 見て くれる 美咲 夜 まで に 直し たい の", "美咲"),
    ("最近 眠れ なくて ちょっと 話 聞いて くれ ない か 修", "修"),
    ("この前 は 送って くれて ありがと 大輝 今度 ご飯 おごる ね", "大輝"),
    ("あの 熱 が あって ごめん お父さん 薬 買って きて もらえる", "お父さん"),
    ("腰 が 痛くて 今日 は 重い の 無理 です 配置 変えて もらえ ない です か 班長", "班長"),
])
def test_a_name_called_between_sentences_is_the_helper(text: str, helper: str) -> None:
    r = request(text, "ja")
    assert r.slots.recipient == helper
    assert r.message.startswith(helper + "、")
    assert r.message.count(helper) == 1


@pytest.mark.parametrize("text", [
    "昨日 陽子 に 頼んだ 資料 が まだ 来て ない ん です けど 誰か 確認 して もらえ ます か",
    "来週 の 集まり 来て くれん かのう 手ぶら で ええ けん",
])
def test_a_name_spoken_of_or_a_dialect_particle_is_not_the_helper(text: str) -> None:
    r = request(text, "ja")
    assert r.slots.recipient is None


@pytest.mark.parametrize("text,helper", [
    ("just wanted to say thanks for the lift on friday sam it made my week", "Sam"),
    ("cheers for sorting the wifi yesterday tom its been perfect since", "Tom"),
])
def test_an_english_name_called_at_a_sentence_end_is_the_helper(text: str, helper: str) -> None:
    r = request(text, "en")
    assert r.slots.recipient == helper
    assert r.message.startswith(helper + ", ")


@pytest.mark.parametrize("text", ["i went to the match with tom it was freezing", "i told sam i would be late"])
def test_a_name_after_a_verb_or_preposition_is_spoken_of(text: str) -> None:
    assert request(text, "en").slots.recipient is None


def test_the_helper_called_again_at_the_end_is_called_once() -> None:
    out = say("the boiler is making a banging noise again could you ring the landlord for me mum", "en",
              to="Mum", style="short")
    assert out.startswith("Mum, ") and not out.rstrip("?.").endswith("Mum")
    assert "ask Mum" in say("the boiler is banging could you ask mum what the landlord said", "en", to="Dad")


# --- the short style keeps what the ask is about -------------------------------------------------


def test_short_keeps_what_a_bare_ask_leans_on() -> None:
    out = say("The new wardrobe arrived flat-packed and the instructions make no sense to me. "
              "Would one of you be able to help on Sunday afternoon? I'll make lunch.", "en", style="short")
    assert "wardrobe" in out or "instructions" in out
    out = say("Mum's stairlift needs its battery changed before the engineer comes on Friday. It's heavy. "
              "Could you and Leon come round on Thursday evening?", "en", style="short", to="Ravi")
    assert "stairlift" in out or "battery" in out or "heavy" in out


def test_a_thank_you_keeps_its_order() -> None:
    out = say("Thank you for walking the dog every morning while I was in hospital. He's missed you already.",
              "en", style="short", to="Irene")
    assert out.lower().index("thank you") < out.index("He's missed you")


# --- casing --------------------------------------------------------------------------------------


def test_a_teacher_called_miss_is_cased_and_missing_someone_is_not() -> None:
    assert "Miss Okoro" in say("could you ask miss okoro if i can hand the project in on monday", "en")
    assert "I miss my sister" in say("i miss my sister so much could we talk tonight", "en")


def test_a_role_before_a_clause_is_not_a_title() -> None:
    out = say("Could you ask the practice nurse when she's free to do my dressing?", "en")
    assert "practice nurse when she's free" in out


# --- one register for a dialect speaker -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ストーブの灯油が切れてしもうたんじゃけど、重うて一人じゃ運べんのよ。明日の朝、運んでくれんかのう。",
    "田んぼの水路に枝が詰まっとると。一人じゃ取れんけん、明日手伝ってくれんね？",
])
def test_a_dialect_speaker_gets_one_register_when_nobody_set_another(text: str) -> None:
    out = say(text, "ja")
    assert "いただけ" not in out and "ます" not in out
    assert say(text, "ja", politeness="polite") == text  # typed in dialect: sent as typed, in any register


def test_a_western_negative_is_never_turned_into_its_opposite() -> None:
    out = say("重うて一人じゃ運べんのよ。明日の朝、運んでくれんかのう。", "ja", politeness="polite")
    assert "運べます" not in out and "運べん" in out


def test_a_standard_casual_speaker_still_gets_the_polite_default() -> None:
    out = say("えーと あの 明日 まで に 見積書 を 作ら ない と いけ なく て 手伝っ て もらえ ない かな", "ja")
    assert "いただけ" in out


def test_the_register_does_not_depend_on_the_run() -> None:
    code = ("from voice_helper.compose import compose_text\n"
            "for t in ['父の通院が毎週火曜で、送迎がなくなってしまいました。いとこの健一に土曜だけお願いできないかな。',"
            "'荷物が重くて、階段がきついです。誰か手伝ってくれない？']:\n"
            "    print(compose_text(t, lang='ja').message)\n")
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout)
    assert len(outs) == 1


# --- from the eighth reading (set 8, read after it was graded; sentences written anew) -----------


@pytest.mark.parametrize("text,to,wanted,banned", [
    ("Dear Mrs Achebe, would you be able to look over my tenancy form before Friday? I'm unsure about section 4. "
     "Kind regards, Tomasz", None, "Mrs Achebe, would you be able to look over my tenancy form before Friday? "
                                   "I'm unsure about section 4. Kind regards, Tomasz.", "Dear"),
    ("Good morning Ms Varga. Could you possibly move my appointment to Thursday? Thank you for your help.", None,
     "Ms Varga, could you possibly move my appointment to Thursday? Thank you for your help.", "Good morning"),
    ("Hi everyone! The quiz night is on the 9th from 7. Would be great to see you!", None,
     "see you!", "Everyone"),
])
def test_a_typed_letter_keeps_its_greeting_as_the_address_and_its_sign_off_last(
        text: str, to: str | None, wanted: str, banned: str) -> None:
    out = say(text, "en", to=to)
    assert wanted.replace("!", ".") in out.replace("!", ".") and banned not in out


@pytest.mark.parametrize("text", [
    "Could someone help me put the new pram together? The instructions are useless and the baby is coming next month.",
    "Just so you know, I've started nights at the depot, so I won't be around weekday afternoons any more.",
    "My inhaler prescription has run out and the chemist is shut. Could somebody ring the surgery for me at nine tomorrow? "
    "I've lost my voice so I can't talk on the phone.",
])
def test_ordinary_news_and_errands_are_no_emergency(text: str) -> None:
    r = request(text, "en")
    assert not r.crisis and "911" not in r.message and "988" not in r.message


@pytest.mark.parametrize("text", [
    "タブレット の 充電 が 死に そう で 充電器 を 持って きて もらえる かな",
    "自転車 の タイヤ が 抜けた から 空気入れ 貸して くれない",
])
def test_japanese_errands_with_dying_batteries_and_air_pumps_are_no_emergency(text: str) -> None:
    r = request(text, "ja")
    assert not r.crisis and "119" not in r.message


@pytest.mark.parametrize("text,wanted", [
    ("could you help me sort the recycling ill make us a brew after", "I'll make us a brew"),
    ("can you pick up the kids at three shes got a dentist appointment", "She's got a dentist appointment"),
    ("so were having a leaving do for sam on friday at the pub", "we're having a leaving do"),
    ("ill be late tomorrow cos my car is in the garage could you cover the first hour", "cos my car is in the garage"),
    ("Please reset my password before the audit. I am locked out since Monday.", "Please reset my password before the audit."),
    ("My booking reference is QX-20417 and the flight is on the 3rd.", "QX-20417"),
    ("I would be grateful if you could check the invoice totals today.", "If you could check the invoice totals today"),
])
def test_english_speech_and_typing_are_cleaned_without_changing_them(text: str, wanted: str) -> None:
    assert wanted in say(text, "en")


def test_i_feel_ill_stays_ill() -> None:
    assert "I feel ill" in say("i feel ill today could you walk the dog", "en")


def test_a_need_said_after_the_question_stays_after_it() -> None:
    out = say("Is the lift at the library working again? I want to go on Monday. I need it to reach the first floor.", "en")
    assert out.index("Is the lift") < out.index("I need it")


def test_short_keeps_what_weighs_on_someone_who_asks_to_talk() -> None:
    out = say("sam can we talk tonight things at work are really getting on top of me and i just need someone to "
              "listen", "en", style="short")
    assert "getting on top of me" in out


@pytest.mark.parametrize("to,greeting", [("母", "お母さん、"), ("祖父", "おじいちゃん、"), ("総務部", "総務部の皆さん、")])
def test_a_family_word_or_a_department_is_greeted_as_it_is_called(to: str, greeting: str) -> None:
    assert say("週末に書類を見てもらえませんか", "ja", to=to).startswith(greeting)


@pytest.mark.parametrize("to", ["娘", "弟", "妻"])
def test_a_family_member_called_by_name_gets_no_bare_kin_word(to: str) -> None:
    out = say("週末に書類を見てもらえない？", "ja", to=to)
    assert not out.startswith(to)


@pytest.mark.parametrize("text,helper", [
    ("おかん あの 明日 の 弁当 作って くれへん", "おかん"),
    ("ママ なんか スマホ に 変 な 通知 が 来た 見て くれる", "ママ"),
    ("あの テレビ が 映らなく て さ 兄ちゃん 今夜 見て くれない", "兄ちゃん"),
])
def test_a_recognized_family_call_is_the_helper_and_gets_no_keigo(text: str, helper: str) -> None:
    r = request(text, "ja")
    assert r.slots.recipient == helper
    assert "いただけ" not in r.message and "ます" not in r.message


def test_a_role_spoken_of_at_the_start_is_not_called() -> None:
    assert request("課長 に 出す 報告書 が 間に合わ なくて 誰か 表 を 見て もらえ ます か", "ja").slots.recipient is None


@pytest.mark.parametrize("text,wanted,banned", [
    ("明日 の 予定 が わから ない から 今夜 電話 して", "電話していただけませんか", "電話したんです"),
    ("来月の発表会、空けておいてね。", "空けておいて", "空けておいたんです"),
    ("塾 終わる の 八 時 なん だ けど 駅 まで 迎え に 来て くれない", "終わるの八時なん", "終わるの。"),
])
def test_a_request_said_as_a_te_form_stays_a_request(text: str, wanted: str, banned: str) -> None:
    out = say(text, "ja")
    assert wanted in out and banned not in out


# --- false alarms the ninth reading found (sentences written anew) --------------------------------


@pytest.mark.parametrize("text", [
    "Disaster, the sponge for Leo's birthday has collapsed. Could anyone grab a cake from the bakery before four?",
    "could you check the words on my shop sign before i order it i always get the spelling wrong",
    "the smoke alarm on the landing keeps chirping no fire just the battery could someone with steps change it",
    "The boiler has stopped again since Sunday. Please could you send someone to look at it this week?",
])
def test_errands_that_sound_alarming_are_no_emergency(text: str) -> None:
    r = request(text, "en")
    assert not r.crisis and "911" not in r.message


@pytest.mark.parametrize("text", [
    "my wife collapsed in the kitchen and isn't answering",
    "there's a fire in the kitchen and smoke everywhere",
    "please send someone now my husband is not breathing",
])
def test_the_same_words_in_an_emergency_still_are_one(text: str) -> None:
    assert request(text, "en").crisis


def test_a_cold_that_tightens_the_chest_is_an_errand() -> None:
    assert not request("風邪で胸が苦しいので、咳止めを買ってきてもらえますか。", "ja").crisis
    assert request("急に胸が締め付けられて左腕がしびれる", "ja").crisis
