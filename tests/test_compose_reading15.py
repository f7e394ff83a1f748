"""What blind reading 15 found, fixed as general mechanisms and checked on sentences written for
these tests (not the graded ones).

English: a question asked (typed with "?", or "I wanted to ask whether…", "quick question") gets
no ask made up for it, nor does a note that gives something away; "quick question: is…" opens its
own sentence; "no wait when I open…" keeps only the second try; a sentence is not cut inside "this
is Amara from | the seminar", "week | eight", "a massive | thank you" or "tell me how much | I
will pay"; "Thanks for understanding, Aisha" stays the sign-off; "Dear Sir/Madam" and "Hi all 👋"
greet nobody; "just letting you know, Rob, the plumber…" calls Rob once; "can someone… and
somebody else…" keeps both; a short message keeps what "have a listen" or "run me up" is about.

Japanese: 「ご確認いただけますと大変ありがたく存じます」 is an ask; a spoken 「週末会えたりする」 or
「ええとこ知らん」 said last asks; an apology after the ask is its own sentence; a breath 「な」 after
the name or a particle does not cut; 「来てくれへんか」 ends its question; dialect (行くでよ, 早よ,
〜なあかんくて, 〜んくなった) is understood; 「孫へ」 written without さん keeps no さん; 「訪問看護の田村さん」
is said once; a humble 「お送りしました」 stays so in casual; an emoji after a predicate ends it; 「足を
引きずる」 is a sign of stroke, 「あの件をまだ引きずって」 is not.
"""

from __future__ import annotations

import pytest

from voice_helper.nlu import safety

from .compose_support import say


MADE_UP = ("Could you give me a hand", "Could you help me", "手伝っていただけませんか", "少し話を聞いて")


# --- English ---------------------------------------------------------------------------------


@pytest.mark.parametrize("said, to", [
    ("hi nurse grace it's tom fielding um i wanted to ask whether i can eat before the blood test on friday", "Nurse Grace"),
    ("@Priya quick q — is the client call at 2 or at 3 tomorrow? Need to book a room", "Priya"),
    ("Excuse me, which bus goes to the eye hospital from the station? I have an appointment at 11.", None),
    ("hey coach ali this is sam's dad quick question do they need boots or trainers on saturday", "Coach Ali"),
])
def test_a_question_gets_no_made_up_ask(said: str, to: str | None) -> None:
    for style in ("three-lines", "short"):
        message = say(said, style=style, to=to)
        assert not any(m in message for m in MADE_UP), message


def test_quick_question_opens_its_own_sentence() -> None:
    message = say("hey coach ali this is sam's dad quick question do they need boots or trainers on saturday",
                  to="Coach Ali")
    assert "Quick question: do they need boots or trainers on Saturday?" in message, message
    assert "sam's dad." in message.lower(), message
    assert "Dad quick" not in message and "Sam's Dad" not in message, message


def test_a_note_giving_something_away_asks_nothing() -> None:
    said = "Hi all 👋 we've got a box of kids' books going spare if anyone wants them. On the porch at 22!"
    message = say(said)
    assert "Could you" not in message, message
    assert message.startswith("We've got a box of kids' books"), message
    assert message.index("box of kids' books") < message.index("porch"), message


def test_no_wait_keeps_the_second_try() -> None:
    message = say("mum my phone keeps freezing when i open the camera no wait when i open whatsapp "
                  "can you look tonight", to="Mum")
    assert "when I open WhatsApp" in message, message
    assert "camera" not in message and "wait" not in message.lower(), message


@pytest.mark.parametrize("said, whole", [
    ("hello doctor chen this is tomasz from the thursday lab group i wanted to ask whether the report for "
     "week nine is due friday or monday", ["from the Thursday lab group", "week nine is due"]),
    ("hi it's doris pike date of birth twelfth of june fifty two i need to book a blood test please",
     ["twelfth of June fifty two"]),
    ("just wanted to say a huge thank you to the lads who cleared the snow on our road this morning",
     ["a huge thank you to the lads"]),
])
def test_speech_is_not_cut_inside_a_phrase(said: str, whole: list[str]) -> None:
    message = say(said)
    for w in whole:
        assert w in message, message


