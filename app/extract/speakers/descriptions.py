"""Descriptions, groups and documents as speakers.

"the minister", "the 34-year-old" and "the coach" go to the person whose printed titles fit,
anywhere in the article (a description may come before the name); "the company", "the utility"
to the most salient organisation; a statement, release or report speaks for its author (its
possessive, its "from"/"by", else the most salient organisation). A description of someone
first named at the start of the next sentence ("A Porto coach says …. Rui Matos said") is
that person. A description that fits nobody named ("a citizen", "people arrested last week")
is the speaker as printed.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from app.extract.speakers.antecedents import MIN_SALIENCE, Resolved, margin, ranked, unknown
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.datelines import NATIONAL_BODIES, national_body, national_office
from app.extract.speakers.entities import Entity
from app.extract.speakers.gender import HONORIFICS, PRONOUN_GENDER
from app.extract.speakers.lexicon import (
    MEDIA_NOUNS,
    NOT_FIRST,
    ORG_NOUNS,
    PERSON_NOUNS,
    STATE_NAMES,
    TITLE_WORDS,
)
from app.extract.speakers.mentions import POSSESSIVE_PRONOUNS, Mention, group_name
from app.extract.speakers.offices import (
    CLASH,
    LOOSE,
    POLITICAL,
    ROLE_CLASSES,
    names_an_office,
    office_fit,
    printed_role,
    spokesman_for_an_office,
)
from app.extract.speakers.salience import score
from app.extract.speakers.typing import GROUP, ORGANISATION, OUTLET, PERSON

if TYPE_CHECKING:
    from app.extract.speakers.antecedents import Resolver

AGE = re.compile(r"\b(\d{1,3})-year-old\b")
INDEFINITE = re.compile(r"^(?:a|an|one|another|some|several|many|two|three|four|most)\b", re.I)
# Generic body words: any salient organisation may be "the company" or "the group".
GENERIC_BODIES = frozenset("group organization organisation charity ngo".split())
# "the company" is a business, never a commission or a ministry; "the agency" a public body.
BUSINESS_NOUNS = frozenset(
    """company firm business corporation utility maker manufacturer retailer chain carrier
    airline insurer lender developer provider operator producer brewery restaurant store
    shop""".split()
)
PUBLIC_NOUNS = frozenset("agency authority government administration regulator".split())
GOVERNMENTS = frozenset(("government", "administration"))
PUBLIC_BODY_WORDS = frozenset(
    """commission department ministry government council court police agency board parliament
    senate house office committee authority administration service bureau tribunal assembly
    legislature city county province state party union""".split()
)
DOCUMENT_REACH = 3  # sentences back a bare "the statement" looks for its author
# Words for someone of any office, which a country alone can fit: "the D.C. representative"
# for the U.S. secretary of state, "the Russian diplomat" for its foreign minister.
ANY_OFFICE = frozenset(
    "representative official diplomat politician counterpart colleague guest delegate".split()
)
IGNORED_ROLE_WORDS = frozenset("the of a an s former year old".split())
FORMER = frozenset(("former", "ex", "retired"))
# Singular nouns for several people: never one person named before.
COLLECTIVE = frozenset("family couple crew household relatives".split())
PARTY_MEMBERS = frozenset(("democrat", "republican"))  # "the Nevada Democrat": "(D-Nev.)"


# What a person has that speaks for them: "his office", "her spokeswoman", "their lawyers".
SPEAKS_FOR_THEM = frozenset(
    """office campaign team staff spokesman spokeswoman spokesperson lawyer lawyers attorney
    attorneys aide aides adviser advisers advisor advisors representative representatives
    family ministry department government administration embassy party delegation
    mission""".split()
)
# "His ministry said" after Pakistan's defence minister: his, not the last ministry named.
BODIES_OF_THEIRS = frozenset(
    """office campaign team staff ministry department government administration embassy party
    delegation mission""".split()
)
OWNER = re.compile(r"(his|her|their|its)\s+", re.I)


def _someone_of_theirs(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'His office said …' after Prime Minister Nabil Haddad: "Nabil Haddad's office", a
    body of his; 'her spokeswoman': "Ann Lee's spokeswoman" — never the person themself."""
    m = OWNER.match(mention.text)
    if m is None or mention.head not in SPEAKS_FOR_THEM:
        return None
    word = m.group(1)
    kind = ORGANISATION if mention.head in BODIES_OF_THEIRS else GROUP if mention.plural else PERSON
    basis = "printed-definite"
    if word.lower() == "its":
        if kind != ORGANISATION or (state := _subject_state(resolver, mention)) is None:
            return None
        name = f"{state[0]}'s {mention.text[m.end() :]}"
        return Resolved(name, state[1], None, confidence_for("role"), kind, "description")
    pronoun = Mention(
        word,
        mention.start,
        mention.start + len(word),
        "pronoun",
        None,
        POSSESSIVE_PRONOUNS[word.lower()],
    )
    if (opener := _opens_the_words(resolver, mention, skip, word)) is not None:
        name = f"{opener.name}'s {mention.text[m.end() :]}"
        return Resolved(name, opener.country, None, confidence_for("role"), kind, "description")
    owner = resolver.resolve(pronoun, skip)
    if owner.speaker is None or owner.kind not in (PERSON, GROUP):
        return None
    name = f"{owner.speaker}'s {mention.text[m.end() :]}"
    certainty = min(owner.certainty, confidence_for("role"))
    return Resolved(name, owner.country, None, certainty, kind, "description", basis=basis)


