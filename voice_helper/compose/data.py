"""The per-language data of the message editor (``compose/data/<lang>.yaml``), read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import UsageError
from ..request import LANGUAGES

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise UsageError(f"no message data for language {lang!r} (choose {', '.join(LANGUAGES)})")
    ref = resources.files("voice_helper.compose").joinpath("data", f"{lang}.yaml")
    data = yaml.load(ref.read_text(encoding="utf-8"), Loader=_LOADER)
    if not isinstance(data, dict) or data.get("language") != lang:
        raise UsageError(f"message data for {lang!r} is damaged; reinstall voice-helper")
    return data
