"""How typed words fit speakers' names (app.queries.speakers._fit), without a database."""

from app.queries.speakers import _fit


def test_a_close_spelling_fits_a_name():
    assert _fit(["sergei"], ["sergey", "lavrov"]) == 1.0
    assert _fit(["sergei"], ["sergey", "lavrov"], whole_words=True) == 1.0


def test_in_running_text_a_longer_word_is_not_a_misspelt_surname():
    # "sanctions" and "santos" score 80: a search for the word must not offer the speaker
    assert _fit(["sanctions"], ["ana", "santos"], whole_words=True) == 0.0
    assert _fit(["sanctions"], ["ana", "santos"]) == 1.0  # typed as a name: a near miss


def test_whole_words_do_not_match_as_prefixes():
    assert _fit(["lav"], ["sergey", "lavrov"]) == 1.0
    assert _fit(["lav"], ["sergey", "lavrov"], whole_words=True) == 0.0
