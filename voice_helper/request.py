"""The one data contract: a structured help request and its lossless JSON form.

Every front end (CLI, hands-free loop, Textual UI) and every outside check reads and writes
this shape, so it lives in one module with no dependencies beyond the standard library.
The JSON Schema in ``voice_helper/schema/help_request.schema.json`` describes the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any


class Intent(StrEnum):
    WORKLOAD = "workload"
    PHYSICAL_TASK = "physical_task"
    MOBILITY = "mobility"
    HEALTH = "health"
    EMOTIONAL = "emotional"
    QUESTION = "question"
    REVIEW = "review"
    TECHNOLOGY = "technology"
    EMERGENCY = "emergency"
    THANKS = "thanks"
    OTHER = "other"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    #: Maybe a crisis: the front end asks "Are you safe right now?" and the numbers are shown.
    CHECK = "check"
    CRITICAL = "critical"


LANGUAGES = ("en", "ja")
#: The essentials the dialog asks for when they are not yet said.
ESSENTIALS = ("what", "help", "when")


@dataclass
class Deadline:
    """What was said ("by five") and, when it resolves against now, a naive local ISO time."""

    text: str
    iso: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "iso": self.iso}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Deadline:
        return cls(text=d["text"], iso=d.get("iso"))


@dataclass
class TimeRef:
    """A time said, with its role: a deadline ("by five"), when something happens ("at 10 am on
    Tuesday", "tonight"), or a time that belongs to the offer ("next week")."""

    text: str
    role: str  # deadline | when | offer
    iso: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "role": self.role, "iso": self.iso}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeRef:
        return cls(text=d["text"], role=d.get("role", "when"), iso=d.get("iso"))


@dataclass
class Slots:
    task: str | None = None
    asks: list[str] = field(default_factory=list)
    offer: str | None = None
    recipient: str | None = None
    deadline: Deadline | None = None
    duration_minutes: int | None = None
    feelings: list[str] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "asks": list(self.asks),
            "offer": self.offer,
            "recipient": self.recipient,
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "duration_minutes": self.duration_minutes,
            "feelings": list(self.feelings),
            "times": [t.to_dict() for t in self.times],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Slots:
        dl = d.get("deadline")
        return cls(
            task=d.get("task"),
            asks=list(d.get("asks") or []),
            offer=d.get("offer"),
            recipient=d.get("recipient"),
            deadline=Deadline.from_dict(dl) if dl else None,
            duration_minutes=d.get("duration_minutes"),
            feelings=list(d.get("feelings") or []),
            times=[TimeRef.from_dict(t) for t in d.get("times") or []],
        )


@dataclass
class Alternative:
    intent: Intent
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.intent.value, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alternative:
        return cls(intent=Intent(d["intent"]), confidence=float(d["confidence"]))


@dataclass
class Resource:
    """Someone to contact now in a crisis: a name and a number, for the user's region."""

    name: str
    number: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "number": self.number, "note": self.note}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Resource:
        return cls(name=d["name"], number=d["number"], note=d.get("note", ""))


@dataclass
class HelpRequest:
    """A parsed difficulty plus, once rendered, the message to send.

    The intent engine returns one with an empty ``message``; the composer fills it in.
    """

    language: str = "en"
    intent: Intent = Intent.OTHER
    confidence: float = 0.0
    urgency: Urgency = Urgency.NORMAL
    crisis: bool = False
    slots: Slots = field(default_factory=Slots)
    missing: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    message: str = ""
    #: What the person said, cleaned: the message is edited from it, so a re-render keeps it.
    said: str = ""
    #: In a crisis, what kind (fall, chest_pain, overdose, self_harm, violence, …): the routing.
    crisis_kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "intent": self.intent.value,
            "confidence": self.confidence,
            "urgency": self.urgency.value,
            "crisis": self.crisis,
            "slots": self.slots.to_dict(),
            "missing": list(self.missing),
            "alternatives": [a.to_dict() for a in self.alternatives],
            "resources": [r.to_dict() for r in self.resources],
            "message": self.message,
            "said": self.said,
            "crisis_kind": self.crisis_kind,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HelpRequest:
        return cls(
            language=d["language"],
            intent=Intent(d["intent"]),
            confidence=float(d["confidence"]),
            urgency=Urgency(d["urgency"]),
            crisis=bool(d["crisis"]),
            slots=Slots.from_dict(d.get("slots") or {}),
            missing=list(d.get("missing") or []),
            alternatives=[Alternative.from_dict(a) for a in d.get("alternatives") or []],
            resources=[Resource.from_dict(r) for r in d.get("resources") or []],
            message=d.get("message", ""),
            said=d.get("said", ""),
            crisis_kind=d.get("crisis_kind"),
        )

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> HelpRequest:
        return cls.from_dict(json.loads(text))


def load_schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package, for validators outside and inside."""
    ref = resources.files("voice_helper.schema").joinpath("help_request.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))
