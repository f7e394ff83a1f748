"""Mono 16-bit WAV files as float arrays, and pink noise: the test conditions the speech tests
and ``scripts/bench_stt.py`` build from Festival clips (quiet, noisy, 8 kHz)."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
    return x, rate


def write_wav(path: Path, x: np.ndarray, rate: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # one rename: parallel runs cannot read half a file
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(x, -1, 32767 / 32768) * 32768).astype("<i2").tobytes())
    tmp.replace(path)
    return path


def pink(n: int, seed: int) -> np.ndarray:
    """Pink (1/f) noise by shaping white noise's spectrum, at unit RMS."""
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.normal(0, 1, n))
    f = np.arange(spec.size, dtype=np.float64)
    f[0] = 1
    x = np.fft.irfft(spec / np.sqrt(f), n)
    return (x / np.sqrt(np.mean(x ** 2))).astype(np.float32)


def voiced_rms(x: np.ndarray, gate: float = 0.02) -> float:
    """RMS over the voiced part (samples above ``gate`` of the peak)."""
    v = x[np.abs(x) > gate * np.abs(x).max()]
    return float(np.sqrt(np.mean(v ** 2)))
