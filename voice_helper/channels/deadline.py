"""One deadline for a whole send: name lookup, connect, TLS, every write and read, every redirect.

Why: socket timeouts apply to each operation, so a server that trickles one byte a second kept a
"3 s" send (and the person waiting on it) for 40 s. Here the time left is recomputed for each
step, and a watchdog shuts the connection down when the deadline passes, wherever the send is.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from typing import Any


class Deadline:
    """A fixed end time; ``remaining()`` is what every step may still use."""

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.end = time.monotonic() + self.seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def check(self) -> None:
        if self.expired:
            raise TimeoutError("deadline passed")


def resolve(host: str, port: int, deadline: Deadline) -> list[Any]:
    """getaddrinfo bounded by the deadline (it has no timeout of its own)."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["ok"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["err"] = exc

    t = threading.Thread(target=work, daemon=True, name="vh-resolve")
    t.start()
    t.join(deadline.remaining())
    if t.is_alive():
        raise TimeoutError("name lookup did not finish in time")
    if "err" in box:
        raise box["err"]
    return list(box["ok"])


def open_socket(host: str, port: int, deadline: Deadline) -> socket.socket:
    """A connected TCP socket, tried address by address, all within the deadline."""
    last: OSError | None = None
    for family, kind, proto, _, addr in resolve(host, port, deadline):
        deadline.check()
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(max(0.001, deadline.remaining()))
            sock.connect(addr)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError(f"no address for {host}")


class Watchdog:
    """Shuts ``sock`` down at the deadline, so a blocked read or write returns at once.

    It shuts a duplicate of the descriptor down (the connection is shared), never the socket
    object, so a TLS layer on top is left consistent; ``stop()`` must run before the socket is
    closed, so a reused descriptor number is never touched.
    """

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._fd = sock.fileno()
        self._lock = threading.Lock()
        self._done = False
        self.fired = False
        self._timer = threading.Timer(deadline.remaining(), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            try:
                dup = socket.socket(fileno=os.dup(self._fd))
            except OSError:
                return
            try:
                dup.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                dup.close()

    def stop(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()
