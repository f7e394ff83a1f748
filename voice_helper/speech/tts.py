"""The Speaker: reads text aloud without ever blocking the caller.

Shape (see ``synth_pyttsx3`` for why): ``say()`` only enqueues; one worker thread takes each text,
synthesizes it to a WAV (pyttsx3 in its own process for English — espeak-ng on Linux, the system
voices elsewhere; Open JTalk for Japanese on Linux; the espeak-ng command as the last resort) and
plays the WAV through a sink block by block, so ``stop()`` cuts it within ~20 ms and
``is_speaking`` is exactly "sound may be coming out". ``on_start`` fires at the first audio,
``on_done`` when the speaker is silent again: the dialog never listens in between.

When nothing can make sound (no engine, no audio device) the text goes to ``on_unspoken`` (the
front end shows it) and the app goes on.
"""

from __future__ import annotations

import errno
import queue
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..config import Settings, VoiceSettings, ensure_private_dir, get_paths, load_settings
from ..textsafe import strip_controls
from .playback import NoAudioOutput, Sink, default_sink, play, read_wav

_JA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")

#: Shown once when Japanese must be spoken by espeak-ng.
ESPEAK_JA_NOTICE = ("Japanese voice: Open JTalk is not available, so espeak-ng speaks Japanese; "
                    "it skips kanji (install: apt-get install open-jtalk open-jtalk-mecab-naist-jdic)")


class Synth(Protocol):
    name: str

    def synthesize(self, text: str, path: Path, *, rate: int, voice: str | None) -> Path: ...


def detect_lang(text: str) -> str:
    """"ja" when the text has any kana or kanji, else "en"."""
    return "ja" if _JA.search(text) else "en"


def clean_for_speech(text: str) -> str:
    """No control characters or escape sequences; one line; trimmed."""
    return re.sub(r"\s+", " ", strip_controls(text or "", keep_newlines=False)).strip()


@dataclass
class Utterance:
    text: str
    lang: str
    gen: int
    queued_at: float = field(default_factory=time.monotonic)
    first_audio_at: float | None = None
    done_at: float | None = None
    completed: bool = False
    path: Path | None = None  # the WAV, when written to a folder


class VoiceChooser:
    """Picks a synthesizer and a voice per language; one place for that decision."""

    def __init__(self, voice: VoiceSettings, engine: str = "auto") -> None:
        self.voice = voice
        self.engine = engine
        self.notices: list[str] = []
        self._pyttsx3 = None
        self._pyttsx3_failed = ""
        self._espeak = None
        self._jtalk = None
        self._jtalk_failed = ""
        self._lock = threading.Lock()

    # lazily built backends ------------------------------------------------------------------
    def pyttsx3(self):
        if self.engine not in ("auto", "pyttsx3") or self._pyttsx3_failed:
            return None
        if self._pyttsx3 is None:
            from .synth_pyttsx3 import Pyttsx3Worker

            worker = Pyttsx3Worker()
            try:
                worker.ensure_started()
            except Exception as exc:
                self._pyttsx3_failed = str(exc)
                return None
            self._pyttsx3 = worker
        return self._pyttsx3

    def espeak(self):
        if self._espeak is None:
            from .synth_espeak import EspeakSynth

            try:
                self._espeak = EspeakSynth()
            except RuntimeError:
                return None
        return self._espeak

    def jtalk(self):
        if self.engine not in ("auto", "open_jtalk") or self._jtalk_failed:
            return None
        if self._jtalk is None:
            from .synth_jtalk import JTalkSynth

            try:
                self._jtalk = JTalkSynth(self.voice.voice_ja)
            except RuntimeError as exc:
                self._jtalk_failed = str(exc)
                return None
        return self._jtalk

    def _pyttsx3_voice(self, lang: str) -> str | None:
        worker = self._pyttsx3
        wanted = self.voice.voice_en if lang == "en" else self.voice.voice_ja
        if wanted and not wanted.endswith(".htsvoice"):
            return wanted
        if worker is None:
            return None
        langs = [(v.id, [x.lower() for x in v.languages] + [v.id.lower().rsplit("/", 1)[-1]])
                 for v in worker.voices]
        for prefix in ((f"{lang}-us", lang) if lang == "en" else (lang,)):
            for vid, codes in langs:
                if any(c == prefix or c.startswith(prefix + "-") or c.startswith(prefix + "_") for c in codes):
                    return vid
        return None

    def plan(self, lang: str) -> list[tuple[Synth, str | None]]:
        """The synthesizers to try for ``lang``, best first, each with its voice."""
        with self._lock:
            out: list[tuple[Synth, str | None]] = []
            if lang == "ja" and sys.platform.startswith("linux"):
                jt = self.jtalk()
                if jt is not None:
                    out.append((jt, None))
            py = self.pyttsx3()
            if py is not None:
                voice = self._pyttsx3_voice(lang)
                if voice is not None or lang == "en":
                    out.append((py, voice))
            es = self.espeak()
            if es is not None:
                out.append((es, "ja" if lang == "ja" else "en-us"))
            if lang == "ja" and out and out[0][0].name != "open_jtalk" and sys.platform.startswith("linux"):
                if ESPEAK_JA_NOTICE not in self.notices:
                    self.notices.append(ESPEAK_JA_NOTICE)
            return out

    def synthesize(self, text: str, path: Path, lang: str, rate: int) -> Synth:
        errors = []
        for synth, voice in self.plan(lang):
            try:
                synth.synthesize(text, path, rate=rate, voice=voice)
                return synth
            except (RuntimeError, OSError, ValueError) as exc:
                errors.append(f"{synth.name}: {exc}")
        raise NoVoice("; ".join(errors) or "no speech engine installed (apt-get install espeak-ng)")

    def close(self) -> None:
        if self._pyttsx3 is not None:
            self._pyttsx3.close()
            self._pyttsx3 = None


