"""Settings and paths.

Settings live in one TOML file in the user config directory; every field has a default, so a
missing file or a missing key is never an error. ``VOICE_HELPER_HOME`` moves every path (config,
data, cache) under one folder: tests point it at a temp dir and never touch the real home.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import tempfile
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .errors import SettingsError, VoiceHelperError

APP_NAME = "voice-helper"
HOME_ENV = "VOICE_HELPER_HOME"

RELATIONS = ("friend", "family", "colleague", "manager", "carer", "professional")
POLITENESS = ("casual", "polite", "honorific")
STYLES = ("three-lines", "workplace", "short")


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "help_log.sqlite3"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"


def get_paths() -> Paths:
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return Paths(root / "config", root / "data", root / "cache")
    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME)),
        Path(platformdirs.user_data_dir(APP_NAME)),
        Path(platformdirs.user_cache_dir(APP_NAME)),
    )


class UnsafePathError(VoiceHelperError, PermissionError):
    """A file or folder the app would trust belongs to another user or others can change it.

    Also a ``PermissionError``, so code that treats a cache as optional (``except OSError``)
    simply does without it.
    """


def _app_roots() -> list[Path]:
    """The folders the app owns: its config, data and cache folders (and VOICE_HELPER_HOME)."""
    p = get_paths()
    roots = [p.config_dir, p.data_dir, p.cache_dir]
    home = os.environ.get(HOME_ENV)
    if home:
        roots.append(Path(home).expanduser())
    return [Path(os.path.abspath(r)) for r in roots]


def _make_private(path: Path) -> None:
    """One folder that exists: owned by us (else refused), then owner-only."""
    st = os.stat(path)  # a symlinked folder is fine when its target is ours
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafePathError(f"{path} is not a folder")
    if st.st_uid != os.geteuid():
        raise UnsafePathError(f"folder {path} belongs to another user (uid {st.st_uid}); "
                              "it was not used")
    if stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(path, 0o700)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` owner-only (0700), and every missing folder above it too.

    Why each level by hand: ``mkdir(parents=True)`` creates parents at the umask (0777 at
    umask 000), where another local user could plant files the app later trusts. Folders above
    ``path`` that are the app's own (inside its config, data or cache folder) are tightened too;
    a folder of the app's that belongs to another user is refused (:class:`UnsafePathError`).
    """
    path = Path(os.path.abspath(path))
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass  # another process made it first; checked below like any existing folder
    roots = _app_roots()
    for folder in (path, *path.parents):
        if folder == path or any(folder == r or r in folder.parents for r in roots):
            _make_private(folder)
        else:
            break
    return path


def check_private_file(fd: int, path: Path, what: str) -> os.stat_result:
    """Refuse a file (already opened as ``fd``) that another user owns or others can change.

    Checked on the open file, not the name, so what is read is what was checked.
    """
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise UnsafePathError(f"{what} {path} is not a regular file; it was not used")
    if st.st_uid != os.geteuid():
        raise UnsafePathError(f"{what} {path} belongs to another user (uid {st.st_uid}); it was "
                              f"not used (fix: chown {os.geteuid()} {path})")
    if st.st_mode & 0o022:
        raise UnsafePathError(f"{what} {path} can be changed by other users (mode "
                              f"{stat.S_IMODE(st.st_mode):04o}); it was not used "
                              f"(fix: chmod 600 {path})")
    return st


# --- settings -------------------------------------------------------------------------------


@dataclass
class SpeechSettings:
    engine: str = "auto"  # auto | vosk | pocketsphinx
    model: str = ""  # a Vosk model folder; empty: found by the model locator
    input_device: str = ""  # sounddevice name or index; empty: the system default
    endpoint_silence_s: float = 2.5  # "take your time": the pause that ends a turn, 0.5-5 s
    max_utterance_s: float = 120.0
    #: Said at the end of a turn, ends it at once (not kept in the text); "" turns it off.
    finish_phrase: str = "that's all"
    #: Pauses never end a turn: only the finish phrase (or the UI's key) does.
    push_to_finish: bool = False
    noise_suppression: bool = True  # WebRTC noise suppression before the recognizer
    auto_gain: bool = True  # raise quiet voices (WebRTC AGC + a slow level normaliser)
    #: pocketsphinx hears requests with a model built from help requests and your contacts' names.
    domain_lm: bool = True
    #: pocketsphinx hears with the voice learned by `voice-helper voice learn`, when there is one.
    learned_voice: bool = True


@dataclass
class VoiceSettings:
    enabled: bool = True
    rate: int = 160  # words per minute
    volume: float = 1.0
    voice_en: str = ""  # a pyttsx3 voice id; empty: the first English voice
    voice_ja: str = ""
    output_device: str = ""  # sounddevice name or index for the UI's voice; empty: the system default


