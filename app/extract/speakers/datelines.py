"""The country a story is filed from, for the officials it names without one.

Wire copy gives the host's officials bare titles: under "KYIV (Reuters) -", "President
Oleksandr Bondar" is Ukraine's president and "the foreign ministry spokesperson" Ukraine's.
Only a dateline the country list names counts (capitals, mostly), and never a city where the
world meets (Brussels, Geneva, New York): there, a bare "the president" may be anyone's.
"""

import re

from app.extract.speakers.lexicon import ROLE_HINTS, TITLE_WORDS
from app.extract.speakers.officials import Officials
from app.extract.text.sentences import DATELINE

# Cities whose datelines report international bodies and summits, not a host government.
MEETING_PLACES = frozenset("brussels geneva vienna strasbourg davos munich luxembourg".split()) | {
    "new york",
    "united nations",
    "the hague",
}
# A national office's words, with nothing that names another body or place.
NATIONAL_OFFICE_WORDS = (
    TITLE_WORDS | ROLE_HINTS | {"ministry", "office", "cabinet", "military", "army", "rear"}
)
HEAD_OFFICES = frozenset(
    """president premier chancellor minister secretary spokesman spokeswoman spokesperson king
    queen emir sultan monarch""".split()
)


def dateline_country(text: str, spans: list[tuple[int, int]], officials: Officials) -> str | None:
    """The country the first body paragraph is datelined from, else None."""
    for lo, hi in spans[:4]:
        m = DATELINE.match(text, lo, hi)
        if m is None:
            continue
        city = re.split(r"[,(]|\s[—–-]", m.group())[0].strip()
        if city.lower() in MEETING_PLACES:
            return None
        return officials.country_in(city.title())
    return None


def national_office(role: str) -> bool:
    """'president', 'foreign ministry spokesperson', 'prime minister': a national office
    named by title words alone ("Samara governor", "European Commission president" are not)."""
    words = re.findall(r"[a-z]+", role)
    return (
        bool(words)
        and any(w in HEAD_OFFICES for w in words)
        and all(w in NATIONAL_OFFICE_WORDS or w in ("of", "the", "and") for w in words)
    )


NATIONAL_BODIES = frozenset(
    "ministry government cabinet presidency office army military navy parliament".split()
)
