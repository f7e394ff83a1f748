"""The small intent classifier: TF-IDF over character (and, for English, word) n-grams plus
logistic regression, trained from the data files, temperature-calibrated, cached on disk.

Why this shape: character n-grams need no Japanese tokenizer and shrug off recognizer
misspellings; the model trains in about a second. Why export plain arrays instead of pickling
scikit-learn objects: loading then needs only numpy (no scikit-learn import, well under the
0.5 s budget) and a cache written by another scikit-learn version can never be half-compatible.
The cache key is a hash of the training files, the feature code version and the scikit-learn
version; any mismatch (or a corrupt file) retrains and rewrites it atomically, owner-only.

Why the cache is data only (a JSON header line and little-endian float64 arrays), never a
pickle: loading a pickle runs code, and a cache planted by another local user ran as the person.
The cache is also read only when it is the person's own file and nobody else can write it.
"""

from __future__ import annotations

from collections.abc import Callable

import importlib.util
import json
import math
import os
import sys
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..config import check_private_file, ensure_private_dir, get_paths
from . import langdata
from .normalize import normalize

FEATURE_VERSION = "9"
#: Per-language settings, chosen by 5-fold cross-validation on the TRAINING files only.
HYPER = {"en": {"min_df": 2, "C": 10.0}, "ja": {"min_df": 1, "C": 30.0}}
#: The safety net (emergency or not), trained on the independent safety_train_<lang>.jsonl.
HYPER_SAFETY = {"en": {"min_df": 1, "C": 10.0}, "ja": {"min_df": 1, "C": 10.0}}
#: The safety models are fitted to convergence: at lbfgs's loose tolerance (1e-3) the net
#: stopped early on a bigger training set and ranked held-out emergencies worse than a smaller
#: set did (ja, other writers' lines: recall at 1 % false alarms 0.67 vs 0.94 converged).
SAFETY_TOL = 1e-5
#: "route": whom an emergency found only by the net should call first (emergency number,
#: police, crisis line), learned from the kinds of the same training lines.
#: "punct": where a sentence ends in unpunctuated English speech (``text.punctuate``), learned from
#: the gaps of the same typed lines; its features are given ready-made, one gap per line.
#: "comma": where a comma goes inside those sentences, learned from the same gaps.
KINDS = ("intent", "safety", "route", "punct", "comma")
PUNCT_KINDS = ("punct", "comma")  # features given ready-made, one gap per line
SAFETY_KINDS = ("safety", "route")  # trained on the safety lines, fitted to convergence (so is "punct")
HYPER_PUNCT = {"min_df": 2, "C": 10.0}  # a gap feature seen once teaches nothing (and triples the model)


def features(text: str, lang: str, words: bool = False) -> list[str]:
    """The n-grams of one canonical line (the analyzer used in training AND inference).

    ``words``: Japanese also gets its morphemes' normalised forms and their pairs, so 起きれない
    and 起き上がれません share 起きる (the safety models: other writers' wording, measured on a
    spent held-out set: recall at 1 % false alarms 0.90 → 0.92)."""
    out: list[str] = []
    if lang == "ja":
        joined = text.replace(" ", "")
        s = f"^{joined}$"
        for n in (1, 2, 3):
            out.extend(s[i:i + n] for i in range(len(s) - n + 1))
        if words and joined:
            from ..text import ja as jt

            norms = [m.norm for m in jt.analyse(joined)]
            out.extend(f"w:{w}" for w in norms)
            out.extend(f"b:{a} {b}" for a, b in zip(norms, norms[1:]))
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
    words: bool = False  # Japanese morpheme features too (see ``features``)
    given: bool = False  # the line already is its features, space-separated (the "punct" model)

    def featurise(self, canonical: str) -> list[str]:
        return canonical.split() if self.given else features(canonical, self.lang, self.words)

    def logits(self, canonical: str) -> list[float]:
        """intercept + (sum of tfidf_f * w_f) / ||tfidf||; the sums run in C via zip(*vectors)."""
        weights = self.weights
        counts = Counter(f for f in self.featurise(canonical) if f in weights)
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


def route_label(row: dict) -> str:
    """Whom to call first for one training emergency: police, lifeline or emergency."""
    if row.get("first_call") in ("police", "lifeline", "emergency"):
        return str(row["first_call"])
    return {"violence": "police", "suicidal": "lifeline"}.get(str(row.get("kind")), "emergency")


