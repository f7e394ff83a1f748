"""Emergencies, round 12 (dev set 12, written fresh this session and read): the two detectors
check each other both ways — a rule's sure sign that the safety net finds calm asks "are you
safe?" instead of calling in, and the net alone calls in from 0.95 — and new concepts: coming off
a bike or a horse and not getting up, the word "overdose" itself, a handful of pills swallowed,
"kms", a goodbye from a bridge, a loaded gun, 喉が狭く, 救急の番号にかけて, 二週間分まとめて服用,
漂白剤を飲んだかもしれない, かお ゆがんでる, 死にでぇ, violence still going on after the blow. And
the ordinary lines they must leave alone: choking up at a wedding video, an engineer out on an
emergency call, a fire that is all out, 燃えないゴミ, a child's toy ambulance.

Sentences are written for these concepts, not copied from the set they were found on."""

from __future__ import annotations

import pytest

from voice_helper.nlu import safety

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text, lang", [
    ("i came off the horse in the top field and i can't get back up my hip", "en"),
    ("she's overdosed, she's really drowsy and slurring", "en"),
    ("my brother swallowed a whole packet of paracetamol about an hour ago", "en"),
    ("honestly i wanna kms tonight", "en"),
    ("i'm standing on the bridge over the river, this is my last message", "en"),
    ("the shotgun's loaded and i'm going to use it on myself", "en"),
    ("夫がえびを食べたら喉が狭くなって息がしにくいって言ってる", "ja"),
    ("すみません 救急 の 番号 に 電話 かけて もらえ ます か 今すぐ", "ja"),
    ("祖父が睡眠薬を一週間分まとめて飲んだみたいで起きない", "ja"),
    ("三歳の子が洗剤を飲んだかもしれない", "ja"),
    ("ばあちゃん かお ゆがんで はなし が へん", "ja"),
    ("もう何もかも嫌だ、死にてぇ", "ja"),
])
def test_a_new_concept_is_an_emergency(engine, text: str, lang: str) -> None:
    r = engine.parse(text, lang)
    assert r.crisis, text


@pytest.mark.parametrize("text, lang", [
    ("i got a bit choked up watching the school play, can you send the video to grandma", "en"),
    ("I'm choking on all this paperwork, could you take the invoices this week?", "en"),
    ("my dad's a plumber and he's out on an emergency call, can you keep his tea warm", "en"),
    ("Chip pan fire last night, all out, nobody hurt. Who do I ring about the cooker?", "en"),
    ("すみません、燃えないゴミの日は何曜日でしたっけ", "ja"),
    ("息子が救急車のおもちゃで遊んでて電池が切れた、替えておいて", "ja"),
])
def test_the_same_words_in_ordinary_life_are_not(engine, text: str, lang: str) -> None:
    r = engine.parse(text, lang)
    assert not r.crisis, text


def test_a_sure_rule_the_net_finds_calm_asks_instead(engine) -> None:
    text = "I'm choking on this workload, can you block out Thursday for me?"
    hit, net = engine.danger(text, "en")
    r = engine.parse(text, "en")
    assert not r.crisis
    # the rule still sees the word; the question is asked, nothing is called in
    assert (hit is not None and net == "calm") or r.urgency.value != "critical"


def test_the_net_alone_calls_in_at_its_high_mark() -> None:
    assert safety.classifier_says(0.96, "en") == "crisis"
    assert safety.classifier_says(0.94, "ja") == "check"
    assert safety.classifier_says(0.01, "en") == "calm"
    assert safety.classifier_says(0.2, "en") == ""


def test_a_calm_net_never_silences_a_real_emergency_said_plainly(engine) -> None:
    for text, lang in (("i fell down the stairs and i can't get up", "en"), ("家で転んで起き上がれない", "ja"),
                       ("my husband collapsed and he's not breathing", "en")):
        assert engine.parse(text, lang).crisis, text
