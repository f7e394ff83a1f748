"""Channels against real things: a pty, files, an SMTP server and an HTTP server on 127.0.0.1."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import json
import os
import socket
import ssl
import stat
import threading
import time
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_module, require_tool
from voice_helper.channels import (ClipboardChannel, EmailChannel, FileChannel, OutgoingMessage,
                                   SpeakChannel, WebhookChannel, channel_for, deliver)
from voice_helper.channels.base import subject_for
from voice_helper.config import Contact, EmailSettings, Settings, WebhookSettings, get_paths
from voice_helper.errors import UsageError
from voice_helper.request import HelpRequest, Intent, Slots, Urgency
from voice_helper.store import HelpLog

JA = "田中さん、お疲れさまです。\nレジの集計を手伝っていただけますか。"
TANAKA = Contact(name="Tanaka", relation="colleague", language="ja", channel="email",
                 address="tanaka@example.org")


def _msg(text: str = "Could you take over the counting?", contact: Contact | None = TANAKA,
         lang: str = "en", urgency: str = "normal") -> OutgoingMessage:
    req = HelpRequest(language=lang, intent=Intent.WORKLOAD, urgency=Urgency(urgency),
                      slots=Slots(task="the cash report"), message=text).to_dict()
    return OutgoingMessage(text=text, subject=subject_for(lang, req), recipient=contact, lang=lang,
                           request_id=7, request=req)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- speak ---------------------------------------------------------------------------------------


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.said: list[tuple[str, str | None]] = []
        self.fail = fail

    def say(self, text: str, lang: str | None = None) -> None:
        if self.fail:
            raise RuntimeError("audio device busy")
        self.said.append((text, lang))


def test_speak_channel() -> None:
    rec = Recorder()
    r = SpeakChannel(rec).send(_msg(JA, lang="ja"))
    assert r.ok and rec.said == [(JA, "ja")]
    r = SpeakChannel(None).send(_msg())
    assert not r.ok and "no voice" in (r.reason or "")
    r = SpeakChannel(Recorder(fail=True)).send(_msg())
    assert not r.ok and "audio device busy" in (r.reason or "")


class QueuedSpeaker:
    """Shaped like the project's Speaker: say() queues, wait_idle() waits, on_unspoken reports."""

    def __init__(self, why: str | None) -> None:
        self.why = why
        self.on_unspoken: Any = None
        self.waited: float | None = None

    def say(self, text: str, lang: str | None = None) -> bool:
        self.text = text
        return bool(text)

    def wait_idle(self, timeout: float | None = None) -> bool:
        self.waited = timeout
        if self.on_unspoken:
            self.on_unspoken("", "Japanese voice: using espeak-ng")  # a notice, not a failure
            if self.why:
                self.on_unspoken(self.text, self.why)
        return True


def test_speak_waits_for_a_queued_speaker_and_reports_unspoken() -> None:
    ok = QueuedSpeaker(None)
    r = SpeakChannel(ok).send(_msg("Could you carry the boxes?"))  # a UI: never wait
    assert r.ok and r.detail == "speaking aloud" and ok.waited is None
    r = SpeakChannel(ok, wait=True).send(_msg("Could you carry the boxes?"))
    assert r.ok and r.detail == "spoken aloud" and ok.waited is not None and ok.on_unspoken is None
    bad = QueuedSpeaker("no audio output (no sound device)")
    r = SpeakChannel(bad, wait=True).send(_msg())
    assert not r.ok and r.reason == "could not speak: no audio output (no sound device)"


def test_speak_with_the_real_speaker_into_wav_files(tmp_path: Path) -> None:
    require_tool("espeak-ng")
    from voice_helper.speech.tts import Speaker

    with Speaker(Settings(), out_dir=tmp_path / "said") as sp:
        r = SpeakChannel(sp, wait=True).send(_msg("Could you carry the boxes to the car?"))
    assert r.ok, r.reason
    wavs = list((tmp_path / "said").glob("*.wav"))
    assert len(wavs) == 1 and wavs[0].stat().st_size > 10_000


# --- file and clipboard ------------------------------------------------------------------------------


