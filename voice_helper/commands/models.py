"""`voice-helper models`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "List, download, remove and locate speech models."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("models")
