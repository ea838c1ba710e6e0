"""Links between the pages of a keyset-paged list: the same filters, after a cursor or from
the start. Every paged list (quotes, speakers, articles) builds its links here."""

from app.queries.filters import query_string


def page_links(
    base_url: str,
    params: list[tuple[str, str]],
    next_cursor: str | None,
    after: str | None,
    start: int = 1,
    shown: int = 0,
) -> dict[str, str | None]:
    """`next_url` (None on the last page) and `first_url` (None on the first page). The next
    link carries the position of its first item (n=…, when this page's is known: 0 is not),
    so "21–40 of 167" can be said there; positions play no part in what is listed."""
    position = [("n", str(start + shown))] if start and shown else []
    return {
        "next_url": base_url + query_string([*params, ("after", next_cursor), *position])
        if next_cursor
        else None,
        "first_url": base_url + query_string(params) if after else None,
    }
