"""Analysis: one article's text in, its actors, quotes, claims and sentiment out. No I/O."""

from __future__ import annotations

from dataclasses import replace
from itertools import chain

from ..model import Analysis, Article
from .actors import find_actors
from .claims import find_claims, reported_spans
from .headlines import headline_claims
from .nlp import process
from .quotes import carry_split_quotes, find_quotes, quote_spans
from .sentiment import TokenText, words_sentiment

# Bump when a change to the analysis changes its output: cached results are keyed on it.
ANALYZER_VERSION = "19"


def reads(article: Article) -> tuple:
    """What :func:`analyze` reads of an article: two articles equal in it (the same story filed
    twice, under other names) have the same findings."""
    return article.text, article.paragraphs, article.title_span


def analyze(article: Article) -> Analysis:
    """Extract actors, direct quotes, claims and sentiment from one article."""
    text = article.text
    doc = process(text, article.paragraphs)
    marks = quote_spans(text, article.paragraphs)
    quoted = [span for q in marks for span in q.content]
    actors = find_actors(doc, quoted)
    body_claims = list(find_claims(doc, actors, quoted))
    actors = replace(actors, reported=reported_spans(body_claims))
    # a headline's claim is not "the sentence before" a quote in the first paragraph
    quotes, body_claims = carry_split_quotes(list(find_quotes(text, article.paragraphs, actors, body_claims, marks)),
                                             body_claims)
    claims = [*headline_claims(text, article.title_span, actors), *body_claims]
    words = TokenText(list(chain.from_iterable(s.tokens for s in doc.sentences)))
    quotes = [replace(q, sentiment=words_sentiment(words.within(q.content))) for q in quotes]
    claims = [replace(c, sentiment=words_sentiment(words.within(c.content))) for c in claims]
    return Analysis(article, actors.actors, tuple(quotes), tuple(claims), words_sentiment(words.words))


__all__ = ["ANALYZER_VERSION", "analyze", "reads"]
