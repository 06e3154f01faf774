"""Incremental builds: unchanged articles come from the cache, unchanged pages stay untouched,
removed articles take their pages with them, and a damaged cache is rebuilt, never trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import generator.cache as cache_module
from generator import store
from generator.build import MANIFEST, generate
from generator.cache import AnalysisCache, article_key
from generator.ingest import read_article
from generator.serialize import to_dict

from .conftest import ROOT, SEED
from .corpus import write_corpus

TEMPLATES = ROOT / "site_templates"


@pytest.fixture
def project(tmp_path) -> dict[str, Path]:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 3)
    shutil.copy(SEED, seeds / SEED.name)
    return {"seeds": seeds, "docs": tmp_path / "docs", "cache": tmp_path / "cache"}


def _build(p):
    return generate(p["seeds"], p["docs"], TEMPLATES, jobs=1, cache_dir=p["cache"])


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob(f"??/*{cache_module.ENTRY_SUFFIX}"))


def test_second_build_analyses_nothing_and_rewrites_nothing(project):
    first = _build(project)
    assert (first.articles, first.analysed, first.cached) == (4, 4, 0)
    assert len(_entries(project["cache"])) == 4
    page = project["docs"] / "articles" / "000-ff091537aa51fd18.md"
    before = {p: p.stat().st_mtime_ns for p in project["docs"].rglob("*") if p.is_file()}
    second = _build(project)
    assert (second.analysed, second.cached, second.written, second.removed) == (0, 4, 0, 0)
    assert {p: p.stat().st_mtime_ns for p in project["docs"].rglob("*") if p.is_file()} == before
    assert "Shamadasani" in page.read_text(encoding="utf-8")


def test_editing_one_article_analyses_only_that_one(project):
    _build(project)
    edited = project["seeds"] / "article-00001.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("report 1:", "report one:"), encoding="utf-8")
    report = _build(project)
    assert (report.analysed, report.cached) == (1, 3)
    assert "report one:" in (project["docs"] / "articles" / "article-00001.md").read_text(encoding="utf-8")
    assert len(_entries(project["cache"])) == 4, "the edited article's old entry is pruned"


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_same_story_filed_twice_is_analysed_once_and_published_twice(project, monkeypatch, jobs):
    import generator.parallel as parallel
    more = len(write_corpus(project["seeds"] / "more", 6, seed=5)) if jobs > 1 else 0  # enough for two processes
    twin = project["seeds"] / "wire" / "copy.txt"
    twin.parent.mkdir()
    shutil.copy(SEED, twin)
    analysed: list[str] = []
    real = parallel.analyze

    def counting(article):
        analysed.append(article.id)
        return real(article)

    monkeypatch.setattr(parallel, "analyze", counting)
    report = generate(project["seeds"], project["docs"], TEMPLATES, jobs=jobs, cache_dir=project["cache"])
    assert (report.articles, report.analysed, report.cached, report.skipped) == (5 + more, 5 + more, 0, [])
    if jobs == 1:  # (processes count in their own memory)
        assert len(analysed) == 4 and len(set(analysed)) == 4
    pages = {p.name: p.read_text(encoding="utf-8") for p in (project["docs"] / "articles").glob("*.md")}
    original = next(v for k, v in pages.items() if k.startswith("000-"))
    copy = pages["wire-copy.md"] if "wire-copy.md" in pages else next(v for k, v in pages.items() if "copy" in k)
    assert copy.split("## Actors")[1] == original.split("## Actors")[1], "the same actors, quotes, claims and text"
    data = json.loads((project["docs"] / "api" / "articles" / f"{Path(next(k for k in pages if 'copy' in k)).stem}.json")
                      .read_text(encoding="utf-8"))
    assert data["source_path"] == str(twin) and len(data["quotes"]) == 5
    assert _build(project).analysed == 0, "both come from the cache next time"


def test_analysis_reads_only_the_text_its_paragraphs_and_headline(seed_analysis):
    from dataclasses import replace

    from generator.analyze import analyze, reads
    from generator.serialize import findings_tuple
    article = seed_analysis.article
    other = replace(article, id="elsewhere", source_path="x/elsewhere.txt", title="Another title",
                    date="2001-01-01", source="Elsewhere", url="https://example.org/", author="Someone")
    assert reads(other) == reads(article)
    assert findings_tuple(analyze(other)) == findings_tuple(seed_analysis)


def test_a_build_leaves_the_garbage_collector_as_it_found_it(project):
    import gc
    before = gc.get_threshold()
    _build(project)
    project["seeds"].joinpath("broken.txt").write_bytes(b"\x00\x01")
    _build(project)  # a skipped article too
    assert gc.get_threshold() == before, "mkdocs serve's process keeps collecting as usual between builds"
    assert gc.get_freeze_count() == 0


def test_cached_analysis_is_the_fresh_analysis(project, seed_analysis):
    cache = AnalysisCache(project["cache"])
    cache.put(seed_analysis)
    assert to_dict(cache.get(seed_analysis.article)) == to_dict(seed_analysis)


def test_removed_article_takes_its_pages_and_lone_actors_away(project):
    (project["docs"]).mkdir(parents=True)
    (project["docs"] / "notes.md").write_text("hand-written\n", encoding="utf-8")
    _build(project)
    docs = project["docs"]
    assert (docs / "actors" / "ravina-shamadasani.md").is_file()
    (project["seeds"] / SEED.name).unlink()
    report = _build(project)
    assert report.removed > 0
    for gone in ("articles/000-ff091537aa51fd18.md", "api/articles/000-ff091537aa51fd18.json",
                 "actors/ravina-shamadasani.md", "actors/sergei-shoigu.md"):
        assert not (docs / gone).exists(), gone
    assert "000-ff091537aa51fd18" not in (docs / "articles" / "index.md").read_text(encoding="utf-8")
    assert (docs / "notes.md").read_text(encoding="utf-8") == "hand-written\n"
    assert "notes.md" not in json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"]


def _tamper_payload(path: Path) -> None:
    """A changed name in the stored bytes, its checksum left as it was."""
    blob = path.read_bytes()
    assert b"Shamadasani" in blob
    path.write_bytes(blob.replace(b"Shamadasani", b"Shamadasanx"))


def _rewrite(path: Path, change) -> None:
    """The entry stored again, soundly (a valid checksum), with ``change`` made to it."""
    fmt, key, fingerprint, schema, payload = store.load(path)
    store.dump(path, change([fmt, key, fingerprint, schema, payload]))


def _other_article(entry: list) -> tuple:
    article, *rest = entry[4]
    text = article[2].replace("Russia", "Prussia")
    assert text != article[2]
    return (*entry[:4], ((*article[:2], text, *article[3:]), *rest))


@pytest.mark.parametrize("damage", [
    lambda path: path.write_text("{ not an entry", encoding="utf-8"),
    lambda path: path.write_bytes(b""),
    lambda path: path.write_bytes(path.read_bytes()[:200]),
    _tamper_payload,
    lambda path: _rewrite(path, lambda e: (e[0], e[1], "0-old", e[3], e[4])),
    lambda path: _rewrite(path, _other_article),
    lambda path: _rewrite(path, lambda e: (e[0], e[1], e[2], e[3], e[4][:3])),
], ids=["garbage", "empty", "truncated", "payload-tampered", "other-analyzer-version", "other-article", "wrong-shape"])
def test_damaged_cache_entry_is_detected_and_rebuilt(tmp_path, seed_analysis, damage):
    cache = AnalysisCache(tmp_path)
    cache.put(seed_analysis)
    (path,) = _entries(tmp_path)
    damage(path)
    fresh = AnalysisCache(tmp_path)
    assert fresh.get(seed_analysis.article) is None
    fresh.put(seed_analysis)
    assert to_dict(AnalysisCache(tmp_path).get(seed_analysis.article)) == to_dict(seed_analysis)


def test_a_new_entry_is_written_in_place_and_a_damaged_one_replaced(tmp_path):
    path = tmp_path / "ab" / "entry"
    store.create(path, ("first", 1))
    assert store.load(path) == ("first", 1)
    assert [p.name for p in tmp_path.rglob("*")] == ["ab", "entry"], "no file left beside it"
    path.write_bytes(path.read_bytes()[:-3])  # a build killed while writing it
    with pytest.raises(ValueError):
        store.load(path)
    store.create(path, ("second", 2))
    assert store.load(path) == ("second", 2)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["ab", "entry"]


def test_entries_of_an_earlier_cache_format_are_pruned(project):
    old = project["cache"] / "ab" / ("ab" + "0" * 62 + ".json")  # how version 1 named its entries
    old.parent.mkdir(parents=True)
    old.write_text('{"format": 1}', encoding="utf-8")
    report = _build(project)
    assert report.analysed == 4
    assert not old.exists()
    assert len(_entries(project["cache"])) == 4


def test_damaged_entry_is_reanalysed_in_a_build(project):
    _build(project)
    for path in _entries(project["cache"]):
        path.write_text("garbage", encoding="utf-8")
    report = _build(project)
    assert (report.analysed, report.cached, report.written) == (4, 0, 0)
    assert all(store.load(p)[1] == p.stem for p in _entries(project["cache"]))


def test_new_analyzer_version_invalidates_every_entry(project, monkeypatch):
    _build(project)
    monkeypatch.setattr(cache_module, "ANALYZER_VERSION", "999")
    cache_module.analyzer_fingerprint.cache_clear()
    try:
        report = _build(project)
    finally:
        monkeypatch.undo()
        cache_module.analyzer_fingerprint.cache_clear()
    assert (report.analysed, report.cached) == (4, 0)


def test_fingerprint_covers_the_analyser_files(tmp_path):
    import generator.analyze

    code = tmp_path / "analyze"
    shutil.copytree(Path(generator.analyze.__file__).parent, code)
    before = cache_module.files_fingerprint(code)
    assert before == cache_module.files_fingerprint(Path(generator.analyze.__file__).parent)
    rules = code / "quotes.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# an edited rule\n", encoding="utf-8")
    assert cache_module.files_fingerprint(code) != before


def test_key_covers_text_path_and_ingest():
    article = read_article(SEED)
    from dataclasses import replace
    keys = {article_key(article), article_key(replace(article, text=article.text + " ")),
            article_key(replace(article, source_path="elsewhere.txt")),
            article_key(replace(article, paragraphs=article.paragraphs[1:]))}
    assert len(keys) == 4


def test_unwritable_cache_does_not_fail_the_build(project):
    project["cache"].write_text("a file where the cache folder should be", encoding="utf-8")
    report = _build(project)
    assert report.articles == 4 and not report.skipped
