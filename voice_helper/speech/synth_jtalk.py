"""Japanese speech with Open JTalk: the real offline Japanese voice on Linux.

espeak-ng's Japanese reads kana only and cannot read kanji properly, so on Linux a Japanese
message goes to ``open_jtalk`` (Debian ``open-jtalk`` + ``open-jtalk-mecab-naist-jdic``) with an
HTS voice. Debian has no voice package, so the package ships "Mei" (mei_normal.htsvoice, CC BY 3.0,
MMDAgent Project Team / Nagoya Institute of Technology; licence file beside it). Any other
``.htsvoice`` can be named in settings (voice.voice_ja) or found in the usual folders.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .synth_command import synthesize_with

PACKAGED_VOICES = Path(__file__).resolve().parent.parent / "data" / "voices"
DICT_DIRS = (
    "/var/lib/mecab/dic/open-jtalk/naist-jdic",
    "/usr/share/open_jtalk/dic",
    "/usr/local/share/open_jtalk/dic",
    "/usr/local/dic",
)
VOICE_DIRS = ("/usr/share/hts-voice", "/usr/local/share/hts-voice", "/usr/share/open_jtalk/voices")


def find_dictionary() -> Path | None:
    env = os.environ.get("OPEN_JTALK_DICT_DIR")
    for d in ([env] if env else []) + list(DICT_DIRS):
        if d and (Path(d) / "sys.dic").exists():
            return Path(d)
    return None


def find_voice(preferred: str = "") -> Path | None:
    """An .htsvoice file: the one in settings, the packaged Mei, then system folders."""
    if preferred.endswith(".htsvoice") and Path(preferred).expanduser().is_file():
        return Path(preferred).expanduser()
    candidates = sorted(PACKAGED_VOICES.glob("*.htsvoice"))
    for d in VOICE_DIRS:
        if Path(d).is_dir():
            candidates += sorted(Path(d).rglob("*.htsvoice"))
    candidates = [c for c in candidates if not c.name.upper().startswith("LICENSE") and c.stat().st_size > 1000]
    return candidates[0] if candidates else None


def jtalk_status(preferred: str = "") -> tuple[bool, str]:
    """(usable, one line): what is there or what is missing."""
    exe = shutil.which("open_jtalk")
    if exe is None:
        return False, "open_jtalk is not installed"
    if find_dictionary() is None:
        return False, "the Open JTalk dictionary is not installed"
    voice = find_voice(preferred)
    if voice is None:
        return False, "no .htsvoice file found"
    return True, f"Open JTalk ({voice.stem.replace('_normal', '')})"


class JTalkSynth:
    name = "open_jtalk"

    def __init__(self, preferred_voice: str = "") -> None:
        exe = shutil.which("open_jtalk")
        dic = find_dictionary()
        voice = find_voice(preferred_voice)
        if exe is None or dic is None or voice is None:
            raise RuntimeError(jtalk_status(preferred_voice)[1])
        self.exe, self.dic, self.voice = exe, dic, voice

    def synthesize(self, text: str, path: Path, *, rate: int, voice: str | None = None) -> Path:
        """``rate`` in words per minute maps to Open JTalk's speed factor (160 wpm = 1.0)."""
        speed = max(0.5, min(2.0, rate / 160.0))
        cmd = [self.exe, "-x", str(self.dic), "-m", str(self.voice), "-r", f"{speed:.2f}",
               "-ow", str(path)]
        return synthesize_with(cmd, text, path, "open_jtalk", timeout=30 + len(text) / 5)
