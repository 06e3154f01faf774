"""Direct quotes: one line of text -> expected speaker, cue and quoted words."""

import pytest

from generator.analyze.quotes import quote_spans

from .conftest import analyse_text


def sole_quote_speaker(text: str) -> str | None:
    """The name of the speaker of the one quote ``text`` holds (None when unattributed)."""
    analysis = analyse_text(text)
    (quote,) = analysis.quotes
    actor = analysis.actor(quote.speaker)
    return actor.name if actor else None


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
    # "she" is not the more recent person whose first name either sex bears ("Bernie"), when a woman
    # was named before: it went to Bernie Sanders
    ("Hillary Clinton spoke in Iowa. Bernie Sanders spoke in Ohio. “We will win the state,” she said.",
     "Hillary Clinton", "said", "“We will win the state,”"),
    # ... but with no woman named, such a person is still the one "he" or "she" stands for
    ("Bernie Sanders spoke in Ohio. “We will win the state,” he said.", "Bernie Sanders", "said",
     "“We will win the state,”"),
    # a place that describes the speaker is not the speaker: these went to Virginia and Idaho
    ("“We will not back Donald Trump,” said Virginia delegate Beau Correll.", "Beau Correll", "said",
     "“We will not back Donald Trump,”"),
    ("“The race is over for now,” said Idaho businessman Frank VanderSloot.", "Frank VanderSloot", "said",
     "“The race is over for now,”"),
    # someone who works for a person or an organisation is not that person or organisation: "a Clinton
    # aide" went to Hillary Clinton, "the Senate minority leader" to the Senate, "an NBC reporter" to NBC
    ("Hillary Clinton spoke in Iowa. “We are not worried about the polls,” a Clinton aide said.", None, "said",
     "“We are not worried about the polls,”"),
    ("The Senate met on Monday. “The bill will not pass this week,” the Senate minority leader said.", None, "said",
     "“The bill will not pass this week,”"),
    ("NBC aired the debate. “The debate was a disaster for him,” an NBC reporter said.", None, "said",
     "“The debate was a disaster for him,”"),
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


def test_split_quote_is_one_quote_with_two_parts():
    analysis = analyse_text("“We will not give up,” Sergei Shoigu said. “Never, whatever they do.”")
    t = analysis.article.text
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Sergei Shoigu"
    assert [t[s:e] for s, e in quote.content] == ["“We will not give up,”", "“Never, whatever they do.”"]


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


# Regressions: mistakes found on PolNeAR train, each fixed once and kept fixed.
REGRESSIONS = [
    # a title before the name ("Gov.") must not hide the speaker
    ("“Carolina is going to win that one,” Gov. John Kasich replied.", "John Kasich"),
    # an unknown source named right after the quote blocks any guess
    ("Angela Merkel spoke in Berlin. “Countries outside the region should keep their promises,” the ministry said in a statement.", None),
    # a possessive names someone else
    ("Hillary Clinton spoke first. “We have to be ready to stop him,” Hillary Clinton’s aide said.", None),
    # a name the tagger reads as a common word
    ("“I can understand why working people flocked to the rallies,” Sexton said.", "Sexton"),
    # a name used as a modifier of another name
    ("Hillary Clinton spoke first. “We will win the state of Ohio,” Clinton campaign chairman John Podesta said.", "John Podesta"),
    # an unknown verb of saying after a known name
    ("“For a start, his wife has explained why she chose not to speak,” Oliver barked.", "Oliver"),
    # a participle's subject is not the place in the clause before it (was given to Columbia)
    ("Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, "
     "“We have got to achieve the day when young black men can walk the streets.”", None),
    # the colon's clause has a subject of its own, not the claim before the comma (was given to Trump)
    ("When Donald Trump suggested that Cuba would sue the United States, Rubio fired back forcefully: "
     "“If they sue us in a court in Miami, they’re going to lose.”", None),
]


@pytest.mark.parametrize("text,speaker", REGRESSIONS)
def test_attribution_regressions(text, speaker):
    analysis = analyse_text(text)
    assert len(analysis.quotes) == 1
    actor = analysis.actor(analysis.quotes[0].speaker)
    assert (actor.name if actor else None) == speaker


LAST_SPEAKER = [
    # a person named only inside a quotation is not who "she" after a later quote stands for: both
    # went to Hillary Clinton (PolNeAR, huff-post_2016-07-28_charleston-church-shooting-survi)
    (("Felicia Sanders spoke on Wednesday. “After that day, Hillary Clinton called on lawmakers to act,” Sanders said. "
      "“No one should feel what I have seen,” she continued."), "Felicia Sanders"),
    (("A survivor spoke on Wednesday. “After that day, Hillary Clinton called on lawmakers to act,” the survivor said. "
      "“No one should feel what I have seen,” she continued."), None),
]


