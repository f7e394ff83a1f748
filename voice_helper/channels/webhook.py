"""A JSON (or, for ntfy, plain text) POST to a URL, shaped for the service that receives it.

One small payload per service so incoming hooks of ntfy, Slack, Discord and Matrix bridges work
without any extra library. The generic payload carries the message and only the fields the
person saw (``visible_fields``), never the parser's internals.

How a send can fail, and why each rule:
- one deadline for the whole send (lookup, connect, TLS, request, answer, redirects): a server
  that trickles bytes cannot hold the person longer than ``timeout_s``;
- 307/308 are followed (same method, same body, at most 3, never from https to http); 301, 302
  and 303 are failures naming the new address, because following them turns the POST into a
  GET and the message would be lost while the log said "sent";
- credentials in the URL (``https://user:token@host``) are sent as HTTP Basic auth and never
  appear in a result; on a redirect to another host only the body and its type go along;
- every error is one line (a broken status line, a cut-off answer, a refused connection).
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import ssl
import urllib.parse
from dataclasses import dataclass
from email.header import Header
from typing import Any

from .. import __version__
from ..redact import host_of, redact
from .base import OutgoingMessage, SendResult, one_line, visible_fields
from .deadline import Deadline, Watchdog, open_socket

SERVICES = ("generic", "ntfy", "slack", "discord", "matrix")
MAX_REDIRECTS = 3
#: Headers that may follow the body to another host: what the body is, and who sends it.
_PORTABLE_HEADERS = ("User-Agent", "Content-Type")


def payload(service: str, message: OutgoingMessage) -> tuple[bytes, dict[str, str]]:
    """The body and headers for one service."""
    headers = {"User-Agent": f"voice-helper/{__version__}"}
    if service == "ntfy":
        headers["Content-Type"] = "text/plain; charset=utf-8"
        headers["Title"] = _header(message.subject)
        urgency = (message.request or {}).get("urgency")
        if urgency in ("high", "critical"):
            headers["Priority"] = "5" if urgency == "critical" else "4"
        return message.text.encode("utf-8"), headers
    body: dict[str, Any]
    if service == "slack":
        body = {"text": message.text}
    elif service == "discord":
        body = {"content": message.text}
    elif service == "matrix":
        body = {"msgtype": "m.text", "body": message.text}
    else:
        body = {"text": message.text, "subject": message.subject, "id": message.request_id,
                "to": message.recipient.name if message.recipient else None,
                "lang": message.lang, "fields": visible_fields(message.request)}
    headers["Content-Type"] = "application/json; charset=utf-8"
    return json.dumps(body, ensure_ascii=False).encode("utf-8"), headers


def _header(text: str) -> str:
    """HTTP headers are Latin-1: non-ASCII titles go RFC 2047-encoded (ntfy decodes them)."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, "utf-8").encode()


def check_url(url: str) -> tuple[str | None, str | None]:
    """``(normalized url, None)`` for a usable http(s) address, else ``(None, why)``.

    The scheme is case-insensitive (``HTTP://`` is http); anything else (``htp://``, ``ftp://``,
    ``file://``, no host, spaces) is refused with the reason, credentials blanked.
    """
    raw = (url or "").strip()
    shown = one_line(raw, 60)
    if any(ch.isspace() or not ch.isprintable() for ch in raw):
        return None, f"the address {shown} contains spaces or control characters"
    try:
        parts = urllib.parse.urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None, f"the address {shown} is not a valid web address"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return None, f"the address {shown} must start with https:// or http://"
    if not parts.hostname:
        return None, f"the address {shown} has no host name"
    return urllib.parse.urlunsplit(parts._replace(scheme=scheme)), None


@dataclass
class _Answer:
    status: int
    reason: str
    location: str | None


class _Failed(Exception):
    """One step failed; the message is the one-line reason."""


