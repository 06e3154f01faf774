"""View models: what each page shows, worked out from the linked corpus. No text analysis here and
no Markdown either; :mod:`generator.render` turns these into pages.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from .ids import slugify
from .link import Corpus, CorpusActor
from .model import STANCES, Analysis, Sentiment, Span

T = TypeVar("T")
SUMMARY_CHARS = 400
DIAGRAM_EDGES = 12
"""A who-accuses-whom diagram beyond this many arrows stops being readable; the busiest are kept."""
UNKNOWN_SOURCE = "unknown source"
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'A-Z0-9])")


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


@dataclass(frozen=True)
class ItemRef:
    """A quote or claim by position: the ``number``-th (from 1) ``kind`` of ``analysis``."""

    analysis: Analysis
    kind: str
    number: int


def _span_text(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def items(analysis: Analysis, corpus: Corpus) -> list[ItemView]:
    """Quotes then claims of one article, numbered as in its text."""
    text, article_id = analysis.article.text, analysis.article.id
    views = []
    for kind, entries in (("quote", analysis.quotes), ("claim", analysis.claims)):
        for n, item in enumerate(entries, 1):
            speaker_id = corpus.actor_page(article_id, item.speaker)
            target_ids = (corpus.actor_page(article_id, x) for x in getattr(item, "targets", ()))
            targets = tuple(corpus.by_id(t) for t in dict.fromkeys(t for t in target_ids if t))
            views.append(ItemView(
                kind, n, f"{kind}-{n}", " … ".join(text[s:e] for s, e in item.content),
                corpus.by_id(speaker_id) if speaker_id else None,
                _span_text(text, item.source), _span_text(text, item.cue),
                getattr(item, "stance", None), targets, item.sentiment, analysis,
            ))
    return views


def summary(analysis: Analysis, limit: int = SUMMARY_CHARS) -> str:
    """The lead: the first sentences of the body, up to about ``limit`` characters."""
    text = analysis.article.text
    body = " ".join(" ".join(text[s:e].split()) for s, e in analysis.article.paragraphs[:2])
    out = ""
    for sentence in _SENTENCE_END.split(body):
        if out and len(out) + len(sentence) > limit:
            break
        out = f"{out} {sentence}".strip()
    return out if len(out) <= limit + 200 else out[:limit].rsplit(" ", 1)[0] + " …"


def source_of(analysis: Analysis) -> str:
    """The publisher, or the folder the article was filed in (a section such as "business")."""
    if analysis.article.source:
        return analysis.article.source
    parts = re.split(r"[\\/]", analysis.article.source_path)
    return parts[-2] if len(parts) > 1 and parts[-2] not in ("", ".", "seeds") else UNKNOWN_SOURCE


def newest_first(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Dated articles newest first, then undated ones by title."""
    dated = sorted((a for a in analyses if a.article.date), key=lambda a: (a.article.date, a.article.title), reverse=True)
    return dated + sorted((a for a in analyses if not a.article.date), key=lambda a: a.article.title.lower())


# --- actor pages ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Edge:
    """One arrow of the who-accuses-whom diagram: ``speaker`` ``stance`` ``target``, ``count`` times."""

    speaker: CorpusActor
    stance: str
    target: CorpusActor
    count: int


@dataclass(frozen=True)
class ActorView:
    """Everything an actor page shows."""

    actor: CorpusActor
    quotes_by_article: list[tuple[Analysis, list[ItemView]]]
    claims: list[ItemView]
    about: list[ItemView]
    alongside: list[tuple[CorpusActor, int]]
    edges: list[Edge]
    timeline: list[tuple[str, int]]
    articles: list[Analysis]

    @property
    def quote_count(self) -> int:
        return sum(len(q) for _, q in self.quotes_by_article)


_NO_ROLE: tuple[list[ItemView], list[ItemView]] = ([], [])  # read, never added to


