"""Resolve a speaker phrase to a canonical speaker within the article.

Names go to the full name the article (or officials.toml) gives; pronouns to the most recent
person speaker; titles and descriptions ("the Russian minister", "the expert") to the person
whose printed titles and country fit best, most recent first; groups stay groups.
"""

import re
from dataclasses import dataclass

from app.extract.speakers.lexicon import MEDIA_NOUNS
from app.extract.speakers.mentions import Mention, group_name
from app.extract.speakers.officials import Officials
from app.extract.speakers.registry import Entity, Registry

PRONOUN_REACH = 3000  # characters back a "he" may reach for its antecedent
DESCRIPTION_REACH = 300  # "the 34-year-old" with no title to match: the person just named
AGE = re.compile(r"\b(\d{1,3})-year-old\b")
GENERIC_BODIES = frozenset("company firm group organisation organization agency".split())
ROLE_CLASSES = (
    frozenset("diplomat diplomacy foreign secretary minister envoy ambassador chancellor".split()),
    frozenset("president leader head premier prime chancellor king ruler".split()),
    frozenset(
        "parliamentarian lawmaker legislator representative congressman congresswoman "
        "senator mp deputy politician".split()
    ),
    frozenset("expert analyst scholar professor researcher director economist specialist".split()),
    frozenset("official officer spokesman spokeswoman spokesperson representative".split()),
)


@dataclass
class Resolved:
    speaker: str | None
    country: str | None
    role: str | None
    certainty: float  # how sure the resolution step is, 0-1


@dataclass
class _Said:
    pos: int
    speaker: str
    country: str | None
    is_person: bool


