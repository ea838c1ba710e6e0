"""A progress bar for ingest on a terminal, silent when output is piped."""

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from app.cli.output import printable


class IngestProgress:
    def __init__(self, console: Console):
        self.progress = Progress(
            TextColumn("ingesting"),
            TextColumn("{task.fields[last]}", style="dim", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
            transient=True,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> "IngestProgress":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def start(self, total: int | None) -> None:
        """Begin counting; a total of None (a dump, a feed) shows a pulsing bar."""
        self.task = self.progress.add_task("ingest", total=total, last="")

    def advance(self, source: str, status: str) -> None:
        """Count one item and show its name, so a slow or stuck file can be seen."""
        if self.task is not None:
            self.progress.update(self.task, advance=1, last=f"{_short(source)} {status}")


def _short(source: str, width: int = 40) -> str:
    """The tail of a long path or URL, which is the part that tells files apart."""
    source = printable(source)
    return source if len(source) <= width else "…" + source[-(width - 1) :]
