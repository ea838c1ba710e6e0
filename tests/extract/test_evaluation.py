import json
import subprocess
import sys

import pytest

from app.extract.article import article_json, extract_article, load_resources
from app.extract.evaluation import (
    evaluate,
    mention_figures,
    render_json,
    render_table,
    same_speaker,
)
from tests.support.shared import shared_dir


def _score_py(shared, gold, tmp_path) -> list[dict]:
    """Run the reference scorer on predictions written by our extractor."""
    pred = tmp_path / "pred.jsonl"
    res = load_resources()
    with open(pred, "w", encoding="utf-8") as fh:
        for line in gold.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            art = extract_article(doc["article_text"], res)
            fh.write(json.dumps(article_json(doc["id"], doc["id"], art)) + "\n")
    out = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["seeds.jsonl", "polnear_dev_speech.jsonl"])
def test_evaluate_agrees_with_score_py(name, tmp_path):
    shared = shared_dir()
    gold = shared / "gold" / name
    assert evaluate(gold).scores == _score_py(shared, gold, tmp_path)


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("Lavrov", "Sergey Lavrov", True),
        ("Sergei Lavrov", "Sergey Lavrov", True),
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", True),
        ("Ivanka Trump", "Donald Trump", False),
        (None, "Sergey Lavrov", False),
    ],
)
def test_same_speaker_follows_score_py(pred, gold, same):
    assert same_speaker(pred, gold) is same


def _tiny_gold(tmp_path):
    text = (
        'Talks\n\n"We will not retreat from this position," Lavrov said.\n\n'
        "The weather in Sochi was fine.\n"
    )
    start = text.index('"We')
    end = text.index(" Lavrov")
    quotes = [
        {
            "text": text[start:end],
            "start": start,
            "end": end,
            "kind": "direct",
            "speaker": "Sergey Lavrov",
            "speaker_country": "RU",
        },
        {
            "text": "The weather",
            "start": text.index("The weather"),
            "end": text.index("The weather") + 11,
            "kind": "indirect",
            "speaker": "Nobody Known",
            "speaker_country": None,
        },
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "t1", "article_text": text, "quotes": quotes}) + "\n")
    return gold


def test_evaluate_breakdown_errors_and_calibration(tmp_path):
    report = evaluate(_tiny_gold(tmp_path))
    first = report.scores[0]
    assert (first["tp"], first["fn"], first["fp"], first["speaker_acc"]) == (1, 1, 0, 1.0)
    assert report.by_kind["direct"]["recall"] == 1.0
    assert report.by_kind["indirect"]["recall"] == 0.0
    assert len(report.missed) == 1 and "[[The weather]]" in report.missed[0]["context"]
    assert sum(b["matched"] for b in report.calibration) == 1


def test_render_table_and_json(tmp_path):
    report = evaluate(_tiny_gold(tmp_path))
    table = render_table(report, show_errors=True)
    assert "attributed_F1" in table and "calibration" in table and "ECE" in table
    assert "missed (1) by cause" in table and "missed indirect, no cue" in table
    assert "[[The weather]]" in table
    assert "[[The weather]]" not in render_table(report, show_errors=False)
    assert json.loads(render_json(report))["scores"][0]["tp"] == 1


def test_mention_figures_check_the_words_a_speaker_rests_on():
    text = "He spoke. Ana Lima said no. Then she said yes, and Bo Dee said maybe."
    at = {word: (text.index(word), text.index(word) + len(word)) for word in ("Ana Lima", "she")}

    def gold(start, end, *spans, **given):
        return {"start": start, "end": end, "speaker": "x", **given, "speaker_spans": spans}

    docs = [
        {
            "quotes": [
                gold(25, 27, at["Ana Lima"]),  # "no": named right
                gold(39, 42, at["she"]),  # "yes": ours rests on "Ana Lima", not "she"
                gold(60, 65),  # "maybe": the gold marks no words
                gold(0, 2, (0, 2)),  # "He": matched by nothing
            ]
        }
    ]
    preds = [
        [
            {"start": 25, "end": 27, "speaker_start": 10, "speaker_end": 18},
            {"start": 39, "end": 42, "speaker_start": 10, "speaker_end": 18},
            {"start": 60, "end": 65, "speaker_start": None, "speaker_end": None},
        ]
    ]
    figures = mention_figures(docs, preds, 0.3)
    assert figures == {"thr": 0.3, "marked": 2, "pointed": 1.0, "mention_acc": 0.5}
    assert mention_figures([{"quotes": [gold(25, 27)]}], [preds[0][:1]], 0.3) is None


def test_evaluate_a_slice_of_the_articles(tmp_path):
    report = evaluate(_tiny_gold(tmp_path), articles=slice(1, None))
    assert report.articles == 0 and report.scores[0]["tp"] == 0


def test_evaluate_scores_a_crashing_article_as_empty(tmp_path, monkeypatch):
    import app.extract.evaluation as evaluation

    def broken(text, resources=None):
        raise ValueError("parser bug")

    monkeypatch.setattr(evaluation, "extract_article", broken)
    report = evaluate(_tiny_gold(tmp_path))
    assert report.scores[0]["tp"] == 0 and report.scores[0]["fn"] == 2
    assert report.failed and "ValueError: parser bug" in report.failed[0]
    assert "extraction failed, scored as empty" in render_table(report)
