"""One module per ``voice-helper`` subcommand; see ``voice_helper.cli``."""

from __future__ import annotations

import sys


def not_available(name: str) -> int:
    """For a subcommand whose issue has not landed yet: one line, exit 2."""
    print(f"voice-helper {name}: not available yet", file=sys.stderr)
    return 2
