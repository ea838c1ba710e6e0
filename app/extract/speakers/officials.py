"""Known people, organisations and nationality words (app/data/officials.toml), looked up
by any alias."""

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.extract.speakers.lexicon import POSTED_ROLES
from app.extract.speakers.names import ascii_fold

DEFAULT_OFFICIALS = Path(__file__).resolve().parents[2] / "data" / "officials.toml"


@dataclass(frozen=True)
class Official:
    name: str
    country: str | None
    role: str | None
    kind: str  # "person", or an organisation kind such as "media", "government"


def _key(alias: str) -> str:
    return re.sub(r"\s+", " ", ascii_fold(alias).lower().replace("’", "'")).strip(" .")


LEADERS_ROLE = re.compile(r"\b(?:President|Prime Minister|Chancellor|Premier|King)\b")


class Officials:
    """Known people, organisations and nationality words, looked up by any alias."""

    def __init__(self, data: dict):
        self._by_alias: dict[str, Official] = {}
        self._aliases: list[str] = []
        groups = (("person", data.get("person", [])), ("org", data.get("organisation", [])))
        for kind, rows in groups:
            for row in rows:
                entry = Official(
                    row["name"],
                    row.get("country"),
                    row.get("role"),
                    "person" if kind == "person" else row.get("kind", "org"),
                )
                for alias in [row["name"], *row.get("aliases", [])]:
                    self._aliases.append(alias)
                    self._by_alias.setdefault(_key(alias), entry)
                    if alias.lower().startswith("the "):
                        self._by_alias.setdefault(_key(alias[4:]), entry)
        # leaders by surname, for "the Trump administration", "a Modi government adviser"
        leaders: dict[str, list[Official]] = {}
        for entry in {id(e): e for e in self._by_alias.values()}.values():
            if entry.kind == "person" and LEADERS_ROLE.search(entry.role or ""):
                leaders.setdefault(_key(entry.name.split()[-1]), []).append(entry)
        self._leaders = {k: found[0] for k, found in leaders.items() if len(found) == 1}
        self.country_words: dict[str, str] = {}
        self._possessive: dict[str, str] = {}
        self._names: set[str] = set()  # country and capital names, not nationality words
        self.capitals: set[str] = set()  # the names after a country's own: "Santiago", "Lima"
        self.country_names: set[str] = set()  # each country's own name: "Canada", "Jordan"
        self.naming: dict[str, list[str]] = {}  # code -> the words that name it in prose
        self.provinces: set[str] = set()  # places that name a country but no nationality
        for row in data.get("country", []):
            for word in [
                *row.get("names", []),
                *row.get("demonyms", []),
                *row.get("provinces", []),
            ]:
                self.country_words[word] = row["code"]
            self.provinces.update(row.get("provinces", []))
            self._names.update(row.get("names", []))
            self.capitals.update(row.get("names", [])[1:])
            self.country_names.update(row.get("names", [])[:1])
            for word in row.get("possessive", []):  # "Jordan's king", not "Jordan Price"
                self._possessive[word] = row["code"]
            plain = [w for w in row.get("names", [])[:5] if _plain_word(w)]
            self.naming[row["code"]] = plain + [
                w for w in row.get("demonyms", []) if _plain_word(w)
            ]
        self._country_re: re.Pattern | None = None
        self._possessive_re: re.Pattern | None = None
        self._alias_re: re.Pattern | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "Officials":
        with open(path or DEFAULT_OFFICIALS, "rb") as fh:
            return cls(tomllib.load(fh))

    def find(self, name: str) -> Official | None:
        """The official or organisation known by this alias (case and accents ignored)."""
        return self._by_alias.get(_key(name))

    def demonym(self, word: str) -> str | None:
        """The country a nationality word names ("Slovak"), not a country's own name."""
        return self.country_words.get(word) if word not in self._names else None

    def leader(self, surname: str) -> Official | None:
        """The one president, prime minister, chancellor or king known by this surname."""
        return self._leaders.get(_key(surname))

    def aliases_of(self, name: str) -> list[str]:
        """Every alias of the official known by `name` (none if unknown)."""
        entry = self.find(name)
        return [a for a in self._aliases if entry and self._by_alias.get(_key(a)) is entry]

    def lookup(self, name: str) -> tuple[str, str | None, str | None] | None:
        """(canonical name, country, role) for any alias, or None."""
        hit = self.find(name)
        return (hit.name, hit.country, hit.role) if hit else None

    def mentions(self, text: str, lo: int, hi: int) -> list[tuple[int, str]]:
        """(offset, alias) of every known alias printed in text[lo:hi] (case-sensitive)."""
        if self._alias_re is None:
            self._alias_re = re.compile(r"(?<![\w.])" + trie_pattern(self._aliases) + r"(?![\w])")
        return [(m.start(), m.group()) for m in self._alias_re.finditer(text, lo, hi)]

    def is_media(self, name: str) -> bool:
        hit = self.find(name)
        return bool(hit and hit.kind == "media")

    def country_in(self, phrase: str) -> str | None:
        """ISO code of the first nationality word or country name in a phrase."""
        return next(self._countries(phrase), None)

    def countries_in(self, phrase: str) -> set[str]:
        """ISO codes of every nationality word or country name in a phrase."""
        return set(self._countries(phrase))

    def _countries(self, phrase: str) -> Iterator[str]:
        if self._country_re is None:
            words = sorted(self.country_words, key=len, reverse=True)
            alt = "|".join(re.escape(w) for w in words)
            self._country_re = re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w-])")
            owners = "|".join(re.escape(w) for w in self._possessive) or "(?!)"
            self._possessive_re = re.compile(
                rf"(?<![\w.])({owners})['’]s\s{{1,3}}(?=(?:[\w-]{{1,20}}\s{{1,3}}){{0,2}}"
                rf"(?i:{'|'.join(sorted(STATE_OFFICES))})\b)"
            )
        assert self._possessive_re is not None
        hits = [
            (m.start(), self.country_words[m.group()])
            for m in self._country_re.finditer(phrase)
            if not _ignorable_country_hit(phrase, m)
            and not (m.group() in self._names and _STUDIED.match(phrase, m.end()))
        ]
        hits += [
            (m.start(), self._possessive[m.group(1)]) for m in self._possessive_re.finditer(phrase)
        ]
        yield from (code for _, code in sorted(hits))

    def named_also(self, word: str) -> str | None:
        """The country a word names only in some places ("Georgia", also a US state; "Jordan",
        also a given name), or None."""
        return self._possessive.get(word)

    def home_country(self, phrase: str) -> str | None:
        """The country a title names for its holder: 'Chinese Ambassador to Australia' is
        Chinese; 'Ambassador to Australia' alone says nothing of where its holder is from."""
        found = self.country_in(_STAYS_WHERE.sub(" ", _POSTED_WHERE.sub(r"\1 ", phrase)))
        return found or ("US" if US_PARTY_OFFICE.search(phrase) else None)


