"""Keyset pagination over (date desc|asc, id) with undated rows last, on any backend."""

from datetime import date
from typing import Any

from sqlalchemy import Select, tuple_
from sqlmodel import Session

from app.queries.filters import decode_cursor, encode_cursor
from app.queries.prepared import fetch


def dated_rows(
    session: Session,
    base: Select,
    day: Any,
    ident: Any,
    cursor: tuple | None,
    *,
    newest: bool,
    limit: int,
) -> list[tuple[int, date | None]]:
    """Rows (id, day) of `base` after `cursor`: dated rows first, then undated ones.

    Two plain range queries instead of one with NULLS LAST keep both on an index and behave
    the same on SQLite (NULLs low) and PostgreSQL (NULLs high).
    """
    base = base.with_only_columns(ident, day)
    rows: list[tuple[int, date | None]] = []
    if cursor is None or cursor[0] is not None:
        dated = base.where(day.is_not(None))
        if cursor is not None:
            pair, after = tuple_(day, ident), tuple_(cursor[0], cursor[1])
            dated = dated.where(pair < after if newest else pair > after)
        order = (day.desc(), ident.desc()) if newest else (day, ident)
        rows = list(fetch(session, dated.order_by(*order).limit(limit)))
    if len(rows) < limit:
        undated = base.where(day.is_(None))
        if cursor is not None and cursor[0] is None:
            undated = undated.where(ident < cursor[1] if newest else ident > cursor[1])
        more = undated.order_by(ident.desc() if newest else ident).limit(limit - len(rows))
        rows += fetch(session, more)
    return rows


def dated_cursor(token: str | None, sort: str) -> tuple[date | None, int] | None:
    """Decode a cursor made by `next_dated_cursor`; a damaged one means the first page."""
    cursor = decode_cursor(token, sort) if token else None
    if cursor is None or cursor[0] is None:
        return cursor
    try:
        return date.fromisoformat(str(cursor[0])), cursor[1]
    except ValueError:
        return None


def next_dated_cursor(rows: list[tuple[int, date | None]], sort: str, limit: int) -> str | None:
    """The cursor after the last shown row, if `rows` (fetched with limit + 1) has more."""
    if len(rows) <= limit:
        return None
    ident, day = rows[limit - 1]
    return encode_cursor(sort, day.isoformat() if day else None, ident)
