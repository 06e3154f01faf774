"""Offline text processing: sentences, tokens with offsets, part-of-speech tags and chunks.

Sentences come from NLTK's Punkt with parameters built here (no corpus download); tags and chunks
come from TextBlob's pattern tagger and chunker, which need no NLTK data either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..model import Span
from .lexicon import ABBREVIATIONS

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., a.m.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: G. Thorpe
    r"|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|Adm|Maj|Cmdr|Supt|Insp|Sr|Jr|St)\.(?=\s)"
    r"|[’']s\b"  # possessive, a token of its own
    r"|\w+(?:[-’'.]\w+)*?(?=[’']s\b)"  # the word before a possessive
    r"|\d+(?:[.,:]\d+)*%?"  # numbers, times, percentages
    r"|\w+(?:[-’']\w+)*"  # words, hyphenated words, contractions
    r"|[^\w\s]"  # punctuation, one mark a token
)
PROPER_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark with its offsets, POS tag (Penn) and chunk tag (IOB, e.g. ``B-NP``)."""

    start: int
    end: int
    text: str
    tag: str
    chunk: str
    lower: str
    """``text`` in lowercase, computed once."""
    index: int
    """Position in its sentence."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one paragraph."""

    start: int
    end: int
    paragraph: int
    """Index of the paragraph it belongs to."""
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Doc:
    """An article's body, split and tagged."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Every token that lies within ``[start, end)``."""
        return [t for s in self.sentences if s.end > start and s.start < end
                for t in s.tokens if t.start >= start and t.end <= end]


MAX_TAGGED_WORDS = 250


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """Punkt with our own abbreviation list: no trained model to download."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _parser():
    from textblob.en import parser  # loads the pattern lexicon once

    return parser


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets within ``text[start:end]``."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def tag(words: Sequence[str]) -> list[tuple[str, str]]:
    """(POS tag, chunk tag) for each word, from TextBlob's pattern tagger and chunker."""
    parser = _parser()
    tags: list[tuple[str, str]] = []
    # The chunker is quadratic in sentence length: a "sentence" of 100,000 words (a scraped page
    # without full stops) took minutes. No real sentence is this long; longer runs go in pieces.
    for i in range(0, len(words), MAX_TAGGED_WORDS):
        chunked = parser.find_chunks(parser.find_tags(list(words[i:i + MAX_TAGGED_WORDS])))
        tags.extend((w[1], w[2]) for w in chunked)
    return tags


def process(text: str, paragraphs: Sequence[Span]) -> Doc:
    """Split every paragraph into sentences and tag them."""
    splitter = sentence_splitter()
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        for s_start, s_end in splitter.span_tokenize(text[p_start:p_end]):
            start, end = p_start + s_start, p_start + s_end
            spans = tokenize(text, start, end)
            words = [text[a:b] for a, b in spans]
            tags = tag(words)
            tokens = tuple(Token(a, b, w, t, c, w.lower(), i) for i, ((a, b), w, (t, c)) in enumerate(zip(spans, words, tags)))
            sentences.append(Sentence(start, end, index, tokens))
    return Doc(text, tuple(paragraphs), tuple(sentences))
