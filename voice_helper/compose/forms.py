"""Just enough grammar to slot a spoken phrase into a template.

Templates need a phrase in a particular shape: "I'm struggling with *finishing the report*",
"If you could *check the numbers*", 「資料を*確認して*もらえると助かる」, 「代わりに*ランチをおごります*」.
What was said comes in whatever shape the person used, so these helpers reshape it, and report
when they cannot (the renderer then falls back to a wording that needs no reshaping). Word lists
(verbs, irregular forms) are language data in ``templates/<lang>.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

# --- English ---------------------------------------------------------------------------------

_DETERMINERS = {"the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that",
                "these", "those", "some", "all", "any", "its"}


def en_is_verbal(phrase: str, data: dict[str, Any]) -> bool:
    """Does the phrase start with a verb ("check the numbers"), not a noun ("the numbers")?"""
    first = phrase.split(" ", 1)[0].lower() if phrase else ""
    if not first or first in _DETERMINERS:
        return False
    return first in set(data.get("verbs", []))


def en_ungerund(phrase: str, data: dict[str, Any]) -> str:
    """"reading over my letter" → "read over my letter" (so it can follow "could you")."""
    first, _, rest = phrase.partition(" ")
    low = first.lower()
    if not low.endswith("ing") or len(low) < 5:
        return phrase
    verbs = set(data.get("verbs", []))
    stem = low[:-3]
    irregular = {v: k for k, v in data.get("gerunds", {}).items()}
    for cand in (irregular.get(low, ""), stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
        if cand and cand in verbs:
            return cand + (" " + rest if rest else "")
    return phrase


def en_gerund_word(verb: str, data: dict[str, Any]) -> str:
    irregular = data.get("gerunds", {})
    v = verb.lower()
    if v in irregular:
        return irregular[v]
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", v):
        return v + v[-1] + "ing"
    return v + "ing"


def en_gerund(phrase: str, data: dict[str, Any]) -> str:
    """"finish the report" → "finishing the report"; a noun phrase is returned unchanged."""
    if not en_is_verbal(phrase, data):
        return phrase
    first, _, rest = phrase.partition(" ")
    return (en_gerund_word(first, data) + (" " + rest if rest else "")).strip()


# --- Japanese --------------------------------------------------------------------------------

_E_I_ROW = set("えけげせぜてでねへべぺめれいきぎしじちぢにひびぴみり")
_U_TO_TE = {"う": "って", "つ": "って", "る": "って", "く": "いて", "ぐ": "いで", "す": "して",
            "ぬ": "んで", "ぶ": "んで", "む": "んで"}
_U_TO_I = {"う": "い", "つ": "ち", "る": "り", "く": "き", "ぐ": "ぎ", "す": "し", "ぬ": "に",
           "ぶ": "び", "む": "み"}
_I_TO_TE = {"い": "って", "ち": "って", "り": "って", "き": "いて", "ぎ": "いで", "し": "して",
            "み": "んで", "び": "んで", "に": "んで"}
_I_TO_U = {v: k for k, v in _U_TO_I.items()}
_KANA = re.compile(r"[\u3040-\u309f]")


def _ichidan(verb: str, data: dict[str, Any]) -> bool:
    """A る-verb that drops る (見る, 食べる) rather than a godan verb (取る, 送る)."""
    for godan in data.get("godan_ru", []):
        if verb.endswith(godan):
            return False
    for ichidan in data.get("ichidan", []):
        if verb.endswith(ichidan):
            return True
    return len(verb) >= 2 and verb[-2] in _E_I_ROW


def ja_verb_kind(phrase: str, data: dict[str, Any]) -> str:
    """"te" (取って), "masu" (入ります), "dict" (おごる) or "noun" (グラフ)."""
    if re.search(r"(?:て|いで|んで)$", phrase) and len(phrase) >= 2:
        return "te"
    if phrase.endswith("ます"):
        return "masu"
    if len(phrase) >= 2 and phrase[-1] in _U_TO_TE and not phrase.endswith("です"):
        return "dict"
    return "noun"


def ja_te_form(phrase: str, data: dict[str, Any]) -> str:
    """A request phrase as a て-form clause that ``もらえる``/``いただける`` can follow.

    A bare noun ("グラフ") becomes "グラフを手伝って": still a real request, never ungrammatical.
    """
    kind = ja_verb_kind(phrase, data)
    if kind == "te":
        return phrase
    if kind == "masu":
        stem = phrase[:-2]
        if stem.endswith("し"):
            return stem + "て"
        if stem and stem[-1] in _I_TO_TE and not _ichidan(_ja_dict_from_stem(stem, data), data):
            return stem[:-1] + _I_TO_TE[stem[-1]]
        return stem + "て"
    if kind == "dict":
        return _ja_dict_to_te(phrase, data)
    noun = re.sub(r"の?手伝い$", "", phrase)
    if not noun:
        return "手伝って"
    return noun + ("手伝って" if noun.endswith("を") else "を手伝って")


def _ja_dict_to_te(verb: str, data: dict[str, Any]) -> str:
    irregular = data.get("te_irregular", {})
    for dict_end, te_end in irregular.items():
        if verb.endswith(dict_end):
            return verb[: -len(dict_end)] + te_end
    if verb.endswith("る") and _ichidan(verb, data):
        return verb[:-1] + "て"
    return verb[:-1] + _U_TO_TE[verb[-1]]


def _ja_dict_from_stem(stem: str, data: dict[str, Any]) -> str:
    for masu_stem, dict_form in data.get("masu_irregular", {}).items():
        if stem.endswith(masu_stem):
            return stem[: -len(masu_stem)] + dict_form
    if stem and stem[-1] in _I_TO_U:
        return stem[:-1] + _I_TO_U[stem[-1]]
    return stem + "る"


def ja_dict_form(phrase: str, data: dict[str, Any]) -> str | None:
    """Plain (dictionary) form of a verbal phrase, or None for a noun phrase."""
    kind = ja_verb_kind(phrase, data)
    if kind == "dict":
        return phrase
    if kind == "masu":
        return _ja_dict_from_stem(phrase[:-2], data)
    if kind == "te":
        return phrase[:-1] + "る" if phrase.endswith("して") else phrase + "おく"
    return None


def ja_masu_form(phrase: str, data: dict[str, Any]) -> str | None:
    """Polite ます form of a verbal phrase, or None for a noun phrase."""
    kind = ja_verb_kind(phrase, data)
    if kind == "masu":
        return phrase
    plain = ja_dict_form(phrase, data)
    if plain is None:
        return None
    for dict_end, masu_end in data.get("masu_from_dict_irregular", {}).items():
        if plain.endswith(dict_end):
            return plain[: -len(dict_end)] + masu_end
    if plain.endswith("る") and _ichidan(plain, data):
        return plain[:-1] + "ます"
    return plain[:-1] + _U_TO_I[plain[-1]] + "ます"
