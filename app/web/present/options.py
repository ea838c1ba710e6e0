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
