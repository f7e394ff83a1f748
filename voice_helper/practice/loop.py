"""Practice with real devices: the hands-free ``VoiceLoop`` as it is, plus the practice log.

Why a subclass and not a second loop: speaking, never listening while speaking, the recorded
turns of ``--input`` and the command spotter are the hands-free loop's, and practice must
behave exactly like it. The only addition is keeping each rehearsal (``Attempted``) in the
help log's practice table. ``TextHearing`` gives typed turns the same path (``--text``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from ..dialog import Listen, Silence, UtteranceHeard
from ..textsafe import clean_utterance
from ..voice_loop import VoiceLoop
from .session import Attempted


class PracticeLoop(VoiceLoop):
    """``VoiceLoop`` for a ``PracticeSession``: rehearsals go to the practice log."""

    saved: list[int]

    def _perform(self, action: Any) -> Any:
        if isinstance(action, Attempted):
            if not hasattr(self, "saved"):
                self.saved = []
            if self.log is not None:
                self.saved.append(self.log.add_practice_attempt(action.record))
            return None
        return super()._perform(action)


class TextHearing:
    """Typed turns: a list, or lines read one at a time from a stream (a blank line is silence)."""

    def __init__(self, turns: list[str] | None = None, stream: TextIO | None = None) -> None:
        self._items: Iterator[str] = iter(turns) if turns is not None else self._lines(stream)

    @staticmethod
    def _lines(stream: TextIO | None) -> Iterator[str]:
        while stream is not None:
            line = stream.readline()
            if not line:
                return
            yield line.rstrip("\n")

    def hear(self, listen: Listen) -> UtteranceHeard | Silence | None:
        text = next(self._items, None)
        if text is None:
            return None
        text = clean_utterance(text)
        return UtteranceHeard(text) if text else Silence()
