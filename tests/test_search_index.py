"""The search index: shards of bounded size, and shards reused from the last build when their
pages did not change (no browser needed: this looks at the bundles Pagefind writes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import generator.search as search_module
from generator.search import BUNDLE, BUNDLE_LIST, index_site, shards


def _site(root: Path, pages: int = 12) -> Path:
    site = root / "site"
    for n in range(pages):
        page = site / "articles" / f"a{n:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        words = " ".join(f"word{n}x{k}" for k in range(2000))
        page.write_text(f"<html><body><main data-pagefind-body><h1>Story {n}</h1><p>{words}</p></main></body></html>",
                        encoding="utf-8")
    (site / "index.html").write_text("<html><body><main data-pagefind-body><h1>Home</h1></main></body></html>",
                                     encoding="utf-8")
    return site


@pytest.fixture
def runs(monkeypatch) -> list:
    found: list = []
    real = search_module._pagefind
    monkeypatch.setattr(search_module, "_pagefind", lambda *a: (found.append(a), real(*a)))
    return found


def test_shards_stay_under_their_size_and_cover_every_page_once(tmp_path):
    site = _site(tmp_path)
    groups = shards(site, shard_bytes=60_000)
    assert len(groups) > 2
    assert sorted(p for g in groups for p in g) == sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert all(sum((site / p).stat().st_size for p in g) <= 60_000 for g in groups if len(g) > 1)


def test_a_new_build_reuses_the_shards_of_the_last_one(tmp_path, runs):
    old = _site(tmp_path / "old")
    bundles = index_site(old, shard_bytes=60_000)
    assert len(runs) == len(bundles) > 2
    new = tmp_path / "new"
    shutil.copytree(old, new, ignore=shutil.ignore_patterns(f"{BUNDLE}*"))  # built again elsewhere
    page = new / "articles" / "a05" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Story 5", "Story five"), encoding="utf-8")
    runs.clear()
    assert index_site(new, shard_bytes=60_000, previous=old) == bundles
    assert len(runs) == 1, "only the shard holding the edited page is indexed again"
    listed = (new / BUNDLE / BUNDLE_LIST).read_text(encoding="utf-8")
    assert json.loads(listed.split("=", 1)[1].rstrip(";\n")) == [b + "/" for b in bundles]
    assert all((new / b / "pagefind.js").is_file() for b in bundles)


def test_a_damaged_record_of_the_last_build_means_indexing_afresh(tmp_path, runs):
    site = _site(tmp_path)
    bundles = index_site(site, shard_bytes=60_000)
    (site / BUNDLE / "nr-bundles.json").write_text("{ not json", encoding="utf-8")
    runs.clear()
    assert index_site(site, shard_bytes=60_000) == bundles and len(runs) == len(bundles)


def test_indexing_again_in_place_keeps_unchanged_bundles_as_they_are(tmp_path, runs):
    """``mkdocs serve --dirty``, or an update built in a copy of the last site: the bundles of
    unchanged shards stay (moved aside and back, not copied or indexed again)."""
    site = _site(tmp_path)
    bundles = index_site(site, shard_bytes=60_000)
    files = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for b in bundles for p in (site / b).rglob("*")
             if p.is_file() and p.name not in (BUNDLE_LIST, "nr-bundles.json")}
    page = site / "articles" / "a05" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Story 5", "Story five"), encoding="utf-8")
    runs.clear()
    assert index_site(site, shard_bytes=60_000) == bundles
    assert len(runs) == 1, "only the shard holding the edited page is indexed again"
    kept = {p for p, stat in files.items() if p.is_file() and (p.stat().st_ino, p.stat().st_mtime_ns) == stat}
    assert len(kept) > len(files) // 2, "the unchanged bundles' files are the same files"
    assert all((site / b / "pagefind.js").is_file() for b in bundles)
    assert not list(site.glob(".nr-pagefind-shard-*"))
