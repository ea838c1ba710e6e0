"""The attribution engine's targets on the two development sets (../shared/gold/)."""

from app.extract.evaluation import evaluate
from tests.support.shared import shared_dir


def test_seeds_acceptance_minimum_scores():
    report = evaluate(shared_dir() / "gold" / "seeds.jsonl")
    scores = report.scores[0]  # the 0.3 overlap rule
    assert scores["F1"] >= 0.92
    assert scores["speaker_acc"] >= 0.95
    assert scores["attributed_F1"] >= 0.90
    assert scores["country_acc"] >= 0.95


def test_seeds_acceptance_polnear_span_minimum():
    report = evaluate(shared_dir() / "gold" / "polnear_dev_speech.jsonl")
    assert report.scores[0]["F1"] >= 0.75
