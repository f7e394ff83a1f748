from __future__ import annotations

import json

import jsonschema
import pytest

from voice_helper.request import (
    Alternative, Deadline, HelpRequest, Intent, Resource, Slots, Urgency, load_schema,
)

ARCH_EXAMPLE = {
    "language": "en",
    "intent": "workload",
    "confidence": 0.91,
    "urgency": "normal",
    "crisis": False,
    "slots": {
        "task": "the cash report",
        "asks": ["take over the counting", "lock the cashbox"],
        "offer": "do the filing tomorrow",
        "recipient": "Tanaka",
        "deadline": {"text": "by five", "iso": "2026-11-23T17:00:00"},
        "duration_minutes": None,
        "feelings": ["dizzy"],
    },
    "missing": [],
    "alternatives": [{"intent": "health", "confidence": 0.07}],
    "resources": [],
    "message": "I'm struggling with the cash report right now. ...",
}


def full_request() -> HelpRequest:
    return HelpRequest(
        language="ja", intent=Intent.EMERGENCY, confidence=0.99, urgency=Urgency.CRITICAL,
        crisis=True,
        slots=Slots(task="胸の痛み", asks=["救急車を呼んで"], offer=None, recipient="田中さん",
                    deadline=Deadline("今すぐ", None), duration_minutes=5, feelings=["苦しい"]),
        missing=["when"], alternatives=[Alternative(Intent.HEALTH, 0.4)],
        resources=[Resource("救急", "119", "救急車・消防")], message="胸が痛いです。",
    )


def test_architecture_example_round_trips_losslessly() -> None:
    req = HelpRequest.from_dict(ARCH_EXAMPLE)
    assert req.intent is Intent.WORKLOAD
    assert req.slots.deadline == Deadline("by five", "2026-11-23T17:00:00")
    # Fields added later (what was said, the crisis kind, every time with its role) come back
    # with their defaults; everything the example has is kept exactly.
    assert req.to_dict() == {**ARCH_EXAMPLE, "said": "", "crisis_kind": None,
                             "slots": {**ARCH_EXAMPLE["slots"], "times": []}}
    assert HelpRequest.from_json(req.to_json()) == req


@pytest.mark.parametrize("req", [HelpRequest(), full_request()], ids=["defaults", "full"])
def test_round_trip_and_schema(req: HelpRequest) -> None:
    schema = load_schema()
    data = json.loads(req.to_json())
    jsonschema.validate(data, schema)
    assert HelpRequest.from_dict(data) == req


def test_schema_accepts_architecture_example() -> None:
    jsonschema.validate(ARCH_EXAMPLE, load_schema())


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(intent="sadness"),
    lambda d: d.update(urgency="soon"),
    lambda d: d.update(confidence=1.5),
    lambda d: d["slots"].update(asks="one thing"),
    lambda d: d["slots"].update(deadline={"text": "by five", "iso": "five o'clock"}),
    lambda d: d.update(extra=1),
    lambda d: d.pop("message"),
    lambda d: d.update(missing=["who knows"]),
])
def test_schema_rejects_malformed(mutate) -> None:
    data = json.loads(json.dumps(ARCH_EXAMPLE))
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_json_keeps_japanese_readable() -> None:
    assert "胸の痛み" in full_request().to_json()
