"""Counting words for people: shared by the site and the command line."""


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 quote", "2 quotes" ("1 country", "3 countries" with `words`)."""
    return f"{count} {word if count == 1 else words or word + 's'}"
