"""`voice-helper compose`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Turn what you said (text) into a clear help request."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("compose")
