"""Issue 12, channels: requests go only where they should, and every failure is one honest line.

Real servers on 127.0.0.1 (tests/hostile.py) that redirect, trickle, break HTTP, refuse logins and
recipients, and record what they received. Test names carry the issue's item number.
"""

from __future__ import annotations

import base64
import json
import socket
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_module
from tests.hostile import RawServer, Recorder, read_http_request, redirect, status, trickle
from voice_helper.channels import (EmailChannel, FileChannel, OutgoingMessage, WebhookChannel,
                                   channel_for, deliver)
from voice_helper.config import Contact, EmailSettings, Settings, WebhookSettings, get_paths
from voice_helper.request import Alternative, Deadline, HelpRequest, Intent, Slots, Urgency
from voice_helper.store import HelpLog

SECRET = "s3cr3t-t0ken"


def _request(message: str = "Could you check the numbers by five?") -> HelpRequest:
    return HelpRequest(language="en", intent=Intent.WORKLOAD, confidence=0.42, urgency=Urgency.NORMAL,
                       slots=Slots(task="the monthly report", asks=["check the numbers"], recipient="Tanaka",
                                   deadline=Deadline("by five", "2026-11-23T17:00"),
                                   feelings=["ashamed"], offer="do the filing"),
                       missing=["offer"], alternatives=[Alternative(Intent.REVIEW, 0.31)], message=message)


def _msg(text: str = "Could you check the numbers by five?") -> OutgoingMessage:
    return OutgoingMessage(text=text, subject="Could you help me?", request_id=3,
                           request=_request(text).to_dict())


def _log_with(tmp_path: Path, recipient: str = "Tanaka") -> tuple[HelpLog, int]:
    log = HelpLog.open(tmp_path / "log.sqlite3")
    return log, log.add_draft("tanaka could you check the numbers", _request(), recipient=recipient)


# --- item 1: a contact's bad address never falls back to the global (team) webhook ------------------


@pytest.mark.parametrize("address", [
    "htp://127.0.0.1:{port}/private", "file:///etc/passwd", "ftp://127.0.0.1:{port}/x",
    "127.0.0.1:{port}/no-scheme", "http:///no-host", "http://127.0.0.1:{port}/with space",
])
def test_item01_bad_contact_address_is_refused_not_sent_to_the_team(tmp_path: Path, address: str) -> None:
    with Recorder() as team:
        settings = Settings(webhook=WebhookSettings(url=team.url + "/team", timeout_s=3),
                            contacts=[Contact(name="Tanaka", channel="webhook",
                                              address=address.format(port=team.port))])
        log, i = _log_with(tmp_path)
        with log:
            r = deliver(log, i, settings)
            e = log.get(i)
        assert team.got == []  # nothing reached the team channel
    assert not r.ok and "Tanaka's webhook address is not usable" in (r.reason or "")
    assert "Nothing was sent anywhere else" in (r.reason or "")
    assert e.status_label == "sent: failed" and e.send_error == r.reason


def test_item01_scheme_case_is_not_a_reason_to_reroute(tmp_path: Path) -> None:
    """``HTTP://`` is http (schemes are case-insensitive): it goes to the contact, not the team."""
    with Recorder() as team, Recorder() as own:
        settings = Settings(webhook=WebhookSettings(url=team.url + "/team", timeout_s=3),
                            contacts=[Contact(name="Tanaka", channel="webhook",
                                              address=f"HTTP://127.0.0.1:{own.port}/tanaka")])
        log, i = _log_with(tmp_path)
        with log:
            r = deliver(log, i, settings)
        assert r.ok, r.reason
        assert team.got == [] and [g["path"] for g in own.posts()] == ["/tanaka"]
    # an email contact sent --via webhook still uses the global webhook, as documented
    ch = channel_for(Contact(name="Sato", channel="email", address="sato@example.org"),
                     Settings(webhook=WebhookSettings(url="https://hooks.example.org/x")), via="webhook")
    assert isinstance(ch, WebhookChannel) and ch.url == "https://hooks.example.org/x"
    ch = channel_for(Contact(name="Sato", channel="webhook", address="sato@example.org"), Settings())
    r = ch.send(_msg())  # an email address given as a webhook: refused, not the global webhook
    assert not r.ok and "Sato's webhook address is not usable" in (r.reason or "")


