"""The MkDocs adapter: a thin plugin that calls :func:`generator.build.generate` before each build
and indexes the finished site for search after it.

``mkdocs build``, ``mkdocs serve`` (which also rebuilds when ``seeds/`` changes, through ``watch:``)
and ``newsreport build`` all go through here.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .build import BuildReport, generate, generated_folders, only_generated, prune_outputs, prune_site, seed_site
from .errors import NewsreportError
from .memory import forget_html, forget_markdown, release_free_memory

log = get_plugin_logger("newsreport")


class NewsreportConfig(Config):
    seeds = c.Type(str, default="seeds")
    """Folder of article .txt files, relative to mkdocs.yml."""
    templates = c.Type(str, default="site_templates")
    """Folder of Jinja2 page templates, relative to mkdocs.yml."""
    jobs = c.Type(int, default=0)
    """Processes that analyse articles; 0 means all cores."""
    cache_dir = c.Type(str, default=".cache/newsreport")
    """Where analyses are cached, relative to mkdocs.yml; an empty string turns the cache off."""
    scheduler = c.Optional(c.Type(str))
    """Address of a Dask scheduler (``tcp://host:8786``) to run the analysis on, instead of locally."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (the search box in the header)."""


class NewsreportPlugin(BasePlugin[NewsreportConfig]):
    """Generates the article, actor and index pages into ``docs_dir``; indexes the site for search."""

    report: BuildReport | None = None
    dirty = False
    """``mkdocs serve --dirty`` / ``build --dirty``: MkDocs rebuilds only pages whose file changed."""
    _outputs: frozenset[str] = frozenset()
    site_seed: Path | None = None
    """``newsreport build`` updating a site: the site to copy into ``site_dir`` once the pages are
    generated, so MkDocs builds only what changed on top of it."""
    previous_site: Path | None = None
    """The site of the last build, when this one is built elsewhere (``newsreport build`` builds
    beside it and swaps): search shards that did not change are copied from it."""

    def on_startup(self, *, command, dirty) -> None:
        self.dirty = dirty
        if dirty:
            # MkDocs warns that a dirty build may leave navigation and links stale, and strict mode
            # (ours) turns that warning into a failure. Here it does not apply: the nav lists only
            # the fixed index pages, a page whose links change is itself rewritten (its digest
            # covers what it links to) and so rebuilt, and pages that are gone are removed from
            # the site after the build (``on_post_build``).
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning_is_info)

    def on_pre_build(self, *, config) -> None:
        root = Path(config.config_file_path).parent
        cache_dir = root / self.config.cache_dir if self.config.cache_dir else None
        try:
            self.report = generate(root / self.config.seeds, Path(config.docs_dir), root / self.config.templates,
                                   jobs=self.config.jobs or None, cache_dir=cache_dir,
                                   scheduler=self.config.scheduler or None)
        except NewsreportError as exc:
            raise PluginError(str(exc)) from exc
        release_free_memory()  # the corpus and the rendered pages, before MkDocs reads the pages
        if self.site_seed is not None:
            seed_site(self.site_seed, Path(config.site_dir))
        r = self.report
        log.info("%d articles (%d analysed, %d from cache), %d pages (%d written, %d removed), %d skipped; "
                 "analysis %.2f s, render %.2f s", r.articles, r.analysed, r.cached, r.pages, r.written,
                 r.removed, len(r.skipped), r.analysis_seconds, r.render_seconds)

    def on_serve(self, server, *, config, builder):
        # Our own page writes would otherwise wake ``mkdocs serve`` for a second, idle rebuild after
        # every change. When docs_dir holds nothing but generated pages, its inputs (seeds/,
        # site_templates/, listed under ``watch:``) are the thing to watch.
        if only_generated(Path(config.docs_dir)):
            server.unwatch(config.docs_dir)
            log.debug("not watching %s: every file in it is generated", config.docs_dir)
        return server

    def on_files(self, files, *, config):
        self._outputs = frozenset(f.dest_uri for f in files)
        return files

    @event_priority(-100)  # after every other plugin has seen the HTML
    def on_page_content(self, html, *, page, config, files):
        forget_markdown(page)
        return html

    @event_priority(-100)
    def on_post_page(self, output, *, page, config):
        forget_html(page)
        return output

    def on_post_build(self, *, config) -> None:
        generated = generated_folders(Path(config.docs_dir))
        if self.dirty:
            prune_site(Path(config.site_dir), self._outputs, generated)
        prune_outputs(Path(config.site_dir), self._outputs, generated)  # a clean build finds nothing to remove
        if not self.config.search:
            return
        from .search import index_site

        release_free_memory()  # what MkDocs no longer needs, before Pagefind starts beside it

        started = time.perf_counter()
        try:
            index_site(config.site_dir, previous=self.previous_site)
        except NewsreportError as exc:
            raise PluginError(str(exc)) from exc
        log.info("Search index built with Pagefind in %.2f s", time.perf_counter() - started)

    def on_page_context(self, context, *, page, config, nav):
        """Give every page an explicit, escaped title.

        MkDocs takes a page's title from its first heading as HTML, with article text as entities
        (``&lt;script&gt;``). Material prints it in ``<title>`` through Jinja's ``striptags``,
        which turns entities back into tags, so a headline could close ``<title>`` and run a
        script. Material prints ``page.meta.title`` as it is, entities and all, so set that.
        """
        if not page.is_homepage and page.title and "title" not in page.meta:
            page.meta["title"] = page.title
        return context


def _dirty_warning_is_info(record: logging.LogRecord) -> bool:
    if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True
