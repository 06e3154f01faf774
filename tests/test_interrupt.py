"""A build that fails or is interrupted leaves the previous pages and site intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import MANIFEST, build_site, write_pages

from .conftest import SEED, make_project, tree_hashes


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "newsreport-" in p.name and p.name != MANIFEST)


def test_a_failure_while_staging_pages_changes_no_page(tmp_path: Path):
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "old home\n", "articles/a.md": "old a\n", "articles/b.md": "old b\n"})
    before = tree_hashes(docs)
    (docs / "zzz").write_text("a file where the new pages need a folder")
    before_blocked = tree_hashes(docs)
    with pytest.raises(OSError):
        write_pages(docs, {"index.md": "new home\n", "articles/a.md": "new a\n", "zzz/c.md": "new c\n"})
    assert tree_hashes(docs) == before_blocked
    assert {k: v for k, v in before_blocked.items() if k != "zzz"} == before
    assert _leftovers(docs) == []


def test_a_failure_while_making_the_first_pages_leaves_no_page(tmp_path: Path):
    """New pages are written where they go (no staging on a first build): a failure removes them."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zzz").write_text("a file where the new pages need a folder")
    with pytest.raises(OSError):
        write_pages(docs, {"index.md": "home\n", "articles/a.md": "a\n", "zzz/c.md": "c\n"})
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == ["zzz"]


def _killed_while_writing(docs: Path, pages: dict, kill_at: str) -> None:
    """``write_pages`` in a forked process that dies outright (no clean-up) when it makes ``kill_at``."""
    import multiprocessing

    from generator.render import PageJob

    def die() -> str:
        os._exit(9)

    jobs = {rel: PageJob(f"d-{rel}", die) if rel == kill_at else text for rel, text in pages.items()}
    process = multiprocessing.get_context("fork").Process(target=write_pages, args=(docs, jobs))
    process.start()
    process.join()
    assert process.exitcode == 9


def test_pages_made_by_a_killed_build_are_owned_by_the_next(tmp_path: Path):
    """A build killed after writing some new pages leaves none that the next build would not
    remove: the manifest listed them before they were made."""
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "home\n"})
    _killed_while_writing(docs, {"index.md": "home\n", "articles/gone.md": "gone\n",
                                 "articles/z.md": "z\n"}, kill_at="articles/z.md")
    assert (docs / "articles" / "gone.md").is_file()  # made before the kill
    assert write_pages(docs, {"index.md": "home\n", "articles/b.md": "b\n"}) == (1, 1)
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["articles/b.md", "index.md"]
    assert _leftovers(docs) == []


def _project_with_site(tmp_path: Path, copies: int) -> Path:
    project = make_project(tmp_path / "project")
    for i in range(copies):
        shutil.copyfile(SEED, project / "seeds" / f"{i:03}.txt")
    build_site(project / "mkdocs.yml", strict=True)
    return project


def test_a_crash_in_rendering_keeps_the_previous_pages_and_site(tmp_path: Path):
    project = _project_with_site(tmp_path, 1)
    docs, site = tree_hashes(project / "docs"), tree_hashes(project / "site")
    (project / "seeds" / "new.txt").write_text("A new headline\n\nNew body.\n", encoding="utf-8")
    template = project / "site_templates" / "article.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "{{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_value"):
        build_site(project / "mkdocs.yml", strict=True)
    assert tree_hashes(project / "docs") == docs
    assert tree_hashes(project / "site") == site
    assert _leftovers(project) == []


def _wait_for(condition, process: subprocess.Popen, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("phase,signum", [("analysis", signal.SIGINT), ("site", signal.SIGKILL)],
                         ids=["ctrl-c-while-analysing", "killed-while-building-the-site"])
def test_an_interrupted_build_keeps_the_previous_site(tmp_path: Path, phase, signum):
    project = _project_with_site(tmp_path, 2)
    site_before = tree_hashes(project / "site")
    docs_before = tree_hashes(project / "docs")
    for i in range(2, 14):  # enough new articles that analysis takes a while
        shutil.copyfile(SEED, project / "seeds" / f"{i:03}.txt")
    started = {
        "analysis": lambda: any(project.glob(".site.*.newsreport-building")),
        # MkDocs has built a new article's page: our pages are all in place, the site is not yet.
        "site": lambda: any(project.glob(".site.*.newsreport-building/articles/013/index.html")),
    }[phase]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "--strict"], cwd=project,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if not _wait_for(started, process):
            pytest.skip(f"the build finished before its {phase} phase could be interrupted")
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    why = f"exit {process.returncode}: {stderr.decode(errors='replace')[-1500:]}"
    assert process.returncode != 0, why
    assert tree_hashes(project / "site") == site_before, why
    docs_now = tree_hashes(project / "docs")
    if phase == "analysis":
        assert docs_now == docs_before, why
    else:  # the pages were already all replaced, the site not yet
        assert len(docs_now) > len(docs_before) and _leftovers(project / "docs") == []
        assert (project / "docs" / "articles" / "013.md").is_file()
    if signum == signal.SIGINT:  # Ctrl-C cleans up after itself
        assert _leftovers(project) == [], why
        return
    # The next build cleans up after a killed one and publishes everything.
    report = build_site(project / "mkdocs.yml", strict=True)
    assert report.articles == 14 and _leftovers(project) == []
    assert (project / "site" / "articles" / "013" / "index.html").is_file()


def test_a_build_that_changes_nothing_touches_nothing(tmp_path: Path):
    """``mkdocs serve`` watches docs/: a rebuild with no change must not write a single file."""
    docs = tmp_path / "docs"
    pages = {"index.md": "home\n", "articles/a.md": "a\n"}
    write_pages(docs, pages)
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    time.sleep(0.01)
    assert write_pages(docs, dict(pages)) == (0, 0)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*")} == stamps
    assert write_pages(docs, {"index.md": "home\n"}) == (0, 1)
    assert not (docs / "articles" / "a.md").exists() and (docs / "index.md").stat().st_mtime_ns == stamps[docs / "index.md"]


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path):
    from generator.errors import ConfigError

    project = make_project(tmp_path / "project")
    shutil.copyfile(SEED, project / "seeds" / "a.txt")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    with pytest.raises(ConfigError, match="not empty and holds no site"):
        build_site(project / "mkdocs.yml", site_dir=precious)
    assert (precious / "thesis.tex").read_text() == "years of work"
    with pytest.raises(ConfigError, match="overlaps the articles folder"):
        build_site(project / "mkdocs.yml", site_dir=project / "seeds" / "site")
    assert sorted(p.name for p in (project / "seeds").iterdir()) == ["a.txt"]
