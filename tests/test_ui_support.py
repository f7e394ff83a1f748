"""Shared parts for the UI tests (no tests here): the app with real parts, and ways to read it.

- the help log is a real SQLite file; the speaker is the real ``Speaker``, writing WAVs to a
  folder where there is no sound card (``speaker``) or configured with an output device that does
  not exist (``silent_speaker``: the real "no sound device" path, not a mock);
- ``screen_text`` reads what the terminal shows, ``rendered`` what one widget shows;
- time is injected (a fixed ``NOW``, a fake monotonic clock for scanning).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.geometry import Region

from voice_helper import store
from voice_helper.config import Settings
from voice_helper.speech import recognizers, tts
from voice_helper.speech.playback import SounddeviceSink
from voice_helper.ui.app import VoiceHelperApp

NOW = datetime(2026, 11, 23, 14, 0, 0)
SIZE = (100, 40)


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def log(tmp_path: Path) -> Any:
    with store.HelpLog.open(tmp_path / "log.sqlite3") as hl:
        yield hl


@pytest.fixture
def speaker(tmp_path: Path) -> Any:
    """The real Speaker; with no sound card here it writes each utterance as a WAV file."""
    sp = tts.Speaker(Settings(), out_dir=tmp_path / "spoken")
    yield sp
    sp.close()


@pytest.fixture
def silent_speaker() -> Any:
    """The real Speaker, configured with an output device that does not exist: no sound."""
    sp = tts.Speaker(Settings(), sink_factory=lambda: SounddeviceSink(device="no-such-speaker-device"))
    yield sp
    sp.close()


@pytest.fixture(scope="module")
def sphinx() -> Any:
    """One pocketsphinx recognizer for the module: loading its model is the slow part."""
    if not recognizers.pocketsphinx_available():
        pytest.fail("pocketsphinx is missing (pip install pocketsphinx)")
    return recognizers.open_recognizer("en", engine="pocketsphinx")


def sphinx_factory(rec: Any) -> Callable[[str], Any]:
    def factory(lang: str) -> Any:
        rec.reset()
        return rec

    return factory


def make_app(log: Any, speaker: Any, settings: Settings | None = None, **kw: Any) -> VoiceHelperApp:
    return VoiceHelperApp(settings=settings or Settings(language="en"), speaker=speaker, log=log,
                          now=lambda: NOW, **kw)


def said(app: VoiceHelperApp) -> list[str]:
    return list(app.spoken)


def screen_text(app: Any) -> str:
    """What the terminal shows, as plain text (dialogs included)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def rendered(widget: Any) -> str:
    """The text one widget draws (inside its borders), lines joined by spaces."""
    w, h = widget.region.size  # all of it: content, padding and border
    lines = widget.render_lines(Region(0, 0, w, h))
    return " ".join("".join(seg.text for seg in line).strip() for line in lines).strip()


def squash(text: str) -> str:
    return "".join(text.split())


def result_text(app: Any) -> str:
    return str(app.screen.query_one("#result").render())


def status_text(app: Any) -> str:
    return str(app.screen.query_one("#status").render())


async def wait_for(pilot: Any, cond: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    """Let the app run until ``cond()`` holds (workers run in threads); fail after ``timeout``."""
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"waited {timeout:.0f} s for {what or cond}; screen:\n{screen_text(pilot.app)}")
        await pilot.pause(0.05)


async def type_text(pilot: Any, text: str) -> None:
    """Type into the focused box: the first letters by key, the rest as a person's paste."""
    await pilot.press(*list(text[:3]))
    box = pilot.app.focused
    box.insert_text_at_cursor(text[3:])
    await pilot.pause()



async def type_request(pilot: Any, text: str) -> None:
    """Open the text box with i, type what a person would say, and compose it with Enter."""
    await pilot.press("i")
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()
