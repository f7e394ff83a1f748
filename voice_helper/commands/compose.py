"""`voice-helper compose`: what you said (text) → a clear help request.

TEXT mode prints the message (crisis numbers first, plainly) or, with --json, one object.
``-`` mode reads one utterance per line from stdin and writes exactly one JSON object per line
(JSON Lines), flushed per line, in one process, so outside tools can zip input with output.
A blank or control-only line does not stop the stream: it gets a schema-valid placeholder
(intent "other", confidence 0, every essential missing, empty message) and a one-line warning
on stderr naming the line number.

With ``--save`` every request is saved before anything is printed, so a closed or full standard
output (``| head -n 1``, ``> /dev/full``) never costs a request: the stream keeps reading and
saving, and one line on stderr says what was saved (exit 1). Text arguments that are not UTF-8
are read with U+FFFD in place of the bad bytes.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, BinaryIO

from ..argtext import text_arg
from ..config import POLITENESS, STYLES
from ..errors import UsageError

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
    parser.add_argument("--to", metavar="NAME", default=None, type=text_arg,
                        help="who the message is for (a contact name or a role)")
    parser.add_argument("--json", action="store_true",
                        help="print the whole request as JSON (the contract in ARCHITECTURE.md)")
    parser.add_argument("--save", action="store_true",
                        help="keep the request in the help log as a draft and print its id")
    parser.add_argument("text", nargs="+", metavar="TEXT", type=text_arg,
                        help="what you said; several words are joined; '-' reads stdin, one per line")


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings
    from ..outstream import OutputError, write

    settings = load_settings()
    words = list(args.text)
    if words == ["-"]:
        return _run_stream(args, settings, sys.stdin.buffer, sys.stdout.buffer)
    text = " ".join(words)
    from ..compose import compose_text

    request = compose_text(text, lang=args.lang, style=args.style, politeness=args.politeness,
                           to=args.to, settings=settings)
    if not request.message.strip():  # "um": nothing to send, and nothing to save
        raise UsageError(f"nothing to compose: {text.strip()[:40]!r} has no words to send (only fillers)")
    out = (request.to_json() if args.json else format_plain(request)) + "\n"
    saved: list[int] = []
    if args.save:  # first: printing can fail, the request must not be lost with it
        with _open_log() as log:
            saved.append(_save(log, text, request, args.to, settings))
        if not args.json:
            out += _saved_line(saved[0]) + "\n"
    try:
        write(sys.stdout.buffer, out)
    except OutputError as exc:
        if exc.closed and not saved:
            return 0  # the reader went away (| head): nothing was lost
        raise _output_failed(exc, saved) from None
    if saved and args.json:  # the id goes to stderr, so stdout stays one contract object
        _report_saved(saved[0])
    return 0


def _open_log():  # noqa: ANN202 - HelpLog, imported lazily
    from ..store import HelpLog

    return HelpLog.open()


def _save(log, text: str, request: HelpRequest, to: str | None, settings: Settings) -> int:  # noqa: ANN001
    from ..store import save_composed

    return save_composed(log, text, request, recipient=to, settings=settings)


def _saved_line(entry_id: int) -> str:
    return f"Saved as request #{entry_id} (draft). Send it: voice-helper history send {entry_id}"


def _report_saved(entry_id: int) -> None:
    """On stderr (stdout carries only the contract objects); a closed stderr is not an error."""
    try:
        print(f"voice-helper compose: saved as request #{entry_id}", file=sys.stderr, flush=True)
    except OSError:
        pass


def _output_failed(exc: Exception, saved: list[int]) -> Exception:
    """The one-line error for a failed print, saying what is safe in the help log."""
    from ..outstream import OutputError

    if not saved:
        return exc
    ids = f"#{saved[0]}" if len(saved) == 1 else f"#{saved[0]}-#{saved[-1]} ({len(saved)} requests)"
    return OutputError(f"{exc}; saved in the help log first: request {ids} "
                       f"(see: voice-helper history)")


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
    """Compose (and save) each line, then print it. When the output closes, saving goes on to
    the end of the input; without --save there is nothing left to do, so reading stops."""
    from ..compose import compose_text
    from ..errors import VoiceHelperError
    from ..outstream import OutputError, write
    from ..textsafe import clean_utterance

    saved: list[int] = []
    failed: OutputError | None = None
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
        if log is not None and request.message:
            saved.append(_save(log, text, request, args.to, settings))
            _report_saved(saved[-1])
        if failed is None:
            try:
                write(stdout, request.to_json() + "\n")
            except OutputError as exc:
                failed = exc
                if log is None:
                    break
    if failed is not None:
        if log is None and failed.closed:
            return  # the reader had enough (| head): nothing was lost, nothing to say
        raise _output_failed(failed, saved)


def _warn(message: str) -> None:
    from ..textsafe import strip_controls

    try:
        print(f"voice-helper compose: {strip_controls(message)}", file=sys.stderr, flush=True)
    except OSError:
        pass
