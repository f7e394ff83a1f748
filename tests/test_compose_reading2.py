"""What the second blind reading found, fixed as general rules and checked on sentences written
for these tests (not the graded ones): run-on questions split, one register per message, no
invented ask on news, the short style keeps what the ask is about, accidents get no suicide line.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from voice_helper.compose import compose_text
from voice_helper.config import Settings

NOW = datetime(2026, 12, 6, 9, 30)


def say(text: str, lang: str, style: str = "three-lines", to: str | None = None,
        politeness: str | None = None) -> str:
    return compose_text(text, lang=lang, style=style, to=to, politeness=politeness, settings=Settings(),
                        now=NOW).message


def request(text: str, lang: str):  # noqa: ANN201 - a HelpRequest
    return compose_text(text, lang=lang, settings=Settings(), now=NOW)


# --- English ----------------------------------------------------------------------------------


def test_a_bus_stop_is_not_someone_who_stopped_moving() -> None:
    r = request("I'm in a wheelchair and the bus stop moved to the other side of the park. "
                "Could someone push me there on Monday?", "en")
    assert not r.crisis
    assert "911" not in r.message
    assert request("my dad stopped moving and he's cold", "en").crisis


@pytest.mark.parametrize("text", [
    "Just letting you know the plumber is coming at noon, so I'll be out.",
    "the nurse said the blood test came back fine so there's no need to worry",
])
def test_news_gets_no_invented_ask(text: str) -> None:
    msg = say(text, "en")
    assert "?" not in msg
    assert "you know" in msg or "fine" in msg


def test_spoken_wh_question_and_is_that_are_their_own_sentences() -> None:
    msg = say("i lost the sheet for the maths test where do we meet on friday", "en")
    assert "test. Where do we meet on Friday?" in msg or "test.\nWhere do we meet on Friday?" in msg
    msg = say("someone called saying my bank card is blocked is that a scam could you check", "en")
    assert "Is that a scam?" in msg
    assert "saying my bank card is blocked" in msg  # "saying" holds its clause


def test_i_dont_know_what_stays_one_sentence() -> None:
    assert "I don't know what time the pharmacy opens" in say("i dont know what time the pharmacy opens", "en")


@pytest.mark.parametrize("text,needed", [
    ("My washing machine is leaking since this morning. Could someone take a look before six?", "washing machine"),
    ("I'm behind on the chemistry lab report because I was ill. Could I have until Thursday?", "lab report"),
    ("my mum has the flu and i work until eight could someone check on her at lunchtime", "mum"),
])
def test_short_keeps_what_a_leaning_ask_is_about(text: str, needed: str) -> None:
    assert needed in say(text, "en", style="short")


def test_short_ask_that_stands_alone_stays_one_sentence() -> None:
    msg = say("I have too many boxes. Could you carry the blue boxes to the car on Saturday?", "en", style="short")
    assert msg == "Could you carry the blue boxes to the car on Saturday?"


# --- Japanese ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text,ask,after", [
    ("あの 明日 の 面接 の 前 に 志望 動機 見 て くれ ない 書き 出し が なんか 弱く て", "見てくれない？", "書き出し"),
    ("洗濯 物 取り込ん で もらえ ない 鍵 は ポスト に 入れ とく", "取り込んでもらえない？", "鍵は"),
])
def test_spoken_ask_then_new_clause_is_split(text: str, ask: str, after: str) -> None:
    msg = say(text, "ja", politeness="casual")
    assert ask in msg
    assert msg.index(ask) < msg.index(after)


def test_spoken_dareka_question_stays_a_question() -> None:
    assert say("コピー 機 の トナー の 替え 方 誰 か 分かる", "ja").endswith("誰か分かりますか。")


def test_casual_invitation_becomes_masenka_not_reproach() -> None:
    msg = say("試験が終わって気が抜けた。今夜一緒にご飯食べない？", "ja", to="優子", politeness="polite")
    assert "食べませんか。" in msg
    assert "食べないんですか" not in msg


@pytest.mark.parametrize("politeness,apology", [("polite", "ごめんなさい"), ("honorific", "申し訳ありません")])
def test_gomen_fits_the_register(politeness: str, apology: str) -> None:
    msg = say("ごめん 3時 に 歯医者 入れ ちゃっ て 受付 代わり に やっ て もらえ ない", "ja", to="由美さん",
              politeness=politeness)
    assert apology in msg and "ごめんです" not in msg and "ごめん3時" not in msg


def test_casual_message_has_no_desu_inside() -> None:
    msg = say("息子 の 運動 会 が ある ので 2時 に 帰り たい ん です けど 残り の 発送 誰 か に お願い でき ます か", "ja",
              to="先輩", politeness="casual")
    assert "んだけど" in msg and "んですけど" not in msg
    assert "誰かに" in msg  # the helper is asked to find someone, not to do it personally


def test_words_said_whole_stay_whole() -> None:
    msg = say("仕事でいっぱいいっぱいです。その分、来週は早く来ます。金曜のシフトを代わっていただけませんか。", "ja")
    assert "いっぱいいっぱい" in msg and "その分" in msg


def test_statement_with_no_not_a_question() -> None:
    msg = say("来週ずっと出張でいないの。植木に水をあげてくれない？", "ja", to="まゆ", politeness="casual")
    assert "いないの。" in msg and "いないの？" not in msg


def test_thanks_with_nee_is_one_sentence() -> None:
    msg = say("煮物をありがとうねえ。とてもおいしかったですよ。", "ja")
    assert msg.startswith("煮物をありがとうございます。")
    assert "ねえ" not in msg


def test_casual_toku_and_hanging_te_are_said_politely() -> None:
    msg = say("膝を痛めちゃって。買い物袋を二階まで運んでくれない？", "ja", to="健太", politeness="polite")
    assert "痛めてしまったんです" in msg and "買い物袋" in msg
    msg = say("犬の散歩をお願いできませんか。リードは玄関に置いとく。", "ja")
    assert "置いておきます" in msg


def test_possessive_name_is_not_the_helper() -> None:
    msg = say("吉田さんちの庭の見積もり、合ってるか確認してくれへん？", "ja")
    assert not msg.startswith("吉田さん、")
    assert "吉田さんちの" in msg


def test_short_japanese_keeps_what_a_leaning_ask_is_about() -> None:
    msg = say("九十になると、缶詰のふたが開けられなくてねえ。土曜に来たとき、開けてもらえるかしら。", "ja", style="short")
    assert "缶詰" in msg and "開けられないんです" in msg


def test_accidental_swallowing_gets_the_emergency_number_only() -> None:
    for text, lang, lifeline in (("あの 孫 が ボタン 電池 を 飲み込ん じゃっ た", "ja", "いのちの電話"),
                                 ("my toddler swallowed a dishwasher pod", "en", "988")):
        r = request(text, lang)
        assert r.crisis
        assert lifeline not in r.message.splitlines()[0]
    r = request("I took all my sleeping pills", "en")
    assert "988" in r.message.splitlines()[0]
