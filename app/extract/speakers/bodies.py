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
    country: str | None
    person: str | None = None  # whose office it is, as printed ("Marchand")


def unnamed_bodies(text: str, officials: Officials) -> list[Body]:
    """Every lower-case body of a named country printed in the text, in reading order; and
    each "X's office" whose owner is no country, with that owner's name (`Body.person`), for
    the caller to keep when X is a person: "Marchand's office released a readout. It said …"."""
    found = []
    for m in _BODY.finditer(text):
        owner = m["owner"] or m["nationality"]
        if owner in officials.country_words:
            found.append(Body(m.start(), m.end(), m.group(), officials.country_words[owner]))
        elif m["owner"] and m.group().endswith(" office"):
            name = re.split(r"[.!?] ", owner)[-1]  # "Monday. Costa's office": Costa
            start = m.start() + len(owner) - len(name)
            found.append(Body(start, m.end(), text[start : m.end()], None, name))
    return found