class Resolver:
    """Stateful over one article: call `resolve` in reading order."""

    def __init__(self, registry: Registry, officials: Officials):
        self.registry = registry
        self.officials = officials
        self.history: list[_Said] = []

    def remember(self, pos: int, res: Resolved, is_person: bool) -> None:
        if res.speaker:
            self.history.append(_Said(pos, res.speaker, res.country, is_person))

    def last_speaker(self, pos: int, person: bool = True) -> _Said | None:
        for said in reversed(self.history):
            if said.pos <= pos and (said.is_person or not person):
                return said if pos - said.pos <= PRONOUN_REACH else None
        return None

    def resolve(self, mention: Mention) -> tuple[Resolved, bool]:
        """(resolution, speaker is a person)."""
        if self._is_dateline(mention):  # "SEOUL, 3 April 2025 — …" names no speaker
            return Resolved(None, None, None, 0.3), False
        if mention.kind == "pronoun":
            return self._pronoun(mention), True
        if mention.kind == "name" and mention.name:
            return self._name(mention)
        if mention.kind == "group":
            return self._group(mention), False
        return self._description(mention)

    def _is_dateline(self, mention: Mention) -> bool:
        """An all-capitals place opening a paragraph and followed by a dash."""
        text = getattr(self.registry, "text", "")
        if not text or not mention.text.isupper() or len(mention.text) < 3:
            return False
        line_start = text.rfind("\n", 0, mention.start) + 1
        if text[line_start : mention.start].strip(" \t#*>"):
            return False
        return bool(re.match(r"[^\n—–]{0,40}?\s[—–-]\s", text[mention.end : mention.end + 50]))

    def _entity_result(self, e: Entity, certainty: float, mention: Mention) -> Resolved:
        country = e.country or self.officials.country_in(mention.text)
        return Resolved(e.name, country, e.title, certainty)

    def _name(self, mention: Mention) -> tuple[Resolved, bool]:
        entity = self.registry.find(mention.name, mention.start)
        if entity is None:
            entity = self.registry.note(mention.name, mention.start, mention.text)
            if mention.text.lower().startswith("the ") and " " not in mention.name.strip():
                entity.kind = "org"  # "the North", "the Alliance": a place or body, not a person
        # An outlet named as the source is often only the channel of someone unnamed.
        certainty = 0.7 if entity.kind == "media" else 0.95
        return self._entity_result(entity, certainty, mention), entity.kind == "person"

    def _pronoun(self, mention: Mention) -> Resolved:
        if mention.head in ("he", "she"):
            said = self.last_speaker(mention.start)
            newcomer = self._named_in_paragraph_since(said, mention.start)
            if newcomer is not None:  # "X joined the appeal. '…,' she said" means X
                return self._entity_result(newcomer, 0.7, mention)
            if said:
                return Resolved(said.speaker, said.country, None, 0.8)
            persons = self.registry.persons_before(mention.start)
            if persons:
                e = max(persons, key=lambda p: max(x for x in p.positions if x < mention.start))
                return self._entity_result(e, 0.6, mention)
        elif mention.head in ("they", "we"):
            said = self.last_speaker(mention.start, person=False)
            if said and not said.is_person:
                return Resolved(said.speaker, said.country, None, 0.6)
        return Resolved(None, None, None, 0.3)

    def _named_in_paragraph_since(self, said: "_Said | None", pos: int) -> Entity | None:
        """The one other person named earlier in the pronoun's paragraph, after the last speaker."""
        text = self.registry.text
        start = max(text.rfind("\n", 0, pos) + 1, said.pos if said else 0)
        named = [
            e
            for e in self.registry.persons_before(pos)
            if any(start <= p < pos for p in e.positions) and (not said or e.name != said.speaker)
        ]
        return named[0] if len(named) == 1 else None

    def _group(self, mention: Mention) -> Resolved:
        country = self.officials.country_in(mention.text)
        if mention.head in MEDIA_NOUNS and not mention.name:
            media = self.registry.last_media_before(mention.start)
            if media:
                return Resolved(media.name, media.country, None, 0.8)
        if mention.name:
            known = self.officials.find(mention.name)
            if known:
                return Resolved(known.name, known.country, None, 0.9)
        elif country is None and (named := self._last_group_like(mention)) is not None:
            return Resolved(named.speaker, named.country, None, 0.7)  # "the ministry" again
        return Resolved(group_name(mention), country, None, 0.75)

    def _last_group_like(self, mention: Mention) -> "_Said | None":
        """The body that spoke last whose name ends in this bare group's head word:
        'Japan's foreign ministry said …  The ministry added …'."""
        for said in reversed(self.history):
            if said.pos > mention.start or mention.start - said.pos > PRONOUN_REACH:
                continue
            if said.is_person:
                continue
            if said.speaker.lower().split()[-1:] == [mention.head]:
                return said
            if mention.head in GENERIC_BODIES and mention.start - said.pos <= DESCRIPTION_REACH:
                return said  # "Acme Foods said …  The company added …"
        return None

    def _description(self, mention: Mention) -> tuple[Resolved, bool]:
        words = set(re.findall(r"[a-z]+", mention.text.lower()))
        if mention.head in MEDIA_NOUNS:
            media = self.registry.last_media_before(mention.start)
            if media:
                return self._entity_result(media, 0.8, mention), False
        if mention.text.lower().startswith(("a ", "an ")):
            country = self.officials.country_in(mention.text)
            return Resolved(group_name(mention), country, None, 0.7), True
        best = self._best_person(mention, words)
        if best is not None:
            return self._entity_result(best, 0.75, mention), True
        return Resolved(
            group_name(mention), self.officials.country_in(mention.text), None, 0.4
        ), False

    def _best_person(self, mention: Mention, words: set[str]) -> Entity | None:
        found = self._score_persons(mention, words, self.registry.persons_before(mention.start))
        if found is None:  # "…, the expert recalled" before the expert is named
            later = [e for e in self.registry.entities.values() if e.kind == "person"]
            found = self._score_persons(mention, words, later, need_role=True)
        return found

    def _score_persons(
        self, mention: Mention, words: set[str], persons: list[Entity], need_role: bool = False
    ) -> Entity | None:
        country = self.officials.country_in(mention.text)
        age = AGE.search(mention.text)
        recent = {s.speaker: n for n, s in enumerate(self.history)}
        scored = []
        for e in persons:
            if country and e.country and country != e.country:
                continue
            if age and (printed := AGE.search(e.role)) and printed.group(1) != age.group(1):
                continue  # "the 34-year-old" is not the 52-year-old named before
            role_words = set(re.findall(r"[a-z]+", e.role))
            score = 2.0 * len(
                words & role_words - {"the", "of", "a", "an", "former", "year", "old"}
            )
            score += 3.0 if age and AGE.search(e.role) else 0.0
            score += sum(1 for c in ROLE_CLASSES if words & c and role_words & c)
            if need_role and score == 0:
                continue
            score += 1.0 if country and country == e.country else 0.0
            score += 0.5 if e.name in recent else 0.0
            last = max((p for p in e.positions if p < mention.start), default=-1)
            scored.append((score, recent.get(e.name, -1), last, e))
        if not scored:
            return None
        scored.sort(key=lambda x: x[:3], reverse=True)
        role_noun = any(mention.head in c for c in ROLE_CLASSES)
        if scored[0][0] > 0.5 or need_role or role_noun:
            return scored[0][3] if scored[0][0] > 0 else None
        # no title or country to go on: the person named most recently, if close by
        closest = max(scored, key=lambda x: x[2])
        if mention.start - closest[2] <= DESCRIPTION_REACH:
            return closest[3]
        return scored[0][3] if scored[0][0] > 0 else None
