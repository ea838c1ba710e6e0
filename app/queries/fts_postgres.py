"""PostgreSQL full-text search: the reader's FTS5-style query as a tsquery over quote.search_vector.

SQLite is the reference: a query is first run through FTS5's own parser (an in-memory table), so
PostgreSQL refuses exactly the queries SQLite refuses, with the same friendly message. An accepted
query is then translated term by term: each word or "phrase" becomes `websearch_to_tsquery`,
`word*` a prefix match, and AND / OR / NOT / brackets / NEAR the tsquery operators around them.
Stemming ('english') and ranking (`ts_rank`) are PostgreSQL's; stop words match nothing.
"""

import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnClause, ColumnElement, Float, cast, func, literal_column
from sqlalchemy.dialects.postgresql import TSQUERY

TS_CONFIG = "english"  # the configuration migration 0002 builds quote.search_vector with
SEARCH_VECTOR: ColumnClause[Any] = literal_column("quote.search_vector")
# Tokens of FTS5 query syntax: quoted phrases, barewords, and single punctuation characters.
_TOKEN = re.compile(r'"(?:[^"]|"")*"|[\w\x80-\U0010ffff]+|\S', re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}

_local = threading.local()


class Malformed(Exception):
    """FTS5 could not parse the query."""


def check_syntax(fts5_query: str) -> None:
    """Raise Malformed when SQLite's FTS5 would refuse `fts5_query`."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:")
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    try:
        conn.execute("SELECT rowid FROM probe WHERE probe MATCH ?", (fts5_query,)).fetchall()
    except sqlite3.OperationalError as error:
        raise Malformed(str(error)) from None


@dataclass(frozen=True)
class Term:
    words: str
    prefix: bool = False


@dataclass(frozen=True)
class Op:
    name: str  # and | or | not (binary: left AND NOT right)
    left: "Node"
    right: "Node"


Node = Term | Op | None  # None: an empty group, which matches nothing on its own


def parse(fts5_query: str) -> Node:
    """The FTS5 query as a tree; NOT binds tighter than AND, AND tighter than OR."""
    return _Parser(_TOKEN.findall(fts5_query)).expr()


def tsquery(node: Node) -> ColumnElement:
    """A tsquery SQL expression for the tree."""
    if node is None:
        return cast("", TSQUERY)
    if isinstance(node, Term):
        if node.prefix:
            # quote_literal keeps any character safe inside to_tsquery's own syntax.
            return func.to_tsquery(TS_CONFIG, func.quote_literal(node.words).concat(":*"))
        phrase = '"' + node.words.replace('"', " ") + '"'
        return func.websearch_to_tsquery(TS_CONFIG, phrase)
    left, right = tsquery(node.left), tsquery(node.right)
    if node.name == "not":
        return func.tsquery_and(left, func.tsquery_not(right))
    return (func.tsquery_and if node.name == "and" else func.tsquery_or)(left, right)


def rank(query: ColumnElement, vector: ColumnElement | None = None) -> ColumnElement:
    """Lower is more relevant, like bm25 on SQLite; double precision survives a JSON cursor.

    Normalisation 1 divides by the log of the quote's length, so, as with bm25, a short quote
    that is all about the words ranks above a long one that mentions them in passing.
    `vector` is the search column as a subquery selected it (default: the quote table's).
    """
    column = SEARCH_VECTOR if vector is None else vector
    return cast(-func.ts_rank(column, query, 1), Float)


class _Parser:
    """Recursive descent over tokens FTS5 has already accepted, so it can be lenient."""

    def __init__(self, tokens: list[str]):
        self.tokens, self.i = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        self.i += 1
        return self.tokens[self.i - 1]

    def expr(self) -> Node:
        node = self.conjunction()
        while self.peek() == "OR":
            self.take()
            node = _join("or", node, self.conjunction())
        return node

    def conjunction(self) -> Node:
        node = self.negation()
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
            node = _join("and", node, self.negation())
        return node

    def negation(self) -> Node:
        node = self.primary()
        while self.peek() == "NOT":
            self.take()
            right = self.primary()
            node = Op("not", node, right) if node and right else node
        return node

    def primary(self) -> Node:
        token = self.take() if self.peek() is not None else ")"
        if token == "(":
            node = self.expr()
            if self.peek() == ")":
                self.take()
            return node
        if token == "NEAR" and self.peek() == "(":
            self.take()
            return self.near()
        if token.startswith('"'):
            return self.term(token[1:-1].replace('""', '"'))
        if re.fullmatch(r"[\w\x80-\U0010ffff]+", token) and token not in _OPERATORS:
            if self.peek() == ":":  # a column filter; `text` is the only column
                self.take()
                return self.primary()
            return self.term(token)
        return None  # ^ { } + and other punctuation carry no words

    def near(self) -> Node:
        # NEAR(a b, 10): every phrase must occur; the distance is not enforced.
        node: Node = None
        while self.peek() not in (None, ")"):
            if self.peek() == ",":
                self.take()
                if self.peek() not in (None, ")"):
                    self.take()  # the distance
                continue
            node = _join("and", node, self.primary())
        if self.peek() == ")":
            self.take()
        return node

    def term(self, words: str) -> Term:
        prefix = self.peek() == "*"
        if prefix:
            self.take()
        return Term(words, prefix)


def _join(name: str, left: Node, right: Node) -> Node:
    if left is None or right is None:
        return left if right is None else right
    return Op(name, left, right)
