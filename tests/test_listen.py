"""Whole hands-free conversations: Festival speaks the user's turns, pocketsphinx hears them,
the real intent engine and composer think, espeak-ng speaks the prompts into files, the help log
is a real SQLite file. Assertions are on the final request, on what was said, and on the audio.

Sentences are the ones pocketsphinx hears correctly from Festival's slt voice (checked by hand:
"ken" comes out as "can" in both voices, so the recipient answer is "john").
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import require_module, require_tool, run_cli
from tests.festival import festival_wav
from voice_helper.config import Settings
from voice_helper.dialog import Dialog, Skills, grammar_phrases
from voice_helper.speech.endpoint import EndpointConfig, Endpointer
from voice_helper.store import HelpLog
from voice_helper.voice_loop import FileHearing, LoopResult, VoiceLoop

FULL = "please ask john to check the numbers in the report by five"
NO_RECIPIENT = "could you check the numbers in the report by five"
CRISIS = "i fell and i can not get up"


def turn(text: str) -> Path:
    return festival_wav(text, "slt", pad_s=1.0)


@pytest.fixture(scope="module")
def recognizer():
    require_module("pocketsphinx")
    require_tool("espeak-ng", "apt-get install espeak-ng")
    from voice_helper.speech.recognizers import SphinxRecognizer

    return SphinxRecognizer("en")


def converse(recognizer, texts: list[str], tmp_path: Path) -> tuple[LoopResult, list[Path], HelpLog]:
    from voice_helper.speech.tts import Speaker

    settings = Settings()
    tts = tmp_path / "tts"
    hearing = FileHearing([turn(t) for t in texts], recognizer, Endpointer(EndpointConfig(silence_s=0.8)))
    log = HelpLog.open()
    printed: list[str] = []
    with Speaker(settings, out_dir=tts) as speaker:
        result = VoiceLoop(Dialog(Skills.default(settings)), speaker, hearing, settings=settings, log=log,
                           echo=printed.append).run()
    # every prompt was also printed
    for said in result.said:
        assert said in printed
    return result, sorted(tts.glob("*.wav")), log


def assert_spoken(files: list[Path], n: int) -> None:
    """``n`` prompts were spoken into files, each real, non-silent speech."""
    assert len(files) == n, files
    for f in files:
        out = subprocess.run(["sox", str(f), "-n", "stats"], capture_output=True, text=True).stderr
        rms = float(re.search(r"RMS lev dB\s+(-?[\d.]+)", out).group(1))
        assert rms > -35, (f, rms)


def test_everything_said_then_send(recognizer, tmp_path: Path) -> None:
    result, files, log = converse(recognizer, [FULL, "send"], tmp_path)
    req = result.request
    assert result.heard[0] == FULL
    assert req.slots.recipient and req.slots.recipient.lower() == "john"
    assert req.slots.deadline and "five" in req.slots.deadline.text
    assert not any(s.startswith(("Who would", "By when", "What would")) for s in result.said)
    assert "Here is your message." in result.said and req.message in result.said
    assert result.outcome == "sent"
    entry = log.get(result.draft_id)
    assert entry.status == "sent" and entry.message == req.message
    # ask, intro, message, menu, "Sending.", "Sent. …"
    assert_spoken(files, len(result.said))
    assert result.said[-1].startswith("Sent.")


def test_missing_recipient_is_asked_and_answered(recognizer, tmp_path: Path) -> None:
    result, files, log = converse(recognizer, [NO_RECIPIENT, "john", "keep it"], tmp_path)
    asked = [s for s in result.said if s.startswith("Who would you like to ask?")]
    assert len(asked) == 1
    req = result.request
    assert req.slots.recipient.lower() == "john"
    assert "John" in req.message or "john" in req.message.lower()
    assert result.outcome == "saved"
    entry = log.get(result.draft_id)
    assert entry.status == "draft" and entry.recipient.lower() == "john"
    assert "john" in entry.transcript.lower()
    assert_spoken(files, len(result.said))


def test_change_the_time(recognizer, tmp_path: Path) -> None:
    result, files, log = converse(recognizer, [FULL, "change the time", "tomorrow morning", "keep it"],
                                  tmp_path)
    req = result.request
    assert "tomorrow" in req.slots.deadline.text
    assert result.said.count("By when?") == 1
    assert result.outcome == "saved"
    # the message was read back twice: before and after the change, and they differ
    messages = [result.said[i + 1] for i, s in enumerate(result.said) if s == "Here is your message."]
    assert len(messages) == 2 and messages[0] != messages[1]
    assert log.get(result.draft_id).message == req.message
    assert_spoken(files, len(result.said))


def test_cancel(recognizer, tmp_path: Path) -> None:
    result, files, log = converse(recognizer, [FULL, "cancel"], tmp_path)
    assert result.outcome == "cancelled"
    assert result.said[-1].startswith("Cancelled. Nothing was sent.")
    entry = log.get(result.draft_id)
    assert entry.status == "withdrawn" and entry.transcript  # the words are kept
    assert_spoken(files, len(result.said))


def test_crisis_through_the_cli(recognizer, tmp_path: Path) -> None:
    tts = tmp_path / "tts"
    r = run_cli("listen", "--engine", "pocketsphinx", "--input", str(turn(CRISIS)), str(turn("keep it")),
                "--tts-dir", str(tts), "--json")
    assert r.returncode == 0, r.stderr
    req = json.loads(r.stdout)
    assert req["crisis"] is True and req["urgency"] == "critical" and req["resources"]
    lines = r.stderr.splitlines()
    heard = next(i for i, ln in enumerate(lines) if ln.startswith("(heard: i fell and i"))
    # the resources are said (and shown) right after the words are heard, before anything else
    assert lines[heard + 1].startswith("This sounds serious.")
    assert req["resources"][0]["number"] in lines[heard + 1]
    files = sorted(tts.glob("*.wav"))
    assert files[1].name == "002-en.wav"  # 001 asked; 002 is the crisis line
    assert_spoken(files, len([ln for ln in lines if not ln.startswith(("(heard", "outcome"))]))
    assert "outcome: saved" in r.stderr


def test_listen_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF0000WAVEjunk")
    r = run_cli("listen", "--input", str(bad))
    assert r.returncode != 0 and "Traceback" not in r.stderr and r.stderr.startswith("voice-helper listen:")
    r = run_cli("listen", "--input", str(tmp_path / "missing.wav"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run_cli("listen", "--lang", "ja", "--engine", "pocketsphinx", "--input", str(turn("send")))
    assert r.returncode != 0 and "English only" in r.stderr


def test_command_grammar_is_recognizable(recognizer) -> None:
    """Every English command phrase is in pocketsphinx's dictionary (none silently dropped)."""
    recognizer.set_grammar(grammar_phrases("en"))
    try:
        assert len(recognizer.grammar) == len(set(grammar_phrases("en")))
    finally:
        recognizer.set_grammar(None)