@pytest.mark.parametrize("text,speaker", LAST_SPEAKER)
def test_speaker_of_the_last_quote(text, speaker):
    analysis = analyse_text(text)
    actor = analysis.actor(analysis.quotes[-1].speaker)
    assert (actor.name if actor else None) == speaker


def test_pronoun_finds_its_speaker_in_an_earlier_paragraph():
    analysis = analyse_text("Ted Sexton spent a year at the rallies.\n\n“These people were comfortable in their anger,” he said.")
    assert analysis.actor(analysis.quotes[0].speaker).name == "Ted Sexton"


def test_he_added_introduces_the_next_quote_not_the_previous_one():
    analysis = analyse_text("Angela Merkel spoke in Berlin. “The first part is over.” She added, “The second part starts now.”")
    t = analysis.article.text
    first, second = analysis.quotes
    assert first.cue is None or t[first.cue[0]:first.cue[1]] != "added"
    assert analysis.actor(second.speaker).name == "Angela Merkel"


def test_split_quote_with_comma_continues_after_the_attribution():
    analysis = analyse_text("“And while I am at it, I hold him in the highest esteem,” Donald Trump said, “and I fully support his re-election.”")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Donald Trump" and len(quote.content) == 2


def test_title_case_quotes_are_titles_not_statements():
    analysis = analyse_text("Chris Wallace said on “Fox News Sunday,” that the debate was over.")
    assert analysis.quotes == ()


def test_title_case_with_small_words_is_a_title_not_a_statement():
    analysis = analyse_text("Ben Carson was a guest on “The Late Show with David Letterman.” He talked about books.")
    assert analysis.quotes == ()


def test_typewriter_quotes_are_quotes():
    analysis = analyse_text("''It does give an advantage to serious candidates,'' Newt Gingrich said.")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Newt Gingrich"
    assert analysis.article.text[quote.content[0][0]:quote.content[0][1]].startswith("''It does")


def test_pronoun_skips_people_named_only_as_objects():
    # BBC politics/052: "he says" is the professor, not the man he mentioned
    analysis = analyse_text(
        "Amitai Etzioni, a key influence on New Labour thinking, says the policy is misplaced. "
        "Prof Etzioni criticises the US, suggesting it was done in return for help in hunting Osama Bin Laden. "
        "“This is like letting a serial killer go because he promised to catch some jay-walkers,” he says.")
    assert analysis.actor(analysis.quotes[0].speaker).name == "Amitai Etzioni"


def test_honorific_without_a_full_stop_marks_a_person():
    analysis = analyse_text("Mr Makarov joined the KGB in 1970. He spied for two years.\n\n“It was hard,” he said.")
    assert analysis.actor(analysis.quotes[0].speaker).name == "Makarov"


def test_a_colon_ending_the_paragraph_before_introduces_the_quote():
    analysis = analyse_text("Ted Cruz answered the moderators.\n\nCruz continued:\n\n“You look at the questions, and none of them is about policy.”")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Ted Cruz"
    assert analysis.article.text[quote.cue[0]:quote.cue[1]] == "continued"


def test_quoted_words_inside_a_reported_statement_are_published_once_as_the_claim():
    analysis = analyse_text("Spokeswoman Haley Morris says the campaign will be pursuing matching funds and will "
                            "“compete vigorously for the nomination.”")
    assert analysis.quotes == ()
    assert analysis.actor(analysis.claims[0].speaker).name == "Haley Morris"


SPLIT_CASES = [
    # (text, speaker, the quoted parts published as one quote)
    # a short opening fragment is the first part of the quote, not a phrase to drop
    ("“Judge,” Benjamin Brafman said, “I have never had that happen in any case.”", "Benjamin Brafman",
     ["“Judge,”", "“I have never had that happen in any case.”"]),
    ("“It’s fine,” Donald Trump said of waterboarding. “And much tougher than that is fine.”", "Donald Trump",
     ["“It’s fine,”", "“And much tougher than that is fine.”"]),
    # the attribution's sentence goes on with an apposition whose abbreviations and parenthesis hold full
    # stops ("Fla.", "(D-Conn.)"): the quote after it went unattributed
    ("“It is not about money,” said Steven Ekovich, a broker based in Tampa, Fla., who represents sellers of "
     "golf courses. “It is about time.”", "Steven Ekovich", ["“It is not about money,”", "“It is about time.”"]),
    ("“It should be at the very top of the list,” said Sen. Chris Murphy (D-Conn.). “There is a clear mandate "
     "to act.”", "Chris Murphy", ["“It should be at the very top of the list,”", "“There is a clear mandate to act.”"]),
    # a quote opening the next paragraph with no attribution of its own goes on with the same speaker
    ("“Cyber security remains one of our biggest challenges,” Ben Carson continued.\n\n"
     "“Even under the best cases, our information is under constant attack.”", "Ben Carson",
     ["“Cyber security remains one of our biggest challenges,”",
      "“Even under the best cases, our information is under constant attack.”"]),
    # the attribution names a show in quotation marks before the quote goes on: the second part went
    # unattributed, as if the title had started another quote
    ("“I always knew they would look into my past,” Ben Carson said on NBC’s “Meet the Press.” “But nobody else "
     "has had to face this.”", "Ben Carson",
     ["“I always knew they would look into my past,”", "“But nobody else has had to face this.”"]),
    ('"We are ready for the general election," Chris Christie said Sunday on ABC\'s "This Week with George '
     'Stephanopoulos." "Our voters will turn out in November."', "Chris Christie",
     ['"We are ready for the general election,"', '"Our voters will turn out in November."']),
]


