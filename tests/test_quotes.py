"""Direct quotes: one line of text -> expected speaker, cue and quoted words."""

import pytest

from generator.analyze.quotes import quote_spans

from .conftest import analyse_text

CASES = [
    # (text, speaker name or None, cue, quoted words)
    ("“We will win this war,” said Sergei Shoigu.", "Sergei Shoigu", "said", "“We will win this war,”"),
    ("“We will win this war,” Sergei Shoigu said.", "Sergei Shoigu", "said", "“We will win this war,”"),
    ('"We will win this war," said Sergei Shoigu.', "Sergei Shoigu", "said", '"We will win this war,"'),
    ("“The talks are over,” Sergei Shoigu, the defence minister, said.", "Sergei Shoigu", "said", "“The talks are over,”"),
    ("Sergei Shoigu said: “The talks are over for now.”", "Sergei Shoigu", "said", "“The talks are over for now.”"),
    ("Angela Merkel spoke in Berlin. “We need more time to decide,” added Merkel.", "Angela Merkel", "added", "“We need more time to decide,”"),
    ("Angela Merkel spoke in Berlin. “We need more time to decide,” she said.", "Angela Merkel", "said", "“We need more time to decide,”"),
    ("Defence Minister Sergei Shoigu arrived. “The talks are over for now,” the minister said.", "Sergei Shoigu", "said", "“The talks are over for now,”"),
    ("“Nobody knows what happens next,” a Kremlin spokesman said.", "Kremlin", "said", "“Nobody knows what happens next,”"),
    # nobody named: unattributed, never guessed
    ("“Nobody knows what happens next,” said a witness.", None, "said", "“Nobody knows what happens next,”"),
    ("“Nobody knows what happens next.”", None, None, "“Nobody knows what happens next.”"),
]


@pytest.mark.parametrize("text,speaker,cue,words", CASES)
def test_direct_quote_attribution(text, speaker, cue, words):
    analysis = analyse_text(text)
    t = analysis.article.text
    assert len(analysis.quotes) == 1
    quote = analysis.quotes[0]
    assert t[quote.content[0][0]:quote.content[-1][1]] == words
    actor = analysis.actor(quote.speaker)
    assert (actor.name if actor else None) == speaker
    assert (t[quote.cue[0]:quote.cue[1]] if quote.cue else None) == cue


def test_split_quote_keeps_its_speaker():
    analysis = analyse_text("“We will not give up,” Sergei Shoigu said. “Never, whatever they do.”")
    assert [analysis.actor(q.speaker).name for q in analysis.quotes] == ["Sergei Shoigu", "Sergei Shoigu"]


def test_quote_over_two_paragraphs_is_one_quote():
    text = "Head\n\n“This is the first part of a long statement.\n\n“And this is the second part,” said Sergei Shoigu.\n"
    from generator.ingest import parse_article

    article = parse_article(text, "x.txt", "x")
    spans = quote_spans(text, article.paragraphs)
    assert len(spans) == 1 and len(spans[0].content) == 2
    from generator.analyze import analyze

    quote = analyze(article).quotes[0]
    assert len(quote.content) == 2 and quote.speaker == "sergei-shoigu"


def test_scare_quotes_are_not_direct_quotes():
    analysis = analyse_text("Sergei Shoigu called the plan “a disaster” on Monday.")
    assert analysis.quotes == ()


def test_unbalanced_marks_do_not_swallow_the_article():
    analysis = analyse_text("He said “this never closes and goes on.\n\nA new paragraph without marks.")
    assert analysis.quotes == ()
