"""In a real browser: script payloads stay text, no dialog opens, the Content-Security-Policy
reports no violation, and htmx still works under it."""

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, expect
from sqlmodel import Session, select

from app.models import Speaker
from app.web.app import create_app
from tests.support import hostile_web
from tests.support.browser import launched_chromium, live_server
from tests.support.engines import dispose_after_counts

pytestmark = pytest.mark.browser
PAYLOAD = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2;alert(2)</script>'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture
def base_url(engine, app_settings) -> Iterator[str]:
    hostile_web.seed(engine)
    app = create_app(app_settings)
    with live_server(app) as url:
        yield url
    dispose_after_counts(app.state.engine)


def hostile_speaker(engine) -> str:
    with Session(engine) as session:
        return session.exec(select(Speaker.slug).where(Speaker.name.contains("<script>"))).one()


def test_security_browser_payloads_inert_and_csp_clean(browser, base_url, engine):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    dialogs, violations, errors = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    paths = [
        "/",
        "/speakers",
        f"/speakers/{hostile_speaker(engine)}",
        "/quotes/5",
        "/articles/3",
        "/articles",
        "/topics/sanctions",
        "/countries/SE",
        "/compare",
        f"/search?q={quote(PAYLOAD)}",
        f"/?outlet={quote(PAYLOAD)}&q={quote(PAYLOAD)}",
        f"/speakers/{quote(PAYLOAD, safe='')}",
        f"/no/{quote(PAYLOAD, safe='')}",
    ]
    for path in paths:
        page.goto(path)
        expect(page.locator("main")).to_be_visible()
        page.wait_for_function("() => window.htmx !== undefined")
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("main script, main img[src=x]").count() == 0, path
    page.goto("/quotes/5")
    expect(page.locator("main")).to_contain_text('alert("xss-probe")')  # shown, as text
    context.close()
    print(f"browser: {len(paths)} pages with payloads, {len(dialogs)} dialogs")
    assert dialogs == [] and violations == [] and errors == []


def test_security_browser_htmx_works_under_csp(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    violations, requests = [], []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.on("request", lambda r: requests.append(r) if r.headers.get("hx-request") else 0)
    page.goto("/")
    page.wait_for_function("() => window.htmx !== undefined && htmx.config.allowEval === false")
    page.locator('aside.facets a[href*="speaker=sergey-lavrov"]').click()
    expect(page).to_have_url(f"{base_url}/?speaker=sergey-lavrov")
    expect(page.locator("#browse li.quote-item")).to_have_count(2)
    assert requests, "the filter was not fetched by htmx"
    assert page.evaluate("() => document.querySelectorAll('head style').length") == 0
    context.close()
    assert violations == []


def test_security_browser_other_site_cannot_change_saved_speakers(browser, base_url):
    """A page elsewhere that auto-submits the save and forget forms leaves the reader's saved
    speakers as they were (it used to replace them)."""
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    target = base_url  # the site, on 127.0.0.1
    evil = FastAPI()

    @evil.get("/")
    def attack() -> HTMLResponse:
        return HTMLResponse(
            f'<form id="f" method="post" action="{target}/speakers/mike-pompeo/save"></form>'
            '<script>document.getElementById("f").submit()</script>'
        )

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/speakers/sergey-lavrov")
    page.locator("form.save").get_by_role("button", name="Save speaker").click()
    expect(page.locator("form.save")).to_contain_text("Remove from your speakers")
    before = {c["name"]: c["value"] for c in context.cookies()}
    assert before["saved_speakers"] == "sergey-lavrov"
    with live_server(evil) as evil_url:
        other_site = evil_url.replace("127.0.0.1", "localhost")  # another site to the browser
        with page.expect_response(f"{target}/speakers/mike-pompeo/save") as answer:
            page.goto(other_site)
        assert answer.value.status == 403
    after = {c["name"]: c["value"] for c in context.cookies()}
    context.close()
    assert after["saved_speakers"] == "sergey-lavrov"
