"""Browser tests for finding speakers and statements: the directory's kinds and letters, alias
addresses, the name card in search, the compare picker, one statement reported many times,
filter chips and page ranges, and the phone's way to the filters.

The corpus is built here so every figure asserted is known: three outlets print one Lavrov
statement (one in other words), Pompeo makes five distinct statements, and organisations,
a group, a place and an outlet are named as speakers.
"""

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.web.app import create_app
from tests.conftest import TOPIC_NAMES, quote_in
from tests.support.browser import launched_chromium, live_server
from tests.support.engines import dispose_after_counts

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
PAGE_SIZE = 2  # small, so five statements make three pages
LAVROV = dict(speaker="Sergey Lavrov", speaker_country="RU", speaker_role="Foreign Minister")
POMPEO = dict(speaker="Mike Pompeo", speaker_country="US", speaker_role="Secretary of State")


def _article(text: str, outlet: str, day: date, *quotes: tuple[str, dict]) -> ExtractedArticle:
    return ExtractedArticle(
        text=text,
        title=text.split("\n", 1)[0],
        outlet=outlet,
        date=day,
        quotes=tuple(quote_in(text, fragment, **fields) for fragment, fields in quotes),
    )


def corpus() -> list[tuple[str, ExtractedArticle]]:
    matrix = '"The West is building a new matrix of security,"'
    variant = '"The West is now building a new matrix of European security,"'
    first = f"Security talks\n\n{matrix} Foreign Minister Sergey Lavrov said."
    second = f"Moscow's view\n\n{matrix} said Sergei Lavrov."
    third = f"Europe worried\n\n{variant} Lavrov told reporters."
    articles = [
        ("north.txt", _article(first, "North Wire", date(2024, 3, 1), (matrix, LAVROV))),
        (
            "south.txt",
            _article(
                second,
                "South Post",
                date(2024, 3, 2),
                (matrix, {**LAVROV, "speaker": "Sergei Lavrov"}),
            ),
        ),
        ("east.txt", _article(third, "East Times", date(2024, 3, 3), (variant, LAVROV))),
    ]
    pompeo_lines = [
        "Sanctions on Iran will stay in place",
        "Our allies in Asia can count on us",
        "The embassy in Caracas stays closed",
        "Trade talks with China resume next week",
        "No deal is better than a bad deal",
    ]
    for number, line in enumerate(pompeo_lines, start=1):
        text = f'Washington briefing {number}\n\n"{line}," Secretary of State Mike Pompeo said.'
        topics = ("iran", "sanctions") if "Iran" in line else ()
        article = _article(
            text, "North Wire", date(2024, 4, number), (f'"{line},"', {**POMPEO, "topics": topics})
        )
        articles.append((f"pompeo-{number}.txt", article))
    others = (
        'Alliance and others\n\n"The door stays open," NATO said. "We are ready," Norway said. '
        '"Nobody expected this," officials said. "Talks will go on," Interfax reported. '
        '"We sign this year," Norwegian Foreign Minister Ingrid Valen said.'
    )
    articles.append(
        (
            "others.txt",
            _article(
                others,
                "West Gazette",
                date(2024, 5, 1),
                ('"The door stays open,"', {"speaker": "NATO", "speaker_type": "organisation"}),
                (
                    '"We are ready,"',
                    {"speaker": "Norway", "speaker_type": "place", "speaker_country": "NO"},
                ),
                ('"Nobody expected this,"', {"speaker": "officials", "speaker_type": "group"}),
                ('"Talks will go on,"', {"speaker": "Interfax", "speaker_type": "outlet"}),
                ('"We sign this year,"', {"speaker": "Ingrid Valen", "speaker_country": "NO"}),
            ),
        )
    )
    return articles


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture
def base_url(engine, app_settings) -> Iterator[str]:
    for source, article in corpus():
        store_article(engine, source, article, TOPIC_NAMES)
    app = create_app(app_settings.model_copy(update={"page_size": PAGE_SIZE}))
    with live_server(app) as url:
        yield url
    dispose_after_counts(app.state.engine)


