"""The data model: small frozen values that carry character offsets into the article text.

Every extracted item points at the exact characters it came from. A span is a half-open
``(start, end)`` pair of offsets into :attr:`Article.text`, the file's decoded text exactly as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
ActorKind = Literal["person", "organization", "place", "group"]
Stance = Literal["asserts", "accuses", "denies", "warns", "urges"]

ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "place", "group")
STANCES: tuple[str, ...] = ("asserts", "accuses", "denies", "warns", "urges")


@dataclass(frozen=True)
class Article:
    """One ingested news article."""

    id: str
    """Stable, unique, URL-safe identifier derived from the file's path."""
    source_path: str
    """The path the article was read from, as given."""
    text: str
    """The file's decoded text, exactly as read: every offset points into it."""
    title: str
    """The headline (from front matter or the first line that is not scrape debris)."""
    title_span: Span | None
    """Where the headline stands in ``text``; None when it came from front matter."""
    paragraphs: tuple[Span, ...]
    """Body paragraphs, debris lines and the headline left out."""
    date: str | None = None
    """Publication date (ISO 8601) from front matter, if any."""
    source: str | None = None
    """The publisher, from front matter, if any."""
    url: str | None = None
    """The original address, from front matter, if any."""
    author: str | None = None
    """The byline, from front matter, if any."""


@dataclass(frozen=True)
class Actor:
    """A person, organisation, place or group that the article names."""

    id: str
    """URL-safe id, unique within the article (a slug of the canonical name)."""
    name: str
    """Canonical name: the fullest form the article uses ("Sergei Shoigu")."""
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    """Other surface forms that refer to the actor in this article ("Shoigu")."""
    roles: tuple[str, ...] = ()
    """Titles and roles the article gives the actor ("Russian Defense Minister")."""
    mentions: tuple[Span, ...] = ()
    """Every place the actor is named, in text order."""


@dataclass(frozen=True)
class Sentiment:
    """TextBlob pattern sentiment."""

    polarity: float
    """From -1 (negative) to 1 (positive)."""
    subjectivity: float
    """From 0 (objective) to 1 (subjective)."""


@dataclass(frozen=True)
class Quote:
    """A direct quote: words in quotation marks and who said them."""

    content: tuple[Span, ...]
    """The quoted words, quotation marks included; several spans when a quote runs over
    paragraphs or is split by its attribution."""
    speaker: str | None = None
    """Actor id of the speaker, or None when the speaker is unclear (published unattributed)."""
    source: Span | None = None
    """Where the speaker is named for this quote ("Shoigu", "he", "the minister")."""
    cue: Span | None = None
    """The reporting verb ("said", "added")."""
    sentiment: Sentiment = field(default_factory=lambda: Sentiment(0.0, 0.0))


@dataclass(frozen=True)
class Claim:
    """A reported statement: who said, accused, denied, warned or urged what, about whom."""

    content: tuple[Span, ...]
    """What was reported (indirect speech), without the cue."""
    stance: Stance
    speaker: str | None = None
    """Actor id of the source, or None when it is unclear."""
    source: Span | None = None
    """Where the source is named ("Western governments")."""
    cue: Span | None = None
    """The reporting verb ("accused")."""
    targets: tuple[str, ...] = ()
    """Actor ids the statement is about or aimed at."""
    sentiment: Sentiment = field(default_factory=lambda: Sentiment(0.0, 0.0))


@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    sentiment: Sentiment
    """Sentiment of the body text."""

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)
