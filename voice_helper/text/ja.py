"""The Japanese analyzer: SudachiPy morphemes, and just enough conjugation to change register.

Why SudachiPy with sudachidict_core (measured in ``scripts/bench_compose.py``): its long unit
(SplitMode.C) keeps compounds whole (お客さん, 見積書, 紙詰まり), so nothing is ever cut inside a
word; its normalised forms fold spelling variants and potential verbs (起き上がれる → 起き上がる),
which the safety rules need; it loads in ≈0.07 s by memory-mapping the dictionary. fugashi with
unidic-lite was as fast but splits 見積書 and お客さん and carries an older dictionary.

Conjugation works from a verb's dictionary form and Sudachi's conjugation type ("五段-カ行"), so
a predicate can be re-said in another register while the person's own verb stays.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

_LOCAL = threading.local()


@dataclass(frozen=True)
class Morph:
    """One morpheme: what was written, and what the dictionary knows of it."""

    surface: str
    pos: tuple[str, ...]  # Sudachi's six fields: 品詞, 細分類1-3, 活用型, 活用形
    base: str  # dictionary form as written (やる, できる)
    norm: str  # normalised lemma (遣る, 出来る, 起き上がる for 起き上がれる)

    @property
    def pos1(self) -> str:
        return self.pos[0]

    @property
    def ctype(self) -> str:
        return self.pos[4]

    @property
    def cform(self) -> str:
        return self.pos[5]

    def is_(self, pos1: str, pos2: str | None = None) -> bool:
        return self.pos[0] == pos1 and (pos2 is None or self.pos[1] == pos2)


def _tokenizer():  # type: ignore[no-untyped-def]
    """One tokenizer per thread: Sudachi's tokenizer is not safe to share across threads."""
    tok = getattr(_LOCAL, "tok", None)
    if tok is None:
        from sudachipy import SplitMode

        d = _dictionary()
        tok = d.tokenizer(mode=SplitMode.C) if hasattr(d, "tokenizer") else d.create()
        _LOCAL.tok = tok
    return tok


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    import warnings

    from sudachipy import Dictionary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return Dictionary(dict="core")


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Morph, ...]:
    """Morphemes of ``text`` (long units). Cached: the parse, the safety check and the message
    all read the same sentence."""
    if not text:
        return ()
    from sudachipy import SplitMode

    out = []
    for m in _tokenizer().tokenize(text, SplitMode.C):
        s = m.surface()
        if not s.strip():
            continue
        out.append(Morph(s, tuple(m.part_of_speech()), m.dictionary_form(), m.normalized_form()))
    return tuple(out)


@lru_cache(maxsize=4096)
def reading(text: str) -> str:
    """The sound of ``text`` in hiragana (転んだ and ころんだ both → ころんだ; 息 and いき → いき):
    recognizer output mixes kana and kanji freely, and the ear hears the same words."""
    if not text:
        return ""
    from sudachipy import SplitMode

    out = []
    for m in _tokenizer().tokenize(text, SplitMode.C):
        r = m.reading_form() if m.surface().strip() else ""
        if not r or (r == "キゴウ" and not m.surface().isalnum()):
            r = m.surface()
        out.append(r)
    kata = "".join(out)
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kata)


def warm() -> None:
    analyse("準備")


# --- conjugation -------------------------------------------------------------------------------

# Godan rows: dictionary ending -> (a-row for ない, i-row for ます, past ending, te ending).
_GODAN = {
    "く": ("か", "き", "いた", "いて"), "ぐ": ("が", "ぎ", "いだ", "いで"), "す": ("さ", "し", "した", "して"),
    "つ": ("た", "ち", "った", "って"), "ぬ": ("な", "に", "んだ", "んで"), "ぶ": ("ば", "び", "んだ", "んで"),
    "む": ("ま", "み", "んだ", "んで"), "る": ("ら", "り", "った", "って"), "う": ("わ", "い", "った", "って"),
}
_SPECIAL_MASU = {"いらっしゃる": "いらっしゃい", "くださる": "ください", "なさる": "なさい", "おっしゃる": "おっしゃい",
                 "ござる": "ござい"}


def _kind(base: str, ctype: str) -> str:
    if ctype.startswith("五段"):
        return "godan"
    if ctype.startswith(("上一段", "下一段")):
        return "ichidan"
    if ctype.startswith("カ行変格"):
        return "kuru"
    if ctype.startswith("サ行変格") or base.endswith(("する", "ずる")):
        return "suru"
    if ctype == "形容詞":
        return "adj"
    return "other"


def masu_stem(base: str, ctype: str) -> str | None:
    """連用形 for ます: 書く→書き, 食べる→食べ, 来る→来, する→し, 勉強する→勉強し."""
    kind = _kind(base, ctype)
    if base in _SPECIAL_MASU:
        return _SPECIAL_MASU[base]
    if kind == "godan" and base[-1:] in _GODAN:
        return base[:-1] + _GODAN[base[-1]][1]
    if kind == "ichidan" and base.endswith("る"):
        return base[:-1]
    if kind == "kuru":
        return base[:-2] + ("き" if base.endswith("くる") else "来")
    if kind == "suru":
        return base[:-2] + "し"
    return None


def nai_stem(base: str, ctype: str) -> str | None:
    """未然形 for ない: 書く→書か, 買う→買わ, 食べる→食べ, 来る→こ, する→し."""
    kind = _kind(base, ctype)
    if base == "ある":
        return None  # ない, not あらない
    if kind == "godan" and base[-1:] in _GODAN:
        return base[:-1] + _GODAN[base[-1]][0]
    if kind == "ichidan" and base.endswith("る"):
        return base[:-1]
    if kind == "kuru":
        return base[:-2] + ("こ" if base.endswith("くる") else "来")
    if kind == "suru":
        return base[:-2] + "し"
    return None


def ta_form(base: str, ctype: str) -> str | None:
    """Plain past: 書く→書いた, 読む→読んだ, 行く→行った, 食べる→食べた."""
    kind = _kind(base, ctype)
    if base in ("行く", "いく") or base.endswith(("行く", "いく")) and kind == "godan":
        return base[:-1] + "った"
    if kind == "godan" and base[-1:] in _GODAN:
        return base[:-1] + _GODAN[base[-1]][2]
    stem = masu_stem(base, ctype)
    if stem is None:
        if kind == "adj" and base.endswith("い"):
            return base[:-1] + "かった"
        return None
    return stem + "た"


def te_form(base: str, ctype: str) -> str | None:
    kind = _kind(base, ctype)
    if base.endswith(("行く", "いく")) and kind == "godan":
        return base[:-1] + "って"
    if kind == "godan" and base[-1:] in _GODAN:
        return base[:-1] + _GODAN[base[-1]][3]
    stem = masu_stem(base, ctype)
    return stem + "て" if stem is not None else None


def join(morphs: tuple[Morph, ...] | list[Morph]) -> str:
    """Surfaces joined; a space kept only between two Latin words (Wi-Fi に, not "Wi-Fiに")."""
    out = ""
    for m in morphs:
        if out and out[-1].isascii() and out[-1].isalnum() and m.surface[:1].isascii() and m.surface[:1].isalpha():
            out += " "
        out += m.surface
    return out
