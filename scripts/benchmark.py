#!/usr/bin/env python3
"""Benchmark newsreport on a folder of articles (default: ../shared/data/bbc) and print the numbers.

    python scripts/benchmark.py [ARTICLES] [--jobs N] [--skip-browser] [--profile]

What it measures, each in a fresh temporary copy of the project (the articles are copied too, so
one can be touched):

- analysis words/s on one core, and TextBlob's bare pattern tagger (``textblob.en.tag``) on the same
  texts: the floor of our stack; with --profile, where analysis time goes;
- a cold ``newsreport build`` (analysis + render + MkDocs + Pagefind): wall time and peak memory,
  and four more cold runs of the generator alone (analysis + render), for a median of five;
- a rebuild after touching one article, and a rebuild with nothing changed;
- MkDocs' own build time for the same number of trivial pages (the floor of the publishing step),
  five times, each after a cold generator run; the share compares the two medians;
- search: Pagefind's index size against Material's search_index.json for the same pages, and the
  first-query time of each in headless Chromium (needs playwright and /usr/bin/chromium).

Words are whitespace-separated tokens of the article files as read. Peak memory is the largest
sum of resident set sizes of the build's process tree, sampled every 50 ms from /proc (Linux), with
the peaks of the build process itself (generator and MkDocs) and of Pagefind, its child; and the
largest single process of all (``ru_maxrss`` of the children, which counts their children too, so
Pagefind). Not a test: numbers vary with the machine and its load; run it on an idle machine for
figures to compare.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyze import analyze  # noqa: E402
from generator.ingest import read_articles  # noqa: E402
from generator.model import Article  # noqa: E402

COLD_RUNS = 5
"""Cold generator runs and trivial-page floors timed for the medians. On a shared 2-core machine
one run of either varies by 20% (the same cold generator took 8.0 s and 10.4 s ten minutes apart),
and a median of three follows two slow runs in a row, which such a machine gives when a
neighbour is busy for a minute."""
TARGETS = {"words_per_core": 80_000, "generator_share": 0.30, "one_article_rebuild": 2.0, "peak_mb": 1024}


def words(article: Article) -> int:
    return len(article.text.split())


def line(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<48} {value:>16}  {note}", flush=True)


# --- analysis speed -----------------------------------------------------------------------------

def analysis_speed(articles: list[Article], profile: bool) -> None:
    print("Analysis, one process", flush=True)
    from textblob.en import tag

    total = sum(map(words, articles))
    analyze(articles[0])  # load lexicons outside the timing
    tag(articles[0].text)
    # The two are timed in turns, 50 articles each, so that a machine whose speed drifts (a busy
    # neighbour, a virtual CPU's steal) slows both alike and their ratio holds.
    ours_s = bare_s = 0.0
    for i in range(0, len(articles), 50):
        chunk = articles[i:i + 50]
        start = time.process_time()
        for article in chunk:
            analyze(article)
        middle = time.process_time()
        for article in chunk:
            tag(article.text)
        ours_s, bare_s = ours_s + middle - start, bare_s + time.process_time() - middle
    ours, bare = total / ours_s, total / bare_s
    line("articles / words", f"{len(articles)} / {total}")
    line("newsreport analysis, words/s per core", f"{ours:,.0f}",
         f"target >= {TARGETS['words_per_core']:,}: {'met' if ours >= TARGETS['words_per_core'] else 'SHORT'}")
    line("TextBlob bare pattern tagger, words/s per core", f"{bare:,.0f}", f"ours = {ours / bare:.0%} of it")
    if profile:
        _profile(articles[: max(1, len(articles) // 4)])


def _profile(articles: list[Article]) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        analyze(article)
    profiler.disable()
    print("  where analysis time goes (cumulative, top 25, a quarter of the articles):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


# --- builds ---------------------------------------------------------------------------------------

class TreeMemory:
    """Peak summed RSS of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.own_peak, self.own_at_peak, self.pagefind_peak = 0, 0, 0
        """The process's own peak, its own size at the peak of the tree, Pagefind's peak."""
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> set[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    ppid = int(stat.rsplit(")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(entry))
                except (OSError, ValueError, IndexError):
                    pass
        tree, todo = set(), [self.pid]
        while todo:
            pid = todo.pop()
            tree.add(pid)
            todo.extend(children.get(pid, ()))
        return tree

    def _rss(self, pid: int) -> int:
        try:
            for row in Path(f"/proc/{pid}/status").read_text().splitlines():
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        # The process tree is walked (every process's stat under /proc) every half second and the
        # known processes' sizes read every 50 ms: walking it every time took 5% of a core from
        # the build being measured.
        tree: set[int] = set()
        for tick in itertools.count():
            if self._stop.wait(0.05):
                break
            if tick % 10 == 0:
                tree = self._tree()
            sizes = {p: self._rss(p) for p in tree}
            if sum(sizes.values()) > self.peak:
                self.peak, self.own_at_peak = sum(sizes.values()), sizes.get(self.pid, 0)
            self.own_peak = max(self.own_peak, sizes.get(self.pid, 0))
            pagefind = [rss for p, rss in sizes.items() if _name(p) == "pagefind"]
            self.pagefind_peak = max([self.pagefind_peak, *pagefind])

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


QUIET_PER_FILE = 40e-6
"""Creating a file on this machine's quiet disk costs 22-35 µs. After a large delete it costs up to
700 µs, all of it system time, for half a minute to two minutes, and 50-100 µs on the way back,
where a cold build's render took up to twice its time (8.2 s against 4.0 s after a probe of 64 µs;
6.7 s after one of 48 µs)."""


def quiet_disk(folder: Path, limit: float = 180.0) -> str:
    """Wait (at most ``limit`` seconds) until creating files in ``folder`` costs what it costs on
    a quiet disk, and say how long that took. On a disk that discards freed blocks (ext4 mounted
    with ``discard``, as here), creating a file costs up to 30 times more for a minute or two after
    a large delete: the test suite's, or an earlier run's. Both the builds and the trivial-page
    floor are timed after this, so neither pays for what ran before them. Two probes in a row must
    come under :data:`QUIET_PER_FILE`. The probe files stay (they are removed with the temporary
    folder at the end)."""
    os.sync()
    start = time.perf_counter()
    quiet = 0
    while True:
        probe = Path(tempfile.mkdtemp(prefix=".disk-probe-", dir=folder))
        t = time.perf_counter()
        for i in range(2000):
            fd = os.open(probe / f"f{i}", os.O_WRONLY | os.O_CREAT, 0o644)
            os.write(fd, b"x" * 4000)
            os.close(fd)
        per_file = (time.perf_counter() - t) / 2000
        quiet = quiet + 1 if per_file < QUIET_PER_FILE else 0
        waited = time.perf_counter() - start
        if quiet == 2:
            return f"disk quiet after {waited:.0f} s ({per_file * 1e6:.0f} µs a file)"
        if waited > limit:
            return f"disk NOT quiet after {waited:.0f} s ({per_file * 1e6:.0f} µs a file): the next timing is pessimistic"
        time.sleep(5)


def run_build(project: Path, seeds: Path, jobs: int | None) -> dict[str, float]:
    """One ``newsreport build`` in ``project``; its timings from the build's own log."""
    command = [sys.executable, "-m", "generator.cli", "build", "--seeds", str(seeds)]
    if jobs:
        command += ["--jobs", str(jobs)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CI="1", PYTHONPATH=str(ROOT))  # this checkout's code
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    memory = TreeMemory(process.pid)
    output, _ = process.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode != 0:
        sys.exit(f"build failed:\n{output[-3000:]}")
    m = re.search(r"analysis ([\d.]+) s, render ([\d.]+) s", output)
    pagefind = re.search(r"Pagefind in ([\d.]+) s", output)
    mkdocs_total = re.search(r"Documentation built in ([\d.]+) seconds", output)
    counts = re.search(r"(\d+) articles \((\d+) analysed, (\d+) from cache\), (\d+) pages \((\d+) written", output)
    return {"wall": wall, "peak_tree": peak, "peak_own": memory.own_peak,
            "own_at_peak": memory.own_at_peak, "peak_pagefind": memory.pagefind_peak,
            "analysis": float(m[1]), "render": float(m[2]),
            "pagefind": float(pagefind[1]) if pagefind else 0.0, "mkdocs_total": float(mkdocs_total[1]),
            "articles": int(counts[1]), "analysed": int(counts[2]), "pages": int(counts[4]),
            "written": int(counts[5])}


def report_build(name: str, b: dict[str, float]) -> None:
    generator = b["analysis"] + b["render"]
    mkdocs_own = b["mkdocs_total"] - generator - b["pagefind"]
    print(f"{name}", flush=True)
    line("wall time (whole command)", f"{b['wall']:.1f} s")
    line("articles analysed / pages written", f"{b['analysed']} / {b['written']}")
    line("analysis + render (generator)", f"{generator:.2f} s", f"analysis {b['analysis']:.2f} s, render {b['render']:.2f} s")
    line("MkDocs build of the generated pages", f"{mkdocs_own:.1f} s")
    line("Pagefind indexing", f"{b['pagefind']:.1f} s")
    if b["peak_tree"]:
        line("peak memory, whole process tree (sampled RSS)", f"{b['peak_tree'] / 2**20:.0f} MB",
             f"the build process held {b['own_at_peak'] / 2**20:.0f} MB of it")
        line("peak memory, build process (generator + MkDocs)", f"{b['peak_own'] / 2**20:.0f} MB")
        line("peak memory, Pagefind alone", f"{b['peak_pagefind'] / 2**20:.0f} MB")


def trivial_mkdocs(count: int, folder: Path, scratch: Path, site: str = "site") -> tuple[float, int]:
    """MkDocs' own build time and peak memory for ``count`` one-line pages, same theme, short nav,
    built into ``folder / site`` (the pages are written once, for the first of several runs)."""
    docs = folder / "docs"
    if not docs.is_dir():
        for n in range(count):
            page = docs / "p" / f"page-{n}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# Page {n}\n\nA trivial page.\n", encoding="utf-8")
        (docs / "index.md").write_text("# Home\n", encoding="utf-8")
        (folder / "mkdocs.yml").write_text("site_name: trivial\ntheme: {name: material}\nplugins: []\n"
                                           "nav: [{Home: index.md}]\nvalidation: {nav: {omitted_files: ignore}}\n")
    print(f"  ({quiet_disk(scratch)})", flush=True)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", site], cwd=folder,
                               env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    memory = TreeMemory(process.pid)
    if process.wait() != 0:
        sys.exit("the trivial MkDocs build failed")
    return time.perf_counter() - start, memory.stop()


_GENERATE = """
import json, sys
from pathlib import Path
from generator.build import generate
seeds, out, templates, jobs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
report = generate(seeds, out / "docs", templates, jobs=jobs or None, cache_dir=out / "cache")
print(json.dumps([report.analysis_seconds, report.render_seconds]))
"""


def cold_generator(project: Path, seeds: Path, folder: Path, jobs: int | None) -> float:
    """Analysis + render of one more cold build: :func:`generator.build.generate`, which the build's
    MkDocs plugin calls, in a fresh process with an empty cache and an empty docs folder (fresh
    folders, so that nothing is deleted before it: see :func:`quiet_disk`)."""
    print(f"  ({quiet_disk(folder.parent)})", flush=True)
    done = subprocess.run([sys.executable, "-c", _GENERATE, str(seeds), str(folder), str(project / "site_templates"),
                           str(jobs or 0)], cwd=project, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the cold generator run failed:\n{done.stderr[-3000:]}")
    analysis, render = json.loads(done.stdout.splitlines()[-1])
    return analysis + render


def material_search_site(project: Path, folder: Path) -> Path:
    """The same generated pages built with Material's own search plugin instead of Pagefind."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nplugins:\n(?:  .*\n|\s*\n)*?(?=\S)", "\nplugins:\n  - search\n\n", config)
    config = re.sub(r"\n\s*custom_dir: overrides\n", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    (folder / "mkdocs.yml").write_text(config + f"\ndocs_dir: {project / 'docs'}\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict"], cwd=folder, check=True,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return folder / "site"


def size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_numbers(site: Path, material_site: Path | None, query: str, browser: bool) -> None:
    print("Search", flush=True)
    bundles = sorted(p for p in site.glob("pagefind*") if p.is_dir())
    line(f"Pagefind index ({len(bundles)} bundle{'s' if len(bundles) != 1 else ''})",
         f"{sum(size(b) for b in bundles) / 2**20:.1f} MB", "a query fetches only a few fragments of each")
    if material_site:
        line("Material search_index.json", f"{size(material_site / 'search' / 'search_index.json') / 2**20:.1f} MB",
             "the browser downloads and indexes all of it")
    if not browser:
        return
    sys.path.insert(0, str(ROOT))
    from tests.browser import CHROMIUM, first_query, serve

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  (no playwright: first-query times skipped)")
        return
    if not Path(CHROMIUM).is_file():
        print(f"  (no Chromium at {CHROMIUM}: first-query times skipped)")
        return
    from tests.browser import CHROMIUM_ARGS

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page()
        with serve(site) as url:
            seconds, titles = first_query(page, url, query)
        line(f"Pagefind first query '{query}'", f"{seconds:.2f} s", f"{len(titles)} results shown")
        if material_site:
            page = chromium.new_page()
            with serve(material_site) as url:
                page.goto(url)
                page.locator("input.md-search__input").click()
                start = page.evaluate("performance.now()")
                page.keyboard.type(query)  # Material listens to key presses
                try:
                    page.locator(".md-search-result__item").first.wait_for(timeout=180_000)
                    seconds = (page.evaluate("performance.now()") - start) / 1000
                    line(f"Material (lunr) first query '{query}'", f"{seconds:.2f} s")
                except Exception:
                    line(f"Material (lunr) first query '{query}'", "> 180 s")
        chromium.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared" / "data" / "bbc"))
    parser.add_argument("--jobs", type=int, help="processes for the builds (default: all cores)")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium first-query timings")
    parser.add_argument("--skip-material", action="store_true", help="no Material search comparison build")
    parser.add_argument("--profile", action="store_true", help="print where analysis time goes")
    parser.add_argument("--query", default="Blunkett", help="the search query to time")
    args = parser.parse_args()
    source = Path(args.articles)
    if not source.is_dir():
        sys.exit(f"{source}: no such folder of articles (pass the path, e.g. ../shared/data/bbc)")

    print(f"newsreport benchmark: {source}, {os.cpu_count()} cores visible, Python {sys.version.split()[0]}")
    articles = [a for a in read_articles([source]) if isinstance(a, Article)]
    analysis_speed(articles, args.profile)

    with tempfile.TemporaryDirectory(prefix="nr-bench-") as tmp:
        tmp_path = Path(tmp)
        project = tmp_path / "project"
        project.mkdir()
        for name in ("mkdocs.yml", "site_templates", "overrides"):
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
        (project / "docs").mkdir()
        (project / "seeds").mkdir()  # mkdocs.yml watches it; the articles come from --seeds
        seeds = tmp_path / "seeds"
        shutil.copytree(source, seeds)

        print(f"  ({quiet_disk(tmp_path)})", flush=True)
        cold = run_build(project, seeds, args.jobs)
        report_build(f"Cold build (--jobs {args.jobs or 'all cores'}): newsreport build", cold)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        line("peak memory, largest single process (ru_maxrss)", f"{children:.0f} MB",
             f"target <= {TARGETS['peak_mb']} MB for the tree: "
             f"{'met' if cold['peak_tree'] / 2**20 <= TARGETS['peak_mb'] else 'SHORT'}")

        # The floor right after the cold build, before the rebuilds replace (and so delete) a site:
        # on a disk that discards freed blocks, file creation is several times slower for a while
        # after a large delete, and both sides of the ratio should see the disk alike. The cold
        # generator and the floor each vary by a second or two from run to run, so both are timed
        # COLD_RUNS times, in turn, and the medians compared.
        generators = [cold["analysis"] + cold["render"]]
        floors: list[float] = []
        for run in range(1, COLD_RUNS + 1):
            if run > 1:
                generators.append(cold_generator(project, seeds, tmp_path / f"cold-{run}", args.jobs))
            floor, floor_memory = trivial_mkdocs(cold["pages"], tmp_path / "trivial", tmp_path, site=f"site-{run}")
            floors.append(floor)
        print("Publishing floor", flush=True)
        line(f"MkDocs build of {cold['pages']} trivial pages", f"{statistics.median(floors):.1f} s",
             f"median of {COLD_RUNS}: {', '.join(f'{f:.1f}' for f in floors)} s; peak memory {floor_memory / 2**20:.0f} MB")
        line("cold generator time (analysis + render)", f"{statistics.median(generators):.2f} s",
             f"median of {COLD_RUNS}: {', '.join(f'{g:.2f}' for g in generators)} s (the first is the cold build's)")
        shares = [g / f for g, f in zip(generators, floors)]
        share = statistics.median(generators) / statistics.median(floors)
        line("cold generator time / trivial MkDocs build", f"{share:.0%}",
             f"medians; run by run {', '.join(f'{s:.0%}' for s in shares)}; target <= {TARGETS['generator_share']:.0%}: "
             f"{'met' if share <= TARGETS['generator_share'] else 'SHORT'}")
        generator = cold["analysis"] + cold["render"]
        mkdocs_own = cold["mkdocs_total"] - generator - cold["pagefind"]
        line("cold generator time / MkDocs build of our pages", f"{generator / mkdocs_own:.0%}", "the cold build's")

        touched = sorted(seeds.rglob("*.txt"))[len(articles) // 2]
        with touched.open("a", encoding="utf-8") as f:
            f.write("\nThe minister said the figures would be published next week.\n")
        print(f"  ({quiet_disk(tmp_path)})", flush=True)
        one = run_build(project, seeds, args.jobs)
        report_build(f"Rebuild after touching one article ({touched.name})", one)
        one_gen = one["analysis"] + one["render"]
        line("  one-article rebuild, analysis + render", f"{one_gen:.2f} s",
             f"target <= {TARGETS['one_article_rebuild']} s: {'met' if one_gen <= TARGETS['one_article_rebuild'] else 'SHORT'}")
        print(f"  ({quiet_disk(tmp_path)})", flush=True)
        nothing = run_build(project, seeds, args.jobs)
        report_build("Rebuild with nothing changed", nothing)


        material = None if args.skip_material else material_search_site(project, tmp_path / "material")
        search_numbers(project / "site", material, args.query, not args.skip_browser)


if __name__ == "__main__":
    main()