# --- item 2: redirects ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", [301, 302, 303])
def test_item02_moved_is_a_failure_naming_the_new_place(code: int) -> None:
    with Recorder() as hook:
        hook.routes["/hook"] = redirect(code, "/landing")
        r = WebhookChannel(hook.url + "/hook", "generic", timeout_s=3).send(_msg())
        assert [g["path"] for g in hook.got] == ["/hook"]  # no GET to /landing: nothing "sent"
    assert not r.ok and f"HTTP {code}" in (r.reason or "")
    assert f"127.0.0.1:{hook.port}/landing" in (r.reason or "") and "update the address" in (r.reason or "")


@pytest.mark.parametrize("code", [307, 308])
def test_item02_307_308_keep_method_and_body(code: int) -> None:
    with Recorder() as hook:
        hook.routes["/hook"] = redirect(code, "/landing")
        m = _msg()
        r = WebhookChannel(hook.url + "/hook", "generic", timeout_s=3).send(m)
        landed = hook.posts("/landing")
    assert r.ok, r.reason
    assert len(landed) == 1 and json.loads(landed[0]["body"])["text"] == m.text


def test_item02_credentials_and_headers_never_follow_to_another_host() -> None:
    with Recorder() as first, Recorder() as other:
        first.routes["/hook"] = redirect(308, other.url + "/elsewhere")
        url = f"http://me:{SECRET}@127.0.0.1:{first.port}/hook"
        r = WebhookChannel(url, "ntfy", timeout_s=3).send(_msg())
        assert r.ok, r.reason
        sent, moved = first.posts("/hook")[0], other.posts("/elsewhere")[0]
    assert sent["headers"]["Authorization"] == "Basic " + base64.b64encode(f"me:{SECRET}".encode()).decode()
    assert "Authorization" not in moved["headers"] and "Title" not in moved["headers"]
    assert moved["body"] == sent["body"]  # the message itself arrives


def test_item02_redirect_loops_and_bad_targets_fail() -> None:
    with Recorder() as hook:
        hook.routes["/loop"] = redirect(307, "/loop")
        hook.routes["/ftp"] = redirect(307, "ftp://127.0.0.1/x")
        r = WebhookChannel(hook.url + "/loop", timeout_s=3).send(_msg())
        assert not r.ok and "more than 3 redirects" in (r.reason or "")
        assert len(hook.posts("/loop")) == 4
        r = WebhookChannel(hook.url + "/ftp", timeout_s=3).send(_msg())
        assert not r.ok and "unusable address" in (r.reason or "")


# --- item 6: one deadline per send -----------------------------------------------------------------


