"""Government bodies printed in lower case: "Egypt's foreign ministry", "the Chinese embassy".

They are no names, so the registry never sees them; yet "it said" and a quote standing alone
after "Pakistan's foreign office also weighed in." are theirs. Each is found with the country
that owns it, so that the country's body is never another country's.
"""

import re
from dataclasses import dataclass

from app.extract.speakers.officials import Officials

BODY_NOUNS = (
    "ministry|office|department|embassy|consulate|government|military|army|navy|mission"
    "|delegation|presidency|cabinet|administration"
)
# "Egypt's foreign ministry", "the Chinese commerce ministry", "Russia's military"
_BODY = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w.-]{1,20}(?: [A-Z][\w.-]{1,20}){0,2})['’]s?"
    r"|\b(?:the|The) (?P<nationality>[A-Z][\w-]{2,20}))"
    r"\s{1,3}(?:[a-z][\w-]{1,20}\s{1,3}){0,3}?(?:" + BODY_NOUNS + r")\b"
    # "Egypt's foreign ministry spokesman" is the spokesman
    r"(?!['’]|\s{1,3}(?:spokes|official|source|chief|head|minister|secretary|adviser|envoy))"
)


@dataclass(frozen=True)
class Body:
    start: int
    end: int
    text: str  # as printed: "Egypt's foreign ministry"
    country: str


def unnamed_bodies(text: str, officials: Officials) -> list[Body]:
    """Every lower-case body of a named country printed in the text, in reading order."""
    found = []
    for m in _BODY.finditer(text):
        owner = m["owner"] or m["nationality"]
        if owner not in officials.country_words:
            continue
        country = officials.country_words[owner]
        found.append(Body(m.start(), m.end(), m.group(), country))
    return found
