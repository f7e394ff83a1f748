"""`voice-helper say`: speak a text, or write it to a WAV file.

With no audio device the text is printed instead, with a one-line notice on stderr, and the exit
code is 0: showing the text is the designed fallback, not a failure. ``--to-file`` needs no device.
No speech engine at all is an error (exit 1) only with ``--to-file``.

The WAV written by ``--to-file`` is owner-only (0600) whatever the umask: it is the person's
request, spoken. It is made in a private temp folder next to the target and renamed into place;
a link, a device or a folder at the target is refused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..argtext import decode_input, text_arg

HELP = "Speak a text aloud, or write it to a WAV file."

MIN_RATE, MAX_RATE = 60, 400


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("auto", "en", "ja"), default="auto",
                        help="language of the voice (auto: Japanese when the text has kana or kanji)")
    parser.add_argument("--rate", type=int, default=None, metavar="WPM",
                        help=f"speaking rate in words per minute ({MIN_RATE}-{MAX_RATE}; default from settings)")
    parser.add_argument("--to-file", metavar="OUT.wav", default=None,
                        help="write the speech to this WAV file instead of playing it")
    parser.add_argument("text", nargs="+", metavar="TEXT", type=text_arg,
                        help="what to say ('-' reads standard input)")


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings
    from ..errors import UsageError, VoiceHelperError
    from ..speech.tts import NoVoice, Speaker, clean_for_speech

    raw = decode_input(sys.stdin.buffer.read()) if args.text == ["-"] else " ".join(args.text)
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
                path = save_private(speaker, text, Path(args.to_file), lang)
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


def save_private(speaker: Any, text: str, target: Path, lang: str | None) -> Path:
    """Synthesize into a 0700 temp folder beside ``target``, make the WAV 0600, rename it over."""
    from ..errors import VoiceHelperError

    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise VoiceHelperError(f"{target} is not a regular file (a link, a folder or a device); "
                               "nothing was written")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(2, "no such folder", str(folder))
    work = Path(tempfile.mkdtemp(prefix=".voice-helper-say-", dir=folder))
    try:
        made = speaker.save_to_file(text, work / "speech.wav", lang)
        os.chmod(made, 0o600)
        os.replace(made, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
