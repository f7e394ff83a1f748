#!/usr/bin/env python3
"""Measure the composer: per-utterance compose latency after load (morphology, parse, safety and
message included; caches cleared so every utterance is analysed afresh), `voice-helper compose`
start-up, the Japanese analyzer's load time and memory, and `compose --json -` throughput.

Usage: python scripts/bench_compose.py [--rounds 3]   (prints numbers; no pass/fail)
Targets (issue 10): compose p95 <= 20 ms after load, `compose` start-up <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def texts() -> list[tuple[str, str]]:
    out = []
    for path in [ROOT.parent / "shared" / "eval" / "messages_dev.jsonl", *sorted((ROOT / "eval").glob("messages_*.jsonl"))]:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    out.append((row["text"], row["lang"]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    # The Japanese analyzer alone, in a fresh process (load time and memory it adds).
    code = ("import time,resource;t=time.perf_counter();from voice_helper.text import ja;ja.warm();"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    base = ("import resource;print(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    t_load, mem_with = map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                 cwd=ROOT).stdout.split())
    _, mem_without = map(float, subprocess.run([sys.executable, "-c", base], capture_output=True, text=True,
                                               cwd=ROOT).stdout.split())
    print(f"SudachiPy + sudachidict_core: load {t_load * 1000:.0f} ms, "
          f"resident memory +{mem_with - mem_without:.0f} MB (dictionary memory-mapped)")

    # `voice-helper compose` start-up, end to end (interpreter, imports, models from cache).
    cli = [sys.executable, "-m", "voice_helper", "compose", "--lang", "ja", "明日までに資料を確認してもらえますか"]
    subprocess.run(cli, capture_output=True, cwd=ROOT)  # warm the model cache
    starts = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cli, capture_output=True, cwd=ROOT, check=True)
        starts.append(time.perf_counter() - t)
    print(f"`voice-helper compose` start-up to message: median {statistics.median(starts) * 1000:.0f} ms, "
          f"max {max(starts) * 1000:.0f} ms")

    from voice_helper.compose import compose_text
    from voice_helper.compose import en as compose_en
    from voice_helper.compose import ja as compose_ja
    from voice_helper.config import Settings
    from voice_helper.nlu import get_engine
    from voice_helper.text import ja as text_ja

    settings = Settings()
    get_engine(settings).warm()
    items = texts()
    for lang in ("en", "ja"):
        rows = [t for t, lg in items if lg == lang]
        times: list[float] = []
        for _ in range(args.rounds):
            for text in rows:
                compose_en.analyse.cache_clear()
                compose_ja.analyse.cache_clear()
                text_ja.analyse.cache_clear()
                t = time.perf_counter()
                compose_text(text, lang=lang, settings=settings)
                times.append(time.perf_counter() - t)
        print(f"compose_text {lang}: n={len(times)} p50 {pct(times, 0.5) * 1000:.1f} ms, "
              f"p95 {pct(times, 0.95) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms (no caches)")

    lines = "\n".join(t for t, _ in items) + "\n"
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "voice_helper", "compose", "--json", "-"], input=lines,
                         capture_output=True, text=True, cwd=ROOT)
    dt = time.perf_counter() - t
    n = len(out.stdout.splitlines())
    print(f"`compose --json -`: {n} lines in {dt:.2f} s = {n / dt:.0f} lines/s (start-up included)")
    print(f"this process peak RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
