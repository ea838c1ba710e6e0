"""Links between pages of keyset-paged lists (app/web/paging.py)."""

from app.web.paging import page_links


def test_page_links_encode_values_and_drop_empty_ones():
    links = page_links("/articles", [("outlet", "Reuters & AP"), ("q", "")], "c1", None)
    assert links == {"next_url": "/articles?outlet=Reuters+%26+AP&after=c1", "first_url": None}


def test_page_links_first_page_link_only_after_a_cursor():
    links = page_links("/speakers", [("country", "")], None, "c9")
    assert links == {"next_url": None, "first_url": "/speakers"}
