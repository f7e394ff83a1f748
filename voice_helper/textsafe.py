"""Keep control characters and terminal escape sequences out of everything we store or print.

Transcripts come from recognizers, pipes and pasted text; an escape sequence in one could move
the cursor in the Textual screen or hide text in a log. One cleaner, used at every boundary.
"""

from __future__ import annotations

import re
import unicodedata

# CSI / OSC / other ESC sequences, then any remaining C0/C1 control except tab and newline.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str, keep_newlines: bool = False) -> str:
    """Remove escape sequences and control characters; optionally keep newlines."""
    text = _ANSI.sub("", text)
    text = _CONTROL.sub(" ", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    # Unicode format characters (bidi overrides, zero-width joiners used for spoofing)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf" or ch == "\u200d")
    return text


def clean_utterance(text: str) -> str:
    """One line of what a person said: no controls, single spaces, trimmed."""
    text = unicodedata.normalize("NFKC", strip_controls(text))
    return re.sub(r"[ \u3000]+", " ", text).strip()


def clean_lines(text: str) -> str:
    """What a person typed, cleaned line by line: a note's line breaks (a list, a signature) kept,
    blank lines at most one in a row. Speech and one-line typing come out as ``clean_utterance``."""
    lines = [clean_utterance(ln) for ln in re.split(r"\r\n|\r|\n", text)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
