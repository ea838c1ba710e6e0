"""What the reader asked for: quote filters parsed from the URL query, and opaque page cursors."""

import base64
import binascii
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import quote_plus, urlencode

UNKNOWN_SPEAKER = "unknown"
KINDS = ("direct", "indirect", "mixed")
SORTS = ("newest", "oldest", "relevance")

# Query parameter names; `speaker` may repeat (or hold comma-separated slugs).
PARAMS = ("speaker", "country", "topic", "q", "from", "to", "outlet", "kind", "sort", "reports")


@dataclass(frozen=True)
class QuoteFilter:
    """Every way a list of quotes can be narrowed; each field maps to one query parameter."""

    speakers: tuple[str, ...] = ()
    country: str | None = None
    topic: str | None = None
    q: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    kind: str | None = None
    sort: str | None = None
    # Every report of each statement (reports=all), not one line per statement.
    reports: bool = False
    after: str | None = None
    # Parameters fixed by the page's path (e.g. the speaker on a speaker page): not echoed in links.
    fixed: frozenset[str] = frozenset()
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Any, **fixed: Any) -> "QuoteFilter":
        """Parse query parameters leniently: bad values are dropped and reported, never raised."""
        problems: list[str] = []
        speakers = _speaker_slugs(_get_all(params, "speaker"))
        values = dict(
            speakers=speakers,
            country=(_clean(params.get("country")) or "").upper() or None,
            topic=_clean(params.get("topic")),
            q=_clean(params.get("q")),
            date_from=_parse_date(params.get("from"), "from", problems),
            date_to=_parse_date(params.get("to"), "to", problems),
            outlet=_clean(params.get("outlet")),
            kind=_choice(params.get("kind"), KINDS, "kind", problems),
            sort=_choice(params.get("sort"), SORTS, "sort", problems),
            reports=_clean(params.get("reports")) == "all",
            after=_clean(params.get("after")),
        )
        values.update(fixed)
        names = {"speakers": "speaker", "date_from": "from", "date_to": "to"}
        return cls(
            **values,
            fixed=frozenset(names.get(key, key) for key in fixed),
            problems=tuple(problems),
        )

    @property
    def effective_sort(self) -> str:
        """Relevance only makes sense with a text query; without one it means newest."""
        if self.sort == "relevance" and not self.q:
            return "newest"
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def is_narrowed(self) -> bool:
        """True when the reader chose any filter beyond those fixed by the page."""
        return any(name not in ("sort", "reports") for name, _ in self.params())

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        """Query parameters for this filter with `changes` applied; the cursor is always reset.
        (Built from the fields directly: a page asks for dozens of links, each with a change.)"""
        field = {**self.__dict__, **changes}.__getitem__
        dates = (field("date_from"), field("date_to"))
        pairs: list[tuple[str, Any]] = [("speaker", slug) for slug in field("speakers")]
        pairs += [
            ("country", field("country")),
            ("topic", field("topic")),
            ("q", field("q")),
            ("from", dates[0].isoformat() if dates[0] else None),
            ("to", dates[1].isoformat() if dates[1] else None),
            ("outlet", field("outlet")),
            ("kind", field("kind")),
            ("sort", field("sort")),
            ("reports", "all" if field("reports") else None),
        ]
        return [(k, str(v)) for k, v in pairs if v and k not in self.fixed]

    def query(self, **changes: Any) -> str:
        """`?a=b&…` for links (empty string when nothing is set). A page asks for dozens, each
        changing one field: every field's part is encoded once per filter, and only the
        changed ones again (encoding the whole query each time was a tenth of a list page)."""
        if not changes.keys() <= _QUERY_FIELDS.keys():
            return query_string(self.params(**changes))
        parts = self.__dict__.get("_parts")
        if parts is None:
            parts = {name: self._part(name, getattr(self, name)) for name in _QUERY_FIELDS}
            object.__setattr__(self, "_parts", parts)  # not a field: equality and hash ignore it
        if changes:
            parts = {**parts, **{name: self._part(name, v) for name, v in changes.items()}}
        joined = "&".join(part for part in parts.values() if part)
        return f"?{joined}" if joined else ""

    def _part(self, name: str, value: Any) -> str:
        """The encoded `key=value` pairs of one field, "" when unset or fixed by the page."""
        key = _QUERY_FIELDS[name]
        if key in self.fixed or not value:
            return ""
        # As urlencode writes them (quote_plus), without its checks: a page asks for dozens.
        if name == "speakers":
            return "&".join(f"{key}={quote_plus(str(slug))}" for slug in value if slug)
        if name == "reports":
            value = "all"
        elif isinstance(value, date):
            value = value.isoformat()
        return f"{key}={quote_plus(str(value))}"

    def full_query(self) -> str:
        """The query string with the page's fixed filters included, for exports and feeds."""
        return query_string(self.full_params())

    def full_params(self) -> list[tuple[str, str]]:
        """The parameters with the page's fixed filters included."""
        return replace(self, fixed=frozenset()).params()

    def page_query(self, cursor: str) -> str:
        """The query string of the page after `cursor`."""
        return query_string([*self.params(), ("after", cursor)])

    def toggle_speaker(self, slug: str) -> str:
        """Query string with `slug` added to, or removed from, the selected speakers."""
        if slug in self.speakers:
            return self.query(speakers=tuple(s for s in self.speakers if s != slug))
        return self.query(speakers=(*self.speakers, slug))


