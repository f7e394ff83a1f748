"""The real app in a real terminal (tmux), driven by scripts/ui_tmux.py as a person would."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, require_tool


def test_ui_in_tmux_as_a_person_would() -> None:
    require_tool("tmux")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "ui_tmux.py"), "--timeout", "40"],
                         capture_output=True, text=True, timeout=400, cwd=ROOT)
    assert out.returncode == 0, f"stdout:\n{out.stdout}\nstderr:\n{out.stderr}"
    assert "all steps passed" in out.stdout
    assert "3 presses from the board to a saved request" in out.stdout
