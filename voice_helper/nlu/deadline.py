"""Deadlines: the words said ("by five", "明日まで") and, when they resolve, a naive local ISO time.

Why resolve against an explicit ``now``: the dialog reads "by five" back as a time and the
tests pin the clock. Conventions (documented so people and tests agree): a bare hour 1-7 means
the afternoon; "tomorrow"/"明日" or a weekday alone means that day at 17:00 (end of the working
day); "before <weekday>" means that day at 09:00; "tonight"/"今夜" 20:00; "today"/"今日中"
end of day. A time that has already passed today moves to tomorrow.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..request import Deadline
from . import langdata
from .normalize import normalize

_PARTS = {"morning": 9, "afternoon": 14, "evening": 18, "night": 21, "noon": 12, "midday": 12,
          "lunch": 12, "lunchtime": 12, "midnight": 23}
EOD = 17


def _iso(dt: datetime) -> str:
    return dt.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def _at(day: datetime, hour: int, minute: int = 0) -> datetime:
    if hour >= 24:
        return day.replace(hour=23, minute=59, second=0, microsecond=0)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _weekday(now: datetime, wd: int, next_week: bool = False) -> datetime:
    ahead = (wd - now.weekday()) % 7
    if next_week:
        ahead = ahead + 7 if ahead else 7
    return now + timedelta(days=ahead)


def _future(now: datetime, dt: datetime) -> datetime:
    return dt if dt > now else dt + timedelta(days=1)


# ---- English ------------------------------------------------------------------------------

def _en_tables() -> tuple[dict[str, int], dict[str, int]]:
    data = langdata.load("en")
    nums = {k: int(v) for k, v in data["numbers"].items() if int(v) <= 12 and " " not in k and k != "couple"}
    return nums, {k: int(v) for k, v in data["weekdays"].items()}


def _en_regex() -> re.Pattern[str]:
    nums, wds = _en_tables()
    num = r"\d{1,2}|" + "|".join(sorted(nums, key=len, reverse=True))
    wd = "|".join(sorted(wds, key=len, reverse=True))
    clock = (rf"(?P<h>{num})(?::(?P<m>\d{{2}}))?(?:\s*(?P<ap>am|pm|a m|p m|a\.m\.|p\.m\.|o'clock|oclock))?"
             rf"(?:\s+(?:in the |this )(?P<cpart>morning|afternoon|evening)|\s+at night(?P<cnight>))?"
             rf"(?:\s+(?P<cday>today|tonight|tomorrow))?")
    day = (rf"(?P<day>the day after tomorrow|tomorrow|today|tonight|this (?:morning|afternoon|evening)"
           rf"|(?:the )?end of (?:the )?(?:day|week|month)|eod|close of business|cob|(?:the )?weekend"
           rf"|next week|noon|midday|midnight|lunch(?:time)?"
           rf"|(?P<next>next |this )?(?P<wd>{wd})\b(?: (?P<wdpart>morning|afternoon|evening|night))?)"
           rf"(?: (?P<part>morning|afternoon|evening|night))?")
    prep = r"(?P<prep>by|before|until|till|til|no later than|due(?: on| by)?|for|on|at)"
    return re.compile(
        rf"\b(?:{prep}\s+(?:(?:{day})|{clock}|(?P<event>the (?:\w+ ){{0,2}}(?:meeting|class|appointment|deadline|inspection|audit|exam|interview|presentation|shift|delivery|event|pitch|call)))"
        rf"|in (?P<in_n>\d+|an?|half an|one|two|three|ten|twenty|thirty) (?P<in_u>minutes?|mins?|hours?|hour)"
        rf"|(?P<bare>tonight|tomorrow(?: (?:morning|afternoon|evening|night))?|this (?:afternoon|evening)|the day after tomorrow|end of (?:the )?day))\b")


_EN_RE: re.Pattern[str] | None = None


def parse_deadline_en(text: str, now: datetime) -> Deadline | None:
    global _EN_RE
    if _EN_RE is None:
        _EN_RE = _en_regex()
    nums, wds = _en_tables()
    for m in _EN_RE.finditer(text):
        g = m.groupdict()
        if g["prep"] in ("for", "on", "at") and not (g["day"] or g["h"]):
            continue
        if g["prep"] in ("for",) and g["h"]:
            continue  # "for two" is a duration or a count, not a time
        if g["prep"] == "at" and g["h"] and not (g["ap"] or g["m"] or g["cday"]):
            pass
        iso = _resolve_en(g, now, nums, wds)
        return Deadline(text=m.group(0).strip(), iso=iso)
    return None


def _resolve_en(g: dict[str, str | None], now: datetime, nums: dict[str, int], wds: dict[str, int]) -> str | None:
    today = now
    if g["in_n"]:
        n = {"a": 1, "an": 1, "half an": 0.5, "one": 1, "two": 2, "three": 3, "ten": 10,
             "twenty": 20, "thirty": 30}.get(g["in_n"] or "", None)
        n = float(g["in_n"]) if n is None else n
        minutes = n * 60 if (g["in_u"] or "").startswith("hour") else n
        return _iso(now + timedelta(minutes=minutes))
    if g["event"]:
        return None
    day = (g["day"] or g["bare"] or "").strip()
    before = g["prep"] == "before"
    if g["h"]:
        h = int(g["h"]) if g["h"].isdigit() else nums[g["h"]]
        mi = int(g["m"] or 0)
        ap = (g["ap"] or "").replace(" ", "").replace(".", "")
        if g.get("cpart") in ("afternoon", "evening") or g.get("cnight") is not None:
            ap = ap or "pm"
        elif g.get("cpart") == "morning":
            ap = ap or "am"
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        elif not ap.endswith("m") and 1 <= h <= 7:
            h += 12
        if h > 23 or mi > 59:
            return None
        if g["cday"] == "tomorrow":
            return _iso(_at(now + timedelta(days=1), h, mi))
        return _iso(_future(now, _at(now, h, mi)))
    part = g.get("part") or g.get("wdpart")
    if g["wd"]:
        d = _weekday(now, wds[g["wd"]], next_week=(g["next"] or "").strip() == "next")
        hour = _PARTS.get(part or "", 9 if before else EOD)
        return _iso(_at(d, hour))
    if day.startswith("tomorrow") or day == "the day after tomorrow":
        d = now + timedelta(days=2 if day.startswith("the day after") else 1)
        p = day.split(" ")[-1] if " " in day and not day.startswith("the") else part
        return _iso(_at(d, _PARTS.get(p or "", 9 if before else EOD)))
    if day in ("tonight",):
        return _iso(_at(today, 20) if now.hour < 20 else _at(today, 23, 59))
    if day.startswith("this "):
        return _iso(_future(now, _at(today, _PARTS[day.split()[1]])))
    if day in ("noon", "midday", "lunch", "lunchtime", "midnight"):
        h = _PARTS[day]
        return _iso(_future(now, _at(today, h, 59 if day == "midnight" else 0)))
    if day in ("today",) or "end of" in day and "day" in day or day in ("eod", "close of business", "cob"):
        return _iso(_at(today, EOD) if now.hour < EOD else _at(today, 23, 59))
    if "week" in day and "end" in day:
        return _iso(_at(_weekday(now, 4), EOD))
    if "weekend" in day:
        return _iso(_at(_weekday(now, 4), EOD))
    if day == "next week":
        return _iso(_at(_weekday(now, 0, next_week=True), 9))
    if "month" in day:
        nxt = (now.replace(day=28) + timedelta(days=4)).replace(day=1)
        return _iso(_at(nxt - timedelta(days=1), EOD))
    return None


_DEADLINE_PREPS = ("by", "before", "until", "till", "til", "no later than", "due", "due on", "due by")


def find_times_en(text: str, now: datetime) -> list[tuple[Deadline, str, tuple[int, int]]]:
    """Every time in a lower-case English line: (what was said with its ISO, role, span).

    The role comes from the word before it: "by/before/until" make a deadline, anything else a
    time something happens ("at 10 am on Tuesday", "tonight"). Neighbours are merged so "tomorrow
    at three in the afternoon" is one time, 15:00 tomorrow.
    """
    global _EN_RE
    if _EN_RE is None:
        _EN_RE = _en_regex()
    nums, wds = _en_tables()
    found: list[tuple[re.Match[str], dict[str, str | None]]] = []
    for m in _EN_RE.finditer(text):
        g = m.groupdict()
        if g["prep"] in ("for", "on", "at") and not (g["day"] or g["h"]):
            continue
        if g["prep"] == "for" and g["h"]:
            continue
        if g["h"] and not g["prep"] and not (g["ap"] or g["m"]):
            continue
        found.append((m, g))
    out: list[tuple[Deadline, str, tuple[int, int]]] = []
    i = 0
    while i < len(found):
        m, g = found[i]
        start, end = m.start(), m.end()
        merged = dict(g)
        parts = [g]
        while i + 1 < len(found):
            m2, g2 = found[i + 1]
            gap = text[end:m2.start()]
            if not re.fullmatch(r"\s*(?:,|at|on|in the|this)?\s*", gap):
                break
            for k, v in g2.items():
                if v and not merged.get(k) and k != "prep":
                    merged[k] = v
            if g2.get("h") and not g.get("h"):
                merged.update({k: g2[k] for k in ("h", "m", "ap", "cpart", "cnight", "cday")})
            end = m2.end()
            parts.append(g2)
            i += 1
        said = text[start:end].strip()
        iso = _resolve_en(merged, now, nums, wds) if len(parts) == 1 else _merge_isos(parts, now, nums, wds)
        role = "deadline" if any((p.get("prep") or "").strip() in _DEADLINE_PREPS for p in parts) else "when"
        out.append((Deadline(text=said, iso=iso), role, (start, end)))
        i += 1
    return out


def _merge_isos(parts: list[dict[str, str | None]], now: datetime, nums: dict[str, int],
                wds: dict[str, int]) -> str | None:
    """"noon" + "tomorrow", "tomorrow" + "at three": the day of one part, the hour of the other."""
    isos = [(p, _resolve_en(p, now, nums, wds)) for p in parts]
    timed = [iso for p, iso in isos if iso and (p.get("h") or (p.get("day") or p.get("bare") or "")
                                                  in ("noon", "midday", "midnight", "lunch", "lunchtime"))]
    dated = [iso for p, iso in isos if iso and (p.get("wd") or "tomorrow" in (p.get("day") or p.get("bare") or "")
                                                  or "tomorrow" in (p.get("cday") or ""))]
    if timed and dated:
        return dated[0][:10] + timed[0][10:]
    return next((iso for _, iso in isos if iso), None)


def find_times_ja(text: str, now: datetime) -> list[tuple[Deadline, str, tuple[int, int]]]:
    """Every time in a Japanese line: までに / 締め切り make a deadline; 「火曜日の10時に」 is when."""
    out: list[tuple[Deadline, str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for m in _JA_RE.finditer(text):
        g = m.groupdict()
        if g.get("after"):
            n = kanji_number(g["after"]) or 0
            minutes = n * 60 if g["unit"] == "時間" else n
            out.append((Deadline(m.group(0), _iso(now + timedelta(minutes=minutes))), "deadline", m.span()))
            taken.append(m.span())
            continue
        if not (g["day"] or g["part"] or g["h"]):
            continue
        mark = g.get("mark") or ""
        said = m.group(0)
        role = "deadline" if mark in ("までに", "中に") or "締" in mark or "期限" in mark or "納期" in mark else "when"
        if mark == "まで" and not g["h"] and not g["part"]:
            role = "deadline"
        out.append((Deadline(said, _resolve_ja(g, now)), role, m.span()))
        taken.append(m.span())
    for m in _JA_BARE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        g = dict(m.groupdict())
        for k in ("mark", "event", "after", "unit", "half"):
            g.setdefault(k, None)
        out.append((Deadline(m.group(0), _resolve_ja(g, now)), "when", m.span()))
    out.sort(key=lambda t: t[2][0])
    return out


# ---- Japanese -----------------------------------------------------------------------------

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}


def kanji_number(s: str) -> int | None:
    """"15", "十五", "二十", "三" -> int (up to 99); None when not a number."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _KANJI_DIGITS and c != "十" for c in s):
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_KANJI_DIGITS.get(tens, 1) if tens else 1) * 10 + (_KANJI_DIGITS.get(ones, 0) if ones else 0)
    return int("".join(str(_KANJI_DIGITS[c]) for c in s))