def _opens_the_words(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None, word: str
) -> Entity | None:
    """'Egypt's foreign minister, Badr Abdelatty, called his Kenyan counterpart, his ministry
    said': in a tag after the words, "his" is the person they open on (who is never a "he
    said" there), when the sex agrees."""
    wanted = PRONOUN_GENDER.get(word.lower())
    if skip is None or wanted is None or not skip[1] <= mention.start:
        return None
    if resolver.layout.sentence_of(skip[0]) != resolver.layout.sentence_of(mention.start):
        return None
    named = [
        (pos, e)
        for e in resolver.registry.of_kind({PERSON})
        for pos in e.positions
        if skip[0] <= pos < min(skip[1], skip[0] + OPENING_REACH)
    ]
    if not named:
        return None
    opener = min(named, key=lambda found: found[0])[1]
    return opener if opener.gender in (None, wanted) else None


# How far into reported words the person they open on is named ("Egypt's foreign minister, ").
OPENING_REACH = 60


def _subject_state(resolver: "Resolver", mention: Mention) -> tuple[str, str] | None:
    """'Beijing rejects that account. Its embassy in Manila said …': the country, capital or
    national body that opens the sentence before, with its country."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 1:
        return None
    before = layout.text[layout.starts[here - 1] : layout.starts[here]].lstrip()
    return resolver.registry.opening_state(before)


def _of_the_opening_state(resolver: "Resolver", mention: Mention) -> Mention:
    """'Egypt, which backs the army, called for talks, according to a foreign ministry
    statement': a body named by its office words alone is the one of the state its sentence
    opens on, read as "Egypt's foreign ministry"."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0 or not national_body(mention.text):
        return mention
    opening = layout.text[layout.starts[here] : mention.start].lstrip()
    state = resolver.registry.opening_state(opening) if opening else None
    if state is None:
        return mention
    return replace(mention, text=f"{state[0]}'s {mention.text}")


OTHER_ONE = frozenset(("another", "a second", "a third"))


