"""Text → finished HelpRequest: parse with the intent engine, decide the wording, render.

This is where settings meet the pure renderer: the recipient's contact entry picks the
politeness, ``settings.compose`` supplies the default style and the boundary line. The UI uses
``compose_request`` to re-render an edited request live, without parsing again.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime

from ..config import STYLES, Settings, load_settings
from ..errors import UsageError
from ..request import HelpRequest
from ..textsafe import clean_lines, clean_utterance
from .politeness import choose_politeness, role_relation
from .render import render


def compose_text(text: str, *, lang: str = "auto", style: str | None = None,
                 politeness: str | None = None, to: str | None = None,
                 settings: Settings | None = None, now: datetime | None = None) -> HelpRequest:
    """Parse what was said and return the request with its message filled in.

    Raises UsageError for empty or control-character-only text, or a bad option value.
    """
    cleaned = clean_utterance(text or "")
    if not cleaned:
        raise UsageError("nothing to compose: the text is empty (or only control characters)")
    if lang not in ("auto", "en", "ja"):
        raise UsageError(f"unknown language {lang!r} (choose auto, en, ja)")
    from ..nlu import get_engine  # the engine loads its model once per process

    request = get_engine(settings).parse(clean_lines(text), lang=lang, now=now)  # a note's lines kept
    return compose_request(request, style=style, politeness=politeness, to=to, settings=settings)


def compose_request(request: HelpRequest, *, style: str | None = None,
                    politeness: str | None = None, to: str | None = None,
                    boundary: bool | None = None, settings: Settings | None = None) -> HelpRequest:
    """A copy of ``request`` with ``to`` applied and the message (re-)rendered.

    ``to`` replaces the recipient slot; ``boundary`` None means "as settings say". The input is
    not modified, so the UI can keep the previous version for undo.
    """
    settings = settings if settings is not None else load_settings()
    out = copy.deepcopy(request)
    if to is not None:
        out.slots.recipient = clean_utterance(to) or None
    style = style or settings.compose.style
    if style not in STYLES:
        raise UsageError(f"unknown style {style!r} (choose {', '.join(STYLES)})")
    contact = settings.contact(out.slots.recipient)
    relation = role_relation(out.slots.recipient, out.language) if contact is None else None
    if relation is None and contact is None and out.slots.recipient:
        from .analysis import draft_for

        said = draft_for(out)
        if said.helper == out.slots.recipient and said.helper_relation:
            relation = said.helper_relation  # 孫の芽衣: family, asked as family is asked
    if politeness is None and contact is None and relation is None and _bare_given_name(out):
        # 「美咲」「健太」 with no contact saved: a friend called by name; the person's own casual
        # register is the best evidence of how they talk to them.
        from .analysis import draft_for

        if draft_for(out).source_register == "casual" or (out.slots.recipient or "").endswith("ちゃん"):
            politeness = "casual"  # (nobody asks 美咲ちゃん in keigo: a grandmother's 「見てくれる」 stays so)
    if politeness is None and contact is None and relation is None and out.language == "ja" \
            and settings.compose.politeness == "polite" and _says_only_casually(out):
        # The person speaks casually, in words that cannot be re-said in です・ます (dialect: 取り込めんと,
        # しんどいけぇ): one register throughout reads better than their sentence beside keigo.
        politeness = "casual"
    level = choose_politeness(politeness, contact, settings, relation)
    if level == "casual" and out.language == "ja" and _typed_politely(out):
        # a letter typed in です・ます or keigo (「お世話になっております…担当いたします」) is never made plain:
        # made casual it broke (reading 23: 「異動することになった」「担当いたす」 to a client)
        level = "polite"
    recipient = contact.name if contact is not None else out.slots.recipient
    use_boundary = settings.compose.boundary_line if boundary is None else boundary
    familiar = (contact is not None and contact.relation in ("friend", "family")) or (
        contact is None and relation in (None, "family") and (level == "casual" or _called_bare(out))
        and _bare_given_name(out))
    out.message = render(out, style, level, recipient=recipient or "", boundary=use_boundary, familiar=familiar)
    return out


_POLITE_END = re.compile(r"(?:です|ます|ません|でした|ました|ください|ましょう|でしょう)[かね]?[。？！?!]*$")


def _says_only_casually(request: HelpRequest) -> bool:
    """A casual speaker with a sentence (not a fragment) the editor cannot re-say politely."""
    from .analysis import draft_for

    said = draft_for(request)
    if said.source_register != "casual":
        return False
    for s in said.by_role("statement"):
        polite = s.say("polite")
        if len(polite) > 10 and not _POLITE_END.search(polite):
            return True
    return False


def _typed_politely(request: HelpRequest) -> bool:
    """A letter typed in keigo: punctuated, its sentences in です・ます, with a set phrase of one
    (お世話になっております, いたします, ございます, ご確認いただけますと幸い…)."""
    said = request.said or ""
    ends = re.findall(r"(?:です|ます|ました|ません|ございます|でしょうか|ください|いたします)(?=[。！？!?]|$)", said, flags=re.M)
    keigo = re.search(r"お世話にな(?:って|り)|いたし|ございま|申し上げ|恐れ入|恐縮|存じ|拝|賜|幸いです|ご確認|ご検討|ご教示", said)
    return "。" in said and len(ends) >= 2 and keigo is not None


def _called_bare(request: HelpRequest) -> bool:
    """The person wrote the name first, as it is ("ゆうき へ", "ゆうき、"): that is how they call them,
    so no さん is added (a grandmother writing to her grandson)."""
    name = (request.slots.recipient or "").strip()
    said = re.sub(r"\s+", "", request.said or "")
    return bool(name) and said.startswith(name) and re.match(r"[へ、,]", said[len(name):len(name) + 1] or "x") is not None


def _bare_given_name(request: HelpRequest) -> bool:
    """A friend called by name: 「美咲」, or with the suffix of someone close (「ゆいちゃん」「健くん」)."""
    name = re.sub(r"(?<=.)(?:ちゃん|くん|君|っち)$", "", (request.slots.recipient or "").strip())
    # (a name in kana is longer for the same name: りょうへい, しんのすけ)
    return request.language == "ja" and bool(re.fullmatch(r"[ぁ-んァ-ヶー一-龥々]{1,4}|[ぁ-んー]{5,6}", name)) \
        and not name.endswith(("さん", "様", "部長", "課長", "先生", "店長", "先輩", "係長", "社長", "部", "課", "係",
                               "室", "科", "局", "所", "店", "院", "班", "チーム", "センター", "窓口"))


def rerender(request: HelpRequest, style: str | None = None, politeness: str | None = None,
             recipient: str | None = None, boundary: bool | None = None,
             settings: Settings | None = None) -> HelpRequest:
    """What the UI and dialog call after an edit: ``compose_request`` with positional options."""
    return compose_request(request, style=style, politeness=politeness, to=recipient,
                           boundary=boundary, settings=settings)
