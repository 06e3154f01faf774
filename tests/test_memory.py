"""The memory savings of the MkDocs build change nothing a reader sees.

The plugin lets go of each page's Markdown once converted and of its HTML and table of contents once
written (``generator/memory.py``). A real strict build of a small corpus must give the same site,
byte for byte, as a build that keeps everything, and the savings must really happen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import memory, mkdocs_plugin
from generator.build import build_site

from .conftest import SEED, make_project
from .corpus import write_corpus

HOSTILE_HEADLINE = "Minister </title><script>alert(1)</script> quits"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("memory") / "project")
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write_corpus(root / "seeds", 6)
    (root / "seeds" / "hostile.txt").write_text(
        f"{HOSTILE_HEADLINE}\n\nThe minister said: \"I am leaving today.\" Officials in France denied it.\n",
        encoding="utf-8")
    return root


def _build(project: Path, site: str, monkeypatch: pytest.MonkeyPatch, *, keep: bool) -> list:
    """A strict build into ``site``; ``keep`` turns the savings off. Returns the pages written."""
    written = []

    def forget_html(page):
        written.append(page)
        if not keep:
            memory.forget_html(page)

    monkeypatch.setattr(mkdocs_plugin, "forget_html", forget_html)
    if keep:
        monkeypatch.setattr(mkdocs_plugin, "forget_markdown", lambda page: None)
    build_site(project / "mkdocs.yml", site_dir=project / site, strict=True)
    monkeypatch.undo()
    return written


@pytest.fixture(scope="module")
def builds(project):
    with pytest.MonkeyPatch.context() as monkeypatch:
        lean = _build(project, "site-lean", monkeypatch, keep=False)
        full = _build(project, "site-full", monkeypatch, keep=True)
    return project / "site-lean", project / "site-full", lean, full


def _outputs(site: Path) -> dict[str, bytes]:
    """Every page and data file of the site; not Pagefind's bundle (its file names are hashes of
    its own) nor the gzipped sitemap (it holds the time it was written)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).parts[0] != "pagefind" and p.suffix != ".gz"}


def test_the_site_is_byte_for_byte_what_it_is_without_the_savings(builds):
    lean, full, _, _ = builds
    lean_files, full_files = _outputs(lean), _outputs(full)
    assert sorted(lean_files) == sorted(full_files)
    assert sum(name.endswith(".html") for name in lean_files) >= 20
    different = [name for name in lean_files if lean_files[name] != full_files[name]]
    assert not different


def test_every_page_is_written_whole_before_its_html_is_let_go(builds):
    lean, _, written, _ = builds
    pages = {p.file.dest_uri for p in written}
    assert pages == {p.relative_to(lean).as_posix() for p in lean.rglob("index.html")}
    assert all(page.content == "" and page.toc == [] and page.markdown == "" for page in written)
    article = next(p for p in written if p.file.src_uri == "articles/000-ff091537aa51fd18.md")
    assert article.title == "Russia blames west for delaying peace talks in Syria"
    html = (lean / "articles" / "000-ff091537aa51fd18" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="nr-quote"') >= 5
    # toc permalinks, the table of contents in the sidebar, the title in <title>
    assert '<h2 id="quotes">Quotes<a class="headerlink" href="#quotes" title="Permanent link">' in html
    assert '<a href="#quotes" class="md-nav__link">' in html
    assert "<title>Russia blames west for delaying peace talks in Syria - News report</title>" in html


def test_titles_from_article_text_stay_escaped(builds):
    lean, _, _, _ = builds
    head = (lean / "articles" / "hostile" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert "<script>alert(1)</script>" not in head
    escaped = "Minister &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; quits"
    assert f"<title>{escaped} - News report</title>" in head


@pytest.mark.skipif(memory._malloc_trim() is None, reason="needs glibc's malloc_trim")
def test_freed_page_texts_go_back_to_the_system():
    texts = [(f"page {i} " * 1200) for i in range(20_000)]  # about 200 MB of page-sized strings
    kept = texts[::16]  # a few pages still alive pin the heap, as MkDocs' own objects do
    before = _rss()
    del texts
    memory.release_free_memory()
    assert before - _rss() > 100 * 2**20
    assert len(kept) == 1250


def _rss() -> int:
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return int(row.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.mark.parametrize("anchor,fails", [("quotes", False), ("no-such-anchor", True)])
def test_links_to_anchors_are_still_checked_after_pages_are_let_go(tmp_path: Path, anchor, fails):
    from generator.errors import ConfigError

    project = make_project(tmp_path / "project")
    shutil.copy(SEED, project / "seeds" / SEED.name)
    (project / "docs").mkdir()
    (project / "docs" / "notes.md").write_text(
        f"# Notes\n\nSee [the quotes](articles/000-ff091537aa51fd18.md#{anchor}).\n", encoding="utf-8")
    if fails:
        with pytest.raises(ConfigError, match="strict mode"):
            build_site(project / "mkdocs.yml", strict=True)
    else:
        build_site(project / "mkdocs.yml", strict=True)
        assert (project / "site" / "notes" / "index.html").is_file()