def _another(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'"…," one EU diplomat said. Another said …': another of the unnamed speaker's kind,
    not someone called "Another"."""
    unnamed = [
        e
        for e in resolver.unnamed(PERSON)
        if e.events
        and min(p for p, _ in e.events) < mention.start
        and re.match(r"(?:one|a|an)\s", e.name, re.I)
    ]
    if not unnamed:
        return None
    last = max(unnamed, key=lambda e: max(p for p, _ in e.events if p < mention.start))
    name = mention.text.lower() + " " + last.name.split(None, 1)[1]
    basis = "printed-indefinite"
    return Resolved(
        name, last.country, None, confidence_for(basis), PERSON, "description", basis=basis
    )


# Bodies whose last word alone would name a person: "the Philippine coast guard" is no guard.
BODY_ENDINGS = re.compile(r"\b(?:coast|national|border) guard$|\bcoastguard$", re.I)
ONE_OF_THEM = re.compile(r"(?:[Oo]ne|[Ee]ach) of them")
# What counts the people of a group: "two officials briefed …" are "the officials briefed …".
COUNTING = re.compile(
    r"^(?:the|some|several|many|a few|few|two|three|four|five|six|[0-9]{1,3})\s+", re.I
)
GROUP_REACH = 2  # sentences back "one of them" looks for the people it is one of


def _one_of_them(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'Two officials briefed on the schedule said … One of them said …': one of the people
    the last sentences spoke of, named as one of them ("one of the officials briefed …")."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    recent = [
        (max(p for p, _ in e.events if p < mention.start), e)
        for e in resolver.unnamed(GROUP)
        if any(
            p < mention.start and 0 <= here - layout.sentence_of(p) <= GROUP_REACH
            for p, _ in e.events
        )
    ]
    if not recent:
        return None
    group = max(recent, key=lambda pair: pair[0])[1]
    name = f"{mention.text.split()[0].lower()} of the {COUNTING.sub('', group.name)}"
    basis = "printed-indefinite"
    return Resolved(
        name, group.country, None, confidence_for(basis), PERSON, "description", basis=basis
    )


def _last_two_named(resolver: "Resolver", pos: int) -> list[tuple[int, Entity]] | None:
    """The two people named last before `pos`, each with where it was named last, in order."""
    last = [
        (max(p for p in e.positions if p < pos), e)
        for e in resolver.registry.of_kind({PERSON})
        if any(p < pos for p in e.positions)
    ]
    last.sort(key=lambda pair: pair[0])
    return last[-2:] if len(last) >= 2 else None


def _former_or_latter(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'Park and Arai … The former said': of the two people named last, the one named first
    ("the former") or second ("the latter"), by where each was named last."""
    last = _last_two_named(resolver, mention.start)
    if last is None:
        return None
    (_, first), (_, second) = last
    chosen = first if mention.text.lower() == "the former" else second
    return resolver.entity_result(chosen, mention, "description", "in-focus")


# People posted or sent somewhere: where they are says nothing of whose they are.
POSTED_PEOPLE = frozenset(
    """diplomat diplomats envoy envoys journalist journalists correspondent correspondents
    observer observers analyst analysts""".split()
)
IN_PLACE = re.compile(r"\s(?:in|at)\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}")


def _printed(resolver: "Resolver", mention: Mention, kind: str, evidence: str) -> Resolved:
    words = mention.text
    if mention.head in POSTED_PEOPLE:
        words = IN_PLACE.sub(" ", words)  # "a Western diplomat in New Delhi" is not Indian
    country = resolver.officials.home_country(words) or resolver.registry.body_country(words)
    if kind == GROUP and len(resolver.officials.countries_in(words)) > 1:
        country = None  # "the foreign ministers of France, Germany and Britain"
    if country is None and kind in (ORGANISATION, GROUP, PERSON):
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
    if country is None and kind == ORGANISATION and mention.head in NATIONAL_BODIES:
        if resolver.registry.at_home(mention.start):  # "the foreign ministry", filed from Kyiv
            country = resolver.registry.home
    if country is None and kind == PERSON and national_office(mention.text.lower()):
        if resolver.registry.at_home(mention.start):  # "a government spokesman", from Berlin
            country = resolver.registry.home
    basis = (
        "printed-group"
        if kind == GROUP
        else "printed-" + ("indefinite" if INDEFINITE.match(mention.text) else "definite")
    )
    if kind == ORGANISATION:
        basis = "printed-body"
    return Resolved(
        group_name(mention), country, None, confidence_for(basis), kind, evidence, basis=basis
    )


def _spokesperson_of_the_body_before(resolver: "Resolver", mention: Mention) -> str | None:
    """ "The US State Department said it regretted the decision. A spokesperson added that
    …": a spokesperson opening the sentence after one that opens on a body is its, and of its
    country."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 1 or layout.text[layout.starts[here] : mention.start].strip():
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


BARE_SPOKESPERSON = re.compile(r"(?i:an?|the)\s(?:[a-z]+\s)?spokes(?:man|woman|person)")
TITLES_BEFORE = re.compile(r"\s*(?:The\s)?(?:[A-Z][\w.'’-]{0,30}\s){0,3}")


def _owners_country(resolver: "Resolver", mention: Mention) -> str | None:
    """ "President Recep Tayyip Erdogan's office": the country of the person it is of."""
    m = POSSESSIVE.match(mention.text)
    if m is None:
        return None
    words = m["owner"].split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLE_WORDS:
        words = words[1:]  # "President", "Foreign Minister"
    owner = " ".join(words)
    entity = resolver.registry.find(owner, mention.start)
    if entity is not None:
        return entity.country if entity.kind == PERSON else None
    known = resolver.officials.find(owner)
    return known.country if known is not None and known.kind == "person" else None


def _spoken_for(resolver: "Resolver", mention: Mention) -> str | None:
    """ "A spokesman for Prime Minister Ann Lee": the country of the person they speak for,
    unless that person holds an international office (Guterres' spokesman is the UN's)."""
    if mention.head not in SPEAKS_FOR_THEM or not mention.name:
        return None
    if not re.search(r"\b(?:for|to|of)\s", mention.text):
        return None
    person = resolver.registry.find(mention.name, mention.start)
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


def _surname_of_someone(resolver: "Resolver", mention: Mention):
    """'Guest said', 'Baxter says': a surname that is also a word, parsed as a noun."""
    bare = re.sub(r"^the\s+", "", mention.text)
    if not re.fullmatch(r"[A-Z][\w'’-]+", bare):
        return None
    entity = resolver.registry.find(bare, mention.start)
    return entity if entity is not None and entity.kind == PERSON else None


def _of_its_state(resolver: "Resolver", mention: Mention) -> Mention:
    """'Iran will not negotiate …, its foreign minister said': "its" office is the one of the
    state the sentence opens on (or, opening the sentence, the sentence before): read as
    "Iran's foreign minister", never anyone's of another country."""
    m = OWNER.match(mention.text)
    if m is None or m.group(1).lower() != "its" or mention.head not in TITLE_WORDS:
        return mention
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0:
        return mention
    opening = layout.text[layout.starts[here] : mention.start].lstrip()
    state = resolver.registry.opening_state(opening) if opening.strip() else None
    if state is None:
        state = _subject_state(resolver, mention)
    if state is None:
        return mention
    return replace(mention, text=f"{state[0]}'s {mention.text[m.end() :]}")


def description(resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None) -> Resolved:
    registry = resolver.registry
    mention = _of_its_state(resolver, mention)
    if (named := _surname_of_someone(resolver, mention)) is not None:
        return resolver.entity_result(named, mention, "name", "name")
    if (
        mention.name
        and (whole := registry.find(mention.name, mention.start)) is not None
        and _titles_name(mention.text, mention.name, whole.kind == PERSON)
    ):  # "Carolina coach Rod Lee"; not "aides to Lee" or "the head of the House of Commons"
        return resolver.entity_result(whole, mention, "name", "name")
    if (theirs := _someone_of_theirs(resolver, mention, skip)) is not None:
        return theirs
    if not mention.plural and (named := _named_after(resolver, mention)) is not None:
        return named
    plural = mention.plural or mention.head in COLLECTIVE  # "the family" speaks as a group
    if mention.text.lower() in OTHER_ONE and (other := _another(resolver, mention)) is not None:
        return other
    if ONE_OF_THEM.fullmatch(mention.text) and (one := _one_of_them(resolver, mention)):
        return one
    if THE_TWO.fullmatch(mention.text) and (pair := resolver.named_pair(mention, skip)):
        return replace(pair, evidence="description")  # "the two leaders said in a statement"
    if mention.text.lower() in ("the former", "the latter"):
        if (which := _former_or_latter(resolver, mention)) is not None:
            return which
    if INDEFINITE.match(mention.text):  # "a citizen", "several lawyers and experts"
        if not plural and (named := _named_next(resolver, mention)) is not None:
            return named
        return _printed(resolver, mention, GROUP if plural else PERSON, "description")
    head = mention.head
    if (head in MEDIA_NOUNS or head in ORG_NOUNS) and (named := _named_body(resolver, mention)):
        return named
    if head in MEDIA_NOUNS:
        found = _salient(resolver, {OUTLET}, mention, skip)
        if found is not None:
            return found
        if head not in ORG_NOUNS and not plural:  # "the newspaper", not "the agency"
            # the one outlet named before, however far back; else an outlet as printed
            return _only_outlet(resolver, mention) or _printed(
                resolver, mention, OUTLET, "description"
            )
    if (head in ORG_NOUNS or BODY_ENDINGS.search(mention.text)) and not plural:
        return _organisation(resolver, mention, skip) or _printed(
            resolver, mention, ORGANISATION, "description"
        )
    if plural:
        definite = mention.text.split()[0].lower() in THIS_WORDS
        again = _unnamed_again(resolver, mention, skip, GROUP) if definite else None
        return again or _printed(resolver, mention, GROUP, "group")
    owned = _owned_by_person(resolver, mention)
    found = (
        _unnamed_again(resolver, mention, skip)
        or _person_by_role(resolver, mention, owned)
        or (None if owned else _person_in_focus(resolver, mention, skip))
        or _named_next(resolver, mention)
    )
    if found is not None:
        return found
    return _printed(resolver, mention, PERSON, "description")


POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<owned>\S.*)$")
# Two people named together before: "the two leaders", "both ministers", "the pair".
THE_TWO = re.compile(
    r"(?i:the\stwo|both)(?:\s(?:leaders|presidents|ministers|men|women|officials|envoys))?"
    r"|(?i:the\spair)"
)


