"""Whom to contact now in a crisis, per region: the data file's defaults or the user's own list.

Why settings win: a person (or their carer) knows the numbers that work for them; the
defaults (Japan: 119, 110, いのちの電話, よりそいホットライン; US: 911, 988) are only a floor.
"""

from __future__ import annotations

from ..config import Settings
from ..request import Resource
from . import langdata


def crisis_resources(region: str, settings: Settings | None = None,
                     kind: str | None = None) -> list[Resource]:
    """Contacts for ``region``; those marked ``first_for`` this crisis ``kind`` come first."""
    if settings is not None and settings.crisis_resources:
        return [Resource(r.name, r.number, r.note) for r in settings.crisis_resources]
    table = langdata.load_resources()
    rows = table.get((region or "US").upper()) or table["US"]
    rows = sorted(rows, key=lambda r: kind not in (r.get("first_for") or ()))  # stable
    return [Resource(r["name"], str(r["number"]), r.get("note", "")) for r in rows]
