"""Issue 12, files and the command line: nothing said is lost, nothing planted is trusted.

`compose --save` into a closed pipe, /dev/full and with bytes that are not UTF-8; a pickle and
settings planted by another user (uid 65534, via chown and a shell run as that user); the
whole app at umask 000; exports onto links, devices and read-only files; a damaged page in the
log; what `transcribe` prints. Test names carry the issue's item number.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_module, require_tool, run_cli
from tests.hostile import as_other_user, give_away, mode, need_root, world_traversable_tmp
from voice_helper.config import get_paths, load_settings
from voice_helper.errors import SettingsError
from voice_helper.store import HelpLog, StoreError

LINES = [f"could you check the numbers in report {n} by five" for n in range(1, 11)]


def _cli(*args: str | bytes, **kw: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "voice_helper", *args], cwd=ROOT,
                            env=dict(os.environ), **kw)  # type: ignore[call-overload]


def _drafts() -> list[str]:
    if not get_paths().db_path.exists():
        return []
    with HelpLog.open() as log:
        return [e.transcript for e in reversed(log.list())]


def _one_line(stderr: bytes | str) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# --- item 4: compose --save saves first, then prints ---------------------------------------------


def test_item04_reader_that_goes_away_costs_no_request() -> None:
    """`compose --save - | head -n 1`, made deterministic: the reader leaves after line 1."""
    proc = _cli("compose", "--save", "--json", "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write((LINES[0] + "\n").encode())
    proc.stdin.flush()
    first = proc.stdout.readline()
    assert json.loads(first)["message"]
    proc.stdout.close()  # like head -n 1
    proc.stdin.write(("\n".join(LINES[1:]) + "\n").encode())
    proc.stdin.close()
    err = proc.stderr.read()
    assert proc.wait(60) == 1
    last = err.decode().strip().splitlines()[-1]
    assert "Traceback" not in err.decode()
    assert "cannot write the output (Broken pipe)" in last and "#1-#10 (10 requests)" in last
    assert _drafts() == LINES


def test_item04_closed_stdout_and_full_disk_keep_the_request(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read
    proc = _cli("compose", "--save", LINES[0], stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    _, err = proc.communicate(timeout=60)
    line = _one_line(err)
    assert proc.returncode == 1 and "saved in the help log first: request #1" in line
    with open("/dev/full", "wb") as full:
        proc = _cli("compose", "--save", LINES[1], stdout=full, stderr=subprocess.PIPE)
        _, err = proc.communicate(timeout=60)
    line = _one_line(err)
    assert proc.returncode == 1 and "No space left on device" in line and "request #2" in line
    with open("/dev/full", "wb") as full:  # without --save: nothing to keep, still one line
        proc = _cli("compose", LINES[2], stdout=full, stderr=subprocess.PIPE)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "No space left on device" in _one_line(err)
    assert _drafts() == LINES[:2]


def test_item04_arguments_that_are_not_utf8_are_kept_with_replacement() -> None:
    bad = b"could you check the \xff\xfe numbers by five"
    proc = _cli(b"compose", b"--save", bad, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"Saved as request #1" in out
    assert _drafts() == ["could you check the \ufffd\ufffd numbers by five"]
    for args in ([b"history", b"mark", b"1", b"helped", b"--note", b"took \xc3 it"],
                 [b"history", b"give", b"1", b"cake \xff"]):
        proc = _cli(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and b"Traceback" not in err, err
    with HelpLog.open() as log:
        e = log.get(1)
    assert (e.outcome_note, e.given) == ("took \ufffd it", "cake \ufffd")


# --- item 5: no pickle, private folders, refuse what others planted ---------------------------------


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def test_item05_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    from voice_helper.nlu import classifier

    cache = tmp_path / "cache"
    nlu = cache / "nlu"
    nlu.mkdir(parents=True)
    marker = tmp_path / "PWNED"
    for lang in ("en", "ja"):  # the old cache names
        (nlu / f"intent-{lang}.pickle").write_bytes(pickle.dumps(_Payload(marker)))
    model = classifier.load_model("en", cache)
    assert not marker.exists(), "the planted pickle ran"
    assert model.classes and model.temperature > 0
    data = classifier.cache_file("en", cache).read_bytes()
    assert b"pickle" not in data[:64] and data.startswith(b"voice-helper intent model")
    assert not (nlu / "intent-en.pickle").exists()  # the old format is cleared away


def test_item05_cache_from_another_user_or_writable_by_others_is_ignored(tmp_path: Path) -> None:
    need_root()
    from voice_helper.nlu import classifier

    cache = tmp_path / "cache"
    honest = classifier.load_model("en", cache)
    path = classifier.cache_file("en", cache)
    poisoned = classifier.parse_model(path.read_bytes())
    poisoned.intercept = tuple(100.0 if c == "emergency" else -100.0 for c in poisoned.classes)
    forged = classifier.dump_model(poisoned)

    def plant(owner_is_other: bool, file_mode: int) -> None:
        path.write_bytes(forged)
        os.chmod(path, file_mode)
        if owner_is_other:
            give_away(path)

    plant(owner_is_other=True, file_mode=0o600)
    assert classifier.load_model("en", cache).intercept == honest.intercept
    plant(owner_is_other=False, file_mode=0o666)
    assert classifier.load_model("en", cache).intercept == honest.intercept
    plant(owner_is_other=False, file_mode=0o600)  # the person's own file is trusted (control)
    assert classifier.load_model("en", cache).intercept == poisoned.intercept


def test_item05_everything_private_at_umask_000_and_others_locked_out() -> None:
    need_root()
    base = world_traversable_tmp()
    home = base / "vh"
    try:
        env = {**{k: v for k, v in os.environ.items() if k != "VOICE_HELPER_MODEL_CACHE"},
               "VOICE_HELPER_HOME": str(home)}  # (the models too: their cache must be private)
        script = (f"umask 000; {sys.executable} -m voice_helper compose --save {LINES[0]!r} && "
                  f"{sys.executable} -m voice_helper history send 1 --via file")
        r = subprocess.run(["/bin/sh", "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                           timeout=180)
        assert r.returncode == 0, r.stderr
        folders = [home, *[p for p in home.rglob("*") if p.is_dir()]]
        files = [p for p in home.rglob("*") if p.is_file()]
        assert {p.relative_to(home).as_posix() for p in folders} >= {".", "cache", "cache/nlu", "data",
                                                                      "data/outbox"}
        assert {str(p): oct(mode(p)) for p in folders if mode(p) != 0o700} == {}
        assert {str(p): oct(mode(p)) for p in files if mode(p) & 0o077} == {}
        attack = as_other_user(f"ls {home}/cache/nlu; cat {home}/data/help_log.sqlite3 >/dev/null; "
                               f"touch {home}/cache/nlu/intent-en.pickle; echo done")
        assert "Permission denied" in attack.stderr and not (home / "cache/nlu/intent-en.pickle").exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_item05_settings_of_another_user_or_writable_by_others_are_refused() -> None:
    path = get_paths().settings_file
    path.parent.mkdir(parents=True)
    path.write_text('[webhook]\nurl = "https://attacker.example/collect"\n', encoding="utf-8")
    os.chmod(path, 0o666)
    with pytest.raises(SettingsError, match="can be changed by other users"):
        load_settings()
    os.chmod(path, 0o644)
    give_away(path)
    with pytest.raises(SettingsError, match="belongs to another user"):
        load_settings()
    r = run_cli("compose", "hello")
    assert r.returncode == 2 and "belongs to another user" in _one_line(r.stderr)


# --- item 8: settings files that are huge, deep or hostile are one clipped, clean line ----------------


def _write_settings(data: str | bytes) -> Path:
    path = get_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_item08_huge_and_deep_settings_are_refused_in_one_line() -> None:
    _write_settings(b"# padding\n" * 800_000)  # 8 MB
    with pytest.raises(SettingsError, match="too large"):
        load_settings()
    _write_settings("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(SettingsError, match="nested too deeply"):
        load_settings()
    r = run_cli("compose", "hello")
    assert r.returncode == 2 and "nested too deeply" in _one_line(r.stderr)


def test_item08_echoed_values_are_clipped_and_keys_cleaned() -> None:
    _write_settings('language = "' + "x" * 100_000 + '"\n')
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert len(str(info.value)) < 400 and "is not one of" in str(info.value)
    _write_settings('"\\u001b[2J\\u001b]0;pwned\\u0007\\u202eevil" = 1\n')
    with pytest.raises(SettingsError) as info:
        load_settings()
    msg = str(info.value)
    assert "unknown setting" in msg and all(ch.isprintable() for ch in msg), repr(msg)
    r = run_cli("compose", "hello")
    assert r.returncode == 2 and "unknown setting" in _one_line(r.stderr)
    assert "\x1b" not in r.stderr and "\u202e" not in r.stderr


# --- item 10: export never replaces what it must not ---------------------------------------------------


def _seed() -> None:
    with HelpLog.open() as log:
        log.add_draft("could you check the numbers")


def test_item10_export_refuses_links_devices_pipes_and_read_only(tmp_path: Path) -> None:
    _seed()
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(precious)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    readonly = tmp_path / "readonly.json"
    readonly.write_text("read only")
    os.chmod(readonly, 0o444)
    targets = [(link, "symbolic link"), (fifo, "not a regular file"), (readonly, "read-only"),
               (tmp_path, "folder")]
    if os.geteuid() == 0:  # a character device like /dev/null (made here, never the real one)
        dev = tmp_path / "null"
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append((dev, "not a regular file"))
    for target, why in targets:
        r = run_cli("history", "export", "--out", str(target), "--force")
        assert r.returncode == 2 and why in _one_line(r.stderr), (target, r.stderr)
    assert link.is_symlink() and precious.read_text() == "keep me"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and readonly.read_text() == "read only"
    if os.geteuid() == 0:
        assert stat.S_ISCHR(os.lstat(tmp_path / "null").st_mode)


def test_item10_existing_file_needs_force() -> None:
    _seed()
    target = get_paths().data_dir.parent / "mine.json"
    target.write_text("earlier export")
    r = run_cli("history", "export", "--out", str(target))
    assert r.returncode == 2 and "add --force" in _one_line(r.stderr)
    assert target.read_text() == "earlier export"
    r = run_cli("history", "export", "--out", str(target), "--force")
    assert r.returncode == 0 and json.loads(target.read_text())[0]["transcript"] == "could you check the numbers"


# --- item 11: the log's side files, damaged pages, say's file, transcribe's output --------------------


def test_item11_wal_and_shm_are_private_next_to_a_loose_database(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with HelpLog.open(path) as log:
        log.add_draft("first")
    for p in tmp_path.iterdir():
        os.chmod(p, 0o644)  # as an old version, a copy or a backup tool may leave them
    with HelpLog.open(path) as log:
        log.add_draft("second")
        side = {p.name: oct(mode(p)) for p in tmp_path.iterdir()}
    assert side == {"log.sqlite3": "0o600", "log.sqlite3-wal": "0o600", "log.sqlite3-shm": "0o600"}


def test_item11_a_damaged_data_page_is_reported_not_hidden(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with HelpLog.open(path) as log:
        for n in range(400):
            log.add_draft(f"request number {n} " + "words " * 40)
        log._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    hit = raw.find(b"request number 200 ")
    start = hit - hit % page
    assert start > page  # a data page, not the header page
    raw[start:start + 8] = b"\xff" * 8  # a broken b-tree page header
    path.write_bytes(bytes(raw))
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        HelpLog.open(path)
    assert "damaged" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before
    r = run_cli("history", env={"VOICE_HELPER_HOME": str(tmp_path / "unused")})
    assert r.returncode == 0  # (a healthy log elsewhere is not affected)


def test_item11_say_to_file_is_owner_only_at_umask_000(tmp_path: Path) -> None:
    require_tool("espeak-ng")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "said.wav"
    r = subprocess.run(["/bin/sh", "-c", f"umask 000; {sys.executable} -m voice_helper say "
                        f"--to-file {out} 'could you check the numbers'"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert mode(out) == 0o600 and out.stat().st_size > 1000
    assert sorted(p.name for p in folder.iterdir()) == ["said.wav"]  # no temp folder left
    os.mkfifo(folder / "pipe.wav")
    r = run_cli("say", "--to-file", str(folder / "pipe.wav"), "hello")
    assert r.returncode == 1 and "not a regular file" in _one_line(r.stderr)


def test_item11_transcribe_names_folders_and_pipes(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.wav")
    (tmp_path / "folder.wav").mkdir()
    r = run_cli("transcribe", str(tmp_path / "pipe.wav"))
    assert r.returncode == 1 and "not a regular file (a pipe or a device)" in _one_line(r.stderr)
    r = run_cli("transcribe", str(tmp_path / "folder.wav"))
    assert r.returncode == 1 and "is a folder, not an audio file" in _one_line(r.stderr)


def test_item11_transcribe_prints_nothing_that_steers_the_terminal(tmp_path: Path) -> None:
    require_module("pocketsphinx")
    import numpy as np

    from voice_helper.commands.transcribe import printable

    hostile = tmp_path / "\x1b[2J\x1b]0;owned\x07\u202equiet.raw"
    hostile.write_bytes(np.random.default_rng(0).normal(0, 20, 16000).astype("<i2").tobytes())
    plain = tmp_path / "plain.raw"
    plain.write_bytes(hostile.read_bytes())
    r = run_cli("transcribe", "--engine", "pocketsphinx", str(hostile), str(plain))
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout and "\x07" not in r.stdout
    assert re.search(r"quiet\.raw: \(no speech heard\)", r.stdout)
    # the same cleaner runs over every string a recognizer returns (words from a model file)
    result = {"text": "ok \x1b[31mred\u202e", "words": [{"word": "\x9b2Jx", "start": 0.0}]}
    assert printable(result) == {"text": "ok red", "words": [{"word": "x", "start": 0.0}]}
