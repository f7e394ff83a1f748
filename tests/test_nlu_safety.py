"""Crisis safety: every crisis is flagged (both languages, both Japanese forms), no idiom is,
and the classifier can raise but never lower a crisis the rules found."""

from __future__ import annotations

import pytest

from voice_helper.config import CrisisResource, Settings
from voice_helper.nlu import crisis_resources, safety
from voice_helper.request import Intent, Urgency

from .nlu_support import held_out, make_engine, spaced

EN_CRISES = held_out("en")["crisis"] + [
    "um so i slipped in the bathroom and i can't get up",
    "I have chest pain and I'm sweating",
    "she can't breathe",
    "there's heavy bleeding from his leg",
    "i keep thinking everyone would be better off without me",
    "my husband is threatening me",
    "this deadline is killing me and honestly i want to end my life",
    "life isn't worth living anymore",
    "i'm thinking about taking my own life",
    "he's having an allergic reaction and we need his epipen",
    "i want to go to sleep and never wake up",
    "i'm going to end it tonight",
    "my chest feels like an elephant is sitting on it",
    "i'm gasping for air",
    "he punched me",
]
JA_CRISES = held_out("ja")["crisis"] + [
    "トイレで倒れて起き上がれない",
    "胸が締め付けられるように痛い",
    "もう 生き て いる の が つらい",
    "死ぬほど忙しいし、もう死にたい",
    "彼に殴られて怖い",
    "もう いなく なっ て しまい たい",
    "父が倒れたまま動かない",
    "眠ったまま目が覚めなければいいのに",
    "頭から血が流れて止まらない",
    "子どもに手をあげられそうで怖い",
]
EN_IDIOMS = held_out("en")["idioms"] + [
    "the month end close is absolutely killing me could someone take the invoices",
    "i'm dying to know how the new system works",
    "let's end it there for today",
    "we have to end it early today",
]
JA_IDIOMS = held_out("ja")["idioms"] + ["死ぬほど忙しくて、佐藤さんに入力を手伝ってもらいたい", "咳が止まらない"]


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text", EN_CRISES)
def test_english_crisis_is_flagged(engine, text: str) -> None:
    r = engine.parse(text, "en")
    assert (r.intent, r.urgency, r.crisis) == (Intent.EMERGENCY, Urgency.CRITICAL, True), text
    # (British words name the UK's numbers when no region is set: "my mum collapsed")
    assert sorted(x.number for x in r.resources) == (["116 123", "999"] if " mum " in f" {text} " else ["911", "988"])
    assert r.missing == []


@pytest.mark.parametrize("text", JA_CRISES + [spaced(t) for t in JA_CRISES])
def test_japanese_crisis_is_flagged_plain_and_spaced(engine, text: str) -> None:
    r = engine.parse(text, "auto")
    assert r.language == "ja"
    assert (r.intent, r.urgency, r.crisis) == (Intent.EMERGENCY, Urgency.CRITICAL, True), text
    assert sorted(x.number for x in r.resources) == sorted(["119", "110", "0570-783-556", "0120-279-338"])


@pytest.mark.parametrize("text", EN_IDIOMS)
def test_english_idiom_is_not_a_crisis(engine, text: str) -> None:
    r = engine.parse(text, "en")
    assert not r.crisis and r.intent != Intent.EMERGENCY and r.resources == [], text


@pytest.mark.parametrize("text", JA_IDIOMS + [spaced(t) for t in JA_IDIOMS])
def test_japanese_idiom_is_not_a_crisis(engine, text: str) -> None:
    r = engine.parse(text, "ja")
    assert not r.crisis and r.intent != Intent.EMERGENCY, text


def test_rules_run_without_the_classifier() -> None:
    # The rule layer alone, no model at all: it is independent of the classifier.
    assert safety.check("honestly everyone would be better off without me", "en").kind == "self_harm"
    assert safety.check("I slipped and I can't get up", "en").kind == "fall"
    assert safety.check("もう 生き て いる の が つらい", "ja").kind == "self_harm"
    assert safety.check("this deadline is killing me", "en") is None
    assert safety.check("死ぬほど忙しい", "ja") is None


def test_a_filler_rule_cannot_hide_a_crisis() -> None:
    # "like" is a filler in the canonical view; the light view keeps it, so both must agree.
    assert safety.check("i don't want to live like this anymore", "en") is not None
    assert safety.check("um i i can't breathe", "en") is not None


def test_classifier_cannot_lower_a_rule_crisis(engine) -> None:
    # Even when the classifier thinks this is about work, the rule wins.
    text = "the report is late and my boss is angry and i want to kill myself"
    probs = engine.model("en").proba(engine_canonical(text))
    assert max(probs, key=probs.get) != "emergency" or True  # whatever the model says…
    r = engine.parse(text, "en")
    assert r.crisis and r.intent == Intent.EMERGENCY and r.confidence >= 0.9


def engine_canonical(text: str) -> str:
    from voice_helper.nlu.normalize import normalize
    return normalize(text, "en")


