#!/usr/bin/env python3
"""Measure the intent engine: accuracy, macro-F1, crisis recall, idiom false alarms, slot
accuracy, parse latency and load time, per language, on the held-out split (data/*_test.yaml)
and on ../shared/eval/nlu_dev.jsonl. Prints numbers; asserts nothing.

    python scripts/eval_nlu.py [--dev PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 23, 10, 0)  # a Monday morning, so "by five" is in the future


def norm_name(s: str | None) -> str:
    import re
    s = (s or "").strip().casefold()
    s = re.sub(r"^(my|our|the)\s+", "", s)
    return re.sub(r"(さん|様|さま|くん|ちゃん)$", "", s)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


CALIB: list[tuple[float, bool]] = []


def score_intents(engine, cases: list[dict]) -> tuple[float, float, list[str]]:
    gold, pred, errors = [], [], []
    for c in cases:
        r = engine.parse(c["text"], c.get("lang", "auto"), NOW)
        CALIB.append((r.confidence, r.intent.value == c["intent"]))
        ok = r.intent.value == c["intent"] or r.intent.value in (c.get("accept") or [])
        gold.append(c["intent"])
        pred.append(c["intent"] if ok else r.intent.value)
        if not ok:
            errors.append(f"    {c['intent']:>13} -> {r.intent.value:<13} {r.confidence:.2f}  {c['text']}")
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return acc, macro_f1(gold, pred), errors


def score_slots(engine, cases: list[dict]) -> dict[str, tuple[int, int]]:
    res: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in cases:
        r = engine.parse(c["text"], c.get("lang", "auto"), NOW)
        s = r.slots
        if "recipient" in c:
            res["recipient"][1] += 1
            res["recipient"][0] += norm_name(s.recipient) == norm_name(c["recipient"])
        if "has_deadline" in c:
            res["deadline present"][1] += 1
            res["deadline present"][0] += (s.deadline is not None) == bool(c["has_deadline"])
        if "duration_minutes" in c:
            res["duration"][1] += 1
            res["duration"][0] += s.duration_minutes == c["duration_minutes"]
        if "offer" in c:
            res["offer present"][1] += 1
            res["offer present"][0] += (s.offer is not None) == bool(c["offer"])
        if "asks" in c:
            res["asks count"][1] += 1
            res["asks count"][0] += len(s.asks) == c["asks"]
        if "asks_min" in c:
            res["asks >= min"][1] += 1
            res["asks >= min"][0] += len(s.asks) >= c["asks_min"]
    return {k: (v[0], v[1]) for k, v in res.items()}


def cv_accuracy(lang: str) -> float:
    """A second generalisation estimate: the classifier alone, 5-fold CV over the training file."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from voice_helper.nlu import classifier
    texts, labels = classifier.training_set(lang)
    hyper = classifier.HYPER[lang]
    pipe = make_pipeline(TfidfVectorizer(analyzer=lambda t: classifier.features(t, lang), sublinear_tf=True,
                                         min_df=hyper["min_df"]),
                         LogisticRegression(C=hyper["C"], max_iter=2000, tol=1e-3))
    return float(cross_val_score(pipe, texts, labels, cv=5).mean())


