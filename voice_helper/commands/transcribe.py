"""`voice-helper transcribe`."""

from __future__ import annotations

import argparse

from . import not_available

HELP = "Speech to text from audio files, offline."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("transcribe")
