"""Every word the UI shows or says, from ``ui/data/ui_<lang>.yaml``: English and Japanese.

Why data files: a label that is only in code stays English forever (issue 14: with language
``ja`` every tab and dialog was still English). The UI language is the language setting; with
``auto`` it follows the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), so a first start on a
Japanese system is Japanese. Both files hold the same keys with the same ``{placeholders}``
(a test checks), and the Japanese one uses full-width punctuation.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

LANGS = ("en", "ja")


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            out.update(_flatten(value, name))
        else:
            out[name] = str(value)
    return out


@lru_cache(maxsize=4)
def texts(lang: str) -> dict[str, str]:
    """All UI texts of one language, as flat dotted keys ("compose.keep")."""
    lang = lang if lang in LANGS else "en"
    ref = resources.files("voice_helper.ui.data").joinpath(f"ui_{lang}.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 8x faster at start-up
    return _flatten(yaml.load(ref.read_text(encoding="utf-8"), Loader=loader) or {})


def locale_language(env: Mapping[str, str] | None = None) -> str:
    """ja when the locale says Japanese, else en (the first of LC_ALL, LC_MESSAGES, LANG set)."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def ui_language(setting: str, env: Mapping[str, str] | None = None) -> str:
    """The language the UI speaks: the setting, or the locale when it is ``auto``."""
    return setting if setting in LANGS else locale_language(env)


def t(lang: str, text_key: str, /, **values: Any) -> str:
    """One text in ``lang`` with its placeholders filled. A missing key is a bug: KeyError."""
    table = texts(lang)
    text = table[text_key] if text_key in table else texts("en")[text_key]
    return text.format(**values) if values else text


_HONORIFICS = ("さん", "様", "さま", "くん", "君", "ちゃん", "先生", "先輩", "部長", "課長", "係長",
               "店長", "社長", "主任", "殿")


def person(lang: str, name: str) -> str:
    """A person's name as the UI says it: 「田中さん」 in Japanese (not 「田中さんさん」)."""
    name = name.strip()
    if lang != "ja" or not name or name.endswith(_HONORIFICS):
        return name
    return name + "さん"


def key_name(lang: str, key: str) -> str:
    """How a key is written on a control: "Space", 「スペース」, "+", "F5"."""
    table = texts(lang)
    name = table.get(f"keys.{key}")
    if name:
        return name
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    return key


def key_label(lang: str, key: str, text: str) -> str:
    """'(k) Keep' / '（k）保存': the key is part of the name, so it is seen and spoken."""
    if not key:
        return text
    return t(lang, "key_label", key=key_name(lang, key), text=text)
