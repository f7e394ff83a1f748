"""A typed note's layout: a bulleted list, and the signature lines under a Japanese letter.

Why: the editors read one line of speech, and a typed note's line breaks carry what the line
loses. Flattened, 「・燃えるゴミは火・金 ・ゆきの塾代、25日までに振込」 ran two items into one
(「火・金・ゆきの塾代」), "could you: - hang the mirror - move the telly" became one run-on question,
and 「長男 大塚 浩二⏎090-0000-0000」 became 「長男大塚浩二090-0000です」. Blind readers graded each of
those wrong. So the list keeps its lines and marks as typed (a note's items are never re-said in
another register) and the signature block is kept as typed, last; the editors read the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.clean import EMOJI_CHARS as _EMOJI
from ..text.clean import LIST_MARK

#: A list line: a bullet (「・」 "-" "•" "*" …), a number ("1." "2)") or a circled number, then the item.
_ITEM = re.compile(rf"^(?P<mark>{LIST_MARK})\s*(?P<item>\S.*)$")
#: A signature line: short, no sentence punctuation (a name, a department, a phone number).
_SIG_LINE = re.compile(r"^[^。、！？!?]{1,30}$")
#: A Japanese letter's address line to a group, alone on the first line (one person's name, 「大家さん」,
#: stays: the editor reads it as the one called).
_ADDRESS_LINE = re.compile(r"^[^。、！？!?\s]{0,20}\s?(?:御中|各位|の皆さま|の皆様|の皆さん|皆さま|皆様)[、,]?$")
#: A name with a note in brackets (「川村 直子（全盲）」「田中（経理）」): a signature line, though it ends in 「）」.
_NAME_NOTE = re.compile(r"^[一-龥ァ-ヶぁ-んー々]{1,6}[ 　]?[一-龥ァ-ヶぁ-んー々]{0,6}[（(][^）)。]{1,12}[）)]$")
#: A line of rule characters typed above a signature (「――――――」).
_RULE = re.compile(r"^[\-―─—_=＝~〜・*]{2,}$")
#: A line that ends a sentence: the signature starts after the last one.
_ENDS = re.compile(r"(?:[。！？!?）)」]|ます|です|ください|下さい|します|いたします|お願い)$")


@dataclass(frozen=True)
class Layout:
    head: str  # the lines before the list (or all of the body when there is no list), one line
    lead: str  # the line that leads into the list ("could you:"), as typed; "" when none
    items: tuple[str, ...]  # the list's items as typed, without their marks
    marks: tuple[str, ...]  # each item's mark as typed ("・", "-", "1.")
    tail: str  # the lines after the list, one line
    signature: tuple[str, ...]  # Japanese: the lines that sign the letter, as typed

    def list_text(self) -> str:
        """The list as typed, one item to a line (after the line that leads into it)."""
        lead = self.lead[:1].upper() + self.lead[1:]
        return "\n".join(([lead] if lead else []) + [f"{m}{'' if m == '・' else ' '}{t}" for m, t in zip(self.marks, self.items)])


def _one_item(lines: list[str], k: int) -> bool:
    """A list of one: a 「・」 item, or any item under a line that announces it ("…these:", 「…所です👇」)."""
    m = _ITEM.match(lines[k])
    above = lines[k - 1] if k > 0 else ""
    return m is not None and k > 0 and bool(above) and (m.group("mark") == "・" or re.search(r"[:：👇]$", above) is not None)


def find(text: str, lang: str) -> Layout | None:
    """The layout of a typed note, or None when it is one paragraph of sentences (speech, most
    typing): a list needs two item lines in a row, or one announced; a signature needs a blank line or a closing
    line above it."""
    if "\n" not in text:
        return None
    lines = [ln.strip() for ln in text.split("\n")]  # cleaned line by line already (textsafe.clean_lines)
    # an email's header lines ("To: Hamish (Grounds)", "Subj: marquee sat"): the message has its own
    while lines and re.match(r"(?i)^(?:to|subj|subject|re|from|cc|宛先|件名)\s*[:：]", lines[0]):
        lines = lines[1:]
    while lines and not lines[0]:
        lines = lines[1:]
    if lang == "ja" and len(lines) > 1 and _ADDRESS_LINE.match(lines[0]):
        lines = lines[1:]  # 「ゼミの皆さん」「営業部 御中」 on a line of its own: the greeting's (re-said: 「皆さん、です。」)
    lines, signature = _signature(lines) if lang == "ja" else _sign_off(lines)
    start = end = -1
    for k, ln in enumerate(lines):
        if _ITEM.match(ln) and (k + 1 < len(lines) and _ITEM.match(lines[k + 1]) or _one_item(lines, k)):
            start = end = k
            while end + 1 < len(lines) and _ITEM.match(lines[end + 1]):
                end += 1
            break
    if start < 0 and not signature:
        return None
    if start < 0:
        return Layout(_one_line(lines), "", (), (), "", tuple(signature))
    found = [_ITEM.match(ln) for ln in lines[start:end + 1]]
    items = tuple(m.group("item").strip() for m in found if m)
    marks = tuple(m.group("mark") for m in found if m)
    before = [ln for ln in lines[:start] if ln]
    lead = ""
    last = before[-1] if before else ""
    if lang == "ja" and last and not re.search(r"[。！？!?]$", last):
        # 「明日の訪問でお願いしたいこと：」「来週の防災訓練について」「【お願い】…」: a title over the list,
        # kept as typed (re-said in keigo it broke: 「…についたんです」); a sentence before it on its line is the body's
        cut = max(last.rfind("。"), last.rfind("！"), last.rfind("？"))
        if cut >= 0:
            before, last = before[:-1] + [last[:cut + 1]], last[cut + 1:].strip()
        if len(before) > 1 or last.startswith("【") or cut >= 0:
            lead, before = last, before[:-1] if cut < 0 else before
    elif len(before) > 1 and last.endswith((":", "：")):
        # "When you pop round Sunday could you:": the list finishes this sentence, so it stays as typed
        lead, before = last, before[:-1]
    head = _one_line(before)
    if lang == "ja":  # 「たかしへ」「小野監督へ」 alone over the list: whom it is to, as 「たかし、」 is
        head = re.sub(r"^([^\s。、]{1,12}?)\s?へ$", r"\1、", head)
    return Layout(head, lead, items, marks, _one_line(lines[end + 1:]), tuple(signature))


def _one_line(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(ln for ln in lines if ln)).strip()


def _sign_off(lines: list[str]) -> tuple[list[str], list[str]]:
    """The last lines of an English note that sign it ("Cheers, Nan x", "Diolch,⏎Mair", "Jess"), kept as typed:
    after a sentence's end or a list, one or two lines of at most four words, the first a
    sign-off word or ending in a comma, or a name alone."""
    while lines and not lines[-1]:
        lines = lines[:-1]
    for size in (3, 2, 1):
        block = lines[-size:] if len(lines) > size else []
        if not block or any(len(ln.split()) > 4 or "?" in ln or _ITEM.match(ln) for ln in block):
            continue
        if size == 3 and not re.match(_EN_SIGN_OFF, block[0], flags=re.IGNORECASE):
            continue  # three lines only under a sign-off word: "Thanks,⏎Carlos Mendoza⏎Security, Site B"
        above = lines[-size - 1]
        if above and not (re.search(r"[.!?)\]:]$", above) or _ITEM.match(above)):
            continue
        first = block[0]
        if re.match(_EN_SIGN_OFF, first, flags=re.IGNORECASE) or size == 2 and first.endswith(",") \
                or size == 1 and re.fullmatch(r"(?:[A-Z][a-z'-]+)(?: [A-Z][a-z'-]+)?(?: x+)?", first):
            return lines[:-size], list(block)
    return lines, []


_EN_SIGN_OFF = r"(?:cheers|thanks|thank you|thx|ta|love|lots of love|regards|kind regards|best|best wishes|many thanks|" \
    r"warm(?:est)? regards|yours|all the best|take care|xx*)\b"


def _signature(lines: list[str]) -> tuple[list[str], list[str]]:
    """The last lines of a Japanese letter that sign it: after a blank line or a closing line
    (「よろしくお願いいたします。」), up to four short lines with no sentence in them; or a name typed
    after the last sentence on its line (「検討お願いします🙏 木村」)."""
    while lines and not lines[-1]:
        lines = lines[:-1]
    last = re.match(r"^(?P<body>.*(?:[。！？!?]|[^\sぁ-ん]|ます|です))\s+(?P<name>[一-龥ァ-ヶー]{1,6}|[ぁ-ん]{2,4})$",
                    lines[-1]) if lines else None
    if last and len(lines) > 1 and re.search(r"[。！？!?]|ます|です|します|" + f"[{_EMOJI}]$", last.group("body")):
        return lines[:-1] + [last.group("body")], [last.group("name")]
    k = len(lines)
    while k > 0 and lines[k - 1] and ((_SIG_LINE.match(lines[k - 1]) or _RULE.match(lines[k - 1]))
                                      and not _ENDS.search(lines[k - 1]) or _NAME_NOTE.match(lines[k - 1])) \
            and not _ITEM.match(lines[k - 1]):
        k -= 1
    block = lines[k:]
    if not block or len(block) > 4 or k == 0:
        return lines, []
    above = lines[k - 1]
    if above and not _ENDS.search(above):
        return lines, []  # a line that does not end a sentence above it: the block is the body's
    kept = [ln for ln in block if not _RULE.match(ln)]
    if not kept or all(len(ln) <= 1 for ln in kept):
        return lines, []
    if above and len(kept) == 1 and not (" " in kept[0] and len(kept[0]) <= 16 or kept[0].endswith("より")):
        return lines, []  # 「…です⏎明日なら大丈夫」: one line with no blank above is a name only as 「長女 恵」
    return lines[:k], kept
