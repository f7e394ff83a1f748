"""Writing results to standard output when it may be closed (``| head``) or full (``/dev/full``).

Why: a command that saves something must save first and print second, and a failed print must
be one line on stderr, not a traceback; after a failure, standard output is pointed at
/dev/null so the interpreter's own final flush cannot fail a second time.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import BinaryIO

from .errors import VoiceHelperError


class OutputError(VoiceHelperError):
    """Standard output could not be written; ``closed`` when the reader went away (EPIPE)."""

    def __init__(self, message: str, closed: bool = False) -> None:
        super().__init__(message, 1)
        self.closed = closed


def detach_stdout() -> None:
    """Point file descriptor 1 at /dev/null (what is still buffered then goes nowhere, quietly)."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(fd, sys.stdout.fileno())
        finally:
            os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def write(stream: BinaryIO, text: str) -> None:
    """Write and flush ``text``; raises OutputError (one line) when the output is closed or full."""
    try:
        stream.write(text.encode("utf-8"))
        stream.flush()
    except OSError as exc:
        detach_stdout()
        closed = exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError)
        raise OutputError(f"cannot write the output ({exc.strerror or type(exc).__name__})",
                          closed=closed) from None
