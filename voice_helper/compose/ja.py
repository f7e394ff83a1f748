"""The Japanese editor: the person's sentences, cut only at morpheme boundaries, re-said in one
register by changing their final predicates — never their content words.

Vosk's spaced output and typed text take the same path: spaces between Japanese characters are
removed first, then SudachiPy splits the text into morphemes (``voice_helper.text.ja``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..text import ja as jt
from ..text.ja import Morph
from ..text.clean import EMOJI_CHARS, join_cjk
from ..text.lexicon import load as load_lexicon
from ..textsafe import clean_utterance
from .data import load as load_data
from .sentence import Draft, Sentence

_STOP = {"。", "！", "？", "!", "?", "．", "…", "‥"}
_COMMA = {"、", ",", "，"}
_WH = {"何", "なに", "なん", "どう", "どこ", "いつ", "誰", "だれ", "どれ", "どの", "なぜ", "なんで", "どうして", "どちら", "どっち",
       "いくら", "いくつ", "何時", "何日", "どない", "なんぼ", "どないして", "どうやって", "どうやったら", "どうすれば"}
_AUX_AFTER_TE = {"いる", "居る", "もらう", "貰う", "もらえる", "くる", "来る", "しまう", "仕舞う", "ほしい", "欲しい", "ある",
                 "おく", "置く", "みる", "見る", "いく", "行く", "くれる", "呉れる", "いただく", "頂く", "いただける", "くださる",
                 "下さる", "あげる", "上げる", "ください"}


@lru_cache(maxsize=1)
def _d() -> dict[str, Any]:
    d = dict(load_data("ja"))
    lex = load_lexicon("ja")
    d["_fillers"] = set(lex["fillers"])
    d["_leading"] = set(lex["leading_fillers"])
    d["_drop"] = set(lex["drop"])
    d["_final"] = set(lex["final_particles"])
    d["_dangling"] = set(lex["dangling"])
    d["_bene"] = set(d["benefactives"])
    d["_reqv"] = set(d["request_verbs"])
    return d


# --- cleaning and sentences --------------------------------------------------------------------


def _clean(morphs: tuple[Morph, ...], spaced: bool = True) -> list[Morph]:
    """Fillers, laughter and repeats out; "あの" only where it is a filler (at a start).
    In kana typed or heard without spaces, one kana the analyzer calls a filler or says twice is
    a piece of a word it misread (「ぼくあされんで」: ぼく|あ|さ|れん, 「おおすぎて」: お|お|すぎ), kept."""
    d = _d()
    out: list[Morph] = []
    at_start = True
    skip = 0
    for k, m in enumerate(morphs):
        if skip:
            skip -= 1
            continue
        s = m.surface
        loose = m.pos1 in ("感動詞", "副詞", "代名詞", "連体詞", "接続詞", "記号", "補助記号") or m.pos[1] == "フィラー"
        nxt_m = morphs[k + 1].surface if k + 1 < len(morphs) else ""
        good_before_noun = s == "ええ" and not at_start and (nxt_m in ("とこ", "ところ", "もん", "感じ", "人", "店", "こと") or (
            k + 1 < len(morphs) and morphs[k + 1].pos1 == "名詞" and morphs[k + 1].pos[1] == "普通名詞"))
        if s == "ええ" and nxt_m in ("けえ", "けん", "から", "よ", "の", "ので", "し", "で", "わ", "やん", "じゃん", "ん") \
                or good_before_noun:  # 「どこかええとこ知らん」: a good place
            form = "連体形-一般" if good_before_noun else "終止形-一般"
            out.append(Morph("ええ", ("形容詞", "一般", "*", "*", "形容詞", form), "ええ", "良い"))
            at_start = False
            continue  # だけでええけえ: ええ is "good", not a filler
        if s.endswith("あ") and nxt_m.startswith("かん") and s in ("あ", "なあ"):
            if s == "なあ":  # 入れなあかん: Sudachi cuts 入れ|なあ|かん
                out.append(Morph("な", ("助詞", "接続助詞", "*", "*", "*", "*"), "な", "な"))
            out.append(Morph("あかん", ("形容詞", "一般", "*", "*", "形容詞", "終止形-一般"), "あかん", "あかん"))
            skip = 1  # 入れなあかん: Sudachi cuts あ|かん; the word is one
            at_start = False
            continue
        inside = s.strip("〜~") == "ー" and out and re.search(r"[ぁ-んァ-ヶ]$", out[-1].surface) is not None \
            or s in ("〜", "~", "～") and out and re.search(r"[0-9０-９時分日月曜]$", out[-1].surface) is not None \
            and re.match(r"[0-9０-９一二三四五六七八九十月火水木金土日]", nxt_m) is not None  # 9時〜10時: a range
        in_word = not spaced and not at_start and len(s) == 1 and re.fullmatch(r"[ぁ-ん]", s) is not None and out \
            and re.search(r"[ぁ-ん]$", out[-1].surface) is not None and re.match(r"[ぁ-ん]", nxt_m) is not None
        if not spaced and len(s) == 1 and re.fullmatch(r"[ぁ-ん]", s) and m.pos1 in ("感動詞", "接頭辞") \
                and re.match(r"[ぁ-ん]", nxt_m):
            whole = jt.analyse(s + nxt_m)
            if len(whole) == 1 and whole[0].pos1 in ("名詞", "副詞") and (whole[0].surface in d["_fillers"]
                                                                         or whole[0].surface in d["_leading"]):
                skip = 1  # 「あのまあその…」 read ま|あ: one filler, まあ, dropped whole
                continue
            if len(whole) == 1 and whole[0].pos1 in ("名詞", "副詞"):
                out.append(whole[0])  # 「…けどあした」 read あ|した: one word, 明日, not a filler and した
                skip = 1
                at_start = False
                continue
            after = morphs[k + 2].surface if k + 2 < len(morphs) else ""
            if at_start and not out and (after in ("、", ",", "！", "!", "〜", "ー") and len(nxt_m) >= 2
                                         or s == "お" and nxt_m in ("かん", "とん", "かあ", "とう")):
                word = s + nxt_m  # 「おかん、…」「おかんえきまで…」 read お|かん: the one called, first
                out.append(Morph(word, ("名詞", "普通名詞", "一般", "*", "*", "*"), word, word))
                skip = 1
                at_start = False
                continue
        if at_start and not out and s in ("あ", "え", "お", "あっ", "えっ", "おっ", "あー", "えー") and nxt_m in ("、", ","):
            skip = 1  # 「あ、ごめん、…」: a breath before the first word
            continue
        if (m.pos[:2] == ("感動詞", "フィラー") or (loose and s in d["_fillers"]) or s in d["_drop"]) and not in_word \
                or s.strip("ー〜") == "" and not inside:
            continue
        pair = s + morphs[k + 1].surface if k + 1 < len(morphs) else ""
        if at_start and pair in d["_leading"] | d["_fillers"] and m.pos1 in ("代名詞", "連体詞", "副詞", "感動詞"):
            skip = 1
            continue
        nxt_s = morphs[k + 1].surface if k + 1 < len(morphs) else ""
        if at_start and loose and (s in d["_leading"] or s.rstrip("ーぉお") in d["_leading"]) \
                and not (s in ("その", "あの") and nxt_s in d.get("kept_after_demonstrative", [])):
            continue
        if loose and not at_start and s in ("その", "あの") and k + 1 < len(morphs) \
                and morphs[k + 1].pos1 in ("動詞", "助動詞", "助詞", "副詞", "形容詞", "接続詞", "感動詞"):
            continue  # 「集計の半分 その 手伝って」: a demonstrative before no noun is a filler mid-sentence
        if at_start and (m.is_("助詞", "終助詞") or s in ("な", "なあ") and m.pos1 == "助動詞"):
            continue  # あの|さ …, 「健太 な 今度の…」: the particle left by a filler or by the name called
        if s == "さ" and m.pos1 == "接尾辞" and out and out[-1].pos1 == "名詞" and out[-1].pos[2] not in ("形状詞可能",) \
                and out[-1].pos[1] != "固有名詞" and k + 2 < len(morphs) and morphs[k + 1].pos1 == "名詞" \
                and morphs[k + 1].pos[2] != "サ変可能" and morphs[k + 2].pos1 == "助詞":  # (業者さ電話して: 東北の「に」)
            continue  # 「卒論の第三章さ図の番号」: a spoken さ after a noun, not the -ness of 高さ
        called = s == "な" and m.pos1 == "助動詞" and out and (out[-1].pos[1] == "固有名詞" and len(out) <= 2
                                                          or out[-1].surface in ("が", "は", "を", "も") and out[-1].pos1 == "助詞")
        if s in ("ね", "ねえ", "ねー", "さ", "さあ", "な", "なあ", "よ") and out and k + 1 < len(morphs) \
                and (m.pos1 == "助詞" or out[-1].surface in ("て", "で") and out[-1].pos1 == "助詞" or called) \
                and not (out[-1].surface in ("て", "で") and len(out) > 1 and out[-2].pos1 == "動詞"
                         and (out[-2].base in d["_reqv"] or out[-2].norm in d["_reqv"])) \
                and (out[-1].pos1 in ("名詞", "代名詞") and out[-1].pos[1] != "数詞"
                     or out[-1].surface in ("けど", "けれど", "けども", "から", "ので", "し", "て", "で") and out[-1].pos1 == "助詞"
                     or out[-1].surface in ("が", "は", "を", "も", "に") and out[-1].pos1 == "助詞" and s in ("な", "ね", "さ")) \
                and morphs[k + 1].pos1 in ("名詞", "代名詞", "動詞", "副詞", "形容詞", "接頭辞", "連体詞"):
            if out[-1].pos1 == "助詞" and out[-1].surface not in ("て", "で", "が", "は", "を", "も", "に"):
                out.append(Morph("、", ("補助記号", "読点", "*", "*", "*", "*"), "、", "、"))
            continue  # 明日ね 病院に / ないんですけどね、ネジを: a breath, not the end of a sentence
        if s in _STOP or s in _COMMA:
            at_start = s in _STOP
            if out and (out[-1].surface in _COMMA or out[-1].surface in _STOP):
                if s in _STOP:
                    out[-1] = m
                continue
            if not out:
                continue
            out.append(m)
            continue
        if s in ("まじ", "マジ") and m.pos1 == "助動詞":
            m = Morph(s, ("副詞", "*", "*", "*", "*", "*"), s, s)  # 「くれてまじ神」: slang "really", not classical まじ
        elif s == "て" and m.pos1 == "助詞" and out and out[-1].surface in ("から", "ので", "けど", "し") \
                and out[-1].pos1 == "助詞" and k + 1 < len(morphs) and morphs[k + 1].pos1 == "名詞" \
                and re.fullmatch(r"[ぁ-ん]+", morphs[k + 1].surface):
            m = Morph(s + morphs[k + 1].surface, ("名詞", "普通名詞", "一般", "*", "*", "*"), s + morphs[k + 1].surface,
                      s + morphs[k + 1].surface)
            skip = 1  # 「こわいからてすり」 read から|て|すり: no て follows から, so the て begins a word
        at_start = False
        out.append(m)
    return _collapse_repeats(out, spaced)


def _collapse_repeats(ms: list[Morph], spaced: bool = True) -> list[Morph]:
    """「手伝って 手伝って」「えーと えーと」: a run said twice is said once."""
    i = 0
    out = list(ms)
    while i < len(out):
        for n in (4, 3, 2, 1):
            a = [m.surface for m in out[i:i + n]]
            b = [m.surface for m in out[i + n:i + 2 * n]]
            if len(a) == n and a == b and not all(x in _COMMA or x in _STOP for x in a):
                if n == 1 and out[i].pos1 == "助動詞" and out[i + 1].pos1 == "助詞":
                    continue  # 食べ|て|て: the ている of 食べてて, then its て
                if "".join(a + b) in ("日に日に", "次から次", "一つ一つ", "一人一人", "ひとつひとつ", "ひとりひとり"):
                    continue
                if n == 1 and not spaced and len(a[0]) == 1:
                    continue  # 「おおすぎて」 read お|お|すぎて: one word, not a word said twice
                if n == 1 and re.fullmatch(r"[ぁ-んァ-ヶ]{1,2}ー?", a[0]) and i == 0 \
                        and (i + 2 >= len(out) or out[i + 2].surface in _COMMA or out[i + 2].pos1 == "接尾辞"):
                    continue  # 「にーにー、」「ねーねー、」「じいじ、」: a name said doubled, at the start
                if n == 1 and a[0] in ("ズキ", "ガン", "ドキ", "もう", "とても", "すごく", "いっぱい", "一杯", "まだ", "ぎりぎり",
                                       "ギリギリ", "どんどん", "だんだん", "いろいろ"):
                    continue
                del out[i + n:i + 2 * n]
                break
        else:
            i += 1
    return _restarts(out)


def _noun_run(ms: list[Morph], i: int) -> int:
    """How many morphemes from ``i`` make one noun phrase without particles (二|階, 在留カード)."""
    n = 0
    while i + n < len(ms) and n < 4 and ms[i + n].pos1 in ("名詞", "接頭辞", "接尾辞") \
            and (n > 0 or ms[i].pos1 != "接尾辞"):
        n += 1
    return n


def _restarts(ms: list[Morph]) -> list[Morph]:
    """A false start said again in a fuller form keeps only the second: 「二階に二階まで」, 「本部に本部の
    番号」, 「持つ持って」, 「住所変える変えたい」, 「薬 あの 薬」, 「薬 昼の薬」."""
    out = list(ms)
    i = 0
    while i < len(out):
        m = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and m.pos1 == "動詞" and nxt.pos1 == "動詞" and nxt.base == m.base \
                and m.pos[1] != "非自立可能" and m.cform.startswith(("終止形", "連体形", "連用形")):
            del out[i]  # 持つ 持って: the verb begun, then said in the form meant
            continue
        if m.surface == "いや" and 0 < i < len(out) - 1 and out[i + 1].pos1 == "名詞" \
                and (out[i - 1].pos1 == "名詞" or out[i - 1].surface in ("あ", "あっ") and i > 1 and out[i - 2].pos1 == "名詞"):
            start = i - 1 if out[i - 1].pos1 == "名詞" else i - 2
            while start > 0 and out[start - 1].pos1 in ("名詞", "接頭辞"):
                start -= 1
            del out[start:i + 1]  # 「新宿 あ いや 新大久保」: the place meant is the second
            i = start
            continue
        if m.pos1 == "名詞" and m.pos[1] not in ("数詞", "代名詞") and i + 2 < len(out) \
                and out[i + 1].surface in ("あの", "その", "この") and out[i + 2].surface == m.surface:
            del out[i:i + 2]  # 薬 あの 薬
            continue
        n = _noun_run(out, i)
        if n:
            p = out[i + n] if i + n < len(out) else None
            span = [x.surface for x in out[i:i + n]]
            again = [x.surface for x in out[i + n + 1:i + 2 * n + 1]]
            after = out[i + 2 * n + 1] if i + 2 * n + 1 < len(out) else None
            if p is not None and p.pos1 == "助詞" and p.surface in ("に", "まで", "へ", "で", "を", "が", "の") \
                    and again == span and after is not None and after.pos1 == "助詞" and after.surface != p.surface \
                    and out[i].surface not in ("自分", "私", "僕", "俺"):
                del out[i:i + n + 1]  # 二階に 二階まで / 本部に 本部の番号
                continue
            if m.pos1 == "名詞" and m.pos[1] not in ("数詞", "固有名詞") and nxt is not None and nxt.pos1 == "名詞":
                for k in range(i + 2, min(i + 5, len(out))):
                    if out[k].surface == m.surface and out[k - 1].surface == "の" \
                            and all(x.pos1 == "名詞" or x.surface == "の" for x in out[i + 1:k]):
                        del out[i]  # 薬 昼の薬: the thing, then which one
                        break
                else:
                    i += 1
                continue
        i += 1
    return out


def _is_time_start(m: Morph) -> bool:
    return m.pos[1] == "数詞" or m.surface in _d()["time_starts"] or m.base in _d()["time_starts"]


#: What is done to a question asked inside a sentence (「…わかりにくくないか、ゼミの前にご確認いただけますと」).
_CHECK_VERBS = ("確認", "確かめ", "見て", "みて", "チェック", "教え", "おしえ", "調べ", "聞い", "きい", "判断", "相談", "目を通")


def _checked_after(ms: list[Morph], k: int) -> bool:
    rest = ""
    for m in ms[k:]:
        if m.surface in _STOP:
            break
        rest += m.surface
    return any(v in rest for v in _CHECK_VERBS)


def _split(ms: list[Morph]) -> list[list[Morph]]:
    """Sentences: at 。！？, and in unpunctuated speech where a predicate clearly ends."""
    d = _d()
    out: list[list[Morph]] = []
    cur: list[Morph] = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if m.surface in _STOP:
            if cur:
                out.append(cur + [m])
            cur = []
            continue
        cur.append(m)
        if nxt is not None and nxt.surface in _COMMA and (
                m.is_("助詞", "終助詞") or m.surface in ("たら", "れば") and _bene_before(ms, i)) \
                and not (m.surface == "か" and _checked_after(ms, i + 2)):
            out.append(cur)  # 見てもらえるかな、| お礼にランチおごるよ
            cur = []
            continue
        if nxt is None or nxt.surface in _STOP or nxt.surface in _COMMA:
            continue
        follows_new = nxt.pos1 not in ("助詞", "助動詞", "接尾辞", "補助記号") and nxt.pos[1] not in ("非自立可能", "助動詞語幹")
        end = False
        if m.is_("助詞", "終助詞") and (follows_new or nxt.pos1 == "動詞") and nxt.surface not in d["_final"] \
                and not (m.surface == "の" and nxt.base in d["feeling_after_no"]) \
                and nxt.surface not in ("けど", "けれど", "けども", "が", "し") \
                and not (m.surface == "の" and nxt.pos1 == "副詞"):  # 病院行くのずっと先延ばし: の names the act
            end = True  # 詐欺かな | 見てもらえない
        elif m.surface == "か" and i > 1 and ms[i - 1].pos1 == "助動詞" and ms[i - 1].cform.startswith("終止形") \
                and _asks_here(ms, i - 1) \
                and nxt.pos1 in ("名詞", "代名詞", "副詞") and nxt.surface not in ("こと", "の", "ん", "どう", "なんか"):
            end = True  # 来てくれへんか | 物置の棚が…: the question ends (か read as 副助詞)
        elif m.surface in ("どこ", "なに", "何", "いつ", "だれ", "誰") and len(cur) <= 3 and nxt.pos1 in ("名詞", "代名詞") \
                and not any(c.pos1 in ("動詞", "助詞") for c in cur):
            end = True  # 今どこ | ゆいがいない: a question said in two words, then what happened
        elif m.base == "た" and m.pos1 == "助動詞" and m.cform.startswith(("終止形", "連体形")) \
                and nxt.surface in ("すぐ", "早く", "はやく", "今すぐ", "いますぐ", "急いで", "お願い", "おねがい", "助けて", "たすけて"):
            end = True  # いなくなった | すぐ来て: what happened, then the ask
            end = True  # すまん | 犬の散歩…: the apology (read as すむ+ぬ modifying what follows)
        elif len(cur) == 1 and m.base in ("ごめん", "すみません", "ごめんなさい", "すまん", "すまない") and follows_new:
            end = True  # ごめん | 2時にダブルブッキングしちゃって
        elif _asks_here(ms, i) and nxt.pos1 in ("名詞", "代名詞", "副詞", "接頭辞") \
                and nxt.surface not in ("こと", "の", "ん", "とき", "時", "ため", "場合", "人", "方", "もの", "ところ", "ひと", "かた",
                                        "子", "やつ", "奴"):
            end = True  # 履歴書見てくれない | レイアウトが変で: the ask ends, a new clause starts
        elif m.base in ("ほしい", "欲しい") and m.pos1 == "形容詞" and m.cform.startswith("終止形") and i > 0 \
                and ms[i - 1].surface in ("て", "で") and (nxt.surface in ("なんか", "もう", "まじ", "マジ", "ほんと", "本当")
                                                         or nxt.pos1 in ("代名詞", "副詞", "接続詞") or _is_time_start(nxt)
                                                         or nxt.surface in ("あした", "きょう", "こんや", "こんばん", "こんど",
                                                                            "しゅうまつ", "らいしゅう")):
            end = True  # 感想きかせてほしい | なんかもう自分じゃわかんなくなっちゃって: the ask, then why
        elif _asks_here(ms, i) and nxt.pos1 == "形容詞" and nxt.cform.startswith("連用形") \
                and ms[i].base in ("ない", "ん", "へん"):
            end = True  # 手伝ってくれない | 重くて持てないんだよ: the ask ends, the why follows
        elif _invites_here(ms, i, cur) and nxt.pos1 in ("名詞", "代名詞") and i + 2 < len(ms) \
                and ms[i + 2].surface in ("が", "を", "は", "も") and ms[i + 2].pos1 == "助詞":
            end = True  # 一緒に行かない | ケーキがおいしいんだって: the invitation, then why
        elif m.surface == "の" and i > 0 and ms[i - 1].pos1 in ("助動詞", "動詞", "形容詞") \
                and ms[i - 1].cform.startswith(("終止形", "連体形")) and nxt.pos1 in ("名詞", "代名詞", "接頭辞") \
                and any(x.surface in _WH for x in cur) and nxt.surface not in ("こと", "もの", "ため", "よう"):
            end = True  # どうやって落とすの | 友達の話だけど
        elif m.surface == "の" and i > 0 and ms[i - 1].pos1 in ("助動詞", "動詞", "形容詞") \
                and ms[i - 1].cform.startswith(("終止形", "連体形")) \
                and (_is_time_start(nxt) or re.match(r"[0-9０-９一二三四五六七八九十]", nxt.surface)) \
                and not _copula_soon(ms, i + 1) and not _people(ms, i + 1):
            end = True  # 寝てないの | 1時間だけ…  (塾終わるの九時半なんだ: one sentence, の is its subject)
        elif m.pos1 == "形容詞" and m.cform.startswith("連体形") and nxt.pos1 == "副詞" and nxt.surface in (
                "ちょっと", "少し", "今度", "今日", "明日", "誰か"):
            end = True  # 学校行くのがしんどい | ちょっと聞いてほしい
        elif m.base in ("頼む", "たのむ") and m.pos1 == "動詞" and follows_new and nxt.pos1 != "動詞":
            end = True  # 散歩行けない 頼む | 夕方: asked, in a word
        elif len(cur) == 2 and cur[0].base in ("助ける", "たすける") and m.surface == "て" \
                and nxt.pos1 in ("名詞", "代名詞", "副詞"):
            end = True  # 助けて | 風呂場で転んだ: the cry for help, then what happened
        elif m.base in ("できる", "出来る") and i > 0 and ms[i - 1].surface in ("お願い", "頼み", "たのみ") \
                and nxt.pos1 in ("名詞", "代名詞") and nxt.surface not in ("人", "方", "こと", "もの", "かた", "ひと", "の"):
            end = True  # 洗濯物だけお願いできる | 母がまた夜中…: the ask ends, the why follows
        elif m.pos1 == "形容詞" and m.base in _d()["symptom_adjectives"] and nxt.pos1 == "名詞" \
                and _after_nouns(ms, i + 1) in ("が", "は", "も") \
                and (any(x.surface in ("が", "は") and x.pos1 == "助詞" for x in cur[:-1])
                     or len(cur) >= 2 and cur[-2].pos1 == "名詞"):
            end = True  # 胸が苦しい | 息ができない (胸痛い | 息が…): a symptom with its own subject, then the next
        elif m.pos1 == "形容詞" and nxt.pos1 == "名詞" and _after_nouns(ms, i + 1) in (
                "で", "だ", "です", "でし", "の", "が", "を", "に", "は", "な"):
            end = False  # しんどい一週間でした: the adjective says which week
        elif m.pos1 in ("動詞", "助動詞") and m.cform.startswith("連体形") and m.base in ("た", "ない", "だ") \
                and (nxt.pos1 == "動詞" and (nxt.pos[1] != "非自立可能" or nxt.base in ("来る", "くる", "行く", "いく"))
                     and not (i > 0 and ms[i - 1].base[:2] == nxt.base[:2])  # つながらない つながんない: said twice
                     or nxt.pos1 == "形容詞" and nxt.cform.startswith("連用形") and i + 2 < len(ms)
                     and ms[i + 2].pos1 == "動詞"):
            end = True  # 転んだ | 起き上がれない; 起き上がれない | 早く来て: nothing modifies a verb
        elif m.pos1 == "助動詞" and m.base == "ない" and m.cform.startswith("連体形") and nxt.pos1 == "名詞" \
                and i + 2 < len(ms) and ms[i + 2].pos1 == "動詞" and ms[i + 2].pos[1] == "一般" \
                and any(x.surface in ("が", "を", "は") and x.pos1 == "助詞" for x in cur[:-1]):
            end = True  # 息ができない | 救急車呼んで: a clause with its own subject ends, a new one starts
        elif m.pos1 in ("動詞", "形容詞", "助動詞") and m.cform.startswith(("終止形", "命令形")) and follows_new \
                and not (m.surface == "ない" and nxt.pos1 == "名詞" and nxt.pos[1] != "数詞"
                         and not _opens_clause(ms, i + 1)):
            end = True
        elif m.pos1 == "形容詞" and m.cform.startswith(("終止形", "連体形")) and nxt.pos1 == "動詞" \
                and i + 2 < len(ms) and ms[i + 2].surface in ("て", "で") and ms[i + 2].pos1 == "助詞":
            end = True  # 寂しい | 来て: a feeling, then the ask (an adjective does not modify a verb)
        elif m.surface in ("て", "で") and m.pos1 == "助詞" and i > 0 and ms[i - 1].base in ("来る", "くる") \
                and (nxt.surface.endswith(("曜", "曜日")) or nxt.surface in (
                    "明日", "今日", "今夜", "今度", "週末", "来週", "土日", "あさって", "明後日", "あした", "今晩")):
            end = True  # 来て | 日曜 顔見たい: come, then when and why
        elif m.surface == "そう" and m.pos1 in ("副詞", "形状詞", "助動詞") and nxt.pos1 in ("名詞", "代名詞"):
            end = True  # 死にそう | 弁当…
        elif m.base == "た" and m.pos1 == "助動詞" and i > 0 and ms[i - 1].base in ("しまう", "ちゃう", "じゃう") \
                and nxt.pos1 == "名詞" and _after_nouns(ms, i + 1) in ("の", "が", "は", "に"):
            end = True  # 腰いわしてしまった | 救護の人…
        elif m.surface == "た" and m.pos1 == "助動詞" and i > 0 and ms[i - 1].base in ("ます", "です") \
                and nxt.pos1 in ("名詞", "代名詞", "副詞", "接頭辞"):
            end = True  # ありがとうございました | テスト10点中9点でした
        elif m.pos1 in ("動詞", "形容詞", "助動詞") and m.cform.startswith(("終止形", "連体形")) \
                and nxt.surface in ("私", "僕", "俺", "わし", "あたし", "うち", "自分") and i + 2 < len(ms) \
                and (ms[i + 2].pos1 in ("名詞", "副詞") or ms[i + 2].surface in ("は", "も")):
            end = True  # 箱とれない | 私背が低いから
        elif m.base in ("いる", "居る", "おる") and m.cform.startswith(("終止形", "連体形")) and i > 1 \
                and ms[i - 1].surface in ("人", "方") and follows_new \
                and (any(x.surface in ("誰", "だれ", "誰か", "だれか", "どなた", "どなたか") for x in cur)
                     or ms[i - 2].pos1 in ("動詞", "助動詞")):
            end = True  # 誰か車出せる人いる | 下北沢にいるんだけど; 手伝える人いる | 美術室にいるから
        elif m.surface in ("じゃ", "や") and m.pos1 == "助動詞" and i > 0 and ms[i - 1].surface in ("ん", "の") \
                and nxt.pos1 in ("名詞", "代名詞", "副詞") and nxt.surface not in ("ない", "なく"):
            end = True  # 消えてしもうたんじゃ | 今度の日曜…: the western だ ends the sentence
        elif m.surface in ("か", "かな", "かね", "かのう") and m.pos1 == "助詞" and i > 0 \
                and ms[i - 1].cform.startswith("意志推量形") and ms[i - 1].pos1 == "助動詞" \
                and ms[i - 1].base in ("だ", "や", "じゃ", "です") and follows_new:
            end = True  # もらわれへんやろか | 足が悪いもんで
        elif m.pos1 == "助動詞" and m.cform.startswith("意志推量形") and follows_new:
            end = True  # 何ゴミなんでしょう | 新しいお隣さんに…
        elif m.pos1 == "助動詞" and m.base in ("です", "ます") and nxt.pos1 in ("名詞", "代名詞", "副詞", "動詞"):
            end = True  # 間違えるんです | コーヒーいれますので
        elif m.surface == "の" and m.pos[1] in ("準体助詞", "終助詞") and (_is_time_start(nxt) or nxt.pos1 == "代名詞") \
                and nxt.pos1 != "副詞" and nxt.surface not in ("ずっと", "もう", "まだ") and not _copula_soon(ms, i + 1) \
                and not _people(ms, i + 1) \
                and not any(x.base in ("手伝う", "手伝える") for x in ms[i + 1:i + 8]):
            # (ネジを付け直すの 誰か手伝って: the の-clause is what to help with)
            end = True  # どうすればいいの | 今夜…
        elif m.pos1 == "感動詞" and m.base in ("ありがとう", "有り難う") and follows_new \
                and nxt.surface not in d["_final"] and nxt.surface not in ("ね", "ねえ", "ねー", "な", "なあ"):
            end = True  # ありがとう | デモうまくいった
        elif m.pos1 in ("動詞", "形容詞", "助動詞") and (m.cform.startswith(("連体形", "終止形")) or m.base in ("です", "ます")) \
                and nxt.surface in ("誰", "だれ", "どなた", "誰か", "どなたか"):
            end = True  # …運べないんです | 誰かお願いできますか
        elif m.pos1 in ("動詞", "形容詞", "助動詞") and m.cform.startswith("連体形") and (
                _is_time_start(nxt) or nxt.surface in d["someone"]
                or m.base in ("ない", "無い") and i > 0 and ms[i - 1].surface == "が" and _opens_clause(ms, i + 1)):
            end = True
        elif m.surface in ("たら", "れば") and i > 1 and _bene_before(ms, i) and follows_new \
                and not _wish_after(ms, i + 1):
            end = True  # 手伝ってもらえたら | 来週コーヒーおごるよ: the ask, then the offer
        if end:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return [s for s in out if any(m.surface not in _STOP and m.surface not in _COMMA for m in s)]


def _copula_soon(ms: list[Morph], j: int) -> bool:
    """A time or number then だ/です before any verb: 「…の九時半なんだ」 says when the の-thing is."""
    for m in ms[j:j + 5]:
        if m.pos1 == "助動詞" and m.base in ("だ", "です") \
                or m.pos1 == "動詞" and m.base in ("すぎる", "過ぎる", "越える", "超える", "回る"):
            return True  # 部活おわるの19時すぎる: the time is what the の-thing does
        if not (m.pos1 in ("名詞", "接尾辞") and (m.pos[1] in ("数詞", "助数詞") or m.surface in ("時", "半", "分", "頃", "ごろ"))):
            return False  # only a time between: 「の九時半なんだ」, not 「の明日の朝収集だから」
    return False


def _people(ms: list[Morph], j: int) -> bool:
    """「一人だと」「二人で」 after 〜の: a count of people goes on the sentence (父を移すの 一人だと…)."""
    return ms[j].surface in ("一人", "二人", "ひとり", "ふたり", "独り") \
        or j + 1 < len(ms) and ms[j].pos[1] == "数詞" and ms[j + 1].surface in ("人", "人で")


def _after_nouns(ms: list[Morph], j: int) -> str:
    while j < len(ms) and ms[j].pos1 in ("名詞", "接尾辞"):
        j += 1
    return ms[j].surface if j < len(ms) else ""


def _asks_here(ms: list[Morph], i: int) -> bool:
    """「…てくれない」「…てもらえる」 ends at ``i``: a benefactive after a て-form, negated or not."""
    bene = _d()["_bene"]
    k = i - 1 if ms[i].base in ("ない", "ん", "へん") and ms[i].pos1 == "助動詞" else i
    return k >= 1 and (ms[k].base in bene or ms[k].norm in bene) and ms[k].pos1 == "動詞" \
        and ms[k - 1].surface in ("て", "で") and (k == i and ms[k].cform.startswith(("終止形", "連体形")) or k < i)


def _invites_here(ms: list[Morph], i: int, cur: list[Morph]) -> bool:
    """「一緒に行かない」「今度ご飯食べに行かない」 ends at ``i``: a verb's ない after a word that invites."""
    return ms[i].base == "ない" and ms[i].pos1 == "助動詞" and i > 0 and ms[i - 1].pos1 == "動詞" \
        and ms[i - 1].base not in ("要る", "分かる", "わかる", "知る", "できる", "出来る") \
        and any(m.surface in ("一緒", "ご飯", "飲み", "お茶", "遊び", "カラオケ", "映画", "ランチ", "買い物") for m in cur)


