"""The small intent classifier: TF-IDF over character (and, for English, word) n-grams plus
logistic regression, trained from the data files, temperature-calibrated, cached on disk.

Why this shape: character n-grams need no Japanese tokenizer and shrug off recognizer
misspellings; the model trains in about a second. Why export plain arrays instead of pickling
scikit-learn objects: loading then needs only numpy (no scikit-learn import, well under the
0.5 s budget) and a cache written by another scikit-learn version can never be half-compatible.
The cache key is a hash of the training files, the feature code version and the scikit-learn
version; any mismatch (or a corrupt file) retrains and rewrites it atomically, owner-only.
"""

from __future__ import annotations

import math
import os
import pickle
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
import importlib.util
from pathlib import Path

from ..config import ensure_private_dir, get_paths
from . import langdata
from .normalize import normalize

FEATURE_VERSION = "7"
#: Per-language settings, chosen by 5-fold cross-validation on the TRAINING files only.
HYPER = {"en": {"min_df": 2, "C": 10.0}, "ja": {"min_df": 1, "C": 30.0}}


def features(text: str, lang: str) -> list[str]:
    """The n-grams of one canonical line (the analyzer used in training AND inference)."""
    out: list[str] = []
    if lang == "ja":
        s = f"^{text.replace(' ', '')}$"
        for n in (1, 2, 3):
            out.extend(s[i:i + n] for i in range(len(s) - n + 1))
        return out
    words = text.split()
    for w in words:
        s = f" {w} "
        for n in (2, 3, 4):
            if len(s) >= n:
                out.extend(s[i:i + n] for i in range(len(s) - n + 1))
    out.extend(f"w:{w}" for w in words)
    out.extend(f"b:{a} {b}" for a, b in zip(words, words[1:]))
    return out


@dataclass
class Model:
    """Plain-Python weights: inference needs neither scikit-learn nor numpy (fast start-up)."""

    lang: str
    classes: list[str]
    weights: dict[str, tuple[float, tuple[float, ...]]]  # feature -> (idf, idf * weight per class)
    intercept: tuple[float, ...]
    temperature: float
    key: str

    def logits(self, canonical: str) -> list[float]:
        """intercept + (sum of tfidf_f * w_f) / ||tfidf||; the sums run in C via zip(*vectors)."""
        weights = self.weights
        counts = Counter(f for f in features(canonical, self.lang) if f in weights)
        if not counts:
            return list(self.intercept)
        log = math.log
        vecs: list[tuple[float, ...]] = []
        sq = 0.0
        for f, c in counts.items():
            idf, w = weights[f]  # w already multiplied by idf
            if c == 1:
                sq += idf * idf
                vecs.append(w)
            else:
                t = 1.0 + log(c)
                sq += (t * idf) ** 2
                vecs.append(tuple(x * t for x in w))
        norm = math.sqrt(sq) or 1.0
        return [b + s / norm for b, s in zip(self.intercept, map(sum, zip(*vecs)))]

    def proba(self, canonical: str) -> dict[str, float]:
        z = [v / self.temperature for v in self.logits(canonical)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {c: v / s for c, v in zip(self.classes, e)}


def training_set(lang: str) -> tuple[list[str], list[str]]:
    data = langdata.load(lang)
    texts: list[str] = []
    labels: list[str] = []
    for intent, spec in data["intents"].items():
        for ex in spec.get("examples") or []:
            texts.append(normalize(str(ex), lang))
            labels.append(intent)
    return texts, labels


def _sklearn_version() -> str:
    """scikit-learn's version without importing it (or importlib.metadata's heavy deps)."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.origin:
        return "none"
    site = Path(spec.origin).parent.parent
    found = sorted(site.glob("scikit_learn-*.dist-info"))
    return found[-1].name if found else str(Path(spec.origin).stat().st_mtime)


def cache_key(lang: str) -> str:
    skl = _sklearn_version()
    return langdata.data_hash(f"{lang}|{FEATURE_VERSION}|{skl}|{sys.version_info[:2]}")


def train(lang: str, key: str | None = None) -> Model:
    """Fit TF-IDF + logistic regression and a temperature from out-of-fold predictions."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    texts, labels = training_set(lang)
    y = np.array(labels)

    def fit(tx: list[str], ty: "np.ndarray") -> tuple[TfidfVectorizer, LogisticRegression]:
        hyper = HYPER.get(lang, HYPER["en"])
        vec = TfidfVectorizer(analyzer=lambda t: features(t, lang), sublinear_tf=True,
                              min_df=hyper["min_df"], dtype=np.float64)
        X = vec.fit_transform(tx)
        clf = LogisticRegression(C=hyper["C"], max_iter=2000, tol=1e-3)
        with threadpool_limits(1):  # BLAS threads only contend on a 2-core machine
            clf.fit(X, ty)
        return vec, clf

    # temperature: out-of-fold logits, grid search on negative log likelihood
    oof_logits: list[np.ndarray] = []
    oof_y: list[int] = []
    classes = sorted(set(labels))
    skf = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    for tr, te in skf.split(texts, y):
        vec, clf = fit([texts[i] for i in tr], y[tr])
        z = clf.decision_function(vec.transform([texts[i] for i in te]))
        order = [list(clf.classes_).index(c) for c in classes]
        oof_logits.append(z[:, order])
        oof_y.extend(classes.index(v) for v in y[te])
    Z = np.vstack(oof_logits)
    Y = np.array(oof_y)
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.3, 4.01, 0.05):
        s = Z / t
        s = s - s.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        nll = -float(logp[np.arange(len(Y)), Y].mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll

    vec, clf = fit(texts, y)
    order = [list(clf.classes_).index(c) for c in classes]
    coef = clf.coef_[order]
    weights = {f: (float(vec.idf_[i]), tuple(float(x) * float(vec.idf_[i]) for x in coef[:, i]))
               for f, i in vec.vocabulary_.items()}
    return Model(lang=lang, classes=classes, weights=weights,
                 intercept=tuple(float(x) for x in clf.intercept_[order]), temperature=best_t,
                 key=key or cache_key(lang))


def cache_file(lang: str, cache_dir: Path | None = None) -> Path:
    base = cache_dir if cache_dir is not None else get_paths().cache_dir
    return base / "nlu" / f"intent-{lang}.pickle"


def load_model(lang: str, cache_dir: Path | None = None) -> Model:
    """The cached model when its key matches the data; otherwise train and cache a new one."""
    key = cache_key(lang)
    path = cache_file(lang, cache_dir)
    try:
        with open(path, "rb") as fh:
            model = pickle.load(fh)
        if isinstance(model, Model) and model.key == key:
            return model
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, ImportError):
        pass
    model = train(lang, key)
    try:
        ensure_private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".intent-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full cache only costs a retrain next time
    return model
