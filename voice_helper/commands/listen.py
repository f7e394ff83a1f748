"""`voice-helper listen`: the hands-free loop.

On the microphone by default. With ``--input FILE...`` each file is one user turn, fed through the
same loop, and every spoken prompt is written as a numbered WAV (``--tts-dir``, or a temporary
folder) instead of played, so whole conversations run and can be checked without a microphone.
Prints every prompt and what was heard; ends with the final request (``--json``: its JSON).
"""

from __future__ import annotations

import argparse
import sys

HELP = "Hands-free: ask what is hard, listen, read back, confirm by voice."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "ja"), default=None,
                        help="language of the conversation (default: from settings, else en)")
    parser.add_argument("--engine", choices=("auto", "vosk", "pocketsphinx"), default="auto",
                        help="speech recognizer")
    parser.add_argument("--input", nargs="+", metavar="FILE", default=None,
                        help="recorded user turns (WAV), one file per turn, instead of the microphone")
    parser.add_argument("--tts-dir", metavar="DIR", default=None,
                        help="write the spoken prompts here as numbered WAV files (with --input)")
    parser.add_argument("--json", action="store_true", help="end with the final request as JSON")


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile
    from pathlib import Path

    from ..config import load_settings
    from ..dialog import Dialog, Skills
    from ..errors import UsageError
    from ..speech.endpoint import EndpointConfig, Endpointer
    from ..speech.recognizers import open_recognizer
    from ..speech.tts import Speaker
    from ..store import HelpLog
    from ..voice_loop import FileHearing, MicHearing, VoiceLoop
    from .recorded import notice_once, recorded_turns

    settings = load_settings()
    lang = args.lang or (settings.language if settings.language in ("en", "ja") else "en")
    out = sys.stderr if args.json else sys.stdout

    from ..textsafe import strip_controls

    def echo(text: str) -> None:  # recognizer words included: cleaned before the terminal sees them
        print(strip_controls(text, keep_newlines=True), file=out, flush=True)

    files = recorded_turns(args.input)
    if args.tts_dir and not files:
        raise UsageError("--tts-dir goes with --input (on the microphone, prompts are played)")
    recognizer = open_recognizer(lang, args.engine, settings=settings, domain=True)
    if getattr(recognizer, "engine", "") == "pocketsphinx":  # say which voice model hears the person
        from ..speech.adaptation import unusable_reason

        why = unusable_reason() if settings.speech.learned_voice else ""
        if getattr(recognizer, "adapted", False):
            echo("(hearing you with your learned voice)")
        elif why:
            echo(f"(your learned voice is not used: {why}; say: voice-helper voice learn)")
    endpointer = Endpointer(EndpointConfig.from_settings(settings))
    from ..speech.spotter import spotter_for

    spotter = spotter_for(recognizer)
    tmp = None
    tts_dir = None
    if files:
        tts_dir = Path(args.tts_dir) if args.tts_dir else Path(tempfile.mkdtemp(prefix="vh-listen-"))
        tmp = None if args.tts_dir else tts_dir
        hearing = FileHearing(files, recognizer, endpointer, spotter=spotter)
    else:
        from ..speech.audio import MicrophoneSource

        source = MicrophoneSource(settings.speech.input_device or None)
        hearing = MicHearing(source, recognizer, endpointer,
                             on_partial=lambda t: print(f"\r… {strip_controls(t)}", end="", file=out,
                                                        flush=True), spotter=spotter)

    speaker = Speaker(settings, out_dir=tts_dir, on_unspoken=notice_once(echo))
    try:
        with HelpLog.open() as log:
            dialog = Dialog(Skills.default(settings), lang=lang)
            result = VoiceLoop(dialog, speaker, hearing, settings=settings, log=log, echo=echo).run()
    finally:
        speaker.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    request = result.request
    echo(f"outcome: {result.outcome}" + (f" (help log #{result.draft_id})" if result.draft_id else ""))
    if args.json:
        print(request.to_json() if request else "null")
    elif request is not None:
        print(request.to_json(indent=2))
    return 0
