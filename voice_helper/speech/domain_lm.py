"""A language model for help requests: domain n-grams interpolated with pocketsphinx's English model.

Why: pocketsphinx's general model (70k words, news-like text) spreads its probability over all of
English, so "check the numbers in the report" competes with "required"; a request turn is far
more predictable. The domain text is the project's own data — 13,500 spoken help requests and
answers written for it by helpers who never saw the test sentences (``speech/data/lm_requests*_en.txt``:
home, errands, work, study and technology, health and care, objects and places, answers to the
dialog's questions), the intent examples and the emergency sentences of the intent engine and its
safety sets, the phrase board, the dialog's commands — plus the user's contacts. The helpers the
corpus names (``speech/data/lm_names_en.txt`` and the lexicon's names) become the contacts, so a
contact's name has every context a name has in the corpus ("could Priya…", "ask Tanaka to…") and
is not beaten by a corpus name that sounds like it. Names the dictionary lacks get espeak-ng's
reading and a second one with the vowels of the language they come from.

How (a static linear interpolation, the same as SRILM's ``ngram -mix-lm``, done here in Python
because pocketsphinx 5 has no runtime interpolation and cannot write its binary model as ARPA):
1. Count 1–3-grams of the domain sentences; ``P_d`` is interpolated absolute discounting (D = 0.7).
2. ``P_g`` is pocketsphinx's own ``en-us.lm.bin``, queried n-gram by n-gram (``NGramModel.prob``,
   with its own back-off).
3. The vocabulary is the domain words plus the general model's most likely ``GENERAL_WORDS``
   words; every domain n-gram (and the general model's strongest bigrams among its commonest
   words) gets ``P = λ P_d + (1 − λ) P_g``; back-off weights are recomputed so every context sums
   to one. The result is an ARPA file that pocketsphinx loads directly.
4. Words missing from the pronunciation dictionary (contacts' names) get one from espeak-ng's
   phonemes mapped to the model's phone set.

The model is cached under the cache folder by a hash of everything it was built from;
``scripts/build_lm.py`` builds it on demand and prints its size and perplexities.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LAMBDA = 0.7  # weight of the domain model (0.5 → 0.7: WER 0.061 → 0.059 clean on the dev requests)
DISCOUNT = 0.7
GENERAL_WORDS = 8000  # the general model's commonest words kept beside the domain's
COMMON_FOR_BIGRAMS = 600  # general bigrams among these words are kept when strongly associated
VERSION = 4

_PKG = Path(__file__).resolve().parents[1]
#: Ways people name a helper; {name} is each contact.
NAME_TEMPLATES = [
    "could {name} help me", "please ask {name} to help me", "ask {name} to check it",
    "{name} could you help me",
    "can {name} take over", "i need {name} to help me", "could {name} look at this", "tell {name} please",
    "send it to {name}", "my friend {name}", "my sister {name}", "my brother {name}", "my manager {name}",
    "{name}", "to {name}", "could you ask {name} to call me", "please ask {name} to check the numbers",
]


@dataclass
class DomainLM:
    path: Path  # the ARPA file
    words: dict[str, str]  # extra pronunciations (word -> phones) for the dictionary
    vocabulary: int
    ngrams: tuple[int, int, int]


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text)


def _sentences(texts: Any) -> list[str]:
    """Texts as the recognizer writes them: lower case, words only; empty ones dropped."""
    return [s for s in (" ".join(_words(x)) for x in texts) if s]


def corpus_sentences(contacts: list[str] | None = None, phrases: list[str] | None = None) -> list[str]:
    """The domain text: the intent engine's examples, emergencies, the phrase board, commands, names."""
    out: list[str] = []
    nlu = yaml.safe_load((_PKG / "nlu" / "data" / "en.yaml").read_text(encoding="utf-8"))
    for intent in (nlu.get("intents") or {}).values():
        out += [str(e) for e in intent.get("examples") or []]
    for path in sorted((_PKG / "speech" / "data").glob("lm_requests*_en.txt")):
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for name in ("intent_extra_en.jsonl", "safety_train_en.jsonl", "safety_train2_en.jsonl",
                 "safety_train3_en.jsonl"):
        path = _PKG / "nlu" / "data" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    out.append(str(json.loads(line)["text"]))
                except (ValueError, KeyError, TypeError):
                    continue
    board = _PKG / "ui" / "data" / "phrases_en.yaml"
    if board.exists():
        for group in (yaml.safe_load(board.read_text(encoding="utf-8")) or {}).get("groups") or []:
            out += [str(p.get("text", "")) for p in group.get("phrases") or []]
    dialog = yaml.safe_load((_PKG / "data" / "dialog_en.yaml").read_text(encoding="utf-8"))
    for phrases_ in (dialog.get("commands") or {}).values():
        out += [str(p) for p in phrases_]
    sentences = _sentences(out)
    if contacts:
        sentences = _names_as_contacts(sentences, contacts)
    for name in contacts or []:
        sentences += _sentences(t.format(name=name) for t in NAME_TEMPLATES)
    return sentences + _sentences(phrases or [])


