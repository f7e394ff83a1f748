"""Keep secrets out of everything shown, logged or stored.

Why: a webhook address such as ``https://me:token@ntfy.example/topic`` carries a password. It is
needed to send, but an error line, the help log's events and the outbox must never repeat it.
"""

from __future__ import annotations

import re
import urllib.parse

# scheme://userinfo@ -> scheme://***@ (userinfo never holds '/', whitespace or '@')
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@?#]*@")


def redact(text: str) -> str:
    """``text`` with the credentials of every URL in it replaced by ``***``."""
    return _USERINFO.sub(r"\1***@", text)


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, without user name or password: what an error line names."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # IPv6
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port}" if port else host


def without_credentials(url: str) -> str:
    """The URL with its user name and password removed (for display and storage)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
