"""What blind reading 17 found, fixed as general mechanisms and checked on sentences written for
these tests (not the graded ones).

English: a question said first after the helper's name ("bron could you…") keeps its question
mark; a tag or statement-shaped question at the end ("…does seven suit", "you think I should…",
"is that one of them scams") is asked; "Excuse me, what time…" is a question, so no ask is made up;
an invitation said as an imperative ("come by Sunday for your tea") asks by itself; "more than you
know" keeps its "you know"; "slide | nine" and "she thinks | it's daily" are not cut; a typed
dash does not end a sentence with "—."; the workplace risk frame only when the person said the
task is at risk.

Japanese: a letter's last line with a name alone signs it, last (「…よろしくお願いいたします。宮本」);
「孫の大翔に教えてほしい」 said to 大翔 loses 「孫の大翔に」; 「おかあさん」 typed in kana is the
「お母さん」 the greeting calls; 「たけるー 明日…」 calls たける.
"""

from __future__ import annotations

import pytest

from .compose_support import say


MADE_UP = ("Could you give me a hand", "Could you help me", "Would you be able to help", "Could we talk for a bit",
           "手伝っていただけませんか")


# --- English ---------------------------------------------------------------------------------


def test_a_question_after_the_name_keeps_its_mark() -> None:
    message = say("kez could you um lend me twenty quid till friday the electric's due", to="Kez")
    assert "could you lend me twenty quid till friday" in message.lower(), message
    assert "?" in message and "Friday." not in message, message


@pytest.mark.parametrize("said, to, asked", [
    ("ah noel thanks a million for the lift honestly i'll cook you lunch sunday does one o'clock suit", "Noel",
     "Does one o'clock suit?"),
    ("nurse amy my sugar was high this morning and i feel shaky you think i should come in before monday", "Nurse Amy",
     "You think I should come in before Monday?"),
    ("tom there's a text saying my parcel's held and i need to pay two pounds is that a scam can you ring me", "Tom",
     "Is that a scam?"),
])
def test_a_question_said_at_the_end_is_asked(said: str, to: str, asked: str) -> None:
    message = say(said, to=to)
    assert asked in message, message


def test_excuse_me_then_a_question_gets_no_made_up_ask() -> None:
    message = say("um excuse me uh what time does the library close on saturdays i couldn't see a sign",
                  to="the front desk")
    assert "what time does the library close on Saturdays?" in message, message
    assert not any(m in message for m in MADE_UP), message


def test_an_invitation_asks_by_itself() -> None:
    message = say("rory it's your gran the house is quiet since grandad went come by saturday for your dinner",
                  to="Rory")
    assert "come by Saturday for your dinner" in message, message
    assert not any(m in message for m in MADE_UP), message


def test_more_than_you_know_keeps_its_you_know() -> None:
    message = say("Hi Ade, thank you for driving me to the scan. It meant more than you know.", to="Ade")
    assert "more than you know" in message, message


@pytest.mark.parametrize("said, whole", [
    ("can you check my slides before the pitch the chart on slide four looks wrong", "slide four looks wrong"),
    ("Hi, the leaflet says twice a day but my dad thinks it's once — could you check with the GP? Thanks, Amir",
     "my dad thinks it's once"),
])
def test_not_cut_inside_a_phrase(said: str, whole: str) -> None:
    message = say(said)
    assert whole in message, message
    assert "—." not in message, message


def test_the_risk_frame_only_when_the_task_is_at_risk() -> None:
    plain = say("Dear IT, my email stopped syncing on Monday. Could you please fix it by Wednesday as I need the "
                "rota files? Thanks, Jo", style="workplace", to="IT")
    assert "risk" not in plain and "concerned" not in plain and "Could we talk" not in plain, plain
    at_risk = say("I can't finish the monthly report by five, could you check the figures", style="workplace")
    assert "There's a risk I won't finish the monthly report by five." in at_risk, at_risk


# --- Japanese --------------------------------------------------------------------------------


def test_a_name_alone_last_signs_the_letter() -> None:
    message = say("佐藤課長\nお疲れ様です。\n来週の会議資料を作成しました。\nお手すきの際にご確認いただけますでしょうか。\n"
                  "よろしくお願いいたします。\n小池", "ja", to="佐藤課長")
    assert message.endswith("よろしくお願いいたします。小池"), message
    assert "小池。" not in message, message


def test_the_helper_spoken_of_with_ni_is_spoken_to() -> None:
    message = say("あの ね 孫 の 陽菜 に ね タブレット の 文字 を 大きく する の 教え て ほしい", "ja",
                  politeness="casual", to="陽菜")
    assert message.startswith("陽菜、"), message
    assert "孫の陽菜に" not in message and message.count("陽菜") == 1, message


def test_a_kin_word_in_kana_is_the_one_called() -> None:
    message = say("おとうさん にわの草 かってほしい こんどのやすみに", "ja", to="お父さん")
    assert message.count("お父さん") + message.count("おとうさん") == 1, message


def test_a_name_with_a_long_vowel_calls_them() -> None:
    message = say("はるとー 明日の塾 何時から？", "ja", politeness="casual", to="はると")
    assert message.startswith("はると、明日の塾"), message
    assert "ー" not in message, message


def test_a_closing_with_two_lead_words_stays_a_closing() -> None:
    message = say("山田様\nいつもお世話になっております。\n来週の打ち合わせの資料をお送りします。\n"
                  "ご確認のほど、何卒よろしくお願い申し上げます。\n佐藤", "ja", to="山田様")
    assert "ご確認のほど、何卒よろしくお願い申し上げます。" in message, message
    assert "お願いできませんか" not in message, message
