"""Learning a voice (speech.adaptation, voice_learning, `voice-helper voice`): real sphinxtrain
tools, real pocketsphinx decoding, Festival speech as the person reading the sentences."""

from __future__ import annotations

import json
import stat
import struct
from pathlib import Path

import numpy as np
import pytest

from tests.audio_files import write_wav
from tests.conftest import _missing, run_cli
from tests.festival import festival_wav
from voice_helper.speech import adaptation


def require_learning_tools() -> None:
    missing = adaptation.missing_packages()
    if missing:
        _missing("sphinxtrain's tools", f"apt-get install {' '.join(missing)}")


def test_every_sentence_to_read_is_in_the_dictionary() -> None:
    import pocketsphinx

    words = set()
    with open(Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict", encoding="utf-8") as fh:
        words = {line.split(" ", 1)[0] for line in fh}
    sentences = adaptation.prompts("en")
    assert len(sentences) == 21
    assert [w for s in sentences for w in s.split() if w not in words] == []
    with pytest.raises(adaptation.AdaptationError, match="English only"):
        adaptation.prompts("ja")


def test_the_compressed_mixture_weights_expand_to_probabilities_bw_can_read(tmp_path: Path) -> None:
    src = Path(adaptation._model_dir()) / "en-us" / "sendump"
    mixw = adaptation._read_sendump(src)
    assert mixw.shape == (5126, 3, 128)  # senones × streams × densities
    sums = mixw.sum(axis=2)
    assert 0.9 < sums.min() and sums.max() < 1.1  # each senone's weights are a distribution
    out = tmp_path / "mixture_weights"
    adaptation._write_s3(out, mixw)
    raw = out.read_bytes()
    start = raw.index(b"endhdr\n") + len(b"endhdr\n")
    assert start % 4 == 0 and struct.unpack_from("<i", raw, start)[0] == 0x11223344
    dims = struct.unpack_from("<IIII", raw, start + 4)
    assert dims == (5126, 3, 128, 5126 * 3 * 128)
    back = np.frombuffer(raw, dtype="<f4", offset=start + 20).reshape(dims[:3])
    assert np.allclose(back, mixw, atol=1e-6)


def _fake_profile(model_stamp: str, empty: str = "") -> Path:
    folder = adaptation._voice_dir(create=True) / adaptation.PROFILE_NAME
    folder.mkdir()
    for name in adaptation.ADAPTED + adaptation.COPIED:
        (folder / name).write_bytes(b"" if name == empty else b"x")
    (folder / adaptation.META).write_text(json.dumps({"sentences": 21, "model": model_stamp}))
    return folder


def test_a_voice_learned_for_another_model_or_damaged_is_not_used_and_says_so(vh_home: Path, tmp_path: Path) -> None:
    _fake_profile("1-2-3")
    heard = run_cli("listen", "--engine", "pocketsphinx", "--input", str(_wav16(tmp_path / "quiet.wav", 1.0)))
    assert "(your learned voice is not used: it was learned for another version" in heard.stdout, heard.stderr
    assert adaptation.current() is None and adaptation.voice_model() is None
    assert "another version of the speech model" in adaptation.unusable_reason()
    status = run_cli("voice", "status")
    assert "Your learned voice is not used: it was learned for another version" in status.stdout
    doctor = run_cli("doctor")
    assert "MISSING learned voice: not used: it was learned for another version" in doctor.stdout
    assert adaptation.forget() and not adaptation.forget()
    _fake_profile(adaptation._stamp(), empty="means")
    assert adaptation.current() is None and "damaged" in adaptation.unusable_reason()


def _wav16(path: Path, seconds: float, amplitude: float = 0.0) -> Path:
    rng = np.random.default_rng(1)
    x = rng.normal(0, amplitude, int(16000 * seconds)).astype(np.float32) if amplitude else \
        np.zeros(int(16000 * seconds), dtype=np.float32)
    return write_wav(path, x, 16000)


def test_without_the_tools_learning_says_what_to_install_before_anyone_reads(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, vh_home: Path) -> None:
    # The one thing mocked: the tools' absence (they are installed here).
    monkeypatch.setattr(adaptation, "find_tool", lambda name: None)
    from voice_helper.cli import main

    assert adaptation.missing_packages() == ["pocketsphinx", "sphinxbase-utils", "sphinxtrain"]
    code = main(["voice", "learn", "--input", str(_wav16(tmp_path / "a.wav", 1.0))])
    assert code != 0
    with pytest.raises(adaptation.AdaptationError, match="apt-get install"):
        adaptation.learn([(b"\0" * 32000, "hello")] * 5)


def test_silence_part_of_a_sentence_skip_go_back_and_stop_by_voice(tmp_path: Path, vh_home: Path) -> None:
    """Two silences move on; "skip" skips; "go back" returns to the last sentence; a turn with far
    too few words ("oh sorry") is asked again, not learnt from; "stop" ends; too few: nothing kept."""
    require_learning_tools()
    s = adaptation.prompts("en")
    silence = _wav16(tmp_path / "silence.wav", 2.0)
    files = [festival_wav(s[0], "kal", pad_s=1.0), silence, silence, festival_wav("skip", "kal", pad_s=1.0),
             festival_wav("go back", "kal", pad_s=1.0), festival_wav(s[2], "kal", pad_s=1.0),
             festival_wav("oh sorry", "kal", pad_s=1.0), festival_wav("stop", "kal", pad_s=1.0)]
    done = run_cli("voice", "learn", "--input", *map(str, files), timeout=300)
    out = done.stdout
    assert done.returncode == 1, done.stderr
    steps = [ln.split("]")[0] + "]" for ln in out.splitlines() if ln.startswith("[")]
    assert steps == ["[1/21]", "[2/21]", "[2/21]", "[3/21]", "[4/21]", "[3/21]", "[4/21]", "[4/21]"]
    assert "I didn't hear anything. Take your time. i need a lift" in out  # the same sentence again
    assert "→ skip)" in out and "→ go_back)" in out and "→ stop)" in out
    assert "I heard only part of that. Once more, please: would you mind" in out
    assert "That was 2 sentences. I need at least 5" in out
    assert adaptation.current() is None
    assert not list(vh_home.rglob("*.wav"))  # no recording kept anywhere


def test_a_voice_is_learned_from_its_sentences_and_then_heard_better(tmp_path: Path, vh_home: Path) -> None:
    """kal (Festival's diphone voice) reads the 21 sentences; the adapted model is kept owner-only and
    every pocketsphinx recognizer uses it: sentences never read are recognised with fewer errors."""
    require_learning_tools()
    sentences = adaptation.prompts("en")
    files = [festival_wav(s, "kal", pad_s=1.0) for s in sentences]
    done = run_cli("voice", "learn", "--input", *map(str, files), timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # the last two sentences carry command words, and are sentences, not commands
    assert "[21/21]" in out and "→ stop" not in out and "→ skip" not in out
    assert "Done. On the sentences you read, I now get" in out
    profile = adaptation.current()
    assert profile is not None and profile.sentences == 21
    assert profile.wer_after is not None and profile.wer_before is not None
    assert profile.wer_after < profile.wer_before
    assert stat.S_IMODE(profile.path.stat().st_mode) == 0o700
    assert stat.S_IMODE(profile.path.parent.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in profile.path.iterdir()} == {0o600}
    assert not list(vh_home.rglob("*.wav")) and not list(vh_home.rglob("*.mfc"))

    status = run_cli("voice", "status")
    assert "Learned voice: 21 sentences" in status.stdout
    heard = run_cli("listen", "--engine", "pocketsphinx", "--input", str(_wav16(tmp_path / "quiet.wav", 1.0)))
    assert "(hearing you with your learned voice)" in heard.stdout, heard.stderr
    doctor = run_cli("doctor")
    assert "OK      learned voice: learned from 21 sentences" in doctor.stdout

    from tests.speech_sets import REQUESTS
    from voice_helper.speech.recognizers import open_recognizer
    from voice_helper.speech.endpoint import transcribe_file
    from voice_helper.speech.transcribe import word_error_rate

    held = REQUESTS  # 22 requests, never read while learning
    adapted = open_recognizer("en", "pocketsphinx", domain=True)  # as `listen` hears requests
    assert adapted.adapted

    def errors(rec) -> float:  # type: ignore[no-untyped-def]
        total = 0.0
        for text in held:
            heard = " ".join(f.text for f in transcribe_file(festival_wav(text, "kal", pad_s=1.0), recognizer=rec))
            total += word_error_rate(text, heard) * len(text.split())
        return total

    with_voice = errors(adapted)

    # the command spotter beside it hears the learned voice too: kal's "repeat" at the menu
    from voice_helper.dialog import commands_for, grammar_phrases
    from voice_helper.speech.endpoint import EndpointConfig, Endpointer, listen_once
    from voice_helper.speech.spotter import SphinxSpotter, spotter_for

    def spotted(spot) -> str | None:  # type: ignore[no-untyped-def]
        from voice_helper.speech.audio import FileSource

        spot.set_phrases(grammar_phrases("en", commands_for("en", "menu")))
        rec = open_recognizer("en", "pocketsphinx")
        ep = Endpointer(EndpointConfig(silence_s=0.8))
        with FileSource(festival_wav("repeat", "kal", pad_s=1.0)) as src:
            listen_once(src, rec, ep, also=(spot,))
        return spot.decide(ep.speech_s).phrase

    learned_spotter = spotter_for(adapted)
    assert learned_spotter.voice_model == adapted.voice_model
    assert spotted(learned_spotter) == "repeat"
    assert spotted(learned_spotter) == spotted(SphinxSpotter())  # nothing lost against the bundled model
    assert run_cli("voice", "forget").stdout.strip() == "Your learned voice was deleted."
    plain = open_recognizer("en", "pocketsphinx", domain=True)
    assert not plain.adapted
    without = errors(plain)
    assert with_voice < without, (with_voice, without)
    assert run_cli("voice", "forget").stdout.strip() == "There was no learned voice."
