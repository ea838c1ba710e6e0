"""The <option>s of a long select (196 countries on every list page), built in Python and
kept: a Jinja loop escaping each label cost about a millisecond a page."""

from functools import lru_cache

from markupsafe import Markup, escape


def select_options(pairs: list[tuple[str, str]], selected: str | None) -> Markup:
    """`<option value=…>label</option>` for each (value, label), `selected` marked."""
    return _options(tuple(pairs), selected or "")


@lru_cache(maxsize=256)
def _options(pairs: tuple[tuple[str, str], ...], selected: str) -> Markup:
    parts = []
    for value, label in pairs:
        mark = " selected" if value == selected else ""
        parts.append(f'<option value="{escape(value)}"{mark}>{escape(label)}</option>')
    return Markup("\n".join(parts))


def datalist_options(pairs: list[tuple[str, str]]) -> Markup:
    """`<option value=…>` for each (value, label) of a datalist's suggestions (the 200 outlets
    on every list page: a Jinja loop escaping each cost 0.9 ms a speaker's page)."""
    return _datalist(tuple(value for value, _ in pairs))


@lru_cache(maxsize=64)
def _datalist(values: tuple[str, ...]) -> Markup:
    return Markup("".join(f'<option value="{escape(value)}">' for value in values))