def corpus_names() -> frozenset[str]:
    """First names the corpus gives its helpers: the lexicon's names list and the corpus's own."""
    lexicon = yaml.safe_load((_PKG / "text" / "data" / "en.yaml").read_text(encoding="utf-8"))
    own = (_PKG / "speech" / "data" / "lm_names_en.txt").read_text(encoding="utf-8").splitlines()
    names = {str(n).lower() for n in lexicon.get("names") or []}
    return frozenset(names | {ln.strip() for ln in own if ln.strip() and not ln.startswith("#")})


def _names_as_contacts(sentences: list[str], contacts: list[str]) -> list[str]:
    """Each helper the corpus names becomes one of the user's contacts, in turn.

    Why: with "keiko" and "chen" in the corpus as often as "aiko" and "ken", a contact's name
    loses to a corpus name that sounds like it; the corpus's contexts for names ("keiko could
    you…", "ask chen to…") are what a contact's name needs, so they are handed to the contacts.
    """
    spoken = _sentences(contacts)
    if not spoken:
        return sentences
    mine = {c for c in spoken if " " not in c}
    names = corpus_names() - mine
    turn = 0
    out = []
    for sentence in sentences:
        words = sentence.split()
        for i, word in enumerate(words):
            if word in names:
                words[i] = spoken[turn % len(spoken)]
                turn += 1
        out.append(" ".join(words))
    return out


class _General:
    """pocketsphinx's general model, queried in natural log probabilities."""

    def __init__(self) -> None:
        from pocketsphinx import Config, LogMath, NGramModel, get_model_path

        self.lmath = LogMath()
        self.model = NGramModel(Config(), self.lmath, str(Path(get_model_path()) / "en-us" / "en-us.lm.bin"))
        self._cache: dict[tuple[str, ...], float] = {}

    def ln(self, words: tuple[str, ...]) -> float:
        """ln P(last word | the words before it)."""
        got = self._cache.get(words)
        if got is None:  # pocketsphinx takes the word first, then its history (newest first)
            got = self.lmath.log_to_ln(self.model.prob(list(reversed(words))))
            self._cache[words] = got
        return got


def _dictionary() -> dict[str, str]:
    from pocketsphinx import get_model_path

    out: dict[str, str] = {}
    path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word, _, phones = line.partition(" ")
        if "(" not in word:
            out[word] = phones.strip()
    return out


# espeak-ng's IPA → the CMU phone set of the acoustic model (longest first).
_IPA = [("tʃ", "CH"), ("dʒ", "JH"), ("aɪ", "AY"), ("aʊ", "AW"), ("ɔɪ", "OY"), ("eɪ", "EY"), ("oʊ", "OW"),
        ("əʊ", "OW"), ("ɪə", "IH R"), ("eə", "EH R"), ("ʊə", "UH R"), ("ɜː", "ER"), ("ɚ", "ER"), ("ɝ", "ER"),
        ("iː", "IY"), ("uː", "UW"), ("ɑː", "AA"), ("ɔː", "AO"), ("i", "IY"), ("ɪ", "IH"), ("e", "EH"),
        ("ɛ", "EH"), ("æ", "AE"), ("a", "AA"), ("ɑ", "AA"), ("ɒ", "AA"), ("ɔ", "AO"), ("o", "OW"), ("ʊ", "UH"),
        ("u", "UW"), ("ʌ", "AH"), ("ə", "AH"), ("ɐ", "AH"), ("p", "P"), ("b", "B"), ("t", "T"), ("d", "D"),
        ("k", "K"), ("ɡ", "G"), ("g", "G"), ("f", "F"), ("v", "V"), ("θ", "TH"), ("ð", "DH"), ("s", "S"),
        ("z", "Z"), ("ʃ", "SH"), ("ʒ", "ZH"), ("h", "HH"), ("m", "M"), ("n", "N"), ("ŋ", "NG"), ("l", "L"),
        ("ɹ", "R"), ("r", "R"), ("ɾ", "T"), ("j", "Y"), ("w", "W"), ("x", "K")]


def pronounce(words: list[str]) -> dict[str, str]:
    """Phones for words the dictionary lacks (names), from espeak-ng's IPA (one call for all)."""
    if not words:
        return {}
    try:
        lines = subprocess.run(["espeak-ng", "-q", "--ipa", "-v", "en-us"], input="\n".join(words) + "\n",
                               capture_output=True, text=True, timeout=60).stdout.splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return {}
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) != len(words):
        return {}
    out = {}
    for word, ipa in zip(words, lines):
        ipa = re.sub(r"[ˈˌ\s_]", "", ipa.strip())
        phones = []
        i = 0
        while i < len(ipa):
            for sym, ph in _IPA:
                if ipa.startswith(sym, i):
                    phones.append(ph)
                    i += len(sym)
                    break
            else:
                i += 1  # a mark with no phone
        if phones:
            out[word] = " ".join(phones)
    return out


