"""Build: ingest -> analyze -> link -> render -> write pages, then MkDocs publishes them.

``generate()`` writes the Markdown pages; ``build_site()`` runs MkDocs, whose ``newsreport`` plugin
calls ``generate()``, so the CLI, ``mkdocs build``, ``mkdocs serve`` and CI share one code path.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

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
        log.warning("Skipped %s: %s; %s", error.path, error.problem, error.fix)
    return report


def write_pages(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write pages whose content changed and remove pages this build no longer makes.

    Only files listed in the previous build's manifest are ever removed, so hand-written files in
    ``docs_dir`` are safe. Unchanged files are not touched, so ``mkdocs serve`` reloads only what
    changed and does not loop.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest = docs_dir / MANIFEST
    previous = _read_manifest(manifest)
    written = 0
    for rel, content in pages.items():
        target = docs_dir / rel
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        written += 1
    removed = 0
    for rel in sorted(previous - set(pages)):
        stale = docs_dir / rel
        if _inside(stale, docs_dir) and stale.is_file():
            stale.unlink()
            removed += 1
    _write_manifest(manifest, pages)
    return written, removed


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


def _write_manifest(path: Path, pages: dict[str, str]) -> None:
    text = json.dumps({"files": sorted(pages)}, indent=0) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


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
    try:
        build(config)
    except Abort as exc:
        raise ConfigError(f"MkDocs build failed: {exc}") from exc
    return plugin.report

