"""Slot cleaning and the grammar helpers that make spoken fragments fit the templates."""

from __future__ import annotations

import pytest

from voice_helper.compose import load_templates
from voice_helper.compose.clean import clean_slot, join_cjk, tidy_sentence
from voice_helper.compose.forms import en_gerund, ja_dict_form, ja_masu_form, ja_te_form

EN = load_templates("en")
JA = load_templates("ja")


@pytest.mark.parametrize("raw,clean", [
    ("um check the numbers", "check the numbers"),
    ("uh, like, print the slides for me please", "print the slides"),
    ("could you please grab the printer paper for me", "grab the printer paper"),
    ("you know the the quarterly report", "the quarterly report"),
    ("check my report", "check my report"),  # first person stays first person
    ("look over my slides if you can", "look over my slides"),
    ("I'd like a hand with the boxes", "I'd like a hand with the boxes"),
    ("something like this report", "something like this report"),
    ("by friday", "by Friday"),
    ("   ", ""),
    ("um uh", ""),
    ("check the \x1b[31mnumbers\x07", "check the numbers"),
])
def test_clean_en(raw: str, clean: str) -> None:
    assert clean_slot(raw, "en", EN) == clean


@pytest.mark.parametrize("raw,clean", [
    ("資料 を 確認 し て", "資料を確認して"),
    ("えっと 棚 の 上 の 箱", "棚の上の箱"),
    ("あのー、資料の確認", "資料の確認"),
    ("あの、スライド", "スライド"),
    ("あの資料", "あの資料"),  # the demonstrative あの stays
    ("グラフをお願いできれば", "グラフ"),
    ("取っ て もらえ ます か", "取って"),
    ("確認していただけますか", "確認して"),
    ("3 時 まで に", "3時までに"),
    ("Excel の ファイル", "Excelのファイル"),
])
def test_clean_ja(raw: str, clean: str) -> None:
    assert clean_slot(raw, "ja", JA) == clean


def test_join_cjk_keeps_latin_word_spaces() -> None:
    assert join_cjk("明日 まで に New York の 資料") == "明日までにNew Yorkの資料"


@pytest.mark.parametrize("phrase,gerund", [
    ("finish the report", "finishing the report"), ("get the car", "getting the car"),
    ("move boxes", "moving boxes"), ("set up the printer", "setting up the printer"),
    ("the report", "the report"), ("open the file", "opening the file"),
    ("fix the wifi", "fixing the wifi"),
])
def test_en_gerund(phrase: str, gerund: str) -> None:
    assert en_gerund(phrase, EN) == gerund


@pytest.mark.parametrize("phrase,te", [
    ("取って", "取って"), ("資料を確認する", "資料を確認して"), ("確認します", "確認して"),
    ("荷物を運ぶ", "荷物を運んで"), ("見る", "見て"), ("箱を取る", "箱を取って"),
    ("食べる", "食べて"), ("駅まで行く", "駅まで行って"), ("手伝います", "手伝って"),
    ("グラフ", "グラフを手伝って"), ("引っ越しの手伝い", "引っ越しを手伝って"), ("書く", "書いて"),
    ("入ります", "入って"), ("起きます", "起きて"),
])
def test_ja_te_form(phrase: str, te: str) -> None:
    assert ja_te_form(phrase, JA) == te


@pytest.mark.parametrize("phrase,plain,masu", [
    ("ランチをおごる", "ランチをおごる", "ランチをおごります"),
    ("明日のシフトに入ります", "明日のシフトに入る", "明日のシフトに入ります"),
    ("ファイリングをする", "ファイリングをする", "ファイリングをします"),
    ("資料を作って", "資料を作っておく", "資料を作っておきます"),
    ("ファイリング", None, None),
])
def test_ja_offer_forms(phrase: str, plain: str | None, masu: str | None) -> None:
    assert ja_dict_form(phrase, JA) == plain
    assert ja_masu_form(phrase, JA) == masu


@pytest.mark.parametrize("raw,tidy", [
    ("i need help now.. please call 119 .", "I need help now. Please call 119."),
    ("could we talk?.", "Could we talk?"),
    ("one ,  two,.", "One, two."),
])
def test_tidy_en(raw: str, tidy: str) -> None:
    assert tidy_sentence(raw, "en") == tidy


def test_tidy_ja() -> None:
    assert tidy_sentence("資料 を 確認 して 。。 助かります", "ja") == "資料を確認して。助かります"