def romanised(name: str) -> str:
    """A name read letter by letter with its own vowels; a doubled letter said once."""
    phones: list[str] = []
    i = 0
    while i < len(name):
        for spelling, said in _spellings():
            if name.startswith(spelling, i):
                phones += [p for p in said.split() if not phones or p != phones[-1]]
                i += len(spelling)
                break
        else:
            i += 1
    return " ".join(phones)


@cache
def _spellings() -> list[tuple[str, str]]:
    """The spelling table, longest spelling first."""
    table = yaml.safe_load((_PKG / "speech" / "data" / "romanised_en.yaml").read_text(encoding="utf-8"))
    return sorted(((str(k), str(v)) for k, v in table["spellings"].items()), key=lambda kv: -len(kv[0]))


def name_readings(names: set[str] | frozenset[str], guessed: dict[str, str]) -> dict[str, str]:
    """Second readings, keyed ``name(2)``, for the names whose first reading espeak-ng guessed.

    Why: espeak-ng reads an unknown name as English spelling ("aiko" EY K OW, "priya" P R IH Y AH),
    but most people say these names with the vowels of the language they come from; the
    recognizer should hear either.
    """
    out = {}
    for name in sorted(names & guessed.keys()):
        said = romanised(name)
        if said and said != guessed[name]:
            out[f"{name}(2)"] = said
    return out


def _cache_dir() -> Path:
    from ..config import ensure_private_dir, get_paths

    return ensure_private_dir(get_paths().cache_dir / "lm")


def build_domain_lm(contacts: list[str] | None = None, phrases: list[str] | None = None,
                    out_dir: Path | None = None, lam: float = LAMBDA) -> DomainLM:
    """Build (or reuse from the cache) the interpolated model for these contacts and phrases."""
    sentences = corpus_sentences(contacts, phrases)
    made_of = json.dumps([VERSION, lam, DISCOUNT, GENERAL_WORDS, sentences])
    key = hashlib.sha256(made_of.encode()).hexdigest()[:16]
    folder = out_dir or _cache_dir()
    arpa = folder / f"domain-{key}.arpa"
    extra_file = folder / f"domain-{key}.words.json"
    if arpa.exists() and extra_file.exists():
        words = json.loads(extra_file.read_text(encoding="utf-8"))
        ngrams = tuple(words["ngrams"])
        return DomainLM(arpa, words["extra"], words["vocabulary"], ngrams)  # type: ignore[arg-type]
    lm = _build(sentences, lam, _sentences(contacts or []))
    tmp = arpa.with_suffix(".tmp")
    tmp.write_text(lm["arpa"], encoding="utf-8")
    tmp.replace(arpa)
    extra_file.write_text(json.dumps({"extra": lm["extra"], "vocabulary": lm["vocabulary"],
                                      "ngrams": lm["ngrams"]}), encoding="utf-8")
    return DomainLM(arpa, lm["extra"], lm["vocabulary"], lm["ngrams"])


def _build(sentences: list[str], lam: float, names: list[str]) -> dict[str, Any]:
    general = _General()
    dictionary = _dictionary()
    counts: list[Counter[tuple[str, ...]]] = [Counter(), Counter(), Counter()]
    unknown = sorted({w for s in sentences for w in s.split() if w not in dictionary})
    extra = pronounce(unknown)
    extra.update(name_readings(corpus_names() | set(names), extra))
    for s in sentences:
        toks = s.split()
        toks = ["<s>"] + [w for w in toks if w in dictionary or w in extra] + ["</s>"]
        for n in (1, 2, 3):
            for i in range(len(toks) - n + 1):
                counts[n - 1][tuple(toks[i:i + n])] += 1
    domain_vocab = sorted({g[0] for g in counts[0]} - {"<s>"})
    # the general model's commonest words
    scored = sorted(((general.ln((w,)), w) for w in dictionary if re.fullmatch(r"[a-z']+", w)), reverse=True)
    common = [w for _, w in scored[:GENERAL_WORDS]]
    vocab = sorted(set(domain_vocab) | set(common) | {"</s>"})
    pd = _DomainProbs(counts)
    # unigrams: interpolate, renormalised over the vocabulary
    g1 = {w: math.exp(general.ln((w,))) if w in dictionary or w == "</s>" else 0.0 for w in vocab}
    zg = sum(g1.values()) or 1.0
    p1 = {w: lam * pd.p((w,)) + (1 - lam) * g1[w] / zg for w in vocab}
    z1 = sum(p1.values())
    p1 = {w: p / z1 for w, p in p1.items()}
    p1["<s>"] = 0.0
    # bigrams: the domain's, and the general model's strongest among common words
    big: dict[tuple[str, str], float] = {}
    for (a, b) in (g for g in counts[1]):
        big[(a, b)] = lam * pd.p((a, b)) + (1 - lam) * _gen_p(general, (a, b), dictionary)
    top = common[:COMMON_FOR_BIGRAMS]
    for a in top:
        for b in top:
            if (a, b) in big:
                continue
            pg = math.exp(general.ln((a, b)))
            if pg > 8 * g1[b] / zg and pg > 1e-3:
                big[(a, b)] = lam * pd.p((a, b)) + (1 - lam) * pg
    tri: dict[tuple[str, str, str], float] = {}
    for g in counts[2]:
        tri[g] = lam * pd.p(g) + (1 - lam) * _gen_p(general, g, dictionary)
    bo1 = _backoffs(big, lambda h, w: p1.get(w, 0.0), 1)
    p2 = lambda h, w: big.get((h[0], w)) or bo1.get(h, 1.0) * p1.get(w, 0.0)  # noqa: E731
    bo2 = _backoffs(tri, lambda h, w: p2(h[1:], w), 2)
    return {"arpa": _arpa(p1, bo1, big, bo2, tri), "extra": extra, "vocabulary": len(vocab),
            "ngrams": (len(p1), len(big), len(tri))}


