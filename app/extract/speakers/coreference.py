"""Resolve a speaker phrase to a canonical speaker within the article.

Names go to the full name the article (or officials.toml) gives. Pronouns go to the most
salient antecedent that agrees with them: he/she to a person of that gender (or of unknown
gender), it to an organisation, they to a group or an organisation. Descriptions are
resolved in descriptions.py, documents in documents.py. Every resolution reports how it was
found, how sure it is, and the speaker's type.
"""

import re
from dataclasses import replace

from app.extract.speakers import descriptions, documents
from app.extract.speakers.antecedents import (
    MIN_SALIENCE,
    UNKNOWN,
    Resolved,
    margin,
    ranked,
    unknown,
)
from app.extract.speakers.bodies import unnamed_bodies
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.entities import Entity
from app.extract.speakers.gender import (
    FEMALE,
    MALE,
    PRONOUN_GENDER,
    SEXED_NOUNS,
    first_name_certainty,
    is_first_name,
)
from app.extract.speakers.lexicon import PERSON_NOUNS, TITLE_ABBREVIATIONS
from app.extract.speakers.mentions import POSSESSIVE_PRONOUNS, Mention
from app.extract.speakers.offices import GENERIC_OFFICES, PORTFOLIOS
from app.extract.speakers.officials import Officials
from app.extract.speakers.printed_speakers import INDEFINITE
from app.extract.speakers.registry import Registry
from app.extract.speakers.salience import OBJECT, ROLE_WEIGHT, SPEAKER, SUBJECT
from app.extract.speakers.subjects import described_subject, group_subjects
from app.extract.speakers.trial_sides import lawyer_for_the_side, side_of_a_trial
from app.extract.speakers.typing import (
    GROUP,
    ORGANISATION,
    OUTLET,
    PERSON,
    PLACE,
    TITLED_BY,
    is_organisation_name,
    names_a_body,
)
from app.extract.text.closing_tags import QUOTE_MARKS

