"""`voice-helper history` as a person runs it: a subprocess on a real log in VOICE_HELPER_HOME."""

from __future__ import annotations

import base64
import csv
import json
import os
import select
import stat
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


from tests.conftest import ROOT, run_cli
from voice_helper.config import Contact, Settings, WebhookSettings, get_paths, save_settings
from voice_helper.request import HelpRequest, Intent, Slots
from voice_helper.store import HelpLog

MSG = ("I'm struggling with the cash report right now.\n"
       "If you could take over the counting, it would mean a lot.\n"
       "I can do the filing tomorrow in return.")


def _seed() -> list[int]:
    with HelpLog.open() as log:
        req = HelpRequest(intent=Intent.WORKLOAD, message=MSG,
                          slots=Slots(task="the cash report", offer="do the filing tomorrow",
                                      recipient="Tanaka"))
        a = log.add_draft("I can't finish the cash report", req, recipient="Tanaka")
        b = log.add_draft("could someone carry the boxes", HelpRequest(message="Could you carry the boxes?"),
                          recipient="Sato")
        c = log.add_draft("only heard, not composed")
    return [a, b, c]


def _one_line_error(r: subprocess.CompletedProcess[str], code: int) -> str:
    assert r.returncode == code, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-helper history: "), r.stderr
    return lines[0]


def test_empty_log() -> None:
    r = run_cli("history")
    assert r.returncode == 0 and r.stdout.strip() == "No requests in the log yet."
    r = run_cli("history", "stats")
    assert r.returncode == 0 and "No requests in the log yet" in r.stdout
    db = get_paths().db_path
    assert stat.S_IMODE(db.stat().st_mode) == 0o600 and stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_list_show_mark_give_stats() -> None:
    a, b, c = _seed()
    r = run_cli("history")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == [f"#{c}", f"#{b}", f"#{a}"]
    assert "→ Tanaka" in lines[2] and "I'm struggling with the cash report" in lines[2]
    r = run_cli("history", "--limit", "2")
    assert "(newest 2 of 3; --limit 0 shows all)" in r.stdout

    r = run_cli("history", "show", str(a))
    assert r.returncode == 0
    assert f"#{a} · draft" in r.stdout and "I can do the filing tomorrow in return." in r.stdout
    assert "Offer     do the filing tomorrow" in r.stdout

    r = run_cli("history", "mark", str(a), "helped", "--note", "Tanaka took the counting, 20 min")
    assert r.returncode == 0 and r.stdout.startswith(f"Request #{a} marked helped.")
    r = run_cli("history", "give", str(a), "did the filing for Tanaka")
    assert r.returncode == 0 and "did the filing for Tanaka" in r.stdout
    r = run_cli("history", "mark", str(b), "declined")
    assert r.returncode == 0

    r = run_cli("history", "--json", "--status", "helped")
    data = json.loads(r.stdout)
    assert [d["id"] for d in data] == [a]
    assert data[0]["outcome_note"] == "Tanaka took the counting, 20 min"
    assert data[0]["given"] == "did the filing for Tanaka" and data[0]["request"]["message"] == MSG
    r = run_cli("history", "--since", "2999-01-01")
    assert r.returncode == 0 and r.stdout.strip() == "No requests match."
    assert len(json.loads(run_cli("history", "--json", "--since", "7d").stdout)) == 3

    r = run_cli("history", "show", str(a), "--json")
    d = json.loads(r.stdout)
    assert [ev["kind"] for ev in d["events"]] == ["helped", "given"]

    r = run_cli("history", "stats", "--json")
    s = json.loads(r.stdout)
    assert (s["total"], s["helped"], s["declined"], s["drafts"]) == (3, 1, 1, 1)
    assert s["share_helped"] == 0.5 and s["offers_made"] == 1 and s["given_back"] == 1
    assert s["most_asked"][0]["name"] in ("Tanaka", "Sato")
    r = run_cli("history", "stats")
    assert r.returncode == 0
    assert "Share helped:  50% of the requests you asked" in r.stdout
    assert "Reciprocity:   1 offer made · 1 given back" in r.stdout


def test_errors_are_one_line() -> None:
    _seed()
    assert "no request with id 999" in _one_line_error(run_cli("history", "show", "999"), 1)
    assert "no request with id 999" in _one_line_error(run_cli("history", "mark", "999", "helped"), 1)
    assert "--since" in _one_line_error(run_cli("history", "--since", "someday"), 2)
    assert "status 'nope'" in _one_line_error(run_cli("history", "--status", "nope"), 2)
    assert "no message yet" in _one_line_error(run_cli("history", "send", "3"), 2)
    assert "cannot write" in _one_line_error(run_cli("history", "export", "--out", "/nonexistent/x.csv"), 1)
    r = run_cli("history", "mark", "1", "maybe")
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_corrupt_log_is_reported_not_replaced() -> None:
    db = get_paths().db_path
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(4096))
    before = db.read_bytes()
    line = _one_line_error(run_cli("history"), 1)
    assert str(db) in line and "untouched" in line
    assert db.read_bytes() == before


