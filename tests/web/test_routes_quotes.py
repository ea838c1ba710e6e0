"""Routes: the home list (filters, fragments, cursor) and the quote permalink."""

import itertools
import re
from types import SimpleNamespace

import pytest
from sqlmodel import select

from app.models import Quote

HTMX = {"HX-Request": "true"}


def quote_id(session, fragment: str) -> int:
    return session.exec(select(Quote.id).where(Quote.text.contains(fragment))).one()


def listed(html: str) -> int:
    return html.count('class="quote-item')


def test_home_full_page_lists_newest_first(seeded_client):
    response = seeded_client.get("/")
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    assert "<html" in html and '<script src="http://testserver/static/htmx.min.js" defer>' in html
    assert listed(html) == 4
    assert html.index("Sanctions are not a policy") < html.index("We will not abandon Caracas")


def test_home_htmx_request_gets_only_the_list_fragment(seeded_client):
    response = seeded_client.get("/?country=RU", headers=HTMX)
    assert "HX-Request" in response.headers["Vary"].split(", ")
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<div id="browse"') or 'id="browse"' in response.text
    assert listed(response.text) == 2


def test_home_history_restore_gets_the_whole_page(seeded_client):
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    assert "<html" in seeded_client.get("/", headers=headers).text


def test_home_form_works_without_javascript(seeded_client):
    html = seeded_client.get("/").text
    form = re.search(r"<form class=\"filters\"[^>]*>", html).group(0)
    assert 'method="get"' in form and 'action="http://testserver/"' in form
    assert 'hx-get="http://testserver/"' in form
    assert 'hx-push-url="true"' in html


def test_home_filters_combine(seeded_client):
    assert listed(seeded_client.get("/?country=RU").text) == 2
    assert listed(seeded_client.get("/?country=RU&topic=sanctions").text) == 1
    assert listed(seeded_client.get("/?topic=sanctions").text) == 2
    assert listed(seeded_client.get("/?topic=sanctions&kind=indirect").text) == 1
    assert listed(seeded_client.get("/?country=US&topic=venezuela").text) == 0


def test_home_filters_by_several_speakers_and_unknown(seeded_client):
    both = seeded_client.get("/?speaker=mike-pompeo&speaker=unknown").text
    assert listed(both) == 2 and "Nobody can be sure" in both and "Iran" in both
    assert listed(seeded_client.get("/?speaker=sergey-lavrov,mike-pompeo").text) == 3


def test_home_filters_by_date_outlet_and_text(seeded_client):
    assert listed(seeded_client.get("/?from=2019-06-01").text) == 2
    assert listed(seeded_client.get("/?to=2019-05-31&outlet=Example+Wire").text) == 2
    assert listed(seeded_client.get("/?outlet=Other+Herald&q=sanctions").text) == 1


def test_home_bad_values_are_reported_not_fatal(seeded_client):
    response = seeded_client.get("/?from=yesterday&kind=shouted&after=garbage!!")
    assert response.status_code == 200
    assert "dates look like 2019-05-14" in response.text
    assert "use one of direct, indirect, mixed" in response.text
    assert listed(response.text) == 4


def test_home_facets_show_counts_and_keep_other_filters(seeded_client):
    html = seeded_client.get("/?topic=sanctions").text
    assert re.search(r"Sergey Lavrov</a>\s*<span class=\"count\">1</span>", html)
    assert "/?topic=sanctions&amp;country=RU" not in html  # param order is fixed
    assert "/?country=RU&amp;topic=sanctions" in html


def test_home_cursor_pages_through_every_quote_once_in_order(seeded_client, session):
    seeded_client.app.state.settings.page_size = 1
    seen, url = [], "/"
    while url:
        html = seeded_client.get(url, headers=HTMX).text
        seen += [int(i) for i in re.findall(r"/quotes/(\d+)\">Permalink", html)]
        found = re.search(r'rel="next" href="http://testserver(/[^"]+)"', html)
        url = found.group(1).replace("&amp;", "&") if found else None
    newest_first = select(Quote.id).order_by(Quote.published.desc(), Quote.id.desc())
    assert seen == list(session.exec(newest_first))


def test_home_cursor_link_leads_to_the_rest(seeded_client):
    seeded_client.app.state.settings.page_size = 3
    first = seeded_client.get("/").text
    assert listed(first) == 3 and 'rel="next"' in first
    cursor = re.search(r"after=([\w-]+)", first).group(1)
    second = seeded_client.get(f"/?after={cursor}").text
    assert listed(second) == 1 and 'rel="next"' not in second
    assert "First page" in second and "We will not abandon Caracas" in second


