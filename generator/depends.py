"""Dependencies: what each page is made from, as a digest, so a rebuild renders only pages whose
inputs changed.

Everything a page can show comes from the articles it draws on and the corpus actors those
articles name. So:

- an **article's digest** covers its analysis (the cache key: the article as read and the analyser's
  version) and, for each of its actors, the corpus actor it was linked to (page id, name, kind);
- an **actor's digest** covers the corpus actor (name, kind, aliases, roles, which article actors it
  gathers) and the digests of the articles it appears in (its quotes, claims, companions and their
  names all come from those);
- an index page's digest covers its template and the values passed to it, with each article,
  actor and quote or claim standing for its digest;
- the **site's digest** covers the templates, the rendering code and Jinja's version: when it
  changes, every page is rendered again.

A page whose digest matches the last build's (and whose file is as that build left it) is not
rendered again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .cache import article_key, files_fingerprint
from .link import Corpus, CorpusActor
from .model import Analysis
from .store import package_versions
from .views import ItemRef

_PACKAGE = Path(__file__).resolve().parent
RENDERING_CODE = ("depends.py", "link.py", "model.py", "render.py", "serialize.py", "views.py", "ids.py")
"""The modules whose code shapes pages (analysis code is covered by the articles' cache keys)."""


def digest(*parts: Any) -> str:
    """A short digest of plain values (strings, numbers, None and tuples of them)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def site_digest(templates: Path) -> str:
    """The templates, the code that renders them, and the versions of Jinja and MarkupSafe (read
    afresh each build: ``mkdocs serve`` builds again when a template is edited)."""
    code = tuple((name, (_PACKAGE / name).read_bytes()) for name in RENDERING_CODE)
    return digest(files_fingerprint(templates), code, package_versions("jinja2", "markupsafe"))


class Digests:
    """The digests of a linked corpus's articles and actors, and of any template arguments."""

    def __init__(self, corpus: Corpus, keys: Mapping[str, str] | None = None):
        keys = keys or {}
        self.articles: dict[str, str] = {}
        for analysis in corpus.analyses:
            article_id = analysis.article.id
            linked = []
            for local in analysis.actors:
                page = corpus.actor_page(article_id, local.id)
                actor = corpus.by_id(page) if page else None
                linked.append((local.id, page, actor.name if actor else None, actor.kind if actor else None))
            key = keys.get(article_id) or article_key(analysis.article)
            self.articles[article_id] = digest(key, tuple(linked))
        self.actors: dict[str, str] = {
            a.id: digest(a.id, a.name, a.kind, a.aliases, a.roles,
                         tuple((ap.article_id, ap.actor.id) for ap in a.appearances),
                         tuple(self.articles[i] for i in a.article_ids))
            for a in corpus.actors
        }
        self._memo: dict[int, Any] = {}

    def page(self, template: str, **values: Any) -> str:
        """The digest of ``template`` rendered with ``values``."""
        return digest(template, self._plain(values))

    def _plain(self, value: Any) -> Any:
        """``value`` with every article, actor and item replaced by its digest."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, Analysis):
            return ("article", self.articles[value.article.id])
        if isinstance(value, CorpusActor):
            return ("actor", self.actors[value.id])
        if isinstance(value, ItemRef):
            return ("item", self.articles[value.analysis.article.id], value.kind, value.number)
        if isinstance(value, (list, tuple, Mapping)):
            known = self._memo.get(id(value))
            if known is not None and known[0] is value:  # the same list passed to many pages
                return known[1]
            items = sorted(value.items()) if isinstance(value, Mapping) else value
            plain = tuple(self._plain(v) for v in items)
            if len(plain) > 8:
                self._memo[id(value)] = (value, plain)
            return plain
        if isinstance(value, Markup):
            return str(value)
        if hasattr(value, "__dataclass_fields__"):
            return (type(value).__name__, tuple(self._plain(getattr(value, f)) for f in value.__dataclass_fields__))
        raise TypeError(f"no digest for a {type(value).__name__}: say what a page shows of it in depends.py")