def _opens_clause(ms: list[Morph], j: int) -> bool:
    """A noun at ``j`` followed by を/は/も, or straight by a verb as speech drops particles, starts
    a new clause (意味がない | 薬を飲んだ; くれない | 焼肉おごる)."""
    k = j
    while k < len(ms) and ms[k].pos1 in ("名詞", "接頭辞", "接尾辞"):
        k += 1
    return k < len(ms) and (ms[k].surface in ("を", "は", "も") or ms[k].pos1 == "動詞" and k > j)


def _bene_before(ms: list[Morph], i: int) -> bool:
    return any(m.base in _d()["_bene"] for m in ms[max(0, i - 2):i])


def _stem(word: str) -> str:
    """助かる → 助か, so 助かります and 助かる both match."""
    return word[:-1] if len(word) > 2 and word[-1] in "るいう" else word


def _wish_after(ms: list[Morph], j: int) -> bool:
    # (「…いただけますと大変ありがたく存じます」: an adverb may come between)
    k = j + 3 + sum(1 for m in ms[j:j + 4] if m.pos1 == "副詞" or m.surface in ("大変", "非常", "誠", "本当", "とても"))
    rest = [m.base for m in ms[j:k]] + [m.surface for m in ms[j:k]]
    return any(w in rest for w in _d()["wish_words"])


