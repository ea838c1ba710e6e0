"""Descriptions and groups as speakers.

"the minister", "the 34-year-old" and "the coach" go to the person whose printed titles fit,
anywhere in the article (a description may come before the name); "the company", "the utility"
to the most salient organisation. A description of someone named right after it ("A Porto
coach says …. Rui Matos said") is that person (named_later.py). A description that fits nobody
named ("a citizen", "people arrested last week") is the speaker as printed, with the country
its words give (printed_speakers.py). Documents speak for their authors (documents.py).
"""

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from app.extract.speakers.antecedents import MIN_SALIENCE, Resolved, margin, ranked, unknown
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.datelines import national_body
from app.extract.speakers.entities import Entity
from app.extract.speakers.gender import HONORIFICS, PRONOUN_GENDER, SEXED_NOUNS, is_first_name
from app.extract.speakers.generations import AGE
from app.extract.speakers.lexicon import (
    ACQUAINTANCES,
    KIN_NOUNS,
    MEDIA_NOUNS,
    NOT_FIRST,
    ORG_NOUNS,
    ORG_WORDS,
    PARTY_MEMBER,
    PERSON_NOUNS,
    STATE_NAMES,
    TITLE_WORDS,
)
from app.extract.speakers.mentions import POSSESSIVE_PRONOUNS, Mention
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
from app.extract.speakers.places import subdivision_country
from app.extract.speakers.salience import ROLE_WEIGHT, SPEAKER, SUBJECT, score
from app.extract.speakers.trial_sides import lawyer_for_the_side, side_of_a_trial
from app.extract.speakers.typing import GROUP, ORGANISATION, OUTLET, PERSON
from app.extract.speakers.whereabouts import INTERNATIONAL_OFFICE

if TYPE_CHECKING:
    from app.extract.speakers.antecedents import Resolver


from app.extract.speakers.named_later import (
    FULL_NAME,
    body_named_next,
    named_after,
    named_again_next,
    named_next,
)
from app.extract.speakers.printed_speakers import (
    INDEFINITE,
    POSSESSIVE,
    SPEAKS_FOR_THEM,
    honorific_fits,
    printed,
)

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
# Words for someone of any office, which a country alone can fit: "the D.C. representative"
# for the U.S. secretary of state, "the Russian diplomat" for its foreign minister.
ANY_OFFICE = frozenset(
    "representative official diplomat politician counterpart colleague guest delegate".split()
)
IGNORED_ROLE_WORDS = frozenset("the of a an s former year old".split())
FORMER = frozenset(("former", "ex", "retired"))
# Singular nouns for several people: never one person named before.
# (and the sides and crowds of politics: "the left", "the public")
COLLECTIVE = frozenset(
    "family couple crew household relatives left right public crowd audience".split()
)
# A work that "says" or "accuses": its words are its author's, whom the story names with it
# ("Zuckoff's book") or not at all; never the person or body in focus.
WORKS = frozenset("book memoir novel film movie documentary biopic".split())
PARTY_MEMBERS = frozenset(("democrat", "republican"))  # "the Nevada Democrat": "(D-Nev.)"
# "His ministry said" after Pakistan's defence minister: his, not the last ministry named.
BODIES_OF_THEIRS = frozenset(
    """office campaign team staff ministry department government administration embassy party
    delegation mission""".split()
)
OWNER = re.compile(r"(his|her|their|its)\s+", re.I)
# Who speaks for a body as its officer: "Its regional president said", "its founder told"
BODY_OFFICERS = frozenset(
    "president chairman chairwoman chair founder director leader head chief ceo".split()
)


def _someone_of_theirs(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None, kin: bool = False
) -> Resolved | None:
    """'His office said …' after Prime Minister Nabil Haddad: "Nabil Haddad's office", a
    body of his; 'her spokeswoman': "Ann Lee's spokeswoman" — never the person themself."""
    m = OWNER.match(mention.text)
    its = m is not None and m.group(1).lower() == "its"
    heads = (
        KIN_NOUNS | ACQUAINTANCES if kin else SPEAKS_FOR_THEM | (BODY_OFFICERS if its else set())
    )
    if m is None or mention.head not in heads:
        return None
    word = m.group(1)
    kind = ORGANISATION if mention.head in BODIES_OF_THEIRS else GROUP if mention.plural else PERSON
    basis = "printed-definite"
    if its and kind != ORGANISATION:
        return _officer_of_the_body(resolver, mention, mention.text[m.end() :], kind)
    if its:
        if (state := _subject_state(resolver, mention)) is None:
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
    if kin and not (
        owner.entity is not None
        and led_the_sentence_before(resolver, owner.entity, mention.start, LED)
    ):
        return None  # a kin's "her" only for whom the sentence before was about: "Emma is
        # recovering. Her mother said …"
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


def _officer_of_the_body(
    resolver: "Resolver", mention: Mention, office: str, kind: str
) -> Resolved | None:
    """'The Polisario Front condemned the deal. Its representative in Spain said …': the
    body the sentence before opens on, named with the office ("Polisario Front's
    representative in Spain"); not "… took a job at Uber before its senior vice president
    boasted", whose body opens no sentence."""
    body = resolver.registry.body_opening_before(mention.start)
    if body is None:
        return None
    name = f"{body.name}'s {office}"
    return Resolved(name, body.country, None, confidence_for("role"), kind, "description")