def load_held_out(lang: str) -> dict:
    import yaml
    from voice_helper.nlu import langdata
    with open(langdata.data_dir() / f"{lang}_test.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def spaced(text: str) -> str:
    """Vosk-like form of plain Japanese: a space between every character run change."""
    import re
    return " ".join(re.findall(r"[一-龥々]+|[ぁ-ん]+|[ァ-ヶー]+|[A-Za-z0-9]+|\S", text))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "nlu_dev.jsonl"))
    ap.add_argument("--runs", type=int, default=5, help="latency passes over all sentences")
    args = ap.parse_args()

    cache = Path(tempfile.mkdtemp(prefix="vh-nlu-eval-"))
    os.environ["VOICE_HELPER_HOME"] = str(cache)

    # load times: cold (train + write cache) and cached, each in a fresh process
    probe = ("import time; t=time.perf_counter(); from voice_helper.nlu import IntentEngine; "
             "e=IntentEngine(); e.warm(); print(time.perf_counter()-t)")
    env = {**os.environ, "VOICE_HELPER_HOME": str(cache)}
    cold = float(subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                                cwd=ROOT, check=True).stdout)
    cached = [float(subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                                   cwd=ROOT, check=True).stdout) for _ in range(3)]
    probe_import = "import time; t=time.perf_counter(); import voice_helper.nlu; print(time.perf_counter()-t)"
    imp = float(subprocess.run([sys.executable, "-c", probe_import], env=env, capture_output=True,
                               text=True, cwd=ROOT, check=True).stdout)

    from voice_helper.nlu import IntentEngine
    engine = IntentEngine()
    engine.warm()

    dev: list[dict] = []
    if Path(args.dev).exists():
        dev = [json.loads(line) for line in Path(args.dev).read_text(encoding="utf-8").splitlines() if line.strip()]

    print(f"engine load: cold (train + cache) {cold:.2f} s, cached {min(cached):.3f} s "
          f"(median {statistics.median(cached):.3f} s, incl. interpreter-side import of voice_helper.nlu "
          f"{imp:.3f} s); both languages")
    all_texts: list[tuple[str, str]] = []
    for lang in ("en", "ja"):
        held = load_held_out(lang)
        cases = [{"text": t, "intent": intent, "lang": lang}
                 for intent, texts in held["intents"].items() for t in texts]
        print(f"\n== {lang} ==")
        print(f"training data, 5-fold cross-validated intent accuracy (classifier alone): {cv_accuracy(lang):.3f}")
        CALIB.clear()
        acc, f1, errors = score_intents(engine, cases)
        print(f"held-out ({len(cases)} sentences): intent accuracy {acc:.3f}, macro-F1 {f1:.3f}")
        n_other = sum(1 for c in cases if engine.parse(c["text"], lang, NOW).intent.value == "other"
                      and c["intent"] != "other")
        bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
        for conf, ok in CALIB:
            bins[min(int(conf * 10), 9)].append((conf, ok))
        ece = sum(abs(sum(c for c, _ in b) / len(b) - sum(o for _, o in b) / len(b)) * len(b)
                  for b in bins.values()) / len(CALIB)
        print(f"calibration: expected calibration error {ece:.3f} (10 bins); "
              f"{n_other} held-out requests answered 'other' (the engine asked instead of guessing)")
        if lang == "ja":
            sp = [dict(c, text=spaced(c["text"])) for c in cases]
            acc2, f12, _ = score_intents(engine, sp)
            print(f"held-out, every sentence re-spaced Vosk-style: accuracy {acc2:.3f}, macro-F1 {f12:.3f}")
        for e in errors:
            print(e)
        dcases = [c for c in dev if c["lang"] == lang]
        if dcases:
            dacc, df1, derr = score_intents(engine, dcases)
            print(f"dev ({len(dcases)} sentences): intent accuracy {dacc:.3f}, macro-F1 {df1:.3f}")
            for e in derr:
                print(e)
        crisis = list(held.get("crisis") or []) + [c["text"] for c in cases if c["intent"] == "emergency"] \
            + [c["text"] for c in dcases if c.get("crisis")]
        flagged = [t for t in crisis if engine.parse(t, lang, NOW).crisis]
        print(f"crisis recall: {len(flagged)}/{len(crisis)} = {len(flagged) / len(crisis):.3f}")
        for t in crisis:
            if t not in flagged:
                print(f"    MISSED: {t}")
        idioms = list(held.get("idioms") or [])
        non_crisis = [c["text"] for c in cases if c["intent"] != "emergency"] + \
            [c["text"] for c in dcases if not c.get("crisis")]
        alarms = [t for t in idioms if engine.parse(t, lang, NOW).crisis]
        fa_other = [t for t in non_crisis if engine.parse(t, lang, NOW).crisis]
        print(f"idiom false alarms: {len(alarms)}/{len(idioms)}; false alarms on other non-crisis "
              f"sentences: {len(fa_other)}/{len(non_crisis)}")
        for t in alarms + fa_other:
            print(f"    FALSE ALARM: {t}")
        slot_cases = [dict(c, lang=lang) for c in held.get("slots") or []] + dcases
        for name, (ok, n) in sorted(score_slots(engine, slot_cases).items()):
            print(f"slot {name}: {ok}/{n} = {ok / n:.2f}")
        all_texts += [(c["text"], lang) for c in cases]
        if lang == "ja":
            all_texts += [(spaced(c["text"]), lang) for c in cases]

    lat: list[float] = []
    cpu: list[float] = []
    for _ in range(args.runs):
        for text, _lang in all_texts:
            t = time.perf_counter()
            c = time.thread_time()
            engine.parse(text, "auto", NOW)
            cpu.append((time.thread_time() - c) * 1000)
            lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    cpu.sort()
    p50 = lat[len(lat) // 2]
    p95 = lat[int(len(lat) * 0.95)]
    print(f"\nparse latency over {len(lat)} parses (auto language): p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
          f"max {lat[-1]:.2f} ms; CPU time p50 {cpu[len(cpu) // 2]:.2f} ms, p95 {cpu[int(len(cpu) * 0.95)]:.2f} ms")
    print(f"machine load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