@dataclass
class ComposeSettings:
    style: str = "three-lines"
    politeness: str = "polite"
    boundary_line: bool = False  # add "No worries if you can't — I'll ask someone else."


@dataclass
class UISettings:
    theme: str = "default"  # default | high-contrast
    text_size: str = "normal"  # normal | large
    self_voicing: bool = False
    speak_each_step: bool = False
    shortcuts: bool = True  # single-key shortcuts on or off (WCAG 2.1.4)
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys


@dataclass
class ScanningSettings:
    enabled: bool = False
    mode: str = "one-switch"  # one-switch | two-switch
    interval_s: float = 2.0  # 0.5-10 s
    select_key: str = "space"
    next_key: str = "tab"
    max_rounds: int = 3  # unanswered rounds before scanning pauses (a press resumes it there)
    debounce_s: float = 0.3
    auditory: bool = False
    item_rounds: int = 2  # rounds through a group's items before going back to the groups
    pause_first: bool = False  # the first group / first item stays highlighted twice as long


@dataclass
class PracticeSettings:
    scenarios_per_run: int = 3  # how many scenarios one `voice-helper practice` run goes through
    reminders: bool = True  # the 90-day plan's reminder on the practice screens (never sent)


@dataclass
class Contact:
    name: str
    relation: str = "friend"
    language: str = ""  # en | ja; empty: the message's language
    politeness: str = ""  # casual | polite | honorific; empty: from the relation
    channel: str = ""  # speak | clipboard | file | email | webhook
    address: str = ""  # email address or webhook URL, per channel
    service: str = ""  # webhook payload for this contact; empty: settings.webhook.service
    #: Offered first in a crisis ("Send this to Maria now? Say yes"), e.g. a carer or family.
    emergency: bool = False


@dataclass
class EmailSettings:
    host: str = ""
    port: int = 587
    starttls: bool = True
    username: str = ""
    password_env: str = "VOICE_HELPER_SMTP_PASSWORD"
    sender: str = ""
    timeout_s: float = 10.0


@dataclass
class WebhookSettings:
    url: str = ""
    service: str = "generic"  # generic | ntfy | slack | discord | matrix
    timeout_s: float = 10.0


@dataclass
class CrisisResource:
    name: str
    number: str
    note: str = ""


@dataclass
class Settings:
    language: str = "auto"  # auto | en | ja
    region: str = ""  # JP | US | GB; empty: from the language (ja -> JP, otherwise US, or GB when 999 is said)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    compose: ComposeSettings = field(default_factory=ComposeSettings)
    ui: UISettings = field(default_factory=UISettings)
    scanning: ScanningSettings = field(default_factory=ScanningSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    webhook: WebhookSettings = field(default_factory=WebhookSettings)
    contacts: list[Contact] = field(default_factory=list)
    crisis_resources: list[CrisisResource] = field(default_factory=list)  # overrides defaults
    practice: PracticeSettings = field(default_factory=PracticeSettings)

    def contact(self, name: str | None) -> Contact | None:
        """The contact whose name matches (case-insensitive, honorifics like さん ignored)."""
        if not name:
            return None
        key = _contact_key(name)
        for c in self.contacts:
            if _contact_key(c.name) == key:
                return c
        return None

    def emergency_contacts(self) -> list[Contact]:
        """Whom a crisis message is offered to first, in the order they are listed."""
        return [c for c in self.contacts if c.emergency]

    def region_for(self, language: str) -> str:
        if self.region:
            return self.region.upper()
        return "JP" if language == "ja" else "US"


def _contact_key(name: str) -> str:
    return re.sub(r"(さん|様|さま|くん|ちゃん)$", "", name.strip()).casefold()


_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Settings", "language"): ("auto", "en", "ja"),
    ("SpeechSettings", "engine"): ("auto", "vosk", "pocketsphinx"),
    ("ComposeSettings", "style"): STYLES,
    ("ComposeSettings", "politeness"): POLITENESS,
    ("UISettings", "theme"): ("default", "high-contrast"),
    ("UISettings", "text_size"): ("normal", "large"),
    ("ScanningSettings", "mode"): ("one-switch", "two-switch"),
    ("Contact", "relation"): RELATIONS,
    ("Contact", "politeness"): ("",) + POLITENESS,
    ("Contact", "language"): ("", "en", "ja"),
    ("Contact", "channel"): ("", "speak", "clipboard", "file", "email", "webhook"),
    ("Contact", "service"): ("", "generic", "ntfy", "slack", "discord", "matrix"),
    ("WebhookSettings", "service"): ("generic", "ntfy", "slack", "discord", "matrix"),
}


