"""`voice-helper listen`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Hands-free: ask what is hard, listen, read back, confirm by voice."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("listen")
