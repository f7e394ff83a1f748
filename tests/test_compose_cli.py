"""`voice-helper compose` as a user runs it: a real subprocess with the real intent engine."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli
from voice_helper.config import Contact, Settings, save_settings
from voice_helper.request import HelpRequest, load_schema

VALIDATOR = jsonschema.Draft202012Validator(load_schema())


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine's trained models, built once: every test then starts with a warm cache."""
    home = tmp_path_factory.mktemp("warm_home")
    r = run_cli("compose", "--json", "-", input="check the numbers\n資料を確認してください\n",
                env={"VOICE_HELPER_HOME": str(home)})
    assert r.returncode == 0, r.stderr
    return home / "cache"


@pytest.fixture(autouse=True)
def _warm(vh_home: Path, warm_cache: Path) -> None:
    if warm_cache.exists():
        shutil.copytree(warm_cache, vh_home / "cache", dirs_exist_ok=True)


def test_text_mode_prints_the_message() -> None:
    r = run_cli("compose", "--lang", "en", "um", "I", "can't", "finish", "the", "report", "by",
                "five", "could", "you", "check", "the", "numbers")
    assert r.returncode == 0, r.stderr
    out = r.stdout.strip()
    assert "check the numbers" in out
    assert "None" not in out and not out.startswith("{")


def test_json_mode_is_schema_valid() -> None:
    r = run_cli("compose", "--json", "--style", "workplace", "--to", "Priya",
                "There's a risk I'll miss the deadline for the quarterly summary. Could Priya take "
                "the charts while I finish the tables? Can we talk for 20 minutes?")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    VALIDATOR.validate(obj)
    assert obj["message"].startswith("Priya, ")
    assert obj["slots"]["recipient"] == "Priya"
    assert HelpRequest.from_dict(obj).to_dict() == obj


def test_politeness_from_contacts_in_the_settings_file() -> None:
    save_settings(Settings(contacts=[Contact("田中", relation="manager")]))
    r = run_cli("compose", "--to", "田中", "明日 まで に 資料 を 確認 し て もらえ ます か")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "田中さん、明日までに資料を確認していただけますでしょうか。\n"  # manager: honorific
    r = run_cli("compose", "--to", "田中", "--politeness", "casual",
                "明日 まで に 資料 を 確認 し て もらえ ます か")
    assert r.stdout == "田中さん、明日までに資料を確認してもらえないかな？\n"


def test_stream_mode_one_json_line_per_input_line_in_order() -> None:
    lines = [
        "could you check the numbers in my report",
        "明日 まで に 資料 を 確認 し て もらえ ます か",
        "",
        "\x1b[31m\x07",
        "I feel really dizzy and need to sit down",
        "スマホの読み上げ機能が急に動かなくなって困っています",
    ]
    r = run_cli("compose", "--json", "-", input="\n".join(lines) + "\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert len(out) == len(lines)
    objs = [json.loads(o) for o in out]
    for obj in objs:
        VALIDATOR.validate(obj)
    assert [o["language"] for o in objs] == ["en", "ja", "en", "en", "en", "ja"]
    assert "numbers" in objs[0]["message"] and "資料" in objs[1]["message"]
    # Blank and control-only lines keep their place with an empty, clearly-missing request.
    for blank in (objs[2], objs[3]):
        assert blank["intent"] == "other" and blank["message"] == ""
        assert blank["confidence"] == 0 and blank["missing"] == ["what", "help", "when"]
    assert "line 3" in r.stderr and "line 4" in r.stderr
    assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout + r.stderr


def test_stream_mode_answers_each_line_before_the_next_arrives() -> None:
    """Flushed per line in one process: a caller can feed and read interactively."""
    proc = subprocess.Popen([sys.executable, "-m", "voice_helper", "compose", "--json", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=ROOT)
    try:
        assert proc.stdin and proc.stdout
        for text, lang in (("could you print the slides for me", "en"), ("棚 の 上 の 箱 を 取っ て", "ja")):
            proc.stdin.write((text + "\n").encode())
            proc.stdin.flush()
            obj = json.loads(proc.stdout.readline())
            assert obj["language"] == lang
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()


@pytest.mark.parametrize("args", [("",), ("   ",), ("\x1b[31m\x07",), ("\x01\x02",)])
def test_empty_input_is_a_usage_error(args: tuple[str, ...]) -> None:
    r = run_cli("compose", *args)
    assert r.returncode == 2
    assert r.stderr.startswith("voice-helper compose: ") and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_escape_sequences_never_reach_the_output() -> None:
    for extra in ([], ["--json"]):
        r = run_cli("compose", *extra, "--lang", "en",
                    "\x1b[31mcould you \x07check the\x1b]0;pwned\x07 numbers\x1b[0m")
        assert r.returncode == 0, r.stderr
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "pwned" not in r.stdout
        assert "check the numbers" in r.stdout


def test_crisis_prints_whom_to_call_first() -> None:
    r = run_cli("compose", "--lang", "en", "my dad fell and can't get up and he is bleeding a lot")
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first == "Call now:"
    assert "911" in r.stdout.splitlines()[1]
    assert "I need help now" in r.stdout
    r = run_cli("compose", "--json", "胸が痛くて息ができない")
    obj = json.loads(r.stdout)
    VALIDATOR.validate(obj)
    assert obj["crisis"] and any(res["number"] == "119" for res in obj["resources"])
    assert obj["message"] == "119番に電話してください。\n今すぐ助けが必要です。胸が痛くて、息ができないんです。"
    assert obj["crisis_kind"] == "chest_pain" and obj["resources"][0]["number"] == "119"