# --- roles -------------------------------------------------------------------------------------


_EMOJI = re.compile(f"[{EMOJI_CHARS}]+")


def _strip_end(ms: list[Morph]) -> tuple[list[Morph], list[Morph], bool]:
    """Sentence-final punctuation, particles and a dangling けど removed: (body, tail, question?)."""
    d = _d()
    body = list(ms)
    tail: list[Morph] = []
    question = False
    told = False  # 「分からないの。」: a full stop typed after の tells
    while body:
        last = body[-1]
        if last.surface in _STOP or last.surface in _COMMA or last.surface in ("…", "‥", "〜", "~"):
            question = question or last.surface in ("？", "?")
            told = told or last.surface == "。"
            body.pop()
        elif _EMOJI.fullmatch(last.surface):
            tail.insert(0, body.pop())  # 「助かった🙏」: the emoji ends the sentence, as a full stop would
        elif (last.is_("助詞", "終助詞") or last.surface == "の" and last.pos1 == "助詞" and len(body) > 1
              and body[-2].pos1 in ("動詞", "助動詞", "形容詞")) \
                and (last.surface in d["_final"] or last.surface in ("か", "かな", "の")):
            # 「出張でいないの。」 tells; 「どうすればいいの」「行くの？」 ask: の asks only with ？ or a question word.
            question = question or last.surface in ("か", "かな", "っけ", "かしら") or last.surface == "の" and not told \
                and _asks_wh(body)
            tail.insert(0, body.pop())
        elif last.surface in d["_dangling"] and last.pos1 == "助詞" and len(body) > 2:
            body.pop()
        elif (last.surface in ("から", "ので") and last.is_("助詞", "接続助詞")
              or last.surface in ("けん", "さかい", "けえ", "すけ")) and len(body) > 2:
            tail.insert(0, body.pop())  # 見るから: a promise's tone, kept only in casual
        elif last.surface == "で" and last.pos1 == "助動詞" and len(body) > 2 and body[-2].surface in ("の", "ん"):
            tail[:0] = [body.pop(-2), body.pop()]  # いれますので
        else:
            break
    return body, tail, question


def _someone_in_last_clause(body: list[Morph]) -> bool:
    """誰か is the subject of the last clause (「誰か分かる」), not of one before it (「誰かコンビニ行くなら…
    お金あとで払う」 tells)."""
    k = max((i for i, m in enumerate(body) if m.surface.startswith(("誰", "だれ", "どなた"))), default=-1)
    if k < 0:
        return True  # (誰か read as one word: said in the last clause as far as we can tell)
    return not any(m.is_("助詞", "接続助詞") or m.surface in ("なら", "たら") for m in body[k + 1:])


def _asks_wh(body: list[Morph]) -> bool:
    """A question word that asks: not 「誰とも」「どこにも」 (nobody, nowhere), nor one inside a question
    the sentence holds (「何を贈ればいいか分からないの」 tells)."""
    for k, m in enumerate(body):
        if m.surface not in _WH:
            continue
        if any(x.surface in ("も", "とも", "でも") for x in body[k + 1:k + 3]):
            continue
        if any(x.surface in ("か", "かどうか") and x.pos1 == "助詞" for x in body[k + 1:]):
            continue
        return True
    return False


def _request_at(body: list[Morph], question: bool = False) -> tuple[int, str] | None:
    """Where the asking starts in ``body`` and how: after a て-form ("te"), お願い ("onegai"), a
    bare て-form at the end ("bare"), 〜ください ("kudasai"), or 時間をもらえますか ("direct")."""
    d = _d()
    for i, m in enumerate(body):
        if m.is_("助詞", "接続助詞") and m.surface in ("て", "で") and i + 1 < len(body) \
                and (body[i + 1].base in d["_bene"] or body[i + 1].norm in d["_bene"]) and _final(body, i + 1) \
                and not (i + 2 < len(body) and body[i + 2].surface in ("ず", "ずに", "ずで") and body[i + 2].pos1 == "助動詞"):
            return i + 1, "te"  # (「言うことを聞いてくれず…」 tells what the child won't do: no ask)
    for i, m in enumerate(body):
        # (the ask at the end comes first: 「こんなこと頼むの恥ずかしいんですけど…休ませてもらえないでしょうか」
        # is asking to leave early, not 「こんなことお願いできませんか」)
        if (m.surface in ("お願い", "願い", "おねがい") or (m.surface == "お" and i + 1 < len(body)
                                                         and body[i + 1].surface in ("願い", "ねがい"))) \
                and not re.search(r"^(?:お)?願い?して(?:ばかりで|ばっかりで)?(?:すみません|ごめん|申し訳)", jt.join(body[i:])):
            return i, "onegai"  # not 「またお願いしてすみません」 (an apology)
        if m.base in ("頼む", "頼める") and i > 0 and not (i + 1 < len(body) and body[i + 1].base in ("れる", "られる")) \
                and not (i + 1 < len(body) and body[i + 1].surface in ("の", "こと", "ん", "のは", "のが", "のも")):
            return i, "onegai"  # not 新井さんに頼まれた (asked by someone), nor 「頼むの恥ずかしい」
    if body and body[-1].surface in ("て", "で") and len(body) > 1:
        verb = body[-2]
        noun_suru = verb.base == "する" and len(body) > 2 and body[-3].pos1 == "名詞" \
            and body[-3].surface + "する" in d["_reqv"]  # 電話|し|て
        waiting = verb.base in ("てる", "でる") and len(body) > 2 and body[-3].pos1 == "動詞" \
            and not any(m.surface == "が" for m in body) \
            and (any(m.surface in ("先に", "先") for m in body) or body[-3].base in d["_reqv"] or body[-3].base == "待つ")
        # (「晩ごはん先に食べてて」 asks them to go ahead; 「電車が遅れてて」 tells)
        if body[-1].pos1 == "助動詞" and verb.pos1 == "動詞" and verb.cform.startswith("終止形"):
            pass  # 「ガソリン代は出すで」: で after a finished verb is the speaker's "you know", not a て-form
        elif verb.base in d["_reqv"] or verb.norm in d["_reqv"] or verb.base in ("とく", "どく", "おく") or noun_suru or waiting \
                or any(m.surface in d["someone"] for m in body) \
                or re.search(r"(?:誰|だれ|どなた)か", jt.join(body)):
            return len(body), "bare"
    if body and body[-1].surface in ("ください", "下さい", "ちょうだい", "頂戴") and len(body) > 1:
        return len(body) - 1, "kudasai"
    for i, m in enumerate(body[2:], 2):
        if m.base in ("いただける", "頂ける", "いただく", "頂く") and body[i - 1].pos1 == "名詞" \
                and body[i - 2].surface in ("ご", "お") and _wish_after(body, i + 1):
            return i - 2, "honor"  # ご指摘いただけますと幸いです: asked in the honorific form
    for i, m in enumerate(body):
        if i > 0 and body[i - 1].surface in ("を", "が") and m.base in ("もらえる", "いただける", "くれる", "くださる", "もらう",
                                                                       "いただく") and question:
            return i, "direct"
        if i > 0 and body[i - 1].pos1 == "名詞" and m.base in ("もらえる", "いただける", "くれる") and _final(body, i) \
                and (question or body[-1].base in ("ない", "かな")):
            return i, "direct"  # 電話くれない？ (を dropped in speech)
    return None


def _final(body: list[Morph], idx: int) -> bool:
    """Is the verb at ``idx`` the end of the sentence (…てもらえませんか), not a clause inside it
    (話しかけてくれなくて…, してくれてたんだけど, 直してくれてありがとう)?"""
    rest = body[idx + 1:]
    if re.match(r"^(?:ん|の)(?:です|でしょう)(?:か)?$", jt.join(rest)):
        return False  # 取らせてもらえるんですか: asks whether it is allowed, not for help
    if re.fullmatch(r"(?:ない|ません)?(?:か|かな|かなあ|かなー|でしょうか|だろうか)と(?:思って|思いまして|思ったんですけど|思ったんですが|"
                    r"思って(?:い|)ます|思うんですけど|思うんですが|思い|思った)(?:ね|て)?", jt.join(rest)):
        return True  # 「手伝ってもらえないかなと思って」: the ask, said as a wish
    if rest and rest[0].ctype == "助動詞-タ" and rest[0].surface in ("た", "だ"):
        return False  # 「除雪してくれたっしょ」「直してくれた？」: what was done, thanked or asked about
    for k, m in enumerate(rest):
        if m.pos1 in ("名詞", "代名詞", "感動詞", "形状詞") and m.base not in ("の", "ん"):
            return False
        if m.is_("助詞", "接続助詞") and m.surface in ("て", "で", "ので", "から", "けど", "けれど", "が", "し", "のに"):
            return False
        if m.is_("助詞", "接続助詞") and m.surface in ("と", "ば") and not any(
                x.base in _d()["wish_words"] for x in rest[k + 1:]):
            return False
    return True


def _is_offer(body: list[Morph], after_ask: bool) -> bool:
    d = _d()
    bases = {m.base for m in body} | {m.surface for m in body}
    if bases & set(d["offer_markers"]) or bases & set(d["offer_verbs"]):
        return True
    if not after_ask or not body:
        return False
    # After an ask, a plain promise to act (来週あなたのも見るから) gives something back.
    while body and body[-1].surface in ("から", "ので", "ね", "よ"):
        body = body[:-1]
    if not body:
        return False
    last = body[-1]
    negative = any(m.base in ("ない", "ぬ") and m.pos1 == "助動詞" for m in body)
    past = any(m.ctype == "助動詞-タ" for m in body)
    return last.pos1 in ("動詞", "助動詞") and not negative and not past and last.base not in ("たい", "です", "だ") \
        and any(m.pos1 == "動詞" for m in body)


#: お願い said alone after an ask.
_BARE_PLEASE = re.compile(r"(?:お願い|おねがい)(?:します|しますね|ね|ねー|な|だよ|です)?[!！]*")


def _role(body: list[Morph], question: bool, after_ask: bool) -> str:
    d = _d()
    bases = {m.base for m in body} | {m.surface for m in body} | {m.norm for m in body}
    if re.fullmatch(_d()["closing_formula"], jt.join(body)):
        return "closing"  # 「ご検討のほどよろしくお願いいたします」 closes a letter: never 「お願いできませんか」
    if after_ask and _BARE_PLEASE.fullmatch(jt.join(body)):
        return "closing"  # 「…かわってくれない？おねがい」: the ask said once more, not a second ask
    if _request_at(body, question):
        return "ask"
    if bases & set(d["thanks_words"]) or any(len(w) > 3 and w in jt.join(body) for w in d["thanks_words"]):
        return "thanks"  # ありがとう / お礼を伝えたい
    if question:
        return "question"
    if _is_offer(body, after_ask):
        return "offer"
    return "statement"


