"""`voice-helper practice`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Practise asking for help with guided scenarios."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("practice")