def test_how_much_i_will_pay_is_one_question_and_sir_madam_greets_nobody() -> None:
    message = say("Dear Sir/Madam,\n\nMy council tax went up in April. Could you please tell me how much I will "
                  "pay each month?\n\nKind regards,\nOmar Said")
    assert "tell me how much I will pay each month?" in message, message
    # never "Sir/Madam, …" as if it were a name (reading 15); the typed "Dear Sir/Madam," line stays as
    # typed (reading 24: a letter that drops its greeting but keeps its sign-off reads as cut)
    assert not message.startswith("Sir/Madam") and message.startswith("Dear Sir/Madam, My council tax"), message


def test_thanks_for_understanding_stays_the_sign_off() -> None:
    message = say("Hi Tom,\n\nI've been finding the new rota hard with the school run. Would it be possible to "
                  "swap my Tuesday early shift for a late one?\n\nThanks for understanding,\nPriya", to="Tom")
    assert message.startswith("Tom, I've been finding"), message
    assert message.endswith("Thanks for understanding, Priya"), message  # on its own line, as typed (layout)


def test_the_helper_called_inside_news_is_called_once() -> None:
    message = say("um just so you know rob the electrician rang and he's coming thursday instead", to="Rob")
    assert message.startswith("Rob, just so you know: the electrician rang"), message


def test_gday_greets_and_is_gone() -> None:
    message = say("gday davo um the ute's in the shop so any chance you could grab me from the site tomorrow",
                  to="Davo")
    assert "gday" not in message.lower() and message.count("Davo") == 1, message


def test_someone_and_somebody_else_stay_two_people() -> None:
    message = say("morning everyone can someone cover my desk at lunch and somebody else take the two o'clock call")
    assert "Could someone cover my desk at lunch and somebody else take" in message, message


@pytest.mark.parametrize("said, to, needed", [
    ("kev um i've finished the draft of the grant bid could you have a read and tell me if the budget bit makes "
     "sense", "Kev", "draft of the grant bid"),
    ("hiya sue um my hip's bad again and i've got the scan on the ninth at quarter to eleven could you run me up "
     "in the car", "Sue", "scan on the ninth"),
])
def test_a_short_message_keeps_what_the_ask_is_about(said: str, to: str, needed: str) -> None:
    message = say(said, style="short", to=to)
    assert needed in message, message


def test_a_placed_ask_needs_nothing_before_it() -> None:
    message = say("dad can you pick me up from football at half six coach said it might run late", style="short",
                  to="Dad")
    # (what is said after the ask comes along: reading 22 graded short messages that lost it as wrong)
    assert message.startswith("Dad, can you pick me up from football at half six?"), message


# --- Japanese --------------------------------------------------------------------------------


def test_an_honorific_wish_is_the_ask() -> None:
    message = say("佐々木先生\n\n修士1年の森です。\n発表資料を添付いたしました。\n"
                  "金曜までにご確認いただけますと大変ありがたく存じます。\nよろしくお願いいたします。", "ja")
    assert "ご確認いただけますと大変ありがたく存じます" in message, message
    assert not any(m in message for m in MADE_UP), message


@pytest.mark.parametrize("said, ask", [
    ("まさし あの 駅 の 近く で ええ 歯医者 知ら ん", "ええ歯医者知らん？"),
    ("陽子 最近 膝 が 痛う て な どこ か ええ とこ 知ら ん", "いいとこ知らん？"),
    ("なんか ごめん ね 仕事 で 失敗 し ちゃっ て 今夜 電話 でき たり する", "電話できたりする？"),
])
def test_a_spoken_question_said_last_asks(said: str, ask: str) -> None:
    message = say(said, "ja", politeness="casual")
    assert ask in message, message
    assert not any(m in message for m in MADE_UP), message