_JNUM = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_JA_DAY = (r"(?P<day>(?P<next>来週の|今週の)?(?P<wd>[月火水木金土日])曜(?:日)?|今日中|今日|本日中|本日|今夜|今晩|今夕|明日|あした|あす|明後日|あさって|今週中|今週末|今週|来週|週末|月末|今月中)")
_JA_PART = r"(?P<part>朝|午前中|昼|お昼|正午|夕方|夜|定時|終業時間|終業|始業)"
_JA_CLOCK = rf"(?P<ampm>午前|午後)?(?P<h>{_JNUM})時(?!間)(?:(?P<half>半)|(?P<m>{_JNUM})分)?"
_JA_MARK = r"(?P<mark>までに|まで|中に|の締め切り|の締切|が締め切り|が期限|が納期|の期限)"
_JA_RE = re.compile(
    rf"(?:{_JA_DAY}(?:の)?)?(?:{_JA_PART}(?:の)?)?(?:{_JA_CLOCK})?(?P<event>の?[^\sのをにがはで。]{{1,6}}?)?{_JA_MARK}"
    rf"|(?P<after>{_JNUM})(?P<unit>分|時間)(?:後|以内)")
_JA_BARE = re.compile(rf"{_JA_DAY}(?:の?{_JA_PART})?|{_JA_CLOCK}")


