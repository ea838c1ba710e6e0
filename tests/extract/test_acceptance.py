"""The attribution engine's targets on the development sets (../shared/gold/); issue 15.

news_dev is general news none of the rules were written for; the seeds are the five articles
the extractor started from; PolNeAR dev checks quote spans on US political news.
"""

import pytest

from app.extract.evaluation import EvalReport, evaluate
from tests.support.shared import shared_dir


def _report(name: str) -> EvalReport:
    return evaluate(shared_dir() / "gold" / name)


@pytest.fixture(scope="module")
def news_dev() -> EvalReport:
    return _report("news_dev.jsonl")


def test_news_dev_acceptance_minimum_scores(news_dev):
    scores = news_dev.scores[0]  # the 0.3 overlap rule
    assert scores["F1"] >= 0.89
    assert scores["speaker_acc"] >= 0.90
    assert scores["attributed_F1"] >= 0.80


def test_news_dev_confidence_is_calibrated(news_dev):
    assert news_dev.ece is not None and news_dev.ece <= 0.05
    assert news_dev.bands_monotone
    assert news_dev.auroc is not None and news_dev.auroc >= 0.75


def test_seeds_acceptance_minimum_scores():
    scores = _report("seeds.jsonl").scores[0]
    assert scores["F1"] >= 0.92
    assert scores["speaker_acc"] >= 0.95
    assert scores["attributed_F1"] >= 0.90
    assert scores["country_acc"] >= 0.95


def test_polnear_span_minimum():
    # 0.80, the target, now reached (0.804): over a third of PolNeAR's spurious quotes are
    # the parts of one attribution joined across its tag ('"A," he said. "B"' is one span
    # there, two quotes in news_dev's and the seeds' scheme).
    assert _report("polnear_dev_speech.jsonl").scores[0]["F1"] >= 0.80
