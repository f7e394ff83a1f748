"""Snapshot tests of the main screens (SVG files under tests/__snapshots__/).

Update after an intended change with ``pytest tests/test_ui_snapshots.py --snapshot-update``
and look at the SVGs before committing them. The voice is the real Speaker writing to a folder;
the listening factories are never called here (a picture cannot hear), they only make the
screens look as they do on a machine with a microphone, whatever machine draws them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from voice_helper import store
from voice_helper.config import Contact, Settings
from voice_helper.speech import tts
from voice_helper.ui.app import VoiceHelperApp

SIZE = (100, 40)
SMALL = (80, 24)
REQUEST = "I'm struggling with the cash report, could you take over the counting by five"
REQUEST_JA = "今日中にレジの締めが終わらなくて、数えるのを代わってもらえますか"


@pytest.fixture
def app_for(tmp_path: Path) -> Any:
    made: list[tuple[Any, Any]] = []

    def build(settings: Settings | None = None) -> VoiceHelperApp:
        log = store.HelpLog.open(tmp_path / "log.sqlite3")
        speaker = tts.Speaker(Settings(), out_dir=tmp_path / "spoken")
        made.append((log, speaker))
        return VoiceHelperApp(settings=settings or Settings(language="en"), speaker=speaker, log=log,
                              recognizer_factory=lambda lang: None, source_factory=lambda: None,
                              now=lambda: datetime(2026, 11, 23, 14, 0), save=False)

    yield build
    for log, speaker in made:
        speaker.close()
        log.close()


async def ready(pilot: Any) -> None:
    """Wait until the language model is loaded, so the status line is always the same."""
    await pilot.app.ready()
    await pilot.pause()


def fill(text: str) -> Any:
    async def run(pilot: Any) -> None:
        await ready(pilot)
        pilot.app.screen.set_text(text)
        await pilot.pause()
        await pilot.pause()

    return run


def test_compose_screen(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SIZE, run_before=ready)


def test_compose_with_a_request(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SIZE, run_before=fill(REQUEST))


def test_compose_80x24_with_a_request(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SMALL, run_before=fill(REQUEST))


def test_compose_80x24_large_with_a_request(snap_compare: Any, app_for: Any) -> None:
    settings = Settings(language="en")
    settings.ui.text_size = "large"
    assert snap_compare(app_for(settings), terminal_size=SMALL, run_before=fill(REQUEST))


def test_japanese_compose_with_a_request(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(Settings(language="ja")), terminal_size=SIZE, run_before=fill(REQUEST_JA))


def test_japanese_phrase_board(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(Settings(language="ja")), terminal_size=SIZE, press=["2"], run_before=ready)


def test_japanese_settings(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(Settings(language="ja")), terminal_size=SIZE, press=["4"], run_before=ready)


def test_crisis_80x24(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SMALL, run_before=fill("I fell and I can't get up"))


def test_crisis_offer_80x24(snap_compare: Any, app_for: Any) -> None:
    settings = Settings(language="en", contacts=[Contact("Maria", relation="carer", channel="file",
                                                         emergency=True)])
    assert snap_compare(app_for(settings), terminal_size=SMALL, run_before=fill("I fell and I can't get up"))


def test_phrase_board(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SIZE, press=["2"], run_before=ready)


def test_history_empty(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SIZE, press=["3"], run_before=ready)


def test_settings(snap_compare: Any, app_for: Any) -> None:
    assert snap_compare(app_for(), terminal_size=SIZE, press=["4"], run_before=ready)


def test_high_contrast_compose(snap_compare: Any, app_for: Any) -> None:
    settings = Settings(language="en")
    settings.ui.theme = "high-contrast"
    assert snap_compare(app_for(settings), terminal_size=SIZE, run_before=fill(REQUEST))


def test_large_phrase_board(snap_compare: Any, app_for: Any) -> None:
    settings = Settings(language="en")
    settings.ui.text_size = "large"
    assert snap_compare(app_for(settings), terminal_size=SIZE, press=["2"], run_before=ready)


def test_scanning_highlight(snap_compare: Any, app_for: Any) -> None:
    settings = Settings(language="en")
    settings.scanning.enabled = True
    settings.scanning.mode = "two-switch"  # nothing moves by itself: the picture is stable

    async def into_speak(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("tab")  # the move switch: Speak
        await pilot.pause()

    assert snap_compare(app_for(settings), terminal_size=SMALL, run_before=into_speak)