class Views:
    """The corpus, with each article's items and linked actors worked out when first asked for
    (a rebuild renders only some pages, so it works out only what those show)."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.analyses = {a.article.id: a for a in corpus.analyses}
        self._items: dict[str, list[ItemView]] = {}
        self._actors_in: dict[str, list[str]] = {}
        self._actor_views: dict[str, ActorView] = {}
        self._roles: dict[str, dict[str, tuple[list[ItemView], list[ItemView]]]] = {}

    def items(self, article_id: str) -> list[ItemView]:
        """The article's quotes then claims, as pages show them."""
        found = self._items.get(article_id)
        if found is None:
            found = self._items[article_id] = items(self.analyses[article_id], self.corpus)
        return found

    def roles(self, article_id: str) -> dict[str, tuple[list[ItemView], list[ItemView]]]:
        """Corpus actor id -> (the article's items it speaks, the article's claims about it), in
        order: worked out once per article rather than once per actor the article names."""
        found = self._roles.get(article_id)
        if found is None:
            found = self._roles[article_id] = {}
            for v in self.items(article_id):
                if v.speaker is not None:
                    found.setdefault(v.speaker.id, ([], []))[0].append(v)
                for target in v.targets:  # each once (see items()); only claims have targets
                    found.setdefault(target.id, ([], []))[1].append(v)
        return found

    def item(self, ref: ItemRef) -> ItemView:
        """The view of one quote or claim."""
        article_id = ref.analysis.article.id
        offset = 0 if ref.kind == "quote" else len(ref.analysis.quotes)
        return self.items(article_id)[offset + ref.number - 1]

    def actors_in(self, article_id: str) -> list[str]:
        """Corpus ids of the article's actors, each once."""
        found = self._actors_in.get(article_id)
        if found is None:
            corpus = self.corpus
            pages = (corpus.actor_page(article_id, x.id) for x in self.analyses[article_id].actors)
            found = self._actors_in[article_id] = list(dict.fromkeys(g for g in pages if g))
        return found

    def article_actors(self, analysis: Analysis) -> list[CorpusActor]:
        """The article's actors, most mentioned here first."""
        article_id = analysis.article.id
        found = [self.corpus.by_id(g) for g in self.actors_in(article_id)]
        return sorted(found, key=lambda a: (-a.mentions_in(article_id), a.name))

    def actor(self, actor: CorpusActor) -> ActorView:
        """What the actor's page (and its JSON) shows, worked out once."""
        found = self._actor_views.get(actor.id)
        if found is None:
            found = self._actor_views[actor.id] = self._actor(actor)
        return found

    def _actor(self, actor: CorpusActor) -> ActorView:
        articles = newest_first([self.analyses[i] for i in actor.article_ids])
        roles = [self.roles(a.article.id).get(actor.id, _NO_ROLE) for a in articles]
        mine = [v for speaks, _ in roles for v in speaks]
        about = [v for _, spoken_of in roles for v in spoken_of]
        grouped: dict[str, list[ItemView]] = defaultdict(list)
        for v in mine:
            if v.kind == "quote":
                grouped[v.analysis.article.id].append(v)
        alongside: Counter = Counter()
        for i in actor.article_ids:
            alongside.update(self.actors_in(i))  # counted in C; a large actor has thousands
        alongside.pop(actor.id, None)
        return ActorView(
            actor=actor,
            quotes_by_article=[(self.analyses[i], vs) for i, vs in grouped.items()],
            claims=[v for v in mine if v.kind == "claim"],
            about=about,
            alongside=[(self.corpus.by_id(g), n) for g, n in _top(alongside, 12)],
            edges=_edges([v for v in mine if v.kind == "claim"] + about),
            timeline=_timeline(articles),
            articles=articles,
        )

    @cached_property
    def newest(self) -> list[Analysis]:
        """Every article, newest first."""
        return newest_first(self.corpus.analyses)

    def all_items(self, kind: str, stance: str | None = None) -> list[ItemRef]:
        """Every quote or claim of the corpus (of one stance, if given), newest article first."""
        if kind == "claim" and stance is not None:
            return self._claims_by_stance.get(stance, [])
        return [ItemRef(a, kind, n) for a in self.newest
                for n in range(1, len(a.quotes if kind == "quote" else a.claims) + 1)]

    @cached_property
    def _claims_by_stance(self) -> dict[str, list[ItemRef]]:
        found: dict[str, list[ItemRef]] = defaultdict(list)
        for analysis in self.newest:
            for n, claim in enumerate(analysis.claims, 1):
                found[claim.stance].append(ItemRef(analysis, "claim", n))
        return found


