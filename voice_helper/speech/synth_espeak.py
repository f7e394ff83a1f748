"""espeak-ng through its command line, straight to a WAV file.

The fallback when pyttsx3 is missing or fails (and the same engine pyttsx3 drives on Linux): a
short-lived process per text, so nothing can hang the app, and nothing is printed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .synth_command import synthesize_with


def espeak_path() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


class EspeakSynth:
    name = "espeak-ng"

    def __init__(self, exe: str | None = None) -> None:
        exe = exe or espeak_path()
        if exe is None:
            raise RuntimeError("espeak-ng is not installed")
        self.exe = exe

    def synthesize(self, text: str, path: Path, *, rate: int, voice: str | None) -> Path:
        """``voice`` is an espeak voice name ("en", "ja", "gmw/en-US")."""
        cmd = [self.exe, "-w", str(path), "-s", str(int(rate)), "-v", voice or "en", "--stdin"]
        return synthesize_with(cmd, text, path, "espeak-ng", timeout=30 + len(text) / 10)

    def voices(self, lang: str) -> list[str]:
        """Voice names espeak-ng has for a language code ("en" → ["gmw/en", "gmw/en-US", …])."""
        proc = subprocess.run([self.exe, "--voices=" + lang], capture_output=True, timeout=10)
        out = []
        for line in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 5 and parts[1].split("-")[0] == lang:
                out.append(parts[4])
        return out
