"""Which language an article is in. The extractor reads English only (its speech verbs, titles
and the spaCy model are English), so articles in other languages are stored without quotes.

Detection is py3langid (langid.py's model, shipped inside the package): about a millisecond
for an article. It only overrules the default, English, when it is sure and has enough text to
be sure about.
"""

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

ENGLISH = "en"
SAMPLE_CHARS = 3000  # enough to tell; the start of an article is its own language
MIN_LETTERS = 100  # fewer letters than this (a headline and a sentence) is not enough to judge
SURE = 0.9
NAMES = {"english": "en", "spanish": "es", "french": "fr", "german": "de", "russian": "ru"}


def language_of(text: str, given: str | None = None) -> str | None:
    """The article's language as an ISO 639-1 code: the one its source gave, else the detected
    one when detection is sure; None when it cannot be told."""
    if given:
        return normalise(given)
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= SURE else None


def is_english(language: str | None) -> bool:
    """True unless the language is known and is not English."""
    return language is None or language == ENGLISH


def normalise(value: str) -> str:
    """ "en-GB", "EN_us" and "English" are all "en"."""
    value = value.strip().lower()
    return NAMES.get(value, value.replace("_", "-").split("-")[0])


def warm_up() -> None:
    """Load the model now (0.5 s) rather than in the first article's time budget."""
    _identifier()


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
