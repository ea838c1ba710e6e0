"""Pages whose name the reader typed as search words: a speaker, country or topic offered
above the quotes that merely contain the words ("Pompeo" leads to his page, not only to
quotes that mention him)."""

from dataclasses import dataclass

from fastapi import Request
from sqlmodel import Session

from app.names import country_code_for, country_name
from app.queries.countries import country_row
from app.queries.speakers import find_speakers, may_name
from app.queries.topics import find_topic
from app.web.templating import link_for
from app.words import plural


@dataclass(frozen=True)
class Offer:
    """A page whose name the reader typed: shown above the results."""

    kind: str
    name: str
    url: str
    detail: str


def page_offers(
    request: Request, session: Session, q: str, chosen: tuple[str, ...] = ()
) -> list[Offer]:
    """Speakers whose name or spelling the words are (for a person a surname alone will do;
    a body or group by its whole name: "talks" is a word of "diplomats familiar with the
    talks", not its name; accents and close spellings forgiven), and the country (name or
    code) and topic named exactly `q`; not the speakers already `chosen` by the filter."""
    offers = []
    named = find_speakers(session, q, limit=3, whole_words=True) if may_name(session, q) else []
    fits = [m for m in named if m.exact and (m.kind == "person" or m.whole)]
    for speaker in [m for m in fits if m.slug not in chosen]:
        country = country_name(speaker.country) if speaker.country else None
        who = ", ".join(part for part in (speaker.role, country) if part)
        detail = " · ".join(part for part in (who, plural(speaker.quotes, "quote")) if part)
        url = str(link_for(request, "speaker", slug=speaker.slug))
        offers.append(Offer("Speaker", speaker.name, url, detail))
    if code := country_code_for(q):
        row = country_row(session, code)
        detail = f"{plural(row.speakers, 'speaker')}, {plural(row.quotes, 'quote')}"
        offers.append(
            Offer("Country", row.name, str(link_for(request, "country", code=code)), detail)
        )
    if topic := find_topic(session, q):
        url = str(link_for(request, "topic", slug=topic.slug))
        offers.append(Offer("Topic", topic.name, url, "who speaks most on it, and every quote"))
    return offers