def _gen_p(general: _General, gram: tuple[str, ...], dictionary: dict[str, str]) -> float:
    if any(w not in dictionary and w not in ("<s>", "</s>") for w in gram):
        return 0.0
    return math.exp(general.ln(gram))


class _DomainProbs:
    """Interpolated absolute discounting over the domain counts."""

    def __init__(self, counts: list[Counter[tuple[str, ...]]]) -> None:
        self.counts = counts
        self.total = sum(c for g, c in counts[0].items() if g[0] != "<s>")
        self.ctx: list[dict[tuple[str, ...], tuple[int, int]]] = [{}, {}]
        for n in (2, 3):
            acc: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
            for g, c in counts[n - 1].items():
                acc[g[:-1]][0] += c
                acc[g[:-1]][1] += 1
            self.ctx[n - 2] = {h: (t, k) for h, (t, k) in acc.items()}
        self.vocab_n = max(1, len(counts[0]))

    def p(self, gram: tuple[str, ...]) -> float:
        if len(gram) == 1:
            return (self.counts[0].get(gram, 0) + 0.01) / (self.total + 0.01 * self.vocab_n)
        lower = self.p(gram[1:])
        ctx = self.ctx[len(gram) - 2].get(gram[:-1])
        if ctx is None:
            return lower
        total, kinds = ctx
        c = self.counts[len(gram) - 1].get(gram, 0)
        return max(c - DISCOUNT, 0) / total + DISCOUNT * kinds / total * lower


def _backoffs(grams: dict[Any, float], lower: Any, n: int) -> dict[tuple[str, ...], float]:
    """Back-off weights so that each context's probabilities sum to one (scaling down a context
    whose listed probabilities already reach one)."""
    by_ctx: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for g in grams:
        by_ctx[tuple(g[:n])].append(g)
    out = {}
    for h, gs in by_ctx.items():
        listed = sum(grams[g] for g in gs)
        if listed >= 0.98:
            scale = 0.98 / listed
            for g in gs:
                grams[g] *= scale
            listed = 0.98
        low = sum(lower(h, g[-1]) for g in gs)
        out[h] = (1 - listed) / max(1e-9, 1 - min(low, 0.999))
    return out


def _arpa(p1: dict[str, float], bo1: dict[tuple[str, ...], float], big: dict[tuple[str, str], float],
          bo2: dict[tuple[str, ...], float], tri: dict[tuple[str, str, str], float]) -> str:
    def lg(p: float) -> str:
        return f"{math.log10(p):.4f}" if p > 0 else "-99.0000"

    lines = ["\\data\\", f"ngram 1={len(p1)}", f"ngram 2={len(big)}", f"ngram 3={len(tri)}", "", "\\1-grams:"]
    for w, p in sorted(p1.items()):
        lines.append(f"{lg(p)}\t{w}\t{math.log10(max(bo1.get((w,), 1.0), 1e-9)):.4f}")
    lines += ["", "\\2-grams:"]
    for (a, b), p in sorted(big.items()):
        lines.append(f"{lg(p)}\t{a} {b}\t{math.log10(max(bo2.get((a, b), 1.0), 1e-9)):.4f}")
    lines += ["", "\\3-grams:"]
    for (a, b, c), p in sorted(tri.items()):
        lines.append(f"{lg(p)}\t{a} {b} {c}")
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)