def test_classifier_lowering_is_impossible_even_with_a_hostile_model(engine) -> None:
    # Make the model certain it is "workload": the rule-flagged crisis must survive.
    e = make_engine()
    model = e.model("en")
    hostile = type(model)(**{**model.__dict__})
    hostile.proba = lambda canonical: {c: (1.0 if c == "workload" else 0.0) for c in model.classes}  # type: ignore[method-assign]
    e._models["intent:en"] = hostile
    r = e.parse("i fell down and i can't get up", "en")
    assert r.crisis and r.intent == Intent.EMERGENCY and r.urgency == Urgency.CRITICAL
    # …an intent model that says "emergency" strongly makes the engine ask ("are you safe?")…
    raiser = type(model)(**{**model.__dict__})
    raiser.proba = lambda canonical: {c: (0.95 if c == "emergency" else 0.05 / 9) for c in model.classes}  # type: ignore[method-assign]
    e._models["intent:en"] = raiser
    asked = e.parse("something odd the rules have never heard of", "en")
    assert not asked.crisis and asked.urgency == Urgency.CHECK and asked.resources
    # …and the independent safety net, when sure, raises a crisis the rules do not know.
    net = e.model("en", "safety")
    sure = type(net)(**{**net.__dict__})
    sure.proba = lambda canonical: {"crisis": 0.99, "ok": 0.01}  # type: ignore[method-assign]
    e._models["safety:en"] = sure
    assert e.parse("something odd the rules have never heard of", "en").crisis


def test_resources_follow_region_and_settings() -> None:
    assert [r.number for r in crisis_resources("JP")] == ["119", "110", "0570-783-556", "0120-279-338"]
    assert [r.number for r in crisis_resources("US")] == ["911", "988"]
    custom = Settings(crisis_resources=[CrisisResource("My sister", "090-0000-0000", "call first")])
    assert [(r.name, r.number) for r in crisis_resources("JP", custom)] == [("My sister", "090-0000-0000")]
    e = make_engine(Settings(region="JP"))
    r = e.parse("i can't breathe", "en")
    assert r.resources[0].number == "119"  # an English speaker living in Japan


def test_lifeline_first_for_self_harm_and_emergency_first_for_a_fall() -> None:
    from voice_helper.nlu import get_engine

    engine = get_engine()
    self_harm = engine.parse("i want to end my life", "en")
    fall = engine.parse("i fell and i can't get up", "en")
    ja_self_harm = engine.parse("もう 生き て いる の が つらい", "ja")
    assert self_harm.crisis and self_harm.resources[0].number == "988"
    assert fall.crisis and fall.resources[0].number == "911"
    assert ja_self_harm.resources[0].number == "0570-783-556"
    # Reordering never drops anyone: the whole regional list is still there.
    assert {r.number for r in self_harm.resources} == {r.number for r in fall.resources}


@pytest.mark.parametrize("text, lang", [
    ("i cant open this jar my hand is too weak after the stroke", "en"),
    ("since my stroke i cant write could someone fill in this form", "en"),
    ("i had a stroke two years ago and my left hand is weak", "en"),
    ("脳卒中 の 後 から 片手 しか 使え ない ので 瓶 を 開け て もらえ ます か", "ja"),
    ("脳梗塞の後遺症で字が書けないので代筆をお願いできますか", "ja"),
])
def test_a_past_stroke_is_a_reason_not_a_crisis(engine, text: str, lang: str) -> None:
    # People after a stroke are among the main users: their history must not raise an alarm.
    r = engine.parse(text, lang)
    assert not r.crisis and r.intent != Intent.EMERGENCY, text


@pytest.mark.parametrize("text", ["i think im having a stroke", "my dad is having a stroke right now",
                                  "脳卒中かもしれない"])
def test_a_stroke_happening_now_is_still_a_crisis(engine, text: str) -> None:
    assert engine.parse(text).crisis, text


@pytest.mark.parametrize("text, lang, what", [
    ("my dad is having a stroke", "en", "signs of a stroke"),
    ("i fell and i can't get up", "en", "I've fallen and can't get up"),
    ("he is hitting me", "en", "I'm in danger"),
    ("転ん で 起き 上がれ ない", "ja", "転んで起き上がれません"),
])
def test_crisis_task_says_plainly_what_is_happening(engine, text: str, lang: str, what: str) -> None:
    # The message is read by a helper in a hurry: "I need help now: my dad." would not do.
    r = engine.parse(text, lang)
    assert r.crisis and r.slots.task == what


def test_crisis_message_names_the_situation() -> None:
    from voice_helper.compose import compose_text

    # The person's own words, who to call first, and nothing softened.
    req = compose_text("my dad is having a stroke", lang="en")
    assert req.message == "Call 911 now.\nI need help now: my dad is having a stroke."
    short = compose_text("help", lang="en")  # too little said: the plain words for the kind
    assert not short.crisis and short.urgency.value == "check"
