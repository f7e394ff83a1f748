"""The help log on real SQLite files: permissions, WAL, migrations, refusal, crash safety, stats."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from voice_helper import store
from voice_helper.config import Contact, Settings, get_paths
from voice_helper.errors import UsageError, VoiceHelperError
from voice_helper.request import Deadline, HelpRequest, Intent, Slots, Urgency
from voice_helper.store import HelpLog, StoreError, UnknownEntry, save_composed


def _request(msg: str = "Could you take over the counting?", offer: str | None = "do the filing",
             recipient: str | None = "Tanaka", lang: str = "en") -> HelpRequest:
    return HelpRequest(language=lang, intent=Intent.WORKLOAD, confidence=0.9, urgency=Urgency.HIGH,
                       slots=Slots(task="the cash report", asks=["take over the counting"], offer=offer,
                                   recipient=recipient, deadline=Deadline("by five", "2026-11-23T17:00:00")),
                       message=msg)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class Clock:
    """Sets store.now_utc so stats have known times (the SQL still runs for real)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, start: datetime) -> None:
        self.t = start
        monkeypatch.setattr(store, "now_utc", lambda: self.t)

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)


def test_default_path_is_private_and_wal(vh_home: Path) -> None:
    with HelpLog.open() as log:
        log.add_draft("I can't lift the box")
        db = get_paths().db_path
        assert log.path == db and db.exists()
        assert _mode(db) == 0o600
        assert _mode(db.parent) == 0o700
        wal = Path(str(db) + "-wal")
        assert wal.exists() and _mode(wal) == 0o600  # SQLite copies the db file's mode
        raw = sqlite3.connect(db)
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        raw.close()


def test_loose_permissions_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    HelpLog.open(path).close()
    os.chmod(path, 0o644)
    HelpLog.open(path).close()
    assert _mode(path) == 0o600


def test_draft_is_committed_immediately_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    log = HelpLog.open(path)
    req = _request(msg="I'm struggling.\nCould you take over the counting?")
    i = log.add_draft("I can't\x1b[2J finish\x07 the report", req, recipient="Tanaka", channel="email")
    # another connection sees it at once: committed, not pending
    other = sqlite3.connect(path)
    assert other.execute("SELECT transcript, status FROM requests WHERE id=?", (i,)).fetchone() == (
        "I can't finish  the report", "draft")
    other.close()
    e = log.get(i)
    assert e.request == req and e.message == req.message
    assert e.recipient == "Tanaka" and e.channel == "email" and e.lang == "en"
    assert e.offer == "do the filing" and e.status == "draft"
    assert datetime.fromisoformat(e.created_at).utcoffset() == timedelta(0)
    log.update_draft(i, transcript="better words", recipient="Sato", channel="file")
    e2 = log.get(i)
    assert (e2.transcript, e2.recipient, e2.channel) == ("better words", "Sato", "file")
    assert e2.updated_at >= e2.created_at and e2.request == req
    new = _request(msg="New message", offer=None)
    log.update_draft(i, request=new)
    assert log.get(i).message == "New message" and log.get(i).offer is None
    log.close()


def test_status_flow_failed_retry_mark_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch, datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    with HelpLog.open(tmp_path / "l.db") as log:
        i = log.add_draft("help", _request())
        clock.advance(minutes=1)
        e = log.record_send(i, "webhook", False, "example.org answered HTTP 500")
        assert e.status == "failed" and e.status_label == "sent: failed"
        assert e.send_error == "example.org answered HTTP 500" and e.sent_at is None and e.attempts == 1
        assert [x.id for x in log.list(status="sent: failed")] == [i]
        clock.advance(minutes=2)
        e = log.record_send(i, "webhook", True, None)
        assert e.status == "sent" and e.send_error is None and e.attempts == 2
        assert e.sent_at == "2026-11-23T09:03:00.000+00:00"
        e = log.record_send(i, "speak", False, "no sound device")  # an extra try that failed
        assert (e.status, e.channel, e.send_error, e.attempts) == ("sent", "webhook", None, 3)
        clock.advance(minutes=25)
        e = log.mark(i, "helped", note="Tanaka took the counting, 20 min")
        assert e.status == "helped" and e.answered_at == "2026-11-23T09:28:00.000+00:00"
        assert e.outcome_note == "Tanaka took the counting, 20 min"
        assert e.minutes_to_answer == pytest.approx(25.0, abs=0.01)
        e = log.record_given(i, "did the filing\x1b]0;x\x07 for Tanaka")
        assert e.given == "did the filing for Tanaka"
        kinds = [k for _, k, _ in log.events(i)]
        assert kinds == ["send failed", "sent", "send failed", "helped", "given"]
        # a late send result must not undo the answer
        assert log.record_send(i, "email", False, "down").status == "helped"
        assert log.record_send(i, "file", True, None).status == "helped"


