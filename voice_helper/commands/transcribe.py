"""`voice-helper transcribe`: speech to text from audio files, offline.

Everything printed is cleaned first (no escape sequences, control or bidi characters): recognizer
words come from a model file and file names from anyone, and neither may steer the terminal.
A folder or a pipe is named as such, not reported as a missing file.
"""

from __future__ import annotations

import argparse
import os
import stat
from typing import Any

HELP = "Speech to text from audio files, offline."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="WAV (any rate) or raw 16 kHz 16-bit PCM")
    parser.add_argument("--engine", choices=("auto", "vosk", "pocketsphinx"), default="auto")
    parser.add_argument("--lang", default=None, help="en, ja, ko... (default: from settings, else en)")
    parser.add_argument("--model", default=None, help="a Vosk model folder")
    parser.add_argument("--json", action="store_true", help="print JSON: text, words with times, engine, RTF")


def printable(value: Any) -> Any:
    """``value`` with every string in it cleaned of escapes and control/bidi characters."""
    from ..textsafe import strip_controls

    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {k: printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


def check_input(path: str) -> None:
    """A folder, pipe or device gets its own one-line error (FileSource would say "no such file")."""
    from ..errors import VoiceHelperError

    try:
        st = os.stat(path)
    except OSError:
        return  # missing or unreadable: FileSource says which
    if stat.S_ISDIR(st.st_mode):
        raise VoiceHelperError(f"{printable(path)}: is a folder, not an audio file")
    if not stat.S_ISREG(st.st_mode):
        raise VoiceHelperError(f"{printable(path)}: not a regular file (a pipe or a device); "
                               "save the audio to a file first")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..config import load_settings
    from ..errors import VoiceHelperError
    from ..speech.transcribe import transcribe_path

    settings = load_settings()
    lang = args.lang or (settings.language if settings.language in ("en", "ja") else "en")
    results = []
    status = 0
    cache: dict[str, object] = {}
    for path in args.files:
        try:
            check_input(path)
            result = transcribe_path(path, args.engine, lang, args.model, settings, cache)
        except Exception as exc:
            if not isinstance(exc, VoiceHelperError) or len(args.files) == 1:
                raise
            print(f"voice-helper transcribe: {printable(str(exc))}", file=sys.stderr)
            status = 1
            continue
        result = printable(result)
        if args.json:
            results.append(result)
        else:
            text = result["text"] or "(no speech heard)"
            print(f"{printable(path)}: {text}" if len(args.files) > 1 else text)
    if args.json:
        out = results[0] if len(results) == 1 and len(args.files) == 1 else results
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return status
