"""People and organisations named in an article, with the titles printed around them.

A cheap regex pass over the body text: it lets "the Russian minister" find Sergei Lavrov
("Russian Foreign Minister Sergei Lavrov") and "Lavrov" find his full name.
"""

import re
from dataclasses import dataclass, field

from app.extract.speakers.lexicon import NOT_FIRST, ORG_WORDS, ROLE_HINTS, TITLE_WORDS
from app.extract.speakers.names import normalise_name
from app.extract.speakers.officials import Officials

_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = _UP + r"[a-zß-öø-ÿ'’]+(?:-" + _UP + r"?[a-zß-öø-ÿ]+)?"
_PART = r"(?:" + _WORD + r"|" + _UP + r"\.)"
NAME = re.compile(
    r"(?<![\w.])"
    + _PART
    + r"(?:\s+(?:(?:de la|de|da|del|dos|van|von|bin|al|el|le|du)\s+)?"
    + _PART
    + r"){1,5}(?![\w])"
)


@dataclass
class Entity:
    name: str  # canonical
    country: str | None
    role: str  # titles and descriptions printed around the name, lowercase
    kind: str  # "person" | "media" | "org"
    title: str | None = None  # the office officials.toml gives, e.g. "Foreign Minister"
    positions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return normalise_name(self.name).split()[-1] if normalise_name(self.name) else ""


def _title_before(text: str, start: int) -> str:
    """The title words printed just before a name: 'US Secretary of State, ', 'Russian
    Foreign Minister ', 'political analyst ' (capitalised words and role words only)."""
    window = text[max(0, start - 160) : start]
    window = re.sub(r",\s*$", " ", window[window.rfind("\n") + 1 :])
    kept: list[str] = []
    for word in reversed(window.split()):
        bare = word.strip(',.;:()“”"')
        if bare != word.rstrip(",") or not bare:
            break
        if not (bare[0].isupper() or bare.lower() in ROLE_HINTS):
            break
        kept.append(bare)
    while kept and kept[-1].lower() in ("of", "the", "for", "at", "and"):
        kept.pop()
    titles = " ".join(reversed(kept))
    # "India's trade minister, Arvind Kesavan": a possessive country before the role words.
    m = POSSESSIVE_ROLE_BEFORE.search(window)
    if (
        m
        and len(m.group(1)) > len(titles)
        and any(w in ROLE_HINTS for w in m.group(1).lower().split())
    ):
        return m.group(1)
    return titles


# "South Korea's special representative for Korean Peninsula affairs, " before a name.
POSSESSIVE_ROLE_BEFORE = re.compile(
    r"((?:[A-Z][\w-]+\s){0,2}[A-Z][\w-]+['’]s\s+[a-z][\w -]{2,80}?),?\s*$"
)


def _title_after(text: str, end: int) -> str:
    """A following apposition (', the secretary of state,', ', a doctor at the clinic,')
    or home ('Scott Taylor of Virginia')."""
    age = re.match(r",\s+(\d{1,3}),", text[end : end + 8])
    if age:  # "Voss, 52, said": matched later by "the 52-year-old"
        return f"{age.group(1)}-year-old"
    m = re.match(
        r",\s+((?:the|a|an)\s[^,.;]{2,120}|(?:[A-Z][\w-]+\s){0,2}[A-Z][\w-]+['’]s\s"
        r"[^,.;]{2,120})[,.]"
        r"|\s+(of\s+[A-Z][\w.]+(?:\s[A-Z]\w+)?)",
        text[end : end + 160],
    )
    return (m.group(1) or m.group(2)) if m else ""


def _is_title_word(word: str) -> bool:
    low = word.lower()
    return low in ROLE_HINTS or low in TITLE_WORDS or low in ORG_WORDS or word in NOT_FIRST


def _looks_like_org(name: str) -> bool:
    words = name.lower().split()
    return any(w.strip(".") in ORG_WORDS for w in words)


