"""A description the article names right after it: in the same phrase ("A Ukrainian woman,
who gave her name only as Oksana,") or at the start of the next sentence ("A Vancouver hockey
coach says …. Stephen Gillis said …")."""

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.extract.speakers.antecedents import Resolved
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.entities import Entity
from app.extract.speakers.gender import HONORIFICS
from app.extract.speakers.lexicon import (
    PERSON_NOUNS,
    TITLE_WORDS,
)
from app.extract.speakers.mentions import Mention
from app.extract.speakers.offices import (
    CLASH,
    office_fit,
    printed_role,
)
from app.extract.speakers.typing import ORGANISATION, PERSON

if TYPE_CHECKING:
    from app.extract.speakers.antecedents import Resolver


# People described by these words are usually never named ("a senior official said"); a name
# that opens the next sentence is someone else's.
UNNAMED_SOURCES = frozenset(
    """official source spokesman spokeswoman spokesperson aide diplomat person insider
    representative witness member expert""".split()
)
TITLE_WORDS_BEFORE = 2  # "Justice Sean Dunphy directed …": titles before the name
# Titles that may open the sentence before the name; not "But", "The" or "And": "But Bill
# Skelly, a data operative, vouched …" after "said a data expert" is someone else.
_OPENING_TITLES = (TITLE_WORDS | PERSON_NOUNS) - frozenset(
    "the of and for at in on to a an".split()
)


