"""Audio sources: every source yields 16 kHz mono signed 16-bit little-endian frames.

A file and the microphone go through the same downstream code (``endpoint.listen_once``), so tests
of files exercise what users run. WAV files of any common rate, width and channel count are
converted with soxr (a polyphase, anti-aliased resampler): dropping samples would alias high
frequencies into the speech band and hurt recognition. Files are streamed block by block, so a
2-hour file takes no more memory than a 2-second one.
"""

from __future__ import annotations

import queue
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..errors import VoiceHelperError

SAMPLE_RATE = 16000
SAMPLE_WIDTH = 2  # bytes, int16
RAW_SUFFIXES = (".pcm", ".raw")
WAV_SUFFIXES = (".wav", ".wave")
_READ_FRAMES = 16000  # source frames read per step from a WAV (bounded memory)

_FMT_PCM = 1
_FMT_FLOAT = 3
_FMT_EXTENSIBLE = 0xFFFE


class AudioError(VoiceHelperError):
    """Audio cannot be read or captured; the message says which file or device and why."""


class AudioSource(Protocol):
    """Iterating yields ``bytes`` blocks of 16 kHz mono int16 (``block_ms`` long, the last shorter)."""

    block_ms: int

    def __iter__(self) -> Iterator[bytes]: ...

    def close(self) -> None: ...


def block_bytes(block_ms: int) -> int:
    return SAMPLE_RATE * block_ms // 1000 * SAMPLE_WIDTH


# --- WAV parsing ----------------------------------------------------------------------------


class _WavInfo:
    def __init__(self, fmt: int, channels: int, rate: int, width: int, data_offset: int,
                 data_size: int) -> None:
        self.fmt, self.channels, self.rate, self.width = fmt, channels, rate, width
        self.data_offset, self.data_size = data_offset, data_size


def _parse_wav(fh: BinaryIO, name: str, file_size: int) -> _WavInfo:
    """Read RIFF chunks up to ``data``. Our own parser: ``wave`` refuses float and extensible WAVs."""
    head = fh.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
        raise AudioError(f"{name}: not a WAV file (no RIFF/WAVE header); is it corrupt?")
    fmt = None
    while True:
        chunk = fh.read(8)
        if len(chunk) < 8:
            break
        cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if cid == b"fmt ":
            body = fh.read(size)
            if len(body) < 16:
                raise AudioError(f"{name}: corrupt WAV (short format chunk)")
            tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if tag == _FMT_EXTENSIBLE and len(body) >= 26:
                tag = struct.unpack("<H", body[24:26])[0]
            fmt = (tag, channels, rate, bits)
            if size % 2:
                fh.read(1)
        elif cid == b"data":
            if fmt is None:
                raise AudioError(f"{name}: corrupt WAV (data before format)")
            offset = fh.tell()
            if size in (0xFFFFFFFF, 0) and file_size > offset:  # streamed WAVs leave the size unset
                size = file_size - offset
            size = min(size, max(0, file_size - offset))  # a truncated file: read what is there
            tag, channels, rate, bits = fmt
            width = bits // 8
            if tag not in (_FMT_PCM, _FMT_FLOAT) or (tag == _FMT_PCM and width not in (1, 2, 3, 4)) \
                    or (tag == _FMT_FLOAT and width not in (4, 8)):
                raise AudioError(f"{name}: unsupported WAV encoding (format {tag}, {bits} bit); "
                                 "use PCM 8/16/24/32-bit or float")
            if channels < 1 or not 4000 <= rate <= 384000:
                raise AudioError(f"{name}: corrupt WAV ({channels} channels at {rate} Hz)")
            return _WavInfo(tag, channels, rate, width, offset, size - size % (width * channels))
        else:
            fh.seek(size + (size % 2), 1)
    raise AudioError(f"{name}: corrupt WAV (no audio data chunk)")


def _to_float(raw: bytes, info: _WavInfo) -> Any:
    """Bytes of interleaved samples -> float32 array (frames, channels) in [-1, 1]."""
    import numpy as np

    w = info.width
    if info.fmt == _FMT_FLOAT:
        a = np.frombuffer(raw, dtype="<f4" if w == 4 else "<f8").astype(np.float32)
    elif w == 1:  # 8-bit WAV is unsigned
        a = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif w == 2:
        a = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif w == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v & 0x800000, v - 0x1000000, v)
        a = v.astype(np.float32) / 8388608.0
    else:
        a = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2147483648.0
    return a.reshape(-1, info.channels)


def _to_int16_bytes(mono: Any) -> bytes:
    import numpy as np

    return (np.clip(mono, -1.0, 32767 / 32768) * 32768.0).astype("<i2").tobytes()


