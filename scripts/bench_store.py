#!/usr/bin/env python3
"""Measure the help log: committed write latency, writes per second, and stats with 100,000 requests.

Targets from the issue: a write under 5 ms, `history stats` under 200 ms with 100,000 requests.
Runs in a temp folder (VOICE_HELPER_HOME), never the real log.

    python scripts/bench_store.py [--rows 100000] [--writes 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def generate(log, rows: int, seed: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Bulk setup in one transaction (fast on purpose: the timed writes come after)."""
    from voice_helper.request import HelpRequest, Intent, Slots, Urgency

    rnd = random.Random(seed)
    names = [f"Person{i}" for i in range(40)] + ["Tanaka", "Sato", "Mum", "Dr Ito"]
    start = datetime.now(UTC) - timedelta(days=730)
    batch = []
    cache: dict[tuple[object, ...], HelpRequest] = {}
    json_of: dict[int, str] = {}
    for n in range(rows):
        created = start + timedelta(minutes=rnd.uniform(0, 730 * 1440))
        who = rnd.choice(names)
        offer = rnd.choice(["do the filing tomorrow", "make tea", None, None])
        intent = rnd.choice(list(Intent))
        key = (intent, offer, who)
        if key not in cache:
            cache[key] = HelpRequest(
                intent=intent, confidence=0.8, urgency=Urgency.NORMAL,
                slots=Slots(task="the cash report", asks=["take over the counting"], offer=offer,
                            recipient=who),
                message="I'm struggling with the cash report right now.\n"
                        "If you could take over the counting, it would mean a lot.")
        req = cache[key]
        status = rnd.choices(["draft", "sent", "failed", "helped", "declined", "withdrawn"],
                             [5, 10, 2, 55, 18, 10])[0]
        sent = created + timedelta(minutes=1) if status != "draft" else None
        minutes = rnd.lognormvariate(3.3, 1.0) if status in ("helped", "declined", "withdrawn") else None
        answered = sent + timedelta(minutes=minutes) if minutes is not None and sent else None
        iso = lambda d: d.isoformat(timespec="milliseconds") if d else None  # noqa: E731
        batch.append((iso(created), iso(answered or sent or created), status, f"utterance {n}",
                      json_of.setdefault(id(req), req.to_json()), req.message, who, "email", "en", iso(sent), iso(answered),
                      None, "network down" if status == "failed" else None, offer,
                      "brought cake" if offer and rnd.random() < 0.5 else None, minutes))
    conn = log._conn
    conn.execute("PRAGMA cache_size = -300000")  # setup only: keep index pages in memory
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO requests (created_at, updated_at, status, transcript, request_json, message, recipient,"
        " channel, lang, sent_at, answered_at, outcome_note, send_error, offer, given, minutes_to_answer)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA cache_size = -2000")
    conn.execute("PRAGMA synchronous = FULL")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--writes", type=int, default=1000)
    ap.add_argument("--keep", action="store_true", help="keep the generated log (its folder is printed)")
    args = ap.parse_args()

    home = Path(tempfile.mkdtemp(prefix="vh-bench-"))
    os.environ["VOICE_HELPER_HOME"] = str(home)
    from voice_helper.request import HelpRequest
    from voice_helper.store import HelpLog

    log = HelpLog.open()
    t = time.perf_counter()
    generate(log, args.rows)
    print(f"setup: {args.rows} requests generated in {time.perf_counter() - t:.1f} s "
          f"({log.path.stat().st_size / 1e6:.1f} MB)")

    req = HelpRequest(message="Could you take over the counting?")
    for phase in ("first", "next"):
        lat: list[float] = []
        t_all = time.perf_counter()
        for n in range(args.writes):
            t = time.perf_counter()
            log.add_draft(f"bench write {n}", req, recipient="Tanaka")
            lat.append((time.perf_counter() - t) * 1000)
        total = time.perf_counter() - t_all
        print(f"add_draft, {phase} {args.writes} (each committed, synchronous=FULL): p50 {pct(lat, 50):.2f} ms,"
              f" p95 {pct(lat, 95):.2f} ms, max {max(lat):.2f} ms, {args.writes / total:.0f} writes/s")
    log._conn.execute("PRAGMA synchronous = NORMAL")
    lat = []
    for n in range(args.writes):
        t = time.perf_counter()
        log.add_draft(f"bench write {n}", req, recipient="Tanaka")
        lat.append((time.perf_counter() - t) * 1000)
    print(f"add_draft for comparison with synchronous=NORMAL (safe when killed, not on power loss): "
          f"p50 {pct(lat, 50):.2f} ms, p95 {pct(lat, 95):.2f} ms")
    log._conn.execute("PRAGMA synchronous = FULL")
    ids = [e.id for e in log.list(status="draft", limit=200)]
    lat = []
    for i in ids:
        t = time.perf_counter()
        log.record_send(i, "file", True, None)
        lat.append((time.perf_counter() - t) * 1000)
    print(f"record_send (update + event, one transaction): p50 {pct(lat, 50):.2f} ms, "
          f"p95 {pct(lat, 95):.2f} ms over {len(lat)}")

    times = []
    for _ in range(7):
        t = time.perf_counter()
        s = log.stats()
        times.append((time.perf_counter() - t) * 1000)
    print(f"stats() with {s.total} requests: first {times[0]:.1f} ms, median {statistics.median(times):.1f} ms,"
          f" max {max(times):.1f} ms (target < 200 ms)")
    t = time.perf_counter()
    log.list(limit=20)
    print(f"list(limit=20): {(time.perf_counter() - t) * 1000:.2f} ms")
    log.close()

    for cmd in (["history", "stats"], ["history"]):
        walls = []
        for _ in range(5):
            t = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "voice_helper", *cmd], capture_output=True, text=True)
            walls.append((time.perf_counter() - t) * 1000)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                return 1
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare = (time.perf_counter() - t) * 1000
        print(f"`voice-helper {' '.join(cmd)}` wall time: median {statistics.median(walls):.0f} ms "
              f"(min {min(walls):.0f} ms; a bare `python -c pass` takes {bare:.0f} ms)")
    if args.keep:
        print(f"(log kept in {home})")
    else:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
