"""Errors a person sees: one clear line and an exit code, never a traceback."""

from __future__ import annotations


class VoiceHelperError(Exception):
    """A failure to report to the user as one line; ``exit_code`` is what the CLI returns."""

    exit_code: int = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(VoiceHelperError):
    """Bad input from the person (empty text, a bad option value): exit 2."""

    exit_code = 2


class SettingsError(VoiceHelperError):
    """The settings file cannot be read; names the file and line."""

    exit_code = 2