def test_item06_trickling_webhook_is_cut_at_the_deadline(tmp_path: Path) -> None:
    def serve(conn: socket.socket) -> None:
        read_http_request(conn)
        trickle(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", every_s=0.15)

    with RawServer(serve) as slow:
        settings = Settings(webhook=WebhookSettings(url=slow.url + "/hook", timeout_s=2))
        log, i = _log_with(tmp_path)
        with log:
            t0 = time.monotonic()
            r = deliver(log, i, settings, via="webhook")
            took = time.monotonic() - t0
            e = log.get(i)
    assert took < 2.8, f"the send took {took:.1f} s with a 2 s timeout"
    assert not r.ok and "did not answer within 2 s" in (r.reason or "")
    assert e.status == "failed"


def test_item06_trickling_mail_server_is_cut_at_the_deadline() -> None:
    def serve(conn: socket.socket) -> None:
        trickle(conn, b"220 " + b"x" * 60 + b"\r\n", every_s=0.1)

    with RawServer(serve) as slow:
        s = EmailSettings(host="127.0.0.1", port=slow.port, starttls=False, sender="me@example.org",
                          timeout_s=2)
        t0 = time.monotonic()
        r = EmailChannel(s).send(_msg_to("tanaka@example.org"))
        took = time.monotonic() - t0
    assert took < 2.8, f"the send took {took:.1f} s with a 2 s timeout"
    assert not r.ok and "did not answer within 2 s" in (r.reason or "")


def _msg_to(address: str) -> OutgoingMessage:
    m = _msg()
    m.recipient = Contact(name="Tanaka", channel="email", address=address)
    return m


# --- item 8: broken HTTP and a non-ASCII password are one-line results ------------------------------


def test_item08_broken_status_line_and_cut_answer_are_results() -> None:
    def garbage(conn: socket.socket) -> None:
        read_http_request(conn)
        conn.sendall(b"\x00\x01 NOT HTTP AT ALL\r\n\r\n")

    def cut(conn: socket.socket) -> None:
        read_http_request(conn)
        conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 1000\r\n\r\npartial")

    def hang_up(conn: socket.socket) -> None:
        read_http_request(conn)

    with RawServer(garbage) as a, RawServer(cut) as b, RawServer(hang_up) as c:
        ra = WebhookChannel(a.url + "/h", timeout_s=3).send(_msg())
        rb = WebhookChannel(b.url + "/h", timeout_s=3).send(_msg())
        rc = WebhookChannel(c.url + "/h", timeout_s=3).send(_msg())
    assert not ra.ok and "not HTTP" in (ra.reason or "")
    assert not rb.ok and "HTTP 500" in (rb.reason or "")
    assert not rc.ok and "closed the connection without answering" in (rc.reason or "")
    for r in (ra, rb, rc):
        assert "\n" not in (r.reason or "") and "\x00" not in (r.reason or "")


class _Box:
    def __init__(self, rcpt_answer: str | None = None) -> None:
        self.messages: list[Any] = []
        self.rcpt_answer = rcpt_answer

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          options: Any) -> str:
        if self.rcpt_answer:
            return self.rcpt_answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(envelope.content)
        return "250 OK"


