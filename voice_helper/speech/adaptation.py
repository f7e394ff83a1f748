"""Learning a person's voice: a speaker adaptation of pocketsphinx's English model.

Why: the built-in model was trained on other voices. A voice far from them (slurred after a
stroke, an accent, a synthetic voice) loses words the language model cannot give back. From about
twenty sentences the person reads once, MAP adaptation moves the model's Gaussian means and
mixture weights toward their voice; the decoder then loads the adapted model instead
of the bundled one, at no cost per frame. A global MLLR transform was tried first: on held-out
requests it took the kal voice's WER from 0.070 to 0.052, MAP to 0.036 (``scripts/bench_stt.py
--adapt``).

The estimation is sphinxtrain's own (``bw`` collects the statistics over a forced alignment,
``map_adapt`` re-estimates the parameters), with ``sphinx_fe`` for the features and
pocketsphinx's ``pocketsphinx_mdef_convert``: Debian's sphinxtrain, sphinxbase-utils and
pocketsphinx packages. The bundled model keeps its mixture weights only in the compressed
``sendump`` that ``bw`` cannot read; they are expanded once into the cache.

Privacy: the recordings live in an owner-only temporary folder and are deleted when the model is
made; only the adapted parameters (averages over many sounds, which cannot give back the words)
are kept, owner-only, in the data folder. ``forget`` deletes them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import subprocess
import tempfile
import time
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import VoiceHelperError

log = logging.getLogger("voice_helper.speech")

DATA = Path(__file__).parent / "data"
#: Fewer sentences than this give a transform that can hurt more than it helps.
MIN_SENTENCES = 5
#: Where Debian (and a source install) put sphinxtrain's programs; they are not on PATH.
SPHINXTRAIN_DIRS = ("/usr/lib/sphinxtrain", "/usr/local/lib/sphinxtrain", "/usr/libexec/sphinxtrain")
#: Each tool and the Debian package it comes from.
TOOLS = {"sphinx_fe": "sphinxbase-utils", "pocketsphinx_mdef_convert": "pocketsphinx",
         "bw": "sphinxtrain", "map_adapt": "sphinxtrain"}
PROFILE_NAME = "en-us"
#: What map_adapt re-estimates: the means and mixture weights. Variances and transitions stay the
#: bundled model's: adapted too, they narrowed to the quiet recordings (set 3, kal: clean WER 0.036
#: and 10 dB 0.176 with them, 0.030 and 0.139 without).
ADAPTED = ("means", "mixture_weights")
COPIED = ("mdef", "feat.params", "noisedict", "variances", "transition_matrices")
META = "profile.json"


class AdaptationError(VoiceHelperError):
    """Learning the voice could not be done; the message says why in one line."""


@dataclass
class VoiceProfile:
    path: Path
    sentences: int
    learned_at: str  # ISO date
    wer_before: float | None = None  # on the sentences read, without and with the learned voice
    wer_after: float | None = None


def prompts(lang: str = "en") -> list[str]:
    """The sentences to read, in order."""
    path = DATA / f"adapt_prompts_{lang}.txt"
    if not path.is_file():
        raise AdaptationError(f"learning a voice is available for English only, not {lang!r}")
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in SPHINXTRAIN_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def missing_packages() -> list[str]:
    """The Debian packages whose programs are missing (empty: learning a voice can run)."""
    return sorted({pkg for tool, pkg in TOOLS.items() if find_tool(tool) is None})


# --- the kept profile --------------------------------------------------------------------


def _voice_dir(create: bool = False) -> Path:
    from ..config import ensure_private_dir, get_paths

    folder = get_paths().data_dir / "voice"
    return ensure_private_dir(folder) if create else folder


def _stamp() -> str:
    """The bundled model the voice was learned from: a learned voice fits only that model."""
    src = _model_dir() / "en-us"
    return "-".join(str((src / n).stat().st_size) for n in ("mdef", "means", "sendump"))


def _read_profile() -> tuple[VoiceProfile | None, str]:
    """The learned voice, or None and why not ("" when there is none)."""
    folder = _voice_dir() / PROFILE_NAME
    if not (folder / META).is_file():
        return None, ""
    try:
        info = json.loads((folder / META).read_text(encoding="utf-8"))
        sizes = {n: (folder / n).stat().st_size for n in ADAPTED + COPIED}
    except (OSError, ValueError) as exc:
        return None, f"it is damaged ({exc})"
    if info.get("model") != _stamp():
        return None, "it was learned for another version of the speech model"
    if min(sizes.values()) == 0:
        return None, "it is damaged (an empty file)"
    return VoiceProfile(folder, int(info.get("sentences", 0)), str(info.get("learned_at", "")),
                        info.get("wer_before"), info.get("wer_after")), ""


def current() -> VoiceProfile | None:
    """The learned voice, if there is one that fits the installed model (else logged, not used)."""
    profile, why = _read_profile()
    if why:
        log.warning("learned voice not used: %s", why)
    return profile


def unusable_reason() -> str:
    """Why a learned voice that exists is not used ("" when it is used, or there is none)."""
    return _read_profile()[1]


def voice_model() -> str | None:
    """The model folder recognizers give pocketsphinx as ``hmm`` (None: no learned voice)."""
    profile = current()
    return str(profile.path) if profile else None


def forget() -> bool:
    """Delete the learned voice; True when there was one."""
    folder = _voice_dir() / PROFILE_NAME
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True


def _save(model: Path, sentences: int, before: float | None, after: float | None) -> VoiceProfile:
    """Copy the adapted model into the data folder, owner-only, replacing any earlier one whole."""
    voice = _voice_dir(create=True)
    staging = Path(tempfile.mkdtemp(dir=voice, prefix=".learning-"))  # 0700
    try:
        for name in ADAPTED + COPIED:
            shutil.copyfile(model / name, staging / name)
            os.chmod(staging / name, 0o600)
        info = {"sentences": sentences, "learned_at": time.strftime("%Y-%m-%d"), "wer_before": before,
                "wer_after": after, "model": _stamp()}
        fd = os.open(staging / META, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
        target = voice / PROFILE_NAME
        old = voice / ".replaced"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return VoiceProfile(target, sentences, info["learned_at"], before, after)


# --- estimation --------------------------------------------------------------------------


def _model_dir() -> Path:
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us"


@cache
def _training_model() -> Path:
    """The bundled model in the form ``bw`` reads (a text mdef, plain mixture weights), cached."""
    from ..config import ensure_private_dir, get_paths

    src = _model_dir() / "en-us"
    stamp = f"{(src / 'mdef').stat().st_size}-{(src / 'sendump').stat().st_size}"
    out = ensure_private_dir(get_paths().cache_dir / "adapt" / f"en-us-{stamp}")
    for name in ("means", "variances", "transition_matrices", "noisedict", "feat.params"):
        link = out / name
        if not link.exists():
            link.unlink(missing_ok=True)  # a dangling link from a moved install
            link.symlink_to(src / name)
    mdef = out / "mdef.txt"
    if not mdef.is_file():
        tool = find_tool("pocketsphinx_mdef_convert")
        if tool is None:
            raise AdaptationError(_missing_message())
        tmp = out / ".mdef.txt"
        _run([tool, "-text", str(src / "mdef"), str(tmp)], "converting the model's definition")
        os.replace(tmp, mdef)
    mixw = out / "mixture_weights"
    if not mixw.is_file():
        tmp = out / ".mixture_weights"
        _write_s3(tmp, _read_sendump(src / "sendump"))
        os.replace(tmp, mixw)
    return out


def _read_sendump(path: Path):  # type: ignore[no-untyped-def]
    """pocketsphinx's compressed mixture weights (8-bit negative logs, base 1.0001) as probabilities."""
    import numpy as np

    raw = path.read_bytes()
    pos = 0
    order = "<I"

    def number() -> int:
        nonlocal pos, order
        (n,) = struct.unpack_from(order, raw, pos)
        if n > 65536 and order == "<I":  # written on a big-endian machine
            order = ">I"
            (n,) = struct.unpack_from(order, raw, pos)
        pos += 4
        return int(n)

    def string() -> str | None:
        nonlocal pos
        n = number()
        if n == 0:
            return None
        s = raw[pos:pos + n - 1].decode("ascii", "replace")
        pos += n
        return s

    string()  # title
    header: dict[str, int] = {}
    while (line := string()) is not None:
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            header[parts[0]] = int(parts[1])
    n_feat = header.get("feature_count", 0)
    shift = header.get("mixw_shift", 10)
    if header.get("cluster_count", 0) != 0 or n_feat < 1:
        raise AdaptationError("the model's mixture weights are in a form this version cannot read")
    n_density, n_senone = number(), number()
    data = np.frombuffer(raw, dtype=np.uint8, count=n_feat * n_density * n_senone, offset=pos)
    logs = data.reshape(n_feat, n_density, n_senone).astype(np.float64) * (1 << shift)
    return np.power(1.0001, -logs).transpose(2, 0, 1)  # senone × feature × density


