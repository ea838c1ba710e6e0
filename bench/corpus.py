"""Deterministic synthetic news: a world of speakers, topics and outlets, and articles about it.

    world = World(seed=1)
    for number, article in world.articles(count=10):
        print(article_path(number), article.text[:80], len(article.quotes))

The same seed always gives the same speakers and the same articles, in the same order.
"""

import random
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from pathlib import Path

from app.extract.speakers.names import speaker_slug
from bench.compose import Article, compose
from bench.names import POOLS, RESPELLINGS, ROLES, Pool, country_name

TOPICS_TOML = Path(__file__).resolve().parent.parent / "app" / "data" / "topics.toml"
FIRST_DAY, DAYS = date(2016, 1, 1).toordinal(), 3653  # ten years
FAMILY_NAME_FIRST = {"chinese"}
OUTLETS = (
    "Harbour Times",
    "The Meridian Post",
    "Continental Wire",
    "Global Dispatch",
    "The Evening Ledger",
    "Atlas News Agency",
    "Northern Herald",
    "Capital Observer",
    "Pacific Courier",
    "The Daily Envoy",
    "Riverside Gazette",
    "World Affairs Review",
)
# Used when app/data/topics.toml is missing, and to add plain words where its keywords are stems.
BUILTIN_TOPICS = {
    "sanctions": ("Sanctions", ("sanctions", "embargo", "asset freezes")),
    "ukraine": ("Ukraine", ("Ukraine", "Kyiv", "Crimea")),
    "afghanistan": ("Afghanistan", ("Afghanistan", "Taliban", "Kabul")),
    "migration": ("Migration", ("migrants", "asylum", "refugees")),
    "cybersecurity": ("Cybersecurity", ("cyberattacks", "ransomware", "hackers")),
    "climate": ("Climate", ("climate", "emissions", "the Paris Agreement")),
    "trade": ("Trade", ("trade", "tariffs", "free trade")),
    "nuclear": ("Nuclear programmes", ("uranium enrichment", "the nuclear programme")),
}


@dataclass(frozen=True)
class Speaker:
    id: int
    name: str
    slug: str
    country: str
    role: str
    female: bool
    family: str  # what later mentions print
    aliases: tuple[str, ...]  # spellings as printed; the first is the name


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    keywords: tuple[str, ...]


def article_path(number: int) -> str:
    """Where article `number` lives, 1,000 to a folder: 000/000042.txt."""
    return f"{number // 1000:03d}/{number:06d}.txt"


def load_topics(path: Path = TOPICS_TOML) -> list[Topic]:
    """The app's topic taxonomy with plain keywords (no '*' stems), else the built-in list."""
    if not path.exists():
        return [Topic(tid, name, words) for tid, (name, words) in BUILTIN_TOPICS.items()]
    with open(path, "rb") as fh:
        rows = tomllib.load(fh)["topic"]
    topics = []
    for row in rows:
        words = [w for w in row["keywords"] if "*" not in w]
        words += BUILTIN_TOPICS.get(row["id"], ("", ()))[1]
        topics.append(Topic(row["id"], row["name"], tuple(dict.fromkeys(words or [row["name"]]))))
    return topics


def _respell(rng: random.Random, name: str) -> str:
    rules = [(a, b) for a, b in RESPELLINGS if a in name]
    if not rules:
        return name
    old, new = rng.choice(rules)
    return name.replace(old, new, 1)


def _aliases(rng: random.Random, name: str, given: str, family: str) -> tuple[str, ...]:
    forms = [_respell(rng, name), f"{given[0]}. {family}", _respell(rng, _respell(rng, name))]
    extra = rng.sample(forms, rng.choice((0, 0, 1, 1, 2)))
    return tuple(dict.fromkeys([name, *extra]))


def make_speakers(rng: random.Random, count: int) -> list[Speaker]:
    """`count` fictional people with a country, a role and one to three spellings."""
    pool_of = {code: (key, pool) for key, pool in POOLS.items() for code in pool.countries}
    codes = sorted(pool_of)
    roles, weights = zip(*ROLES, strict=True)
    taken: set[str] = set()
    slugs: set[str] = set()
    speakers = []
    for n in range(1, count + 1):
        country = rng.choice(codes)
        key, pool = pool_of[country]
        female = rng.random() < 0.4
        given, family = _fresh_name(rng, pool, female, key in FAMILY_NAME_FIRST, taken)
        name = f"{family} {given}" if key in FAMILY_NAME_FIRST else f"{given} {family}"
        taken.add(name)
        role = rng.choices(roles, weights)[0]
        aliases = _aliases(rng, name, given, family)
        speakers.append(
            Speaker(n, name, _free_slug(name, slugs), country, role, female, family, aliases)
        )
    return speakers


def _given_family(rng: random.Random, pool: Pool, female: bool) -> tuple[str, str]:
    return rng.choice(pool.female if female else pool.male), rng.choice(pool.family)


def _fresh_name(
    rng: random.Random, pool: Pool, female: bool, family_first: bool, taken: set[str]
) -> tuple[str, str]:
    """A name nobody has yet; when the pool runs short, a middle initial tells people apart."""
    for _ in range(20):
        given, family = _given_family(rng, pool, female)
        if (f"{family} {given}" if family_first else f"{given} {family}") not in taken:
            return given, family
    return f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}.", family


def _free_slug(name: str, taken: set[str]) -> str:
    """The name's slug, numbered when another person's name gives the same one."""
    base = slug = speaker_slug(name)
    n = 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


class World:
    """Speakers, topics, outlets and bylines drawn from one seed."""

    def __init__(self, seed: int = 1, speakers: int = 5000, topics: list[Topic] | None = None):
        rng = random.Random(f"world-{seed}")
        self.seed = seed
        self.outlets = OUTLETS
        self.speakers = make_speakers(rng, speakers)
        self.topics = topics if topics is not None else load_topics()
        self.places = [
            country_name(code) for code in sorted(c for p in POOLS.values() for c in p.countries)
        ]
        self.authors = [
            " ".join(_given_family(rng, POOLS["english"], rng.random() < 0.5)) for _ in range(60)
        ]
        # A few people are quoted very often and most rarely, as in real coverage (Zipf-like).
        self._by_prominence = rng.sample(self.speakers, len(self.speakers))
        self._speaker_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(speakers)))
        self._topic_weights = list(
            accumulate(1 / (rank + 1) ** 0.6 for rank in range(len(self.topics)))
        )

    def cast(self, rng: random.Random, size: int) -> list[Speaker]:
        picked = rng.choices(self._by_prominence, cum_weights=self._speaker_weights, k=size)
        return list(dict.fromkeys(picked))

    def subjects(self, rng: random.Random) -> tuple[Topic, Topic]:
        main, second = rng.choices(self.topics, cum_weights=self._topic_weights, k=2)
        return main, second

    def day(self, rng: random.Random) -> date:
        return date.fromordinal(FIRST_DAY + rng.randrange(DAYS))

    def articles(self, count: int | None = None) -> Iterator[tuple[int, Article]]:
        """(number, article) pairs, numbered from 0; endless when count is None."""
        rng = random.Random(f"articles-{self.seed}")
        number = 0
        while count is None or number < count:
            yield number, compose(self, rng)
            number += 1
