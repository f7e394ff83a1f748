"""Where a finished message goes: speak aloud, clipboard, outbox file, email, webhook.

Each channel is a small class with one method, ``send(OutgoingMessage) -> SendResult``.
``channel_for`` picks one per contact (``via`` overrides); ``deliver`` sends one logged request
and records the outcome, so a failed send stays in the log as "sent: failed" with the reason and
can be retried: the message itself never leaves the log.
"""

from __future__ import annotations

from typing import Any

from ..config import Contact, Settings
from ..errors import UsageError
from .base import (CHANNEL_NAMES, Channel, OutgoingMessage, RefusedChannel, SendResult, one_line,
                   subject_for)
from .clipboard import ClipboardChannel
from .outbox import FileChannel
from .smtp import EmailChannel
from .speak import SpeakChannel
from .webhook import WebhookChannel, check_url

__all__ = [
    "CHANNEL_NAMES", "Channel", "ClipboardChannel", "EmailChannel", "FileChannel", "OutgoingMessage",
    "RefusedChannel", "SendResult", "SpeakChannel", "WebhookChannel", "channel_for", "deliver", "message_for",
]

#: With no contact channel and no ``via``: the outbox, which works offline and loses nothing.
DEFAULT_CHANNEL = "file"


def channel_for(contact: Contact | None, settings: Settings, via: str | None = None,
                speaker: Any = None) -> Channel:
    """The channel for this contact; ``via`` (speak|clipboard|file|email|webhook) overrides."""
    name = via or (contact.channel if contact and contact.channel else DEFAULT_CHANNEL)
    if name not in CHANNEL_NAMES:
        raise UsageError(f"channel {name!r}: expected one of {', '.join(CHANNEL_NAMES)}")
    if name == "speak":
        return SpeakChannel(speaker)
    if name == "clipboard":
        return ClipboardChannel()
    if name == "file":
        return FileChannel()
    if name == "email":
        return EmailChannel(settings.email)
    service = (contact.service if contact and contact.service else "") or settings.webhook.service
    url = _contact_webhook(contact)
    if isinstance(url, RefusedChannel):
        return url
    return WebhookChannel(url or settings.webhook.url, service, settings.webhook.timeout_s)


def _contact_webhook(contact: Contact | None) -> str | RefusedChannel | None:
    """The contact's own webhook URL; None when they have none (the global one is used);
    a RefusedChannel when their address is meant as a URL but unusable.

    Why refuse rather than fall back: with a typo (``htp://``) or a wrong kind of address
    (``file://``, ``ftp://``) the global webhook, often a team channel, would get a private
    request. Only a contact with no address, or an email address sent ``--via webhook``,
    uses the global webhook.
    """
    address = (contact.address if contact else "").strip()
    if not address:
        return None
    is_email = "@" in address and "/" not in address and ":" not in address.split("@", 1)[0]
    if is_email and contact is not None and contact.channel != "webhook":
        return None
    url, why = check_url(address)
    if url is None:
        who = contact.name if contact else "this contact"
        return RefusedChannel("webhook", f"{who}'s webhook address is not usable: {why}. Nothing "
                              f"was sent anywhere else; fix the address in settings")
    return url


def message_for(entry: Any, contact: Contact | None) -> OutgoingMessage:
    """The outgoing message for one log entry, in the recipient's (or the message's) language."""
    text = entry.message or (entry.request.message if entry.request else "")
    if not text.strip():
        raise UsageError(f"request {entry.id} has no message yet: compose it first")
    request = entry.request.to_dict() if entry.request else None
    lang = (entry.request.language if entry.request else None) or entry.lang or "en"
    return OutgoingMessage(text=text, subject=subject_for(lang, request), recipient=contact,
                           lang=lang, request_id=entry.id, request=request)


def deliver(log: Any, id: int, settings: Settings, via: str | None = None, speaker: Any = None,
            channel: Channel | None = None) -> SendResult:
    """Send request ``id`` and record the attempt; network failures come back as a result.

    Answered or withdrawn requests are not re-sent. ``channel`` replaces the choice (for a front
    end that already holds one, e.g. a clipboard bound to its own terminal).
    """
    entry = log.get(id)
    if entry.status in ("helped", "declined", "withdrawn"):
        raise UsageError(f"request {id} is already {entry.status}; nothing to send")
    contact = settings.contact(entry.recipient)
    if contact is None and entry.recipient:
        contact = Contact(name=entry.recipient)  # named but not in contacts: still addressable
    message = message_for(entry, contact)
    chosen = channel or channel_for(contact, settings, via=via or entry.channel or None,
                                    speaker=speaker)
    try:
        result = chosen.send(message)
    except Exception as exc:  # a channel bug must not lose the attempt
        result = SendResult(False, getattr(chosen, "name", "unknown"),
                            reason=f"internal error: {type(exc).__name__}: {one_line(exc)}")
    log.record_send(id, result.channel, result.ok, None if result.ok else result.reason)
    return result
