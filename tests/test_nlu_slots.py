"""Slots: asks, recipient, deadline (ISO against a fixed now), duration, offer, feelings, task,
and the single-answer parsers the dialog uses for its follow-up questions."""

from __future__ import annotations

from datetime import datetime

import pytest

from voice_helper.nlu import extract_slots, parse_deadline, parse_duration, parse_recipient
from voice_helper.nlu.slots_en import gerund

from .nlu_support import make_engine, spaced

MON_10 = datetime(2026, 11, 23, 10, 0)   # a Monday morning
MON_18 = datetime(2026, 11, 23, 18, 30)  # the same Monday, evening


@pytest.mark.parametrize("text,n", [
    ("could you check the numbers or print the slides", 2),
    ("um could Tanaka take over the counting or lock the cashbox", 2),
    ("can you carry the boxes and sort the mail before five", 2),
    ("could Ken take aisles four and five", 1),           # "five" is not a verb: one ask
    ("could you proofread my cover letter tonight", 1),
    ("i'm drowning in expense claims", 0),
    ("資料の確認かスライドの印刷をお願いできますか", 2),
    ("明日 まで に 資料 を 確認 し て もらえ ます か", 1),
    ("上の棚の箱を取ってもらえますか", 1),
])
def test_asks_are_split_into_concrete_things(text: str, n: int) -> None:
    asks = extract_slots(text, "auto", MON_10).asks
    assert len(asks) == n, asks
    assert all(a.strip() == a and a for a in asks)


def test_ask_text_is_clean_and_keeps_first_person() -> None:
    s = extract_slots("um so like could you you know read over my report by five", "en", MON_10)
    assert s.asks == ["read over my report"]
    assert s.deadline.text == "by five"
    s = extract_slots("could you check the numbers or print the slides", "en", MON_10)
    assert s.asks == ["check the numbers", "print the slides"]


@pytest.mark.parametrize("text,who", [
    ("could Priya take the charts while I finish the tables", "Priya"),
    ("could tanaka take the deliveries", "Tanaka"),
    ("this count is murdering me could ken take aisles four and five", "Ken"),
    ("could my manager give me half an hour", "manager"),
    ("can you ask my supervisor to sign this", None),  # "you" are asked; the supervisor is a third party
    ("金曜の締め切りに間に合わないので鈴木さんにグラフをお願いしたい", "鈴木さん"),
    ("佐藤 さん に 伝票 の 入力 を 手伝っ て もらえ たら 助かり ます", "佐藤さん"),
    ("片手だと金庫の鍵が開けられないので、課長に開けていただけないでしょうか", "課長"),
    ("could you help me with the slides", None),
    ("could someone lift this box", None),
])
def test_recipient(text: str, who: str | None) -> None:
    assert extract_slots(text, "auto", MON_10).recipient == who


@pytest.mark.parametrize("answer,who", [
    ("Tanaka", "Tanaka"), ("tanaka", "Tanaka"), ("my manager", "manager"), ("Priya please", "Priya"),
    ("ask my team leader", "team leader"), ("田中さん", "田中さん"), ("上司", "上司"),
    ("上司 に", "上司"), ("鈴木さんにお願いします", "鈴木さん"), ("i don't know", None),
])
def test_parse_recipient_alone(answer: str, who: str | None) -> None:
    assert parse_recipient(answer) == who


@pytest.mark.parametrize("text,said,iso", [
    ("by five", "by five", "2026-11-23T17:00"),
    ("could you do it by 5:30 pm", "by 5:30 pm", "2026-11-23T17:30"),
    ("before Friday", "before friday", "2026-11-27T09:00"),
    ("by friday", "by friday", "2026-11-27T17:00"),
    ("tonight", "tonight", "2026-11-23T20:00"),
    ("tomorrow", "tomorrow", "2026-11-24T17:00"),
    ("by tomorrow morning", "by tomorrow morning", "2026-11-24T09:00"),
    ("by noon", "by noon", "2026-11-23T12:00"),
    ("in an hour", "in an hour", "2026-11-23T11:00"),
    ("by end of day", "by end of day", "2026-11-23T17:00"),
    ("before the meeting", "before the meeting", None),
    ("明日まで", "明日まで", "2026-11-24T17:00"),
    ("明日 まで に", "明日までに", "2026-11-24T17:00"),
    ("3時までに", "3時までに", "2026-11-23T15:00"),
    ("3 時 まで に", "3時までに", "2026-11-23T15:00"),
    ("午後3時半までにお願い", "午後3時半までに", "2026-11-23T15:30"),
    ("金曜", "金曜", "2026-11-27T17:00"),
    ("金曜の締め切りに間に合わない", "金曜の締め切り", "2026-11-27T17:00"),
    ("来週の月曜日まで", "来週の月曜日まで", "2026-11-30T17:00"),
    ("三十分後に", "三十分後", "2026-11-23T10:30"),
])
def test_deadline_resolves_against_now(text: str, said: str, iso: str | None) -> None:
    d = parse_deadline(text, "auto", MON_10)
    assert d is not None and d.text == said and d.iso == iso