def _register_of(ms: list[Morph]) -> str:
    text = jt.join(ms)
    if re.search(r"でしょうか|くださいませ|いただけますと|存じ|申し上げ|いたします|ございます", text):
        return "honorific"
    if any(m.base in ("ます", "です") and m.pos1 == "助動詞" or m.base in ("いただく", "頂く") for m in ms) \
            or "ください" in text:  # (by morpheme: 「くじいただけ」 holds いただ and is casual)
        return "polite"
    return "casual"


# --- helper named in the text --------------------------------------------------------------------


def _name_at(body: list[Morph], i: int) -> tuple[str, int] | None:
    """A person at ``body[i]``: 田中さん / 佐藤 / 部長 / お母さん; returns (name, index after)."""
    d = _d()
    m = body[i]
    if m.surface in d["not_helpers"] or m.surface in d["someone"]:
        return None
    if m.pos1 == "接頭辞" and m.surface in ("お", "御") and i + 2 < len(body) and body[i + 1].pos1 == "名詞" \
            and body[i + 2].surface in d["honorific_suffixes"]:
        name = m.surface + body[i + 1].surface + body[i + 2].surface  # お|じい|ちゃん
        return (name, i + 3) if name not in d["not_helpers"] else None
    if i + 1 < len(body) and body[i + 1].surface in d["honorific_suffixes"] and m.pos1 == "名詞":
        name = m.surface + body[i + 1].surface
        if name in d["not_helpers"]:
            return None
        return name, i + 2
    if m.surface in d["address_terms"] or m.surface in d["role_relations"] and m.surface not in d["roles"]:
        return m.surface, i + 1
    if i >= 2 and body[i - 1].surface == "の" and body[i - 2].surface in d["kin_before_name"] and m.pos1 == "名詞" \
            and i + 1 < len(body) and body[i + 1].surface in ("に", "、", "は", "が") and len(m.surface) <= 3:
        return m.surface, i + 1  # 娘の彩に, 甥の翼に
    if m.pos[:3] == ("名詞", "固有名詞", "人名"):
        if i + 2 < len(body) and body[i + 1].surface in ("おば", "おじ", "ばあ", "じい", "姉", "兄", "ねえ", "にい") \
                and body[i + 2].surface in ("さん", "ちゃん"):
            return m.surface + body[i + 1].surface + body[i + 2].surface, i + 3  # 純子|おば|さん
        return m.surface, i + 1
    return None


def _helper_in(body: list[Morph], start: int) -> tuple[str, int, int] | None:
    """「佐藤さんに…お願い」「田中さんに…作ってもらう」: the helper and the span of 「佐藤さんに」."""
    for i in range(0, start):
        found = _name_at(body, i)
        if not found:
            continue
        name, j = found
        if i >= 2 and body[i - 1].surface == "の" and body[i - 2].surface in _d()["third_parties"]:
            continue  # お客さんの森さんに電話して: the one called, not the one asked
        if j + 1 < len(body) and body[j + 1].surface == "の":
            continue  # 青木さんへのお詫びメール
        if any(b.base in _d()["tell_verbs"] for b in body[j:start + 1]):
            continue  # 「アナさんに…休むって伝えてもらえる？」: アナさん is the one told, not the one asked
        if re.search(r"(?:誰|だれ|どなた)か", jt.join(body[start:])) or re.search(r"(?:誰|だれ|どなた)か", jt.join(body[:i])):
            continue  # 新井さんに頼まれた…誰か教えて: someone else is asked
        kin_ga = j < len(body) and body[j].surface == "が" and i >= 2 and body[i - 1].surface == "の" \
            and body[i - 2].surface in _d()["kin_before_name"] and any(b.base in ("くれる", "呉れる") for b in body[start:])
        if kin_ga or j < len(body) and body[j].surface in ("に", "には", "へ") and body[j].pos1 == "助詞":
            between = body[j + 1:start]
            if any(b.base in ("れる", "られる") and b.pos1 == "助動詞" for b in between):
                continue  # 新井さんに頼まれた: passive, the one who asked
            # Only nouns, particles and the asked action itself (作って|もらう) may stand between:
            # 部長に出す資料, 看護師さんに言われて… are not the helper.
            opens = (i == 0 or i == 2 and body[1].surface == "の") and j + 1 < len(body) and body[j + 1].surface in _COMMA
            nominal = all(b.pos1 not in ("動詞", "助動詞") or k + 1 < len(between) and (
                between[k + 1].surface in ("の", "こと") or between[k + 1].pos1 == "助動詞")
                for k, b in enumerate(between[:-2]))  # 運ぶの手伝って: the act asked for, not 部長に出す資料
            plain = all(b.pos1 not in ("動詞", "助動詞") or b.surface == "で" and k + 1 < len(between)
                        and between[k + 1].surface == "も" for k, b in enumerate(between[:-2]))  # 帰りにでも
            if opens or kin_ga or plain or nominal \
                    and any(b.surface in ("の", "こと") for b in between):
                # 「前田さんにお願いしてもいいですか」 is said to 前田さん (a name for "you"); a manager asked
                # for leave to delegate is the one chosen with --to, which wins over this.
                k = j + 1
                if k < len(body) and body[k].surface == "は":
                    k += 1
                return name, i, k
    return None


def _introduces(body: list[Morph], j: int) -> bool:
    """「マリアです」「新人の上田と申します」: a name followed by です or と申します is the speaker's own."""
    if j >= len(body):
        return False
    if body[j].surface in ("です", "でございます") and body[j].pos1 == "助動詞":
        return not (j + 1 < len(body) and body[j + 1].surface in ("ね", "よ", "か", "よね"))
    return body[j].surface == "と" and j + 1 < len(body) and body[j + 1].base in ("申す", "言う", "いう")


def _vocative(body: list[Morph]) -> tuple[str, int] | None:
    """「田中さん、…」「ねえ健太、…」「店長 すみません…」 at the very start."""
    lead = 0
    while lead < len(body) - 1 and (body[lead].pos1 == "感動詞" or body[lead].surface in ("ねえ", "なあ", "ほら", "おい")) \
            and body[lead].base not in ("ありがとう", "すみません", "ごめん"):
        lead += 1
    if lead:
        found = _name_at(body, lead)
        if found and _introduces(body, found[1]):
            return None  # 「ええとマリアです」: the one speaking says who they are
        if found and found[1] + 1 < len(body) and body[found[1]].surface == "です" and body[found[1] + 1].surface == "ね":
            return found[0], found[1] + 2  # 「えっと山下先輩ですね、…」: a spoken tic after the call
        if found and found[1] < len(body) and (body[found[1]].surface in _COMMA or body[found[1]].pos1 != "助詞"):
            k = found[1] + (1 if body[found[1]].surface in _COMMA else 0)
            return found[0], k
    # 「看護師の山本さん、」「いとこの直樹、」「あの 訪問 看護 の 藤井 さん いつも…」「お隣の小島さんうちの猫が」:
    # who they are before the name; the whole phrase is the call (never a dangling 「訪問看護の」).
    i = lead + (1 if lead < len(body) and body[lead].pos1 == "接頭辞" else 0)
    run = i
    while run < len(body) and run - i < 3 and body[run].pos1 == "名詞" and body[run].pos[2] != "人名":
        run += 1
    if i < run and run + 1 < len(body) and body[run].surface == "の" \
            and jt.join(body[lead:run]) not in _d()["third_parties"] and body[run - 1].surface not in _d()["third_parties"]:
        found = _name_at(body, run + 1)
        nxt = found[1] if found else 0
        new_clause = nxt + 1 < len(body) and body[nxt].pos1 == "名詞" and body[nxt + 1].surface in ("が", "は", "も") \
            or nxt < len(body) and body[nxt].pos1 in ("代名詞", "副詞", "感動詞")  # 「ケアマネの井上さん父が…」
        if found and found[1] < len(body) and (body[found[1]].surface in _COMMA or (
                lead or run - i > 1 or body[lead].pos1 == "接頭辞" or new_clause)
                and body[found[1]].pos1 not in ("助詞", "助動詞", "接尾辞", "補助記号")
                and (body[run + 1].pos[:3] == ("名詞", "固有名詞", "人名") or found[0].endswith(("さん", "先生")))):
            k = found[1] + (1 if body[found[1]].surface in _COMMA else 0)
            return jt.join(body[lead:run]) + "の" + found[0], k
    # 「大家さん、…」: anyone called with a comma at the start is the one asked.
    if len(body) >= 3 and body[0].surface in _d()["not_helpers"] and body[1].surface in _COMMA \
            and body[0].surface.endswith(("さん", "様")):
        return body[0].surface, 2
    if len(body) >= 4 and body[0].surface + body[1].surface in _d()["not_helpers"] and body[2].surface in _COMMA:
        return body[0].surface + body[1].surface, 3  # 大家|さん、
    if len(body) >= 2:
        found = _name_at(body, 0)
        if found and found[1] < len(body):
            nxt = body[found[1]]
            if nxt.surface in ("ち", "ん", "家", "宅", "の", "ん家"):
                return None  # 森さんちの見積書: whose, not whom
            if nxt.pos1 == "感動詞" or nxt.surface in ("あの", "えっと", "えーと", "すみません") \
                    or nxt.base in ("済む", "すむ"):
                return found[0], found[1]  # 店長 すみません… / おじいちゃん あのね…
            if nxt.surface in _COMMA or nxt.surface in ("さ", "ね", "な", "さぁ", "ねえ"):
                return found[0], found[1] + 1
            if nxt.pos1 not in ("助詞", "助動詞", "接尾辞", "補助記号") and (
                    body[0].pos[:3] == ("名詞", "固有名詞", "人名") or found[1] >= 2
                    or found[0].endswith(("ちゃん", "さん")) and found[0] in _d()["address_terms"]):
                return found[0], found[1]
    return None


def _vocative_elsewhere(body: list[Morph]) -> tuple[str, list[Morph]] | None:
    """「…手伝ってもらえる？ 渡辺さん」「…見ていただけますか、山口さん」「…合わなくて、小林さん、一緒に…」
    「…なんですけど 井上さん スライドの…」: the helper called by name after the start."""
    d = _d()
    n = len(body)
    end = n
    while end and body[end - 1].surface in _STOP | _COMMA:
        end -= 1
    for k in (end - 3, end - 2, end - 1):
        if k < 2:
            continue
        found = _name_at(body, k) or _given_name_at(body, k)
        if found and re.fullmatch(r"[ぁ-ん]{1,3}", found[0]):
            found = None  # 「手ぶらでええけん」: a dialect particle the dictionary also files as a name
        if found and found[1] == end:
            before = body[k - 1]
            if before.surface in _COMMA | _STOP or before.pos1 in ("助動詞", "動詞", "形容詞", "感動詞") \
                    or before.surface in ("ちょうだい", "頂戴", "ください", "下さい") \
                    or before.is_("助詞", "終助詞") or before.is_("助詞", "接続助詞") \
                    or before.surface == "か" and before.pos1 == "助詞":  # …くれないか誠
                cut = k - 1 if before.surface in _COMMA else k
                return found[0], body[:cut] + body[end:]
    for k in range(3, end - 1):
        if body[k - 1].surface == "の" and body[k - 2].pos1 == "名詞" and body[k - 3].surface in _COMMA \
                and body[k - 2].surface not in d["third_parties"]:
            found = _name_at(body, k)
            if found and found[1] < end and body[found[1]].surface in _COMMA:
                return body[k - 2].surface + "の" + found[0], body[:k - 2] + body[found[1] + 1:]  # 、総務の中山さん、
    for k in range(1, end - 1):
        before = body[k - 1]
        called = _called_after_predicate(body, k)
        if called:
            return called
        if not (before.surface in _COMMA or before.surface in ("けど", "けれど") or before.is_("助詞", "接続助詞")):
            continue
        found = _name_at(body, k)
        if not found or found[1] >= end or (body[k].pos[:3] != ("名詞", "固有名詞", "人名") and found[1] - k < 2
                                             and body[k].surface not in d["address_terms"]):
            continue
        after = body[found[1]]
        # a one-character kin word (母, 兄) after けど is more often spoken of than called
        bare_term = found[1] - k == 1 and body[k].surface in d["address_terms"] and len(body[k].surface) == 1
        if after.surface in _COMMA or (after.pos1 == "名詞" and after.surface not in ("の",) and not bare_term) \
                or after.pos1 == "動詞" and before.surface in _COMMA and found[0].endswith(("ちゃん", "さん")):
            cut = found[1] + (1 if after.surface in _COMMA else 0)
            return found[0], body[:k] + body[cut:]
    return None


def _called_first(words: list[str]) -> str | None:
    """Recognizer words that open by calling someone (ママ, おかん, 兄ちゃん, 健太): the spaces say
    where the name ends, which the joined text no longer does (ママパソコン, おか|ん)."""
    if len(words) < 3 or re.match(r"(?:に|の|が|は|を|へ|と|から|も|で|や|って|さん|くん|ちゃん|様|さま|たち|達|まで|より)",
                                  words[1]):
        return None  # 「部長 に 出す資料」「鈴木 さんに」: spoken of, or the name goes on
    w = words[0]
    d = _d()
    if words[1] in d["honorific_suffixes"] and words[1] not in ("さん", "くん", "ちゃん", "君", "様"):
        return None  # 「清水 先生 …」: the editor finds 清水先生 in the joined text
    if w in d["address_terms"] or w in d.get("given_names", []):
        return w
    morphs = jt.analyse(w)
    if len(morphs) == 1 and morphs[0].pos[:3] == ("名詞", "固有名詞", "人名") and len(w) >= 2:
        return w
    if len(morphs) == 2 and morphs[1].surface in d["honorific_suffixes"] and morphs[0].pos1 == "名詞" \
            and w not in d["not_helpers"]:
        return w  # 香織さん, 田中くん
    return None


def _given_name_at(body: list[Morph], i: int) -> tuple[str, int] | None:
    """A given name the dictionary files as an ordinary word (誠, 陽子, 修): only where a name
    is expected anyway (called between sentences), never as a helper found elsewhere."""
    m = body[i]
    return (m.surface, i + 1) if m.surface in _d().get("given_names", []) else None


