"""The MkDocs adapter: a thin plugin that calls :func:`generator.build.generate` before each build.

``mkdocs build``, ``mkdocs serve`` (which also rebuilds when ``seeds/`` changes, through ``watch:``)
and ``newsreport build`` all go through here.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .build import BuildReport, generate
from .errors import NewsreportError

log = get_plugin_logger("newsreport")


class NewsreportConfig(Config):
    seeds = c.Type(str, default="seeds")
    """Folder of article .txt files, relative to mkdocs.yml."""
    templates = c.Type(str, default="site_templates")
    """Folder of Jinja2 page templates, relative to mkdocs.yml."""


class NewsreportPlugin(BasePlugin[NewsreportConfig]):
    """Generates the article, actor and index pages into ``docs_dir``."""

    report: BuildReport | None = None

    def on_pre_build(self, *, config) -> None:
        root = Path(config.config_file_path).parent
        try:
            self.report = generate(root / self.config.seeds, Path(config.docs_dir), root / self.config.templates)
        except NewsreportError as exc:
            raise PluginError(str(exc)) from exc
        r = self.report
        log.info("%d articles, %d pages (%d written, %d removed), %d skipped",
                 r.articles, r.pages, r.written, r.removed, len(r.skipped))

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