def test_threads_and_a_second_connection_write_together(tmp_path: Path) -> None:
    """The UI writes from worker threads while the CLI may hold the same file open."""
    import threading

    path = tmp_path / "l.db"
    log, other = HelpLog.open(path), HelpLog.open(path)
    errors: list[BaseException] = []

    def work(target: HelpLog, tag: str) -> None:
        try:
            for n in range(40):
                i = target.add_draft(f"{tag}-{n}")
                target.update_draft(i, recipient=tag)
                target.record_send(i, "file", True, None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(log, f"t{k}")) for k in range(3)]
    threads.append(threading.Thread(target=work, args=(other, "other")))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert log.count() == 160 and log.count(status="sent") == 160
    assert {n: a for n, a, _ in log.stats().most_asked} == {"t0": 40, "t1": 40, "t2": 40, "other": 40}
    log.close()
    other.close()


def test_full_disk_is_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    """SQLite's own "disk is full" (a page limit on this connection) surfaces as one clear line."""
    with HelpLog.open(tmp_path / "l.db") as log:
        kept = log.add_draft("kept before the disk filled")
        pages = log._conn.execute("PRAGMA page_count").fetchone()[0]
        log._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="could not save.*full") as info:
            for n in range(500):
                log.add_draft("x" * 2000 + str(n))
        assert "\n" not in str(info.value)
        log._conn.execute("PRAGMA max_page_count = 1073741823")
        assert log.get(kept).transcript == "kept before the disk filled"
        assert log.get(log.add_draft("after space came back")).status == "draft"
        assert log._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_bad_ids_and_values_are_clear(tmp_path: Path) -> None:
    with HelpLog.open(tmp_path / "l.db") as log:
        for call in (lambda: log.get(42), lambda: log.mark(42, "helped"),
                     lambda: log.update_draft(42, transcript="x"), lambda: log.record_given(42, "x"),
                     lambda: log.record_send(42, "file", True, None)):
            with pytest.raises(UnknownEntry, match="no request with id 42"):
                call()
        i = log.add_draft("x")
        with pytest.raises(UsageError):
            log.mark(i, "sent")
        with pytest.raises(UsageError):
            log.record_given(i, "  \x1b[0m ")
        with pytest.raises(UsageError):
            log.list(status="nope")
        with pytest.raises(UsageError, match="--since"):
            log.list(since="last tuesday")


def test_list_filters_newest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch, datetime(2026, 11, 1, 12, 0, tzinfo=UTC))
    with HelpLog.open(tmp_path / "l.db") as log:
        ids = []
        for n in range(5):
            ids.append(log.add_draft(f"t{n}"))
            clock.advance(days=3)
        log.mark(ids[1], "declined")
        assert [e.id for e in log.list()] == ids[::-1]
        assert [e.id for e in log.list(limit=2)] == ids[:-3:-1]
        assert [e.id for e in log.list(status="declined")] == [ids[1]]
        assert [e.id for e in log.list(since="2026-11-06T00:00:00+00:00")] == [ids[4], ids[3], ids[2]]
        assert [e.id for e in log.list(since="7d")] == [ids[4], ids[3]]  # now is Nov 16 12:00
        assert log.count(status="draft") == 4