def _called_after_predicate(body: list[Morph], k: int) -> tuple[str, list[Morph]] | None:
    """Unpunctuated speech that calls the helper between two sentences: 「…見てくれる 陽子 今日中に…」
    「…しんどい 結衣 今日…」「ありがと 翔太 今度…」「ごめん お母さん ポカリ…」. The word before ends a
    sentence (a predicate, a sentence-final particle, an interjection) and a name, not a particle,
    follows; the name is the helper and leaves the text."""
    before = body[k - 1]
    ends = before.pos1 in ("動詞", "助動詞", "形容詞") and before.cform.startswith(("終止形", "連体形")) \
        or before.is_("助詞", "終助詞") or before.pos1 == "感動詞" and k == 1 \
        or before.surface in ("ありがとう", "ありがと", "ごめん", "ごめんね", "すみません", "すいません")
    if not ends:
        return None
    m = body[k]
    person = m.pos[:3] == ("名詞", "固有名詞", "人名") or m.surface in _d().get("given_names", []) \
        or m.surface in _d()["address_terms"] and (before.pos1 == "感動詞" or before.surface in ("ごめん", "ありがと"))
    if not person:
        return None
    found = _name_at(body, k) or _given_name_at(body, k)
    if not found or found[1] >= len(body) or re.fullmatch(r"[ぁ-ん]{1,3}", found[0]):
        return None
    after = body[found[1]]
    if after.pos1 in ("助詞", "助動詞", "接尾辞") or after.surface in ("の",):
        return None  # 陽子に頼んだ, 結衣の: spoken of, not called
    if after.pos1 == "名詞" and after.pos[1] == "普通名詞" and after.pos[2] == "一般" and m.surface not in \
            _d()["address_terms"] and not before.is_("助詞", "終助詞") and before.pos1 != "感動詞" \
            and found[1] + 1 < len(body) and body[found[1] + 1].surface in ("が", "を", "は") \
            and before.cform.startswith("連体形"):
        return None  # 手伝ってくれる陽子先輩が…: a description of her, not a call
    return found[0], body[:k] + body[found[1]:]


# --- saying it in a register ----------------------------------------------------------------------


def _verb_stem(m: Morph) -> str | None:
    if m.pos1 == "助動詞" and m.base in ("れる", "られる", "せる", "させる"):
        return m.base[:-1]
    return jt.masu_stem(m.base, m.ctype)


def _is_past(m: Morph) -> bool:
    return m.pos1 == "助動詞" and m.ctype == "助動詞-タ"


def polite_end(body: list[Morph]) -> str:
    """The sentence with its final predicate in です・ます (content words untouched)."""
    if not body:
        return ""
    ms = list(body)
    last = ms[-1]
    head = jt.join(ms[:-1])
    prev = ms[-2] if len(ms) > 1 else None
    if jt.join(ms) in _d()["closings"]:
        return jt.join(ms)  # 「かしこ」「敬具」 close a letter; never 「かしこです」
    if last.pos1 == "助動詞" and last.base in ("ます", "です"):
        return jt.join(ms)
    if last.cform.startswith("仮定形") or last.surface in ("たら", "れば", "なら") \
            or last.is_("助詞", "接続助詞") and last.surface in ("ば", "たら"):
        return jt.join(ms)  # 「手空いてたら」: an if, never made past (「手空いてました」) — the ask comes after it
    if last.surface == "ん" and prev is not None and prev.base == "ます":
        return jt.join(ms)
    if _is_past(last) and prev is not None:
        pre = jt.join(ms[:-2])
        if prev.base in ("ます", "です"):
            return jt.join(ms)
        if prev.base == "ない" and prev.pos1 == "助動詞" and len(ms) > 2:
            stem = _verb_stem(ms[-3])
            if stem is not None:
                return jt.join(ms[:-3]) + stem + "ませんでした"
        if prev.base == "だ" or prev.base == "やる" and prev.surface == "やっ" and len(ms) > 2 \
                and (ms[-3].pos1 in ("名詞", "接尾辞") and ms[-3].base not in ("こと", "の")
                     or ms[-3].surface in ("から", "まで")):
            return pre + "でした"  # 三千グラムやった (西の「だった」) → 三千グラムでした
        if prev.pos1 == "形容詞" or prev.base in ("たい", "ない"):
            return jt.join(ms) + "です"
        if prev.base in ("ちゃう", "じゃう") and len(ms) > 2:
            te = "で" if prev.base == "じゃう" else "て"
            return jt.join(ms[:-2]) + te + "しまいました"
        stem = _verb_stem(prev)
        if stem is not None:
            return pre + stem + "ました"
        return jt.join(ms)
    if last.surface in ("て", "で") and last.is_("助詞", "接続助詞") and prev is not None and len(ms) > 2:
        # A sentence left hanging on a て-form (腰を痛めちゃって。開けられなくてねえ。) is said whole.
        if prev.base in ("ない", "無い") and prev.surface == "なく":
            return jt.join(ms[:-2]) + "ないんです"
        if prev.base in ("ちゃう", "じゃう"):
            return jt.join(ms[:-2]) + ("で" if prev.base == "じゃう" else "て") + "しまったんです"
        if any(m.surface in ("迷惑", "心配", "手間", "面倒") for m in ms[-4:-1]) and prev.base in ("かける", "掛ける"):
            return jt.join(ms) + "すみません"  # 迷惑かけて: an apology's reason, said with it
        if prev.base == "たい" and prev.surface == "たく":
            return jt.join(ms[:-2]) + "たいんです"  # 仮眠取りたくて → 取りたいんです (never 取りたくたんです)
        if prev.base in ("いる", "居る") and prev.surface == "い" and len(ms) > 3 and ms[-3].surface in ("て", "で"):
            return jt.join(ms[:-2]) + "いるんです"  # まだ引きずってしまっていて… → 引きずってしまっているんです
        if prev.base in ("てる", "でる") and prev.pos1 == "助動詞":
            return jt.join(ms[:-2]) + prev.base[0] + "いるんです"  # 電車が遅れてて → 遅れているんです
        asking = prev.base in ("せる", "させる") or prev.base in _d()["_reqv"] or prev.norm in _d()["_reqv"] \
            or prev.pos1 == "動詞" and prev.base.endswith(("かせる", "ませる", "させる")) \
            or prev.base in ("もらう", "貰う") and ms[-3].surface in ("て", "で") and not any(
                m.surface in ("きのう", "昨日", "先週", "先月", "去年", "この前", "このまえ", "さっき", "おととい", "一昨日",
                              "前回", "この間", "こないだ") for m in ms)  # 寝かせて, 休ませて, 九時に来てもらって
        if asking:
            return jt.join(ms) + "ください"  # 今度お礼させて → させてください
        if prev.pos1 in ("動詞", "助動詞") and prev.cform.startswith("連用形") and prev.base not in ("だ", "です", "ます") \
                and not asking:  # お礼させて / 手伝って ask; 熱が出て tells
            return jt.join(ms[:-1]) + ("た" if last.surface == "て" else "だ") + "んです"
    if last.surface == "と" and last.pos1 == "助詞" and prev is not None and _is_past(prev) and len(ms) > 2:
        return jt.join(ms[:-1]) + "んです"  # 生まれたと (九州) → 生まれたんです
    if last.pos1 == "動詞" and last.cform.startswith("命令形") and last.base not in ("くださる", "下さる", "なさる") \
            and not last.surface.endswith("さい") and not (prev is not None and prev.surface == "ごめん"):
        te = "きて" if last.surface == "こい" else "来て" if last.surface == "来い" else jt.te_form(last.base, last.ctype)
        if te:
            return head + te + "ください"  # 「ちょっと来い」「持ってこい」 in a polite message: 来てください
    if last.base in ("頼む", "たのむ") and last.pos1 == "動詞" and last.cform.startswith(("終止形", "連体形")):
        return head + "お願いします"  # 「…できない たのむ」: asked, in a word
    if last.base in ("ない", "無い") and prev is not None and prev.surface == "に":
        return head + "ありません"  # 間に合いそうにない → 間に合いそうにありません
    if last.base in ("ない", "無い") and prev is not None and prev.surface in ("て", "で"):
        return head + "いません"  # 進んでない → 進んでいません
    if last.pos1 == "助動詞" and last.base == "ない" and prev is not None:
        # 眠れない → 眠れないんです: polite, and the person's own words stay whole.
        return jt.join(ms) + "んです"
    if last.pos1 == "形容詞" and last.base in ("ない", "無い") and (prev is None or prev.pos1 == "助詞"):
        return head + "ありません"
    if last.pos1 == "助動詞" and last.base == "たい":
        return jt.join(ms) + "です"
    if last.pos1 == "助動詞" and last.base in ("てる", "でる"):
        return head + last.surface[0] + "います"
    if last.surface == "の" and last.pos1 == "助詞" and prev is not None and prev.pos1 in ("助動詞", "動詞", "形容詞") \
            and prev.cform.startswith(("終止形", "連体形")):
        inner = polite_end(ms[:-1])  # 寝てないの → 寝ていません (the の only tells)
        if inner == jt.join(ms[:-1]) and inner.endswith("ん"):
            return jt.join(ms)  # 運べんの: not re-said (see above), so not 運べんんです either
        return inner if inner != jt.join(ms[:-1]) else jt.join(ms[:-1]) + "んです"
    if last.pos1 == "助動詞" and last.base in ("とく", "どく"):
        return head + ("で" if last.base == "どく" else "て") + "おきます"  # 置いとく → 置いておきます
    if last.pos1 == "助動詞" and last.base in ("ちゃう", "じゃう"):
        return head + ("で" if last.base == "じゃう" else "て") + "しまいます"
    if last.pos1 == "動詞" and "撥音便" in last.cform and last.surface.endswith("ん") \
            and not any(m.surface in _WH for m in ms):  # 「どうやんの」 asks how to do it: やります
        # 「一人じゃ運べん」 is 運べない in the west and 運べるの in Tokyo speech: never guess (運べます
        # would say the opposite); as said, and the message keeps the person's register.
        return jt.join(ms)
    if last.pos1 == "動詞" and last.cform.startswith(("終止形", "連体形")):
        stem = _verb_stem(last)
        if stem is not None:
            return head + stem + "ます"
    if last.pos1 == "助動詞" and last.base in ("れる", "られる", "せる", "させる") and last.cform.startswith(("終止形", "連体形")):
        return head + last.base[:-1] + "ます"
    if last.pos1 == "形容詞" or (last.pos1 == "助動詞" and last.base in ("らしい", "ない")):
        return jt.join(ms) + "です"
    if last.pos1 == "助動詞" and last.base == "だ" and last.surface == "で" and prev is not None \
            and prev.surface in ("もん", "もの"):
        return jt.join(ms[:-2]) + "もので"  # 「足が悪いもんで」 hangs on a reason: never 「もんです」
    if last.pos1 == "助動詞" and last.base == "だ":
        return head + "です"
    if last.surface in _WH or last.pos1 == "接尾辞" and prev is not None and prev.surface in ("何", "なん"):
        return jt.join(ms) + "ですか"  # 「リハビリ明日何時」: a question said in nouns
    if last.pos1 == "副詞" and last.surface not in ("そう", "こう", "ああ", "どう", "まだ", "もう少し", "もうすぐ") \
            or last.surface in _d()["no_copula_after"]:
        return jt.join(ms)  # 「お礼はまた改めて。」: never 改めてです
    if last.pos1 in ("名詞", "形状詞", "代名詞", "接尾辞", "副詞") or (last.pos1 == "助詞" and last.pos[1] == "準体助詞"):
        return jt.join(ms) + "です"
    return jt.join(ms)


def plain_end(body: list[Morph]) -> str:
    """The sentence with a です・ます predicate returned to plain form (for a casual message)."""
    ms = list(body)
    if not ms:
        return ""
    text = jt.join(ms)
    if text.endswith(tuple(_d()["set_phrases"])) or re.search(r"(?:と申します|でございます)$", text) \
            or re.search(r"(?:^|[をにがはもで、])(?:お|ご)[一-龥]{1,3}[ぁ-ん]?(?:し|いた|申し上げ)(?:ます|ました)$", text):
        return text  # 「お世話になっております」「お送りしました」: humble forms are never made plain
    n = len(ms)
    for i in range(n - 1, -1, -1):
        if ms[i].pos1 == "助動詞" and ms[i].base == "ます":
            if i == 0 or ms[i - 1].pos1 not in ("動詞", "助動詞"):
                return text
            verb = ms[i - 1]
            tail = jt.join(ms[i + 1:])
            head = jt.join(ms[:i - 1])
            base = verb.base
            if base in ("おる", "居る") and verb.surface.startswith("おり"):
                base, verb = "いる", Morph("い", ("動詞", "非自立可能", "*", "*", "上一段-ア行", "連用形-一般"), "いる", "居る")
            if verb.pos1 == "助動詞" and base in ("れる", "られる", "せる", "させる"):
                # 「ロックされました」「盗まれました」: the passive or causative conjugates as 食べる does
                plain = {"": base, "ん": base[:-1] + "ない", "た": base[:-1] + "た", "んでした": base[:-1] + "なかった"}
                return head + plain[tail] if tail in plain else text
            if tail == "":
                return head + base
            if tail == "ん" and base in ("すむ", "済む"):
                return text  # 「すみません」 is an apology, never 「すまない」 (to a teacher, a professor)
            if tail == "ん":
                stem = jt.nai_stem(base, verb.ctype)
                return head + (stem + "ない" if stem is not None else "ない")
            if tail == "た":
                past = jt.ta_form(base, verb.ctype)
                return head + past if past else text
            if tail == "んでした":
                stem = jt.nai_stem(base, verb.ctype)
                return head + (stem + "なかった" if stem is not None else "なかった")
            return text
        if ms[i].pos1 != "助動詞":
            break
    if re.search(r"[のん]でしょう$", text):
        return text[:-5] + "の"  # どうしたらよいのでしょうか → どうしたらよいの？ (never よいのだ？)
    if text.endswith("でしょう") and n > 2:
        return text[:-4] + "かな"  # 雨でしょうか → 雨かな？
    last = ms[-1]
    if last.pos1 == "助動詞" and last.base == "です":
        prev = ms[-2] if n > 1 else None
        head = jt.join(ms[:-1])
        if prev is not None and prev.pos[1] == "準体助詞":
            return head + "だ"
        return head
    if n > 1 and _is_past(ms[-1]) and ms[-2].base == "です":
        return jt.join(ms[:-2]) + "だった"
    return text


def _ask_text(body: list[Morph], tail: list[Morph], at: tuple[int, str], register: str, source: str,
              question: bool) -> str:
    """The ask in ``register``: the person's own ending when it already fits, else the register's."""
    d = _d()
    idx, kind = at
    ending = body[idx:]
    ending_text = jt.join(ending)
    lead = jt.join(body[:idx])
    conditional = bool(ending) and (ending[-1].surface in ("たら", "れば", "ば") or ending[-1].cform.startswith("仮定形"))
    wish = not conditional and (bool(re.search(r"(?:と|たら|れば)(?:" + "|".join(_stem(w) for w in d["wish_words"]) + ")", ending_text))
                                or bool(ending) and ending[0].base in ("ほしい", "欲しい"))
    same = register == source and not conditional and kind != "bare" \
        and not (register != "casual" and kind == "te" and "いただ" not in ending_text and "くださ" not in ending_text)
    if same:
        said = jt.join(body)
        if register == "casual":
            asking = question or bool(re.search(r"(?:ない|へん|ひん|くれん|もらえん|る|える|れる|か|かな)$", said + jt.join(tail)))
            return said + jt.join(tail) + ("？" if asking else "。")
        return said + ("か。" if question and not said.endswith("か") else "。")
    if kind == "honor":
        if register == "casual":
            return lead + ending[1].surface + "してもらえると助かる。"  # ご確認いただけると幸い → 確認してもらえると助かる
        return jt.join(body) + "。"
    if kind == "onegai":
        if ending_text.startswith("お願いします") and register == "polite":
            return jt.join(body) + "。"
        if lead.endswith("の") and not lead.endswith(("ことの", "もの")):
            lead = lead[:-1] + "を"  # 「交代のお願い。」 asked: 交代をお願いできませんか (never 交代のお願いできませんか)
        return lead + d["ask_onegai"][register]
    if kind == "direct":
        verb = {"casual": "もらえないかな？", "polite": "いただけませんか。", "honorific": "いただけますでしょうか。"}[register]
        return lead + verb
    if kind == "bare" and register == "casual":
        return lead + "くれない？"
    if wish:
        said = lead + d["ask_te_wish"][register]
        if re.search(r"嬉し|うれし", ending_text):  # the person's own word for it: 嬉しい, not 助かる
            said = said.replace("助かります", "嬉しいです").replace("助かる", "嬉しい")
        elif "幸い" in ending_text and register != "casual":
            said = said.replace("助かります", "幸いです")  # 見ていただけると幸いです stays so
        return said
    return lead + d["ask_te"][register]


