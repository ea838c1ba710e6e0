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
    return overall


def is_first_name(word: str) -> bool:
    """A given name in the name list ('Tim' yes; 'Calgary' and 'Facebook' no)."""
    return verdict(word) != "unknown"
