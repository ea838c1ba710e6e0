"""The row ids of the slugs a URL names, looked up once per request: a page asks for them in
its quote list, its counts and its rankings. Topics are few: their ids come from the topic
list every page already has."""

from sqlmodel import Session, col, select

from app.models import Speaker
from app.queries.cache import memo
from app.queries.prepared import run, values
from app.queries.topics import topic_list

NOTHING = -1  # an id no row has: a slug that names no speaker or topic matches no quote


def speaker_ids(session: Session, slugs: tuple[str, ...]) -> list[int]:
    """The ids of the speakers with these slugs (unknown slugs have none)."""
    return memo(session, ("speaker_ids", slugs), lambda: _speaker_ids(session, slugs))


def _speaker_ids(session: Session, slugs: tuple[str, ...]) -> list[int]:
    return list(run(session, _SPEAKER_IDS, slugs=list(slugs)).scalars())


_SPEAKER_IDS = select(col(Speaker.id)).where(col(Speaker.slug).in_(values("slugs")))


def known_speaker(session: Session, slug: str, ident: int | None) -> None:
    """Remember a speaker the page has already loaded, so its id is not looked up again."""
    if ident is not None:
        memo(session, ("speaker_ids", (slug,)), lambda: [ident])


def speaker_id(session: Session, slug: str) -> int:
    """The id of the speaker with this slug, or NOTHING."""
    found = speaker_ids(session, (slug,))
    return found[0] if found else NOTHING


def topic_id(session: Session, slug: str) -> int:
    """The id of the topic with this slug, or NOTHING."""
    found = topic_ids(session).get(slug)
    return NOTHING if found is None else found[0]


def topic_ids(session: Session) -> dict[str, tuple[int, str]]:
    """{slug: (id, name)} of every topic (from the topic list, kept until the data changes)."""
    return {row.slug: (row.id, row.name) for row, _ in topic_list(session)}