def test_a_habit_with_tari_still_tells() -> None:
    assert say("休日 は 公園 を 走っ たり する", "ja").endswith("走ったりします。")


def test_an_apology_after_the_ask_is_its_own_sentence() -> None:
    message = say("まい あの 明日 の 朝 ゴミ 出し お願い できる かな すまん ね", "ja", politeness="casual", to="まい")
    assert "お願いできるかな？すまんね。" in message, message
    assert message.count("お願い") == 1, message


def test_a_breath_na_does_not_cut() -> None:
    message = say("えーと 健太 な 今度 の 日曜 ちょっと 来て くれへん か 車庫 の 扉 が な 外れ とって", "ja",
                  politeness="casual", to="健太")
    assert message.startswith("健太、今度の日曜ちょっと来てくれへんか？"), message
    assert "扉が外れ" in message and "扉がな" not in message and "くれない" not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("みつる、明日畑行くでね。雨降るらしいで、長靴持ってきてちょうでゃあ。", ["畑行くね", "長靴持ってきてちょうだい"], ["行くで"]),
    ("すんません、明日の当番代わってもらえます？朝早よ出なあかんくて。", ["朝早よ出なあかんくて。"], ["早よ。", "くれない"]),
    ("パパ〜 スマホ の 電池 すぐ 切れ んくなった 見 て", ["切れなくなった"], ["ん。"]),
])
def test_dialect_is_understood(said: str, kept: list[str], gone: list[str]) -> None:
    message = say(said, "ja", politeness="casual")
    for k in kept:
        assert k in message, message
    for g in gone:
        assert g not in message, message


def test_a_name_written_without_san_keeps_none() -> None:
    message = say("はると へ\nこの前は 電話の 使い方を 教えてくれて ありがとう。 また 写真の 送り方を 教えてください。 じいちゃんより",
                  "ja", to="はると")
    assert message.startswith("はると、この前は"), message
    assert "はるとさん" not in message and "へこの" not in message, message


def test_an_address_with_who_they_are_is_said_once() -> None:
    message = say("デイサービスの中川さん\nいつもお世話になっております。父の薬が昨日から変わりました。次回の送迎の際にお伝えしてもよろしいですか。",
                  "ja", to="中川さん")
    assert message.count("中川さん") == 1, message


def test_a_humble_form_stays_humble_in_casual() -> None:
    message = say("大川さま 先日は 母の送迎を していただき ありがとうございました。 心ばかりですが お菓子を お送りしました。",
                  "ja", politeness="casual", to="大川さま")
    assert "お送りしました" in message and "お送りした。" not in message, message


def test_an_emoji_after_a_predicate_ends_it() -> None:
    message = say("先週はありがと〜！ 荷物運んでくれて助かった🙏 今度お茶おごるね", "ja", politeness="honorific")
    assert "助かりました" in message and "助かった" not in message, message
    casual = say("先週はありがと〜！ 荷物運んでくれて助かった🙏 今度お茶おごるね", "ja", politeness="casual")
    assert "助かった🙏" in casual, casual


def test_kureru_mid_sentence_is_kudasaru_in_honorific() -> None:
    message = say("先週は資料を見てくれて助かりました。今回もお願いできますか。", "ja", politeness="honorific")
    assert "見てくださって助かりました" in message, message


def test_still_dwelling_on_it_is_present() -> None:
    message = say("先月の面接の件、まだ気にしてしまっていて…。明日少しだけ話を聞いてもらえませんか。", "ja")
    assert "気にしてしまっているんです" in message, message


def test_dragging_a_leg_is_a_stroke_sign_but_dwelling_on_it_is_not() -> None:
    assert safety.check("祖母が急に左足を引きずって歩くようになった", "ja") is not None
    assert safety.check("先週のミスをまだ引きずっていて、少し話を聞いてほしいです", "ja") is None
