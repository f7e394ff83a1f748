"""Real, misbehaving servers on 127.0.0.1 for the hardening tests (issue 12).

``Recorder`` is an http.server that records every request and answers per path with a
function; ``RawServer`` runs a function on each accepted TCP connection, for what http.server
cannot do (trickle bytes, send a broken status line, cut an answer short, an SMTP server that
stops talking). Both run in daemon threads and close with ``close()`` or as context managers.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI

#: The unprivileged user the ownership tests hand files to (nobody on Debian).
OTHER_UID = 65534


class Recorder:
    """An HTTP server: ``routes[path](handler)`` answers; every request lands in ``got``."""

    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                rec.got.append({"method": self.command, "path": self.path,
                                "headers": dict(self.headers), "body": body})
                route = rec.routes.get(self.path.split("?")[0])
                try:
                    if route is None:
                        self.send_response(200)
                        self.send_header("Content-Length", "2")
                        self.end_headers()
                        self.wfile.write(b"ok")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = _any  # noqa: N815

            def log_message(self, *a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # type: ignore[attr-defined]
        self.port = int(self.server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def posts(self, path: str | None = None) -> list[dict[str, Any]]:
        return [g for g in self.got if g["method"] == "POST" and (path is None or g["path"] == path)]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def redirect(code: int, location: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(code)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return answer


def status(code: int) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(code)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return answer


class RawServer:
    """A TCP server on 127.0.0.1 that runs ``serve(conn)`` for each connection."""

    def __init__(self, serve: Callable[[socket.socket], None]) -> None:
        self.serve = serve
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = int(self.sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        try:
            self.serve(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.sock.close()

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_http_request(conn: socket.socket) -> bytes:
    """Read one HTTP request (headers and a Content-Length body) from a raw connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def trickle(conn: socket.socket, data: bytes, every_s: float) -> None:
    """Send ``data`` one byte at a time: each read on the other side succeeds, slowly."""
    for i in range(len(data)):
        conn.sendall(data[i:i + 1])
        time.sleep(every_s)


# --- another user --------------------------------------------------------------------------


def need_root() -> None:
    """Ownership tests hand files to another user, which needs root; in CI that must not skip."""
    if os.geteuid() != 0:
        msg = "this test gives a file to another user (uid 65534) and must run as root"
        if IN_CI:
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)


def give_away(path: Path) -> None:
    need_root()
    os.chown(path, OTHER_UID, OTHER_UID)


def as_other_user(script: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run a shell ``script`` as uid 65534 (the local attacker): what can they read or plant?"""
    need_root()
    return subprocess.run(["/bin/sh", "-c", script], user=OTHER_UID, group=OTHER_UID,
                          extra_groups=[], capture_output=True, text=True, timeout=timeout, cwd="/",
                          env={"PATH": "/usr/bin:/bin"})


def world_traversable_tmp() -> Path:
    """A fresh folder under /tmp that every user can enter (pytest's own tmp is root-only, which
    would hide exactly the permission mistakes these tests look for)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="vh-hardening-", dir="/tmp"))
    os.chmod(path, 0o755)
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)
