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


class IngestProgress:
    def __init__(self, console: Console):
        self.progress = Progress(
            TextColumn("ingesting"),
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
        self.task = self.progress.add_task("ingest", total=total)

    def advance(self, _source: str, _status: str) -> None:
        if self.task is not None:
            self.progress.advance(self.task)
