"""Build: ingest -> analyze -> link -> render -> write pages, then MkDocs publishes them.

``generate()`` writes the Markdown pages; ``build_site()`` runs MkDocs, whose ``newsreport`` plugin
calls ``generate()``, so the CLI, ``mkdocs build``, ``mkdocs serve`` and CI share one code path.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .cache import AnalysisCache, Signature, file_signature, files_fingerprint
from .errors import ArticleError, ConfigError
from .ingest import article_sources, read_article
from .link import link
from .analyze import reads
from .model import Analysis, Article
from .parallel import Progress, analyze_each, ctrl_c_kept, default_jobs
from .depends import site_digest
from .render import PageJob, fixed, plan_site
from .serialize import findings_tuple, with_findings
from .search import BUNDLE as SEARCH_BUNDLE
from .store import package_versions, replace_file

log = logging.getLogger("mkdocs.plugins.newsreport")
MANIFEST = ".newsreport-manifest.json"


@dataclass
class BuildReport:
    """What a build did, for the CLI and the plugin to report."""

    articles: int = 0
    analysed: int = 0
    """How many articles were analysed afresh."""
    cached: int = 0
    """How many analyses came from the cache."""
    analysis_seconds: float = 0.0
    """Wall time of reading and analysing (or loading from the cache)."""
    render_seconds: float = 0.0
    """Wall time of linking, rendering and writing the pages."""
    skipped: list[ArticleError] = field(default_factory=list)
    written: int = 0
    removed: int = 0
    pages: int = 0
    site_incremental: bool = False
    """The site was updated from the last one (only changed pages built again), not built whole."""


def analyze_all(paths: Iterable[str | Path], report: BuildReport, *, jobs: int | None = None,
                cache: AnalysisCache | None = None, scheduler: str | None = None) -> list[Analysis]:
    """Analyse every article, taking unchanged ones from ``cache`` (unchanged files are not even
    read); the rest run on ``jobs`` processes (default: all cores) or on the Dask cluster at
    ``scheduler``, fed as the files are read and stored as the results come back. An article that
    reads as another one does (:func:`reads`: the same story filed twice) is analysed once. A bad
    article is skipped and reported, never fatal to the others."""
    results: list[Analysis | None] = []
    unread: list[tuple[int, Path, str, Path]] = []
    for file, id_, root in article_sources(paths):
        known = cache.by_file(file, id_) if cache is not None else None
        if known is None:
            unread.append((len(results), file, id_, root))
        results.append(known)
    todo: list[tuple[int, Path, Signature | None, Article]] = []
    first: dict[tuple, int] = {}
    """What analysis reads of an article (:func:`reads`) -> where in ``todo`` it is analysed."""
    copies: list[tuple[int, Path, Signature | None, Article, int]] = []
    """Articles analysed as another one in ``todo`` is (the same story filed twice)."""
    failed: dict[int, str] = {}

    def to_analyse() -> Iterator[Article]:
        for i, file, id_, root in unread:
            signature = file_signature(file)  # before reading: an edit made after it shows next time
            try:
                article = read_article(file, id_, root)
            except ArticleError as exc:
                report.skipped.append(exc)
                continue
            found = cache.get(article) if cache is not None else None
            if cache is not None and found is not None:
                cache.remember(file, signature, found)
                results[i] = found
                continue
            twin = first.setdefault(reads(article), len(todo))
            if twin < len(todo):
                copies.append((i, file, signature, article, twin))
                continue
            todo.append((i, file, signature, article))
            yield article

    def done(i: int, file: Path, signature: Signature | None, article: Article, outcome: Analysis | str) -> None:
        if isinstance(outcome, str):
            report.skipped.append(ArticleError(article.source_path, f"could not be analysed ({outcome})",
                                               "report this as a bug with the file attached"))
            return
        if cache is not None:
            cache.remember(file, signature, outcome, cache.put(outcome))
        results[i] = outcome

    progress = Progress(len(unread))
    try:
        for n, outcome in enumerate(analyze_each(to_analyse(), expected=len(unread), jobs=jobs,
                                                 scheduler=scheduler, on_done=progress)):
            if isinstance(outcome, str):
                failed[n] = outcome
            done(*todo[n], outcome)
        for i, file, signature, article, twin in copies:
            original = results[todo[twin][0]]
            done(i, file, signature, article,
                 failed[twin] if original is None else with_findings(article, findings_tuple(original)))
    finally:
        progress.close()
    analyses = [a for a in results if a is not None]
    fresh = [t[0] for t in todo] + [c[0] for c in copies]
    report.articles, report.analysed = len(analyses), len(fresh)
    report.cached = report.articles - len([i for i in fresh if results[i] is not None])
    if cache is not None:
        cache.save_index()
        cache.prune()
    return analyses


def generate(seeds: Path, docs_dir: Path, templates: Path, *, jobs: int | None = None,
             cache_dir: Path | None = None, scheduler: str | None = None) -> BuildReport:
    """Write the Markdown pages for every article in ``seeds`` into ``docs_dir``.

    With ``cache_dir``, analyses are cached there and unchanged articles are not analysed again.
    """
    if not seeds.is_dir():
        raise ConfigError(f"{seeds}: the articles folder does not exist; create it and put .txt articles in it")
    if not (templates / "article.md.j2").is_file():
        raise ConfigError(f"{templates}: no article.md.j2 here; point 'templates' at the site_templates folder")
    _check_folders(seeds, docs_dir)
    report = BuildReport()
    cache = AnalysisCache(cache_dir) if cache_dir is not None else None
    started = time.perf_counter()
    with _collected_rarely():
        analyses = analyze_all([seeds], report, jobs=jobs, cache=cache, scheduler=scheduler)
    rendering = time.perf_counter()
    with _long_lived():
        pages: dict[str, PageJob | str] = dict(plan_site(
            link(analyses), templates, keys=cache.keys if cache is not None else None,
            bytecode_dir=_folder(cache_dir / "templates") if cache_dir is not None else None))
        for asset in sorted((templates / "assets").glob("*")):
            pages[f"assets/{asset.name}"] = asset.read_text(encoding="utf-8")
        report.written, report.removed = write_pages(docs_dir, pages, site=site_digest(templates), jobs=jobs)
    report.pages = len(pages)
    report.analysis_seconds, report.render_seconds = rendering - started, time.perf_counter() - rendering
    for error in report.skipped:
        log.warning("Skipped %s", error)
    return report


def _folder(path: Path) -> Path | None:
    """``path``, created if need be; None when it cannot be (a cache that cannot be kept costs
    time, never the build)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError as exc:
        log.warning("Could not create %s (%s); the build goes on without it", path, exc.strerror or exc)
        return None


