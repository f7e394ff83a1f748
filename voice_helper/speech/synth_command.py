"""Run a command-line synthesizer that reads text on stdin and writes a WAV, and check the WAV.

espeak-ng and Open JTalk are driven the same way; one function keeps their failure handling
(exit code, missing or header-only WAV, first stderr line as the reason) identical.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

WAV_HEADER_BYTES = 44


def synthesize_with(cmd: list[str], text: str, path: Path, name: str, timeout: float) -> Path:
    if not text.strip():
        raise ValueError("empty text")
    proc = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=timeout)
    if proc.returncode != 0 or not path.exists() or path.stat().st_size <= WAV_HEADER_BYTES:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"{name} failed: {err[0] if err else proc.returncode}")
    return path
