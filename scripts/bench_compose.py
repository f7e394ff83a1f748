#!/usr/bin/env python3
"""Measure the composer: render latency per language × style, compose_text end to end (with the
real intent engine), and `voice-helper compose --json -` throughput in one process.

Usage: python scripts/bench_compose.py [--n 2000]   (prints numbers; no pass/fail)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voice_helper.compose import POLITENESS, STYLES, compose_text, render  # noqa: E402
from voice_helper.compose.render import _clean  # noqa: E402
from voice_helper.config import Settings  # noqa: E402
from voice_helper.request import Deadline, HelpRequest, Intent, Slots  # noqa: E402

REQUESTS = {
    "en": HelpRequest(language="en", intent=Intent.WORKLOAD, slots=Slots(
        task="um finish the cash report", asks=["check the numbers", "print the slides for me"],
        offer="do the filing tomorrow", recipient="tanaka", deadline=Deadline("by five"),
        duration_minutes=30)),
    "ja": HelpRequest(language="ja", intent=Intent.WORKLOAD, slots=Slots(
        task="えっと 資料 の 作成", asks=["資料 を 確認 し て", "スライド を 印刷 する"],
        offer="ランチ おごる", recipient="田中", deadline=Deadline("明日 まで に"), duration_minutes=30)),
}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def bench_render(n: int) -> None:
    for lang, req in REQUESTS.items():
        for style in STYLES:
            times = []
            for i in range(n):
                if i % 10 == 0:
                    _clean.cache_clear()  # one render in ten pays for slot cleaning
                t = time.perf_counter()
                render(req, style, POLITENESS[i % 3])
                times.append((time.perf_counter() - t) * 1000)
            print(f"render {lang} {style:11s}: p50 {statistics.median(times):.3f} ms  "
                  f"p95 {pct(times, 0.95):.3f} ms  (n={n})")


def bench_compose_text(lines: list[str]) -> None:
    s = Settings()
    t = time.perf_counter()
    compose_text(lines[0], settings=s)
    compose_text(lines[-1], settings=s)
    print(f"compose_text first calls (engine load, both languages): {(time.perf_counter() - t) * 1000:.0f} ms")
    times = []
    for _ in range(5):
        for line in lines:
            t = time.perf_counter()
            compose_text(line, settings=s)
            times.append((time.perf_counter() - t) * 1000)
    print(f"compose_text (parse + render): p50 {statistics.median(times):.2f} ms  "
          f"p95 {pct(times, 0.95):.2f} ms  (n={len(times)})")


def bench_stream(lines: list[str], repeat: int) -> None:
    data = ("\n".join(lines) + "\n") * repeat
    count = len(lines) * repeat
    with tempfile.TemporaryDirectory() as home:
        env = {"VOICE_HELPER_HOME": home, "PATH": "/usr/bin:/bin"}
        subprocess.run([sys.executable, "-m", "voice_helper", "compose", "--json", "x"],
                       env=env, capture_output=True, cwd=ROOT)  # warm the model cache
        subprocess.run([sys.executable, "-m", "voice_helper", "compose", "--json", "資料"],
                       env=env, capture_output=True, cwd=ROOT)
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "voice_helper", "compose", "--json", "-"],
                           input=data.encode(), env=env, capture_output=True, cwd=ROOT)
        dt = time.perf_counter() - t
    out = r.stdout.decode().splitlines()
    ok = all("message" in json.loads(o) for o in out)
    print(f"compose --json - : {count} lines in {dt:.2f} s (process start included) = "
          f"{count / dt:.0f} lines/s; out lines {len(out)}, all objects: {ok}, exit {r.returncode}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args()
    dev = ROOT.parent / "shared" / "eval" / "nlu_dev.jsonl"
    lines = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    bench_render(args.n)
    bench_compose_text(lines)
    bench_stream(lines, args.repeat)


if __name__ == "__main__":
    main()
