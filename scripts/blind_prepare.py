#!/usr/bin/env python3
"""Prepare a blind reading: compose every utterance of a held-out file in a style and politeness
drawn at random, shuffle, and write what the reader sees (to_grade) apart from the key.

    .venv/bin/python scripts/blind_prepare.py eval/messages_heldout3 eval/blind3

The reader gets only ``to_grade_<lang>.jsonl`` and the rubric in MESSAGES.md; grades go to
``grades_<lang>.jsonl`` ({"n", "grade", "why"}) and ``scripts/blind_report.py`` summarises them.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voice_helper.compose import compose_text  # noqa: E402
from voice_helper.config import Settings  # noqa: E402

NOW = datetime(2026, 12, 7, 9, 30)
#: Three-lines most, as people use it; every style and politeness is read.
STYLES = ["three-lines"] * 6 + ["workplace"] * 2 + ["short"] * 2
POLITENESS = ["default"] * 7 + ["casual", "polite", "honorific"]


def main() -> int:
    stem, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261206)
    settings = Settings()
    for lang in ("en", "ja"):
        rows = [json.loads(x) for x in Path(f"{stem}_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
                if x.strip()]
        rng.shuffle(rows)
        items, keys = [], []
        for n, row in enumerate(rows, 1):
            style, pol = rng.choice(STYLES), rng.choice(POLITENESS)
            req = compose_text(row["text"], lang=lang, style=style, to=row.get("to"),
                               politeness=None if pol == "default" else pol, settings=settings, now=NOW)
            items.append({"n": n, "said": row["text"], "to": row.get("to"), "style": style, "politeness": pol,
                          "message": req.message})
            keys.append({"n": n, "id": row["id"]})
        for name, data in (("to_grade", items), ("key", keys)):
            (out / f"{name}_{lang}.jsonl").write_text(
                "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in data), encoding="utf-8")
        print(f"{lang}: {len(items)} messages → {out}/to_grade_{lang}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
