"""Issue 12, the model downloader against a hostile model-list server on 127.0.0.1.

Hostile names, unchecked entries, oversize bodies, zip bombs, broken HTTP, killed unpacks and
two downloads at once. The list server is the one from test_models (real HTTP, Range support).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import socket
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.hostile import RawServer, Recorder, read_http_request, redirect
from tests.test_models import NAME, Server, build_zip
from voice_helper.config import get_paths
from voice_helper.speech import models as m


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    s = Server()
    monkeypatch.setenv(m.LIST_URL_ENV, s.url + "/list.json")
    yield s
    s.close()


def _publish(server: Server, entries: list[dict[str, Any]]) -> None:
    server.files["/list.json"] = json.dumps(entries).encode()


def _entry(name: str, archive: bytes, url: str, **over: Any) -> dict[str, Any]:
    e = {"name": name, "lang": "xx", "type": "small", "size": len(archive),
         "md5": hashlib.md5(archive).hexdigest(), "url": url, "obsolete": "false"}
    e.update(over)
    return e


def _models_dir_entries() -> list[str]:
    dest = get_paths().models_dir
    return sorted(p.name for p in dest.iterdir() if p.name != ".download.lock") if dest.exists() else []


# --- item 3: the list's names and addresses are untrusted -------------------------------------------


def test_item03_a_name_that_is_a_path_is_refused(server: Server, tmp_path: Path) -> None:
    """The probe's attack: a name that escapes the models folder installed a sitecustomize."""
    planted = tmp_path / "site" / "sitecustomize"
    archive = build_zip("sitecustomize")
    evil = "/../../" + str(planted).lstrip("/")
    server.files["/evil.zip"] = archive
    _publish(server, [_entry(evil, archive, f"{server.url}/evil.zip")])
    with pytest.raises(m.ModelDownloadError, match="not a plain folder name"):
        m.download_model("xx")
    assert not planted.exists() and not planted.parent.exists()
    assert [p for p, _ in server.requests if p.endswith(".zip")] == []  # refused before downloading


@pytest.mark.parametrize("name", ["..", ".", "a/b", "a\\b", "x\x1b[31m", "", "-rf", "a" * 200])
def test_item03_only_plain_folder_names(server: Server, name: str) -> None:
    archive = build_zip()
    server.files["/m.zip"] = archive
    _publish(server, [_entry(name, archive, f"{server.url}/m.zip")])
    with pytest.raises(m.ModelDownloadError) as info:
        m.download_model("xx")
    assert "\x1b" not in str(info.value)
    assert _models_dir_entries() == []


def test_item03_entries_without_size_and_md5_are_refused(server: Server) -> None:
    archive = build_zip()
    server.files[f"/{NAME}.zip"] = archive
    for missing in ({"size": None}, {"md5": ""}, {"md5": "not-hex"}, {"size": 0, "md5": None}):
        _publish(server, [_entry(NAME, archive, f"{server.url}/{NAME}.zip", **missing)])
        with pytest.raises(m.ModelDownloadError, match="no size and md5"):
            m.download_model("xx")
    assert _models_dir_entries() == []
    assert [p for p, _ in server.requests if p.endswith(".zip")] == []


