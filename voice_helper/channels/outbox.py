"""One file per message in an outbox folder, for any other tool to pick up.

Written atomically (a hidden temp file, fsync, rename), owner-only, named by UTC time and request
id so the folder sorts in order; watchers should skip names that start with a dot. A file holds
the message and only the fields the person saw (``visible_fields``), never the parser's internals,
and an address without its credentials.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from ..config import ensure_private_dir, get_paths
from ..redact import without_credentials
from .base import OutgoingMessage, SendResult, one_line, visible_fields


class FileChannel:
    name = "file"

    def __init__(self, outbox: Path | None = None) -> None:
        self.outbox = Path(outbox) if outbox else get_paths().outbox_dir

    def send(self, message: OutgoingMessage) -> SendResult:
        try:
            path = self.write(message)
        except OSError as exc:
            return SendResult(False, self.name, reason=f"could not write to {self.outbox}: "
                              f"{one_line(exc.strerror or exc)}")
        return SendResult(True, self.name, detail=f"saved to {path}", path=path)

    def write(self, message: OutgoingMessage) -> Path:
        ensure_private_dir(self.outbox)
        now = datetime.now(UTC)
        stem = now.strftime("%Y%m%dT%H%M%S.%fZ") + (f"-{message.request_id:06d}"
                                                     if message.request_id is not None else "")
        doc = {
            "id": message.request_id,
            "written_at": now.isoformat(timespec="milliseconds"),
            "to": message.recipient.name if message.recipient else None,
            "address": without_credentials(message.recipient.address) if message.recipient else None,
            "lang": message.lang,
            "subject": message.subject,
            "text": message.text,
            "fields": visible_fields(message.request),
        }
        fd, tmp = tempfile.mkstemp(dir=self.outbox, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, indent=2)
                fh.write("\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            target = self.outbox / f"{stem}.json"
            n = 1
            while target.exists():
                n += 1
                target = self.outbox / f"{stem}-{n}.json"
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target
