"""Which country a person or body an article names is of, read from the page around it:
the dateline, the sentence's opening ("Iran's delegation …", "In Tehran, …"), a body named
before ("the ministry" after its minister), an office held ("who heads Egypt's foreign
ministry"), a counterpart met, a local office ("the governor of the Kharkiv region")."""

import re
from collections.abc import Callable

from app.extract.speakers.datelines import MEETING_PLACES, national_office
from app.extract.speakers.entities import Entity
from app.extract.speakers.offices import names_an_office, office_kind
from app.extract.speakers.officials import Officials
from app.extract.speakers.places import city_country, is_city, subdivision_country
from app.extract.speakers.printed_titles import is_title_word, title_before
from app.extract.speakers.salience import Layout
from app.extract.speakers.typing import (
    ORGANISATION,
    PERSON,
)
from app.extract.text.sentences import DATELINE
from app.extract.verbs import mentions_speech

# A sentence's first one or two capitalised words ("Iran's delegation", "The Kremlin").
OPENING = re.compile(r"(?:The\s)?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)")
WHOLE_OPENING = re.compile(r"(?:The\s)?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,4})")


# Title words alone, capitalised, before a name: "Foreign Minister ", "Defence Secretary ".
OPENS_ON_OFFICE = re.compile(r"\s{0,4}(?:[A-Z][\w.-]{1,20}\s{1,3}){1,4}")
SCENE_OPENING = re.compile(
    r"^\s{0,4}(?:In|At|On|Speaking|Addressing|Writing)\s(?:[\w'’-]{1,30}\s){0,7}[\w'’-]{1,30},\s"
)
# "Its foreign minister, ", "The country's water minister " just before a name.
THE_COUNTRYS = re.compile(
    r"(?:\b[Tt]he (?:country|nation|kingdom|republic)['’]s|\bIts)\s(?:[\w-]{1,30}\s){0,4}"
    r"[\w-]{1,30},?\s$"
)
# ", and its spokesman, " just before a name: a clause joined to one about a body.
JOINED_ITS = re.compile(r",\s(?:and|but|while)\sits\s(?:[a-z-]{1,30}\s){0,3}[a-z-]{1,30},\s$")
# A sentence ending on an unnamed counterpart: the next sentence's first name is them.
MET_COUNTERPART = re.compile(
    r"\b(?:his|her|their)\s([A-Z][\w-]{2,20})\scounterparts?(?:\s(?:in|at)\s[A-Z][\w-]{1,20})?"
    r"(?:\s(?:on|this|last)\s[A-Z]?[\w-]{2,12})?\.\s{1,3}$"
)
# A known person a title is held towards: "sister of leader Kim Jong Un", "aide to Ann Lee"
SOMEONE_OF = re.compile(
    r"\b(?:of|to|for)\s(?:[a-z]{2,15}\s){0,2}([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})$"
)
# Bodies that are no state's: "Its commission president" after a sentence opening on one
NOT_A_STATE = re.compile(
    r"\b(?:bloc|alliance|union|organi[sz]ation|coalition|league|federation|company|firm|"
    r"group|charity|association|agency|fund|bank|court|council)\b",
    re.IGNORECASE,
)
SPOKES_WORDS = frozenset("spokesman spokeswoman spokesperson".split())
# "A spokesperson, " just before a name: the body the sentence before opens on speaks.
A_SPOKESPERSON = re.compile(r"(?:^|[.!?]\s{1,3})An?\sspokes(?:man|woman|person),\s$")
SPOKESPERSON_FOR_AFTER = re.compile(
    r",\s(?:an?|the)\s(?:[a-z-]{1,20}\s){0,2}spokes(?:man|woman|person)\s(?:for|of)\s(?:the\s)?"
    r"([A-Z][\w'’-]{0,30}(?:\s[A-Z][\w'’-]{0,30}){0,5}),"
)
HOLDS_OFFICE = re.compile(
    r"(?:,\swho)?\s(?:is|was|has been|had been|became|remains|serves as)\s"
    r"((?:[A-Z][\w.'’-]{1,30}\s?){1,3}"
    r"(?:[a-z-]{1,20}\s){0,3}(?:minister|president|ambassador|envoy|spokesman|spokeswoman|"
    r"spokesperson|secretary|chancellor|premier|negotiator|representative|leader))\b"
    # "Pavel Orlov, who led Russia's delegation", "…, who heads Egypt's foreign ministry"
    r"|,\swho\s(?:has\s|had\s)?(?:leads|led|heads|headed|chairs|chaired)\s"
    r"((?:[A-Z][\w.'’-]{1,30}\s?){1,3}(?:[a-z-]{1,20}\s){0,2}"
    r"(?:delegation|ministry|government|team|mission|embassy|talks|negotiations))\b"
    # "Scott Bessent, his American counterpart,": a nationality set beside the name
    r"|,\s(?:his|her|their|the|an?)\s([A-Z][a-z]{2,30})\s(?:[a-z-]{1,20}\s){0,2}"
    r"(?:counterpart|minister|negotiator|envoy|ambassador|diplomat|official|secretary)\b"
)
# "In Tehran, the foreign ministry said …", "Speaking to reporters in Moscow, deputy minister
# …": the place a sentence opens with.
PLACED_IN = re.compile(
    r"\s{0,8}(?:In|Speaking(?: (?:to|with) [a-z]{1,20}(?: [a-z]{1,20})?)? (?:in|from)) "
    r"([A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30}){0,2}),\s{0,8}"
)
# The title of the person heading a kind of body.
BODY_HEADS = {"ministry": "minister", "embassy": "ambassador"}
# A sentence opening on where it happens: "Back in London, the opposition …".
PLACE_OPENING = re.compile(
    r"\s{0,8}(?:(?:Back|Meanwhile|Elsewhere|And)\s)?[Ii]n\s([A-Z][\w'’.-]{0,30}"
    r"(?:\s[A-Z][\w'’.-]{0,30}){0,2}),"
)
# A paragraph opening on people of a place: "Some in Seoul were unimpressed."
PEOPLE_IN = re.compile(
    r"\s{0,8}(?:Some|Many|Few|Others|Officials|Critics|Lawmakers|Politicians|Analysts)\sin"
    r"\s([A-Z][\w'’.-]{0,30}(?:\s[A-Z][\w'’.-]{0,30}){0,2})\s(?:were|was|are|is|had|have)\b"
)
# The words of a minister's title that are no portfolio: "Deputy Foreign Minister".
MINISTER_WORDS = frozenset("minister ministers deputy vice first state junior acting".split())
# A sentence ending on whom an answer came from: the bare title after it is theirs.
ANSWER_FROM = re.compile(
    r"\b(?:response|reaction|rebuke|reply|criticism|pushback|protest|objections?|warning|praise)"
    r"\sfrom\s([A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{1,30})?)\.\s*$"
)
# A sentence opening on words from a place: "The message from Port Moresby was blunter."
MESSAGE_FROM = re.compile(
    r"^\s*(?:The|A)\s(?:[a-z]+\s)?(?:message|response|reaction|reply|word|tone|answer|verdict"
    r"|signal|view)s?\sfrom\s([A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{1,30})?)\s(?:was|were|came)\b"
)
# A sentence opening on a name and an aside about it: "India, one of the largest buyers of
# Russian oil, also signalled caution." (the countries in the aside are not its subject).
OPENING_ASIDE = re.compile(
    r"\s{0,3}([A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{1,30}){0,2}),\s[^,]{3,120},"
)
# " and Defence Minister " just before a name: a title listed after someone else's name.
LISTED_AFTER = re.compile(r"\sand\s((?:[A-Z][\w.-]{1,20}\s){1,4})$")
PRINTED_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,4}")
# Kinds of known bodies whose country a title with their name gives ("Houthi spokesman").
SPEAKING_BODIES = frozenset(("government", "movement"))
# Bodies named after where they are sent: "the Haiti mission", "the Gaza force".
SENT_ABROAD = frozenset("mission operation force deployment contingent".split())
BODY_TITLES = frozenset("ministry embassy consulate office department".split())
# "The envoy, Ann Lee": a definite description just before the name it gives.
# "A spokesperson for Diab's office, " just before a name: whose aide it is.
AIDE_FOR = re.compile(
    r"\b[Aa]n?\s(?:[a-z-]{2,20}\s)?(?:spokes(?:man|woman|person)|aide|adviser|advisor)\sfor"
    r"\s((?:[A-Z][\w'’-]*\s){0,4}?[A-Z][\w'’-]*?)(?:['’]s?\s(?:office|department|ministry))?,\s$"
)
# "Zelensky adviser Mykhailo Podolyak": an aide titled by the one they serve.
AIDE_TITLED = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]{1,30})\s(?:spokes(?:man|woman|person)|aide|adviser|advisor)\s{1,3}$"
)
DESCRIBED_BEFORE = re.compile(r"\b[Tt]he\s([a-z][a-z-]{2,30}),\s{1,3}$")
TITLED_JUST_BEFORE = re.compile(r"\b([A-Z][a-z-]{2,30})\s{1,3}$")
# "Anita Anand, on her first visit to India,", "…, visiting Japan,": whose visit it is.
VISIT_AFTER = re.compile(
    r",\s(?:on\s(?:her|his|their)\s(?:[a-z-]{1,12}\s){0,2}(?:visit|trip)\sto|visiting)"
    r"\s((?:[A-Z][\w'’-]*\s?){1,3}),"
)
# "Her Russian counterpart in the talks, Oleg Petrov": a nationality before the role, and a
# phrase after it that the title words stop at.
NATIONALITY_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)\s([A-Z][\w-]{2,30})\s"
    r"(?!languages?\b)[a-z][a-z -]{2,60},\s{1,3}$"  # (not "the French language, X")
)
# "Their Philippine counterparts, Enrique Manalo and ": the second of those listed.
NATIONALITIES_LISTED = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s([A-Z][\w-]{2,30})\s[a-z][a-z -]{1,60}s,\s{1,3}"
    r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3},?\sand\s$"
)
# Whom a country's own officials meet, call or host: the title after it is someone else's.
MET_BEFORE = re.compile(
    r"\b(?:with|met|meets|meeting|called|calls|hosted|hosts|hosting|visiting|received)"
    r"\s{1,3}(?:[A-Z][\w.'’-]{0,30}\s{1,3}){1,4}$"
)
# The words of an office a counterpart shares ("president", "foreign minister").
OFFICE_HEADS = frozenset(
    """president prime premier chancellor foreign defence defense finance interior trade
    minister secretary ambassador envoy""".split()
)
VISITING = re.compile(r"\b(?:visiting|guest|counterpart)\b", re.IGNORECASE)
THE_BODYS = re.compile(
    r"(?:(?i:the)\s)?([a-z]{4,20})['’]s\s"  # "the department's spokeswoman"
    # "a council spokesman", "coast guard spokesperson"
    r"|(?:(?i:an?|the)\s)?(?:[a-z]{2,20}\s)?([a-z]{4,20})\s(?:spokes(?:man|woman|person)|official)\b"
)