# Offices only the United States has with these parties' names ("a senior Republican
# senator", "Democratic Congresswoman"); Korea's Democratic Party has lawmakers, no senators.
US_PARTY_OFFICE = re.compile(
    r"\b(?:Republican|Democratic|Democrat)\s(?:(?:[a-z]+\s)?(?:senator|congressman|congresswoman|"
    r"congressmen|senators|governor|governors)|(?:Sen|Rep)\.)",
    re.IGNORECASE,
)


# Where someone went, lives, was born or is held, which is not the country they speak for:
# "the opposition candidate who fled to Spain", "an Ohio Republican who was born in
# Colombia", "relatives of hostages held in Gaza".
_STAYS_WHERE = re.compile(
    r"(?i:\b(?:fled|flee|fleeing|exiled|lives|living|lived|based|moved|emigrated|born|"
    r"asylum|refuge|held|detained|jailed|imprisoned|kidnapped|abducted|captive))"
    r"\s{1,8}(?:to|in|from|by)\s{1,8}(?:the\s{1,8})?(?:[A-Z][\w.'’-]*\s?){1,6}"
)


# What a country's possessive is followed by where its name is also a given name: "Jordan's
# foreign minister", "Chad's army" (not "Jordan's remarks").
# (not "Georgia's secretary of state" or "Georgia's state board", which are American)
STATE_OFFICES = frozenset(
    """king queen crown prince princess president prime foreign minister ministry government
    ambassador envoy army armed military embassy parliament monarch delegation royal
    interior defence defense intelligence navy ruling""".split()
)