def _subject_state(resolver: "Resolver", mention: Mention) -> tuple[str, str] | None:
    """'Beijing rejects that account. Its embassy in Manila said …': the country, capital or
    national body that opens the sentence before, with its country."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if here < 1:
        return None
    before = layout.text[layout.starts[here - 1] : layout.starts[here]].lstrip()
    return resolver.registry.opening_state(before)


def of_the_opening_state(resolver: "Resolver", mention: Mention) -> Mention:
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


# The people a sentence opens on: "Fans reacted with sympathy.", "Many residents were angry."
CROWD_OPENING = re.compile(
    r"(?:(?:The|Many|Some|Most|Other|Several)\s)?([A-Za-z-]{2,20}(?:\s[a-z-]{2,20})?s)\s[a-z]"
)


def _one_of_the_crowd(resolver: "Resolver", mention: Mention) -> Resolved:
    """'Fans reacted with sympathy. "…," one wrote.': one (or another) of the people the
    sentence before, or this one, opens on; else nobody known, never someone called "One"."""
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    for n in (here, here - 1):
        if n < 0:
            continue
        opening = layout.unquoted(layout.starts[n], mention.start)
        if opening[:1] == " ":
            continue  # a sentence opening on a quotation opens on no one
        crowd = CROWD_OPENING.match(opening)
        if (
            crowd is not None
            and crowd[1].lower().split()[-1] not in NOT_A_CROWD
            and resolver.registry.find(crowd[1], mention.start) is None  # ("Waters said")
        ):
            name = f"{mention.text.lower()} of the {crowd[1].lower()}"
            basis = "printed-indefinite"
            return Resolved(
                name, None, None, confidence_for(basis), PERSON, "description", basis=basis
            )
    return unknown()


NOT_A_CROWD = frozenset("this is was has does says its it's his hers".split())


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


GENERATION_OR_THE = re.compile(r"^[Tt]he\s+(?:(?:elder|older|younger)\s+)?")


def _surname_of_someone(resolver: "Resolver", mention: Mention):
    """'Guest said', 'Baxter says', 'the older Reyes': a surname that is also a word, or
    after a generation's adjective, parsed as a noun."""
    bare = GENERATION_OR_THE.sub("", mention.text)
    if not re.fullmatch(r"[A-Z][\w'’-]+", bare):
        return None
    entity = resolver.registry.find(bare, mention.end - len(bare))
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


