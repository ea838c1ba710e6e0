"""Given names, as the name list knows them: whether a word is one and to which sex the list
gives it. The tagger and the speaker rules both ask."""

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _detector() -> Any:
    from gender_guesser.detector import Detector  # type: ignore[import-untyped]

    return Detector(case_sensitive=False)


@lru_cache(maxsize=8192)
def verdict(word: str) -> str:
    """The package's verdict: 'male', 'mostly_female', 'andy' (both), 'unknown' (not a name)."""
    return _detector().get_gender(word.lower())


def is_first_name(word: str) -> bool:
    """A given name in the name list ('Tim' yes; 'Calgary' and 'Facebook' no)."""
    return verdict(word) != "unknown"
