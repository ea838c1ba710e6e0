"""No regular expression in the extractor backtracks catastrophically on pathological text."""

import importlib
import pkgutil
import re
import time

import pytest

import app.extract
import app.ingest
from app.extract.article import extract_article, load_resources

SIZE = 20_000
# Long runs of what the patterns look for, and of what almost matches it.
PATHOLOGICAL = {
    "spaces": " " * SIZE,
    "letters": "a" * SIZE,
    "capitals": "A" * SIZE,
    "words": "Ab " * (SIZE // 3),
    "capital words": "Foreign Minister " * (SIZE // 17),
    "initials": "A. " * (SIZE // 3),
    "straight quotes": '"' * SIZE,
    "curly quotes": "“‘”’" * (SIZE // 4),
    "apostrophes": "a'" * (SIZE // 2),
    "dots": "." * SIZE,
    "dashes": "- " * (SIZE // 2),
    "commas": "a, " * (SIZE // 3),
    "said": "said that " * (SIZE // 10),
    "digits": "1" * SIZE,
    "newlines": "\n" * SIZE,
    "tabs and spaces": " \t" * (SIZE // 2),
}
# Patterns only ever run on a short slice of text, where quadratic cannot hurt.
BOUNDED = {
    "printed_titles.POSSESSIVE_ROLE_BEFORE": "searched in the 160 characters before a name",
    "printed_titles.APPOSITION_AFTER": "matched on the 160 characters after a name",
}


def ingest_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern at module level in app.extract and app.ingest (registry patterns
    included)."""
    found = []
    modules = [
        *pkgutil.walk_packages(app.extract.__path__, "app.extract."),
        *pkgutil.walk_packages(app.ingest.__path__, "app.ingest."),
    ]
    for info in modules:
        module = importlib.import_module(info.name)
        short = info.name.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{short}.{name}", value))
    officials = load_resources().officials
    officials.mentions("warm up", 0, 7)  # builds the alias patterns on first use
    for name, value in vars(officials).items():
        if isinstance(value, re.Pattern):
            found.append((f"officials.{name}", value))
    return found


def test_regex_every_pattern_is_fast_on_pathological_text():
    patterns = ingest_patterns()
    assert len(patterns) >= 15
    slow = []
    for name, pattern in patterns:
        for label, text in PATHOLOGICAL.items():
            started = time.perf_counter()
            for _ in pattern.finditer(text):
                pass
            elapsed = time.perf_counter() - started
            if elapsed > 1.0 and name not in BOUNDED:
                slow.append(f"{name} on {label}: {elapsed:.1f} s")
    print(f"regex audit: {len(patterns)} patterns x {len(PATHOLOGICAL)} inputs")
    assert not slow


@pytest.mark.parametrize("label", sorted(PATHOLOGICAL))
def test_regex_extractor_is_fast_on_pathological_article(label):
    text = "Talks in Geneva\n\n" + PATHOLOGICAL[label] + "\n\nBerg said “we agree.”\n"
    started = time.perf_counter()
    article = extract_article(text)
    assert time.perf_counter() - started < 15
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text
