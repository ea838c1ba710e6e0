"""Statements built once per shape and run many times with different values.

A page asks a dozen small questions (a slug's id, a speaker's tallies, the topics of twenty
quotes). SQLite answers each in 10–50 µs, but building a SQLAlchemy statement and computing
its cache key cost 100–150 µs more, every time. A statement built once keeps its cache key:
on the 1 M-quote database one tally question went from ≈ 220 to ≈ 60 µs.

    @prepared
    def _kinds(by_speaker: bool) -> Select:    # flags only: one statement per shape
        stmt = select(...)
        return stmt.where(col(...).in_(values("ids"))) if by_speaker else stmt

    run(session, _kinds(ids is not None), ids=ids)
"""

from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import BindParameter, Connection, Executable, Result, bindparam
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ClauseElement
from sqlmodel import Session

P = ParamSpec("P")
S = TypeVar("S")


def prepared(build: Callable[P, S]) -> Callable[P, S]:
    """`build`, remembered per arguments: they must be flags and names, never the values a
    reader's request brings (those are bound at `run`)."""
    return cache(build)  # type: ignore[return-value]  # same signature, memoized


def value(name: str) -> BindParameter[Any]:
    """A value bound at `run` (its type comes from the column it is compared with)."""
    return bindparam(name)


def values(name: str) -> BindParameter[Any]:
    """A list of values bound at `run`, for `IN`."""
    return bindparam(name, expanding=True)


def run(session: Session, stmt: Executable, **params: Any) -> Any:
    """Execute a prepared statement on the session's connection (in its transaction) and
    return its rows as tuples (`Rows`; the caller unpacks them, hence Any).

    The statement is compiled once per database kind and run on the driver's own connection:
    SQLAlchemy's execution path costs 60–150 µs a statement, ten times what SQLite takes to
    answer these, and a page asks a dozen. Values are bound with the column types' own
    processors, and the rows' values converted by them (a date stored as text comes back as a
    date), as SQLAlchemy would. While something listens to the engine's statements (a test
    counting them, bench/profile_pages.py timing them), they go through SQLAlchemy instead."""
    connection = session.connection()
    if connection.dispatch.before_cursor_execute or connection.dispatch.after_cursor_execute:
        result: Result[Any] = connection.execute(stmt, params)
        return Rows(tuple(row) for row in result)
    dialect = connection.dialect
    return _fetch(connection, stmt, _plan(stmt, dialect.name, dialect), params, params)


def fetch(session: Session, stmt: Executable) -> "Rows":
    """A statement built per request with its values in it, run as `run` runs a prepared one
    (rows converted alike): compiled once per shape (`_one_off`). A page of a list is found
    by such a statement; SQLAlchemy's execution of it was a twentieth of the page."""
    connection = session.connection()
    if connection.dispatch.before_cursor_execute or connection.dispatch.after_cursor_execute:
        return Rows(tuple(row) for row in connection.execute(stmt))
    plan, params = _one_off(stmt, connection.dialect)
    return _fetch(connection, stmt, plan, params, {})


def _fetch(
    connection: Connection, stmt: Executable, plan: "_Plan", params: dict, given: dict
) -> "Rows":
    """The rows of `plan` with `params` bound, converted; `given`: the values `stmt` is run
    with by SQLAlchemy when the plan cannot be run directly."""
    dialect = connection.dialect
    sql, bound = plan.bind(params) if plan.direct else (None, None)
    if sql is None:  # an empty list for IN (SQLAlchemy writes the SQL that matches nothing),
        # or a value SQLAlchemy writes into the SQL itself (`literal_execute`)
        return Rows(tuple(row) for row in connection.execute(stmt, given))
    try:
        cursor = connection.connection.driver_connection.execute(sql, bound)  # type: ignore[union-attr]
        rows = cursor.fetchall()
    except dialect.loaded_dbapi.Error as error:  # as SQLAlchemy raises it (time limits catch it)
        base = dialect.loaded_dbapi.Error
        raise DBAPIError.instance(sql, bound, error, base, dialect=dialect) from error
    if not plan.described:
        plan.convert, plan.described = plan.converters(cursor.description), True
    convert = plan.convert
    return Rows(map(convert, rows) if convert else rows)


def stream(session: Session, stmt: Executable, size: int) -> Iterator[list[tuple]]:
    """A one-off statement's rows, `size` at a time, read from the driver's cursor unconverted
    (for columns the driver already gives as Python values: ids, text). Counting a word's
    matches reads thousands of rows: SQLAlchemy's handling of each cost 2 µs, twice what
    SQLite took to find it (a rare word's 1,300 matches: 3 ms, where SQLite took 1). As `run`,
    it goes through SQLAlchemy while something listens to the engine's statements."""
    connection = session.connection()
    if connection.dispatch.before_cursor_execute or connection.dispatch.after_cursor_execute:
        for rows in connection.execute(stmt).partitions(size):
            yield [tuple(row) for row in rows]
        return
    dialect = connection.dialect
    plan, params = _one_off(stmt, dialect)
    sql, bound = plan.bind(params) if plan.direct else (None, None)
    if sql is None:
        for rows in connection.execute(stmt).partitions(size):
            yield [tuple(row) for row in rows]
        return
    try:
        cursor = connection.connection.driver_connection.execute(sql, bound)  # type: ignore[union-attr]
        while rows := cursor.fetchmany(size):
            yield rows
    except dialect.loaded_dbapi.Error as error:  # as SQLAlchemy raises it (time limits catch it)
        base = dialect.loaded_dbapi.Error
        raise DBAPIError.instance(sql, bound, error, base, dialect=dialect) from error


