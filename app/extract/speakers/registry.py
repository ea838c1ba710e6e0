"""People, organisations, outlets and places named in an article: each with its kind, its
gender, the titles printed around it and a salience event for every mention.

A cheap regex pass over the body text: it lets "the Russian minister" find Sergei Lavrov
("Russian Foreign Minister Sergei Lavrov"), "Lavrov" find his full name and "he" find the
person the article was last talking about. How names are printed is name_spans.py's, the
titles around them printed_titles.py's, and their countries whereabouts.py's.
"""

import bisect
import re

from app.extract.speakers import gender as genders
from app.extract.speakers.datelines import dateline_city, dateline_country, national_body
from app.extract.speakers.entities import FAMILY_NAME_FIRST, Entity, without_suffix
from app.extract.speakers.generations import of_generation
from app.extract.speakers.lexicon import (
    INVERTED_TAGS,
    KIN_NOUNS,
    NOT_FIRST,
    NOT_NAME_WORDS,
    ORG_WORDS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    ROLE_HINTS,
    US_STATES,
)
from app.extract.speakers.lone_names import (
    NOT_GIVEN_ALONE,
    alone_as_a_name,
    named_beside_kin,
    sign_of_a_person,
)
from app.extract.speakers.name_spans import (
    ACRONYM,
    ACRONYM_AFTER,
    ARTICLE,
    CAPITALISED,
    GENERIC_CAPITALS,
    JOINED,
    LONG_NAME,
    NAME,
    SINGLE,
    holder_after_office,
    in_capitals,
    initials,
    lowercase_words,
    name_part,
    person_then_joined,
    strip_leading,
    title_cased,
    whole_word_hits,
)
from app.extract.speakers.names import NAME_SUFFIXES, POST_NOMINALS, normalise_name
from app.extract.speakers.officials import Officials
from app.extract.speakers.printed_titles import (
    printed_role,
    title_after,
    title_before,
    titles_at_end,
)
from app.extract.speakers.salience import (
    CONTRASTED,
    QUOTED,
    ROLE_WEIGHT,
    SPEAKER,
    SUBJECT,
    Layout,
    score,
)
from app.extract.speakers.typing import (
    ORGANISATION,
    OUTLET,
    PERSON,
    is_junk_name,
    is_organisation_name,
    is_place,
    person_evidence,
    type_of_name,
)
from app.extract.speakers.whereabouts import INTERNATIONAL_OFFICE, Whereabouts
from app.extract.text.marks import NICKNAMED
from app.extract.text.sentences import DATELINE
from app.extract.verbs import CALL_FORMS, SPEECH_FORMS

ENVOYS = re.compile(r"(?i)\b(?:ambassador|envoy|representative)\b")
TITLED = 2.0  # person evidence of a title printed before a name, or a role after it


FIRST_NAME_REACH = 8  # sentences within which a bare first name refers to a full name


FRENCH_HONORIFIC = re.compile(r"(?:M\.|Mme\.?|Mlle\.?)\s(?=[A-Z][\w'’-]+$)")


# A name as printed at its position: capitalised words ("Laval", "Ann Lee", "U.S.").
_PRINTED_RUN = re.compile(r"[\w'’.&-]{1,40}(?:[^\S\n][A-Z][\w'’.&-]{0,40}){0,6}")
# A given name of two syllables joined by a hyphen after a family name: "Lin Wen-hao",
# "Kim Do-hyun" (so "Lin" alone is the family name, though Lin is also a given name).
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
# A lone surname after an honorific or rank: "Mr. Naravane", "Gen. Okoro" (not "Gen. Ann Lee").
TITLED_SURNAME = re.compile(
    r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Adm|Prof)\.?|President|Premier"
    r"|Chancellor|Senator|Governor|Mayor|Ambassador|Judge|Rabbi|Councillor)\s"
    r"([A-Z][a-z][\w-]{1,30})(?![\w'’-]|\s[A-Z])"
)


LOWER_ARTICLE = re.compile(ARTICLE)
# A capitalised word or abbreviation just before, on the same line: the word after is part
# of a longer name ("New Hampshire", "Gen. Lee"); not a sentence ending on one ("… and
# Washington. Lee struck …").
EPONYM_AFTER = re.compile(
    r"['’]s?\s(?:disease|syndrome|disorder|palsy|law|principle|theorem|paradox|sarcoma|lymphoma)\b"
)
INSIDE_A_NAME = re.compile(r"(?:[A-Z][\w'’-]{0,30}|\b[A-Z][a-z]{0,3}\.)[ \t]$")


