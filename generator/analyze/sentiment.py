"""Sentiment with TextBlob's pattern analyser (a lexicon: no NLTK data needed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..model import Sentiment, Span


@lru_cache(maxsize=1)
def _analyzer():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def sentiment(text: str) -> Sentiment:
    """Polarity (-1..1) and subjectivity (0..1) of ``text``, rounded to 3 places."""
    if not text.strip():
        return Sentiment(0.0, 0.0)
    result = _analyzer().analyze(text)
    return Sentiment(round(float(result[0]), 3), round(float(result[1]), 3))


def span_sentiment(text: str, spans: Sequence[Span]) -> Sentiment:
    """Sentiment of the words in ``spans``, read as one passage."""
    return sentiment("\n".join(text[s:e] for s, e in spans))
