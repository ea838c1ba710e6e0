"""What a filtered list is, in words, for its title and heading ("Sergey Lavrov on
Venezuela"), and each filter as a chip that removes it."""

from dataclasses import dataclass

from app.names import country_name, long_date
from app.queries.facets import RELAXATIONS, active_filters
from app.queries.filters import QuoteFilter


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


def describe(f: QuoteFilter, speakers: dict[str, str], topics: dict[str, str]) -> str:
    """ "Sergey Lavrov on Venezuela", "Quotes from Russia on sanctions since 1 May 2019"…;
    `speakers` and `topics` give names by slug. "" for no filter at all."""
    who = _names([speakers.get(slug, slug) for slug in f.speakers])
    parts = [who or "Quotes"]
    if f.country:
        parts.append(f"from speakers of {country_name(f.country)}")
    if f.topic:
        parts.append(f"on {topics.get(f.topic, f.topic)}")
    if f.q:
        parts.append(f"matching “{f.q}”")
    if f.outlet:
        parts.append(f"in {f.outlet}")
    if f.date_from and f.date_to:
        parts.append(f"from {long_date(f.date_from)} to {long_date(f.date_to)}")
    elif f.date_from:
        parts.append(f"since {long_date(f.date_from)}")
    elif f.date_to:
        parts.append(f"until {long_date(f.date_to)}")
    if f.kind:
        parts.append(f"({f.kind} quotes)")
    return " ".join(parts) if len(parts) > 1 or who else ""


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def chips(
    f: QuoteFilter, base_url: str, speakers: dict[str, str], topics: dict[str, str]
) -> list[Chip]:
    """One chip per filter the reader set (each speaker its own), with the link removing it."""
    found = [
        Chip(speakers.get(slug, slug), base_url + f.toggle_speaker(slug))
        for slug in f.speakers
        if "speaker" not in f.fixed
    ]
    labels = {
        "q": f"“{f.q}”",
        "country": f"Speakers of {country_name(f.country)}" if f.country else "",
        "topic": f"On {topics.get(f.topic, f.topic)}" if f.topic else "",
        "date": " – ".join(long_date(d) if d else "…" for d in (f.date_from, f.date_to)),
        "outlet": f"In {f.outlet}",
        "kind": f"{str(f.kind).title()} quotes",
    }
    for name in active_filters(f):
        if name != "speaker":
            found.append(Chip(labels[name], base_url + f.query(**RELAXATIONS[name])))
    return found
