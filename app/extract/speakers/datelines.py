"""The country a story is filed from, for the officials it names without one.

Wire copy gives the host's officials bare titles: under "KYIV (Reuters) -", "President
Oleksandr Bondar" is Ukraine's president and "the foreign ministry spokesperson" Ukraine's.
Only a dateline the country list names counts (capitals, mostly), and never a city where the
world meets (Brussels, Geneva, New York): there, a bare "the president" may be anyone's.
"""

import re

from app.extract.speakers.lexicon import ROLE_HINTS, TITLE_WORDS, US_STATES
from app.extract.speakers.officials import Officials
from app.extract.speakers.places import city_country
from app.extract.text.sentences import DATELINE, UPPER

# Cities whose datelines report international bodies and summits, not a host government.
MEETING_PLACES = frozenset("brussels geneva vienna strasbourg davos munich luxembourg".split()) | {
    "new york",
    "united nations",
    "the hague",
}
# "NEW DELHI: India and China …", as South Asian papers print it: a city the country list
# names, in capitals, then a colon (a label, "UPDATE:", names no place).
COLON_DATELINE = re.compile(
    rf"(?P<city>[{UPPER}][{UPPER}.'’-]{{2,30}}(?: [{UPPER}][{UPPER}.'’-]{{1,30}}){{0,2}}):\s"
)


def _colon_dateline(text: str, lo: int, hi: int, officials: Officials) -> str | None:
    """The country of a city printed as a colon dateline, else None."""
    m = COLON_DATELINE.match(text, lo, hi)
    if m is None or m["city"].lower() in MEETING_PLACES:
        return None
    return officials.country_in(m["city"].title())


# A national office's words, with nothing that names another body or place.
# What a minister is minister of: "Economy Minister", "Trade Minister", "Government spokesman".
PORTFOLIOS = frozenset(
    """economy economic trade commerce energy health education agriculture environment labour
    labor transport culture tourism development industry housing climate immigration science
    justice government digital water irrigation oil petroleum mines mining fisheries planning
    information communications sports youth women land power electricity infrastructure
    veterans family social welfare works investment finance budget aviation telecommunications
    defence defense interior international relations cooperation forests forestry natural
    resources emergency emergencies public safety security municipal services seniors children
    heritage arts employment skills innovation wildlife parks lands indigenous northern
    citizenship treasury institutions intergovernmental procurement transportation revenue
    languages francophonie diversity inclusion disability addictions mental rural urban
    regional business consumer competition gender equality reconciliation statistics""".split()
)
GOVERNING = frozenset({"government", "administration", "junta"})
OFFICIALS_OF = GOVERNING | {"ministry"}
NATIONAL_OFFICE_WORDS = (
    TITLE_WORDS
    | ROLE_HINTS
    | {"ministry", "office", "cabinet", "military", "army", "rear", "opposition", "shadow"}
    | {"joint", "chiefs", "staff"}  # "the Joint Chiefs of Staff", filed from Seoul
    | {"maj", "major", "brig", "brigadier", "adm"}  # "Maj. Gen. Asif Rana", from Islamabad
    | {"presidential", "presidency"}  # "Presidential spokesman Manuel Adorni", from Buenos Aires
    # "Conservative Leader Pierre Poilievre", filed from Ottawa: a national party's leader
    | {"conservative", "labour", "labor", "liberal", "socialist", "party", "ndp", "bloc"}
    | {"tory", "democrat", "green", "greens"}  # "Tory leader …", "Liberal Democrat leader …"
    | {"mp", "critic"}  # "NDP MP Jenny Kwan", "Conservative critic …", filed from Ottawa
    | {"québécois", "quebecois", "interim"}  # "Bloc Québécois Leader", "NDP interim leader"
    # "The ruling Democratic Party's floor leader", filed from Seoul
    | {"ruling", "democratic", "republican", "floor", "whip"}
    | {"senate", "house", "majority", "minority"}  # "The Senate majority leader", from Washington
    | {"affairs", "external"}  # "Opposition foreign affairs spokesman", filed from Canberra
    | {"federal", "national"}  # "Federal Health Minister Marjorie Michel", filed from Toronto
    | PORTFOLIOS
    | GOVERNING
)
HEAD_OFFICES = frozenset(
    """president premier chancellor minister spokesman spokeswoman spokesperson king queen emir
    sultan monarch leader lawmaker legislator senator congressman congresswoman speaker mp
    critic general gen colonel col admiral adm brigadier brig""".split()  # (military ranks)
)


