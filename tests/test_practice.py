"""Practice (issue 15) with real parts: the scenario data, the engine on the real composer, the
text path of ``voice-helper practice`` (English and Japanese), ``--stats``, ``--plan`` and
``--routes`` on a real SQLite help log. Speech is in ``test_practice_voice.py``, the screens in
``test_practice_ui.py``.
"""

from __future__ import annotations

import json
import os
import re
import string
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import run_cli
from voice_helper.config import Contact, Settings, get_paths, save_settings
from voice_helper.dialog import CommandHeard, Done, Listen, Say, Show, Silence, UtteranceHeard
from voice_helper.practice import DefaultComposer, assess, plan_run, scenario, scenarios
from voice_helper.practice import commands as pcommands
from voice_helper.practice.data import ELEMENTS, load
from voice_helper.practice.session import (Attempted, Declined, FeedbackGiven, HelperReplied,
                                           PlanBGiven, PracticeSession, RoutesShown)
from voice_helper.store import HelpLog, PracticeAttempt

LANGS = ("en", "ja")


@pytest.fixture(scope="module")
def composer() -> DefaultComposer:
    c = DefaultComposer(Settings())
    c.warm_up()
    return c


def said(actions: list[Any]) -> list[str]:
    return [a.text for a in actions if isinstance(a, Say)]


def shown(actions: list[Any]) -> str:
    return "\n".join(a.text for a in actions if isinstance(a, Show))


def session(composer: DefaultComposer, start: str, lang: str = "en", count: int = 1,
            **kw: Any) -> PracticeSession:
    return PracticeSession(composer, plan_run(lang, start=start, count=count), lang=lang, **kw)


# --- the scenarios are data --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_graded_tiny_to_hard_each_with_helper_and_a_good_ask(lang: str) -> None:
    all_ = scenarios(lang)
    assert len(all_) >= 15
    levels = [s.level for s in all_]
    assert levels == sorted(levels) and levels[0] == 1 and levels[-1] == 5
    assert all_[0].id == "warm-up" and all_[0].needs == ("ask",)
    for s in all_:
        assert s.who, s.id  # who the helper is
        assert s.needs and set(s.needs) <= set(ELEMENTS), s.id  # what a good ask contains
        for e in s.needs:
            assert s.suggest.get(e) or e == "who", (s.id, e)  # an example for the one thing
        assert s.picks, s.id  # something to pick, for people who cannot speak or type
    assert sum(1 for s in all_ if s.declines and s.plan_b) >= 4  # some helpers say no
    assert any(s.kind == "decline" for s in all_)  # and declining kindly is practised too


def test_both_languages_have_the_same_scenarios_and_wording_keys() -> None:
    en, ja = load("en"), load("ja")
    assert [s.id for s in scenarios("en")] == [s.id for s in scenarios("ja")]
    for section in ("prompts", "tips", "elements", "element_names", "commands", "progress"):
        assert set(en[section]) == set(ja[section]), section

    def fields(text: Any) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(str(text)) if f}

    for key, text in en["prompts"].items():
        assert fields(text) == fields(ja["prompts"][key]), key


def test_the_issue_scenarios_are_there() -> None:
    ids = {s.id for s in scenarios("en")}
    assert {"warm-up", "look-at-document", "five-minutes", "friend-not-ok", "neighbour-carry", "seat-bad-day",
            "slower-pace", "doctor-symptoms", "deadline-split", "cashbox-batch", "decline-kindly"} <= ids
    assert "手伝ってもらえますか" in scenario("ja", "warm-up").situation
    assert "今ちょっとしんどくて" in scenario("ja", "friend-not-ok").suggest["hard"]


# --- one attempt: what it has, the ONE thing, a better version from the person's words -----------


def test_a_good_ask_has_nothing_to_add(composer: DefaultComposer) -> None:
    sc = scenario("en", "look-at-document")
    a = assess("John, could you check the numbers in the report by five?", sc, "en", composer)
    assert {"who", "ask", "when"} <= set(a.elements) and a.missing == [] and a.good
    assert a.better == "John, could you check the numbers in the report by five?"


