"""Say the message aloud to the person in the room: the AAC case.

The speaker is passed in (any object with ``say(text, lang)``), so this module never imports a
speech engine. The project's Speaker is queue-driven (``say`` returns at once): by default the
channel does not wait, so a front end stays responsive and the person can still say "stop".
With ``wait=True`` (the CLI, which exits afterwards) it waits, bounded, until the words were
played and reports text the Speaker could not speak, so "sent" means "said".
"""

from __future__ import annotations

from typing import Any, Protocol

from .base import OutgoingMessage, SendResult, one_line


class SaysText(Protocol):
    def say(self, text: str, lang: str | None = None) -> Any: ...


class SpeakChannel:
    name = "speak"

    def __init__(self, speaker: SaysText | None, wait: bool = False, wait_s: float | None = None) -> None:
        self.speaker = speaker
        self.wait = wait
        self.wait_s = wait_s

    def send(self, message: OutgoingMessage) -> SendResult:
        sp = self.speaker
        if sp is None:
            return SendResult(False, self.name, reason="no voice here (speech output is not available)")
        unspoken: list[str] = []
        hooked = self.wait and hasattr(sp, "on_unspoken")
        previous = getattr(sp, "on_unspoken", None)
        if hooked:
            def note(text: str, why: str) -> None:
                if text:  # an empty text is an informational notice, not a failure
                    unspoken.append(why)
                if previous is not None:
                    previous(text, why)
            sp.on_unspoken = note  # type: ignore[attr-defined]
        try:
            said = sp.say(message.text, message.lang)
            if said is False:
                return SendResult(False, self.name, reason="nothing to say (the message is empty)")
            wait = getattr(sp, "wait_idle", None)
            finished = not callable(wait)  # a plain say() returns when it has spoken
            if self.wait and callable(wait):
                # about 6 characters a second is slow speech; never wait without a bound
                limit = self.wait_s if self.wait_s is not None else 10.0 + len(message.text) / 6
                finished = bool(wait(limit))
        except Exception as exc:  # a device error must not lose the request
            return SendResult(False, self.name, reason=f"could not speak: {one_line(exc)}")
        finally:
            if hooked:
                sp.on_unspoken = previous  # type: ignore[attr-defined]
        if unspoken:
            return SendResult(False, self.name, reason=f"could not speak: {one_line(unspoken[0])}")
        return SendResult(True, self.name, detail="spoken aloud" if finished else "speaking aloud")
