"""A note typed in a dialect is sent as typed, to the helper: re-said in です・ます or keigo, dialect
and standard Japanese mixed and broke (readings 20 and 21: 「手伝ってけさいん」→「けさいます」,
「おおきに」 beside 「いただけますでしょうか」). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.compose_support import say

NOTES = [
    ("和也くん、明日の草刈り、ちょっと手伝うてくれへん？昼はうどんおごるわ。", "和也くん"),
    ("のりこさん、畑の白菜ようけ採れたけん、今度取りに来んね？", "のりこさん"),
    ("まさし、雪かきさ来てけねが。腰いでぇはんで、おらじぇんじぇん動げねぇ。", "まさし"),
    ("大野さん、いつもおおきに。玄関の電球が切れてしもたんどす。替えに来てもらえしまへんやろか。", "大野さん"),
]


@pytest.mark.parametrize("note,to", NOTES)
@pytest.mark.parametrize("politeness", ["casual", "polite", "honorific", None])
def test_dialect_note_is_sent_in_the_persons_own_words(note: str, to: str, politeness: str | None) -> None:
    out = say(note, "ja", politeness=politeness, to=to)
    assert out == to + "、" + note[len(to) + 1:], out


def test_called_after_an_interjection_is_called_once() -> None:
    out = say("なあ、ゆうた、今度の日曜ひまやったら引っ越し手伝うてくれへん？", "ja", to="ゆうた")
    assert out == "ゆうた、今度の日曜ひまやったら引っ越し手伝うてくれへん？", out


def test_a_short_kana_name_is_not_cut_out_of_a_word() -> None:
    out = say("ようくん、台所の電気がよう点かんのよ。見に来てくれん？", "ja", to="ようくん")
    assert "電気がよう点かん" in out, out


def test_standard_japanese_is_still_re_said_in_the_register_asked_for() -> None:
    out = say("佐藤さん、明日の会議の資料、印刷してくれる？", "ja", politeness="honorific", to="佐藤さん")
    assert "くれる？" not in out and ("いただけ" in out or "ください" in out), out


def test_an_emergency_said_in_one_breath_is_cut_into_its_sentences() -> None:
    # (a known C: 「もう生きている意味がない薬をたくさん飲みました」 read as one noun phrase)
    out = say("もう何のために生きてるのか分からないし意味がない睡眠薬をたくさん飲んだ", "ja")
    assert "意味がない。睡眠薬をたくさん" in out, out
    out = say("父が倒れて意識がない救急車呼んで", "ja")
    assert "意識がない。救急車" in out or "意識がありません。救急車" in out, out