def _mail_server(box: _Box, password: bytes) -> Any:
    require_module("aiosmtpd", "pip install aiosmtpd")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def auth(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        return AuthResult(success=isinstance(data, LoginPassword) and data.password == password,
                          handled=False)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = Controller(box, hostname="127.0.0.1", port=port, authenticator=auth, auth_require_tls=False)
    ctl.start()
    return ctl


def _mail_settings(port: int, timeout_s: float = 5) -> EmailSettings:
    return EmailSettings(host="127.0.0.1", port=port, starttls=False, username="me@example.org",
                         password_env="VH_HARDENING_PW", sender="me@example.org", timeout_s=timeout_s)


def test_item08_non_ascii_mail_password_logs_in_and_never_leaks(
        monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    password = "pässwörd-日本"
    box = _Box()
    ctl = _mail_server(box, password.encode("utf-8"))
    try:
        monkeypatch.setenv("VH_HARDENING_PW", password)
        r = EmailChannel(_mail_settings(ctl.port)).send(_msg_to("tanaka@example.org"))
        assert r.ok, r.reason
        monkeypatch.setenv("VH_HARDENING_PW", "wröng-日本")
        bad = EmailChannel(_mail_settings(ctl.port)).send(_msg_to("tanaka@example.org"))
    finally:
        ctl.stop()
    assert len(box.messages) == 1
    assert not bad.ok and "refused the login" in (bad.reason or "")
    out, err = capfd.readouterr()
    for secret in ("ö", "wröng", "日本", "position"):
        assert secret not in (bad.reason or "") + out + err


# --- item 9: credentials in a webhook URL are never stored or shown -----------------------------------


def test_item09_credentials_in_the_url_are_redacted_everywhere(tmp_path: Path) -> None:
    with Recorder() as hook:
        hook.routes["/hook"] = status(500)
        url = f"http://me:{SECRET}@127.0.0.1:{hook.port}/hook"
        contact = Contact(name="Tanaka", channel="webhook", address=url)
        settings = Settings(contacts=[contact])
        log, i = _log_with(tmp_path)
        with log:
            r = deliver(log, i, settings)
            e = log.get(i)
            events = log.events(i)
            exported = tmp_path / "export.json"
            log.export("json", exported)
        assert hook.posts("/hook")[0]["headers"]["Authorization"].startswith("Basic ")
    stored = json.dumps([r.reason, e.send_error, events]) + exported.read_text()
    assert not r.ok and "HTTP 500" in (r.reason or "")
    assert SECRET not in stored and "me:" not in stored
    # the outbox keeps the address, without its password
    saved = FileChannel(tmp_path / "outbox").send(OutgoingMessage(text="x", recipient=contact))
    assert SECRET not in saved.path.read_text() and f"127.0.0.1:{hook.port}/hook" in saved.path.read_text()
    refused = WebhookChannel(f"htp://me:{SECRET}@example.org/x").send(_msg())
    assert not refused.ok and SECRET not in (refused.reason or "")


# --- item 11: honest SMTP wording, a cleartext warning, only what the person saw leaves ------------


def test_item11_refused_recipient_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    box = _Box(rcpt_answer="550 5.1.1 no such user here")
    ctl = _mail_server(box, b"pw")
    try:
        monkeypatch.setenv("VH_HARDENING_PW", "pw")
        r = EmailChannel(_mail_settings(ctl.port)).send(_msg_to("nobody@example.org"))
    finally:
        ctl.stop()
    assert not r.ok and "refused the recipient nobody@example.org (550" in (r.reason or "")
    assert "could not reach" not in (r.reason or "")


def test_item11_refused_login_is_a_refusal_even_if_the_server_then_stalls(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that answers 535 and then stops talking (a tarpit) refused the login: it did not
    "not answer". Only one login mechanism is tried."""
    auths: list[bytes] = []

    def serve(conn: socket.socket) -> None:
        f = conn.makefile("rb")
        conn.sendall(b"220 tarpit ESMTP\r\n")
        for line in f:
            if line.upper().startswith((b"EHLO", b"HELO")):
                conn.sendall(b"250-tarpit\r\n250 AUTH PLAIN LOGIN\r\n")
            elif line.upper().startswith(b"AUTH"):
                auths.append(line)
                if len(auths) == 1:
                    conn.sendall(b"535 5.7.8 authentication failed\r\n")
                # a second attempt gets no answer at all
            elif line.upper().startswith(b"QUIT"):
                return

    with RawServer(serve) as tarpit:
        monkeypatch.setenv("VH_HARDENING_PW", "not-it")
        r = EmailChannel(_mail_settings(tarpit.port, timeout_s=1.5)).send(_msg_to("tanaka@example.org"))
    assert not r.ok and "refused the login for me@example.org (535" in (r.reason or ""), r.reason
    assert len(auths) == 1


def test_item11_password_without_tls_carries_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    box = _Box()
    ctl = _mail_server(box, b"pw")
    try:
        monkeypatch.setenv("VH_HARDENING_PW", "pw")
        r = EmailChannel(_mail_settings(ctl.port)).send(_msg_to("tanaka@example.org"))
    finally:
        ctl.stop()
    assert r.ok and "password was sent without encryption" in r.detail


def test_item11_webhook_and_outbox_carry_only_what_the_person_saw(tmp_path: Path) -> None:
    internals = ("confidence", "alternatives", "missing", "feelings", "ashamed", "0.42")
    with Recorder() as hook:
        settings = Settings(webhook=WebhookSettings(url=hook.url + "/hook", service="generic", timeout_s=3))
        log, i = _log_with(tmp_path)
        with log:
            assert deliver(log, i, settings, via="webhook").ok
            assert deliver(log, i, settings, via="file").ok
        body = hook.posts("/hook")[0]["body"].decode("utf-8")
    outbox = next(get_paths().outbox_dir.glob("*.json")).read_text(encoding="utf-8")
    for doc in (body, outbox):
        data = json.loads(doc)
        assert data["text"] == "Could you check the numbers by five?"
        assert data["fields"]["task"] == "the monthly report"
        assert data["fields"]["deadline"] == {"text": "by five", "iso": "2026-11-23T17:00"}
        assert "request" not in data
        for word in internals:
            assert word not in doc, word
