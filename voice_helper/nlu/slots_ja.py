"""Japanese slot rules over the canonical line (spaces between Japanese script removed).

Why the canonical line: Vosk writes "鈴木 さん に 確認 し て もらえ ます か"; after joining, one
set of patterns serves typed and spoken Japanese alike. Lexicons live in ``data/ja.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import langdata
from .deadline import kanji_number

_NOUN = r"(?:[一-龥々ァ-ヶーＡ-Ｚa-zA-Z0-9]|(?<=[一-龥])[ぁ-ん](?=[一-龥]|[ぁ-ん][一-龥]))"
_NAME = r"(?:[一-龥々]{1,4}|[ァ-ヶー]{2,8}|[A-Za-z]{2,12})"


@lru_cache(maxsize=1)
def _d() -> dict[str, Any]:
    data = langdata.load("ja")
    suffixes = sorted(data["name_suffixes"], key=len, reverse=True)
    roles = sorted(data["roles"], key=len, reverse=True)
    return {
        "suffix_re": "|".join(map(re.escape, suffixes)),
        "role_re": "|".join(map(re.escape, roles)),
        "not_names": set(data["not_names"]),
        "marker": re.compile(data["request_markers"]),
        "offer_mark": data["offer_markers"],
        "offer_end": data["offer_end"],
    }


def recipient(text: str) -> str | None:
    d = _d()
    for m in re.finditer(rf"({_NAME})({d['suffix_re']})", text):
        name, suf = m.group(1), m.group(2)
        # a role word itself followed by さん ("看護師さん") reads well as is
        if name in d["not_names"] or name.endswith(("皆", "誰")):
            continue
        if re.match(r"(?:に頼まれ|に言われ|に怒られ|のこと|が心配)", text[m.end():]):
            continue
        return name + suf
    for m in re.finditer(rf"({d['role_re']})(?=に|へ|から|、|が(?:手伝|やって|見て|確認)|にも|、)", text):
        if re.match(r"(?:に頼まれ|に言われ|に怒られ|に出す|に提出)", text[m.end():]):
            continue
        return m.group(1)
    return None


def duration(text: str) -> int | None:
    num = r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}"
    m = re.search(rf"({num})時間(半)?(?!後|以内|前)", text)
    if m:
        n = kanji_number(m.group(1))
        if n is not None:
            return n * 60 + (30 if m.group(2) else 0)
    m = re.search(rf"({num})分(?:間)?(?!後|以内|前|の[一二三四五六七八九十0-9])", text)
    if m:
        n = kanji_number(m.group(1))
        if n:
            return n
    if re.search(r"半時間", text):
        return 30
    return None


def offer(text: str) -> tuple[str, tuple[int, int]] | None:
    d = _d()
    for m in re.finditer(rf"{d['offer_mark']}(.{{1,25}}?){d['offer_end']}(?!の)", text):
        body = m.group(2)
        if re.search(r"もらえ|いただ|くれ|ほしい|ください|頂け", body):
            continue
        said = (body + (m.group(3) if m.lastindex and m.lastindex >= 3 else "")).strip("、 ")
        said = re.sub(r"(ます|ますね|ますよ|よ|ね)$", "", said) if said.endswith(("ますね", "ますよ")) else said
        return said, (m.start(), m.end())
    m = re.search(r"(?:私|わたし|僕|ぼく|俺)が((?:[^。]{1,20}?))(やります|します|やっておきます|しておきます|作ります|引き受けます|やる|する)", text)
    if m:
        return m.group(1) + m.group(2), (m.start(), m.end())
    return None


_BOUNDARY = re.compile(r"(?:ので|から|けど|けれど|のに|ため|たら|れば|ければ|なくて|くて|けれども|。|、|ません|ます|です|だけど|が|し(?=[^\u3040-\u309f]))")


def asks(text: str, skip: list[str]) -> list[str]:
    d = _d()
    for s in skip:
        if s:
            text = text.replace(s, "")
    found: list[str] = []
    prev_end = -10
    for m in d["marker"].finditer(text):
        chained = m.start() - prev_end <= 3
        prev_end = m.end()
        before = text[: m.start()]
        # the clause right before the request verb
        cut = 0
        for b in _BOUNDARY.finditer(before):
            if b.end() < len(before):
                cut = b.end()
        clause = before[cut:]
        clause = re.sub(rf"^.*?(?:{_d()['suffix_re']}|{_d()['role_re']})(?:に|へ)", "", clause)
        clause = re.sub(r"^(?:誰か|だれか|どなたか)(?:に)?", "", clause)
        marker = m.group(0)
        if marker.startswith(("て", "で")):
            clause = clause + marker[0]
        elif marker.startswith("し"):
            clause = clause + "して"
        clause = re.sub(r"^(?:を|に|が|は|で|も)", "", clause).strip()
        clause = re.sub(r"を$", "", clause)
        if len(clause.rstrip("てで")) < 1:
            continue
        if chained and found:
            found.pop()
        for part in re.split(r"(?<![誰何ほどいつ])か(?=\S{2,})|とか|または|あるいは|それか|や(?=\S{2,}を)", clause):
            part = part.strip()
            if part and part not in found and len(part) >= 2:
                found.append(part)
    return found


_TASK_PATTERNS = [
    rf"((?:{_NOUN}+の)*{_NOUN}+)(?:の締め切り|の締切|の期限|の納期)",
    rf"((?:{_NOUN}+の)*{_NOUN}+)(?:が|は).{{0,4}}?(?:終わらな|終わりそうに|終わりそうもな|間に合わな|間に合いそうにな|間に合いそうもな|進ま|追いつかな|回らな|分からな|わからな|動かな|使えな|開かな|開けられな|つながらな|できな|反応しな|出な|重くて|重すぎ|固くて|止まって|故障|壊れ|エラー|落ち)",
    rf"((?:{_NOUN}+の)*{_NOUN}+)(?:に|まで)(?:手が届かな|届かな|間に合わな)",
    rf"((?:{_NOUN}+の)*{_NOUN}+)の(?:やり方|使い方|仕組み|手続き|方法|書き方|見方|申請方法)",
    rf"((?:{_NOUN}+の)*{_NOUN}+)を(?:確認|チェック|添削|見て|読んで|校正|レビュー|手伝|運|持ち上げ|開け|取っ|書い|記入)",
    rf"((?:{_NOUN}+の)*{_NOUN}+)(?:で|が)(?:死ぬほど|いっぱい|手一杯|忙し)",
]


@lru_cache(maxsize=1)
def _task_re() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _TASK_PATTERNS]
_TASK_STOP = {"私", "今日", "明日", "誰", "何", "手", "これ", "それ", "全部", "仕事"}


def task(text: str, skip: list[str]) -> str | None:
    for s in skip:
        if s:
            text = text.replace(s, " ")
    for rx in _task_re():
        for m in rx.finditer(text):
            t = m.group(1)
            if t in _TASK_STOP or len(t) < 2:
                continue
            return t
    return None