class Resampler:
    """Streaming float mono resampler to 16 kHz (soxr, high quality); identity at 16 kHz."""

    def __init__(self, in_rate: int) -> None:
        self.in_rate = in_rate
        self._stream = None
        if in_rate != SAMPLE_RATE:
            import soxr

            self._stream = soxr.ResampleStream(in_rate, SAMPLE_RATE, 1, dtype="float32", quality="HQ")

    def process(self, mono: Any, last: bool = False) -> Any:
        if self._stream is None:
            return mono
        import numpy as np

        return self._stream.resample_chunk(np.ascontiguousarray(mono, dtype=np.float32), last=last)


def resample_to_16k(samples: Any, rate: int) -> Any:
    """A whole float mono array at ``rate`` -> 16 kHz (for tests and short clips)."""
    r = Resampler(rate)
    return r.process(samples, last=True)


class _Blocker:
    """Cuts a byte stream into fixed-size blocks."""

    def __init__(self, size: int) -> None:
        self.size, self.buf = size, bytearray()

    def push(self, data: bytes) -> Iterator[bytes]:
        self.buf += data
        while len(self.buf) >= self.size:
            yield bytes(self.buf[: self.size])
            del self.buf[: self.size]

    def flush(self) -> Iterator[bytes]:
        if self.buf:
            yield bytes(self.buf)
            self.buf.clear()


# --- file source ----------------------------------------------------------------------------


class FileSource:
    """A WAV or raw 16 kHz s16le PCM file as 16 kHz mono blocks.

    Errors (missing, corrupt, empty, unsupported) are raised when the source is created, so a
    caller fails before it loads a model. ``realtime=True`` paces blocks like a microphone.
    Iterating twice continues where the last iteration stopped (utterance after utterance).
    """

    @property
    def source_rate(self) -> int:
        """The file's own sample rate (8000: narrowband, a headset in call mode)."""
        return self._info.rate if self._info is not None else SAMPLE_RATE

    def __init__(self, path: str | Path, block_ms: int = 100, realtime: bool = False) -> None:
        self.path = Path(path)
        self.block_ms = block_ms
        self.realtime = realtime
        self.exhausted = False
        name = str(self.path)
        if not self.path.is_file():
            raise AudioError(f"{name}: no such file")
        suffix = self.path.suffix.lower()
        size = self.path.stat().st_size
        self._fh: BinaryIO | None = None
        self._info: _WavInfo | None = None
        try:
            fh = open(self.path, "rb")
        except OSError as exc:
            raise AudioError(f"{name}: cannot open ({exc.strerror})") from None
        if suffix in RAW_SUFFIXES:
            if size < SAMPLE_WIDTH:
                fh.close()
                raise AudioError(f"{name}: empty audio file")
            self._info = _WavInfo(_FMT_PCM, 1, SAMPLE_RATE, 2, 0, size - size % 2)
        elif suffix in WAV_SUFFIXES or fh.read(4) in (b"RIFF", b"RF64"):
            fh.seek(0)
            try:
                self._info = _parse_wav(fh, name, size)
            except AudioError:
                fh.close()
                raise
            if self._info.data_size == 0:
                fh.close()
                raise AudioError(f"{name}: empty WAV (no audio samples)")
        else:
            fh.close()
            raise AudioError(f"{name}: unsupported audio format {suffix or '(no extension)'!r}; "
                             "use a WAV file or raw 16 kHz 16-bit mono PCM (.raw/.pcm)")
        self._fh = fh
        self.duration_s = self._info.data_size / (self._info.width * self._info.channels * self._info.rate)
        self._frames = self._generate()

    def __iter__(self) -> Iterator[bytes]:
        return self._frames

    def _generate(self) -> Iterator[bytes]:
        import numpy as np

        info, fh = self._info, self._fh
        assert info is not None and fh is not None
        fh.seek(info.data_offset)
        remaining = info.data_size
        step = _READ_FRAMES * info.width * info.channels
        resampler = Resampler(info.rate)
        blocker = _Blocker(block_bytes(self.block_ms))
        passthrough = info.rate == SAMPLE_RATE and info.channels == 1 and info.width == 2 \
            and info.fmt == _FMT_PCM
        start = time.monotonic()
        sent_s = 0.0
        while remaining > 0:
            raw = fh.read(min(step, remaining))
            if not raw:
                break
            remaining -= len(raw)
            last = remaining <= 0
            if passthrough:
                out = raw
            else:
                usable = len(raw) - len(raw) % (info.width * info.channels)
                mono = _to_float(raw[:usable], info).mean(axis=1, dtype=np.float32)
                out = _to_int16_bytes(resampler.process(mono, last=last))
            for block in blocker.push(out):
                if self.realtime:
                    sent_s += self.block_ms / 1000
                    delay = start + sent_s - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                yield block
        if not passthrough and remaining > 0:  # file ended early: flush the resampler
            out = _to_int16_bytes(resampler.process(np.zeros(0, np.float32), last=True))
            yield from blocker.push(out)
        yield from blocker.flush()
        self.exhausted = True
        self.close()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "FileSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- microphone source ----------------------------------------------------------------------


