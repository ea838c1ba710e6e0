"""HTML pages to article text: trafilatura (app/ingest/sources/html.py) against the old
hand-written reduction (app/ingest/files.py:html_to_text), on pages whose article we know.

    .venv/bin/python -m bench.html_extraction

Each `NAME.article.txt` under tests/fixtures/ingest/pages holds the article of `NAME.html`
(there, or in examples/): its headline and paragraphs. For each page and method: how many
characters of the article's paragraphs come out whole ("kept"), and how many characters come
out in lines that are not part of the article ("clutter": menus, share buttons, comments …).
"""

from collections.abc import Callable

from app.ingest.files import html_to_text
from app.ingest.sources.html import read_html
from app.settings import ROOT

PAGES = ROOT / "tests" / "fixtures" / "ingest" / "pages"
METHODS: dict[str, Callable[[str], str]] = {
    "old reduction": html_to_text,
    "trafilatura": lambda html: read_html(html)[0],
}


def squash(text: str) -> str:
    return " ".join(text.split())


def score(text: str, article: str) -> tuple[int, int, int]:
    """(article characters kept, article characters, clutter characters)."""
    expected = [squash(p) for p in article.split("\n\n") if p.strip()]
    lines = [squash(line) for line in text.splitlines() if line.strip()]
    whole = squash(text)
    kept = sum(len(p) for p in expected if p in whole)
    clutter = sum(len(line) for line in lines if not any(line in p for p in expected))
    return kept, sum(len(p) for p in expected), clutter


def pages() -> list[tuple[str, str, str]]:
    found = []
    for article in sorted(PAGES.glob("*.article.txt")):
        name = article.name.removesuffix(".article.txt")
        html = PAGES / f"{name}.html"
        if not html.exists():
            html = ROOT / "examples" / f"{name}.html"
        found.append((name, html.read_text(encoding="utf-8"), article.read_text("utf-8")))
    return found


def main() -> None:
    print("Command: .venv/bin/python -m bench.html_extraction\n")
    print("| page | " + " | ".join(f"{m}: kept / clutter" for m in METHODS) + " |")
    print("|---|" + "---|" * len(METHODS))
    totals = {m: [0, 0, 0] for m in METHODS}
    for name, html, article in pages():
        cells = []
        for method, reduce in METHODS.items():
            kept, total, clutter = score(reduce(html), article)
            cells.append(f"{kept:,}/{total:,} chars, {clutter:,}")
            for n, value in enumerate((kept, total, clutter)):
                totals[method][n] += value
        print(f"| {name} | " + " | ".join(cells) + " |")
    cells = [
        f"**{k / t:.1%} kept, {c:,} clutter chars**" for k, t, c in (totals[m] for m in METHODS)
    ]
    print("| all | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
