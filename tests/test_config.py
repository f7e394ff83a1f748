from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from voice_helper.config import (
    Contact, Settings, get_paths, load_settings, save_settings,
)
from voice_helper.errors import SettingsError
from tests.conftest import run_cli


def test_home_override_moves_every_path(vh_home: Path) -> None:
    p = get_paths()
    for d in (p.config_dir, p.data_dir, p.cache_dir, p.db_path, p.models_dir, p.settings_file):
        assert vh_home in d.parents


def test_missing_file_gives_defaults() -> None:
    s = load_settings()
    assert s == Settings()
    assert s.speech.endpoint_silence_s >= 1.5
    assert s.scanning.interval_s == 2.0 and s.scanning.max_rounds == 3
    assert s.compose.politeness == "polite"


def test_save_load_round_trip_owner_only() -> None:
    s = Settings(language="ja", region="JP")
    s.contacts.append(Contact(name="田中", relation="manager", channel="email", address="t@example.org"))
    s.voice.rate = 140
    path = save_settings(s)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_settings() == s
    assert load_settings().contact("田中さん").relation == "manager"


def write_settings(text: str) -> Path:
    path = get_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_toml_names_file_and_line() -> None:
    path = write_settings('language = "en"\n[voice]\nrate = = 3\n')
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert str(path) in str(err.value) and "line 3" in str(err.value)


@pytest.mark.parametrize("text, key, line", [
    ('[voice]\nrate = "fast"\n', "voice.rate", 2),
    ('language = "fr"\n', "language", 1),
    ('\n\n[ui]\ncolour = "red"\n', "ui.colour", 4),
    ('[[contacts]]\nrelation = "friend"\n', "contacts[0].name", None),
])
def test_bad_values_are_named(text: str, key: str, line: int | None) -> None:
    path = write_settings(text)
    with pytest.raises(SettingsError) as err:
        load_settings()
    msg = str(err.value)
    assert key in msg and str(path) in msg
    if line:
        assert f"line {line}" in msg


def test_cli_reports_bad_settings_in_one_line() -> None:
    write_settings("[voice\n")
    r = run_cli("doctor")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr + r.stdout
    assert "settings.toml" in r.stdout + r.stderr