class BlockQueue:
    """A bounded queue that never blocks the audio callback: when full, the oldest block goes.

    ``overflows`` counts dropped blocks (and PortAudio input overflows), so a slow consumer shows
    up as a number in the UI instead of a crash or a growing delay.
    """

    def __init__(self, maxsize: int) -> None:
        self._q: queue.Queue[bytes] = queue.Queue(maxsize=maxsize)
        self.overflows = 0
        self._lock = threading.Lock()

    def put(self, block: bytes) -> None:
        with self._lock:
            while True:
                try:
                    self._q.put_nowait(block)
                    return
                except queue.Full:
                    try:
                        self._q.get_nowait()
                        self.overflows += 1
                    except queue.Empty:
                        pass

    def get(self, timeout: float) -> bytes:
        return self._q.get(timeout=timeout)

    def qsize(self) -> int:
        return self._q.qsize()


StreamFactory = Callable[..., Any]


class MicrophoneSource:
    """The microphone through a sounddevice ``RawInputStream`` at 16 kHz mono int16.

    The PortAudio callback only copies bytes into a :class:`BlockQueue`. Iteration waits with a
    timeout and checks that the stream is still active, so an unplugged device raises
    :class:`AudioError` instead of hanging. ``stream_factory`` exists so tests can stand in for
    a microphone (there is none here) and feed the real callback with recorded frames.
    """

    def __init__(self, device: int | str | None = None, block_ms: int = 100, queue_blocks: int = 50,
                 stall_timeout_s: float = 2.0, stream_factory: StreamFactory | None = None) -> None:
        self.block_ms = block_ms
        self.device = None if device in ("", None) else device
        self.queue = BlockQueue(queue_blocks)
        self.stall_timeout_s = stall_timeout_s
        self._closed = False
        self._resampler: Resampler | None = None
        self._blocker = _Blocker(block_bytes(block_ms))
        if stream_factory is None:
            stream_factory = self._sounddevice_stream
        self._stream = stream_factory(callback=self._callback, block_ms=block_ms, device=self.device)
        try:
            self._stream.start()
        except Exception as exc:  # PortAudioError and friends
            raise AudioError(f"the microphone could not start: {exc}") from None
        self._frames = self._generate()

    @property
    def overflows(self) -> int:
        return self.queue.overflows

    def _sounddevice_stream(self, callback: Callable[..., None], block_ms: int,
                            device: int | str | None) -> Any:
        try:
            import sounddevice as sd
        except OSError as exc:  # libportaudio missing
            raise AudioError(f"no audio system: {exc}; install libportaudio2") from None
        try:
            info = sd.query_devices(device, kind="input")
        except (ValueError, sd.PortAudioError) as exc:
            what = f"input device {device!r} not found" if device is not None else \
                "no microphone found"
            raise AudioError(f"{what} ({exc}); plug one in or pick one in settings "
                             "(speech.input_device); you can still type") from None
        rate = SAMPLE_RATE
        try:
            sd.check_input_settings(device=device, channels=1, dtype="int16", samplerate=rate)
        except Exception:
            rate = int(info["default_samplerate"])  # the device cannot do 16 kHz: resample ourselves
            self._resampler = Resampler(rate)
        try:
            return sd.RawInputStream(samplerate=rate, blocksize=rate * block_ms // 1000, device=device,
                                     channels=1, dtype="int16", callback=callback)
        except Exception as exc:
            raise AudioError(f"the microphone could not be opened: {exc}") from None

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        """Runs on PortAudio's thread: copy and return quickly; never raise."""
        if status and getattr(status, "input_overflow", False):
            self.queue.overflows += 1
        self.queue.put(bytes(indata))

    def __iter__(self) -> Iterator[bytes]:
        return self._frames

    def _generate(self) -> Iterator[bytes]:
        import numpy as np

        waited = 0.0
        while not self._closed:
            try:
                data = self.queue.get(timeout=0.25)
            except queue.Empty:
                if self._closed:
                    return
                waited += 0.25
                if not getattr(self._stream, "active", True) or waited >= self.stall_timeout_s:
                    self.close()
                    raise AudioError("the microphone stopped sending audio (unplugged or in use "
                                     "by another program?)") from None
                continue
            waited = 0.0
            if self._resampler is not None:
                mono = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
                data = _to_int16_bytes(self._resampler.process(mono))
            yield from self._blocker.push(data)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for name in ("stop", "close"):
            try:
                getattr(self._stream, name)()
            except Exception:
                pass

    def __enter__(self) -> "MicrophoneSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
