"""What every screen shares: the navigation bar, the status lines, shortcut switching.

The bottom of every screen holds, from top to bottom: the scanning state (only while scanning
is on), what the app is doing (status), the last result, and a lasting notice when there is no
sound or no microphone. The notice stays until the problem is gone, so it cannot be missed.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
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
        with Vertical(id="status-area"):
            yield StatusLine("", id="scan-state")
            yield StatusLine("", id="status")
            yield StatusLine("", id="result")
            yield StatusLine("", id="notice")

    _styled_for = -1  # the app's style generation this screen was last styled for

    def _on_screen_resume(self, event: Any) -> None:
        """Switching back to a screen: restyle its widgets only when the theme or size changed
        meanwhile. Textual restyles every widget on every switch (about 1 ms each, half the time
        of a key that changes screens); nothing else a switch can change needs it."""
        generation = getattr(self.app, "style_generation", None)
        if generation is not None and generation == self._styled_for:
            event.refresh_styles = False
        self._styled_for = generation if generation is not None else -1

    def on_screen_resume(self) -> None:
        app: Any = self.app
        self.show_notice(app.notice_text())

    def _line(self, name: str) -> StatusLine | None:
        found = self.query(f"#{name}")  # None while the screen is still being built
        return found.first(StatusLine) if found else None

    def show_status(self, text: str) -> None:
        line = self._line("status")
        if line is not None:
            line.update(text)
            line.display = bool(text)

    def show_result(self, text: str) -> None:
        self.result_text = text  # what the result line says now (a late report must not hide a newer one)
        line = self._line("result")
        if line is not None:
            line.update(text)
            line.display = bool(text)

    def show_notice(self, text: str) -> None:
        line = self._line("notice")
        if line is not None:
            line.update(text)
            line.display = bool(text)

    def show_scan_state(self, text: str) -> None:
        line = self._line("scan-state")
        if line is not None:
            line.update(text)
            line.display = bool(text)

    def refresh_texts(self) -> None:
        """After a change of language: the texts that depend on state (subclasses add theirs)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Single-key shortcuts off (settings) disables letter bindings; Tab/Enter still work."""
        if not self.app.settings.ui.shortcuts and action not in getattr(self, "ALWAYS_ON", ()):  # type: ignore[attr-defined]
            return False
        return True

    def speakable_text(self) -> str:
        return ""