def _write_s3(path: Path, array) -> None:  # type: ignore[no-untyped-def]
    """A Sphinx-III binary parameter file (header, byte-order mark, dimensions, float32 data)."""
    import numpy as np

    with open(path, "wb") as fh:
        fh.write(b"s3\nversion 1.0\n")
        pad = (fh.tell() + len(b"endhdr\n")) & 3
        fh.write(b" " * (4 - pad if pad else 0) + b"endhdr\n")
        fh.write(struct.pack("<i", 0x11223344))
        d1, d2, d3 = array.shape
        fh.write(struct.pack("<IIII", d1, d2, d3, d1 * d2 * d3))
        fh.write(np.ascontiguousarray(array, dtype="<f4").tobytes())


def _missing_message() -> str:
    pkgs = missing_packages()
    return ("learning a voice needs sphinxtrain's tools; install them with: "
            f"sudo apt-get install {' '.join(pkgs or sorted(set(TOOLS.values())))}")


def _run(cmd: list[str], what: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AdaptationError(f"{what} failed ({exc})") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        log.warning("%s failed: %s", what, done.stderr[-2000:])
        raise AdaptationError(f"{what} failed: {last[:200]}")
    return done.stderr


def _write_wav(path: Path, pcm: bytes) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm)


def _dictionary() -> Path:
    return _model_dir() / "cmudict-en-us.dict"