def test_missing_when_names_what_is_there_and_only_the_when(composer: DefaultComposer) -> None:
    s = session(composer, "look-at-document")
    s.start()
    out = s.handle(UtteranceHeard("could you check the numbers in the report"))
    text = said(out)
    assert text[:2] == ["Thank you for saying it out loud. That's the hardest part.",
                        "You asked for one concrete thing."]
    assert text[2] == "One thing would make it even clearer: say when or how much, like “by five”."
    assert "John, could you check the numbers in the report by five?" in text  # built from their words
    assert sum("One thing" in t for t in text) == 1  # one suggestion, never a list
    fb = next(a for a in out if isinstance(a, FeedbackGiven))
    assert fb.assessment.next_step == "when" and fb.assessment.elements == ["ask"]
    kept = next(a for a in out if isinstance(a, Attempted)).record
    assert (kept.scenario, kept.elements, kept.next_step) == ("look-at-document", ["ask"], "when")
    assert isinstance(out[-1], Listen) and out[-1].mode == "command"
    assert "try again" in out[-1].grammar and "hear it again" in out[-1].grammar


def test_feedback_is_warm_short_and_never_scores(composer: DefaultComposer) -> None:
    harsh = re.compile(r"\b(wrong|bad|fail\w*|score\w*|should have|mistake|error|poor|only)\b|\d+ ?%|/ ?\d",
                       re.IGNORECASE)
    for sc in scenarios("en"):
        for pick in sc.picks:
            s = session(composer, sc.id)
            s.start()
            for line in said(s.handle(UtteranceHeard(pick))):
                assert not harsh.search(line.replace(pick, "")), (sc.id, line)
                assert len(line) < 220, line


def test_a_better_version_never_invents_an_emergency(composer: DefaultComposer) -> None:
    from dataclasses import replace

    # "too much work … take" once read as an overdose; the suggestion must never turn a rehearsal
    # into a crisis message the person never said
    sc = replace(scenario("en", "workload-offer"), suggest={"hard": "I have too much work this week.",
                                                          "ask": "Could you take the weekly summary?"})
    a = assess("Sato, could you take the weekly summary?", sc, "en", composer)
    assert a.next_step == "hard"
    assert "911" not in a.better and "988" not in a.better
    assert a.better == "Sato, I have too much work this week.\nCould you take the weekly summary?"
    assert not a.crisis


def test_a_real_crisis_in_a_rehearsal_says_whom_to_call_first(composer: DefaultComposer) -> None:
    s = session(composer, "friend-not-ok")
    s.start()
    out = s.handle(UtteranceHeard("Amy, I fell in the bathroom and I can't get up"))
    first = said(out)[0]
    assert first.startswith("If this is happening to you now, please call nine one one now")


def test_helper_declines_no_is_timing_and_plan_b(composer: DefaultComposer) -> None:
    s = session(composer, "neighbour-carry")
    s.start()
    out = s.handle(UtteranceHeard("could you help me carry the box upstairs"))
    text = said(out)
    assert "Now imagine your neighbour says: “Sorry, I can't today. My back isn't great either.”" in text
    assert "A no is about timing, not about your worth." in text
    assert text[-1] == "What's your plan B? Another person, another time, or a smaller ask."
    assert any(isinstance(a, Declined) for a in out) and s.state == "plan_b"
    for words, kind in (("could you help me next week instead", "another time"),
                        ("then i will ask john instead", "another person"),
                        ("could you carry just one box", "a smaller ask")):
        s.state, s._kind = "plan_b", "plan_b"
        out = s.handle(UtteranceHeard(words))
        assert said(out)[0] == f"That's a good plan B: {kind}.", words
        plan = next(a for a in out if isinstance(a, PlanBGiven)).plan
        assert next(a for a in out if isinstance(a, Attempted)).record.kind == "plan_b"
        assert plan.kinds


def test_no_one_to_ask_shows_the_consultation_routes(composer: DefaultComposer) -> None:
    from voice_helper.practice.routes import routes_for

    s = session(composer, "ride-appointment", routes=lambda: routes_for("US")[0])
    s.start()
    s.handle(UtteranceHeard("Tom, could you drive me to the hospital on Tuesday at ten?"))
    out = s.handle(UtteranceHeard("there is no one else i can ask"))
    assert any("no one to ask" in t for t in said(out))
    routes = next(a for a in out if isinstance(a, RoutesShown)).routes
    assert [r.name for r in routes][:2] == ["211", "Warmlines (peer support lines)"]
    assert "211 — Local help" in shown(out)


def test_the_helper_side_after_a_good_ask_sometimes(composer: DefaultComposer) -> None:
    s = session(composer, "look-at-document", count=3)
    s.start()
    out = s.handle(UtteranceHeard("John, could you check the numbers in the report by five?"))
    assert "John answers: “I'm glad you told me. How can we make it work?”" in said(out)
    assert any(isinstance(a, HelperReplied) for a in out)
    s.handle(CommandHeard("try_again"))
    again = s.handle(UtteranceHeard("John, could you check the numbers in the report by five?"))
    assert not any(isinstance(a, HelperReplied) for a in again)  # sometimes, not every time


