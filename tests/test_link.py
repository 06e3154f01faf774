"""Linking actors across articles: name variants merge on evidence, namesakes stay apart."""

from __future__ import annotations

import pytest

from generator.link import link, person_key
from generator.model import Actor, Analysis, Article, Sentiment


def _article(article_id: str, text: str, *actors: tuple[str, str, tuple[str, ...]]) -> Analysis:
    """An analysis naming ``actors`` (name, kind, roles); each mention is found in ``text``."""
    built = []
    for name, kind, roles in actors:
        start = text.find(name)
        mentions = ((start, start + len(name)),) if start >= 0 else ()
        built.append(Actor(name.lower().replace(" ", "-"), name, kind, (), roles, mentions))
    article = Article(article_id, f"{article_id}.txt", text, article_id, None, ((0, len(text)),))
    return Analysis(article, tuple(built), (), (), Sentiment(0, 0))


def _pages(corpus) -> dict[str, set[str]]:
    """Corpus actor id -> the article ids it appears in."""
    return {a.id: set(a.article_ids) for a in corpus.actors}


@pytest.mark.parametrize("name,key", [
    ("Sergei Shoigu", "sergei shoigu"), ("Mr George W. Bush", "george bush"), ("George W Bush", "george bush"),
    ("Shoigu", "shoigu"), ("Dr Ravina Shamadasani", "ravina shamadasani"),
])
def test_person_key_sets_titles_and_middle_initials_aside(name, key):
    assert person_key(name) == key


def test_surname_alone_joins_the_one_person_of_that_name():
    corpus = link([
        _article("a", "Sergei Shoigu spoke on Aleppo.", ("Sergei Shoigu", "person", ("Defense Minister",)),
                 ("Aleppo", "place", ())),
        _article("b", "Shoigu said so of Aleppo.", ("Shoigu", "person", ()), ("Aleppo", "place", ())),
    ])
    assert _pages(corpus) == {"sergei-shoigu": {"a", "b"}, "aleppo": {"a", "b"}}
    assert corpus.by_id("sergei-shoigu").aliases == ("Shoigu",)
    assert corpus.by_id("sergei-shoigu").roles == ("Defense Minister",)


def test_one_bearer_of_a_surname_is_not_enough_without_shared_context():
    corpus = link([
        _article("a", "Mike Prettejohn of Netcraft.", ("Mike Prettejohn", "person", ()), ("Netcraft", "organization", ())),
        _article("b", "Prettejohn of Lloyd's said.", ("Prettejohn", "person", ()), ("Lloyd's", "organization", ())),
    ])
    assert _pages(corpus)["mike-prettejohn"] == {"a"} and _pages(corpus)["prettejohn"] == {"b"}


def test_middle_initial_is_the_same_person():
    corpus = link([
        _article("a", "George W Bush spoke.", ("George W Bush", "person", ())),
        _article("b", "George Bush spoke.", ("George Bush", "person", ())),
    ])
    assert len(corpus.actors) == 1


def test_namesakes_with_different_first_names_stay_apart():
    corpus = link([
        _article("a", "Tony Blair spoke.", ("Tony Blair", "person", ("Prime Minister",))),
        _article("b", "Cherie Blair spoke.", ("Cherie Blair", "person", ())),
    ])
    assert _pages(corpus) == {"tony-blair": {"a"}, "cherie-blair": {"b"}}


def test_shared_surname_goes_to_the_person_with_the_shared_role():
    corpus = link([
        _article("a", "Prime Minister Tony Blair spoke.", ("Tony Blair", "person", ("Prime Minister",))),
        _article("b", "Cherie Blair, a lawyer, spoke.", ("Cherie Blair", "person", ("lawyer",))),
        _article("c", "The Prime Minister, Blair, said.", ("Blair", "person", ("Prime Minister",))),
    ])
    assert _pages(corpus)["tony-blair"] == {"a", "c"}


def test_shared_surname_goes_to_the_person_named_alongside_the_same_actors():
    corpus = link([
        _article("a", "Tony Blair, Labour, Iraq.", ("Tony Blair", "person", ()), ("Labour", "organization", ()),
                 ("Iraq", "place", ())),
        _article("b", "Cherie Blair in London.", ("Cherie Blair", "person", ()), ("London", "place", ())),
        _article("c", "Blair, Labour, Iraq.", ("Blair", "person", ()), ("Labour", "organization", ()),
                 ("Iraq", "place", ())),
    ])
    assert _pages(corpus)["tony-blair"] == {"a", "c"}


