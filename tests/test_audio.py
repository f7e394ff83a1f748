"""Audio sources and endpointing: real WAV files (made with sox and by hand), real soxr."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import require_module, require_tool
from tests.festival import festival_wav
from voice_helper.errors import VoiceHelperError
from voice_helper.speech.audio import AudioError, FileSource, MicrophoneSource
from voice_helper.speech.endpoint import EndpointConfig, Endpointer

RATE = 16000


def pcm(path: Path) -> np.ndarray:
    return np.frombuffer(b"".join(FileSource(path)), dtype="<i2").astype(np.float64) / 32768


def peak_hz(x: np.ndarray, rate: int = RATE) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spec))])


def sox(*args: str) -> None:
    require_tool("sox")
    subprocess.run(["sox", *args], check=True, capture_output=True, timeout=60)


def write_wav(path: Path, samples: np.ndarray, rate: int, width: int, channels: int = 1) -> Path:
    """Integer PCM WAV with the stdlib writer (8-bit is unsigned)."""
    x = np.repeat(samples[:, None], channels, axis=1).reshape(-1)
    if width == 1:
        data = (np.clip(x, -1, 0.99) * 127 + 128).astype(np.uint8).tobytes()
    elif width == 2:
        data = (np.clip(x, -1, 0.9999) * 32767).astype("<i2").tobytes()
    else:
        data = (np.clip(x, -1, 0.9999) * 2147483647).astype("<i4").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(data)
    return path


def tone(freq: float, rate: int, seconds: float = 1.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return amp * np.sin(2 * np.pi * freq * t)


# --- conversion -----------------------------------------------------------------------------


def test_resample_441_stereo_24bit_keeps_frequency(tmp_path: Path) -> None:
    path = tmp_path / "sine.wav"
    sox("-n", "-r", "44100", "-c", "2", "-b", "24", str(path), "synth", "1", "sine", "1000", "vol", "0.5")
    src = FileSource(path)
    blocks = list(src)
    assert all(len(b) == 3200 for b in blocks[:-1]) and len(blocks) == 10
    x = np.frombuffer(b"".join(blocks), dtype="<i2").astype(np.float64) / 32768
    assert abs(len(x) - RATE) <= 2
    assert abs(peak_hz(x) - 1000) < 5
    assert 0.3 < np.sqrt(np.mean(x[1000:-1000] ** 2)) * np.sqrt(2) < 0.6  # amplitude kept


def test_12khz_tone_is_filtered_not_aliased(tmp_path: Path) -> None:
    """12 kHz is above the 8 kHz Nyquist of 16 kHz audio: dropping samples would fold it to 4 kHz."""
    path = tmp_path / "high.wav"
    sox("-n", "-r", "44100", "-c", "2", "-b", "24", str(path), "synth", "1", "sine", "12000", "vol", "0.5")
    x = pcm(path)
    rms = np.sqrt(np.mean(x ** 2))
    assert rms < 0.005  # input RMS is 0.35: > 36 dB removed
    naive = tone(12000, 44100)[:: 44100 // 16000]  # what decimation would give: a strong alias
    assert np.sqrt(np.mean(naive ** 2)) > 0.3


@pytest.mark.parametrize("width", [1, 2, 4])
def test_8_16_32_bit_wavs(tmp_path: Path, width: int) -> None:
    path = write_wav(tmp_path / f"w{width}.wav", tone(440, 8000), 8000, width, channels=2)
    x = pcm(path)
    assert abs(len(x) - RATE) <= 2
    assert abs(peak_hz(x) - 440) < 5
    assert 0.3 < np.max(np.abs(x[200:-200])) < 0.6


def test_float_wav(tmp_path: Path) -> None:
    path = tmp_path / "f.wav"
    sox("-n", "-r", "22050", "-e", "floating-point", "-b", "32", str(path), "synth", "0.5", "sine", "500")
    x = pcm(path)
    assert abs(peak_hz(x) - 500) < 5


def test_raw_pcm_passes_through(tmp_path: Path) -> None:
    samples = (tone(300, RATE, 0.55) * 32767).astype("<i2")
    path = tmp_path / "a.raw"
    path.write_bytes(samples.tobytes())
    blocks = list(FileSource(path, block_ms=100))
    assert b"".join(blocks) == samples.tobytes()
    assert [len(b) for b in blocks] == [3200] * 5 + [1600]


def test_16k_mono_wav_is_bit_exact(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "m.wav", tone(300, RATE, 0.3), RATE, 2)
    with wave.open(str(path)) as w:
        raw = w.readframes(w.getnframes())
    assert b"".join(FileSource(path)) == raw


@pytest.mark.parametrize("content,suffix,message", [
    (b"this is not audio at all" * 10, ".wav", "not a WAV file"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00", ".wav", "corrupt WAV"),
    (b"", ".wav", "not a WAV file"),
    (b"", ".raw", "empty audio file"),
    (b"ID3\x03\x00\x00\x00", ".mp3", "unsupported audio format '.mp3'"),
])
def test_bad_files_one_clear_error(tmp_path: Path, content: bytes, suffix: str, message: str) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message) as exc:
        FileSource(path)
    assert isinstance(exc.value, VoiceHelperError) and "\n" not in str(exc.value)


def test_empty_wav_and_missing_file(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "empty.wav", np.zeros(0), RATE, 2)
    with pytest.raises(AudioError, match="empty WAV"):
        FileSource(path)
    with pytest.raises(AudioError, match="no such file"):
        FileSource(tmp_path / "nope.wav")


def test_truncated_wav_reads_what_is_there(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "t.wav", tone(440, RATE, 1.0), RATE, 2)
    data = path.read_bytes()
    keep = len(data) // 2 + 1
    path.write_bytes(data[:keep])  # header says 1 s, about half is there (odd length)
    x = pcm(path)
    assert len(x) == (keep - 44) // 2


def test_unsupported_encoding(tmp_path: Path) -> None:
    path = tmp_path / "alaw.wav"
    sox("-n", "-r", "8000", "-e", "a-law", str(path), "synth", "0.2", "sine", "300")
    with pytest.raises(AudioError, match="unsupported WAV encoding"):
        FileSource(path)


def test_realtime_pacing(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "p.wav", tone(300, RATE, 0.5), RATE, 2)
    import time

    t0 = time.monotonic()
    n = len(list(FileSource(path, realtime=True)))
    assert n == 5 and time.monotonic() - t0 >= 0.45


# --- endpointing ----------------------------------------------------------------------------


def _frames(x: np.ndarray) -> list[bytes]:
    b = (np.clip(x, -1, 0.9999) * 32767).astype("<i2").tobytes()
    return [b[i:i + 3200] for i in range(0, len(b), 3200)]


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    """Festival speech trimmed to where the voice is (Festival adds its own silence)."""
    x = pcm(festival_wav("I need some help with the report", "kal"))
    loud = np.nonzero(np.abs(x) > 0.01)[0]
    return x[loud[0]:loud[-1] + 1]


def _noise(seconds: float, level: float = 0.002, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, level, int(RATE * seconds))


def _end_time(x: np.ndarray, config: EndpointConfig | None = None) -> float | None:
    ep = Endpointer(config)
    for i, f in enumerate(_frames(x)):
        if ep.feed(f):
            return (i + 1) * 0.1
    return None


def test_pause_of_2_s_does_not_split_but_3_2_s_does(speech: np.ndarray) -> None:
    """The default lets a ~2 s pause pass mid-sentence (people who pause to find a word)."""
    n = len(speech)
    short = np.concatenate([_noise(0.5), speech, _noise(2.0), speech, _noise(3.0)])
    long = np.concatenate([_noise(0.5), speech, _noise(3.2), speech, _noise(3.0)])
    end_short = _end_time(short)
    end_long = _end_time(long)
    second_start = 0.5 + n / RATE + 2.0
    assert end_short is not None and end_short > second_start + n / RATE  # one turn, both halves
    assert end_long is not None and end_long < 0.5 + n / RATE + 3.2  # ended in the long pause
    assert end_long > 0.5 + n / RATE + 2.2  # ...but not before the pause length


def test_energy_gate_kept_for_comparison(speech: np.ndarray) -> None:
    """The old energy endpointer (no front end) still works: what the bench compares against."""
    cfg = EndpointConfig(vad="energy", silence_s=1.8)
    x = np.concatenate([_noise(0.5), speech, _noise(2.5), speech, _noise(3.0)])
    t = _end_time(x, cfg)
    assert t is not None and 0.5 + len(speech) / RATE + 1.5 < t < 0.5 + len(speech) / RATE + 2.5


def test_quiet_voice_is_heard_but_a_noise_burst_is_not(speech: np.ndarray) -> None:
    """−56 dBFS speech starts a turn (the old −50 dBFS gate missed it); a loud burst of noise does not."""
    rms = float(np.sqrt(np.mean(speech ** 2)))
    quiet = speech * (10 ** (-56 / 20) / rms)
    x = np.concatenate([_noise(0.5, 0.0002), quiet, _noise(3.0, 0.0002)])
    assert _end_time(x, EndpointConfig(vad="energy")) is None  # the old gate: "no speech"
    t = _end_time(x)
    assert t is not None and t > 0.5 + len(speech) / RATE
    burst = np.random.default_rng(3).normal(0, 0.3, RATE // 2)  # half a second of loud hiss
    assert _end_time(np.concatenate([_noise(0.5), burst, _noise(3.0)])) is None


def test_leading_silence_never_ends_a_turn_and_max_length(speech: np.ndarray) -> None:
    assert _end_time(_noise(10.0)) is None
    assert _end_time(np.zeros(RATE * 5)) is None
    cfg = EndpointConfig(max_utterance_s=2.0)
    loud = np.concatenate([_noise(1.0), np.tile(speech, 3)])
    t = _end_time(loud, cfg)
    assert t is not None and t < 1.0 + 2.0 + 0.5


def test_silence_setting_is_used(speech: np.ndarray) -> None:
    from voice_helper.config import Settings

    s = Settings()
    assert s.speech.endpoint_silence_s >= 1.5
    s.speech.endpoint_silence_s = 0.8
    x = np.concatenate([_noise(0.5), speech, _noise(1.2), speech, _noise(2.0)])
    t = _end_time(x, EndpointConfig.from_settings(s))
    assert t is not None and t < 0.5 + len(speech) / RATE + 1.2  # now the 1.2 s pause splits
    s.speech.endpoint_silence_s = 9.0  # "take your time" stops at 5 s
    assert EndpointConfig.from_settings(s).silence_s == 5.0


def test_noise_floor_adapts_to_steady_noise(speech: np.ndarray) -> None:
    loud_noise = 0.02  # about -34 dBFS of hiss: louder than min_speech_db
    x = np.concatenate([_noise(2.0, loud_noise), speech * 2 + _noise(len(speech) / RATE, loud_noise, 2),
                        _noise(3.0, loud_noise, 3)])
    t = _end_time(x, EndpointConfig(vad="energy", silence_s=1.8))
    assert t is not None and 2.0 + len(speech) / RATE + 1.5 <= t + 0.15 <= 2.0 + len(speech) / RATE + 3.0
    t = _end_time(x)  # the VAD ignores the hiss too
    assert t is not None and 2.0 + len(speech) / RATE + 2.3 <= t + 0.15 <= 2.0 + len(speech) / RATE + 3.5


# --- microphone -----------------------------------------------------------------------------


def test_no_microphone_is_a_clear_error() -> None:
    """This machine has no input device: the real sounddevice query must say so, not crash."""
    require_module("sounddevice", "apt-get install libportaudio2 && pip install sounddevice")
    with pytest.raises(AudioError, match="no microphone found"):
        MicrophoneSource()
    with pytest.raises(AudioError, match="input device 'no-such-mic' not found"):
        MicrophoneSource(device="no-such-mic")


class FakeStream:
    """Stands in for PortAudio (no microphone here); the real callback is fed recorded frames."""

    def __init__(self, callback, block_ms: int, device) -> None:  # type: ignore[no-untyped-def]
        self.callback = callback
        self.active = False
        self.closed = False

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        self.active = False

    def close(self) -> None:
        self.closed = True


class Status:
    input_overflow = False


def test_microphone_queue_drops_oldest_and_counts() -> None:
    streams: list[FakeStream] = []

    def factory(**kw):  # type: ignore[no-untyped-def]
        streams.append(FakeStream(**kw))
        return streams[-1]

    mic = MicrophoneSource(queue_blocks=5, stream_factory=factory)
    cb = streams[0].callback
    blocks = [bytes([i]) * 3200 for i in range(8)]
    for b in blocks:
        cb(b, 1600, None, Status())
    assert mic.overflows == 3
    it = iter(mic)
    got = [next(it) for _ in range(5)]
    assert got == blocks[3:]  # the oldest three went, order kept
    s = Status()
    s.input_overflow = True
    cb(blocks[0], 1600, None, s)
    assert mic.overflows == 4 and next(it) == blocks[0]
    mic.close()
    assert streams[0].closed


def test_microphone_that_disappears_raises_not_hangs() -> None:
    streams: list[FakeStream] = []

    def factory(**kw):  # type: ignore[no-untyped-def]
        streams.append(FakeStream(**kw))
        return streams[-1]

    with MicrophoneSource(stream_factory=factory, stall_timeout_s=1.0) as mic:
        streams[0].callback(b"\x00" * 3200, 1600, None, Status())
        it = iter(mic)
        assert next(it) == b"\x00" * 3200
        streams[0].active = False  # unplugged: PortAudio stops the stream
        with pytest.raises(AudioError, match="microphone stopped"):
            next(it)


def test_microphone_source_through_listen_once(speech: np.ndarray) -> None:
    """Recorded frames fed through the real callback reach the endpointer via listen_once."""
    from voice_helper.speech.endpoint import listen_once
    from voice_helper.speech.recognizers import Final, Partial

    class EchoRecognizer:  # counts bytes; the real engines are tested in test_recognizers
        engine = "echo"

        def __init__(self) -> None:
            self.n = 0

        def accept(self, frame: bytes):  # type: ignore[no-untyped-def]
            self.n += len(frame)
            return [Partial(str(self.n))]

        def finish(self):  # type: ignore[no-untyped-def]
            return [Final(f"{self.n} bytes")]

        def reset(self) -> None:
            pass

        def set_grammar(self, phrases) -> None:  # type: ignore[no-untyped-def]
            pass

    streams: list[FakeStream] = []
    mic = MicrophoneSource(queue_blocks=1000, stream_factory=lambda **kw: streams.append(FakeStream(**kw)) or streams[-1])
    x = np.concatenate([_noise(0.5), speech, _noise(3.5)])
    for f in _frames(x):
        streams[0].callback(f, len(f) // 2, None, Status())
    partials: list[str] = []
    final = listen_once(mic, EchoRecognizer(), Endpointer(), partials.append)
    mic.close()
    assert final is not None and partials
    fed_s = int(final.text.split()[0]) / 32000
    assert 0.5 + len(speech) / RATE + 2.4 <= fed_s <= 0.5 + len(speech) / RATE + 2.9
