"""Interruptible playback of a WAV through an output sink.

The app plays speech itself (not pyttsx3's ``aplay``) so that ``stop()`` cuts it within one
block (20 ms), progress is known, and the dialog knows exactly when the speaker is silent.
A sink is anything that takes int16 frames at the sound card's pace:

- ``SounddeviceSink``: the real speakers (PortAudio ``OutputStream``), production.
- ``AplaySink``: ``aplay`` on stdin when PortAudio has no output but ALSA does.
- ``PacedSink``: consumes frames at real-time pace and keeps them; the stand-in for speakers where
  there are none (tests, benchmarks), so timing and interruption are exercised for real.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

BLOCK_S = 0.02


class NoAudioOutput(RuntimeError):
    """There is no way to make sound here; the caller shows the text instead."""


@dataclass
class Clip:
    samples: np.ndarray  # int16, mono
    rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


def read_wav(path: Path) -> Clip:
    """A mono int16 clip from a PCM WAV (stereo is mixed down)."""
    try:
        with wave.open(str(path), "rb") as w:
            rate, ch, width, n = w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes()
            raw = w.readframes(n)
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"{path}: not a PCM WAV file ({exc})") from None
    if width != 2:
        raise ValueError(f"{path}: {8 * width}-bit audio; expected 16-bit")
    data = np.frombuffer(raw, dtype="<i2")
    if ch > 1:
        data = data.reshape(-1, ch).mean(axis=1).astype(np.int16)
    return Clip(np.ascontiguousarray(data, dtype=np.int16), rate)


class Sink(Protocol):
    def open(self, rate: int) -> None: ...
    def write(self, block: np.ndarray) -> None: ...  # blocks about len(block)/rate seconds
    def abort(self) -> None: ...  # drop whatever is buffered, now
    def close(self) -> None: ...  # let buffered audio finish


class SounddeviceSink:
    """The speakers, through PortAudio. ``open`` raises NoAudioOutput when there are none."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self._stream = None

    def open(self, rate: int) -> None:
        try:
            import sounddevice as sd

            self._stream = sd.OutputStream(samplerate=rate, channels=1, dtype="int16",
                                           device=self.device, blocksize=int(rate * BLOCK_S))
            self._stream.start()
        except Exception as exc:  # PortAudioError, OSError for a missing libportaudio
            self._stream = None
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise NoAudioOutput(f"no audio output ({first}); showing the text instead") from None

    def write(self, block: np.ndarray) -> None:
        assert self._stream is not None
        self._stream.write(block.reshape(-1, 1))

    def abort(self) -> None:
        if self._stream is not None:
            self._stream.abort()

    def close(self) -> None:
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            finally:
                self._stream = None


class AplaySink:
    """ALSA's ``aplay`` reading raw frames; killing it is the interruption."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._rate = 0
        self._t0 = 0.0
        self._sent = 0

    def open(self, rate: int) -> None:
        exe = shutil.which("aplay")
        if exe is None:
            raise NoAudioOutput("no audio output (aplay is not installed)")
        self._proc = subprocess.Popen([exe, "-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", str(rate)],
                                      stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE)
        time.sleep(0.05)
        if self._proc.poll() is not None:
            err = self._proc.stderr.read().decode("utf-8", "replace").strip() if self._proc.stderr else ""
            self._proc = None
            why = "no sound device" if ("card" in err or "No such" in err or not err) else err.splitlines()[-1]
            raise NoAudioOutput(f"no audio output ({why}); showing the text instead")
        self._rate, self._t0, self._sent = rate, time.monotonic(), 0

    def write(self, block: np.ndarray) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.write(block.tobytes())
        except (BrokenPipeError, OSError):
            raise NoAudioOutput("no audio output (aplay stopped)") from None
        # pace ourselves so stop() is never more than a block ahead of the ear
        self._sent += len(block)
        ahead = self._t0 + self._sent / self._rate - time.monotonic() - 2 * BLOCK_S
        if ahead > 0:
            time.sleep(ahead)

    def abort(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc = None

    def close(self) -> None:
        if self._proc is not None:
            try:
                if self._proc.stdin:
                    self._proc.stdin.close()
                self._proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
            self._proc = None


class PacedSink:
    """Takes frames at real-time pace and keeps them (speakers' stand-in where there are none)."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.frames: list[np.ndarray] = []
        self.rate = 0
        self._t0 = 0.0
        self._n = 0
        self.aborted = False

    def open(self, rate: int) -> None:
        self.rate, self._t0, self._n = rate, time.monotonic(), 0

    def write(self, block: np.ndarray) -> None:
        self._n += len(block)
        if self.keep:
            self.frames.append(block.copy())
        delay = self._t0 + self._n / self.rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def abort(self) -> None:
        self.aborted = True

    def close(self) -> None:
        pass

    @property
    def played_s(self) -> float:
        return sum(len(f) for f in self.frames) / self.rate if self.rate else 0.0


def default_sink() -> Sink:
    """PortAudio when it has an output device, else aplay, else NoAudioOutput at open."""
    try:
        import sounddevice as sd

        sd.query_devices(kind="output")
        return SounddeviceSink()
    except Exception:
        return AplaySink()


def play(clip: Clip, sink: Sink, stop: threading.Event, volume: float = 1.0,
         on_progress: Callable[[float], None] | None = None) -> bool:
    """Play ``clip`` block by block; True when it finished, False when ``stop`` cut it."""
    samples = clip.samples
    if volume != 1.0:
        samples = np.clip(samples.astype(np.float32) * max(0.0, volume), -32768, 32767).astype(np.int16)
    block = max(1, int(clip.rate * BLOCK_S))
    sink.open(clip.rate)
    try:
        for i in range(0, len(samples), block):
            if stop.is_set():
                sink.abort()
                return False
            sink.write(samples[i:i + block])
            if on_progress is not None:
                on_progress(min(1.0, (i + block) / max(1, len(samples))))
        if stop.is_set():
            sink.abort()
            return False
        sink.close()
        return True
    except BaseException:
        sink.abort()
        raise
