"""`voice-helper say`: speak a text, or write it to a WAV file.

With no audio device the text is printed instead, with a one-line notice on stderr, and the exit
code is 0: showing the text is the designed fallback, not a failure. ``--to-file`` needs no device.
No speech engine at all is an error (exit 1) only with ``--to-file``.
"""

from __future__ import annotations

import argparse
import sys

HELP = "Speak a text aloud, or write it to a WAV file."

MIN_RATE, MAX_RATE = 60, 400


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("auto", "en", "ja"), default="auto",
                        help="language of the voice (auto: Japanese when the text has kana or kanji)")
    parser.add_argument("--rate", type=int, default=None, metavar="WPM",
                        help=f"speaking rate in words per minute ({MIN_RATE}-{MAX_RATE}; default from settings)")
    parser.add_argument("--to-file", metavar="OUT.wav", default=None,
                        help="write the speech to this WAV file instead of playing it")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="what to say ('-' reads standard input)")


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings
    from ..errors import UsageError, VoiceHelperError
    from ..speech.tts import NoVoice, Speaker, clean_for_speech

    raw = sys.stdin.read() if args.text == ["-"] else " ".join(args.text)
    text = clean_for_speech(raw)
    if not text:
        raise UsageError("nothing to say: the text is empty")
    if args.rate is not None and not MIN_RATE <= args.rate <= MAX_RATE:
        raise UsageError(f"--rate must be between {MIN_RATE} and {MAX_RATE} words per minute")
    lang = None if args.lang == "auto" else args.lang
    settings = load_settings()
    if not settings.voice.enabled and not args.to_file:
        print(text)
        return 0
    problems: list[str] = []
    shown: list[str] = []

    def unspoken(t: str, why: str) -> None:
        if why and why not in problems:
            problems.append(why)
            print(f"voice-helper say: {why}", file=sys.stderr)
        if t:
            shown.append(t)

    speaker = Speaker(settings, rate=args.rate, on_unspoken=unspoken)
    try:
        if args.to_file:
            from ..speech.playback import read_wav

            try:
                path = speaker.save_to_file(text, args.to_file, lang)
            except NoVoice as exc:
                raise VoiceHelperError(f"no voice could speak this text ({exc})") from None
            except OSError as exc:
                raise VoiceHelperError(f"cannot write {args.to_file}: {exc.strerror or exc}") from None
            clip = read_wav(path)
            print(f"Wrote {path} ({clip.duration_s:.1f} s)")
            return 0
        speaker.say(text, lang)
        speaker.wait_idle()
    finally:
        speaker.close()
    for t in shown:
        print(t)
    return 0
