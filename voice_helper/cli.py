"""The ``voice-helper`` command: argument parsing and error reporting only.

Each subcommand lives in ``voice_helper/commands/<name>.py`` with ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; modules import their heavy dependencies
inside ``run`` so ``--help`` and the text path start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import VoiceHelperError
from .outstream import detach_stdout

#: In the order ``--help`` lists them; ``ui`` is the default with no subcommand.
COMMANDS = ("ui", "listen", "compose", "transcribe", "say", "models", "history", "practice", "voice", "doctor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voice-helper",
        description="Say what is hard, once; get a clear, kind help request to read, speak or send.",
        epilog="With no subcommand, the accessible terminal UI opens.",
    )
    parser.add_argument("--version", action="version", version=f"voice-helper {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f".commands.{name.replace('-', '_')}", __package__)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["ui", *(argv or sys.argv[1:])])
    _say_when_preparing(args.command)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()  # here, not at exit, so a closed or full output is reported once
        return code
    except VoiceHelperError as exc:
        _error(args.command, str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error(args.command, "stopped")
        return 130
    except BrokenPipeError:  # the reader went away (| head): nothing to say
        detach_stdout()
        return 0
    except OSError as exc:
        if exc.errno is None:
            raise
        detach_stdout()  # most often a full or failing output; never a traceback
        _error(args.command, f"cannot write ({exc.strerror or exc})")
        return 1


def _say_when_preparing(command: str) -> None:
    """The first message after installing (or after the language data changed) trains the
    language models, which takes about half a minute: a person at a terminal is told why."""
    if command not in ("compose", "listen", "say", "history", "voice") or not sys.stderr.isatty():
        return  # (the UI and practice screens draw the terminal themselves)
    from .nlu import classifier

    def notice() -> None:
        try:
            print(f"voice-helper {command}: preparing the language models for first use "
                  "(about half a minute, once)…", file=sys.stderr, flush=True)
        except OSError:
            pass

    classifier.on_first_training = notice


def _error(command: str, message: str) -> None:
    """One line on stderr, cleaned: an error can quote what a person or a server sent."""
    from .textsafe import strip_controls

    try:
        print(f"voice-helper {command}: {strip_controls(message)}", file=sys.stderr, flush=True)
    except OSError:
        pass