def _named_as_kin(text: str, person: Entity, namesakes: list[Entity]) -> bool:
    """Introduced as the kin of a namesake named before ("former mayor Bob Chiarelli … His
    daughter, Marie Chiarelli,"): the surname alone is left to the namesake, whom the story
    is about; the kin is called by full or given name."""
    first = min(person.positions)
    kin = KIN_BEFORE.search(text, max(0, first - 40), first)
    return kin is not None and any(e is not person and min(e.positions) < first for e in namesakes)


# "His daughter, ", "her husband ", "Trump's son " right before a name.
KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s)\s(?:[a-z]+\s)?(?:"
    + "|".join(sorted(KIN_NOUNS))
    + r"),?\s\Z"
)


def _headline_words(words: list[re.Match], lowers: set[str]) -> bool:
    """Words of a title-cased headline, not a name: before the last, no given name and a word
    the article prints in lower case ('Hit Piece Exploits Trump')."""
    text = [w.group() for w in words]
    return (
        len(text) > 2
        and not any(genders.is_first_name(w) for w in text[:-1])
        and any(w.lower() in lowers for w in text[:-1])
    )


def _between_headline_verbs(words: list[re.Match]) -> list[list[re.Match]]:
    """'Clinton Says Russians Hacked DNC, Calls Trump’s …': the runs a headline's speech
    verbs part ("Clinton", "Russians Hacked DNC", "Trump’s …"), none of them with a verb."""
    parts: list[list[re.Match]] = [[]]
    for w in words:
        if w.group().lower() in SPEECH_FORMS or w.group().lower() in CALL_FORMS:
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


CORPORATE_ABBREVIATIONS = frozenset("Ltd Inc Co Corp Bros Ltée Cie".split())
ABBREVIATED_ENDINGS = CORPORATE_ABBREVIATIONS | {"Jr", "Sr"}  # names that end on a period


def _titled_so(title: str, owners: list[Entity]) -> list[Entity]:
    """The one of `owners` whose printed titles share a word with the title printed after a
    surname they share; none when no one or several do."""
    said = set(re.findall(r"[a-z]{3,}", title.lower())) - {"the", "and", "for", "year", "old"}
    fitting = [e for e in owners if said & set(re.findall(r"[a-z]+", e.role))]  # (not ages)
    return fitting if len(fitting) == 1 else []


def _given_sex(e: Entity) -> str | None:
    """The sex a person's given name surely says ('Harold'; not 'Bernie', mostly a woman's)."""
    given = e.name.split()[0]
    if genders.first_name_certainty(given) < 1.0:
        return None
    return genders.first_name_gender(given)


UNION_LOCAL = re.compile(r"\s\d{1,5}\b")


def _words(name: str) -> list[str]:
    """A name's comparable words, without a suffix ("Jr.")."""
    return without_suffix(normalise_name(name).split())


def _suffix(name: str) -> str | None:
    """'jr' of "Donald Trump Jr.", 'iii' of "Charles McCullough III"; None for none."""
    last = normalise_name(name).split()[-1:]
    return last[0] if last and last[0] in NAME_SUFFIXES else None


def _fuller_name(name: str, e: Entity) -> bool:
    """`name` is `e`'s name with a given name before it: a person first met by a surname of
    two words (a headline's "Le Pen") now printed whole ("Marine Le Pen"); not a surname of
    one ("Trump" may be anyone of that family)."""
    if e.kind != PERSON or e.given_alone or not name.endswith(" " + e.name):
        return False
    if len(e.name.split()) < 2:
        return False
    given = name[: -len(e.name)].split()
    return len(given) == 1 and genders.is_first_name(given[0])


def _owned_name(text: str, m: re.Match) -> re.Match | None:
    """The person's name after an owner's possessive in a NAME match ("Tesla's Elon Musk",
    "Chelsea's Enzo Maresca"): a given name and more; not "Mueller's Russia inquiry"."""
    possessive = re.search(r"['’]s\s+", m.group())
    if possessive is None:
        return None
    rest = NAME.match(text, m.start() + possessive.end(), m.end())
    if rest is None or not genders.is_first_name(rest.group().split()[0]):
        return None
    return rest