def _top(counts: Counter, n: int) -> list:
    """The ``n`` most counted, ties by key: ``sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]``
    without sorting all of them (a large actor is named beside thousands)."""
    least = heapq.nlargest(n, counts.values())[-1] if len(counts) > n else 0
    return [(k, -v) for v, k in sorted([(-v, k) for k, v in counts.items() if v >= least])[:n]]


def _edges(claims: list[ItemView]) -> list[Edge]:
    counts: Counter = Counter()
    ends: dict[tuple[str, str, str], tuple[CorpusActor, CorpusActor]] = {}
    for c in claims:
        if c.speaker is None or c.stance == "asserts":
            continue
        for target in c.targets:
            if target.id != c.speaker.id:
                key = (c.speaker.id, c.stance or "", target.id)
                counts[key] += 1
                ends[key] = (c.speaker, target)
    top = _top(counts, DIAGRAM_EDGES)
    return [Edge(ends[k][0], k[1], ends[k][1], n) for k, n in top]


def _timeline(articles: list[Analysis]) -> list[tuple[str, int]]:
    """(month "YYYY-MM", articles that month), oldest first; empty when no article is dated."""
    months = Counter(a.article.date[:7] for a in articles if a.article.date and len(a.article.date) >= 7)
    return sorted(months.items())


# --- index pages ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """One page of a long list: its rows and where its neighbours are."""

    number: int
    total: int
    rows: list
    links: tuple[str, ...]
    """Page file names relative to the list's folder, page 1 first."""


def paged(rows: Sequence[T], first: str, rest: str, per_page: int,
          key: Callable[[T], str] | None = None) -> list[tuple[str, Page]]:
    """Split ``rows`` into pages: the first at ``first``, then ``rest.format(n=2)`` and so on.

    With ``key`` (a stable name for a row), pages end where a row's key hashes to a boundary,
    not every ``per_page`` rows: content-defined chunking, as rsync and backup tools split files.
    A row added, removed or changed then alters the page it is on, not every page after it, so a
    rebuild renders one list page instead of all of them. Such pages hold ``per_page`` rows on
    average, never fewer than half or more than twice that (the last page excepted).
    """
    chunks = _by_content(rows, key, per_page) if key else [list(rows[i:i + per_page]) for i in range(0, len(rows), per_page)]
    chunks = chunks or [[]]
    names = tuple([first] + [rest.format(n=n) for n in range(2, len(chunks) + 1)])
    return [(names[i], Page(i + 1, len(chunks), chunk, names)) for i, chunk in enumerate(chunks)]


def _by_content(rows: Sequence[T], key: Callable[[T], str], size: int) -> list[list[T]]:
    low, high = max(1, size // 2), size * 2
    spread = max(1, size - low)  # a boundary every `spread` rows on average, after the first `low`
    chunks: list[list[T]] = []
    current: list[T] = []
    for row in rows:
        current.append(row)
        if len(current) >= high or (len(current) >= low and zlib.crc32(key(row).encode("utf-8")) % spread == 0):
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def by_source(analyses: Sequence[Analysis]) -> list[tuple[str, str, list[Analysis]]]:
    """(source, slug, its articles newest first), the biggest source first."""
    groups: dict[str, list[Analysis]] = defaultdict(list)
    for a in analyses:
        groups[source_of(a)].append(a)
    used: set[str] = set()
    out = []
    for name, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())):
        slug = slugify(name, fallback="source")
        while slug in used:
            slug += "-x"
        used.add(slug)
        out.append((name, slug, newest_first(members)))
    return out


def stance_counts(corpus: Corpus) -> list[tuple[str, int]]:
    counts = Counter(c.stance for a in corpus.analyses for c in a.claims)
    return [(s, counts[s]) for s in STANCES]