def test_a_title_rules_out_a_namesake_of_the_other_sex():
    corpus = link([
        _article("a", "Labour heard Mr Tony Blair.", ("Tony Blair", "person", ()), ("Labour", "organization", ())),
        _article("b", "Labour heard Mrs Cherie Blair.", ("Cherie Blair", "person", ()), ("Labour", "organization", ())),
        _article("c", "Labour heard Mrs Blair.", ("Blair", "person", ()), ("Labour", "organization", ())),
    ])
    assert _pages(corpus)["cherie-blair"] == {"b", "c"}


def test_surname_without_evidence_is_not_merged_blindly():
    corpus = link([
        _article("a", "Tony Blair spoke.", ("Tony Blair", "person", ())),
        _article("b", "Cherie Blair spoke.", ("Cherie Blair", "person", ())),
        _article("c", "Blair said.", ("Blair", "person", ())),
    ])
    assert _pages(corpus)["blair"] == {"c"}


def test_surname_read_as_a_place_is_the_person_of_the_same_article():
    corpus = link([
        _article("a", "Mr Howard added, after Michael Howard said.", ("Michael Howard", "person", ()), ("Howard", "place", ())),
    ])
    assert [a.id for a in corpus.actors] == ["michael-howard"]
    assert corpus.by_id("michael-howard").mention_count == 2


def test_organisation_short_name_joins_its_full_name():
    un = Actor("united-nations", "United Nations", "organization", ("UN",), (), ((0, 14),))
    first = _article("a", "United Nations (UN) said.")
    first = Analysis(first.article, (un,), (), (), first.sentiment)
    corpus = link([first, _article("b", "The UN said.", ("UN", "organization", ()))])
    assert _pages(corpus) == {"united-nations": {"a", "b"}}


def test_same_name_of_different_kinds_gets_distinct_stable_ids():
    corpus = link([
        _article("a", "Jordan spoke.", ("Jordan", "person", ())),
        _article("b", "In Jordan.", ("Jordan", "place", ())),
    ])
    again = link([
        _article("b", "In Jordan.", ("Jordan", "place", ())),
        _article("a", "Jordan spoke.", ("Jordan", "person", ())),
    ])
    assert sorted(_pages(corpus)) == sorted(_pages(again)) == ["jordan", "jordan-place"]


def test_a_word_that_is_also_a_first_name_needs_evidence_to_join_a_surname():
    corpus = link([
        _article("a", "Laurent Robert scored for Newcastle v Bolton.", ("Laurent Robert", "person", ()),
                 ("Newcastle", "place", ()), ("Bolton", "place", ())),
        _article("b", "Robert Peston reported.", ("Robert Peston", "person", ())),
        _article("c", "Robert said jobs grew.", ("Robert", "person", ())),
        _article("d", "Robert crossed for Newcastle v Bolton.", ("Robert", "person", ()), ("Newcastle", "place", ()),
                 ("Bolton", "place", ())),
        _article("e", "Robert crossed for Newcastle.", ("Robert", "person", ()), ("Newcastle", "place", ())),
    ])
    assert _pages(corpus)["laurent-robert"] == {"a", "d"}
    assert _pages(corpus)["robert"] == {"c", "e"}


@pytest.mark.parametrize("long_name,merged", [("Exchequer Gordon Brown", True), ("Pontiac Gordon Brown", False)])
def test_a_role_word_before_a_full_name_is_set_aside_but_other_words_are_not(long_name, merged):
    corpus = link([
        _article("a", "Gordon Brown spoke.", ("Gordon Brown", "person", ())),
        _article("b", f"{long_name} spoke.", (long_name, "person", ())),
    ])
    assert (_pages(corpus)["gordon-brown"] == {"a", "b"}) is merged
    assert corpus.by_id("gordon-brown").name == "Gordon Brown"


def test_a_place_name_is_not_taken_for_a_surname():
    corpus = link([
        _article("a", "Eminem of Argentina sang.", ("Eminem of Argentina", "person", ())),
        _article("b", "Argentina said.", ("Argentina", "person", ())),
    ])
    assert len(corpus.actors) == 2


def test_a_name_other_articles_give_a_company_needs_more_to_join_a_person():
    corpus = link([
        _article("a", "Ford sold cars.", ("Ford", "organization", ())),
        _article("b", "Bill Ford of Detroit and GM.", ("Bill Ford", "person", ()), ("Detroit", "place", ()),
                 ("GM", "organization", ())),
        _article("c", "Ford and GM said.", ("Ford", "person", ()), ("GM", "organization", ())),
    ])
    assert _pages(corpus)["bill-ford"] == {"b"}
