"""Machine checks for ``voice-helper doctor``: one line each, OK or MISSING, and the fix.

``core`` checks are the ones without which the text path (compose) cannot run; only those make
the doctor exit non-zero. Everything else (microphone, voice, speech models) degrades gracefully.
"""

from __future__ import annotations

import importlib
import os
import shutil
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass

from .config import get_paths, load_settings
from .errors import VoiceHelperError

APT_HINT = "sudo apt-get install -y"
PIP_HINT = "pip install"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    core: bool = False

    def line(self) -> str:
        status = "OK     " if self.ok else "MISSING"
        text = f"{status} {self.name}: {self.detail}"
        if not self.ok and self.fix:
            text += f" (fix: {self.fix})"
        return text

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail, "fix": self.fix, "core": self.core}


# (module, pip name, what it is for, core?)
DEPENDENCIES: tuple[tuple[str, str, str, bool], ...] = (
    ("numpy", "numpy", "audio arrays", True),
    ("platformdirs", "platformdirs", "config and data folders", True),
    ("tomli_w", "tomli-w", "saving settings", True),
    ("yaml", "pyyaml", "language data files", True),
    ("sklearn", "scikit-learn", "intent classifier", True),
    ("vosk", "vosk", "speech recognition (Vosk)", False),
    ("pocketsphinx", "pocketsphinx", "speech recognition (English, built-in model)", False),
    ("soxr", "soxr", "resampling audio files", False),
    ("sounddevice", "sounddevice", "microphone and playback", False),
    ("pyttsx3", "pyttsx3", "reading messages aloud", False),
    ("textual", "textual", "the terminal UI", False),
)


def check_python() -> Check:
    v = sys.version_info
    ok = v >= (3, 11)
    return Check("python", ok, f"{v.major}.{v.minor}.{v.micro}", "install Python 3.11 or newer", core=True)


def check_dependencies() -> list[Check]:
    out = []
    for module, pip_name, purpose, core in DEPENDENCIES:
        try:
            mod = importlib.import_module(module)
            version = getattr(mod, "__version__", "") or "installed"
            out.append(Check(f"library {pip_name}", True, f"{version} ({purpose})", core=core))
        except Exception as exc:  # OSError for a missing shared library, ImportError otherwise
            fix = f"{PIP_HINT} {pip_name}"
            if module == "sounddevice":
                fix = f"{APT_HINT} libportaudio2 && {fix}"
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            out.append(Check(f"library {pip_name}", False, f"{purpose}: {first}", fix, core))
    return out


def check_settings() -> Check:
    path = get_paths().settings_file
    try:
        load_settings()
    except VoiceHelperError as exc:
        return Check("settings", False, str(exc), f"fix or remove {path}", core=True)
    where = str(path) if path.exists() else f"{path} (not created yet: all defaults)"
    return Check("settings", True, where, core=True)


def check_data_dir() -> Check:
    d = get_paths().data_dir
    if not d.exists():
        return Check("data folder", True, f"{d} (created owner-only on first save)")
    mode = stat.S_IMODE(d.stat().st_mode)
    if not os.access(d, os.W_OK):
        return Check("data folder", False, f"{d} is not writable", f"chmod u+w {d}", core=True)
    if mode & 0o077:
        return Check("data folder", False, f"{d} is readable by others (mode {mode:o})", f"chmod 700 {d}")
    return Check("data folder", True, f"{d} (owner-only, mode {mode:o})")


def check_text_path() -> Check:
    try:
        from .compose import compose_text

        req = compose_text("I can't finish the report by five, could someone check the numbers")
        return Check("text path", bool(req.message), f"compose works ({req.intent.value})", core=True)
    except Exception as exc:
        return Check("text path", False, f"compose failed: {exc}", "reinstall: pip install -e .", core=True)


def check_audio_input() -> Check:
    try:
        import sounddevice as sd

        devices = [d for d in sd.query_devices() if d.get("max_input_channels", 0) > 0]
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Check("microphone", False, f"no audio input ({first}); text and files still work",
                     f"{APT_HINT} libportaudio2 and connect a microphone")
    if not devices:
        return Check("microphone", False, "no input device found; text and audio files still work",
                     "connect a microphone")
    return Check("microphone", True, ", ".join(d["name"] for d in devices[:3]))


def check_tts() -> Check:
    try:
        from .speech.tts import describe_voices

        ok, detail, fix = describe_voices()
        return Check("voice", ok, detail, fix)
    except ImportError:
        pass
    if shutil.which("espeak-ng") is None and sys.platform.startswith("linux"):
        return Check("voice", False, "no speech engine; messages are shown instead",
                     f"{APT_HINT} espeak-ng alsa-utils")
    return Check("voice", True, "espeak-ng")


def check_models() -> Check:
    try:
        from .speech.models import find_models
    except ImportError:
        return Check("speech models", False, "speech input not built", "")
    models = find_models()
    try:
        from .speech.recognizers import pocketsphinx_available

        sphinx = pocketsphinx_available()
    except ImportError:
        sphinx = False
    parts = [f"{m.name} [{m.lang}] at {m.path}" for m in models]
    if sphinx:
        parts.append("pocketsphinx built-in English model")
    if not parts:
        return Check("speech models", False, "none installed; text input still works",
                     "voice-helper models download en")
    return Check("speech models", True, "; ".join(parts))


def check_learned_voice() -> Check:
    """Whether pocketsphinx hears with a learned voice, and whether one can be learned here."""
    from .speech.adaptation import current, missing_packages, unusable_reason

    profile = current()
    missing = missing_packages()
    why = unusable_reason()
    if why:
        return Check("learned voice", False, f"not used: {why}", "voice-helper voice learn")
    if profile is not None:
        detail = f"learned from {profile.sentences} sentences on {profile.learned_at} (pocketsphinx)"
        return Check("learned voice", True, detail)
    if missing:
        return Check("learned voice", False, "none; learning one needs sphinxtrain's tools",
                     f"{APT_HINT} {' '.join(missing)}")
    return Check("learned voice", True, "none yet; voice-helper voice learn reads 21 sentences with you")


CHECKS: tuple[Callable[[], Check | list[Check]], ...] = (
    check_python,
    check_dependencies,
    check_settings,
    check_data_dir,
    check_text_path,
    check_audio_input,
    check_tts,
    check_models,
    check_learned_voice,
)


def run_checks() -> list[Check]:
    out: list[Check] = []
    for fn in CHECKS:
        result = fn()
        out.extend(result if isinstance(result, list) else [result])
    return out
