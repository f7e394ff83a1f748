"""Emergencies, round 13: in Japanese a negation belongs to the predicate it follows, not to any
word before it — 「夜中に起きちゃって全然寝てなくて」 is a bad night (the ない is 寝る's), not someone
who will not wake; 「息つく暇もない」 is a busy day. A noun found (息, 目, 反応) still takes the verb
after it as its own (目を開けません, 意識が全くない, 息してへん). And with no region set, an English
speaker who says 999 hears 999.

Sentences are written for these cases, not copied from any set."""

from __future__ import annotations

import pytest

from voice_helper.nlu import safety

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text", [
    "ごめんね今日の洗濯だけお願いできる父がまた夜中に起きちゃって全然寝てなくて",
    "子ども 二人 の 送り迎え で 息 つく 暇 も ない 夕飯 の 買い物 お願い",
    "今週は会議続きで息をする暇もない、資料の印刷だけ頼める？",
])
def test_a_negation_of_the_next_predicate_is_not_an_emergency(engine, text: str) -> None:
    assert safety.check(text, "ja") is None or safety.check(text, "ja").kind not in ("unresponsive", "breathing"), text
    assert not engine.parse(text, "ja").crisis, text


@pytest.mark.parametrize("text, kind", [
    ("母が呼んでも起きない", "unresponsive"),
    ("夫の意識が全くないんです", "unresponsive"),
    ("祖父が何度呼んでも目を開けません", None),
    ("赤ちゃんが息してへん", None),
    ("父が揺すっても起きることができない", "unresponsive"),
])
def test_a_noun_keeps_the_verb_after_it_as_its_own(engine, text: str, kind: str | None) -> None:
    r = engine.parse(text, "ja")
    assert r.crisis, text
    if kind:
        hit = safety.check(text, "ja")
        assert hit is not None and hit.kind == kind, (text, hit)


def test_a_uk_number_said_names_the_region(engine) -> None:
    r = engine.parse("my neighbour's collapsed on the landing, I've rung 999, can you come", "en")
    assert r.crisis and r.resources[0].number == "999"
    r = engine.parse("my neighbour's collapsed on the landing, can you come", "en")
    assert r.crisis and r.resources[0].number == "911"


@pytest.mark.parametrize("text", [
    "the new pills make me dizzy every morning and i nearly went over in the bath so do i keep taking them",
    "his sugar is reading nineteen this morning and he has taken the insulin already what should we do",
    "can you push me to the game on sunday the manual chair kills my arms, I'll buy the chips",
])
def test_near_misses_said_in_passing_are_not_emergencies(engine, text: str) -> None:
    r = engine.parse(text, "en")
    assert not r.crisis, (text, r.crisis_kind)


def test_nearly_fell_and_now_cannot_get_up_is_still_one(engine) -> None:
    assert engine.parse("i nearly fell in the kitchen and now i cant get up my hip hurts", "en").crisis
