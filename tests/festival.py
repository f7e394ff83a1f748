"""Test speech made by Festival (``text2wave``), cached per test session.

pocketsphinx recognizes Festival's kal and slt voices well, so these clips stand in for a
person speaking. In CI a missing Festival fails the test (see ``require_tool``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import require_tool

VOICES = {
    "kal": "(voice_kal_diphone)",  # 16 kHz male diphone voice
    "slt": "(voice_cmu_us_slt_arctic_hts)",  # 32 kHz female HTS voice
}
_CACHE = Path(os.environ.get("VOICE_HELPER_TEST_AUDIO", Path(tempfile.gettempdir()) / "vh-festival-cache"))


def festival_wav(text: str, voice: str = "kal", pad_s: float = 0.0) -> Path:
    """A WAV of ``text`` spoken by a Festival voice, with ``pad_s`` of silence after it (for endpointing)."""
    require_tool("text2wave", "apt-get install festival festvox-kallpc16k festvox-us-slt-hts")
    key = hashlib.sha1(f"{voice}|{pad_s}|{text}".encode()).hexdigest()[:16]
    _CACHE.mkdir(parents=True, exist_ok=True)
    out = _CACHE / f"{voice}-{key}.wav"
    if out.exists():
        return out
    # per-process names, then one rename: two benchmarks making the same clip cannot collide
    raw = _CACHE / f"{voice}-{key}.{os.getpid()}.raw.wav"
    subprocess.run(["text2wave", "-eval", VOICES[voice], "-o", str(raw)], input=text.encode(),
                   check=True, capture_output=True, timeout=120)
    if pad_s > 0:
        require_tool("sox")
        padded = _CACHE / f"{voice}-{key}.{os.getpid()}.pad.wav"
        subprocess.run(["sox", str(raw), str(padded), "pad", "0.3", str(pad_s)], check=True, timeout=60)
        raw.unlink()
        raw = padded
    raw.replace(out)
    return out
