"""The one renderer: a HelpRequest → the message, per style × language × politeness.

Pure: it reads the request's own ``said`` text (analysed once, cached) and the per-language data
in ``data/<lang>.yaml``; ``message.build`` places the person's edited sentences by role, and
adds a sentence from the data only for what they did not say.
"""

from __future__ import annotations

import re
from typing import Any

from ..config import POLITENESS, STYLES
from ..errors import UsageError
from ..request import HelpRequest
from .data import load as load_templates
from .message import PHONE_CHECK, build


def render(request: HelpRequest, style: str = "three-lines", politeness: str | None = None, *,
           recipient: str | None = None, boundary: bool = False, lang: str | None = None,
           familiar: bool = False) -> str:
    """The message for ``request``. ``recipient`` overrides ``request.slots.recipient`` ("" means
    no greeting). A crisis gets the plain emergency wording whatever the style."""
    style = style or "three-lines"
    politeness = politeness or "polite"
    if style not in STYLES:
        raise UsageError(f"unknown style {style!r} (choose {', '.join(STYLES)})")
    if politeness not in POLITENESS:
        raise UsageError(f"unknown politeness {politeness!r} (choose {', '.join(POLITENESS)})")
    if lang and lang != request.language:
        request = HelpRequest.from_dict({**request.to_dict(), "language": lang})
    data = load_templates(request.language if request.language in ("en", "ja") else "en")
    who = request.slots.recipient if recipient is None else recipient
    name = address_name(who, request.language, data, familiar)
    message = build(request, style, politeness, name, boundary)
    if request.language == "en" and who and not name and not request.crisis:
        message = without_phone_opener(message, who)
    if request.language == "en" and not name and not request.crisis:
        message = with_typed_greeting(message, request.said or "")
    return message


_DEAR = re.compile(r"^(?:Dear|To) [^,\n.!?]{1,40},?$")


def with_typed_greeting(message: str, said: str) -> str:
    """A letter typed to a role ("Dear Practice Manager,", "Dear Sir/Madam,") keeps its greeting when
    no name is there to greet: the sign-off stays, and a letter with one but not the other reads
    as cut (reading 24)."""
    first = next((ln.strip() for ln in said.split("\n") if ln.strip()), "")
    if "\n" not in said or not _DEAR.match(first) or message.lower().startswith(first.lower().rstrip(",")):
        return message
    return f"{first.rstrip(',')},\n{message}"


def without_phone_opener(message: str, who: str) -> str:
    """"Is this the repairs line? My boiler…" to the repairs line: on the phone, checking who
    answered; a message to them starts with what is wrong. (With a greeting, the greeting's own
    patterns take it.)"""
    bare = re.sub(r"(?i)^(?:the|my|our)\s+", "", who.strip())
    if not bare:
        return message
    out = re.sub(rf"(?i)^{PHONE_CHECK}\s+(?:the\s+)?{re.escape(bare)}\b[\s,?.!]*(?=\S)",
                 "", message, count=1)
    return unquestioned(out[:1].upper() + out[1:]) if out != message else message


_ASKS_FIRST = re.compile(r"(?i)^(?:can|could|would|will|is|are|do|does|did|have|has|should|may|what|when|where|who|"
                         r"why|how|which)\b")


def unquestioned(text: str) -> str:
    """The question mark the opener's "is this…?" gave the words after it: "I am in room 204?" is told."""
    m = re.match(r"([^.?!]*)\?", text)
    if m and not _ASKS_FIRST.match(m.group(1)) and "\n" not in m.group(1):
        return m.group(1) + "." + text[m.end():]
    return text


def address_name(recipient: str | None, lang: str, data: dict[str, Any] | None = None,
                 familiar: bool = False) -> str:
    """How to address the recipient at the start, or "" when it is a role, not a name.

    English: "tanaka" → "Tanaka"; "my manager" → "" (no "My manager, ..."); "mom" → "Mom".
    Japanese: a bare name gets さん ("田中" → "田中さん"), an address term stays (部長), a role is
    omitted (上司).
    """
    if not recipient:
        return ""
    data = data if data is not None else load_templates(lang if lang in ("en", "ja") else "en")
    name = re.sub(r"\s+", " ", recipient).strip().strip(",、")
    if lang == "ja":
        from ..text.clean import join_cjk

        name = re.sub(r"(?<=.)(?:には|に|へ|から)$", "", join_cjk(name))
        name = re.sub(data.get("relation_prefix", r"$^"), "", name)  # 隣の鈴木さん → 鈴木さん
        if not name or name in data["roles"]:
            return ""
        if name in data.get("call_as", {}):
            return str(data["call_as"][name] or "")  # 母 → お母さん; 弟 → (called by name: no greeting)
        if re.search(data.get("group_endings", r"$^"), name):
            return name + "の皆さん"  # 経理部 → 経理部の皆さん
        if name in data["address_terms"] or name.endswith(tuple(data["honorific_suffixes"])):
            return name
        if name in data.get("no_san", []) or re.search(data.get("no_san_endings", r"$^"), name):
            return name  # 弟, オカン, 班長, 教授, 人事部: no さん after a family word or a title
        if familiar and re.fullmatch(r"[ぁ-んァ-ヶー一-龥々]{1,5}", name):
            return name  # a friend or family called as they are called: 健太, ゆみ
        if re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", name):
            return name[:1].upper() + name[1:] + "さん"
        return name + "さん"
    from ..text.en import lex

    # "Susan next door", "Mr Ali upstairs": how they are filed, not how they are greeted
    name = re.sub(r"(?i)(?<=\S)\s+(?:(?:from |at )?next door|(?:from )?(?:up|down)stairs|from across the road|across the road|"
                  r"from (?:work|church|the shop|number \w+|no\.? \w+))$", "", name)
    low = name.lower()
    if re.match(r"^(?:my|the|our|a|an)\s", low):
        return ""
    if low in lex()["address_words"]:
        return lex()["address_words"][low]
    from ..nlu import langdata

    if name.islower() and low in {r.lower() for r in langdata.load("en")["roles"]}:
        return ""
    if name.islower():
        name = " ".join(w[:1].upper() + w[1:] for w in name.split(" "))
    return name
