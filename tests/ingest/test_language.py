from app.ingest.language import is_english, language_of, normalise

SPANISH = (
    "Los gobiernos de los dos países acordaron este jueves reabrir el paso fronterizo de "
    "montaña que permanecía cerrado desde el invierno pasado, tras una reunión en la capital."
)
ENGLISH = (
    "The governments of the two countries agreed on Thursday to reopen the mountain border "
    "crossing that had been closed since last winter, after a meeting in the capital."
)


def test_language_detected_when_sure():
    assert language_of(ENGLISH) == "en"
    assert language_of(SPANISH) == "es"


def test_language_short_text_not_judged():
    assert language_of("Talks\n\n“Sí,” dijo.") is None
    assert is_english(None)


def test_language_given_beats_detected():
    assert language_of(SPANISH, given="en-GB") == "en"
    assert [normalise(v) for v in ("EN_us", "English", "pt-BR", " fr ")] == ["en", "en", "pt", "fr"]
    assert not is_english("es")
