"""Copy the message to the clipboard with OSC 52, the one way that works in any modern terminal
(and over SSH) without a display server or an extra program.

A terminal cannot tell us whether it accepted the copy, so the result says "copied" honestly
only as far as we can know. Where there is no terminal (a pipe, a service), the message is saved
to the outbox instead and the result says so: nothing is lost.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import TextIO

from .base import OutgoingMessage, SendResult, one_line
from .outbox import FileChannel


def osc52(text: str) -> str:
    return "\x1b]52;c;" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "\x07"


class ClipboardChannel:
    name = "clipboard"

    def __init__(self, stream: TextIO | None = None, outbox: Path | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.outbox = outbox

    def _is_terminal(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (AttributeError, ValueError):
            return False

    def send(self, message: OutgoingMessage) -> SendResult:
        if self._is_terminal():
            try:
                self.stream.write(osc52(message.text))
                self.stream.flush()
                return SendResult(True, self.name, detail="copied to the clipboard (OSC 52)")
            except OSError as exc:
                why = f"the terminal could not be written ({one_line(exc)})"
        else:
            why = "clipboard not available here (not a terminal)"
        saved = FileChannel(self.outbox).send(message)
        if saved.ok:
            return SendResult(False, self.name, reason=f"{why}; message saved to {saved.path}",
                              path=saved.path)
        return SendResult(False, self.name, reason=f"{why}; and {saved.reason}")