def _with_commas(text: str, had_punct: bool) -> str:
    """A 、 after the clause links of a long unpunctuated sentence (…なくて、手伝って…), at most one
    every six characters."""
    if had_punct or len(text) < 14:
        return text
    ms = jt.analyse(text)
    pos = 0
    cuts: list[int] = []
    last = -1
    for i, m in enumerate(ms[:-1]):
        pos += len(m.surface)
        nxt = ms[i + 1]
        if m.surface == "、":
            last = pos
            continue
        link = (m.is_("助詞", "接続助詞") and m.surface in ("て", "で", "から", "ので", "けど", "けれど", "が", "し")) \
            or (m.surface == "で" and m.pos1 == "助動詞" and i > 0 and ms[i - 1].surface in ("の", "ん"))
        if link and i > 1 and ms[i - 2].surface == "どう":
            link = False  # どうやって: one question word, no comma inside
        if link and m.surface == "て" and i > 0 and ms[i - 1].pos1 == "助詞" \
                and ms[i - 1].surface in ("から", "ので", "けど", "けれど", "し", "が"):
            link = False  # 「こわいからてすり」 read から|て|すり: no て follows から (the て begins a word)
        if link and nxt.base not in _AUX_AFTER_TE and nxt.pos1 not in ("助詞", "助動詞", "補助記号") \
                and pos - max(last, 0) >= (5 if last < 0 else 6) and pos <= len(text) - 5:
            cuts.append(pos)  # …なくて、水分も少ないんですけど、先生に…: one 、 after each clause that runs on
            last = pos
    for pos in reversed(cuts):
        text = text[:pos] + "、" + text[pos:]
    return text


def _finish(text: str) -> str:
    text = text.strip("、 .")
    if not text:
        return ""
    if text[-1] not in "。？！?!…" and not _EMOJI.match(text[-1]):
        text += "。"  # (never 「間に合わなくて😢。」: the emoji ends it)
    return text.replace("?", "？")


def soften(text: str, register: str) -> str:
    """Dramatic idioms said in passing (締め切りに殺される) in words fit to send, and casual
    clause links in a polite sentence (〜んだけど → 〜んですが) — both from the data file."""
    for pattern, to, registers in _soften_rules(register != "casual"):
        if register in registers:
            text = pattern.sub(to, text)
    return text


@lru_cache(maxsize=2)
def _soften_rules(polite: bool) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    """Compiled once: dozens of patterns per sentence would thrash re's own cache."""
    rules = list(_d().get("soften", [])) + (list(_d().get("polite_links", [])) if polite else [])
    return tuple((re.compile(r["from"]), r["to"], tuple(r.get("registers", ("casual", "polite", "honorific"))))
                 for r in rules)


# --- the analysis -------------------------------------------------------------------------------


_ADDRESS_LINE = re.compile(r"^\s*([^。、！？!?\s]{1,15}?(?:さん|様|さま|先生|の方|殿|くん|ちゃん|長|係|部|課|御中))"
                           r"(?:へ(?:[。、]|(?=[ \t　]))|(?=[ \t　]))[ \t　]*")


#: A name alone after a letter's last sentence: 「宮本」「青木 隆」「有限会社ひかり設計 小川」.
_SIGNATURE = re.compile(r"(?<=[。！!])\s+(?P<sig>(?:[一-龥ァ-ヶーぁ-ん]{2,16}\s)?[一-龥]{1,4}(?:\s?[一-龥ぁ-ん]{1,4})?)\s*$")


def _typed_gap(run: str, nxt: str) -> str:
    """What a space typed between two phrases stands for: nothing after a particle (「駅から お寺まで」),
    a pause after a noun or a て-form (「見積書の金額 あってるか」「足がいたくて あるけません」), the end
    of a sentence after a predicate (「げんきですか 来週の…」)."""
    if not re.match(r"[ぁ-んァ-ヶ一-龥]", nxt):
        return " "
    if re.search(r"(?:から|まで|より|って|[がをにはのとでもへや])$", run):
        return ""
    if re.match(r"(?:なんです|なんだ|なので|なのに|なんで|です|でした|だった|だから|だけど|んです|んだ|もらえ|もらい|もらっ|"
                r"くれ|くださ|いただ|ほしい|欲しい|います|いました|いるので|いるから|いるんです|あります|ありました|"
                r"あるので|あるから|あるんです|あった|おきます|おいて|しまう|しまっ|ちゃう|ません|みたい)", nxt) \
            or re.fullmatch(r"(?:いる|ある|ない|おく)", nxt):
        return ""  # 「ゴミ出し なんですけど」「出して もらえませんか」「置いて あるので」: one phrase, said with a breath
    if re.fullmatch(r"(?:までに|までには|ごろ|頃|くらい|ぐらい)", nxt):
        return ""  # 「八時 までに」
    if re.search(r"[一-龥ァ-ヶー]$", run) or run.endswith(("て", "で")):
        return "、"
    return "。" if re.search(r"[ぁ-ん]$", run) else " "


_S = r"[ \t]?"
_NUM = (r"(?:(?:[0-9０-９一二三四五六七八九十百千]|いち|に|さん|よん|ろく|なな|しち|はち|きゅう|じゅう|ひゃく|ご|く)"
        + _S + r")+")
_COUNTER = r"(?:じ(?:" + _S + r"はん)?|時(?:" + _S + r"半)?|ふん|ぷん|分|こ|個|つ|ほん|ぼん|ぽん|本|まい|枚|にん|人|ページ|ぺーじ|かい|回|階|ばん|番|日|にち|えん|円|てん|点|さい|歳|時間|じかん|箱|はこ|袋|ふくろ)"
#: 「五こいや六こ」「くじはんいやくじ」: a number said, then put right — the second is meant. (Run before the
#: analyzer, which reads 「くじはんいや」 as くじ|範囲|や.)
_NUMBER_CORRECTED = re.compile(_NUM + _COUNTER + _S + r"(?:(?:あ|あっ|えっと|えーと)[、\s]*)?(?:いや|いえ|ちがう|違う)"
                               r"[、\s]*(?=" + _NUM + _COUNTER + ")")


