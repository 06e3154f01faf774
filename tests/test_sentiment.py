"""Sentiment scores are TextBlob's pattern analyser's, computed faster: held to pattern's own scorer."""

from __future__ import annotations

import random

import pytest
from textblob.en import sentiment as pattern

from generator.analyze import analyze
from generator.analyze.sentiment import TokenText, pattern_words, words_sentiment
from generator.ingest import parse_article
from generator.model import Sentiment


def pattern_score(words: list[str]) -> Sentiment:
    """What TextBlob's ``PatternAnalyzer`` computes for these words (pattern's own code)."""
    found = pattern.assessments(((w, None) for w in words), True)
    if not found:
        return Sentiment(0.0, 0.0)
    return Sentiment(round(sum(a[1] for a in found) / len(found), 3),
                     round(sum(a[2] for a in found) / len(found), 3))


SENTENCES = [
    "The minister said the plan was a very good idea .",
    "It is not good , and it is not bad either .",
    "She was really not happy with the terrible , awful result !",
    "Not a good day : never again , he said (!) .",
    "The results were extremely disappointing and deeply worrying .",
    "We love it :-) but the fans hated the new kit :( .",
    "The shares fell 5.3 % to $ 12.50 on Monday .",
    "He did n't think it was funny at all .",
    "It was very not good , so not cool .",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_score_as_pattern_scores_them(sentence: str) -> None:
    words = list(pattern_words(sentence.split()))
    assert words_sentiment(words) == pattern_score(words)


def test_random_word_sequences_score_as_pattern_scores_them() -> None:
    # Words drawn from the lexicon's own entries, its negations and modifiers, small words,
    # numbers, punctuation and emoticons, in random order: every branch of the rules.
    lexicon = sorted(dict.keys(pattern))
    adverbs = sorted(w for w in lexicon if "RB" in dict.__getitem__(pattern, w))
    extra = ["no", "not", "n't", "never", "a", "is", "the", "it", "!", "(!)", ":)", ":-(", "<3",
             "xd", "12", "5.3", "$", "'", "''", "--", "well-known", "x"]
    rng = random.Random(7)
    for _ in range(3000):
        words = [rng.choice(rng.choice((lexicon, adverbs, extra, extra))) for _ in range(rng.randrange(1, 12))]
        assert words_sentiment(words) == pattern_score(words), words


def test_a_quotes_sentiment_is_its_own_words() -> None:
    text = ("Minister praises plan\n\nThe plan is a wonderful success, she said. "
            '"This is a terrible, dishonest and disgraceful decision," said John Smith.\n')
    article = parse_article(text, "x.txt", "x")
    analysis = analyze(article)
    (quote,) = analysis.quotes
    assert quote.sentiment.polarity < 0
    tokens = TokenText([t for t in _tokens(article)])
    assert quote.sentiment == words_sentiment(tokens.within(quote.content))
    assert analysis.sentiment.polarity != quote.sentiment.polarity


def _tokens(article):
    from generator.analyze.nlp import process

    doc = process(article.text, article.paragraphs)
    return [t for s in doc.sentences for t in s.tokens]
