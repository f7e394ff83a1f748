#!/usr/bin/env python3
"""Latency a person feels: end of their turn → first audio of the read-back.

Runs recorded conversations (Festival speaks the user's turns, as in tests/test_listen.py)
through the real loop: recognizer → intent engine → composer → Speaker, with playback into a
real-time paced sink (the stand-in for speakers). For each read-back it measures, from the moment
the last audio frame of the user's turn was consumed (the endpoint):

  recognize  the recognizer's final result is ready
  think      parse + render (+ the help-log write) until the read-back is queued
  first audio  the first block of the answer reaches the sink   ← the number that matters
               (the answer is the read-back; in a crisis, the line saying whom to call, said first)

and, for emergencies (issue 11: tests/speech_sets.py EMERGENCIES, both Festival voices, clean and
at 10 dB pink noise, through the same loop as ``listen --input``): how many reach the crisis path,
and the time from the endpoint to the first audio of the number to call ("Call nine one one now").

The endpointer's trailing silence (settings.speech.endpoint_silence_s, 1.8 s by default, generous on
purpose for people who pause) comes on top of this and is reported separately.

Usage: python scripts/bench_dialog.py [--repeat N] [--tts auto|espeak-ng] [--emergencies-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONVERSATIONS = {
    "everything said": ["please ask john to check the numbers in the report by five", "send", "yes"],
    "missing recipient": ["could you check the numbers in the report by five", "john", "keep it"],
    "change the time": ["please ask john to check the numbers in the report by five", "change the time",
                        "tomorrow morning", "keep it"],
    "crisis": ["i fell and i can not get up", "keep it"],
}


def engines() -> list[str]:
    from voice_helper.speech.models import find_models
    from voice_helper.speech.recognizers import pocketsphinx_available, vosk_available

    out = []
    if pocketsphinx_available():
        out.append("pocketsphinx")
    if vosk_available() and find_models("en"):
        out.append("vosk")
    else:
        print("vosk: no English Vosk model installed here (voice-helper models download en); skipped")
    return out


def _fast_sink():  # type: ignore[no-untyped-def]
    """A sink that takes audio at once: the prompts before and after the timed one need not be
    played in real time (the time to the first block of audio is the same)."""
    from voice_helper.speech.playback import PacedSink

    class FastSink(PacedSink):
        def write(self, block) -> None:  # type: ignore[no-untyped-def]
            self._n += len(block)

    return FastSink(keep=False)


def run_one(engine: str, tts: str, texts: list, recognizer, fast: bool = False) -> list[dict[str, float]]:
    from tests.festival import festival_wav
    from voice_helper.config import Settings
    from voice_helper.dialog import Dialog, Skills
    from voice_helper.speech.endpoint import EndpointConfig, Endpointer
    from voice_helper.speech.playback import PacedSink
    from voice_helper.speech.tts import Speaker
    from voice_helper.store import HelpLog
    from voice_helper.voice_loop import FileHearing, VoiceLoop

    from voice_helper.speech.spotter import spotter_for

    settings = Settings()
    files = [t if isinstance(t, Path) else festival_wav(t, "slt", pad_s=1.0) for t in texts]
    hearing = FileHearing(files, recognizer, Endpointer(EndpointConfig.from_settings(settings)),
                          spotter=spotter_for(recognizer))
    intro = "Here is your message."
    sink = _fast_sink if fast else (lambda: PacedSink(keep=False))
    with HelpLog.open() as log, Speaker(settings, engine=tts, sink_factory=sink) as sp:
        result = VoiceLoop(Dialog(Skills.default(settings)), sp, hearing, settings=settings, log=log,
                           echo=lambda s: None).run()
        history = list(sp.history)
    says = [t for kind, t, text in result.timeline if kind == "say" and (text == intro or text.startswith("Call "))]
    out = []
    for intro_at in says:
        turn = max((tr for tr in hearing.turns if tr.speech_end_at <= intro_at), key=lambda tr: tr.speech_end_at)
        # the first thing said after this turn: the read-back, or in a crisis the line with whom to call
        first_say = min(t for kind, t, _ in result.timeline if kind == "say" and t >= turn.heard_at)
        said_first = next(text for kind, t, text in result.timeline if kind == "say" and t == first_say)
        utt = next(u for u in history if u.queued_at >= turn.heard_at and u.first_audio_at is not None)
        out.append({"recognize": turn.heard_at - turn.speech_end_at,
                    "think": first_say - turn.heard_at,
                    "first_audio": utt.first_audio_at - turn.speech_end_at,
                    "crisis_first": float(said_first != intro), "said_first": said_first,
                    "crisis": float(bool(result.request and result.request.crisis))})
        if said_first.startswith("Call "):
            break  # the number is what is timed in a crisis
    if not out:
        out.append({"crisis": 0.0, "said_first": (result.said[1] if len(result.said) > 1 else "")})
    return out


def emergencies(recognizer, tts: str) -> None:
    """Every emergency, both voices, clean and 10 dB: crisis path reached? time to the number."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_stt
    from tests.festival import festival_wav
    from tests.speech_sets import EMERGENCIES

    rows = []
    for cond in ("clean", "10dB"):
        for text in EMERGENCIES:
            for voice in ("kal", "slt"):
                src = festival_wav(text, voice, pad_s=1.0)
                path = bench_stt.condition(src, cond, f"{voice}-{bench_stt._key(text)}")
                got = run_one("pocketsphinx", tts, [path], recognizer, fast=True)[0]
                rows.append((cond, voice, text, got))
    for cond in ("clean", "10dB"):
        mine = [r for r in rows if r[0] == cond]
        hit = [r for r in mine if r[3].get("said_first", "").startswith("Call ")]
        times = sorted(r[3]["first_audio"] for r in hit)
        asked = [r for r in mine if r[3].get("said_first", "").startswith("Are you safe")]
        missed = [(v, t, g.get("said_first", "")[:40]) for c, v, t, g in mine
                  if not g.get("said_first", "").startswith(("Call ", "Are you safe"))]
        line = (f"emergencies {cond:5s}: crisis path {len(hit)}/{len(mine)}, asked 'Are you safe?' {len(asked)}"
                + (f"; endpoint → first audio of the number: median {statistics.median(times):.3f} s, "
                   f"max {times[-1]:.3f} s" if times else ""))
        print(line + (f"; missed: {missed}" if missed else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tts", default="auto", choices=("auto", "espeak-ng"))
    ap.add_argument("--emergencies-only", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("VOICE_HELPER_HOME", tempfile.mkdtemp(prefix="vh-bench-"))
    from voice_helper.config import Settings
    from voice_helper.speech.recognizers import open_recognizer

    print(f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.2f}  tts: {args.tts}  "
          f"endpoint silence (added on top): {Settings().speech.endpoint_silence_s:.1f} s")
    settings = Settings()
    if args.emergencies_only:
        emergencies(open_recognizer("en", "pocketsphinx", settings=settings, domain=True), args.tts)
        return 0
    for engine in engines():
        recognizer = open_recognizer("en", engine, settings=settings, domain=True)
        rows: list[dict[str, float]] = []
        for name, texts in CONVERSATIONS.items():
            got: list[dict[str, float]] = []
            for _ in range(args.repeat):
                got += run_one(engine, args.tts, texts, recognizer)
            rows += got
            fa = [r["first_audio"] for r in got if "first_audio" in r] or [float("nan")]
            print(f"{engine:12s} {name:18s} read-backs={len(got):2d}  first audio median "
                  f"{statistics.median(fa):.3f} s  max {max(fa):.3f} s")
        rows = [r for r in rows if "first_audio" in r]
        for key in ("recognize", "think", "first_audio"):
            vals = sorted(r[key] for r in rows)
            p90 = vals[min(len(vals) - 1, int(0.9 * len(vals)))]
            print(f"{engine:12s} ALL {key:12s} n={len(vals)} median {statistics.median(vals):.3f} s  "
                  f"p90 {p90:.3f} s  max {vals[-1]:.3f} s")
        fa = [r["first_audio"] for r in rows]
        verdict = "meets" if statistics.median(fa) < 0.8 else "MISSES"
        print(f"{engine:12s} end of speech → first audio of the read-back: median "
              f"{statistics.median(fa):.3f} s ({verdict} the 0.8 s target)")
        if engine == "pocketsphinx":
            emergencies(recognizer, args.tts)
    return 0


if __name__ == "__main__":
    t0 = time.monotonic()
    rc = main()
    print(f"(bench took {time.monotonic() - t0:.0f} s)")
    raise SystemExit(rc)