def test_commands_only_as_whole_turns_with_rejection(composer: DefaultComposer) -> None:
    assert pcommands.match("please try again", "en", pcommands.LISTEN["menu"]) == "try_again"
    assert pcommands.match("Hear it again.", "en") == "repeat"
    assert pcommands.match("i can't stop worrying", "en") is None
    assert pcommands.match("もう一度聞かせて", "ja") == "repeat"
    assert pcommands.match("次", "ja") == "next"
    s = session(composer, "warm-up", count=2)
    s.start()
    # at the ask turn, an ask that contains a command word is an ask
    out = s.handle(UtteranceHeard("could you help me stop the next bus"))
    assert any(isinstance(a, FeedbackGiven) for a in out)
    out = s.handle(UtteranceHeard("thank you"))  # at the menu: none of these
    assert said(out) == ["Sorry, I didn't catch that. Say try again, next, hear it again, or stop."]
    before = s.attempts
    out = s.handle(UtteranceHeard("okay next", command="next", spotted=True))
    assert s.index == 1 and s.attempts == before and "Five minutes" in said(out)[0]


def test_silence_gets_one_kind_reprompt_then_waits(composer: DefaultComposer) -> None:
    s = session(composer, "warm-up")
    s.start()
    first = s.handle(Silence())
    assert said(first) == ["Take your time. When you're ready, say your ask."]
    assert s.handle(Silence()) == [s.last_listen]  # no timer, no second nudge


def test_stop_and_the_end_of_a_run_close_kindly(composer: DefaultComposer) -> None:
    s = session(composer, "warm-up", count=1)
    s.start()
    s.handle(UtteranceHeard("could you help me"))
    out = s.handle(UtteranceHeard("next"))
    assert said(out) == ["That's all for today. You practised once, and nothing was sent to anyone.",
                         "Every ask you practise makes the real one a little easier."]
    assert isinstance(out[-1], Done) and out[-1].outcome == "finished"


def test_a_run_starts_where_the_person_is() -> None:
    assert [s.id for s in plan_run("en", set(), count=3)] == ["warm-up", "five-minutes", "look-at-document"]
    assert plan_run("en", {"warm-up", "five-minutes"}, count=1)[0].id == "look-at-document"
    assert plan_run("en", None, start="cashbox-batch", count=3)[-1].id == "cashbox-batch"


# --- the text path of `voice-helper practice`, English and Japanese ------------------------------


def test_practice_by_text_in_english(tmp_path: Path) -> None:
    r = run_cli("practice", "--scenario", "look-at-document", "--count", "2",
                "--tts-dir", str(tmp_path / "tts"),
                "--text", "could you check the numbers in the report", "hear it again", "try again",
                "john could you check the numbers in the report by five", "next", "i'm busy", "stop")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.count("say when or how much, like “by five”") == 2  # said, then heard again
    assert "Nothing to add: it's clear." in out
    assert "outcome: stopped (3 practised, 7 turns)" in out
    assert len(list((tmp_path / "tts").glob("*.wav"))) >= 10  # every prompt spoken, as listen does
    with HelpLog.open() as log:
        kept = log.practice_attempts()
        assert [(a.scenario, a.next_step) for a in kept] == [("look-at-document", "when"),
                                                             ("look-at-document", None),
                                                             ("thank-and-give-back", "return")]
        assert log.count() == 0  # nothing became a request


def test_practice_by_text_in_japanese_through_the_same_path(tmp_path: Path) -> None:
    r = run_cli("practice", "--lang", "ja", "--scenario", "neighbour-carry",
                "--tts-dir", str(tmp_path / "tts"),
                "--text", "箱を二階に運ぶのを手伝ってもらえますか", "では、明日お願いできますか", "もう一度聞く", "次")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "「具体的なお願い」が入っています。" in out
    assert "もう一つ足すなら、いつまでか、どのくらいかを。たとえば「今日の午後」" in out
    assert "今日の午後箱を二階に運ぶのを手伝っていただけませんか。" in out
    assert "近所の方がこう言ったとします：「ごめんなさい、今日はちょっと無理なんです。私も腰が痛くて。」" in out
    assert out.count("断られるのはタイミングの問題で、あなたの価値とは関係ありません。") == 2
    assert "いいプランBです：別の時にする。" in out
    assert "今日はここまでです。1回練習しました。" in out
    assert any(p.name.endswith("-ja.wav") for p in (tmp_path / "tts").iterdir())
    with HelpLog.open() as log:
        kept = log.practice_attempts()
        assert [(a.lang, a.kind) for a in kept] == [("ja", "ask"), ("ja", "plan_b")]


