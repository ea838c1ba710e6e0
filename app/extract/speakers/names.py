"""Pure name logic shared by the extractor and the store: normalising, slugs, identity,
and the officials/organisations/nationality lookups loaded from app/data/officials.toml."""

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

DEFAULT_OFFICIALS = Path(__file__).resolve().parents[2] / "data" / "officials.toml"

# Words that describe a person's office or address them; they are not part of the name.
TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary foreign
    the gen general sen senator rep representative gov governor mayor judge justice chancellor
    premier ambassador king queen prince princess sheikh ayatollah pope rev reverend former
    deputy chief state of""".split()
)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def normalise_name(name: str) -> str:
    """Comparable form: ascii, lowercase, letters only, titles dropped."""
    words = re.sub(r"[^a-z ]+", " ", ascii_fold(name).lower()).split()
    kept = [w for w in words if w not in TITLES]
    return " ".join(kept or words)


def speaker_slug(name: str) -> str:
    """Stable URL slug: 'Sergey Lavrov' -> 'sergey-lavrov'."""
    return slugify(ascii_fold(name)) or "unknown"


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """'Sergey'/'Sergei' agree (same initial, close spelling); 'Donald'/'Ivanka' do not."""
    fa, fb = a[0], b[0]
    if fa == fb or len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa[0] != fb[0]:
        return False
    common = 0
    for x, y in zip(fa, fb, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(3, len(fa), len(fb)) or fa.startswith(fb) or fb.startswith(fa)


def same_person(name_a: str, country_a: str | None, name_b: str, country_b: str | None) -> bool:
    """True when both names plausibly denote one person; differing countries never do."""
    if country_a and country_b and country_a.upper() != country_b.upper():
        return False
    a, b = normalise_name(name_a).split(), normalise_name(name_b).split()
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1] or not (is_personal_name(name_a) and is_personal_name(name_b)):
        return False  # "Japan's foreign ministry" is not "Ukrainian foreign ministry"
    if len(a) == 1 or len(b) == 1:
        return True  # a bare surname matches the full name
    return _first_names_agree(a, b)


# Last words that make a phrase a body or a group, never a person's surname.
BODY_WORDS = frozenset(
    """ministry office government department officials agency council committee embassy
    kremlin administration party police army military company group bank union commission
    court parliament senate congress organisers organizers sources delegation delegations
    spokesperson spokesman spokeswoman newspaper times post news authorities diplomats
    experts analysts residents campaign team club board""".split()
)
NAME_PARTICLES = frozenset("de la del da dos van von bin al el le du der".split())


def is_personal_name(name: str) -> bool:
    """'Helena Duarte', 'Duarte', 'Antonio de la Cruz'; not 'foreign ministry' or
    "Japan's foreign ministry"."""
    words = name.split()
    return (
        bool(words)
        and all(
            (w[:1].isupper() or w.lower() in NAME_PARTICLES) and not w.endswith(("'s", "’s"))
            for w in words
        )
        and words[-1].lower().strip(".") not in BODY_WORDS
    )


@dataclass(frozen=True)
class Official:
    name: str
    country: str | None
    role: str | None
    kind: str  # "person", or an organisation kind such as "media", "government"


def _key(alias: str) -> str:
    return re.sub(r"\s+", " ", ascii_fold(alias).lower().replace("’", "'")).strip(" .")


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
        self.country_words: dict[str, str] = {}
        for row in data.get("country", []):
            for word in [*row.get("names", []), *row.get("demonyms", [])]:
                self.country_words[word] = row["code"]
        self._country_re: re.Pattern | None = None
        self._alias_re: re.Pattern | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "Officials":
        with open(path or DEFAULT_OFFICIALS, "rb") as fh:
            return cls(tomllib.load(fh))

    def find(self, name: str) -> Official | None:
        """The official or organisation known by this alias (case and accents ignored)."""
        return self._by_alias.get(_key(name))

    def lookup(self, name: str) -> tuple[str, str | None, str | None] | None:
        """(canonical name, country, role) for any alias, or None."""
        hit = self.find(name)
        return (hit.name, hit.country, hit.role) if hit else None

    def mentions(self, text: str, lo: int, hi: int) -> list[tuple[int, str]]:
        """(offset, alias) of every known alias printed in text[lo:hi] (case-sensitive)."""
        if self._alias_re is None:
            alt = "|".join(re.escape(a) for a in sorted(set(self._aliases), key=len, reverse=True))
            self._alias_re = re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w])")
        return [(m.start(), m.group()) for m in self._alias_re.finditer(text, lo, hi)]

    def is_media(self, name: str) -> bool:
        hit = self.find(name)
        return bool(hit and hit.kind == "media")

    def country_in(self, phrase: str) -> str | None:
        """ISO code of the first nationality word or country name in a phrase."""
        if self._country_re is None:
            words = sorted(self.country_words, key=len, reverse=True)
            alt = "|".join(re.escape(w) for w in words)
            self._country_re = re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w-])")
        for m in self._country_re.finditer(phrase):
            if not _ignorable_country_hit(phrase, m):
                return self.country_words[m.group()]
        return None


def _ignorable_country_hit(phrase: str, m: re.Match) -> bool:
    """'Latin American' and 'Russian-American' name no single country."""
    after = phrase[m.end() : m.end() + 10]
    before = phrase[max(0, m.start() - 7) : m.start()]
    return before.endswith("Latin ") or before.endswith("-") or after.startswith("-")
