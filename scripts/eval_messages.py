#!/usr/bin/env python3
"""Score the messages the composer writes: keep rate, recipient, debris — per language and style.

    .venv/bin/python scripts/eval_messages.py [FILE.jsonl ...] [--show] [--style S]

With no FILE: the public dev set (../shared/eval/messages_dev.jsonl) and every eval/messages_*.jsonl.
Each line is {"lang", "text", "to"?, "must_keep": [...], "recipient_ok": [...]}.

- keep: the share of an utterance's must_keep expressions found in its message (case-insensitive;
  Japanese compared without spaces), and the share of messages that keep all of them.
- recipient: where the person named a helper, the message addresses them (slots.recipient);
  where nobody was named, nobody is addressed (a customer or a landlord is never the helper).
- debris: broken constructions a reader notices at once (doubled words or particles, "by on",
  empty placeholders, stray punctuation).

Targets (issue 10): keep >= 0.95 mean and >= 0.90 all kept, recipient >= 0.95, no debris.
Held-out files (eval/*heldout*) are scored only: they are never read to tune the composer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_helper.compose import STYLES, compose_text  # noqa: E402
from voice_helper.config import Settings  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 30)
DEBRIS = {
    "en": [r"\b(\w+) \1\b(?<!\bthat that)(?<!\bhad had)", r"\bby (?:on|at|in|by)\b", r" [,.?!]", r"[.?!,]{2,}",
           r"\bNone\b", r"[{}]", r"  ", r"\b(?:a|an|the) (?:a|an|the)\b", r"\bto to\b", r"\bhelp with (?:press|be)\b",
           r"^[,.]", r"\b(?:could|can) you (?:could|can)\b", r"\?\s*[a-z]", r"\bthe my\b", r"\bmy my\b"],
    "ja": [r"(?:にを|をを|がが|はは|をが|にに|をに|がを|でを|のの|てて(?!て))", r"。。|、、|、。|。、", r"^[をにがは、。]",
           r"None", r"[{}]", r"かか(?=[。？])|でですか|ますます|ですです", r"(?<![いしたきけせてねめれえ])ません(?:です)",
           r"[a-zA-Z]{2,}さん、", r"(?<![0-9])\s[ぁ-んァ-ン一-龥]"],
}


def load(paths: list[Path]) -> list[dict]:
    rows = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                d["_file"] = p.name
                rows.append(d)
    return rows


def norm(text: str, lang: str) -> str:
    text = text.casefold()
    return re.sub(r"\s+", "", text) if lang == "ja" else re.sub(r"\s+", " ", text)


def kept(row: dict, message: str) -> list[str]:
    lang = row["lang"]
    msg = norm(message, lang)
    return [k for k in row["must_keep"] if norm(k, lang) in msg]


def recipient_ok(row: dict, recipient: str | None) -> bool:
    ok = row.get("recipient_ok") or []
    rec = (recipient or "").casefold().replace(" ", "")
    if ok:
        return any(o.casefold().replace(" ", "") in rec or rec and rec in o.casefold().replace(" ", "") for o in ok)
    return not rec


def debris(message: str, lang: str) -> list[str]:
    flat = message.replace("\n", "" if lang == "ja" else " ")
    return [p for p in DEBRIS[lang] if re.search(p, flat if lang == "en" else flat.replace(" ", "") if "\\s" not in p else flat)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--style", action="append", choices=STYLES)
    ap.add_argument("--show", action="store_true", help="print every message that loses words or has debris")
    ap.add_argument("--all", action="store_true", help="with --show, print every message")
    args = ap.parse_args()
    files = args.files or [ROOT.parent / "shared" / "eval" / "messages_dev.jsonl",
                           *sorted((ROOT / "eval").glob("messages_*.jsonl"))]
    files = [f for f in files if f.exists()]
    rows = load(files)
    styles = args.style or list(STYLES)
    settings = Settings()
    stats: dict[tuple[str, str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    crisis_right = defaultdict(lambda: [0, 0])
    for row in rows:
        group = "heldout" if "heldout" in row["_file"] else ("tune" if "tune" in row["_file"] else "dev")
        for style in styles:
            req = compose_text(row["text"], lang=row["lang"], to=row.get("to"), style=style,
                               settings=settings, now=NOW)
            k = kept(row, req.message)
            rec = recipient_ok(row, req.slots.recipient)
            bad = debris(req.message, row["lang"])
            for key in ((group, row["lang"], style), ("all", row["lang"], style)):
                s = stats[key]
                s["n"] += 1
                s["keep"] += len(k) / max(1, len(row["must_keep"]))
                s["all"] += len(k) == len(row["must_keep"])
                s["rec_n"] += 1
                s["rec"] += rec
                s["debris"] += bool(bad)
            if style == styles[0]:
                c = crisis_right[(group, row["lang"])]
                c[0] += req.crisis == bool(row.get("crisis"))
                c[1] += 1
            if args.show and (args.all or len(k) < len(row["must_keep"]) or bad or not rec) \
                    and group != "heldout":
                lost = [m for m in row["must_keep"] if m not in k]
                print(f"{row['id']} [{style}] {'LOST ' + str(lost) if lost else ''}"
                      f"{' REC ' + str(req.slots.recipient) if not rec else ''}{' DEBRIS ' + str(bad) if bad else ''}")
                print(f"    said: {row['text']}" + (f"  (to {row['to']})" if row.get("to") else ""))
                print("    msg:  " + req.message.replace("\n", " / "))
    print(f"{'set':8} {'lang':4} {'style':12} {'n':>4} {'keep':>6} {'all':>6} {'recip':>6} {'debris':>6}")
    for (group, lang, style), s in sorted(stats.items()):
        n = s["n"]
        print(f"{group:8} {lang:4} {style:12} {int(n):4d} {s['keep'] / n:6.3f} {s['all'] / n:6.3f} "
              f"{s['rec'] / s['rec_n']:6.3f} {int(s['debris']):6d}")
    for (group, lang), (right, n) in sorted(crisis_right.items()):
        print(f"crisis flag right: {group} {lang} {right}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
