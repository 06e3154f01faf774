"""Sentiment with TextBlob's pattern analyser (a lexicon: no NLTK data needed).

The scorer reads the article's own tokens (with "n't" split off, as pattern's tokenizer does)
instead of tokenizing the text a second time, and runs pattern's ``Sentiment.assessments`` rules
over flat tables compiled from its lexicon: the same algorithm and data, so the same numbers
(``tests/test_sentiment.py`` holds it to pattern's own scorer), at a fraction of the cost. pattern
looks every word up through a lazy dict wrapper, builds a dict per scored word, and checks every
number and hyphenated word against each emoticon set in turn.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from ..model import Sentiment, Span
from .compiled import compiled
from .nlp import LOWER, START

NEGATIONS = frozenset(("no", "not", "n't", "never"))  # textblob.en.sentiment's
_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"  # pattern's: a string, tested as a substring


class _Tables(NamedTuple):
    scores: dict[str, tuple[float, float, float]]  # word -> (polarity, subjectivity, intensity)
    modifiers: frozenset[str]  # words the lexicon has as adverbs: they modify the next word
    emoticons: dict[str, float]  # lower-cased emoticon -> polarity of the first set holding it


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = compiled("pattern-sentiment", _derive_tables, packages=("textblob",), modules=("sentiment.py",))
    return _Tables(data["scores"], frozenset(data["modifiers"]), data["emoticons"])


def _derive_tables() -> dict:
    """pattern's English sentiment lexicon (``en-sentiment.xml``) as the tables the scorer reads."""
    from textblob._text import EMOTICONS
    from textblob.en import sentiment as pattern

    len(pattern)  # loads it
    entries = dict.items(pattern)
    emoticons: dict[str, float] = {}
    for (_kind, polarity), marks in EMOTICONS.items():
        for mark in marks:
            emoticons.setdefault(mark.lower(), polarity)
    return {"scores": {w: tuple(by_pos[None]) for w, by_pos in entries if None in by_pos},
            "modifiers": [w for w, by_pos in entries if "RB" in by_pos],
            "emoticons": emoticons}


def words_sentiment(words: Iterable[str]) -> Sentiment:
    """Polarity and subjectivity of words as pattern's tokenizer gives them (lower case, "n't"
    split off): pattern's ``Sentiment.assessments`` with no part-of-speech tags, averaged."""
    scores, modifiers, emoticons = _tables()
    found: list[list[float]] = []  # [polarity, subjectivity, intensity, negated]
    modifier: str | None = None  # a preceding adverb ("very good")
    negation: str | None = None  # a preceding negation ("not good")
    for word in words:
        score = scores.get(word)
        if score is not None:
            polarity, subjectivity, intensity = score
            if modifier is None:
                found.append([polarity, subjectivity, intensity, 1])
            else:
                last = found[-1]
                last[0] = max(-1.0, min(polarity * last[2], +1.0))
                last[1] = max(-1.0, min(subjectivity * last[2], +1.0))
                last[2] = intensity
            if negation is not None:
                last = found[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1
            modifier = word if word in modifiers else None
            negation = word if word in NEGATIONS else None
            continue
        if negation is None and modifier is None and word.isalpha() and word not in NEGATIONS:
            continue  # most words: nothing below applies to a plain word with no state to carry
        if word in NEGATIONS:
            negation = word
        elif negation and len(word.strip("'")) > 1:
            negation = None  # a negation carries across small words only ("not a good")
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            found[-1][3] = -1  # "really not good"
            negation = None
        elif modifier and len(word) > 2:
            modifier = None  # a modifier carries across small words only ("really is a good")
        if word == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if word == "(!)":
            found.append([0.0, 1.0, 1.0, 1])
        if not word.isalpha() and len(word) <= 5 and word not in _PUNCTUATION:
            polarity = emoticons.get(word)
            if polarity is not None:
                found.append([polarity, 1.0, 1.0, 1])
    if not found:
        return Sentiment(0.0, 0.0)
    # "not good" is slightly bad, "not bad" slightly good.
    polarity = sum(f[0] * -0.5 if f[3] < 0 else f[0] for f in found) / len(found)
    subjectivity = sum(f[1] for f in found) / len(found)
    return Sentiment(round(float(polarity), 3), round(float(subjectivity), 3))


def pattern_words(words: Iterable[str]) -> Iterable[str]:
    """Tokens as pattern's sentiment sees them: lower case, curly apostrophes straight, "n't"
    split off ("didn't" -> "did", "n't")."""
    for word in words:
        yield from _pattern_word(word.lower())


def _pattern_word(lower: str) -> list[str]:
    word = lower.replace("’", "'")
    return [word[:-3], "n't"] if word.endswith("n't") and len(word) > 3 else [word]


class TokenText:
    """The words of a document, as the scorer reads them, with their offsets, to score any span
    quickly. A token split in two ("didn't") keeps its start on both halves."""

    def __init__(self, tokens: Sequence) -> None:
        self.starts = starts = list(map(START, tokens))
        self.words = words = list(map(LOWER, tokens))
        special = [k for k, w in enumerate(words) if "’" in w or w.endswith("n't")]
        for k in reversed(special):  # few: edit those in place
            words[k:k + 1] = parts = _pattern_word(words[k])
            starts[k:k + 1] = [starts[k]] * len(parts)

    def within(self, spans: Sequence[Span]) -> list[str]:
        out: list[str] = []
        for start, end in spans:
            i = bisect.bisect_left(self.starts, start)
            j = bisect.bisect_left(self.starts, end)
            out.extend(self.words[i:j])
        return out
