"""Sentiment with TextBlob's pattern analyser (a lexicon: no NLTK data needed).

The scorer reads the article's own tokens (with "n't" split off, as pattern's tokenizer does)
instead of tokenizing the text a second time.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable, Sequence

from ..model import Sentiment, Span
from .compiled import compiled


@lru_cache(maxsize=1)
def _scorer():
    """TextBlob's pattern sentiment (what ``PatternAnalyzer`` calls), with its lexicon in a plain
    dict, read from the compiled copy (see :mod:`.compiled`) instead of parsing its XML file.

    pattern's ``lazydict`` sends every ``word in lexicon`` and ``lexicon[word]`` through a
    Python-level wrapper that checks whether the lexicon is loaded yet; on news text that is about a
    quarter of the sentiment time. Same algorithm and data, so the same numbers.
    """
    from textblob.en import sentiment as pattern

    data = compiled("pattern-sentiment", _derive_lexicon, packages=("textblob",), modules=("sentiment.py",))

    class Loaded(type(pattern)):  # type: ignore[misc,valid-type]
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

    scorer = Loaded.__new__(Loaded)
    scorer.__dict__.update((k, v) for k, v in vars(pattern).items() if getattr(v, "__self__", None) is not pattern)
    scorer.__dict__.update(labeler=data["labels"], _synsets=data["synsets"], _language=data["language"])
    dict.update(scorer, data["words"])
    return scorer


def _derive_lexicon() -> dict:
    """What pattern's ``Sentiment.load`` makes of its XML file, as plain dicts."""
    from textblob.en import sentiment as pattern

    len(pattern)  # loads it
    return {"words": dict(dict.items(pattern)), "labels": dict(pattern.labeler),
            "synsets": dict(pattern._synsets), "language": pattern._language}


def words_sentiment(words: Iterable[str]) -> Sentiment:
    """Polarity and subjectivity of already tokenized words (TextBlob's lexicon and averaging)."""
    scorer = _scorer()
    assessments = scorer.assessments(((w, None) for w in _pattern_words(words)), True)
    if not assessments:
        return Sentiment(0.0, 0.0)
    polarity = sum(a[1] for a in assessments) / len(assessments)
    subjectivity = sum(a[2] for a in assessments) / len(assessments)
    return Sentiment(round(float(polarity), 3), round(float(subjectivity), 3))


def _pattern_words(words: Iterable[str]) -> Iterable[str]:
    for word in words:
        word = word.lower().replace("’", "'")
        if word.endswith("n't") and len(word) > 3:
            yield word[:-3]
            yield "n't"
        else:
            yield word


class TokenText:
    """The words of a document with their offsets, to score any span quickly."""

    def __init__(self, tokens: Sequence) -> None:
        self.starts = [t.start for t in tokens]
        self.words = [t.text for t in tokens]

    def within(self, spans: Sequence[Span]) -> list[str]:
        out: list[str] = []
        for start, end in spans:
            i = bisect.bisect_left(self.starts, start)
            j = bisect.bisect_left(self.starts, end)
            out.extend(self.words[i:j])
        return out