def named_after(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """ "A Ukrainian woman in a red coat, who gave her name only as Oksana, said …": the
    name the description gives right after it is the speaker's, of the description's
    nationality."""
    text = resolver.layout.text
    given = NAME_GIVEN.match(text, mention.end) or SELF_NAMED.match(text, mention.end)
    if given is None:
        return None
    country = resolver.officials.home_country(mention.text)
    person = resolver.registry.find(given[1], given.start(1))
    honorific = HONORIFICS.get(given[1].split()[0].lower().rstrip("."))
    if person is not None and honorific and person.gender not in (None, honorific):
        person = None  # "His mother, who gave her name only as Mrs Lam": not her son
    if person is None:  # a given name the registry did not take for one ("Aissata")
        certainty = confidence_for("named-next")
        return Resolved(given[1], country, None, certainty, PERSON, "description")
    if person.kind != PERSON:
        return None
    if person.country is None:
        person.country = country
    return resolver.entity_result(person, mention, "description", "named-next")


# ", who gave her name only as Oksana,", ", who gave only his first name, Ahmed,", "a man
# from Kharkiv who gave his name only as Oleksiy"
NAME_GIVEN = re.compile(
    r",?\s(?:who|whom)\s(?:gave|asked\sto\sbe\sidentified|identified\s(?:herself|himself))"
    r"(?:\sonly)?(?:\s(?:her|his|their))?(?:\sonly)?(?:\sfirst)?(?:\sname)?(?:\sonly)?"
    r"(?:\sas|,)?\s([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)


# " a man calling himself Paul Paul", ", who calls herself Oksana": the name someone goes by.
SELF_NAMED = re.compile(
    r",?\s(?:calling|who\scalls|who\scalled)\s(?:himself|herself)\s"
    r"([A-Z][\w'’-]{0,30}(?:\s[A-Z][\w'’-]{0,30})?)"
)


def named_next(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'A Vancouver hockey coach says … . Stephen Gillis said …': news describes someone first
    and names them at the start of the next sentence. The description goes to the one person
    whose first mention in the body opens that sentence (after at most a title)."""
    spokesperson = mention.head in SPOKESPEOPLE and _for_someone(mention.text)
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    # "A former aide to the mayor told a court …" in a lede is the story's subject, not a
    # source: who they are once is no secret to keep
    subject = (
        here < LEDE_SENTENCES
        and mention.head in DESCRIBED_PEOPLE | UNNAMED_SOURCES
        and FORMER.search(mention.text) is not None
    )
    if not subject and (
        (mention.head in UNNAMED_SOURCES and not spokesperson)
        or mention.head not in DESCRIBED_PEOPLE
    ):
        return None
    if KEPT_UNNAMED.match(resolver.layout.text, mention.end):
        return None  # "One shop owner, who asked not to be named because she feared …,"
    if here < 0 or here + 1 >= len(layout.starts):
        return None
    opening = layout.starts[here + 1]
    opens = layout.starts_sentence(mention.start)  # the description is what it is about
    # or it speaks in the tag closing a lede: "…, the province's chief medical officer said
    # Wednesday. '…,' said Dr. Sunil Sookram."
    closing_tag = here < LEDE_SENTENCES and bool(
        CLOSING_TAG.match(layout.text, mention.end, layout.starts[here + 1])
    )
    # "A former mayor was sentenced …, with the judge calling his conduct …. Gordon Mackie, 67,
    # was convicted": a name after a sentence opening on someone else described is theirs
    another_opens = _opens_on_someone_else(layout.text, layout.starts[here], mention.start)
    found = []
    for e in [] if another_opens else resolver.registry.of_kind({PERSON}):
        body = [p for p in e.positions if layout.sentence_of(p) >= 0]
        if not body or layout.sentence_of(min(body)) != here + 1:
            continue  # named before the description (or not in the next sentence)
        before = OPENING_PHRASE.sub("", layout.text[opening : min(body)], count=1)
        if spokesperson:
            # 'A spokeswoman for Trudeau said …. "…," said Eleanore Catenaro.': named, with no
            # title and no apposition of their own, in the tag of the next quotation
            if opens and QUOTE_THEN_TAG.fullmatch(before) and _bare(layout.text, e, body):
                found.append(e)
            continue
        if _a_title(before.split(), lede=here < LEDE_SENTENCES) or (
            (opens or closing_tag) and QUOTE_THEN_TAG.fullmatch(before)
        ):
            found.append(e)
    found = [
        e
        for e in found
        if not _holds_another_office(e, mention.head)
        and office_fit(mention.text, printed_role(e)) != CLASH  # a prime, not defence, minister
        and not _of_another_country(resolver, mention, e)
    ]
    if not found:  # "… and South Korea's president …. Prime Minister X, hosting President Y,"
        found = [
            e
            for e in resolver.registry.of_kind({PERSON})
            if e.role.split()[-1:] == [mention.head]
            and layout.sentence_of(min(e.positions)) == here + 1
            and office_fit(mention.text, printed_role(e)) != CLASH
            and not _of_another_country(resolver, mention, e)
        ]
    if len(found) != 1:
        return None
    if found[0].country is None:  # "Turkey's foreign minister said …. “…,” Hakan Demir told"
        found[0].country = resolver.officials.home_country(mention.text)
    if found[0].country is None and spokesperson:  # "A spokeswoman for Trudeau": his
        whose = re.sub(r"(?i)^.*?\sfor\s", "", mention.text)
        found[0].country = resolver.registry.aides_country(whose, mention.start, found[0])
    # the office is his from now on: "The Qatari premier said" later is the same man
    found[0].role = f"{found[0].role} {mention.text.lower()}".strip()
    return resolver.entity_result(found[0], mention, "description", "named-next")


def _of_another_country(resolver: "Resolver", mention: Mention, person: Entity) -> bool:
    """ "France's farm minister said …. Argentina's foreign minister, Diana Mondino, said":
    the description names one country, the person named next is known to serve another."""
    said = resolver.officials.home_country(mention.text)
    return said is not None and person.country is not None and person.country != said


def _opens_on_someone_else(text: str, start: int, pos: int) -> bool:
    """The sentence opens on a described person other than the one at `pos`: 'A former
    Ontario mayor was sentenced …, with the judge calling …'."""
    words = text[start:pos].split()[:6]
    if not words or words[0] not in ("A", "An", "The"):
        return False
    person = [w for w in words[1:] if w.strip(",").lower() in _OPENING_TITLES]
    return bool(person) and not any("," in w for w in words[: words.index(person[0]) + 1])


SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())


def _for_someone(description: str) -> bool:
    """'A spokeswoman for Trudeau', 'a spokesperson for the minister': whose words they give."""
    return bool(re.match(r"(?i)an?\s(?:[a-z-]+\s)?spokes\w+\sfor\s\S", description))


def _bare(text: str, person: Entity, body: list[int]) -> bool:
    """Printed by name alone where first met: '…," said Eleanore Catenaro.'"""
    after = min(body) + len(person.name)
    return person.role == "" and text[after : after + 1] in (".", "")


def named_again_next(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'A spokesperson for the minister said …. "…," the spokesperson, Isabelle Dorval, said':
    someone described and then, within a sentence or two, named in an apposition to the
    same description is that person."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0 or not mention.head or KEPT_UNNAMED.match(layout.text, mention.end):
        return None
    last = min(here + 1 + NAMED_AGAIN_REACH, len(layout.starts))
    end = layout.starts[last] if last < len(layout.starts) else len(layout.text)
    heads = "|".join(sorted(SAME_OFFICE.get(mention.head, {mention.head})))
    again = re.compile(rf"\b[Tt]he\s(?:[\w.'’-]+\s){{0,3}}?(?:{heads}),\s({FULL_NAME}),")
    named = again.search(layout.text, mention.end, end)
    if named is None:
        return None
    person = resolver.registry.find(named[1], named.start(1))
    if person is None or person.kind != PERSON or min(person.positions) < mention.start:
        return None  # (someone named before the description is someone else)
    return resolver.entity_result(person, mention, "description", "named-next")


NAMED_AGAIN_REACH = 2  # sentences after the description's own
# Offices a story names by either word: "the EU's envoy said …. '…,' the EU special
# representative, Martin Kralj, told reporters".
_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
_ENVOY = {"envoy", "representative", "emissary"}
SAME_OFFICE = {word: group for group in (_SPOKES, _ENVOY) for word in group}
FULL_NAME = r"[A-Z][\w'’.-]{0,30}(?:\s[A-Z][\w'’.-]{0,30}){1,3}"  # "Isabelle Dorval"


# A description that says it will stay one: "…, who asked not to be named,", "…, speaking on
# condition of anonymity,".
KEPT_UNNAMED = re.compile(
    r"[^.,\n]{0,40},\s(?:who\s)?(?:asked|requested|spoke|speaking|declined|agreed\sto\sspeak)"
    r"\s(?:not\sto\sbe\s(?:named|identified)|on\scondition\sof\sanonymity|anonymously"
    r"|to\sgive\s(?:her|his|their)\s(?:full\s)?name)"
)


# What follows a description speaking in the tag that ends its sentence.
CLOSING_TAG = re.compile(r"\s(?:said|says|told\sreporters)(?:\s(?:on\s)?[A-Z]?[a-z]+)?\.\s*$")
# The next sentence opens with a quotation whose tag names the speaker: '“…,” Hakan Demir told'.
QUOTE_THEN_TAG = re.compile(
    r"[\"“][^\"“”\n]{1,400}[\"”][ \t]{1,3}(?:(?:said|says|added|told)[ \t]{1,3})?"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]{1,3})?"
)
# Offices one person does not hold together: a president named next is no prime minister.
HELD_OFFICES = frozenset(
    """president minister premier chancellor king queen emir secretary ambassador envoy
    governor mayor senator spokesman spokeswoman""".split()
)


def _holds_another_office(e: Entity, office: str) -> bool:
    held = HELD_OFFICES.intersection(e.role.split())
    if office not in HELD_OFFICES or not held or office in held:
        return False
    return not (office == "premier" and "prime" in e.role.split())


def _a_title(words: list[str], lede: bool) -> bool:
    """What may stand before the name opening that sentence: nothing, a title or two
    ("Justice", "Coach"), never a sentence's own opening ("But Bill Skelly"). After a lede
    that describes its subject ("The head of the U.N. nuclear watchdog said …"), a body's
    name and an office too ("International Atomic Energy Agency chief"); later in a story a
    name after a long title is mostly someone new ("Former Arkansas Gov. Mike Huckabee, for
    his part, …")."""
    if len(words) <= TITLE_WORDS_BEFORE and all(
        w[:1].isupper() and w.rstrip(".").lower() in _OPENING_TITLES for w in words
    ):
        return True
    if not lede:
        return False
    lows = [w.rstrip(".,").lower() for w in words]
    return (
        len(words) <= LONG_TITLE_WORDS
        and lows[-1] in OFFICE_WORDS
        and lows[0] not in NOT_OPENING_A_TITLE
        and words[0][:1].isupper()
        and all(w[:1].isupper() or low in OFFICE_WORDS for w, low in zip(words, lows, strict=True))
    )


# A scene the next sentence may open on before the name: "In an interview, Guy Ross said".
OPENING_PHRASE = re.compile(
    r"^(?:(?:In|During)\s(?:an?|the|his|her|their)\s(?:[\w-]{1,20}\s){0,3}?"
    r"(?:interview|statement|speech|email|briefing|call|video|post|letter|address)"
    r"[^,.;:\n]{0,40}|Speaking\s(?:to|with)\s[^,.;:\n]{1,40}),\s"
)
DESCRIBED_PEOPLE = PERSON_NOUNS | {"head"}  # "the head of the U.N. nuclear watchdog"
OFFICE_WORDS = TITLE_WORDS | PERSON_NOUNS
LONG_TITLE_WORDS = 6
LEDE_SENTENCES = 2  # the body's first sentences, where a story may name its subject late
# "A former aide", "a longtime former adviser": someone described by what they were
FORMER = re.compile(r"(?i)^an?\s(?:[\w-]{1,20}\s){0,2}?former\s")
NOT_OPENING_A_TITLE = frozenset("the a an and but or so when as after before while then".split())


# A body's name, then (after a clause set off by commas) the verb it speaks with.
_BODY_SPEAKS = re.compile(
    r"[^,;:\n]{0,60}?(?:,[^,\n]{1,60},)?\s(?:said|says|announced|confirmed|stated|told|wrote)\b"
)
# What may come before a body's name opening what it said: nothing, an opening phrase, "the".
_OPENS_A_NAME = re.compile(r"(?:^|,|\bthe)\s*$", re.IGNORECASE)


# "Marlene Fougere, president of ATU Local 508, said": the person opening the sentence and
# the office in the body that the apposition gives them, up to the body's name.
_APPOSITION_OF = re.compile(
    r"(?<![\w.'’-])[A-Z][\w.'’-]{0,30}(?:\s[A-Z][\w.'’-]{0,30}){1,3},\s(?:the\s|a\s|an\s)?"
    r"((?:[\w-]{1,30}\s){1,3})"
    r"(?:of|for|at|with)\s(?:the\s)?"
)
# After the body's name, the rest of the apposition and the verb the person speaks with.
_SPEAKS_AFTER_APPOSITION = re.compile(
    r"[^,;:\n]{0,30},\s(?:said|says|announced|confirmed|stated|told|wrote)\b"
)


def _speaks_for(before: str, then_speaks: re.Match | None) -> bool:
    """Whether the next sentence opens on someone who speaks for the body named in their
    apposition: "Jane Roe, a spokesperson for Acme Corp., said", not "Ann Lee, a nurse at
    the hospital, said"."""
    office = _APPOSITION_OF.fullmatch(before)
    return (
        then_speaks is not None
        and office is not None
        and bool(_SPEAKS_FOR_A_BODY.intersection(office[1].lower().split()))
    )


_SPEAKS_FOR_A_BODY = frozenset(
    """president spokesperson spokesman spokeswoman chair chairman chairwoman chairperson
    head leader director executive ceo secretary-general secretary representative
    counsel""".split()
)


def body_named_next(
    resolver: "Resolver", mention: Mention, fits: Callable[[Entity], bool]
) -> Resolved | None:
    """'A steel plant will close, the company says. In a statement, Bayfront Steel Ltd. said
    …': a body the lede describes but nobody has named is the one body (that `fits` the
    description) the next sentence first names speaking."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0 or here >= LEDE_SENTENCES or here + 1 >= len(layout.starts):
        return None
    text, opening = layout.text, layout.starts[here + 1]
    end = layout.starts[here + 2] if here + 2 < len(layout.starts) else len(text)
    found = [
        e
        for e in resolver.registry.of_kind({ORGANISATION})
        if e.positions
        and opening <= (first := min(e.positions)) < end
        and fits(e)
        and (
            (_OPENS_A_NAME.search(text[opening:first]) and _BODY_SPEAKS.match(text, first, end))
            or _speaks_for(text[opening:first], _SPEAKS_AFTER_APPOSITION.match(text, first, end))
        )
    ]
    if len(found) != 1:
        return None
    return resolver.entity_result(found[0], mention, "description", "named-next")
