#!/usr/bin/env python3
"""Measure the UI: start-up to the first screen, key -> repaint, and what a whole request costs by
keys, by one switch and by two switches.

    python scripts/bench_ui.py [--runs 5] [--keys 40] [--no-tmux]

Prints one line per figure (numbers, not a test). Start-up is a fresh process from launch until
the Compose screen is on the (headless) terminal; no speech model is loaded at start-up (the voice,
the devices and the language model load after the first paint). Key -> repaint is measured in the
app (a key event posted, until the screen changed and the next repaint happened), through Pilot,
and in the real app under tmux (send-keys until capture-pane shows the new screen). Whole requests
are driven through the real app with a real help log: by keys (the phrase board, and a typed
request sent to a contact after the "Send to …?" question), and by switch scanning with the real
Scanner and a fake clock, so the figures are presses and intervals; seconds for one switch are
intervals x the interval (2 s by default), for two switches the person sets the pace.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP_CHILD = r"""
import time, asyncio, sys
t0 = float(sys.argv[1])
from voice_helper.ui.app import VoiceHelperApp
async def main():
    app = VoiceHelperApp(save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while not (type(app.screen).__name__ == "ComposeScreen" and app.screen.is_mounted):
            await asyncio.sleep(0.005)
        done = asyncio.get_running_loop().create_future()
        app.call_after_refresh(lambda: done.set_result(time.time() - t0))
        print(await done)
        app.shutdown_workers()
asyncio.run(main())
"""


def startup_process(runs: int, home: str) -> list[float]:
    times = []
    for _ in range(runs):
        env = {**os.environ, "VOICE_HELPER_HOME": home}
        out = subprocess.run([sys.executable, "-c", STARTUP_CHILD, repr(time.time())], capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=120)
        if out.returncode != 0:
            raise SystemExit(f"bench_ui: start-up run failed:\n{out.stderr[-2000:]}")
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def _app(log: Any, settings: Any, tmp: Path, clock: Any = None) -> Any:
    from voice_helper.speech import tts
    from voice_helper.ui.app import VoiceHelperApp

    speaker = tts.Speaker(settings, out_dir=tmp / "spoken")  # the real voice, into files
    kw = {"clock": clock} if clock is not None else {}
    return VoiceHelperApp(settings=settings, speaker=speaker, log=log, save=False,
                          recognizer_factory=lambda lang: None, source_factory=lambda: None,
                          now=lambda: datetime(2026, 11, 23, 14, 0), **kw)


async def keys_and_repaint(keys: int, tmp: Path) -> dict[str, Any]:
    from textual import events

    from voice_helper.config import Contact, Settings
    from voice_helper.store import HelpLog

    log = HelpLog.open(tmp / "keys.sqlite3")
    settings = Settings(language="en", contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    results: dict[str, Any] = {}
    t0 = time.perf_counter()
    app = _app(log, settings, tmp)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        results["app_first_screen_s"] = time.perf_counter() - t0
        await app.ready()
        for k in "2341":  # first visits mount the screens
            await pilot.press(k)
            await pilot.pause()
        names = {"1": "ComposeScreen", "2": "PhraseBoardScreen", "3": "HistoryScreen", "4": "SettingsScreen"}

        async def direct(key: str, changed: Any) -> float:
            """Post the key; yield until the state changed; then wait for the next repaint."""
            done = asyncio.get_running_loop().create_future()
            t = time.perf_counter()
            app.post_message(events.Key(key, key))
            while not changed():
                await asyncio.sleep(0)
                if time.perf_counter() - t > 5:
                    raise SystemExit(f"bench_ui: key {key!r} changed nothing in 5 s")
            app.screen.refresh()
            app.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter() - t))
            return await done

        switch: list[float] = []
        for i in range(keys):
            k = "2134"[i % 4]
            ms = await direct(k, lambda k=k: type(app.screen).__name__ == names[k]
                              and app.screen.is_mounted and app.screen.is_current)
            switch.append(ms * 1000)
            await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.screen.set_text("I can't finish the cash report by five, could you take over the counting")
        await pilot.pause()
        edit: list[float] = []
        for _ in range(max(4, keys // 4)):
            before = app.screen.request.message
            ms = await direct("t", lambda b=before: app.screen.request.message != b)
            edit.append(ms * 1000)
            await pilot.pause()
        results["switch_ms"], results["edit_ms"] = switch, edit

        # a whole request by keys, 1: the phrase board (board, tile, keep)
        before = len(log.list())
        t = time.perf_counter()
        presses = ["2", "f", "k"]
        await pilot.press(*presses)
        while len(log.list()) == before:
            await pilot.pause(0.01)
        results["board"] = (len(presses), time.perf_counter() - t)

        # 2: typed and sent: i, the words, Enter, s, the contact, y
        await pilot.press("1")
        await pilot.pause()
        text = "could you check the delivery numbers before five"
        t = time.perf_counter()
        await pilot.press("i", *["space" if c == " " else c for c in text], "enter", "s", "1", "y")
        while "outbox" not in str(app.screen.query_one("#result").render()):
            await pilot.pause(0.01)
            if time.perf_counter() - t > 30:
                raise SystemExit("bench_ui: the typed request was never sent")
        results["typed"] = (1 + len(text) + 4, time.perf_counter() - t)
        app.shutdown_workers()
    app.speaker.close()
    log.close()
    return results


async def by_switches(mode: str, tmp: Path) -> dict[str, Any]:
    """Compose -> phrase board -> "I'm in pain." -> keep, and -> send to a contact (asked first)."""
    from voice_helper.config import Contact, Settings
    from voice_helper.store import HelpLog

    class Clock:
        t = 0.0

        def __call__(self) -> float:
            return self.t

    clock = Clock()
    log = HelpLog.open(tmp / f"scan-{mode}.sqlite3")
    settings = Settings(language="en", contacts=[Contact("Tanaka", relation="colleague", channel="file")])
    settings.scanning.enabled = True
    settings.scanning.mode = mode
    settings.scanning.debounce_s = 0.0
    app = _app(log, settings, tmp, clock)
    count = {"select": 0, "move": 0, "intervals": 0}

    async def choose(pilot: Any, target_id: str) -> None:
        for _ in range(400):
            sc = app.scanner
            group = sc.group
            if sc.level == "groups" and group and any(w.id == target_id for w in group.items):
                count["select"] += 1
                await pilot.press("space")
                await pilot.pause()
                if len(group.items) == 1:
                    await pilot.pause()
                    return
                continue
            if sc.level == "items" and sc.item is not None and sc.item.id == target_id:
                count["select"] += 1
                await pilot.press("space")
                await pilot.pause()
                await pilot.pause()
                return
            if mode == "one-switch":
                clock.t += sc.dwell_s
                count["intervals"] += 1
                app.scan_tick()
            else:
                clock.t += 1.0
                count["move"] += 1
                await pilot.press("tab")
            await pilot.pause()
        raise SystemExit(f"bench_ui: scanning never reached {target_id}")

    out: dict[str, Any] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await app.ready()
        await pilot.pause()
        t = time.perf_counter()
        for target in ("nav-phrases", "tile-f", "offer-keep"):
            await choose(pilot, target)
        out["keep"] = dict(count, app_s=time.perf_counter() - t, saved=len(log.list()) == 1)
        for k in count:
            count[k] = 0
        t = time.perf_counter()
        for target in ("tile-f", "offer-send", "choice-1", "confirm-yes"):
            await choose(pilot, target)
        for _ in range(200):
            if "outbox" in str(app.screen.query_one("#result").render()):
                break
            await pilot.pause(0.02)
        out["send"] = dict(count, app_s=time.perf_counter() - t,
                           sent=any(e.status == "sent" for e in log.list()))
        app.shutdown_workers()
    app.speaker.close()
    log.close()
    return out


def tmux_latency(home: str, n: int) -> list[float]:
    """Key -> what the terminal shows, in the real app under tmux (send-keys, poll capture-pane)."""
    if shutil.which("tmux") is None:
        return []
    session = f"vh-bench-{os.getpid()}"
    cmd = (f"cd {ROOT} && env -u COLUMNS -u LINES VOICE_HELPER_HOME={home} TERM=xterm-256color "
           f"{sys.executable} -m voice_helper")
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "bash", "-c", cmd],
                   check=True)

    def screen() -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                              text=True).stdout

    def wait(text: str, timeout: float = 20) -> float:
        t0 = time.perf_counter()
        while text not in screen():
            if time.perf_counter() - t0 > timeout:
                raise SystemExit(f"bench_ui: tmux never showed {text!r}")
        return time.perf_counter() - t0

    out = []
    try:
        wait("(Space) Speak")
        time.sleep(3.0)  # let the warm-up worker finish
        targets = {"2": "Quick answers", "1": "(Space) Speak"}
        for k in "2121":  # first visits mount the screens
            subprocess.run(["tmux", "send-keys", "-t", session, k], check=True)
            wait(targets[k])
        for i in range(n):
            k = "2" if i % 2 == 0 else "1"
            t0 = time.perf_counter()
            subprocess.run(["tmux", "send-keys", "-t", session, k], check=True)
            wait(targets[k])
            out.append((time.perf_counter() - t0) * 1000)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return out


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[max(0, int(round(0.95 * len(ms))) - 1)]
    return f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms (n={len(ms)})"


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark the voice_helper UI.")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes for start-up")
    ap.add_argument("--keys", type=int, default=40, help="timed key presses")
    ap.add_argument("--no-tmux", action="store_true", help="skip the real-terminal measurement")
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="vh-bench-home-")
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-"))
    os.environ["VOICE_HELPER_HOME"] = home
    print(f"machine load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    st = startup_process(args.runs, home)
    print(f"start-up to first screen (fresh process, launch -> Compose painted, 80x24): "
          f"median {statistics.median(st):.2f} s, min {min(st):.2f} s over {len(st)} runs  [target <= 1 s]")
    r = asyncio.run(keys_and_repaint(args.keys, tmp))
    print(f"app construction to first screen (in process): {r['app_first_screen_s']:.2f} s")
    print(f"key -> screen updated and repainted (in the app), switching screens: "
          f"{summary(r['switch_ms'])}  [target < 50 ms]")
    print(f"key -> screen updated and repainted, style edit re-rendering the message: "
          f"{summary(r['edit_ms'])}  [target < 50 ms]")
    if not args.no_tmux:
        tm = tmux_latency(home, args.keys)
        if tm:
            print(f"key -> terminal shows the new screen (real app in tmux, send-keys to capture-pane): "
                  f"{summary(tm)}")
    presses, secs = r["board"]
    print(f"a whole request by keys, phrase board (2, f, k): {presses} presses, {secs:.2f} s in the app  "
          f"[target <= 3 presses]")
    presses, secs = r["typed"]
    print(f"a whole request by keys, typed and sent after 'Send to Tanaka?' (i, 48 letters, Enter, s, 1, y): "
          f"{presses} presses, {secs:.2f} s in the app")
    for mode in ("one-switch", "two-switch"):
        sc = asyncio.run(by_switches(mode, tmp))
        for what, label in (("keep", "Compose -> phrase board -> 'I'm in pain.' -> keep"),
                            ("send", "then 'I'm in pain.' -> send -> Tanaka -> yes")):
            f = sc[what]
            ok = f.get("saved", f.get("sent"))
            if mode == "one-switch":
                print(f"one switch, {label}: {f['select']} switch presses and {f['intervals']} intervals "
                      f"(= {f['intervals'] * 2.0:.0f} s of waiting at 2 s a step), done: {ok}")
            else:
                print(f"two switches, {label}: {f['move'] + f['select']} presses ({f['move']} move, "
                      f"{f['select']} select), the person sets the pace; done: {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
