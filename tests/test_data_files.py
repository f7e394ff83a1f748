"""The data files say what they mean: YAML 1.1 reads a bare on / off / no / yes as a boolean, so
a word list with "off" in it silently lost the word ("cut my finger off" was not a deep cut, "no
pump" beside an asthma attack was not a sign, "help on Saturday" was not a time)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parent.parent / "voice_helper"
FILES = sorted(PACKAGE.rglob("*.yaml"))


def _booleans_among_words(node: Any, path: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{path}: key {key}")
            found += _booleans_among_words(value, f"{path}/{key}")
    elif isinstance(node, list):
        if any(isinstance(x, str) for x in node):
            found += [f"{path}[{i}] = {x}" for i, x in enumerate(node) if isinstance(x, bool)]
        for i, x in enumerate(node):
            found += _booleans_among_words(x, f"{path}[{i}]")
    return found


def test_there_are_data_files() -> None:
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PACKAGE)) for p in FILES])
def test_no_word_was_read_as_a_boolean(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _booleans_among_words(data) == []


def test_the_check_catches_a_bare_off() -> None:
    assert _booleans_among_words(yaml.safe_load("words: [cut, off, deep]")) == ["/words[1] = False"]