def _open(browser: Browser, base_url: str, viewport: dict, javascript: bool = True):
    context = browser.new_context(
        viewport=viewport, base_url=base_url, java_script_enabled=javascript
    )
    context.set_default_timeout(5_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    # An htmx swap that adds inline styles shows up as a CSP report in the console.
    page.on("console", lambda m: problems.append(m.text) if "Content Security" in m.text else 0)
    return context, page, problems


@pytest.fixture
def page(browser, base_url) -> Iterator[Page]:
    context, page, problems = _open(browser, base_url, DESKTOP)
    yield page
    context.close()
    assert problems == [], f"console errors: {problems}"


def wait_for_htmx(page: Page) -> None:
    page.wait_for_function("() => window.htmx !== undefined")


def quote_items(page: Page):
    return page.locator("#browse li.quote-item")


def test_browser_directory_shows_people_by_surname_with_kinds_a_click_away(page: Page):
    page.goto("/speakers")
    tabs = page.get_by_role("navigation", name="Kinds of speaker")
    expect(tabs.locator("a[aria-current=page]")).to_contain_text("People")
    names = page.locator(".entity-list li > a")
    # Surname order (Lavrov, Pompeo, Valen); no outlet, body, group or country among people.
    expect(names).to_have_text(["Sergey Lavrov", "Mike Pompeo", "Ingrid Valen"])
    # Counts are of statements: Lavrov's one statement printed three times counts once.
    expect(page.locator(".entity-list > li").first).to_contain_text("1 quote")
    expect(page.locator(".entity-list")).not_to_contain_text("Interfax")

    wait_for_htmx(page)
    page.get_by_role("navigation", name="Surnames from").get_by_role(
        "link", name="P", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"letter=P"))
    expect(names).to_have_text(["Mike Pompeo", "Ingrid Valen"])

    tabs.get_by_role("link", name=re.compile("Organisations")).click()
    expect(page).to_have_url(re.compile(r"kind=organisation"))
    expect(names).to_have_text(["Government of Norway", "NATO"])
    page.get_by_role("link", name="Government of Norway").click()
    expect(page.locator("h1")).to_have_text("Government of Norway")
    expect(page.locator("body")).to_contain_text("Norway")

    page.goto("/speakers?kind=group")
    expect(page.locator(".entity-list li > a")).to_have_text(["Unknown speaker", "officials"])


def test_browser_an_outlet_is_the_channel_not_the_speaker(page: Page):
    page.goto("/search?q=talks+will+go+on")
    item = quote_items(page).first
    expect(item).to_contain_text("via Interfax")
    expect(page.locator(".offer")).to_have_count(0)  # no speaker card for an outlet


def test_browser_alias_and_case_addresses_redirect_to_the_canonical_page(page: Page, base_url):
    for address in ("/speakers/sergei-lavrov", "/speakers/Sergey-Lavrov"):
        response = page.goto(address)
        assert response is not None and response.request.redirected_from is not None
        assert response.request.redirected_from.response().status == 301
        expect(page).to_have_url(f"{base_url}/speakers/sergey-lavrov")
        expect(page.locator("h1")).to_have_text("Sergey Lavrov")
    expect(page.locator("body")).to_contain_text("Sergei Lavrov")  # aliases listed on the page


def test_browser_a_surname_in_search_offers_the_speaker_card(page: Page, base_url):
    page.goto("/")  # the home page's Words field, not only the search page
    wait_for_htmx(page)
    page.fill("#f-q", "pompeo")
    page.press("#f-q", "Enter")
    card = page.locator(".offer")
    expect(card).to_contain_text("Mike Pompeo")
    expect(card).to_contain_text("5 quotes")
    card.get_by_role("link", name=re.compile("Mike Pompeo")).click()
    expect(page).to_have_url(f"{base_url}/speakers/mike-pompeo")

    page.goto("/search?q=Serg%C3%A9i+Lavr%C3%B3v")  # accents and a variant spelling
    expect(page.locator(".offer")).to_contain_text("Sergey Lavrov")


def test_browser_compare_picks_speakers_by_typing_names(page: Page, base_url):
    page.goto("/compare")
    wait_for_htmx(page)
    page.locator("#c-who").press_sequentially("Lavr", delay=30)
    expect(page.locator("#c-who-options option")).to_have_count(1)
    expect(page.locator("#c-who-options option")).to_have_attribute("value", "Sergey Lavrov")
    page.fill("#c-who", "Sergey Lavrov")
    page.press("#c-who", "Enter")
    chosen = page.get_by_role("list", name="Speakers compared").locator("li")
    expect(chosen).to_have_text([re.compile("Sergey Lavrov")])

    page.fill("#c-who", "pompeo")
    page.press("#c-who", "Enter")
    expect(chosen).to_have_count(2)
    expect(page).to_have_url(re.compile(r"speakers=sergey-lavrov%2Cmike-pompeo$"))
    expect(page.locator("table.compare thead th")).to_have_text(
        ["Date", "Sergey Lavrov", "Mike Pompeo"]
    )