def training_set(lang: str, kind: str = "intent") -> tuple[list[str], list[str]]:
    if kind in PUNCT_KINDS:
        from ..text.punctuate import training_gaps

        return training_gaps(lang, commas=kind == "comma")
    if kind == "route":
        from .safety import without_idioms

        rows = [r for r in langdata.load_safety_train(lang) if r.get("crisis") and r.get("kind")]
        return ([normalize(without_idioms(str(r["text"]), lang), lang) for r in rows],
                [route_label(r) for r in rows])
    if kind == "safety":
        from .safety import without_idioms

        texts, labels = [], []
        for row in langdata.load_safety_train(lang):
            texts.append(normalize(without_idioms(str(row["text"]), lang), lang))
            labels.append("crisis" if row["crisis"] else "ok")
        # Ordinary requests of every kind teach the net what is NOT an emergency.
        for intent, spec in langdata.load(lang)["intents"].items():
            if intent != "emergency":
                for ex in spec.get("examples") or []:
                    texts.append(normalize(without_idioms(str(ex), lang), lang))
                    labels.append("ok")
        for text in langdata.safety_ordinary(lang):
            texts.append(normalize(without_idioms(text, lang), lang))
            labels.append("ok")
        return texts, labels
    data = langdata.load(lang)
    texts: list[str] = []
    labels: list[str] = []
    for intent, spec in data["intents"].items():
        for ex in spec.get("examples") or []:
            texts.append(normalize(str(ex), lang))
            labels.append(intent)
    for text, intent in langdata.extra_examples(lang):
        if intent in data["intents"]:
            texts.append(normalize(text, lang))
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


def cache_key(lang: str, kind: str = "intent") -> str:
    skl = _sklearn_version()
    extra = f"{lang}|{kind}|{FEATURE_VERSION}|{skl}|{sys.version_info[:2]}"
    if kind in PUNCT_KINDS:  # the gaps come through the editor's cleaning, so its lexicon is data too
        from importlib import resources

        for name in (f"{lang}.yaml", f"sentences_{lang}.txt"):
            path = resources.files("voice_helper.text").joinpath("data", name)
            extra += path.read_text(encoding="utf-8") if path.is_file() else ""
        extra += "|punct-features-2"  # gap_features gained the shapes of words (numbers, names)
        # the training gaps pass through the rules of where a sentence may end: they are code, and data
        extra += resources.files("voice_helper.text").joinpath("punctuate.py").read_text(encoding="utf-8")
        extra += resources.files("voice_helper.text").joinpath("en.py").read_text(encoding="utf-8")  # the tokens
    return langdata.data_hash(extra, safety=kind in SAFETY_KINDS or kind in PUNCT_KINDS)