@pytest.mark.parametrize("text,speaker,parts", SPLIT_CASES)
def test_split_quotes_are_one_quote(text, speaker, parts):
    analysis = analyse_text(text)
    t = analysis.article.text
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == speaker
    assert [t[s:e] for s, e in quote.content] == parts


def test_a_quote_after_an_unattributed_paragraph_is_not_given_a_speaker():
    analysis = analyse_text("“Nobody knows what happens next in this war.”\n\n“We will see what the talks bring.”")
    assert all(q.speaker is None for q in analysis.quotes)


def test_a_short_quoted_phrase_before_a_full_quote_stays_unpublished_without_a_comma():
    analysis = analyse_text("He called it “a disgrace” and later said: “We will not accept this outcome at all.”")
    t = analysis.article.text
    assert all(not t[q.content[0][0]:q.content[0][1]].startswith("“a disgrace") for q in analysis.quotes)


def test_a_quote_after_another_sentence_does_not_continue_the_last_speaker():
    analysis = analyse_text("“We will win this state,” said Steven Ekovich. His rival was not there. "
                            "“We will not lose it either.”")
    t = analysis.article.text
    second = next(q for q in analysis.quotes if t[q.content[0][0]:].startswith("“We will not"))
    assert second.speaker is None


@pytest.mark.parametrize("before", ["", "“It’s a very sad development,” Ted Cruz told reporters. "])
def test_a_name_after_a_closed_quote_that_reports_something_else_is_not_the_speaker(before):
    # 'Ohio Gov. John Kasich said he would have fired him' starts a sentence of its own: the quote before
    # it was given to Kasich; it is Cruz's when it goes on from his quote, and nobody's otherwise
    analysis = analyse_text(before + "“That has no place in a political campaign.” Ohio Gov. John Kasich said he "
                            "would have fired the manager.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "“That has no place" in t[q.content[0][0]:q.content[-1][1]])
    assert (analysis.actor(quote.speaker).name if quote.speaker else None) == ("Ted Cruz" if before else None)


def test_a_name_after_a_closed_quote_with_only_a_listener_after_the_cue_is_the_speaker():
    analysis = analyse_text("Chuck Todd interviewed the candidate. “Did you know it was Mussolini?” Todd asked "
                            "the real estate mogul.")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Chuck Todd"


SENTENCE_BEFORE_IS_NOT_THE_SPEAKER = [
    # the sentence goes on after the quote to a cue of its own that we cannot read: the outlet that
    # reported the sentence before was given these words
    "The Post reported that the family soured on him. “The kids do not like him at all, and they are happy "
    "with the new manager,” this source told the Post.",
    # "his wife" is nobody we can name
    "Marcel Lazar was arrested in Romania in January. “We need him because life is very hard here,” his wife said.",
    # what stands before a participle cue is its object, not its subject: this went to Facebook
    "Hillary Clinton answered the question on Facebook writing, “Yes, I will stop using that word from now on.”",
    # a source after "according to" that names nobody: this went to the woman named in the sentence before
    "Michelle Fields said she had been yanked backward. “The evidence cannot prove all elements of the crime "
    "alleged,” according to a court document filed by the state attorney.",
    # a cue we do not know ("mused") still ends the quote's sentence: this went to Thor, who "countered"
    "Brad Thor countered that he would simply run as a third-party candidate. “Imagine Brad Thor going up "
    "against both of them on the same stage,” mused a radio co-host.",
    # a mark inside the quote (6’2”) closed it early: the words went to the outlet of the sentence before
    "Marco Rubio spoke on Sunday, The Hill reported. “He is always calling me names. I admit, he is like 6’2”,” "
    "a supporter of Rubio said.",
    # the one spoken to is not the speaker: this went to Fox News
    "Another intelligence source speaking to Fox News said, “The agents are looking at the donations and the contracts.”",
]


@pytest.mark.parametrize("text", SENTENCE_BEFORE_IS_NOT_THE_SPEAKER)
def test_a_quote_whose_speaker_we_cannot_read_is_unattributed(text):
    analysis = analyse_text(text)
    (quote,) = analysis.quotes
    assert quote.speaker is None


def test_a_relative_named_after_the_quote_is_the_speaker():
    analysis = analyse_text("Marcel Lazar was arrested in Romania in January. “We need him because life is very "
                            "hard here,” his wife, Gabriela Lazar, said.")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Gabriela Lazar"


def test_names_with_colons_introduce_each_quote():
    # 'Clinton: "..." Bush: "..."': Bush's words went to Clinton, as her quote's second part
    analysis = analyse_text('Jeb Bush and Hillary Clinton reject the term.\n\nClinton: "Our goal is not to deter or '
                            'contain ISIS, but to defeat it." Bush: "The mission is to destroy ISIS, not to contain it."')
    t = analysis.article.text
    speakers = {t[q.content[0][0]:q.content[-1][1]][:8]: analysis.actor(q.speaker).name for q in analysis.quotes}
    assert speakers == {'"Our goa': "Hillary Clinton", '"The mis': "Jeb Bush"}


def test_an_organisation_with_a_colon_is_not_the_last_speaker_going_on():
    # only a person's name with a colon is a speaker label here, but an organisation's still ends the
    # quote before it: 'Clinton: "..." The Pentagon: "..."' gave the Pentagon's words to Clinton
    analysis = analyse_text('The Pentagon and Hillary Clinton reject the term.\n\nClinton: "Our goal is not to deter '
                            'or contain ISIS, but to defeat it." The Pentagon: "The mission is to destroy ISIS, not to '
                            'contain it."')
    t = analysis.article.text
    second = next(q for q in analysis.quotes if t[q.content[-1][0]:].startswith('"The mission'))
    assert len(second.content) == 1 and second.speaker is None


def test_a_quote_closing_on_a_comma_before_an_unread_attribution_takes_no_speaker_from_before():
    # '“...,” an intelligence source, who was not named, told Fox News.': the quote has a source of its
    # own that we cannot read; it was given to Fox News, who reported the sentence before
    analysis = analyse_text("Fox News reported on Thursday that agents are looking at the case.\n\n"
                            "“The agents involved are under a lot of pressure and are angry,” a source, who was "
                            "not named, told Fox News.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "agents involved" in t[q.content[0][0]:q.content[-1][1]])
    assert quote.speaker is None


def test_a_sentence_of_its_own_before_a_quote_keeps_the_reporter_of_the_sentence_before_from_it():
    # "John Kasich resisted:" introduces the quote: it is not Merkel's, who said the sentence before
    analysis = analyse_text("Angela Merkel said the economy is weak. John Kasich resisted: “Ohio governors do not "
                            "have the power to do that at all.”")
    (quote,) = analysis.quotes
    assert quote.speaker is None


def test_only_countries_and_seats_of_government_among_places_can_speak():
    from generator.analyze.actors import find_actors
    from generator.analyze.nlp import process
    from generator.analyze.speakers import can_speak
    from generator.ingest import parse_article

    article = parse_article("Head\n\nRussia and Moscow met Dallas and Ohio officials. Sergei Shoigu came.\n", "t.txt", "t")
    actors = find_actors(process(article.text, article.paragraphs))
    kinds = {a.name: a for a in actors.actors}
    assert {n: kinds[n].kind for n in ("Russia", "Dallas", "Ohio", "Sergei Shoigu")} == {
        "Russia": "place", "Dallas": "place", "Ohio": "place", "Sergei Shoigu": "person"}
    assert [can_speak(kinds[n].id, actors) for n in ("Russia", "Dallas", "Ohio", "Sergei Shoigu")] == [
        kinds["Russia"].id, None, None, kinds["Sergei Shoigu"].id]


DESCRIBED_SPEAKERS = [
    # (text, speaker): a person named right before the cue, after words that describe them that are not titles
    # we know; these were published unattributed (the second part as a quote of its own)
    ("“The polls are finally moving our way,” former presidential candidate Jim Baxter said. “The rest will follow "
     "soon.”", "Jim Baxter"),
    ("“We will keep fighting for this bill,” state Sen. Laura Finch (D) said.", "Laura Finch"),
    ("“Nobody expected the count to take this long,” the agency’s Tom Kellerman wrote.", "Tom Kellerman"),
    # ... but not someone only described ('one senior Democrat'), what a noun stands for ('the pitch on
    # Kickstarter says'), or a name that starts a new sentence after a quote that closed its own
    ("Senior Democrat Tom Kellerman spoke first. “The campaign has been slow to answer the charges,” one senior "
     "Democrat said.", None),
    ("Laura Finch opened a Kickstarter campaign. “Publish the book that nobody wants you to read,” the pitch on "
     "Kickstarter says.", None),
    ("The governor asked for an inquiry. “Trust in the city police is broken.” Democratic presidential hopeful Laura Finch said "
     "Monday she, too, wants an inquiry.", None),
    # a name after a preposition is not who spoke
    ("Laura Finch died in May. “We miss her every single day,” close friends of Laura Finch said.", None),
    # a capitalised word right before the name that we did not read as part of it: the name is not all there
    ("The court heard the case. “A long sentence would help deter others,” federal prosecutor Maya D. Song wrote.",
     None),
]


@pytest.mark.parametrize("text,speaker", DESCRIBED_SPEAKERS)
def test_a_person_described_before_the_cue_is_the_speaker(text, speaker):
    analysis = analyse_text(text)
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "”" in t[q.content[0][0]:q.content[-1][1]])
    actor = analysis.actor(quote.speaker)
    assert (actor.name if actor else None) == speaker
    if speaker == "Jim Baxter":
        assert len(quote.content) == 2


PARTICIPLE_SUBJECTS = [
    # (text, speaker): the subject that opens the sentence speaks the quote after ', saying,'; these were unattributed
    ("Senator Jane Morrow urged voters to back the plan, saying, “There is no other way to fix the roads.”",
     "Jane Morrow"),
    ("Jane Morrow spoke in Albany. She quickly noted her years on the city council, saying “I know how hard this "
     "job can be.”", "Jane Morrow"),
    ("Jane Morrow was also critical of the plan, telling reporters: “It will cost far more than anyone admits.”",
     "Jane Morrow"),
    # after a phrase that sets the scene, not the place named in it
    ("Here in Albany, Jane Morrow stepped up her attacks on the mayor, saying, “We cannot wait another year for "
     "this.”", "Jane Morrow"),
    # ... not when another clause with a subject of its own comes first
    ("Jane Morrow attacked Tom Kellerman, who answered the charge, saying, “I have nothing to hide from anyone.”",
     None),
    ("Jane Morrow spoke first and Tom Kellerman replied, saying, “I have nothing to hide from anyone.”", None),
]


@pytest.mark.parametrize("text,speaker", PARTICIPLE_SUBJECTS)
def test_the_subject_of_the_sentence_speaks_after_a_participle(text, speaker):
    assert sole_quote_speaker(text) == speaker


def test_a_group_after_a_closed_quote_reporting_its_own_statement_is_not_the_speaker():
    # the Tories' own statement starts a sentence after the minister's quote: the quote went to the Tories
    analysis = analyse_text("Shadow sports minister Lord Moynihan said the policy would empower local clubs. \"We aim "
                            "to shift the emphasis on after-school sport away from our teachers.\" The Tories say "
                            "Labour's plans to give all children two hours of sport had failed.")
    (quote,) = analysis.quotes
    assert quote.speaker is None or analysis.actor(quote.speaker).name == "Moynihan"


PRONOUN_AFTER_NAMED_SPEAKER = [
    # (the Senate is a subject, as some mention is in any real article: with none, a pronoun takes the
    # nearest person)
    # the pronoun's antecedent stands after a cue ('said Joe Biden, who ...'), not where a subject stands,
    # so the pronoun reader left these unattributed: the speaker named in the attribution right before
    # goes on, when nobody else is named in between
    ("The Senate met on Monday. “We must act on the budget now,” said Joe Biden, who served in the Senate for years.\n\n"
     "“This plan is not good enough for the country,” he added.", "Joe Biden"),
    ("The Senate met on Monday. Senate spokeswoman Maria Lopez said the plan was not a burden.\n\n"
     "“We feel good about the places we are going to,” she said.", "Maria Lopez"),
    ("The Senate met on Monday. “We must act on the budget now,” Maria Lopez said in a statement on Monday.\n\n"
     "“This plan is not good enough for the country,” she added.", "Maria Lopez"),
    # a man named in between as an object is not who "he" is: the speaker after the cue is a subject
    # (before, nobody was, and the quote was left unattributed for fear of Miller)
    ("The Senate met on Monday. “We must act on the budget now,” said Joe Biden, who met Tom Miller on Monday.\n\n"
     "“This plan is not good enough for the country,” he added.", "Joe Biden"),
    # someone else who speaks in between may be the one meant
    ("The Senate met on Monday. “We must act on the budget now,” said Joe Biden, who served for years.\n\n"
     "Tom Miller, his aide, met reporters on Monday.\n\n“This plan is not good enough for the country,” he added.",
     "Tom Miller"),
    # a pronoun of the other gender
    ("The Senate met on Monday. “We must act on the budget now,” said Maria Lopez, who served in the Senate for years.\n\n"
     "“This plan is not good enough for the country,” he added.", None),
    # the last attribution names nobody: its speaker is not the one named before it
    ("The Senate met on Monday. “We must act on the budget now,” said Maria Lopez, who served in the Senate for years.\n\n"
     "“Too much hate,” said the woman, who would not give her name.\n\n"
     "“This plan is not good enough for the country,” she said.", None),
]


@pytest.mark.parametrize("text,speaker", PRONOUN_AFTER_NAMED_SPEAKER)
def test_a_pronoun_after_a_named_speaker_goes_on_with_them(text, speaker):
    analysis = analyse_text(text)
    actor = analysis.actor(analysis.quotes[-1].speaker)
    assert (actor.name if actor else None) == speaker


INFINITIVE_AFTER_QUOTE = [
    # 'X continues to <verb>' after a closed quote is a new sentence, not the quote's attribution: the
    # quote went to the company and to the actress named in it
    ("“We looked at both planes before we chose,” said a company spokesman. “The new plane fits what we "
     "needed and it comes on time.” Boeing continues to enjoy a lead over Airbus in Japan.", None),
    ("Actress Jane Roe spoke at the premiere in London. “It was a dream for me to land this part and I loved it.” "
     "Actress Mary Poe continues to live in Paris as a recluse.", None),
    # ... while a cue followed by "to" and its listener still attributes
    ("“We will not give up on this plan now.” Smith said to reporters.", "Smith"),
]


@pytest.mark.parametrize("text,speaker", INFINITIVE_AFTER_QUOTE)
def test_a_verb_taking_an_infinitive_after_a_quote_is_not_its_cue(text, speaker):
    analysis = analyse_text(text)
    names = [analysis.actor(q.speaker).name if q.speaker else None for q in analysis.quotes]
    assert speaker in names and all(n in (None, speaker) for n in names)


INTRODUCED_BY_A_COLON = [
    # the cue and its source stand after each other at the start of the sentence ('Said X:'); the name in
    # the sentence after the quote reports something of its own: the quote went to Macklin
    ("Tony Macklin works for Ask Jeeves. Said the survey report: “This finding is ironic, since half of all "
     "users would stop using them.” Commenting Mr Macklin said sponsored results must be clearly marked.", None),
    ("Tony Macklin works for Ask Jeeves. Added Mary Poe: “This finding is ironic, since half of all users "
     "would stop using them.”", "Mary Poe"),
    # a quote a colon introduces and which closes its sentence is the introducer's
    ("Mary Poe met the committee. Tom Miller told the newspaper: “I do not know whether I will ever go back.” "
     "Asked about it later, Mary Poe replied that she would not.", "Tom Miller"),
]


@pytest.mark.parametrize("text,speaker", INTRODUCED_BY_A_COLON)
def test_a_quote_a_colon_introduces_is_not_the_next_sentences(text, speaker):
    assert sole_quote_speaker(text) == speaker


NAMED_APPOSITION = [
    # the apposition before the cue is a person's name: they speak, not the organisation in the role
    # (the quote went to the union)
    ("The secretary of the Welsh Students Rugby Union, Reverend Tom Miller, said: “It is a shame that the "
     "fixtures cannot go ahead.”", "Reverend Tom Miller"),
    ("The head of the National Crime Unit, Acting Detective Chief Superintendent, Mary Poe, said: “The "
     "inquiry has disrupted the gangs.”", "Mary Poe"),
    # a description that ends in a name is not the speaker's name
    ("Hillary Clinton spoke on Monday. Tom Miller, a friend of Mary Poe, said: “It is a shame that the "
     "fixtures cannot go ahead.”", "Tom Miller"),
]


@pytest.mark.parametrize("text,speaker", NAMED_APPOSITION)
def test_a_name_in_apposition_before_the_cue_is_the_speaker(text, speaker):
    assert sole_quote_speaker(text) == speaker


ROLE_HOLDER_NAMED_BEFORE = [
    # "the spokesman" is not the one spokesman the article names only later (the quote went to him) ...
    ("A spokesman for the Home Office said the plan was sound. “We are developing a returns programme for "
     "the children,” said the spokesman. Later Tom Miller, spokesman for the Medical Foundation, said it was "
     "wrong.", None),
    # ... nor the one named before when an unnamed "a spokesman" came up since
    ("Tom Miller, spokesman for the Medical Foundation, said it was wrong. A spokesman for the Home Office "
     "said the plan was sound. “We are developing a returns programme for the children,” said the spokesman.",
     None),
    # the one spokesman named before, with nobody else since, still is
    ("Tom Miller, spokesman for the Medical Foundation, said it was wrong. “We strongly oppose the scheme "
     "for the children,” said the spokesman.", "Tom Miller"),
    # a spokesman named right after the role is that spokesman
    ("Fox said it would keep the show. “It is going to remain on the air,” said the network's spokesman "
     "Tom Miller.", "Tom Miller"),
]


@pytest.mark.parametrize("text,speaker", ROLE_HOLDER_NAMED_BEFORE)
def test_a_role_is_the_holder_named_before_it_with_no_unnamed_holder_since(text, speaker):
    assert sole_quote_speaker(text) == speaker


BARE_APOSTROPHE_POSSESSIVE = [
    # a plural possessive with a bare apostrophe is someone else's person, like "'s": the quote went to the firm
    ("Bookmakers Ladbrokes says the singer has even odds. “It is going to be close but she is the favourite,” "
     "said Ladbrokes' Tom Miller.", "Tom Miller"),
    ("Bookmakers Ladbrokes says the singer has even odds. “It is going to be close but she is the favourite,” "
     "said Ladbrokes’ spokesman.", None),
]


@pytest.mark.parametrize("text,speaker", BARE_APOSTROPHE_POSSESSIVE)
def test_a_bare_apostrophe_possessive_before_the_speaker_is_not_the_speaker(text, speaker):
    assert sole_quote_speaker(text) == speaker


def test_a_name_after_a_closed_quote_that_reports_with_a_lowercase_start_is_not_the_speaker():
    # '... added Mr Strauss. "Oscar voters ..." And Mr Goodridge said best film and director were ...':
    # a statement of Goodridge's own; the quote goes on from Strauss's (it was given to Goodridge)
    analysis = analyse_text("“Eastwood has it in the bag,” added Bob Strauss. “Oscar voters often vote with their "
                            "hearts not their heads.” Mike Goodridge said best film and director were between "
                            "Aviator and Million Dollar Baby.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "Oscar voters" in t[q.content[0][0]:q.content[-1][1]])
    assert analysis.actor(quote.speaker).name == "Bob Strauss"
    # not a phrase of time or manner after the cue: that is still the attribution
    analysis = analyse_text("Critics gathered in London. “Oscar voters often vote with their hearts.” Bob Strauss "
                            "said in an interview published on Sunday.")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Bob Strauss"


def test_he_after_an_owner_s_role_and_name_is_that_person():
    # "Screen International's US editor Mike Goodridge thinks ...": the tagger reads "US" as the pronoun
    # "us", so he was no subject and "he said" went to the critic named in the paragraph before
    analysis = analyse_text("Entertainment Weekly's Dave Karger maintained the Oscars generated little excitement, "
                            "he said.\n\nScreen International's US editor Mike Goodridge thinks the films have not "
                            "grabbed the public's imagination. “Film-makers haven't produced films that people adore "
                            "this year,” he said.")
    (quote,) = [q for q in analysis.quotes if q.speaker]
    assert analysis.actor(quote.speaker).name == "Mike Goodridge"


def test_he_after_an_inverted_attribution_is_its_speaker():
    # '"...," said Simon Bysshe who filmed the event. ... "...," he said.': Bysshe was no subject, so
    # "he" went to a man named as a subject before him (a fresh hand audit found it)
    analysis = analyse_text("Mr Foster and Mr Tracey proved their prowess at Painkiller. “There are a lot of people "
                            "who take gaming very seriously,” said Simon Bysshe who filmed the event. More than "
                            "80,000 people have downloaded the movie. “Professional gaming is here to stay,” he said.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "here to stay" in t[q.content[0][0]:q.content[-1][1]])
    assert analysis.actor(quote.speaker).name == "Simon Bysshe"
    # and after a reported statement: "..., said Mr Walsh."
    analysis = analyse_text("Director James Cameron revealed he is making a game. The quality would be “like a lucid "
                            "dream,” said Mr Cameron.\n\nAccording to Robert Walsh, games will cost $25m to make. Such "
                            "sums mean it will be difficult to start a studio, said Mr Walsh. “If you're a start-up, "
                            "I doubt that a publisher is going to give you a cheque,” he said.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "start-up" in t[q.content[0][0]:q.content[-1][1]])
    assert analysis.actor(quote.speaker).name == "Robert Walsh"


@pytest.mark.parametrize("text", [
    # the man the listener names is not who "he" is
    "“There will be a serious relaxation of fiscal policy,” said Glenn Maguire, told Reuters News.",
])
def test_a_listener_after_told_is_no_subject(text):
    analysis = analyse_text(text + " Markets fell. “The impact will certainly be large,” he said.")
    assert all(q.speaker is None or analysis.actor(q.speaker).name != "Reuters News" for q in analysis.quotes)


@pytest.mark.parametrize("between", [
    # someone we cannot name speaks between the man named before and the pronoun
    "A spokeswoman for Oxford University said the books would include novels.",
    "Not least, said Paul King, principal consultant at Cisco, because the defences are so common.",
])
def test_an_unnamed_speaker_between_blocks_the_pronoun(between):
    she_or_he = "she" if "spokeswoman" in between else "he"
    analysis = analyse_text(f"“The goal is to bring it online,” said Susan Gray, director at Google. “You cannot put "
                            f"them in a box,” said Pete Simpson of Clearswift.\n\n{between} “Important works will be "
                            f"made available to everyone,” {she_or_he} said.")
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "Important works" in t[q.content[0][0]:q.content[-1][1]])
    assert quote.speaker is None


def test_the_lord_chancellor_is_an_office_not_a_person():
    # "the then Lord Chancellor, Lord Irvine of Lairg": an actor "Chancellor" was made and took the
    # "he" of Lord Goldsmith's next quote (a fresh hand audit found it); "Mr. King" is still a man
    analysis = analyse_text("Former Tory lord chancellor Lord Mackay called for the advice to be published.\n\n"
                            "Last week Lord Goldsmith said in a statement: “I was fully involved.” He said the answer "
                            "had been prepared with Christopher Greenwood and the then Lord Chancellor, Lord Irvine of "
                            "Lairg. “As I have always made clear, I set out my view,” he said. Mr. King said he agreed.")
    assert "Chancellor" not in {a.name for a in analysis.actors} and "King" in {a.name for a in analysis.actors}
    names = {a.name for a in analyse_text("The Lord Chief Justice, Lord Woolf, praised him.").actors}
    assert "Justice" not in names and "Woolf" in names
    t = analysis.article.text
    quote = next(q for q in analysis.quotes if "always made clear" in t[q.content[0][0]:q.content[-1][1]])
    assert analysis.actor(quote.speaker).name == "Goldsmith"


def test_he_is_the_subject_of_the_main_clause_not_of_a_clause_after_that():
    # "Larne boss Jimmy McGeough has yet to confirm that Weir is on his way. '...,' he said": the quote
    # about "the lad" went to Weir, the subject of the clause after "that" (a fresh hand audit found it)
    analysis = analyse_text("Larne's teenage star Robbie Weir is poised to join Sunderland. But Larne boss Jimmy "
                            "McGeough has yet to confirm that Weir is on his way. “I heard on Sunday that he has "
                            "joined Sunderland, but not from the lad himself,” he said.")
    (quote,) = [q for q in analysis.quotes if q.speaker]
    assert analysis.actor(quote.speaker).name == "Jimmy McGeough"
    # with no other subject in its sentence, the subject after "that" is still who "he" is
    analysis = analyse_text("Reports said that Arjen Robben will return next week. “I feel ready,” he said.")
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Arjen Robben"


def test_a_quote_opened_straight_and_closed_curly():
    # PolNeAR train (politico): '"...,” said Daniel Benjamin ... "He is ..."' was paired straight mark to straight
    # mark, so the second quote's words were narration and its "he" went to a name inside it
    text = ('"Donald Trump doesn\'t understand counterterrorism,” said Daniel Benjamin, a former official. '
            '"He is ignorant. Omar Mateen was radicalized here." He argued the group is "in retreat."\n\n'
            '"The administration is going after every target it can find,” he added.')
    analysis = analyse_text(text)
    t = analysis.article.text
    spans = [t[s:e] for q in analysis.quotes for s, e in q.content]
    assert '"Donald Trump doesn\'t understand counterterrorism,”' in spans
    assert '"He is ignorant. Omar Mateen was radicalized here."' in spans
    last = analysis.quotes[-1]
    assert analysis.actor(last.speaker).name == "Daniel Benjamin"


def test_a_verb_that_takes_a_thing_after_a_closed_quote_starts_a_new_sentence():
    # BBC audit (seed 2032), sport/381: the coach's quote was published as Portugal's
    analysis = analyse_text("England won the final. \"We are thankful we have achieved that and brought through some young "
                            "talent.\" Portugal confirmed their impressive progress in Sevens rugby by recording a win "
                            "over France.")
    assert [q.speaker for q in analysis.quotes] == [None]
