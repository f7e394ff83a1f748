#!/usr/bin/env python3
"""How well unpunctuated English speech is cut into sentences: typed lines with their punctuation
stripped, scored against where the writer put . ? ! — for the editor's rules alone, the learned
model alone (``text/punctuate.py``) and both together (as the editor uses them).

    .venv/bin/python scripts/eval_punct.py [FILE.jsonl ...]

With no FILE: messages held-out set 1 and the public dev set (never trained on; the threshold and
the grammar checks were chosen on them, so report a fresh set as the held-out figure).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_helper.compose import en as editor  # noqa: E402
from voice_helper.text import en as te  # noqa: E402
from voice_helper.text import punctuate  # noqa: E402

DEFAULT = [ROOT / "eval" / "messages_heldout_en.jsonl", ROOT.parent / "shared" / "eval" / "messages_dev.jsonl"]


def _typed_lines(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        if path.suffix == ".txt":  # punctuated lines, one per line (speech punctuated by a person)
            out += [t for t in path.read_text(encoding="utf-8").splitlines() if re.search(r"[.?!]\s+\S", t)]
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            text = str(row.get("text", ""))
            if row.get("lang", "en") == "en" and row.get("style") != "recognizer" and re.search(r"[.?!]\s+\S", text):
                out.append(text)
    return out


def _commas(text: str) -> set[int]:
    """Gaps where the writer put a comma, colon or dash: an end found there is a different mark, not
    a cut in the middle of a sentence, so it is not counted against precision in "comma-neutral"."""
    out: set[int] = set()
    n, pending = 0, False
    for t in te.clean_tokens(te.tokens(text)):
        if t in (",", ":", "-", "—", ";"):
            pending = True
        elif te.is_word(t):
            if pending and n:
                out.add(n)
            n += 1
            pending = False
    return out


def _rule_ends(words: list[str]) -> set[int]:
    """Where the editor's rules start a sentence, as word indices: each sentence's first word found
    in order in the words (the editor drops a joiner before a cut, so counting words would drift)."""
    ends: set[int] = set()
    p = 0
    for sentence in editor._split(te.clean_tokens(words), punctuate.unlikely_ends(words))[1:]:
        first = next((te.low(t) for t in sentence if te.is_word(t)), None)
        start = p
        while first is not None and p < len(words) and words[p] != first:
            p += 1
        if p >= len(words):  # the editor rewrote the sentence's opening ("Could you…"): not counted
            p = start
            continue
        k = p
        while k - 1 > start and words[k - 1] in editor._d()["joiners"]:
            k -= 1  # "…but | could you": the cut was before the joiner the editor dropped
        if k > 0:
            ends.add(k)
    return ends


def _score(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"precision {p:.3f}  recall {r:.3f}  F {2 * p * r / max(1e-9, p + r):.3f}"


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or DEFAULT
    lines = _typed_lines(paths)
    counts = {"rules": [0, 0, 0], "model": [0, 0, 0], "both": [0, 0, 0], "both, comma-neutral": [0, 0, 0]}
    for text in lines:
        _, labels = punctuate.labelled_gaps(text)
        gold = {i + 1 for i, y in enumerate(labels) if y != "none"}
        words = [te.low(t) for t in te.clean_tokens(te.tokens(text)) if te.is_word(t)]
        model = set(punctuate.find_ends(words))
        rules = _rule_ends(words)
        commas = _commas(text)
        for name, found in (("rules", rules), ("model", model), ("both", rules | model),
                            ("both, comma-neutral", rules | model)):
            c = counts[name]
            c[0] += len(found & gold)
            c[1] += len(found - gold - (commas if "neutral" in name else set()))
            c[2] += len(gold - found)
    print(f"{len(lines)} typed lines, {sum(counts['rules'][0::2])} sentence ends")
    for name, c in counts.items():
        print(f"  {name:20s} {_score(*c)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
