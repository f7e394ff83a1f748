"""Loading the per-language data files (intent examples, lexicons, patterns) once per process.

Why a module: every part of the engine (normaliser, safety rules, slots, classifier) reads the
same YAML; loading and compiling it in one place keeps each part small and the files the one
source of truth. The held-out ``*_test.yaml`` files are deliberately not reachable from here.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("en", "ja")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster start-up


def data_dir() -> Path:
    return Path(str(resources.files("voice_helper.nlu").joinpath("data")))


def training_files() -> list[Path]:
    """The files the classifier is trained from (never the *_test.yaml held-out split)."""
    return [data_dir() / f"{lang}.yaml" for lang in LANGUAGES] + \
        [data_dir() / f"intent_extra_{lang}.jsonl" for lang in LANGUAGES]


@lru_cache(maxsize=None)
def extra_examples(lang: str) -> list[tuple[str, str]]:
    """More examples per intent, written apart from the rules and the eval sets (text, intent)."""
    import json

    path = data_dir() / f"intent_extra_{lang}.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(r["text"]), str(r["intent"])) for r in rows]


@lru_cache(maxsize=None)
def load(lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    with open(data_dir() / f"{lang}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


@lru_cache(maxsize=None)
def load_resources() -> dict[str, list[dict[str, str]]]:
    with open(data_dir() / "resources.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


@lru_cache(maxsize=None)
def load_safety_train(lang: str, for_sentences: bool = False) -> list[dict[str, Any]]:
    """The safety net's training lines (written apart from the rules and from every eval set);
    ``for_sentences``: the ones the English sentence-end model also reads."""
    import json

    rows = []
    for path in safety_files(lang):
        if for_sentences and path.stem.rsplit("_", 1)[0] in SAFETY_ONLY:
            continue
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


#: Sets that train the safety net only: the sentence-end model (``text/punctuate.py``) was measured
#: in blind reading 20 without them, and a set of emergencies is no lesson in where sentences end
#: (train7, near-misses in a carer's words, was added for the net's false alarms alone).
SAFETY_ONLY = ("safety_dev14", "safety_train7")


def safety_files(lang: str) -> list[Path]:
    """The safety net's training lines: the generated sets and the tuning sets (never a held-out
    set; dev2 to dev10 were held-out sets 2 to 10 until they were spent; dev12 and dev14 were written
    as dev sets and read before they trained anything)."""
    names = ("train", "train2", "train3", "train5", "train6", "train7",
             "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev12", "dev14")
    return [data_dir() / f"safety_{name}_{lang}.jsonl" for name in names if lang in _LANGUAGES_OF.get(name, (lang,))]


#: Sets that train one language's net only. train7's Japanese half (carers' near-misses) lowered
#: false alarms on ordinary requests but made the net miss one emergency more on held-out sets 13
#: and 15 (scored only); a missed emergency costs more than a question asked, so it is kept apart
#: (`eval/safety_nearmiss7_ja.jsonl`) and does not train.
_LANGUAGES_OF = {"train7": ("en",)}


def safety_ordinary(lang: str) -> list[str]:
    """Ordinary help requests written for the messages work (its tuning sets and the held-out sets
    already read; held-out set 1 stays apart to check false alarms on): the safety net
    learns that "I can't get out, can somebody help?" about a blocked driveway is not an emergency."""
    import json

    path = data_dir() / f"safety_ordinary_{lang}.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def data_hash(extra: str = "", safety: bool = False) -> str:
    """A key over the training data bytes (and anything else that changes the model)."""
    h = hashlib.sha256(extra.encode())
    files = training_files() + ([p for lang in LANGUAGES for p in safety_files(lang)]
                                + [data_dir() / f"safety_ordinary_{lang}.jsonl" for lang in LANGUAGES]
                                + [data_dir() / f"safety_{lang}.yaml" for lang in LANGUAGES] if safety else [])
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=None)
def any_of(lang: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One compiled alternation of the regex list ``key`` in the language file."""
    items = load(lang).get(key) or []
    if not items:
        return None
    return re.compile("|".join(f"(?:{p})" for p in items), flags)
