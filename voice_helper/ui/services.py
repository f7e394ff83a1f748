"""The UI's one door to the core: composing, the help log, channels, speech.

Why a door: the UI must keep working (and say why) when a part is missing — no speech model,
no audio device, a module not installed — so every call into the core goes through here and
returns either a result or a one-line reason. Nothing here draws; the screens do.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..config import Settings
from ..request import HelpRequest
from ..textsafe import clean_utterance


def _try_import(name: str) -> tuple[Any | None, str]:
    try:
        return importlib.import_module(name), ""
    except Exception as exc:  # ImportError, or OSError from a missing shared library
        return None, f"{name} is not available ({exc.__class__.__name__}: {exc})"


@dataclass
class Result:
    ok: bool
    text: str  # one line for the person: shown and, with self-voicing, spoken


class Core:
    """Composer, renderer and help log behind one small interface."""

    def __init__(self, settings: Settings, log: Any | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.settings = settings
        self.clock = clock or datetime.now
        self._compose_mod: Any | None = None
        self.compose_problem = ""
        self._compose_tried = False
        self.ready = False  # the composer and its model are loaded: composing is instant
        self._log = log
        self.log_problem = ""
        if self._log is None:
            store, why = _try_import("voice_helper.store")
            if store is None:
                self.log_problem = why
            else:
                try:
                    self._log = store.HelpLog.open()
                except Exception as exc:
                    self.log_problem = f"help log cannot be opened: {exc}"

    # --- composing ----------------------------------------------------------------------

    @property
    def _compose(self) -> Any | None:
        """Imported on first use (or by the app's warm-up worker), not at start-up."""
        if not self._compose_tried:
            self._compose_mod, self.compose_problem = _try_import("voice_helper.compose")
            self._compose_tried = True
        return self._compose_mod

    def warm_up(self) -> None:
        """Load the composer and the intent engine's model now, off the UI thread."""
        if self._compose is not None:
            nlu, _ = _try_import("voice_helper.nlu")
            if nlu is not None:
                nlu.get_engine()
        self.ready = True

    @property
    def can_compose(self) -> bool:
        return self._compose is not None

    def compose(self, text: str, lang: str = "auto", style: str | None = None,
                politeness: str | None = None, to: str | None = None) -> HelpRequest:
        """Parse and render; ``politeness`` None lets the contact's relation decide."""
        text = clean_utterance(text)
        if self._compose is None:
            # no composer yet: keep the person's own words as the message, nothing lost
            return HelpRequest(language=lang if lang in ("en", "ja") else "en", message=text)
        return self._compose.compose_text(text, lang=lang, style=style, politeness=politeness,
                                          to=to, settings=self.settings, now=self.clock())

    def render(self, request: HelpRequest, style: str | None, politeness: str | None) -> str:
        """Re-render after a field edit, so the message on screen always matches the card."""
        if self._compose is None:
            return request.message
        return self._compose.rerender(request, style=style, politeness=politeness,
                                      settings=self.settings).message

    # --- the help log -------------------------------------------------------------------

    @property
    def log(self) -> Any | None:
        return self._log

    def save_draft(self, draft_id: int | None, transcript: str, request: HelpRequest | None,
                   lang: str | None = None) -> int | None:
        """Autosave: add the draft once, then update it in place (survives a crash)."""
        if self._log is None:
            return None
        recipient = request.slots.recipient if request else None
        if draft_id is not None and self._log.get(draft_id).status != "draft":
            draft_id = None  # sent or answered: never rewrite it; the change is a new draft
        if draft_id is None:
            return int(self._log.add_draft(transcript, request=request, recipient=recipient,
                                           lang=lang or (request.language if request else None)))
        self._log.update_draft(draft_id, transcript=transcript, request=request, recipient=recipient)
        return draft_id

    def entries(self, status: str | None = None, limit: int | None = 200) -> list[Any]:
        if self._log is None:
            return []
        return list(self._log.list(status=status, limit=limit))

    def mark(self, entry_id: int, status: str) -> None:
        if self._log is not None:
            self._log.mark(entry_id, status)

    def stats(self) -> Any | None:
        return self._log.stats() if self._log is not None else None

    def deliver(self, entry_id: int, via: str | None, speaker: Any | None) -> Result:
        if self._log is None:
            return Result(False, f"Cannot send: {self.log_problem}")
        channels, why = _try_import("voice_helper.channels")
        if channels is None:
            return Result(False, f"Cannot send yet: {why}")
        try:
            res = channels.deliver(self._log, entry_id, self.settings, via=via, speaker=speaker)
        except Exception as exc:  # a channel's own one-line error
            return Result(False, f"Not sent: {exc}")
        ok = bool(getattr(res, "ok", True))
        channel = getattr(res, "channel", via or "")
        if ok:
            detail = getattr(res, "detail", "")
            return Result(True, f"Sent ({channel})" + (f": {detail}" if detail else ""))
        return Result(False, f"Not sent ({channel}): {getattr(res, 'reason', '') or 'unknown reason'}")


def default_speaker(settings: Settings) -> tuple[Any | None, str]:
    """The real Speaker, or None and why (no TTS engine on this machine)."""
    tts, why = _try_import("voice_helper.speech.tts")
    if tts is None:
        return None, why
    try:
        return tts.Speaker(settings), ""
    except Exception as exc:
        return None, f"voice not available: {exc}"


def default_recognizer_factory(settings: Settings) -> tuple[Callable[[str], Any] | None, str]:
    rec, why = _try_import("voice_helper.speech.recognizers")
    if rec is None:
        return None, why
    return (lambda lang: rec.open_recognizer(lang, engine=settings.speech.engine,
                                             model=settings.speech.model or None, settings=settings)), ""


def default_source_factory(settings: Settings) -> tuple[Callable[[], Any] | None, str]:
    audio, why = _try_import("voice_helper.speech.audio")
    if audio is None:
        return None, why
    return (lambda: audio.MicrophoneSource(device=settings.speech.input_device or None)), ""
