"""A JSON (or, for ntfy, plain text) POST to a URL, shaped for the service that receives it.

One small payload per service so incoming hooks of ntfy, Slack, Discord and Matrix bridges work
without any extra library. Timeouts on connect and read; an HTTP error is a result, not a crash.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from email.header import Header
from typing import Any

from .. import __version__
from .base import OutgoingMessage, SendResult, one_line

SERVICES = ("generic", "ntfy", "slack", "discord", "matrix")


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
                "lang": message.lang, "request": message.request}
    headers["Content-Type"] = "application/json; charset=utf-8"
    return json.dumps(body, ensure_ascii=False).encode("utf-8"), headers


def _header(text: str) -> str:
    """HTTP headers are Latin-1: non-ASCII titles go RFC 2047-encoded (ntfy decodes them)."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, "utf-8").encode()


class WebhookChannel:
    name = "webhook"

    def __init__(self, url: str, service: str = "generic", timeout_s: float = 10.0) -> None:
        self.url = url
        self.service = service if service in SERVICES else "generic"
        self.timeout_s = timeout_s

    def send(self, message: OutgoingMessage) -> SendResult:
        if not self.url:
            return SendResult(False, self.name, reason="no webhook URL (settings: [webhook] url "
                              "or the contact's address)")
        if not self.url.startswith(("http://", "https://")):
            return SendResult(False, self.name, reason=f"webhook URL must start with http:// or "
                              f"https:// (got {one_line(self.url, 60)})")
        body, headers = payload(self.service, message)
        req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        host = urllib.request.urlparse(self.url).netloc
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                status = resp.status
                resp.read(65536)
        except urllib.error.HTTPError as exc:
            return SendResult(False, self.name, reason=f"{host} answered HTTP {exc.code} "
                              f"{one_line(exc.reason, 80)}")
        except (TimeoutError, socket.timeout):
            return SendResult(False, self.name, reason=f"{host} did not answer within "
                              f"{self.timeout_s:g} s")
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                return SendResult(False, self.name, reason=f"{host} did not answer within "
                                  f"{self.timeout_s:g} s")
            return SendResult(False, self.name, reason=f"could not reach {host} ({one_line(exc.reason)})")
        except (OSError, ValueError) as exc:
            return SendResult(False, self.name, reason=f"could not reach {host} ({one_line(exc)})")
        return SendResult(True, self.name, detail=f"posted to {host} ({self.service}, HTTP {status})")
