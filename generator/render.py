"""Render: the linked corpus in, Markdown pages out (as a path -> text mapping). No analysis here.

One Jinja environment with ``StrictUndefined``. Every value a template prints is escaped for
Markdown and HTML by ``finalize`` unless it is :class:`markupsafe.Markup` made by one of the filters
below, so article text can never become markup, a link or a script.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .link import Corpus, CorpusActor
from .model import Analysis, Claim, Quote, Sentiment, Span
from .serialize import to_dict

# Python-Markdown's escapable characters (with the tables extension's "|"): a backslash makes each
# plain text. "&", "<" and ">" become entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
EXCERPT_CHARS = 280


def md(value: Any) -> Markup:
    """Text made safe to place inline in Markdown: one line, HTML-escaped, syntax backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def html_text(value: str) -> str:
    """Text made safe inside a raw HTML block."""
    return html.escape(_CONTROL.sub(" ", value), quote=True)


def _finalize(value: Any) -> Any:
    if isinstance(value, (Markup, int, float)) and not isinstance(value, bool):
        return value
    return md(value)


def link(label: Any, target: str) -> Markup:
    """A Markdown link with an escaped label to one of our own pages (targets are our slugs)."""
    return Markup(f"[{md(label)}]({target})")


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug(value: str) -> Markup:
    """An id we made (article, actor, anchor), passed into a link target unescaped."""
    if not _SLUG.fullmatch(value):
        raise ValueError(f"not a slug: {value!r}")
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


def environment(templates: Path) -> Environment:
    """The one Jinja environment, with our filters."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md, link=link, slug=slug, md_join=md_join, polarity=polarity_word, excerpt=_excerpt)
    return env


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# --- view models ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemView:
    """A quote or claim as a page shows it."""

    kind: str  # "quote" or "claim"
    number: int
    anchor: str
    text: str
    speaker: CorpusActor | None
    source_text: str | None
    cue_text: str | None
    stance: str | None
    targets: tuple[CorpusActor, ...]
    sentiment: Sentiment
    analysis: Analysis


def _span_text(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def items(analysis: Analysis, corpus: Corpus) -> list[ItemView]:
    """Quotes then claims of one article, numbered as in its text."""
    text, article_id = analysis.article.text, analysis.article.id
    views = []
    for kind, entries in (("quote", analysis.quotes), ("claim", analysis.claims)):
        for n, item in enumerate(entries, 1):
            speaker_id = corpus.actor_page(article_id, item.speaker)
            targets = tuple(corpus.by_id(t) for t in (corpus.actor_page(article_id, x) for x in getattr(item, "targets", ())) if t)
            views.append(ItemView(
                kind, n, f"{kind}-{n}", " … ".join(text[s:e] for s, e in item.content),
                corpus.by_id(speaker_id) if speaker_id else None,
                _span_text(text, item.source), _span_text(text, item.cue),
                getattr(item, "stance", None), targets, item.sentiment, analysis,
            ))
    return views


@dataclass(frozen=True)
class _Mark:
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
    text = analysis.article.text
    marks = _marks(analysis)
    paragraphs = []
    for p_start, p_end in analysis.article.paragraphs:
        inside = [m for m in marks if m.start < p_end and m.end > p_start]
        points = sorted({p_start, p_end} | {max(p_start, min(p_end, x)) for m in inside for x in (m.start, m.end)})
        pieces = []
        for a, b in zip(points, points[1:]):
            active = [m for m in inside if m.start <= a and b <= m.end]
            segment = html_text(text[a:b])
            if active:
                css = " ".join(sorted({m.css for m in active}))
                anchor = next((m.anchor for m in active if m.anchor and m.start == a), None)
                id_attr = f' id="{anchor}"' if anchor else ""
                segment = f'<span class="{css}"{id_attr}>{segment}</span>'
            for m in active:
                if m.back and m.end == b:
                    label = m.back.replace("quote-", "Q").replace("claim-", "C")
                    segment += f'<a class="nr-back" href="#item-{m.back}" title="Back to the list">{label}</a>'
            pieces.append(segment)
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    return Markup('<div class="nr-text">\n' + "\n".join(paragraphs) + "\n</div>")


# --- pages ------------------------------------------------------------------------------------

def render_site(corpus: Corpus, templates: Path) -> dict[str, str]:
    """Every generated page and data file, as relative path -> content."""
    env = environment(templates)
    pages: dict[str, str] = {}
    by_date = sorted(corpus.analyses, key=lambda a: (a.article.date or "", a.article.title), reverse=True)
    all_items = {a.article.id: items(a, corpus) for a in corpus.analyses}
    for analysis in corpus.analyses:
        article_id = analysis.article.id
        actors = sorted({corpus.by_id(g) for g in (corpus.actor_page(article_id, a.id) for a in analysis.actors) if g},
                        key=lambda a: (-sum(len(ap.actor.mentions) for ap in a.appearances if ap.article_id == article_id), a.name))
        pages[f"articles/{article_id}.md"] = env.get_template("article.md.j2").render(
            analysis=analysis, article=analysis.article, actors=actors,
            items=all_items[article_id], text_html=text_html(analysis),
        )
        pages[f"api/articles/{article_id}.json"] = json.dumps(to_dict(analysis), ensure_ascii=False, indent=1) + "\n"
    titles = {a.article.id: a.article for a in corpus.analyses}
    for actor in corpus.actors:
        mine = [v for a in actor.appearances for v in all_items[a.article_id]
                if v.speaker is not None and v.speaker.id == actor.id]
        about = [v for a in actor.appearances for v in all_items[a.article_id]
                 if v.kind == "claim" and any(t.id == actor.id for t in v.targets)]
        pages[f"actors/{actor.id}.md"] = env.get_template("actor.md.j2").render(
            actor=actor, quotes=[v for v in mine if v.kind == "quote"],
            claims=[v for v in mine if v.kind == "claim"], about=about, articles=titles,
        )
    actors_by_mentions = sorted(corpus.actors, key=lambda a: (-a.mention_count, a.name))
    quote_count = sum(len(a.quotes) for a in corpus.analyses)
    claim_count = sum(len(a.claims) for a in corpus.analyses)
    context = dict(analyses=by_date, actors=actors_by_mentions, quote_count=quote_count,
                   claim_count=claim_count, kinds=("person", "organization", "place", "group"))
    pages["index.md"] = env.get_template("home.md.j2").render(**context)
    pages["articles/index.md"] = env.get_template("articles.md.j2").render(**context)
    pages["actors/index.md"] = env.get_template("actors.md.j2").render(**context)
    for static in sorted((templates / "pages").glob("*.md")):
        pages[static.name] = static.read_text(encoding="utf-8")
    return pages
