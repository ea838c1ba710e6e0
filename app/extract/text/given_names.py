"""Given names, as the name list knows them: whether a word is one and to which sex the list
gives it. The tagger and the speaker rules both ask."""

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _detector() -> Any:
    from gender_guesser.detector import Detector  # type: ignore[import-untyped]

    return Detector(case_sensitive=False)


_SEX = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
# The countries whose usage the English-language news read here follows.
NEWS_COUNTRIES = ("usa", "great_britain")


@lru_cache(maxsize=8192)
def verdict(word: str) -> str:
    """The package's verdict: 'male', 'mostly_female', 'andy' (both), 'unknown' (not a name);
    softened where English usage disagrees with the worldwide count ("Bernie" is mostly a
    woman's name worldwide, mostly a man's in the US: both)."""
    detector, low = _detector(), word.lower()
    overall = detector.get_gender(low)
    if overall not in _SEX:
        return overall
    local = [_SEX.get(detector.get_gender(low, country)) for country in NEWS_COUNTRIES]
    if any(sex is not None and sex != _SEX[overall] for sex in local):
        return "andy"
    if overall in ("male", "female") and _seen_rarely_in_one_country(detector, low):
        return "mostly_" + overall  # "Raila" (Odinga), a rare woman's name in Finland
    return overall


# The list's scale of how common a name is in a country runs from 1 (very rare) to 13.
RARE = 4


def _seen_rarely_in_one_country(detector: Any, low: str) -> bool:
    """The list knows the name only as rare in one country of continental Europe: its sex
    there says little of someone of that spelling in English-language news, who is more
    often from elsewhere ("Raila" Odinga of Kenya; not "Jeb", rare but American, nor
    "Ghazala", rare in the list's Arab countries and a woman's name across them)."""
    countries = detector.COUNTRIES
    europe = set(countries[countries.index("italy") : countries.index("armenia")])
    seen = {
        (countries[i], int(c, 16))
        for counts in detector.names.get(low, {}).values()
        for i, c in enumerate(counts[: len(countries)])
        if c.strip()
    }
    places = {country for country, _ in seen}
    return len(places) == 1 and places <= europe and max(f for _, f in seen) <= RARE


def is_first_name(word: str) -> bool:
    """A given name in the name list ('Tim' yes; 'Calgary' and 'Facebook' no)."""
    return verdict(word) != "unknown"
