"""The I/O driver of the dialog: speaker out, recognizer in, help log, channels.

The dialog (``dialog.py``) decides; this loop performs its actions with real devices:
``Say`` → the Speaker, ``Show`` → print, ``Listen`` → wait until the speaker is silent (never
listen while speaking, or it hears itself), then one turn through the recognizer and endpointer,
``SaveDraft``/``UpdateDraft``/``Keep`` → the help log, ``Send`` → the channels.

A ``Hearing`` turns a ``Listen`` into an event: ``MicHearing`` on the microphone, ``FileHearing``
on recorded files, one file per user turn (``voice-helper listen --input``), through the same
``listen_once`` code path. Each step is time-stamped so ``scripts/bench_dialog.py`` can measure
the end of the user's speech → first audio of the read-back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .config import Settings
from .dialog import (
    Dialog,
    Done,
    Keep,
    Listen,
    RepeatLast,
    Say,
    SaveDraft,
    Send,
    SendResult,
    Show,
    Silence,
    StopSpeaking,
    UpdateDraft,
    UtteranceHeard,
)
from .request import HelpRequest


class Hearing(Protocol):
    def hear(self, listen: Listen) -> UtteranceHeard | Silence | None:
        """One user turn; None when there is no more input (files exhausted)."""


@dataclass
class Turn:
    """What happened in one listening turn, with monotonic times."""

    text: str
    speech_end_at: float  # the last audio frame of the turn was consumed
    heard_at: float  # the recognizer's final result was ready


class _TimedSource:
    """Passes frames through, remembering when the last one was handed out; with ``quiet_s``,
    ends the turn when nobody has started speaking by then (the dialog then re-prompts kindly)."""

    def __init__(self, source: Any, quiet_s: float | None = None, endpointer: Any = None) -> None:
        self.source = source
        self.last_frame_at = 0.0
        self.quiet_s = quiet_s
        self.endpointer = endpointer

    def __iter__(self) -> Iterator[bytes]:
        start = time.monotonic()
        for frame in self.source:
            self.last_frame_at = time.monotonic()
            yield frame
            if (self.quiet_s is not None and not getattr(self.endpointer, "in_speech", True)
                    and self.last_frame_at - start >= self.quiet_s):
                return

    @property
    def exhausted(self) -> bool:
        return bool(getattr(self.source, "exhausted", False))

    @property
    def source_rate(self) -> int:
        return int(getattr(self.source, "source_rate", 16000))


class _Recorder:
    """A listener that keeps the turn's frames: the cleaned 16 kHz audio the recognizer got."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []

    def accept(self, frame: bytes) -> None:
        self.frames.append(frame)

    def finish(self) -> None:
        pass


class _RecognizerHearing:
    """Free speech through the recognizer and, on the very same frames, the command spotter.

    The recognizer always listens freely (so the screen shows what was really said); the spotter
    listens for the turn's commands (keyword spotting) and decides what is a command.
    """

    def __init__(self, recognizer: Any, endpointer: Any,
                 on_partial: Callable[[str], None] | None = None, spotter: Any = None) -> None:
        self.recognizer = recognizer
        self.endpointer = endpointer
        self.on_partial = on_partial
        self.spotter = spotter
        self.turns: list[Turn] = []
        #: Keep each turn's audio (as the recognizer heard it) in ``last_audio``: learning a voice.
        self.record = False
        self.last_audio = b""
        self._free = False
        self.quiet_s: float | None = None  # live sources: silence this long → a Silence event

    def _set_grammar(self, listen: Listen) -> None:
        if not self._free:
            self.recognizer.set_grammar(None)
            self._free = True
        if self.spotter is not None:
            self.spotter.set_phrases(list(listen.grammar or []))

    def _one(self, source: Any) -> UtteranceHeard | Silence:
        from .speech.endpoint import listen_once

        timed = _TimedSource(source, self.quiet_s, self.endpointer)
        self.recognizer.reset()
        also = ()
        if self.spotter is not None:
            self.spotter.reset()
            also = (self.spotter,)
        recorder = _Recorder() if self.record else None
        if recorder is not None:
            also = (*also, recorder)
        final = listen_once(timed, self.recognizer, self.endpointer, self.on_partial, also=also)
        self.last_audio = b"".join(recorder.frames) if recorder is not None else b""
        now = time.monotonic()
        spotted = self.spotter.decide(self.endpointer.speech_s) \
            if self.spotter is not None and self.endpointer.in_speech else None
        phrase = spotted.phrase if spotted is not None else None
        text = final.text.strip() if final is not None else ""
        if not text and not phrase:
            self.turns.append(Turn("", timed.last_frame_at or now, now))
            return Silence()
        self.turns.append(Turn(text or phrase or "", timed.last_frame_at or now, now))
        return UtteranceHeard(text or phrase or "", list(final.words) if final else [],
                              final.confidence if final else None, command=phrase,
                              spotted=spotted is not None)


class FileHearing(_RecognizerHearing):
    """One recorded file per user turn; no more files → no more input."""

    def __init__(self, files: list[Path], recognizer: Any, endpointer: Any,
                 on_partial: Callable[[str], None] | None = None, spotter: Any = None) -> None:
        super().__init__(recognizer, endpointer, on_partial, spotter)
        self.files = list(files)

    def hear(self, listen: Listen) -> UtteranceHeard | Silence | None:
        from .speech.audio import FileSource

        if not self.files:
            return None
        self._set_grammar(listen)
        source = FileSource(self.files.pop(0))
        try:
            return self._one(source)
        finally:
            source.close()


