"""`voice-helper ui` (also what `voice-helper` with no arguments opens)."""

from __future__ import annotations

import argparse

HELP = "Open the accessible terminal UI (the default)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--theme", choices=("default", "high-contrast"),
                        help="start with this theme (Settings can change it)")
    parser.add_argument("--large", action="store_true", help="start with large controls and spacing")
    parser.add_argument("--scanning", choices=("one-switch", "two-switch"),
                        help="start with switch scanning on, in this mode")


def run(args: argparse.Namespace) -> int:
    import sys

    from ..config import load_settings
    from ..errors import VoiceHelperError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise VoiceHelperError("the UI needs a terminal; for scripts use `voice-helper compose`", 2)
    settings = load_settings()
    if getattr(args, "theme", None):
        settings.ui.theme = args.theme
    if getattr(args, "large", False):
        settings.ui.text_size = "large"
    if getattr(args, "scanning", None):
        settings.scanning.enabled = True
        settings.scanning.mode = args.scanning
    from ..ui.app import VoiceHelperApp

    VoiceHelperApp(settings=settings).run()
    return 0
