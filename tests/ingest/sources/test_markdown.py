"""Markdown articles become prose: the `# Title` line is the title, markup is gone."""

from app.extract import extract_article
from app.ingest.sources.markdown import markdown_to_text

ARTICLE = """# Harbour talks end without a deal

*By Maren Holt | Fjord Courier*
*Published 3 March 2025*

**TROMSØ** — Negotiators met [in the town hall](https://example.org/hall) on Monday.

- "We will come back in April," said Envoy *Lars Vik*.
- The next round is set for Bodø.
"""


def test_markdown_article_is_prose_with_its_title_first():
    text = markdown_to_text(ARTICLE)
    assert text.startswith("Harbour talks end without a deal\n\n")
    assert not any(mark in text for mark in ("#", "*", "[", "](", "- "))
    assert "Negotiators met in the town hall on Monday." in text
    article = extract_article(text)
    assert article.title == "Harbour talks end without a deal"
    assert article.outlet == "Fjord Courier" and str(article.date) == "2025-03-03"
    assert [q.text for q in article.quotes] == ['"We will come back in April,"']
