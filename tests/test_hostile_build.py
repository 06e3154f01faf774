"""The hostile corpus through a real MkDocs build: nothing breaks, nothing runs, nothing is lost."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest import read_articles

from .conftest import OUTPUTS, HostileBuild, make_project, tree_hashes
from .hostile import EXPECTED, OUTSIDE_SECRET, make_corpus

PUBLISHED = sorted(name for name, case in EXPECTED.items() if case.published)
SKIPPED = sorted(name for name, case in EXPECTED.items() if not case.published)


class PageScan(HTMLParser):
    """What a browser would run or show: scripts, event handlers, frames, javascript: links, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        # The "Q1" links back from the full text are ours, not the article's words.
        self._in.append("back" if ("class", "nr-back") in attrs else tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.dangers.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "frame"):
            self.dangers.append(f"<{tag}>")

    def handle_endtag(self, tag):
        tag = "back" if tag == "a" and "back" in self._in else tag
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data):
        inside = self._in[-1] if self._in else ""
        if inside == "script" and ("pwned" in data or "alert(" in data):
            self.dangers.append(f"<script>{data[:80]}")
        elif inside not in ("script", "style", "back"):
            self.text.append(data)


def scan(page: Path) -> PageScan:
    parser = PageScan()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def article_pages(project: Path) -> dict[str, Path]:
    """Source file name -> its built article page."""
    ids = {Path(a.source_path).name: a.id for a in read_articles([project / "seeds"]) if hasattr(a, "id")}
    return {name: project / "site" / "articles" / id_ / "index.html" for name, id_ in ids.items()}


def test_every_good_article_is_published_and_every_bad_one_reported(hostile_build: HostileBuild):
    report = hostile_build.report
    reasons = {Path(e.path).name: f"{e.problem}; {e.fix}" for e in report.skipped}
    assert sorted(reasons) == SKIPPED
    for name in SKIPPED:
        assert EXPECTED[name].reason in reasons[name], (name, reasons[name])
    assert report.articles == len(PUBLISHED)


@pytest.mark.parametrize("name", PUBLISHED)
def test_article_text_is_shown_literally_and_nothing_in_it_runs(hostile_build: HostileBuild, name):
    page = article_pages(hostile_build.project)[name]
    found = scan(page)
    assert found.dangers == []
    text = squash("".join(found.text))
    for shown in EXPECTED[name].shows:
        assert squash(shown) in text
    html_text = page.read_text(encoding="utf-8")
    assert 'class="admonition note' not in html_text and "Not an admonition</p>" not in html_text
    assert "<table" not in html_text.split('<div class="nr-text">')[-1]


def test_no_page_of_the_site_carries_injected_markup(hostile_build: HostileBuild):
    site = hostile_build.project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(PUBLISHED)
    for page in pages:
        assert scan(page).dangers == [], page
    # Titles go into <title> through Material's striptags, which decodes entities (issue 6).
    title = re.search(r"<title>(.*?)</title>", (site / "articles/markup-and-scripts/index.html").read_text("utf-8"), re.S)
    assert title and html.unescape(title.group(1)).startswith('</title><script>window.__pwned="title"')


def test_yaml_tags_are_shown_not_run(hostile_build: HostileBuild):
    assert not Path("/tmp/newsreport-pwned").exists()
    page = article_pages(hostile_build.project)["yaml_tags.txt"]
    text = squash("".join(scan(page).text))
    assert "!!python/name:os.system" in text and "2016-13-45" in text


def test_symlink_out_of_the_folder_is_not_followed(hostile_build: HostileBuild):
    for path in (hostile_build.project / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".md"):
            assert OUTSIDE_SECRET not in path.read_text("utf-8", errors="replace"), path


def test_ids_are_safe_and_distinct(hostile_build: HostileBuild):
    ids = sorted(p.parent.name for p in article_pages(hostile_build.project).values())
    assert len(set(ids)) == len(PUBLISHED)
    for id_ in ids:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", id_) and id_ not in ("con", "index", "nul")


def test_sources_untouched_and_nothing_written_outside_the_outputs(hostile_build: HostileBuild):
    base = hostile_build.project.parent
    assert tree_hashes(base, skip=OUTPUTS) == hostile_build.before


def test_ids_stay_the_same_on_a_rebuild(hostile_build: HostileBuild):
    first = {name: p.parent.name for name, p in article_pages(hostile_build.project).items()}
    again = {Path(a.source_path).name: a.id for a in read_articles([hostile_build.project / "seeds"])
             if hasattr(a, "id")}
    assert again == first


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_strict_build_reports_every_bad_article_then_fails(tmp_path: Path):
    project = make_project(tmp_path / "project")
    seeds = project / "seeds"
    (seeds / "good.txt").write_text("A good headline\n\n“We will win,” said Angela Merkel.\n", encoding="utf-8")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "broken.txt").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    (seeds / "forged\nINFO    -  all fine \x1b[2J.txt").write_bytes(b"")
    strict = _cli("build", "--strict", cwd=project)
    assert strict.returncode != 0
    for name, why in (("empty.txt", "has no text"), ("broken.txt", "has malformed front matter (expected ',' or ']'"),
                      ("forged\\nINFO    -  all fine \\x1b[2J.txt", "has no text")):
        assert f"Skipped {seeds / name}: {why}" in strict.stderr, strict.stderr
    assert "\x1b" not in strict.stderr and "\nINFO    -  all fine" not in strict.stderr
    assert not (project / "site").exists()  # a failed build publishes nothing
    relaxed = _cli("build", "--no-strict", cwd=project)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "1 articles published, 3 skipped" in relaxed.stderr
    assert (project / "site/articles/good/index.html").is_file()
    analyze = CliRunner().invoke(main, ["analyze", "--json", str(seeds)])
    assert analyze.exit_code == 1
    assert len(analyze.stdout.splitlines()) == 1 and analyze.stderr.count("skipped") == 3


def test_analyze_reads_hostile_files_without_crashing(tmp_path: Path):
    make_corpus(tmp_path / "seeds", tmp_path / "outside")
    result = CliRunner().invoke(main, ["analyze", "--json", str(tmp_path / "seeds")])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()  # as a careless reader would split them
    assert len(lines) == len(PUBLISHED)
    assert {Path(json.loads(line)["source_path"]).name for line in lines} == set(PUBLISHED)
    assert result.stderr.count("newsreport: skipped") == len(SKIPPED)


def test_large_adversarial_articles_are_analysed_in_linear_time():
    """Below the size limit, text made to be slow is not: these took minutes before (issue 6)."""
    import time

    from generator.analyze import analyze
    from generator.ingest import parse_article

    size = 128 * 1024
    bodies = ["Angela Merkel said the West accused Russia. " * (size // 44),  # thousands of claims
              "Bank Of England Minister Of State Of Affairs " * (size // 45)]  # no full stop at all
    started = time.monotonic()
    for body in bodies:
        analysis = analyze(parse_article(f"Headline\n\n{body}\n", "slow.txt", "slow"))
        assert analysis.actors
    assert time.monotonic() - started < 15  # about 2 s; about 25 s with the quadratic steps
