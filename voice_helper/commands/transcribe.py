"""`voice-helper transcribe`: speech to text from audio files, offline."""

from __future__ import annotations

import argparse

HELP = "Speech to text from audio files, offline."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="WAV (any rate) or raw 16 kHz 16-bit PCM")
    parser.add_argument("--engine", choices=("auto", "vosk", "pocketsphinx"), default="auto")
    parser.add_argument("--lang", default=None, help="en, ja, ko... (default: from settings, else en)")
    parser.add_argument("--model", default=None, help="a Vosk model folder")
    parser.add_argument("--json", action="store_true", help="print JSON: text, words with times, engine, RTF")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..config import load_settings
    from ..speech.transcribe import transcribe_path

    settings = load_settings()
    lang = args.lang or (settings.language if settings.language in ("en", "ja") else "en")
    results = []
    status = 0
    cache: dict[str, object] = {}
    for path in args.files:
        try:
            result = transcribe_path(path, args.engine, lang, args.model, settings, cache)
        except Exception as exc:
            from ..errors import VoiceHelperError

            if not isinstance(exc, VoiceHelperError) or len(args.files) == 1:
                raise
            print(f"voice-helper transcribe: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            results.append(result)
        else:
            text = result["text"] or "(no speech heard)"
            print(f"{path}: {text}" if len(args.files) > 1 else text)
    if args.json:
        out = results[0] if len(results) == 1 and len(args.files) == 1 else results
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return status
