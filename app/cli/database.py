"""`diplomat db …`: migrate, back up, check and copy the database."""

from pathlib import Path
from typing import Annotated

import typer

from app.cli.output import database_problems, err, fail
from app.settings import get_settings


def upgrade() -> None:
    """Migrate the database to the newest schema (Alembic head).

    Example: DATABASE_URL=sqlite:///data/diplomat.db diplomat db upgrade
    """
    from app.schema import current_revision, head_revision
    from app.schema import upgrade as run_upgrade

    url = get_settings().database_url
    with database_problems(url):
        before, head = current_revision(url), head_revision(url)
        if before == head:
            typer.echo(f"the database is already at schema {head}; nothing to do")
            return
        run_upgrade(url)
    if before is None:
        typer.echo(f"created the database (schema {head})")
    else:
        typer.echo(f"migrated the database from schema {before} to {head}")


def backup(
    path: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    overwrite: Annotated[bool, typer.Option(help="Replace an existing file at PATH.")] = False,
) -> None:
    """Copy the database to PATH, safely, while the site serves and ingest writes.

    SQLite: one self-contained file, checked. PostgreSQL: pg_dump's custom format (restore
    with pg_restore --dbname URL PATH).

    Example: diplomat db backup backups/diplomat-$(date +%F).db
    """
    from app.db import is_postgres
    from app.maintenance import MaintenanceError
    from app.maintenance.backup import backup as run_backup

    url = get_settings().database_url
    try:
        with database_problems(url):
            size = run_backup(url, path, overwrite)
    except MaintenanceError as error:
        fail(str(error), code=1)
    how = "pg_dump custom format" if is_postgres(url) else "integrity ok"
    typer.echo(f"backed up to {path} ({size / 1_000_000:.1f} MB, {how})")


def check() -> None:
    """Verify the database: integrity, foreign keys, full-text index, tallies (with each quote's
    listed topics), schema.

    On PostgreSQL: constraints, foreign keys, the search column, the id sequences, tallies,
    schema.

    Prints one line; the exit status is 1 when anything is wrong.

    Example: DATABASE_URL=sqlite:///backups/diplomat.db diplomat db check
    """
    from app.maintenance import MaintenanceError
    from app.maintenance.check import check as run_check

    url = get_settings().database_url
    try:
        with database_problems(url):
            findings = run_check(url)
    except MaintenanceError as error:
        fail(str(error), code=1)
    problems = [f"{f.check}: {f.problem}" for f in findings if f.problem]
    if problems:
        fail("; ".join(problems), code=1)
    typer.echo("database ok: " + ", ".join(f.check for f in findings))


def copy(
    source: Annotated[str, typer.Argument(help="SQLAlchemy URL of the database to copy.")],
    target: Annotated[str, typer.Argument(help="SQLAlchemy URL of an empty database.")],
) -> None:
    """Copy a whole database into an empty one (SQLite <-> PostgreSQL), then verify it.

    Example: diplomat db copy sqlite:///data/diplomat.db postgresql+psycopg://diplomat@db/diplomat

    One transaction: if anything fails, the target is left empty. Rows go into PostgreSQL
    with COPY; the tallies (and SQLite's full-text index) are rebuilt once at the end.
    Prints each table's row counts and checksums on both sides; exits 1 if any differ.
    """
    from sqlalchemy.exc import ArgumentError, OperationalError

    from app.maintenance.copy import CopyError, copy_database

    try:
        checks = copy_database(source, target)
    except (CopyError, ArgumentError) as error:
        fail(str(error))
    except OperationalError as error:
        fail(f"cannot reach a database: {str(error.orig).strip().splitlines()[0]}")
    typer.echo(f"{'table':<14} {'source':>9} -> {'copy':<9} {'checksums (source, copy)':<33} check")
    for check in checks:
        verdict = "ok" if check.ok else "MISMATCH"
        typer.echo(
            f"{check.table:<14} {check.source_rows:>9} -> {check.copied_rows:<9}"
            f" {check.source_checksum[:16]} {check.copied_checksum[:16]} {verdict}"
        )
    bad = [check.table for check in checks if not check.ok]
    if bad:
        err().print(f"[red]error:[/red] copy differs in {', '.join(bad)}", highlight=False)
        raise typer.Exit(1)
    typer.echo(f"copied {sum(c.copied_rows for c in checks)} rows; every table verified")


def regroup() -> None:
    """Group every stored quote into statements afresh (reports of the same words by several
    outlets, or twice in one article, become one statement). Ingest does this as it goes;
    run it once after upgrading a database whose quotes predate statements.

    Example: diplomat db regroup
    """
    from app.db import make_engine, writer_turn
    from app.ingest.statements import regroup_all

    url = get_settings().database_url
    with database_problems(url):
        engine = make_engine(url, writer=True)
        try:
            with writer_turn(engine), engine.begin() as conn:
                grouped = regroup_all(conn)
        finally:
            engine.dispose()
    typer.echo(f"statements regrouped: {grouped} reported more than once")
