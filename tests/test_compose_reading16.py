"""What blind reading 16 found, fixed as general mechanisms and checked on sentences written for
these tests (not the graded ones).

English: the helper called again anywhere in what was said ("sorry to bother you again mrs
khan it's…", "can't reach it bill help", "could you ask them jo", "thank you doctor shah for…") is
called once, by the greeting — but "ask Mum", "Lisa's keys" and "jakes mom" are spoken of; an
emergency says "I need help now:" once, not "help, help Gary"; a greeted helper's offer keeps its
pronouns ("I'll leave her lead" is the dog's); an offer that only makes the ask easier ("I can come
to yours") gets no "in return".

Japanese: a letter's group address (「総務課 ご担当者様⏎」「@営業チーム各位」「…御中⏎」「…の皆さま⏎」) and
「経理部さんですか」 on the phone are replaced by the greeting, not said twice; an emoji with joiners
(🙇‍♀️) is never cut into debris; 「燃えないゴミ」 is not a fire; 「今日一緒に帰れる」 said last asks; a
thank-you said first stays in a short message; phrases typed with spaces get 、 and 。 where they
belong (「土曜の法事 駅から お寺まで」 is not 「法事駅」), and 「おねがいします」 typed in kana is an ask.
"""

from __future__ import annotations

import pytest

from voice_helper.nlu import safety

from .compose_support import say


# --- English ---------------------------------------------------------------------------------


@pytest.mark.parametrize("said, to, kept", [
    ("sorry to bother you again mrs khan it's just the recycling bins could you take them down the steps",
     "Mrs Khan", "it's just the recycling bins"),
    ("shelf too high can't reach it bill help please", "Bill", "can't reach it"),
    ("the lift at the station is broken again can you ask them jo", "Jo", "Could you ask them?"),
    ("thank you doctor shah for for sorting my inhaler out i can breathe much better", "Dr Shah",
     "thank you for sorting my inhaler out"),
    ("um i've written the speech for the wedding could you read it before friday uncle dev", "Uncle Dev",
     "Could you read it before Friday?"),
    ("i don't know who else to ask nana since the move everything's a mess could you help me unpack on sunday",
     "Nana", "who else to ask since the move"),
])
def test_the_helper_called_again_is_called_once(said: str, to: str, kept: str) -> None:
    message = say(said, to=to)
    assert message.lower().count(to.split()[-1].lower()) == 1, message
    assert kept.lower() in message.lower(), message


@pytest.mark.parametrize("said, to, kept", [
    ("could you ask mum's neighbour to feed the cat", "Mum", "Mum's neighbour"),
    ("i left lisa's charger in your car could you bring it tomorrow", "Lisa", "lisa's charger"),
    ("um jakes mom can't drive us to practice today could you", "Mom", "jakes Mom"),
])
def test_a_name_spoken_of_stays(said: str, to: str, kept: str) -> None:
    message = say(said, to=to)
    assert kept.lower() in message.lower(), message


def test_an_emergency_says_help_once() -> None:
    message = say("help help ravi i've fallen off the ladder and i can't move my leg", to="Ravi")
    assert "I need help now: I've fallen off the ladder" in message, message
    assert "help Ravi" not in message and "help," not in message, message
    alone = say("help i've burnt my arm really badly on the oven and the skin's coming off")
    assert "I need help now: help" not in alone, alone


def test_a_greeted_helpers_offer_keeps_its_pronouns() -> None:
    message = say("Hi Ama, could you look after Rex (our dog) this weekend? We have a funeral in Leeds. I'll leave "
                  "his food and his lead.", to="Ama")
    assert "his food and his lead" in message, message
    spoken_of = say("could tony fix my bike i'll buy him a pint")
    assert "I'll buy you a pint" in spoken_of, spoken_of


def test_an_offer_that_only_eases_the_ask_is_not_in_return() -> None:
    message = say("Hi Femi, could you sign my passport form as a witness? I can come to yours Thursday evening.",
                  to="Femi")
    assert "in return" not in message, message
    swap = say("could you check my essay i can do your washing up all week")
    assert "in return" in swap, swap


# --- Japanese --------------------------------------------------------------------------------


@pytest.mark.parametrize("said, to", [
    ("総務課 ご担当者様\nお疲れ様です。営業部の森です。\n住所変更の手続きに必要な書類を教えていただけますでしょうか。", "総務課"),
    ("@営業チーム各位 来週の展示会、ブースの設営を手伝ってもらえる人いませんか🙏", "営業チームの皆さん"),
    ("市民センター 御中\n来月の会議室の予約を変更したいのですが、可能でしょうか。", "市民センター"),
    ("経理部の皆さま\n先日は精算の件ありがとうございました。領収書の原本はどこに提出すればよいですか？", "経理部"),
    ("えーと 経理 部 さん です か あの 営業 の 田村 です けど 請求 書 の 控え を 送っ て もらえ ませ ん か", "経理部"),
])
def test_a_group_address_is_said_once(said: str, to: str) -> None:
    message = say(said, "ja", to=to)
    for debris in ("ご担当者様", "各位", "御中", "皆さま", "さんですか", "@"):
        assert debris not in message, message
    assert message.count(to.replace("の皆さん", "")) == 1, message


def test_an_emoji_with_joiners_is_never_cut() -> None:
    for politeness in ("polite", "casual"):
        message = say("ひなた〜明日の発表のスライド見てくれる？🙇‍♀️", "ja", politeness=politeness, to="ひなた")
        assert "\u200d" not in message.replace("🙇\u200d♀️", ""), message
        assert not any(ch in message for ch in ("️。", "？️", "♀。")), message


def test_burnable_rubbish_is_not_a_fire() -> None:
    assert safety.check("すみません 燃えないゴミ の 日 って 何曜日 でし た っけ", "ja") is None
    assert safety.check("燃やすごみは月曜ですか", "ja") is None
    assert safety.check("台所が燃えてる 助けて", "ja") is not None


@pytest.mark.parametrize("said, ask", [
    ("あの さ 部活 で いろいろ あって さ 今日 の 帰り 一緒 に 帰れ る", "一緒に帰れる？"),
    ("ばあちゃん 来週 の 土曜 一緒 に 買い物 行け る", "一緒に買い物行ける？"),
])
def test_a_spoken_can_we_said_last_asks(said: str, ask: str) -> None:
    message = say(said, "ja", politeness="casual")
    assert ask in message, message


def test_a_thank_you_said_first_stays_in_short() -> None:
    message = say("ありがとう ありがとう 先週 引っ越し 助かっ た", "ja", style="short", politeness="casual", to="和子")
    assert "ありがとう" in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("あきこ 日曜の同窓会 駅から 会場まで 車 おねがいします 腰がいたくて 歩けません",
     ["日曜の同窓会、駅から会場まで車"], ["同窓会駅", "手を貸して"]),
    ("佐藤さん おつかれさまです 請求書の金額 あってるか 見てもらえますか 今日中に出したいです",
     ["請求書の金額、"], ["金額。"]),
])
def test_phrases_typed_with_spaces(said: str, kept: list[str], gone: list[str]) -> None:
    message = say(said, "ja", politeness="polite")
    for k in kept:
        assert k in message, message
    for g in gone:
        assert g not in message, message


def test_a_kana_closing_stays_a_closing() -> None:
    message = say("店長、すみません。来週の日曜、シフトを代わってもらえますか？よろしくおねがいします。", "ja", to="店長")
    assert "よろしくおねがいします。" in message and "お願いできますでしょうか。" not in message.split("？")[-1], message