def train(lang: str, key: str | None = None, kind: str = "intent") -> Model:
    """Fit TF-IDF + logistic regression and a temperature from out-of-fold predictions."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    texts, labels = training_set(lang, kind)
    y = np.array(labels)
    safety_kind = kind in SAFETY_KINDS
    words = safety_kind and lang == "ja"
    given = kind in PUNCT_KINDS
    # each line's features once, not once per fit (four fits; Sudachi is the slow part)
    grams = {t: t.split() if given else features(t, lang, words) for t in set(texts)}

    def fit(tx: list[str], ty: "np.ndarray") -> tuple[TfidfVectorizer, LogisticRegression]:
        table = HYPER_SAFETY if safety_kind else HYPER
        hyper = HYPER_PUNCT if given else table.get(lang, table["en"])
        # punct: presence only (no idf: a rare word pair must not outweigh the words either side)
        vec = TfidfVectorizer(analyzer=grams.__getitem__, sublinear_tf=True, use_idf=not given, binary=given,
                              min_df=hyper["min_df"], dtype=np.float64)
        X = vec.fit_transform(tx)
        if given:  # punct: binary, liblinear fits it to convergence in under a second (lbfgs: 17 s)
            clf = LogisticRegression(C=hyper["C"], solver="liblinear", tol=1e-6, max_iter=5000)
        else:
            clf = LogisticRegression(C=hyper["C"], max_iter=5000 if safety_kind else 2000,
                                     tol=SAFETY_TOL if safety_kind else 1e-3)
        with threadpool_limits(1):  # BLAS threads only contend on a 2-core machine
            clf.fit(X, ty)
        return vec, clf

    # temperature: out-of-fold logits, grid search on negative log likelihood
    oof_logits: list[np.ndarray] = []
    oof_y: list[int] = []
    classes = sorted(set(labels))
    skf = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    for tr, te in ([] if given else skf.split(texts, y)):  # punct: only a threshold, no temperature
        vec, clf = fit([texts[i] for i in tr], y[tr])
        z = clf.decision_function(vec.transform([texts[i] for i in te]))
        if z.ndim == 1:  # binary: the logit of classes_[1]
            z = np.column_stack([-z / 2, z / 2])
        order = [list(clf.classes_).index(c) for c in classes]
        oof_logits.append(z[:, order])
        oof_y.extend(classes.index(v) for v in y[te])
    best_t, best_nll = 1.0, float("inf")
    Z = np.vstack(oof_logits) if oof_logits else np.zeros((0, len(classes)))
    Y = np.array(oof_y, dtype=int)
    for t in np.arange(0.3, 4.01, 0.05) if oof_logits else []:
        s = Z / t
        s = s - s.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        nll = -float(logp[np.arange(len(Y)), Y].mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll

    vec, clf = fit(texts, y)
    order = [list(clf.classes_).index(c) for c in classes]
    coef = clf.coef_[order] if clf.coef_.shape[0] == len(classes) else \
        np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])  # binary: one row, made symmetric
    if clf.coef_.shape[0] != len(classes):
        intercept = np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    else:
        intercept = clf.intercept_[order]
    idf = vec.idf_ if vec.use_idf else np.ones(len(vec.vocabulary_))
    weights = {f: (float(idf[i]), tuple(float(x) * float(idf[i]) for x in coef[:, i]))
               for f, i in vec.vocabulary_.items()}
    return Model(lang=lang, classes=classes, weights=weights,
                 intercept=tuple(float(x) for x in intercept), temperature=best_t,
                 key=key or cache_key(lang, kind), words=words, given=given)


CACHE_MAGIC = b"voice-helper intent model 1\n"
MAX_CACHE_BYTES = 256 << 20


#: A folder for the trained models other than the app's cache folder: the test suite shares one
#: among its many short-lived homes, so each model is trained once per run, not once per command.
MODEL_CACHE_ENV = "VOICE_HELPER_MODEL_CACHE"


def cache_file(lang: str, cache_dir: Path | None = None, kind: str = "intent") -> Path:
    shared = os.environ.get(MODEL_CACHE_ENV)
    base = cache_dir if cache_dir is not None else Path(shared) if shared else get_paths().cache_dir
    return base / "nlu" / f"{kind}-{lang}.model"


def dump_model(model: Model) -> bytes:
    """The cache bytes: magic, one JSON header line, then idf, weights and intercept as float64."""
    features = list(model.weights)
    k = len(model.classes)
    idf = array("d", (model.weights[f][0] for f in features))
    weights = array("d")
    for f in features:
        weights.extend(model.weights[f][1])
    numbers = array("d", [*idf, *weights, *model.intercept])
    if sys.byteorder == "big":
        numbers.byteswap()
    header = {"lang": model.lang, "classes": model.classes, "features": features,
              "temperature": model.temperature, "key": model.key, "k": k, "words": model.words,
              "given": model.given}
    return CACHE_MAGIC + json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" \
        + numbers.tobytes()


def parse_model(data: bytes) -> Model:
    """A Model from cache bytes; ValueError for anything that is not exactly that shape."""
    if not data.startswith(CACHE_MAGIC):
        raise ValueError("not a voice-helper model cache")
    head, sep, blob = data[len(CACHE_MAGIC):].partition(b"\n")
    if not sep:
        raise ValueError("no header")
    h = json.loads(head.decode("utf-8"))
    classes, features = h["classes"], h["features"]
    if not (isinstance(classes, list) and all(isinstance(c, str) for c in classes)
            and isinstance(features, list) and all(isinstance(f, str) for f in features)
            and isinstance(h["lang"], str) and isinstance(h["key"], str)
            and isinstance(h["temperature"], (int, float)) and h["temperature"] > 0):
        raise ValueError("bad header")
    k, n = len(classes), len(features)
    if k < 1 or h.get("k") != k or len(blob) != 8 * (n + n * k + k):
        raise ValueError("bad sizes")
    numbers = array("d")
    numbers.frombytes(blob)
    if sys.byteorder == "big":
        numbers.byteswap()
    idf, weights = numbers[:n], numbers[n:n + n * k]
    weights_by_feature = {f: (idf[i], tuple(weights[i * k:(i + 1) * k])) for i, f in enumerate(features)}
    return Model(lang=h["lang"], classes=list(classes), weights=weights_by_feature,
                 intercept=tuple(numbers[n + n * k:]), temperature=float(h["temperature"]), key=h["key"],
                 words=h.get("words") is True, given=h.get("given") is True)


def _read_cache(path: Path) -> bytes | None:
    """The cache file's bytes, only when it is the person's own regular file that nobody else
    can change; None otherwise (the model is then retrained)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = check_private_file(fd, path, "model cache")
        if st.st_size > MAX_CACHE_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(MAX_CACHE_BYTES + 1)
    except OSError:  # includes UnsafePathError: another user's file, or writable by others
        return None
    finally:
        os.close(fd)


#: Called once before the first model of a process is trained (the CLI tells a person at a
#: terminal why the first message takes half a minute); None: nothing is said.
on_first_training: Callable[[], None] | None = None
_trained_once = False


def load_model(lang: str, cache_dir: Path | None = None, kind: str = "intent") -> Model:
    """The cached model when its key matches the data; otherwise train and cache a new one."""
    key = cache_key(lang, kind)
    path = cache_file(lang, cache_dir, kind)
    data = _read_cache(path)
    if data is not None:
        try:
            model = parse_model(data)
            if model.key == key and model.lang == lang:
                return model
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            pass
    global _trained_once
    if not _trained_once and on_first_training is not None:
        _trained_once = True
        on_first_training()
    model = train(lang, key, kind)
    try:
        ensure_private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".intent-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(dump_model(model))
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        path.with_name(f"intent-{lang}.pickle").unlink(missing_ok=True)  # the old, unsafe format
    except OSError:
        pass  # a read-only, full or foreign cache only costs a retrain next time
    return model