#: A settings file is a few kilobytes; anything this large is a mistake or an attack.
MAX_SETTINGS_BYTES = 1 << 20


def _show(value: Any, limit: int = 60) -> str:
    """A value for an error line: escaped (repr), clipped, so it can never flood or steer a terminal."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show_key(key: str, limit: int = 60) -> str:
    """A key for an error line: control and format characters escaped, clipped."""
    if not key.isprintable():
        key = repr(key)[1:-1]
    return key if len(key) <= limit else key[: limit - 1] + "…"


def _line_of(text: str, key: str) -> int | None:
    for i, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return i
    return None


class _Loader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, key: str, why: str) -> SettingsError:
        line = _line_of(self.text, key.rsplit(".", 1)[-1])
        where = f"{self.path}, line {line}" if line else str(self.path)
        return SettingsError(f"settings file {where}: {_show_key(key)}: {why}")

    def build(self, cls: type, data: Any, prefix: str) -> Any:
        if not isinstance(data, dict):
            raise self.fail(prefix, "expected a table")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise self.fail(f"{prefix}.{unknown[0]}" if prefix else unknown[0], "unknown setting")
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            key = f"{prefix}.{f.name}" if prefix else f.name
            if f.name not in data:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise self.fail(key, "is required")
                continue
            value = self.coerce(hints[f.name], data[f.name], key)
            choices = _CHOICES.get((cls.__name__, f.name))
            if choices and value not in choices:
                raise self.fail(key, f"{_show(value)} is not one of {', '.join(repr(c) for c in choices)}")
            kwargs[f.name] = value
        return cls(**kwargs)

    def coerce(self, tp: Any, value: Any, key: str) -> Any:
        origin = typing.get_origin(tp)
        if dataclasses.is_dataclass(tp):
            return self.build(tp, value, key)
        if origin is list:
            (item,) = typing.get_args(tp)
            if not isinstance(value, list):
                raise self.fail(key, "expected a list")
            return [self.coerce(item, v, f"{key}[{i}]") for i, v in enumerate(value)]
        if origin is dict:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise self.fail(key, "expected a table of strings")
            return dict(value)
        if origin in (typing.Union, types.UnionType):
            raise self.fail(key, "unsupported type")  # no optional settings: defaults instead
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if tp is bool and not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_show(value)}")
        if tp in (int, float) and isinstance(value, bool):
            raise self.fail(key, f"expected a number, got {_show(value)}")
        if not isinstance(value, tp):
            raise self.fail(key, f"expected {tp.__name__}, got {_show(value)}")
        return value


def load_settings(paths: Paths | None = None) -> Settings:
    """Read the settings file; a missing file means all defaults.

    The file must be the user's own and not writable by others (it chooses where requests are
    sent), at most 1 MB; every error is one line naming the file.
    """
    path = (paths or get_paths()).settings_file
    text = _read_settings_text(path)
    if text is None:
        return Settings()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path}: {exc}") from None
    except RecursionError:
        raise SettingsError(f"settings file {path}: nested too deeply to be settings") from None
    return _Loader(path, text).build(Settings, data, "")


def _read_settings_text(path: Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not hang the app
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SettingsError(f"settings file {path}: cannot be read ({exc.strerror})") from None
    try:
        try:
            st = check_private_file(fd, path, "settings file")
        except UnsafePathError as exc:
            raise SettingsError(str(exc)) from None
        if st.st_size > MAX_SETTINGS_BYTES:
            raise SettingsError(f"settings file {path} is too large ({st.st_size // 1_000_000} MB; "
                                f"settings are at most {MAX_SETTINGS_BYTES // (1 << 20)} MB)")
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_SETTINGS_BYTES + 1)
    except OSError as exc:
        raise SettingsError(f"settings file {path}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_SETTINGS_BYTES:
        raise SettingsError(f"settings file {path} is too large (settings are at most "
                            f"{MAX_SETTINGS_BYTES // (1 << 20)} MB)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SettingsError(f"settings file {path}: not UTF-8 text (byte {exc.start})") from None


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


def save_settings(settings: Settings, paths: Paths | None = None) -> Path:
    """Write the settings atomically, owner-only (contacts are personal)."""
    import tomli_w

    paths = paths or get_paths()
    ensure_private_dir(paths.config_dir)
    target = paths.settings_file
    fd, tmp = tempfile.mkstemp(dir=paths.config_dir, prefix=".settings-", suffix=".toml")
    try:
        with os.fdopen(fd, "wb") as fh:
            tomli_w.dump(settings_to_dict(settings), fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
