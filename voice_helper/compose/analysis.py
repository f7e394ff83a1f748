"""One analysis of what the person said, read by the slots (``nlu``) and by the message.

``draft(text, lang)`` is cached per text, so the parse and every re-render (the UI re-renders on
each edit) share it; ``draft_for(request)`` reads the request's own ``said`` text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..request import HelpRequest
from .sentence import Draft, Sentence

if TYPE_CHECKING:
    from .layout import Layout


def draft(text: str, lang: str) -> Draft:
    from .layout import find

    laid = find(text, lang)
    if laid is None:
        return _edited(text, lang)
    return _laid_out(laid, lang)


def _edited(text: str, lang: str) -> Draft:
    if lang == "ja":
        from . import ja

        return ja.analyse(text)
    from . import en

    return en.analyse(text)


def _laid_out(laid: "Layout", lang: str) -> Draft:
    """A typed note with a list or a signature: the editor reads the lines before the list and the
    lines after it; the list goes between them as typed, the signature last as typed. The list is
    the ask when the lines before it lead into it ("could you:", 「次の3点、確認お願いします。」,
    「入院中のお願い」) or nothing else asks."""
    head = _edited(laid.head, lang) if laid.head else Draft(lang, [])
    # the lines after the list are read as said to the helper the note greets ("Morning Kaz … Or can Dean
    # take the certs?" asks Kaz for Dean; read alone, Dean became the helper)
    called = f"{head.helper}{'、' if lang == 'ja' else ', '}" if head.helper and laid.tail else ""
    tail = _edited(called + laid.tail, lang) if laid.tail else Draft(lang, [])
    if called and tail.helper != head.helper:
        tail = _edited(laid.tail, lang)
    sentences = list(head.sentences)
    if laid.items and not laid.lead and laid.head.endswith((":", "：")) and sentences:
        # "Hi Omar, could you grab:" on one line: the editor reads the greeting; the colon stays
        last = sentences[-1]
        sentences[-1] = Sentence(last.role, last.text, render=lambda register, _s=last: re.sub(
            r"[?.!？。！:：]*$", ":", _s.say(register), count=1), ask_core=last.ask_core.rstrip(":："), has_time=last.has_time,
            asks_answer=last.asks_answer)
    if laid.items:
        listed = laid.list_text()
        last = head.sentences[-1] if head.sentences else None
        leads = bool(laid.lead) or (last is not None and last.role in ("ask", "need")) \
            or re.search(r"お願い|頼み|could you|can you|would you|please", laid.head, flags=re.IGNORECASE) is not None
        asks_elsewhere = any(s.role in ("ask", "need") for s in head.sentences + tail.sentences)
        role = "ask" if leads or not asks_elsewhere else "statement"
        sent = Sentence(role, listed.replace("\n", " "), render=lambda register, _t=listed: f"\n{_t}\n")
        sent.ask_core = ("、" if lang == "ja" else ", ").join(laid.items) if role == "ask" else ""
        sentences.append(sent)
    closing = [s for s in tail.sentences if s.role == "closing"]
    sentences += [s for s in tail.sentences if s.role != "closing"] + closing
    if laid.signature:
        signed = "\n".join(laid.signature)
        sentences.append(Sentence("closing", signed.replace("\n", " "), render=lambda register, _t=signed: f"\n{_t}"))
    return Draft(lang, sentences, helper=head.helper or (tail.helper if not laid.head else None),
                 source_register=head.source_register if head.sentences else tail.source_register,
                 difficulty=head.difficulty or tail.difficulty,
                 helper_relation=head.helper_relation or tail.helper_relation)


def draft_for(request: HelpRequest) -> Draft:
    lang = request.language if request.language in ("en", "ja") else "en"
    return draft(request.said or "", lang)


def ask_list(d: Draft) -> list[str]:
    """Each concrete ask, as said, without its time: "check the figures or format the tables by
    five" → ["check the figures", "format the tables"]; 「資料の確認かスライドの印刷を」 → two."""
    out: list[str] = []
    for s in d.by_role("ask"):
        core = _without_times(s.ask_core, d.lang).strip(" ,.?、。")
        if not core:
            continue
        if d.lang == "en":
            out.extend(_split_or(core))
        else:
            out.extend(_split_ja(core))
    return [a for a in out if a]


def _without_times(core: str, lang: str) -> str:
    from datetime import datetime

    from ..nlu.deadline import find_times_en, find_times_ja

    now = datetime(2000, 1, 3, 9, 0)
    if lang == "ja":
        core = core.replace("、", "")
        for _, _, (a, b) in reversed(find_times_ja(core, now)):
            core = core[:a] + core[b:]
        return core
    low = core.lower()
    for _, _, (a, b) in reversed(find_times_en(low, now)):
        core = core[:a] + core[b:]
        low = low[:a] + low[b:]
    core = re.sub(r",", " ", core)
    core = re.sub(r"\b(?:for me|please|for a bit|for a while|if possible)\b", " ", core, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", core).strip()


def _split_ja(core: str) -> list[str]:
    parts = re.split(r"(?<=[^\s])か(?=[^\s]{2,}を$)", core)
    parts = [re.sub(r"を$", "", p) for p in parts]
    return parts if len(parts) > 1 else [core]


def offer_text(d: Draft) -> str:
    offers = [s.ask_core.strip(" ,.") for s in d.by_role("offer") if s.ask_core.strip()]
    if d.lang == "en":
        offers = [re.sub(r"\s+in return$", "", o) for o in offers]
    return offers[0] if offers else ""


def _split_or(core: str) -> list[str]:
    from ..nlu import langdata

    verbs = set(langdata.load("en")["verbs"])
    for joiner in (r",?\s+or\s+", r",?\s+and\s+"):
        parts = re.split(joiner, core)
        if len(parts) > 1 and all(p.split(" ", 1)[0].lower() in verbs for p in parts[1:]):
            return [q for p in parts for q in _split_or(p)] if joiner.endswith("or\\s+") else parts
    return [core]
