"""Free text from the command line, always valid Unicode.

Why: on Linux, Python keeps argument bytes that are not UTF-8 as lone surrogates; they cannot be
stored in SQLite, encoded for a speech engine or printed, and used to end in a traceback with the
request lost. Text arguments go through :func:`text_arg` (an argparse ``type``), which turns such
bytes into U+FFFD, so the words still arrive and nothing fails later. Paths are not text: they keep
their bytes.
"""

from __future__ import annotations


def text_arg(value: str) -> str:
    """``value`` with undecodable bytes replaced by U+FFFD (the argparse ``type`` for free text)."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
        raw = value.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def decode_input(raw: bytes) -> str:
    """Bytes read from standard input as text, with the same replacement."""
    return raw.decode("utf-8", "replace")