def test_export_to_private_file(tmp_path: Path) -> None:
    _seed()
    out = tmp_path / "log.csv"
    r = run_cli("history", "export", "--format", "csv", "--out", str(out))
    assert r.returncode == 0 and r.stdout.strip() == f"Exported 3 requests to {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [row["id"] for row in rows] == ["1", "2", "3"] and rows[0]["message"] == MSG
    r = run_cli("history", "export", "--format", "json")
    assert [d["transcript"] for d in json.loads(r.stdout)][2] == "only heard, not composed"


class FlakyHook:
    def __init__(self) -> None:
        self.fail = True
        self.bodies: list[bytes] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                hook.bodies.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                self.send_response(500 if hook.fail else 200)
                self.end_headers()

            def log_message(self, *a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()


def test_send_fails_stays_and_retries() -> None:
    hook = FlakyHook()
    try:
        save_settings(Settings(webhook=WebhookSettings(url=hook.url, service="slack", timeout_s=3),
                               contacts=[Contact(name="Tanaka", relation="colleague", channel="webhook")]))
        a, _, _ = _seed()
        line = _one_line_error(run_cli("history", "send", str(a)), 1)
        assert f"request {a} not sent (webhook)" in line and "HTTP 500" in line
        assert f"retry: voice-helper history send {a}" in line
        r = run_cli("history", "--status", "failed")
        assert "sent: failed" in r.stdout and f"#{a}" in r.stdout
        hook.fail = False
        r = run_cli("history", "send", str(a))
        assert r.returncode == 0 and r.stdout.startswith(f"Request #{a} sent: posted to 127.0.0.1")
        assert json.loads(hook.bodies[-1]) == {"text": MSG}
        r = run_cli("history", "show", str(a))
        assert f"#{a} · sent" in r.stdout and "send failed: webhook:" in r.stdout
    finally:
        hook.server.shutdown()
        hook.server.server_close()


def test_send_to_outbox_and_clipboard_fallback() -> None:
    a, b, _ = _seed()
    r = run_cli("history", "send", str(a), "--via", "file")
    assert r.returncode == 0
    files = list(get_paths().outbox_dir.glob("*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text())["text"] == MSG
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    line = _one_line_error(run_cli("history", "send", str(b), "--via", "clipboard"), 1)
    assert "clipboard not available here (not a terminal); message saved to" in line
    assert len(list(get_paths().outbox_dir.glob("*.json"))) == 2


def test_send_via_clipboard_in_a_terminal() -> None:
    _, b, _ = _seed()
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "voice_helper", "history", "send", str(b),
                                 "--via", "clipboard"], stdout=slave, stderr=subprocess.PIPE,
                                cwd=ROOT, env=dict(os.environ))
        os.close(slave)
        data = b""
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            data += chunk
        assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        os.close(master)
    start = data.index(b"\x1b]52;c;") + len(b"\x1b]52;c;")
    end = data.index(b"\x07", start)
    assert base64.b64decode(data[start:end]).decode() == "Could you carry the boxes?"
    assert b"copied to the clipboard" in data


def test_send_via_speak_records_what_really_happened() -> None:
    """With the real Speaker: spoken (a sound device) or a clear failure kept for retry (none)."""
    _, b, _ = _seed()
    r = run_cli("history", "send", str(b), "--via", "speak")
    with HelpLog.open() as log:
        e = log.get(b)
    if r.returncode == 0:
        assert r.stdout.strip() == f"Request #{b} sent: spoken aloud" and e.status == "sent"
    else:
        line = _one_line_error(r, 1)
        assert f"request {b} not sent (speak):" in line and e.status == "failed"
        assert e.send_error and e.send_error in line and e.channel == "speak"


def test_a_message_kept_in_the_outbox_is_never_called_sent() -> None:
    """Say only what happened: the default channel writes a file on this computer; that is
    "saved (not sent)" in every place a person reads it, never "sent"."""
    ids = _seed()
    r = run_cli("history", "send", str(ids[1]))
    assert r.returncode == 0, r.stderr
    assert "not sent to anyone" in r.stdout and " sent:" not in r.stdout
    listing = run_cli("history").stdout
    line = next(ln for ln in listing.splitlines() if ln.startswith(f"#{ids[1]} "))
    assert "saved (not sent)" in line
    with HelpLog.open() as log:
        entry = log.get(ids[1])
    assert entry.shown_status == "saved" and entry.to_dict()["status_label"] == "saved (not sent)"
