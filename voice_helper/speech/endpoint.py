"""Endpointing: when has the person finished speaking? And ``listen_once``, the one listening loop.

Energy-based with an adaptive noise floor, deciding per 10 ms. Why our own and not the engine's:
Vosk ends its segments after about half a second of silence, which cuts off people who speak
slowly or pause to find a word (after a stroke, with a stammer, when tired). Here the turn ends
only after ``endpoint_silence_s`` (1.8 s by default) of silence *after* speech; Vosk's shorter
segments inside a turn are merged into one ``Final``. Leading silence never ends a turn.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audio import SAMPLE_RATE, SAMPLE_WIDTH, AudioSource, FileSource
from .recognizers import Final, Partial, Recognizer, merge_finals, open_recognizer

_SUB_S = 0.01  # analysis step
_SUB_BYTES = int(SAMPLE_RATE * _SUB_S) * SAMPLE_WIDTH
_FLOOR_DB = -96.0


@dataclass
class EndpointConfig:
    silence_s: float = 1.8  # silence after speech that ends the turn
    max_utterance_s: float = 120.0  # a turn never runs longer than this
    margin_db: float = 12.0  # speech is this much above the noise floor...
    min_speech_db: float = -50.0  # ...and at least this loud (dBFS)
    onset_s: float = 0.1  # this much speech (within 0.3 s) starts a turn
    floor_window_s: float = 2.0  # the noise floor is the quietest moment in this window

    @classmethod
    def from_settings(cls, settings: Any = None) -> "EndpointConfig":
        speech = getattr(settings, "speech", None)
        if speech is None:
            return cls()
        return cls(silence_s=max(0.3, float(speech.endpoint_silence_s)),
                   max_utterance_s=float(speech.max_utterance_s))


def frame_db(frame: bytes) -> float:
    """RMS level of int16 audio in dBFS (digital silence: -96)."""
    import numpy as np

    a = np.frombuffer(frame[: len(frame) - len(frame) % 2], dtype="<i2").astype(np.float32)
    if a.size == 0:
        return _FLOOR_DB
    rms = math.sqrt(float(np.mean(a * a))) / 32768.0
    return max(_FLOOR_DB, 20 * math.log10(rms)) if rms > 0 else _FLOOR_DB


def _sub_dbs(data: bytes) -> list[float]:
    """dBFS of each 10 ms step, vectorised (a 2-hour file is 720,000 steps)."""
    import numpy as np

    a = np.frombuffer(data, dtype="<i2").astype(np.float32).reshape(-1, _SUB_BYTES // SAMPLE_WIDTH)
    rms = np.sqrt(np.mean(a * a, axis=1)) / 32768.0
    with np.errstate(divide="ignore"):
        db = np.where(rms > 0, 20 * np.log10(np.maximum(rms, 1e-12)), _FLOOR_DB)
    return np.maximum(db, _FLOOR_DB).tolist()


class Endpointer:
    """Feed frames; ``feed`` returns True once the turn has ended (speech, then enough silence)."""

    def __init__(self, config: EndpointConfig | None = None) -> None:
        self.config = config or EndpointConfig()
        self.reset()

    def reset(self) -> None:
        self.noise_db = -70.0
        self._window: deque[tuple[int, float]] = deque()  # (step, dB), increasing dB: sliding minimum
        self._step = 0
        self.in_speech = False  # a turn has started
        self.ended = False
        self.silence_run_s = 0.0
        self.speech_s = 0.0
        self.turn_s = 0.0
        self._onset: list[bool] = []
        self._rem = b""

    def is_speech(self, db: float) -> bool:
        return db > max(self.noise_db + self.config.margin_db, self.config.min_speech_db)

    def _update_floor(self, db: float) -> None:
        """Noise floor = the quietest 10 ms in the last ``floor_window_s`` (a sliding minimum).

        Steady noise (a fan, hiss) becomes the floor within that window; speech always has quiet
        gaps between words, so a sentence is not learned as noise.
        """
        w = self._window
        while w and w[-1][1] >= db:
            w.pop()
        w.append((self._step, db))
        horizon = self._step - int(self.config.floor_window_s / _SUB_S)
        while w[0][0] <= horizon:
            w.popleft()
        self._step += 1
        self.noise_db = max(w[0][1], -90.0)

    def feed(self, frame: bytes) -> bool:
        data = self._rem + frame
        n = len(data) - len(data) % _SUB_BYTES
        self._rem = data[n:]
        cfg = self.config
        for db in _sub_dbs(data[:n]):
            if self.ended:
                break
            self._update_floor(db)
            speech = self.is_speech(db)
            if not self.in_speech:
                self._onset = (self._onset + [speech])[-int(0.3 / _SUB_S):]
                if sum(self._onset) * _SUB_S >= cfg.onset_s:
                    self.in_speech = True
                    self.turn_s = len(self._onset) * _SUB_S
                    self.silence_run_s = 0.0
                continue
            self.turn_s += _SUB_S
            if speech:
                self.speech_s += _SUB_S
                self.silence_run_s = 0.0
            else:
                self.silence_run_s += _SUB_S
            if self.silence_run_s >= cfg.silence_s or self.turn_s >= cfg.max_utterance_s:
                self.ended = True
        return self.ended


def listen_once(source: AudioSource, recognizer: Recognizer, endpointer: Endpointer,
                on_partial: Callable[[str], None] | None = None, preroll_s: float = 0.5) -> Final | None:
    """Listen for one turn: feed frames until the endpointer says the turn ended (or the source
    ends), then flush. Returns the turn as one ``Final``, or None when no speech was heard.

    The microphone, files, the dialog loop and the UI all use this loop. Iterating the source
    again continues after this turn. Before speech starts, only the last ``preroll_s`` of audio
    is kept (and then fed, so the first syllable is not lost); older silence is skipped, not
    decoded, so waiting costs no CPU and two hours of silence take seconds. Skipped audio is
    reported to the recognizer (``skip``) so word times stay true to the source.
    """
    endpointer.reset()
    finals: list[Final] = []
    heard = ""
    preroll: deque[bytes] = deque()
    keep = max(1, int(round(preroll_s * 1000 / max(1, getattr(source, "block_ms", 100)))))
    skip = getattr(recognizer, "skip", None)

    def handle(events: list[Any]) -> None:
        nonlocal heard
        for ev in events:
            if isinstance(ev, Final):
                finals.append(ev)
                heard = " ".join(f.text for f in finals)
            elif isinstance(ev, Partial) and on_partial is not None:
                on_partial((heard + " " + ev.text).strip())

    for frame in source:
        ended = endpointer.feed(frame)
        if not endpointer.in_speech:
            preroll.append(frame)
            if len(preroll) > keep:
                old = preroll.popleft()
                if skip is not None:
                    skip(len(old) / (SAMPLE_RATE * SAMPLE_WIDTH))
                else:
                    handle(recognizer.accept(old))
            continue
        while preroll:
            handle(recognizer.accept(preroll.popleft()))
        handle(recognizer.accept(frame))
        if ended:
            break
    if not endpointer.in_speech:
        if skip is not None:
            skip(sum(len(f) for f in preroll) / (SAMPLE_RATE * SAMPLE_WIDTH))
        return None
    handle(recognizer.finish())
    return merge_finals(finals)


def turns(source: AudioSource, recognizer: Recognizer, endpointer: Endpointer,
          on_partial: Callable[[str], None] | None = None) -> Iterator[Final]:
    """Every utterance in a finite source (a file), one ``listen_once`` after another."""
    while not getattr(source, "exhausted", False):
        final = listen_once(source, recognizer, endpointer, on_partial)
        if final is not None:
            yield final
        elif not endpointer.in_speech:
            break  # the rest of the source is silence


def transcribe_file(path: str | Path, engine: str = "auto", lang: str = "en", model: str | None = None,
                    grammar: list[str] | None = None, settings: Any = None,
                    recognizer: Recognizer | None = None,
                    on_partial: Callable[[str], None] | None = None) -> Iterator[Final]:
    """Finals, one per utterance, for an audio file (through the same loop as the microphone)."""
    source = FileSource(path)  # bad files fail here, before a model loads
    try:
        rec = recognizer or open_recognizer(lang, engine, grammar, model, settings)
        yield from turns(source, rec, Endpointer(EndpointConfig.from_settings(settings)), on_partial)
    finally:
        source.close()
