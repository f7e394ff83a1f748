"""What every channel takes and gives back: one message in, one result out, never an exception.

Why a result and not an exception: a failed send is an ordinary event for a person with a flaky
network; it is recorded in the log as "sent: failed" with the reason and retried later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..config import Contact

CHANNEL_NAMES = ("speak", "clipboard", "file", "email", "webhook")


@dataclass
class OutgoingMessage:
    text: str
    subject: str = ""
    recipient: Contact | None = None
    lang: str = "en"
    request_id: int | None = None
    request: dict[str, Any] | None = None


@dataclass
class SendResult:
    ok: bool
    channel: str
    detail: str = ""  # what happened, in one line ("saved to ...", "mail accepted by ...")
    reason: str | None = None  # why it failed, in one line; never holds a password
    path: Path | None = None  # a file written on the way (outbox, clipboard fallback)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def line(self) -> str:
        return self.detail if self.ok else f"not sent ({self.channel}): {self.reason}"


class Channel(Protocol):
    name: str

    def send(self, message: OutgoingMessage) -> SendResult: ...


@dataclass
class RefusedChannel:
    """A channel that cannot be used as configured: every send fails with the reason.

    Why not fall back to another channel: a request meant for one person must never land
    somewhere else (a team webhook) because their address has a typo.
    """

    name: str
    reason: str

    def send(self, message: OutgoingMessage) -> SendResult:
        return SendResult(False, self.name, reason=self.reason)


def visible_fields(request: dict[str, Any] | None) -> dict[str, Any]:
    """What leaves the machine besides the text: only the fields the person saw and could change
    (what is hard, the asks, who, by when, how long, the offer) and the urgency that shaped the
    message. Never the parser's internals (confidence, alternatives, missing, feelings)."""
    if not request:
        return {}
    slots = request.get("slots") or {}
    deadline = slots.get("deadline") or None
    return {
        "task": slots.get("task"),
        "asks": list(slots.get("asks") or []),
        "recipient": slots.get("recipient"),
        "deadline": {"text": deadline.get("text"), "iso": deadline.get("iso")} if deadline else None,
        "duration_minutes": slots.get("duration_minutes"),
        "offer": slots.get("offer"),
        "urgency": request.get("urgency"),
    }


@cache
def phrases(lang: str) -> dict[str, str]:
    lang = lang if lang in ("en", "ja") else "en"
    ref = resources.files("voice_helper.channels.data").joinpath(f"{lang}.yaml")
    return dict(yaml.safe_load(ref.read_text(encoding="utf-8")))


def subject_for(lang: str, request: dict[str, Any] | None) -> str:
    """A short subject in the message's language: urgent first, then the task, then a plain ask."""
    p = phrases(lang)
    if request and request.get("urgency") in ("high", "critical"):
        return p["subject_urgent"]
    task = ((request or {}).get("slots") or {}).get("task")
    if task:
        return p["subject_task"].format(task=task)
    return p["subject"]


def one_line(text: str, limit: int = 200) -> str:
    """Error text from a server or library, made safe to show and store (no controls, no
    credentials in URLs, one clipped line)."""
    from ..redact import redact
    from ..textsafe import strip_controls

    text = redact(" ".join(strip_controls(str(text)).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
