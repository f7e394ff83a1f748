"""`voice-helper history`: list, show, mark, send, give back, export and count the help log."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from ..argtext import text_arg

HELP = "The help log: requests asked, sent, answered."

ACTIONS = ("show", "mark", "send", "give", "export", "stats")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (one array)")
    parser.add_argument("--status", metavar="S",
                        help="only this status: draft, sent, failed, helped, declined, withdrawn")
    parser.add_argument("--since", metavar="DATE", help="only from this date on: 2026-11-01, 7d, 2w, today")
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N, newest first (default 20; 0 for all)")
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    p = sub.add_parser("show", help="one request in full")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    p = sub.add_parser("mark", help="record the answer: helped, declined or withdrawn")
    p.add_argument("id", type=int)
    p.add_argument("outcome", choices=("helped", "declined", "withdrawn"))
    p.add_argument("--note", metavar="TEXT", type=text_arg, help='what happened, e.g. "Tanaka took the counting, 20 min"')
    p = sub.add_parser("send", help="deliver a request (again, after a failure)")
    p.add_argument("id", type=int)
    p.add_argument("--via", choices=("speak", "clipboard", "file", "email", "webhook"),
                   help="this channel instead of the contact's")
    p = sub.add_parser("give", help="record what you gave back for this help")
    p.add_argument("id", type=int)
    p.add_argument("text", type=text_arg, help='e.g. "did the filing for Tanaka"')
    p = sub.add_parser("export", help="every request as JSON or CSV")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--out", metavar="FILE", help="write to FILE (owner-only) instead of stdout")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if it exists (never a link, a device or a read-only file)")
    p = sub.add_parser("stats", help="your progress: asked, helped, time to help, given back")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")


def run(args: argparse.Namespace) -> int:
    from ..store import HelpLog

    with HelpLog.open() as log:
        action = args.action or "list"
        return int(globals()[f"_{action}"](log, args) or 0)


# --- actions -------------------------------------------------------------------------------------


def _list(log: Any, args: argparse.Namespace) -> int:
    limit = args.limit if args.limit and args.limit > 0 else None
    entries = log.list(status=args.status, since=args.since, limit=limit)
    if args.json:
        json.dump([e.to_dict() for e in entries], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not entries:
        print("No requests in the log yet." if not (args.status or args.since)
              else "No requests match.")
        return 0
    for e in entries:
        who = f"→ {e.recipient}" if e.recipient else ""
        print(f"#{e.id:<5} {_local(e.created_at)}  {e.status_label:<12} {who:<12} {_gist(e)}")
    total = log.count(status=args.status, since=args.since)
    if total > len(entries):
        print(f"(newest {len(entries)} of {total}; --limit 0 shows all)")
    return 0


def _show(log: Any, args: argparse.Namespace) -> int:
    e = log.get(args.id)
    if args.json:
        d = e.to_dict()
        d["events"] = [{"at": a, "kind": k, "detail": t} for a, k, t in log.events(e.id)]
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    status = e.status_label + (f" ({e.send_error})" if e.status == "failed" and e.send_error else "")
    rows = [
        ("Request", f"#{e.id} · {status}"),
        ("Created", _local(e.created_at)),
        ("To", (e.recipient or "(nobody yet)") + (f" via {e.channel}" if e.channel else "")),
        ("Said", e.transcript or "-"),
    ]
    if e.request:
        rows.append(("Intent", f"{e.request.intent.value}, {e.request.urgency.value}"
                     + (" (crisis)" if e.request.crisis else "")))
    rows += [
        ("Offer", e.offer or "-"),
        ("Given", e.given or "-"),
        ("Outcome", (e.outcome_note or e.status) if e.answered_at else "-"),
    ]
    if e.minutes_to_answer is not None and e.status == "helped":
        rows.append(("Helped in", _minutes(e.minutes_to_answer)))
    for k, v in rows:
        print(f"{k:<10}{v}")
    print("Message")
    for line in (e.message or "(not composed yet)").splitlines():
        print(f"  {line}")
    events = log.events(e.id)
    if events:
        print("History")
        for at, kind, detail in events:
            print(f"  {_local(at)}  {kind}" + (f": {detail}" if detail else ""))
    return 0


def _mark(log: Any, args: argparse.Namespace) -> int:
    e = log.mark(args.id, args.outcome, note=args.note)
    tail = ""
    if e.status == "helped" and e.minutes_to_answer is not None:
        tail = f" Helped in {_minutes(e.minutes_to_answer)}."
    print(f"Request #{e.id} marked {e.status}.{tail}")
    return 0


def _send(log: Any, args: argparse.Namespace) -> int:
    from ..channels import deliver
    from ..config import load_settings
    from ..errors import VoiceHelperError

    settings = load_settings()
    channel = speaker = None
    if (args.via or _planned(log, args.id, settings)) == "speak":
        from ..channels import SpeakChannel

        speaker = _speaker(settings)
        channel = SpeakChannel(speaker, wait=True)  # the process ends after this: wait until said
    try:
        result = deliver(log, args.id, settings, via=args.via, channel=channel)
    finally:
        if speaker is not None and hasattr(speaker, "close"):
            speaker.close()
    if result.ok and result.channel == "file":
        print(f"Request #{args.id} saved in the outbox on this computer, not sent to anyone: {result.detail}")
        return 0
    if result.ok:
        print(f"Request #{args.id} sent: {result.detail}")
        return 0
    raise VoiceHelperError(f"request {args.id} not sent ({result.channel}): {result.reason}. "
                           f"It is kept in the log; retry: voice-helper history send {args.id}")


def _give(log: Any, args: argparse.Namespace) -> int:
    e = log.record_given(args.id, args.text)
    print(f"Request #{e.id}: you gave back “{e.given}”.")
    return 0


def _export(log: Any, args: argparse.Namespace) -> int:
    if not args.out:
        log.export(args.format, sys.stdout)
        return 0
    from pathlib import Path

    from ..errors import UsageError
    from ..store import check_export_target

    target = Path(args.out).expanduser()
    force = args.force
    try:
        check_export_target(target, overwrite=force)
    except UsageError:
        # an existing regular file: ask when there is a person to ask; anything else is refused
        if force or not target.is_file() or target.is_symlink() or not sys.stdin.isatty():
            raise
        check_export_target(target, overwrite=True)  # still refuses read-only files
        answer = input(f"replace {target}? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("kept; nothing was written")
            return 1
        force = True
    n = log.export(args.format, target, overwrite=force)
    print(f"Exported {n} requests to {target}")
    return 0


def _stats(log: Any, args: argparse.Namespace) -> int:
    s = log.stats()
    if args.json:
        print(json.dumps(s.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if s.total == 0:
        print("No requests in the log yet. The first one is the hardest.")
        return 0
    print(f"Requests:      {s.total} ({s.per_week:g} per week)")
    print(f"Answers:       {s.helped} helped · {s.declined} declined · {s.sent} waiting · "
          f"{s.drafts} drafts · {s.withdrawn} withdrawn")
    if s.share_helped is not None:
        print(f"Share helped:  {round(s.share_helped * 100)}% of the requests you asked")
    if s.median_minutes_to_help is not None:
        print(f"Time to help:  {_minutes(s.median_minutes_to_help)} (median)")
    if s.most_asked:
        print("Most asked:    " + ", ".join(f"{n} {a} ({h} helped)" for n, a, h in s.most_asked))
    print(f"Reciprocity:   {_n(s.offers_made, 'offer')} made · {s.given_back} given back")
    print("Last 8 weeks:  " + " ".join(str(c) for _, c in s.weeks) + f"  (from {s.weeks[0][0]})")
    return 0


# --- helpers -------------------------------------------------------------------------------------


def _planned(log: Any, id: int, settings: Any) -> str | None:
    e = log.get(id)
    if e.channel:
        return str(e.channel)
    c = settings.contact(e.recipient)
    return c.channel if c else None


def _speaker(settings: Any) -> Any:
    """The speech-out Speaker; None (a clear "no voice here" result) when it cannot start."""
    try:
        from ..speech.tts import Speaker

        return Speaker(settings)
    except Exception:
        return None


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _local(stamp: str | None) -> str:
    if not stamp:
        return "-"
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _minutes(m: float) -> str:
    if m < 90:
        return f"{m:.0f} min"
    if m < 48 * 60:
        return f"{m / 60:.1f} h"
    return f"{m / 1440:.1f} days"


def _gist(e: Any, width: int = 56) -> str:
    text = " ".join((e.message or e.transcript or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
