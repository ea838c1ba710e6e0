"""What a resolution returns, and the salience ranking every kind of antecedent shares."""

from dataclasses import dataclass
from typing import Protocol

from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.entities import Entity
from app.extract.speakers.mentions import Mention
from app.extract.speakers.officials import Officials
from app.extract.speakers.registry import Registry
from app.extract.speakers.salience import Layout, score

MIN_SALIENCE = 0.03  # below this nothing is prominent enough to be "he"


@dataclass(frozen=True)
class Resolved:
    speaker: str | None
    country: str | None
    role: str | None
    certainty: float  # how sure the resolution step is, 0-1
    kind: str | None = None  # typing.PERSON, ORGANISATION, GROUP, OUTLET, PLACE; None unknown
    evidence: str = "none"  # name | pronoun | description | group | document | inherited | none
    entity: Entity | None = None
    via: str | None = None  # the document or outlet the words came through
    basis: str = "none"  # the finer way it was found, the key of confidence.BASES


def unknown(kind: str | None = None, evidence: str = "none", via: str | None = None) -> Resolved:
    return Resolved(None, None, None, confidence_for("none"), kind, evidence, via=via)


UNKNOWN = unknown()  # frozen: safe to share


def ranked(
    candidates: list[Entity],
    pos: int,
    layout: Layout,
    skip: tuple[int, int] | None = None,
    across: float = 1.0,
) -> list[tuple[float, Entity]]:
    """Candidates by salience at `pos`, best first; mentions inside `skip` (the quote's own
    words: 'Ann hid, he said' never makes Ann the 'he') do not count; those before the
    paragraph of `pos` count `across` times."""
    out = []
    for e in candidates:
        events = [(p, w) for p, w in e.events if skip is None or not skip[0] <= p < skip[1]]
        s = score(events, pos, layout, across)
        if s > 0:
            out.append((s, e))
    out.sort(key=lambda x: -x[0])
    return out


def margin(scored: list[tuple[float, Entity]]) -> float:
    """Share of the best candidate in the two best scores (1.0 when alone)."""
    if not scored:
        return 0.0
    second = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][0] / (scored[0][0] + second)


class Resolver(Protocol):
    """What descriptions.py and its siblings need of coreference.Resolver (kept apart so
    neither module imports the other)."""

    registry: Registry
    officials: Officials
    layout: Layout
    issued: list[tuple[int, str, Resolved]]

    def resolve(self, mention: Mention, skip: tuple[int, int] | None = None) -> Resolved: ...

    def unnamed(self, kind: str) -> list[Entity]: ...

    def named_pair(
        self, mention: Mention, skip: tuple[int, int] | None, reach: int = 1
    ) -> Resolved | None: ...

    def issued_before(self, mention: Mention) -> Resolved | None: ...

    def entity_result(
        self, e: Entity, mention: Mention, evidence: str, basis: str, share: float = 1.0
    ) -> Resolved: ...
