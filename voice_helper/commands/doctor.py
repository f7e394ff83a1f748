"""`voice-helper doctor`: what works on this machine, and the one fix for what does not."""

from __future__ import annotations

import argparse

HELP = "Check this machine: Python, libraries, audio devices, voices, speech models, data folder."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")


def run(args: argparse.Namespace) -> int:
    import json

    from ..doctor import run_checks

    checks = run_checks()
    if args.json:
        print(json.dumps([c.to_dict() for c in checks], ensure_ascii=False, indent=2))
    else:
        for c in checks:
            print(c.line())
    return 1 if any(c.core and not c.ok for c in checks) else 0
