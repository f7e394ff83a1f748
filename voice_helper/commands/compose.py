"""`voice-helper compose`: what you said (text) → a clear help request.

TEXT mode prints the message (crisis numbers first, plainly) or, with --json, one object.
``-`` mode reads one utterance per line from stdin and writes exactly one JSON object per line
(JSON Lines), flushed per line, in one process, so outside tools can zip input with output.
A blank or control-only line does not stop the stream: it gets a schema-valid placeholder
(intent "other", confidence 0, every essential missing, empty message) and a one-line warning
on stderr naming the line number.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, BinaryIO

from ..config import POLITENESS, STYLES

if TYPE_CHECKING:
    from ..config import Settings
    from ..request import HelpRequest

HELP = "Turn what you said (text) into a clear help request."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("auto", "en", "ja"), default="auto",
                        help="language of the text (default: auto-detect)")
    parser.add_argument("--style", choices=STYLES, default=None,
                        help="message style (default: from settings, three-lines)")
    parser.add_argument("--politeness", choices=POLITENESS, default=None,
                        help="politeness (default: from the recipient's contact, else settings)")
    parser.add_argument("--to", metavar="NAME", default=None,
                        help="who the message is for (a contact name or a role)")
    parser.add_argument("--json", action="store_true",
                        help="print the whole request as JSON (the contract in ARCHITECTURE.md)")
    parser.add_argument("--save", action="store_true",
                        help="keep the request in the help log as a draft and print its id")
    parser.add_argument("text", nargs="+", metavar="TEXT",
                        help="what you said; several words are joined; '-' reads stdin, one per line")


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings

    settings = load_settings()
    words = list(args.text)
    if words == ["-"]:
        return _run_stream(args, settings, sys.stdin.buffer, sys.stdout.buffer)
    text = " ".join(words)
    from ..compose import compose_text

    request = compose_text(text, lang=args.lang, style=args.style, politeness=args.politeness,
                           to=args.to, settings=settings)
    out = request.to_json() if args.json else format_plain(request)
    _write(sys.stdout.buffer, out + "\n")
    if args.save:
        with _open_log() as log:
            _report_saved(_save(log, text, request, args.to, settings), to_stdout=not args.json)
    return 0


def _open_log():  # noqa: ANN202 - HelpLog, imported lazily
    from ..store import HelpLog

    return HelpLog.open()


def _save(log, text: str, request: HelpRequest, to: str | None, settings: Settings) -> int:  # noqa: ANN001
    from ..store import save_composed

    return save_composed(log, text, request, recipient=to, settings=settings)


def _report_saved(entry_id: int, to_stdout: bool) -> None:
    """With --json the id goes to stderr, so stdout stays one contract object per request."""
    line = f"Saved as request #{entry_id} (draft). Send it: voice-helper history send {entry_id}"
    if to_stdout:
        print(line, flush=True)
    else:
        print(f"voice-helper compose: saved as request #{entry_id}", file=sys.stderr, flush=True)


def format_plain(request: HelpRequest) -> str:
    """The message for a person; in a crisis, whom to call comes first, before anything else."""
    from ..compose import load_templates
    from ..textsafe import strip_controls

    lines: list[str] = []
    if request.crisis and request.resources:
        lines.append(load_templates(request.language)["call_now"])
        for r in request.resources:
            note = f" ({r.note})" if r.note else ""
            lines.append(f"  {r.number}  {r.name}{note}")
        lines.append("")
    lines.append(request.message)
    return strip_controls("\n".join(lines), keep_newlines=True)


def placeholder(lang: str) -> HelpRequest:
    """What `-` mode prints for a blank line: valid against the schema, clearly empty."""
    from ..request import ESSENTIALS, HelpRequest, Intent

    return HelpRequest(language=lang if lang in ("en", "ja") else "en", intent=Intent.OTHER,
                       confidence=0.0, missing=list(ESSENTIALS), message="")


def _run_stream(args: argparse.Namespace, settings: Settings, stdin: BinaryIO,
                stdout: BinaryIO) -> int:
    log = _open_log() if args.save else None
    try:
        _stream_lines(args, settings, stdin, stdout, log)
    finally:
        if log is not None:
            log.close()
    return 0


def _stream_lines(args: argparse.Namespace, settings: Settings, stdin: BinaryIO, stdout: BinaryIO,
                  log) -> None:  # noqa: ANN001 - HelpLog | None
    from ..compose import compose_text
    from ..errors import VoiceHelperError
    from ..textsafe import clean_utterance

    for n, raw in enumerate(stdin, 1):
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        request = None
        if not clean_utterance(text):
            _warn(f"line {n}: empty (or only control characters); wrote an empty request")
        else:
            try:
                request = compose_text(text, lang=args.lang, style=args.style,
                                       politeness=args.politeness, to=args.to, settings=settings)
            except VoiceHelperError as exc:
                _warn(f"line {n}: {exc}; wrote an empty request")
            except Exception as exc:  # one bad line must not cost the lines after it
                _warn(f"line {n}: internal error ({type(exc).__name__}: {exc}); wrote an empty request")
        if request is None:
            request = placeholder(args.lang)
        _write(stdout, request.to_json() + "\n")
        if log is not None and request.message:
            _report_saved(_save(log, text, request, args.to, settings), to_stdout=False)


def _write(stream: BinaryIO, text: str) -> None:
    stream.write(text.encode("utf-8"))
    stream.flush()


def _warn(message: str) -> None:
    from ..textsafe import strip_controls

    print(f"voice-helper compose: {strip_controls(message)}", file=sys.stderr, flush=True)
