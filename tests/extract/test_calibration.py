"""Confidence metrics (ECE, AUROC, bands), the confidence table and error causes."""

from app.extract import error_causes
from app.extract.calibration import Scored, auroc, bands, expected_calibration_error, monotone
from app.extract.speakers.confidence import BASES, confidence_for


def test_expected_calibration_error_is_zero_when_confidence_matches_accuracy():
    items = [Scored(0.75, True)] * 3 + [Scored(0.75, False)]
    assert expected_calibration_error(items) == 0.0
    assert expected_calibration_error([Scored(0.9, False)] * 4) == 0.9
    assert expected_calibration_error([]) is None


def test_auroc_ranks_right_speakers_above_wrong_ones():
    assert auroc([Scored(0.9, True), Scored(0.8, True), Scored(0.3, False)]) == 1.0
    assert auroc([Scored(0.2, True), Scored(0.9, False)]) == 0.0
    assert auroc([Scored(0.5, True), Scored(0.5, False)]) == 0.5
    assert auroc([Scored(0.5, True)]) is None


def test_bands_count_accuracy_and_spurious_and_check_monotony():
    items = [Scored(0.3, False), Scored(0.6, True), Scored(0.6, False), Scored(0.9, True)]
    rows = bands(items, spurious=[0.95])
    assert [r["matched"] for r in rows] == [1, 2, 0, 1]
    assert rows[-1]["spurious"] == 1
    assert monotone(rows)
    assert not monotone(bands([Scored(0.3, True), Scored(0.9, False)], spurious=[]))


def test_confidence_for_scales_with_the_winner_share():
    low, high = BASES["he-she"]
    assert confidence_for("he-she", 0.5) == low
    assert confidence_for("he-she", 1.0) == high
    assert confidence_for("none") < confidence_for("printed-definite") < confidence_for("name")


def test_error_causes_name_the_way_the_speaker_was_found():
    assert error_causes.misattributed({"speaker": None}) == "speaker unknown"
    assert error_causes.misattributed({"speaker": "X", "evidence": "pronoun"}) == (
        "wrong person via pronoun"
    )
    assert error_causes.misattributed({"speaker": "X", "via": "statement"}) == (
        "wrong speaker via document or channel"
    )
    assert error_causes.missed({"kind": "indirect", "cue": "has warned"}) == (
        "missed indirect, cue 'warn'"
    )
    assert error_causes.spurious({"kind": "direct", "cue": None}) == "spurious direct, no cue"
    counted = error_causes.counted([{"cause": "a"}, {"cause": "b"}, {"cause": "a"}])
    assert counted == [("a", 2), ("b", 1)]
