"""The phrase board's data: shipped phrases per language plus the user's own.

Shipped phrases are data (``ui/data/phrases_<lang>.yaml``); the user's own live in
``<config dir>/phrases_user.yaml`` (owner-only, written atomically) and show as "My phrases".
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..config import ensure_private_dir, get_paths
from ..errors import VoiceHelperError
from ..textsafe import clean_utterance

USER_KIND = "mine"
USER_TITLE = {"en": "My phrases", "ja": "マイフレーズ"}


@dataclass
class Phrase:
    text: str
    kind: str
    intent: str = ""
    lang: str = "en"
    user: bool = False
    talk: bool = False  # conversation (yes, no, wait): said, never offered for sending


@dataclass
class PhraseGroup:
    kind: str
    title: str
    phrases: list[Phrase] = field(default_factory=list)
    talk: bool = False


def user_phrases_file() -> Path:
    return get_paths().config_dir / "phrases_user.yaml"


def _read_yaml(text: str, where: str) -> dict:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        raise VoiceHelperError(f"phrase file {where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise VoiceHelperError(f"phrase file {where}: expected a mapping")
    return data


def load_board(lang: str, problems: list[str] | None = None) -> list[PhraseGroup]:
    """Shipped groups for ``lang`` (en when unknown), then the user's own phrases.

    A damaged user file never hides the shipped board: its one-line error goes to ``problems``.
    """
    lang = lang if lang in ("en", "ja") else "en"
    ref = resources.files("voice_helper.ui.data").joinpath(f"phrases_{lang}.yaml")
    data = _read_yaml(ref.read_text(encoding="utf-8"), f"phrases_{lang}.yaml")
    groups: list[PhraseGroup] = []
    for g in data.get("groups") or []:
        kind = str(g["kind"])
        talk = bool(g.get("talk"))
        groups.append(PhraseGroup(kind, str(g.get("title", kind)), [
            Phrase(str(p["text"]), kind, str(p.get("intent", "")), lang, talk=talk)
            for p in g.get("phrases") or []
        ], talk=talk))
    try:
        mine = [p for p in load_user_phrases() if p.lang in (lang, "")]
    except VoiceHelperError as exc:
        if problems is None:
            raise
        problems.append(str(exc))
        mine = []
    for p in mine:
        p.lang = p.lang or lang
    if mine:
        groups.append(PhraseGroup(USER_KIND, USER_TITLE.get(lang, USER_TITLE["en"]), mine))
    return groups


def load_user_phrases() -> list[Phrase]:
    path = user_phrases_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise VoiceHelperError(f"phrase file {path}: cannot be read ({exc})") from None
    data = _read_yaml(text, str(path))
    return [Phrase(str(p["text"]), USER_KIND, str(p.get("intent", "")), str(p.get("lang", "")), True)
            for p in data.get("phrases") or [] if isinstance(p, dict) and p.get("text")]


def add_user_phrase(text: str, lang: str) -> Phrase:
    """Append a phrase to the user's file (atomic write, owner-only)."""
    text = clean_utterance(text)
    if not text:
        raise VoiceHelperError("a phrase needs some words")
    phrases = load_user_phrases()
    if any(p.text == text for p in phrases):
        return next(p for p in phrases if p.text == text)
    new = Phrase(text, USER_KIND, "", lang, True)
    phrases.append(new)
    _write_user_phrases(phrases)
    return new


def remove_user_phrase(text: str) -> bool:
    phrases = load_user_phrases()
    kept = [p for p in phrases if p.text != text]
    if len(kept) == len(phrases):
        return False
    _write_user_phrases(kept)
    return True


def _write_user_phrases(phrases: list[Phrase]) -> None:
    path = user_phrases_file()
    ensure_private_dir(path.parent)
    doc = {"phrases": [{"text": p.text, "lang": p.lang, **({"intent": p.intent} if p.intent else {})}
                       for p in phrases]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".phrases-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yaml.safe_dump(doc, fh, allow_unicode=True, sort_keys=False)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
