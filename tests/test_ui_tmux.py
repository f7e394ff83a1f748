"""The real app in a real terminal (tmux), driven by scripts/ui_tmux.py as a person would:
a tour, then issue 14's items 1-4 as filed (a kept draft and a new request; typed text on 0,
Ctrl+Q, SIGTERM and a closed terminal; no sound device; no microphone), at 80x24."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, require_tool


def test_ui_in_tmux_as_a_person_would() -> None:
    require_tool("tmux")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "ui_tmux.py"), "--timeout", "40"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, f"stdout:\n{out.stdout}\nstderr:\n{out.stderr}"
    assert "all steps passed" in out.stdout
    for line in ("3 presses from the board to a saved request",
                 "1: a kept draft stays as it was",
                 "2: typed text, Tab, 0, y: the text is in History",
                 "2: SIGTERM while typing: the text is in History",
                 "2: the terminal closes while typing: the text is in History",
                 "3: h and r say nothing was spoken, nothing is logged as sent",
                 "4: Space says there is no microphone"):
        assert line in out.stdout, line