class Registry(Whereabouts):
    """Named entities of one article, in order of first mention."""

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        officials: Officials,
        layout: Layout,
    ):
        """Scan text[lo:hi] for each span. Names inside quotation marks are recorded as
        mentions of low salience but never create an entity: the people a speaker mentions
        are not the ones a later "he" refers to."""
        self.officials = officials
        self.text = text
        self.layout = layout
        self.entities: dict[str, Entity] = {}
        self.aliases: dict[str, Entity] = {}  # "PBO" for "Parliamentary Budget Officer"
        self._by_surname: dict[str, list[Entity]] = {}
        self.spans = spans
        self.lowers = lowercase_words(text)
        self.home = dateline_country(text, spans, officials)  # "KYIV (Reuters) -": UA
        self.home_city = dateline_city(text, spans)
        self.visited = self._lede_abroad()
        for lo, hi in spans:
            for pos, alias in officials.mentions(text, lo, hi):
                self.note(alias, pos, title_before(text, pos), end=pos + len(alias))
            for m in JOINED.finditer(text, lo, hi):
                body = is_organisation_name(m.group()) or " & " in m.group()
                if (
                    body
                    and not layout.in_quote(m.start())
                    and not person_then_joined(text, m.start(), m.end())
                ):
                    self._add_match(text, m)
            headline = title_cased(text, lo, hi)
            names = NAME if headline else LONG_NAME
            dateline = DATELINE.match(text, lo, hi)  # "QUEBEC CITY —" is a place, not a body
            nicknamed = self._note_nicknamed(lo, hi)
            for m in names.finditer(text, lo, hi):
                if dateline is not None and m.end() <= dateline.end() and m.group().isupper():
                    continue
                if any(a < m.end() and m.start() < b for a, b in nicknamed):
                    continue
                if not self.officials.find(m.group()) and not layout.in_quote(m.start()):
                    self._add_match(text, m, prose=not headline)
        for lo, hi in spans:
            for m in SINGLE.finditer(text, lo, hi):
                self._add_single(m)
        self._note_surnames(spans)
        self._note_given_names(spans)
        capitalised, lowers = self._capitalised(spans), self.lowers
        self._add_recurring(capitalised, lowers)
        self._add_first_names(capitalised, lowers)
        self._note_acronyms()
        self._counterparts_offices()
        self._add_titled_surnames(spans)
        for e in self.entities.values():
            if e.kind == PERSON and e.country is None and e.positions:
                e.country = self._country_from_context(e)

    def _note_nicknamed(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """'Del. Marcia "Cia" Price' is Marcia Price; where each such name stands."""
        spans = []
        for m in NICKNAMED.finditer(self.text, lo, hi):
            if self.layout.in_quote(m.start()):
                continue
            name = f"{m.group(1)} {m.group(3)}"
            self.note(name, m.start(1), title_before(self.text, m.start(1)), end=m.end())
            spans.append((m.start(), m.end()))
        return spans

    def note_printed(self, name: str, start: int, end: int) -> Entity:
        """A name first met while attributing ("Mr Marles, Australia's defence minister,
        said"): noted with the titles printed around it, and placed as at the start."""
        new = self.find(name, start) is None
        entity = self.note(name, start, end=end)
        if not new or entity.kind != PERSON or self.layout.in_quote(start):
            return entity
        if role := printed_role(self.text, start, end):
            self.note(name, start, role, end)
        if entity.country is None:
            entity.country = self._country_from_context(entity)
        return entity

    def _capitalised(self, spans: list[tuple[int, int]]) -> dict[str, list[re.Match]]:
        """Each capitalised word printed outside quotation marks, with where it stands."""
        seen: dict[str, list[re.Match]] = {}
        for lo, hi in spans:
            for m in CAPITALISED.finditer(self.text, lo, hi):
                if not self.layout.in_quote(m.start()):
                    seen.setdefault(m.group(), []).append(m)
        return seen

    def _add_single(self, m: re.Match) -> None:
        """Acronyms and camel-cased names ('RCMP', 'TransLink') are bodies named alone."""
        word, pos = m.group(), m.start()
        if self.layout.in_quote(pos) or word in self.officials.country_words or word in NOT_FIRST:
            return
        if word.isupper() and in_capitals(self.text, m.start(), m.end()):
            return  # a heading or dateline in capitals ("ENERGY:", "NEW YORK --")
        if word.lower() in ORG_WORDS:
            return  # a kind of body, not one: "the super PAC", "an LLC"
        if word not in self.entities and any(
            p <= pos < p + len(e.name) for e in self.entities.values() for p in e.positions
        ):
            return  # part of a longer name already recorded ("UFCW Local 832")
        self.note(word, pos, end=m.end())

    def _add_titled_surnames(self, spans: list[tuple[int, int]]) -> None:
        """'Mr. Naravane was cautiously optimistic.', 'Gen. Okoro said': a surname printed
        after an honorific or a rank names a person, though no full name came before."""
        for lo, hi in spans:
            for m in TITLED_SURNAME.finditer(self.text, lo, hi):
                word, pos = m.group(1), m.start(1)
                if self.layout.in_quote(pos) or word in NOT_FIRST:
                    continue
                if word in self.officials.country_words or self.find(word, pos) is not None:
                    continue  # "Mr. Lee" after "Ann Lee" is hers (`find`)
                full = re.finditer(rf"\b([A-Z][a-z]+)\s{re.escape(word)}\b", self.text)
                if any(genders.is_first_name(f[1]) for f in full):
                    continue  # "said Charlie King", met while attributing: his
                self.note(word, pos, printed_role(self.text, pos, m.end(1)), end=m.end(1))

    def _note_acronyms(self) -> None:
        """'the Parliamentary Budget Officer (PBO)': the acronym names the same body; so does
        an acronym the article prints alone ('the PBO') that is the initials of exactly one
        body it names in full."""
        for e in list(self.entities.values()):
            for pos in list(e.positions):
                m = ACRONYM_AFTER.match(self.text, pos + len(e.name))
                if m is not None and m.group(1) not in self.aliases:
                    self._alias(m.group(1), e)
        bodies: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            short = initials(e.name)
            # an office typed as a person ("Parliamentary Budget Officer") has an acronym;
            # two letters are too easily someone's initials ("UN", "Ursula Nadel")
            if len(e.name.split()) > 1 and (e.kind != PERSON or len(short) > 2):
                bodies.setdefault(short, []).append(e)
        for word in list(self.entities):
            found = bodies.get(word, [])
            if ACRONYM.fullmatch(word) and word not in self.aliases and len(found) == 1:
                self._alias(word, found[0])

    def _alias(self, acronym: str, e: Entity) -> None:
        other = self.entities.pop(acronym, None)
        if other is not None and other is not e:  # the acronym was taken for a body
            e.positions += other.positions
            e.events += other.events
        self.aliases[acronym] = e

    def _printed_spans(self) -> list[tuple[int, int]]:
        """Where the names noted so far are printed: the whole name, or the part of it printed
        there ("Laval's wife, Marie," holds Jean-Paul Laval's surname, not his whole name)."""
        spans = []
        for e in self.entities.values():
            for p in e.positions:
                if self.text.startswith(e.name, p):
                    spans.append((p, p + len(e.name)))
                elif (run := _PRINTED_RUN.match(self.text, p)) is not None:
                    spans.append((p, p + min(len(run.group()), len(e.name))))
        return spans

    def _add_recurring(self, seen: dict[str, list[re.Match]], lowers: set[str]) -> None:
        """A capitalised word the article repeats, not only to start sentences, and never
        writes in lower case, names a body or a place: 'Tesla', 'Facebook', 'Ottawa'."""
        taken = sorted(self._printed_spans())
        starts = [a for a, _ in taken]

        def covered(pos: int) -> bool:
            n = bisect.bisect_right(starts, pos) - 1
            return any(a <= pos < b for a, b in taken[max(0, n - 3) : n + 1])

        for word, found in seen.items():
            found = [m for m in found if not covered(m.start())]
            if len(found) < 2 or word in self.entities or word in NOT_FIRST:
                continue
            if word.lower() in NOT_NAME_WORDS or word.lower() in lowers:
                continue
            if word.lower() in GENERIC_CAPITALS or word.lower() in OUTLET_WORDS:
                continue
            if word in self.officials.country_words or genders.is_first_name(word):
                continue
            if word in US_STATES and self.text[found[0].end() : found[0].end() + 1] == ".":
                continue  # "Burns, Ore.": a state abbreviated, not a body
            if all(self.layout.starts_sentence(m.start()) for m in found):
                continue
            if any(EPONYM_AFTER.match(self.text, m.end()) for m in found):
                continue  # "Alzheimer's disease", "Moore's law": a name lent to a thing
            if self.find(word, found[0].start()) is None:
                # "President Obama … Mr. Obama": the titles printed before it, wherever
                titles = [titles_at_end(title_before(self.text, m.start())) for m in found]
                # and an office after its first mention: "Mr Ndlovu, the presidency's spokesman,"
                after = title_after(self.text, found[0].end(), found[0].start())
                if ROLE_HINTS.union(PERSON_NOUNS).intersection(re.findall(r"[a-z]+", after)):
                    titles.append(after)
                role = " ".join(dict.fromkeys(filter(None, titles)))
                entity = self.note(word, found[0].start(), role, end=found[0].end())
                # typed where first printed ("the Obama administration"), a person where a
                # title is printed before it ("President Obama") or a pronoun after it
                if entity.kind == ORGANISATION and any(
                    person_evidence(word, self.text, m.start(), m.end()) >= TITLED for m in found
                ):
                    self._make_person(entity)

    def _add_first_names(self, seen: dict[str, list[re.Match]], lowers: set[str]) -> None:
        """A given name printed alone ('Pauline', 'Justin and Tim') names a person when no
        full name in the article starts with it (else it is that person: `find`). Not a
        word the article also writes in lower case ('Will', 'Rose'), nor one printed as a
        place is ('in Charlotte', 'Everett, Wash.', 'North Carolina') anywhere."""
        firsts = {normalise_name(e.name).split()[0] for e in self.entities.values() if e.name}
        taken = self._printed_spans()
        for word, found in seen.items():
            if (
                not (
                    genders.is_first_name(word)
                    or any(named_beside_kin(self.text, m) for m in found)
                )
                or normalise_name(word) in firsts
                or word.lower() in lowers
                or word in NOT_FIRST
                or is_place(word, self.officials)
                or word in US_STATES  # "Ala.", "Del."
                or word.lower() in NOT_GIVEN_ALONE
                or word.lower() in GENERIC_CAPITALS
                or any(a <= m.start() < b for m in found for a, b in taken)
                or not all(alone_as_a_name(self.text, self.layout, m) for m in found)
                or not any(sign_of_a_person(self.text, m) for m in found)
            ):
                continue
            pos = found[0].start()
            entity = self.find(word, pos)
            if entity is None:
                entity = self.note(word, pos, end=found[0].end())
                self._make_person(entity)  # a given name, however the word alone is typed
                entity.given_alone = True

    def _make_person(self, entity: Entity) -> None:
        """Type as a person an entity first noted as something else, with the sex its
        mentions as a sentence's subject say ("In one of her columns, Bradley criticized …";
        not "the Obama administration's record … She", someone else)."""
        if entity.kind == PERSON:
            return
        entity.kind = PERSON
        for pos in entity.positions:
            end = pos + len(entity.name)
            if self.layout.role(pos, end) in (SUBJECT, SPEAKER):
                for g, v in genders.evidence_at(self.text, pos, end).items():
                    entity.votes[g] += v

    def _note_elsewhere(self, entity: Entity, pos: int) -> None:
        """A body first met as a speaker ('Na'moks said', 'Facebook says') is salient wherever
        else the article names it."""
        for start in whole_word_hits(self.text, entity.name, self.spans):
            if start != pos and start not in entity.positions:
                entity.positions.append(start)
                end = start + len(entity.name)
                entity.events.append((start, ROLE_WEIGHT[self.layout.role(start, end)]))

    def _note_surnames(self, spans: list[tuple[int, int]]) -> None:
        """Later bare-surname mentions ('Voss, 52, said') count as positions of the person,
        with what is printed after them, so 'the 52-year-old' can find her. A surname two
        people share goes to the one more salient at that point."""
        people: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            if e.kind == PERSON and len(e.name.split()) > 1:
                people.setdefault(without_suffix(e.name.split())[-1], []).append(e)
        if not people:
            return
        # "al-Sharaa" is printed "Al-Sharaa" opening a sentence
        printed = {w: w for w in people} | {
            w[:1].upper() + w[1:]: w for w in people if LOWER_ARTICLE.match(w)
        }
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in printed) + r")(?![\w-])"
        )
        found = [m for lo, hi in spans for m in pattern.finditer(self.text, lo, hi)]
        for m in sorted(found, key=lambda m: m.start()):
            pos = m.start()
            surname = printed[m.group()]
            sex = genders.honorific_before(self.text, pos)
            owners = [
                e
                for e in people[surname]
                if min(e.positions, default=pos) < pos
                and not any(p <= pos < p + len(e.name) for p in e.positions)
                # "Mrs. Crane" is not Harold Crane: his wife, perhaps
                and (sex is None or _given_sex(e) in (None, sex))
            ]
            if not owners or any(
                p <= pos < p + len(e.name) for e in people[surname] for p in e.positions
            ):
                continue
            if len(owners) > 1 and sex is None:
                # "Murphy's life's work, his more immediate goal": of the two Murphys, the man
                votes = genders.evidence_at(self.text, pos, m.end())
                said = max(votes, key=lambda g: votes[g]) if len(set(votes.values())) > 1 else None
                owners = [e for e in owners if _given_sex(e) == said] or owners
            owners = [e for e in owners if self._given_or_known(e)] or owners
            if len(owners) > 1:  # "Smith, the premier, said" of a premier and a nurse Smith
                owners = _titled_so(title_after(self.text, m.end(), pos), owners) or owners
            if (generation := of_generation(self.text, pos, people[surname])) in owners:
                owners = [generation]  # "The elder Friesen": the father, not the son
            principal = [e for e in owners if not _named_as_kin(self.text, e, owners)]
            owner = max(
                principal or owners,
                key=lambda e: (score(e.events, pos, self.layout), -min(e.positions)),
            )
            role = "" if self.layout.in_quote(pos) else title_after(self.text, m.end(), pos)
            self.note(owner.name, pos, role, end=m.end())

    def _note_given_names(self, spans: list[tuple[int, int]]) -> None:
        """A name's first word printed alone where `find` reads it as that person ('Phumtham'
        for Phumtham Wechayachai, 'Xi' for Xi Jinping): a position of theirs, so that a "he"
        after "Phumtham was more guarded." is him."""
        people: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            words = e.name.split()
            if (
                e.kind == PERSON
                and len(words) > 1
                and e.evidence > 0  # a person's signs, not "Latino Decisions"
                and bool(e.role)  # a titled person, not "Trump National Doral Resort"
                and words[0].lower() not in self.lowers
                and words[0] not in NOT_FIRST
                # not "Donald": "Mr. Trump" is his; but "Wang" for China's Wang Yi
                and (
                    e.country in FAMILY_NAME_FIRST
                    or HYPHENATED_GIVEN.fullmatch(words[-1]) is not None
                    or not genders.is_first_name(words[0])
                )
            ):  # (family name first, or a given name used alone: "Ban", "Phumtham")
                people.setdefault(words[0], []).append(e)
        if not people:
            return
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, people)) + r")(?![\w'’-])")
        taken = self._printed_spans()
        for lo, hi in spans:
            for m in pattern.finditer(self.text, lo, hi):
                pos = m.start()
                if self.layout.in_quote(pos) or any(a <= pos < b for a, b in taken):
                    continue
                if INSIDE_A_NAME.search(self.text, max(0, pos - 30), pos):
                    continue  # inside a longer name: "New Hampshire", "Gen. Lee"
                if self.layout.role(pos, m.end()) not in (SUBJECT, SPEAKER):
                    continue  # "Trump bought Doral in 2012": a place's name, not its owner
                owner = self.find(m.group(), pos)
                if owner is not None and owner in people[m.group()] and min(owner.positions) < pos:
                    self.note(owner.name, pos, end=m.end())

    def _add_match(self, text: str, m: re.Match, prose: bool = True) -> None:
        """Note the name a NAME match prints (its title before and after as its role)."""
        offset, printed = name_part(m.group(), self.officials)
        found = list(re.finditer(r"\S+", printed))
        found = holder_after_office(found, text[: m.start() + offset])
        words = strip_leading(found, self.officials, self.lowers, prose)
        if words and words[0].group() in INVERTED_TAGS and text[m.end() : m.end() + 1] == ":":
            words = words[1:]  # "Said Ellis: “…”" names Ellis
        if not prose:  # a title-cased headline: its verbs part subject from object
            for part in _between_headline_verbs(words):
                self._note_words(text, m, offset, part, prose)
        else:
            self._note_words(text, m, offset, words, prose)
        if offset == 0 and (owned := _owned_name(text, m)) is not None:
            self._add_match(text, owned, prose)  # "Chelsea's Enzo Maresca": Maresca, too

    def _note_words(
        self, text: str, m: re.Match, offset: int, words: list[re.Match], prose: bool
    ) -> None:
        while len(words) > 2 and words[-1].group() in POST_NOMINALS:
            words = words[:-1]  # "Daniel Okoro KC" is Daniel Okoro
        if not words:
            return
        if not prose and _headline_words(words, self.lowers):
            return  # "Washington Post Hit Piece Exploits Trump …": a title-cased headline
        start, end = m.start() + offset + words[0].start(), m.start() + offset + words[-1].end()
        if text[end : end + 1] == "." and words[-1].group() in ABBREVIATED_ENDINGS:
            end += 1  # "Bayfront Steel Ltd.", "Vladimir Guerrero Jr." as the parse prints them
        if words[-1].group() == "Local" and (number := UNION_LOCAL.match(text, end)):
            end = number.end()  # "ATU Local 508", one union's branch
        name = text[start:end] if end > m.end() else " ".join(w.group() for w in words)
        if is_junk_name(name):
            return
        role = printed_role(text, start, end)
        if self.officials.find(name) is None and len(words) < 2:
            return
        if self._inside_a_body(name, start, end):
            return  # "Ontario's Ministry" of "Ontario's Ministry of the Environment"
        if self.home_city is not None and name.lower() == self.home_city.lower():
            return  # "the south side of Des Moines", in a story filed from DES MOINES
        self.note(name, start, role, end=end)

    def _inside_a_body(self, name: str, start: int, end: int) -> bool:
        return any(
            e.kind == ORGANISATION
            and e.name != name
            and p <= start
            and end < p + len(e.name)
            and self.text.startswith(e.name, p)  # (not an alias: "RNC Chairman Ann Lee")
            for e in self.entities.values()
            for p in e.positions
        )

    def note(self, name: str, pos: int, role: str = "", end: int | None = None) -> Entity:
        """Record a mention of `name` at `pos` (ending at `end`) and return its entity."""
        end = pos + len(name) if end is None else end
        entity = self.find(name, pos)
        if entity is not None and _fuller_name(name, entity):
            # "Le Pen trial: …" then "Marine Le Pen said": her name is the whole one (keyed
            # anew in place: one key an entity, in order of first mention)
            old, entity.name = entity.name, name
            self.entities = {(name if k == old else k): e for k, e in self.entities.items()}
        if entity is None:
            known = self.officials.find(name)
            kind = type_of_name(name, self.officials, self.text, pos, end, self.lowers)
            if known is not None:
                # an international office speaks for no country ("NATO Secretary General Mark
                # Rutte"), unless a national title is printed for its holder
                office = known.role or ""
                international = INTERNATIONAL_OFFICE.search(office) is not None
                # (not a country's "UN Ambassador", nor "US Ambassador to the UN")
                international &= not (self.officials.home_country(office) or ENVOYS.search(office))
                country = None if international and kind == PERSON else known.country
                entity = Entity(known.name, country, (known.role or "").lower(), kind, known.role)
                entity.evidence = 3.0
            else:
                # a body's own name says whose it is: "Chinese Embassy" (in Tokyo) is China's;
                # "the Foreign Ministry" under a Tokyo dateline is Japan's
                own = None
                if kind == OUTLET:  # "Saudi Press Agency" is Saudi, wherever it is quoted
                    own = self.officials.home_country(name)
                elif kind == ORGANISATION:
                    # "Beijing's Taiwan Affairs Office" is China's, whatever its name names
                    owner = re.fullmatch(r"([A-Z][\w .-]{1,40})['’]s", role.strip())
                    own = (owner and self.officials.country_in(owner[1])) or None
                    own = (
                        own
                        or self.community_of_a_place(name)
                        or self.officials.home_country(name)
                        or (self._body_placed_in(pos) if national_body(name) else None)
                    )
                entity = Entity(name, own, "", kind)
                entity.evidence = person_evidence(name, self.text, pos, end)
            self.entities[entity.name] = entity
            self._by_surname.setdefault(entity.surname, []).append(entity)
            if len(name.split()) == 1 and self.spans:
                self._note_elsewhere(entity, pos)
        if role:
            entity.role = (entity.role + " " + role.lower()).strip()
            known = self.officials.find(entity.name)
            if entity.country is None and (known is None or known.kind != "international"):
                # (not the U.N.'s from "Britain's U.N. ambassador")
                entity.country = self._role_country(role, pos, entity)
        if pos not in entity.positions:
            entity.positions.append(pos)
            where = self.layout.role(pos, end)
            entity.events.append((pos, ROLE_WEIGHT[where]))
            if entity.kind == PERSON and where not in (QUOTED, CONTRASTED):
                for g, v in genders.evidence_at(self.text, pos, end).items():
                    entity.votes[g] += v
        return entity

    def find(self, name: str, pos: int) -> Entity | None:
        """The entity a printed name refers to: exact, by official alias, by surname (the
        full name mentioned closest before `pos`) or as the tail of a longer name."""
        if name in self.entities:
            return self.entities[name]
        if name in self.aliases:
            return self.aliases[name]
        known = self.officials.find(name)
        if known is not None and known.name in self.entities:
            # "Guardian said" after "Mayor Don Guardian": the mayor, not the newspaper
            namesakes = [
                e
                for e in self._by_surname.get(normalise_name(name), [])
                if e.kind == PERSON and known.kind != "person" and min(e.positions) < pos
            ]
            return namesakes[-1] if namesakes else self.entities[known.name]
        for e in self.entities.values():  # "UFCW" of "UFCW Local 832", printed here
            rest = e.name[len(name) + 1 :].split()
            if (
                e.kind == ORGANISATION
                and pos in e.positions
                and e.name.startswith(name + " ")
                and not any(w[:1].islower() or w == "&" for w in rest)  # not "Lee and the …"
            ):
                return e
        if FRENCH_HONORIFIC.match(name):  # "M. Mercier", "Mme Roux": the surname alone
            return self.find(FRENCH_HONORIFIC.sub("", name), pos)
        key = _words(name)  # "King" of "… King Jr."
        if not key:
            return None
        people = [e for e in self.entities.values() if e.kind == PERSON]
        same = [e for e in self._by_surname.get(key[-1], []) if e.kind == PERSON]
        if len(key) > 1:
            same = [e for e in same if normalise_name(e.name).split()[0][:1] == key[0][:1]]
            for n in range(len(key) - 1):  # "Paz Akin" for "Lorena Paz Akin", and
                tail = key[n:]  # "Organizer Ann Lee" for "Ann Lee"
                same = same or [e for e in people if _words(e.name)[-len(tail) :] == tail]
        elif not same:  # "Cedeño" for "Ramón Cedeño Aristiguieta"
            same = [e for e in people if key[0] in normalise_name(e.name).split()[1:]]
            firsts = [e for e in people if normalise_name(e.name).split()[:1] == key]
            # family name first: "Xi" for Xi Jinping, "Kim" for Kim Jong-un (a hyphenated
            # given name after it is the East Asian order, whatever "Kim" is in English)
            family_first = [
                e
                for e in firsts
                if "-" in e.name.split()[-1]
                or self.officials.find(e.name) is not None
                or e.country in FAMILY_NAME_FIRST
                or (e.evidence > 0 and not genders.is_first_name(key[0]))
                or self._honoured(name)
            ]
            if not same and family_first:
                same = family_first
            elif not same and len(firsts) == 1 and self._recent(firsts[0], pos):
                same = firsts  # a first name alone ("Jordan") for someone just introduced
        if suffix := _suffix(name):  # "Donald Trump Jr." is not his father
            same = [e for e in same if _suffix(e.name) == suffix]
        if not same:
            return None
        before = [e for e in same if any(p <= pos for p in e.positions)]
        pool = before or same
        # a person's full name over words that only end on it ("Mr. Trump" after "the
        # Coalition to Stop Trump" is Donald Trump's)
        pool = [e for e in pool if self._given_or_known(e)] or pool
        return max(pool, key=lambda e: max((p for p in e.positions if p <= pos), default=-1))

    def _given_or_known(self, e: Entity) -> bool:
        words = normalise_name(e.name).split()
        return (
            len(words) < 2
            or genders.is_first_name(words[0].capitalize())
            or (self.officials.find(e.name) is not None)
        )

    def _honoured(self, word: str) -> bool:
        """'Mr. Guo' printed anywhere: the word is a family name, whatever else it can be."""
        return (
            re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s{{1,3}}{re.escape(word)}\b", self.text) is not None
        )

    def _recent(self, entity: Entity, pos: int) -> bool:
        here = self.layout.sentence_of(pos)
        return any(
            0 <= here - self.layout.sentence_of(p) <= FIRST_NAME_REACH for p in entity.positions
        )

    def of_kind(self, kinds: frozenset[str] | set[str]) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind in kinds]