def parse_deadline_ja(text: str, now: datetime) -> Deadline | None:
    for m in list(_JA_RE.finditer(text)) + list(_JA_BARE.finditer(text)):
        g = m.groupdict()
        g.setdefault("after", None)
        g.setdefault("half", None) 
        if g["after"]:
            n = kanji_number(g["after"]) or 0
            minutes = n * 60 if g["unit"] == "時間" else n
            return Deadline(m.group(0), _iso(now + timedelta(minutes=minutes)))
        if not (g["day"] or g["part"] or g["h"]):
            continue  # "〜まで" after a place ("駅まで") is not a deadline
        said = m.group(0)
        return Deadline(said, _resolve_ja(g, now))
    return None


def _resolve_ja(g: dict[str, str | None], now: datetime) -> str | None:
    day = g["day"] or ""
    base = now
    default_hour = EOD
    if g["wd"]:
        base = _weekday(now, "月火水木金土日".index(g["wd"]), next_week=(g["next"] == "来週の"))
    elif day in ("明日", "あした", "あす"):
        base = now + timedelta(days=1)
    elif day in ("明後日", "あさって"):
        base = now + timedelta(days=2)
    elif day in ("今夜", "今晩", "今夕"):
        default_hour = 20
    elif day in ("今日中", "本日中"):
        default_hour = 24
    elif day in ("今週中", "今週", "今週末", "週末"):
        base = _weekday(now, 4)
    elif day == "来週":
        return _iso(_at(_weekday(now, 0, next_week=True), 9))
    elif day in ("月末", "今月中"):
        nxt = (now.replace(day=28) + timedelta(days=4)).replace(day=1)
        base = nxt - timedelta(days=1)
    if g["h"]:
        h = kanji_number(g["h"]) or 0
        mi = 30 if g["half"] else (kanji_number(g["m"] or "") or 0)
        if g["ampm"] == "午後" and h < 12:
            h += 12
        elif g["ampm"] is None and 1 <= h <= 7:
            h += 12
        if h > 23:
            return None
        dt = _at(base, h, mi)
        return _iso(_future(now, dt) if not day and not g["wd"] else dt)
    part = g["part"]
    if part:
        hour = {"朝": 9, "午前中": 12, "昼": 12, "お昼": 12, "正午": 12, "夕方": 17, "夜": 20,
                "定時": EOD, "終業時間": EOD, "終業": EOD, "始業": 9}[part]
        dt = _at(base, hour)
        return _iso(_future(now, dt) if not day and not g["wd"] else dt)
    dt = _at(base, default_hour)
    if not day and not g["wd"]:
        return None
    return _iso(dt if dt > now or day not in ("今日", "本日", "今夜", "今晩", "今夕") else _at(now, 23, 59))


def parse_deadline(text: str, lang: str, now: datetime | None = None, canonical: bool = False) -> Deadline | None:
    """A deadline in ``text`` (a whole utterance or just an answer to "By when?")."""
    now = now or datetime.now()
    if not canonical:
        text = normalize(text, lang)
    return parse_deadline_ja(text, now) if lang == "ja" else parse_deadline_en(text, now)
