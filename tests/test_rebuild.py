"""Rebuilds cost only what changed: unchanged article files are not read again (the file index),
pages whose inputs did not change are not rendered again (page digests), and list pages are cut
where their rows say so (content-defined paging). Whatever is skipped, a rebuild must give exactly
the pages a clean build gives."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

import generator.build as build_module
import generator.cache as cache_module
from generator.build import MANIFEST, generate
from generator.cache import INDEX_NAME
from generator.views import paged

from .conftest import ROOT, SEED
from .corpus import article_text, write_corpus

TEMPLATES = ROOT / "site_templates"
AN_HOUR_AGO = time.time() - 3600


def _age(folder: Path) -> None:
    """Date every article an hour back: files this fresh are never trusted by their stat alone."""
    for path in folder.rglob("*.txt"):
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


@pytest.fixture
def project(tmp_path) -> dict[str, Path]:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 40)
    shutil.copy(SEED, seeds / SEED.name)
    _age(seeds)
    return {"seeds": seeds, "docs": tmp_path / "docs", "cache": tmp_path / "cache", "templates": TEMPLATES}


def _build(p, docs: Path | None = None):
    return generate(p["seeds"], docs or p["docs"], p["templates"], jobs=1, cache_dir=p["cache"])


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The article files a build reads."""
    seen: list[str] = []
    real = build_module.read_article

    def spy(path, *args, **kwargs):
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(build_module, "read_article", spy)
    return seen


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The pages a build renders (whether or not it then writes them)."""
    made: list[str] = []
    real = build_module.plan_site

    def spy(*args, **kwargs):
        jobs = real(*args, **kwargs)
        for name, job in jobs.items():
            def make(job=job, name=name):
                made.append(name)
                return job.make()
            jobs[name] = build_module.PageJob(job.digest, make)
        return jobs

    monkeypatch.setattr(build_module, "plan_site", spy)
    return made


def _tree(folder: Path, leave_out: str = MANIFEST) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != leave_out}


# --- the file index ------------------------------------------------------------------------------

def test_unchanged_article_files_are_not_read_again(project, reads):
    _build(project)
    assert len(reads) == 41
    reads.clear()
    report = _build(project)
    assert reads == [] and (report.analysed, report.cached, report.written) == (0, 41, 0)


def test_an_edit_that_keeps_size_and_time_stamp_is_still_seen(project, reads):
    _build(project)
    path = project["seeds"] / "article-00007.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("report 7:", "REPORT 7:"), encoding="utf-8")  # same size
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))  # and the old time stamp back, as rsync -t or a restore do
    reads.clear()
    report = _build(project)
    assert reads == ["article-00007.txt"] and report.analysed == 1
    assert "REPORT 7:" in (project["docs"] / "articles" / "article-00007.md").read_text(encoding="utf-8")


def test_a_file_changed_moments_before_a_build_is_read_again_next_time(project, reads):
    path = project["seeds"] / "article-00003.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")  # just now
    _build(project)
    reads.clear()
    report = _build(project)
    assert reads == ["article-00003.txt"]  # its time stamp is too close to that build to vouch for it
    assert report.analysed == 0, "read again, but its content-keyed entry is still good"


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b[:100],
    lambda b: b[:40] + bytes([b[40] ^ 0xFF]) + b[41:],
    lambda b: b"\0" * len(b),
], ids=["empty", "truncated", "flipped-byte", "zeroed"])
def test_a_damaged_file_index_is_ignored_not_trusted(project, reads, damage):
    _build(project)
    index = project["cache"] / INDEX_NAME
    index.write_bytes(damage(index.read_bytes()))
    reads.clear()
    report = _build(project)
    assert len(reads) == 41 and report.analysed == 0 and report.written == 0
    reads.clear()
    _build(project)
    assert reads == [], "the next build writes a sound index again"


def test_an_index_written_by_another_analyser_is_ignored(project, reads, monkeypatch):
    _build(project)
    monkeypatch.setattr(cache_module, "ANALYZER_VERSION", "999")
    cache_module.analyzer_fingerprint.cache_clear()
    try:
        reads.clear()
        report = _build(project)
    finally:
        monkeypatch.undo()
        cache_module.analyzer_fingerprint.cache_clear()
    assert len(reads) == 41 and report.analysed == 41


# --- page digests ------------------------------------------------------------------------------

def test_a_rebuild_renders_only_the_pages_an_edit_reaches(project, rendered):
    _build(project)
    edited = project["seeds"] / "article-00012.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("report 12:", "report twelve:"), encoding="utf-8")
    rendered.clear()
    report = _build(project)
    assert "articles/article-00012.md" in rendered and "api/articles/article-00012.json" in rendered
    assert not any(p.startswith("articles/article-000") and "00012" not in p for p in rendered)
    assert "articles/000-ff091537aa51fd18.md" not in rendered and "actors/sergei-shoigu.md" not in rendered
    assert len(rendered) < 40, rendered
    assert 0 < report.written <= len(rendered)


def test_a_changed_template_renders_its_pages_again(project, tmp_path, rendered):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    project["templates"] = templates
    _build(project)
    article = templates / "article.md.j2"
    article.write_text(article.read_text(encoding="utf-8").replace("## Quotes", "## Direct quotes"), encoding="utf-8")
    rendered.clear()
    report = _build(project)
    articles = [p for p in rendered if p.startswith("articles/") and p != "articles/index.md"]
    assert len(articles) == 41 and report.written >= 41
    assert "## Direct quotes" in (project["docs"] / "articles" / "article-00001.md").read_text(encoding="utf-8")


def test_a_hand_edited_generated_page_is_put_right(project):
    _build(project)
    page = project["docs"] / "articles" / "article-00005.md"
    good = page.read_bytes()
    page.write_text("scribbled over\n", encoding="utf-8")
    report = _build(project)
    assert page.read_bytes() == good and report.written == 1


def test_a_manifest_from_the_first_format_is_taken_over(project):
    _build(project)
    manifest = project["docs"] / MANIFEST
    files = sorted(json.loads(manifest.read_text(encoding="utf-8"))["files"])
    manifest.write_text(json.dumps({"files": files + ["articles/gone.md"]}), encoding="utf-8")
    (project["docs"] / "articles" / "gone.md").write_text("from an old build\n", encoding="utf-8")
    report = _build(project)
    assert report.written == 0 and report.removed == 1
    assert not (project["docs"] / "articles" / "gone.md").exists()
    assert isinstance(json.loads(manifest.read_text(encoding="utf-8"))["files"], dict)


def test_rebuilds_after_edits_give_exactly_what_a_clean_build_gives(project, tmp_path):
    _build(project)
    seeds = project["seeds"]
    (seeds / "article-00002.txt").unlink()  # removed
    write_corpus(tmp_path / "more", 45)
    shutil.copy(tmp_path / "more" / "article-00044.txt", seeds / "article-00044.txt")  # added
    edited = seeds / "article-00020.txt"
    edited.write_text(article_text(33), encoding="utf-8")  # now names other people
    _build(project)
    clean = generate(seeds, tmp_path / "clean", TEMPLATES, jobs=1, cache_dir=None)
    assert clean.articles == 41
    assert _tree(project["docs"]) == _tree(tmp_path / "clean")


# --- content-defined paging --------------------------------------------------------------------

def test_a_row_added_to_a_long_list_changes_one_page_not_all_after_it():
    rows = [f"article-{n:05d}" for n in range(2000)]
    before = paged(rows, "index.md", "page-{n}.md", 100, key=str)
    after = paged(rows[:700] + ["article-00699b"] + rows[700:], "index.md", "page-{n}.md", 100, key=str)
    assert 12 <= len(before) <= 30
    assert all(50 <= len(p.rows) <= 200 for _, p in before[:-1])
    changed = [name for (name, a), (_, b) in zip(before, after) if a.rows != b.rows]
    assert len(after) == len(before) and len(changed) == 1


# --- where pages may go ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../escaped.md", "/etc/passwd.md", "articles/../../x.md", "a\\b.md", ".hidden/x.md", ""])
def test_a_page_path_that_leaves_the_docs_folder_is_refused(tmp_path, name):
    with pytest.raises(ValueError):
        build_module.write_pages(tmp_path / "docs", {name: "x\n"})
    assert not (tmp_path / "escaped.md").exists()


def test_a_docs_subfolder_linked_elsewhere_is_not_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "articles").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ValueError):
        build_module.write_pages(docs, {"articles/a.md": "x\n"})
    assert not any(outside.iterdir())


def test_a_dirty_mkdocs_build_loses_the_pages_of_removed_articles(tmp_path):
    site = tmp_path / "site"
    for rel in ("articles/kept/index.html", "articles/gone/index.html", "api/articles/gone.json",
                "assets/theme.css", "index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x", encoding="utf-8")
    outputs = frozenset({"articles/kept/index.html", "index.html"})
    assert build_module.prune_site(site, outputs, ["articles", "api"]) == 2
    assert (site / "articles/kept/index.html").is_file() and not (site / "articles/gone").exists()
    assert not (site / "api/articles").exists()
    assert (site / "assets/theme.css").is_file(), "folders the generator does not own are left alone"


# --- rendering in several processes ------------------------------------------------------------

@pytest.fixture
def render_pids(monkeypatch, tmp_path) -> Path:
    """Many pages are rendered by forked processes even in a small test corpus; each page's
    rendering process id is appended to the returned file (processes share no memory)."""
    monkeypatch.setattr(build_module, "PARALLEL_PAGES", 20)
    # An idle thread another test left behind (Dask's offload pool) would make the build render in
    # this process; here forking is known to be safe.
    monkeypatch.setattr(build_module, "_fork_is_safe", lambda: True)
    log = tmp_path / "render-pids"
    real = build_module._render_one

    def spy(make):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(make)

    monkeypatch.setattr(build_module, "_render_one", spy)
    return log


def test_pages_rendered_by_several_processes_are_those_one_process_renders(project, tmp_path, render_pids):
    one = generate(project["seeds"], tmp_path / "one", TEMPLATES, jobs=1, cache_dir=None)
    render_pids.unlink()
    report = generate(project["seeds"], project["docs"], TEMPLATES, jobs=2, cache_dir=None)
    pids = set(render_pids.read_text(encoding="utf-8").split())
    assert pids and str(os.getpid()) not in pids  # rendered in forked processes, not here
    assert report.written == one.written == report.pages
    assert _tree(project["docs"]) == _tree(tmp_path / "one")
    assert not list(project["docs"].rglob(f"*{build_module.STAGED_SUFFIX}"))


def test_a_crash_in_a_render_process_keeps_the_previous_pages(project, tmp_path, render_pids):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    project["templates"] = templates
    _build(project)
    before = _tree(project["docs"])
    render_pids.unlink()
    actor = templates / "actor.md.j2"
    actor.write_text(actor.read_text(encoding="utf-8") + "{{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_value"):
        generate(project["seeds"], project["docs"], templates, jobs=2, cache_dir=project["cache"])
    pids = set(render_pids.read_text(encoding="utf-8").split())
    assert pids and str(os.getpid()) not in pids  # it did run in render processes
    assert _tree(project["docs"]) == before
    assert not list(project["docs"].rglob(f"*{build_module.STAGED_SUFFIX}"))


def test_no_render_processes_are_forked_while_another_thread_runs():
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not build_module._fork_is_safe()
    finally:
        stop.set()
        other.join()


# --- the site: only changed pages built again ---------------------------------------------------

def _site_project(tmp_path: Path) -> Path:
    from .conftest import make_project

    project = make_project(tmp_path / "project")
    write_corpus(project / "seeds", 12)
    shutil.copy(SEED, project / "seeds" / SEED.name)
    _age(project / "seeds")
    return project


def test_a_site_updated_after_edits_is_the_site_a_clean_build_gives(tmp_path):
    project = _site_project(tmp_path)
    config = project / "mkdocs.yml"
    notes = project / "docs" / "notes.md"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("# Notes\n\nA page written by hand.\n", encoding="utf-8")
    first = build_module.build_site(config, strict=True)
    assert not first.site_incremental
    assert (project / "site" / "notes" / "index.html").is_file()
    notes.unlink()  # a hand-written page taken down
    seeds = project / "seeds"
    (seeds / "article-00002.txt").unlink()
    (seeds / "article-00005.txt").write_text(article_text(33), encoding="utf-8")
    write_corpus(tmp_path / "more", 14)
    shutil.copy(tmp_path / "more" / "article-00013.txt", seeds / "article-00013.txt")
    updated = build_module.build_site(config, strict=True)
    assert updated.site_incremental and 0 < updated.written < updated.pages
    clean = build_module.build_site(config, strict=True, site_dir=tmp_path / "clean", clean=True)
    assert not clean.site_incremental
    assert _tree(project / "site", build_module.SITE_STAMP) == _tree(tmp_path / "clean", build_module.SITE_STAMP)
    assert not (project / "site" / "articles" / "article-00002").exists()
    assert not (project / "site" / "notes").exists()


def test_pages_that_did_not_change_keep_their_files(tmp_path):
    project = _site_project(tmp_path)
    config = project / "mkdocs.yml"
    build_module.build_site(config, strict=True)
    site = project / "site"
    untouched, edited = site / "articles" / "article-00001" / "index.html", site / "articles" / "article-00005" / "index.html"
    before = {p: p.stat().st_mtime_ns for p in (untouched, edited)}
    (project / "seeds" / "article-00005.txt").write_text(article_text(33), encoding="utf-8")
    assert build_module.build_site(config, strict=True).site_incremental
    assert untouched.stat().st_mtime_ns == before[untouched]  # not built again
    assert edited.stat().st_mtime_ns != before[edited]


def test_a_changed_mkdocs_config_builds_the_whole_site(tmp_path):
    project = _site_project(tmp_path)
    config = project / "mkdocs.yml"
    build_module.build_site(config, strict=True)
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: News report", "site_name: Daily wire"),
                      encoding="utf-8")
    report = build_module.build_site(config, strict=True)
    assert not report.site_incremental
    assert "Daily wire" in (project / "site" / "articles" / "article-00001" / "index.html").read_text(encoding="utf-8")


def test_a_failed_update_leaves_the_last_sites_search_as_it_was(tmp_path, monkeypatch):
    """The update's folder shares the search bundles' files with the last site (hard links): an
    update that keeps some bundles, re-indexes others and then fails must not have written into
    any file of the last site's."""
    import generator.search as search_module

    from .conftest import tree_hashes

    real = search_module.index_site
    failing = []

    def small_shards(*args, **kwargs):  # several bundles, so some are kept and some made anew
        bundles = real(*args, shard_bytes=40_000, **kwargs)
        if failing:
            raise OSError("disk full, after indexing")
        return bundles

    monkeypatch.setattr(search_module, "index_site", small_shards)
    project = _site_project(tmp_path)
    config = project / "mkdocs.yml"
    build_module.build_site(config, strict=True)
    before = tree_hashes(project / "site")
    assert len({rel.split("/")[0] for rel in before if rel.startswith("pagefind")}) > 2
    (project / "seeds" / "article-00005.txt").write_text(article_text(33), encoding="utf-8")
    failing.append(True)
    with pytest.raises(Exception, match="disk full"):
        build_module.build_site(config, strict=True)
    assert tree_hashes(project / "site") == before
