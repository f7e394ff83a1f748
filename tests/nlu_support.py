"""Shared setup for the intent-engine tests: one trained model cache per test process.

Why not a conftest fixture: conftest.py belongs to the foundation; a process-wide temp cache
lets every NLU test module reuse one training run (seconds) instead of retraining per module.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml

from voice_helper.config import Settings
from voice_helper.nlu import IntentEngine, langdata

_CACHE: Path | None = None


def shared_cache_dir() -> Path:
    global _CACHE
    if _CACHE is None:
        _CACHE = Path(tempfile.mkdtemp(prefix="vh-nlu-test-cache-"))
    return _CACHE


def make_engine(settings: Settings | None = None) -> IntentEngine:
    return IntentEngine(settings or Settings(), cache_dir=shared_cache_dir())


def held_out(lang: str) -> dict:
    with open(langdata.data_dir() / f"{lang}_test.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def spaced(text: str) -> str:
    """A Vosk-like rendering of plain Japanese: words separated by spaces."""
    return " ".join(re.findall(r"[一-龥々]+|[ぁ-ん]+|[ァ-ヶー]+|[A-Za-z0-9]+|\S", text))
