"""What the voice subcommands (listen, practice, voice) share around recorded turns and the voice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def recorded_turns(paths: list[str] | None) -> list[Path] | None:
    """``--input`` files, each checked now: a missing or bad file fails before any model loads."""
    if not paths:
        return None
    from ..errors import UsageError
    from ..speech.audio import FileSource

    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise UsageError(f"no such file: {f}")
    for f in files:
        FileSource(f).close()
    return files


def notice_once(echo: Callable[[str], None]) -> Callable[[str, str], None]:
    """The Speaker's ``on_unspoken``: why the voice could not speak, shown once per reason."""
    seen: set[str] = set()

    def unspoken(text: str, why: str) -> None:
        if why and why not in seen:
            seen.add(why)
            echo(f"(voice: {why})")

    return unspoken
