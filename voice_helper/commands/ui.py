"""`voice-helper ui`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Open the accessible terminal UI (the default)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("ui")