@contextmanager
def _collected_rarely() -> Iterator[None]:
    """Run the garbage collector every 100,000 new objects instead of every 700: what is made
    meanwhile (the analyses, as they come back) lives until the end of the build, and the
    collector's passes over it found nothing to free (on BBC: 135 passes, 0.2 s of the build
    process's time while it waits on the analysis, against 0.08 s). It still runs."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def _long_lived() -> Iterator[None]:
    """Keep the objects that exist now (the analyses) out of the garbage collector's passes while
    linking and rendering: they live until the end of the build, and walking them on every pass
    would cost a third of a rebuild. Let go of them afterwards (``mkdocs serve`` builds again).

    What linking makes (an appearance per actor per article, the corpus's actors, the page jobs)
    lives as long, so the collector also runs less often meanwhile (:func:`_collected_rarely`): at
    its default of every 700 new objects it took a quarter of the time linking takes. It still
    runs, so the cycles that rendering leaves behind are collected."""
    gc.freeze()
    try:
        with _collected_rarely():
            yield
    finally:
        gc.unfreeze()


def write_pages(docs_dir: Path, pages: Mapping[str, PageJob | str], site: str = "",
                jobs: int | None = None) -> tuple[int, int]:
    """Write pages whose content changed and remove pages this build no longer makes.

    A page whose digest (what it is made from) equals the last build's, whose file still has the
    size and modification time that build left it with, and whose site digest (``site``: the
    templates and rendering code) is the same, is neither rendered nor read. Every
    other page is rendered and compared with its file, and written only when it differs, so
    ``mkdocs serve`` reloads only what changed and does not loop. Many pages to render (a cold
    build, a template edit) are rendered by ``jobs`` processes (see :func:`_make_pages`).

    Only files listed in the previous build's manifest are ever removed, so hand-written files in
    ``docs_dir`` are safe.

    All or nothing: every changed page is first staged next to its target under a hidden name;
    only when all are staged are they renamed into place (Ctrl-C is held back meanwhile). A
    failure before that removes the staged files and leaves the previous pages as they were. A
    page that has no file yet (all of them on a first build) is written where it goes, which
    spares a rename per page: the manifest lists it before it is made, so even a build killed
    outright leaves no page that a later build does not own, and a failure removes it again.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest = docs_dir / MANIFEST
    previous_site, previous = _read_manifest(manifest)
    trusted = previous if previous_site == site else {}
    _sweep_staged(docs_dir)
    base = str(docs_dir)
    _check_page_paths(docs_dir, pages)
    staged: dict[str, str] = {}
    """Page -> its new content, written beside it under a hidden name (nothing is held in memory)."""
    created: list[str] = []
    """New pages written where they go (no file was there)."""
    record: dict[str, list] = {}
    todo: list[_Make] = []
    listed: bytes | None = None
    """The manifest as it was, when it was rewritten early to list new pages (b"" if there was none)."""
    try:
        listed_names = _Listing(base)
        for rel, page in pages.items():
            job = page if isinstance(page, PageJob) else fixed(page)
            target = os.path.join(base, rel)
            was = trusted.get(rel)
            now = _stat(target) if listed_names.may_hold(rel) else None
            if was and now is not None and was[0] == job.digest and was[1:] == now:
                record[rel] = was
                continue
            if now is not None and now[0] < 0:
                raise ConfigError(f"{target}: a folder stands where the page {rel} goes; move it away")
            record[rel] = [job.digest]  # in page order; completed below
            todo.append(_Make(rel, job, target, now))
        new = {make.rel: [make.job.digest] for make in todo if make.now is None and make.rel not in previous}
        if new:
            # Listed before they exist, with the last build's site digest so that its own entries
            # are trusted exactly as before: a build killed while making them leaves no orphan.
            listed = _read(str(manifest)) or b""
            _write_manifest(manifest, {**previous, **new}, previous_site)
        for rel, now, data in _make_pages(todo, jobs):
            if data is None:
                record[rel].extend(now)
            elif rel in new and (made_stat := _create(os.path.join(base, rel), data)) is not None:
                created.append(rel)
                record[rel].extend(made_stat)
            else:
                staged[rel] = _stage(os.path.join(base, rel), data)
        stale = [os.path.join(base, rel) for rel in sorted(set(previous) - set(pages))]
        stale = [p for p in stale if _inside(Path(p), docs_dir) and os.path.isfile(p)]
        if not staged and not stale and not created:
            if record != previous or site != previous_site:
                _write_manifest(manifest, record, site)
            return 0, 0
        made = 0
        with _no_interrupt():
            if not staged.keys() <= previous.keys() | new.keys():
                # Until the new pages are in, the manifest lists both sets: nothing is orphaned.
                _write_manifest(manifest, {**previous, **record}, site)
            for rel, tmp in staged.items():
                target = os.path.join(base, rel)
                os.replace(tmp, target)
                record[rel] = [record[rel][0], *(_stat(target) or [])]
            for path in stale:
                os.unlink(path)
            _write_manifest(manifest, record, site)
            listed, made = None, len(created)
            created = []  # in place for good
    except BaseException:
        for tmp in [*staged.values(), *(os.path.join(base, rel) for rel in created)]:  # not yet in place
            if os.path.exists(tmp):
                os.unlink(tmp)
        if listed is not None:  # the manifest as it was
            if listed:
                replace_file(manifest, listed, tmp=manifest.with_name(f"{manifest.name}{STAGED_SUFFIX}"))
            else:
                manifest.unlink(missing_ok=True)
        raise
    return len(staged) + made, len(stale)


@dataclass(frozen=True, slots=True)
class _Make:
    """A page to render: compared with the file at ``target`` (``now``: its size and mtime)."""

    rel: str
    job: PageJob
    target: str
    now: list[int] | None


PARALLEL_PAGES = 2000
"""Fewer pages to render than this and they are rendered in this process: a process costs more."""
RENDER_PROCESSES = 4
"""At most this many render processes: each holds its own copy of what it touches of the corpus."""
_BATCH = 64
_forked: list[_Make] = []
"""The pages render processes share: set before they are forked, so nothing is pickled to them."""


def _make_pages(todo: list[_Make], jobs: int | None) -> Iterator[tuple[str, list[int] | None, bytes | None]]:
    """Render each page and compare it with its file: (page, its file's stat, None) when the file
    holds it already, else (page, None, its bytes), in ``todo``'s order.

    With many pages, ``jobs`` processes (default: all cores, at most :data:`RENDER_PROCESSES`)
    forked from this one render them: they inherit the corpus and the templates, and send back
    the pages that changed. This process alone writes them: processes creating files side by side
    in one folder wait on each other in the file system (on ext4, four of them spent twice the
    system time one writer does). Not where processes cannot be forked, nor from a process running
    other threads (``mkdocs serve`` after its first build), where a fork could copy a held lock.
    """
    processes = min(jobs or default_jobs(), RENDER_PROCESSES, len(todo) // (PARALLEL_PAGES // 2) or 1)
    return _rendered(todo, processes)


def _rendered(todo: list[_Make], processes: int) -> Iterator[tuple[str, list[int] | None, bytes | None]]:
    """:func:`_render_one` of each page, in order: here, or in ``processes`` forked processes."""
    if len(todo) < PARALLEL_PAGES or processes <= 1 or not _fork_is_safe():
        yield from map(_render_one, todo)
        return
    global _forked
    _forked = todo
    try:
        with ctrl_c_kept() as check, multiprocessing.get_context("fork").Pool(processes) as pool:
            check()  # the processes are forked: a Ctrl-C meanwhile is not lost
            batches = [(i, min(i + _BATCH, len(todo))) for i in range(0, len(todo), _BATCH)]
            for made in pool.imap(_render_batch, batches):
                yield from made
    finally:
        _forked = []


def _fork_is_safe() -> bool:
    """Processes can be forked here, and no other thread runs (one could hold a lock a forked
    process would inherit held: ``mkdocs serve``'s server, a Dask client's)."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _render_batch(bounds: tuple[int, int]) -> list[tuple[str, list[int] | None, bytes | None]]:
    """In a render process: :func:`_render_one` over a slice of the shared pages."""
    return [_render_one(make) for make in _forked[bounds[0]:bounds[1]]]


def _render_one(make: _Make) -> tuple[str, list[int] | None, bytes | None]:
    """(page, its file's stat, None) when the file holds the page already, else (page, None, the
    page's bytes)."""
    data = make.job.make().encode("utf-8")
    if make.now is not None and make.now[0] == len(data) and _read(make.target) == data:
        return make.rel, make.now, None
    return make.rel, None, data


class _Listing:
    """Which pages may have a file already: each folder of ``base`` is listed once, so a page in a
    folder that does not exist, or whose name is not in it, costs no failed look-up (all of them,
    on a first build). A file that appears after the listing is still never overwritten unseen:
    :func:`_create` refuses to write over it."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.folders: dict[str, frozenset[str] | None] = {}

    def may_hold(self, rel: str) -> bool:
        folder, _, name = rel.rpartition("/")
        names = self.folders.get(folder, ())
        if names == ():
            try:
                names = frozenset(os.listdir(os.path.join(self.base, folder)))
            except FileNotFoundError:
                names = frozenset()
            except OSError:  # not a folder, not readable: look each page up
                names = None
            self.folders[folder] = names
        return names is None or name in names


def _stat(path: str) -> list[int] | None:
    """[size, mtime in ns] of a file, [-1, 0] for a folder, None when there is nothing there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [-1, 0] if stat.S_ISDIR(st.st_mode) else [st.st_size, st.st_mtime_ns]


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


_PAGE_PATH = re.compile(r"(?:[\w][\w.-]*/)*[\w][\w.-]*", re.ASCII)
"""Relative, forward slashes, every part starting with a letter, digit or underscore: no "..",
no absolute path, no backslash or NUL."""


def _check_page_paths(docs_dir: Path, pages: Iterable[str]) -> None:
    """Refuse page paths that would write outside ``docs_dir`` (each folder is resolved once)."""
    root = docs_dir.resolve()
    folders: set[str] = set()
    for rel in pages:
        if not _PAGE_PATH.fullmatch(rel):
            raise ValueError(f"page path {rel!r} is outside {docs_dir}")
        folders.add(rel.rpartition("/")[0])
    for folder in folders:
        if folder and not _inside(docs_dir / folder, root):
            raise ValueError(f"page folder {folder!r} is outside {docs_dir}")


STAGED_SUFFIX = ".newsreport-staged"


def _stage(target: str, data: bytes) -> str:
    """Write ``data`` beside ``target`` under a hidden name; returns that name.

    Three system calls a page (open, write, close): the folder is made only when it is missing,
    and no buffered file object is set up around one write. Creating tens of thousands of files
    is most of a cold render's time on a slow disk."""
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}{STAGED_SUFFIX}")
    try:
        fd = os.open(tmp, _STAGE_FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(tmp, _STAGE_FLAGS, 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)
    return tmp


_STAGE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _create(target: str, data: bytes) -> list[int] | None:
    """Write ``data`` as the new file ``target`` and return its [size, mtime in ns]; None (nothing
    written) when a file is there already. Like :func:`_stage`, a few system calls a page: the
    folder is made when missing, and the time stamp is read from the open file, not looked up
    again by name."""
    try:
        fd = os.open(target, _CREATE_FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd = os.open(target, _CREATE_FLAGS, 0o666)
    except FileExistsError:
        return None
    try:
        _write_all(fd, data)
        st = os.fstat(fd)
    except BaseException:
        os.close(fd)
        os.unlink(target)
        raise
    os.close(fd)
    return [st.st_size, st.st_mtime_ns]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


_CREATE_FLAGS = (_STAGE_FLAGS & ~os.O_TRUNC) | os.O_EXCL


def _sweep_staged(docs_dir: Path) -> None:
    """Remove files staged by a build that was killed before it could clean up."""
    for leftover in docs_dir.rglob(f".*{STAGED_SUFFIX}"):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink()


@contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) while pages are renamed into place, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def only_generated(docs_dir: Path) -> bool:
    """True when every file in ``docs_dir`` is one this generator wrote (or a ``.gitkeep``)."""
    ours = set(_read_manifest(docs_dir / MANIFEST)[1]) | {MANIFEST, ".gitkeep"}
    return all(p.relative_to(docs_dir).as_posix() in ours for p in docs_dir.rglob("*") if p.is_file())


def generated_folders(docs_dir: Path) -> frozenset[str]:
    """The top-level folders of ``docs_dir`` that hold generated pages ("articles", "actors", ...)."""
    return frozenset(p.split("/", 1)[0] for p in _read_manifest(docs_dir / MANIFEST)[1] if "/" in p)


def prune_site(site_dir: Path, outputs: frozenset[str], folders: Iterable[str]) -> int:
    """Remove files under the given folders of ``site_dir`` that no page makes any more (a dirty
    MkDocs build leaves the pages of removed articles behind); returns how many."""
    removed = 0
    for folder in folders:
        top = site_dir / folder
        if not top.is_dir() or top.is_symlink():
            continue
        for path in sorted(top.rglob("*"), reverse=True):  # files before the folders that hold them
            rel = path.relative_to(site_dir).as_posix()
            if path.is_file() and rel not in outputs:
                path.unlink()
                removed += 1
            elif path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
                path.rmdir()
    return removed


OUTPUTS_RECORD = ".newsreport.outputs.json"
"""In the site: the files the last MkDocs build made from pages that are not generated (hand-written
pages, images, the theme's files), so that an update can remove those whose source is gone."""


def prune_outputs(site_dir: Path, outputs: frozenset[str], generated: Iterable[str]) -> int:
    """Remove files of ``site_dir`` that the last build made (see :data:`OUTPUTS_RECORD`) and this
    one does not: a hand-written page deleted from ``docs_dir`` would otherwise stay published in a
    site that is updated rather than rebuilt. Then record this build's; returns how many went."""
    record = site_dir / OUTPUTS_RECORD
    try:
        previous = json.loads(record.read_text(encoding="utf-8"))["files"]
        previous = [p for p in previous if isinstance(p, str)]
    except (OSError, ValueError, KeyError, TypeError):
        previous = []
    generated = frozenset(generated)
    mine = sorted(o for o in outputs if o.split("/", 1)[0] not in generated)
    removed = 0
    root = site_dir.resolve()
    for rel in set(previous) - outputs:
        path = site_dir / rel
        if not _inside(path, root) or not path.is_file() or path.is_symlink():
            continue
        path.unlink()
        removed += 1
        for folder in path.parents:  # and the folders it leaves empty ("notes/" of notes/index.html)
            if folder == site_dir or not _inside(folder, root) or any(folder.iterdir()):
                break
            folder.rmdir()
    replace_file(record, (json.dumps({"format": 1, "files": mine}, indent=0) + "\n").encode("utf-8"))
    return removed


MANIFEST_FORMAT = 2


def _read_manifest(path: Path) -> tuple[str, dict[str, list]]:
    """The last build's site digest and pages: path -> [digest, size, mtime in ns] (only the path
    is sure to be there; a page missing the rest is rendered again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if isinstance(files, list):  # the first format: paths only
            return "", {p: [] for p in files if isinstance(p, str)}
        site = data.get("site") if isinstance(data.get("site"), str) else ""
        return site, {p: v for p, v in files.items() if isinstance(p, str) and isinstance(v, list)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "", {}


def _write_manifest(path: Path, files: dict[str, list], site: str) -> None:
    text = json.dumps({"format": MANIFEST_FORMAT, "site": site, "files": files},
                      separators=(",", ":")) + "\n"
    replace_file(path, text.encode("utf-8"), tmp=path.with_name(f"{path.name}{STAGED_SUFFIX}"))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def build_site(config_file: str | Path = "mkdocs.yml", *, seeds: str | Path | None = None,
               site_dir: str | Path | None = None, docs_dir: str | Path | None = None,
               strict: bool | None = None, jobs: int | None = None, cache_dir: str | Path | None = None,
               scheduler: str | None = None, clean: bool = False) -> BuildReport:
    """Generate the pages and build the static site with MkDocs (the plugin does the generating).

    MkDocs builds into a hidden folder beside the site, which replaces the site only when the
    build succeeds: a failed, strict-failed or interrupted build leaves the previous site as it was.
    ``jobs``, ``cache_dir`` and ``scheduler``, when given, override the plugin's settings.

    When the site was last built by this function with the same frame (MkDocs config, theme
    overrides, the code and package versions that make HTML: :func:`site_frame`), the hidden
    folder starts as a copy of the site and MkDocs rebuilds only the pages whose files changed
    (a dirty build), which is what the page digests make safe: a page whose inputs changed is
    rewritten, every other page keeps its file and its time stamp, and pages of removed articles
    are pruned. ``clean`` builds everything.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config_path = Path(config_file)
    if not config_path.is_file():
        raise ConfigError(f"{config_path}: no MkDocs config here; run from the project folder or pass --config")
    if docs_dir is not None:
        Path(docs_dir).mkdir(parents=True, exist_ok=True)
    else:
        (config_path.parent / "docs").mkdir(exist_ok=True)
    overrides = {k: str(v) for k, v in (("site_dir", site_dir), ("docs_dir", docs_dir)) if v is not None}
    if strict is not None:
        overrides["strict"] = strict  # type: ignore[assignment]
    config = load_config(str(config_path), **overrides)
    plugin = config.plugins.get("newsreport")
    if plugin is None:
        raise ConfigError(f"{config_path}: the 'newsreport' plugin is not listed under plugins; add '- newsreport'")
    if seeds is not None:
        plugin.config["seeds"] = str(Path(seeds).resolve())
    for key, value in (("jobs", jobs), ("scheduler", scheduler)):
        if value is not None:
            plugin.config[key] = value
    if cache_dir is not None:
        plugin.config["cache_dir"] = str(Path(cache_dir).resolve())
    final = Path(config.site_dir)
    plugin.previous_site = final
    _check_folders(config_path.parent / plugin.config["seeds"], Path(config.docs_dir), final)
    final.parent.mkdir(parents=True, exist_ok=True)
    _sweep_site_leftovers(final)
    _check_replaceable(final)
    frame = site_frame(config_path, config)
    incremental = not clean and frame is not None and _read_stamp(final) == frame
    staging: Path | None = None
    try:
        with _no_interrupt():  # so a Ctrl-C cannot fall between creating it and owning it
            staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".newsreport-building",
                                            dir=final.parent))
        config.site_dir = str(staging)
        # The plugin copies the site into the staging folder once the pages are generated (so the
        # copy does not compete with the generator), before MkDocs writes anything.
        plugin.site_seed = final if incremental else None
        config.plugins.on_startup(command="build", dirty=incremental)
        try:
            build(config, dirty=incremental)
        except Abort as exc:
            raise ConfigError(f"MkDocs build failed: {exc}") from exc
        finally:
            config.plugins.on_shutdown()
            plugin.site_seed = None
        if frame is not None:
            (staging / SITE_STAMP).write_text(json.dumps({"format": 1, "frame": frame}), encoding="utf-8")
        with _no_interrupt():
            _replace_folder(staging, final)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    if plugin.report is not None:
        plugin.report.site_incremental = incremental
    return plugin.report


SITE_STAMP = ".newsreport.site.json"
"""In a site built by :func:`build_site`: the frame it was built with."""


def seed_site(site: Path, folder: Path) -> None:
    """Copy the last site into the folder an update is built in, time stamps kept (MkDocs compares
    them with the pages' to skip unchanged ones).

    The search bundles (thousands of small files) are hard-linked rather than copied: nothing
    writes into a bundle's files in place (a bundle is kept whole, removed, or made anew by
    Pagefind in a fresh folder, and the bundle list is replaced, not rewritten), so the last site
    stays as it was until the swap. Pages are copied: MkDocs writes a changed page in place."""
    def copy(src: str, dst: str) -> None:
        if Path(src).relative_to(site).parts[0].startswith(SEARCH_BUNDLE):  # pagefind, pagefind-2, ...
            try:
                os.link(src, dst)
                return
            except OSError:
                pass  # another file system, or no links: copied below
        shutil.copy2(src, dst)

    shutil.copytree(site, folder, symlinks=True, dirs_exist_ok=True, copy_function=copy)
    (folder / SITE_STAMP).unlink(missing_ok=True)


def site_frame(config_path: Path, config) -> str | None:
    """A digest of what every page of the site depends on besides its own file: the MkDocs
    config, the theme overrides, the docs folder, newsreport's code and the versions of the
    packages that turn Markdown into the site. None (always build everything) when the config
    inherits another file or reads the environment (``INHERIT``, ``!ENV``), which it cannot see."""
    raw = config_path.read_bytes()
    if b"INHERIT" in raw or b"!ENV" in raw:
        return None
    digest = hashlib.sha256(raw)
    digest.update(str(Path(config.docs_dir).resolve()).encode())
    digest.update(files_fingerprint(Path(__file__).resolve().parent).encode())
    digest.update(package_versions("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
                                   "pagefind-bin").encode())
    custom_dir = getattr(config.theme, "custom_dir", None)
    if custom_dir:
        digest.update(files_fingerprint(Path(custom_dir)).encode())
    return digest.hexdigest()


def _read_stamp(site: Path) -> str | None:
    try:
        stamp = json.loads((site / SITE_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp.get("frame") if isinstance(stamp, dict) and stamp.get("format") == 1 else None


def _replace_folder(new: Path, final: Path) -> None:
    """Put ``new`` where ``final`` is, keeping the old one until the new one is in place."""
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".newsreport-old", dir=final.parent))
        os.replace(final, old / final.name)
    try:
        os.replace(new, final)
    except BaseException:
        if old is not None:
            os.replace(old / final.name, final)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _sweep_site_leftovers(final: Path) -> None:
    """Clean up after a build that was killed outright (SIGKILL, power cut) before it could."""
    for old in sorted(final.parent.glob(f".{final.name}.*.newsreport-old")):
        if not final.exists() and (old / final.name).is_dir():
            os.replace(old / final.name, final)  # killed between the two renames: put it back
        shutil.rmtree(old, ignore_errors=True)
    for staging in final.parent.glob(f".{final.name}.*.newsreport-building"):
        shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(site_dir: Path) -> None:
    """Refuse to replace a folder that holds something other than a site built before."""
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / "index.html").is_file() \
            and not (site_dir / "sitemap.xml").is_file():
        raise ConfigError(f"{site_dir}: this folder is not empty and holds no site built before; "
                          "the build would replace it, so empty it or choose another --site-dir")


def _check_folders(seeds: Path, docs_dir: Path, site_dir: Path | None = None) -> None:
    """Refuse output folders that overlap the articles: sources are never written or deleted."""
    for name, out in (("docs_dir", docs_dir), ("site_dir", site_dir)):
        if out is None:
            continue
        if _inside(out, seeds) or _inside(seeds, out):
            raise ConfigError(f"{out}: the {name} overlaps the articles folder {seeds}; "
                              "put the output somewhere else so the articles are never overwritten")
