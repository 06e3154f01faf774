"""Link: one actor, one page, across the corpus.

Actors from different articles merge on evidence only: the same kind and canonical name, or a
surname that belongs to exactly one full name of a person in the whole corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .ids import slugify
from .model import Actor, Analysis


@dataclass(frozen=True)
class Appearance:
    """One actor in one article."""

    article_id: str
    actor: Actor


@dataclass(frozen=True)
class CorpusActor:
    """An actor across the corpus, with the page id it is published under."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def mention_count(self) -> int:
        return sum(len(a.actor.mentions) for a in self.appearances)


@dataclass(frozen=True)
class Corpus:
    """Every analysed article and every actor across them."""

    analyses: tuple[Analysis, ...]
    actors: tuple[CorpusActor, ...]
    global_ids: dict[tuple[str, str], str]
    """(article id, actor id in that article) -> corpus actor id."""

    def actor_page(self, article_id: str, local_id: str | None) -> str | None:
        """The corpus id of an article's actor (for links), or None."""
        if local_id is None:
            return None
        return self.global_ids.get((article_id, local_id))

    def by_id(self, corpus_id: str) -> CorpusActor:
        return next(a for a in self.actors if a.id == corpus_id)


def _key(actor: Actor, surnames: dict[str, set[str]]) -> tuple[str, str]:
    if actor.kind == "person" and " " not in actor.name:
        full = surnames.get(actor.name, set())
        if len(full) == 1:
            return ("person", next(iter(full)))
    return (actor.kind, actor.name)


def link(analyses: list[Analysis] | tuple[Analysis, ...]) -> Corpus:
    """Merge the articles' actors into corpus actors."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for actor in analysis.actors:
            if actor.kind == "person" and " " in actor.name:
                surnames[actor.name.split()[-1]].add(actor.name)
    groups: dict[tuple[str, str], list[Appearance]] = {}
    for analysis in analyses:
        for actor in analysis.actors:
            groups.setdefault(_key(actor, surnames), []).append(Appearance(analysis.article.id, actor))
    used: set[str] = set()
    actors: list[CorpusActor] = []
    global_ids: dict[tuple[str, str], str] = {}
    for (kind, name), appearances in sorted(groups.items(), key=lambda kv: (kv[0][1].lower(), kv[0][0])):
        corpus_id = slugify(name, fallback="actor")
        if corpus_id in used:
            corpus_id = f"{corpus_id}-{kind}"
        n = 2
        base = corpus_id
        while corpus_id in used:
            corpus_id, n = f"{base}-{n}", n + 1
        used.add(corpus_id)
        aliases = _distinct(alias for ap in appearances for alias in (ap.actor.name, *ap.actor.aliases) if alias != name)
        roles = _distinct(role for ap in appearances for role in ap.actor.roles)
        actors.append(CorpusActor(corpus_id, name, kind, aliases, roles, tuple(appearances)))
        for ap in appearances:
            global_ids[(ap.article_id, ap.actor.id)] = corpus_id
    return Corpus(tuple(analyses), tuple(actors), global_ids)


def _distinct(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