class WebhookChannel:
    name = "webhook"

    def __init__(self, url: str, service: str = "generic", timeout_s: float = 10.0,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.url = url
        self.service = service if service in SERVICES else "generic"
        self.timeout_s = timeout_s
        self.ssl_context = ssl_context

    def send(self, message: OutgoingMessage) -> SendResult:
        if not self.url:
            return SendResult(False, self.name, reason="no webhook URL (settings: [webhook] url "
                              "or the contact's address)")
        url, why = check_url(self.url)
        if url is None:
            return SendResult(False, self.name, reason=f"webhook {why}")
        body, headers = payload(self.service, message)
        parts = urllib.parse.urlsplit(url)
        if parts.username is not None or parts.password is not None:
            user = urllib.parse.unquote(parts.username or "")
            password = urllib.parse.unquote(parts.password or "")
            token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        deadline = Deadline(self.timeout_s)
        try:
            status, final = self._post(url, body, headers, deadline)
        except _Failed as exc:
            return SendResult(False, self.name, reason=redact(str(exc)))
        return SendResult(True, self.name, detail=f"posted to {host_of(final)} ({self.service}, "
                          f"HTTP {status})")

    def _post(self, url: str, body: bytes, headers: dict[str, str], deadline: Deadline) -> tuple[int, str]:
        """POST, following 307/308 only; returns (status, final url) or raises _Failed."""
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._post_once(url, body, headers, deadline)
            host = host_of(url)
            if answer.status in (307, 308) and answer.location:
                target = urllib.parse.urljoin(url, answer.location)
                new, why = check_url(target)
                if new is None:
                    raise _Failed(f"{host} redirected to an unusable address ({why})")
                if url.startswith("https:") and new.startswith("http:"):
                    raise _Failed(f"{host} redirected to an unencrypted address "
                                  f"({one_line(new, 80)}); not followed")
                if _origin(new) != _origin(url):
                    headers = {k: v for k, v in headers.items() if k in _PORTABLE_HEADERS}
                url = new
                continue
            if 300 <= answer.status < 400:
                moved = f" to {one_line(urllib.parse.urljoin(url, answer.location), 100)}" \
                    if answer.location else ""
                raise _Failed(f"{host} answered HTTP {answer.status} (moved{moved}); not followed, "
                              "because that would drop the message: update the address in settings")
            if answer.status >= 400 or answer.status < 200:
                raise _Failed(f"{host} answered HTTP {answer.status} {one_line(answer.reason, 80)}".rstrip())
            return answer.status, url
        raise _Failed(f"{host_of(url)}: more than {MAX_REDIRECTS} redirects; not followed")

    def _post_once(self, url: str, body: bytes, headers: dict[str, str], deadline: Deadline) -> _Answer:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        shown = host_of(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            sock = open_socket(host, port, deadline)
        except (TimeoutError, socket.timeout):
            raise _Failed(f"{shown} did not answer within {self.timeout_s:g} s") from None
        except OSError as exc:
            raise _Failed(f"could not reach {shown} ({one_line(exc.strerror or exc)})") from None
        watch = Watchdog(sock, deadline)
        conn: http.client.HTTPConnection | None = None
        try:
            if parts.scheme == "https":
                context = self.ssl_context or ssl.create_default_context()
                conn = http.client.HTTPSConnection(host, port, context=context)
                conn.sock = context.wrap_socket(sock, server_hostname=host)
            else:
                conn = http.client.HTTPConnection(host, port)
                conn.sock = sock
            conn.request("POST", path, body=body, headers=headers)
            resp = conn.getresponse()
            watch.stop()
            if watch.fired:  # an answer cut off by the deadline can parse as "200": it is not one
                raise TimeoutError
            return _Answer(resp.status, resp.reason or "", resp.getheader("Location"))
        except Exception as exc:
            if watch.fired or deadline.expired or isinstance(exc, (TimeoutError, socket.timeout)):
                raise _Failed(f"{shown} did not answer within {self.timeout_s:g} s") from None
            raise _Failed(_why(shown, exc)) from None
        finally:
            watch.stop()
            if conn is not None:
                conn.close()
            sock.close()


def _origin(url: str) -> tuple[str, str, int | None]:
    p = urllib.parse.urlsplit(url)
    return p.scheme, (p.hostname or "").lower(), p.port or (443 if p.scheme == "https" else 80)


def _why(host: str, exc: BaseException) -> str:
    """One line for a failure after connecting."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"secure connection to {host} failed (certificate: {one_line(exc.verify_message or exc)})"
    if isinstance(exc, ssl.SSLError):
        return f"secure connection to {host} failed ({one_line(exc.reason or exc)})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return f"{host} closed the connection without answering"
    if isinstance(exc, http.client.IncompleteRead):
        return f"{host} sent a cut-off answer ({len(exc.partial)} bytes)"
    if isinstance(exc, http.client.HTTPException):
        return f"{host} sent an answer that is not HTTP ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"the connection to {host} broke ({one_line(exc.strerror or exc)})"
    return f"sending to {host} failed ({type(exc).__name__}: {one_line(exc)})"
