"""Practice by voice alone: Festival speaks the person's turns, pocketsphinx hears them (free
speech and, on the same frames, the command spotter with rejection), the real composer gives the
feedback, espeak-ng speaks every prompt into files, and each rehearsal lands in a real SQLite
help log. The hands-free loop is the one ``voice-helper listen`` uses (``PracticeLoop`` only adds
the practice log). Sentences are ones pocketsphinx hears correctly from Festival's slt voice.

A whole default run (three scenarios from the warm-up, one helper saying no) takes 7 turns by
voice: an ask and "next" per scenario, plus one plan B.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_module, require_tool, run_cli
from tests.festival import festival_wav
from voice_helper.config import Settings
from voice_helper.practice import DefaultComposer, plan_run
from voice_helper.practice.loop import PracticeLoop
from voice_helper.practice.session import PracticeSession
from voice_helper.speech.endpoint import EndpointConfig, Endpointer
from voice_helper.store import HelpLog
from voice_helper.voice_loop import FileHearing, LoopResult

GOOD = "could you check the numbers in the report by five"
NO_WHEN = "could you check the numbers in the report"
CARRY = "could you help me carry the box upstairs"
PLAN_B = "could you help me next week instead"
WARM_UP = "could you help me"
FIVE_MINUTES = "could you give me five minutes"
AFTER_MEETING = "could we talk after your meeting instead"
COMMANDS = ("next", "try again", "hear it again", "stop")
NOT_A_COMMAND = "thank you"
ALL = (GOOD, NO_WHEN, CARRY, PLAN_B, WARM_UP, FIVE_MINUTES, AFTER_MEETING, NOT_A_COMMAND, *COMMANDS)


@pytest.fixture(scope="session")
def turns() -> dict[str, Path]:
    """Every recorded turn, made once per test session (Festival caches them on disk too)."""
    return {text: festival_wav(text, "slt", pad_s=1.0) for text in ALL}


@pytest.fixture(scope="module")
def ears() -> tuple[Any, Any]:
    require_module("pocketsphinx")
    require_tool("espeak-ng", "apt-get install espeak-ng")
    from voice_helper.speech.recognizers import open_recognizer
    from voice_helper.speech.spotter import spotter_for

    recognizer = open_recognizer("en", "pocketsphinx", settings=Settings(), domain=True)
    return recognizer, spotter_for(recognizer)


@pytest.fixture(scope="module")
def composer() -> DefaultComposer:
    c = DefaultComposer(Settings())
    c.warm_up()
    return c


def practise(ears: tuple[Any, Any], composer: DefaultComposer, turns: dict[str, Path], said: list[str],
             tmp_path: Path, start: str | None = None, count: int = 1) -> tuple[LoopResult, HelpLog]:
    from voice_helper.speech.tts import Speaker

    recognizer, spotter = ears
    run = plan_run("en", set(), start, count)
    hearing = FileHearing([turns[t] for t in said], recognizer, Endpointer(EndpointConfig(silence_s=0.8)),
                          spotter=spotter)
    log = HelpLog.open()
    session = PracticeSession(composer, run, lang="en")
    printed: list[str] = []
    with Speaker(Settings(), out_dir=tmp_path / "tts") as speaker:
        result = PracticeLoop(session, speaker, hearing, settings=Settings(), log=log,
                              echo=printed.append).run()
        assert [u.text for u in speaker.history] == result.said  # every prompt went to the voice
    assert len(list((tmp_path / "tts").glob("*.wav"))) == len(result.said)
    return result, log


def test_a_good_ask_by_voice(ears: Any, composer: DefaultComposer, turns: dict[str, Path],
                             tmp_path: Path) -> None:
    result, log = practise(ears, composer, turns, [GOOD, "next"], tmp_path, "look-at-document")
    assert result.heard == [GOOD, "next"] and result.outcome == "finished"
    assert "You asked for one concrete thing and said when or how much." in result.said
    assert "Nothing to add: it's clear." in result.said
    assert "John, could you check the numbers in the report by five?" in result.said
    assert "John answers: “I'm glad you told me. How can we make it work?”" in result.said
    (kept,) = log.practice_attempts()
    assert (kept.scenario, kept.elements, kept.next_step) == ("look-at-document", ["ask", "when"], None)


def test_an_ask_missing_the_when_by_voice(ears: Any, composer: DefaultComposer, turns: dict[str, Path],
                                          tmp_path: Path) -> None:
    result, log = practise(ears, composer, turns, [NO_WHEN, "try again", GOOD, "stop"], tmp_path,
                           "look-at-document")
    assert result.heard == [NO_WHEN, "try again", GOOD, "stop"] and result.outcome == "stopped"
    first = result.said.index("You asked for one concrete thing.")
    tip = "One thing would make it even clearer: say when or how much, like “by five”."
    assert result.said[first + 1] == tip
    # their own words, with the when added
    assert result.said[first + 3] == "John, could you check the numbers in the report by five?"
    assert "Let's try it again." in result.said
    assert result.said[-2] == "That's all for today. You practised 2 times, and nothing was sent to anyone."
    assert [a.next_step for a in log.practice_attempts()] == ["when", None]


def test_a_declined_ask_and_plan_b_by_voice(ears: Any, composer: DefaultComposer, turns: dict[str, Path],
                                            tmp_path: Path) -> None:
    result, log = practise(ears, composer, turns, [CARRY, PLAN_B, NOT_A_COMMAND, "hear it again", "stop"],
                           tmp_path, "neighbour-carry")
    assert result.heard[:2] == [CARRY, PLAN_B]
    said = result.said
    assert "Now imagine your neighbour says: “Sorry, I can't today. My back isn't great either.”" in said
    assert "A no is about timing, not about your worth." in said
    assert "What's your plan B? Another person, another time, or a smaller ask." in said
    assert "That's a good plan B: another time." in said
    # "thank you" is none of the commands: rejected, nothing changes
    assert "Sorry, I didn't catch that. Say try again, next, hear it again, or stop." in said
    # "hear it again" (the spotter's phrase, whatever free recognition made of it) repeats the feedback
    assert said.count("A no is about timing, not about your worth.") == 2
    assert result.outcome == "stopped"
    kept = log.practice_attempts()
    assert [(a.kind, a.next_step) for a in kept] == [("ask", "when"), ("plan_b", "time")]


def test_a_whole_default_run_by_voice_takes_seven_turns(ears: Any, composer: DefaultComposer,
                                                        turns: dict[str, Path], tmp_path: Path) -> None:
    said = [WARM_UP, "next", FIVE_MINUTES, AFTER_MEETING, "next", GOOD, "next"]
    result, log = practise(ears, composer, turns, said, tmp_path, count=3)
    assert result.outcome == "finished" and len(result.heard) == 7
    assert [a.scenario for a in log.practice_attempts()] == ["warm-up", "five-minutes", "five-minutes",
                                                              "look-at-document"]
    assert result.said[-2] == "That's all for today. You practised 3 times, and nothing was sent to anyone."


def test_the_command_line_by_voice(turns: dict[str, Path], tmp_path: Path) -> None:
    """``voice-helper practice --input`` as a person would run it, like ``listen --input``."""
    require_module("pocketsphinx")
    r = run_cli("practice", "--engine", "pocketsphinx", "--scenario", "look-at-document", "--tts-dir",
                str(tmp_path / "tts"), "--input", str(turns[NO_WHEN]), str(turns["stop"]), timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"(heard: {NO_WHEN})" in r.stdout
    assert "say when or how much, like “by five”" in r.stdout
    assert "outcome: stopped (1 practised, 2 turns)" in r.stdout
    assert len(list((tmp_path / "tts").glob("*.wav"))) >= 8
