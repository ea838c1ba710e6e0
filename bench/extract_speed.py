"""Extraction speed and memory: diplomat's extractor beside the naive way.

The naive way runs the same spaCy model over every sentence of every article. Articles are the
news_dev texts (general news, ~880 words each) from ../shared when present (--corpus polnear:
the PolNeAR dev texts, ~800 words), else examples/.

    .venv/bin/python -m bench.extract_speed [--rounds 3] [--corpus news_dev|polnear]
"""

import argparse
import json
import resource
import time

from app.extract.article import extract_article, load_resources
from app.extract.text.parse import get_nlp
from app.settings import ROOT

GOLD = ROOT.parent / "shared" / "gold"
CORPORA = {"news_dev": GOLD / "news_dev.jsonl", "polnear": GOLD / "polnear_dev_speech.jsonl"}


def corpus(name: str = "news_dev") -> list[str]:
    path = CORPORA[name]
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["article_text"] for line in lines if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def rate(label: str, texts: list[str], fn, rounds: int) -> float:
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            fn(text)
        best = max(best, len(texts) / (time.perf_counter() - started))
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{label:<28} {best:8.1f} articles/s  ({len(texts)} articles, {words:.0f} words avg)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="news_dev")
    args = parser.parse_args()
    texts = corpus(args.corpus)
    load_resources()
    nlp = get_nlp()
    extract_article(texts[0])  # warm caches before timing
    ours = rate("diplomat extract_article", texts, extract_article, args.rounds)
    naive = rate("naive: spaCy on every sentence", texts, lambda t: list(nlp(t).sents), 1)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed-up over naive: {ours / naive:.1f}x; peak RSS of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