def test_practice_usage_errors() -> None:
    r = run_cli("practice", "--scenario", "no-such-thing", "--text", "x")
    assert r.returncode == 2 and "no practice scenario 'no-such-thing'" in r.stderr
    r = run_cli("practice", "--done", "people")
    assert r.returncode == 2 and "--done and --undo go with --plan" in r.stderr
    r = run_cli("practice", "--input", "/nonexistent.wav")
    assert r.returncode == 2 and "no such file" in r.stderr


def test_list_shows_scenarios_from_tiny_to_hard() -> None:
    r = run_cli("practice", "--list")
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and len(lines) == len(scenarios("en"))
    assert lines[0].startswith("1  warm-up") and "plan B" in r.stdout


# --- progress and the 90-day plan on a real help log ---------------------------------------------


def _log_with_history() -> None:
    now = datetime.now().astimezone()
    with HelpLog.open() as log:
        for days_ago, elements, step in ((100, ["ask"], "when"), (20, ["ask", "when"], None),
                                         (3, ["hard", "ask", "when"], None), (1, ["ask"], "when")):
            log.add_practice_attempt(PracticeAttempt("look-at-document", "en", "words", elements,
                                                     next_step=step,
                                                     at=(now - timedelta(days=days_ago)).isoformat()))
        log.add_practice_attempt(PracticeAttempt("neighbour-carry", "en", "next week", kind="plan_b",
                                                 next_step="time"))
        a = log.add_draft("could John check the numbers by five")
        log.record_send(a, "file", True)
        log.mark(a, "helped")
        log.record_given(a, "did the filing")
        b = log.add_draft("could Sam give me five minutes")
        log.record_send(b, "file", True)
        log.mark(b, "declined")
        c = log.add_draft("could Amy call me tonight")
        log.record_send(c, "file", True)
        from voice_helper.compose import compose_text

        thanks = compose_text("thank you so much for helping me yesterday", lang="en")
        assert thanks.intent.value == "thanks"
        t = log.add_draft(thanks.said, thanks)
        log.record_send(t, "file", True)
        log.add_draft("a draft never counts")


