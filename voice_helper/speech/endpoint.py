"""Endpointing: when has the person finished speaking? And ``listen_once``, the one listening loop.

A real voice activity detector (Silero, through ``frontend``: noise suppression and gain first),
deciding per 32 ms; the old energy gate with an adaptive noise floor stays as ``vad="energy"``
for comparison. Why our own endpoint and not the engine's: Vosk ends its segments after about
half a second of silence, which cuts off people who speak slowly or pause to find a word (after
a stroke, with a stammer, when tired). Here the turn ends only after ``endpoint_silence_s``
(2.5 s by default, so a ~2 s pause mid-sentence passes; up to 5 s in settings) of silence
*after* speech, or at once on a "push to finish" phrase; Vosk's shorter segments inside a turn
are merged into one ``Final``. Leading silence never ends a turn.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audio import SAMPLE_RATE, SAMPLE_WIDTH, AudioSource, FileSource
from .frontend import regain
from .recognizers import Final, Partial, Recognizer, merge_finals, open_recognizer

_SUB_S = 0.01  # analysis step
_SUB_BYTES = int(SAMPLE_RATE * _SUB_S) * SAMPLE_WIDTH
_FLOOR_DB = -96.0


@dataclass
class EndpointConfig:
    silence_s: float = 2.5  # silence after speech that ends the turn (a ~2 s pause passes)
    max_utterance_s: float = 120.0  # a turn never runs longer than this
    vad: str = "silero"  # silero (the front end: VAD + noise suppression + gain) | energy
    speech_prob: float = 0.5  # Silero: a 32 ms window is speech at this probability
    onset_s: float = 0.1  # this much speech (within 0.3 s) starts a turn
    # "push to finish": these words at the end of a turn end it at once (they are not kept)
    finish_phrases: tuple[str, ...] = ()
    finish_only: bool = False  # pauses never end the turn; only a finish phrase (or key) does
    noise_suppression: bool = True
    auto_gain: bool = True
    # energy mode only (the fallback without the front end, kept for comparison)
    margin_db: float = 12.0  # speech is this much above the noise floor...
    min_speech_db: float = -50.0  # ...and at least this loud (dBFS)
    floor_window_s: float = 2.0  # the noise floor is the quietest moment in this window

    @classmethod
    def from_settings(cls, settings: Any = None) -> "EndpointConfig":
        speech = getattr(settings, "speech", None)
        if speech is None:
            return cls()
        phrase = str(getattr(speech, "finish_phrase", "") or "").strip()
        return cls(silence_s=min(MAX_PAUSE_S, max(0.5, float(speech.endpoint_silence_s))),
                   max_utterance_s=float(speech.max_utterance_s),
                   finish_phrases=(phrase,) if phrase else (),
                   finish_only=bool(getattr(speech, "push_to_finish", False)),
                   noise_suppression=bool(getattr(speech, "noise_suppression", True)),
                   auto_gain=bool(getattr(speech, "auto_gain", True)))


#: 8 kHz audio: level of the mirrored band the recognizer gets (``frontend.mirror_band``)
NARROWBAND_MIRROR = 0.06

#: The longest pause a person can ask for ("take your time"): the settings allow up to this.
MAX_PAUSE_S = 5.0


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
    """Feed frames; ``feed`` returns True once the turn has ended (speech, then enough silence).

    With ``vad="silero"`` each frame first goes through the front end (noise suppression, gain,
    Silero VAD); ``out`` then holds the cleaned frame the recognizer should get. In energy mode
    ``out`` is the frame unchanged. ``finish_now()`` ends the turn from outside (a key).
    """

    def __init__(self, config: EndpointConfig | None = None) -> None:
        self.config = config or EndpointConfig()
        self.frontend: Any = None
        if self.config.vad == "silero":
            from .frontend import NOISE_SUPPRESSION, FrontEnd, FrontEndConfig

            self.frontend = FrontEnd(FrontEndConfig(
                noise_suppression=NOISE_SUPPRESSION if self.config.noise_suppression else 0,
                auto_gain_dbfs=24 if self.config.auto_gain else 0, normalize=self.config.auto_gain))
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
        self._onset: list[tuple[float, bool]] = []
        self._rem = b""
        self._finish = False
        self.out = b""
        if self.frontend is not None:
            self.frontend.reset()

    def narrowband(self) -> None:
        """8 kHz audio (a headset in call mode): no noise suppression, which on band-limited speech
        cost words in our measurement (domain model, after the first turns: WER 0.20 with it, 0.14
        without); the voice detector and the gain stay."""
        fe = self.frontend
        if fe is not None and (fe.config.noise_suppression or not fe.config.band_mirror):
            from dataclasses import replace

            from .frontend import FrontEnd

            self.frontend = FrontEnd(replace(fe.config, noise_suppression=0, noisy_suppression=0,
                                             band_mirror=NARROWBAND_MIRROR))

    def finish_now(self) -> None:
        """End the turn at the next frame (a push-to-finish key; safe from another thread)."""
        self._finish = True

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

    def _steps(self, frame: bytes) -> list[tuple[float, bool]]:
        """(seconds, is speech) steps for this frame; sets ``out``."""
        if self.frontend is not None:
            self.out, probs = self.frontend.process(frame)
            hi = self.config.speech_prob
            # hysteresis: once a turn runs, a little less certainty still counts as speech
            lo = hi - 0.15 if self.in_speech else hi
            return [(dt, p >= lo) for dt, p in probs]
        self.out = frame
        data = self._rem + frame
        n = len(data) - len(data) % _SUB_BYTES
        self._rem = data[n:]
        steps = []
        for db in _sub_dbs(data[:n]):
            self._update_floor(db)
            steps.append((_SUB_S, self.is_speech(db)))
        return steps

    def feed(self, frame: bytes) -> bool:
        cfg = self.config
        for dt, speech in self._steps(frame):
            if self.ended:
                break
            if not self.in_speech:
                self._onset = (self._onset + [(dt, speech)])[-max(1, int(0.3 / dt)):]
                if sum(d for d, s in self._onset if s) >= cfg.onset_s:
                    self.in_speech = True
                    self.turn_s = sum(d for d, _ in self._onset)
                    self.silence_run_s = 0.0
                continue
            self.turn_s += dt
            if speech:
                self.speech_s += dt
                self.silence_run_s = 0.0
            else:
                self.silence_run_s += dt
            paused = self.silence_run_s >= cfg.silence_s and not cfg.finish_only
            if paused or self.turn_s >= cfg.max_utterance_s:
                self.ended = True
        if self._finish and self.in_speech:
            self.ended = True
        return self.ended


def _norm_words(text: str) -> list[str]:
    import re

    return re.sub(r"[^\w' ]", " ", text.lower()).split()


def _ends_with(text: str, phrases: tuple[str, ...]) -> str | None:
    words = _norm_words(text)
    for p in phrases:
        pw = _norm_words(p)
        if pw and words[-len(pw):] == pw:
            return p
    return None


def strip_finish(final: Final, phrases: tuple[str, ...]) -> Final | None:
    """The turn without its push-to-finish words at the end ("… by five. that's all" → "… by five")."""
    phrase = _ends_with(final.text, phrases)
    if phrase is None:
        return final
    n = len(_norm_words(phrase))
    words = final.words[:-n] if len(final.words) >= n else []
    kept = final.text.split()[:-n]
    if not kept:
        return None
    text = " ".join(kept)
    return Final(text, words, final.confidence, final.engine, text)


def listen_once(source: AudioSource, recognizer: Recognizer, endpointer: Endpointer,
                on_partial: Callable[[str], None] | None = None, preroll_s: float = 0.5,
                also: tuple[Any, ...] = ()) -> Final | None:
    """Listen for one turn: feed frames until the endpointer says the turn ended (or the source
    ends), then flush. Returns the turn as one ``Final``, or None when no speech was heard.

    The microphone, files, the dialog loop and the UI all use this loop. Iterating the source
    again continues after this turn. Before speech starts, only the last ``preroll_s`` of audio
    is kept (and then fed, so the first syllable is not lost); older silence is skipped, not
    decoded, so waiting costs no CPU and two hours of silence take seconds. Skipped audio is
    reported to the recognizer (``skip``) so word times stay true to the source.

    ``also``: more listeners (the command spotter) fed the very same cleaned frames, in step.
    A finish phrase (``EndpointConfig.finish_phrases``) heard at the end of the partial text,
    followed by a short pause, ends the turn at once and is removed from the text.
    """
    narrow = getattr(source, "source_rate", SAMPLE_RATE) <= 8000
    if narrow:
        endpointer.narrowband()
    for rec in (recognizer, *also):
        band = getattr(rec, "narrowband", None)
        if band is not None:
            band(narrow)
    endpointer.reset()
    finals: list[Final] = []
    heard = ""
    partial = ""
    preroll: deque[tuple[bytes, float]] = deque()
    keep = max(1, int(round(preroll_s * 1000 / max(1, getattr(source, "block_ms", 100)))))
    skip = getattr(recognizer, "skip", None)
    phrases = endpointer.config.finish_phrases
    listeners = (recognizer, *also)

    def handle(events: list[Any]) -> None:
        nonlocal heard, partial
        for ev in events:
            if isinstance(ev, Final):
                finals.append(ev)
                heard = " ".join(f.text for f in finals)
                partial = heard
            elif isinstance(ev, Partial):
                partial = (heard + " " + ev.text).strip()
                if on_partial is not None:
                    on_partial(partial)

    def feed(frame: bytes) -> None:
        handle(recognizer.accept(frame))
        for other in also:
            other.accept(frame)

    fe = endpointer.frontend
    for frame in source:
        ended = endpointer.feed(frame)
        frame = endpointer.out
        if not frame and not ended:
            continue  # the front end keeps a part-frame until it has 10 ms
        if not endpointer.in_speech:
            preroll.append((frame, fe.applied_db if fe is not None else 0.0))
            if len(preroll) > keep:
                old, _ = preroll.popleft()
                for rec in listeners:
                    sk = getattr(rec, "skip", None)
                    if sk is not None:
                        sk(len(old) / (SAMPLE_RATE * SAMPLE_WIDTH))
                    elif rec is recognizer:
                        handle(recognizer.accept(old))
            continue
        while preroll:  # the first syllables, at the gain the voice turned out to need
            early, gain = preroll.popleft()
            feed(regain(early, gain, fe.applied_db) if fe is not None else early)
        if frame:
            feed(frame)
        if ended:
            break
        if phrases and endpointer.silence_run_s >= 0.4 and _ends_with(partial, phrases):
            break
    if not endpointer.in_speech:
        if skip is not None:
            skip(sum(len(f) for f, _ in preroll) / (SAMPLE_RATE * SAMPLE_WIDTH))
        return None
    handle(recognizer.finish())
    for other in also:
        other.finish()
    final = merge_finals(finals)
    if final is not None and phrases:
        final = strip_finish(final, phrases)
    return final


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
