"""Blind reading 25's wrong messages, as classes, on sentences written for these tests.

English: a clause is not cut after a verb of thinking ("him thinking | I'm thick"), inside a time
("the seven | twenty"), after "in case", inside "someone I could talk to", or before what is passed
on ("tell your wife | thanks for…"); "need to borrow your X" is a need the helper can meet.
Japanese: the あ of 「あした」 is never a filler's (「あのさあした」); a phone check run into what
follows (「じょうしすさんですか」) goes; 「〜をですね」 holds the turn; 「もらえないかなと思って」 is the ask;
a question said without か (「なにがいい」) asks; an if said last (「手空いてたら」) is never made past,
and the ask it leads into is added.
"""

from __future__ import annotations

import pytest

from .compose_support import say


@pytest.mark.parametrize("text, kept", [
    ("could you check my cv i dont want them thinking im lazy", "thinking I'm lazy"),
    ("is it the eight forty bus i need to get", "eight forty"),
    ("can you save the photos incase its the last one", "incase it's the last one"),
    ("is there anybody i could ask about the form", "anybody I could ask"),
    ("please tell your dad thanks for fixing the gate", "tell your dad thanks for fixing"),
])
def test_a_clause_is_kept_whole(text: str, kept: str) -> None:
    out = say(text, "en", to="Sam")
    assert kept in out, out


def test_need_to_borrow_yours_is_asked_of_you() -> None:
    out = say("hi its jo need to borrow your drill saturday the big one ill bring it back sunday", "en", to="Sam",
              style="short")
    assert "borrow your drill Saturday" in out and "give me a hand" not in out, out


@pytest.mark.parametrize("text, to, kept, lost", [
    ("あのさあしたのゆうがたにもつうけとっておいてほしい", "ゆうた", "あした", "、した"),
    ("あのすいませんそうむさんですかえっと有給の申請の仕方を教えてもらえますか", "総務の方", "有給", "むさん"),
    ("あのすみません物置のはしごをですね今度の土曜に貸してもらえないかなと思って", "西田さん", "はしごを今度の土曜に",
     "ですね"),
])
def test_japanese_kana_and_phone_checks(text: str, to: str, kept: str, lost: str) -> None:
    out = say(text, "ja", politeness="polite", to=to)
    assert kept in out and lost not in out, out
    assert out.count("ませんか") + out.count("ますか") <= 1, out  # one ask, not a second one added


@pytest.mark.parametrize("politeness, end", [("casual", "？"), ("polite", "ですか。")])
def test_a_question_said_without_ka_asks(politeness: str, end: str) -> None:
    assert say("ねえ きょう の ばんごはん なに が いい", "ja", politeness=politeness, to="りこ").endswith(end)


@pytest.mark.parametrize("politeness", ["casual", "polite"])
def test_an_if_said_last_leads_into_the_ask(politeness: str) -> None:
    out = say("倉庫 の 段ボール を 片付ける の 三 時 から な ん です けど 手 空い て たら", "ja",
              politeness=politeness, to="吉田さん")
    assert "空いてたら、手伝って" in out and "ました" not in out, out
