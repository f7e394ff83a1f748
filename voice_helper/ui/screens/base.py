"""What every screen shares: the navigation bar, a status and result line, shortcut switching."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen

from ..widgets import NavBar, StatusLine


class VHScreen(Screen[None]):
    MODE = ""

    @property
    def vh(self) -> Any:
        return self.app

    def nav(self) -> ComposeResult:
        yield NavBar(self.MODE)

    def status_lines(self) -> ComposeResult:
        yield StatusLine("", id="status")
        yield StatusLine("", id="result")

    def show_status(self, text: str) -> None:
        self.query_one("#status", StatusLine).update(text)

    def show_result(self, text: str) -> None:
        self.query_one("#result", StatusLine).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Single-key shortcuts off (settings) disables letter bindings; Tab/Enter still work."""
        if not self.app.settings.ui.shortcuts and action not in getattr(self, "ALWAYS_ON", ()):  # type: ignore[attr-defined]
            return False
        return True

    def speakable_text(self) -> str:
        return ""
