"""The per-language lexicons of ``voice_helper.text`` (data files, read once per process)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(lang: str) -> dict[str, Any]:
    ref = resources.files("voice_helper.text").joinpath("data", f"{lang}.yaml")
    return yaml.load(ref.read_text(encoding="utf-8"), Loader=_LOADER)
