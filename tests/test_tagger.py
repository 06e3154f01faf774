"""Part-of-speech tags: ``tag_words`` gives exactly what TextBlob's pattern tagger gives.

``generator.analyze.nlp.tag_words`` runs pattern's tagging rules (lexicon, first word in
lowercase, title case, numbers, suffixes) without pattern's per-sentence lists; these tests hold it
to ``textblob.en.parser.find_tags`` on the same words.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze.nlp import _TOKEN, _parser, tag_words

PARSER = _parser()


def pattern_tags(words: list[str]) -> list[str]:
    return [tag for _, tag in PARSER.find_tags(words)]


SENTENCES = [
    "The minister said the plan was a disaster.",
    "Walking home, Smith quickly denied everything.",
    "The Xylophonic Zorblats reorganised 3,400 sub-committees in 2004.",
    "Said he would go.",  # capitalised first word known only in lowercase
    "Blorfing is what the glimmerous frobnicators do.",  # unknown words in first and later places
    "US-led forces entered Fallujah at 5:30 on 12/04.",
    "The Beatles' manager was 5'10\".",
    "",
]

# Words that exercise each unknown-word rule and the first-word lowercase lookup.
WORDS = ["the", "The", "Said", "said", "Running", "blorfing", "quickly", "Zorblats", "zorblats", "glass",
         "famous", "thesis", "readable", "hopeful", "foolish", "pointless", "frantic", "ex-wife", "reorganised",
         "activate", "beautify", "realize", "3,400", "12/04", "$5", "-1.5%", "5:30", "IBM", "iPod", "McDonald",
         "O'Neil", "über", "Über", "ÉCOLE", "A", "a", ".", ",", "“", "'s", "n't", "Mr.", "U.S.", "x-ray", "fed",
         "Fed", "reed", "ably", "sing", "Bus", "bus", "", "123abc", "Ate"]


def test_tags_of_sentences_equal_patterns() -> None:
    for sentence in SENTENCES:
        words = [m.group() for m in _TOKEN.finditer(sentence)]
        assert tag_words(words) == pattern_tags(words), sentence


def test_every_word_in_first_and_later_place() -> None:
    for word in WORDS:
        for words in ([word], [word, word], ["The", word], [word, "said"]):
            assert tag_words(words) == pattern_tags(words), words


def test_random_sequences_of_known_and_unknown_words() -> None:
    rng = random.Random(7)
    lexicon_words = sorted(dict.keys(PARSER.lexicon))
    pool = WORDS + rng.sample(lexicon_words, 400) + [w.capitalize() for w in rng.sample(lexicon_words, 100)]
    for _ in range(2_000):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
        assert tag_words(words) == pattern_tags(words), words


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8),
                max_size=6))
def test_any_words(words: list[str]) -> None:
    assert tag_words(words) == pattern_tags(words)
