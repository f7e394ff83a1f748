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
