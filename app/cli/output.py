"""How the command line talks: errors and failures on stderr, one line each, and text from
articles or file names shown as text: no console markup, no terminal escape sequences."""

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text


def err() -> Console:
    """A stderr console made per call, so redirected or captured streams are honoured."""
    return Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    err().print(f"[red]error:[/red] {escape(printable(message))}", highlight=False)
    raise typer.Exit(code)


def print_failures(failures) -> None:
    """One line per failure on stderr; a hostile file name cannot inject console markup,
    escape sequences or line breaks."""
    for failure in failures:
        where, why = escape(printable(failure.path)), escape(printable(failure.reason))
        err().print(f"[red]failed:[/red] {where}: {why}", highlight=False)


def printable(text: str) -> str:
    """Control characters (escape, bell, newline …) written as \\x1b, \\x07, \\n."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def plain(text: str) -> Text:
    """Article text for a rich table cell: printed as it is, never read as markup."""
    return Text(printable(text))


@contextmanager
def database_problems(url: str) -> Iterator[None]:
    """A database that cannot be opened or written (no such folder, no permission, read-only
    file, server down) ends the command with one line saying so, not a traceback."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    where = make_url(url).render_as_string(hide_password=True)
    try:
        yield
    except DBAPIError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        fail(f"cannot use the database {where}: {reason}", code=1)
    except OSError as error:
        fail(f"cannot use the database {where}: {error.strerror or error}", code=1)