# A country's name before these is what someone studies or covers, not where they are from:
# "a China specialist at King's College", "the Russia analyst" (not "a Russian analyst").
_STUDIED = re.compile(
    r"[ -](?:experts?|specialists?|analysts?|scholars?|watchers?|hands?|researchers?|"
    r"correspondents?|editors?|historians?|observers?)\b"
)


# The place a post is held in ("Ambassador to Australia"), which is not its holder's country.
_POSTED_WHERE = re.compile(
    r"(?i:\b(" + "|".join(sorted(POSTED_ROLES)) + r")s?)\s{1,8}(?:to|for|on|in)"
    # "rapporteur on human rights in Myanmar": a matter, then the place
    r"(?:\s{1,3}[a-z]{2,20}){0,4}?(?:\s{1,3}(?:to|for|on|in|of))?"
    r"\s{1,8}(?:the\s{1,8})?(?:[A-Z][\w.'’-]*\s?){1,6}"
)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex for any of `words`, shaped as a trie. A flat alternation of thousands of names
    tries every one at every position of the text; the trie tries only the branch of the next
    character. A longer word is preferred to its prefix (optional groups are greedy), and when
    what follows rejects it the shorter is tried, as with a longest-first alternation."""
    trie: dict = {}
    for word in words:
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(c) + pattern(rest) for c, rest in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + pattern(trie) + ")"


def _ignorable_country_hit(phrase: str, m: re.Match) -> bool:
    """'Latin American' and 'Russian-American' name no single country; nor does where
    someone's family came from ('the son of Dominican immigrants', 'of Indian descent',
    'a Korean American lawyer')."""
    after = phrase[m.end() : m.end() + 12]
    before = phrase[max(0, m.start() - 30) : m.start()]
    return (
        before.endswith(("Latin ", "-"))
        or before.endswith("New ")
        and m.group() == "England"  # the US region
        or after.startswith("-")
        or m.group() == "Niger"
        and after.startswith((" Delta", " River", " State"))  # Nigeria's
        or _LANGUAGE_AFTER.match(after) is not None  # "the minister for the French language"
        or _HERITAGE_AFTER.match(after) is not None
        or _HERITAGE_BEFORE.search(before) is not None
        or _STUDIES_BEFORE.search(before) is not None  # "an expert on Russia"
    )


_HERITAGE_AFTER = re.compile(
    r" (?:descent|origin|heritage|ancestry|extraction|roots|immigrants?|parents|American|"
    r"Canadian|British|Australian)\b"
)
_STUDIES_BEFORE = re.compile(
    r"\b(?:expert|specialist|analyst|scholar|researcher|authority|historian)s?\s(?:on|of)\s"
    r"(?:the\s)?$"
)
_LANGUAGE_AFTER = re.compile(r" (?:language|languages|speakers?|speaking)\b")
_HERITAGE_BEFORE = re.compile(
    r"\b(?:sons?|daughters?|child|children|grand(?:son|daughter|child)s?|descendants?)"
    r" of (?:an? |the )?$"
)


@lru_cache(maxsize=1)
def default_officials() -> Officials:
    """The shipped officials file, loaded once (for checks made while parsing, such as
    whether an "according to" names an outlet)."""
    return Officials.load()


def _plain_word(word: str) -> bool:
    """A name a text search can look for: not an abbreviation ("US", "U.S.") that would also
    find ordinary words."""
    return len(word) >= 4 and "." not in word and not word.isupper()
