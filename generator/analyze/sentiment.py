"""Sentiment with TextBlob's pattern analyser (a lexicon: no NLTK data needed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..model import Sentiment, Span


@lru_cache(maxsize=1)
def _scorer():
    """TextBlob's pattern sentiment (what ``PatternAnalyzer`` calls), with its lexicon loaded up
    front into a plain dict.

    pattern's ``lazydict`` sends every ``word in lexicon`` and ``lexicon[word]`` through a
    Python-level wrapper that checks whether the lexicon is loaded yet; on news text that is about a
    quarter of the sentiment time. Same algorithm and data, so the same numbers.
    """
    from textblob.en import sentiment as pattern

    len(pattern)  # loads the lexicon

    class Loaded(type(pattern)):  # type: ignore[misc,valid-type]
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

    scorer = Loaded.__new__(Loaded)
    scorer.__dict__.update((k, v) for k, v in vars(pattern).items() if getattr(v, "__self__", None) is not pattern)
    dict.update(scorer, dict.items(pattern))
    return scorer


def sentiment(text: str) -> Sentiment:
    """Polarity (-1..1) and subjectivity (0..1) of ``text``, rounded to 3 places."""
    if not text.strip():
        return Sentiment(0.0, 0.0)
    polarity, subjectivity = _scorer()(text)
    return Sentiment(round(float(polarity), 3), round(float(subjectivity), 3))


def span_sentiment(text: str, spans: Sequence[Span]) -> Sentiment:
    """Sentiment of the words in ``spans``, read as one passage."""
    return sentiment("\n".join(text[s:e] for s, e in spans))