# The fields links carry, in the order params() gives them, with their parameter names.
_QUERY_FIELDS = {
    "speakers": "speaker", "country": "country", "topic": "topic", "q": "q",
    "date_from": "from", "date_to": "to", "outlet": "outlet", "kind": "kind", "sort": "sort",
    "reports": "reports",
}  # fmt: skip


def query_string(pairs: list[tuple[str, str]]) -> str:
    """`?a=b&…` with every value encoded, empty values left out ("" when none is left)."""
    encoded = urlencode([(key, value) for key, value in pairs if value])
    return f"?{encoded}" if encoded else ""


def encode_cursor(sort: str, key: Any, ident: int) -> str:
    """An opaque, URL-safe token for the position after (key, ident) in `sort` order."""
    raw = json.dumps([sort, key, ident], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


MAX_CURSOR_CHARS = 700  # our cursors hold a sort, a key of up to 500 characters and an id
_INT64 = range(-(2**63), 2**63)  # what a database integer column can hold


def decode_cursor(token: str, sort: str) -> tuple[Any, int] | None:
    """(key, ident) from a token made for the same sort, or None for anything else: a damaged,
    forged or oversized token means the first page, never an error."""
    if len(token) > MAX_CURSOR_CHARS:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        token_sort, key, ident = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, RecursionError):
        return None
    if token_sort != sort or not _is_row_id(ident) or not _is_cursor_key(key):
        return None
    return key, ident


def _is_row_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in _INT64


def _is_cursor_key(value: Any) -> bool:
    """None, or a value a database compares without overflow: a 64-bit integer, a finite
    float, a short string without NUL (PostgreSQL refuses NUL in text)."""
    if value is None:
        return True
    if isinstance(value, str):
        return len(value) <= 500 and "\x00" not in value
    if isinstance(value, float):
        return math.isfinite(value)
    return _is_row_id(value)


def _get_all(params: Any, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name) if isinstance(params, Mapping) else None
    return [value] if isinstance(value, str) else list(value or [])


def _speaker_slugs(values: list[str]) -> tuple[str, ...]:
    slugs: list[str] = []
    for value in values:
        for slug in value.split(","):
            slug = slug.strip().lower()
            if slug and slug not in slugs:
                slugs.append(slug)
    return tuple(slugs)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:500] or None


def _parse_date(value: str | None, name: str, problems: list[str]) -> date | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"Ignored “{name}”: dates look like 2019-05-14.")
        return None


def _choice(value: str | None, allowed: tuple[str, ...], name: str, problems: list[str]):
    value = _clean(value)
    if value is None or value in allowed:
        return value
    problems.append(f"Ignored “{name}”: use one of {', '.join(allowed)}.")
    return None
