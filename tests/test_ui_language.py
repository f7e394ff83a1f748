"""The UI in both languages: the data files agree, Japanese uses full-width punctuation, the
language follows the setting (and the locale at first start), and a change relabels every screen.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from tests.test_ui_support import log, make_app, rendered, screen_text, speaker  # noqa: F401
from voice_helper.config import Settings
from voice_helper.ui import i18n


class _NoDuplicates(yaml.SafeLoader):
    pass


def _mapping(loader: _NoDuplicates, node: Any, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise AssertionError(f"duplicate keys {dupes} at line {node.start_mark.line + 1}")
    bad = [k for k in keys if not isinstance(k, str)]
    if bad:  # yes/no/on/off unquoted become booleans in YAML 1.1
        raise AssertionError(f"non-text keys {bad} at line {node.start_mark.line + 1}")
    return loader.construct_mapping(node, deep=deep)


_NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _raw(lang: str) -> dict[str, str]:
    text = resources.files("voice_helper.ui.data").joinpath(f"ui_{lang}.yaml").read_text(encoding="utf-8")
    return i18n._flatten(yaml.load(text, Loader=_NoDuplicates))


def test_both_languages_have_the_same_texts_and_placeholders() -> None:
    en, ja = _raw("en"), _raw("ja")
    assert set(en) == set(ja), (set(en) ^ set(ja))
    for key in en:
        assert set(re.findall(r"{(\w+)}", en[key])) == set(re.findall(r"{(\w+)}", ja[key])), key


def test_every_text_the_code_asks_for_exists() -> None:
    import pathlib

    root = pathlib.Path(i18n.__file__).parent
    keys = set(_raw("en"))
    used = set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if re.search(r"\n    def t\(self", source) and "VoiceHelperApp" not in source:
            continue  # a screen with its own language data (Practice, Progress)
        used |= set(re.findall(r"""(?:\bt|\btr|app\.t|self\.t)\(\s*["']([a-z_.\-]+)["']""", source))
        used |= set(re.findall(r"""tkey=["']([a-z_.\-]+)["']""", source))
    missing = sorted(u for u in used if u not in keys)
    assert not missing, missing


def test_japanese_uses_full_width_punctuation() -> None:
    bad = {}
    for key, text in _raw("ja").items():
        if key.startswith("keys.") or key in ("key_label",):
            continue
        plain = re.sub(r"{\w+}", "", text)
        plain = plain.replace("voice-helper", "").replace("issue 15", "")
        found = re.findall(r"[?!:;,()]", plain)
        if found:
            bad[key] = text
    assert not bad, bad
    for group in yaml.safe_load(resources.files("voice_helper.ui.data").joinpath("phrases_ja.yaml")
                                .read_text(encoding="utf-8"))["groups"]:
        for phrase in group["phrases"]:
            assert not re.search(r"[?!]", phrase["text"]), phrase["text"]


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
    ({}, "en"),
])
def test_the_locale_decides_when_the_setting_is_auto(env: dict[str, str], expected: str) -> None:
    assert i18n.ui_language("auto", env) == expected
    assert i18n.ui_language("en", {"LANG": "ja_JP.UTF-8"}) == "en"  # the setting wins


async def test_first_start_on_a_japanese_system_is_japanese(log: Any, speaker: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    app = make_app(log, speaker, Settings())  # language "auto": a first start
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        await pilot.pause()
        text = screen_text(app)
        assert "（1）作成" in text and "（スペース）話す" in text and "Compose" not in text


async def test_changing_the_language_relabels_every_screen(log: Any, speaker: Any) -> None:
    app = make_app(log, speaker, Settings(language="en"))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.ready()
        for key in ("2", "3", "4"):  # every screen built in English first
            await pilot.press(key)
            await pilot.pause()
        assert "(l) Language: English" in rendered(app.screen.query_one("#set-language"))
        await pilot.press("l")  # English -> 日本語
        await pilot.pause()
        assert app.settings.language == "ja"
        assert "（l）言語：日本語" in rendered(app.screen.query_one("#set-language"))
        assert "（4）設定" in screen_text(app)
        for key, expect in (("1", "（スペース）話す"), ("2", "はい。"), ("3", "（f）絞り込み：すべて")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert expect in screen_text(app), (key, screen_text(app))


async def test_the_first_start_after_installing_says_why_it_takes_half_a_minute(
        log: Any, speaker: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm-up trains what is missing (here the English intent model, a real training) and
    says so on the status line, instead of a silent wait on the first request."""
    import os
    import shutil

    from tests.test_ui_support import status_text, wait_for
    from voice_helper.nlu import classifier, engine

    engine.get_engine().warm()  # every model in the shared cache …
    shared = os.environ[classifier.MODEL_CACHE_ENV]
    shutil.copytree(shared, tmp_path / "cache")
    (tmp_path / "cache" / "nlu" / "intent-en.model").unlink()  # … but one
    monkeypatch.setenv(classifier.MODEL_CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(engine, "_ENGINE", None)
    monkeypatch.setattr(classifier, "_trained_once", False)
    seen: list[str] = []
    app = make_app(log, speaker)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: seen.append(status_text(app)) or app.core.ready, 60, "the warm-up")
        await app.ready()
        await pilot.pause()
        assert any("about half a minute" in s for s in seen), seen
        assert "Ready" in status_text(app)
    assert (tmp_path / "cache" / "nlu" / "intent-en.model").exists()
    assert classifier.on_first_training is None or classifier.on_first_training.__name__ != "first_training"