def _owned_by_person(resolver: "Resolver", mention: Mention) -> str | None:
    """'Brooke's spokesman', 'the prime minister's lawyer': someone of a person's, never that
    person nor whoever is in focus; the words after the possessive. None for a country's or a
    body's ('Russia's foreign minister' may be the foreign minister the article names)."""
    m = POSSESSIVE.match(mention.text)
    if m is None:
        return None
    owner = re.sub(r"^the\s+", "", m["owner"], flags=re.I)
    if owner.split()[-1].lower() in PERSON_NOUNS:
        return m["owned"]
    entity = resolver.registry.find(owner, mention.start)
    return m["owned"] if entity is not None and entity.kind == PERSON else None


IN_FOCUS = 0.45  # the salience of someone just made the subject, or named in this sentence
NEWCOMER_REACH = 2  # sentences back a person first named is still "the new person"
ALONE_SHARE = 0.9  # a top score this much of the two best: nobody else is in the running
# Words for a person that name no office, so no printed title can fit them: "the bow-tied
# maverick", "the designer", "the billionaire" stand for whoever the story is about.
EPITHETS = frozenset(
    """maverick veteran entrepreneur mogul tycoon billionaire millionaire magnate heiress
    designer founder artist cartoonist novelist writer author singer actor actress star
    firebrand hardliner populist nationalist reformer outsider newcomer incumbent challenger
    frontrunner front-runner nominee businessman businesswoman""".split()
)


