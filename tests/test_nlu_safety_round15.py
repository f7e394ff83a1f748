"""Emergencies, round 15: blood named as a medicine or a test is not bleeding. "The new blood
thinner might be why she's bruising so much" matched the bleeding rule ("blood" near "so much")
and the message told a carer to call 911. A rule's term may now be a pattern, and "blood" before
thinners / pressure / test / sugar is not the word for bleeding; bleeding said outright on blood
thinners is still an emergency. The net also learned carers' ordinary requests (safety_train7,
written apart from the rules).

Sentences are written for these cases, not copied from any set."""

from __future__ import annotations

import pytest

from .nlu_support import make_engine


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


@pytest.mark.parametrize("text", [
    "The GP thinks the new blood thinner is why Nan bruises so much. Could you take her to the review on Monday?",
    "his blood pressure was so much higher this week can you come to the clinic with us on friday",
    "I've got a blood test at nine and a lot of nerves about it, can you drive me?",
    "her blood sugar has been all over the place so much lately, could you help me plan her meals",
])
def test_blood_named_as_a_medicine_or_a_test_is_not_bleeding(engine, text: str) -> None:
    r = engine.parse(text, lang="en")
    assert not r.crisis, (r.crisis_kind, text)


@pytest.mark.parametrize("text", [
    "dad is on blood thinners and his nose is bleeding so much it won't stop please come",
    "She cut her hand on a glass and there's blood everywhere, it won't stop",
])
def test_bleeding_said_outright_is_still_an_emergency(engine, text: str) -> None:
    r = engine.parse(text, lang="en")
    assert r.crisis and r.crisis_kind == "bleeding", (r.crisis_kind, text)


@pytest.mark.parametrize("text", [
    "Cut my thumb on the tin lid, not serious, just keeps bleeding a lot. Have you got plasters?",
    "caught my leg on the garden fork its bleeding loads but nothing serious can you bring a band-aid",
])
def test_a_cut_said_to_be_minor_is_not_called_in(engine, text: str) -> None:
    r = engine.parse(text, lang="en")
    assert not r.crisis, (r.crisis_kind, r.urgency, text)


@pytest.mark.parametrize("text", [
    "can I keep my bike in your hallway while I'm moving house no moving flat",
    "いつもありがとうございます。これからもよろしくおねがいします。",
])
def test_a_correction_or_a_closing_is_not_an_emergency(engine, text: str) -> None:
    """(round 16: "moving hall no moving flat" read as "not moving", unresponsive; a letter's closing
    in kana, 「よろしくおねがいします」, was a net-only emergency)"""
    r = engine.parse(text, lang="ja" if "。" in text else "en")
    assert not r.crisis, (r.crisis_kind, text)


def test_not_moving_said_outright_is_still_an_emergency(engine) -> None:
    r = engine.parse("my dad fell and he's no moving at all", lang="en")
    assert r.crisis, r.crisis_kind


def test_going_under_with_work_is_not_drowning(engine) -> None:
    """(round 16: "I've got 3 jobs overlapping and I'm going under" told a mate to call 999)"""
    r = engine.parse("can you take the saturday orders off me, I've got deadlines piling up and I'm going under",
                     lang="en")
    assert not r.crisis, r.crisis_kind
    assert engine.parse("help my daughter went under in the lake and hasn't come up", lang="en").crisis
