"""How the command line talks: errors and failures on stderr, one line each, never markup
injected from a file name."""

import typer
from rich.console import Console


def err() -> Console:
    """A stderr console made per call, so redirected or captured streams are honoured."""
    return Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    err().print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def print_failures(failures) -> None:
    """One line per failure on stderr; names are escaped so a hostile file name cannot inject
    console markup or break the line."""
    from rich.markup import escape

    for failure in failures:
        where, why = escape(_printable(failure.path)), escape(_printable(failure.reason))
        err().print(f"[red]failed:[/red] {where}: {why}", highlight=False)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