def test_item03_list_and_model_addresses_must_be_https(server: Server, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for url in ("http://example.invalid/list.json", "ftp://127.0.0.1/list.json"):
        monkeypatch.setenv(m.LIST_URL_ENV, url)
        with pytest.raises(m.ModelDownloadError, match="not an https:// address"):
            m.download_model("xx")
    # a list served from this computer may not point at local files (file:) ...
    monkeypatch.setenv(m.LIST_URL_ENV, server.url + "/list.json")
    secret = tmp_path / "secret.zip"
    secret.write_bytes(build_zip())
    _publish(server, [_entry(NAME, secret.read_bytes(), secret.as_uri())])
    with pytest.raises(m.ModelDownloadError, match="not an https:// address"):
        m.download_model("xx")
    # ... nor redirect a download to a place the rules refuse (plain http elsewhere, ftp)
    archive = build_zip()
    with Recorder() as bouncer:
        bouncer.routes["/a.zip"] = redirect(302, "http://example.invalid/m.zip")
        bouncer.routes["/b.zip"] = redirect(302, "ftp://127.0.0.1/m.zip")
        for path in ("/a.zip", "/b.zip"):
            _publish(server, [_entry(NAME, archive, f"{bouncer.url}{path}")])
            with pytest.raises(m.ModelDownloadError, match="not an https:// address"):
                m.download_model("xx")
    assert _models_dir_entries() == []
    # a list file the person chose may name model files next to it
    chosen = tmp_path / "my-list.json"
    zipped = tmp_path / f"{NAME}.zip"
    zipped.write_bytes(archive)
    chosen.write_text(json.dumps([_entry(NAME, archive, zipped.name)]))
    monkeypatch.setenv(m.LIST_URL_ENV, str(chosen))
    assert m.is_model_dir(m.download_model("xx").path)


def test_item03_hostile_list_is_shown_cleanly(server: Server) -> None:
    archive = build_zip()
    server.files[f"/{NAME}.zip"] = archive
    _publish(server, [_entry(NAME, archive, f"{server.url}/{NAME}.zip", lang="xx\x1b[2J\u202e"),
                      _entry("x\x1b]52;c;AAAA\x07", archive, f"{server.url}/{NAME}.zip")])
    r = run_cli("models", "list", "--available", env={m.LIST_URL_ENV: server.url + "/list.json"})
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout + r.stderr and "\u202e" not in r.stdout + r.stderr
    assert NAME in r.stdout and "1 list entries refused" in r.stderr


# --- item 7: byte caps ------------------------------------------------------------------------------


def _flood(declared: int, send: int, content_length: bool) -> RawServer:
    def serve(conn: socket.socket) -> None:
        read_http_request(conn)
        head = b"HTTP/1.1 200 OK\r\n" + (f"Content-Length: {send}\r\n".encode() if content_length else b"")
        conn.sendall(head + b"Connection: close\r\n\r\n")
        block = b"\0" * 65536
        sent = 0
        while sent < send:
            conn.sendall(block)
            sent += len(block)

    return RawServer(serve)


@pytest.mark.parametrize("content_length", [False, True], ids=["no-length", "with-length"])
def test_item07_download_stops_at_the_declared_size(server: Server, content_length: bool) -> None:
    declared = 520
    with _flood(declared, 20 << 20, content_length) as flood:
        _publish(server, [_entry(NAME, b"x" * declared, f"{flood.url}/m.zip")])
        seen: list[tuple[int, int]] = []
        t0 = time.monotonic()
        with pytest.raises(m.ModelDownloadError, match="size mismatch"):
            m.download_model("xx", progress=lambda d, t: seen.append((d, t)))
        assert time.monotonic() - t0 < 5
    assert all(d <= t == declared for d, t in seen)  # progress never past 100%
    assert _models_dir_entries() == []  # the oversize part was removed


def _bomb(size: int = 64 << 20) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{NAME}/am/final.mdl", b"model")
        zf.writestr(f"{NAME}/conf/model.conf", b"--sample-frequency=16000\n")
        with zf.open(f"{NAME}/graph/HCLG.fst", "w") as out:
            block = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                out.write(block)
    return buf.getvalue()


def test_item07_zip_bomb_is_refused_before_it_fills_the_disk(server: Server) -> None:
    archive = _bomb()
    assert len(archive) < 300_000  # well under 1 MB that would unpack to 64 MB
    server.publish(NAME, archive)
    with pytest.raises(m.ModelDownloadError, match="unpacks to"):
        m.download_model("xx")
    assert _models_dir_entries() == []


def test_item07_too_many_entries_are_refused(server: Server) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(f"{NAME}/am/final.mdl", b"model")
        zf.writestr(f"{NAME}/conf/model.conf", b"x")
        for i in range(m.MAX_ENTRIES):
            zf.writestr(f"{NAME}/graph/{i}", b"")
    server.publish(NAME, buf.getvalue())
    with pytest.raises(m.ModelDownloadError, match="entries"):
        m.download_model("xx")
    assert _models_dir_entries() == []


# --- item 8: broken HTTP from the list server is one line ---------------------------------------------


def test_item08_broken_answers_are_one_line_errors(tmp_path: Path) -> None:
    def garbage(conn: socket.socket) -> None:
        read_http_request(conn)
        conn.sendall(b"SPDY/9 what\r\n\r\n")

    def cut(conn: socket.socket) -> None:
        read_http_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n[{\"name\": ")

    def deep(conn: socket.socket) -> None:
        read_http_request(conn)
        body = b"[" * 200_000
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)

    for serve, words in ((garbage, "not HTTP"), (cut, "broke off"), (deep, "not a model list")):
        with RawServer(serve) as bad:
            r = run_cli("models", "download", "xx", env={m.LIST_URL_ENV: bad.url + "/list.json"}, timeout=60)
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("voice-helper models: ") and words in lines[0], r.stderr


def test_item08_oversize_list_is_refused(server: Server) -> None:
    server.files["/list.json"] = b"[" + b" " * (m.MAX_LIST_BYTES + 10) + b"]"
    with pytest.raises(m.ModelDownloadError, match="larger than 4 MB"):
        m.fetch_model_list()


# --- item 11: killed unpacks and concurrent downloads --------------------------------------------------


def test_item11_leftovers_of_a_killed_unpack_are_removed(server: Server) -> None:
    server.publish(NAME, build_zip())
    dest = get_paths().models_dir
    stale = dest / ".unpack-k1ll3d"
    (stale / NAME / "am").mkdir(parents=True)
    (stale / NAME / "am" / "final.mdl").write_bytes(b"\0" * 1000)
    info = m.download_model("xx")
    assert m.is_model_dir(info.path) and not stale.exists()
    assert _models_dir_entries() == [NAME]


def test_item11_two_downloads_at_once_both_succeed(server: Server) -> None:
    archive = build_zip(extra=[(f"{NAME}/graph/big.bin", os.urandom(400_000))])
    server.publish(NAME, archive)
    results: list[Any] = []

    def slow_progress(done: int, total: int) -> None:
        time.sleep(0.01)  # slow enough that the two downloads overlap

    def one() -> None:
        try:
            results.append(m.download_model("xx", progress=slow_progress))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            results.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(isinstance(r, m.ModelInfo) for r in results), results
    assert results[0].path == results[1].path and m.is_model_dir(results[0].path)
    assert _models_dir_entries() == [NAME]
    assert len([p for p, _ in server.requests if p.endswith(".zip")]) == 1  # the second one waited