# Two people who open a sentence ("Chinese President Xi Jinping and Brazilian President …").
TITLES_ONLY = re.compile(r"\s*(?:[A-Z][\w.'’-]{0,30}\s){0,6}")
# ("NDP health critic Gord Johns and …": lowercase words of a title too)
TITLE_RUN = re.compile(r"\s*(?:[\w.'’-]{1,30}\s){0,6}")
TITLE_RUN_WORDS = TITLED_BY | PERSON_NOUNS | PORTFOLIOS
NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s(?:da|de|do|dos|van|von|al|bin)?\s?[A-Z][\w'’.-]*)*")
PAIR_JOINED = re.compile(r",?\s(?:and|&)\s(?:[A-Z][\w.'’-]*\s){0,6}")
# Someone issuing a document: "X issued a statement", "Y released a joint communiqué".
ISSUED = re.compile(
    r"\b(?:issued|released|published|put out|sent out|in)\s(?:a|an|the)\s(?:[a-z]+\s){0,2}?"
    r"(statement|communiqué|communique|declaration|letter|readout|report)\b"
)
# How well each kind of antecedent fits "it" and "they".
IT_FIT = {ORGANISATION: 1.0, OUTLET: 0.5, PLACE: 0.3}
THEY_FIT = {GROUP: 1.0, ORGANISATION: 0.7}
BY_ROLE = frozenset({"name", "role", "role-strong", "unnamed-again"})
JOINER = re.compile(r"\s(?:of|for|and|&)\s")  # "Ann Lee of IG" is Ann Lee
EMBEDDED = ROLE_WEIGHT[OBJECT]  # the most a name inside reported words weighs
ACROSS_PARAGRAPHS = 0.7  # what a mention before the paragraph of a "he" or "she" weighs


def _named_in(e: Entity, skip: tuple[int, int] | None, pronoun: int | None = None) -> bool:
    """Named in the quote's own words, so not its "he": in 'she said Ann hid' she is not
    Ann (a pronoun cannot take a name it governs as antecedent), nor in '"Ann hid," she
    said' (people seldom name themselves). Reported words before their pronoun may name
    its speaker: "Mr. Trump's favourite toy is the Boeing, he said"."""
    if skip is None:
        return False
    named = [p for p, _ in e.events if skip[0] <= p < skip[1]]
    return any(p > pronoun for p in named) if pronoun is not None else bool(named)


def _personhood(e: Entity) -> float:
    """How surely a he/she can mean this entity: a named person with a given name, title or
    pronoun evidence fully; a bare name or an unnamed speaker ("an official") less."""
    if e.evidence > 0 or e.gender:
        return 1.0
    return 0.5 if e.name[:1].isupper() else 0.4


# A sentence opening on its topic: "As for Trump, he …".
AS_FOR = re.compile(r"\s{0,3}As for ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}), ")
# An office a body's name owns: "Meta's chief executive", "Skyways' chief pilot".
OFFICE_OF_A_BODY = re.compile(
    r"(?:[Tt]he\s)?([A-Z][\w&.-]{0,30}(?:\s[A-Z][\w&.-]{0,30}){0,4}?)(?:['’]s|(?<=s)['’])\s"
)
# People a story meets in the street and quotes as met, unnamed: "A woman in a red coat …"
PASSERS_BY = frozenset(
    """man woman person boy girl resident neighbour neighbor shopper voter commuter passer-by
    bystander customer""".split()
)
LEDE = 2  # sentences that open a story (its title, then the first two of its lede)
# "The spokesman, Dmitri Orlov": a definite description, then the name it gives.
THE_DESCRIBED = re.compile(r"[Tt]he\s([a-z][\w -]{1,40}?),\s")


def _titles_only(text: str, lo: int, hi: int) -> bool:
    """The words from `lo` to `hi` are titles: capitalised, or lowercase words of a title."""
    if TITLES_ONLY.fullmatch(text, lo, hi):
        return True
    return TITLE_RUN.fullmatch(text, lo, hi) is not None and all(
        w[:1].isupper() or w.lower() in TITLE_RUN_WORDS for w in text[lo:hi].split()
    )


class Resolver:
    """Stateful over one article: call `resolve` in reading order, `remember` after each."""

    def __init__(self, registry: Registry, officials: Officials):
        self.registry = registry
        self.officials = officials
        self.layout = registry.layout
        self.groups: dict[str, Entity] = {}  # unnamed groups that spoke ("protesters")
        # a person's office ("Marchand's office released a readout. It said …") is who "it"
        # may be, and speaks for the person
        self.offices: list[tuple[Entity, Entity]] = []
        for body in unnamed_bodies(registry.text, officials):
            where = ROLE_WEIGHT[self.layout.role(body.start, body.end)]
            if body.person is not None:
                person = registry.find(body.person, body.start)
                if person is not None and person.kind == PERSON:
                    # one name for one office: "Anna Brill's office", however titled
                    named = f"{person.name}'s office"
                    office = Entity(named, person.country, body.text.lower(), ORGANISATION)
                    office.events.append((body.start, where))
                    self.offices.append((office, person))
                continue
            entity = self.groups.setdefault(  # "Egypt's foreign ministry"
                body.text.lower(), Entity(body.text, body.country, body.text.lower(), ORGANISATION)
            )
            entity.events.append((body.start, where))
        self._sentences_read = 0  # sentences whose described subject has been noticed
        self._groups_seen: set[int] = set()  # where plural subjects have been noticed
        # (position, document word, speaker) of quotes given through a document: "In a joint
        # statement, the two ministries said" is who "the statement said" speaks for
        self.issued: list[tuple[int, str, Resolved]] = []
        # people of no known sex a "he" or "she" was found to be: (that sex, where)
        self._called: dict[int, tuple[str, int]] = {}
        # (position, speaker) of the last quote a document gave: '"…," the letter said. It
        # asked …' goes on with the letter's words
        self.last_document: tuple[int, Resolved] | None = None

    def notice_subjects(self, upto: int, quoted: set[int]) -> None:
        """Give each person a sentence before `upto` opens on by description ('The Russian
        envoy dismissed the charge.') that sentence's subject weight, in reading order. Not
        in sentences with a quote (`quoted`: their starts), whose speakers are resolved as such."""
        starts, text = self.layout.starts, self.registry.text
        while self._sentences_read < len(starts) and starts[self._sentences_read] < upto:
            n = self._sentences_read
            self._sentences_read += 1
            if starts[n] in quoted:
                continue
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            if (found := described_subject(text, starts[n], end)) is None:
                continue
            if not found.definite and found.head not in GENERIC_OFFICES | PASSERS_BY:
                continue  # "A district judge agreed": no one the story goes on to quote (but
                # "A man walking his dog disagreed. '…,' he said": the street's voice is)
            mention = Mention(found.text, found.start, found.end, "description", None, found.head)
            res = descriptions.description(self, mention, None)
            # only a fit by role: "the senator" is not whoever was named last
            if res.entity is not None and res.kind == PERSON and res.basis in BY_ROLE:
                res.entity.events.append((found.start, ROLE_WEIGHT[SUBJECT]))
            elif (
                res.entity is None
                and res.kind == PERSON
                and res.speaker
                # (a spokesperson, an official; "Her roommate, who asked not to be named,")
                and (
                    n <= LEDE
                    or not found.definite
                    or descriptions.kept_unnamed(self, mention)
                    or self._of_a_body_named(found.text, found.start)
                )
            ):
                # someone unnamed the story opens on ("The deputy head of the US embassy
                # criticised …") or brings in ("A State Department spokesperson confirmed
                # …"): the "he", "she" or "the spokesperson" that follows may mean them
                entity = self.groups.setdefault(
                    res.speaker.lower(),
                    Entity(res.speaker, res.country, res.speaker.lower(), PERSON),
                )
                entity.events.append((found.start, ROLE_WEIGHT[SUBJECT]))
                if (sex := _sex_in_own_clause(text, found.end, end)) is not None:
                    entity.votes[sex] += 1.0  # "Her roommate, who asked … because she is …"

    def _of_a_body_named(self, description: str, pos: int) -> bool:
        """'Meta's chief executive apologised': an office of a body the article names, held
        by no one it names, is someone new the story brings in, wherever it does."""
        owner = OFFICE_OF_A_BODY.match(description)
        if owner is None:
            return False
        body = self.registry.find(owner[1], pos)
        return body is not None and body.kind == ORGANISATION

    def remember(self, pos: int, res: Resolved, content: tuple[int, int] | None = None) -> None:
        """A quote attributed at `pos` makes its speaker the most salient thing there; the
        people its reported clause names are only objects of the speech ("Ann hid, he said");
        but a body or a group is no "he" or "she" they compete with ("Marco Rubio spoke to both
        ministers, the State Department said. He urged them …")."""
        if content is not None and res.kind == PERSON:
            lo, hi = content
            for e in self.registry.entities.values():
                e.events = [(p, min(w, EMBEDDED) if lo <= p < hi else w) for p, w in e.events]
        entity = res.entity
        if entity is None and res.kind in (GROUP, PERSON, ORGANISATION) and res.speaker:
            # an unnamed speaker ("a justice official", "protesters") can be "the official",
            # "he" or "they" later on
            entity = self.groups.setdefault(
                res.speaker.lower(), Entity(res.speaker, res.country, res.speaker.lower(), res.kind)
            )
        if entity is not None:
            entity.events.append((pos, ROLE_WEIGHT[SPEAKER]))
        if res.via and res.speaker and res.evidence != "document":
            self.issued.append((pos, res.via.lower(), res))
        self.last_document = (pos, res) if res.evidence == "document" and res.speaker else None

    def unnamed(self, kind: str) -> list[Entity]:
        return [e for e in self.groups.values() if e.kind == kind]

    def resolve(self, mention: Mention, skip: tuple[int, int] | None = None) -> Resolved:
        if self._is_dateline(mention):  # "SEOUL, 3 April 2025 — …" names no speaker
            return UNKNOWN
        if mention.kind == "pronoun":
            return self.pronoun(mention, skip)
        if mention.kind == "name" and mention.name:
            return self.name(mention)
        if mention.kind == "joint":
            return self.joint(mention, skip)
        if mention.kind == "document":
            return documents.document(self, mention, skip)
        found = descriptions.description(self, mention, skip)
        person = found.entity
        if person is not None and person.kind == PERSON and mention.head in SEXED_NOUNS:
            # "The sister of the victim told a jury …" found Harpreet Gill: her "she" is hers
            person.votes[SEXED_NOUNS[mention.head]] += 1.0
        return found

    def _is_dateline(self, mention: Mention) -> bool:
        """An all-capitals place opening a paragraph and followed by a dash."""
        text = self.registry.text
        if not mention.text.isupper() or len(mention.text) < 3:
            return False
        line_start = text.rfind("\n", 0, mention.start) + 1
        if text[line_start : mention.start].strip(" \t#*>"):
            return False
        return bool(re.match(r"[^\n—–]{0,40}?\s[—–-]\s", text[mention.end : mention.end + 50]))

    def entity_result(
        self, e: Entity, mention: Mention, evidence: str, basis: str, share: float = 1.0
    ) -> Resolved:
        """`share`: the winner's share of the two best antecedent scores (1.0 when alone)."""
        # the title around the name, not the name: "Ana Lima" is not from Peru
        named = e.kind == PERSON and mention.kind == "name" and mention.name
        title = mention.text.replace(mention.name, " ") if named and mention.name else mention.text
        country = e.country or self.officials.home_country(title)
        certainty = confidence_for(basis, share)
        return Resolved(e.name, country, e.title, certainty, e.kind, evidence, e, basis=basis)

    def name(self, mention: Mention) -> Resolved:
        if (national := self._by_nationality(mention)) is not None:
            return national
        registry = self.registry
        if mention.name == "Crown" and side_of_a_trial("crown", mention.text):
            # "The Crown said it would seek jail time": the prosecutor named before, if any
            people = registry.of_kind({PERSON})
            if (lawyer := lawyer_for_the_side("crown", people, mention.start)) is not None:
                return self.entity_result(lawyer, mention, "description", "role")
        entity = None
        full = mention.full
        if full and full != mention.name and not self._person_of_a_body(mention):
            entity = registry.entities.get(full)  # "Kenya Red Cross", not "Red Cross"
            trailing = full.startswith(mention.name or "") and not JOINER.search(full)
            titled = _titled(full, mention.name or "")  # "External Affairs Minister S. Jaishankar"
            if entity is None and (names_a_body(full) and not titled or trailing):
                # "BC Hydro", not "Hydro"; "Veterans Affairs", not "Veterans" (titles come
                # before a name, so words after it belong to it)
                at = mention.start + max(0, mention.text.find(full))
                entity = registry.find(full, mention.start) or registry.note(
                    full, at, end=at + len(full)
                )
        name = mention.name or ""
        at = mention.start + max(0, mention.text.rfind(name))  # where the name itself is
        if entity is None:  # (that "Clinton" in "Mrs. Clinton" may be hers, not his before)
            entity = registry.find(name, at)
        if entity is None:
            entity = registry.note_printed(name, at, at + len(name))
        if entity.kind == PERSON and entity.country is None:
            entity.country = self._described_before(mention)
        basis = "name" if entity.kind in (PERSON, ORGANISATION) else "name-other"
        found = self.entity_result(entity, mention, "name", basis)
        if entity.kind == PERSON and entity.country is None:
            # "Ireland's taoiseach, Siobhán Kelleher": what the title says holds for her "she"
            entity.country = found.country
        return found

    def _person_of_a_body(self, mention: Mention) -> bool:
        """'Nicole Gaudet of the Housing Justice Coalition' is Nicole Gaudet, 'Mr. Morgan of
        the Sierra Club' Morgan, 'Heiserman of the CORE Teachers' the Drew Heiserman named."""
        name, full = mention.name or "", mention.full or ""
        words, at = name.split(), full.find(name)
        if not words or at < 0 or JOINER.match(full, at + len(name)) is None:
            return False
        before = full[:at].split()[-1:]
        if before and before[0].lower().rstrip(".") in TITLE_ABBREVIATIONS:
            return True
        known = self.registry.find(name, mention.start)
        if known is not None and known.kind == PERSON:
            return True
        # "The Royal College of Nursing" is one body, though "Royal" is also a given name
        return is_first_name(words[0]) and not is_organisation_name(name)

    def _by_nationality(self, mention: Mention) -> Resolved | None:
        """ "'We are closer than the headlines suggest,' the Slovak said": a nationality for a
        person is the one most in focus who is of it, or of no known country (and is from now
        on)."""
        code = self.officials.demonym(mention.name or "")
        if mention.plural or (mention.name or "").endswith("s"):
            return None  # "the Saudis" are a people, not one person
        if code is None or not re.fullmatch(
            r"(?i:the)\s(?:[\w-]+\s){0,2}" + re.escape(mention.name or ""), mention.text
        ):
            return None
        people = [
            e for e in self.registry.of_kind({PERSON}) if e.events and e.country in (code, None)
        ]
        # who led the sentence just before, in the paragraph: "Brentford boss Thomas Frank was
        # more upbeat. '…,' the Dane said." (not the manager quoted all along before him)
        led = [
            e
            for e in people
            if descriptions.led_the_sentence_before(self, e, mention.start, descriptions.LED)
        ]
        scored = ranked(people, mention.start, self.layout, None, ACROSS_PARAGRAPHS)
        if not scored or scored[0][0] < MIN_SALIENCE:
            return None
        best = led[0] if len(led) == 1 else scored[0][1]
        best.country = code
        share = 1.0 if len(led) == 1 else margin(scored)
        return self.entity_result(best, mention, "description", "role", share)

    def _described_before(self, mention: Mention) -> str | None:
        """'A Russian embassy spokesman said …. The spokesman, Dmitri Orlov, added': the
        unnamed speaker a definite description names again gives the named one its country."""
        m = THE_DESCRIBED.match(mention.text)
        if m is None:
            return None
        head = m.group(1).split()[-1].lower()
        earlier = [
            e
            for e in self.unnamed(PERSON)
            if e.country
            and head in e.name.lower().split()
            and e.events
            and min(p for p, _ in e.events) < mention.start
        ]
        if not earlier:  # "… after a visit by a U.S. special envoy. The envoy, Ann Lee, …"
            return self.registry.introduced_as(head, mention.start)
        return max(earlier, key=lambda e: max(p for p, _ in e.events)).country

    def joint(self, mention: Mention, skip: tuple[int, int] | None) -> Resolved:
        """'Saudi Arabia and the United States said': both speak, as one group named after
        them; each is made the more salient for it."""
        parts = _listed(mention)
        found = [self.resolve(part, skip) for part in parts]
        for part, res in zip(parts, found, strict=True):
            if res.entity is not None:
                res.entity.events.append((part.start, ROLE_WEIGHT[SPEAKER]))
        names = list(dict.fromkeys(r.speaker for r in found if r.speaker))
        names = [n for n in names if not any(n != o and n in o for o in names)]
        if len(names) < 2:
            return found[0]
        countries = {r.country for r in found}
        country = countries.pop() if len(countries) == 1 else None
        certainty = min(r.certainty for r in found)
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        return Resolved(listed, country, None, certainty, GROUP, "name", basis="name")

    def _guessed_wrong(
        self, everyone: list[Entity], people: list[Entity], mention: Mention
    ) -> list[Entity]:
        """'Opposition leader Raila Omondi dismissed both. "…," he said': the subject just
        before, whose given name the name lists give the other sex and nothing in the article
        does, when no one of the pronoun's sex led a sentence of the paragraph (a name list's
        guess is no reason to reach back for someone else, nor to take the one thanked)."""
        text = self.registry.text
        para = text.rfind("\n", 0, mention.start) + 1
        if not _TAG_AFTER_QUOTE.search(text, para, mention.start) or any(
            para <= p < mention.start and w >= ROLE_WEIGHT[SUBJECT]
            for e in people
            for p, w in e.events
        ):
            return []  # (one of the pronoun's sex led a sentence of the paragraph)
        return [
            e
            for e in everyone
            if e not in people
            and e.kind == PERSON
            and e.positions
            and is_first_name(e.name.split()[0])
            and _guessed_the_other_sex(e, PRONOUN_GENDER[mention.head])
            and descriptions.led_the_sentence_before(self, e, mention.start, descriptions.LED)
        ]

    def pronoun(self, mention: Mention, skip: tuple[int, int] | None) -> Resolved:
        head = mention.head
        if head in ("he", "she"):
            found = self._he_or_she(mention, skip)
            if found.entity is not None and found.entity.gender is None:
                # once "he", never "she": a later pronoun of the other sex is someone else
                self._called.setdefault(id(found.entity), (PRONOUN_GENDER[head], mention.start))
            return found
        fit = IT_FIT if head == "it" else THEY_FIT if head == "they" else None
        if fit is None:  # "I", "we", "you": the writer or someone quoted
            return unknown(None, "pronoun")
        if head == "it" and (document := self._the_document(mention)) is not None:
            return document
        if head == "it" and (issued := self.issued_before(mention)) is not None:
            return issued
        if head == "they" and (pair := self.named_pair(mention, skip)) is not None:
            return pair
        if head == "they":
            self._notice_groups(mention.start)
        pool = self.registry.of_kind(set(fit)) + self.unnamed(GROUP) + self.unnamed(ORGANISATION)
        offices = {id(office): person for office, person in self.offices}
        if head == "it":
            pool += [office for office, _ in self.offices]
        scored = sorted(
            (
                (s * fit.get(e.kind, 0.0), e)
                for s, e in ranked(pool, mention.start, self.layout, skip)
            ),
            key=lambda x: -x[0],
        )
        if not scored or scored[0][0] < MIN_SALIENCE:
            return unknown(GROUP if head == "they" else ORGANISATION, "pronoun")
        best = offices.get(id(scored[0][1]), scored[0][1])  # the office's person
        return self.entity_result(best, mention, "pronoun", "it-they", margin(scored))

    def _called_the_other_sex(self, e: Entity, wanted: str, pos: int) -> bool:
        """'Environment Minister Kavi Ramdoo said …. He told parliament …. She said …': the
        minister is no "she" once a "he" before was found to be him."""
        called = self._called.get(id(e))
        return called is not None and called[0] != wanted and called[1] < pos

    def _he_or_she(self, mention: Mention, skip: tuple[int, int] | None) -> Resolved:
        head = mention.head
        wanted = PRONOUN_GENDER[head]
        # "His lawyer said Fehr acted in self-defence": a possessive governs nothing in
        # the words, so it may be someone they name
        governs = mention.text.lower() not in POSSESSIVE_PRONOUNS
        # (words in quotation marks name others, whatever their place)
        reported = skip is not None and self.registry.text[skip[0]] not in QUOTE_MARKS
        after = mention.start if reported else None
        everyone = [
            e
            for e in self.registry.of_kind({PERSON}) + self.unnamed(PERSON)
            if e.events
            and not (governs and _named_in(e, skip, after))
            and not self._called_the_other_sex(e, wanted, mention.start)
        ]
        # someone unnamed, of no known sex, printed as someone known ("the retired
        # neurosurgeon", a description nobody named was found for) is a "he" or "she"
        # only when no one else can be; someone new ("a security guard") is one
        unnamed = {
            id(e) for e in self.unnamed(PERSON) if e.gender is None and not INDEFINITE.match(e.name)
        }
        people = [
            e
            for e in everyone
            if (e.gender in (None, wanted) and id(e) not in unnamed)
            # a name mostly given to the other sex, the speaker just before: "Fellow
            # musician Ashley Ames called her 'the heart of every ceilidh.' … he wrote"
            or (
                _name_of_either_sex(e, wanted)
                and descriptions.led_the_sentence_before(self, e, mention.start, (SPEAKER,))
            )
        ]
        people += self._guessed_wrong(everyone, people, mention)
        if (topic := self._topic_fronted(mention, people)) is not None:
            return self.entity_result(topic, mention, "pronoun", "he-she")
        fitting = [e for e in everyone if e.gender in (None, wanted)]
        if (new := self._brought_in_before(mention, fitting)) is not None:
            return self.entity_result(new, mention, "pronoun", "he-she-ungendered")
        # a person newly made the subject of this paragraph is its next "he", over the
        # speaker of the paragraph before
        scored = ranked(people, mention.start, self.layout, skip, ACROSS_PARAGRAPHS)
        if not scored:  # nobody else: a name only mostly given to the other sex may be
            # ("Morgan Ortagus … She said"), or someone unnamed
            people = [
                e for e in everyone if (e.gender and not e.gender_settled) or id(e) in unnamed
            ]
            scored = ranked(people, mention.start, self.layout, skip, ACROSS_PARAGRAPHS)
        # an unknown gender fits, but a confirmed one fits better; and a name with no
        # sign of being a person's (no given name, title or age) fits worse
        scored = sorted(
            ((s * (1.0 if e.gender == wanted else 0.7) * _personhood(e), e) for s, e in scored),
            key=lambda x: -x[0],
        )
        if not scored or scored[0][0] < MIN_SALIENCE * ACROSS_PARAGRAPHS:
            return unknown(PERSON, "pronoun")
        best = scored[0][1]
        basis = "he-she" if best.gender == wanted else "he-she-ungendered"
        return self.entity_result(best, mention, "pronoun", basis, margin(scored))

    def _notice_groups(self, upto: int) -> None:
        """Plural people made the subject of the sentence before `upto` or of its own sentence
        up to there ("Residents of the street protested. They said …", "…, members
        complained about what they said was …"): unnamed groups "they" may mean."""
        n = self.layout.sentence_of(upto)
        if n < 0:
            return
        starts = self.layout.starts
        for m in range(max(0, n - 1), n + 1):
            end = starts[m + 1] if m + 1 < len(starts) and m < n else upto
            text = self.layout.unquoted(starts[m], end)  # not people inside a quotation
            for found in group_subjects(text, 0, len(text)):
                at = starts[m] + found.start
                if at in self._groups_seen:
                    continue
                self._groups_seen.add(at)
                entity = self.groups.setdefault(
                    found.text.lower(), Entity(found.text, None, found.text.lower(), GROUP)
                )
                entity.events.append((at, ROLE_WEIGHT[SUBJECT]))

    def _topic_fronted(self, mention: Mention, people: list[Entity]) -> Entity | None:
        """ "As for Trump, he said he's not worried": the person the sentence opens on as its
        topic is its "he" (if a he/she of theirs may be)."""
        n = self.layout.sentence_of(mention.start)
        if n < 0:
            return None
        opening = AS_FOR.fullmatch(self.layout.text, self.layout.starts[n], mention.start)
        if opening is None:
            return None
        found = self.registry.find(opening[1], opening.start(1))
        return found if found is not None and any(e is found for e in people) else None

    def _brought_in_before(self, mention: Mention, people: list[Entity]) -> Entity | None:
        """ "An Israeli official, who also spoke on condition of anonymity, rejected that. He
        said …": someone new the sentence before opened on, with no one named there, is the
        "he" or "she" opening this one (or tagging the quotation that opens it: "Germany's
        economy minister warned … '…,' he said."), over a named speaker further back."""
        layout = self.layout
        n = layout.sentence_of(mention.start)
        opening = n >= 0 and not layout.unquoted(layout.starts[n], mention.start).strip(" \"“”‘’',")
        if not opening:
            return None
        before = n - 1
        if any(
            self.layout.sentence_of(p) == before
            for e in self.registry.of_kind({PERSON})
            for p in e.positions
        ):
            return None
        unnamed = {id(e) for e in self.unnamed(PERSON)}
        new = [
            e
            for e in people
            if (INDEFINITE.match(e.name) or id(e) in unnamed)
            and e.name.split()[-1].lower() in PERSON_NOUNS
            and descriptions.led_the_sentence_before(self, e, mention.start, (SUBJECT, SPEAKER))
        ]
        return new[0] if len(new) == 1 else None

    def named_pair(
        self, mention: Mention, skip: tuple[int, int] | None, reach: int = 1
    ) -> Resolved | None:
        """ "Chinese President Xi Jinping and Brazilian President Lula … criticised what they
        called …": "they" in, or just after, a sentence opening on two people joined by "and"
        is the two of them. With a longer `reach` ("Both said …" after each of them spoke),
        a pair further back, when no one else is named since."""
        layout, text = self.layout, self.layout.text
        n = layout.sentence_of(mention.start)
        for k in range(n, n - reach - 1, -1):
            if k < 0:
                return None
            lo = layout.starts[k]
            hi = mention.start if k == n else layout.starts[n]
            named = sorted(
                (p, e)
                for e in self.registry.of_kind({PERSON})
                for p in e.positions
                if lo <= p < hi and not _named_in(e, skip)
            )
            if len(named) < 2 or not _titles_only(text, lo, named[0][0]):
                continue  # the two open the sentence, after their titles only
            (first, one), (second, other) = named[:2]
            printed = NAME_RUN.match(text, first)
            between = text[printed.end() : second] if printed else ""
            if one is other or not PAIR_JOINED.fullmatch(between):
                continue
            if k < n - 1 and self._someone_else_named(one, other, layout.starts[k + 1], mention):
                return None
            countries = {one.country, other.country}
            country = countries.pop() if len(countries) == 1 else None
            certainty = confidence_for("it-they")
            names = f"{one.name} and {other.name}"
            return Resolved(names, country, None, certainty, GROUP, "pronoun", basis="it-they")
        return None

    def _someone_else_named(self, one: Entity, other: Entity, lo: int, mention: Mention) -> bool:
        return any(
            lo <= p < mention.start
            for e in self.registry.of_kind({PERSON})
            if e is not one and e is not other
            for p in e.positions
        )

    def issued_before(self, mention: Mention) -> Resolved | None:
        """ "Kaja Kallas issued a statement on behalf of 26 member states. '…,' it said.": the
        "it" right after a sentence in which someone named issued a document is that document,
        and speaks for them."""
        layout, text = self.layout, self.layout.text
        n = layout.sentence_of(mention.start)
        if n < 1:
            return None
        lo, hi = layout.starts[n - 1], layout.starts[n]
        issued = ISSUED.search(text, lo, hi)
        if issued is None or layout.unquoted(hi, mention.start).strip(" ,\n\t"):
            return None  # "it" tags the next sentence's quotation, with no other words before
        named = [
            (p, e)
            for e in self.registry.of_kind({PERSON, ORGANISATION})
            for p in e.positions
            if lo <= p < issued.start()
        ]
        if not named:
            return None
        issuer = max(named, key=lambda found: found[0])[1]
        res = self.entity_result(issuer, mention, "pronoun", "it-document")
        return replace(res, via=issued[1].lower())

    def _the_document(self, mention: Mention) -> Resolved | None:
        """'"…," the letter, signed by 14 senators, said. It asked …': an "It" opening the
        sentence after one a document spoke in is that document, and speaks for its authors."""
        if self.last_document is None:
            return None
        pos, res = self.last_document
        layout = self.layout
        n = layout.sentence_of(mention.start)
        if n < 1 or layout.sentence_of(pos) != n - 1:
            return None
        if layout.text[layout.starts[n] : mention.start].strip():
            return None
        return replace(
            res, evidence="pronoun", basis="it-document", certainty=confidence_for("it-document")
        )


OFFICE_WORDS = PERSON_NOUNS | TITLE_ABBREVIATIONS


_TAG_AFTER_QUOTE = re.compile(r"[,!?][”\"’']{1,2}\s{0,3}$")  # '"…," he said'


def _guessed_the_other_sex(e: Entity, wanted: str) -> bool:
    """Nothing in the article (a pronoun, an honorific, a sexed noun) says the person is not
    of the `wanted` sex: only name lists guess so, from the given name."""
    other = FEMALE if wanted == MALE else MALE
    return len(e.name.split()) > 1 and e.votes[other] == 0


def _name_of_either_sex(e: Entity, wanted: str) -> bool:
    """A given name only mostly given to the other sex ("Ashley", "Reagan"), and nothing in
    the article saying so: the person may be the `wanted` sex."""
    words = e.name.split()
    if not e.positions or len(words) < 2 or e.gender == wanted:
        return False  # (no one unnamed: "The Democratic frontrunner")
    if first_name_certainty(words[0]) == 1.0:
        return False
    other = FEMALE if wanted == MALE else MALE
    return e.votes[wanted] >= e.votes[other]


def _listed(mention: Mention) -> list[Mention]:
    """The speakers a joint mention lists: "Britain, France and Germany" is three."""
    return [one for part in mention.parts for one in (_listed(part) if part.parts else [part])]


# The relative clause set off after a description: ", who asked not to be named because
# she is applying for residence,".
_OWN_CLAUSE = re.compile(r",\s(?:who|whose)\s([^,.;:!?\"“”]{1,160}),")


def _sex_in_own_clause(text: str, start: int, end: int) -> str | None:
    """The sex the pronouns of a description's own relative clause give it, if one."""
    clause = _OWN_CLAUSE.match(text, start, end)
    if clause is None:
        return None
    found = {PRONOUN_GENDER[w] for w in re.findall(r"[a-z]+", clause[1]) if w in PRONOUN_GENDER}
    return found.pop() if len(found) == 1 else None


def _titled(full: str, name: str) -> bool:
    """The run ends on the name, after an office: 'Indian External Affairs Minister S.
    Jaishankar' is a minister, not a body ("Affairs")."""
    if not name or not full.endswith(name) or full == name:
        return False
    before = full[: -len(name)].split()
    office = bool(before) and before[-1].lower().rstrip(".") in OFFICE_WORDS
    return office and not is_organisation_name(name)
