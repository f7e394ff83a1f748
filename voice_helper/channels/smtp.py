"""Email over SMTP: STARTTLS when configured, a login from settings plus a password read from an
environment variable at send time (never from the settings file, never logged or stored).

Every network step has the configured timeout, so a dead server cannot hold the person.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid

from ..config import EmailSettings
from .base import OutgoingMessage, SendResult, one_line


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
        mail = self.build(message)
        context = self.ssl_context or ssl.create_default_context()
        where = f"{s.host}:{s.port}"
        try:
            if s.port == 465:
                client: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=context)
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
            with client:
                client.ehlo()
                if s.starttls and s.port != 465:
                    client.starttls(context=context)
                    client.ehlo()
                if s.username:
                    client.login(s.username, password or "")
                refused = client.send_message(mail)
        except smtplib.SMTPAuthenticationError:
            return SendResult(False, self.name, reason=f"the mail server {where} refused the login "
                              f"for {s.username}")
        except smtplib.SMTPNotSupportedError as exc:
            return SendResult(False, self.name, reason=f"the mail server {where} does not support "
                              f"{'STARTTLS' if s.starttls else 'this'} ({one_line(exc)})")
        except (TimeoutError, socket.timeout):
            return SendResult(False, self.name, reason=f"the mail server {where} did not answer "
                              f"within {s.timeout_s:g} s")
        except ssl.SSLError as exc:
            return SendResult(False, self.name, reason=f"secure connection to {where} failed "
                              f"({one_line(exc.reason or exc)})")
        except smtplib.SMTPResponseException as exc:
            text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
                else str(exc.smtp_error)
            return SendResult(False, self.name, reason=f"the mail server {where} said "
                              f"{exc.smtp_code} {one_line(text)}")
        except smtplib.SMTPServerDisconnected as exc:
            if "timed out" in str(exc):  # smtplib's wording for a read timeout
                return SendResult(False, self.name, reason=f"the mail server {where} did not answer "
                                  f"within {s.timeout_s:g} s")
            return SendResult(False, self.name, reason=f"the mail server {where} closed the connection "
                              f"({one_line(exc)})")
        except (smtplib.SMTPException, OSError) as exc:
            return SendResult(False, self.name, reason=f"could not reach the mail server {where} "
                              f"({one_line(exc)})")
        if refused:
            return SendResult(False, self.name, reason=f"the mail server refused {', '.join(refused)}")
        return SendResult(True, self.name, detail=f"mail to {to.address} accepted by {where}")
