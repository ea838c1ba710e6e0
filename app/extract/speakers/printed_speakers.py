"""Speakers kept as printed ("a senior US official", "the foreign ministry", "A spokesman for
Prime Minister X"): the name they get, and their country from the words themselves, an owner
("X's office"), a leader ("a Modi government adviser"), a place ("In Tehran, …"), the body the
sentence before opens on, or the dateline."""

import re
from typing import TYPE_CHECKING

from app.extract.speakers.antecedents import Resolved
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.datelines import NATIONAL_BODIES, national_body, national_office
from app.extract.speakers.entities import Entity
from app.extract.speakers.gender import HONORIFICS
from app.extract.speakers.lexicon import (
    TITLE_WORDS,
)
from app.extract.speakers.mentions import Mention, group_name
from app.extract.speakers.typing import GROUP, ORGANISATION, PERSON
from app.extract.speakers.whereabouts import INTERNATIONAL_OFFICE

if TYPE_CHECKING:
    from app.extract.speakers.antecedents import Resolver


INDEFINITE = re.compile(r"^(?:a|an|one|another|some|several|many|two|three|four|most)\b", re.I)
# What a person has that speaks for them: "his office", "her spokeswoman", "their lawyers".
SPEAKS_FOR_THEM = frozenset(
    """office campaign team staff spokesman spokeswoman spokesperson lawyer lawyers attorney
    attorneys aide aides adviser advisers advisor advisors representative representatives
    family ministry department government administration embassy party delegation
    mission""".split()
)
# People posted or sent somewhere: where they are says nothing of whose they are.
POSTED_PEOPLE = frozenset(
    """diplomat diplomats envoy envoys journalist journalists correspondent correspondents
    observer observers analyst analysts""".split()
)
# A nationality set beside someone unnamed: ", an Egyptian,", ", who is Israeli,".
NATIONALITY_AFTER = re.compile(r",\s(?:an?\s|who\sis\s)([A-Z][a-z]{2,20}),")
IN_PLACE = re.compile(r"\s(?:in|at)\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}")


def printed(resolver: "Resolver", mention: Mention, kind: str, evidence: str) -> Resolved:
    words = mention.text
    if mention.head in POSTED_PEOPLE:
        words = IN_PLACE.sub(" ", words)  # "a Western diplomat in New Delhi" is not Indian
    country = resolver.officials.home_country(words) or resolver.registry.body_country(words)
    if kind == GROUP and len(resolver.officials.countries_in(words)) > 1:
        country = None  # "the foreign ministers of France, Germany and Britain"
    if country is None and kind == PERSON:  # "One of the officials, an Egyptian, said"
        if nationality := NATIONALITY_AFTER.match(resolver.layout.text, mention.end):
            country = resolver.officials.demonym(nationality[1])
    # "In Geneva, a UN spokesman said": a body of states speaks for none of them, wherever it
    # is, whoever leads it; only words printed for the speaker give one (above)
    of_states = INTERNATIONAL_OFFICE.search(mention.text) is not None
    if country is None and kind in (ORGANISATION, GROUP, PERSON) and not of_states:
        country = (
            _owners_country(resolver, mention)
            or _spoken_for(resolver, mention)
            or _leaders_country(resolver, mention)
            or _placed_in(resolver, mention)
        )
    if country is None and kind == ORGANISATION:
        country = resolver.registry.heads_country(mention.head, mention.start)
    if country is None and kind == PERSON:  # "A department official", after the State Department
        country = resolver.registry.the_bodys(mention.text, mention.start)
    if country is None and kind == PERSON and BARE_SPOKESPERSON.fullmatch(mention.text):
        country = _spokesperson_of_the_body_before(resolver, mention)
    if (
        country is None
        and kind == ORGANISATION
        and mention.head in NATIONAL_BODIES
        and not of_states
    ):
        if resolver.registry.at_home(mention.start):  # "the foreign ministry", filed from Kyiv
            country = resolver.registry.home
    if country is None and kind == PERSON and _of_a_national_office(mention.text) and not of_states:
        if resolver.registry.at_home(mention.start):  # "a government spokesman", from Berlin
            country = resolver.registry.home
    basis = (
        "printed-group"
        if kind == GROUP
        else "printed-" + ("indefinite" if INDEFINITE.match(mention.text) else "definite")
    )
    if kind == ORGANISATION:
        basis = "printed-body"
    name = (_owned_name(resolver, mention) if kind != GROUP else None) or group_name(mention)
    if (city := _city_before(resolver, mention)) is not None:
        name = f"{city} {name}"  # "Saskatoon police", the city parsed apart as an adverb
    return Resolved(name, country, None, confidence_for(basis), kind, evidence, basis=basis)