def test_a_time_already_past_today_moves_to_tomorrow() -> None:
    assert parse_deadline("by five", "en", MON_18).iso == "2026-11-24T17:00"
    assert parse_deadline("3時までに", "ja", MON_18).iso == "2026-11-24T15:00"


@pytest.mark.parametrize("text", ["駅まで一緒に来てもらえますか", "could you walk with me to the station",
                                  "i need three boxes", "3時間かかります"])
def test_not_a_deadline(text: str) -> None:
    assert parse_deadline(text, "auto", MON_10) is None


@pytest.mark.parametrize("text,minutes", [
    ("can we talk for 30 minutes", 30), ("half an hour", 30), ("could we talk for 20 minutes", 20),
    ("an hour and a half", 90), ("twenty minutes", 20), ("for a few minutes", None),
    ("in 20 minutes", None),  # that is a deadline, not a duration
    ("15分", 15), ("15 分 ほど", 15), ("1時間", 60), ("一時間半", 90), ("十五分だけ", 15),
    ("少し", None), ("ちょっと話せる", None), ("30分後に", None), ("3時に", None),
])
def test_duration(text: str, minutes: int | None) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text,offer", [
    ("could you take the counting, I can do the filing tomorrow", "do the filing tomorrow"),
    ("would you read my cover letter tonight i can help you move boxes on saturday",
     "help you move boxes on saturday"),
    ("could you check my slides, in return i'll buy you lunch", "buy you lunch"),
    ("明日の会議までにこの企画書を見てもらえるかな、お礼にランチおごるよ", "ランチおごる"),
    ("入力を手伝ってもらえたら、その代わり明日の掃除は私がやります", "明日の掃除は私がやります"),
    ("i can't reach the top shelf", None),
    ("i can barely see the screen tomorrow", None),
    ("代わりに記入してもらえますか", None),
])
def test_offer(text: str, offer: str | None) -> None:
    assert extract_slots(text, "auto", MON_10).offer == offer


def test_offer_words_are_not_taken_as_the_deadline() -> None:
    s = extract_slots("would you read my cover letter tonight i can help you move boxes on saturday", "en", MON_10)
    assert s.deadline is None  # "tonight" is when, not by when
    assert [(t.text, t.role) for t in s.times] == [("tonight", "when"), ("on saturday", "offer")]


@pytest.mark.parametrize("text,feelings", [
    ("i feel dizzy and lightheaded", ["dizzy", "lightheaded"]),
    ("i'm so anxious and tired", ["tired", "anxious"]),
    ("i'm not tired just busy", []),
    ("今日はしんどくて不安", ["しんどい", "不安"]),
    ("頭 が くらくら する", ["めまい"]),
])
def test_feelings(text: str, feelings: list[str]) -> None:
    assert sorted(extract_slots(text, "auto", MON_10).feelings) == sorted(feelings)


@pytest.mark.parametrize("text,task", [
    ("there's a risk i'll miss the deadline for the quarterly summary", "the quarterly summary"),
    ("i'm struggling with the cash report", "the cash report"),
    ("i can't reach the top shelf", "reaching the top shelf"),
    ("my hands shake too much to sign this form", "signing this form"),
    ("the booking website won't let me tab to the button", "the booking website"),
    ("スマホの読み上げ機能が急に動かなくなって困っています", "スマホの読み上げ機能"),
    ("棚 の 上 の 箱 に 手 が 届か ない", "棚の上の箱"),
])
def test_task(text: str, task: str) -> None:
    assert extract_slots(text, "auto", MON_10).task == task


def test_gerund() -> None:
    assert [gerund(v) for v in ("reach", "get", "write", "carry", "tie")] == \
        ["reaching", "getting", "writing", "carrying", "tying"]


def test_full_parse_fills_every_slot_of_the_contract() -> None:
    e = make_engine()
    r = e.parse("um sorry to bother you but could Tanaka take over the counting or lock the cashbox by five "
                "i can do the filing tomorrow in return", "auto", MON_10)
    s = r.slots
    assert r.intent.value == "workload"
    assert s.asks == ["take over the counting", "lock the cashbox"]
    assert s.recipient == "Tanaka" and s.offer == "do the filing tomorrow"
    assert s.deadline.iso == "2026-11-23T17:00" and r.missing == []
    ja = e.parse(spaced("鈴木さんに明日までに資料を確認してもらえますか"), "auto", MON_10)
    assert ja.slots.recipient == "鈴木さん" and ja.slots.deadline.iso == "2026-11-24T17:00"
    assert ja.slots.asks == ["資料を確認して"]
