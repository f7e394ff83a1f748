"""Transcribing files for ``voice-helper transcribe``: text, words, engine, real-time factor."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .audio import FileSource
from .endpoint import EndpointConfig, Endpointer, turns
from .recognizers import Recognizer, open_recognizer


def transcribe_path(path: str | Path, engine: str = "auto", lang: str = "en", model: str | None = None,
                    settings: Any = None, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    """One file -> a JSON-ready dict. ``cache`` keeps the recognizer between files (load once)."""
    source = FileSource(path)  # a bad file fails before a model loads
    try:
        key = f"{engine}|{lang}|{model}"
        rec: Recognizer | None = cache.get(key) if cache is not None else None
        if rec is None:
            rec = open_recognizer(lang, engine, None, model, settings)
            if cache is not None:
                cache[key] = rec
        else:
            rec.reset()
        t0 = time.perf_counter()
        finals = list(turns(source, rec, Endpointer(EndpointConfig.from_settings(settings))))
        elapsed = time.perf_counter() - t0
    finally:
        source.close()
    words = [w for f in finals for w in f.words]
    confs = [w.conf for w in words] or [f.confidence for f in finals]
    return {
        "file": str(path),
        "text": " ".join(f.text for f in finals),
        "utterances": [f.to_dict() for f in finals],
        "words": [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3), "conf": round(w.conf, 3)}
                  for w in words],
        "confidence": round(sum(confs) / len(confs), 3) if confs else 0.0,
        "engine": rec.engine,
        "duration_s": round(source.duration_s, 3),
        "processing_s": round(elapsed, 3),
        "rtf": round(elapsed / source.duration_s, 3) if source.duration_s else 0.0,
        "heard_speech": bool(finals),
    }


def _norm_words(text: str) -> list[str]:
    import re

    return re.sub(r"[^\w' ]", " ", text.lower()).split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words: the standard STT yardstick."""
    ref, hyp = _norm_words(reference), _norm_words(hypothesis)
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / max(1, len(ref))
