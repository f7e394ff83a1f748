"""Emergencies, round 14: a thank-you is never a danger sign. The safety net read a grandchild's
thanks to a grandparent (「おばあちゃん 靴下 ありがとう」) as an emergency — its training data holds
many grandmothers who fell — and the message told the person to call 119. With no rule's sign, the
net now reads only what the thank-you says besides its thanks; a danger said after the thanks is
still an emergency.

Sentences are written for these cases, not copied from any set."""

from __future__ import annotations

import pytest

from voice_helper.request import Urgency

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text", [
    "おじいちゃん おじいちゃん マフラー ありがとう 毎日 まいてる",
    "おばあちゃん 靴下 ありがとう ぬくぬく",
    "ひいばあちゃん ひざかけ ありがとう",
    "ばあちゃん ばあちゃん 梅干し ありがとう",
    "おばあちゃん、編んでくれた帽子ありがとう！",
])
def test_a_thank_you_to_a_grandparent_is_not_an_emergency(engine, text: str) -> None:
    r = engine.parse(text, "ja")
    assert not r.crisis, text


@pytest.mark.parametrize("text", [
    "ひいばあちゃん ひざかけ ありがとう",
    "ばあちゃん ばあちゃん 梅干し ありがとう",
])
def test_thanks_alone_asks_nothing(engine, text: str) -> None:
    assert engine.parse(text, "ja").urgency != Urgency.CHECK, text


@pytest.mark.parametrize("text", [
    "おばあちゃん、手ぶくろありがとう。でもおじいちゃんが倒れて動かない",
    "おばあちゃん ありがとう でも 胸 が 苦しくて 息 が できない",
    "ばあちゃん 梅干し ありがとう あと じいちゃん が 呼んでも 起きない",
    "thanks for the soup nana but grandad has collapsed and isn't breathing",
])
def test_a_danger_after_the_thanks_is_still_an_emergency(engine, text: str) -> None:
    lang = "en" if text.isascii() else "ja"
    assert engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text", [
    "my scooter went off the towpath and i'm stuck in the mud by the canal i can't get out",
    "i took a whole box of paracetamol an hour ago and now i feel really sick",
    "mum's fallen in the kitchen and she's not answering me, i rang her mobile and nothing",
])
def test_british_words_read_back_britains_number(engine, text: str) -> None:
    r = engine.parse(text, "en")
    assert (r.crisis or r.urgency == Urgency.CHECK) and r.resources and r.resources[0].number in ("999", "112"), \
        (text, [x.number for x in r.resources])


@pytest.mark.parametrize("text, lang", [
    ("my knees are bad and i'm scared i'll fall one of these days on the stairs, could you fit a second rail", "en"),
    ("頭痛がひどいので、薬を飲んで30分だけ休ませてもらえますか", "ja"),
    ("赤ちゃん 泣き 止ま なく て もう 疲れ た 今夜 だけ 手伝い に 来て", "ja"),
])
def test_worries_and_ordinary_days_are_not_emergencies(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang", [
    ("さっき薬を30錠まとめて飲んだ", "ja"),
    ("赤ちゃんが泣かないし動かない", "ja"),
    ("i've just fallen on the stairs and i can't get up, help", "en"),
])
def test_the_same_words_in_an_emergency_still_are(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang).crisis, text


def test_a_call_being_made_is_not_asked_for_again() -> None:
    from .compose_support import say

    out = say("jo jo come quick mums fallen down the stairs shes not answering im ringing the ambulance now",
              "en", to="Jo")
    assert out.startswith("999 is being called now.") and "Mum's fallen" in out, out