class _EchoRoom:
    """A room for the microphone stand-in: what the speaker plays comes back into the microphone
    (an echo), and the person speaks their next turn ~0.5 s after the speaker falls silent.
    Runs at ``speed`` × real time to keep the test short."""

    def __init__(self, turns: list[Path], speed: float = 2.0) -> None:
        import numpy as np

        from voice_helper.speech.playback import read_wav

        self.np = np
        def at_16k(clip):
            x = np.arange(0, len(clip.samples), clip.rate / 16000)
            return np.interp(x, np.arange(len(clip.samples)), clip.samples).astype(np.int16)

        self.turns = [at_16k(read_wav(p)) for p in turns]
        self.speed = speed
        self.echo: list = []
        self.speaker = None
        self.user_audio_sent = 0
        self.prompted = False  # the person answers only after being asked

    def sink(self):
        room = self

        class EchoSink:
            def open(self, rate: int) -> None:
                self.rate, self.t0, self.n = rate, time.monotonic(), 0

            def write(self, block) -> None:
                np = room.np
                x = np.interp(np.arange(0, len(block), self.rate / 16000), np.arange(len(block)), block)
                room.echo.append((x * 0.8).astype(np.int16))
                room.prompted = True
                self.n += len(block)
                delay = self.t0 + self.n / self.rate / room.speed - time.monotonic()
                if delay > 0:
                    time.sleep(delay)

            def abort(self) -> None:
                pass

            def close(self) -> None:
                pass

        return EchoSink()

    def stream_factory(self, callback, block_ms: int, device):
        room = self

        class Stream:
            active = True

            def start(self) -> None:
                self.stop_flag = False
                threading.Thread(target=self.run, daemon=True).start()

            def run(self) -> None:
                np = room.np
                n = 16000 * block_ms // 1000
                user = np.zeros(0, dtype=np.int16)
                quiet_since = None
                while not self.stop_flag:
                    blocks = []
                    if room.echo:  # the echo reaches the microphone at once, whatever the pace
                        echo = np.concatenate(room.echo)
                        room.echo.clear()
                        echo = np.concatenate([echo, np.zeros(-len(echo) % n, dtype=np.int16)])
                        blocks += [echo[i:i + n] for i in range(0, len(echo), n)]
                    speaking = room.speaker is not None and room.speaker.is_speaking
                    if speaking:
                        quiet_since = None
                    elif not len(user) and room.turns and room.prompted:
                        quiet_since = quiet_since or time.monotonic()
                        if time.monotonic() - quiet_since > 1.0 / room.speed:
                            user = room.turns.pop(0)
                            room.user_audio_sent += 1
                            room.prompted = False
                            quiet_since = None
                    if not blocks:
                        block = user[:n]
                        user = user[n:]
                        if len(block) < n:
                            noise = np.random.default_rng().normal(0, 30, n - len(block)).astype(np.int16)
                            block = np.concatenate([block, noise])
                        blocks = [block]
                    for b in blocks:
                        callback(b.tobytes(), n, None, None)
                    time.sleep(block_ms / 1000 / room.speed)

            def stop(self) -> None:
                self.stop_flag = True

            def close(self) -> None:
                self.stop_flag = True

        return Stream()