def _person_in_focus(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'says the 39-year-old founder' right after the founder was named: a definite
    description nobody's printed titles fit refers to the person in focus, if someone is
    clearly in focus; otherwise it stays as printed ("the father")."""
    before_head = mention.text[: max(0, mention.text.lower().find(mention.head))]
    if not mention.text.lower().startswith("the "):
        return None
    nationality = _nationality(resolver, before_head)
    if nationality is None and re.search(r"\s[A-Z]", before_head):
        return None  # "the Nova Scotia judge" is someone particular, maybe never named
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    office = names_an_office(mention.head)
    # a former office is not among the titles printed now: "Opposition leader Ann Lee …. The
    # former prime minister said"
    former = "former" in mention.text.lower().split()
    people = [
        e
        for e in resolver.registry.of_kind({PERSON})
        if (nationality is None or e.country in (nationality, None))  # "the British minister"
        # "the US president" is no one of unknown country with no such office printed
        and not (
            nationality
            and office
            and not _states(mention.text.lower())  # ("the New Jersey governor" is a state's)
            and mention.head not in POLITICAL  # ("the Portuguese politician" may be a president)
            and e.country is None
            and mention.head not in e.role.split()
        )
        and (former or office_fit(mention.text, printed_role(e)) != CLASH)
        # an office is not someone named earlier in this sentence: "Olena Marchuk quoted
        # the Ukrainian leader as saying …" names two people
        and not (office and _named_in_sentence(resolver, e, mention.start))
    ]
    newcomers = [
        e
        for e in people
        if e.positions
        and min(e.positions) < mention.start
        and 0 <= here - layout.sentence_of(min(e.positions)) <= NEWCOMER_REACH
        and not (skip and skip[0] <= min(e.positions) < skip[1])
    ]
    if len(newcomers) == 1:  # "…from Ann Lee, off the bench. The 34-year-old striker said"
        return resolver.entity_result(newcomers[0], mention, "description", "in-focus")
    scored = ranked(people, mention.start, resolver.layout, skip)
    if not scored or margin(scored) < 0.7:
        return None
    # less salient, but alone: "Campbell has cerebral palsy. … His message? … '…,' says the
    # bow-tied maverick" (nobody else named for sentences)
    alone = (
        mention.head in EPITHETS and scored[0][0] >= IN_FOCUS / 3 and margin(scored) >= ALONE_SHARE
    )
    if scored[0][0] < IN_FOCUS and not alone:
        return None
    return resolver.entity_result(scored[0][1], mention, "description", "in-focus", margin(scored))


def _named_in_sentence(resolver: "Resolver", e: Entity, pos: int) -> bool:
    """`e` is named, outside quotation marks, earlier in the sentence at `pos`."""
    layout = resolver.layout
    here = layout.sentence_of(pos)
    return any(
        p < pos and layout.sentence_of(p) == here and not layout.in_quote(p) for p in e.positions
    )


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


def _named_after(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """ "A Ukrainian woman in a red coat, who gave her name only as Oksana, said …": the
    name the description gives right after it is the speaker's, of the description's
    nationality."""
    given = NAME_GIVEN.match(resolver.layout.text, mention.end)
    if given is None:
        return None
    country = resolver.officials.home_country(mention.text)
    person = resolver.registry.find(given[1], given.start(1))
    if person is None:  # a given name the registry did not take for one ("Aissata")
        certainty = confidence_for("named-next")
        return Resolved(given[1], country, None, certainty, PERSON, "description")
    if person.kind != PERSON:
        return None
    if person.country is None:
        person.country = country
    return resolver.entity_result(person, mention, "description", "named-next")


# ", who gave her name only as Oksana,", ", who gave only his first name, Ahmed,"
NAME_GIVEN = re.compile(
    r",\s(?:who|whom)\s(?:gave|asked\sto\sbe\sidentified|identified\s(?:herself|himself))"
    r"(?:\sonly)?(?:\s(?:her|his|their))?(?:\sonly)?(?:\sfirst)?(?:\sname)?(?:\sonly)?"
    r"(?:\sas|,)?\s([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)


def _named_next(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'A Vancouver hockey coach says … . Stephen Gillis said …': news describes someone first
    and names them at the start of the next sentence. The description goes to the one person
    whose first mention in the body opens that sentence (after at most a title)."""
    if mention.head in UNNAMED_SOURCES or mention.head not in DESCRIBED_PEOPLE:
        return None
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 0 or here + 1 >= len(layout.starts):
        return None
    opening = layout.starts[here + 1]
    opens = layout.starts_sentence(mention.start)  # the description is what it is about
    found = []
    for e in resolver.registry.of_kind({PERSON}):
        body = [p for p in e.positions if layout.sentence_of(p) >= 0]
        if not body or layout.sentence_of(min(body)) != here + 1:
            continue  # named before the description (or not in the next sentence)
        before = layout.text[opening : min(body)]
        if _a_title(before.split(), lede=here < LEDE_SENTENCES) or (
            opens and QUOTE_THEN_TAG.fullmatch(before)
        ):
            found.append(e)
    found = [
        e
        for e in found
        if not _holds_another_office(e, mention.head)
        and office_fit(mention.text, printed_role(e)) != CLASH  # a prime, not defence, minister
    ]
    if not found:  # "… and South Korea's president …. Prime Minister X, hosting President Y,"
        found = [
            e
            for e in resolver.registry.of_kind({PERSON})
            if e.role.split()[-1:] == [mention.head]
            and layout.sentence_of(min(e.positions)) == here + 1
            and office_fit(mention.text, printed_role(e)) != CLASH
        ]
    if len(found) != 1:
        return None
    if found[0].country is None:  # "Turkey's foreign minister said …. “…,” Hakan Demir told"
        found[0].country = resolver.officials.home_country(mention.text)
    # the office is his from now on: "The Qatari premier said" later is the same man
    found[0].role = f"{found[0].role} {mention.text.lower()}".strip()
    return resolver.entity_result(found[0], mention, "description", "named-next")


# The next sentence opens with a quotation whose tag names the speaker: '“…,” Hakan Demir told'.
QUOTE_THEN_TAG = re.compile(
    r"[\"“][^\"“”\n]{1,400}[\"”][ \t]{1,3}(?:(?:said|says|added|told)[ \t]{1,3})?"
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


DESCRIBED_PEOPLE = PERSON_NOUNS | {"head"}  # "the head of the U.N. nuclear watchdog"
OFFICE_WORDS = TITLE_WORDS | PERSON_NOUNS
LONG_TITLE_WORDS = 6
LEDE_SENTENCES = 2  # the body's first sentences, where a story may name its subject late
NOT_OPENING_A_TITLE = frozenset("the a an and but or so when as after before while then".split())


def _only_outlet(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'The newspaper says' paragraphs after the one outlet the article names: that outlet,
    however far back (salience fades with distance; a single candidate does not)."""
    outlets = [
        e
        for e in resolver.registry.of_kind({OUTLET})
        if e.positions and min(e.positions) < mention.start
    ]
    if len(outlets) != 1:
        return None
    return resolver.entity_result(outlets[0], mention, "description", "body-salient")


def _nationality(resolver: "Resolver", words: str) -> str | None:
    """The country of a description's capitalised words when every one of them is the same
    nationality ("the British", "the South Korean"); None for other proper nouns ("the
    Nova Scotia") or none at all."""
    capitals = re.findall(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", words)
    if any(province in words for province in resolver.officials.provinces):
        return None  # "the Nova Scotia judge" is someone there, maybe never named
    countries = {resolver.officials.country_in(phrase) for phrase in capitals}
    if not capitals or None in countries or len(countries) != 1:
        return None
    return countries.pop()


def _unnamed_again(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None, kind: str = PERSON
) -> Resolved | None:
    """'the official' after "a justice official said", 'the people' after "three people
    familiar with the talks said": the unnamed speaker with that head."""
    words = set(re.findall(r"[\w'’-]+", mention.text.lower())) - THIS_WORDS
    pool = [
        e
        for e in resolver.unnamed(kind)
        if words <= set(re.findall(r"[\w'’-]+", e.name.lower()))  # "the official" ⊂ "an official"
    ]
    scored = ranked(pool, mention.start, resolver.layout, skip)
    if not scored:
        return None
    e = scored[0][1]
    basis = "unnamed-again"
    return Resolved(
        e.name, e.country, None, confidence_for(basis), kind, "description", e, basis=basis
    )


THIS_WORDS = frozenset("the this that these those".split())


PREPOSITIONS = frozenset("of for at to by in on from with the".split())
ARTICLES = frozenset("a an the one two three several some".split())
RELATED_TO = frozenset("to for of with close near around".split())  # not "by", "at", "in"


def _titles_name(text: str, name: str, person: bool) -> bool:
    """The phrase ends with the name, right after its head: 'Carolina coach Rod Lee', not
    'aides to Lee' or 'the head of the House of Commons'; nor, for a person, 'sources close
    to French President Emmanuel Macron' (but 'his best friend at Lehigh, Bruce Turry' is
    Turry, 'statements made by Senator Ann Lee' Lee's)."""
    if not text.endswith(name):
        return False
    before = text[: -len(name)].split()
    while before and before[-1].lower().rstrip(".") in HONORIFICS:
        before.pop()  # "a spokesman for Mr. Duclos" is the spokesman
    head = next((w.lower() for w in before if w.lower() not in ARTICLES), "")
    appositive = text[: -len(name)].rstrip().endswith(",")  # "a spokesman for …, Paul Roy"
    if person and head in SPEAKS_FOR_THEM and not appositive:
        # "a spokesman for Secretary-General António Guterres", "an aide to Prime Minister
        # Ann Lee": the titles before the name are the other person's
        # ("Venezuelan Foreign Minister Yván Gil", "UN Secretary-General António Guterres")
        while len(before) > 1 and all(
            piece[:1].isupper() for piece in re.split(r"[-‑]", before[-1])
        ):
            before.pop()
    if (
        person
        and head not in TITLE_WORDS
        and not appositive
        and any(w.lower() in RELATED_TO for w in before)
    ):
        return False
    return not before or before[-1].lower() not in PREPOSITIONS


def _named_body(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'the state-run KCNA news agency': a body named by the proper nouns in front of its head
    noun (and at most two other words) is that body, printed from the name to the head."""
    words = mention.text.split()
    if not words or words[-1].lower() != mention.head:
        return None
    n = len(words) - 1
    while n > 0 and len(words) - n <= 3 and words[n - 1][:1].islower():
        n -= 1  # "news", "state-run"
    first = n
    while first > 0 and words[first - 1][:1].isupper():
        first -= 1
    if first == n or words[first] in NOT_FIRST:
        return None
    name = " ".join(words[first:])
    kind = OUTLET if mention.head in MEDIA_NOUNS else ORGANISATION
    country = resolver.officials.home_country(mention.text)
    if country is None and (owner := re.match(r"(.{2,60}?)['’]s$", words[n - 1])):
        # "Maduro's government", "Krasniqi's office": the country of whose they are
        person = resolver.registry.find(" ".join([*words[first : n - 1], owner[1]]), mention.start)
        country = person.country if person is not None and person.kind == PERSON else None
    return Resolved(
        name, country, None, confidence_for("named-body"), kind, "name", basis="named-body"
    )


def _organisation(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'the ministry' after "Japan's foreign ministry"; 'the company' after any company.
    'The Russian government' is Russia's: not the FBI, however salient."""
    head = mention.head
    if head in BUSINESS_NOUNS:
        found = _salient(resolver, {ORGANISATION}, mention, skip, prefer=_business)
    elif head in PUBLIC_NOUNS:
        found = _salient(resolver, {ORGANISATION}, mention, skip, prefer=_public)
        if head in GOVERNMENTS and found is not None and found.entity is not None:
            entity = found.entity  # "the army-aligned government" is never the militia
            if not _public(entity) and entity not in resolver.unnamed(ORGANISATION):
                return None
    else:
        need = None if head in GENERIC_BODIES else head
        found = _salient(resolver, {ORGANISATION}, mention, skip, need=need)
    if found is not None and not _of_nationality(resolver, found, mention):
        return None
    return found


def _of_nationality(resolver: "Resolver", found: Resolved, mention: Mention) -> bool:
    """Whether the body found is of the nationality the description names, if it names one
    ("the Russian government", "the Russian readout"); a body of no known country is not."""
    nationality = _nationality(resolver, mention.text)
    own = found.entity.country if found.entity is not None else None
    return nationality is None or nationality == own


def _first(item: tuple[float, Entity]) -> float:
    return -item[0]


def _public(e: Entity) -> bool:
    return any(w in PUBLIC_BODY_WORDS for w in e.name.lower().split())


def _business(e: Entity) -> bool:
    return not _public(e)


# Words a body's name may hold for a description to mean it: "the union" is "UFCW Local 832".
BODY_NAMED_AS = {
    "union": {"local", "workers", "teamsters", "federation", "confederation", "guild"},
}


def _salient(
    resolver: "Resolver",
    kinds: set[str],
    mention: Mention,
    skip: tuple[int, int] | None,
    need: str | None = None,
    prefer: Callable[[Entity], bool] | None = None,
) -> Resolved | None:
    """The most salient entity of these kinds (whose name or role holds `need`, if given;
    those `prefer` likes count double)."""
    named = resolver.registry.of_kind(kinds)
    unnamed = [e for kind in kinds for e in resolver.unnamed(kind)]  # "Japan's foreign ministry"
    if prefer is not None:  # an unnamed body is what its printed words say: "the government"
        unnamed = [e for e in unnamed if prefer(e)]  # is no company
    needs = {need} | BODY_NAMED_AS.get(need, set()) if need else set()
    pool = [
        e
        for e in named + unnamed
        if need is None or needs & {*e.name.lower().split(), *e.role.split()}
    ]
    scored = ranked(pool, mention.start, resolver.layout, skip)
    if prefer is not None:
        scored = sorted(((s * (1.0 if prefer(e) else 0.4), e) for s, e in scored), key=_first)
    if not scored or scored[0][0] < MIN_SALIENCE:
        return None
    basis = "body-by-name" if need else "body-salient"
    return resolver.entity_result(scored[0][1], mention, "description", basis, margin(scored))


def _person_by_role(
    resolver: "Resolver", mention: Mention, owned: str | None = None
) -> Resolved | None:
    """The person whose printed titles share the description's words ('the mayor', 'the
    32-year-old labourer'), preferring the salient; later names count when none came before.
    Of a person's someone (`owned`: 'spokesman' of "Brooke's spokesman"), the titles must
    share those words: the owner's titles are not the speaker's."""
    words = set(re.findall(r"[a-z]+", mention.text.lower())) - IGNORED_ROLE_WORDS
    office_words = {w for w in words if resolver.officials.country_in(w.capitalize()) is None}
    own = set(re.findall(r"[a-z]+", owned.lower())) - IGNORED_ROLE_WORDS if owned else words
    states = _states(mention.text.lower())
    age = AGE.search(mention.text)
    classes = [c for c in ROLE_CLASSES if own & c]
    party = mention.head in PARTY_MEMBERS and bool(states)  # "the Tennessee Republican"
    if not (words & PERSON_NOUNS or age or classes or party):
        return None
    country = resolver.officials.home_country(mention.text)
    former = "former" in mention.text.lower().split()
    best, best_key = None, None
    for e in resolver.registry.of_kind({PERSON}):
        role_words = set(re.findall(r"[a-z]+", e.role))
        printed_age = AGE.search(e.role)
        if age and printed_age and printed_age.group(1) != age.group(1):
            continue
        if country and e.country and country != e.country:
            continue
        if (
            country
            and not states
            and e.country is None
            and min(e.positions, default=0) > mention.start
        ):
            continue  # "Britain's interior minister" is nobody of no known country named later
        office = office_fit(mention.text, printed_role(e))
        if office == CLASH or spokesman_for_an_office(mention.text, printed_role(e)):
            continue
        printed = set(re.findall(r"[a-z]+", printed_role(e)))
        if former and not owned and _shared(office_words, printed) and not printed & FORMER:
            continue  # "the former prime minister" is not "Prime Minister Ann Lee"
        if owned and not (_shared(own, role_words) or any(role_words & c for c in classes)):
            continue
        if states and (theirs := _states(e.role)) and not states & theirs:
            continue  # "the Vermont senator" is not the senator from Missouri
        if _heads_another(mention.text, e.role):
            continue  # "the head of the U.N. nuclear watchdog" is not Iran's agency's head
        fit = 2.0 * _shared(words, role_words) + (3.0 if age and printed_age else 0.0)
        if min(e.positions, default=0) > mention.start and not (
            _shared(office_words, role_words) or (age and printed_age)
        ):
            continue  # "its foreign minister said" is not Iran's ambassador, named later
        fit += sum(1.0 for c in classes if role_words & c)
        fit += 1.0 if former and printed & FORMER else 0.0  # "the former …": "a retired …"
        if party and not states & _states(e.role):
            continue  # "the Wisconsin Republican": a Republican from Wisconsin, not any
        if fit <= 0 and not party and (states or mention.head not in ANY_OFFICE):
            continue  # a country alone fits no office: "the Vermont senator" is not the president
        fit += 1.0 if country and country == e.country else 0.0
        fit -= 1.5 if office == LOOSE else 0.0  # "the president": not the vice president
        if fit <= 0:
            continue  # nothing shared, or only a rank below: "the top diplomat", a deputy
        before = score(e.events, mention.start, resolver.layout)
        key = (fit, before > 0, before)
        if best_key is None or key > best_key:
            best, best_key = e, key
    if best is None or best_key is None:
        return None
    basis = "role-strong" if best_key[0] >= 4 else "role"
    return resolver.entity_result(best, mention, "description", basis)


_OF_WHAT = re.compile(r"\bof\s+(.+)")


def _heads_another(description: str, role: str) -> bool:
    """Both say what the office is of ("head of …"), and nothing the two name is shared."""
    ours, theirs = _OF_WHAT.search(description.lower()), _OF_WHAT.search(role.lower())
    if ours is None or theirs is None:
        return False
    words = set(re.findall(r"[a-z]{3,}", ours.group(1))) - IGNORED_ROLE_WORDS
    return bool(words) and not words & set(re.findall(r"[a-z]{3,}", theirs.group(1)))


_STATE = re.compile(r"\b(" + "|".join(sorted(STATE_NAMES)) + r")\b")


def _states(text: str) -> set[str]:
    """The US states a lowercase description or role names."""
    return set(_STATE.findall(text))


def _shared(words: set[str], role_words: set[str]) -> int:
    """Description words found among the printed role words; 'mayor' matches 'mayoral'."""
    return sum(
        1
        for w in words
        if w in role_words
        or len(w) >= 4
        and any(r.startswith(w) and r not in BODY_WORDS for r in role_words)
    )


# A body's word is no office that shares its stem: "minister" is not "ministry".
BODY_WORDS = frozenset("ministry ministries department office agency presidency".split())


def document(resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None) -> Resolved:
    """A statement, release or report speaks for its author; the document is the channel."""
    via = mention.head
    if mention.author is not None:
        author = resolver.resolve(_of_the_opening_state(resolver, mention.author), skip)
        if author.speaker is not None:
            return replace(author, via=via, evidence="document")
    if (issuer := _issuer(resolver, mention)) is not None:
        basis = "document-issuer"
        return replace(
            issuer, via=via, evidence="document", certainty=confidence_for(basis), basis=basis
        )
    if mention.plural and via == "reports":  # "Reports say …": the press, no one author
        return unknown(None, "document", via=via)  # (not "those documents", the DNC's)
    found = _salient(resolver, {ORGANISATION}, mention, skip)
    if (
        found is not None
        and _recent(resolver, found, mention.start)
        and _of_nationality(resolver, found, mention)
    ):
        basis = "document-salient"
        return replace(
            found, via=via, evidence="document", certainty=confidence_for(basis), basis=basis
        )
    return unknown(None, "document", via=via)


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