@lru_cache(maxsize=1024)
def analyse(said: str) -> Draft:
    """The person's Japanese utterance as sentences with roles (cached: the UI re-renders often)."""
    said = clean_utterance(said)
    said = _NUMBER_CORRECTED.sub("", said)
    # 「…よろしくお願いいたします。⏎青木 隆」: a letter's last line, a name alone, signs it (kept last, as typed)
    signature = ""
    sig = _SIGNATURE.search(said)
    if sig and sig.group("sig").replace(" ", "") not in _d()["closings"] \
            and sig.group("sig").replace(" ", "") not in ("以上", "宜しく", "敬具", "草々", "かしこ"):
        signature = sig.group("sig")
        said = said[:sig.start("sig")].rstrip()
    # 「@木村さん 」「@チーム各位 」: whom it is addressed to
    said = re.sub(r"^\s*[@＠]([^\s@＠、。]{1,20})\s+", r"\1、", said, count=1)
    # 「兄さんへ。母さん、来週退院が…」: a note addressed at its top is to that person; a name called
    # after it (母さん、) is spoken of, never the helper
    letter_to = ""
    addressed = re.match(r"([^。、！？\s]{1,12}?(?:さん|様|さま|くん|ちゃん|先生|先輩))へ[。、]\s*(?=[^\s。、！？]{1,8}?"
                         r"(?:さん|ちゃん|くん)?、)", said)
    if addressed and addressed.group(1) not in _d()["not_helpers"]:
        letter_to, said = addressed.group(1), said[addressed.end():]
    # 「思った笑 送ってくれて」「まじかw」: a laugh typed after a sentence ends it
    said = re.sub(r"(?<=[ぁ-んー])(?:\(笑\)|（笑）|笑|[wｗ]+)(?=\s|[。！!？?]|$)", "。", said)
    said = re.sub(r"(?<=[一-龥ぁ-んァ-ヶ])(さ|く|ちゃ)ー+ん", r"\1ん", said)  # 「石田さーん」「健太くーん」
    # 「けいすけー！土曜ひま？」: the name called with a long vowel is the name
    said = re.sub(r"^([ぁ-ん]{2,5})ー+(?=[！!])", r"\1", said)  # (not プリンター、アトピー)
    said = re.sub(r"^([ぁ-ん]{2,5})ー+\s*(?=[\s一-龥ァ-ヶ])", r"\1、", said)  # 「たけるー 明日の…」「ゆうとー昨日は」
    # 「お腹ぺこぺこ〜帰りに…」: a wave typed between two sentences ends the first (not 9時〜10時, not すご〜い)
    said = re.sub("(?<=[ぁ-んァ-ヶー])[〜~]+(?=[一-龥ァ-ヶ])", "。", said)
    # an emoji typed after a sentence's end mark is that sentence's (「止まらなくなった…😇 誰か」), not the next one's
    said = re.sub(f"(?<=[。！？!?….])\\s*[{EMOJI_CHARS}]+\\s*(?=[^\\s{EMOJI_CHARS}])", "", said)
    said = re.sub(f"([？！?!。]+)([{EMOJI_CHARS}]+)\\s*$", r"\2\1", said)  # 「…くれん？🙇」: the last sentence's
    # 「迎えに来てくれて助かった🙏 今度…」: an emoji typed after a predicate ends its sentence
    said = re.sub(f"(?<=[ぁ-んー])([{EMOJI_CHARS}]+)\\s*(?=[一-龥ぁ-んァ-ヶ])", "\\1。", said)
    # 「ひろしへ　らいんの　すたんぷ…」: a letter opened with the name and へ, then spaces (not 学校へ 行く)
    said = re.sub(r"^(?!(?:うち|家|いえ|学校|会社|病院|駅|そっち|こっち|あっち)へ)([一-龥ぁ-んァ-ヶ]{2,6})へ\s+(?!の)", r"\1、", said, count=1)
    runs = said.split(" ")
    if len(runs) > 2 and not re.search(r"[。、！？!?]", said) and (sum(map(len, runs)) > 5 * len(runs) or (
            sum(map(len, runs)) > 3.5 * len(runs)
            and sum(1 for r in runs if re.search(r"[一-龥]", r) and re.search(r"[ぁ-ん]", r)) * 2 >= len(runs))):
        # Typed with spaces, not punctuation, between phrases (「…でしょうか　教えてください　ばあばより」,
        # 「土曜の法事 駅から お寺まで 車 おねがいします」): a space after a predicate ends a sentence, after
        # a noun it is a pause (「見積書の金額 あってるか」), after a particle the phrase goes on (「明日の 会議」).
        runs = [r for r in runs if r not in _d()["spaced_fillers"]] or runs  # 「えーと 鈴木さん あのー …」
        first_run = runs[0]
        rest = "".join(r + _typed_gap(r, runs[k + 1]) if k + 1 < len(runs) else r for k, r in enumerate(runs) if k)
        bare_first = re.sub(r"へ$", "", first_run)
        if len(bare_first) <= 3 or len(bare_first) <= 5 and not bare_first.endswith(("です", "ます", "た", "い")) \
                or bare_first.endswith(("さん", "くん", "ちゃん", "様", "先生")):
            said = bare_first + "、" + rest  # 「ゆうた げんきですか…」「ゆうとくんへ　…」: the first word calls him
        else:
            said = first_run + _typed_gap(first_run, runs[1]) + rest
        said = re.sub(r"^([^。]{1,15}?(?:さん|様|さま|先生|くん|ちゃん))へ。", r"\1、", said)
    if re.search(r"[。、！？]", said) or sum(map(len, runs)) > 5 * len(runs):
        # Typed (punctuated, or long runs between spaces): the line break became a space.
        # A letter's address line (「山本様⏎」「ヘルパーさんへ。」「ゆうとくんへ　」) calls the helper: 「山本様、」;
        # the organisation lines before it (「株式会社ミドリ 広報部 川口様」) go with it.
        said = re.sub(r"^(?:[^。、！？!?\s]{1,20}\s+){1,3}(?=[^。、！？!?\s]{1,15}?(?:様|さま|先生|御中|殿)(?:へ)?\s)", "", said, count=1)
        said = _ADDRESS_LINE.sub(r"\1、", said, count=1)
        said = re.sub(r"^([一-龥ぁ-んァ-ヶ]{1,6})\s?へ(?:[。、]\s*|\s+)(?!の)", r"\1、", said, count=1)  # 「健一へ」「孝へ　」
    if re.search(r"[ぁ-んァ-ヶ一-龥] [ぁ-んァ-ヶ一-龥]", said):
        # 「すま ん」「ごめ ん」: the recognizer cut an apology in two
        said = re.sub(r"(?:(?<=^)|(?<= ))(すま|ごめ) ん(?= |$)", r"\1ん", said)
        # Recognizer output: a filler stands alone between spaces (…今日 あの 資料 を…).
        words: list[str] = []
        dropped = False
        spaced = said.split(" ")
        for n, w in enumerate(spaced):
            after = spaced[n + 1] if n + 1 < len(spaced) else ""
            if w in _d()["spaced_fillers"] or w == "さ" and not after.startswith(("せ", "れ")) \
                    or dropped and w in ("な", "ね", "ねえ", "なあ", "よ", "のう", "のぉ", "の", "さ"):
                dropped = True  # 「あの な」「なんか さ」: the particle goes with its filler (not ご馳走 さ せて)
                continue
            dropped = False
            if w in ("ごめん", "ごめんね", "すまん", "すまんね", "すみません", "ごめんなさい") and len(words) > 3 \
                    and words[-1] not in ("に", "ほんと", "本当", "マジ", "まじ", "で", "て", "迷惑", "また") \
                    and all(x in ("ね", "な", "ねえ", "よ") for x in spaced[n + 1:]) and not words[-1].endswith("。"):
                words[-1] += "。"  # 「…手伝って もらえ ない かな ごめん」: the apology after the ask is its own
            if w == "ええ" and words and after.startswith("と") and not after.startswith(("と言", "とか")):
                words.append("いい")  # 「どこか ええ とこ」: a good place (joined, ええと|こ would read as a filler)
                continue
            if w == "その" and words and after not in _d()["kept_after_demonstrative"]:
                continue  # 「母 が その 朝 から」「件数 が その…」: a spoken その mid-sentence is a filler
            if w in ("じゃけえ", "じゃけん", "だけん", "ほんで", "ほいで") and len(words) <= 1:
                continue  # 「店長 じゃけえ その…」: a dialect "so" that opens, not a reason
            if w in ("いや", "いえ") and words and after and re.match(r"[一-龥ァ-ヶ]", after):
                if words[-1] in ("あ", "あっ") and len(words) >= 2 and re.fullmatch(r"[一-龥ァ-ヶー]+", words[-2]):
                    del words[-2:]  # 「新宿 あ いや 新大久保」: the second place is the one meant
                    continue
                back = [j for j in range(max(0, len(words) - 5), len(words) - 2)
                        if re.fullmatch(r"[一-龥ァ-ヶー]{2,}", words[j])]
                if words[-1] in ("あ", "あっ") and back and words[back[-1] + 1] in ("が", "は", "を", "も", "の") \
                        and all(re.fullmatch(r"[ぁ-ん]{1,3}", x) for x in words[back[-1] + 1:-1]):
                    del words[back[-1]:]  # 「プリンター が また あ いや コピー機 の方が」: the thing meant is the second
                    continue
                if re.fullmatch(r"[一-龥ァ-ヶー0-9０-９]+", words[-1]):
                    k = 0
                    while words and k < 4 and re.fullmatch(r"[一-龥ァ-ヶー0-9０-９]+", words[-1]):
                        words.pop()  # 「第 三 章 いや 第 四 章」「三 日 いや 二 日 分」: all of the first try goes
                        k += 1
                    continue
            if w in ("違う", "ちがう", "違った", "ちがった") and words and words[-1] in ("あ", "あっ", "いや") \
                    and n + 2 < len(spaced):
                # 「スマホ から 印刷 でき なく て あ 違う パソコン から ね」: the second word replaces the first
                k = n + 1
                new: list[str] = []
                while k < len(spaced) and re.fullmatch(r"[一-龥ァ-ヶー0-9０-９]+", spaced[k]) and len(new) < 3:
                    new.append(spaced[k])
                    k += 1
                particle = spaced[k] if k < len(spaced) else ""
                olds = [j for j in range(len(words) - 1, 0, -1) if words[j] == particle and particle in (
                    "から", "に", "で", "を", "まで", "の", "が") and re.fullmatch(r"[一-龥ァ-ヶー0-9０-９]+", words[j - 1])]
                if new and olds:
                    j = olds[0]
                    if words[-1] in ("あ", "あっ"):
                        words.pop()
                    words[j - 1:j] = new
                    skip_to = k + 1
                    if skip_to < len(spaced) and spaced[skip_to] in ("ね", "な", "よ"):
                        skip_to += 1
                    for _ in range(n + 1, skip_to):
                        spaced[_] = ""  # said once, where it was first said
                    continue
            if not w:
                continue
            if words and len(w) >= 2 and len(words[-1]) > len(w) and words[-1].endswith(w) and re.fullmatch(r"[ぁ-ん]+", w) \
                    and w not in ("って", "った", "ってる", "ってた", "てる", "てた"):
                continue  # 「おかん かん」: the recognizer heard the end of the word twice (not 「もって って」: 持って行って)
            if words and w == words[-1] and (len(w) > 1 or re.fullmatch(r"[一-龥]", w)) \
                    and w not in ("一杯", "いっぱい", "ぎりぎり", "どんどん", "だんだん", "いろいろ"):
                continue  # 「ふた ふた」 said twice is said once
            words.append(w)
        if len(words) > 3 and words[0] in ("すみません", "すいません", "すんません", "ごめん", "ごめんなさい") \
                and words[2] in _d()["honorific_suffixes"] and jt.analyse(words[1])[:1] \
                and jt.analyse(words[1])[0].pos1 == "名詞":
            spoken_to: str | None = words[1] + words[2]  # すみません 大家 さん …: calls them
            words = [words[0] + "。"] + words[3:]
        else:
            spoken_to = _called_first(words)
            if spoken_to:
                words = words[1:]  # 「ママ なんか パソコン に…」: joined, ママパソコン would be one word
        said = " ".join(words)
    else:
        spoken_to = None
    spaced = re.search(r"[ぁ-んァ-ヶ一-龥] [ぁ-んァ-ヶ一-龥]", said) is not None
    text = join_cjk(said).replace("...", "…").replace("..", "…")
    if spaced:  # 「明日の一限の明日の一限のやつ」: a phrase said twice in one breath is said once
        text = re.sub(r"([一-龥ぁ-んァ-ヶー]{4,12}?)の?\1", r"\1", text)
    if spoken_to is None and letter_to:
        spoken_to = letter_to
    if spoken_to is None:
        # 「りょうたくん、…」「ソフィアです。たかこさん、…」: a name in kana with its suffix, called with a comma at
        # a sentence's start (the analyzer would cut it: りょう|たくん)
        called = re.search(r"(?:^|(?<=[。！？!?]))([ぁ-んァ-ヶー]{2,6}(?:くん|さん|ちゃん))[、,]", text)
        if called and called.group(1) not in _d()["not_helpers"]:
            spoken_to = called.group(1)
            text = text[:called.start(1)] + text[called.end():]
    for rule in _d().get("dialect_requests", []):
        text = re.sub(rule["from"], rule["to"], text)
    for drop in _d().get("spoken_drops", []):
        text = re.sub(drop, "", text)
    unpunctuated = False
    # 「たかこちゃん、うちやけどなあの…」: a comma only after the call (set apart before the analysis, or
    # typed there alone) says nothing of how the rest was punctuated
    call_comma_only = re.fullmatch(r"(?:[^。、！？!?,\s…]{0,12}(?:さん|ちゃん|くん|君|様|さま|先生|せんせい|の方|先輩|にーにー|"
                                   r"ねえねえ|部長|課長|店長|主任)|[ぁ-んー]{2,8})"
                                   r"[、,][^。、！？!?,…]+", text) is not None
    if not spaced and (not re.search(r"[。、？！?!]", text) or call_comma_only):
        # 「みてもらえませんかしめきりが…」 run together: a polite question ends its sentence (read whole,
        # the analyzer makes ませ|ん|かしめ|きり of it)
        stopped = re.sub(r"((?:ません|ます|です|でしょう)か)(?=[ぁ-んァ-ヶ一-龥])(?![ねなっらともー])", r"\1。", text)
        # (「はがいたいですはいしゃさんいきたいです」: a polite ending with a new word straight after ends too)
        stopped = re.sub(r"((?:です|ます|でした|ました))(?=[ぁ-んァ-ヶ一-龥])(?![かねよがけしのなもっとでーらりわんさ])", r"\1。",
                         stopped)
        unpunctuated, text = stopped != text, stopped
    text = re.sub(r"(?<=[ぁ-んァ-ヶ一-龥])\.(?=\s|$)", "。", text)
    raw = jt.analyse(text)
    helper: str | None = spoken_to
    voc = _vocative(list(raw)) if helper is None else None
    if voc:
        helper = voc[0]
        raw = raw[voc[1]:]
    elif helper is None:
        # (「何度もすみません、中島さん。」「お疲れ様です、田中さん。」: a short apology or greeting first)
        apology = re.match(r"[^。、！？]{0,6}?(?:すみません|すいません|ごめんなさい|ごめん|申し訳ありません|お疲れ様です|"
                           r"お疲れさまです|おはようございます|こんにちは|こんばんは)、", jt.join(list(raw[:9])))
        k = next((i for i, m in enumerate(raw[:9]) if m.surface in _COMMA), -1) if apology else -1
        found = _name_at(list(raw), k + 1) if 0 < k < len(raw) - 2 else None
        if found and found[1] < len(raw) and raw[found[1]].surface in _COMMA | _STOP:
            helper = found[0]  # 「すみません、田中さん。このメール…」: 田中さん is asked, not the sender
            raw = raw[:k] + raw[found[1]:]
        elif not found:
            # 「ああもうごめんね由美ちゃん今日の…」 spoken: the apology, then the name, no comma between
            a = next((i for i, m in enumerate(raw[:5]) if m.base in ("ごめん", "すみません", "すいません", "ごめんなさい")), -1)
            b = a + 1
            while 0 < b < len(raw) and raw[b].surface in ("ね", "な", "ねえ", "よ"):
                b += 1
            found = _name_at(list(raw), b) if 0 <= a and b < len(raw) - 2 else None
            if found and found[0].endswith(("さん", "ちゃん", "くん", "君", "様", "先生")) \
                    and raw[found[1]].pos1 not in ("助詞", "助動詞", "接尾辞"):
                helper = found[0]
                raw = raw[:b] + jt.analyse("。") + raw[found[1]:]
    if helper is None:
        elsewhere = _vocative_elsewhere(list(raw))
        if elsewhere:
            helper, rest = elsewhere
            raw = tuple(rest)
    morphs = _clean(raw, spaced)
    # (a stop put after 「…ませんか」 above is not the person's punctuation)
    had_punct = any(m.surface in _STOP or m.surface in _COMMA for m in morphs) and not unpunctuated and not call_comma_only
    sentences: list[Sentence] = []
    registers: list[str] = []
    parts: list[tuple[list[Morph], list[Morph], bool]] = []
    split: list[list[Morph]] = []
    for sm in _split(morphs):
        words = [m for m in sm if m.surface not in _STOP and m.surface not in _COMMA]
        if split and len(words) == 1 and re.fullmatch(r"[ぁ-ん]{1,3}", words[0].surface) \
                and words[0].pos1 != "感動詞" and words[0].surface not in _d()["closings"] \
                and words[0].surface not in ("ごめん", "すまん"):
            split[-1] = split[-1] + sm  # 「手ぶらでええ|けん」: a particle the cut left alone goes back
        else:
            split.append(sm)
    # 「やってくれたら 小遣いやる」: a pro-verb たら-clause only leads into the offer after the ask
    split = [sm for k, sm in enumerate(split) if not (
        k > 0 and len([m for m in sm if m.surface not in _COMMA]) <= 5 and sm[0].base in ("やる", "する", "そう")
        and any(m.surface in ("たら", "れば") for m in sm[-2:]) and k + 1 < len(split))]
    if helper and split:
        # 「…見てほしいんだけど けんた」: the helper called again at the very end is said once, by the greeting
        bare = re.sub(r"(?:さん|くん|ちゃん|君|様)$", "", helper)
        last = [m for m in split[-1] if m.surface not in _STOP]
        for n in (3, 2, 1):
            if len(last) > n and jt.join(last[-n:]) in (helper, bare) and (
                    last[-n - 1].pos1 in ("助詞", "助動詞", "動詞", "形容詞") or last[-n - 1].surface in _COMMA):
                cut = len(last) - n
                if last[cut - 1].surface == "の":  # 「…情報システムの小林さん」: who they are goes with the name
                    k = cut - 1
                    while k > 0 and last[k - 1].pos1 in ("名詞", "接頭辞", "接尾辞"):
                        k -= 1
                    cut = k if k < cut - 1 else cut
                split[-1] = last[:cut]
                break
        split = [sm for sm in split if jt.join([m for m in sm if m.surface not in _STOP | _COMMA]) not in (helper, bare, "")] \
            or split  # 「…。けんた。」 alone
    _last_part = split[-1] if split else None
    for sm in split:
        while sm and sm[0].surface in _COMMA:
            sm = sm[1:]
        body, tail, question = _strip_end(sm)
        if not question and not had_punct and len(body) > 2 and body[-1].base == "ない" and body[-1].pos1 == "助動詞" \
                and body[-2].pos1 == "動詞" and any(m.surface in _d()["invitation_words"] for m in body) \
                and body[-2].base not in ("要る", "分かる", "わかる", "知る") \
                and (sm is _last_part or _invites_here(body, len(body) - 1, body)):
            question = True  # 「今夜ちょっと話せない」 spoken: an invitation, not "I can't talk"
        if not question and not had_punct and sm is _last_part and len(body) > 2 and body[-1].pos1 == "動詞" \
                and body[-1].cform.startswith("終止形") and body[-1].surface.endswith(("れる", "える", "せる", "ける", "てる"))\
                and body[-1].base not in ("くれる", "呉れる") \
                and (any(m.surface in ("一緒", "今日", "今夜", "今度", "週末", "明日", "あした", "今から", "いまから")
                         for m in body)
                     or body[-1].base in ("来れる", "これる", "来られる", "こられる", "行ける", "いける")
                     and any(m.surface in ("時", "時半", "ごろ", "頃", "くらい", "ぐらい") for m in body)):
            question = True  # 「今日の帰り一緒に帰れる」「十時くらいに来れる」 spoken last: can we? can you?
        if not question and not had_punct and sm is _last_part and len(body) > 3 \
                and body[-1].base in ("れる", "られる") and body[-1].cform.startswith("終止形") \
                and body[-2].base in ("来る", "行く") \
                and any(m.surface in ("時", "時半", "ごろ", "頃", "くらい", "ぐらい", "までに") for m in body[-6:]):
            question = True  # 「十時くらいに来れる」 said last: can you come?
        if not question and not had_punct and sm is _last_part and len(body) > 3 \
                and (re.search(r"(?:んじゃ|ちゃ|ては|では)(?:だめ|ダメ|駄目|あかん|いけない)$", jt.join(body))
                     and body[-3].pos1 in ("動詞", "助動詞", "助詞")
                     or body[-1].base in ("いい", "良い", "よい", "ええ") and body[-2].surface == "も"
                     and body[-3].surface in ("て", "で") and body[-3].is_("助詞", "接続助詞")
                     and body[-4].pos1 in ("動詞", "助動詞")):
            question = True  # 「あしたやすんじゃだめ」「先に帰ってもいい」 said last: asks leave
        if not question and not had_punct and body and body[-1].pos1 == "動詞" and body[-1].cform.startswith("終止形") \
                and body[-1].base not in ("くださる", "下さる", "ください") \
                and re.search(r"(?:誰|だれ|どなた)か", jt.join(body)) and _someone_in_last_clause(body):
            question = True  # 「誰か分かる」 spoken: a question, not "someone knows"
        if not question and not had_punct and len(body) > 2 and body[-1].base in ("いる", "居る", "おる") \
                and body[-2].surface in ("人", "方") and (body[-3].pos1 in ("動詞", "助動詞")
                                                        or re.search(r"(?:誰|だれ|どなた)か", jt.join(body))):
            question = True  # 「手伝える人いる」 spoken: asks whether anyone can
        if not question and not had_punct and len(body) > 2 and (
                body[-1].base == "する" and body[-2].surface == "たり"
                and body[-3].base in ("できる", "出来る", "もらえる", "くれる", "いただける")
                or body[-1].base in ("いい", "良い") and body[-2].surface == "も" and body[-3].surface in ("て", "で")
                and not (len(body) > 3 and body[-4].surface in _WH)  # 「いつでもいいので」: anytime is fine
                or body[-1].base in ("ある", "有る") and body[-2].surface in ("時間", "暇", "ひま", "予定", "空き")):
            question = True  # 「週末電話できたりする」「話してもいい」「日曜時間ある」 spoken: they ask
        if not question and not had_punct and sm is _last_part and len(body) > 2 and (
                body[-1].base in ("ぬ", "ない") and body[-2].base == "知る"
                and re.search(r"(?:どこ|誰|だれ|何|なん|いつ)か|いい|ええ|良い", jt.join(body))
                or body[-1].base == "する" and body[-2].surface == "たり" and body[-3].pos1 == "動詞"
                and not any(m.surface in ("よく", "いつも", "時々", "たまに", "毎朝", "毎日", "毎週", "毎晩", "普段", "休日")
                            for m in body)):
            question = True  # 「どこかええとこ知らん」「週末会えたりする」 said last: they ask
        if not question and not had_punct and sm is _last_part and len(body) >= 2 \
                and body[-1].pos1 in ("形容詞", "動詞") and body[-1].cform.startswith("終止形") \
                and body[-1].base not in ("たい", "ほしい", "欲しい", "ない") \
                and any(m.surface in _WH and not any(x.surface in ("も", "か", "でも", "かな") for x in body[k + 1:])
                        for k, m in enumerate(body[:-1])) \
                and not any(m.surface in ("ので", "から", "けど", "が") and m.is_("助詞", "接続助詞") for m in body):
            question = True  # 「あさごはんなにがいい」「どこ行く」 spoken last: they ask
        if not question and body and (body[-1].surface in _WH or body[-1].surface in ("何時", "何日", "何曜日", "何曜")) \
                and not any(m.pos1 in ("動詞", "形容詞") for m in body):
            question = True  # 「リハビリ明日何時」: a question said in nouns
        while body and body[0].pos1 in ("接続詞", "助詞") and body[0].surface in ("で", "それで", "あと", "だから", "でも",
                                                                            "けど", "けれど", "だけど", "が"):
            body = body[2:] if body[0].surface == "で" and body[1:2] and body[1].surface == "も" else body[1:]
            # (「でも」 read as で|も goes whole: never a stray 「も煙の臭いが…」)
        if body:
            registers.append(_register_of(sm))
            parts.append((body, tail, question, registers[-1]))
    if helper is None:
        for n, (body, tail, question, own) in enumerate(parts[1:], 1):
            voc = _vocative(body)
            if voc and voc[1] < len(body):
                helper = voc[0]  # 「…わかんない。兄ちゃん今日帰ったらやって」
                parts[n] = (body[voc[1]:], tail, question, own)
                break
    # the register said most; a tie goes to the one said last (not to set order, which changes
    # from run to run)
    voting = [r for r, (body, *_rest) in zip(registers, parts)
              if any(m.pos1 in ("動詞", "形容詞", "助動詞") for m in body)] or registers
    # (a sign-off 「ばあちゃんより」 or a bare noun says nothing of how the person speaks)
    source = max(voting, key=lambda r: (voting.count(r), len(voting) - voting[::-1].index(r))) \
        if voting else "polite"
    seen_ask = False
    kept: list[Morph] | None = None
    lone_closing = len(parts) == 1  # 「よろしくお願いします」 said alone is the whole message, not its close
    asked_which = False
    for body, tail, question, own in parts:
        options = _options(body) if asked_which else []
        asked_which = question and any(m.surface in _WH or m.surface.startswith("何") for m in body)
        if len(options) >= 2:  # 「…何日だったかしら 十五日 十六日」: the choices, asked, not told
            sentences.append(Sentence("question", "".join(options), render=lambda register, _o=tuple(options): (
                "".join(o + "？" for o in _o) if register == "casual" else "、".join(o + "ですか" for o in _o) + "。")))
            continue
        role = _role(body, question, seen_ask)
        if role == "closing" and lone_closing:
            role = "statement"
        if role == "ask" and seen_ask and _wish_after(body, _request_at(body, question)[0] + 1):
            role = "statement"  # …行ってもらえないかな。誰かいてくれたら心強いから: the why, not a second ask
        if role == "ask":
            at = _request_at(body, question)
            assert at is not None
            found = _helper_in(body, at[0])
            if found and helper is not None and found[0] != helper and \
                    re.sub(r"(?:さん|様|くん|ちゃん)$", "", found[0]) != re.sub(r"(?:さん|様|くん|ちゃん)$", "", helper):
                found = None  # 「課長、…山本さんにお願いしてもよろしいでしょうか」: 山本さん stays in the message
            if found:
                name, i, j = found
                helper = helper or name
                if i >= 2 and body[i - 1].surface == "の" and body[i - 2].pos1 in ("名詞", "接尾辞"):
                    i -= 2  # 孫の美咲に → the whole 「孫の美咲に」 goes, not a dangling 「孫の」
                    while i > 0 and body[i - 1].pos1 in ("名詞", "接尾辞", "接頭辞"):
                        i -= 1  # 情報システム部の…
                body = body[:i] + body[j:]
            dropped = _drop_someone(body)
            if _request_at(dropped, question) is not None:
                if len(dropped) != len(body):
                    kept = body  # 「店長、誰か代わってもらえますか」: to the manager, 誰か stays
                body = dropped  # 「誰か連れてって」 said to a helper stays an ask, with 誰か if it must
            elif _request_at(body, question) is None:
                role = "statement"
            seen_ask = True
        sent = _make(role, body, tail, question, had_punct, source if role == "ask" else own)
        if kept is not None and role == "ask":
            sent.render_addressed = _make(role, kept, tail, question, had_punct, source).render
        kept = None
        sentences.append(sent)
    if signature:
        sentences.append(Sentence("closing", signature, render=lambda register, _t=signature: _t))
    hard = _hard(morphs)
    younger = re.search("(?:" + "|".join(_d()["younger_kin"]) + ")の" + re.escape(helper), jt.join(list(raw))) \
        if helper else None
    return Draft("ja", sentences, helper=helper, source_register=source, difficulty=hard,
                 helper_relation="family" if younger else None)