def _covered(texts: Sequence[str]) -> list[bool]:
    """Which texts pocketsphinx's dictionary covers entirely (bw cannot align an unknown word)."""
    known: set[str] = set()
    with open(_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            known.add(line.split(" ", 1)[0])
    return [all(w in known for w in t.split()) for t in texts]


def word_error_rates(recordings: Sequence[tuple[bytes, str]], model: str | None) -> float:
    """WER of the general language model on these recordings (whole utterances), heard with the
    bundled acoustic model or with ``model`` (a learned voice's folder)."""
    from pocketsphinx import Decoder

    from .recognizers import CMN_INIT
    from .transcribe import word_error_rate

    extra = {"hmm": model} if model else {}
    dec = Decoder(loglevel="FATAL", cmninit=CMN_INIT, **extra)
    errors = words = 0.0
    for pcm, text in recordings:
        dec.start_utt()
        dec.process_raw(pcm, full_utt=True)
        dec.end_utt()
        hyp = dec.hyp()
        n = len(text.split())
        errors += word_error_rate(text, hyp.hypstr if hyp else "") * n
        words += n
    return errors / max(words, 1.0)


def learn(recordings: Sequence[tuple[bytes, str]],
          progress: Callable[[str], None] | None = None) -> VoiceProfile:
    """Adapt the model to ``(16 kHz 16-bit mono PCM, the sentence read)`` pairs and keep it.

    Kept only when it does not make the sentences read worse to recognise; otherwise
    :class:`AdaptationError` says so and the previous profile (if any) stays.
    """
    if missing_packages():
        raise AdaptationError(_missing_message())
    say = progress or (lambda _m: None)
    usable = [(pcm, " ".join(text.lower().split())) for pcm, text in recordings
              if len(pcm) >= 16000 * 2 * 0.3 and text.strip()]
    if len(usable) < MIN_SENTENCES:
        raise AdaptationError(f"only {len(usable)} sentences were heard; at least {MIN_SENTENCES} are needed")
    model = _training_model()
    with tempfile.TemporaryDirectory(prefix="vh-voice-") as tmpdir:  # owner-only (0700)
        work = Path(tmpdir)
        covered = _covered([t for _, t in usable])
        usable = [r for r, ok in zip(usable, covered) if ok]
        if len(usable) < MIN_SENTENCES:
            raise AdaptationError("too few of the sentences use words in the dictionary")
        ids, lines = [], []
        for i, (pcm, text) in enumerate(usable):
            name = f"u{i:03d}"
            _write_wav(work / f"{name}.wav", pcm)
            ids.append(name)
            lines.append(f"<s> {text} </s> ({name})")
        (work / "fileids").write_text("\n".join(ids) + "\n", encoding="ascii")
        (work / "transcription").write_text("\n".join(lines) + "\n", encoding="utf-8")
        say("Measuring your voice…")
        _run([str(find_tool("sphinx_fe")), "-argfile", str(model / "feat.params"), "-samprate", "16000",
              "-c", "fileids", "-di", ".", "-do", ".", "-ei", "wav", "-eo", "mfc", "-mswav", "yes"],
             "measuring the recordings", cwd=work)
        say("Learning how you say each sound…")
        log_bw = _run([str(find_tool("bw")), "-hmmdir", str(model), "-moddeffn", str(model / "mdef.txt"),
                       "-ts2cbfn", ".ptm.", "-feat", "1s_c_d_dd", "-svspec", "0-12/13-25/26-38",
                       "-cmn", "current", "-agc", "none", "-dictfn", str(_dictionary()), "-ctlfn", "fileids",
                       "-lsnfn", "transcription", "-accumdir", "."], "aligning the sentences", cwd=work)
        if "gauden_counts" not in log_bw and not (work / "gauden_counts").is_file():
            raise AdaptationError("none of the sentences could be matched to what was read")
        adapted = work / "model"
        adapted.mkdir()
        for name in COPIED:
            shutil.copyfile(_model_dir() / "en-us" / name, adapted / name)
        _run([str(find_tool("map_adapt")), "-moddeffn", str(model / "mdef.txt"), "-ts2cbfn", ".ptm.",
              "-meanfn", str(model / "means"), "-varfn", str(model / "variances"),
              "-mixwfn", str(model / "mixture_weights"), "-tmatfn", str(model / "transition_matrices"),
              "-accumdir", ".", "-mapmeanfn", "model/means", "-mapmixwfn", "model/mixture_weights"],
             "adapting the model", cwd=work)
        say("Checking that you are heard better…")
        before = word_error_rates(usable, None)
        after = word_error_rates(usable, str(adapted))
        if after > before + 0.01:
            raise AdaptationError(f"the learned voice heard your sentences worse ({after:.0%} of words wrong, "
                                  f"{before:.0%} before), so it was not kept")
        return _save(adapted, len(usable), round(before, 4), round(after, 4))
