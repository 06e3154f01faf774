"""Build: ingest -> analyze -> link -> render -> write pages, then MkDocs publishes them.

``generate()`` writes the Markdown pages; ``build_site()`` runs MkDocs, whose ``newsreport`` plugin
calls ``generate()``, so the CLI, ``mkdocs build``, ``mkdocs serve`` and CI share one code path.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .cache import AnalysisCache
from .errors import ArticleError, ConfigError
from .ingest import read_articles
from .link import link
from .model import Analysis
from .parallel import Progress, analyze_many
from .render import render_site

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


def analyze_all(paths: Iterable[str | Path], report: BuildReport, *, jobs: int | None = None,
                cache: AnalysisCache | None = None, scheduler: str | None = None) -> list[Analysis]:
    """Analyse every article, taking unchanged ones from ``cache``; the rest run on ``jobs``
    processes (default: all cores) or on the Dask cluster at ``scheduler``. A bad article is
    skipped and reported, never fatal to the others."""
    articles = []
    for item in read_articles(paths):
        if isinstance(item, ArticleError):
            report.skipped.append(item)
        else:
            articles.append(item)
    found = {i: a for i, a in enumerate(cache.get(x) for x in articles) if a is not None} if cache else {}
    todo = [a for i, a in enumerate(articles) if i not in found]
    progress = Progress(len(todo))
    try:
        fresh = iter(analyze_many(todo, jobs=jobs, scheduler=scheduler, on_done=progress))
    finally:
        progress.close()
    analyses = []
    for i, article in enumerate(articles):
        outcome = found[i] if i in found else next(fresh)
        if isinstance(outcome, str):
            report.skipped.append(ArticleError(article.source_path, f"could not be analysed ({outcome})",
                                               "report this as a bug with the file attached"))
            continue
        if cache is not None and i not in found:
            cache.put(outcome)
        analyses.append(outcome)
    report.articles, report.analysed, report.cached = len(analyses), len(todo), len(found)
    if cache is not None:
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
    analyses = analyze_all([seeds], report, jobs=jobs, cache=cache, scheduler=scheduler)
    rendering = time.perf_counter()
    pages = render_site(link(analyses), templates)
    for asset in sorted((templates / "assets").glob("*")):
        pages[f"assets/{asset.name}"] = asset.read_text(encoding="utf-8")
    report.written, report.removed = write_pages(docs_dir, pages)
    report.pages = len(pages)
    report.analysis_seconds, report.render_seconds = rendering - started, time.perf_counter() - rendering
    for error in report.skipped:
        log.warning("Skipped %s", error)
    return report


def write_pages(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write pages whose content changed and remove pages this build no longer makes.

    Only files listed in the previous build's manifest are ever removed, so hand-written files in
    ``docs_dir`` are safe. Unchanged files are not touched, so ``mkdocs serve`` reloads only what
    changed and does not loop.

    All or nothing: every changed page is first staged next to its target under a hidden name;
    only when all are staged are they renamed into place (Ctrl-C is held back meanwhile). A
    failure before that removes the staged files and leaves the previous pages as they were.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = docs_dir.resolve()
    manifest = docs_dir / MANIFEST
    previous = _read_manifest(manifest)
    _sweep_staged(docs_dir)
    changed = {}
    for rel, content in pages.items():
        target = docs_dir / rel
        if not _inside(target, root) or target.resolve() == root:
            raise ValueError(f"page path {rel!r} is outside {docs_dir}")
        data = content.encode("utf-8")
        if target.is_dir():
            raise ConfigError(f"{target}: a folder stands where the page {rel} goes; move it away")
        if not (target.is_file() and target.read_bytes() == data):
            changed[target] = data
    stale = [docs_dir / rel for rel in sorted(previous - set(pages))]
    stale = [p for p in stale if _inside(p, root) and p.is_file()]
    if not changed and not stale:
        _write_manifest(manifest, sorted(pages))
        return 0, 0
    staged: dict[Path, Path] = {}
    try:
        _stage(changed, staged)
        with _no_interrupt():
            # Until the stale files are gone, the manifest lists both sets: nothing is orphaned.
            _write_manifest(manifest, sorted(previous | set(pages)))
            for target, tmp in staged.items():
                os.replace(tmp, target)
            for path in stale:
                path.unlink()
            _write_manifest(manifest, sorted(pages))
    except BaseException:
        for tmp in staged.values():  # those not yet renamed; a later build sweeps any missed
            tmp.unlink(missing_ok=True)
        raise
    return len(changed), len(stale)


STAGED_SUFFIX = ".newsreport-staged"


def _stage(changed: dict[Path, bytes], staged: dict[Path, Path]) -> None:
    """Write each new content beside its target under a hidden name, recording it in ``staged``."""
    for target, data in changed.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}{STAGED_SUFFIX}")
        staged[target] = tmp
        tmp.write_bytes(data)


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
    ours = _read_manifest(docs_dir / MANIFEST) | {MANIFEST, ".gitkeep"}
    return all(p.relative_to(docs_dir).as_posix() in ours for p in docs_dir.rglob("*") if p.is_file())


def _read_manifest(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {p for p in data["files"] if isinstance(p, str)}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _write_manifest(path: Path, files: list[str]) -> None:
    text = json.dumps({"files": files}, indent=0) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_name(f"{path.name}{STAGED_SUFFIX}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def build_site(config_file: str | Path = "mkdocs.yml", *, seeds: str | Path | None = None,
               site_dir: str | Path | None = None, docs_dir: str | Path | None = None,
               strict: bool | None = None, jobs: int | None = None, cache_dir: str | Path | None = None,
               scheduler: str | None = None) -> BuildReport:
    """Generate the pages and build the static site with MkDocs (the plugin does the generating).

    MkDocs builds into a hidden folder beside the site, which replaces the site only when the
    build succeeds: a failed, strict-failed or interrupted build leaves the previous site as it was.
    ``jobs``, ``cache_dir`` and ``scheduler``, when given, override the plugin's settings.
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
    _check_folders(config_path.parent / plugin.config["seeds"], Path(config.docs_dir), final)
    final.parent.mkdir(parents=True, exist_ok=True)
    _sweep_site_leftovers(final)
    _check_replaceable(final)
    staging: Path | None = None
    try:
        with _no_interrupt():  # so a Ctrl-C cannot fall between creating it and owning it
            staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".newsreport-building",
                                            dir=final.parent))
        config.site_dir = str(staging)
        try:
            build(config)
        except Abort as exc:
            raise ConfigError(f"MkDocs build failed: {exc}") from exc
        with _no_interrupt():
            _replace_folder(staging, final)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return plugin.report


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