def _options(body: list[Morph]) -> list[str]:
    """「十五日 十六日」「三時 四時」 said after a question: two or more times or dates, nothing else."""
    if not body or not all(m.pos1 in ("名詞", "接尾辞", "接頭辞") or m.surface in ("か", "と") for m in body):
        return []
    units: list[str] = []
    cur = ""
    for m in body:
        if m.surface in ("か", "と"):
            continue
        cur += m.surface
        if m.surface in ("日", "時", "曜日", "曜", "月", "分", "半", "週") or m.pos[1] == "助数詞":
            units.append(cur)
            cur = ""
    return units if not cur and len(units) >= 2 else []


def _hard(morphs: list[Morph]) -> bool:
    """Something is hard: a difficulty word negated (届かない, 分からない, できません) or said outright
    (困っている, つらい, 痛い); "電話しなくて大丈夫" is not."""
    words = set(_d()["difficulty"])
    if any(w in jt.join(morphs) for w in _d().get("not_hard", [])):
        return False
    strong = {"困る", "辛い", "つらい", "しんどい", "痛い", "無理", "大変", "不安", "苦しい", "悩む", "きつい", "怖い",
              "ぐったり", "だるい", "しびれる", "吐く", "寂しい", "さびしい", "落ち込む", "壊れる", "故障"}
    for i, m in enumerate(morphs):
        if m.base in strong or m.norm in strong:
            return True
        if m.base == "心配" and not (i and morphs[i - 1].surface in ("ご", "御")):
            return True
        if m.base in words or m.norm in words:
            nxt = [x.base for x in morphs[i + 1:i + 4]]
            if any(b in ("ない", "無い", "ぬ", "ず") for b in nxt):
                return True
    return False


def _drop_someone(body: list[Morph]) -> list[Morph]:
    """「誰か手伝って」 said to the helper is 「手伝って」; 「誰かにお願いできますか」 asks the helper to find
    someone, so it stays."""
    d = _d()
    for k, m in enumerate(body):
        nxt = [x.surface for x in body[k + 1:k + 3]]
        if (m.surface in d["someone"] and nxt[:1] == ["に"]) or \
                (m.surface in ("誰", "だれ", "どなた") and nxt == ["か", "に"]):
            return body
    out: list[Morph] = []
    skip_particle = False
    for k, m in enumerate(body):
        if m.surface in d["someone"] or (m.surface in ("誰", "だれ", "どなた") and k + 1 < len(body)
                                          and body[k + 1].surface == "か"):
            skip_particle = True
            continue
        if skip_particle and m.pos1 == "助詞" and m.surface in ("か", "に", "が", "は"):
            continue
        skip_particle = False
        out.append(m)
    return out or body


def _make(role: str, body: list[Morph], tail: list[Morph], question: bool, had_punct: bool,
          source: str) -> Sentence:
    ms = list(body)
    marks = "".join(m.surface for m in tail if _EMOJI.fullmatch(m.surface))
    tail = [m for m in tail if not _EMOJI.fullmatch(m.surface)]

    def render(register: str) -> str:
        said = _render(register)
        if marks and register == "casual":  # the emoji the person typed stays where they typed it
            said = (said[:-1] if said.endswith("。") else said) + marks
        return said

    def _render(register: str) -> str:
        if role == "closing":
            if _BARE_PLEASE.fullmatch(jt.join(ms)) and register != "casual":
                return "お願いします。" if register == "polite" else "よろしくお願いいたします。"
            return _finish(jt.join(ms))  # a letter's closing formula, as written
        if role == "ask":
            at = _request_at(ms, question)
            if at is not None:
                said = _ask_text(ms, tail, at, register, source, question)
                if register == "casual":
                    said = re.sub(r"んです(?:けど|が)(?=.)", "んだけど", said)
                return soften(_finish(_with_commas(said, had_punct)), register)
        if role == "thanks":
            return soften(_finish(_thanks(ms, register)), register)
        if register == "casual" and source == "casual":
            said = jt.join(ms) + jt.join(tail)
        elif (register == source or register == "polite") and jt.join(tail) in ("ね", "よね") and not question:
            # (「こんな話されても困るよね」 asks them to agree: 困りますよね, never 困ります)
            said = (plain_end(ms) if register == "casual" else polite_end(ms)) + jt.join(tail)
        elif register == "casual":
            said = plain_end(ms)
        elif _fragment(ms) and not question:
            said = jt.join(ms)  # 「手紙。銀行。」 said in fragments stays so: not 「手紙です。銀行です。」
        else:
            said = _polite_clauses(ms)
            if register == "honorific" and role == "offer":
                said = re.sub(r"(?<!いた)(?<=[^い])します$", "いたします", said)  # never 準備いたいたします
        said = _with_commas(said, had_punct)
        said = _apology(said, register)
        if register == "casual":
            said = re.sub(r"[んの]です(?:けど|が)(?=.)", "んだけど", said)
        invitation = question and register != "casual" and _invitation(ms)
        if invitation:
            said = invitation + "か"  # 映画見ない？ → 映画見ませんか (not 見ないんですか)
        if question:
            said = said + ("？" if register == "casual" else ("" if said.endswith("か") else "か") + "。")
        return soften(_finish(said), register)

    sentence = Sentence(role=role, text=jt.join(ms), render=render)
    if role == "ask":
        at = _request_at(ms, question)
        if at is not None:
            sentence.ask_core = jt.join(ms[:at[0]])
    elif role == "offer":
        sentence.ask_core = re.sub(r"^(?:その)?(?:お礼に|代わりに|かわりに|お返しに|その代わり)、?", "", jt.join(ms))
    return sentence


def _fragment(ms: list[Morph]) -> bool:
    """A word or two with no predicate (telegraphic speech, as after a stroke)."""
    words = [m for m in ms if m.pos1 not in ("補助記号", "記号")]
    return 0 < len(words) <= 3 and all(m.pos1 in ("名詞", "接頭辞", "接尾辞", "代名詞") or m.pos1 == "助詞"
                                       and m.surface in ("の", "も") for m in words) \
        or 0 < len(words) <= 3 and words[-1].pos1 == "形容詞" and words[-1].cform.startswith("連用形")


def _polite_clauses(ms: list[Morph]) -> str:
    """A plain clause before けど is made polite too (言ってたけど、… → 言ってましたが、…), so one
    sentence keeps one register; the final predicate as ``polite_end``."""
    for k, m in enumerate(ms):
        if 0 < k < len(ms) - 1 and m.surface in ("けど", "けれど", "けども") and m.is_("助詞", "接続助詞"):
            prev = ms[k - 1]
            if prev.pos1 in ("動詞", "形容詞", "助動詞") and prev.base not in ("ます", "です") \
                    and not (prev.base == "た" and k > 1 and ms[k - 2].base in ("ます", "です")):
                head = polite_end(ms[:k])
                if head != jt.join(ms[:k]):
                    return head + "が" + polite_end(ms[k + 1:])
            break
    return polite_end(ms)


def _invitation(ms: list[Morph]) -> str:
    """「うちに来て映画見ない？」「10分だけ話せないかな」: the negative question that invites, said as
    〜ませんか; "" when the sentence is not one."""
    if len(ms) < 2 or not (ms[-1].pos1 == "助動詞" and ms[-1].base == "ない"):
        return ""
    verb = ms[-2]
    if verb.pos1 != "動詞" or verb.base in _d()["_bene"] or verb.base in ("分かる", "わかる"):
        return ""
    if verb.base in ("ある", "いる") and not any(m.surface in ("人", "誰か", "だれか", "どなたか", "方") for m in ms[:-2]):
        return ""  # 「話を聞いてくれる人いない？」 asks whether there is someone (いませんか); 「時間ない？」 is not
    stem = _verb_stem(verb)
    return jt.join(ms[:-2]) + stem + "ません" if stem else ""


def _apology(said: str, register: str) -> str:
    """「ごめん」 said as an apology fits the register: ごめんなさい / 申し訳ありません."""
    if register == "casual":
        return said
    return re.sub(r"(?:ごめん|すまん)(?:ね|な|のう)?(?:です)?$", _d()["apology"][register], said)


def _thanks(ms: list[Morph], register: str) -> str:
    d = _d()
    text = jt.join(ms)
    if register == "casual":
        return text
    if "ありがとう" not in text:
        return polite_end(ms)
    text = re.sub(r"ありがとう(?!ござい)(?:ねえ|ねー|なあ|ね|な)?$", d["thanks"][register], text)
    if register == "honorific":
        text = text.replace("くれて", "くださって")
    return text


def has_object(ask: str) -> bool:
    """Does an ask say what it is about: a content noun marked by を/が/は/も, or followed straight by
    a verb as speech drops particles (履歴書見て)? Times, places reached (集積所まで) and 誰か do not."""
    ms = [m for m in jt.analyse(ask) if m.surface.strip()]
    d = _d()
    for k, m in enumerate(ms):
        if m.surface in ("それ", "これ", "あれ", "そこ", "ここ", "そっち", "こっち"):
            return False
    for k, m in enumerate(ms):
        if m.pos1 != "名詞" or m.pos[1] in ("数詞",) or _is_time_start(m) or m.surface in d["someone"] \
                or m.surface in ("誰", "だれ", "どなた", "お願い", "願い", "こと", "もの", "とき", "時", "ため", "分"):
            continue
        j = k + 1
        while j < len(ms) and (ms[j].pos1 in ("名詞", "接尾辞") and not _is_time_start(ms[j])):
            j += 1
        if j < len(ms) and (ms[j].surface in ("を", "が", "は", "も") or ms[j].pos1 == "動詞"):
            return True
    return False