class NoVoice(RuntimeError):
    """No synthesizer could speak this text."""


class Speaker:
    """Queue-driven, interruptible speech. Every method returns at once (except ``wait_idle``).

    ``sink_factory``: where audio goes (default: the speakers). ``out_dir``: write each utterance
    as a numbered WAV there instead of playing it (``listen --input``). ``on_unspoken(text, why)``
    receives text that could not be spoken, so it can be shown.
    """

    def __init__(self, settings: Settings | None = None, *, engine: str = "auto",
                 sink_factory: Callable[[], Sink] | None = None, out_dir: Path | None = None,
                 on_start: Callable[[Utterance], None] | None = None,
                 on_done: Callable[[Utterance], None] | None = None,
                 on_unspoken: Callable[[str, str], None] | None = None,
                 rate: int | None = None) -> None:
        self.settings = settings or load_settings()
        self.voice = self.settings.voice
        self.rate = int(rate or self.voice.rate)
        self.volume = float(self.voice.volume)
        self.chooser = VoiceChooser(self.voice, engine)
        self.sink_factory = sink_factory or default_sink
        self.out_dir = out_dir
        self.on_start, self.on_done, self.on_unspoken = on_start, on_done, on_unspoken
        self.history: list[Utterance] = []
        self.last: tuple[str, str] | None = None
        self.notices_shown: set[str] = set()
        self._queue: queue.Queue[Utterance | None] = queue.Queue()
        self._stop = threading.Event()
        self._gen = 0
        self._busy = threading.Event()  # an utterance is being synthesized or played
        self._idle = threading.Condition()
        self._pending = 0
        self._count = 0
        self._tmp = Path(tempfile.mkdtemp(prefix="vh-tts-", dir=self._tmp_root()))
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="speaker", daemon=True)
        self._thread.start()

    @staticmethod
    def _tmp_root() -> str | None:
        try:
            return str(ensure_private_dir(get_paths().cache_dir / "tts"))
        except OSError:
            return None

    # --- the public, non-blocking API ---------------------------------------------------------
    def say(self, text: str, lang: str | None = None) -> bool:
        """Queue ``text``; False (and nothing queued) when it is empty after cleaning."""
        text = clean_for_speech(text)
        if not text or self._closed:
            return False
        lang = lang if lang in ("en", "ja") else detect_lang(text)
        self.last = (text, lang)
        with self._idle:
            self._pending += 1
        self._queue.put(Utterance(text, lang, self._gen))
        return True

    def stop(self) -> None:
        """Silence now: the current clip is cut within one block and the queue is dropped."""
        with self._idle:
            self._gen += 1
            self._stop.set()

    def repeat_last(self) -> bool:
        """Say the last text again (it is kept even after ``stop``)."""
        if self.last is None:
            return False
        self.stop()
        text, lang = self.last
        return self.say(text, lang)

    @property
    def is_speaking(self) -> bool:
        with self._idle:
            return self._pending > 0

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or playing; False on timeout."""
        end = None if timeout is None else time.monotonic() + timeout
        with self._idle:
            while self._pending > 0:
                left = None if end is None else end - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def save_to_file(self, text: str, path: str | Path, lang: str | None = None) -> Path:
        """Synthesize ``text`` into ``path`` (a WAV) right here; raises NoVoice or ValueError."""
        text = clean_for_speech(text)
        if not text:
            raise ValueError("nothing to say: the text is empty")
        lang = lang if lang in ("en", "ja") else detect_lang(text)
        path = Path(path)
        if not path.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such folder", str(path.parent))
        self.chooser.synthesize(text, path, lang, self.rate)
        self._flush_notices()
        return path

    def notices(self) -> list[str]:
        return list(self.chooser.notices)

    def close(self) -> None:
        self.stop()
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout=5)
        self.chooser.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> Speaker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the worker -------------------------------------------------------------------------
    def _flush_notices(self) -> None:
        for n in self.chooser.notices:
            if n not in self.notices_shown:
                self.notices_shown.add(n)
                if self.on_unspoken is not None:
                    self.on_unspoken("", n)

    def _finish(self, utt: Utterance) -> None:
        utt.done_at = time.monotonic()
        self.history.append(utt)
        if self.on_done is not None and utt.first_audio_at is not None:
            try:
                self.on_done(utt)
            except Exception:
                pass
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def _run(self) -> None:
        while True:
            utt = self._queue.get()
            if utt is None:
                return
            try:
                if utt.gen != self._gen:
                    continue  # dropped by stop()
                self._speak(utt)
            except Exception as exc:  # never let the worker die
                self._unspoken(utt.text, f"speech failed: {exc}")
            finally:
                self._finish(utt)

    def _unspoken(self, text: str, why: str) -> None:
        if self.on_unspoken is not None:
            try:
                self.on_unspoken(text, why)
            except Exception:
                pass

    def _speak(self, utt: Utterance) -> None:
        self._count += 1
        if self.out_dir is not None:
            ensure_private_dir(self.out_dir)
            path = self.out_dir / f"{self._count:03d}-{utt.lang}.wav"
        else:
            path = self._tmp / f"{self._count:06d}.wav"
        try:
            self.chooser.synthesize(utt.text, path, utt.lang, self.rate)
        except NoVoice as exc:
            self._unspoken(utt.text, f"no voice ({exc})")
            return
        finally:
            self._flush_notices()
        if self.out_dir is not None:
            utt.path = path
            utt.first_audio_at = time.monotonic()
            self._started(utt)
            utt.completed = True
            return
        try:
            if utt.gen != self._gen:
                return
            clip = read_wav(path)
            stop = self._stop
            sink = self.sink_factory()

            class _Marking:
                """Marks the first block actually handed to the sound device."""

                def __init__(s) -> None:
                    s.first = True

                def open(s, rate: int) -> None:
                    sink.open(rate)

                def write(s, block) -> None:
                    if s.first:
                        s.first = False
                        utt.first_audio_at = time.monotonic()
                        self._started(utt)
                    sink.write(block)

                def abort(s) -> None:
                    sink.abort()

                def close(s) -> None:
                    sink.close()

            with self._idle:  # a stop() before this utterance was queued is spent
                if utt.gen != self._gen:
                    return
                stop.clear()
            utt.completed = play(clip, _Marking(), stop, self.volume)
        except NoAudioOutput as exc:
            self._unspoken(utt.text, str(exc))
        finally:
            path.unlink(missing_ok=True)

    def _started(self, utt: Utterance) -> None:
        if self.on_start is not None:
            try:
                self.on_start(utt)
            except Exception:
                pass


def describe_voices(settings: Settings | None = None) -> tuple[bool, str, str]:
    """(ok, detail, fix) for ``voice-helper doctor``: which voices speak English and Japanese."""
    settings = settings or load_settings()
    from .synth_espeak import EspeakSynth, espeak_path
    from .synth_jtalk import jtalk_status

    parts: list[str] = []
    fixes: list[str] = []
    en_ok = False
    chooser = VoiceChooser(settings.voice)
    try:
        worker = chooser.pyttsx3()
        if worker is not None:
            n = sum(1 for v in worker.voices
                    if any(x.lower().startswith("en") for x in v.languages) or v.id.rsplit("/", 1)[-1].startswith("en"))
            engine = "espeak-ng" if sys.platform.startswith("linux") else "system voices"
            parts.append(f"pyttsx3 ({engine}): {n} English voices")
            en_ok = n > 0
        elif espeak_path():
            n = len(EspeakSynth().voices("en"))
            parts.append(f"espeak-ng: {n} English voices (pyttsx3 unavailable: {chooser._pyttsx3_failed or 'off'})")
            en_ok = n > 0
        else:
            parts.append("no English voice")
            fixes.append("apt-get install espeak-ng && pip install pyttsx3")
    finally:
        chooser.close()
    if sys.platform.startswith("linux"):
        ok, what = jtalk_status(settings.voice.voice_ja)
        if ok:
            parts.append(f"Japanese: {what}")
        elif espeak_path():
            parts.append(f"Japanese: espeak-ng only, kanji are skipped ({what})")
            fixes.append("apt-get install open-jtalk open-jtalk-mecab-naist-jdic")
        else:
            parts.append(f"Japanese: none ({what})")
            fixes.append("apt-get install open-jtalk open-jtalk-mecab-naist-jdic")
    else:
        parts.append("Japanese: the system's voices")
    ok = en_ok
    return ok, "; ".join(parts), "; ".join(fixes) if fixes else ""
