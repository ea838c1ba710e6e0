"""Links between the pages of a keyset-paged list: the same filters, after a cursor or from
the start. Every paged list (quotes, speakers, articles) builds its links here."""

from app.queries.filters import query_string


def page_links(
    base_url: str, params: list[tuple[str, str]], next_cursor: str | None, after: str | None
) -> dict[str, str | None]:
    """`next_url` (None on the last page) and `first_url` (None on the first page)."""
    return {
        "next_url": base_url + query_string([*params, ("after", next_cursor)])
        if next_cursor
        else None,
        "first_url": base_url + query_string(params) if after else None,
    }
