"""The audio front end on narrowband (8 kHz) speech: the mirrored band the recognizer gets, and
requests heard through the same path as the microphone (issue 13: "8 kHz input gets the right
front-end setting")."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.audio_files import pink, read_wav, voiced_rms, write_wav
from tests.conftest import require_module
from tests.festival import festival_wav
from tests.speech_sets import CONTACTS
from voice_helper.speech.audio import FileSource
from voice_helper.speech.endpoint import NARROWBAND_MIRROR, EndpointConfig, Endpointer, listen_once
from voice_helper.speech.frontend import mirror_band


def _to_8k(src: Path, out: Path) -> Path:
    require_module("soxr")
    import soxr

    x, rate = read_wav(src)
    return write_wav(out, soxr.resample(x, rate, 8000, "HQ"), 8000)


def _band_ratio(data: bytes) -> float:
    """Energy in 4.3–7.7 kHz over energy in 0.3–3.7 kHz (16 kHz audio)."""
    x = np.frombuffer(data, dtype="<i2").astype(np.float64)
    spec = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(x.size, 1 / 16000)
    return float(spec[(f > 4300) & (f < 7700)].sum() / spec[(f > 300) & (f < 3700)].sum())


def _cleaned(path: Path) -> bytes:
    ep = Endpointer(EndpointConfig())
    out = []
    with FileSource(path) as src:
        if src.source_rate <= 8000:
            ep.narrowband()
        for frame in src:
            ep.feed(frame)
            out.append(ep.out)
    return b"".join(out)


def test_mirror_band_is_the_same_cut_into_frames_or_whole() -> None:
    x = np.random.default_rng(1).normal(0, 0.1, 1600).astype(np.float32)
    whole = mirror_band(x, 0.06)
    parts = np.concatenate([mirror_band(x[i:i + 160], 0.06) for i in range(0, 1600, 160)])
    assert np.allclose(whole, parts)
    assert not np.allclose(whole, x)


def test_8khz_speech_gets_a_faint_upper_band_and_16khz_speech_is_left_alone(tmp_path: Path) -> None:
    wide = festival_wav("could someone walk the dog for me this evening", "slt", pad_s=0.5)
    narrow = _to_8k(wide, tmp_path / "narrow.wav")
    ratio_narrow = _band_ratio(_cleaned(narrow))
    # the mirror is NARROWBAND_MIRROR in amplitude: about its square in energy
    assert NARROWBAND_MIRROR ** 2 / 3 < ratio_narrow < NARROWBAND_MIRROR ** 2 * 3
    wide_ratio = _band_ratio(_cleaned(wide))
    with FileSource(wide) as src:
        raw = b"".join(src)
    assert wide_ratio == pytest.approx(_band_ratio(raw), rel=0.5)  # its own upper band, not a mirror


@pytest.fixture(scope="module")
def domain_recognizer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from voice_helper.speech.domain_lm import build_domain_lm
    from voice_helper.speech.recognizers import SphinxRecognizer

    return SphinxRecognizer("en", lm=build_domain_lm(CONTACTS, out_dir=tmp_path_factory.mktemp("lm")))


@pytest.mark.parametrize("voice", ["kal", "slt"])
def test_a_request_on_an_8khz_headset_is_heard(domain_recognizer, tmp_path: Path, voice: str) -> None:  # type: ignore[no-untyped-def]
    """Through listen_once, as from a microphone in call mode."""
    text = "could priya look over my slides before the meeting on monday"
    path = _to_8k(festival_wav(text, voice, pad_s=1.0), tmp_path / f"{voice}.wav")
    domain_recognizer.reset()
    with FileSource(path) as src:
        final = listen_once(src, domain_recognizer, Endpointer(EndpointConfig()))
    assert final is not None
    # before the mirrored band and the narrowband speech mean: "a drill or over my hard report it on
    # the" (kal), "could priya read over my blind up in on monday" (slt)
    assert "look over my slides before the" in final.text and "monday" in final.text, final.text
    if voice == "slt":  # kal says the name "P R Y AH" (Festival's letter-to-sound), at 8 kHz "you"
        assert "could priya look over" in final.text, final.text


def _at(src: Path, out: Path, gain_db: float, noise_snr_db: float | None) -> Path:
    x, rate = read_wav(src)
    x = x * (10 ** (gain_db / 20) / voiced_rms(x))
    if noise_snr_db is not None:
        x = x + pink(x.size, 3) * 10 ** ((gain_db - noise_snr_db) / 20)
    return write_wav(out, x, rate)


@pytest.mark.parametrize(("gain_db", "snr_db", "noisy"), [(-22, None, False), (-56, None, False),
                                                          (-22, 20, False), (-22, 10, True), (-22, 5, True)])
def test_noise_suppression_follows_the_room(tmp_path: Path, gain_db: float, snr_db: float | None,
                                            noisy: bool) -> None:
    """The stronger suppression only where the noise is near the voice: it costs words in a quiet
    room and for a quiet voice, and saves them in a noisy one (the numbers in frontend.py)."""
    path = _at(festival_wav("could someone walk the dog for me this evening", "kal", pad_s=0.5),
               tmp_path / "x.wav", gain_db, snr_db)
    ep = Endpointer(EndpointConfig())
    states = []
    with FileSource(path) as src:
        for frame in src:
            ep.feed(frame)
            states.append(ep.frontend.noisy)
    share = sum(states) / len(states)
    assert (share > 0.9) if noisy else (share < 0.1), share