def test_file_channel_writes_one_private_file(tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    r1 = FileChannel(out).send(_msg(JA, lang="ja"))
    r2 = FileChannel(out).send(_msg("second"))
    assert r1.ok and r2.ok and r1.path != r2.path
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    files = sorted(out.iterdir())
    assert files == sorted([r1.path, r2.path])  # no temp files left behind
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    doc = json.loads(r1.path.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    assert doc["text"] == JA and doc["id"] == 7 and doc["to"] == "Tanaka"
    assert doc["subject"] == "the cash reportについて、お願いがあります"
    assert r1.path.name.endswith("-000007.json")  # type: ignore[union-attr]


def test_file_channel_unwritable_is_a_result(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    r = FileChannel(blocker / "outbox").send(_msg())
    assert not r.ok and "could not write" in (r.reason or "")


def test_clipboard_writes_osc52_to_a_real_terminal() -> None:
    master, slave = os.openpty()
    try:
        tty = os.fdopen(slave, "w", encoding="utf-8", closefd=False)
        r = ClipboardChannel(stream=tty).send(_msg(JA, lang="ja"))
        assert r.ok and "OSC 52" in r.detail
        data = b""
        while not data.endswith(b"\x07"):
            data += os.read(master, 4096)
        assert data.startswith(b"\x1b]52;c;")
        assert base64.b64decode(data[len(b"\x1b]52;c;"):-1]).decode("utf-8") == JA
    finally:
        os.close(master)
        os.close(slave)


def test_clipboard_falls_back_to_the_outbox(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()  # a pipe is not a terminal
    try:
        stream = os.fdopen(write_end, "w", closefd=False)
        r = ClipboardChannel(stream=stream, outbox=tmp_path / "ob").send(_msg("keep me"))
    finally:
        os.close(read_end)
        os.close(write_end)
    assert not r.ok
    assert r.reason is not None and r.reason.startswith("clipboard not available here")
    assert f"message saved to {r.path}" in r.reason
    assert json.loads(r.path.read_text())["text"] == "keep me"  # type: ignore[union-attr]


# --- webhook --------------------------------------------------------------------------------------


class Hook:
    """A real HTTP server on 127.0.0.1; each path behaves differently."""

    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []
        self.fail_next = 0
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hook.got.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if self.path == "/slow":
                    time.sleep(1.5)
                if self.path == "/error" or hook.fail_next:
                    hook.fail_next = max(0, hook.fail_next - 1)
                    self.send_response(500, "Internal Server Error")
                    self.end_headers()
                    return
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"ok":true}')
                except BrokenPipeError:  # the client gave up at its timeout, as it should
                    pass

            def log_message(self, *a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def hook() -> Any:
    h = Hook()
    yield h
    h.close()


@pytest.mark.parametrize("service,expect", [
    ("generic", lambda b, m: b["text"] == m.text and b["id"] == 7 and "request" not in b
     and b["fields"]["task"] == "the cash report"),
    ("slack", lambda b, m: b == {"text": m.text}),
    ("discord", lambda b, m: b == {"content": m.text}),
    ("matrix", lambda b, m: b == {"msgtype": "m.text", "body": m.text}),
])
def test_webhook_payload_per_service(hook: Hook, service: str, expect: Any) -> None:
    m = _msg(JA, lang="ja")
    r = WebhookChannel(hook.url + "/hook", service, timeout_s=5).send(m)
    assert r.ok, r.reason
    got = hook.got[-1]
    assert got["headers"]["Content-Type"].startswith("application/json")
    assert expect(json.loads(got["body"].decode("utf-8")), m)


def test_webhook_ntfy_plain_text_with_title(hook: Hook) -> None:
    m = _msg(JA, lang="ja", urgency="high")
    r = WebhookChannel(hook.url + "/mytopic", "ntfy", timeout_s=5).send(m)
    assert r.ok, r.reason
    got = hook.got[-1]
    assert got["body"].decode("utf-8") == JA
    assert str(make_header(decode_header(got["headers"]["Title"]))) == "至急：今すぐ助けてください"
    assert got["headers"]["Priority"] == "4"
    r = WebhookChannel(hook.url + "/t", "ntfy", timeout_s=5).send(_msg("plain"))
    assert hook.got[-1]["headers"]["Title"] == "Could you help me with the cash report?"


def test_webhook_500_and_timeout_are_results(hook: Hook) -> None:
    r = WebhookChannel(hook.url + "/error", "generic", timeout_s=5).send(_msg())
    assert not r.ok and "HTTP 500" in (r.reason or "")
    t0 = time.monotonic()
    r = WebhookChannel(hook.url + "/slow", "generic", timeout_s=0.4).send(_msg())
    assert time.monotonic() - t0 < 1.4  # returned at the timeout, not when the server woke
    assert not r.ok and "did not answer within 0.4 s" in (r.reason or "")
    r = WebhookChannel(f"http://127.0.0.1:{_free_port()}/x", "generic", timeout_s=2).send(_msg())
    assert not r.ok and "could not reach" in (r.reason or "")
    r = WebhookChannel("file:///etc/passwd", "generic").send(_msg())
    assert not r.ok and "http://" in (r.reason or "")


def test_deliver_failed_webhook_stays_and_retry_succeeds(hook: Hook, tmp_path: Path) -> None:
    settings = Settings(webhook=WebhookSettings(url=hook.url + "/team", service="slack", timeout_s=3),
                        contacts=[Contact(name="Sato", channel="webhook")])
    with HelpLog.open(tmp_path / "l.db") as log:
        i = log.add_draft("sato could you check my slides",
                          HelpRequest(message="Could you look at my slides?"), recipient="Sato")
        hook.fail_next = 1
        r = deliver(log, i, settings)
        assert not r.ok and r.channel == "webhook"
        e = log.get(i)
        assert e.status_label == "sent: failed" and "HTTP 500" in (e.send_error or "")
        assert e.message == "Could you look at my slides?"  # kept for the retry
        r = deliver(log, i, settings)
        assert r.ok, r.reason
        e = log.get(i)
        assert e.status == "sent" and e.send_error is None and e.attempts == 2
        assert json.loads(hook.got[-1]["body"]) == {"text": "Could you look at my slides?"}
        assert hook.got[-1]["path"] == "/team"


def test_deliver_timeout_never_blocks_long(hook: Hook, tmp_path: Path) -> None:
    settings = Settings(webhook=WebhookSettings(url=hook.url + "/slow", timeout_s=0.3))
    with HelpLog.open(tmp_path / "l.db") as log:
        i = log.add_draft("x", HelpRequest(message="m"))
        t0 = time.monotonic()
        r = deliver(log, i, settings, via="webhook")
        assert time.monotonic() - t0 < 1.3
        assert not r.ok and log.get(i).status == "failed" and "did not answer" in log.get(i).send_error


# --- choosing --------------------------------------------------------------------------------------


def test_channel_for_contact_and_override(tmp_path: Path) -> None:
    s = Settings(webhook=WebhookSettings(url="https://hooks.example.org/default", service="discord"))
    assert isinstance(channel_for(TANAKA, s), EmailChannel)
    assert isinstance(channel_for(TANAKA, s, via="speak", speaker=Recorder()), SpeakChannel)
    assert isinstance(channel_for(None, s), FileChannel)  # offline default: loses nothing
    assert isinstance(channel_for(None, s, via="clipboard"), ClipboardChannel)
    own = Contact(name="Mum", relation="family", channel="webhook", address="https://ntfy.example/mum",
                  service="ntfy")
    ch = channel_for(own, s)
    assert isinstance(ch, WebhookChannel) and (ch.url, ch.service) == ("https://ntfy.example/mum", "ntfy")
    ch = channel_for(TANAKA, s, via="webhook")  # an email address is not a URL
    assert isinstance(ch, WebhookChannel) and (ch.url, ch.service) == ("https://hooks.example.org/default",
                                                                       "discord")
    with pytest.raises(UsageError, match="expected one of"):
        channel_for(None, s, via="fax")


def test_deliver_refuses_answered_and_empty(tmp_path: Path) -> None:
    with HelpLog.open(tmp_path / "l.db") as log:
        i = log.add_draft("only words")
        with pytest.raises(UsageError, match="no message yet"):
            deliver(log, i, Settings())
        log.update_draft(i, message="Could you help?")
        assert deliver(log, i, Settings(), via="file").ok
        log.mark(i, "helped")
        with pytest.raises(UsageError, match="already helped"):
            deliver(log, i, Settings())
    assert len(list(get_paths().outbox_dir.iterdir())) == 1


# --- email ---------------------------------------------------------------------------------------


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    require_module("cryptography", "pip install cryptography")
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.logins: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content,
                              session.auth_data, session.ssl is not None))
        return "250 OK"


def _smtp(tmp: Path, starttls: bool) -> tuple[Any, Mailbox, ssl.SSLContext | None]:
    require_module("aiosmtpd", "pip install aiosmtpd")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    box = Mailbox()

    def auth(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == b"me@example.org" and \
            data.password == b"s3cret-pw"
        if ok:
            box.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)

    kw: dict[str, Any] = {"authenticator": auth}
    client_ctx = None
    if starttls:
        cert, key = _self_signed(tmp)
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_ctx.load_cert_chain(cert, key)
        kw.update(tls_context=server_ctx, require_starttls=True, auth_require_tls=True)
        client_ctx = ssl.create_default_context(cafile=str(cert))
    else:
        kw.update(auth_require_tls=False)
    ctl = Controller(box, hostname="127.0.0.1", port=_free_port(), **kw)
    ctl.start()
    return ctl, box, client_ctx


def _settings(port: int, starttls: bool, username: str = "me@example.org") -> EmailSettings:
    return EmailSettings(host="127.0.0.1", port=port, starttls=starttls, username=username,
                         password_env="VH_TEST_SMTP_PW", sender="me@example.org", timeout_s=5)


@pytest.mark.parametrize("starttls", [False, True], ids=["plain+auth", "starttls+auth"])
def test_email_reaches_a_real_smtp_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          starttls: bool, capfd: pytest.CaptureFixture[str]) -> None:
    ctl, box, ctx = _smtp(tmp_path, starttls)
    try:
        monkeypatch.setenv("VH_TEST_SMTP_PW", "s3cret-pw")
        ch = EmailChannel(_settings(ctl.port, starttls), ssl_context=ctx)
        r = ch.send(_msg(JA, lang="ja"))
        assert r.ok, r.reason
    finally:
        ctl.stop()
    (mail_from, rcpt, content, auth_data, was_tls) = box.messages[0]
    assert mail_from == "me@example.org" and rcpt == ["tanaka@example.org"]
    assert box.logins == ["me@example.org"] and was_tls is starttls
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert parsed["To"] == "Tanaka <tanaka@example.org>"
    assert parsed["Subject"] == "the cash reportについて、お願いがあります"
    assert parsed["X-Voice-Helper-Id"] == "7" and parsed["Date"] and parsed["Message-ID"]
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == JA
    assert parsed.get_content_charset() == "utf-8"
    out, err = capfd.readouterr()
    assert "s3cret-pw" not in out + err + repr(r)


def test_email_failures_are_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctl, box, _ = _smtp(tmp_path, False)
    try:
        s = _settings(ctl.port, False)
        monkeypatch.delenv("VH_TEST_SMTP_PW", raising=False)
        r = EmailChannel(s).send(_msg())
        assert not r.ok and "VH_TEST_SMTP_PW" in (r.reason or "")
        monkeypatch.setenv("VH_TEST_SMTP_PW", "wrong-pw")
        r = EmailChannel(s).send(_msg())
        assert not r.ok and "refused the login" in (r.reason or "") and "wrong-pw" not in (r.reason or "")
        monkeypatch.setenv("VH_TEST_SMTP_PW", "s3cret-pw")
        r = EmailChannel(_settings(ctl.port, True)).send(_msg())  # server offers no STARTTLS
        assert not r.ok and "STARTTLS" in (r.reason or "")
        r = EmailChannel(s).send(_msg(contact=Contact(name="Sato")))
        assert not r.ok and "no email address for Sato" in (r.reason or "")
    finally:
        ctl.stop()
    assert box.messages == []
    r = EmailChannel(EmailSettings()).send(_msg())
    assert not r.ok and "not set up" in (r.reason or "")


def test_email_silent_server_times_out() -> None:
    """A server that accepts the connection but never greets: the send gives up at the timeout."""
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)  # never accepted, never answered
        s = EmailSettings(host="127.0.0.1", port=srv.getsockname()[1], starttls=False,
                          sender="me@example.org", timeout_s=0.5)
        t0 = time.monotonic()
        r = EmailChannel(s).send(_msg())
        assert time.monotonic() - t0 < 3
    assert not r.ok and "did not answer within 0.5 s" in (r.reason or "")


def test_deliver_email_down_then_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VH_TEST_SMTP_PW", "s3cret-pw")
    port = _free_port()
    settings = Settings(email=_settings(port, False), contacts=[TANAKA])
    with HelpLog.open(tmp_path / "l.db") as log:
        i = log.add_draft("tanaka counting", HelpRequest(language="ja", message=JA), recipient="tanaka")
        r = deliver(log, i, settings)  # nothing listens yet: the network is "down"
        assert not r.ok and log.get(i).status == "failed"
        assert "could not reach the mail server" in log.get(i).send_error
        from aiosmtpd.controller import Controller

        box = Mailbox()
        ctl = Controller(box, hostname="127.0.0.1", port=port, auth_require_tls=False,
                         authenticator=lambda *a: __import__("aiosmtpd.smtp").smtp.AuthResult(success=True))
        ctl.start()
        try:
            r = deliver(log, i, settings)
        finally:
            ctl.stop()
        assert r.ok, r.reason
        assert log.get(i).status == "sent" and log.get(i).channel == "email"
    parsed = email.message_from_bytes(box.messages[0][2], policy=email.policy.default)
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == JA and parsed["Subject"] == "お願いがあります"
