"""The one renderer: a HelpRequest → the message, per style × language × politeness.

Pure: no I/O beyond reading the template data files once (cached). All wording lives in
``templates/<lang>.yaml``; this module only prepares slot values and picks, for each part of a
style, the first wording whose placeholders all have a value. That rule is what guarantees a
message never shows "None", an empty blank, or "with  right now".
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..config import POLITENESS, STYLES
from ..errors import UsageError
from ..request import LANGUAGES, HelpRequest, Intent
from ..textsafe import strip_controls
from .clean import clean_slot, join_cjk, tidy_sentence
from .forms import en_gerund, en_is_verbal, en_ungerund, ja_dict_form, ja_masu_form, ja_te_form, ja_verb_kind

_FIELD = re.compile(r"\{(-?\w+)\}")


@lru_cache(maxsize=None)
def load_templates(lang: str) -> dict[str, Any]:
    """The template data for one language, read from the package once per process."""
    if lang not in LANGUAGES:
        raise UsageError(f"no templates for language {lang!r} (choose {', '.join(LANGUAGES)})")
    ref = resources.files("voice_helper.compose").joinpath("templates", f"{lang}.yaml")
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("language") != lang:
        raise UsageError(f"template file for {lang!r} is damaged; reinstall voice-helper")
    return data


def render(request: HelpRequest, style: str = "three-lines", politeness: str | None = None, *,
           recipient: str | None = None, boundary: bool = False, lang: str | None = None) -> str:
    """The message for ``request``: greeting, the style's parts, and the boundary line if asked.

    ``recipient`` overrides ``request.slots.recipient`` ("" means no greeting). A crisis gets the
    short direct wording whatever the style, and never a boundary line ("no worries if you
    can't" is the wrong thing to say when a life may be at stake).
    """
    style = style or "three-lines"
    politeness = politeness or "polite"
    if style not in STYLES:
        raise UsageError(f"unknown style {style!r} (choose {', '.join(STYLES)})")
    if politeness not in POLITENESS:
        raise UsageError(f"unknown politeness {politeness!r} (choose {', '.join(POLITENESS)})")
    lang = lang or request.language or "en"
    data = load_templates(lang)
    values = slot_values(request, lang, politeness, data)
    intent = request.intent.value if isinstance(request.intent, Intent) else str(request.intent)

    if request.crisis:
        parts = [_pick(_by_politeness(data["crisis"], politeness), values)]
    else:
        parts = [_pick(_candidates(data, style, part, politeness, intent), values)
                 for part in data["styles"][style]["parts"]]
        if boundary:
            parts.append(_by_politeness(data["boundary"], politeness))
    lines = [tidy_sentence(p, lang) for p in parts if p]

    who = request.slots.recipient if recipient is None else recipient
    name = address_name(who, lang, data)
    if name and lines:
        first = lines[0]
        if lang == "en" and not re.match(r"I\b|I'", first):
            first = first[:1].lower() + first[1:]
        lines[0] = data["greeting"].format(name=name) + first
    joiner = data["joiner"][style] if not request.crisis else data["joiner"]["short"]
    return strip_controls(joiner.join(lines), keep_newlines=True).strip()


# --- choosing a wording ----------------------------------------------------------------------


def _by_politeness(node: Any, politeness: str) -> Any:
    if isinstance(node, dict) and any(k in node for k in POLITENESS):
        return node.get(politeness, node.get("polite"))
    return node


def _candidates(data: dict[str, Any], style: str, part: str, politeness: str,
                intent: str) -> list[str]:
    """Wordings for one part, most specific first: this intent's, then the part's general ones."""
    if part == "opening":
        openings = data["openings"]
        own = openings.get(politeness, {})
        return list(own.get(intent) or openings["polite"].get(intent) or openings["polite"]["other"])
    raw = data["styles"][style][part]
    node = _by_politeness(raw, politeness)
    if isinstance(node, list):
        return list(node)
    polite = raw.get("polite", {}) if isinstance(raw, dict) else {}
    out: list[str] = []
    for key in (intent, "any"):
        entry = node.get(key)
        if entry is None and key == intent and data.get("intent_fallback_to_polite"):
            entry = polite.get(intent) if isinstance(polite, dict) else None
        if entry is None:
            continue
        if isinstance(entry, str) and entry.startswith("@"):
            out += _candidates(data, style, entry[1:], politeness, intent)
        else:
            out += list(entry)
    return out


def _pick(candidates: list[str], values: dict[str, str]) -> str | None:
    """The first wording whose placeholders all have a value ({-x}: only when x is empty)."""
    for template in candidates:
        fields = _FIELD.findall(template)
        if all((not values.get(f[1:])) if f.startswith("-") else bool(values.get(f)) for f in fields):
            return _FIELD.sub(lambda m: "" if m.group(1).startswith("-") else values[m.group(1)],
                              template)
    return None


# --- slot values -----------------------------------------------------------------------------


def _join(items: list[str], word: str, sep: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return sep.join(items[:-1]) + word + items[-1]


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def format_duration(minutes: int | None, data: dict[str, Any]) -> str:
    if not minutes or minutes < 1:
        return ""
    d = data["duration"]
    if minutes == 1:
        return d["minute"]
    if minutes % 60 == 0:
        h = minutes // 60
        return d["hour"] if h == 1 else d["hours"].format(h=h)
    if minutes > 60 and "hours_minutes" in d:
        return d["hours_minutes"].format(h=minutes // 60, m=minutes % 60)
    return d["minutes"].format(n=minutes)


@lru_cache(maxsize=4096)
def _clean(text: str | None, lang: str) -> str:
    """Cached: the UI re-renders on every edit, and slot text rarely changes between renders."""
    return clean_slot(text, lang, load_templates(lang))


def slot_values(request: HelpRequest, lang: str, politeness: str,
                data: dict[str, Any]) -> dict[str, str]:
    """Every placeholder's text for this request; "" for whatever was not said."""
    s = request.slots
    task = _drop_recipient(_clean(s.task, lang), s.recipient, lang)
    asks = _unique([_drop_recipient(_clean(a, lang), s.recipient, lang) for a in s.asks])
    offer = _clean(s.offer, lang)
    feelings = _unique([_clean(f, lang) for f in s.feelings])
    deadline = _clean(s.deadline.text, lang) if s.deadline else ""
    values: dict[str, str] = {
        "duration": format_duration(s.duration_minutes, data),
        "number": strip_controls(request.resources[0].number).strip() if request.resources else "",
    }
    if lang == "ja":
        values.update(_ja_values(task, asks, offer, deadline, politeness, data))
        values["feelings"] = "、".join(feelings)
    else:
        values.update(_en_values(task, asks, offer, deadline, data))
        values["feelings"] = _join(feelings, data["join"]["and"], data["join"]["sep"])
    # In a crisis, what is happening in a few plain words: "chest pain", not "getting up".
    plain_task = task if lang == "ja" or not (en_is_verbal(task, data) or task.split(" ", 1)[0].endswith("ing")) else ""
    values["what"] = plain_task or values["feelings"]
    return values


def _drop_recipient(text: str, recipient: str | None, lang: str) -> str:
    """「部長に報告書」→「報告書」: the greeting already names them, the slot need not again."""
    if lang != "ja" or not text or not recipient:
        return text
    name = re.sub(r"(?:さん|様|さま)?(?:には|に|へ)?$", "", join_cjk(recipient.replace(" ", "")))
    if not name:
        return text
    rest = re.sub(rf"^{re.escape(name)}(?:さん|様|さま)?(?:には|に|へ)", "", text)
    return rest or text


def _en_values(task: str, asks: list[str], offer: str, deadline: str,
               data: dict[str, Any]) -> dict[str, str]:
    j = data["join"]
    asks = [en_ungerund(a, data) for a in asks]
    offer = en_ungerund(offer, data) if offer else offer
    verbal_task = en_is_verbal(task, data)
    if asks and all(en_is_verbal(a, data) for a in asks):
        asks_text = _join(asks, j["or"], j["sep"])
    elif asks:
        asks_text = "help with " + _join([en_gerund(a, data) for a in asks], j["or"], j["sep"])
    else:
        asks_text = ""
    verbal_offer = en_is_verbal(offer, data)
    if deadline and deadline.split(" ", 1)[0].lower() not in set(data["deadline_starts"]):
        deadline = "by " + deadline
    return {
        "task": en_gerund(task, data),
        "task_noun": "" if verbal_task else task,
        "task_verb": task if verbal_task else "",
        "asks": asks_text,
        "offer": offer if verbal_offer or not offer else "help with " + offer,
        "mine": offer if verbal_offer or not offer else "handle " + offer,
        "deadline": deadline,
    }


def _ja_values(task: str, asks: list[str], offer: str, deadline: str, politeness: str,
               data: dict[str, Any]) -> dict[str, str]:
    kind = ja_verb_kind(task, data) if task else "noun"
    task_noun, task_de = task, (task + "で") if task else ""
    if task.endswith("で") and kind == "noun":
        task_noun, task_de = task[:-1], task
    elif kind in ("dict", "masu"):
        plain = ja_dict_form(task, data) or task
        task_noun, task_de = plain + "こと", plain + "ことで"
    elif kind == "te":
        task_noun, task_de = "", task
    te_forms = [ja_te_form(a, data) for a in asks]
    plain = ja_dict_form(offer, data) if offer else None
    masu = ja_masu_form(offer, data) if offer else None
    base = re.sub(r"(?:までに|まで|に)$", "", deadline)
    base = re.sub(r"の?(?:締め切り|締切|〆切)$", "", base) if base not in ("締め切り", "締切") else ""
    return {
        "task": task_noun,
        "task_de": task_de,
        "asks": _ja_join_asks(te_forms, data["join"]["ask_or"][politeness]),
        "offer_plain": plain or "",
        "offer_masu": masu or "",
        "offer_noun": offer if offer and plain is None else "",
        "mine": masu or (offer + "を担当します" if offer else ""),
        "mine_plain": plain or (offer + "を担当する" if offer else ""),
        "deadline": base + "までに" if base else "",
        "deadline_base": base,
    }


def _ja_join_asks(te_forms: list[str], connector: str) -> str:
    """「Aてもらうか、Bて」: each earlier ask takes the connector, the template ends the last."""
    if not te_forms:
        return ""
    return "".join(t + connector for t in te_forms[:-1]) + te_forms[-1]


# --- greeting --------------------------------------------------------------------------------


def address_name(recipient: str | None, lang: str, data: dict[str, Any]) -> str:
    """How to address the recipient at the start, or "" when it is a role, not a name.

    English: "tanaka" → "Tanaka"; "my manager" → "" (no "My manager, ..."). Japanese: a bare
    name gets さん ("田中" → "田中さん"), an address term stays (部長), a role is omitted (上司).
    """
    if not recipient:
        return ""
    name = clean_slot(recipient, lang, {"clean": {}})
    name = re.sub(r"^(?:my|the|a|an|our|to)\s+", "", name, flags=re.IGNORECASE).strip()
    if lang == "ja":
        name = join_cjk(name)
        name = re.sub(r"(?<=.)(?:には|に|へ|から)$", "", name)
    roles = {r.casefold() for r in data.get("roles", [])}
    if not name or name.casefold() in roles:
        return ""
    if lang == "ja":
        if name in data.get("address_terms", []) or name.endswith(tuple(data["honorific_suffixes"])):
            return name
        return name + "さん"
    if name.islower():
        name = " ".join(w[:1].upper() + w[1:] for w in name.split(" "))
    return name