class MicHearing(_RecognizerHearing):
    """The microphone, opened once and kept; frames heard while speaking are never fed."""

    def __init__(self, source: Any, recognizer: Any, endpointer: Any,
                 on_partial: Callable[[str], None] | None = None, guard_s: float = 0.15,
                 quiet_s: float = 20.0, spotter: Any = None) -> None:
        super().__init__(recognizer, endpointer, on_partial, spotter)
        self.source = source
        self.quiet_s = quiet_s
        self.guard_s = guard_s  # the tail of our own voice (device buffer, room echo) dies out
        self.drained = 0

    def hear(self, listen: Listen) -> UtteranceHeard | Silence | None:
        self._set_grammar(listen)
        time.sleep(self.guard_s)
        self.drained += drain(self.source)  # what the microphone caught while we spoke is not the person
        return self._one(self.source)


def drain(source: Any) -> int:
    """Drop the blocks a live source has queued (captured while the speaker talked); how many."""
    import queue as _queue

    q = getattr(source, "queue", None)
    n = 0
    while q is not None:
        try:
            q.get(timeout=0)
            n += 1
        except _queue.Empty:
            break
    return n


@dataclass
class LoopResult:
    request: HelpRequest | None
    outcome: str
    draft_id: int | None
    heard: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    timeline: list[tuple[str, float, str]] = field(default_factory=list)  # (kind, time, text)
    sends: list[Any] = field(default_factory=list)  # the channels' SendResults, in order


class VoiceLoop:
    """Runs one dialog to its end with a Speaker, a Hearing and (optionally) the help log."""

    def __init__(self, dialog: Dialog, speaker: Any, hearing: Hearing, *,
                 settings: Settings | None = None, log: Any = None,
                 echo: Callable[[str], None] = print, max_steps: int = 200) -> None:
        self.dialog = dialog
        self.speaker = speaker
        self.hearing = hearing
        self.settings = settings or Settings()
        self.log = log
        self.echo = echo
        self.max_steps = max_steps
        self.draft_id: int | None = None
        self.result = LoopResult(None, "", None)

    def _mark(self, kind: str, text: str = "") -> None:
        self.result.timeline.append((kind, time.monotonic(), text))

    def run(self) -> LoopResult:
        actions = self.dialog.start()
        for _ in range(self.max_steps):
            event = None
            for action in actions:
                event = self._perform(action) or event
                if isinstance(action, Done):
                    self.speaker.wait_idle(60)
                    self.result.request = action.request
                    self.result.outcome = action.outcome
                    self.result.draft_id = self.draft_id
                    return self.result
            if event is None:
                break  # nothing to wait for (files exhausted)
            actions = self.dialog.handle(event)
        self.speaker.wait_idle(60)
        self.result.request = self.dialog.request
        self.result.outcome = "input-ended"
        self.result.draft_id = self.draft_id
        return self.result

    def _perform(self, action: Any) -> Any:
        if isinstance(action, Say):
            self._mark("say", action.text)
            self.result.said.append(action.text)
            self.speaker.say(action.text, action.lang)
        elif isinstance(action, Show):
            self.echo(action.text)
        elif isinstance(action, StopSpeaking):
            self.speaker.stop()
        elif isinstance(action, RepeatLast):
            self.speaker.repeat_last()
        elif isinstance(action, Listen):
            self.speaker.wait_idle()  # never listen while speaking
            self._mark("listen", action.mode)
            event = self.hearing.hear(action)
            if event is None:
                return None
            if isinstance(event, UtteranceHeard):
                self._mark("heard", event.text)
                self.result.heard.append(event.text)
                spotted = f" → {event.command}" if event.command and event.command != event.text else ""
                self.echo(f"(heard: {event.text}{spotted})")
            else:
                self._mark("heard", "")
                self.echo("(heard nothing)")
            return event
        elif isinstance(action, SaveDraft):
            if self.log is not None:
                self.draft_id = self.log.add_draft(action.transcript, action.request,
                                                   recipient=action.request.slots.recipient,
                                                   lang=action.request.language)
        elif isinstance(action, UpdateDraft):
            if self.log is not None and self.draft_id is not None:
                self.log.update_draft(self.draft_id, transcript=action.transcript, request=action.request,
                                      recipient=action.request.slots.recipient or "")
        elif isinstance(action, Keep):
            pass  # the draft is already in the help log, with every change
        elif isinstance(action, Send):
            return self._send(action)
        elif isinstance(action, Done):
            if action.outcome == "cancelled" and self.log is not None and self.draft_id is not None:
                self.log.mark(self.draft_id, "withdrawn", "cancelled in the voice dialog")
        return None

    def _send(self, action: Send) -> SendResult:
        """Deliver through the real channel and say back exactly what happened: which channel, to
        whom, ok or not (the dialog turns a file in the outbox into "saved", never "sent")."""
        to = action.to or action.request.slots.recipient or ""
        if self.log is None or self.draft_id is None:
            return SendResult(False, "there is no help log to send from", "", to)
        try:
            from .channels import deliver

            result = deliver(self.log, self.draft_id, self.settings, speaker=self.speaker)
        except Exception as exc:  # a channel problem must not end the conversation
            return SendResult(False, str(exc), "", to)
        self.result.sends.append(result)
        detail = result.detail if result.ok else f"not sent ({result.channel}): {result.reason or 'failed'}"
        return SendResult(bool(result.ok), detail, result.channel, to)
