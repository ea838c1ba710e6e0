"""Rewrite tests/fixtures/extract/*.expected.json from the current extractor.

Run after a deliberate change in extraction, then review the diff before committing:

    .venv/bin/python -m tests.support.regenerate_extract
"""

import json
from pathlib import Path

from app.extract.article import ExtractedArticle, extract_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
QUOTE_FIELDS = (
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_country",
    "speaker_type",
    "via",
    "cue",
)


def expected_record(art: ExtractedArticle) -> dict:
    """What a parser test compares: metadata and each quote without volatile scores."""
    return {
        "title": art.title,
        "outlet": art.outlet,
        "date": art.date.isoformat() if art.date else None,
        "quotes": [{k: getattr(q, k) for k in QUOTE_FIELDS} for q in art.quotes],
    }


def fixture_texts() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def main() -> None:
    for path in fixture_texts():
        record = expected_record(extract_article(path.read_text(encoding="utf-8")))
        out = path.with_suffix(".expected.json")
        out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(FIXTURES.parent.parent.parent)}")


if __name__ == "__main__":
    main()