def test_stats_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday
    clock = Clock(monkeypatch, start)
    with HelpLog.open(tmp_path / "l.db") as log:
        def ask(who: str, offer: str | None, minutes: float | None, outcome: str = "helped") -> int:
            i = log.add_draft("x", _request(offer=offer, recipient=who), recipient=who)
            log.record_send(i, "file", True, None)
            if minutes is not None:
                clock.advance(minutes=minutes)
                log.mark(i, outcome)
            clock.advance(hours=20)
            return i

        a = ask("Tanaka", "filing", 10)
        ask("tanaka", None, 30)
        ask("Sato", "tea", 20, "declined")
        ask("Tanaka", None, 50)
        ask("Sato", None, None)  # still waiting
        log.add_draft("just a draft")
        w = log.add_draft("withdrawn one")
        log.mark(w, "withdrawn")
        log.record_given(a, "did the filing")
        s = log.stats(now=start + timedelta(days=14))
    assert (s.total, s.helped, s.declined, s.sent, s.drafts, s.withdrawn) == (7, 3, 1, 1, 1, 1)
    assert s.share_helped == pytest.approx(3 / 5, abs=0.001)
    assert s.median_minutes_to_help == pytest.approx(30.0, abs=0.1)  # of 10, 30, 50
    assert s.most_asked[0][0].casefold() == "tanaka" and s.most_asked[0][1:] == (3, 3)
    assert s.most_asked[1] == ("Sato", 2, 0)
    assert (s.offers_made, s.given_back) == (2, 1)
    assert s.per_week == pytest.approx(3.5, abs=0.05)  # 7 over two weeks
    assert len(s.weeks) == 8 and sum(c for _, c in s.weeks) == 7
    json.dumps(s.to_dict())


def test_tallies_match_a_full_recount(tmp_path: Path) -> None:
    """The trigger-kept counts behind stats() equal a brute-force count after random edits."""
    rnd = random.Random(7)
    names = ["Tanaka", "tanaka", "Sato", None, "田中"]
    with HelpLog.open(tmp_path / "l.db") as log:
        ids: list[int] = []
        for _ in range(300):
            op = rnd.random()
            if op < 0.35 or not ids:
                ids.append(log.add_draft("x", _request(offer=rnd.choice([None, "tea"])),
                                         recipient=rnd.choice(names)))
                continue
            i = rnd.choice(ids)
            if op < 0.5:
                log.update_draft(i, recipient=rnd.choice(["Sato", "Mum"]),
                                 request=_request(offer=rnd.choice([None, "", "cake"])))
            elif op < 0.65:
                log.record_send(i, "file", rnd.random() < 0.7, "down")
            elif op < 0.85:
                log.mark(i, rnd.choice(store.OUTCOMES))
            else:
                log.record_given(i, rnd.choice(["tea", "cake"]))
        s = log.stats()
        entries = log.list()
    by = lambda st: sum(e.status == st for e in entries)  # noqa: E731
    assert s.total == len(entries) == log_count(tmp_path / "l.db")
    assert (s.drafts, s.helped, s.declined, s.withdrawn) == (by("draft"), by("helped"), by("declined"),
                                                             by("withdrawn"))
    assert s.sent == by("sent") + by("failed")
    assert s.offers_made == sum(bool(e.offer) for e in entries)
    assert s.given_back == sum(bool(e.given) for e in entries)
    helped_minutes = sorted(e.minutes_to_answer for e in entries if e.status == "helped")
    if helped_minutes:
        import statistics
        assert s.median_minutes_to_help == pytest.approx(statistics.median(helped_minutes), abs=0.06)
    asked: dict[str, list[int]] = {}
    for e in entries:
        if e.recipient and e.status != "draft":
            a = asked.setdefault(e.recipient.lower(), [0, 0])
            a[0] += 1
            a[1] += e.status == "helped"
    top = sorted(asked.items(), key=lambda kv: (-kv[1][0], kv[0]))[:5]
    assert [(n.lower(), a, h) for n, a, h in s.most_asked] == [(k, a, h) for k, (a, h) in top]


def log_count(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("SELECT count(*) FROM requests").fetchone()[0])
    finally:
        raw.close()


def test_empty_stats(tmp_path: Path) -> None:
    with HelpLog.open(tmp_path / "l.db") as log:
        s = log.stats()
    assert s.total == 0 and s.share_helped is None and s.median_minutes_to_help is None


