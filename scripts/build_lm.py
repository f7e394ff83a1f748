#!/usr/bin/env python3
"""Build the help-request language model (voice_helper/speech/domain_lm.py) and say how good it is.

The model is the domain's 1–3-grams (spoken help requests written for it, in
voice_helper/speech/data/lm_requests*_en.txt, the intent engine's examples and emergency
sentences, the phrase board, the dialog's commands, your contacts' names) linearly interpolated with
pocketsphinx's general English model; the tool is this project's own code on pocketsphinx's
``NGramModel`` (PyPI ``pocketsphinx``) plus espeak-ng for names the dictionary lacks — nothing
else to install. ``voice-helper listen`` builds it on first use (cached by content); this script
builds it on demand and prints its size and the perplexity of both models on request sentences
that are not in its training text (the dev requests of tests/speech_sets.py and
eval/stt_requests2_en.txt, and the held-out eval/stt_requests3_en.txt, all written apart from the
training text), so a change to the corpus or λ can be judged on dev and reported on held-out.

Usage: .venv/bin/python scripts/build_lm.py [--contacts John,Priya] [--lambda 0.5] [--out DIR]
(without --contacts: the contacts in your settings)
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def perplexity(lm, lmath, sentences: list[str]) -> float:  # type: ignore[no-untyped-def]
    total = 0.0
    n = 0
    for s in sentences:
        words = ["<s>"] + s.split() + ["</s>"]
        for i in range(1, len(words)):
            hist = words[max(0, i - 2):i + 1]
            total += lmath.log_to_ln(lm.prob(list(reversed(hist))))  # the word first, then its history
            n += 1
    return math.exp(-total / max(n, 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contacts", default=None, help="comma-separated names (default: from settings)")
    ap.add_argument("--lambda", dest="lam", type=float, default=None, help="weight of the domain model")
    ap.add_argument("--out", default=None, help="folder for the model (default: the cache folder)")
    args = ap.parse_args()

    from pocketsphinx import Config, LogMath, NGramModel, get_model_path

    from tests.speech_sets import REQUESTS
    from voice_helper.config import load_settings
    from voice_helper.speech import domain_lm

    contacts = [c for c in (args.contacts or "").split(",") if c] if args.contacts is not None else \
        [c.name for c in load_settings().contacts]
    t0 = time.perf_counter()
    lm = domain_lm.build_domain_lm(contacts, out_dir=Path(args.out) if args.out else None,
                                   lam=args.lam if args.lam is not None else domain_lm.LAMBDA)
    built = time.perf_counter() - t0
    print(f"model: {lm.path}")
    print(f"built (or found in the cache) in {built:.1f} s; vocabulary {lm.vocabulary}, "
          f"n-grams {lm.ngrams[0]}/{lm.ngrams[1]}/{lm.ngrams[2]}; {len(lm.words)} words given phones "
          f"by espeak-ng (e.g. {', '.join(f'{w}: {p}' for w, p in list(lm.words.items())[:3])})")
    lmath = LogMath()
    general = NGramModel(Config(), lmath, str(Path(get_model_path()) / "en-us" / "en-us.lm.bin"))
    domain = NGramModel(Config(), lmath, str(lm.path))
    def lines(name: str) -> list[str]:
        return [ln.strip() for ln in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines() if ln.strip()]

    for name, sentences in (("dev requests (tests/speech_sets.py)", REQUESTS),
                            ("dev requests (eval/stt_requests2_en.txt)", lines("stt_requests2_en.txt")),
                            ("held-out requests (eval/stt_requests3_en.txt)", lines("stt_requests3_en.txt"))):
        known = [s for s in sentences if all(m.prob([w]) > lmath.get_zero() for w in s.split()
                                             for m in (general, domain))]
        oov = sorted({w for s in sentences for w in s.split() if domain.prob([w]) <= lmath.get_zero()})
        print(f"perplexity on {len(known)} of {len(sentences)} {name} (the rest have a word outside a "
              f"model; outside the domain model: {', '.join(oov) or 'none'}): "
              f"general {perplexity(general, lmath, known):.0f}, domain {perplexity(domain, lmath, known):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
