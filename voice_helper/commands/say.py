"""`voice-helper say`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Speak a text aloud, or write it to a WAV file."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("say")
