"""The built site in a real browser: headless Chromium, driven by Playwright, over HTTP on localhost.

Needs the Debian package ``chromium`` (/usr/bin/chromium) and the ``playwright`` Python package
(in the ``test`` extra). Never ``playwright install``: the system Chromium is used. Without them
these tests skip, unless NEWSREPORT_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
Screenshots land in ``test-artifacts/``.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator.build import build_site

from .conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NEWSREPORT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
ARTICLE = "articles/000-ff091537aa51fd18/"
HOW_TO_ENABLE = "browser tests need Chromium and Playwright: `apt-get install chromium` and `pip install playwright`"


def _unavailable(reason: str) -> None:
    if os.environ.get("NEWSREPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; NEWSREPORT_REQUIRE_BROWSER=1 forbids skipping. {HOW_TO_ENABLE}")
    pytest.skip(f"{reason}. {HOW_TO_ENABLE}")


@pytest.fixture(scope="module")
def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM}")
    return sync_playwright


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(sync_playwright, tmp_path_factory):
    out = tmp_path_factory.mktemp("browser")
    build_site(ROOT / "mkdocs.yml", site_dir=out / "site", docs_dir=out / "docs", strict=True,
               cache_dir=out / "cache")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(sync_playwright, site_url):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_home_to_article_to_speaker_by_clicking(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name="Russia blames west for delaying peace talks in Syria").first.click()
    page.wait_for_url("**/" + ARTICLE)
    assert _h1(page) == "Russia blames west for delaying peace talks in Syria"
    page.locator("#item-quote-1").get_by_role("link", name="Sergei Shoigu").click()
    page.wait_for_url("**/actors/sergei-shoigu/")
    assert _h1(page) == "Sergei Shoigu"
    assert page.locator(".nr-item-quote").count() == 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "actor-sergei-shoigu.png"), full_page=True)


def test_quote_link_lands_on_its_highlighted_words_and_back(page, site_url):
    page.goto(site_url + ARTICLE)
    page.locator("#item-quote-3").get_by_role("link", name="in the text").click()
    page.wait_for_url("**#quote-3")
    target = page.locator(":target")
    assert target.get_attribute("id") == "quote-3"
    assert "nr-quote" in target.get_attribute("class").split()
    assert target.inner_text().startswith("“All parties in Aleppo")
    assert target.is_visible() and _in_viewport(page, "#quote-3")
    page.locator("a.nr-back[href='#item-quote-3']").click()
    page.wait_for_url("**#item-quote-3")
    assert _in_viewport(page, "#item-quote-3")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_quote_on_actor_page_opens_its_place_in_the_article(page, site_url):
    page.goto(site_url + "actors/ravina-shamadasani/")
    page.get_by_role("link", name="in context").first.click()
    page.wait_for_url("**/" + ARTICLE + "#quote-2")
    assert page.locator(":target").get_attribute("class") == "nr-quote"
    assert _in_viewport(page, "#quote-2")


def test_search_finds_a_speaker_by_name(page, site_url):
    _search(page, site_url, "Shamadasani")
    result = page.locator("#nr-search .pagefind-ui__result-link", has_text="Ravina Shamadasani").first
    result.wait_for()
    result.click()
    page.wait_for_url("**/actors/ravina-shamadasani/**")
    assert _h1(page) == "Ravina Shamadasani"


def test_search_finds_a_phrase_from_a_quote(page, site_url):
    _search(page, site_url, "negotiation process")
    # results appear as their fragments load: wait for the article's (or the speaker's) to show
    page.locator(f'#nr-search a.pagefind-ui__result-link[href*="{ARTICLE}"], '
                 '#nr-search a.pagefind-ui__result-link[href*="/actors/sergei-shoigu/"]').first.wait_for()
    links = page.locator("#nr-search .pagefind-ui__result-link").evaluate_all("els => els.map(e => e.href)")
    assert any(ARTICLE in href or "/actors/sergei-shoigu/" in href for href in links), links


def test_article_fits_a_phone_without_sideways_scrolling(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        for path in (ARTICLE, "actors/sergei-shoigu/", "", "quotes/"):
            page.goto(site_url + path)
            width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width <= inner, f"{path}: page is {width}px wide on a {inner}px screen"
        page.goto(site_url + ARTICLE)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "article-phone.png"), full_page=True)
    finally:
        context.close()


def _search(page, site_url: str, words: str) -> None:
    """Type into the header's search box (Pagefind), as a reader would."""
    page.goto(site_url)
    page.locator("#nr-search input").click()
    page.locator("#nr-search input").press_sequentially(words, delay=20)


def _in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.evaluate("window.innerHeight")
    return box is not None and box["y"] + box["height"] > 0 and box["y"] < height


def _h1(page) -> str:
    """The page heading, without the permalink sign MkDocs' toc adds."""
    return page.locator("h1").first.inner_text().rstrip("¶").strip()
