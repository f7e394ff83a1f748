#!/usr/bin/env python3
"""Drive the real `voice-helper` UI in tmux as a person would: keys in, the screen read back.

Each step sends keys (tmux send-keys), then waits until the screen (tmux capture-pane) shows what a
person should see. On the first step that does not show up, it prints the screen it saw and
exits 1. It also checks that the app leaves the terminal promptly on Ctrl+Q (no worker thread
keeps the process alive). Runs in a throwaway VOICE_HELPER_HOME unless --home is given.

    python scripts/ui_tmux.py            # exit 0: every step seen
    python scripts/ui_tmux.py --keep     # leave the tmux session open to look at it
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 100, 40


class Failed(Exception):
    pass


class Tmux:
    def __init__(self, session: str) -> None:
        self.session = session

    def run(self, *args: str) -> str:
        out = subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=20)
        if out.returncode != 0:
            raise Failed(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.session, key)
            time.sleep(0.05)  # lets each key land on its own

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def pane(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", self.session, fmt).strip()

    def wait_for(self, *texts: str, timeout: float = 15.0) -> tuple[str, float]:
        start = time.monotonic()
        screen = ""
        while time.monotonic() - start < timeout:
            screen = self.screen()
            if all(t in screen for t in texts):
                return screen, time.monotonic() - start
            time.sleep(0.05)
        raise Failed(f"waited {timeout:.0f} s for {texts!r}; the screen showed:\n{screen}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", help="VOICE_HELPER_HOME to use (default: a new temp folder)")
    ap.add_argument("--keep", action="store_true", help="leave the tmux session running")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each step")
    args = ap.parse_args(argv)
    if shutil.which("tmux") is None:
        print("ui_tmux: tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return 2
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="vh-ui-tmux-"))
    session = f"vh-ui-{os.getpid()}"
    t = Tmux(session)
    env = f"VOICE_HELPER_HOME={home} TERM=xterm-256color"
    # COLUMNS/LINES (set by some test runners) would override the pane size for Textual
    cmd = f"cd {ROOT} && env -u COLUMNS -u LINES {env} {sys.executable} -m voice_helper"
    started = time.monotonic()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT),
                    "bash", "-c", cmd + "; echo EXIT=$?; sleep 30"], check=True, timeout=20)
    # with no client attached some tmux versions keep 80x24 whatever -x/-y said: insist
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", str(WIDTH), "-y", str(HEIGHT)],
                   capture_output=True, timeout=20)
    wait = args.timeout
    try:
        _, _ = t.wait_for("(Space) Speak", "(1) Compose", "(k) Keep as draft", timeout=wait)
        print(f"ok  start-up: Compose screen visible after {time.monotonic() - started:.2f} s")

        t.keys("2")
        t.wait_for("Could you give me a hand for a minute?", "(+) Add my own phrase", timeout=wait)
        print("ok  2 opens the phrase board")
        t.keys("a")
        t.wait_for("(k) Keep as draft", "(a) Adapt", timeout=wait)
        print("ok  a says the first phrase and offers send / keep / adapt")
        t.keys("k")
        t.wait_for("Kept as draft #1", timeout=wait)
        print("ok  k keeps it: 3 presses from the board to a saved request")

        t.keys("3")
        t.wait_for("#1 draft", "Could you give me a hand", timeout=wait)
        print("ok  3 shows it in History")
        t.keys("y")
        t.wait_for("#1 helped", "helped 1", timeout=wait)
        print("ok  y marks it helped; the stats count it")

        t.keys("1")
        t.wait_for("(Space) Speak", "(k) Keep as draft", timeout=wait)
        t.keys("i")
        # Type only once the box has focus, as a person waits for the cursor.
        t.wait_for("Type what is hard, then press Enter.", timeout=wait)
        t.type("I need help with the cash report by five")
        t.keys("Enter")
        screen, _ = t.wait_for("Heard: I need help with the cash report by five", timeout=wait)
        if "cash report" not in screen.split("Heard:")[1]:
            raise Failed(f"the message does not mention the cash report:\n{screen}")
        print("ok  typing a sentence makes a request card and a message")
        t.keys("b")
        t.wait_for("By when?", "(2) in 30 min", timeout=wait)
        t.keys("2")
        t.wait_for("(b) By when: in 30 min", timeout=wait)
        print("ok  b then 2 sets 'by when' without typing")

        t.keys("4")
        t.wait_for("Theme: default", timeout=wait)
        t.keys("t")
        t.wait_for("Theme: high-contrast", timeout=wait)
        settings = home / "config" / "settings.toml"
        if 'theme = "high-contrast"' not in settings.read_text(encoding="utf-8"):
            raise Failed(f"{settings} does not hold the theme:\n{settings.read_text(encoding='utf-8')}")
        print("ok  4 then t switches to high contrast and saves it")

        t.keys("0")
        t.wait_for("Quit voice_helper?", "(y) Yes", timeout=wait)
        t.keys("y")
        t0 = time.monotonic()
        screen, _ = t.wait_for("EXIT=", timeout=5)
        code = screen.split("EXIT=")[1].split()[0]
        if code != "0":
            raise Failed(f"the app exited with {code}:\n{screen}")
        print(f"ok  0 then y quits (no chord) in {time.monotonic() - t0:.2f} s with exit code 0")
    except Failed as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, timeout=20)
            if not args.home:
                shutil.rmtree(home, ignore_errors=True)
        else:
            print(f"session kept: tmux attach -t {session}")
    print("all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
