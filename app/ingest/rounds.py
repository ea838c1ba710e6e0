"""An ingest of everything given at once (files, dumps, feeds, page URLs), and the same again
every so often for feeds (`diplomat ingest --feeds feeds.toml --every 15m`)."""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from sqlalchemy.engine import Engine

from app.ingest.pipeline import Summary, ingest_items
from app.ingest.process import NO_LIMITS, Item, Limits
from app.ingest.sources.dumps import field_map
from app.ingest.sources.feeds import Feed
from app.ingest.sources.fetch import Fetcher, Policy
from app.ingest.sources.local import local_items
from app.ingest.sources.web import WebRound

OnItem = Callable[[str, str], None]


@dataclass(frozen=True)
class Plan:
    """What to ingest and how: local paths (files, folders, dumps), and feeds or page URLs."""

    paths: list[Path] = field(default_factory=list)
    targets: list[Feed] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=lambda: field_map([]))
    workers: int = 1
    limits: Limits = NO_LIMITS
    shard: tuple[int, int] | None = None
    policy: Policy = Policy()


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def ingest_sources(
    plan: Plan,
    engine: Engine,
    on_item: OnItem | None = None,
    on_start: Callable[[int | None], None] | None = None,
) -> Summary:
    """Ingest everything the plan names once; failures are collected, not raised."""
    items: Iterator[Item] = iter(())
    total: int | None = 0
    if plan.paths:
        items, total = local_items(plan.paths, plan.fields, plan.limits.max_bytes, plan.shard)
    if not plan.targets:
        if on_start:
            on_start(total)
        return ingest_items(items, engine, plan.workers, on_item, plan.limits)
    if on_start:
        on_start(None)
    with Fetcher(plan.policy) as fetcher:
        web = WebRound(engine, fetcher)

        def settle(source: str, status: str) -> None:
            web.settle(source, status)
            if on_item:
                on_item(source, status)

        both = chain(items, web.items(plan.targets))
        summary = ingest_items(both, engine, plan.workers, settle, plan.limits)
        if not summary.interrupted:
            web.finish()
    return summary


def every(
    plan: Plan,
    engine: Engine,
    period_s: float,
    report: Callable[[int, Summary, float], None],
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Summary:
    """Ingest the plan, then again each `period_s` seconds (from the start of the previous
    round), reporting each round; until Ctrl-C, or `rounds` rounds."""
    number = 0
    summary = Summary()
    while rounds is None or number < rounds:
        number += 1
        started = time.monotonic()
        summary = ingest_sources(plan, engine)
        elapsed = time.monotonic() - started
        report(number, summary, elapsed)
        if summary.interrupted or (rounds is not None and number >= rounds):
            break
        try:
            sleep(max(0.0, period_s - elapsed))
        except KeyboardInterrupt:
            summary.interrupted = True
            break
    return summary


def round_line(number: int, summary: Summary, elapsed: float) -> str:
    """The one log line of a round: when, which, what happened, how long it took."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{stamp} round {number}: {summary.line()} ({elapsed:.1f} s)"