class Registry:
    """Named entities of one article, in order of first mention."""

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        officials: Officials,
        quoted: list[tuple[int, int]] = (),
    ):
        """Scan text[lo:hi] for each span; names inside `quoted` stretches are skipped, as
        the people a speaker mentions are not the ones a later "he" refers to."""
        self.officials = officials
        self.text = text
        self.entities: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        for lo, hi in spans:
            for pos, alias in officials.mentions(text, lo, hi):
                if not any(a < pos < b for a, b in quoted):
                    self.note(alias, pos, _title_before(text, pos))
            for m in NAME.finditer(text, lo, hi):
                if not self.officials.find(m.group()) and not any(
                    a < m.start() < b for a, b in quoted
                ):
                    self._add_match(text, m)
        self._note_surnames(spans, quoted)

    def _note_surnames(self, spans: list[tuple[int, int]], quoted) -> None:
        """Later bare-surname mentions ('Voss, 52, said') count as positions of the person,
        with what is printed after them, so 'the 52-year-old' can find her."""
        for entity in [e for e in self.entities.values() if e.kind == "person"]:
            surname = entity.name.split()[-1]
            if len(entity.name.split()) < 2 or len(self._by_surname.get(entity.surname, [])) > 1:
                continue
            for lo, hi in spans:
                for m in re.finditer(
                    r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", self.text[lo:hi]
                ):
                    pos = lo + m.start()
                    if (
                        pos in entity.positions
                        or any(a < pos < b for a, b in quoted)
                        or any(p < pos < p + len(entity.name) for p in entity.positions)
                    ):
                        continue
                    if pos > min(entity.positions, default=pos):
                        self.note(entity.name, pos, _title_after(self.text, pos + len(surname)))

    def _add_match(self, text: str, m: re.Match) -> None:
        printed = re.split(r"['’]s\b", m.group())[0]  # "Mueller’s investigation" -> "Mueller"
        words = list(re.finditer(r"\S+", printed))
        while words and (
            words[0].group() in NOT_FIRST
            or words[0].group().endswith("ing")
            or words[0].group() in self.officials.country_words
            or words[0].group().lower() in ROLE_HINTS
        ):
            words = words[1:]
        titled = [n for n, w in enumerate(words[:-1]) if _is_title_word(w.group())]
        if titled:  # "Trade Minister Arvind Kesavan" -> "Arvind Kesavan"
            words = words[titled[-1] + 1 :]
        if not words:
            return
        start, end = m.start() + words[0].start(), m.start() + words[-1].end()
        name = " ".join(w.group() for w in words)
        role = (_title_before(text, start) + " " + _title_after(text, end)).strip()
        known = self.officials.find(name)
        if known is None and (len(words) < 2 or _looks_like_org(name)):
            return
        self.note(name, start, role)

    def note(self, name: str, pos: int, role: str = "") -> Entity:
        """Record a mention of `name` at `pos` and return its entity."""
        entity = self.find(name, pos)
        if entity is None:
            known = self.officials.find(name)
            if known is not None:
                kind = (
                    "person"
                    if known.kind == "person"
                    else ("media" if known.kind == "media" else "org")
                )
                entity = Entity(
                    known.name, known.country, (known.role or "").lower(), kind, known.role
                )
            else:
                kind = "org" if _looks_like_org(name) else "person"
                entity = Entity(name, None, "", kind)
            self.entities[entity.name] = entity
            self._by_surname.setdefault(entity.surname, []).append(entity)
        if role:
            entity.role = (entity.role + " " + role.lower()).strip()
            if entity.country is None:
                entity.country = self.officials.country_in(role)
        entity.positions.append(pos)
        return entity

    def find(self, name: str, pos: int) -> Entity | None:
        """The entity a printed name refers to: exact, by official alias, or by surname
        (the full name mentioned closest before `pos`)."""
        if name in self.entities:
            return self.entities[name]
        known = self.officials.find(name)
        if known is not None and known.name in self.entities:
            return self.entities[known.name]
        key = normalise_name(name).split()
        if not key:
            return None
        same = [e for e in self._by_surname.get(key[-1], []) if e.kind == "person"]
        if not same and len(key) == 1:  # "Cedeño" for "Ramón Cedeño Aristiguieta"
            same = [
                e
                for e in self.entities.values()
                if e.kind == "person" and key[0] in normalise_name(e.name).split()[1:]
            ]
        if not same and len(key) == 1:  # family name first: "Xi" for "Xi Jinping"
            same = [
                e
                for e in self.entities.values()
                if e.kind == "person" and normalise_name(e.name).split()[:1] == key
            ]
        if len(key) > 1:
            same = [e for e in same if normalise_name(e.name).split()[0][:1] == key[0][:1]]
        if not same:
            return None
        before = [e for e in same if any(p <= pos for p in e.positions)]
        pool = before or same
        return max(pool, key=lambda e: max((p for p in e.positions if p <= pos), default=-1))

    def persons_before(self, pos: int) -> list[Entity]:
        return [
            e
            for e in self.entities.values()
            if e.kind == "person" and any(p < pos for p in e.positions)
        ]

    def last_media_before(self, pos: int) -> Entity | None:
        media = [
            e
            for e in self.entities.values()
            if e.kind == "media" and any(p < pos for p in e.positions)
        ]
        return max(media, key=lambda e: max(p for p in e.positions if p < pos), default=None)
