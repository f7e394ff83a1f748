#!/usr/bin/env python3
"""Run the hardening probe (issue 12) and print, per promise, whether it held.

The probe is the hardening tests: real servers on 127.0.0.1 that redirect, trickle, break HTTP,
refuse logins and flood downloads; a hostile model list with path names, zip bombs and oversize
bodies; `compose --save` into a closed pipe and /dev/full; files planted by another user
(uid 65534; run as root to include those checks). Nothing leaves this machine, and every file it
touches is in a temporary folder.

    .venv/bin/python scripts/probe_security.py [-v]

Exit status: 0 when every promise held, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ["tests/test_hardening_channels.py", "tests/test_hardening_models.py",
         "tests/test_hardening_files.py"]

PROMISES = {
    1: "a contact's bad webhook address is refused, never sent to the global webhook",
    2: "redirects: 307/308 followed with the body, 301/302/303 fail and name the new address",
    3: "model list: safe names only, https (or this computer / a chosen file), size+md5 required",
    4: "compose --save saves before it prints (closed pipe, /dev/full, non-UTF-8 arguments)",
    5: "no pickle; folders 0700 at any umask; others' cache and settings files are refused",
    6: "one deadline per send: a trickling webhook or mail server cannot hold the person",
    7: "downloads stop at the declared size; zip bombs and entry floods are refused",
    8: "one-line errors: broken HTTP, non-ASCII mail password, huge/deep/hostile settings",
    9: "credentials in a webhook URL never appear in results, the log or the outbox",
    10: "export never replaces links, devices, pipes or read-only files; --force to overwrite",
    11: "side files 0600, damaged pages found, no stale unpacks, honest SMTP wording, only seen fields",
}


class Collector:
    """A pytest plugin that keeps each test's outcome under its item number."""

    def __init__(self) -> None:
        self.results: dict[int, list[tuple[str, str, str]]] = defaultdict(list)

    def pytest_runtest_logreport(self, report) -> None:  # type: ignore[no-untyped-def]
        m = re.search(r"::test_item(\d+)_", report.nodeid)
        if not m:
            return
        item = int(m.group(1))
        if report.when == "call" or (report.when == "setup" and not report.passed):
            why = ""
            if report.skipped and isinstance(report.longrepr, tuple):
                why = str(report.longrepr[2])
            elif report.failed:
                why = str(getattr(report.longrepr, "reprcrash", None) and report.longrepr.reprcrash.message
                          or report.longrepr).splitlines()[0][:160]
            self.results[item].append((report.nodeid.split("::", 1)[1], report.outcome, why))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every check")
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    import pytest

    collector = Collector()
    pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=", "--tb=no",
                 "-rN", *FILES], plugins=[collector])

    print()
    print(f"Hardening probe (issue 12), as uid {os.geteuid()}"
          + ("" if os.geteuid() == 0 else ": not root, so the other-user checks are skipped"))
    print(f"{'#':>2}  {'promise':<92} {'checks':>6}  result")
    all_held = True
    for item, promise in PROMISES.items():
        rows = collector.results.get(item, [])
        passed = sum(1 for _, outcome, _ in rows if outcome == "passed")
        failed = [r for r in rows if r[1] == "failed"]
        skipped = [r for r in rows if r[1] == "skipped"]
        if not rows:
            result = "NOT RUN"
        elif failed:
            result = "FAILED"
        elif skipped:
            result = f"held ({len(skipped)} skipped)"
        else:
            result = "held"
        all_held &= result.startswith("held")
        print(f"{item:>2}  {promise:<92} {passed:>2}/{len(rows):<3}  {result}")
        for name, outcome, why in rows if (args.verbose or failed or skipped) else []:
            if args.verbose or outcome != "passed":
                print(f"      {outcome:<7} {name}" + (f": {why}" if why else ""))
    print("all promises held" if all_held else "SOME PROMISES FAILED")
    return 0 if all_held else 1


if __name__ == "__main__":
    sys.exit(main())
