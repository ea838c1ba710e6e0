"""One synthetic article: headline, byline, dateline and paragraphs mixing narration with direct,
indirect and mixed quotes, each quote's offsets into the text known exactly."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bench import prose
from bench.names import country_name

if TYPE_CHECKING:
    from bench.corpus import Speaker, Topic, World

MARKS = (("“", "”"), ("“", "”"), ('"', '"'))
# How a named speaker's quote is printed, with relative frequency.
FORMS = (("after", 40), ("colon", 12), ("that", 28), ("mixed", 13), ("according", 7))


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: str
    confidence: float
    sentence_start: int
    sentence_end: int
    speaker: Speaker | None
    mention: str | None  # the speaker as printed
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    title: str
    author: str
    outlet: str
    published: date
    text: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class _Said:
    """A sentence holding one quote at sentence[start:end]."""

    sentence: str
    start: int
    end: int
    kind: str
    cue: str
    speaker: Speaker | None
    mention: str | None


def compose(world: World, rng: random.Random) -> Article:
    """A ~700-word article with 4-11 quotes by 2-5 speakers on one or two topics."""
    main, second = world.subjects(rng)
    places = rng.sample(world.places, 2)
    title = prose.fill(
        rng,
        rng.choice(prose.HEADLINES),
        kw=rng.choice(main.keywords),
        place=places[0],
        place2=places[1],
    )
    author, outlet, day = rng.choice(world.authors), rng.choice(world.outlets), world.day(rng)
    writer = _Writer(world, rng, (main, second), world.cast(rng, rng.randint(2, 5)))
    writer.write(
        f"{title}\n\nBy {author} | {outlet}\nPublished {day.day} {day:%B %Y}\n\n"
        f"{rng.choice(prose.DATELINES)} — "
    )
    writer.body(quotes=rng.randint(4, 11), words=rng.randint(600, 800))
    return Article(title, author, outlet, day, "".join(writer.parts), tuple(writer.quotes))


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


class _Writer:
    """Appends text while keeping count of offsets, words and the quotes written."""

    def __init__(
        self, world: World, rng: random.Random, topics: tuple[Topic, Topic], cast: list[Speaker]
    ):
        self.world, self.rng, self.topics, self.cast = world, rng, topics, cast
        self.lq, self.rq = rng.choice(MARKS)
        self.parts: list[str] = []
        self.size = self.words = 0
        self.quotes: list[Quote] = []
        self.introduced: set[int] = set()
        self.last: Speaker | None = None

    def write(self, text: str) -> int:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        self.words += len(text.split())
        return start

    def body(self, quotes: int, words: int) -> None:
        """Paragraphs until both the quotes and the words are written, quotes spread evenly."""
        separator = ""  # the first paragraph follows the dateline
        while quotes > 0 or self.words < words:
            self.write(separator)
            separator = "\n\n"
            paragraphs_left = max(1.0, (words - self.words) / 30)
            # about 1.3 quotes a quoting paragraph, counting follow-ups
            quotes -= self.paragraph(quotes, min(1.0, quotes / 1.3 / paragraphs_left))

    def paragraph(self, quotes_left: int, chance: float) -> int:
        """Narration with perhaps a quote (and a follow-up); returns the quotes written."""
        rng = self.rng
        plan = ["narrate"] * rng.randint(1, 2)
        if quotes_left and rng.random() < chance:
            at = rng.randint(0, len(plan))
            follow = quotes_left > 1 and rng.random() < 0.3
            plan[at:at] = ["quote", "follow"] if follow else ["quote"]
        else:
            plan.append("narrate")
        for n, step in enumerate(plan):
            if n:
                self.write(" ")
            if step == "narrate":
                self.write(self.narration())
            else:
                self.quote(follow=step == "follow")
        return len(plan) - plan.count("narrate")

    def narration(self) -> str:
        return prose.fill(self.rng, self.rng.choice(prose.NARRATION), **self.fixed(self.topics[0]))

    def fixed(self, topic: Topic, speaker: Speaker | None = None) -> dict[str, str]:
        female = speaker is not None and speaker.female
        return {
            "kw": self.rng.choice(topic.keywords),
            "place": self.rng.choice(self.world.places),
            "pro": "she" if female else "he",
            "pos": "her" if female else "his",
            "lq": self.lq,
            "rq": self.rq,
        }

    def quote(self, follow: bool) -> None:
        rng = self.rng
        topic = self.topics[0] if rng.random() < 0.75 else self.topics[1]
        if follow and self.last is not None:
            said = self.pronoun(self.last, self.fixed(topic, self.last))
        elif rng.random() < 0.065:
            said = self.anonymous(self.fixed(topic))
        else:
            speaker = rng.choice(self.cast)
            form = rng.choices([f for f, _ in FORMS], [w for _, w in FORMS])[0]
            said = getattr(self, form)(speaker, self.fixed(topic, speaker))
        self.add(said, topic)

    def add(self, said: _Said, topic: Topic) -> None:
        base = self.write(said.sentence)
        text = said.sentence[said.start : said.end]
        self.quotes.append(
            Quote(
                text,
                base + said.start,
                base + said.end,
                said.kind,
                said.cue,
                self.confidence(said),
                base,
                base + len(said.sentence),
                said.speaker,
                said.mention,
                self.tags(text, topic),
            )
        )
        self.last = said.speaker

    def tags(self, text: str, topic: Topic) -> tuple[str, ...]:
        """The topic whose keyword the quote uses (sometimes the other one too); else maybe
        the article's main topic, as a tagger reading the paragraph would."""
        other = self.topics[1] if topic is self.topics[0] else self.topics[0]
        if any(word in text for word in topic.keywords):
            both = other is not topic and self.rng.random() < 0.2
            return (topic.id, other.id) if both else (topic.id,)
        return (self.topics[0].id,) if self.rng.random() < 0.5 else ()

    def confidence(self, said: _Said) -> float:
        low, high = {"direct": (0.85, 0.99), "mixed": (0.7, 0.92)}.get(said.kind, (0.6, 0.9))
        if said.speaker is None or said.mention in ("he", "she"):
            low, high = low - 0.2, high - 0.1
        return round(self.rng.uniform(low, high), 3)

    def mention(self, speaker: Speaker) -> tuple[str, str]:
        """How this sentence names the speaker, and the name part as printed."""
        if speaker.id in self.introduced:
            return speaker.family, speaker.family
        self.introduced.add(speaker.id)
        alias = self.rng.choice(speaker.aliases)
        title = speaker.role
        if self.rng.random() < 0.6:
            title = f"{_possessive(country_name(speaker.country))} {title}"
        return f"{title} {alias}", alias

    def after(self, speaker: Speaker, fx: dict[str, str]) -> _Said:
        mention, printed = self.mention(speaker)
        quote = f"{self.lq}{prose.statement(self.rng, **fx)},{self.rq}"
        cue = self.rng.choice(prose.AFTER_CUES)
        if cue == "said" and self.rng.random() < 0.4:
            return _Said(f"{quote} said {mention}.", 0, len(quote), "direct", cue, speaker, printed)
        return _Said(f"{quote} {mention} {cue}.", 0, len(quote), "direct", cue, speaker, printed)

    def colon(self, speaker: Speaker, fx: dict[str, str]) -> _Said:
        mention, printed = self.mention(speaker)
        cue = self.rng.choice(("said", "told reporters", "said in a statement", "wrote"))
        head = f"{_cap(mention)} {cue}: "
        quote = f"{self.lq}{prose.statement(self.rng, **fx)}.{self.rq}"
        end = len(head) + len(quote)
        return _Said(head + quote, len(head), end, "direct", cue, speaker, printed)

    def that(self, speaker: Speaker, fx: dict[str, str], mixed: bool = False) -> _Said:
        mention, printed = self.mention(speaker)
        cue = self.rng.choice(prose.THAT_CUES)
        head = f"{_cap(mention)} {cue} that "
        clause = prose.reported(self.rng, mixed, **fx)
        start = len(head) - len("that ") if mixed else len(head)  # a mixed span keeps "that"
        kind = "mixed" if mixed else "indirect"
        return _Said(
            f"{head}{clause}.", start, len(head) + len(clause), kind, cue, speaker, printed
        )

    def mixed(self, speaker: Speaker, fx: dict[str, str]) -> _Said:
        return self.that(speaker, fx, mixed=True)

    def according(self, speaker: Speaker, fx: dict[str, str]) -> _Said:
        mention, printed = self.mention(speaker)
        head = f"According to {mention}, "
        clause = prose.reported(self.rng, **fx)
        end = len(head) + len(clause)
        return _Said(
            f"{head}{clause}.", len(head), end, "indirect", "according to", speaker, printed
        )

    def pronoun(self, speaker: Speaker, fx: dict[str, str]) -> _Said:
        pro = fx["pro"]
        if self.rng.random() < 0.6:
            quote = f"{self.lq}{prose.statement(self.rng, **fx)},{self.rq}"
            return _Said(f"{quote} {pro} added.", 0, len(quote), "direct", "added", speaker, pro)
        head = f"{_cap(pro)} added that "
        clause = prose.reported(self.rng, **fx)
        end = len(head) + len(clause)
        return _Said(f"{head}{clause}.", len(head), end, "indirect", "added", speaker, pro)

    def anonymous(self, fx: dict[str, str]) -> _Said:
        who = self.rng.choice(prose.ANONYMOUS)
        quote = f"{self.lq}{prose.statement(self.rng, **fx)},{self.rq}"
        return _Said(f"{quote} {who} said.", 0, len(quote), "direct", "said", None, who)
