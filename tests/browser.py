"""Helpers for the browser tests: serve a built site on a free localhost port, drive Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` over HTTP on 127.0.0.1 and a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser():
    """A headless Chromium page that may only reach localhost; skips when none is available."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context()
            # Search must work offline: any request that leaves this machine fails the page.
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith("http://127.0.0.1") else route.abort())
            yield context.new_page()
        finally:
            chromium.close()


def first_query(page, url: str, query: str) -> tuple[float, list[str]]:
    """Open ``url``, type ``query`` in the header's search box and wait for results; returns the
    seconds from the last keystroke to the first result, and the result titles."""
    page.goto(url)
    box = page.locator("#nr-search input")
    box.wait_for(timeout=15000)
    start = page.evaluate("performance.now()")
    box.fill(query)
    page.locator("#nr-search .pagefind-ui__result").first.wait_for(timeout=30000)
    seconds = (page.evaluate("performance.now()") - start) / 1000
    titles = page.locator("#nr-search .pagefind-ui__result-link").all_inner_texts()
    return seconds, titles
