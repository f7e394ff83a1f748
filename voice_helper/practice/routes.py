"""When there is no one to ask: consultation routes per region, as editable data with sources.

Why a separate list from the crisis numbers: most days are not emergencies, and a person who has
nobody to ask still needs somewhere to ask: work counselling, community help, older people's
centres, warmlines. The packaged list (``data/routes.yaml``) can be replaced per region by a
``routes.yaml`` in the user's config folder, read with the same care as the settings file
(owner-only, a few kilobytes). A broken user file is reported, and the packaged list is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..config import UnsafePathError, check_private_file, get_paths
from ..textsafe import strip_controls

PACKAGED = Path(__file__).resolve().parent.parent / "data" / "routes.yaml"
MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class Route:
    name: str
    number: str = ""
    hours: str = ""
    for_: str = ""
    kind: str = "life"
    source: str = ""

    def line(self) -> str:
        """One line for a screen: name, number, what for, hours."""
        parts = [self.name + (f"  {self.number}" if self.number and self.number != self.name else "")]
        if self.for_:
            parts.append(self.for_)
        if self.hours:
            parts.append(self.hours)
        return " — ".join(parts)


def user_file() -> Path:
    return get_paths().config_dir / "routes.yaml"


def _read_user() -> tuple[dict[str, Any], str]:
    path = user_file()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return {}, ""
    except OSError as exc:
        return {}, f"{path}: cannot be read ({exc.strerror}); the built-in list is shown"
    try:
        check_private_file(fd, path, "routes file")
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return {}, f"{path} is too large; the built-in list is shown"
        data = yaml.safe_load(raw.decode("utf-8")) or {}
        if not isinstance(data, dict):
            return {}, f"{path}: expected regions (JP:, US:); the built-in list is shown"
        return data, ""
    except UnsafePathError as exc:
        return {}, str(exc)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return {}, f"{path} is not valid YAML ({str(exc).splitlines()[0]}); the built-in list is shown"
    finally:
        os.close(fd)


def _routes(items: Any) -> list[Route]:
    out = []
    for item in items or []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        clean = {k: strip_controls(str(item.get(k) or "")).strip()
                 for k in ("name", "number", "hours", "for", "kind", "source")}
        out.append(Route(clean["name"], clean["number"], clean["hours"], clean["for"],
                         clean["kind"] or "life", clean["source"]))
    return out


def routes_for(region: str, *, include_crisis: bool = True) -> tuple[list[Route], str]:
    """The routes for a region (JP, US…), the user's file first; and a problem to show, if any."""
    region = (region or "US").upper()
    user, problem = _read_user()
    if region in user:
        found = _routes(user[region])
        if not found and not problem:
            problem = f"{user_file()}: no usable entries for {region}; the built-in list is shown"
    else:
        found = []
    if not found:
        packaged = yaml.safe_load(PACKAGED.read_text(encoding="utf-8")) or {}
        found = _routes(packaged.get(region) or packaged.get("US"))
    if not include_crisis:
        found = [r for r in found if r.kind != "crisis"]
    return found, problem


def region_for(settings: Any, lang: str) -> str:
    return settings.region_for(lang) if settings is not None else ("JP" if lang == "ja" else "US")


def routes_text(settings: object, lang: str) -> str:
    """The routes for the person's region as lines to show (the source under each), and a
    problem with their own routes file if there is one: one text for every screen that shows it."""
    routes, problem = routes_for(region_for(settings, lang))  # type: ignore[arg-type]
    lines = [r.line() + (f"\n    {r.source}" if r.source else "") for r in routes]
    if problem:
        lines.append(problem)
    return "\n".join(lines)
