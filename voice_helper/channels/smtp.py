"""Email over SMTP: STARTTLS when configured, a login from settings plus a password read from an
environment variable at send time (never from the settings file, never logged or stored).

Rules, and why:
- one deadline for the whole send (connect, greeting, STARTTLS, login, message), so a server
  that trickles bytes cannot hold the person longer than ``timeout_s``;
- the login uses one mechanism (CRAM-MD5, else PLAIN, else LOGIN) with UTF-8, so a password with
  non-ASCII characters works, and a refusal is reported as a refusal (trying the next mechanism
  on a server that stops answering after a refusal used to read as "did not answer");
- each failure names the step it happened in (a refused recipient is not "could not reach");
- the password never appears in a result; sending it without TLS adds a warning to the result.
"""

from __future__ import annotations

import base64
import os
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import Any

from ..config import EmailSettings
from .base import OutgoingMessage, SendResult, one_line
from .deadline import Deadline, Watchdog, open_socket

CLEARTEXT_WARNING = ("warning: the password was sent without encryption "
                     "(settings: [email] starttls = true, or port 465)")


class _Timed:
    """Mixin for smtplib clients: sockets come from ``open_socket`` under one deadline."""

    deadline: Deadline
    watchdog: Watchdog | None = None

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = open_socket(host, port, self.deadline)
        self.watchdog = Watchdog(sock, self.deadline)
        return sock

    def close(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
        super().close()  # type: ignore[misc]


class _SMTP(_Timed, smtplib.SMTP):
    pass


class _SMTPSSL(smtplib.SMTP_SSL, _SMTP):
    """SMTP_SSL._get_socket wraps in TLS what _Timed._get_socket (next in the MRO) returns."""


class EmailChannel:
    name = "email"

    def __init__(self, settings: EmailSettings, ssl_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.ssl_context = ssl_context

    def build(self, message: OutgoingMessage) -> EmailMessage:
        s = self.settings
        mail = EmailMessage()
        mail["From"] = s.sender or s.username
        to = message.recipient
        mail["To"] = formataddr((to.name, to.address)) if to else ""
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=True)
        mail["Message-ID"] = make_msgid(domain=(s.sender or s.username or "voice-helper").rpartition("@")[2]
                                        or "voice-helper")
        if message.request_id is not None:
            mail["X-Voice-Helper-Id"] = str(message.request_id)
        mail.set_content(message.text, charset="utf-8")
        return mail

    def send(self, message: OutgoingMessage) -> SendResult:
        s = self.settings
        if not s.host:
            return SendResult(False, self.name, reason="email is not set up (settings: [email] host)")
        to = message.recipient
        if to is None or "@" not in (to.address or ""):
            who = to.name if to else "this request"
            return SendResult(False, self.name, reason=f"no email address for {who} "
                              "(settings: the contact's address)")
        if not (s.sender or s.username):
            return SendResult(False, self.name, reason="no sender address (settings: [email] sender)")
        password = None
        if s.username:
            password = os.environ.get(s.password_env) if s.password_env else None
            if not password:
                return SendResult(False, self.name, reason=f"no mail password: set the environment "
                                  f"variable {s.password_env or '(settings: [email] password_env)'}")
        tls = s.port == 465 or s.starttls
        warning = CLEARTEXT_WARNING if (password and not tls) else ""
        ok, text = self._send(self.build(message), to.address, password)
        text = _scrub(text, password)
        if ok:
            return SendResult(True, self.name, detail=text + (f"; {warning}" if warning else ""),
                              extra={"warning": warning} if warning else {})
        return SendResult(False, self.name, reason=text + (f"; {warning}" if warning else ""),
                          extra={"warning": warning} if warning else {})

    def _send(self, mail: EmailMessage, address: str, password: str | None) -> tuple[bool, str]:
        """(True, detail) or (False, reason), each one line naming the step."""
        s = self.settings
        context = self.ssl_context or ssl.create_default_context()
        where = f"{s.host}:{s.port}"
        deadline = Deadline(s.timeout_s)
        step = "connecting"
        client: Any
        if s.port == 465:
            client = _SMTPSSL(context=context)
        else:
            client = _SMTP()
        client.deadline = deadline
        client._host = s.host  # smtplib sets it only when given to the constructor (TLS needs it)
        try:
            try:
                step = "connecting"
                client.connect(s.host, s.port)
                step = "greeting"
                client.ehlo()
                if s.starttls and s.port != 465:
                    step = "starting TLS"
                    client.starttls(context=context)
                    client.ehlo()
                if s.username:
                    step = "logging in"
                    _login(client, s.username, password or "")
                step = "sending the message"
                refused = client.send_message(mail)
                if client.watchdog is not None:
                    client.watchdog.stop()
                    if client.watchdog.fired:  # a reply cut off at the deadline is no acceptance
                        raise TimeoutError
                step = "closing"
                try:
                    if client.sock is not None:
                        client.sock.settimeout(1.0)  # accepted already: a slow goodbye must not hold us
                    client.quit()
                except (smtplib.SMTPException, OSError):
                    pass  # the message was accepted; a rude goodbye changes nothing
            finally:
                client.close()
        except _LoginUnsupported as exc:
            return False, f"the mail server {where} {exc}"
        except smtplib.SMTPAuthenticationError as exc:
            return False, (f"the mail server {where} refused the login for {s.username} "
                           f"({exc.smtp_code} {one_line(_text(exc.smtp_error), 80)})")
        except smtplib.SMTPNotSupportedError as exc:
            what = {"starting TLS": "STARTTLS", "logging in": "login (SMTP AUTH)"}.get(step, step)
            return False, f"the mail server {where} does not support {what} ({one_line(exc)})"
        except smtplib.SMTPRecipientsRefused as exc:
            who = ", ".join(f"{addr} ({code} {one_line(_text(msg), 80)})"
                            for addr, (code, msg) in exc.recipients.items())
            return False, f"the mail server {where} refused the recipient {who}"
        except smtplib.SMTPSenderRefused as exc:
            return False, (f"the mail server {where} refused the sender {one_line(exc.sender)} "
                           f"({exc.smtp_code} {one_line(_text(exc.smtp_error), 80)})")
        except smtplib.SMTPDataError as exc:
            return False, (f"the mail server {where} refused the message "
                           f"({exc.smtp_code} {one_line(_text(exc.smtp_error), 80)})")
        except Exception as exc:
            if deadline.expired or (client.watchdog is not None and client.watchdog.fired) \
                    or isinstance(exc, (TimeoutError, socket.timeout)) or "timed out" in str(exc):
                return False, f"the mail server {where} did not answer within {s.timeout_s:g} s ({step})"
            if isinstance(exc, ssl.SSLError):
                return False, f"secure connection to {where} failed ({one_line(exc.reason or exc)})"
            if isinstance(exc, smtplib.SMTPResponseException):
                return False, (f"the mail server {where} said {exc.smtp_code} "
                               f"{one_line(_text(exc.smtp_error))} ({step})")
            if step == "connecting" and isinstance(exc, OSError):
                return False, f"could not reach the mail server {where} ({one_line(exc.strerror or exc)})"
            if isinstance(exc, smtplib.SMTPServerDisconnected):
                return False, f"the mail server {where} closed the connection ({step})"
            if isinstance(exc, (smtplib.SMTPException, OSError)):
                return False, f"the connection to the mail server {where} broke ({step}: {one_line(exc)})"
            return False, f"sending mail through {where} failed ({step}: {type(exc).__name__})"
        if refused:
            return False, f"the mail server refused {', '.join(refused)}"
        return True, f"mail to {address} accepted by {where}"


class _LoginUnsupported(Exception):
    """The server offers no login mechanism we can use with this password."""


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """Log in with one mechanism, UTF-8 throughout; raises SMTPAuthenticationError on a refusal."""
    if not client.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("the server offers no login (SMTP AUTH)")
    offered = client.esmtp_features.get("auth", "").upper().split()
    ascii_only = user.isascii() and password.isascii()
    if "CRAM-MD5" in offered and ascii_only:  # the password itself never crosses the wire
        client.user, client.password = user, password
        client.auth("CRAM-MD5", client.auth_cram_md5)  # raises on refusal
        return
    if "PLAIN" in offered:
        token = _b64(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8"))
        code, resp = client.docmd("AUTH", f"PLAIN {token}")
    elif "LOGIN" in offered:
        code, resp = client.docmd("AUTH", f"LOGIN {_b64(user.encode('utf-8'))}")
        if code == 334:
            code, resp = client.docmd(_b64(password.encode("utf-8")))
    else:
        mechanisms = " ".join(offered) or "none"
        raise _LoginUnsupported(f"offers no login this password can use (mechanisms: "
                                f"{one_line(mechanisms, 60)}; PLAIN or LOGIN carry any password)")
    if code in (235, 503):  # 503: already logged in
        return
    raise smtplib.SMTPAuthenticationError(code, resp)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _scrub(text: str, password: str | None) -> str:
    """A server may echo what it was sent: the password (or its base64) never reaches a result."""
    if not password:
        return text
    for secret in (password, _b64(password.encode("utf-8"))):
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    return text