def _local_country(role: str) -> str | None:
    """The country of the city or province a local office names: "Ontario Premier",
    "governor of the Kharkiv region", "mayor of Lviv"."""
    words = [w.title() for w in re.findall(r"[A-Za-z][a-z'’-]{2,}", role)]
    for n in range(len(words)):
        for size in (3, 2, 1):
            if found := subdivision_country(" ".join(words[n : n + size])):
                return found
        if is_city(words[n]):
            return city_country(words[n])
    return None


# Regions named by a plain word of geography: as a body's second word they are no place.
REGION_WORDS = frozenset(
    """Coast Central North South East West Northern Southern Eastern Western Capital Upper
    Lower Coastal Lakes Islands Valley Mountain Highlands Lowlands Interior""".split()
)
# A sentence opening on someone's office before the holder's name: "His finance minister, "
HIS_OFFICE = re.compile(r"(?:^|[.!?]\s{1,3}|\n)(His|Her)\s[a-z][a-z -]{2,40},\s$")
# "the group's director, ": an office in the body named last (a member of its staff)
BODYS_OFFICE = re.compile(
    r"\b[Tt]he\s(?:group|organi[sz]ation|charity|union|association|coalition|foundation|company"
    r"|firm)['’]s\s(?:[a-z-]{2,20}\s){0,3}[a-z-]{2,20},\s$"
)
# "Ferrer's foreign minister, ": an office in a named person's service (not a counterpart's)
OWNERS_OFFICE = re.compile(
    r"(?<![\w.])((?:[A-Z][\w.-]*\s){0,4}[A-Z][\w.-]{1,30})['’]s\s(?:[a-z-]{2,20}\s){0,3}"
    r"(?:minister|secretary|spokesman|spokeswoman|spokesperson|adviser|advisor|aide|envoy"
    r"|ambassador|deputy|negotiator|chief of staff),\s$"
)
# Offices only one country prints bare: the Vatican's and a state's secretaries of state
# print their place ("Vatican Secretary of State", "Georgia Secretary of State").
# An American party printed in a description: "a senior Republican senator".
AMERICAN_PARTY = re.compile(r"\b(?:Republican|Democratic|Democrat|GOP)\b")
AMERICAN_OFFICES = frozenset(("secretary of state", "director of national intelligence"))
# The state joined to the one a lede opens on: "China and the Philippines".
_JOINED_STATE = re.compile(r"\s{1,8}and\s{1,8}(?:the\s{1,8})?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})")
LOCAL_OFFICE = re.compile(
    r"\b(?:governor|mayor|premier|regional|region|province|provincial|oblast"
    r"|council(?:lor|man|woman)"
    r"|alder(?:man|woman))\b"
)
# A title held under someone: "Moreira Lima's spokesman", "Echeverría's foreign minister".
# An office of a body of states: its holder's staff are the body's, not the holder's country's.
# (In any case but WHO's: roles are kept in lower case.)
INTERNATIONAL_OFFICE = re.compile(
    r"(?i:\b(?:UN|U\.N\.|United\sNations|NATO|EU|European|IAEA|IMF|African\sUnion)\b)|\bWHO\b"
)
PERSONS_OWN = re.compile(r"([A-Z][^'’]{1,60}?)['’]s?\s{1,3}(\S{1,30}(?:\s{1,3}\S{1,30}){0,3})")