def test_export_json_and_csv(tmp_path: Path) -> None:
    with HelpLog.open(tmp_path / "l.db") as log:
        a = log.add_draft("=HYPERLINK(\"x\") danger", _request(msg="頼みがあります。\n数えるのを手伝って。",
                                                                lang="ja"), recipient="田中さん")
        b = log.add_draft("second")
        log.mark(b, "withdrawn", note="asked in person")
        buf = io.StringIO()
        assert log.export("json", buf) == 2
        data = json.loads(buf.getvalue())
        assert [d["id"] for d in data] == [a, b]
        assert HelpRequest.from_dict(data[0]["request"]).message == "頼みがあります。\n数えるのを手伝って。"
        assert data[1]["outcome_note"] == "asked in person"
        buf = io.StringIO()
        assert log.export("csv", buf) == 2
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert rows[0]["transcript"].startswith("'=HYPERLINK")  # no formula injection
        assert rows[0]["recipient"] == "田中さん" and rows[0]["intent"] == "workload"
        assert rows[1]["status"] == "withdrawn"
        with pytest.raises(UsageError):
            log.export("xml", io.StringIO())
        target = tmp_path / "out.json"
        assert log.export("json", target) == 2
        assert _mode(target) == 0o600 and len(json.loads(target.read_text())) == 2
        with pytest.raises(StoreError, match="cannot write"):
            log.export("csv", tmp_path / "missing" / "out.csv")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["l.db", "l.db-shm", "l.db-wal", "out.json"]


V1_DDL = store._MIGRATIONS[0][0]


def test_migrates_v0_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    path.touch(mode=0o600)
    with HelpLog.open(path) as log:
        assert log.schema_version == store.SCHEMA_VERSION
        assert log.get(log.add_draft("x")).transcript == "x"


def test_migrates_hand_made_v1(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    raw.execute(V1_DDL)
    req = _request(offer="make tea")
    raw.execute("INSERT INTO requests (created_at, updated_at, status, transcript, request_json, message,"
                " recipient, sent_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?)",
                ("2026-10-01T10:00:00.000+00:00", "2026-10-01T10:00:00.000+00:00", "helped", "old words",
                 req.to_json(), req.message, "Tanaka", "2026-10-01T10:05:00.000+00:00",
                 "2026-10-01T10:45:00.000+00:00"))
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    with HelpLog.open(path) as log:
        assert log.schema_version == store.SCHEMA_VERSION == 4
        e = log.get(1)
        assert e.transcript == "old words" and e.request == req and e.status == "helped"
        assert e.offer == "make tea"  # lifted out of the JSON by the migration
        assert e.minutes_to_answer == pytest.approx(40.0, abs=0.01)
        st = log.stats()  # the tallies were backfilled from the old rows
        assert st.median_minutes_to_help == pytest.approx(40.0, abs=0.1)
        assert (st.total, st.helped, st.offers_made, st.most_asked) == (1, 1, 1, [("Tanaka", 1, 1)])
        log.record_given(1, "brought cake")
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    idx = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"requests_created", "requests_status_minutes", "requests_recipient"} <= idx
    raw.close()


