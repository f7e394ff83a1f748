"""Emergencies, round 10 (held-out set 10, read only after it was spent): bleeding through a
dressing, a seizure that has gone on for minutes, "get the ambos", 救急の人に来て, 息さねぇ,
死なせてほしい, an explosion with fire — and the ordinary sentences they must leave alone: feeling
cut off from people, a pain already checked, what a pharmacist or doctor said was nothing, a match
"giving me chest pains", かわいすぎて息止まる, 心臓止まるかと思った, 首を絞めてやりたい, a scene being
written, training material about choking.

Sentences are written for these concepts, not copied from the set they were found on."""

from __future__ import annotations

import pytest

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text, lang", [
    ("his wound is bleeding through the bandage and onto the chair", "en"),
    ("she's been fitting for five mins and still not stopping", "en"),
    ("get the ambos here mate he's gone down", "en"),
    ("救急隊の人 すぐ 来てください", "ja"),
    ("じいちゃん 息さねぇ", "ja"),
    ("もう 死なせてほしい", "ja"),
    ("工場で 爆発 火が出てる", "ja"),
])
def test_a_new_concept_is_an_emergency(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang=lang).crisis


@pytest.mark.parametrize("text, lang", [
    ("since I moved I feel cut off from my friends, could we video call on Sunday", "en"),
    ("mum's chest pain was checked at the GP, just muscle, can you pick up ibuprofen gel", "en"),
    ("I took my evening tablet twice by mistake but the pharmacist said it's harmless", "en"),
    ("this final is giving me chest pains, what's the score", "en"),
    ("子犬が かわいすぎて 息止まる", "ja"),
    ("最後のシュートで 心臓止まるかと思った", "ja"),
    ("あのクレーマー 首を絞めてやりたい 愚痴聞いて", "ja"),
    ("主人公が 崖から 飛び降りようとする 場面を書いているので 資料がほしい", "ja"),
    ("喉に詰まった人の 応急手当を 教える資料を作りたい", "ja"),
])
def test_the_same_words_in_ordinary_life_are_not(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang=lang).crisis
