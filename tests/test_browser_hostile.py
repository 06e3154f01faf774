"""In a real browser, nothing an article contains runs: no script, no handler, no dialog.

The hostile corpus's payloads set ``window.__pwned`` and call ``alert``; headless Chromium loads the
built pages, and the search, and neither may ever happen. Needs Chromium and the ``playwright``
Python package (never ``playwright install``): ``apt-get install chromium`` and
``pip install playwright``, or set NEWSREPORT_CHROMIUM to a Chromium binary.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import HostileBuild

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("NEWSREPORT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = ["articles/markup-and-scripts/", "articles/front-matter-payloads/", "articles/markdown-syntax/",
         "articles/", "actors/angela-merkel/"]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the playwright package: pip install playwright")
    if not CHROMIUM:
        pytest.skip("browser tests need Chromium: apt-get install chromium (or set NEWSREPORT_CHROMIUM)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(hostile_build: HostileBuild):
    handler = functools.partial(_QuietHandler, directory=str(hostile_build.project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _open(browser, url: str):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="load")
    return page, dialogs


@pytest.mark.parametrize("path", PAGES)
def test_no_injected_script_runs_on_the_built_pages(browser, served, path):
    page, dialogs = _open(browser, served + path)
    page.wait_for_timeout(200)  # let onerror/onload handlers fire if any were live
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("iframe").count() == 0
    page.close()


def test_the_hostile_page_shows_its_payload_as_words(browser, served):
    page, _ = _open(browser, served + "articles/markup-and-scripts/")
    assert page.title().startswith('</title><script>window.__pwned="title"')
    text = page.locator(".nr-text").inner_text()
    assert '<script>window.__pwned="script";alert("script")</script> is what the page said.' in text
    page.close()


def test_searching_for_the_payload_runs_nothing(browser, served):
    page, dialogs = _open(browser, served + "articles/")
    page.locator("#nr-search input").click()  # Pagefind's search box in the header
    page.keyboard.type("pwned")  # as a person would
    results = page.locator("#nr-search .pagefind-ui__result")
    results.first.wait_for(timeout=20_000)
    page.wait_for_timeout(300)
    assert results.count() > 0
    assert page.evaluate("window.__pwned") is None and dialogs == []
    page.close()
