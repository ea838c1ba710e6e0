"""A person, organisation, outlet or place an article names: its canonical name, kind,
country, the titles printed around it, where it is mentioned and how surely it is a person,
and its gender from the article's evidence and its first name."""

import re
from dataclasses import dataclass, field

from app.extract.speakers import gender as genders
from app.extract.speakers.names import NAME_SUFFIXES, normalise_name

FIRST_NAME_VOTES = 2.5


# Countries whose names English news prints family name first (Japan's it usually reverses).
FAMILY_NAME_FIRST = frozenset("CN KP KR VN TW HK MO".split())


def without_suffix(words: list[str]) -> list[str]:
    """A name's words without "Jr." or "III": "Harry B. Harris Jr." is Admiral Harris."""
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words = words[:-1]
    return words


@dataclass
class Entity:
    name: str  # canonical
    country: str | None
    role: str  # titles and descriptions printed around the name, lowercase
    kind: str  # typing.PERSON, ORGANISATION, OUTLET or PLACE
    title: str | None = None  # the office officials.toml gives, e.g. "Foreign Minister"
    positions: list[int] = field(default_factory=list)
    events: list[tuple[int, float]] = field(default_factory=list)  # salience (pos, weight)
    votes: dict[str, float] = field(default_factory=genders.no_votes)
    evidence: float = 0.0  # how surely a person: a known first name, a title, an age, …
    given_alone: bool = False  # a given name printed alone ("Pauline"), not a surname

    @property
    def surname(self) -> str:
        words = normalise_name(self.name).split()
        return without_suffix(words)[-1] if words else ""

    @property
    def gender(self) -> str | None:
        """From the article's evidence, else from the first name; None if unknown."""
        male, female = self._gender_votes()
        if male == female:
            return None
        return genders.MALE if male > female else genders.FEMALE

    @property
    def gender_settled(self) -> bool:
        """More than a name mostly given to one sex says so ("Morgan" is mostly a man's)."""
        male, female = self._gender_votes()
        return abs(male - female) > FIRST_NAME_VOTES * genders.MOSTLY_CERTAINTY

    def _gender_votes(self) -> tuple[float, float]:
        male, female = self.votes[genders.MALE], self.votes[genders.FEMALE]
        words = self.name.split()
        owned = re.search(r"['’]s\s", self.name)  # "Harry Harris's mother": not Harry
        if words[0].lower() in ("the", "a", "an") or owned:  # unnamed: "The man in the video"
            sex = genders.described_sex(self.name[owned.end() :].split() if owned else words)
            return male + FIRST_NAME_VOTES * (sex == genders.MALE), female + FIRST_NAME_VOTES * (
                sex == genders.FEMALE
            )
        # a given name weighs as much as a Mr or Ms printed before it; not when the name is
        # in East Asian order ("Kim Yong-chol", "Kim Jong Un": "Kim" is the family name there)
        first = words[0]
        if len(words) > 2 and not genders.is_first_name(first):
            first = words[1]  # "Luiz Inácio Lula da Silva": the second given name tells
        given = genders.first_name_gender(first) if len(words) > 1 or self.given_alone else None
        if given is not None and "-" not in words[-1] and self.country not in FAMILY_NAME_FIRST:
            weight = FIRST_NAME_VOTES * genders.first_name_certainty(first)
            male += weight * (given == genders.MALE)
            female += weight * (given == genders.FEMALE)
        return male, female