def test_home_oldest_sort_reverses(seeded_client):
    html = seeded_client.get("/?sort=oldest").text
    assert html.index("We will not abandon Caracas") < html.index("Sanctions are not a policy")


def test_home_marks_low_confidence(seeded_client):
    html = seeded_client.get("/?speaker=unknown").text
    assert "low confidence" in html.split("Nobody can be sure")[1]


def test_home_empty_database_says_what_to_do(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No quotes yet" in response.text and "diplomat ingest" in response.text


def test_home_no_matches_names_the_filter_to_remove(seeded_client):
    html = seeded_client.get("/?from=2030-01-01").text
    assert "<strong>No quotes match</strong> — " in html
    assert (
        '<a href="http://testserver/" hx-get="http://testserver/">remove the date filter</a>'
        " to see 4 quotes." in html
    )
    french = seeded_client.get("/?country=FR&kind=direct").text
    assert "remove the country filter (France)</a> to see 3 quotes" in french
    assert 'hx-get="http://testserver/?country=FR">Remove the kind filter (direct)</a>' in french
    assert "Clear all filters" in french


def test_home_no_matches_puts_the_most_helpful_removal_first(seeded_client):
    # Only dropping the speaker helps: Pompeo said nothing direct on Venezuela, Lavrov did.
    html = seeded_client.get("/?speaker=mike-pompeo&topic=venezuela&kind=direct").text
    empty = html.split('class="empty"')[1]
    assert "remove the speaker filter</a> to see 1 quote." in empty
    assert empty.index("speaker filter") < empty.index("topic filter") < empty.index("Clear all")


def test_home_no_matches_fragment_links_stay_in_place(seeded_client):
    html = seeded_client.get("/?outlet=Nowhere", headers=HTMX).text
    assert "<html" not in html
    link = '<a href="http://testserver/" hx-get="http://testserver/">remove the outlet filter'
    assert link in html


def test_home_counts_skipped_when_over_budget(seeded_client, monkeypatch):
    monkeypatch.setattr("app.web.listing.facet_counts", lambda *args: None)
    html = seeded_client.get("/?country=RU").text
    assert "counts-skipped" in html and listed(html) == 2
    # Meanwhile, what the tallies know: the total, and the facets they count.
    assert "1–2 of 2 quotes" in html and "Counting the other counts" in html
    facets = html.split('id="refine"')[1].split("</aside>")[0]
    assert "<h3>Speaker</h3>" in facets and "<h3>Outlet</h3>" in facets
    # A topic's outlets are tallied by speaker over all kinds, not by speaker and kind:
    # that count waits for the quotes.
    html = seeded_client.get("/?country=RU&topic=sanctions").text
    facets = html.split('id="refine"')[1].split("</aside>")[0]
    assert "<h3>Speaker</h3>" in facets and "<h3>Outlet</h3>" in facets
    html = seeded_client.get("/?country=RU&topic=sanctions&kind=direct").text
    facets = html.split('id="refine"')[1].split("</aside>")[0]
    assert "<h3>Speaker</h3>" in facets and "<h3>Outlet</h3>" not in facets


def _no_time_to_count(client, monkeypatch) -> None:
    """A counting budget no query can meet. SQLite looks at the clock every step: the seeded
    database's counts take fewer than the usual 1,000."""
    monkeypatch.setattr("app.queries.fts.PROGRESS_STEPS", 1)
    client.app.state.settings.facet_budget_ms = 0.000001


@pytest.mark.sqlite_only(reason="sub-millisecond budget; test_postgres.py checks statement_timeout")
def test_home_facets_time_limit_gives_up_rather_than_slowing(seeded_client, monkeypatch):
    # A budget no query can meet: the page still answers, without counts.
    _no_time_to_count(seeded_client, monkeypatch)
    html = seeded_client.get("/?q=sanctions+OR+caracas+OR+sure").text
    assert listed(html) == 4 and "counts-skipped" in html


def test_home_form_keeps_several_speakers_by_name(seeded_client):
    html = seeded_client.get("/?speaker=sergey-lavrov&speaker=unknown").text
    chips = html.split('aria-label="Chosen speakers">')[1].split("</ul>")[0]
    assert '<input type="hidden" name="speaker" value="sergey-lavrov">Sergey Lavrov' in chips
    assert '<input type="hidden" name="speaker" value="unknown">Unknown speaker' in chips
    assert 'href="http://testserver/?speaker=unknown" ' in chips  # removes Lavrov
    assert listed(html) == 3


def test_home_form_offers_adding_a_speaker_by_name(seeded_client):
    assert (
        '<label for="f-who">Add a speaker</label>'
        in seeded_client.get("/?speaker=mike-pompeo").text
    )
    html = seeded_client.get("/").text
    assert '<label for="f-who">Speaker</label>' in html
    assert "<option" not in html.split('id="f-who"')[1].split("</div>")[0]  # no list shipped


def test_home_typed_speaker_name_goes_to_the_tidy_url(seeded_client):
    page = seeded_client.get("/?who=sergei+lavrov&q=&topic=", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "http://testserver/?speaker=sergey-lavrov"
    htmx = seeded_client.get("/?who=Pompeo&speaker=sergey-lavrov", headers={"HX-Request": "true"})
    assert htmx.status_code == 200
    assert htmx.headers["HX-Push-Url"] == (
        "http://testserver/?speaker=sergey-lavrov&speaker=mike-pompeo"
    )


def test_home_unknown_speaker_name_says_so(seeded_client):
    html = seeded_client.get("/?who=Zorro").text
    assert "No speaker has a name like “Zorro”." in html


def test_speaker_suggestions_fit_what_is_typed(seeded_client):
    options = seeded_client.get("/speakers/suggest?who=lav", headers={"HX-Request": "true"}).text
    assert '<option value="Sergey Lavrov">Sergey Lavrov · Russia · 2 quotes</option>' in options
    assert "Pompeo" not in options
    page = seeded_client.get("/speakers/suggest?who=pompeo").text
    assert 'href="http://testserver/speakers/mike-pompeo">Mike Pompeo</a>' in page
    assert "No speaker has a name like" in seeded_client.get("/speakers/suggest?who=zz").text


def test_home_outlet_field_suggests_outlets(seeded_client):
    html = seeded_client.get("/").text
    outlets = html.split('<datalist id="f-outlets">')[1].split("</datalist>")[0]
    assert outlets == '<option value="Example Wire"><option value="Other Herald">'


def test_quote_permalink_shows_speaker_source_and_citation(seeded_client, session):
    qid = quote_id(session, "abandon Caracas")
    response = seeded_client.get(f"/quotes/{qid}")
    assert response.status_code == 200
    html = response.text
    assert 'href="http://testserver/speakers/sergey-lavrov"' in html
    assert 'href="http://testserver/articles/' in html and f"#q{qid}" in html
    assert "Example Wire" in html and "14 May 2019" in html
    assert "<dt>Cue</dt><dd>said</dd>" in html
    assert f'<mark class="quote" id="q{qid}">' in html
    citation = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
    assert "Sergey Lavrov" in citation and "We will not abandon Caracas" in citation
    assert f"http://testserver/quotes/{qid}" in citation


def test_quote_permalink_unknown_speaker_and_low_confidence(seeded_client, session):
    html = seeded_client.get(f"/quotes/{quote_id(session, 'Nobody')}").text
    assert "Unknown speaker" in html and "low confidence" in html


def test_quote_permalink_fragment_request_still_gets_page(seeded_client, session):
    response = seeded_client.get(f"/quotes/{quote_id(session, 'Nobody')}", headers=HTMX)
    assert "<html" in response.text and "HX-Request" in response.headers["Vary"].split(", ")


def test_quote_permalink_missing_is_helpful_404(seeded_client):
    response = seeded_client.get("/quotes/99999")
    assert response.status_code == 404
    assert "There is no quote number 99999" in response.text and "<html" in response.text


def test_home_htmx_pushes_a_tidy_url(seeded_client):
    response = seeded_client.get("/?q=&country=RU&topic=&kind=&sort=", headers=HTMX)
    assert response.headers["HX-Push-Url"] == "http://testserver/?country=RU"


@pytest.mark.sqlite_only(reason="sub-millisecond budget; test_postgres.py checks statement_timeout")
def test_counts_over_budget_are_finished_in_the_background(seeded_client, monkeypatch):
    from app.queries.facets import wait_for_background

    _no_time_to_count(seeded_client, monkeypatch)
    first = seeded_client.get("/?q=sanctions+OR+caracas+OR+venezuela").text
    assert "counts-skipped" in first
    assert wait_for_background()
    # Another page of the same selection (the page cache keeps the first for a few seconds).
    later = seeded_client.get("/?q=sanctions+OR+caracas+OR+venezuela&sort=newest").text
    assert "counts-skipped" not in later and 'class="facet"' in later


@pytest.mark.sqlite_only(reason="sub-millisecond budget; test_postgres.py checks statement_timeout")
def test_counts_part_waits_for_counts_still_being_made(seeded_client, monkeypatch):
    """The counts part asked while the background still counts: answered once they are
    there (app/web/counts_wait.py), not with the placeholder."""
    import time

    from app.queries import facets

    counted = facets._counted_facets

    def slowly(*args, **kwargs):
        time.sleep(0.4)
        return counted(*args, **kwargs)

    monkeypatch.setattr(facets, "_counted_facets", slowly)
    _no_time_to_count(seeded_client, monkeypatch)
    url = "/?q=sanctions+OR+caracas+OR+policy"
    assert "counts-skipped" in seeded_client.get(url).text
    started = time.monotonic()
    counts = seeded_client.get(url + "&part=counts", headers={"HX-Request": "true"})
    assert time.monotonic() - started >= 0.2  # it did wait
    assert 'class="facet"' in counts.text and "counts-skipped" not in counts.text
    assert "x-counts-pending" not in counts.headers


@pytest.mark.sqlite_only(reason="sub-millisecond budget; test_postgres.py checks statement_timeout")
def test_counts_not_ready_are_fetched_by_the_page(seeded_client, monkeypatch):
    _no_time_to_count(seeded_client, monkeypatch)
    url = "/?q=sanctions+OR+caracas+OR+policy"
    page = seeded_client.get(url).text
    placeholder = page.split('aria-busy="true"')[1].split(">")[0]
    counts_url = "?q=sanctions+OR+caracas+OR+policy&n=1&shown=3&part=counts"
    assert f'hx-get="http://testserver/{counts_url.replace("&", "&amp;")}"' in placeholder
    assert '<span id="summary-count">Quotes 1–3</span>' in page  # no total yet
    counts = seeded_client.get("/" + counts_url, headers={"HX-Request": "true"})
    assert counts.status_code == 200 and counts.text.lstrip().startswith('<aside class="facets"')
    assert 'class="facet"' in counts.text and "<html" not in counts.text
    assert "hx-trigger" not in counts.text  # never asks again by itself
    assert "x-counts-pending" not in counts.headers  # the server's own mark, not sent
    # The list's count phrase comes with the counts, in place of the bare range.
    assert '<span id="summary-count" hx-swap-oob="true">1–3 of 3 quotes</span>' in counts.text


def test_the_count_phrase_has_its_place_when_the_total_is_known_too(seeded_client):
    # (the counts part may still come when the tallies knew the total: its phrase needs a place)
    html = seeded_client.get("/").text
    assert re.search(r'<span id="summary-count">1–\d+ of \d+ quotes</span>', html)


@pytest.mark.sqlite_only(reason="SQLite's progress handler; PostgreSQL times the statement")
def test_counts_of_a_few_matches_are_let_finish_on_a_busy_server(seeded_client, monkeypatch):
    # On a busy server a page's wall clock runs on while other requests have the CPU: the
    # counts of a word in few quotes (small work) are timed in their thread's CPU time.
    monkeypatch.setattr("app.queries.fts.PROGRESS_STEPS", 1)
    seeded_client.app.state.settings.facet_budget_ms = 50
    wall = itertools.count(step=1.0)  # a second passes at each look at the clock
    stalled = SimpleNamespace(thread_time=lambda: 0.0, monotonic=lambda: next(wall))
    monkeypatch.setattr("app.queries.fts.time", stalled)
    html = seeded_client.get("/search?q=sanctions").text
    assert "counts-skipped" not in html and "<h3>Speaker</h3>" in html


def test_list_links_an_unattributed_quote_to_the_unknown_speaker(seeded_client, session):
    qid = quote_id(session, "Nobody")
    html = seeded_client.get("/?speaker=unknown").text
    item = html.split('<li class="quote-item')[1].split("</li>")[0]
    assert '<a href="http://testserver/speakers/unknown">Unknown speaker</a>' in item
    assert f'href="http://testserver/quotes/{qid}"' in item
