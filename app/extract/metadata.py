"""Title, outlet and publication date, when the article text states them."""

import datetime
import re

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<m>" + _MONTH + r"),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(
        r"\b(?P<m>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
        r"(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
)
PUBLISHED = re.compile(
    r"\b(?:Published|Updated|Posted|Date|Last updated)\b\s*(?:on\s*)?:?\s*", re.IGNORECASE
)
# Datelines name the agency: "MOSCOW, February 6. /TASS/." or "WASHINGTON (AP) —".
AGENCY = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:,[^/()\n]{0,30})?[.,]?\s*"
    r"(?:/(?P<a>[A-Za-z][\w -]{1,30})/|\((?P<b>[A-Z][\w -]{1,30})\)\s*[—–-])"
)
# "GENEVA, 3 April 2025 — …": a dateline carrying the full date.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30},\s*(?P<d>[^—–\n]{6,30}?)\s*[—–-]")
SIGNATURE = re.compile(r"^(?!By\s)(?P<o>[A-Z][\w&.'’ -]{2,40}?)\s+\|\s+[A-Z][\w.'’ -]+$")


def _month_number(token: str) -> int | None:
    token = token.lower().rstrip(".")
    for n, name in enumerate(MONTHS, 1):
        if name.startswith(token[:3]):
            return n
    return None


def parse_date(fragment: str) -> datetime.date | None:
    """The first full date (day, month and year) in a fragment."""
    for pattern in DATE_PATTERNS:
        m = pattern.search(fragment)
        if not m:
            continue
        month = int(m["mm"]) if "mm" in m.groupdict() else _month_number(m["m"])
        try:
            return datetime.date(int(m["y"]), month or 0, int(m["d"]))
        except ValueError:
            continue
    return None


def find_date(lines: list[str]) -> datetime.date | None:
    """A date introduced as the publication date, or a line that is only a date."""
    for line in lines:
        m = PUBLISHED.search(line)
        if m and (found := parse_date(line[m.end() : m.end() + 40])):
            return found
    for line in lines[:12]:
        stripped = line.strip()
        if len(stripped.split()) <= 6 and (found := parse_date(stripped)):
            return found
        dateline = DATELINE.match(stripped)
        if dateline and (found := parse_date(dateline["d"])):
            return found
    return None


# "By Jane Doe | Harbour Times": a byline naming the author first, then the outlet.
BYLINE = re.compile(r"^By\s+[^|\n]{2,60}?\s*\|\s*(?!Published\b)(?P<o>[A-Z][^|\n]{1,60}?)\s*$")


def find_outlet(lines: list[str]) -> str | None:
    """The outlet named by a dateline agency, a byline or a closing 'Outlet | Author' signature."""
    for line in lines:
        m = AGENCY.match(line.strip())
        if m:
            return (m["a"] or m["b"]).strip()
    for line in lines[:12]:
        m = BYLINE.match(line.strip().strip("*_ "))
        if m:
            return m["o"]
    for line in lines:
        m = SIGNATURE.match(line.strip())
        if m:
            return m["o"].strip()
    return None