def dateline_country(text: str, spans: list[tuple[int, int]], officials: Officials) -> str | None:
    """The country the first body paragraph is datelined from, else None."""
    for lo, hi in spans[:4]:
        m = DATELINE.match(text, lo, hi)
        if m is None and (colon := _colon_dateline(text, lo, hi, officials)) is not None:
            return colon
        if m is None:
            continue
        city, *rest = re.split(r"[,(]|\s[—–-]", m.group())
        city = city.strip()
        if city.lower() in MEETING_PLACES:
            return None
        # "BEIJING/MANILA (Reuters)": filed from two countries, the story has no one home
        if len({officials.country_in(part.strip().title()) for part in city.split("/")}) > 1:
            return None
        named = officials.country_in(city.title())
        where = rest[0].strip() if m.group()[len(city) :].lstrip().startswith(",") else ""
        if named and where and officials.named_also(where) == named:
            return named  # "TBILISI, Georgia (AP) —": the country, not the US state
        if where and not _is_date(where):
            # "LONDON, Ont. —", "PARIS, Texas —": the region printed after the city decides
            region = officials.country_in(where) or REGION_ABBREVIATIONS.get(where.rstrip("."))
            if region is not None:
                return region
        if named or not where or _is_date(where):
            # (a city of that name in the one country the lede names: "VICTORIA — British
            # Columbia's top doctor …" is Canada's, not Hong Kong's)
            return named or city_country(city.title(), officials.countries_in(text[m.end() : hi]))
        return None  # "VICTORIA, B.C. —" is decided above; an unknown region says nothing
    return None


# Provinces and states as datelines print them: "WINDSOR, Ont. —", "FLINT, Mich. —".
REGION_ABBREVIATIONS = dict.fromkeys(
    "B.C Alta Sask Man Ont Que N.S N.B N.L Nfld P.E.I Y.T N.W.T".split(), "CA"
) | {
    abbreviation: "US"
    for abbreviation in US_STATES
    # AP's "Pa.", "Ga.", "Va." too; not the postal codes ("IN", "OR", "ME" are words)
    if "." in abbreviation or len(abbreviation) > 2 or not abbreviation.isupper()
}


def dateline_city(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The city the first body paragraph is datelined from ("Windsor" for "WINDSOR, Ont. —")."""
    for lo, hi in spans[:4]:
        if (m := DATELINE.match(text, lo, hi)) is not None:
            city = re.split(r"[,(/]|\s[—–-]", m.group())[0].strip()
            return city.title() or None
    return None


def _is_date(words: str) -> bool:
    """'Dec 4', 'March 3', '3 April 2025': a dateline's date, not a region."""
    first = re.findall(r"[A-Za-z]+", words)[:1]
    return bool(first) and first[0].lower()[:3] in MONTHS or bool(re.match(r"\d", words))


MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


def national_office(role: str) -> bool:
    """'president', 'foreign ministry spokesperson', 'prime minister': a national office
    named by title words alone ("Samara governor", "European Commission president" are not)."""
    # "economy minister a green": the title printed before the name, not what follows it;
    # but "colonel a junta spokesman": the office is in what follows a rank
    role = re.sub(r"\b\d{1,3}-year-old\b", " ", role).strip()  # "Lehto, 52," is no office
    if role[:2] not in ("a ", "an"):
        before, *after = re.split(r"\s(?:a|an)\s", role, maxsplit=1)
        if not after or _heads(_words(before)):
            return _national(_words(before))
        return _national(_words(after[0]))
    return _national(_words(role))


def _words(role: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", re.sub(r"['’]s\b", "", role))  # ("québécois")


def _heads(words: list[str]) -> bool:
    return (
        any(w in HEAD_OFFICES for w in words)
        or any(w == "secretary" and n and words[n - 1] in SECRETARIES for n, w in enumerate(words))
        # "a senior administration official", "a foreign ministry official": not any official
        or (bool({"official", "officials"} & set(words)) and bool(OFFICIALS_OF & set(words)))
    )


def _national(words: list[str]) -> bool:
    if INTERNATIONAL_WORDS & set(words):
        return False  # "EU spokesman", "UN envoy": a body of states speaks for none of them
    return _heads(words) and all(
        w in NATIONAL_OFFICE_WORDS or w in ("of", "the", "and", "a", "an", "one", *SECRETARIES)
        for w in words
    )


INTERNATIONAL_WORDS = frozenset("eu un nato iaea imf wto opec asean".split())


# A secretary of these is a national minister ("Home Secretary", "Foreign Secretary"); a bare
# "Secretary of State" in a story filed from Yangon is still American.
SECRETARIES = frozenset(
    """home foreign defence defense interior health treasury cabinet press economy commerce
    energy trade finance labor labour agriculture education transportation environment
    transport culture business justice science""".split()
)


def national_body(name: str) -> bool:
    """'Foreign Ministry', 'Defense Ministry', 'Cabinet Office': a national body named by its
    office words alone, with no country or other name in it."""
    words = re.findall(r"[a-z]+", name.lower())
    # "Foreign Ministry", or "Ministry of External Affairs"
    ministry_of = len(words) >= 3 and words[0] in NATIONAL_BODIES and words[1] == "of"
    # "State Border Guard Service", "Federal Security Service", "National Police"
    of_the_state = len(words) >= 2 and words[0] in STATE_WORDS and words[-1] in STATE_BODIES
    return of_the_state or (
        len(words) >= 2
        and (words[-1] in NATIONAL_BODIES or ministry_of)
        and all(w in NATIONAL_OFFICE_WORDS or w == "of" for w in words)
    )


STATE_WORDS = frozenset("state national federal".split())
STATE_BODIES = frozenset("service agency committee council guard police".split())


NATIONAL_BODIES = frozenset(
    """ministry government cabinet presidency office army military navy parliament chiefs
    department""".split()
)
