"""Shared test fixtures.

Every test runs with VOICE_HELPER_HOME in a temp dir, so no test touches the real home; the trained
models are shared by the whole run (VOICE_HELPER_MODEL_CACHE).
``require_tool`` / ``require_module``: in CI (CI=true) a missing system dependency fails the test;
on a developer machine it skips with the one command that installs it.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# The trained models (intent, safety net, sentence ends, commas) in one folder for the whole run:
# each test's home is new, and every command run in it would otherwise train them again (~30 s).
# Tests of the model cache itself pass their own folder.
os.environ.setdefault("VOICE_HELPER_MODEL_CACHE", tempfile.mkdtemp(prefix="vh-models-"))


def _missing(what: str, fix: str) -> None:
    msg = f"{what} is missing (install: {fix})"
    if IN_CI:
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


def require_tool(name: str, fix: str | None = None) -> str:
    path = shutil.which(name)
    if path is None:
        _missing(f"the program {name!r}", fix or f"apt-get install {name}")
    return path  # type: ignore[return-value]


def require_module(name: str, fix: str | None = None) -> ModuleType:
    try:
        return importlib.import_module(name)
    except Exception:  # ImportError, or OSError for a missing shared library
        _missing(f"the Python module {name!r}", fix or f"pip install {name}")
        raise  # unreachable


@pytest.fixture(autouse=True)
def vh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "vh_home"
    monkeypatch.setenv("VOICE_HELPER_HOME", str(home))
    return home


def run_cli(*args: str, input: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m voice_helper`` as a user would, in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "voice_helper", *args], input=input,
                          capture_output=True, text=True, env=full_env, timeout=timeout, cwd=ROOT)


def shared_eval_path(name: str) -> Path:
    """A public dev set in ../shared/eval: CI always has it beside the clone, so there its
    absence fails the test; elsewhere the test is skipped."""
    path = SHARED / "eval" / name
    if not path.exists():
        _missing(f"the shared dev set {path}", "check out ../shared beside the project")
    return path