def test_microphone_loop_never_hears_itself(recognizer) -> None:
    """The live path (MicrophoneSource → MicHearing) with the speaker's own audio echoing into the
    microphone: the prompts are never heard as the person's words."""
    from voice_helper.speech.audio import MicrophoneSource
    from voice_helper.speech.tts import Speaker
    from voice_helper.voice_loop import MicHearing

    settings = Settings()
    settings.voice.rate = 320
    room = _EchoRoom([turn(FULL), turn("send")], speed=2.0)
    source = MicrophoneSource(queue_blocks=2000, stream_factory=room.stream_factory)
    hearing = MicHearing(source, recognizer, Endpointer(EndpointConfig(silence_s=0.8)))
    try:
        with HelpLog.open() as log, Speaker(settings, sink_factory=room.sink) as speaker:
            room.speaker = speaker
            result = VoiceLoop(Dialog(Skills.default(settings)), speaker, hearing, settings=settings,
                               log=log, echo=lambda s: None).run()
    finally:
        source.close()
    # exactly the person's two turns, nothing of "What's hard right now?" or the message read back
    assert len(result.heard) == 2 and result.heard[1] == "send"
    assert result.heard[0].startswith("please ask john to check the numbers") and result.heard[0].endswith("by five")
    assert hearing.drained > 0  # the echo of the prompts was caught, and thrown away
    assert result.outcome == "sent"


def test_microphone_silence_becomes_a_kind_reprompt(recognizer) -> None:
    """Nobody speaks: after ``quiet_s`` the turn ends as a Silence, the dialog re-prompts once."""
    from voice_helper.dialog import Listen, Silence
    from voice_helper.speech.audio import MicrophoneSource
    from voice_helper.voice_loop import MicHearing

    room = _EchoRoom([], speed=4.0)
    room.speaker = None
    source = MicrophoneSource(queue_blocks=2000, stream_factory=room.stream_factory)
    try:
        hearing = MicHearing(source, recognizer, Endpointer(EndpointConfig(silence_s=0.8)), quiet_s=0.5)
        t0 = time.monotonic()
        assert isinstance(hearing.hear(Listen()), Silence)
        assert time.monotonic() - t0 < 5
    finally:
        source.close()
