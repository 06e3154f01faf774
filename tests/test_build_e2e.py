"""End to end: seeds/ -> pages -> a real, strict MkDocs build in a temporary folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import build_site

from .conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e")
    report = build_site(ROOT / "mkdocs.yml", site_dir=out / "site", docs_dir=out / "docs", strict=True,
                        cache_dir=out / "cache")
    assert report.articles == 1 and not report.skipped
    return out / "site"


def _text(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def test_article_page_shows_headline_quotes_and_links(built):
    page = built / "articles" / "000-ff091537aa51fd18" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "Russia blames west for delaying peace talks in Syria" in html
    assert 'href="../../actors/sergei-shoigu/"' in html
    assert 'href="../../actors/ravina-shamadasani/"' in html
    assert html.count('class="nr-quote"') >= 5


@pytest.mark.parametrize("actor,quotes", [("sergei-shoigu", 3), ("ravina-shamadasani", 2)])
def test_speaker_pages_show_their_quotes(built, actor, quotes):
    html = (built / "actors" / actor / "index.html").read_text(encoding="utf-8")
    assert html.count("nr-item-quote") == quotes
    assert html.count('href="../../articles/000-ff091537aa51fd18/#quote-') == quotes


def test_index_pages_and_search_index(built):
    for page in ("index.html", "articles/index.html", "actors/index.html", "about/index.html"):
        assert (built / page).is_file(), page
    assert (built / "pagefind" / "pagefind.js").is_file()
    assert (built / "pagefind" / "pagefind-ui.js").is_file()
    assert any((built / "pagefind" / "fragment").iterdir())
    assert 'src="../pagefind/pagefind-ui.js"' in (built / "about" / "index.html").read_text(encoding="utf-8")


def test_json_export_is_published(built):
    assert (built / "api" / "articles" / "000-ff091537aa51fd18.json").is_file()
