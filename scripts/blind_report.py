#!/usr/bin/env python3
"""Summarise a blind reading (eval/blind*/grades_<lang>.jsonl): A/B/C per language, style and
politeness, and every C with what was said and what the app wrote. Prints Markdown.

    .venv/bin/python scripts/blind_report.py eval/blind   >> docs/quality.md
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/blind")
    for lang in ("en", "ja"):
        grades_path = folder / f"grades_{lang}.jsonl"
        if not grades_path.exists():
            continue
        items = {json.loads(x)["n"]: json.loads(x) for x in (folder / f"to_grade_{lang}.jsonl").read_text(
            encoding="utf-8").splitlines() if x.strip()}
        grades = [json.loads(x) for x in grades_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        total = Counter(g["grade"] for g in grades)
        n = len(grades)
        print(f"\n### {lang}: {n} messages — A {total['A']} ({total['A'] / n:.0%}), "
              f"B {total['B']} ({total['B'] / n:.0%}), C {total['C']} ({total['C'] / n:.0%})\n")
        by: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for g in grades:
            it = items[g["n"]]
            by[("style", it["style"])][g["grade"]] += 1
            by[("politeness", it["politeness"])][g["grade"]] += 1
        print("| group | n | A | B | C |\n|---|---|---|---|---|")
        for (kind, value), c in sorted(by.items()):
            m = sum(c.values())
            print(f"| {kind} {value} | {m} | {c['A']} | {c['B']} | {c['C']} |")
        print(f"\nEvery C ({lang}):\n")
        for g in grades:
            if g["grade"] != "C":
                continue
            it = items[g["n"]]
            to = f" (to {it['to']})" if it.get("to") else ""
            msg = it["message"].replace("\n", " / ")
            print(f"- #{g['n']} [{it['style']}, {it['politeness']}]{to} said: {it['said']}  \n"
                  f"  wrote: {msg}  \n  reader: {g.get('why', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
