"""Whom to contact now in a crisis, per region: the data file's defaults or the user's own list.

Why settings win: a person (or their carer) knows the numbers that work for them; the
defaults (Japan: 119, 110, いのちの電話, よりそいホットライン; US: 911, 988) are only a floor.
"""

from __future__ import annotations

from ..config import Settings
from ..request import Resource
from . import langdata


def crisis_resources(region: str, settings: Settings | None = None) -> list[Resource]:
    if settings is not None and settings.crisis_resources:
        return [Resource(r.name, r.number, r.note) for r in settings.crisis_resources]
    table = langdata.load_resources()
    rows = table.get((region or "US").upper()) or table["US"]
    return [Resource(r["name"], str(r["number"]), r.get("note", "")) for r in rows]
