"""Command spotting with rejection: "send", "cancel", "skip"… or "none of these".

Why: a grammar of only the commands forces every sound onto one of them ("thank you" → "send
it"). pocketsphinx's keyword spotting (KWS) listens for the phrases inside whatever is said and
reports each detection with its frames and a score; a turn counts as a command only when one
detection covers the whole voiced turn (``MIN_COVERAGE``: "please don't send that" has "send" in
a third of it) and scores high enough (``MIN_SCORE``). Vosk's grammar mode does the same with
its ``[unk]`` word. Both thresholds were tuned on Festival non-commands (48 sentences, two
voices) against the commands: ``scripts/bench_stt.py --commands`` prints the numbers. (A JSGF
grammar with a garbage loop of common words was tried first: correct, but 8x slower than real
time in pocketsphinx's FSG search.)

The spotter listens to the same cleaned frames as the free-speech recognizer, in step
(``listen_once(also=…)``), so "cancel" is understood at every question even when free recognition
hears "can sell".
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audio import SAMPLE_RATE

log = logging.getLogger("voice_helper.speech")

#: The part of the voiced turn one detection must span to be the whole turn.
MIN_COVERAGE = 0.9
#: pocketsphinx KWS detection score needed (false detections of short words score 0.82–0.84).
MIN_SCORE = 0.84
#: The shortest detection that can be a command said on purpose. A hesitation ("er", 96 ms of
#: voice) was fitted by "yeah" in 90 ms and sent a message at the confirmation (held-out
#: non-commands, eval/stt_noncommands2_en.txt); the commands' own detections last 140–470 ms.
MIN_DETECTION_S = 0.12
#: Per-phrase KWS threshold: detections below it are never reported.
KWS_THRESHOLD = "1e-20"


@dataclass
class Spotted:
    phrase: str | None  # the command phrase, or None: none of these
    heard: str  # the best detection (or what the grammar heard), for the screen
    confidence: float


def _clean(phrases: list[str]) -> list[str]:
    out = []
    for p in phrases:
        p = re.sub(r"\s+", " ", re.sub(r"[^\w' ]", " ", str(p).lower())).strip()
        if p and p not in out:
            out.append(p)
    return out


class SphinxSpotter:
    """A second pocketsphinx decoder in keyword-spotting mode over the same frames."""

    engine = "pocketsphinx"

    def __init__(self, min_coverage: float = MIN_COVERAGE,
                 min_score: float = MIN_SCORE, voice_model: str | None = None) -> None:
        from pocketsphinx import Decoder

        from .recognizers import CMN_INIT

        # the typical speech mean, as the free recognizer starts from (the default is far from it)
        self.voice_model = voice_model  # a learned voice (speech.adaptation), as the recognizer's
        extra = {"hmm": voice_model} if voice_model else {}
        self._dec = Decoder(loglevel="FATAL", fwdflat=False, cmninit=CMN_INIT, **extra)
        self._narrow = False
        self.min_coverage = min_coverage
        self.min_score = min_score
        self.phrases: list[str] = []
        self._searches: dict[str, str] = {}
        self._dir = Path(tempfile.mkdtemp(prefix="vh-kws-"))
        self._in_utt = False
        self._segs: list[tuple[str, float, float]] = []
        self.result: Spotted | None = None

    def known(self, word: str) -> bool:
        return self._dec.lookup_word(word) is not None

    def set_phrases(self, phrases: list[str]) -> None:
        """The commands to listen for now (one kind of turn's worth)."""
        phrases = [p for p in _clean(phrases) if all(self.known(w) for w in p.split())]
        if phrases == self.phrases:
            return
        if self._in_utt:
            self._dec.end_utt()
            self._in_utt = False
        self.phrases = phrases
        if not phrases:
            return
        key = hashlib.sha1("\n".join(phrases).encode()).hexdigest()[:12]
        name = self._searches.get(key)
        if name is None:
            path = self._dir / f"{key}.kws"
            path.write_text("".join(f"{p} /{KWS_THRESHOLD}/\n" for p in phrases), encoding="utf-8")
            name = f"kws{len(self._searches)}"
            self._dec.add_kws(name, str(path))
            self._searches[key] = name
        self._dec.activate_search(name)

    def reset(self) -> None:
        if self._in_utt:
            self._dec.end_utt()
            self._in_utt = False
        self._segs = []
        self.result = None

    def narrowband(self, narrow: bool = True) -> None:
        """8 kHz speech: start from its typical mean (as ``SphinxRecognizer.narrowband``)."""
        from .recognizers import CMN_INIT, CMN_INIT_NARROW

        if narrow != self._narrow:
            self._narrow = narrow
            if self._in_utt:
                self._dec.end_utt()
                self._in_utt = False
            self._dec.set_cmn(CMN_INIT_NARROW if narrow else CMN_INIT)

    def accept(self, frame: bytes) -> list[Any]:
        if not self.phrases:
            return []
        if not self._in_utt:
            self._dec.start_utt()
            self._in_utt = True
        self._dec.process_raw(frame, False, False)
        return []

    def finish(self) -> list[Any]:
        if self._in_utt:
            self._dec.end_utt()
            self._in_utt = False
            self._segs = [(s.word.strip(), (s.end_frame - s.start_frame + 1) / 100, float(s.prob))
                          for s in (self._dec.seg() or [])]
        return []

    def decide(self, speech_s: float) -> Spotted:
        """The command, when one detection spans the voiced turn and scores high enough."""
        fits = [(score, word) for word, dur, score in self._segs
                if dur >= MIN_DETECTION_S and dur / max(speech_s, 0.05) >= self.min_coverage]
        best = max(fits, default=None)
        if best is None:
            self.result = Spotted(None, "", 0.0)
        else:
            score, word = best
            self.result = Spotted(word if score >= self.min_score else None, word, score)
        return self.result


class VoskSpotter:
    """A second Vosk recognizer with the phrases plus ``[unk]``: anything else is "[unk]"."""

    engine = "vosk"

    def __init__(self, model: Any, min_confidence: float = 0.6) -> None:
        self.model = model
        self.min_confidence = min_confidence
        self.phrases: list[str] = []
        self._rec: Any = None
        self._texts: list[tuple[str, float]] = []
        self.result: Spotted | None = None

    def set_phrases(self, phrases: list[str]) -> None:
        phrases = _clean(phrases)
        if phrases != self.phrases or self._rec is None:
            self.phrases = phrases
        self.reset()

    def reset(self) -> None:
        import vosk

        self._rec = vosk.KaldiRecognizer(self.model, SAMPLE_RATE,
                                         json.dumps(self.phrases + ["[unk]"], ensure_ascii=False)) \
            if self.phrases else None
        if self._rec is not None:
            self._rec.SetWords(True)
        self._texts = []
        self.result = None

    def _take(self, raw: str) -> None:
        data = json.loads(raw)
        words = data.get("result") or []
        text = (data.get("text") or "").strip()
        if text:
            conf = min((float(w.get("conf", 0.0)) for w in words), default=0.0)
            self._texts.append((text, conf))

    def accept(self, frame: bytes) -> list[Any]:
        if self._rec is not None and self._rec.AcceptWaveform(frame):
            self._take(self._rec.Result())
        return []

    def finish(self) -> list[Any]:
        if self._rec is not None:
            self._take(self._rec.FinalResult())
        heard = " ".join(t for t, _ in self._texts)
        conf = min((c for _, c in self._texts), default=0.0)
        ok = len(self._texts) == 1 and heard in self.phrases and conf >= self.min_confidence
        self.result = Spotted(heard if ok else None, heard, conf)
        return []

    def decide(self, speech_s: float) -> Spotted:
        return self.result or Spotted(None, "", 0.0)


def spotter_for(recognizer: Any) -> Any:
    """The spotter that matches the free-speech recognizer's engine (and model)."""
    if getattr(recognizer, "engine", "") == "vosk":
        return VoskSpotter(recognizer.model)
    # a learned voice helps commands too: kal's menu commands 26/32 -> 28/32, no new false accepts
    # on 228 non-commands (scripts/bench_stt.py --commands --adapt)
    return SphinxSpotter(voice_model=getattr(recognizer, "voice_model", None))