class Rows(list):
    """A statement's rows, with the few ways of reading a SQLAlchemy result the callers use."""

    def all(self) -> "Rows":
        return self

    def scalars(self) -> "Rows":
        return Rows(row[0] for row in self)

    def one(self) -> Any:
        if len(self) != 1:
            raise LookupError(f"expected one row, got {len(self)}")
        return self[0]

    def scalar_one(self) -> Any:
        return self.one()[0]


_EXPANDING = "__[POSTCOMPILE_{}]"


class _Plan:
    """A statement compiled for one database: its SQL, how each value is bound (the dialect's
    placeholder style, lists expanded for IN) and how each column's values are converted."""

    def __init__(self, stmt: Executable, dialect: Any, key: Any = None) -> None:
        # A SQLCompiler; with the statement's cache key, it takes others' values by theirs.
        compiled: Any = cast(ClauseElement, stmt).compile(dialect=dialect, cache_key=key)
        self.compiled = compiled
        self.sql: str = compiled.string
        self.qmark = dialect.paramstyle == "qmark"
        if not self.qmark and dialect.paramstyle != "pyformat":
            raise NotImplementedError(f"paramstyle {dialect.paramstyle}")
        binds = {name: bind for bind, name in compiled.bind_names.items()}  # as written in SQL
        self.names: list[str] = list(compiled.positiontup or binds)
        self.defaults = {name: bind.value for name, bind in binds.items()}
        self.expanding = {name for name, bind in binds.items() if bind.expanding}
        self.direct = not any(bind.literal_execute for bind in binds.values())
        self.processors = {
            name: processor
            for name, bind in binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }
        self._types = [column.type.dialect_impl(dialect) for column in compiled._result_columns]
        self._dialect = dialect
        self.convert: Callable[[Any], tuple] | None = None  # known at the first run:
        self.described = False  # see converters

    def converters(self, description: Any) -> Callable[[Any], tuple] | None:
        """A row's conversion, from each column's type and the type the driver reports
        (PostgreSQL's differ by type: a float column needs none); None when none needs one."""
        found = [
            (i, process)
            for i, (kind, column) in enumerate(zip(self._types, description, strict=False))
            if (process := kind.result_processor(self._dialect, column[1])) is not None
        ]
        if not found:
            return None

        def convert(row: Any) -> tuple:
            values = list(row)
            for i, process in found:
                if values[i] is not None:
                    values[i] = process(values[i])
            return tuple(values)

        return convert

    def bind(self, params: dict[str, Any]) -> tuple[str | None, Any]:
        """(SQL, values) for the driver; (None, None) when a list for IN is empty."""
        sql, processors = self.sql, self.processors
        values: dict[str, Any] | list[Any] = [] if self.qmark else {}
        for name in self.names:
            given = params.get(name, self.defaults.get(name))
            process = processors.get(name)
            if name in self.expanding:
                if not given:
                    return None, None
                items = [process(v) for v in given] if process else list(given)
                if self.qmark:
                    values.extend(items)  # type: ignore[union-attr]
                    marks = ", ".join("?" * len(items))
                else:
                    values.update({f"{name}_{i}": v for i, v in enumerate(items)})  # type: ignore[union-attr]
                    marks = ", ".join(f"%({name}_{i})s" for i in range(len(items)))
                # Positional: each place the list goes is a name of its own in `names`.
                sql = sql.replace(_EXPANDING.format(name), marks, 1 if self.qmark else -1)
                continue
            item = process(given) if process else given
            if self.qmark:
                values.append(item)  # type: ignore[union-attr]
            else:
                values[name] = item  # type: ignore[call-overload]
        return sql, values


@lru_cache(maxsize=1024)  # a few dozen statements, per engine (tests make hundreds)
def _plan(stmt: Executable, dialect_name: str, dialect: Any) -> _Plan:
    return _Plan(stmt, dialect)


def _one_off(stmt: Executable, dialect: Any) -> tuple[_Plan, dict[str, Any]]:
    """The plan of a statement built per request with its values in it, and those values.
    Statements of the same shape share SQLAlchemy's cache key, whatever their values: the
    plan is compiled once per shape (a count's select: 0.9 ms a page), and the values are
    taken from this statement by the key's list of them, as SQLAlchemy's own cache does."""
    key = cast(ClauseElement, stmt)._generate_cache_key()
    if key is None:  # something in it SQLAlchemy cannot key: compiled afresh
        return _Plan(stmt, dialect), {}
    plan = _shapes.get((key.key, dialect))
    if plan is None:
        if len(_shapes) >= _MAX_SHAPES:
            _shapes.clear()  # shapes come from code, so this is for tests' many engines
        plan = _shapes[(key.key, dialect)] = _Plan(stmt, dialect, key)
    return plan, plan.compiled.construct_params(
        extracted_parameters=key.bindparams, escape_names=False
    )


_MAX_SHAPES = 512
_shapes: dict[tuple[Any, Any], _Plan] = {}
