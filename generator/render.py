"""Render: the linked corpus in, Markdown pages out (as a path -> text mapping). No analysis here.

One Jinja environment with ``StrictUndefined``. Every value a template prints is escaped for
Markdown and HTML by ``finalize`` unless it is :class:`markupsafe.Markup` made by one of the filters
below, so article text can never become markup, a link or a script.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, NamedTuple

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .depends import Digests, digest
from .link import Corpus, CorpusActor
from .model import ACTOR_KINDS, STANCES, Analysis, Sentiment
from .serialize import to_dict
from .views import Edge, ItemRef, Views, by_source, paged, source_of, stance_counts, summary

# Python-Markdown's escapable characters (with the tables extension's "|"): a backslash makes each
# plain text. "&", "<" and ">" become entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
EXCERPT_CHARS = 280


def md(value: Any) -> Markup:
    """Text made safe to place inline in Markdown: one line, HTML-escaped, syntax backslash-escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(_md_text(str(value)))


@lru_cache(maxsize=200_000)
def _md_text(value: str) -> str:
    # Names and titles recur on thousands of pages: escape each distinct string once.
    text = " ".join(_CONTROL.sub(" ", value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _finalize(value: Any) -> Any:
    if type(value) is str:  # most values: escaped, and joined into the page as they are
        return _md_text(value)
    if isinstance(value, (Markup, int, float)) and not isinstance(value, bool):
        return value
    return md(value)


def counted_links(pairs: Iterable[tuple[Any, int]]) -> Markup:
    """"[Name](id.md) (3) · [Other](other.md) (1)": links to actor pages beside this one, with a
    count each. (A filter rather than a loop in the template: an actor page has a dozen, a corpus
    over a hundred thousand, and a template loop took a fifth of the rendering.)"""
    return Markup(" · ".join(f"{_actor_link(a.name, a.id)} ({int(n)})" for a, n in pairs))


@lru_cache(maxsize=200_000)
def _actor_link(name: str, actor_id: str) -> str:
    """"[Name](id.md)", made once per actor (actors recur beside thousands of others)."""
    return f"[{_md_text(name)}]({slug(actor_id)}.md)"


def of_kind(actors: Iterable[Any], kind: str) -> list[Any]:
    """The actors of one kind ("person"), in order."""
    return [a for a in actors if a.kind == kind]


def link(label: Any, target: str) -> Markup:
    """A Markdown link with an escaped label to one of our own pages (targets are our slugs)."""
    return Markup(f"[{label if isinstance(label, Markup) else _md_text(str(label))}]({target})")


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=200_000)
def slug(value: str) -> Markup:
    """An id we made (article, actor, anchor), passed into a link target unescaped. (Checked once
    per id: actor ids and anchors recur on thousands of pages.)"""
    if not _SLUG.fullmatch(value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


_HREF = re.compile(r"(\.\./)*[a-z0-9][a-z0-9/_.-]*(#[a-z0-9-]+)?")


def href(value: str) -> Markup:
    """A relative link target to one of our own pages, passed through unescaped."""
    if not _HREF.fullmatch(value) or "//" in value:
        raise ValueError(f"not one of our paths: {value!r}")
    return Markup(value)


def md_join(values: Iterable[Any], sep: str = ", ") -> Markup:
    """Join values, each escaped, into one Markdown string."""
    return Markup(sep).join(md(v) for v in values)


def polarity_word(s: Sentiment) -> str:
    if s.polarity > 0.1:
        return "positive"
    if s.polarity < -0.1:
        return "negative"
    return "neutral"


def signed(value: float) -> str:
    """A sentiment score for people: two decimals, with its sign."""
    return f"{value:+.2f}"


_MERMAID_UNSAFE = re.compile(r"[^\w .,'-]+")


def mermaid_label(name: str) -> str:
    """An actor's name made safe inside a quoted Mermaid label: no quotes, brackets, pipes,
    semicolons, entities or backticks can close the label or the fence."""
    return " ".join(_MERMAID_UNSAFE.sub(" ", _CONTROL.sub(" ", name)).split())[:60] or "?"


def mermaid(edges: Iterable[Edge]) -> Markup:
    """A who-accuses-whom diagram as a Mermaid fence; node ids are ours, labels are sanitised."""
    nodes: dict[str, str] = {}
    arrows = []
    for e in edges:
        a, b = (nodes.setdefault(x.id, f"a{len(nodes)}") for x in (e.speaker, e.target))
        arrows.append(f"  {a} -->|{e.stance}{f' ×{e.count}' if e.count > 1 else ''}| {b}")
    names = {e.speaker.id: e.speaker.name for e in edges} | {e.target.id: e.target.name for e in edges}
    lines = ["```mermaid", "graph LR"]
    lines += [f'  {node}["{mermaid_label(names[actor_id])}"]' for actor_id, node in nodes.items()]
    return Markup("\n".join(lines + arrows + ["```"]))


_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~!$&'*+,;=:@%/?#-]*)?")


def original(url: str) -> Markup:
    """A link to the article's original address, only when it is a plain http(s) URL."""
    if not _WEB_URL.fullmatch(url) or "(" in url or ")" in url:
        return md(url)
    return Markup(f"[Original]({html.escape(url, quote=True)})")


def yaml_str(value: str) -> Markup:
    """A one-line YAML string for front matter (JSON is YAML).

    Material prints front-matter values such as tags into the page as HTML, unescaped, so only
    word characters and plain punctuation survive: "<img onerror=...>" becomes "img onerror ...".
    """
    plain = re.sub(r"[^\w .,'()/-]+", " ", _CONTROL.sub(" ", value))
    return Markup(json.dumps(" ".join(plain.split()) or "unknown", ensure_ascii=True))


def bar(count: int, most: int, width: int = 24) -> str:
    return "█" * max(1, round(width * count / max(most, 1)))


def environment(templates: Path, bytecode_dir: Path | None = None) -> Environment:
    """The one Jinja environment, with our filters. With ``bytecode_dir``, compiled templates are
    kept there (Jinja checks each against its source), so a rebuild does not compile them again."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        auto_reload=False,  # templates do not change during a build: no stat per include
        bytecode_cache=FileSystemBytecodeCache(str(bytecode_dir)) if bytecode_dir else None,
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md, link=link, of_kind=of_kind, counted_links=counted_links, slug=slug, href=href, md_join=md_join, polarity=polarity_word, excerpt=_excerpt,
                       signed=signed, mermaid=mermaid, yaml_str=yaml_str, original=original, bar=bar, summary=summary, source_of=source_of)
    return env


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# --- the full text ---------------------------------------------------------------------------

class _Mark(NamedTuple):
    start: int
    end: int
    css: str
    anchor: str | None = None
    back: str | None = None


def _marks(analysis: Analysis) -> list[_Mark]:
    marks: list[_Mark] = []
    for kind, entries in (("quote", analysis.quotes), ("claim", analysis.claims)):
        for n, item in enumerate(entries, 1):
            for i, (s, e) in enumerate(item.content):
                last = i == len(item.content) - 1
                marks.append(_Mark(s, e, f"nr-{kind}", f"{kind}-{n}" if i == 0 else None,
                                   f"{kind}-{n}" if last else None))
            for span, css in ((item.source, "nr-source"), (item.cue, "nr-cue")):
                if span:
                    marks.append(_Mark(span[0], span[1], css))
    return marks


def text_html(analysis: Analysis) -> Markup:
    """The article's paragraphs as one raw HTML block, every quote and claim highlighted and
    anchored, each with a link back to its entry in the lists above."""
    text = _CONTROL.sub(" ", analysis.article.text)  # one character for one: every offset holds
    marks = _marks(analysis)
    paragraphs = []
    title = analysis.article.title_span
    # A claim in the headline ("Gingrich: Trump Must Decide ...") is shown on the headline, above the body.
    headline = (title,) if title and any(m.start < title[1] and m.end > title[0] for m in marks) else ()
    for p_start, p_end in (*headline, *analysis.article.paragraphs):
        inside = [m for m in marks if m.start < p_end and m.end > p_start]
        if not inside:
            paragraphs.append(f"<p>{html.escape(text[p_start:p_end])}</p>")
            continue
        points = sorted({p_start, p_end} | {max(p_start, min(p_end, x)) for m in inside for x in (m.start, m.end)})
        pieces = []
        for a, b in zip(points, points[1:]):
            active = [m for m in inside if m.start <= a and b <= m.end]
            segment = html.escape(text[a:b])
            if active:
                css = " ".join(sorted({m.css for m in active}))
                anchors = [m.anchor for m in active if m.anchor and m.start == a]
                id_attr = f' id="{anchors[0]}"' if anchors else ""
                # A quote and the claim that reports it can start at the same word: each keeps its id.
                extra = "".join(f'<span id="{anchor}"></span>' for anchor in anchors[1:])
                segment = f'{extra}<span class="{css}"{id_attr}>{segment}</span>'
            for m in active:
                if m.back and m.end == b:
                    label = m.back.replace("quote-", "Q").replace("claim-", "C")
                    segment += f'<a class="nr-back" href="#item-{m.back}" title="Back to the list">{label}</a>'
            pieces.append(segment)
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    return Markup('<div class="nr-text">\n' + "\n".join(paragraphs) + "\n</div>")


# --- pages ------------------------------------------------------------------------------------

UP = Markup("../")
ARTICLES_PER_PAGE = 100
ACTORS_PER_PAGE = 200
ITEMS_PER_PAGE = 100


@dataclass(frozen=True)
class PageJob:
    """A page to write: a digest of what it is made from, and how to make it. (The templates and
    rendering code are one digest for the whole site: :func:`generator.depends.site_digest`.)"""

    digest: str
    make: Callable[[], str]


def render_site(corpus: Corpus, templates: Path) -> dict[str, str]:
    """Every generated page and data file, as relative path -> content."""
    return {name: job.make() for name, job in plan_site(corpus, templates).items()}


def plan_site(corpus: Corpus, templates: Path, keys: Mapping[str, str] | None = None,
              bytecode_dir: Path | None = None) -> dict[str, PageJob]:
    """Every generated page and data file, as relative path -> how to make it. Nothing is rendered
    until a job's ``make`` is called, so a rebuild renders only pages whose digest changed.
    ``keys`` are the articles' cache keys when the caller has them (else they are worked out);
    ``bytecode_dir`` keeps compiled templates between builds."""
    env = environment(templates, bytecode_dir)
    views = Views(corpus)
    digests = Digests(corpus, keys)
    jobs: dict[str, PageJob] = {}
    article_tpl, actor_tpl = env.get_template("article.md.j2"), env.get_template("actor.md.j2")
    for analysis in corpus.analyses:
        article_id = analysis.article.id
        made_from = digests.articles[article_id]

        def article_page(analysis: Analysis = analysis) -> str:
            return article_tpl.render(
                analysis=analysis, article=analysis.article, actors=views.article_actors(analysis),
                items=views.items(analysis.article.id), text_html=text_html(analysis),
            )

        jobs[f"articles/{article_id}.md"] = PageJob(made_from, article_page)
        jobs[f"api/articles/{article_id}.json"] = PageJob(made_from,
                                                          partial(lambda a: _json(to_dict(a)), analysis))
    for actor in corpus.actors:
        made_from = digests.actors[actor.id]
        jobs[f"actors/{actor.id}.md"] = PageJob(
            made_from,
            partial(lambda a: actor_tpl.render(v=views.actor(a), actor=a), actor))
        jobs[f"api/actors/{actor.id}.json"] = PageJob(
            made_from, partial(lambda a: _json(actor_dict(views.actor(a))), actor))
    jobs.update(_index_pages(env, views, digests))
    for static in sorted((templates / "pages").glob("*.md")):
        jobs[static.name] = fixed(static.read_text(encoding="utf-8"))
    return jobs


def fixed(content: str) -> PageJob:
    """A page whose content is known already."""
    return PageJob(digest("fixed", content), lambda: content)


def _index_pages(env: Environment, views: Views, digests: Digests) -> dict[str, PageJob]:
    corpus = views.corpus
    jobs: dict[str, PageJob] = {}

    def page(name: str, template: str, **values: Any) -> None:
        def make() -> str:
            shown = values
            if "page" in values and values["page"].rows and isinstance(values["page"].rows[0], ItemRef):
                shown = dict(values, page=replace(values["page"], rows=[views.item(r) for r in values["page"].rows]))
            return env.get_template(template).render(**shown)

        jobs[name] = PageJob(digests.page(template, **values), make)

    def lists(template: str, rows, first: str, rest: str, per_page: int, counts: Mapping[str, int] | None = None,
              **extra: Any) -> None:
        # ``counts`` (of every list of the family) show on the first page only, so a page further on
        # changes only when its own rows do.
        for name, chunk in paged(rows, first, rest, per_page, key=_row_key):
            page(name, template, page=chunk, root=UP, counts=counts if chunk.number == 1 else {}, **extra)

    ordered = views.newest
    by_mentions = sorted(corpus.actors, key=lambda a: (-a.mention_count, a.name))
    sources = by_source(corpus.analyses)
    figures = dict(
        articles=len(corpus.analyses), actors=len(corpus.actors),
        quotes=sum(len(a.quotes) for a in corpus.analyses), claims=sum(len(a.claims) for a in corpus.analyses),
        kinds=[(k, sum(1 for a in corpus.actors if a.kind == k)) for k in ACTOR_KINDS],
        stances=stance_counts(corpus), sources=sources,
    )
    page("index.md", "home.md.j2", latest=ordered[:10], top=by_mentions[:10], **figures)
    lists("articles.md.j2", ordered, "articles/index.md", "browse/articles-{n}.md", ARTICLES_PER_PAGE,
          title="Articles", source=None)
    page("browse/sources.md", "sources.md.j2", sources=[(name, key, members[:1], len(members))
                                                     for name, key, members in sources], root=UP)
    for name, slug_, members in sources:
        lists("articles.md.j2", members, f"browse/source-{slug_}.md", f"browse/source-{slug_}-{{n}}.md",
              ARTICLES_PER_PAGE, title=f"Articles from {name}", source=name)
    page("actors/index.md", "actors.md.j2", top=by_mentions[:100], root=UP, **figures)
    for kind in ACTOR_KINDS:
        lists("actors_kind.md.j2", [a for a in by_mentions if a.kind == kind], f"browse/actors-{kind}.md",
              f"browse/actors-{kind}-{{n}}.md", ACTORS_PER_PAGE, kind=kind, kinds=ACTOR_KINDS,
              counts=dict(figures["kinds"]))
    lists("quotes.md.j2", views.all_items("quote"), "quotes/index.md", "browse/quotes-{n}.md", ITEMS_PER_PAGE)
    page("claims/index.md", "claims.md.j2", root=UP, **figures)
    for stance in STANCES:
        lists("claims_stance.md.j2", views.all_items("claim", stance), f"browse/claims-{stance}.md",
              f"browse/claims-{stance}-{{n}}.md", ITEMS_PER_PAGE, stance=stance, stances=STANCES,
              counts=dict(figures["stances"]))
    return jobs


def _row_key(row: Analysis | CorpusActor | ItemRef) -> str:
    """A list row's stable name, for content-defined paging."""
    if isinstance(row, Analysis):
        return row.article.id
    if isinstance(row, ItemRef):
        return f"{row.analysis.article.id}/{row.kind}/{row.number}"
    return row.id


def actor_dict(view) -> dict[str, Any]:
    """The public JSON form of an actor page (documented by generator/actor.schema.json)."""
    actor = view.actor
    local_ids: dict[str, list[str]] = {}
    for ap in actor.appearances:
        local_ids.setdefault(ap.article_id, []).append(ap.actor.id)

    def item(v) -> dict[str, Any]:
        out = {"article": v.analysis.article.id, "anchor": v.anchor, "text": v.text,
               "speaker": v.speaker.id if v.speaker else None}
        if v.kind == "claim":
            out.update(stance=v.stance, targets=[t.id for t in v.targets])
        return out

    return {
        "schema_version": 1, "id": actor.id, "name": actor.name, "kind": actor.kind,
        "aliases": list(actor.aliases), "roles": list(actor.roles), "mention_count": actor.mention_count,
        "articles": [
            {"id": a.article.id, "title": a.article.title, "date": a.article.date,
             "actor_ids": local_ids.get(a.article.id, []),
             "mentions": actor.mentions_in(a.article.id)}
            for a in view.articles
        ],
        "quotes": [item(v) for _, vs in view.quotes_by_article for v in vs],
        "claims": [item(v) for v in view.claims],
        "claims_about": [item(v) for v in view.about],
        "alongside": [{"id": a.id, "name": a.name, "articles": n} for a, n in view.alongside],
    }


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # the C encoder: indent would fall back to pure Python
