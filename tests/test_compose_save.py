"""`compose --save`: the request lands in the real help log as a draft, and its id is printed."""

from __future__ import annotations

import json
import re

from voice_helper.store import HelpLog
from tests.conftest import run_cli


def test_save_prints_id_and_keeps_a_draft() -> None:
    r = run_cli("compose", "--save", "--to", "Tanaka",
                "i can't finish the cash report by five could you take over the counting")
    assert r.returncode == 0, r.stderr
    m = re.search(r"Saved as request #(\d+) \(draft\)", r.stdout)
    assert m, r.stdout
    with HelpLog.open() as log:
        entry = log.get(int(m.group(1)))
    assert entry.status == "draft"
    assert entry.recipient == "Tanaka"
    assert "cash report" in entry.transcript
    assert entry.request is not None and entry.request.slots.recipient == "Tanaka"
    assert entry.message and entry.message.splitlines()[0] in r.stdout


def test_save_with_json_keeps_stdout_one_object_per_line() -> None:
    r = run_cli("compose", "--save", "--json", "-",
                input="could you check my report\n\nmy head hurts and i need to lie down\n")
    assert r.returncode == 0, r.stderr
    objs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(objs) == 3
    ids = [int(i) for i in re.findall(r"saved as request #(\d+)", r.stderr)]
    assert len(ids) == 2  # the blank line is not saved
    with HelpLog.open() as log:
        saved = [log.get(i) for i in ids]
    assert [e.message for e in saved] == [objs[0]["message"], objs[2]["message"]]
