#!/usr/bin/env python3
"""A side-by-side blind reading: the same utterances composed by two versions of the code, in the
same style and politeness, shuffled together so the reader cannot tell which is which. A message
both versions wrote the same way is shown once and its grade counts for both.

Why: the readings of sets 1–7 moved with the set and the reader as much as with the code; one
reader grading both versions of the same lines on the same day measures the code alone.

    # in a worktree of the old commit and in this one, the same command:
    .venv/bin/python scripts/blind_prepare.py eval/messages_heldout8 /tmp/old
    .venv/bin/python scripts/blind_prepare.py eval/messages_heldout8 /tmp/new
    .venv/bin/python scripts/blind_pair.py merge /tmp/old /tmp/new eval/blind8
    # the reader writes eval/blind8/grades_<lang>.jsonl ({"n", "grade", "why"}), then:
    .venv/bin/python scripts/blind_pair.py report eval/blind8 old-label new-label
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def merge(old: Path, new: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261207)
    for lang in ("en", "ja"):
        versions = {}
        for label, folder in (("old", old), ("new", new)):
            items = {r["n"]: r for r in _rows(folder / f"to_grade_{lang}.jsonl")}
            keys = {r["n"]: r["id"] for r in _rows(folder / f"key_{lang}.jsonl")}
            versions[label] = {keys[n]: it for n, it in items.items()}
        shown: dict[tuple, dict] = {}
        for label, by_id in versions.items():
            for uid, it in by_id.items():
                other = versions["new" if label == "old" else "old"][uid]
                if (it["style"], it["politeness"]) != (other["style"], other["politeness"]):
                    raise SystemExit(f"{uid}: the two versions drew different styles; prepare both with the same seed")
                key = (uid, it["message"])
                entry = shown.setdefault(key, {"said": it["said"], "to": it["to"], "style": it["style"],
                                               "politeness": it["politeness"], "message": it["message"],
                                               "id": uid, "versions": []})
                entry["versions"].append(label)
        entries = list(shown.values())
        rng.shuffle(entries)
        _write(out / f"to_grade_{lang}.jsonl",
               [{"n": n, **{k: e[k] for k in ("said", "to", "style", "politeness", "message")}}
                for n, e in enumerate(entries, 1)])
        _write(out / f"key_{lang}.jsonl", [{"n": n, "id": e["id"], "versions": e["versions"]}
                                           for n, e in enumerate(entries, 1)])
        same = sum(1 for e in entries if len(e["versions"]) == 2)
        print(f"{lang}: {len(entries)} messages to read ({same} the same in both versions) → {out}")


def report(folder: Path, old_label: str, new_label: str) -> None:
    names = {"old": old_label, "new": new_label}
    for lang in ("en", "ja"):
        gp = folder / f"grades_{lang}.jsonl"
        if not gp.exists():
            continue
        items = {r["n"]: r for r in _rows(folder / f"to_grade_{lang}.jsonl")}
        keys = {r["n"]: r for r in _rows(folder / f"key_{lang}.jsonl")}
        grades = {r["n"]: r for r in _rows(gp)}
        per: dict[str, Counter] = defaultdict(Counter)
        by_id: dict[str, dict[str, str]] = defaultdict(dict)
        for n, g in grades.items():
            for v in keys[n]["versions"]:
                per[v][g["grade"]] += 1
                by_id[keys[n]["id"]][v] = g["grade"]
        print(f"\n### {lang}: {len(by_id)} utterances, {len(grades)} messages read\n")
        print("| code | A (send as-is) | B (small fix) | C (wrong) |\n|---|---|---|---|")
        for v in ("old", "new"):
            c = per[v]
            m = sum(c.values()) or 1
            print(f"| {names[v]} | {c['A']} ({c['A'] / m:.0%}) | {c['B']} ({c['B'] / m:.0%}) | "
                  f"{c['C']} ({c['C'] / m:.0%}) |")
        rank = {"A": 0, "B": 1, "C": 2}
        better = sum(1 for g in by_id.values() if len(g) == 2 and rank[g["new"]] < rank[g["old"]])
        worse = sum(1 for g in by_id.values() if len(g) == 2 and rank[g["new"]] > rank[g["old"]])
        print(f"\nPer utterance: new better on {better}, worse on {worse}, the same on {len(by_id) - better - worse}.")
        print(f"\nEvery C of the new code ({lang}):\n")
        for n, g in sorted(grades.items()):
            if g["grade"] != "C" or "new" not in keys[n]["versions"]:
                continue
            it = items[n]
            to = f" (to {it['to']})" if it.get("to") else ""
            print(f"- #{n} [{it['style']}, {it['politeness']}]{to} said: {it['said']}  \n"
                  f"  wrote: {it['message'].replace(chr(10), ' / ')}  \n  reader: {g.get('why', '')}")


def main() -> int:
    if len(sys.argv) >= 5 and sys.argv[1] == "merge":
        merge(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return 0
    if len(sys.argv) >= 5 and sys.argv[1] == "report":
        report(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
