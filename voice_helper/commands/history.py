"""`voice-helper history`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "The help log: requests asked, sent, answered."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("history")