def _city_before(resolver: "Resolver", mention: Mention) -> str | None:
    """The dateline's city printed right before a bare plural like "police"."""
    city = resolver.registry.home_city
    text = resolver.layout.text
    if city is None or not mention.text.islower() or " " in mention.text:
        return None
    before = text[max(0, mention.start - len(city) - 1) : mention.start]
    return city if before == f"{city} " else None


def _of_a_national_office(words: str) -> bool:
    """ "a government spokesman", or someone "at the Department of Defence", "from the
    foreign ministry": a national office or body named by its office words alone."""
    if national_office(words.lower()):
        return True
    at = AT_A_BODY.search(words)
    return at is not None and national_body(at[1])


AT_A_BODY = re.compile(r"\b(?:at|in|from|of)\s(?:the\s)?((?:[A-Za-z]+\s?){1,5})$")


def _spokesperson_of_the_body_before(resolver: "Resolver", mention: Mention) -> str | None:
    """ "The US State Department said it regretted the decision. A spokesperson added that
    …": a spokesperson opening the sentence after one that opens on a body is its, and of its
    country."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 1:
        return None
    opener = layout.text[layout.starts[here] : mention.start].strip()
    if opener and not OPENER.fullmatch(opener):  # "In a statement, a spokesman said"
        return None
    before = layout.text[layout.starts[here - 1] : layout.starts[here]].lstrip()
    opening = resolver.registry.opening_state(before)
    if opening is not None:
        return opening[1]
    body = next(
        (
            e
            for e in resolver.registry.of_kind({ORGANISATION})
            # the body the sentence opens on ("The US State Department said …")
            if any(
                TITLES_BEFORE.fullmatch(layout.text, layout.starts[here - 1], p)
                for p in e.positions
                if layout.starts[here - 1] <= p < layout.starts[here]
            )
        ),
        None,
    )
    return body.country if body is not None else None


# A few lowercase words opening a sentence before its subject: "Later,", "In a statement,".
OPENER = re.compile(r"[A-Z][a-z]{1,12}(?:\s[a-z]{1,12}){0,5},")
# ("A spokesman for the regulator" after a sentence led by the regulator: its, too)
BARE_SPOKESPERSON = re.compile(
    r"(?i:an?|the)\s(?:[a-z]+\s)?spokes(?:man|woman|person)(?:\sfor\sthe\s[a-z]{2,20})?"
)
TITLES_BEFORE = re.compile(r"\s*(?:The\s)?(?:[A-Z][\w.'’-]{0,30}\s){0,3}")


def _owner(resolver: "Resolver", mention: Mention) -> tuple[str, Entity | None] | None:
    """Whose the speaker is, for "President Recep Tayyip Erdogan's office": the name as
    printed without its titles, and the person or body it names, if known."""
    m = POSSESSIVE.match(mention.text)
    if m is None:
        return None
    words = m["owner"].split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLE_WORDS:
        words = words[1:]  # "President", "Foreign Minister"
    owner = " ".join(words)
    found = resolver.registry.find(owner, mention.start)
    return owner, found if found is None or honorific_fits(m["owner"].split(), found) else None


def honorific_fits(words: list[str], person: Entity) -> bool:
    """'Mrs. Clinton' may be Hillary Clinton, never her husband."""
    bare = [w.lower().strip(".") for w in words]
    sex = next((HONORIFICS[w] for w in bare if w in HONORIFICS), None)
    return sex is None or person.gender in (None, sex)


def _owned_name(resolver: "Resolver", mention: Mention) -> str | None:
    """ "Prime Minister Benjamin Netanyahu's office" is named "Benjamin Netanyahu's office",
    as "his office" is after him: one name for one office."""
    m = POSSESSIVE.match(mention.text)
    if m is None or not all(w[:1].isupper() for w in m["owner"].split()):
        return None  # "a partner at Mr. Lee's former firm" is the partner, not the firm
    found = _owner(resolver, mention)
    person = found[1] if found is not None else None
    return f"{person.name}'s {m['owned']}" if person and person.kind == PERSON else None


def _owners_country(resolver: "Resolver", mention: Mention) -> str | None:
    """ "President Recep Tayyip Erdogan's office": the country of the person it is of."""
    if (found := _owner(resolver, mention)) is None:
        return None
    owner, entity = found
    if entity is not None:
        return entity.country if entity.kind == PERSON else None
    known = resolver.officials.find(owner)
    return known.country if known is not None and known.kind == "person" else None


SPOKEN_FOR = re.compile(r"\b(?:for|to|of)\s(?:[A-Z][\w.'’-]*\s){0,4}?([A-Z][\w'’-]+)$")


def _spoken_for(resolver: "Resolver", mention: Mention) -> str | None:
    """ "A spokesman for Prime Minister Ann Lee": the country of the person they speak for,
    unless that person holds an international office (Guterres' spokesman is the UN's)."""
    if mention.head not in SPEAKS_FOR_THEM:
        return None
    if not (whom := SPOKEN_FOR.search(mention.text)):
        return None
    # ("A spokesperson for Merz": the one word after "for" is no name of the speaker's own)
    name = mention.name or whom[1]
    person = resolver.registry.find(name, mention.start + mention.text.rfind(name))
    if person is None or person.kind != PERSON or resolver.registry.international(person):
        return None
    return person.country


def _leaders_country(resolver: "Resolver", mention: Mention) -> str | None:
    """ "A senior Trump administration official", "a Modi government adviser": the country
    of the leader whose government or campaign it is."""
    m = LEADERS_OWN.search(mention.text)
    if m is None or m[1] in TITLE_WORDS_CAPITALISED:
        return None
    entity = resolver.registry.find(m[1], mention.start)
    if entity is not None and entity.kind == PERSON and entity.country:
        return entity.country  # "Javier Milo … a Milo government official"
    known = resolver.officials.find(m[1]) or resolver.officials.leader(m[1])
    return known.country if known is not None and known.kind == "person" else None


LEADERS_OWN = re.compile(
    r"\b([A-Z][\w'’-]{2,30})\s(?:administration|government|cabinet|campaign)\b"
)
TITLE_WORDS_CAPITALISED = frozenset(w.capitalize() for w in TITLE_WORDS)


def _placed_in(resolver: "Resolver", mention: Mention) -> str | None:
    """'In Tehran, the foreign ministry said …', 'In Moscow, officials said …', '…, while in
    Tokyo a lawmaker said': the place the sentence opens with, or printed just before the
    speaker, is where the body or the people are, and their country."""
    if (placed := resolver.registry.placed_in(mention.start)) is not None:
        return placed
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0:
        return None
    m = PLACED_BEFORE.search(layout.text, layout.starts[here], mention.start)
    return resolver.officials.country_in(m[1]) if m else None


# "…, while in Tokyo a ruling party lawmaker said …": the place just before the speaker.
PLACED_BEFORE = re.compile(
    r"[,;][\"”’]?[ \t]{1,3}(?:while|and|but|whereas)?[ \t]{0,3}in[ \t]([A-Z][\w'’.-]{0,30}"
    r"(?:[ \t][A-Z][\w'’.-]{0,30}){0,2}),?[ \t]{1,3}$"
)
POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<owned>\S.*)$")
