#!/usr/bin/env python3
"""Choose the safety net's thresholds on out-of-fold predictions over its training data (never on
a held-out set): for each candidate HIGH ("the net alone raises a crisis") and LOW ("ask: are you
safe?"), the share of emergencies the rules + net catch and the share of near-misses they alarm.

    .venv/bin/python scripts/safety_thresholds.py

The net is trained as ``voice_helper.nlu.classifier.train`` trains it (same features, TF-IDF,
logistic regression and temperature), five times, each time without one fifth of the lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from voice_helper.nlu import classifier, langdata, safety  # noqa: E402


def oof(lang: str) -> tuple[list[dict], np.ndarray]:
    rows = langdata.load_safety_train(lang)
    texts, labels = classifier.training_set(lang, "safety")
    n_safety = len(rows)  # the safety lines come first; the rest are ordinary requests ("ok")
    y = np.array(labels)
    hyper = classifier.HYPER_SAFETY.get(lang, classifier.HYPER_SAFETY["en"])
    z = np.zeros(len(texts))
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
    for tr, te in skf.split(texts, y):
        vec = TfidfVectorizer(analyzer=lambda t: classifier.features(t, lang, lang == "ja"), sublinear_tf=True,
                              min_df=hyper["min_df"], dtype=np.float64)
        X = vec.fit_transform([texts[i] for i in tr])
        clf = LogisticRegression(C=hyper["C"], max_iter=5000, tol=classifier.SAFETY_TOL).fit(X, y[tr])
        sign = 1.0 if list(clf.classes_).index("crisis") == 1 else -1.0
        z[te] = sign * clf.decision_function(vec.transform([texts[i] for i in te]))
    # the temperature the real model would fit on these logits
    yy = (y == "crisis").astype(float)
    best_t, best = 1.0, float("inf")
    for t in np.arange(0.3, 4.01, 0.05):
        p = 1 / (1 + np.exp(-z / t))
        nll = -np.mean(yy * np.log(p + 1e-12) + (1 - yy) * np.log(1 - p + 1e-12))
        if nll < best:
            best_t, best = t, nll
    p = 1 / (1 + np.exp(-z / best_t))
    return rows, p


def main() -> int:
    for lang in ("en", "ja"):
        rows, p_all = oof(lang)
        p, p_ordinary = p_all[:len(rows)], p_all[len(rows):]
        hits = [safety.check(r["text"], lang) for r in rows]
        then = [safety.said_about_then(r["text"], lang) for r in rows]
        crisis = np.array([bool(r["crisis"]) for r in rows])
        print(f"\n{lang}: {crisis.sum()} emergencies, {(~crisis).sum()} near-misses (out-of-fold)")
        print(f"{'HIGH':>5} {'LOW':>5} {'recall':>7} {'+asks':>6} {'FA':>6} {'FA+asks':>8} {'net-alone FA':>13} "
              f"{'on ordinary requests':>21}")
        for high in (0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.01):
            for low in (0.5, 0.6, 0.7):
                if low >= high:
                    continue
                raised, asked, net_fa = [], [], 0
                for i, r in enumerate(rows):
                    h = hits[i]
                    net = "crisis" if p[i] >= high else ("check" if p[i] >= low else "")
                    c = (h is not None and h.sure) or (net == "crisis" and (h is None or not h.sure) and not then[i])
                    a = not c and (h is not None or net in ("check", "crisis"))
                    raised.append(c)
                    asked.append(a)
                    net_fa += (not r["crisis"]) and c and (h is None)
                raised_a, asked_a = np.array(raised), np.array(asked)
                rec = raised_a[crisis].mean()
                rec_a = (raised_a | asked_a)[crisis].mean()
                fa = raised_a[~crisis].mean()
                fa_a = (raised_a | asked_a)[~crisis].mean()
                ordinary = (p_ordinary >= high).mean()  # the intent examples and ordinary help requests
                print(f"{high:5.2f} {low:5.2f} {rec:7.3f} {rec_a:6.3f} {fa:6.3f} {fa_a:8.3f} {net_fa / (~crisis).sum():13.3f} "
                      f"{ordinary:21.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