def _of_the_body_before(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'Pakistan's military denied it. Its media wing said …': of the one body that led the
    sentence before, named with it ("Pakistan's military's media wing"), not bare."""
    m = OWNER.match(mention.text)
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    if m is None or m.group(1).lower() != "its" or here < 1:
        return None
    if layout.text[layout.starts[here] : mention.start].strip():
        return None  # opening its sentence: "… at Uber a few months before its senior vice
        # president boasted" is Uber's, named in its own sentence
    bodies = [
        e
        for e in resolver.registry.of_kind({ORGANISATION}) + resolver.unnamed(ORGANISATION)
        if led_the_sentence_before(resolver, e, mention.start, LED)
    ]
    if len(bodies) != 1:
        return None
    body = bodies[0]
    kind = GROUP if mention.plural else PERSON if mention.head in PERSON_NOUNS else ORGANISATION
    name = f"{body.name}'s {mention.text[m.end() :]}"
    return Resolved(name, body.country, None, confidence_for("role"), kind, "description")


def description(resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None) -> Resolved:
    registry = resolver.registry
    mention = _of_its_state(resolver, mention)
    if (named := _surname_of_someone(resolver, mention)) is not None:
        return resolver.entity_result(named, mention, "name", "name")
    named_at = mention.start + max(0, mention.text.rfind(mention.name or ""))
    if (
        mention.name
        and (whole := registry.find(mention.name, named_at)) is not None
        and _titles_name(mention.text, mention.name, whole.kind == PERSON)
    ):  # "Carolina coach Rod Lee"; not "aides to Lee" or "the head of the House of Commons"
        return resolver.entity_result(whole, mention, "name", "name")
    if (theirs := _someone_of_theirs(resolver, mention, skip)) is not None:
        return theirs
    if (its := _of_the_body_before(resolver, mention)) is not None:
        return its
    if not mention.plural and (named := named_after(resolver, mention)) is not None:
        return named
    plural = mention.plural or mention.head in COLLECTIVE  # "the family" speaks as a group
    if mention.text.lower() in OTHER_ONE and (other := _another(resolver, mention)) is not None:
        return other
    if mention.text.lower() in ("one", "another"):
        return _one_of_the_crowd(resolver, mention)
    if ONE_OF_THEM.fullmatch(mention.text) and (one := _one_of_them(resolver, mention)):
        return one
    if THE_TWO.fullmatch(mention.text) and (
        pair := resolver.named_pair(mention, skip)
        or resolver.named_pair(mention, None, reach=PAIR_REACH)
    ):  # "the two leaders said in a statement", or "A and B agreed …, the two leaders said"
        return replace(pair, evidence="description")
    if THE_TWO.fullmatch(mention.text) or mention.text.lower() == "the couple":
        if (two := _two_again(resolver, mention, skip)) is not None:
            return two
    if (several := THE_SEVERAL.fullmatch(mention.text)) is not None:
        count = COUNTS[several[1].lower()]  # "the three countries" after "Britain, France and
        pool = [e for e in resolver.unnamed(GROUP) if _listed(e.name) == count]  # Germany"
        if (again := _salient_again(resolver, pool, mention, skip, GROUP)) is not None:
            return again
    if mention.text.lower() in ("the former", "the latter"):
        if (which := _former_or_latter(resolver, mention)) is not None:
            return which
    if INDEFINITE.match(mention.text):  # "a citizen", "several lawyers and experts"
        if not plural and (
            named := named_next(resolver, mention) or named_again_next(resolver, mention)
        ):
            return named
        return printed(resolver, mention, GROUP if plural else PERSON, "description")
    head = mention.head
    if head in WORKS and not plural and mention.name is None:  # (who made it is "theirs")
        return printed(resolver, mention, PERSON, "description")
    if side_of_a_trial(head, mention.text):
        people = resolver.registry.of_kind({PERSON})
        if (lawyer := lawyer_for_the_side(head, people, mention.start)) is not None:
            return resolver.entity_result(lawyer, mention, "description", "role")
        return printed(resolver, mention, GROUP, "description")
    if (theirs := _body_of_someone(resolver, mention)) is not None:
        return theirs
    if (head in MEDIA_NOUNS or head in ORG_NOUNS) and (named := _named_body(resolver, mention)):
        return named
    if head in MEDIA_NOUNS:
        found = salient(resolver, {OUTLET}, mention, skip)
        if found is not None:
            return found
        if head not in ORG_NOUNS and not plural:  # "the newspaper", not "the agency"
            # the one outlet named before, however far back; else an outlet as printed
            return _only_outlet(resolver, mention) or printed(
                resolver, mention, OUTLET, "description"
            )
    if (head in ORG_NOUNS or BODY_ENDINGS.search(mention.text)) and not plural:
        fits = _fits_the_body(head)
        return (
            _subject_of_its_words(resolver, mention, skip, fits)
            or _organisation(resolver, mention, skip)
            or body_named_next(resolver, mention, fits)
            or printed(resolver, mention, ORGANISATION, "description")
        )
    if plural:
        definite = mention.text.split()[0].lower() in THIS_WORDS
        again = _unnamed_again(resolver, mention, skip, GROUP) if definite else None
        return again or printed(resolver, _kin_named_next(resolver, mention), GROUP, "group")
    if _kin_of_someone_unnamed(resolver, mention):
        return printed(resolver, mention, PERSON, "description")
    if (source := _source_kept_unnamed(resolver, mention, skip)) is not None:
        return source
    if kept_unnamed(resolver, mention):  # "said the woman, who did not want to be named"
        return (
            _unnamed_again(resolver, mention, skip)
            or _someone_of_theirs(resolver, mention, skip, kin=True)  # "Her roommate, who …"
            or printed(resolver, mention, PERSON, "description")
        )
    owned = _owned_by_person(resolver, mention)
    by_role = _the_more_salient(
        resolver,
        mention,
        skip,
        _unnamed_again(resolver, mention, skip),
        _person_by_role(resolver, mention, owned),
    )
    if by_role is not None and _named_later(by_role, mention):
        # someone named right after the description is it, before a namesake of its office
        # named further on ("the province's chief medical officer said. '…,' said Dr. X")
        by_role = (
            named_next(resolver, mention) or _focus_not_served(resolver, mention, skip) or by_role
        )
    found = (
        by_role
        or (None if owned else _person_in_focus(resolver, mention, skip))
        or _focus_not_served(resolver, mention, skip)
        or named_next(resolver, mention)
        or named_again_next(resolver, mention)
    )
    if found is not None:
        return found
    # kin nobody printed fits: "Her mother said" after Emma is "Emma's mother"
    return _someone_of_theirs(resolver, mention, skip, kin=True) or printed(
        resolver, mention, PERSON, "description"
    )


PAIR_REACH = 4  # sentences back "both" or "the two" finds two people named together
# Two people named together before: "the two leaders", "both ministers", "the pair".
THE_TWO = re.compile(
    r"(?i:the\stwo|both)(?:\s(?:leaders|presidents|ministers|men|women|officials|envoys|mayors"
    r"|premiers|governors|senators|ambassadors|diplomats|lawmakers))?"
    r"|(?i:the\spair)"
)


# "The family of a 72-year-old man …": kin of someone the lede describes, not names.
KIN_OF_SOMEONE = re.compile(r"(?i:the)\s(family|relatives|parents|children|widow)\sof\s(?:a|an)\s")
KIN_NAMED_REACH = 2  # sentences after the description's own


# Someone the story describes without a name: "the family of a 35-year-old man", "a woman".
SOMEONE_UNNAMED = re.compile(
    r"\b(?:[Tt]he\s(?:family|relatives|parents)\sof\s)?(?:a|an)\s(?:\d{1,3}-year-old\s)?"
    r"(?:man|woman|boy|girl|teenager|teen|child|victim)\b"
)


# How a story says it keeps its source unnamed: "who asked not to be named", "speaking on
# condition of anonymity", "because he was not authorised to speak to the media".
ANONYMITY = re.compile(
    r"\bnot\sto\sbe\s(?:named|identified|quoted\sby\sname)\b|\bcondition\sof\sanonymity\b"
    r"|\banonymously\b"
    r"|\b(?:want|wish|declined|refused)\sto\sbe\s(?:named|identified|quoted\sby\sname)\b"
    r"|\b(?:not|n['’]t)\s(?:been\s)?authori[sz]ed\sto\s(?:speak|comment|discuss|talk)\b"
)
# The clause right after a description that says it stays unnamed: "said the woman, who
# like many in the town did not want to be quoted by name".
KEPT_UNNAMED_AFTER = re.compile(r",\s(?:who|speaking)\s[^.;:!?\"“”]{0,120}$")


def kept_unnamed(resolver: "Resolver", mention: Mention) -> bool:
    """The description's own clause says the story keeps this person unnamed: no name
    printed elsewhere is theirs."""
    text = resolver.registry.text
    stop = re.search(r"[.;:!?\"“”]", text[mention.end : mention.end + 200])
    clause = text[mention.end : mention.end + (stop.start() if stop else 200)]
    return bool(KEPT_UNNAMED_AFTER.match(clause) and ANONYMITY.search(clause))


# What such a source is called once it has spoken: "the official said", "the source added".
SOURCE_HEADS = frozenset(
    """official source person aide diplomat officer staffer insider negotiator adviser
    advisor""".split()
)


def _source_kept_unnamed(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'Mehta's deputy, who asked not to be named, said …. "…," the official said': a source
    the paragraph keeps unnamed is its next "the official" or "the source", whatever the
    words first describing them."""
    if mention.head not in SOURCE_HEADS:
        return None
    text, layout = resolver.registry.text, resolver.layout
    paragraph = text.rfind("\n", 0, mention.start) + 1
    marks = list(ANONYMITY.finditer(text, paragraph, mention.start))
    if not marks:
        return None
    where = layout.sentence_of(marks[-1].start())
    spoke = [
        e
        for e in resolver.unnamed(PERSON)
        if any(
            layout.sentence_of(p) == where
            and p < mention.start
            and (skip is None or not skip[0] <= p < skip[1])
            for p, _ in e.events
        )
    ]
    return _named_again(spoke[0], PERSON) if len(spoke) == 1 else None


def _kin_of_someone_unnamed(resolver: "Resolver", mention: Mention) -> bool:
    """'At a morgue, the family of a 35-year-old man collapsed …. "…," the father
    repeated': kin just after someone described, not named, are theirs, not the father
    of a person named paragraphs before."""
    if mention.head not in KIN_NOUNS or not mention.text.lower().startswith("the "):
        return False
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    lo = layout.starts[here - 1] if here > 0 else 0
    return SOMEONE_UNNAMED.search(layout.text, lo, mention.start) is not None


def _kin_named_next(resolver: "Resolver", mention: Mention) -> Mention:
    """'The family of a man killed … is calling for lights. … the family of Roger Cormier
    said': the kin the lede describes are those the next sentences name, printed so."""
    kin = KIN_OF_SOMEONE.match(mention.text)
    if kin is None:
        return mention
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    last = here + 1 + KIN_NAMED_REACH
    end = layout.starts[last] if 0 <= here and last < len(layout.starts) else len(layout.text)
    named = re.compile(rf"\b[Tt]he\s{kin[1]}\sof\s{FULL_NAME}").search(
        layout.text, mention.end, end
    )
    if named is None:
        return mention
    return replace(mention, text=named.group())


def _owned_by_person(resolver: "Resolver", mention: Mention) -> str | None:
    """'Brooke's spokesman', 'the prime minister's lawyer': someone of a person's, never that
    person nor whoever is in focus; the words after the possessive. None for a country's or a
    body's ('Russia's foreign minister' may be the foreign minister the article names)."""
    if (serving := _serving(resolver, mention)) is not None:
        return serving[0]
    m = POSSESSIVE.match(mention.text)
    if m is None:
        return None
    owner = re.sub(r"^the\s+", "", m["owner"], flags=re.I)
    if owner.split()[-1].lower() in PERSON_NOUNS or AGE.fullmatch(owner.split()[-1]):
        return m["owned"]  # "the coach's agent", "the 43-year-old's lawyer"
    entity = resolver.registry.find(owner, mention.start)
    return m["owned"] if entity is not None and entity.kind == PERSON else None


# Someone serving a person: "the former top aide to President Ann Lee", "a lawyer for Lee".
SERVING = re.compile(
    r"(?i)^(?P<owned>.{0,40}?\b(?:aide|adviser|advisor|spokesman|spokeswoman|spokesperson"
    r"|lawyer|attorney|assistant|strategist))\s(?:to|for)\s(?P<owner>.+)$"
)


def _serving(resolver: "Resolver", mention: Mention) -> tuple[str, Entity] | None:
    """'the former top aide to President Ann Lee': the words before "to", and Lee, when the
    one served is a person the article names."""
    m = SERVING.match(mention.text)
    if m is None or (name := mention.name) is None or not m["owner"].endswith(name):
        return None
    owner = resolver.registry.find(name, mention.start)
    return (m["owned"], owner) if owner is not None and owner.kind == PERSON else None


def _focus_not_served(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'Ari Lev said …. "…," said the former top aide to President Ann Lee': the person in
    focus, when that is not the one served."""
    if (serving := _serving(resolver, mention)) is None:
        return None
    found = _person_in_focus(resolver, mention, skip)
    return found if found is not None and found.entity is not serving[1] else None


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


# A party's name or its members' ("the Republican presidential candidate", "the GOP nominee").
PARTY_WORDS = PARTY_MEMBER | frozenset(("democratic", "labour", "labor", "gop"))
# Where someone lives or comes from, an epithet for the person in focus: "says the Cambridge
# resident", "the Ottawa native"; not an office of the place, as "the Nova Scotia judge" is.
HOMES = frozenset({"resident", "native"})


def _person_in_focus(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'says the 39-year-old founder' right after the founder was named: a definite
    description nobody's printed titles fit refers to the person in focus, if someone is
    clearly in focus; otherwise it stays as printed ("the father")."""
    at = max(0, mention.text.lower().find(mention.head))
    before_head, after_head = mention.text[:at], mention.text[at + len(mention.head) :]
    if not mention.text.lower().startswith("the "):
        return None
    if mention.head in NO_ONE_HEADS or not _a_persons_word(mention):
        return None  # "The city's panel said", "the clip says": a body or a thing, no one
    if mention.head in GENERIC_PEOPLE and after_head.strip():
        return None  # "the man in the video" is someone the story points out, not its focus
    nationality = _nationality(resolver, before_head)
    capitals = re.findall(r"\s([A-Z][\w-]*)", before_head)
    # "the Republican presidential candidate": a party's, maybe the one the story is about
    partisan = bool(capitals) and all(c.lower() in PARTY_WORDS for c in capitals)
    # "the Nova Scotia judge" is someone particular, maybe never named; but "the Arsenal
    # manager" after "Mikel Arteta said … after Arsenal threw away …" is the one it was said with
    bound = nationality is None and bool(capitals) and not partisan and mention.head not in HOMES
    if bound and not _of_a_body(resolver, capitals, mention):
        return None
    layout = resolver.layout
    here = layout.sentence_of(mention.start)
    office = names_an_office(mention.head)
    # a former office is not among the titles printed now: "Opposition leader Ann Lee …. The
    # former prime minister said"
    former = "former" in mention.text.lower().split()
    sex = SEXED_NOUNS.get(mention.head)
    # an epithet opening a clause hung on the sentence is not who leads it: "the senator
    # called on Republicans to unendorse Trump after the billionaire claimed …"
    subordinate = SUBORDINATE_BEFORE.search(layout.text, max(0, mention.start - 12), mention.start)
    people = [
        e
        for e in resolver.registry.of_kind({PERSON})
        if (nationality is None or e.country in (nationality, None))  # "the British minister"
        and (sex is None or e.gender in (sex, None))  # "the man in the video" is no woman
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
        and not _player_and_staff(mention.head, e.role)  # "the netminder" is not the coach
        # an office is not someone named earlier in this sentence: "Olena Marchuk quoted
        # the Ukrainian leader as saying …" names two people
        and not (office and _named_in_sentence(resolver, e, mention.start))
        and not (bound and not _printed_with(resolver, e, capitals, mention.start))
    ]
    if subordinate and any(_led_the_sentence_so_far(resolver, e, mention.start) for e in people):
        # then it is the one the sentence just named, if anyone: "… unendorse Trump after the
        # billionaire claimed …"
        people = [
            e
            for e in people
            if not _led_the_sentence_so_far(resolver, e, mention.start)
            and _named_in_sentence(resolver, e, mention.start)
        ]
    newcomers = [
        e
        for e in people
        if e.positions
        and min(e.positions) < mention.start
        and 0 <= here - layout.sentence_of(min(e.positions)) <= NEWCOMER_REACH
        and not (skip and skip[0] <= min(e.positions) < skip[1])
    ]
    aged = AGE.search(mention.text) is not None
    if aged:  # an age looks back to the subject just before: "Asked about a trade, Ann Lee
        # laughed. '…,' the 32-year-old said." (not an epithet: "the mogul" may be the object)
        led = [e for e in people if led_the_sentence_before(resolver, e, mention.start, LED)]
        if len(led) == 1:
            return _in_focus(resolver, led[0], mention, nationality)
    # (a party's candidate is the one the story is about, not whoever was named last: "Trump
    # called on Mayor Bill de Blasio to …. '…,' the Republican presidential candidate said")
    if len(newcomers) == 1 and not partisan:
        # "…from Ann Lee, off the bench. The 34-year-old striker said"; but "Trump cited
        # problems he blamed on President Obama. '…,' the New York businessman said": a
        # newcomer only ever an object gives way to the one who led the sentence before
        led = [
            e
            for e in people
            if any(
                w >= ROLE_WEIGHT[SUBJECT] and layout.sentence_of(p) == here - 1 for p, w in e.events
            )
        ]
        never_led = all(w < ROLE_WEIGHT[SUBJECT] for _, w in newcomers[0].events)
        # nor does one brought in sentences before, after someone else led the sentence just
        # before: "Lee's counterpart, Kraus, said …. '…,' Lee told them. The former banker said"
        earlier = all(
            layout.sentence_of(p) < here - 1 for p in newcomers[0].positions if p < mention.start
        )
        if len(led) == 1 and led[0] is not newcomers[0] and (never_led or earlier):
            return _in_focus(resolver, led[0], mention, nationality)
        return _in_focus(resolver, newcomers[0], mention, nationality)
    scored = ranked(people, mention.start, resolver.layout, skip)
    if scored and led_the_sentence_before(resolver, scored[0][1], mention.start, (SPEAKER,)):
        return _in_focus(resolver, scored[0][1], mention, nationality, margin(scored))
    if partisan and (subject := _the_story_about(people, mention.start)) is not None:
        return _in_focus(resolver, subject, mention, nationality)
    if not scored or margin(scored) < 0.7:
        return None
    # less salient, but alone: "Campbell has cerebral palsy. … His message? … '…,' says the
    # bow-tied maverick" (nobody else named for sentences)
    # (an age says the same: "The 29-year-old netminder" was named before)
    alone = (
        (mention.head in EPITHETS or aged)
        and scored[0][0] >= IN_FOCUS / (4 if aged else 3)
        and margin(scored) >= ALONE_SHARE
    )
    if scored[0][0] < IN_FOCUS and not alone:
        return None
    return _in_focus(resolver, scored[0][1], mention, nationality, margin(scored))


SUBORDINATE_BEFORE = re.compile(r"\b(?:after|when|because|before|since|while|until)\s$")


def _led_the_sentence_so_far(resolver: "Resolver", e: Entity, pos: int) -> bool:
    layout = resolver.layout
    here = layout.sentence_of(pos)
    start = layout.starts[here] if here >= 0 else pos
    return any(start <= p < pos and w >= ROLE_WEIGHT[SUBJECT] for p, w in e.events)


def _of_a_body(resolver: "Resolver", capitals: list[str], mention: Mention) -> bool:
    """'the Arsenal manager', 'the Brentford boss': a person's office in a body the words
    name; not 'the Christie supporter' or 'the Lincoln actor' (a person's name) nor 'the
    RealClearPolitics average' (no person at all)."""
    if not (names_an_office(mention.head) or mention.head in PERSON_NOUNS):
        return False
    found = (resolver.registry.find(word, mention.start) for word in capitals)
    return not any(e is not None and e.kind == PERSON for e in found)


def _printed_with(resolver: "Resolver", e: Entity, words: list[str], pos: int) -> bool:
    """Every one of `words` is printed in `e`'s titles ("Brentford boss Thomas Frank", "Ann
    Lee of Arsenal") or as the owner just before their name ("Arsenal's Mikel Arteta")."""
    if any(w in e.name.split() for w in words):
        return False  # "the Frank manager" is not Thomas Frank
    if all(w.lower() in e.role.split() for w in words):
        return True
    text = resolver.layout.text
    owner = " ".join(words)
    return any(
        text[max(0, p - len(owner) - 3) : p].rstrip().startswith(owner)
        and text[p - 3 : p].strip() in ("'s", "’s")
        for p in e.positions
        if p < pos
    )


STORY_SUBJECT_LEAD = 2  # how many times more often than anyone else the story names them
STORY_SUBJECT_NAMED = 3  # and how often at least


def _the_story_about(people: list[Entity], pos: int) -> Entity | None:
    """The person the story so far is about: named far more often than anyone else."""
    counts = sorted(((sum(p < pos for p in e.positions), e) for e in people), key=lambda x: -x[0])
    if not counts or counts[0][0] < STORY_SUBJECT_NAMED:
        return None
    if len(counts) > 1 and counts[0][0] < STORY_SUBJECT_LEAD * counts[1][0]:
        return None
    return counts[0][1]


GENERIC_PEOPLE = frozenset("man woman boy girl person gentleman lady".split())
# Heads of descriptions of bodies and things no word list of bodies holds.
NOT_PEOPLE = frozenset(
    """panel unit division command watchdog regulator monitor observatory body corps brigade
    laboratory lab clip story video footage piece article poll survey order number letter
    paper charter center centre sector border quarter chapter register poster banner matter
    water power plant grant tower cover offer answer error factor motor mirror""".split()
)
NO_ONE_HEADS = (ORG_NOUNS | NOT_PEOPLE) - PERSON_NOUNS  # ("producer" may be a person)
PERSON_WORDS = (
    (PERSON_NOUNS | EPITHETS | GENERIC_PEOPLE | PARTY_MEMBER | KIN_NOUNS | ACQUAINTANCES)
    | frozenset(SEXED_NOUNS)
    | TITLE_WORDS
    | frozenset(
        """aide staffer insider member delegate source head politician lawmaker legislator
        representative witness international pontiff pope cardinal archbishop ace legend
        icon hopeful rival prodigy child kid teen duke lord baron marine pundit guru
        hero opponent correspondent respondent""".split()
    )
)
# Endings of words for people: "businessman", "parliamentarian", "nominee", "campaigner",
# "neurosurgeon".
PERSON_ENDINGS = ("man", "woman", "ian", "ist", "ee", "er", "or", "ant", "ess", "eon")


def _a_persons_word(mention: Mention) -> bool:
    """The description's head may name a person ("the mogul", "the 32-year-old", "the
    parliamentarian"); not "the site", "the verdict" or "the forecast"."""
    head = mention.head
    return (
        head in PERSON_WORDS
        or head.endswith(PERSON_ENDINGS)
        or AGE.search(mention.text) is not None
    )


LED = (SPEAKER, SUBJECT)  # what a sentence's leading person is: its speaker or its subject


def led_the_sentence_before(
    resolver: "Resolver", e: Entity, pos: int, roles: tuple[str, ...]
) -> bool:
    """`e` spoke (or was the subject, for `roles`) in the sentence before `pos`, in the same
    paragraph: "Romano said his command was off. '…,' the right-hander said." (someone else
    would be named on coming in)."""
    layout, text = resolver.layout, resolver.layout.text
    here = layout.sentence_of(pos)
    weights = {ROLE_WEIGHT[r] for r in roles}
    return any(
        w in weights and layout.sentence_of(p) == here - 1 and "\n" not in text[p:pos]
        for p, w in e.events
        if p < pos
    )


# A team's players and its staff: a description of one is never someone printed as the other.
PLAYER_WORDS = frozenset(
    """goalie goaltender netminder forward defenceman defenseman striker pitcher catcher
    quarterback shortstop outfielder infielder reliever midfielder defender goalkeeper winger
    centre center linebacker receiver right-hander left-hander southpaw rookie captain
    keeper""".split()
)
STAFF_WORDS = frozenset("coach manager gm owner commissioner agent scout trainer boss".split())


def _player_and_staff(head: str, role: str) -> bool:
    held = set(role.split())
    if head in PLAYER_WORDS or head == "hander":  # ("right-hander" ends in "hander")
        return bool(held & STAFF_WORDS) and not held & PLAYER_WORDS
    return head in STAFF_WORDS and bool(held & PLAYER_WORDS) and not held & STAFF_WORDS


def _in_focus(
    resolver: "Resolver", e: Entity, mention: Mention, nationality: str | None, share: float = 1.0
) -> Resolved:
    """The person in focus a description means; its nationality ("the veteran Azerbaijani
    diplomat") is theirs from then on when nothing gave them one before."""
    if nationality and e.country is None:
        e.country = nationality
    return resolver.entity_result(e, mention, "description", "in-focus", share)


def _named_in_sentence(resolver: "Resolver", e: Entity, pos: int) -> bool:
    """`e` is named, outside quotation marks, earlier in the sentence at `pos`."""
    layout = resolver.layout
    here = layout.sentence_of(pos)
    return any(
        p < pos and layout.sentence_of(p) == here and not layout.in_quote(p) for p in e.positions
    )


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
    words = _words_of(mention.text) - THIS_WORDS
    pool = [
        e
        for e in resolver.unnamed(kind)
        if words <= _words_of(e.name)  # "the official" ⊂ "an official"; "the ad's narrator"
    ]  # ⊂ "a narrator in the Clinton ad"
    return _salient_again(resolver, pool, mention, skip, kind)


def _words_of(text: str) -> set[str]:
    return {re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", text.lower())}


def _salient_again(
    resolver: "Resolver",
    pool: list[Entity],
    mention: Mention,
    skip: tuple[int, int] | None,
    kind: str,
) -> Resolved | None:
    """The most salient of `pool`, unnamed speakers a description names again."""
    scored = ranked(pool, mention.start, resolver.layout, skip)
    return _named_again(scored[0][1], kind) if scored else None


def _named_again(e: Entity, kind: str) -> Resolved:
    """An unnamed speaker a later description names again ("the official")."""
    basis = "unnamed-again"
    return Resolved(
        e.name, e.country, None, confidence_for(basis), kind, "description", e, basis=basis
    )


def _the_more_salient(
    resolver: "Resolver",
    mention: Mention,
    skip: tuple[int, int] | None,
    unnamed: Resolved | None,
    named: Resolved | None,
) -> Resolved | None:
    """'the spokesperson' after an unnamed spokesperson spoke and then a named one was
    printed ("Embassy spokesperson Wang Lei confirmed the visit"): whichever is the more
    salient there; the unnamed one when nothing tells them apart."""
    if unnamed is None or named is None or unnamed.entity is None or named.entity is None:
        return unnamed or named
    scored = ranked([unnamed.entity, named.entity], mention.start, resolver.layout, skip)
    return named if scored and scored[0][1] is named.entity and margin(scored) > 0.5 else unnamed


def _named_later(res: Resolved, mention: Mention) -> bool:
    """The person found is first named after the description."""
    e = res.entity
    return e is not None and bool(e.positions) and min(e.positions) > mention.start


def _two_names(text: str) -> bool:
    """ "Mark and Tina Boudreau": capitalised words either side of one "and"."""
    sides = text.split(" and ")
    return len(sides) == 2 and all(
        side and all(word[:1].isupper() for word in side.split()) for side in sides
    )


# "the three countries", "the two governments": the states that spoke together last.
THE_SEVERAL = re.compile(
    r"(?i:the\s(two|three|four|five)\s(?:countries|nations|governments|states|allies|powers"
    r"|capitals))"
)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _listed(text: str) -> int:
    """How many capitalised names a list holds: "Britain, France and Germany" -> 3."""
    items = re.split(r",\s(?:and\s)?|\sand\s", text)
    named = all(item and all(w[:1].isupper() for w in item.split()) for item in items)
    return len(items) if named else 0


def _two_again(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'Mark and Tina Boudreau say …' and paragraphs later 'The pair said …': the two named
    people who spoke together last."""
    pool = [e for e in resolver.unnamed(GROUP) if _two_names(e.name)]
    return _salient_again(resolver, pool, mention, skip, GROUP)


# A description of someone of a province, state or city, not of a country.
SUBNATIONAL = re.compile(r"\b(?:province|provincial|state|city|municipal|county)(?:['’]s)?\s")


# "British Columbia's environment minister": a place owning the office.
PLACE_OWNING = re.compile(r"(?:[Tt]he\s)?((?:[A-Z][\w.-]{1,20}\s){0,3}[A-Z][\w.-]{1,20})['’]s\s")


def _region_owning(resolver: "Resolver", description: str) -> str | None:
    """The province or state a description's office is of ("Ontario's finance minister"),
    not a country's ("Canada's")."""
    owner = PLACE_OWNING.match(description)
    if owner is None:
        return None
    officials = resolver.officials
    if owner[1] in officials.provinces:
        return owner[1]
    known = subdivision_country(owner[1]) is not None
    return owner[1] if known and owner[1] not in officials.country_words else None


def _national_role(resolver: "Resolver", role: str) -> bool:
    """ "Canada's chief public health officer", "federal health minister"."""
    capitalised = re.sub(r"(?<![\w'’])[a-z]", lambda m: m.group().upper(), role)
    return "federal" in role.split() or resolver.officials.country_in(capitalised) is not None


THIS_WORDS = frozenset("the this that these those".split())
PREPOSITIONS = frozenset("of for at to by in on from with the".split())
ARTICLES = frozenset("a an the one two three several some".split())
RELATED_TO = frozenset("to for of with close near around".split())  # not "by", "at", "in"
# Words of standing before a description's head: "a former senior aide to" is an aide.
STANDING = frozenset("former senior top longtime long-time trusted veteran ex".split())


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
    head = next((w.lower() for w in before if w.lower() not in ARTICLES | STANDING), "")
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
    if any(w.lower().endswith(("-based", "-headquartered")) for w in words):
        return None  # "the Mississauga, Ont.-based company": where it is, not its name
    n = len(words) - 1
    while n > 0 and len(words) - n <= 3 and words[n - 1][:1].islower():
        n -= 1  # "news", "state-run"
    first = n
    while first > 0 and words[first - 1][:1].isupper():
        first -= 1
    # a news outlet: "the Xinhua news agency" is Xinhua, as "Xinhua said" is (not "the UN
    # refugee agency"); "The Izvestia newspaper" may open a sentence
    outlet = mention.head in MEDIA_NOUNS and (mention.head != "agency" or "news" in words)
    the = outlet and first < n - 1 and words[first] == "The"
    if first == n or words[first + the] in NOT_FIRST:
        return None
    name = " ".join(words[first:])
    kind = OUTLET if mention.head in MEDIA_NOUNS else ORGANISATION
    country = resolver.officials.home_country(mention.text)
    if outlet:  # by its name alone when printed alone elsewhere ("Xinhua said"), else whole
        first += the and n - first > 2  # "The Times newspaper", "Izvestia newspaper"
        known = resolver.registry.find(" ".join(words[first:n]), mention.start)
        alone = known is not None and any(
            not mention.start <= at < mention.end for at in known.positions
        )
        name = known.name if known is not None and alone else " ".join(words[first:])
        country = country or (known.country if known is not None else None)
    if owner := re.match(r"(.{2,60}?)['’]s$", words[n - 1]):
        # "Maduro's government", "Krasniqi's office": of whose they are, named after them
        # once however titled ("Finance Minister Anna Brill's office": "Anna Brill's office")
        person = resolver.registry.find(" ".join([*words[first : n - 1], owner[1]]), mention.start)
        if person is not None and not honorific_fits(words[first:n], person):
            person = None  # "Mrs. Clinton's campaign" is not her husband's
        if person is not None and person.kind == PERSON:
            name = f"{person.name}'s {' '.join(words[n:])}"
            country = country or person.country
    return Resolved(
        name, country, None, confidence_for("named-body"), kind, "name", basis="named-body"
    )


OF_SOMEONE = re.compile(r"[Tt]he\s([a-z]{3,20})\sof\s(\S[^,;:]{1,80})")


def _body_of_someone(resolver: "Resolver", mention: Mention) -> Resolved | None:
    """'The office of Prime Minister Mark Carney said': "Mark Carney's office", as the
    possessive would name it (not the office of someone else named before)."""
    m = OF_SOMEONE.fullmatch(mention.text)
    if m is None or m[1] not in BODIES_OF_THEIRS:
        return None
    words = list(re.finditer(r"\S+", m[2]))
    for word in words:  # the longest run of last words naming a person
        at = mention.start + m.start(2) + word.start()
        person = resolver.registry.find(m[2][word.start() :], at)
        if person is not None and person.kind == PERSON:
            return Resolved(
                f"{person.name}'s {m[1]}",
                person.country,
                None,
                confidence_for("named-body"),
                ORGANISATION,
                "name",
                basis="named-body",
            )
    return None


def _organisation(
    resolver: "Resolver", mention: Mention, skip: tuple[int, int] | None
) -> Resolved | None:
    """'the ministry' after "Japan's foreign ministry"; 'the company' after any company.
    'The Russian government' is Russia's: not the FBI, however salient."""
    head = mention.head
    if head in BUSINESS_NOUNS:
        found = salient(
            resolver, {ORGANISATION}, mention, skip, prefer=_business_for(resolver, head)
        )
        if found is not None and found.entity is not None and _members_body(found.entity):
            return None  # "the airline" is not the pilots' association, however salient
    elif head in PUBLIC_NOUNS:
        found = salient(resolver, {ORGANISATION}, mention, skip, prefer=_public)
        if head in GOVERNMENTS and found is not None and found.entity is not None:
            entity = found.entity  # "the army-aligned government" is never the militia
            if not _public(entity) and entity not in resolver.unnamed(ORGANISATION):
                return None
    else:
        need = None if head in GENERIC_BODIES else head
        found = salient(resolver, {ORGANISATION}, mention, skip, need=need)
    if found is not None and not of_nationality(resolver, found, mention):
        return None
    return found


def _subject_of_its_words(
    resolver: "Resolver",
    mention: Mention,
    skip: tuple[int, int] | None,
    fits: Callable[[Entity], bool],
) -> Resolved | None:
    """'The Vancouver Canucks will be without their captain for six weeks, the team
    announced': a body the words open on, described in the tag after them, is who speaks."""
    if skip is None or mention.start < skip[1] or not mention.text.lower().startswith("the "):
        return None
    text = resolver.layout.text
    for e in resolver.registry.of_kind({ORGANISATION, PERSON}):
        if (
            (e.kind == ORGANISATION or _no_ones_name(e))
            and fits(e)
            and any(
                skip[0] <= p < skip[0] + 12 and _OPENING_WORDS.fullmatch(text, skip[0], p)
                for p in e.positions
            )
        ):
            e.kind = ORGANISATION  # "Halyard Freight will …, the company said": a company
            return resolver.entity_result(e, mention, "description", "subject-of-words")
    return None


def _no_ones_name(e: Entity) -> bool:
    """A name taken for a person's with no sign of one: no given name, title or pronoun."""
    return e.evidence == 0 and not e.role and not is_first_name(e.name.split()[0])


_OPENING_WORDS = re.compile(r"(?i:that\s+)?(?i:the\s+)?")


def _fits_the_body(head: str) -> Callable[[Entity], bool]:
    """Which named bodies a description's head word may mean: "the company" a business,
    "the agency" a public body, "the union" one whose name says so, "the group" any."""
    if head in BUSINESS_NOUNS:
        return _business
    if head in PUBLIC_NOUNS:
        return _public
    if head in GENERIC_BODIES:
        return lambda e: True
    if head in ("team", "club"):  # "the Vancouver Canucks", no body's word in it
        return lambda e: head in e.name.lower() or not ORG_WORDS & set(e.name.lower().split())
    words = {head} | BODY_NAMED_AS.get(head, set())
    return lambda e: bool(words & set(e.name.lower().split()))


def of_nationality(resolver: "Resolver", found: Resolved, mention: Mention) -> bool:
    """Whether the body found is of the nationality the description names, if it names one
    ("the Russian government", "the Russian readout"); a body of no known country is not."""
    nationality = _nationality(resolver, mention.text)
    own = found.entity.country if found.entity is not None else None
    return nationality is None or nationality == own


def _first(item: tuple[float, Entity]) -> float:
    return -item[0]


def _public(e: Entity) -> bool:
    return any(w in PUBLIC_BODY_WORDS for w in e.name.lower().split())


# Bodies that are neither public nor businesses: "the company" is no pilots' association.
MEMBERS_BODY_WORDS = frozenset(
    "association federation confederation guild society coalition foundation alliance".split()
)


def _members_body(e: Entity) -> bool:
    return bool(MEMBERS_BODY_WORDS & set(e.name.lower().split()))


# Businesses whose names say what they are: "the airline" after a pilots' union and Air
# Canada is Air Canada, however often the union was named since.
BUSINESS_NAMES = {
    "airline": re.compile(r"(?i)\bair\b|airlines?\b|airways\b|jet"),
    "carrier": re.compile(r"(?i)\bair\b|airlines?\b|airways\b|jet"),
    "insurer": re.compile(r"(?i)\b(?:insurance|assurance)\b"),
    "brewery": re.compile(r"(?i)\b(?:brewing|brewery|breweries)\b"),
}


def _business_for(resolver: "Resolver", head: str) -> Callable[[Entity], bool]:
    """The bodies "the airline" prefers: a business named as one, if the article has one."""
    named = BUSINESS_NAMES.get(head)
    if named is None or not any(
        named.search(e.name) for e in resolver.registry.of_kind({ORGANISATION})
    ):
        return _business
    return lambda e: _business(e) and bool(named.search(e.name))


def _business(e: Entity) -> bool:
    return not _public(e) and not _members_body(e)


# Words a body's name may hold for a description to mean it: "the union" is "UFCW Local 832".
BODY_NAMED_AS = {
    "union": set("local workers teamsters federation confederation guild association".split()),
}


def salient(
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
        if need is None or needs & {*e.name.lower().split(), *_own_role(e).split()}
    ]
    scored = ranked(pool, mention.start, resolver.layout, skip)
    if prefer is not None:
        scored = sorted(((s * (1.0 if prefer(e) else 0.4), e) for s, e in scored), key=_first)
    # the one body named with the word, however long ago: "the union" five paragraphs after
    # "the Manitoba Nurses Union", no other union named (by its name: not "a walk in the city")
    alone = (
        len(pool) == 1
        and bool(needs & set(pool[0].name.lower().split()))
        and min(pool[0].positions, default=mention.start) < mention.start
    )
    if not scored or (scored[0][0] < MIN_SALIENCE and not alone):
        return None
    basis = "body-by-name" if need else "body-salient"
    return resolver.entity_result(scored[0][1], mention, "description", basis, margin(scored))


# A role printed before a body's name that ends on a preposition tells what is related to
# the body, not what it is: "Iran's mission to the" United Nations, "lawyers for the" board.
RELATION_BEFORE = re.compile(r"\b(?:to|for|of|at|with|from|by|against|in|on)(?:\s(?:the|an?))?$")


def _own_role(e: Entity) -> str:
    return "" if RELATION_BEFORE.search(e.role) else e.role


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
    region = _region_owning(resolver, mention.text)
    former = "former" in mention.text.lower().split()
    of_states = INTERNATIONAL_OFFICE.search(mention.text) is not None
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
        if country and not states and e.country is None and mention.head not in role_words:
            continue  # "the American ambassador" is not "Yanukovych, then prime minister"
        printed = set(re.findall(r"[a-z]+", printed_role(e)))
        if former and not owned and _shared(office_words, printed) and not printed & FORMER:
            continue  # "the former prime minister" is not "Prime Minister Ann Lee"
        if owned and not (_shared(own, role_words) or any(role_words & c for c in classes)):
            continue
        if states and (theirs := _states(e.role)) and not states & theirs:
            continue  # "the Vermont senator" is not the senator from Missouri
        if of_states and e.country is not None and not INTERNATIONAL_OFFICE.search(e.role):
            continue  # "the U.N. secretary-general's spokesperson" is no country's spokesman
        if _player_and_staff(mention.head, e.role):
            continue  # "the Leafs captain" is not "Leafs coach Craig Berube"
        if _heads_another(mention.text, e.role):
            continue  # "the head of the U.N. nuclear watchdog" is not Iran's agency's head
        if SUBNATIONAL.search(mention.text) and _national_role(resolver, printed_role(e)):
            continue  # "the province's chief medical officer" is not "Canada's chief …"
        if region and region.lower() not in e.role:
            continue  # "British Columbia's environment minister" is not the federal one
        fit = 2.0 * _shared(words, role_words) + (3.0 if age and printed_age else 0.0)
        if min(e.positions, default=0) > mention.start and not (
            _shared(office_words, role_words) or (age and printed_age)
        ):
            continue  # "its foreign minister said" is not Iran's ambassador, named later
        fit += sum(1.0 for c in classes if role_words & c)
        # "the former …": "a retired …", once an office is shared ("Obama's former campaign
        # manager" is not Dean, "a former party chairman")
        fit += 1.0 if former and printed & FORMER and fit > 0 else 0.0
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
    """Description words found among the printed role words; 'mayor' matches 'mayoral', and
    'judge' a justice's title."""
    return sum(
        1
        for w in words
        if w in role_words
        or SAME_TITLE.get(w, "") in role_words
        or len(w) >= 4
        and any(r.startswith(w) and r not in BODY_WORDS for r in role_words)
    )


# One office printed by either word: "the judge" said is "Justice Helen Okafor".
SAME_TITLE = {
    "judge": "justice",
    "justice": "judge",
    "keeper": "goalkeeper",
    "goalie": "goalkeeper",
}


# A body's word is no office that shares its stem: "minister" is not "ministry".
BODY_WORDS = frozenset("ministry ministries department office agency presidency".split())
