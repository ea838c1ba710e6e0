"""`diplomat` command line: thin wrappers over app.ingest, app.extract, app.maintenance and the
web server. Each command's docstring is its --help, with an example."""

import os
import sys
from typing import Annotated

import typer

from app.cli import articles, database
from app.cli.output import database_problems, fail
from app.settings import get_settings

app = typer.Typer(
    help="diplomat: who said what in diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help text is plain: "[[feed]]" and "[default: …]" stay as written
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db")


def serve(
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Interface to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(metavar="N", help="Server processes.")] = 1,
) -> None:
    """Serve the web site (migrating a fresh database first).

    Example: diplomat serve --host 0.0.0.0 --port 8000
    """
    from app.schema import ensure_current
    from app.web.hosts import BaseUrlError, parse_base_url

    settings = get_settings()
    try:
        if settings.base_url:
            parse_base_url(settings.base_url)
    except BaseUrlError as error:
        fail(str(error))
    with database_problems(settings.database_url):
        ensure_current(settings.database_url)
    # Become the lean server process (see app.web.serving); same PID, so signals still reach it.
    command = [
        "-m",
        "app.web.serving",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *command], {**LEAN_MALLOC, **os.environ})


# glibc's malloc, read at each process's start: one arena per core and thread (the thread pool
# that runs the pages) and a trim threshold that grows with the largest block freed kept
# freed memory in every arena; two arenas and a fixed threshold for large blocks (a search's
# index reads) give it back. About 30 MB less per worker under the long tail, no slower.
LEAN_MALLOC = {"MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072"}


app.command()(articles.ingest)
app.command()(articles.extract)
app.command(name="eval")(articles.evaluate)
app.command()(serve)
db_app.command("upgrade")(database.upgrade)
db_app.command("backup")(database.backup)
db_app.command("check")(database.check)
db_app.command("copy")(database.copy)
db_app.command("regroup")(database.regroup)
