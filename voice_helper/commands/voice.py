"""`voice-helper voice`: learn the person's voice (speaker adaptation), show it, or forget it.

``learn`` shows and says 21 short sentences and hears each one (on the microphone, or with
``--input FILE...`` one recorded file per sentence, through the same loop), then adapts
pocketsphinx's English model to that voice (``speech.adaptation``). Only the adapted model is kept.
"""

from __future__ import annotations

import argparse
import sys

HELP = "Learn your voice so you are heard better (English, pocketsphinx), or forget it."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    learn = sub.add_parser("learn", help="read short sentences aloud; voice_helper learns your voice")
    learn.add_argument("--input", nargs="+", metavar="FILE", default=None,
                       help="recorded sentences (WAV), one file per sentence in order, instead of the microphone")
    learn.add_argument("--tts-dir", metavar="DIR", default=None,
                       help="write the spoken prompts here as numbered WAV files (with --input)")
    learn.add_argument("--count", type=int, default=None, metavar="N",
                       help="how many of the sentences to read (default: all 21; at least 5)")
    sub.add_parser("status", help="whether a learned voice is in use")
    sub.add_parser("forget", help="delete the learned voice")


def run(args: argparse.Namespace) -> int:
    from ..speech import adaptation

    if args.action == "forget":
        print("Your learned voice was deleted." if adaptation.forget() else "There was no learned voice.")
        return 0
    if args.action == "status":
        profile = adaptation.current()
        why = adaptation.unusable_reason()
        if why:
            print(f"Your learned voice is not used: {why}. Say: voice-helper voice learn")
        elif profile is None:
            print("No learned voice. Say: voice-helper voice learn")
        else:
            line = f"Learned voice: {profile.sentences} sentences, {profile.learned_at}."
            if profile.wer_before is not None and profile.wer_after is not None:
                line += (f" Words heard right on them: {100 - round(100 * profile.wer_after)} in 100"
                         f" (before: {100 - round(100 * profile.wer_before)}).")
            print(line)
        missing = adaptation.missing_packages()
        if missing:
            print(f"To learn a voice here: sudo apt-get install -y {' '.join(missing)}")
        return 0
    return _learn(args)


def _learn(args: argparse.Namespace) -> int:
    import shutil
    import tempfile
    from pathlib import Path

    from ..config import load_settings
    from ..errors import UsageError
    from ..speech import adaptation
    from ..speech.endpoint import EndpointConfig, Endpointer
    from ..speech.recognizers import SphinxRecognizer
    from ..speech.spotter import SphinxSpotter
    from ..speech.tts import Speaker
    from ..textsafe import strip_controls
    from ..voice_learning import VoiceLearning
    from ..voice_loop import FileHearing, MicHearing
    from .recorded import notice_once, recorded_turns

    settings = load_settings()
    missing = adaptation.missing_packages()
    if missing:  # before anyone reads 21 sentences for nothing
        raise adaptation.AdaptationError(
            f"learning a voice needs sphinxtrain's tools; install them with: sudo apt-get install -y {' '.join(missing)}")
    sentences = adaptation.prompts("en")
    if args.count is not None:
        if not adaptation.MIN_SENTENCES <= args.count <= len(sentences):
            raise UsageError(f"--count must be {adaptation.MIN_SENTENCES} to {len(sentences)}")
        sentences = sentences[:args.count]
    if args.tts_dir and not args.input:
        raise UsageError("--tts-dir goes with --input (on the microphone, prompts are played)")
    files = recorded_turns(args.input)

    def echo(text: str) -> None:
        print(strip_controls(text, keep_newlines=True), flush=True)

    recognizer = SphinxRecognizer("en")  # the unadapted model: what is learned must not learn from itself
    endpointer = Endpointer(EndpointConfig.from_settings(settings))
    spotter = SphinxSpotter()
    tmp = None
    tts_dir = None
    if files:
        tts_dir = Path(args.tts_dir) if args.tts_dir else Path(tempfile.mkdtemp(prefix="vh-voice-tts-"))
        tmp = None if args.tts_dir else tts_dir
        hearing = FileHearing(files, recognizer, endpointer, spotter=spotter)
    else:
        from ..speech.audio import MicrophoneSource

        hearing = MicHearing(MicrophoneSource(settings.speech.input_device or None), recognizer, endpointer,
                             spotter=spotter)
    speaker = Speaker(settings, out_dir=tts_dir, on_unspoken=notice_once(echo))
    try:
        learning = VoiceLearning(speaker, hearing, echo=echo)
        result = learning.run(sentences)
        if len(result.recordings) < adaptation.MIN_SENTENCES:
            learning.tell("learn_too_few", count=len(result.recordings), minimum=adaptation.MIN_SENTENCES)
            speaker.wait_idle(60)
            return 1
        learning.tell("learn_working")
        try:
            profile = adaptation.learn(result.recordings, progress=echo)
        except adaptation.AdaptationError as exc:
            learning.tell("learn_failed")
            speaker.wait_idle(60)
            print(f"voice-helper voice: {strip_controls(str(exc))}", file=sys.stderr)
            return 1
        before = 100 - round(100 * (profile.wer_before or 0.0))
        after = 100 - round(100 * (profile.wer_after or 0.0))
        learning.tell("learn_done", before=before, after=after)
        speaker.wait_idle(60)
        return 0
    finally:
        speaker.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
