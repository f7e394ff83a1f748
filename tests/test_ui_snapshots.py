"""Snapshot tests of the main screens (SVG files under tests/__snapshots__/).

Update after an intended change with ``pytest tests/test_ui_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any


from voice_helper.config import Settings
from voice_helper import store
from voice_helper.ui.app import VoiceHelperApp

SIZE = (100, 40)


class SilentRecorder:
    """Stands in for the voice only for pictures: a snapshot cannot hear anything anyway."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str, lang: str | None = None) -> bool:
        self.said.append(text)
        return True

    def stop(self) -> None:
        pass

    def wait_idle(self, timeout: float | None = None) -> bool:
        return True


def app_for(tmp_path: Path, settings: Settings | None = None) -> VoiceHelperApp:
    log = store.HelpLog.open(tmp_path / "log.sqlite3")
    return VoiceHelperApp(settings=settings or Settings(language="en"), speaker=SilentRecorder(), log=log,
                          recognizer_factory=lambda lang: None, source_factory=lambda: None,
                          now=lambda: datetime(2026, 11, 23, 14, 0), save=False)


async def ready(pilot: Any) -> None:
    """Wait until the language model is loaded, so the status line is always the same."""
    await pilot.app.ready()
    await pilot.pause()


def test_compose_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=ready)


def test_compose_with_a_request(snap_compare: Any, tmp_path: Path) -> None:
    async def fill(pilot: Any) -> None:
        await ready(pilot)
        pilot.app.screen.set_text("I'm struggling with the cash report, could you take over the counting by five")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, run_before=fill)


def test_phrase_board(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, press=["2"], run_before=ready)


def test_history_empty(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, press=["3"], run_before=ready)


def test_settings(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=SIZE, press=["4"], run_before=ready)


def test_high_contrast_compose(snap_compare: Any, tmp_path: Path) -> None:
    settings = Settings(language="en")
    settings.ui.theme = "high-contrast"
    assert snap_compare(app_for(tmp_path, settings), terminal_size=SIZE, run_before=ready)


def test_large_phrase_board(snap_compare: Any, tmp_path: Path) -> None:
    settings = Settings(language="en")
    settings.ui.text_size = "large"
    assert snap_compare(app_for(tmp_path, settings), terminal_size=SIZE, press=["2"], run_before=ready)
