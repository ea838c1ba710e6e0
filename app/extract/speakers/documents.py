"""A statement, release, report or letter speaks for its author, and is the channel: the
author printed with it ("the union's release"), the one who spoke through a document of that
kind a little before ("the statement said" after a joint communiqué), or the body in focus."""

from dataclasses import replace
from typing import TYPE_CHECKING

from app.extract.speakers.antecedents import Resolved, unknown
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.descriptions import of_nationality, of_the_opening_state, salient
from app.extract.speakers.lexicon import PLATFORMS
from app.extract.speakers.mentions import Mention
from app.extract.speakers.typing import ORGANISATION, PERSON

if TYPE_CHECKING:
    from app.extract.speakers.antecedents import Resolver


DOCUMENT_REACH = 3  # sentences back a bare "the statement" looks for its author


def document(resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None) -> Resolved:
    """A statement, release or report speaks for its author; the document is the channel."""
    via = mention.head
    if mention.author is not None:
        author = resolver.resolve(of_the_opening_state(resolver, mention.author), skip)
        if author.speaker is not None:
            return replace(author, via=via, evidence="document")
    if (issuer := _issuer(resolver, mention)) is not None:
        basis = "document-issuer"
        return replace(
            issuer, via=via, evidence="document", certainty=confidence_for(basis), basis=basis
        )
    if (issued := _issued_just_before(resolver, mention)) is not None:
        return issued
    if mention.plural and via == "reports":  # "Reports say …": the press, no one author
        return unknown(None, "document", via=via)  # (not "those documents", the DNC's)
    found = salient(resolver, {ORGANISATION}, mention, skip)
    if (
        found is not None
        and _recent(resolver, found, mention.start)
        and of_nationality(resolver, found, mention)
        and found.speaker not in PLATFORMS  # "One tweet said" is no word of Twitter's
        and not _only_in_titles(resolver, found)
    ):
        basis = "document-salient"
        return replace(
            found, via=via, evidence="document", certainty=confidence_for(basis), basis=basis
        )
    return unknown(None, "document", via=via)


def _only_in_titles(resolver: "Resolver", found: Resolved) -> bool:
    """A body printed only in people's titles ("NDP defence critic Samir Haddad"): a party
    or employer the story mentions in passing, not the author of a document it reports."""
    body = found.entity
    if body is None or not body.positions:
        return False
    people = [e for e in resolver.registry.of_kind({PERSON}) if e.role]
    name = body.name.lower()
    return all(
        any(name in e.role and any(0 < q - p <= TITLE_REACH for q in e.positions) for e in people)
        for p in body.positions
    )


TITLE_REACH = 60  # characters from a body's name to the name it is a title of


def _issued_just_before(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'Flames president John Bean thanked council in a statement. "…," the statement said':
    the statement the sentence before says someone named issued is theirs."""
    if mention.plural or not mention.text.lower().startswith("the "):
        return None
    issued = resolver.issued_before(mention)
    if issued is None or not _same_kind_of_document(issued.via or "", mention.head):
        return None
    basis = "document-issuer"
    return replace(issued, evidence="document", basis=basis, certainty=confidence_for(basis))


def _issuer(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'the statement said', a few sentences after 'in a joint statement, the ministries
    said': the speaker of the last quote given through a document of that kind."""
    if mention.plural or not mention.text.lower().startswith(("the ", "that ", "this ")):
        return None
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    for pos, word, res in reversed(resolver.issued):
        if pos < mention.start and _same_kind_of_document(word, mention.head):
            near = here - layout.sentence_of(pos) <= DOCUMENT_REACH
            return res if near else None
    return None


def _same_kind_of_document(word: str, other: str) -> bool:
    """ "The statement also called for …" after "the ministers said in a joint communiqué"."""
    return word == other or {word, other} <= STATEMENTS


STATEMENTS = frozenset("statement communique communiqué declaration release".split())


def _recent(resolver: "Resolver", found: Resolved, pos: int) -> bool:
    entity = found.entity
    if entity is None:
        return False
    layout = resolver.layout
    here = layout.sentence_of(pos)
    return any(0 <= here - layout.sentence_of(p) <= DOCUMENT_REACH for p, _ in entity.events)