def test_stats_on_a_real_log() -> None:
    _log_with_history()
    r = run_cli("practice", "--stats")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Your practice, last 12 weeks (from ")
    practised = next(line for line in lines if line.strip().startswith("practised"))
    chart = practised.split()[1]
    assert len(chart) == 12 and chart[0] == "·"  # the attempt 100 days ago is older than 12 weeks
    assert practised.split()[-1] == "3"
    assert "the ask: 4 of 4" in r.stdout and "when / how much: 2 of 4" in r.stdout
    assert "Plan B practised: 1" in r.stdout
    assert "Real requests: 3 asked · 1 helped · 1 said no · 1 waiting" in r.stdout
    assert "Thank-yous: 1 · help given back: 1" in r.stdout
    assert "A no is about timing, not about your worth." in r.stdout  # there was a no
    j = json.loads(run_cli("practice", "--stats", "--json").stdout)
    assert (j["total_attempts"], j["asked"], j["helped_total"], j["thanks"], j["given"]) == (4, 3, 1, 1, 1)
    assert sum(j["practised"]) == 3 and sum(j["real"]) == 3 and len(j["weeks"]) == 12
    ja = run_cli("practice", "--stats", "--lang", "ja").stdout
    assert "本番のお願い：3件 ・ 助けてもらえた 1件" in ja and "お礼：1回 ・ お返し：1回" in ja


def test_stats_on_an_empty_log_says_where_to_start() -> None:
    r = run_cli("practice", "--stats")
    assert r.returncode == 0 and "No practice yet. Start with the warm-up" in r.stdout


def test_the_90_day_plan_checks_itself_and_takes_marks() -> None:
    save_settings(Settings(contacts=[Contact("Tanaka", relation="colleague", channel="file")]))
    r = run_cli("practice", "--plan")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Your 90-day plan starts today." in out and "today is day 0 of 90" in out
    assert "[x] Add one or two people you could ask" in out  # a contact is saved
    assert "[x] Choose how to reach one of them" in out  # it has a channel
    assert "[ ] Pick three favourite phrases on the phrase board  (phrases)  ← now" in out
    assert "This week: Pick three favourite phrases" in out
    assert "Week 5: practise one ask, then make it for real" in out and "Days 46–90" in out
    r = run_cli("practice", "--plan", "--done", "phrases")
    assert "Marked done: Pick three favourite phrases" in r.stdout
    assert "[x] Pick three favourite phrases" in r.stdout and "starts today" not in r.stdout
    assert "This week: Practise the warm-up once" in r.stdout
    r = run_cli("practice", "--plan", "--undo", "phrases")
    assert "[ ] Pick three favourite phrases" in r.stdout
    r = run_cli("practice", "--plan", "--done", "nope")
    assert r.returncode == 2 and "no plan step 'nope'" in r.stderr
    # the reminder is shown inside the app (here: at the start of a practice run), never sent
    r = run_cli("practice", "--scenario", "warm-up", "--text", "could you help me", "stop")
    assert r.stdout.splitlines()[0] == "This week: Pick three favourite phrases on the phrase board"
    outbox = get_paths().outbox_dir
    assert not outbox.exists() or not any(outbox.iterdir())  # nothing was sent or queued


def test_weekly_steps_need_practice_and_a_real_ask_in_the_same_week() -> None:
    from voice_helper.practice import plan

    start = datetime.now().astimezone() - timedelta(days=16)
    with HelpLog.open() as log:
        log.set_plan_mark("started", start)
        st = plan.status(log, Settings(), "en")
        assert st.day == 16 and st.current is not None and st.current.id == "week-1"
        log.add_practice_attempt(PracticeAttempt("five-minutes", "en", "x", ["ask"]))
        assert not plan.status(log, Settings(), "en").step("week-1").done  # practised, not yet asked
        r = log.add_draft("could Sam give me five minutes")
        log.record_send(r, "file", True)
        st = plan.status(log, Settings(), "en")
        assert st.step("week-1").done and not st.step("week-2").done
        assert plan.reminder(st, "en") == "This week: Add one or two people you could ask (Settings, People)"


# --- consultation routes: editable data with sources ---------------------------------------------


def test_routes_for_japan_and_the_us_are_not_only_crisis_lines() -> None:
    r = run_cli("practice", "--routes", "--lang", "ja")
    assert r.returncode == 0
    for name in ("労働条件相談ほっとライン", "よりそいホットライン", "地域包括支援センター"):
        assert name in r.stdout
    assert "0120-811-610" in r.stdout and "https://www.check-roudou.mhlw.go.jp/" in r.stdout
    us = run_cli("practice", "--routes", "--lang", "en").stdout
    assert us.startswith("211 — ") and "Warmlines" in us and "https://warmline.org" in us
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "voice_helper/data/routes.yaml").read_text())
    for region, items in data.items():
        kinds = {i["kind"] for i in items}
        assert kinds - {"crisis"} and len(kinds) >= 4, region
        assert all(i["source"].startswith("https://") for i in items), region


def test_a_users_routes_file_replaces_a_region_and_a_writable_one_is_refused() -> None:
    path = get_paths().config_dir / "routes.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("US:\n  - {name: 'Our parish helpers', number: '555-0100', for: 'lifts and shopping',"
                    " kind: community, source: 'https://example.org'}\n", encoding="utf-8")
    os.chmod(path, 0o600)
    r = run_cli("practice", "--routes")
    assert r.stdout.startswith("Our parish helpers  555-0100 — lifts and shopping") and "211" not in r.stdout
    assert "労働条件相談ほっとライン" in run_cli("practice", "--routes", "--lang", "ja").stdout  # JP untouched
    os.chmod(path, 0o666)
    r = run_cli("practice", "--routes")
    assert "can be changed by other users" in r.stderr and r.stdout.startswith("211 — ")


# --- the store ------------------------------------------------------------------------------------


def test_a_v3_log_migrates_to_practice_tables_keeping_everything(tmp_path: Path) -> None:
    import sqlite3

    from voice_helper import store

    path = tmp_path / "v3.db"
    raw = sqlite3.connect(path)
    for step in store._MIGRATIONS[:3]:
        for sql in step:
            raw.execute(sql)
    raw.execute("INSERT INTO requests (created_at, updated_at, transcript) VALUES"
                " ('2026-10-01T10:00:00.000+00:00', '2026-10-01T10:00:00.000+00:00', 'old words')")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()
    with HelpLog.open(path) as log:
        assert log.schema_version == store.SCHEMA_VERSION == 4
        assert log.get(1).transcript == "old words" and log.stats().total == 1
        i = log.add_practice_attempt(PracticeAttempt("warm-up", "en", "could you help me",
                                                     ["ask", "nonsense"]))
        assert log.practice_attempts()[0].elements == ["ask"] and i == 1
        assert log.plan_marks() == {}