def test_browser_compare_without_javascript_resolves_names_and_links_suggestions(browser, base_url):
    context, page, problems = _open(browser, base_url, DESKTOP, javascript=False)
    page.goto("/compare?who=lavrov")
    expect(page.get_by_role("list", name="Speakers compared")).to_contain_text("Sergey Lavrov")
    suggestion = page.locator(".suggestions").get_by_role("link", name="Mike Pompeo")
    suggestion.click()
    expect(page.get_by_role("list", name="Speakers compared").locator("li")).to_have_count(2)
    context.close()
    assert problems == []


def test_browser_one_statement_reported_three_times_is_one_line(page: Page, base_url):
    page.goto("/speakers/sergey-lavrov")
    expect(quote_items(page)).to_have_count(1)
    line = quote_items(page).first.locator("a.reports")
    expect(line).to_have_text("reported by 3 outlets · first on 1 March 2024")

    wait_for_htmx(page)
    page.get_by_role("link", name="show every report").click()
    expect(page).to_have_url(re.compile(r"reports=all"))
    expect(quote_items(page)).to_have_count(2)  # a page of two of the three reports
    expect(page.locator("#browse .summary")).to_contain_text("1–2 of 3 reports")

    page.goto("/speakers/sergey-lavrov")
    quote_items(page).first.locator("a.reports").click()
    reports = page.locator("#reports")
    expect(reports.get_by_role("heading")).to_have_text("Reported 3 times")
    expect(reports.locator("ol.report-list > li > a")).to_have_text(
        ["North Wire, 1 March 2024", "South Post, 2 March 2024", "East Times, 3 March 2024"]
    )
    expect(reports.locator("ins")).to_contain_text(["now", "European"])


def test_browser_counts_that_come_late_complete_the_count_phrase(page: Page, base_url, monkeypatch):
    # On a busy server the counts miss the page's budget: the page shows the range alone, and
    # its own request for the counts brings the total as well (CI once read "Reports 1–2").
    monkeypatch.setattr("app.web.listing.facet_counts", lambda *args: None)
    page.goto("/speakers/sergey-lavrov?reports=all")
    expect(page.locator("#browse .summary")).to_contain_text("1–2 of 3 reports")
    expect(page.locator("#refine .facet").first).to_be_visible()


def test_browser_chips_and_page_ranges(page: Page, base_url):
    page.goto("/?speaker=mike-pompeo")
    expect(page).to_have_title(re.compile("^Mike Pompeo"))
    summary = page.locator("#browse .summary")
    expect(summary).to_contain_text("1–2 of 5 quotes")
    wait_for_htmx(page)
    page.get_by_role("link", name=re.compile("^Next")).click()
    expect(summary).to_contain_text("3–4 of 5 quotes")
    page.get_by_role("link", name=re.compile("^Next")).click()
    expect(summary).to_contain_text("5–5 of 5 quotes")
    page.go_back()
    expect(summary).to_contain_text("3–4 of 5 quotes")

    page.goto("/?speaker=mike-pompeo&topic=sanctions")
    expect(page.locator("h1")).to_contain_text("Mike Pompeo")
    chips = page.get_by_role("list", name="Filters").locator("li")
    expect(chips).to_have_count(2)
    expect(summary).to_contain_text("1 quote")
    wait_for_htmx(page)
    page.get_by_role("link", name="Remove filter: On Sanctions").click()
    expect(page).to_have_url(f"{base_url}/?speaker=mike-pompeo")
    expect(chips).to_have_count(1)
    expect(summary).to_contain_text("of 5 quotes")


def test_browser_phone_reaches_the_filters_before_the_list(browser, base_url):
    context, page, problems = _open(browser, base_url, PHONE)
    page.goto("/")
    jump = page.get_by_role("link", name="Filter and counts ↓")
    expect(jump).to_be_visible()
    first_quote = quote_items(page).first.bounding_box()
    assert jump.bounding_box()["y"] < first_quote["y"]
    jump.click()
    expect(page).to_have_url(re.compile(r"#refine$"))
    expect(page.locator("#refine")).to_be_in_viewport()
    context.close()
    assert problems == []
