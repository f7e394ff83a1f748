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
        """Load (on the first start after installing: train) the language models and the
        Japanese analyzer now, off the UI thread, so the first request is not kept waiting."""
        if self._compose is not None:
            nlu, _ = _try_import("voice_helper.nlu")
            if nlu is not None:
                nlu.get_engine().warm()
            ja, _ = _try_import("voice_helper.text.ja")
            if ja is not None:
                ja.warm()
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
        """Autosave: add the draft once, then update it in place (survives a crash).

        Only a draft is ever updated: a request that was sent or answered is never rewritten,
        the change becomes a new draft. The recipient column always follows the request (an
        empty recipient clears it), so an old helper cannot stick to a new request.
        """
        if self._log is None:
            return None
        recipient = (request.slots.recipient or "") if request else None
        if draft_id is not None and self._log.get(draft_id).status != "draft":
            draft_id = None
        if draft_id is None:
            return int(self._log.add_draft(transcript, request=request, recipient=recipient or None,
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

    def deliver(self, entry_id: int, via: str | None = None, speaker: Any | None = None) -> Sent:
        """Send one logged request through its contact's channel (a thread worker calls this)."""
        if self._log is None:
            return Sent(False, False, via or "", reason=self.log_problem)
        channels, why = _try_import("voice_helper.channels")
        if channels is None:
            return Sent(False, False, via or "", reason=why)
        try:
            res = channels.deliver(self._log, entry_id, self.settings, via=via, speaker=speaker)
        except Exception as exc:  # a channel's own one-line error (e.g. nothing to send)
            return Sent(False, False, via or "", reason=str(exc))
        return Sent.of(res)

    def speak_here(self, entry_id: int, speaker: Any) -> Sent:
        """Say a logged request aloud to the person in the room and wait until it was said.

        Recorded as sent (channel "speak") only when the voice really played it: with no sound
        device nothing is recorded, so the log never says "said" for words nobody heard.
        """
        channels, why = _try_import("voice_helper.channels")
        if channels is None or self._log is None:
            return Sent(False, False, "speak", reason=why or self.log_problem)
        entry = self._log.get(entry_id)
        try:
            message = channels.message_for(entry, None)
        except Exception as exc:
            return Sent(False, False, "speak", reason=str(exc))
        res = channels.SpeakChannel(speaker, wait=True).send(message)
        if res.ok:
            self._log.record_send(entry_id, "speak", True)
        return Sent.of(res)

    def draft_for(self, request: HelpRequest, to: str, transcript: str = "") -> int | None:
        """A new draft of ``request`` addressed to ``to`` (a crisis message for each emergency
        contact): re-rendered with their name, so each gets their own entry in the log."""
        addressed = request
        if self._compose is not None:
            try:
                addressed = self._compose.rerender(request, recipient=to, settings=self.settings)
            except Exception:
                addressed = request
        if addressed is request:
            import copy

            addressed = copy.deepcopy(request)
            addressed.slots.recipient = to
        return self.save_draft(None, transcript or request.said or request.message, addressed)


#: Channels that put the message in front of another person (a file in the outbox or the
#: clipboard does not: the person has not got it).
REACHING = ("email", "webhook")


@dataclass
class Sent:
    """What a send did, in facts the screens turn into words: never "sent" for a file."""

    ok: bool
    reached: bool  # the message went to another person (email accepted, webhook answered)
    channel: str
    reason: str = ""

    @classmethod
    def of(cls, res: Any) -> Sent:
        ok = bool(getattr(res, "ok", False))
        channel = str(getattr(res, "channel", "") or "")
        reason = str(getattr(res, "reason", "") or "")
        return cls(ok, ok and channel in REACHING, channel, reason)


def probe_microphone(settings: Settings) -> str:
    """Why the microphone cannot be used (no input device, no PortAudio), or "" when it can.

    Only looks: nothing is opened or recorded.
    """
    try:
        import sounddevice as sd
    except Exception as exc:  # ImportError, or OSError for a missing libportaudio
        return f"no audio input ({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
    device: Any = settings.speech.input_device or None
    if isinstance(device, str) and device.isdigit():
        device = int(device)
    try:
        sd.query_devices(device, kind="input")
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if device is not None:
            return f"input device {device!r} not found ({first})"
        return f"no input device found ({first})"
    return ""


def probe_sound(speaker: Any) -> str:
    """Why nothing can be heard from ``speaker`` (no sound device), or "" when it can play.

    Opens the speaker's output for a moment and closes it again, writing nothing. A speaker
    that writes WAV files (``out_dir``) or has no sink of its own counts as able to speak.
    """
    if speaker is None:
        return "no voice"
    if getattr(speaker, "out_dir", None) is not None:
        return ""
    factory = getattr(speaker, "sink_factory", None)
    if not callable(factory):
        return ""
    try:
        sink = factory()
        sink.open(16000)
        sink.close()
    except Exception as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ""


def default_speaker(settings: Settings) -> tuple[Any | None, str]:
    """The real Speaker, or None and why (no TTS engine on this machine)."""
    tts, why = _try_import("voice_helper.speech.tts")
    if tts is None:
        return None, why
    device: Any = settings.voice.output_device or None
    sink_factory = None
    if device is not None:
        from ..speech.playback import SounddeviceSink

        device = int(device) if isinstance(device, str) and device.isdigit() else device
        sink_factory = lambda: SounddeviceSink(device)  # noqa: E731  the chosen speakers only
    try:
        return tts.Speaker(settings, sink_factory=sink_factory), ""
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
