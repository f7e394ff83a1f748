#!/usr/bin/env python3
"""Drive the real `voice-helper` UI in tmux as a person would: keys in, the screen read back.

Each scenario starts the real app in its own tmux session (80x24 by default) with its own
VOICE_HELPER_HOME, sends keys (tmux send-keys) and waits until the screen (tmux capture-pane)
shows what a person should see; the help log is then read from its SQLite file. On the first
step that does not show up it prints the screen it saw and exits 1.

Scenarios: a tour (phrase board in 3 presses, History, typing and a field, high contrast, quit),
then issue 14's items 1-4 as filed: a kept draft and a new request (1), typed text on every way
out: 0, Ctrl+Q, SIGTERM and a closed terminal (2), no sound device (3), no microphone (4). The
missing devices are made real by configuration: an output and an input device that do not exist.

    python scripts/ui_tmux.py                 # exit 0: every step seen
    python scripts/ui_tmux.py --only issue-2  # one scenario
    python scripts/ui_tmux.py --keep          # leave the last tmux session open to look at it
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


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

    def wait_for(self, *texts: str, timeout: float = 15.0, absent: tuple[str, ...] = ()) -> str:
        start = time.monotonic()
        screen = ""
        while time.monotonic() - start < timeout:
            screen = self.screen()
            if all(t in screen for t in texts) and not any(a in screen for a in absent):
                return screen
            time.sleep(0.05)
        raise Failed(f"waited {timeout:.0f} s for {texts!r}" + (f" without {absent!r}" if absent else "")
                     + f"; the screen showed:\n{screen}")

    def app_pid(self) -> int:
        """The app's process: the child of the pane's shell."""
        shell = self.run("display-message", "-p", "-t", self.session, "#{pane_pid}").strip()
        for _ in range(100):
            try:
                children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
            except OSError:
                children = []
            if children:
                return int(children[0])
            time.sleep(0.05)
        raise Failed("the app's process was not found")


class Run:
    """One app in one tmux session, with its own home folder."""

    def __init__(self, name: str, width: int, height: int, timeout: float, settings: object = None) -> None:
        self.home = Path(tempfile.mkdtemp(prefix=f"vh-ui-{name}-"))
        self.session = f"vh-ui-{os.getpid()}-{name}"
        self.tmux = Tmux(self.session)
        self.timeout = timeout
        if settings is not None:
            from voice_helper.config import Paths, save_settings

            save_settings(settings, Paths(self.home / "config", self.home / "data", self.home / "cache"))
        env = f"VOICE_HELPER_HOME={self.home} TERM=xterm-256color"
        # COLUMNS/LINES (set by some test runners) would override the pane size for Textual
        cmd = f"cd {ROOT} && env -u COLUMNS -u LINES {env} {sys.executable} -m voice_helper"
        self.started = time.monotonic()
        subprocess.run(["tmux", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                        "bash", "-c", cmd + "; echo EXIT=$?; sleep 30"], check=True, timeout=20)
        # with no client attached some tmux versions keep 80x24 whatever -x/-y said: insist
        subprocess.run(["tmux", "resize-window", "-t", self.session, "-x", str(width), "-y", str(height)],
                       capture_output=True, timeout=20)

    def wait(self, *texts: str, absent: tuple[str, ...] = ()) -> str:
        return self.tmux.wait_for(*texts, timeout=self.timeout, absent=absent)

    def entries(self) -> list:
        from voice_helper.store import HelpLog

        path = self.home / "data" / "help_log.sqlite3"
        if not path.exists():
            return []
        with HelpLog.open(path) as log:
            return log.list()

    def close(self, keep: bool = False) -> None:
        if keep:
            print(f"session kept: tmux attach -t {self.session}")
            return
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True, timeout=20)
        shutil.rmtree(self.home, ignore_errors=True)


def type_request(r: Run, text: str) -> None:
    r.tmux.keys("i")
    r.wait("Type what is hard")  # a person waits for the cursor before typing
    r.tmux.type(text)
    r.tmux.keys("Enter")
    r.wait(f"Heard: {text[:40]}", "(r) Read aloud", absent=("The message will appear here.",))


# --- the scenarios ------------------------------------------------------------------------------


def tour(r: Run) -> None:
    r.wait("(Space) Speak", "(1) Compose", "(k) Keep")
    print(f"ok  start-up: Compose visible after {time.monotonic() - r.started:.2f} s")
    r.tmux.keys("2")
    r.wait("(f) I'm in pain.", "Quick answers")
    print("ok  2 opens the phrase board (quick answers and needs first)")
    r.tmux.keys("f")
    r.wait("(k) Keep", "(a) Change it")
    r.tmux.keys("k")
    r.wait("Kept as draft #1")
    print("ok  f says a phrase, k keeps it: 3 presses from the board to a saved request")
    r.tmux.keys("3")
    r.wait("#1 draft", "I'm in pain")
    r.tmux.keys("y")
    r.wait("#1 helped", "helped 1")
    print("ok  3 shows it in History; y marks it helped and the stats count it")
    r.tmux.keys("1")
    r.wait("(Space) Speak")
    type_request(r, "I need help with the cash report by five")
    r.wait("Heard: I need help with the cash report by five")
    r.tmux.keys("b")
    r.wait("By when?", "(2) in 30 min")
    r.tmux.keys("2")
    r.wait("(b) By when: in 30 min")
    print("ok  typing makes a request; b then 2 sets 'by when' without typing")
    r.tmux.keys("4")
    r.wait("Theme: default")
    r.tmux.keys("t")
    r.wait("Theme: high contrast")
    settings = (r.home / "config" / "settings.toml").read_text(encoding="utf-8")
    if 'theme = "high-contrast"' not in settings:
        raise Failed(f"settings.toml does not hold the theme:\n{settings}")
    print("ok  4 then t switches to high contrast and saves it")
    r.tmux.keys("0")
    r.wait("Quit voice_helper?", "(y) Quit")
    r.tmux.keys("y")
    t0 = time.monotonic()
    screen = r.tmux.wait_for("EXIT=", timeout=5)
    code = screen.split("EXIT=")[1].split()[0]
    if code != "0":
        raise Failed(f"the app exited with {code}:\n{screen}")
    print(f"ok  0 then y quits (no chord) in {time.monotonic() - t0:.2f} s with exit code 0")


def issue_1(r: Run) -> None:
    r.wait("(Space) Speak")
    type_request(r, "could Sato cover my shift on friday")
    r.tmux.keys("k")
    r.wait("Kept as draft #1")
    type_request(r, "I feel dizzy, could someone bring me water")
    r.wait("(o) Who: —")
    r.tmux.keys("3")
    screen = r.wait("#2 draft", "#1 draft")
    first = next(line for line in screen.splitlines() if "#1 draft" in line)
    second = next(line for line in screen.splitlines() if "#2 draft" in line)
    if "→ Sato" not in first or "Sato" in second:
        raise Failed(f"the helper moved between requests:\n{screen}")
    entries = {e.id: e for e in r.entries()}
    if len(entries) != 2 or entries[1].recipient != "Sato" or entries[2].recipient is not None:
        raise Failed(f"the help log holds {[(e.id, e.recipient, e.message) for e in entries.values()]}")
    print("ok  1: a kept draft stays as it was; the next request is #2, addressed to nobody")


def _typed_draft_kept(r: Run, text: str, how: str) -> None:
    entries = [e.transcript for e in r.entries()]
    if entries != [text]:
        raise Failed(f"{how}: the help log holds {entries}, not the typed text")


def issue_2_quit(r: Run) -> None:
    r.wait("(Space) Speak")
    r.tmux.keys("i")
    r.wait("Type what is hard")
    r.tmux.type("please could Ken check the delivery numbers")
    r.tmux.keys("C-q")
    r.wait("Quit voice_helper?", "kept in History")
    r.tmux.keys("n")
    r.wait("(Space) Speak", absent=("Quit voice_helper?",))
    print("ok  2: Ctrl+Q asks first, like 0")
    r.tmux.keys("Tab", "0")
    r.wait("Quit voice_helper?")
    r.tmux.keys("y")
    r.tmux.wait_for("EXIT=0", timeout=10)
    _typed_draft_kept(r, "please could Ken check the delivery numbers", "0 then y")
    print("ok  2: typed text, Tab, 0, y: the text is in History")


def issue_2_sigterm(r: Run) -> None:
    r.wait("(Space) Speak")
    r.tmux.keys("i")
    r.wait("Type what is hard")
    r.tmux.type("the fridge in the staff room is leaking")
    r.wait("the fridge in the staff room is leaking")
    os.kill(r.tmux.app_pid(), signal.SIGTERM)  # at once: before the typing pause saves it
    r.tmux.wait_for("EXIT=", timeout=10)
    _typed_draft_kept(r, "the fridge in the staff room is leaking", "SIGTERM")
    print("ok  2: SIGTERM while typing: the text is in History")


def issue_2_hangup(r: Run) -> None:
    r.wait("(Space) Speak")
    r.tmux.keys("i")
    r.wait("Type what is hard")
    r.tmux.type("my screen keeps going black")
    r.wait("my screen keeps going black")
    pid = r.tmux.app_pid()
    subprocess.run(["tmux", "kill-session", "-t", r.session], capture_output=True, timeout=20)  # the window closes
    end = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < end:
        time.sleep(0.05)
    if Path(f"/proc/{pid}").exists():
        raise Failed("the app kept running after its terminal closed")
    _typed_draft_kept(r, "my screen keeps going black", "closed terminal")
    print("ok  2: the terminal closes while typing: the text is in History")


def issue_3(r: Run) -> None:
    r.wait("(Space) Speak")
    r.wait("No sound: nothing was spoken. Show the screen to the person.")
    print("ok  3: with no sound device a lasting notice says so from the start")
    type_request(r, "I need a hand lifting the boxes")
    r.tmux.keys("h")
    r.wait("No sound: nothing was spoken", absent=("Said it aloud",))
    r.tmux.keys("r")
    r.wait("No sound: nothing was spoken", absent=("Said it aloud",))
    statuses = [e.status for e in r.entries()]
    if statuses != ["draft"]:
        raise Failed(f"the help log says {statuses} for words nobody heard")
    r.tmux.keys("4", "v")
    r.wait("(v) Self-voicing: on (no sound", "so nothing can be heard")
    print("ok  3: h and r say nothing was spoken, nothing is logged as sent, self-voicing says it cannot")


def issue_4(r: Run) -> None:
    r.wait("No microphone: speaking is not available. Press i to type, or 2 for phrases.")
    print("ok  4: with no microphone a lasting notice says so from the start")
    r.tmux.keys("Space")
    r.wait("No microphone here, so I cannot listen. Press i to type, or 2 for phrases.",
           absent=("Nothing heard",))
    print("ok  4: Space says there is no microphone and what to do instead, never 'Nothing heard'")


def _no_sound() -> object:
    from voice_helper.config import Settings

    s = Settings(language="en")
    s.voice.output_device = "no-such-speaker-device"
    return s


def _no_microphone() -> object:
    from voice_helper.config import Settings

    s = Settings(language="en")
    s.speech.input_device = "no-such-microphone"
    return s


def _english() -> object:
    from voice_helper.config import Settings

    return Settings(language="en")


SCENARIOS: dict[str, tuple[Callable[[Run], None], Callable[[], object]]] = {
    "tour": (tour, _english),
    "issue-1": (issue_1, _english),
    "issue-2": (issue_2_quit, _english),
    "issue-2-sigterm": (issue_2_sigterm, _english),
    "issue-2-hangup": (issue_2_hangup, _english),
    "issue-3": (issue_3, _no_sound),
    "issue-4": (issue_4, _no_microphone),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(SCENARIOS), help="run only this scenario")
    ap.add_argument("--size", default="80x24", help="terminal size, WIDTHxHEIGHT (default 80x24)")
    ap.add_argument("--keep", action="store_true", help="leave the last tmux session running")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each step")
    args = ap.parse_args(argv)
    if shutil.which("tmux") is None:
        print("ui_tmux: tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return 2
    width, height = (int(x) for x in args.size.lower().split("x"))
    names = args.only or list(SCENARIOS)
    for i, name in enumerate(names):
        scenario, settings = SCENARIOS[name]
        print(f"--  {name} ({width}x{height})")
        r = Run(name, width, height, args.timeout, settings())
        try:
            scenario(r)
        except Failed as exc:
            print(f"FAIL {name}: {exc}", file=sys.stderr)
            r.close(args.keep)
            return 1
        r.close(args.keep and i == len(names) - 1)
    print("all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
