"""pyttsx3 synthesis in its own worker process, to a WAV file only.

Why a process: pyttsx3 2.99 on Linux prints "Audio saved to …" on stdout (it would corrupt the
Textual screen and ``--json`` output), segfaults on an empty string, plays audio by spawning
``aplay`` (which ``stop()`` cannot cut), and its run loop is known to hang on a later
``runAndWait``. In a child process none of that can reach the app: replies come back on a private
pipe, the child's stdout goes to /dev/null, empty text never reaches it, and a child that hangs or
dies is killed and replaced. The app plays the WAV itself (``playback.py``).

Why the rate is set by hand: the espeak driver runs espeak-ng asynchronously, and a rate set
through ``engine.setProperty`` is sometimes applied after the next text has begun (measured: 13 of
40 alternating syntheses at 100/250 wpm came out at the other rate). A person who chose slow
speech must get slow speech, so the worker sets it directly and waits until espeak reports it.

Run as ``python -m voice_helper.speech.synth_pyttsx3`` it is the worker: one JSON request per line
on stdin, one JSON reply per line on the reply pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Seconds for one synthesis before the worker is judged hung and replaced.
BASE_TIMEOUT_S = 10.0
#: Seconds to wait for espeak to take a new rate before synthesizing anyway.
RATE_SETTLE_S = 2.0


@dataclass
class VoiceInfo:
    id: str
    name: str
    languages: list[str]


class Pyttsx3Worker:
    """A long-lived pyttsx3 child process; restarted on any hang or crash."""

    name = "pyttsx3"

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._reply: Any = None
        self._lock = threading.Lock()
        self.voices: list[VoiceInfo] = []

    # --- process management -----------------------------------------------------------------
    def _start(self) -> None:
        r, w = os.pipe()
        env = {**os.environ, "VH_REPLY_FD": str(w)}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "voice_helper.speech.synth_pyttsx3"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(w,), env=env, close_fds=True,
        )
        os.close(w)
        self._reply = os.fdopen(r, "rb", buffering=0)
        hello = self._read(timeout=BASE_TIMEOUT_S)
        if not hello or not hello.get("ok"):
            self.close()
            raise RuntimeError((hello or {}).get("error") or "pyttsx3 worker did not start")
        self.voices = [VoiceInfo(**v) for v in hello.get("voices", [])]

    def _read(self, timeout: float) -> dict[str, Any] | None:
        import select

        assert self._reply is not None
        buf = b""
        fd = self._reply.fileno()
        import time

        end = time.monotonic() + timeout
        while not buf.endswith(b"\n"):
            left = end - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None  # the child died
            buf += chunk
        return json.loads(buf.decode("utf-8"))

    def ensure_started(self) -> None:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if self._reply is not None:
            self._reply.close()
            self._reply = None
        if proc is not None and proc.poll() is None:
            try:
                proc.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
            try:
                proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    # --- synthesis --------------------------------------------------------------------------
    def synthesize(self, text: str, path: Path, *, rate: int, voice: str | None) -> Path:
        """Write ``text`` as a WAV at ``path``; raises RuntimeError when pyttsx3 fails or hangs."""
        if not text.strip():
            raise ValueError("empty text")
        with self._lock:
            for attempt in (1, 2):
                if self._proc is None or self._proc.poll() is not None:
                    self._start()
                req = {"text": text, "path": str(path), "rate": rate, "voice": voice}
                try:
                    assert self._proc is not None and self._proc.stdin is not None
                    self._proc.stdin.write((json.dumps(req) + "\n").encode("utf-8"))
                    self._proc.stdin.flush()
                    reply = self._read(timeout=BASE_TIMEOUT_S + len(text) / 20)
                except (OSError, ValueError):
                    reply = None
                if reply is None:  # hung or died: replace the worker, try once more
                    self._kill()
                    continue
                if not reply.get("ok"):
                    raise RuntimeError(reply.get("error") or "pyttsx3 failed")
                if path.exists() and path.stat().st_size > 44:
                    return path
                raise RuntimeError("pyttsx3 wrote no audio")
            raise RuntimeError("pyttsx3 hung twice; giving up on it for this text")

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc = None
        if self._reply is not None:
            self._reply.close()
            self._reply = None


# --- the worker side ------------------------------------------------------------------------


def _worker_main() -> int:
    reply_fd = int(os.environ["VH_REPLY_FD"])
    out = os.fdopen(reply_fd, "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # "Audio saved to …" goes nowhere

    def send(obj: dict[str, Any]) -> None:
        out.write((json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))

    try:
        import pyttsx3

        engine = pyttsx3.init()
        voices = [
            {"id": str(v.id), "name": str(v.name),
             "languages": [x.decode() if isinstance(x, bytes) else str(x) for x in (v.languages or [])]}
            for v in engine.getProperty("voices")
        ]
    except Exception as exc:  # no engine, no espeak library
        send({"ok": False, "error": f"pyttsx3 cannot start: {exc}"})
        return 1
    send({"ok": True, "voices": voices})
    for line in sys.stdin:
        try:
            req = json.loads(line)
            text = str(req.get("text") or "").strip()
            if not text:
                send({"ok": False, "error": "empty text"})
                continue
            if req.get("voice"):
                engine.setProperty("voice", req["voice"])
            if req.get("rate"):
                _set_rate(engine, int(req["rate"]))
            engine.save_to_file(text, req["path"])
            engine.runAndWait()
            send({"ok": True})
        except Exception as exc:
            send({"ok": False, "error": str(exc)})
    return 0


def _set_rate(engine: Any, rate: int) -> None:
    """Set the rate and, under espeak, wait until espeak itself reports it (see the module doc)."""
    try:
        from pyttsx3.drivers import _espeak
        from pyttsx3.drivers.espeak import EspeakDriver
    except Exception:  # another platform's driver: its setProperty is synchronous
        _espeak = None
    driver = getattr(getattr(engine, "proxy", None), "_driver", None)
    if _espeak is None or not isinstance(driver, EspeakDriver):
        engine.setProperty("rate", rate)
        return
    _espeak.SetParameter(_espeak.RATE, rate, 0)
    current = _espeak.dll.espeak_GetParameter  # pyttsx3's binding never asks for the current value
    deadline = time.monotonic() + RATE_SETTLE_S
    while current(_espeak.RATE, 1) != rate and time.monotonic() < deadline:
        time.sleep(0.005)


if __name__ == "__main__":
    raise SystemExit(_worker_main())
