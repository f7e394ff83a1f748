"""`voice-helper transcribe` as a user runs it (a subprocess), on Festival speech."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.conftest import require_module, run_cli
from tests.festival import festival_wav
from voice_helper.speech.transcribe import word_error_rate


def test_transcribe_text_and_json(tmp_path: Path) -> None:
    require_module("pocketsphinx")
    a = festival_wav("read it again", "slt", pad_s=2.0)
    quiet = tmp_path / "quiet.raw"
    quiet.write_bytes(np.random.default_rng(0).normal(0, 20, 16000 * 2).astype("<i2").tobytes())
    r = run_cli("transcribe", str(a), str(quiet))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines == [f"{a}: read it again", f"{quiet}: (no speech heard)"]
    r = run_cli("transcribe", "--json", "--engine", "pocketsphinx", str(a))
    data = json.loads(r.stdout)
    assert data["text"] == "read it again" and data["engine"] == "pocketsphinx"
    assert [w["word"] for w in data["words"]] == ["read", "it", "again"]
    assert all(0 <= w["start"] < w["end"] <= data["duration_s"] for w in data["words"])
    assert data["rtf"] > 0 and 0 < data["confidence"] <= 1 and data["heard_speech"]


def test_transcribe_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not audio")
    r = run_cli("transcribe", str(bad))
    assert r.returncode == 1 and r.stderr.strip() == f"voice-helper transcribe: {bad}: not a WAV file (no RIFF/WAVE header); is it corrupt?"
    ok = festival_wav("yes", "kal")
    r = run_cli("transcribe", "--lang", "ja", str(ok))
    assert r.returncode == 1
    assert r.stderr.strip().endswith("run: voice-helper models download ja") and "Traceback" not in r.stderr
    r = run_cli("transcribe", "--engine", "vosk", "--model", str(tmp_path), str(ok))
    assert r.returncode == 1 and "no Vosk model at" in r.stderr


def test_transcribe_function_wer(tmp_path: Path) -> None:
    require_module("pocketsphinx")
    from voice_helper.speech.endpoint import transcribe_file

    text = "I'm struggling with the monthly report, could someone check the numbers"
    finals = list(transcribe_file(festival_wav(text, "kal", pad_s=2.0), engine="pocketsphinx"))
    assert len(finals) == 1 and word_error_rate(text, finals[0].text) <= 0.25
    assert word_error_rate("a b c d", "a x c") == 0.5
