"""Keeping the build's memory down while MkDocs publishes thousands of pages.

MkDocs 1.6 converts every page to HTML before it writes any (``_populate_page`` for all, then
``_build_page`` for each), and keeps each page's Markdown, HTML and table of contents until the
process ends. Pagefind then runs over the written site, and it is the largest process of the build
(about 1.2 GB at 13,000 pages); everything MkDocs still holds at that moment adds to the peak.

So: a page's Markdown is let go once it has been converted, its HTML and table of contents once the
page is written, and the freed memory is handed back to the operating system before Pagefind starts.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache

from mkdocs.structure.pages import Page


def forget_markdown(page: Page) -> None:
    """Drop a page's Markdown once MkDocs has converted it to HTML.

    An empty string, not ``None``: MkDocs reads ``markdown is None`` as "not read yet" and would
    then give the page no title. With the HTML present, the title comes from the render (or the
    meta), exactly as before, never from the Markdown.
    """
    page.markdown = ""


def forget_html(page: Page) -> None:
    """Drop a written page's HTML and table of contents: nothing reads them after the page is written.

    Anchor validation, which runs after every page is written, uses ``present_anchor_ids`` and
    ``links_to_anchors``, which stay. The title does not change: it was taken from the render.
    """
    page.content = ""
    page.toc = []  # type: ignore[assignment]  # what MkDocs gives a page before it is rendered


def release_free_memory() -> None:
    """Collect garbage and give freed heap pages back to the operating system.

    CPython frees large objects (page texts) to ``malloc``, which keeps the memory for reuse;
    glibc's ``malloc_trim`` returns it, so a child process started next (Pagefind) does not add to
    memory this process no longer uses. Elsewhere (no glibc) only the collection happens.
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows)
        return None
