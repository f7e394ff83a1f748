"""Emergencies, rounds 7 and 8 (held-out sets 7 and 8, read only after they were spent): swallowed
batteries and pesticide, choking, a severed finger, sparks on a curtain, someone attacking staff,
a stalker at the door, a ligature, a pacemaker going wrong, coffee-ground vomit — and the ordinary
sentences the new concepts must leave alone.

Sentences are written for these concepts, not copied from the sets they were found on."""

from __future__ import annotations

import pytest

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text, lang", [
    ("my toddler just swallowed one of those little round watch batteries", "en"),
    ("Tenant's ex is outside my door again kicking it and he has a restraining order", "en"),
    ("a patient's husband is attacking the staff on ward 4 he's thrown a chair", "en"),
    ("dad threw up and it looks like coffee grounds", "en"),
    ("the cut on his leg is pumping blood and pressing on it isn't working", "en"),
    ("she has a cord round her neck in the bathroom", "en"),
    ("my lips and tongue are swelling after the peanut sauce and my voice sounds odd", "en"),
    ("孫が ボタン電池を 飲み込んだかも しれない", "ja"),
    ("おじいちゃんが 農薬を お茶と間違えて 飲んだ", "ja"),
    ("料理中に 指を 切断した", "ja"),
    ("コンセントから 火花が出て カーテンに 燃え移りそう", "ja"),
    ("元夫が 玄関の前に ずっといて インターホンを 何度も 鳴らす 怖い", "ja"),
    ("ペースメーカー 入れとるけど 動悸が 変で 目が回る", "ja"),
    ("夫が 首に ひもを 巻きつけようと していた", "ja"),
])
def test_a_new_concept_is_an_emergency(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang=lang).crisis


@pytest.mark.parametrize("text, lang", [
    ("the dentist says my jaw aches because I grind my teeth, could you book a follow-up", "en"),
    ("shaving cut won't stop bleeding, it's just a nick, have you got a plaster", "en"),
    ("in the film the hero gets stabbed and I cried, want to watch the sequel", "en"),
    ("焚き火が 燃えとるのを 見てたら 落ち着くね", "ja"),
    ("重い荷物で 腕が ちぎれるかと思った、次は 一緒に 行こう", "ja"),
    ("学校 いきたく ない な 今日 は 休みたい", "ja"),
])
def test_the_same_words_in_ordinary_life_are_not(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang=lang).crisis