class Whereabouts:
    """The country of a person or body an article names, read from what is printed around
    them: the dateline, the sentence's opening, a place it is set in, a body named before,
    the office a title holds. The Registry's half about places; it has these of the Registry:"""

    officials: Officials
    text: str
    layout: Layout
    entities: dict[str, Entity]
    spans: list[tuple[int, int]]
    home: str | None  # the dateline's country
    home_city: str | None  # the dateline's city
    visited: bool  # the lede opens on another country's people

    def find(self, name: str, pos: int) -> Entity | None:
        raise NotImplementedError  # the Registry finds names

    def _without_people(self, words: str) -> str:
        """The words with people's names blanked: "Health Minister Mark Holland" names no
        country, though "Holland" alone is one."""
        for e in self.entities.values():
            if e.kind == PERSON and " " in e.name and e.name in words:
                words = words.replace(e.name, " " * len(e.name))
        return words

    def _country_from_context(self, e: Entity) -> str | None:
        """A person's country from around their first mention, when no title of theirs
        names one: the dateline's, a place or country the sentence opens on, a nationality
        or description before the name, or an office held after it."""
        text, first = self.text, min(e.positions)
        if " ".join(dict.fromkeys(e.role.split())) in AMERICAN_OFFICES:
            return "US"  # "Secretary of State Ann Lee", wherever the story is filed
        if holds := HOLDS_OFFICE.match(text, first + len(e.name)):
            # "Valentina Ortiz has been Chile's foreign minister since March.", "Raul Ibarra,
            # who has led Mexico's talks, …": said of them, before anything around them
            if found := self.officials.home_country(holds[1] or holds[2] or holds[3]):
                return found
        if (of := SPOKESPERSON_FOR_AFTER.match(text, first + len(e.name))) is not None:
            # "Andriy Demchenko, a spokesman for the State Border Guard Service,": its country
            spoken_for = self.find(of[1], of.start(1))
            if spoken_for is not None and spoken_for.kind == ORGANISATION and spoken_for.country:
                return spoken_for.country
        if visit := VISIT_AFTER.match(text, first + len(e.name)):
            # "Anita Anand, on her first visit to India,": a visitor from the lede's other state
            return self._lede_state_but(self.officials.country_in(visit[1]))
        if (body := self._spokesperson_of_the_body_before(e.role, first)) is not None:
            return body  # "The Russian embassy in Oslo called …. Embassy spokesman Ivan Orlov"
        if found := self._nationality_before_the_title(e, first):
            return found
        if national_office(e.role):
            if MET_BEFORE.search(text, max(0, first - 60), first):
                return None  # "discussed it with Premier Li Wen": a visitor or a caller
            if (spoken_for := self._body_a_spokesperson_speaks_for(first)) is not None:
                return spoken_for.country  # (not the dateline's)
            if found := self._ministers_ministry(first):
                return found
            if found := self._story_of_another_state(first):
                return found
            listed = self._listed_after(first)
            if listed is not None and not listed[1]:
                return listed[0].country  # a colleague in the same government
            office_of = self._office_described_before(e.role, first)
            if office_of and not (self.placed_in(first) or self._country_introduced(first)):
                return office_of  # (not when the paragraph says whose: "France's ministry …")
            if (office := _office_word(e.role)) and self._party_member_introduced(office, first):
                return "US"  # "… a suggestion by a Republican senator. Senator Ann Lee had said"
            if self.at_home(first):
                return self.home  # "President Oleksandr Bondar" under a Kyiv dateline
            if found := (
                self.placed_in(first)
                or self._country_introduced(first)
                # not the country a counterpart listed before is printed with
                or (self._sentence_opens_on(first) if listed is None else None)
            ):
                return found
        if found := self._the_countrys(first):
            return found
        if LOCAL_OFFICE.search(e.role) and self.at_home(first):
            return self.home  # "The governor of the Dnipropetrovsk region", filed from Kyiv
        if LOCAL_OFFICE.search(e.role) and (found := self.placed_in(first)):
            return found  # "In Texas, Governor Greg Abbott said", filed from Mexico City
        if his := HIS_OFFICE.search(text, max(0, first - 60), first):
            # "His finance minister, Ana Ruiz,": of the last man named
            return self._last_persons_country(first, "m" if his[1] == "His" else "f")
        if BODYS_OFFICE.search(text, max(0, first - 90), first):
            # "Greenpeace Chile said …. '…,' the group's director, Matías Asun, said"
            group = self._named_last(first, lambda b: b.kind == ORGANISATION)
            if group is not None and group.country:
                return group.country
        if owner := OWNERS_OFFICE.search(text, max(0, first - 90), first):
            # "Ferrer's foreign minister, Rodrigo Salas,": in the named person's government
            return self.aides_country(owner[1], owner.start(1), e)
        if self.layout.starts_sentence(first) and (
            met := MET_COUNTERPART.search(self.text, max(0, first - 120), first)
        ):
            return self.officials.country_in(met[1])  # "… met his Turkish counterpart. Fidan …"
        if nationality := NATIONALITY_BEFORE.search(
            text, max(0, first - 80), first
        ) or NATIONALITIES_LISTED.search(text, max(0, first - 120), first):
            return self.officials.country_in(nationality.group(1))
        if aide := AIDE_FOR.search(text, max(0, first - 90), first):
            return self.aides_country(aide[1], first, e)
        aide = AIDE_TITLED.search(text, max(0, first - 50), first)
        if aide and self.officials.country_in(aide[1]) is None:  # (not "Kremlin spokesman")
            leader = self.officials.leader(aide[1])  # "Trump adviser", named nowhere else
            if found := self.aides_country(aide[1], first, e) or (
                leader.country if leader is not None and leader.kind == "person" else None
            ):
                return found
        if described := DESCRIBED_BEFORE.search(text, max(0, first - 40), first):
            return self.introduced_as(described.group(1).lower(), first)
        if (titled := TITLED_JUST_BEFORE.search(text, max(0, first - 40), first)) and is_title_word(
            titled[1]
        ):  # "A British judge refused …. District Judge Sarah Whitfield said"
            return self.introduced_as(titled[1].lower(), first, as_subject=True)
        return None

    def _nationality_before_the_title(self, e: Entity, first: int) -> str | None:
        """'with her Australian counterpart, Resources Minister Callum Reid, at …': the
        nationality of the apposition the title and name close (with no comma after the name,
        "Speaking beside her Canadian counterpart, Foreign Minister Ann Lee said" opens on
        someone else)."""
        title = title_before(self.text, first)
        if not title or self.text[first + len(e.name) : first + len(e.name) + 1] != ",":
            return None
        titled = self.text.rfind(title, max(0, first - len(title) - 3), first)
        if titled < 0:
            return None
        nationality = NATIONALITY_BEFORE.search(self.text, max(0, titled - 80), titled)
        return self.officials.country_in(nationality[1]) if nationality else None

    def _counterparts_offices(self) -> None:
        """'Chilean President Tomás Errázuriz and his Argentine counterpart, Martín Quiroga':
        a counterpart holds the office of the person named before in the sentence, so that
        "the president" may be either of them."""
        people = sorted(
            (
                (min(e.positions), e)
                for e in self.entities.values()
                if e.kind == PERSON and e.positions
            ),
            key=lambda pair: pair[0],
        )
        for n, (first, e) in enumerate(people):
            if "counterpart" not in e.role.split():
                continue
            sentence = self.layout.sentence_of(first)
            before = [other for at, other in people[:n] if self.layout.sentence_of(at) == sentence]
            if before:
                office = [
                    w
                    for w in before[-1].role.split()
                    if w in OFFICE_HEADS and w not in e.role.split()
                ]
                e.role = " ".join([e.role, *office])

    def _office_described_before(self, role: str, pos: int) -> str | None:
        """'RIYADH — Iran's foreign minister arrived … . Foreign Minister Abbas Rahimi said
        …': the one country whose holder of this office was described, unnamed, before."""
        if self.home is None or not role or not role.replace(" ", "").isalpha():
            return None  # (a story with no dateline has no home its bare titles default to)
        office = re.escape(role).replace(r"\ ", r"\s")
        described = re.finditer(
            rf"\b([A-Z][\w.-]{{1,30}}(?:\s[A-Z][\w.-]{{1,30}})?)(?:['’]s)?\s{office}\b(?!,?\s[A-Z])",
            self.text[:pos],
        )
        countries = {
            c
            for m in described
            # not across a full stop: "… in Geneva. Her spokesperson" is not Geneva's
            if not re.search(r"[a-z]{2}\.\s", m[1]) and (c := self.officials.country_in(m[1]))
        }
        return countries.pop() if len(countries) == 1 else None

    def _party_member_introduced(self, head: str, pos: int) -> bool:
        """The lede introduced someone of this office by an American party ("a senior
        Republican senator"), whom a bare title names later, wherever the story is filed (a
        nationality would not do: "a former Ukrainian president" is not "former President
        Bill Clinton")."""
        before = self.text[max(0, pos - 1500) : pos]
        pattern = rf"\b[Aa]n?\s(?:\S{{1,30}}\s){{0,2}}{AMERICAN_PARTY.pattern}\s{re.escape(head)}\b"
        return re.search(pattern, before) is not None

    def introduced_as(self, head: str, pos: int, as_subject: bool = False) -> str | None:
        """'… a visit by a U.S. special envoy. The envoy, Ann Lee, …', "Sudan's U.N. envoy
        thanked Russia. The envoy, …": the country of the last description with this head
        before `pos`, indefinite or a country's. `as_subject`: only an indefinite one opening
        a sentence shortly before ("A British judge refused …. District Judge X said"; not "a
        former Ukrainian president" in passing)."""
        if as_subject:
            before = self.text[max(0, pos - 600) : pos]
            opening = r"(?:^|(?<=[.!?”\"’—–-]\s)|(?<=\n))An?\s(?:[\w-]{1,30}\s){0,3}"
        else:
            before = self.text[max(0, pos - 1500) : pos]
            opening = (
                r"(?:\b[Aa]n?\s|\b(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*['’]s\s)(?:\S{1,30}\s){0,3}"
            )
        pattern = opening + re.escape(head) + r"\b"
        introduced = list(re.finditer(pattern, before))
        if not introduced:
            return None
        return self.officials.home_country(introduced[-1].group())

    def _lede_abroad(self) -> bool:
        """Whether the datelined lede opens on another country's people: "WASHINGTON —
        Argentine President Javier Milo met …" is a story of Argentina's, whose bare titles
        ("Economy Minister Luis Caputo") are not American."""
        if self.home is None:
            return False
        for lo, hi in self.spans[:4]:
            if (m := DATELINE.match(self.text, lo, hi)) is not None:
                lede = self.text[m.end() : hi].lstrip()
                opening = self.opening_state(lede)
                if opening is None or opening[1] == self.home:
                    return False
                # a foreign official opens it ("Argentine President …"), not foreign states
                # ("Thailand and Cambodia agreed …", in talks the dateline's country hosted)
                after = lede[lede.find(opening[0]) + len(opening[0]) :].split()
                words = opening[0].split()[1:] + after[:1]
                return any(w[:1].isupper() and is_title_word(w) for w in words)
        return False

    def _story_of_another_state(self, pos: int) -> str | None:
        """'DUBAI — Iran on Friday rejected …. Foreign Minister Abbas Araqchi said … that
        Tehran had …': a lede whose subject is one foreign state, and which names nothing of
        the dateline's country, is a story of that state filed from a bureau; a bare office
        in a paragraph not naming the dateline's is the state's ("Prime Minister Abiy
        Ahmed said Asmara had …" in "NAIROBI — Ethiopia accused Eritrea …"). Filed from a
        meeting place ("BRUSSELS — Canada and the European Union signed …"), a paragraph naming
        no other state is the lede's state's."""
        if self.visited:
            return None
        for lo, hi in self.spans[:4]:
            if (m := DATELINE.match(self.text, lo, hi)) is None:
                continue
            lede = self.layout.unquoted(m.end(), hi)
            opening = self.opening_state(lede.lstrip())
            if opening is None or (self.home and self.home in self.officials.countries_in(lede)):
                return None
            state = opening[1]
            lo = self.text.rfind("\n", 0, pos) + 1
            hi = self.text.find("\n", pos)
            paragraph = self.officials.countries_in(
                self.layout.unquoted(lo, hi if hi >= 0 else len(self.text))
            )
            if self.home is None:  # filed from a meeting place ("BRUSSELS —"): no one's home
                meeting = (self.home_city or "").lower() in MEETING_PLACES
                other = _JOINED_STATE.match(lede.lstrip(), len(opening[0]))
                if other is not None and self.officials.country_in(other[1]):
                    return None  # "China and the Philippines traded blame": two states
                return state if meeting and paragraph <= {state} else None
            return state if self.home not in paragraph else None
        return None

    def _lede_state_but(self, visited: str | None) -> str | None:
        """The one state the datelined lede names besides the visited one, if just one."""
        for lo, hi in self.spans[:4]:
            if (m := DATELINE.match(self.text, lo, hi)) is not None:
                lede = self.layout.unquoted(m.end(), hi)
                others = self.officials.countries_in(lede) - {visited}
                return next(iter(others)) if visited and len(others) == 1 else None
        return None

    def at_home(self, pos: int) -> bool:
        """The paragraph at `pos` names no country but the dateline's: not after "Beijing
        urged restraint." in a story filed from Kyiv (nor, in a story filed from Washington
        about Argentina's president, unless the sentence opens on the United States)."""
        if self.home is None:
            return False
        if self.visited:
            n = self.layout.sentence_of(pos)
            sentence = self.text[self.layout.starts[n] : pos] if n >= 0 else ""
            return self._opening_country(sentence) == self.home
        lo, hi = self.text.rfind("\n", 0, pos) + 1, self.text.find("\n", pos)
        # (the countries its speakers name in quotation marks say nothing of where they are from)
        paragraph = self._without_people(
            self.layout.unquoted(lo, hi if hi >= 0 else len(self.text))
        )
        if self._opening_body(paragraph) not in (None, self.home):
            return False  # "The Kremlin dismissed that. Spokesman Pavel Drozdov said …"
        if self.officials.countries_in(paragraph) <= {self.home}:
            return True
        # "WARSAW — Poland summoned Belarus's envoy …, the foreign ministry said": the body
        # reporting what the dateline's country did is that country's
        n = self.layout.sentence_of(pos)
        sentence = self.text[self.layout.starts[n] : pos] if n >= 0 else ""
        if self._opening_country(sentence) == self.home:
            return True
        # "LONDON — The foreign secretary, Rachel Osei, summoned China's ambassador": the
        # datelined sentence opens on the office, before any other country is named
        datelined = DATELINE.match(self.text, lo) is not None and lo <= self.layout.starts[n]
        first = n == 0 or self.layout.starts[n - 1] < lo
        # "Foreign Minister Yusuf Tuggar told the envoy …, Tuggar also asked London": a bare
        # office opening a paragraph of a datelined story is the dateline country's, whatever
        # the paragraph names after it
        # (after a phrase setting the scene: "In a speech to the Bundestag, Foreign Minister")
        core = SCENE_OPENING.sub("", sentence, count=1)
        opens = OPENS_ON_OFFICE.fullmatch(core) is not None or (
            bool(core.strip()) and national_office(core.strip().lower())
        )  # "Opposition foreign affairs spokesman Daniel Keane"
        if not opens and sentence.lstrip()[:1] in "\"“'‘" and n >= 0:
            # '"Our patience has limits," Defence Minister Khalid Mehmood said': the office
            # right after the words it opens on
            after = self.layout.unquoted(self.layout.starts[n], pos).lstrip(" ,—–-")
            opens = OPENS_ON_OFFICE.fullmatch(after) is not None
        if VISITING.search(sentence):
            return False  # "Visiting Foreign Minister …", "her counterpart …"
        if (datelined or opens) and first:
            return not self.officials.countries_in(self._without_people(sentence))
        # "Critics … said …. Interior Minister Kipchumba Murkomen rejected that. Haiti, he
        # said, …": later in the paragraph too, when nothing before it names another country
        before = self._without_people(self.layout.unquoted(lo, pos))
        return opens and self.officials.countries_in(before) <= {self.home}

    def _last_persons_country(self, pos: int, sex: str) -> str | None:
        """The country of the person of that sex named last before `pos`, if it is known."""
        other = "f" if sex == "m" else "m"
        last = self._named_last(pos, lambda e: e.kind == PERSON and e.votes[sex] >= e.votes[other])
        return last.country if last is not None else None

    def community_of_a_place(self, name: str) -> str | None:
        """'English Montreal School Board', 'Irish Boston Society': a nationality word then a
        city or province of another country names a community there, in that country."""
        words = name.split()
        if len(words) < 3 or self.officials.demonym(words[0]) is None:
            return None
        for place in (" ".join(words[1:3]), words[1]):
            if place in REGION_WORDS:
                continue  # "Canadian Coast Guard": Tanzania's and Kenya's "Coast" is no one's
            found = (city_country(place) if is_city(place) else None) or subdivision_country(place)
            if found:
                return found if found != self.officials.demonym(words[0]) else None
        return None

    def placed_in(self, pos: int) -> str | None:
        """The country of the place the sentence at `pos` opens on, just before `pos` or
        before title words there: 'In Tehran, the foreign ministry said …', 'In Washington,
        Treasury Secretary Scott Bessel said …'."""
        n = self.layout.sentence_of(pos)
        if n < 0:
            return None
        m = PLACED_IN.fullmatch(self.text, self.layout.starts[n], pos)
        if m is None:
            m = PLACED_IN.match(self.text, self.layout.starts[n])
            if m is None:
                return None
            office = self.text[m.end() : pos].strip().lower()  # "government spokesman"
            if not (OPENS_ON_OFFICE.fullmatch(self.text, m.end(), pos) or national_office(office)):
                return None
        return self.officials.country_in(m[1])

    def _body_placed_in(self, pos: int) -> str | None:
        """A national body's country: the place its sentence opens on ("In New Delhi, the
        Ministry of External Affairs said"), else the dateline's when the paragraph is at home."""
        n = self.layout.sentence_of(pos)
        if n >= 0 and (m := PLACED_IN.match(self.text, self.layout.starts[n])) is not None:
            if re.fullmatch(r"(?:[Tt]he\s)?", self.text[m.end() : pos]):
                return self.officials.country_in(m[1])
        return self.home if self.at_home(pos) else None

    def _body_a_spokesperson_speaks_for(self, pos: int) -> Entity | None:
        """'The European Commission said it would study both positions. A spokeswoman, Anna
        Itkonen, said …': the body the sentence before opens on, when it is no state's."""
        if not A_SPOKESPERSON.search(self.text, max(0, pos - 30), pos):
            return None
        return self.body_opening_before(pos)

    def body_opening_before(self, pos: int) -> Entity | None:
        """The body, no state's, the sentence before `pos` opens on ("The Polisario Front,
        which …, condemned the deal. Its representative …")."""
        n = self.layout.sentence_of(pos)
        if n < 1:
            return None
        name = _opening_name(self.text[self.layout.starts[n - 1] : pos].lstrip())
        if name is None or self.officials.country_in(name) is not None:
            return None
        body = self.find(name, self.layout.starts[n - 1])
        return body if body is not None and body.kind == ORGANISATION else None

    def _the_countrys(self, pos: int) -> str | None:
        """'Sudan called for talks. Its acting foreign minister, Ali Youssef, said …', 'The
        country's water minister, Habtamu Itefa': the country the sentence before opens on,
        else the first it names ("The talks were hosted by Switzerland. Its foreign …";
        "Georgia's ruling party welcomed the Hungarian position. Its chairman" is Georgian)."""
        its = THE_COUNTRYS.search(self.text, max(0, pos - 80), pos)
        layout = self.layout
        n = layout.sentence_of(pos)
        if (
            its is None
            and n >= 0
            and (joined := JOINED_ITS.search(self.text, layout.starts[n], pos))
        ):
            # "Ukraine's foreign ministry rejected it, and its spokesman, X, said": the
            # sentence's own opening
            return self._opening_country(self.text[layout.starts[n] : joined.start()].lstrip())
        if not its and not A_SPOKESPERSON.search(self.text, max(0, pos - 30), pos):
            return None
        if n < 1:
            return None
        before = self.text[layout.starts[n - 1] : layout.starts[n]].lstrip()
        if not its:  # "Germany's foreign ministry called it regrettable. A spokesperson, …"
            return self._opening_country(before)
        subject = " ".join(before.split()[:6])
        if NOT_A_STATE.search(subject) and not self.officials.country_in(subject):
            return None  # "The West African bloc, ECOWAS, … sanctions on Niger …. Its …"
        return self._opening_country(before) or self.officials.country_in(before)

    def _opening_country(self, sentence: str) -> str | None:
        """The country a sentence opens on: "Iran's delegation …", "The Kremlin …" (none)."""
        found = self.opening_state(sentence)
        return found[1] if found else None

    def opening_state(self, sentence: str) -> tuple[str, str] | None:
        """The country, capital or body a sentence opens on, as printed and as a country:
        "Beijing rejects that account." is ("Beijing", "CN")."""
        name = _opening_name(sentence)
        country = self.officials.country_in(name) if name else None
        run = WHOLE_OPENING.match(sentence)
        if name and country and run is not None and run[1] != name:
            # "The Kenya Red Cross deployed teams. Its spokesman said": the body, whole (not
            # "Kenya Red"), when the article names it
            body = self.find(run[1], 0)
            if body is not None and body.kind == ORGANISATION:
                return run[1], body.country or country
        if name and country is None and " and " in name:
            # "Canada and the European Union signed …": the one state beside a body of states
            # (not "Thailand and Cambodia agreed …", two states)
            state, other = name.split(" and ", 1)
            country = self.officials.country_in(state)
            if self.officials.country_in(other.removeprefix("the ")) is None:
                return (state, country) if country else None
            return None
        return (name, country) if name and country else None

    def _country_introduced(self, pos: int) -> str | None:
        """'Iran's delegation struck a different note. Deputy Foreign Minister Dariush
        Kamranpour said …': the country the sentence before opens on, in the same paragraph,
        is the bare title's."""
        layout, text = self.layout, self.text
        n = layout.sentence_of(pos)
        if n < 1:
            return None
        # the sentence before, or the paragraph's first sentence when the paragraph names
        # no other country ("France's interior ministry rejected the criticism. '…,' an
        # official said. Interior Minister Gérard Lemaire later said …")
        para = text.rfind("\n", 0, pos) + 1
        first = next((k for k in range(n, -1, -1) if layout.starts[k] <= para), n)
        whole = layout.starts[n - 1] >= para  # the sentence before is in this paragraph
        tried = [n - 1] if whole else []
        if first < n - 1:
            tried.append(first)
        for k in tried:
            start = layout.starts[k] if k == n - 1 else max(layout.starts[k], para)
            before = text[start : layout.starts[k + 1]]
            if k == n - 1 and (answer := ANSWER_FROM.search(before) or MESSAGE_FROM.match(before)):
                return self.officials.country_in(answer[1])  # "… a cautious response from India."
            if k == first and (people := PEOPLE_IN.match(before)):
                return self.officials.country_in(people[1])  # "Some in Seoul were unimpressed."
            scope = before if k == n - 1 else text[start:pos]
            if k == n - 1 and (aside := OPENING_ASIDE.match(scope)):
                # "India, one of the largest buyers of Russian oil, also signalled caution."
                scope = scope[: aside.end(1)] + scope[aside.end() :]
            countries = self.officials.countries_in(scope)
            named = self._opening_country(before) if len(countries) == 1 else None
            if named is None and len(countries) == 1 and (place := PLACE_OPENING.match(before)):
                named = self.officials.country_in(place[1])  # "Back in London, …"
            if named in countries:
                return named
            if k == n - 1 and self._same_body(before, pos):
                return self._opening_country(before) or self._opening_body(before)
            if k == n - 1 and (body := self._opening_body(before)) and countries <= {body}:
                return body  # "The White House said …. National security spokesman X"
        return None

    def _spokesperson_of_the_body_before(self, role: str, pos: int) -> str | None:
        """The country of the body the sentence before opens on, for a spokesperson whose
        title names that kind of body ("Embassy spokesman", "Ministry spokeswoman")."""
        words = set(role.split())
        n = self.layout.sentence_of(pos)
        if n < 1 or not (words & BODY_TITLES and words & SPOKES_WORDS):
            return None
        before = self.text[self.layout.starts[n - 1] : self.layout.starts[n]]
        if not self._same_body(before, pos):
            return None
        return self._opening_country(before) or self._opening_body(before)

    def _sentence_opens_on(self, pos: int) -> str | None:
        """ "Iran is represented by Deputy Foreign Minister Reza Farahani": the country the
        sentence opens on, when it names no other before the title (and no one's words: in
        "Belgium failed …, said Ralf Jäger, the minister" Belgium is what he spoke of)."""
        n = self.layout.sentence_of(pos)
        if n < 0:
            return None
        before = self.layout.unquoted(self.layout.starts[n], pos)
        if before != self.text[self.layout.starts[n] : pos] or mentions_speech(before):
            return None
        country = self._opening_country(before.lstrip())
        if country is None or not self.officials.countries_in(before) <= {country}:
            return None
        return country

    def _opening_body(self, sentence: str) -> str | None:
        """The country of the known government body a sentence opens on: "The Kremlin
        dismissed the suggestion." is RU (a body, not a country, so not `_opening_country`)."""
        name = _opening_name(sentence)
        body = self.officials.find(name) if name else None
        return body.country if body is not None and body.kind in SPEAKING_BODIES else None

    def _same_body(self, before: str, pos: int) -> bool:
        """ "South Korea's unification ministry said …. Ministry spokesman Koo said …": the
        title names the body the sentence before opens on, whatever else that sentence names."""
        opening = set(re.findall(r"[a-z]+", " ".join(before.split()[:6]).lower())) & BODY_TITLES
        title = title_before(self.text, pos).lower()
        if title in SPOKES_WORDS and (self._opening_country(before) or self._opening_body(before)):
            return True  # "China's coast guard said …. In a statement, spokesman Gan Yu said"
        return bool(opening & set(re.findall(r"[a-z]+", title)))

    def _ministers_ministry(self, pos: int) -> str | None:
        """ "The Saudi investment ministry did not respond. … Investment Minister Khalid Amin
        said …": the country of the ministry of the bare title's portfolio that the sentence
        before opens on, even in the paragraph before, and whatever the dateline."""
        n = self.layout.sentence_of(pos)
        title = set(re.findall(r"[a-z]+", title_before(self.text, pos).lower()))
        if n < 1 or "minister" not in title:
            return None
        before = self.text[self.layout.starts[n - 1] : self.layout.starts[n]]
        opening = re.findall(r"[a-z]+", " ".join(before.split()[:5]).lower())
        if "ministry" not in opening:
            return None
        portfolio = title - MINISTER_WORDS
        if portfolio and portfolio <= set(opening[: opening.index("ministry")]):
            return self._opening_country(before)
        return None

    def _listed_after(self, pos: int) -> tuple[Entity, bool] | None:
        """ "Japanese Foreign Minister Aiko Ueda and Defence Minister Kenji Mori": the person
        of a known country a bare title is listed after, and whether it names the same office
        (counterparts: "US Secretary of State X and Foreign Minister Y") or another one
        (colleagues in that government)."""
        listed = LISTED_AFTER.search(self.text, max(0, pos - 80), pos)
        if listed is None or (theirs := office_kind(listed[1])) is None:
            return None
        for e in [e for e in self.entities.values() if e.kind == PERSON and e.country]:
            for at in e.positions:
                if at < listed.start() and PRINTED_NAME.fullmatch(self.text, at, listed.start()):
                    ours = office_kind(e.role)
                    return (e, ours == theirs) if ours else None
        return None

    def _role_country(self, role: str, pos: int, holder: Entity) -> str | None:
        """The country a printed title names; for "Moreira Lima's spokesman", the country of
        the person whose spokesman he is (not Peru's, for the "Lima" in a name)."""
        if (owned := PERSONS_OWN.fullmatch(role)) is not None:
            owner = self.find(owned[1], pos)
            if owner is not None and owner is not holder and owner.kind == PERSON:
                if INTERNATIONAL_OFFICE.search(owned[1]) or self.international(owner):
                    return None  # "Secretary-General António Guterres' spokesman": the UN's
                return owner.country or self._role_country(owned[2], pos, holder)
        found = self.officials.home_country(role)
        if found is None and (found := self.body_country(role)) is not None:
            # a body named with no country word ("Foreign Office") may be another country's:
            # "In Islamabad, Foreign Office spokesperson X" is Pakistan's (in a story filed
            # from the body's own country, its minister abroad is still its own)
            placed = self.placed_in(pos) if self.home != found else None
            found = placed if placed is not None else found
        found = found or self.the_bodys(role, pos)
        if found is None and LOCAL_OFFICE.search(role.lower()):  # "governor of the Kharkiv region"
            here = self.home_city
            # "Windsor Mayor Drew Dilkens" under "WINDSOR, Ont. —": that Windsor's
            local = here is not None and re.search(rf"\b{re.escape(here)}\b", role, re.I)
            found = self.home if local else _local_country(role)
        if found is None and (kin := SOMEONE_OF.search(role)) is not None:
            # "the powerful sister of leader Kim Jong Un": his country
            known = self.officials.find(kin[1])
            owner = self.find(kin[1], pos)
            if known is not None and INTERNATIONAL_OFFICE.search(known.role or ""):
                return None  # "a spokesman for Secretary-General António Guterres" is the U.N.'s
            if owner is not None and self.international(owner):
                return None
            if owner is not None and owner is not holder and owner.kind == PERSON:
                return owner.country or (known.country if known else None)
            return known.country if known and known.kind == "person" else None
        return found

    def aides_country(self, whose: str, pos: int, aide: Entity) -> str | None:
        """The country of the aide of `whose` (a person or a body): the person's, unless they
        hold an international office; the body's."""
        owner = self.find(whose, pos)
        if owner is not None and owner is not aide and owner.kind == PERSON:
            if INTERNATIONAL_OFFICE.search(whose) or self.international(owner):
                return None
            return owner.country
        return self.officials.home_country(whose) or self.body_country(whose)

    def international(self, person: Entity) -> bool:
        """Whether a person holds an international office (officials.toml's, or printed:
        "NATO Secretary-General Mark Rutte"): their aides speak for the body, not a country."""
        official = self.officials.find(person.name)
        printed = title_before(self.text, min(person.positions)) if person.positions else ""
        return any(
            INTERNATIONAL_OFFICE.search(role)
            for role in (official.role or "" if official else "", printed)
        )

    def the_bodys(self, role: str, pos: int) -> str | None:
        """ "the department's spokeswoman" after "a State Department spokesperson said": the
        country of the body last named with that word."""
        m = THE_BODYS.match(role)
        if m is None:
            return None
        word = (m[1] or m[2]).lower()
        last = self._named_last(
            pos, lambda e: e.kind == ORGANISATION and _head_word(e.name) == word
        )
        if last is not None:
            return last.country
        # a body no name was given: "Colombia's government", "China's coast guard"
        # ("the Haiti mission" is a mission to Haiti; "Kenya's mission" is Kenya's)
        owned = "['’]s" if word in SENT_ABROAD else "(?:['’]s)?"
        owners = re.findall(
            rf"\b([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?){owned}(?:\s[a-z]{{3,20}})?\s{word}\b",
            self.text[max(0, pos - 1500) : pos],
        )
        countries = (self.officials.country_in(owner) for owner in reversed(owners))
        return next((country for country in countries if country), None)

    def _named_last(self, pos: int, wanted: Callable[[Entity], bool]) -> Entity | None:
        """Of the entities `wanted`, the one whose mention before `pos` is the latest."""
        named = [
            (max(p for p in e.positions if p < pos), e)
            for e in self.entities.values()
            if wanted(e) and any(p < pos for p in e.positions)
        ]
        return max(named, key=lambda item: item[0])[1] if named else None

    def heads_country(self, body: str, pos: int) -> str | None:
        """ "Defence Minister Ali Khan said …. The ministry added …": the country of the
        person heading that kind of body ("minister" for a ministry, "ambassador" for an
        embassy) named in the sentence at `pos` or the one before, if there is one."""
        title = BODY_HEADS.get(body)
        n = self.layout.sentence_of(pos)
        if title is None or n < 0:
            return None
        since = self.layout.starts[max(0, n - 1)]
        last = self._named_last(pos, lambda e: e.kind == PERSON and title in e.role.split())
        if last is None or max(p for p in last.positions if p < pos) < since:
            return None
        return last.country

    def body_country(self, role: str) -> str | None:
        """'State Department spokesman': the country of a known government body in a title."""
        for _, alias in self.officials.mentions(role, 0, len(role)):
            body = self.officials.find(alias)
            if body is not None and body.kind in SPEAKING_BODIES and body.country:
                return body.country
        return None


def _opening_name(sentence: str) -> str | None:
    """The one or two capitalised words a sentence opens on, without "The" or an "'s"."""
    opening = OPENING.match(sentence)
    return re.sub(r"['’]s$", "", opening[1]) if opening else None


def _head_word(name: str) -> str:
    """What a body's name calls it: 'board' for "Parole Board of Canada"."""
    return re.split(r"\s(?:of|for)\s", name)[0].split()[-1].lower()


def _office_word(role: str) -> str | None:
    """The last word of a printed role that names an office ("senator", "envoy")."""
    return next((w for w in reversed(role.split()) if names_an_office(w)), None)
