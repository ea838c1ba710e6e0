"""SQLite: excerpts of one page of quotes, the reader's words marked, made apart from the index.

FTS5's snippet() over the search index finds each quote in the words' list of matches: for a
common word, tens of thousands of entries read for twenty quotes (4.5 ms of its page). The
same snippet() over an index of just the page's quotes, in memory, with the same tokenizer and
the same query, marks the same words in the same excerpts in a fraction of that.
"""

import sqlite3
import threading

# The search index's tokenizer (migrations 0001 and 0013): the same words must match.
TOKENIZE = "porter unicode61 remove_diacritics 2"
EXCERPT_TOKENS = 24

_local = threading.local()


def page_snippets(fts5_query: str, texts: dict[int, str], hit: tuple[str, str]) -> dict[int, str]:
    """{id: excerpt} of the texts matching the FTS5 query, hits between hit[0] and hit[1]."""
    scratch = _scratch()
    # One transaction, rolled back: the page's rows never become an index segment of their
    # own each (autocommitted inserts and a DELETE: 0.37 ms a page; this: 0.08).
    scratch.execute("BEGIN")
    try:
        scratch.executemany("INSERT INTO page(rowid, text) VALUES (?, ?)", texts.items())
        rows = scratch.execute(
            "SELECT rowid, snippet(page, 0, ?, ?, '…', ?) FROM page WHERE page MATCH ?",
            (*hit, EXCERPT_TOKENS, fts5_query),
        ).fetchall()
    finally:
        scratch.execute("ROLLBACK")
    return dict(rows)


def _scratch() -> sqlite3.Connection:
    """This thread's in-memory index, with the search index's columns (only `text` filled)."""
    scratch = getattr(_local, "scratch", None)
    if scratch is None:
        scratch = sqlite3.connect(":memory:", isolation_level=None)
        scratch.execute(
            f"CREATE VIRTUAL TABLE page USING fts5(text, kind, month, tokenize='{TOKENIZE}')"
        )
        _local.scratch = scratch
    return scratch
