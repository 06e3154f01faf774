"""Sentences and tokens. Sentence splitting: NLTK's Punkt with our parameters, its decisions made on plain strings.

``generator.analyze.nlp._Punkt`` replaces Punkt's token objects with string tests; these tests hold
its sentences to stock Punkt's on the same parameters, on real-looking and on random text.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from generator.analyze.nlp import _TOKEN, sentence_splitter

OURS = sentence_splitter()
STOCK = PunktSentenceTokenizer(OURS._params)

PARAGRAPHS = [
    "Mr. Smith went to Washington. He said so.",
    "The U.S. Senate voted 52-48. The bill passed.",
    "Growth was 3.5% in 2004. Analysts expected 3.",
    '"We will win," he said. "They will not."',
    "He left at 5 p.m. The meeting ended.",
    "J. R. R. Tolkien wrote it. Gen. Smith read it... Then? No! Yes.",
    "The St. Louis team won (again.) Fans cheered.",
    "It ended in Jan. and resumed in Feb. But not for long.",
    "Prices rose 2. they fell 3. It was odd.",
    "A.\nB. c. D.-E. f. The end.",
    "No break here at all",
    "“Curly quotes.” Then more. ‘Single.’ Done",
]

PIECES = ["Mr.", "Dr.", "U.S.", "J.", "p.m.", "Jan.", "St.", "etc.", "3.", "3.5", "2004.", "-1.",
          "said.", "said", "The", "the", "But", "but", "He", "it", "...", "..", ".", "?", "!", ",",
          ";", ":", '"', "'", "“", "”", "(", ")", "ex-Gov.", "A.B.", "x", "IT'S", "Über", "über",
          "\n", "--", "(!)"]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_sentences_are_punkts(paragraph: str) -> None:
    assert list(OURS.span_tokenize(paragraph)) == list(STOCK.span_tokenize(paragraph))


def test_known_splits() -> None:
    text = "Mr. Smith met the U.S. envoy at 5 p.m. on Monday. They talked."
    spans = list(OURS.span_tokenize(text))
    assert [text[a:b] for a, b in spans] == ["Mr. Smith met the U.S. envoy at 5 p.m. on Monday.", "They talked."]


def test_random_word_sequences_split_as_punkt_splits_them() -> None:
    rng = random.Random(11)
    for _ in range(4000):
        words = [rng.choice(PIECES) for _ in range(rng.randrange(1, 14))]
        text = "".join(w + rng.choice(("", " ", " ", " ", "  ")) for w in words)
        assert list(OURS.span_tokenize(text)) == list(STOCK.span_tokenize(text)), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZ.?!,;: \n\"'()-1") + ["Mr.", "U.S.", " The ", " the "]), max_size=40).map("".join))
def test_any_text_splits_as_punkt_splits_it(text: str) -> None:
    assert list(OURS.span_tokenize(text)) == list(STOCK.span_tokenize(text))


# --- tokens: the tokenizer's two leading shortcuts change no token -------------------------------

WITHOUT_SHORTCUTS = re.compile(_TOKEN.pattern.split("|", 2)[2])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aZé1 .,;:()\"!?“”’'-%\n") + ["Mr.", "U.S.", "St", "it's", "G. T", "don't"]),
                max_size=40).map("".join))
def test_tokens_are_those_of_the_full_pattern(text: str) -> None:
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in WITHOUT_SHORTCUTS.finditer(text)]


def test_tokens_of_a_sentence() -> None:
    text = 'Mr. O\'Neill\'s U.S. firm, "Acme", grew 3.5% (to $12) - didn’t it?'
    assert [text[a:b] for a, b in (m.span() for m in _TOKEN.finditer(text))] == [
        "Mr.", "O'Neill", "'s", "U.S.", "firm", ",", '"', "Acme", '"', ",", "grew", "3.5%", "(", "to", "$",
        "12", ")", "-", "didn’t", "it", "?"]
