"""Quotes per month as bar geometry for a server-rendered SVG chart."""

import html
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from app.words import plural

WIDTH, HEIGHT, AXIS = 640, 48, 14  # compact: the quotes, not the chart, are the page
MAX_STEP = 28  # a few months should not become a wall of colour
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    years: list[tuple[float, str]]  # (x, label) ticks
    peak: Bar
    width: float = WIDTH
    height: int = HEIGHT + AXIS
    base: int = HEIGHT

    def rects(self) -> Markup:
        """The chart's bars (made once per timeline: a topic's is kept, see routes/topics.py)."""
        return self._rects

    def rows(self) -> Markup:
        """The same months as table rows, for readers who cannot see the chart."""
        return self._rows

    @cached_property
    def _rects(self) -> Markup:
        """The chart's bars, one <rect> with its tooltip per month with quotes. Built here
        rather than in the template: a topic's ten years are 120 bars and a table row each,
        and in Jinja they were a fifth of the page's time. Plain f-strings with the two text
        parts escaped: `Markup % (…)` escaped every number too (1.4 → 0.4 ms, ten years), and
        by html.escape, which makes no Markup of each (a speaker page's bars: 3 % of it)."""
        return Markup(
            "\n".join(
                f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}"'
                f' height="{bar.height:.1f}"><title>{html.escape(bar.label)}:'
                f" {html.escape(plural(bar.count, 'quote'))}</title></rect>"
                for bar in self.bars
            )
        )

    @cached_property
    def _rows(self) -> Markup:
        return Markup(
            "".join(
                f"<tr><td>{html.escape(bar.label)}</td><td>{bar.count:d}</td></tr>"
                for bar in self.bars
            )
        )


MIN_MONTHS = 3  # fewer months with quotes make no chart worth drawing: they are said in words


def timeline(counts: dict[tuple[int, int], int]) -> Timeline | None:
    """Bars for the months with quotes, placed on a scale of every month from the first to
    the last (empty months are gaps); None when fewer than MIN_MONTHS months have quotes (see
    `months_in_words`)."""
    if len(counts) < MIN_MONTHS:
        return None
    (y0, m0), (y1, m1) = min(counts), max(counts)
    first, span = y0 * 12 + m0 - 1, (y1 - y0) * 12 + m1 - m0 + 1
    step = min(WIDTH / span, MAX_STEP)
    top = max(counts.values())
    bars = []
    for (year, month), count in sorted(counts.items()):
        if count:
            height = HEIGHT * count / top
            x = (year * 12 + month - 1 - first) * step
            bars.append(Bar(f"{MONTHS[month - 1]} {year}", count, x, HEIGHT - height,
                            max(step - 1, 0.5), height))  # fmt: skip
    years = [((max(year * 12, first) - first) * step, str(year)) for year in range(y0, y1 + 1)]
    # Keep year labels from overlapping on long timelines.
    every = max(1, -(-len(years) * 36 // WIDTH))
    width = max(step * span, 80)
    return Timeline(bars, years[::every], max(bars, key=lambda b: b.count), width)


def months_in_words(counts: dict[tuple[int, int], int]) -> str:
    """ "May 2019 (21), June 2019 (1)": the dated quotes when there are too few months for a
    chart ("" when there are none)."""
    months = sorted(counts)
    return ", ".join(f"{MONTHS[m - 1]} {y} ({counts[y, m]})" for y, m in months)