def test_newer_schema_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with HelpLog.open(path) as log:
        log.add_draft("from the future")
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    before = _sha(path)
    with pytest.raises(StoreError, match="newer voice-helper.*schema 99.*untouched") as info:
        HelpLog.open(path)
    assert isinstance(info.value, VoiceHelperError) and "\n" not in str(info.value)
    assert _sha(path) == before
    wal = Path(str(path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing was written anywhere


def test_newer_schema_with_a_crash_left_wal_stays_byte_for_byte(tmp_path: Path) -> None:
    """A newer log whose writer was killed (its -wal still holds commits) is not checkpointed."""
    path = tmp_path / "new.db"
    code = ("import sqlite3, sys, os, signal\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('CREATE TABLE future (x)')\n"
            "c.execute('PRAGMA user_version = 7'); c.execute(\"INSERT INTO future VALUES ('kept')\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], timeout=30)
    wal = Path(str(path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    before = {p.name: _sha(p) for p in tmp_path.iterdir() if p.name != "new.db-shm"}
    with pytest.raises(StoreError, match="schema 7"):
        HelpLog.open(path)
    after = {p.name: _sha(p) for p in tmp_path.iterdir() if p.name != "new.db-shm"}
    assert after == before


@pytest.mark.parametrize("kind", ["random", "sqlite-header-then-garbage", "text"])
def test_corrupt_file_refused_and_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.db"
    rnd = random.Random(4)
    if kind == "random":
        path.write_bytes(bytes(rnd.getrandbits(8) for _ in range(8192)))
    elif kind == "text":
        path.write_text("name,relation\nTanaka,colleague\n")
    else:
        path.write_bytes(b"SQLite format 3\x00" + bytes(rnd.getrandbits(8) for _ in range(8176)))
    before = _sha(path)
    with pytest.raises(StoreError) as info:
        HelpLog.open(path)
    msg = str(info.value)
    assert str(path) in msg and ("damaged" in msg or "not a voice-helper log" in msg or "newer" in msg)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def test_save_composed_uses_contact(tmp_path: Path) -> None:
    settings = Settings(contacts=[Contact(name="Tanaka", relation="colleague", channel="email",
                                          address="tanaka@example.org")])
    with HelpLog.open(tmp_path / "l.db") as log:
        i = save_composed(log, "could tanaka take it", _request(recipient="田中さん"), settings=settings)
        e = log.get(i)
        assert (e.recipient, e.channel, e.status) == ("田中さん", None, "draft")  # not a known name
        i = save_composed(log, "could tanaka take it", _request(recipient="tanaka"), settings=settings)
        e = log.get(i)
        assert (e.recipient, e.channel, e.status) == ("Tanaka", "email", "draft")
        i = save_composed(log, "x", _request(), recipient="Sato", channel="speak")
        assert (log.get(i).recipient, log.get(i).channel) == ("Sato", "speak")


CHILD = r"""
import sys
from pathlib import Path
from voice_helper.store import HelpLog
from voice_helper.request import HelpRequest, Slots
log = HelpLog.open(Path(sys.argv[1]))
run = sys.argv[2]
i = 0
while True:
    i += 1
    rid = log.add_draft(f"{run}-{i}")
    print(f"add {rid} {run}-{i}", flush=True)
    log.update_draft(rid, transcript=f"{run}-{i}-fixed", request=HelpRequest(message=f"m{i}",
                     slots=Slots(offer="tea")))
    print(f"upd {rid} {run}-{i}-fixed", flush=True)
    if i % 3 == 0:
        log.record_send(rid, "file", i % 2 == 0, None if i % 2 == 0 else "network down")
        print(f"snd {rid} {'sent' if i % 2 == 0 else 'failed'}", flush=True)
"""


def test_sigkill_loses_no_committed_step(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    rnd = random.Random()
    seen_total = 0
    for run in range(5):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), f"r{run}"],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # the child is running and has committed something
        assert first.startswith("add "), first
        time.sleep(rnd.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL
        lines = [ln for ln in (first + rest).split("\n")[:-1]]  # a cut-off last line is not a claim
        raw = sqlite3.connect(path)
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {i: (t, s) for i, t, s in raw.execute("SELECT id, transcript, status FROM requests")}
        raw.close()
        transcript: dict[int, str] = {}
        status: dict[int, str] = {}
        for ln in lines:
            kind, rid, value = ln.split(" ", 2)
            if kind == "snd":
                status[int(rid)] = value
            else:
                transcript[int(rid)] = value
        for rid, text in transcript.items():
            # the db may be one step AHEAD of what was printed (killed between commit and print),
            # never behind it
            later = {text, text + "-fixed"} if not text.endswith("-fixed") else {text}
            assert rows[rid][0] in later, (run, rid, rows[rid], text)
        for rid, st in status.items():
            assert rows[rid][1] == st, (run, rid)
        seen_total += len(lines)
    assert seen_total >= 5
    with HelpLog.open(path) as log:  # opens clean, and keeps working
        assert log.get(log.add_draft("after the crashes")).status == "draft"
