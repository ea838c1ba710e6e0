"""Pure name logic shared by the extractor and the store: normalising, slugs, identity."""

import re
import unicodedata
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz.distance import Levenshtein
from slugify import slugify
from text_unidecode import unidecode  # type: ignore[import-untyped]

from app.extract.speakers.gender import HONORIFICS, first_name_certainty, first_name_gender
from app.extract.speakers.lexicon import BODY_WORDS, NAME_PARTICLES, TITLES


def ascii_fold(text: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Radosław' -> 'Radoslaw', 'Aydın' -> 'Aydin', 'Støre' ->
    'Store': accents split off and dropped; letters that are not an accented one (ł, ı, ø,
    đ, æ) spelled as English readers type them, not lost."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return unidecode(decomposed)


NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())  # "Harry B. Harris Jr."
# Letters after a name for a rank, a seat or an honour ("Daniel Okoro KC", "Jo Lamb MSP", "Ann
# Bell OBE"): printed or not, the same person, so never part of the name (unlike "Jr.").
POST_NOMINALS = frozenset(
    "KC QC SC MP MSP MLA MPP MHA MEP TD OBE CBE MBE KBE DBE GBE FRS PhD".split()
)


@lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Comparable form: ascii, lowercase, letters only, titles dropped."""
    words = re.sub(r"[^a-z ]+", " ", ascii_fold(name).lower()).split()
    if all(w in TITLES for w in words):
        return " ".join(words)  # "Prime Minister" names an office
    # titles come before a name, so its last word is kept: "Angus King", "Aaron Judge"
    # (before a suffix: "Martin Luther King Jr.")
    last = max((n for n, w in enumerate(words) if w not in NAME_SUFFIXES), default=-1)
    return " ".join(w for n, w in enumerate(words) if w not in TITLES or n == last)


def speaker_slug(name: str) -> str:
    """Stable URL slug: 'Sergey Lavrov' -> 'sergey-lavrov'."""
    return slugify(ascii_fold(name)) or "unknown"


# Spellings of one first name across transliterations: Aleksey / Alexei, Yury / Iury.
_TRANSLITERATED = (("ks", "x"), ("kh", "h"), ("ph", "f"), ("y", "i"))


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """'Sergey'/'Sergei', 'Aleksey'/'Alexei', 'Mohammed'/'Mohammad' and 'Alex'/'Alexander'
    agree; 'Carlos'/'Carmen', 'Michael'/'Michelle', 'Maria'/'Mario', 'Ivan'/'Ivana' and
    'Donald'/'Ivanka' do not: two people sharing a surname must not become one. Names agree
    when they are the same once transliteration is set aside, when one is the other's short
    form, or when a longer name differs by one letter that is not a gendered last vowel."""
    fa, fb = a[0], b[0]
    if fa == fb or len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa[0] != fb[0]:
        return False
    short, long_ = sorted((fa, fb), key=len)
    if long_.startswith(short):  # a short form, but not a gendered ending: Ivan / Ivana
        return long_[len(short) :] not in tuple("aeiou")
    for spelling, common in _TRANSLITERATED:
        fa, fb = fa.replace(spelling, common), fb.replace(spelling, common)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or Levenshtein.distance(fa, fb) > 1:
        return False
    gendered = fa[:-1] == fb[:-1] and fa[-1] in "aeiou" and fb[-1] in "aeiou"
    return not gendered


def same_person(name_a: str, country_a: str | None, name_b: str, country_b: str | None) -> bool:
    """True when both names plausibly denote one person; differing countries never do."""
    if country_a and country_b and country_a.upper() != country_b.upper():
        return False
    a, b = normalise_name(name_a).split(), normalise_name(name_b).split()
    if not a or not b:
        return False
    if sexes_differ(name_a, name_b):
        return False  # "Mrs Lam" is not Joshua Lam, his mother perhaps, nor "Mr Lam"
    if a == b:
        return True
    if a[-1] != b[-1] or not (is_personal_name(name_a) and is_personal_name(name_b)):
        return False  # "Japan's foreign ministry" is not "Ukrainian foreign ministry"
    if len(a) == 1 or len(b) == 1:
        return True  # a bare surname matches the full name
    return _first_names_agree(a, b)


def sexes_differ(name_a: str, name_b: str) -> bool:
    """Each name says a sex for sure, and not the same one ("Mrs Lam", "Mr Lam")."""
    said_a, said_b = _sex_said(name_a), _sex_said(name_b)
    return bool(said_a and said_b and said_a != said_b)


def _sex_said(name: str) -> str | None:
    """The sex a name says for sure: its honorific ("Mrs Lam"), else a given name the lists
    give one sex only ("Joshua Lam"); None for a bare surname or a name of either sex."""
    words = name.split()
    if not words:
        return None
    if (honorific := HONORIFICS.get(words[0].lower().rstrip("."))) is not None:
        return honorific
    if len(words) < 2 or first_name_certainty(words[0]) < 1.0:
        return None  # ("Kim", "Jody": mostly one sex's, not surely)
    return first_name_gender(words[0])


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


# Family names that come first (Chinese, Korean, Vietnamese): "Xi Jinping" is filed under Xi.
FAMILY_FIRST = frozenset(
    """xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao
    kim lee park choi jung kang cho yoon yun jang lim han shin seo kwon hwang ahn song moon
    nguyen tran le pham hoang phan vu dang bui do ngo duong ly""".split()
)


DESCRIPTION_START = frozenset("a an the one another some".split())


def is_description(name: str) -> bool:
    """A speaker printed as a description ("a Venezuelan businessman", "the British
    minister", "one delegate from the Pacific"), not by name."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return first[:1].islower() or first.lower() in DESCRIPTION_START


def sort_key(name: str, kind: str = "person") -> str:
    """How the directory files a speaker: people by surname ("lavrov sergey"; "cruz antonio
    de la"; "xi jinping"), bodies and groups by name; lowercase, accents folded."""
    folded = " ".join(ascii_fold(name).lower().split())
    if kind != "person":
        return re.sub(r"^(the|a|an) ", "", folded)
    words = folded.split()
    if len(words) < 2:
        return folded
    if words[0] in FAMILY_FIRST and len(words) <= 3:
        return folded
    parsed = HumanName(folded)
    last = parsed.last.split()
    particles = [w for w in last[:-1] if w in NAME_PARTICLES]
    core = [w for w in last if w not in particles] or last
    rest = [w for w in (parsed.first, parsed.middle) if w]
    return " ".join([*core, *rest, *particles]) or folded
