"""The help log: every request from its first words to its outcome, on SQLite.

Why SQLite in WAL mode with one transaction per step: a person who finally said what is hard
must never lose it because the process died. A draft is committed the moment words are heard;
every later step (the parse, the message, the send, the answer) is its own commit.
The file is owner-only (it holds health and feelings) and this module never touches the network.

Status flow: ``draft`` → ``sent`` (or ``failed``, shown as "sent: failed", retryable)
→ ``helped`` / ``declined`` / ``withdrawn``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import sqlite3
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from .config import Settings, ensure_private_dir, get_paths
from .errors import UsageError, VoiceHelperError
from .redact import redact
from .request import HelpRequest
from .textsafe import strip_controls

SCHEMA_VERSION = 4
STATUSES = ("draft", "sent", "failed", "helped", "declined", "withdrawn")
OUTCOMES = ("helped", "declined", "withdrawn")
_SQLITE_MAGIC = b"SQLite format 3\x00"

#: Running counts kept by triggers, so stats read a few rows instead of scanning 100,000:
#: (kind, key expression, condition) over a row X of ``requests``.
_TALLIES: tuple[tuple[str, str, str], ...] = (
    ("status", "X.status", "1"),
    ("offer", "''", "X.offer <> ''"),
    ("given", "''", "X.given <> ''"),
    ("asked", "lower(X.recipient)", "X.recipient IS NOT NULL AND X.status <> 'draft'"),
    ("helped_by", "lower(X.recipient)", "X.recipient IS NOT NULL AND X.status = 'helped'"),
    ("timed", "''", "X.status = 'helped' AND X.minutes_to_answer IS NOT NULL"),
)


def _tally_sql() -> tuple[str, ...]:
    """The tallies table, its backfill from existing rows, and the triggers that keep it exact."""
    def add(row: str) -> str:
        return "".join(
            f"INSERT INTO tallies (kind, key, n) SELECT '{k}', {key.replace('X.', row)}, 1 "
            f"WHERE {cond.replace('X.', row)} ON CONFLICT (kind, key) DO UPDATE SET n = n + 1; "
            for k, key, cond in _TALLIES)

    def sub(row: str) -> str:
        return "".join(
            f"UPDATE tallies SET n = n - 1 WHERE kind = '{k}' AND key = {key.replace('X.', row)} "
            f"AND ({cond.replace('X.', row)}); "
            for k, key, cond in _TALLIES)

    watched = "status, offer, given, recipient, minutes_to_answer"
    return (
        "CREATE TABLE tallies (kind TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (kind, key)) WITHOUT ROWID",
        *(f"INSERT INTO tallies (kind, key, n) SELECT '{k}', {key.replace('X.', '')}, count(*)"
          f" FROM requests WHERE {cond.replace('X.', '')} GROUP BY 2" for k, key, cond in _TALLIES),
        f"CREATE TRIGGER tally_insert AFTER INSERT ON requests BEGIN {add('NEW.')} END",
        f"CREATE TRIGGER tally_update AFTER UPDATE OF {watched} ON requests BEGIN "
        f"{sub('OLD.')}{add('NEW.')} END",
        f"CREATE TRIGGER tally_delete AFTER DELETE ON requests BEGIN {sub('OLD.')} END",
    )


#: One list of steps; step N takes a database at user_version N to N+1, inside one transaction.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: the first shape of the log.
    (
        """CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft',
            transcript TEXT NOT NULL DEFAULT '',
            request_json TEXT,
            message TEXT NOT NULL DEFAULT '',
            recipient TEXT,
            channel TEXT,
            lang TEXT,
            sent_at TEXT,
            answered_at TEXT,
            outcome_note TEXT,
            send_error TEXT
        )""",
    ),
    # 1 -> 2: reciprocity, a history of send attempts, and indexes that keep stats fast.
    (
        "ALTER TABLE requests ADD COLUMN offer TEXT",
        "ALTER TABLE requests ADD COLUMN given TEXT",
        "ALTER TABLE requests ADD COLUMN given_at TEXT",
        "ALTER TABLE requests ADD COLUMN minutes_to_answer REAL",
        "ALTER TABLE requests ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT
        )""",
        "CREATE INDEX events_request ON events(request_id)",
        "CREATE INDEX requests_created ON requests(created_at)",
        "CREATE INDEX requests_status_minutes ON requests(status, minutes_to_answer)",
        "CREATE INDEX requests_recipient ON requests(recipient COLLATE NOCASE, status)",
        # v1 logs kept the offer only inside the request JSON: lift it out.
        """UPDATE requests SET offer = json_extract(request_json, '$.slots.offer')
           WHERE request_json IS NOT NULL AND json_valid(request_json)""",
        # and time to help for answers recorded before the column existed.
        """UPDATE requests SET minutes_to_answer =
             (julianday(answered_at) - julianday(coalesce(sent_at, created_at))) * 1440.0
           WHERE answered_at IS NOT NULL""",
    ),
    # 2 -> 3: running tallies kept by triggers, so stats never scan the whole log.
    _tally_sql(),
    # 3 -> 4: practice (issue 15): each rehearsed ask with the elements it had, and the 90-day
    # plan's start and finished steps. Apart from ``requests``: a rehearsal is never a request.
    (
        """CREATE TABLE practice_attempts (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            lang TEXT NOT NULL,
            scenario TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'ask',
            said TEXT NOT NULL DEFAULT '',
            has_hard INTEGER NOT NULL DEFAULT 0,
            has_who INTEGER NOT NULL DEFAULT 0,
            has_ask INTEGER NOT NULL DEFAULT 0,
            has_when INTEGER NOT NULL DEFAULT 0,
            has_return INTEGER NOT NULL DEFAULT 0,
            next_step TEXT,
            better TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX practice_attempts_at ON practice_attempts(at)",
        "CREATE TABLE practice_plan (key TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID",
    ),
)
assert len(_MIGRATIONS) == SCHEMA_VERSION

_COLUMNS = ("id, created_at, updated_at, status, transcript, request_json, message, recipient, "
            "channel, lang, sent_at, answered_at, outcome_note, send_error, offer, given, given_at, "
            "minutes_to_answer, attempts")


class StoreError(VoiceHelperError):
    """The help log cannot be opened or written; says which file and why."""


class UnknownEntry(VoiceHelperError):
    """No request with that id."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _clean(text: str | None, keep_newlines: bool = False) -> str | None:
    if text is None:
        return None
    return strip_controls(text, keep_newlines=keep_newlines).strip()


def parse_since(value: str | date | datetime | None, now: datetime | None = None) -> datetime | None:
    """``2026-11-01`` (local midnight), an ISO time, ``7d``, ``2w``, ``today``: a UTC moment."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).astimezone()
    text = value.strip().lower()
    now = now or now_utc()
    if text == "today":
        local = now.astimezone()
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    m = re.fullmatch(r"(\d+)\s*([dw])", text)
    if m:
        days = int(m.group(1)) * (7 if m.group(2) == "w" else 1)
        return now - timedelta(days=days)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--since {value!r}: expected a date like 2026-11-01, or 7d / 2w") from None
    return moment if moment.tzinfo else moment.astimezone()


@dataclass
class Entry:
    """One request in the log, as a front end shows it."""

    id: int
    created_at: str
    updated_at: str
    status: str
    transcript: str
    request: HelpRequest | None
    message: str
    recipient: str | None
    channel: str | None
    sent_at: str | None
    answered_at: str | None
    outcome_note: str | None
    send_error: str | None
    offer: str | None
    given: str | None
    lang: str | None = None
    given_at: str | None = None
    minutes_to_answer: float | None = None
    attempts: int = 0

    @property
    def shown_status(self) -> str:
        """The status as it may be told: a message put in the outbox on this computer was kept,
        not sent to anyone ("saved")."""
        if self.status == "sent" and self.channel == "file":
            return "saved"
        return self.status

    @property
    def status_label(self) -> str:
        """What a person reads: "sent: failed" rather than an internal word; "saved (not sent)"
        for a message that only reached the outbox."""
        if self.status == "failed":
            return "sent: failed"
        return "saved (not sent)" if self.shown_status == "saved" else self.status

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["request"] = self.request.to_dict() if self.request else None
        d["status_label"] = self.status_label
        return d


@dataclass
class Stats:
    """The figures that show a person their progress: asking works."""

    total: int = 0
    drafts: int = 0
    sent: int = 0  # sent (or failed) and not answered yet
    helped: int = 0
    declined: int = 0
    withdrawn: int = 0
    share_helped: float | None = None  # helped / (helped + declined + still waiting)
    median_minutes_to_help: float | None = None
    per_week: float = 0.0  # average over the weeks since the first request
    weeks: list[tuple[str, int]] = field(default_factory=list)  # last 8 weeks (Monday, count)
    most_asked: list[tuple[str, int, int]] = field(default_factory=list)  # name, asked, helped
    offers_made: int = 0
    given_back: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["weeks"] = [{"week": w, "count": c} for w, c in self.weeks]
        d["most_asked"] = [{"name": n, "asked": a, "helped": h} for n, a, h in self.most_asked]
        return d


#: The elements of an ask that practice looks for (what is hard, who, the ask, when or how
#: much, a boundary or something in return); one column each in ``practice_attempts``.
PRACTICE_ELEMENTS = ("hard", "who", "ask", "when", "return")


@dataclass
class PracticeAttempt:
    """One rehearsal: what was said in a scenario and which elements the ask had."""

    scenario: str
    lang: str
    said: str
    elements: list[str] = field(default_factory=list)
    kind: str = "ask"  # ask | plan_b
    next_step: str | None = None  # an ask: the one element suggested; a plan B: which kind
    better: str = ""
    at: str = ""  # ISO time (UTC); empty: now
    id: int | None = None


class HelpLog:
    """The SQLite help log. One instance per process; safe to share between threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None) -> HelpLog:
        """Open (creating or migrating) the log; a newer or damaged file is reported, never touched."""
        if path is None:
            path = get_paths().db_path
            ensure_private_dir(path.parent)
        else:
            path = Path(path)
            if not path.parent.exists():
                ensure_private_dir(path.parent)
        _check_header(path)
        _tighten(path)  # before any connection: SQLite gives -wal/-shm the database file's mode
        if path.exists():
            _check_version(path)
        if not path.exists():
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                os.close(fd)
            except FileExistsError:
                pass
            except OSError as exc:
                raise StoreError(f"help log {path}: cannot be created ({exc.strerror})") from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5.0)
        except sqlite3.Error as exc:
            raise StoreError(f"help log {path}: cannot be opened ({exc})") from None
        log = cls(conn, path)
        try:
            log._prepare()
        except BaseException:
            conn.close()
            raise
        return log

    def _prepare(self) -> None:
        conn = self._conn
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"help log {self.path} is damaged and was left as it is ({exc}); "
                             "move it aside to start a new log") from None
        if version > SCHEMA_VERSION:
            raise StoreError(f"help log {self.path} was written by a newer voice-helper "
                             f"(schema {version}, this one knows {SCHEMA_VERSION}); "
                             "it was left untouched: update voice-helper to open it")
        try:
            _tighten(self.path)
            conn.execute("PRAGMA busy_timeout = 5000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"help log {self.path}: cannot use WAL journaling (got {mode})")
            # FULL: each commit reaches the disk before we say it is saved.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate(version)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"help log {self.path}: cannot be prepared ({exc})") from None

    def _migrate(self, version: int) -> None:
        with self._tx() as conn:
            current = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            for step in range(current, SCHEMA_VERSION):
                for sql in _MIGRATIONS[step]:
                    conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HelpLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One committed step: all of it or none of it."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _write(self, fn: Any) -> Any:
        try:
            with self._tx() as conn:
                return fn(conn)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"help log {self.path}: could not save ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"help log {self.path} is damaged ({exc})") from None

    def _read(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"help log {self.path}: could not read ({exc})") from None

    @property
    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    # --- writing ---------------------------------------------------------------------------

    def add_draft(self, transcript: str, request: HelpRequest | None = None, *,
                  recipient: str | None = None, channel: str | None = None,
                  lang: str | None = None) -> int:
        """Keep what was heard, now: the first commit of a request."""
        stamp = _iso(now_utc())
        req_json = request.to_json() if request else None
        message = _clean(request.message, keep_newlines=True) if request else ""
        offer = _clean(request.slots.offer) if request and request.slots.offer else None
        lang = lang or (request.language if request else None)
        row = (stamp, stamp, _clean(transcript, keep_newlines=False) or "", req_json, message or "",
               _clean(recipient) or None, channel or None, lang, offer)

        def go(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO requests (created_at, updated_at, status, transcript, request_json, message,"
                " recipient, channel, lang, offer) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
                row)
            return int(cur.lastrowid)

        return self._write(go)

    def update_draft(self, id: int, *, transcript: str | None = None,
                     request: HelpRequest | None = None, recipient: str | None = None,
                     channel: str | None = None, message: str | None = None) -> None:
        """Keep each fix as it is made (the parse, the message, who it is for)."""
        sets: dict[str, Any] = {}
        if transcript is not None:
            sets["transcript"] = _clean(transcript) or ""
        if request is not None:
            sets["request_json"] = request.to_json()
            sets["message"] = _clean(request.message, keep_newlines=True) or ""
            sets["offer"] = _clean(request.slots.offer) or None
            sets["lang"] = request.language
        if message is not None:
            sets["message"] = _clean(message, keep_newlines=True) or ""
        if recipient is not None:
            sets["recipient"] = _clean(recipient) or None
        if channel is not None:
            sets["channel"] = channel or None
        if not sets:
            self.get(id)
            return
        sets["updated_at"] = _iso(now_utc())
        sql = "UPDATE requests SET " + ", ".join(f"{k} = ?" for k in sets) + " WHERE id = ?"
        self._write(lambda conn: self._need(conn.execute(sql, (*sets.values(), id)), id))

    def mark(self, id: int, status: str, note: str | None = None) -> Entry:
        """Record the answer: helped, declined, or withdrawn (with an optional note)."""
        if status not in OUTCOMES:
            raise UsageError(f"status {status!r}: expected one of {', '.join(OUTCOMES)}")
        stamp = _iso(now_utc())
        note = _clean(note, keep_newlines=False) or None

        def go(conn: sqlite3.Connection) -> None:
            self._need(conn.execute(
                "UPDATE requests SET status = ?, answered_at = ?, updated_at = ?,"
                " outcome_note = coalesce(?, outcome_note),"
                " minutes_to_answer = max(0.0, (julianday(?) - julianday(coalesce(sent_at, created_at)))"
                "   * 1440.0) WHERE id = ?",
                (status, stamp, stamp, note, stamp, id)), id)
            conn.execute("INSERT INTO events (request_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                         (id, stamp, status, note))

        self._write(go)
        return self.get(id)

    def record_send(self, id: int, channel: str, ok: bool, reason: str | None = None) -> Entry:
        """A send attempt: ``sent``, or ``failed`` with the reason (the message stays for a retry).

        Every attempt is in ``events``; a failed re-send of a request already sent keeps ``sent``.
        """
        stamp = _iso(now_utc())
        reason = redact(_clean(reason) or "") or None  # a webhook URL's password never lands here

        def go(conn: sqlite3.Connection) -> None:
            if ok:
                cur = conn.execute(
                    "UPDATE requests SET status = CASE WHEN status IN ('draft','sent','failed') "
                    " THEN 'sent' ELSE status END, sent_at = ?, channel = ?, send_error = NULL,"
                    " attempts = attempts + 1, updated_at = ? WHERE id = ?",
                    (stamp, channel, stamp, id))
            else:
                # a failed extra attempt never un-sends a request that already went out
                cur = conn.execute(
                    "UPDATE requests SET status = CASE WHEN status IN ('draft','failed') "
                    " THEN 'failed' ELSE status END,"
                    " channel = CASE WHEN status IN ('draft','failed') THEN ? ELSE channel END,"
                    " send_error = CASE WHEN status IN ('draft','failed') THEN ? ELSE send_error END,"
                    " attempts = attempts + 1, updated_at = ? WHERE id = ?",
                    (channel, reason or "unknown error", stamp, id))
            self._need(cur, id)
            conn.execute("INSERT INTO events (request_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                         (id, stamp, "sent" if ok else "send failed",
                          channel if ok else f"{channel}: {reason}"))

        self._write(go)
        return self.get(id)

    def record_given(self, id: int, text: str) -> Entry:
        """Reciprocity: what the person gave back for this help."""
        text = _clean(text) or ""
        if not text:
            raise UsageError("say what you gave back (the text is empty)")
        stamp = _iso(now_utc())

        def go(conn: sqlite3.Connection) -> None:
            self._need(conn.execute(
                "UPDATE requests SET given = ?, given_at = ?, updated_at = ? WHERE id = ?",
                (text, stamp, stamp, id)), id)
            conn.execute("INSERT INTO events (request_id, at, kind, detail) VALUES (?, ?, 'given', ?)",
                         (id, stamp, text))

        self._write(go)
        return self.get(id)

    @staticmethod
    def _need(cur: sqlite3.Cursor, id: int) -> None:
        if cur.rowcount == 0:
            raise UnknownEntry(f"no request with id {id} in the help log")

    # --- reading ---------------------------------------------------------------------------

    def get(self, id: int) -> Entry:
        rows = self._read(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (id,))
        if not rows:
            raise UnknownEntry(f"no request with id {id} in the help log")
        return _entry(rows[0])

    def list(self, status: str | None = None, since: str | date | datetime | None = None,
             limit: int | None = None) -> list[Entry]:
        """Newest first."""
        where, params = self._filter(status, since)
        sql = f"SELECT {_COLUMNS} FROM requests{where} ORDER BY created_at DESC, id DESC"
        if limit:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_entry(r) for r in self._read(sql, params)]

    def count(self, status: str | None = None, since: str | date | datetime | None = None) -> int:
        where, params = self._filter(status, since)
        if not since:  # the trigger-kept tally: no scan
            sql = "SELECT total(n) FROM tallies WHERE kind = 'status'" + (" AND key = ?" if status else "")
            return int(self._read(sql, params)[0][0])
        return int(self._read(f"SELECT count(*) FROM requests{where}", params)[0][0])

    @staticmethod
    def _filter(status: str | None, since: str | date | datetime | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status:
            if status == "sent: failed":
                status = "failed"
            if status not in STATUSES:
                raise UsageError(f"status {status!r}: expected one of {', '.join(STATUSES)}")
            clauses.append("status = ?")
            params.append(status)
        moment = parse_since(since)
        if moment is not None:
            clauses.append("created_at >= ?")
            params.append(_iso(moment))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def events(self, id: int) -> list[tuple[str, str, str | None]]:
        """The history of one request: (time, kind, detail)."""
        return [(a, k, d) for a, k, d in self._read(
            "SELECT at, kind, detail FROM events WHERE request_id = ? ORDER BY id", (id,))]

    def stats(self, now: datetime | None = None) -> Stats:
        """From trigger-kept tallies and index ranges: no full scan, so 100,000 requests stay fast."""
        now = now or now_utc()
        tally: dict[tuple[str, str], int] = {}
        for kind, key, n in self._read("SELECT kind, key, n FROM tallies WHERE kind IN"
                                       " ('status', 'offer', 'given', 'timed')"):
            tally[(kind, key)] = int(n)
        st = {key: n for (kind, key), n in tally.items() if kind == "status"}
        first = self._read("SELECT min(created_at) FROM requests")[0][0]
        s = Stats(total=sum(st.values()), drafts=st.get("draft", 0),
                  sent=st.get("sent", 0) + st.get("failed", 0), helped=st.get("helped", 0),
                  declined=st.get("declined", 0), withdrawn=st.get("withdrawn", 0),
                  offers_made=tally.get(("offer", ""), 0), given_back=tally.get(("given", ""), 0))
        asked = s.helped + s.declined + s.sent
        s.share_helped = round(s.helped / asked, 3) if asked else None
        n_timed = tally.get(("timed", ""), 0)
        if n_timed:
            rows = self._read(
                "SELECT minutes_to_answer FROM requests WHERE status = 'helped'"
                " AND minutes_to_answer IS NOT NULL ORDER BY minutes_to_answer LIMIT ? OFFSET ?",
                (2 - n_timed % 2, (n_timed - 1) // 2))
            if rows:
                s.median_minutes_to_help = round(sum(r[0] for r in rows) / len(rows), 1)
        if first:
            span_days = max(0.0, (now - datetime.fromisoformat(first)).total_seconds() / 86400)
            s.per_week = round(s.total / max(1.0, span_days / 7), 1)
        monday = (now.astimezone().date() - timedelta(days=now.astimezone().weekday()))
        starts = [monday - timedelta(weeks=i) for i in range(7, -1, -1)]
        cutoff = _iso(datetime(starts[0].year, starts[0].month, starts[0].day).astimezone())
        counts = [0] * len(starts)
        for day, n in self._read("SELECT date(created_at, 'localtime') AS d, count(*) FROM requests"
                                 " WHERE created_at >= ? GROUP BY d", (cutoff,)):
            i = (date.fromisoformat(day) - starts[0]).days // 7
            if 0 <= i < len(counts):
                counts[i] += n
        s.weeks = [(d.isoformat(), c) for d, c in zip(starts, counts)]
        for key, n_asked, n_helped in self._read(
                "SELECT a.key, a.n, coalesce(h.n, 0) FROM tallies a LEFT JOIN tallies h"
                " ON h.kind = 'helped_by' AND h.key = a.key WHERE a.kind = 'asked' AND a.n > 0"
                " ORDER BY a.n DESC, a.key LIMIT 5"):
            name = self._read("SELECT recipient FROM requests WHERE recipient = ? COLLATE NOCASE"
                              " LIMIT 1", (key,))
            s.most_asked.append((name[0][0] if name else key, int(n_asked), int(n_helped)))
        return s

    # --- practice (issue 15) ------------------------------------------------------------------

    def add_practice_attempt(self, attempt: PracticeAttempt) -> int:
        """Keep one rehearsed ask (or plan B) with the elements it had; returns its id."""
        stamp = attempt.at or _iso(now_utc())
        row = (stamp, attempt.lang, attempt.scenario, attempt.kind,
               _clean(attempt.said) or "", *(int(e in attempt.elements) for e in PRACTICE_ELEMENTS),
               attempt.next_step or None, _clean(attempt.better, keep_newlines=True) or "")
        return self._write(lambda conn: int(conn.execute(
            "INSERT INTO practice_attempts (at, lang, scenario, kind, said, has_hard, has_who, has_ask,"
            " has_when, has_return, next_step, better) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row).lastrowid))

    def practice_attempts(self, since: str | date | datetime | None = None,
                          scenario: str | None = None) -> list[PracticeAttempt]:
        """Oldest first."""
        clauses, params = [], []
        moment = parse_since(since)
        if moment is not None:
            clauses.append("at >= ?")
            params.append(_iso(moment))
        if scenario:
            clauses.append("scenario = ?")
            params.append(scenario)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._read("SELECT id, at, lang, scenario, kind, said, has_hard, has_who, has_ask, has_when,"
                          f" has_return, next_step, better FROM practice_attempts{where} ORDER BY at, id",
                          params)
        return [PracticeAttempt(at=r[1], lang=r[2], scenario=r[3], kind=r[4], said=r[5],
                                elements=[e for e, flag in zip(PRACTICE_ELEMENTS, r[6:11]) if flag],
                                next_step=r[11], better=r[12], id=r[0]) for r in rows]

    def request_days(self, since: str | date | datetime | None = None) -> list[tuple[str, str, str, bool, int]]:
        """Real requests per local day: (day, status, intent, given back, count), for progress."""
        moment = parse_since(since)
        where, params = ("", []) if moment is None else (" WHERE created_at >= ?", [_iso(moment)])
        rows = self._read(
            "SELECT date(created_at, 'localtime'), status,"
            " CASE WHEN json_valid(request_json) THEN coalesce(json_extract(request_json, '$.intent'), '')"
            " ELSE '' END, coalesce(given, '') <> '', count(*)"
            f" FROM requests{where} GROUP BY 1, 2, 3, 4 ORDER BY 1", params)
        return [(d, st, intent or "", bool(g), int(n)) for d, st, intent, g, n in rows]

    def plan_marks(self) -> dict[str, str]:
        """The 90-day plan: when it started (``started``) and when each step was marked done."""
        return {k: at for k, at in self._read("SELECT key, at FROM practice_plan")}

    def set_plan_mark(self, key: str, at: str | datetime | None = None, *, keep: bool = True) -> str:
        """Mark a plan step done (or the plan started); ``keep`` leaves an earlier mark as it is."""
        stamp = at if isinstance(at, str) else _iso(at or now_utc())
        verb = "INSERT OR IGNORE" if keep else "INSERT OR REPLACE"
        self._write(lambda conn: conn.execute(f"{verb} INTO practice_plan (key, at) VALUES (?, ?)",
                                              (key, stamp)))
        return self.plan_marks()[key]

    def clear_plan_mark(self, key: str) -> None:
        self._write(lambda conn: conn.execute("DELETE FROM practice_plan WHERE key = ?", (key,)))

    def export(self, format: str, out: IO[str] | Path | str, overwrite: bool = False) -> int:
        """Every request, oldest first, as a JSON array or CSV; returns how many.

        ``out`` is an open text stream, or a file path written atomically and owner-only. A path
        that exists is replaced only with ``overwrite`` and only when it is a regular, writable
        file: never a symbolic link, a device (``/dev/null``), a folder or a pipe.
        """
        if format not in ("json", "csv"):
            raise UsageError(f"export format {format!r}: expected json or csv")
        if isinstance(out, (str, Path)):
            target = Path(out).expanduser()
            check_export_target(target, overwrite)
            return self._export_file(format, target)
        with self._lock:
            try:
                cur = self._conn.execute(f"SELECT {_COLUMNS} FROM requests ORDER BY id")
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"help log {self.path}: could not read ({exc})") from None
            n = 0
            if format == "json":
                out.write("[")
                for row in cur:
                    out.write(("\n" if n == 0 else ",\n")
                              + json.dumps(_entry(row).to_dict(), ensure_ascii=False))
                    n += 1
                out.write("\n]\n")
                return n
            names = [f.name for f in dataclasses.fields(Entry) if f.name != "request"]
            writer = csv.writer(out)
            writer.writerow([*names, "intent", "urgency", "request_json"])
            for row in cur:
                e = _entry(row)
                d = dataclasses.asdict(e)
                writer.writerow([_csv_safe(d[k]) for k in names]
                                + [e.request.intent.value if e.request else "",
                                   e.request.urgency.value if e.request else "",
                                   e.request.to_json() if e.request else ""])
                n += 1
            return n

    def _export_file(self, format: str, target: Path) -> int:
        folder = target.parent
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".export-")
        except OSError as exc:
            raise StoreError(f"cannot write {target}: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                n = self.export(format, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return n


def check_export_target(target: Path, overwrite: bool) -> bool:
    """May an export be written to ``target``? True when it exists (and may be replaced).

    Raises UsageError for what must never be replaced: a symbolic link (it would be replaced,
    not followed), anything that is not a regular file, a read-only file, or an existing file
    without ``overwrite``.
    """
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        raise UsageError(f"{target} is a symbolic link; export to the file itself or a new name")
    if stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{target} is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{target} is not a regular file (a device or a pipe); nothing was written")
    if not st.st_mode & stat.S_IWUSR:
        raise UsageError(f"{target} is read-only; it was left as it is")
    if not overwrite:
        raise UsageError(f"{target} already exists; add --force to replace it")
    return True


def _tighten(path: Path) -> None:
    """The log and its -wal/-shm files owner-only; done before SQLite opens anything, because
    SQLite creates -wal/-shm with the mode the database file has at that moment."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            continue
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077:
            try:
                os.chmod(p, 0o600)
            except OSError as exc:
                raise StoreError(f"help log {p}: cannot be made private ({exc.strerror})") from None


def _csv_safe(value: Any) -> Any:
    """Keep spreadsheet formulas out: a cell that starts with = + - @ is read as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def _entry(row: tuple[Any, ...]) -> Entry:
    (id_, created, updated, status, transcript, req_json, message, recipient, channel, lang, sent_at,
     answered_at, note, send_error, offer, given, given_at, minutes, attempts) = row
    request = None
    if req_json:
        try:
            request = HelpRequest.from_json(req_json)
        except (ValueError, KeyError, TypeError):
            request = None  # an unreadable parse never hides the transcript and message
    return Entry(id=id_, created_at=created, updated_at=updated, status=status, transcript=transcript,
                 request=request, message=message, recipient=recipient, channel=channel,
                 sent_at=sent_at, answered_at=answered_at, outcome_note=note, send_error=send_error,
                 offer=offer, given=given, lang=lang, given_at=given_at, minutes_to_answer=minutes,
                 attempts=attempts or 0)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite can touch it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"help log {path} is a folder, not a file") from None
    except OSError as exc:
        raise StoreError(f"help log {path}: cannot be read ({exc.strerror})") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"help log {path} is not a voice-helper log (damaged or another file); "
                         "it was left untouched: move it aside to start a new log")


def _check_version(path: Path) -> None:
    """Read the schema version through a read-only connection, which never checkpoints a WAL
    into the file on close: a newer or damaged log stays byte-for-byte as it was."""
    try:
        ro = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return  # cannot even open it read-only: the read-write open below reports why
    try:
        version = ro.execute("PRAGMA user_version").fetchone()[0]
        ro.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # a damaged data page is otherwise found only when a read reaches it, if ever
        problems = [r[0] for r in ro.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return
        raise StoreError(f"help log {path} is damaged and was left untouched ({exc}); "
                         "move it aside to start a new log") from None
    finally:
        ro.close()
    if problems != ["ok"] and version <= SCHEMA_VERSION:
        raise StoreError(f"help log {path} is damaged ({'; '.join(problems)[:160]}); it was left "
                         f"untouched: recover it with: sqlite3 {path} .recover | sqlite3 recovered.db")
    if version > SCHEMA_VERSION:
        raise StoreError(f"help log {path} was written by a newer voice-helper "
                         f"(schema {version}, this one knows {SCHEMA_VERSION}); "
                         "it was left untouched: update voice-helper to open it")


def save_composed(log: HelpLog, transcript: str, request: HelpRequest | None,
                  recipient: str | None = None, channel: str | None = None,
                  settings: Settings | None = None) -> int:
    """`compose --save`: keep a composed request as a draft; recipient and channel from the contact."""
    if recipient is None and request is not None:
        recipient = request.slots.recipient
    if channel is None and settings is not None:
        contact = settings.contact(recipient)
        if contact is not None:
            recipient = contact.name
            channel = contact.channel or None
    return log.add_draft(transcript, request, recipient=recipient, channel=channel,
                         lang=request.language if request else None)
