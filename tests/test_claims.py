"""Claims: one line of text -> expected source, cue, content, stance and targets."""

import pytest

from .conftest import analyse_text


def assert_claim(text: str, speaker: str | None, cue: str, content: str, stance: str) -> None:
    """The claim with this cue in ``text`` has this speaker (None: unattributed), content and stance."""
    analysis = analyse_text(text)
    t = analysis.article.text
    claim = next(c for c in analysis.claims if t[c.cue[0]:c.cue[1]].lower() == cue)
    assert (analysis.actor(claim.speaker).name if claim.speaker else None) == speaker
    assert t[claim.content[0][0]:claim.content[-1][1]] == content
    assert claim.stance == stance


CASES = [
    # (text, source actor, cue, content, stance, target names)
    ("Sergei Shoigu said that rebels had been attacking civilians in Aleppo.",
     "Sergei Shoigu", "said", "that rebels had been attacking civilians in Aleppo", "asserts", ["rebels"]),
    ("Western governments accused Moscow of indiscriminate targeting of civilians.",
     "the West", "accused", "Moscow of indiscriminate targeting of civilians", "accuses", ["Russia"]),
    ("Vladimir Putin warned that the pause depended on the behaviour of the rebels.",
     "Vladimir Putin", "warned", "that the pause depended on the behaviour of the rebels", "warns", ["rebels"]),
    ("Sergei Shoigu urged the West to decide who they are fighting.",
     "Sergei Shoigu", "urged", "the West to decide who they are fighting", "urges", ["the West"]),
    ("Angela Merkel denied that Germany had broken the agreement.",
     "Angela Merkel", "denied", "that Germany had broken the agreement", "denies", ["Germany"]),
    # the listener is not part of what was said
    ("Angela Merkel told reporters that the deal was still possible.",
     "Angela Merkel", "told", "that the deal was still possible", "asserts", []),
    ("The United Nations claimed the strikes may constitute war crimes.",
     "United Nations", "claimed", "the strikes may constitute war crimes", "asserts", []),
]


@pytest.mark.parametrize("text,source,cue,content,stance,targets", CASES)
def test_reported_speech(text, source, cue, content, stance, targets):
    analysis = analyse_text(text)
    t = analysis.article.text
    assert len(analysis.claims) == 1, [t[c.content[0][0]:c.content[0][1]] for c in analysis.claims]
    claim = analysis.claims[0]
    assert analysis.actor(claim.speaker).name == source
    assert t[claim.cue[0]:claim.cue[1]] == cue
    assert t[claim.content[0][0]:claim.content[-1][1]] == content
    assert claim.stance == stance
    assert [analysis.actor(x).name for x in claim.targets] == targets


def test_allegation_denied_targets_the_accuser():
    analysis = analyse_text("Western governments accused Moscow of targeting civilians, an allegation Russia denies.")
    denial = [c for c in analysis.claims if c.stance == "denies"][0]
    t = analysis.article.text
    assert t[denial.content[0][0]:denial.content[0][1]] == "an allegation"
    assert analysis.actor(denial.speaker).name == "Russia"
    assert [analysis.actor(x).name for x in denial.targets] == ["the West"]


def test_passive_voice_is_not_read_backwards():
    analysis = analyse_text("Sergei Shoigu was accused of lying about the strikes on Aleppo.")
    assert all(analysis.actor(c.speaker).name != "Sergei Shoigu" for c in analysis.claims)


def test_cue_inside_a_quote_is_not_a_claim_by_the_quoted_person():
    analysis = analyse_text("“Everyone said that the war was over,” said Sergei Shoigu.")
    assert analysis.claims == ()


MORE = [
    # what was said first, then who said it
    ("The economy is weak and getting weaker, Angela Merkel said on Monday.",
     "Angela Merkel", "said", "The economy is weak and getting weaker", "asserts"),
    ("The economy is weak and getting weaker, said Angela Merkel.",
     "Angela Merkel", "said", "The economy is weak and getting weaker", "asserts"),
    ("According to Angela Merkel, the economy is weak and getting weaker.",
     "Angela Merkel", "according to", "the economy is weak and getting weaker", "asserts"),
    ("The economy is weak and getting weaker, according to Angela Merkel.",
     "Angela Merkel", "according to", "The economy is weak and getting weaker", "asserts"),
    # a clause opener right after the cue
    ("Ted Cruz said if elected he could work with the party leadership.",
     "Ted Cruz", "said", "if elected he could work with the party leadership", "asserts"),
    # an adverbial between the cue and "that"
    ("Angela Merkel said on Monday that the deal was dead.",
     "Angela Merkel", "said", "that the deal was dead", "asserts"),
    # a relative clause between the source and the cue
    ("Sergei Shoigu, who was addressing officers, warned that the talks had failed.",
     "Sergei Shoigu", "warned", "that the talks had failed", "warns"),
]


@pytest.mark.parametrize("text,source,cue,content,stance", MORE)
def test_more_reported_speech_patterns(text, source, cue, content, stance):
    assert_claim(text, source, cue, content, stance)


@pytest.mark.parametrize("text", [
    "Angela Merkel told reporters as she left the meeting in Berlin.",  # a listener, nothing said
    "I think the deal is bad for everyone involved.",  # the writer's own view
    "Angela Merkel said on Monday.",  # nothing reported
])
def test_no_claim_where_nothing_is_reported(text):
    assert analyse_text(text).claims == ()


def test_generic_source_is_kept_without_a_speaker():
    analysis = analyse_text("A new poll found that most voters want a change.")
    claim = analysis.claims[0]
    t = analysis.article.text
    assert claim.speaker is None and t[claim.source[0]:claim.source[1]] == "A new poll"


def test_transcript_turn_is_the_speaker_talking():
    analysis = analyse_text("WALLACE: Let us start with the news on the debate.\n\nPENCE: Well, look, it is serious business.")
    t = analysis.article.text
    assert [t[c.source[0]:c.source[1]] for c in analysis.claims] == ["WALLACE", "PENCE"]


def test_spokesperson_speaks_for_the_organisation_but_an_aide_does_not():
    spokes = analyse_text("A spokeswoman for Facebook said that the tool was created for emergencies.")
    assert spokes.actor(spokes.claims[0].speaker).name == "Facebook"
    aide = analyse_text("Hillary Clinton visited Ohio. An aide to Hillary Clinton said that the visit went well.")
    claim = aide.claims[0]
    t = aide.article.text
    assert claim.speaker is None and t[claim.source[0]:claim.source[1]] == "An aide to Hillary Clinton"


def test_apposition_with_party_and_state_between_name_and_cue():
    analysis = analyse_text("Rep. Elijah Cummings (D-Md.), chair of the drafting committee, said the platform was ready.")
    assert analysis.actor(analysis.claims[0].speaker).name == "Elijah Cummings"


def test_said_after_the_content_is_not_read_as_an_apposition():
    # BBC tech/013: ", said Ms Deans" must not hand the claim to "the UK" before the comma
    analysis = analyse_text("Fiona Deans runs the network. Digital prints cost less across the UK, giving "
                            "distributors more flexibility, said Ms Deans.")
    claim = analysis.claims[0]
    assert analysis.actor(claim.speaker).name == "Fiona Deans"


def test_person_of_place_speaks_and_participles_that_describe_are_not_cues():
    kasich = analyse_text("Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the Khan family deserved better.")
    assert [kasich.actor(c.speaker).name for c in kasich.claims] == ["John Kasich"]
    polls = analyse_text("Early polls show voters in the area rejecting Mr. Trump.")
    t = polls.article.text
    assert [t[c.cue[0]:c.cue[1]] for c in polls.claims] == ["show"]


# Patterns found missing on PolNeAR train: (text, source actor, cue, content, stance).
PATTERNS = [
    # an adverb between the source and the cue
    ("Donald Trump has repeatedly claimed that the election was rigged against him.",
     "Donald Trump", "claimed", "that the election was rigged against him", "asserts"),
    # a progressive cue
    ("Bernie Sanders is suggesting he beat expectations in Iowa.",
     "Bernie Sanders", "suggesting", "he beat expectations in Iowa", "asserts"),
    # "called for" and "called on": what is urged follows the particle
    ("Hillary Clinton called for a ban on assault weapons across the country.",
     "Hillary Clinton", "called", "a ban on assault weapons across the country", "urges"),
    ("Bernie Sanders called on Rick Snyder to resign over the crisis.",
     "Bernie Sanders", "called", "Rick Snyder to resign over the crisis", "urges"),
    # several appositions, a long relative clause, an apposition that is the name
    ("Marley Anderson, 21, a junior from Las Vegas, said she turned out to support Bernie Sanders.",
     "Marley Anderson", "said", "she turned out to support Bernie Sanders", "asserts"),
    ("Oliver K. Hedge, who appraises golf course properties for the real estate brokerage firm Cushman & Wakefield, "
     "said the golf industry had made great strides.",
     "Oliver K. Hedge", "said", "the golf industry had made great strides", "asserts"),
    ("One of the authors of that report, Ari Fleischer, said the nomination will test their conclusions.",
     "Ari Fleischer", "said", "the nomination will test their conclusions", "asserts"),
    # a verb phrase joined to the subject's first one, after a dateline
    ("ORLANDO, Fla. (Reuters) - President Barack Obama met survivors of the massacre on Thursday and said the United States must act.",
     "Barack Obama", "said", "the United States must act", "asserts"),
    ("Donald Trump had initially welcomed the election result and said he would make an exception.",
     "Donald Trump", "said", "he would make an exception", "asserts"),
    # the first verb may itself report, or take quoted words, when no other verb stands before "and said"
    ("Joe Wilson praised Marco Rubio’s positions on national defense and said the senator can bring change.",
     "Joe Wilson", "said", "the senator can bring change", "asserts"),
    ("Lindsey Graham called both candidates “crazy” and said the party is bound to lose.",
     "Lindsey Graham", "said", "the party is bound to lose", "asserts"),
    # a listener and where, then "that"; a time word after the cue; an adverb before it
    ("Michael Mukasey told delegates at the Republican National Convention that the email server should disqualify her.",
     "Michael Mukasey", "told", "that the email server should disqualify her", "asserts"),
    ("Ted Cruz said Tuesday he would win the state.", "Ted Cruz", "said", "he would win the state", "asserts"),
    ("Ashton Carter however said he would welcome China’s participation.",
     "Ashton Carter", "said", "he would welcome China’s participation", "asserts"),
    # a long source after "according to"
    ("According to early results of exit polls conducted by Edison Research for the Associated Press and television "
     "networks, voters are more likely to describe Sanders as honest.",
     None, "according to", "voters are more likely to describe Sanders as honest", "asserts"),
    # quoted words the sentence goes on after: part of the reported statement
    ("Bernie Sanders says “the wind is at our backs” despite his loss to Hillary Clinton in Nevada.",
     "Bernie Sanders", "says", "“the wind is at our backs” despite his loss to Hillary Clinton in Nevada", "asserts"),
    # a belief verb the tagger reads as a noun after a plural
    ("Democratic Party leaders hope that Bernie Sanders will tone down his attacks.",
     None, "hope", "that Bernie Sanders will tone down his attacks", "asserts"),
    # a participle after the attribution of a quote reports what follows it, not the cue before it
    ("“We will win,” Donald Trump said, adding that Bernie Sanders is the most trustworthy candidate.",
     "Donald Trump", "adding", "that Bernie Sanders is the most trustworthy candidate", "asserts"),
    ("“We will win,” Donald Trump said, warning that the party could split.",
     "Donald Trump", "warning", "that the party could split", "warns"),
    ("“He is a disaster,” Donald Trump said, referring to the governor of Ohio.",
     "Donald Trump", "referring", "the governor of Ohio", "asserts"),
]


@pytest.mark.parametrize("text,source,cue,content,stance", PATTERNS)
def test_patterns_from_polnear(text, source, cue, content, stance):
    assert_claim(text, source, cue, content, stance)


@pytest.mark.parametrize("text", [
    "Hillary Clinton has never said she would support the plan.",
    "Muhammad Ali didn’t say that the war was right.",
    "Barack Obama hasn't said whether he will veto the bill.",
])
def test_negated_report_is_no_claim(text):
    assert analyse_text(text).claims == ()


@pytest.mark.parametrize("text,source", [
    ("Many fear Donald Trump will feed insecurity in nations worried about China.", "Many"),
    ("Most believe that both the economy and their own lives have improved.", "Most"),
])
def test_unnamed_groups_believe(text, source):
    analysis = analyse_text(text)
    t = analysis.article.text
    (claim,) = analysis.claims
    assert claim.speaker is None and t[claim.source[0]:claim.source[1]] == source


@pytest.mark.parametrize("text", [
    # supporters and aides of a person are not that person
    "Marco Rubio spoke. Marco Rubio’s supporters say that he will win the state.",
    "Bernie Sanders spoke. Sanders aides said that the campaign would go on.",
])
def test_people_around_a_named_person_are_not_that_person(text):
    assert [c.speaker for c in analyse_text(text).claims] == [None]


def test_calling_someone_names_is_no_demand():
    # 'called X "crazy"' was published as urging
    analysis = analyse_text("Lindsey Graham called both Donald Trump and Hillary Clinton “crazy” on Monday.")
    assert [c.stance for c in analysis.claims] == ["asserts"]


@pytest.mark.parametrize("text,source", [
    # a place in the apposition is where the speaker is from, not the speaker
    ("Christopher Harvey, an African-American delegate from Houston, Texas, said the turmoil was part of the circus.",
     "Christopher Harvey"),
    # an organisation the relative clause hangs on is the speaker's employer
    ("But Murshed Zaheed, political director of the United Nations, which organized the letter, said the response was weak.",
     "Murshed Zaheed"),
])
def test_apposition_regressions(text, source):
    analysis = analyse_text(text)
    assert [analysis.actor(c.speaker).name for c in analysis.claims] == [source]


def test_saying_after_a_subject_that_names_nobody_keeps_the_noun_phrase():
    analysis = analyse_text("The departments declined to provide any documentation, saying they cannot discuss the case.")
    (claim,) = analysis.claims
    t = analysis.article.text
    assert claim.speaker is None and t[claim.source[0]:claim.source[1]] == "The departments"


def test_joined_verb_phrase_after_a_clause_with_its_own_subject_is_no_claim():
    # "who Cameron would like": the subject of "said" is not clear from the sentence shape
    text = "The spokesman refused to answer questions on who Cameron would like to see win but said there was no meeting planned."
    assert analyse_text(text).claims == ()


def test_pronoun_after_an_apposition_with_her_is_not_read_as_female():
    # "Sanders, her rival" made Sanders female, so "He" went to Obama; "Bernie" is also female in
    # worldwide name statistics but male in the US ones
    analysis = analyse_text("Barack Obama spoke on Monday. Hillary Clinton spoke next. Bernie Sanders, her rival for "
                            "the nomination, drew cheers. He shook hands and said the caucus would go well.")
    assert [analysis.actor(c.speaker).name for c in analysis.claims] == ["Bernie Sanders"]


# What was said first, then who said it, with more after the attribution: (text, source, content).
SAID_AFTER = [
    ("The government has agreed to host up to 200 people, officials said Tuesday.",
     "officials", "The government has agreed to host up to 200 people"),
    ("People should provide evidence for their accusations, Angela Merkel told reporters.",
     "Angela Merkel", "People should provide evidence for their accusations"),
    ("But that is not good enough, said Howard Rubel, a senior analyst at Jefferies.",
     "Howard Rubel", "But that is not good enough"),
    ("A strong showing could finally show the extent of his appeal, veteran Republicans said.",
     "Republicans", "A strong showing could finally show the extent of his appeal"),
    ("To win, candidates need about 40 percent of the Hispanic vote, political analysts say; in 2012, Mitt Romney stumbled.",
     "political analysts", "To win, candidates need about 40 percent of the Hispanic vote"),
    ("Trump’s excesses are sickening, Francois Hollande said Tuesday in Paris, noting the nominee makes you retch.",
     "Francois Hollande", "Trump’s excesses are sickening"),
]


@pytest.mark.parametrize("text,source,content", SAID_AFTER)
def test_content_before_the_attribution(text, source, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    claim = analysis.claims[0]
    assert t[claim.source[0]:claim.source[1]] == source
    assert t[claim.content[0][0]:claim.content[-1][1]] == content


@pytest.mark.parametrize("text", [
    # "a spokesman" is someone new, not the spokesman named before
    "Angela Merkel has a spokesman, Steffen Seibert. The deal is off, a school spokesman said.",
    # an official of a town's airport does not speak for the town
    "Shoukair was kind and responsible, a Cairo airport official said.",
])
def test_indefinite_roles_name_nobody(text):
    assert [c.speaker for c in analyse_text(text).claims] == [None]


def test_called_on_is_not_read_as_a_time_phrase():
    analysis = analyse_text("In a scathing opinion piece, The Wall Street Journal called on Donald Trump to drop out.")
    t = analysis.article.text
    assert [t[c.content[0][0]:c.content[0][1]] for c in analysis.claims] == ["Donald Trump to drop out"]


def test_attribution_inside_the_sentence_gives_content_on_both_sides():
    analysis = analyse_text("At one point, Hillary Clinton said, she was considering supporting Donald Trump.")
    t = analysis.article.text
    (claim,) = analysis.claims
    assert [t[s:e] for s, e in claim.content] == ["At one point", "she was considering supporting Donald Trump"]


def test_content_stops_before_a_second_report():
    analysis = analyse_text("Jeb Bush praised Marco Rubio’s positions on national defense and said the senator can bring change.")
    t = analysis.article.text
    praised = next(c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == "praised")
    assert t[praised.content[0][0]:praised.content[-1][1]] == "Marco Rubio’s positions on national defense"


@pytest.mark.parametrize("text,content", [
    # ", but she said ...": a second report with a subject of its own ends the first one's content
    ("Angela Merkel said the talks had stalled, but she said a deal was still possible.", "the talks had stalled"),
    ("Angela Merkel said the talks had stalled, and Emmanuel Macron said a deal was still possible.",
     "the talks had stalled"),
    # ... also after a quoted phrase's closing comma
    ("Angela Merkel called the plan “a costly mistake,” and she added that a deal was still possible.",
     "the plan “a costly mistake,”"),
])
def test_content_stops_before_a_second_report_with_its_own_subject(text, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    first = min(analysis.claims, key=lambda c: c.cue[0])
    assert t[first.content[0][0]:first.content[-1][1]] == content
    assert len(analysis.claims) == 2


@pytest.mark.parametrize("text,content", [
    # ", noting that ...": a participle that reports another statement ends the content, also after a
    # quoted phrase's closing comma
    ("Angela Merkel said the talks had stalled, noting that the summit was cut short.", "the talks had stalled"),
    ("Angela Merkel said the plan was “a costly mistake,” arguing that it would raise prices.",
     "the plan was “a costly mistake,”"),
])
def test_content_stops_before_a_reporting_participle(text, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    first = min(analysis.claims, key=lambda c: c.cue[0])
    assert t[first.content[0][0]:first.content[-1][1]] == content


def test_told_a_crowd_somewhere_reports_nothing_more():
    analysis = analyse_text("“The campaign goes on,” John Kasich told a crowd in Berea, Ohio on Tuesday night.")
    assert analysis.claims == () and len(analysis.quotes) == 1


def test_a_participle_after_said_is_not_what_was_said():
    # '"...," he said, adding that ...' was published as a claim whose content began "adding that"
    analysis = analyse_text("“We will win,” Donald Trump said, adding that the party would unite behind him.")
    t = analysis.article.text
    assert [t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims] == ["that the party would unite behind him"]


@pytest.mark.parametrize("text,content", [
    # an abbreviation ends the sentence when a word that opens sentences follows it
    ("Hillary Clinton said the email came after a ban on Muslims entering the U.S. The proposal drew criticism.",
     "the email came after a ban on Muslims entering the U.S"),
    ("Ted Cruz said he would campaign in Washington, D.C. He left on Monday.", "he would campaign in Washington, D.C"),
])
def test_content_stops_at_the_sentence_after_an_abbreviation(text, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    (claim,) = analysis.claims
    assert t[claim.content[0][0]:claim.content[-1][1]].rstrip(".") == content


def test_an_abbreviation_before_a_name_does_not_end_the_sentence():
    analysis = analyse_text("The U.S. Senate leader Mitch McConnell said the vote would wait until after the election.")
    (claim,) = analysis.claims
    assert analysis.actor(claim.speaker).name == "Mitch McConnell"


def test_and_said_after_a_reported_clause_is_not_given_to_the_first_subject():
    # the second "said" belongs to Clinton, who met the survivors; the rule must not reach back to Obama
    analysis = analyse_text("Barack Obama said Hillary Clinton met survivors and said the country must act.")
    t = analysis.article.text
    for claim in analysis.claims:
        if t[claim.content[0][0]:claim.content[-1][1]] == "the country must act":
            assert claim.speaker != "barack-obama"


def test_a_crowd_opening_a_sentence_is_not_a_person_and_takes_no_pronoun():
    # regressions: "Pollsters" before "say" was read as a person's name, "Reagan Democrats" as one
    # person, and a later "He said" went to them
    analysis = analyse_text('Pollsters say the race will turn on "Reagan Democrats" in Ohio. '
                            'He said the state was close, Senator John Smith said.')
    kinds = {a.name: a.kind for a in analysis.actors}
    assert "Pollsters" not in kinds and kinds.get("Reagan Democrats") == "group"
    speakers = {analysis.article.text[c.content[0][0]:c.content[0][1]][:10]: c.speaker for c in analysis.claims}
    assert all(s not in ("pollsters", "reagan-democrats") for s in speakers.values()), speakers
    assert analysis.claims[0].speaker is None and analysis.article.text[slice(*analysis.claims[0].source)] == "Pollsters"


BELIEFS = [
    # (text, speaker, cue, content, stance): beliefs, hopes and wishes are reported as what the source holds
    ("Economists believe this provides an incentive for employers to insure workers.",
     None, "believe", "this provides an incentive for employers to insure workers", "asserts"),
    ("Marco Rubio wants to emerge as the go-to candidate for mainstream Republicans.",
     "Marco Rubio", "wants", "to emerge as the go-to candidate for mainstream Republicans", "asserts"),
    ("Hillary Clinton wanted voters to know that she is with them.",
     "Hillary Clinton", "wanted", "voters to know that she is with them", "asserts"),
    ("Donald Trump thinks that the wall will be built.",
     "Donald Trump", "thinks", "that the wall will be built", "asserts"),
    # "this week" after the cue is when, not what was said
    ("Ted Cruz said this week that he would stay in the race.",
     "Ted Cruz", "said", "that he would stay in the race", "asserts"),
]


@pytest.mark.parametrize("text,speaker,cue,content,stance", BELIEFS)
def test_beliefs_and_wishes(text, speaker, cue, content, stance):
    assert_claim(text, speaker, cue, content, stance)


NOUN_CUES = [
    # (text, speaker, cue, content, stance): a noun names the statement, its possessor is the source
    ("Hillary Clinton's claim that Donald Trump appears in recruiting videos was repeated on Sunday.",
     "Hillary Clinton", "claim", "that Donald Trump appears in recruiting videos", "asserts"),
    ("Donald Trump repeated his promise to build a wall between the United States and Mexico.",
     "Donald Trump", "promise", "to build a wall between the United States and Mexico", "asserts"),
    ("Donald Trump's recent call for a ban on Muslims drew fire from both parties.",
     "Donald Trump", "call", "a ban on Muslims", "urges"),
    ("The suggestion by Marco Rubio that Donald Trump is a con man was new.",
     "Marco Rubio", "suggestion", "that Donald Trump is a con man", "asserts"),
    ("The Kremlin's accusation that the West had armed the rebels surprised nobody.",
     "Kremlin", "accusation", "that the West had armed the rebels", "accuses"),
]


@pytest.mark.parametrize("text,speaker,cue,content,stance", NOUN_CUES)
def test_noun_cues(text, speaker, cue, content, stance):
    assert_claim(text, speaker, cue, content, stance)


@pytest.mark.parametrize("text", [
    # "his" after "him": the comments are the other man's, not the subject's (was given to Ted Cruz)
    "Ted Cruz was hard on Donald Trump, challenging him over his comments that he would be a neutral guy.",
    # "his" after another man named in the sentence: unclear whose call it is (was given to Putin)
    "Donald Trump spoke. The senator went on TV about his praise of Vladimir Putin and his call for a ban on Muslims.",
    # "their" after a crowd: not the organisation named earlier (was given to the union)
    "The Service Employees International Union met. Leaders were anxious. Their fear that Donald Trump could win is real.",
])
def test_possessive_pronoun_is_unattributed_when_unclear(text):
    analysis = analyse_text(text)
    t = analysis.article.text
    claims = [c for c in analysis.claims if t[c.cue[0]:c.cue[1]] in ("comments", "call", "fear")]
    assert claims and all(c.speaker is None for c in claims)


def test_possessive_speaker_is_not_named_in_the_content():
    analysis = analyse_text("Merrick Garland waited while Mitch McConnell kept up his refusal to give hearings to Garland.")
    t = analysis.article.text
    (claim,) = [c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == "refusal"]
    assert claim.speaker is None or analysis.actor(claim.speaker).name != "Merrick Garland"


BODY = "Newt Gingrich spoke on Fox. Bernie Sanders and Hillary Clinton spoke too. Felipe Calderon spoke last."
HEADLINES = [
    # (headline, speaker, source words, cue, content, stance)
    ("Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.",
     "Newt Gingrich", "Gingrich", ":", "Trump Must Decide If He Wants a Two-Pirate Ticket", "asserts"),
    ("Bernie Sanders Says He’s Already Started Writing His Inaugural Address",
     "Bernie Sanders", "Bernie Sanders", "Says", "He’s Already Started Writing His Inaugural Address", "asserts"),
    ("Hillary Clinton calls on U.S. to lead the fight against Islamic State.",
     "Hillary Clinton", "Hillary Clinton", "calls", "U.S. to lead the fight against Islamic State", "urges"),
    ("The Latest: Hillary Clinton tells voters she’s with them.",
     "Hillary Clinton", "Hillary Clinton", "tells", "voters she’s with them", "asserts"),
    # a source that names no actor of the article is kept without a speaker
    ("Newspaper: Defense secretary used personal email at Pentagon.",
     None, "Newspaper", ":", "Defense secretary used personal email at Pentagon", "asserts"),
]


@pytest.mark.parametrize("title,speaker,source,cue,content,stance", HEADLINES)
def test_headline_claims(title, speaker, source, cue, content, stance):
    analysis = analyse_text(BODY, title=title)
    t = analysis.article.text
    (claim,) = [c for c in analysis.claims if c.content[0][0] < len(title)]
    assert (analysis.actor(claim.speaker).name if claim.speaker else None) == speaker
    assert t[claim.source[0]:claim.source[1]] == source
    assert t[claim.cue[0]:claim.cue[1]] == cue
    assert t[claim.content[0][0]:claim.content[-1][1]] == content
    assert claim.stance == stance


@pytest.mark.parametrize("title,not_speaker", [
    # the name before the colon is the object of a headline verb, not the source (was given to Cruz)
    ("Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By Donald Trump", "Ted Cruz"),
    # two sources, or a role with no name: nobody in particular (was given to one of them / to Trump)
    ("Netanyahu and Obama: A tortured relationship.", "Barack Obama"),
    ("CNN President On Trump: ‘We Do Not Pay Candidates To Appear At Debates.’", "Donald Trump"),
    ("Big Win For Bernie: AFL-CIO Holds Off On Presidential Endorsement.", "Bernie Sanders"),
])
def test_headline_source_is_not_guessed(title, not_speaker):
    body = "Ted Cruz and Carly Fiorina spoke. Barack Obama and Benjamin Netanyahu met. Donald Trump and Bernie Sanders spoke."
    analysis = analyse_text(body, title=title)
    speakers = {analysis.actor(c.speaker).name for c in analysis.claims if c.speaker and c.content[0][0] < len(title)}
    assert not_speaker not in speakers


@pytest.mark.parametrize("title", ["The Latest: Sanders wins Minnesota Democratic caucuses.",
                                   "How Donald Trump Could Become President.", "Breitbart News Daily: A World at War."])
def test_headlines_that_report_nothing(title):
    analysis = analyse_text(BODY, title=title)
    assert [c for c in analysis.claims if c.content[0][0] < len(title)] == []


def test_a_headline_claim_is_anchored_in_the_article_text():
    from generator.render import text_html

    analysis = analyse_text(BODY, title="Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.")
    n = next(i for i, c in enumerate(analysis.claims, 1) if c.content[0][0] < 70)
    html = str(text_html(analysis))
    assert f'id="claim-{n}"' in html and "Two-Pirate Ticket" in html


SUPPORT_AND_NAMING = [
    # (text, speaker, cue, content, stance): support and opposition, and calling someone something
    ("Morton Blackwell, founder of the Leadership Institute, endorsed Ted Cruz last week.",
     "Morton Blackwell", "endorsed", "Ted Cruz last week", "asserts"),
    ("Bernie Sanders opposed the trade pact with Asian nations.",
     "Bernie Sanders", "opposed", "the trade pact with Asian nations", "asserts"),
    ("Bernie Sanders called him divisive.", "Bernie Sanders", "called", "him divisive", "asserts"),
    ("Hillary Clinton called it a great example of how things had gone wrong.",
     "Hillary Clinton", "called", "it a great example of how things had gone wrong", "asserts"),
]


@pytest.mark.parametrize("text,speaker,cue,content,stance", SUPPORT_AND_NAMING)
def test_support_and_naming(text, speaker, cue, content, stance):
    assert_claim(text, speaker, cue, content, stance)


@pytest.mark.parametrize("text", ["Donald Trump called him on Monday.", "When asked whom she supported, Ms. Sherry smiled."])
def test_calling_and_backing_with_nothing_said(text):
    assert analyse_text(text).claims == ()


def test_who_after_a_person_of_a_place_is_the_person():
    # was given to New York
    analysis = analyse_text("The race is open, said Representative Peter T. King of New York, who endorsed Marco Rubio on Tuesday.")
    t = analysis.article.text
    (claim,) = [c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == "endorsed"]
    assert analysis.actor(claim.speaker).name == "Peter T. King"


def test_they_is_not_read_as_an_institution():
    # the authors of a study were given to the University of California
    analysis = analyse_text("Economists at the University of California studied trade. "
                            "The presumed adjustment, they concluded, never happened in most towns.")
    assert [c.speaker for c in analysis.claims] == [None]


@pytest.mark.parametrize("text", [
    # a wish or a stance in the sentence before does not make the next quote that person's (was given to Trump)
    "Donald Trump spoke. Many Republicans see Donald Trump's call for a ban on Muslims as reminiscent of the past.\n\n"
    "“These are the darkest days for Republican Jews like myself,” a former speechwriter wrote this month.",
    # (was given to Chris Christie)
    "Chris Christie endorsed Donald Trump last week. “My God what have I done?”",
])
def test_quote_after_a_stance_is_not_that_persons(text):
    analysis = analyse_text(text)
    assert [q.speaker for q in analysis.quotes] == [None]


def test_headline_claim_does_not_attribute_the_first_quote():
    analysis = analyse_text("“We will win the nomination.”\n\nThe party met in Ohio. Newt Gingrich was there.",
                            title="Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.")
    assert any(c.speaker for c in analysis.claims)
    assert [q.speaker for q in analysis.quotes] == [None]


def test_a_name_that_speaks_is_a_person_all_through_the_article():
    # regression: "Clinton won in Ohio" made a place called Clinton beside the person who spoke
    analysis = analyse_text("Clinton won in Ohio on Tuesday. Clinton said the result was a good one for the party.")
    assert sorted((a.name, a.kind) for a in analysis.actors) == [("Clinton", "person"), ("Ohio", "place")]
    # ... and a town that nobody quotes stays a town
    town = analyse_text("The plant is in Clinton, Iowa. The mayor said the plant would stay open.")
    assert ("Clinton", "place") in {(a.name, a.kind) for a in town.actors}


@pytest.mark.parametrize("text,cue,speaker,content", [
    # the opening clause's claim ran on into the main clause: Clinton was given the experts' words
    ("While Hillary Clinton wrongly claimed that the videos exist, foreign policy experts affirm that Trump will be used.",
     "claimed", "Hillary Clinton", "that the videos exist"),
    ("Though, as a senator, Tim Kaine has opposed defunding Planned Parenthood, he signed a bill in 2009.",
     "opposed", "Tim Kaine", "defunding Planned Parenthood"),
    # a relative clause between commas: what Barkley said in it ends at its comma
    ("Charles Barkley, who said he typically votes Democratic, said one candidate he likes is John Kasich.",
     "said", "Charles Barkley", "he typically votes Democratic"),
])
def test_a_claim_in_a_side_clause_ends_with_the_clause(text, cue, speaker, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    claim = next(c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == cue)
    assert analysis.actor(claim.speaker).name == speaker
    assert t[claim.content[0][0]:claim.content[-1][1]] == content


@pytest.mark.parametrize("text", [
    # "they" is the 4 in 10 who say it, not the Democrats named before (was given to the Democrats)
    "Democrats met in Philadelphia. About 4 in 10 say they want the next president to have more liberal policies.",
    "Reuters ran the poll. Those over 60 say they feel that way by two to one.",
])
def test_a_pronoun_inside_an_unnamed_report_is_unattributed(text):
    analysis = analyse_text(text)
    t = analysis.article.text
    attributed = [t[c.source[0]:c.source[1]] for c in analysis.claims if c.speaker]
    assert attributed == [], attributed


@pytest.mark.parametrize("text,speaker", [
    # the people in a place speak, not the place (was given to Cleveland and to Fort Pierce)
    ("Protest organizers in Cleveland say the restrictions are less for safety than for show.", None),
    ("People in Fort Pierce said the mosque had been quiet for years.", None),
    # ... but a government speaks for its country
    ("The government in Beijing acknowledged the public health costs of coal.", "Beijing"),
])
def test_a_place_after_in_does_not_speak_for_the_people_there(text, speaker):
    analysis = analyse_text(text)
    (claim,) = analysis.claims
    actor = analysis.actor(claim.speaker)
    assert (actor.name if actor else None) == speaker


def test_an_opening_participle_is_not_a_person():
    # "Having" was read as a person who announced something
    analysis = analyse_text("I was happy. Having announced that he would not send me to prison, Judge Berman proceeded to hand down his sentence.")
    assert "Having" not in [a.name for a in analysis.actors]
    assert all(c.speaker != "having" for c in analysis.claims)


def test_a_cue_before_a_dash_reports_nothing_after_it():
    # "but Moscow denies — ...": what Moscow denies came before the cue; the quote after the dash was
    # published as Moscow's claim
    analysis = analyse_text("Russia is behind the attacks, as many researchers believe, but Moscow strongly denies "
                            "— “why would you not raise the possibility?” asked Anita Dunn.")
    t = analysis.article.text
    assert not any("why would you" in t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims)


def test_a_place_opening_a_paragraph_with_a_colon_is_not_a_speaker_turn():
    analysis = analyse_text("Polls opened on Monday.\n\nIowa: Clinton leads by five points in the latest poll there.")
    assert not any(c.cue and analysis.article.text[c.cue[0]:c.cue[1]] == ":" for c in analysis.claims)


def test_a_transcript_turn_ends_where_the_next_speaker_begins():
    analysis = analyse_text('Jeb Bush and Hillary Clinton reject the term.\n\nClinton: "Our goal is not to deter or '
                            'contain ISIS, but to defeat it." Bush: "The mission is to destroy ISIS, not to contain it."')
    t = analysis.article.text
    (turn,) = [c for c in analysis.claims if c.cue and t[c.cue[0]:c.cue[1]] == ":"]
    assert "Bush" not in t[turn.content[0][0]:turn.content[-1][1]]


@pytest.mark.parametrize("text,speaker,content", [
    # the reported clause runs into a quote whose first sentence ends inside it: the claim ran to the
    # quote's first full stop and the rest was published again as a quote of its own
    ("Angela Merkel said that the new rules “are a first step. They will not be the last one.”",
     "Angela Merkel", "that the new rules “are a first step. They will not be the last one.”"),
    # ... or whose words hold a dash the clause would stop at
    ("Ben Carson said the budget was a failure “by any measure — cost, access and quality.”",
     "Ben Carson", "the budget was a failure “by any measure — cost, access and quality.”"),
])
def test_a_reported_clause_runs_to_the_end_of_the_quote_it_opens(text, speaker, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    (claim,) = analysis.claims
    assert analysis.actor(claim.speaker).name == speaker
    assert t[claim.content[0][0]:claim.content[-1][1]] == content
    assert analysis.quotes == ()


def test_a_reported_clause_does_not_take_a_quote_with_its_own_attribution():
    # the quote after the colon has an attribution of its own: it stays a quote, the claim does not take it
    analysis = analyse_text("But Ben Carson said he was too busy to look for evidence: “I have a lot going on. "
                            "I just do not have the time,” he wrote.")
    t = analysis.article.text
    for claim in analysis.claims:
        assert "the time" not in t[claim.content[0][0]:claim.content[-1][1]]
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Ben Carson"


@pytest.mark.parametrize("text,speaker,cue,parts", [
    # a clause in the writer's words runs into the quoted words, then the attribution: one statement,
    # the clause with the quote (the quote alone was published, the clause's subject lost)
    ("The new rules are “only a first step,” Angela Merkel said.", "Angela Merkel", "said",
     ["The new rules are “only a first step,”"]),
    ("Germany should expand its army “as quickly as possible,” said Angela Merkel, the chancellor.",
     "Angela Merkel", "said", ["Germany should expand its army “as quickly as possible,”"]),
    # ... and the quote that goes on after the same attribution is part of it
    ("Yet the new rules are “only a first step,” Angela Merkel said. “Others must follow them soon.”",
     "Angela Merkel", "said", ["Yet the new rules are “only a first step,”", "“Others must follow them soon.”"]),
])
def test_a_clause_that_runs_into_a_quote_before_its_attribution_is_one_claim(text, speaker, cue, parts):
    analysis = analyse_text(text)
    t = analysis.article.text
    (claim,) = analysis.claims
    assert analysis.actor(claim.speaker).name == speaker
    assert t[claim.cue[0]:claim.cue[1]] == cue
    assert [t[s:e] for s, e in claim.content] == parts
    assert analysis.quotes == ()


def test_a_sentence_that_opens_with_its_quote_stays_a_quote():
    analysis = analyse_text("“The new rules are only a first step,” Angela Merkel said.")
    assert analysis.claims == ()
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Angela Merkel"


def test_markup_before_a_quote_is_not_a_clause_that_runs_into_it():
    # the sentence splitter leaves markup before the quote: no clause of words, the quote stays a quote
    analysis = analyse_text("note | a | b | `code` “We will win this war,” said Angela Merkel.")
    assert analysis.claims == ()
    (quote,) = analysis.quotes
    assert analysis.actor(quote.speaker).name == "Angela Merkel"


@pytest.mark.parametrize("text,speaker", [
    # whoever is told is not the source: this went to The Huffington Post
    ("Bernie Sanders will stay in the race until the convention, his top aide, Tad Devine, told The Huffington Post.",
     "Tad Devine"),
    # a dateline's place is not the subject of "..., saying": these went to Paris and Washington
    ("WASHINGTON — Sen. Bernie Sanders defended his call to raise the minimum wage, saying the gains would outweigh "
     "the losses.", "Bernie Sanders"),
    ("PARIS, Aug 31 (Reuters) - France’s far-right leader, Marine Le Pen, voiced support for Donald Trump on "
     "Wednesday, saying his rival would bring war to the world.", None),
    # a town or a state says nothing: this went to South Carolina
    ("Stacy Baker of Columbia, South Carolina says she really thinks Ted Cruz can win the state.", None),
])
def test_who_is_told_a_dateline_or_a_town_is_not_the_source(text, speaker):
    analysis = analyse_text(text)
    assert analysis.claims or speaker is None
    for claim in analysis.claims:
        assert (analysis.actor(claim.speaker).name if claim.speaker else None) == speaker


@pytest.mark.parametrize("text,wrong", [
    # "..., X said, adding that ...": X adds it, not the sentence's subject (went to Washington)
    ("Washington did not complain when China's spending helped global growth, a Chinese official said, adding that "
     "the impact of closing factories was hard to estimate.", "Washington"),
    # the one spoken with is not the source (went to The Huffington Post)
    ("Current and former officials who spoke with The Huffington Post said the organization has become a shell of itself.",
     "Huffington Post"),
    # the apposition names the newspaper, not the speaker (went to L'Osservatore Romano)
    ("Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, L'Osservatore Romano, said every "
     "pope was both religious and political.", "L'Osservatore Romano"),
    # the one a pastor supports is not the pastor (went to Ted Cruz)
    ("Ted Cruz leads in Iowa. One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said "
     "he had made more than 150 phone calls to other pastors.", "Ted Cruz"),
])
def test_an_object_or_an_apposed_thing_is_not_the_source(text, wrong):
    analysis = analyse_text(text)
    assert all((analysis.actor(c.speaker).name if c.speaker else None) != wrong for c in analysis.claims)


def test_an_apposed_person_after_an_editor_is_the_source():
    analysis = analyse_text("Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, "
                            "L'Osservatore Romano, said every pope was both religious and political.")
    (claim,) = analysis.claims
    assert analysis.actor(claim.speaker).name == "Giovanni Maria Vian"


@pytest.mark.parametrize("text", [
    "At a rally in Beaumont, Mr. Trump was just as blunt, claiming without any evidence that President Obama wanted "
    "to take in 250,000 Syrian refugees.",
    "Donald Trump never cited a source for his claim in November that Barack Obama wants to take in as many as "
    "250,000 Syrian refugees.",
])
def test_what_someone_else_reports_is_not_the_inner_subjects_claim(text):
    # published as Obama's own claim ("wanted to take in 250,000 refugees"): it is Trump's allegation
    analysis = analyse_text(text)
    assert all(analysis.actor(c.speaker).name != "Barack Obama" for c in analysis.claims if c.speaker)


@pytest.mark.parametrize("text,not_speaker", [
    # "he" is not the person his own statement names: these went to Tony Blair and Hillary Clinton
    ("Mr Blair said the families deserved an apology.\n\nOne of the Guildford Four, Gerry Conlon - who was wrongly "
     "convicted - said the families were delighted. He said Mr Blair had spoken with \"such sincerity\", adding: "
     "\"He went beyond what we thought he would.\"", "Blair"),
    ("Hillary Clinton put Bernie Sanders on the defensive through much of the debate, but a hoarse-voiced Sanders got "
     "in digs. He accused Clinton of being too cozy with Wall Street.", "Hillary Clinton"),
])
def test_a_pronoun_source_is_not_someone_its_statement_names(text, not_speaker):
    analysis = analyse_text(text)
    t = analysis.article.text
    pronoun_sourced = [c for c in analysis.claims if c.source and t[c.source[0]:c.source[1]].lower() == "he"]
    assert pronoun_sourced
    for item in (*pronoun_sourced, *analysis.quotes):
        assert item.speaker is None or analysis.actor(item.speaker).name != not_speaker


@pytest.mark.parametrize("text", [
    # a plot, a list of things, a difficulty and a trend, published as what a film, a "DJ", Vodafone and a
    # festival said
    "Sideways tells the story of two men who take a road trip through the wine country.",
    "The two presenters are taking over the chart show, adding showbiz news, celebrity interviews and banter.",
    "Vodafone has found it difficult to satisfy Japan's technologically demanding mobile users.",
    "Now in its twenty-first year, the Sundance festival continues to grow.",
])
def test_a_cue_word_used_for_something_else_reports_nothing(text):
    assert analyse_text(text).claims == ()


@pytest.mark.parametrize("text,content", [
    ("Corey Lewandowski continued to insist that he never made contact with the reporter.",
     "that he never made contact with the reporter"),
    ("Donald Trump said the plan would fail, adding that costs had doubled.", "that costs had doubled"),
    ("Angela Merkel added the plan would fail within a year.", "the plan would fail within a year"),
])
def test_the_same_cue_words_still_report_statements(text, content):
    t = (analysis := analyse_text(text)).article.text
    assert content in [t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims]


def test_a_place_after_a_place_in_an_apposition_is_not_the_speaker():
    # 'from Hartpury, Gloucestershire, said': went to Gloucestershire (typed a person)
    analysis = analyse_text("One of the men, David Redvers, 34, from Hartpury, Gloucestershire, said he and the "
                            "other seven protesters would plead not guilty.")
    (claim,) = analysis.claims
    assert analysis.actor(claim.speaker).name == "David Redvers"


def test_claiming_a_prize_is_not_a_statement():
    # "Jake White claimed the coaching award": won it, said nothing (a fresh hand audit found it published)
    assert analyse_text("South Africa's Jake White claimed the coaching award at the ceremony in London.").claims == ()
    claims = analyse_text("Jake White claimed the referee had been unfair to his side.").claims
    assert len(claims) == 1


@pytest.mark.parametrize("text", [
    # what a player did, read as what they found or showed (a fresh hand audit found these published)
    "Feliciano Lopez showed glimpses of resolve early in the second set when he held his first service game.",
    "Newcastle failed to make them count until Joe Shaw found Dave Walder on the wing.",
    "The veteran Conchita Martinez found herself in trouble early on against Vinci.",
])
def test_a_person_s_deeds_are_not_findings(text):
    assert analyse_text(text).claims == ()


@pytest.mark.parametrize("text,content", [
    ('Sir Alan Budd found a "chain of events" linked Mr Blunkett to the application.',
     'a "chain of events" linked Mr Blunkett to the application'),
    ("Senator Marcia Hale found that most voters wanted a change.", "that most voters wanted a change"),
    ("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter impersonation.",
     "31 incidents of voter impersonation"),
    ("A new poll showed Trump leading the field with 31 percent.", "Trump leading the field with 31 percent"),
])
def test_findings_are_still_claims(text, content):
    t = (analysis := analyse_text(text)).article.text
    assert content in [t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims]


def test_a_description_before_the_name_is_not_what_was_said():
    # "Formerly one of Mr Brown's closest Treasury aides, Ed Balls hinted at ...": published as his claim
    analysis = analyse_text("Formerly one of Mr Brown's closest Treasury aides, Ed Balls hinted at a Budget "
                            "giveaway on 16 March.")
    t = analysis.article.text
    assert not any(t[c.content[0][0]:c.content[0][1]].startswith("Formerly") for c in analysis.claims)
    # a fragment with nothing after the attribution is still what was said
    analysis = analyse_text("We need people of substance. People like Scott, he said.")
    t = analysis.article.text
    assert "People like Scott" in [t[c.content[0][0]:c.content[0][1]] for c in analysis.claims]


@pytest.mark.parametrize("headline,claims", [
    ("Tindall wants second opinion", 0),  # a wish for something, not a statement
    ("Tindall wants dual code success", 0),
    ("Tindall wants to play on despite the injury", 1),
])
def test_a_headline_wish_for_something_is_not_a_claim(headline, claims):
    analysis = analyse_text("Mike Tindall will see a specialist on Monday before any decision is made.", title=headline)
    title = analysis.article.title_span
    assert len([c for c in analysis.claims if c.content[0][0] < title[1]]) == claims


@pytest.mark.parametrize("text", [
    # who thinks it, after the cue with no comma before: was published as what "the iceberg" thinks
    "A third of users were fed up but this could be just the tip of the iceberg thinks Tim Danton, editor of PC Pro.",
    "The tools must obey the rules of editing said John Wyver, from Illuminations Television.",
])
def test_a_name_after_the_cue_is_not_what_was_said(text):
    analysis = analyse_text(text)
    t = analysis.article.text
    assert not any(t[c.content[0][0]:c.content[-1][1]].startswith(("Tim Danton", "John Wyver")) for c in analysis.claims)


def test_who_was_accused_or_endorsed_is_still_what_a_claim_is_about():
    t = (analysis := analyse_text("Donald Trump attacked Alicia Machado in early-morning tweets.")).article.text
    assert [t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims] != []


def test_some_of_a_party_is_not_the_party():
    # "some senior Tories argued vociferously against the move" was published as the Tories' claim, when
    # the party backed the plan, and with ", party sources told the BBC" in what they said (a fresh hand
    # audit found it)
    analysis = analyse_text("The Tories are to back the plan. At a tough meeting some senior Tories argued "
                            "vociferously against the move, party sources told the BBC. The Tories argued the plan "
                            "would cut crime.")
    t = analysis.article.text
    by_content = {t[c.content[0][0]:c.content[-1][1]]: c for c in analysis.claims}
    some = by_content["vociferously against the move"]
    assert some.speaker is None and t[some.source[0]:some.source[1]] == "some senior Tories"
    assert analysis.actor(by_content["the plan would cut crime"].speaker).name == "Tories"


@pytest.mark.parametrize("headline,contents", [
    # a fresh BBC read (seed 2030): a headline verb with a thing after it says nothing
    ("Blair blasts Tory spending plans", []),
    ("Blair backs 'pre-election budget'", []),
    ("Mandelson warns BBC on Campbell", []),
    ("Isinbayeva claims new world best", []),
    # a denial, a call and a clause do
    ("Ebbers denies WorldCom fraud", ["WorldCom fraud"]),
    ("Brown calls for £5.5bn Aids fund", ["£5.5bn Aids fund"]),
    ("Rabbis vow to boycott Trump speech", ["to boycott Trump speech"]),
    ("Tories pledge free sports lessons", ["free sports lessons"]),
    ("JP Morgan admits US slavery links", ["US slavery links"]),
    ("Blair says he's back", ["he's back"]),
])
def test_a_headline_claim_states_something(headline, contents):
    body = ("Tony Blair, Bernie Ebbers, Gordon Brown, Peter Mandelson and Yelena Isinbayeva were in the news. So were "
            "the Tories and JP Morgan.")
    analysis = analyse_text(body, title=headline)
    t, title = analysis.article.text, analysis.article.title_span
    assert [t[c.content[0][0]:c.content[0][1]] for c in analysis.claims if c.content[0][0] < title[1]] == contents


@pytest.mark.parametrize("text,claims", [
    # what a player "added" is a deed (BBC sport/066, sport/416); what a leader "maintains" is a position
    ("Gardener added the Olympic relay crown to his World Indoor title over 60m.", 0),
    ("Fly-half Stephen Jones added four conversions as Wales maintained their superb start.", 0),
    ("Sanders maintained his double-digit lead over Clinton.", 0),
    # words added are a clause, or quoted
    ("The minister added the plan was late.", 1),
    ("However, he added that his side were not afraid of anyone.", 1),
    ("Then she added warily: ''There's always something that can come at you.''", 1),
])
def test_a_thing_added_is_no_claim(text, claims):
    assert len(analyse_text(text).claims) == claims


def test_a_team_sheet_is_no_turn_of_speech():
    # BBC sport/106: "Subs Not Used: Cooper, Knight." was published as a claim by "Subs Not Used"
    analysis = analyse_text("Middlesbrough: Nash, Reiziger, Riggott.\n\nSubs Not Used: Cooper, Knight.\n\n"
                            "Chelsea: Cech, Terry.\n\nSubs Not Used: Pidgeley, Smith.")
    assert analysis.claims == ()
    assert not any(a.name.startswith("Subs") for a in analysis.actors)


@pytest.mark.parametrize("text,content", [
    # a relative clause inside what was said: the statement goes on after it (BBC sport/150 was "that his side")
    ("However, he added that his side, who are four places above the Magpies, were not afraid of anyone.",
     "that his side, who are four places above the Magpies, were not afraid of anyone"),
    ("The ONS said the services sector, which accounts for most of the economy, grew by 1%.",
     "the services sector, which accounts for most of the economy, grew by 1%"),
    # a whole clause before it stays as it was
    ("Weitz said he had visited Pullman, who had told him about the book.", "he had visited Pullman"),
    # a fragment with nothing after the relative clause says nothing
    ("Mr Ancram condemned the document, which was drawn up in Brussels.", None),
])
def test_a_relative_clause_inside_what_was_said(text, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    found = [t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims if c.cue and t[c.cue[0]:c.cue[1]] != "told"]
    assert found == ([content] if content else [])


def test_who_a_quoted_speaker_is_is_not_what_they_said():
    # BBC tech/360: the claim's content was "director of GfK"
    analysis = analyse_text("“The UK is the largest display market in Europe,” according to John Binks, director of GfK, "
                            "which monitors consumer markets.")
    t = analysis.article.text
    assert not any("director of GfK" in t[c.content[0][0]:c.content[-1][1]] for c in analysis.claims)
    assert analysis.actor(analysis.quotes[0].speaker).name == "John Binks"


@pytest.mark.parametrize("text", [
    # PolNeAR, Hannity: a question was read as Hannity urging "Trump how high the wall would be"
    "Fox News host Sean Hannity asked Donald Trump how high the wall would be.",
    "Michael Fallon asked Gordon Brown whether the Treasury had leaned on the statistics office.",
    "David Davis asked why the government was agreeing to the measure now.",
    "The pollster Mori asked 801 adults if they supported the ban.",  # a poll
    "The official asked not to be named because he was not authorised to speak.",  # anonymity, not a request
    "Bob Laxton asked him, in effect, if he would carry on the policy.",
])
def test_a_question_urges_nothing(text):
    analysis = analyse_text(text)
    t = analysis.article.text
    assert [t[c.cue[0]:c.cue[1]] for c in analysis.claims if c.stance == "urges"] == []


@pytest.mark.parametrize("text,speaker,content", [
    ("Yukos asked the Houston court to order Russia to arbitration.", "Yukos", "the Houston court to order Russia to arbitration"),
    ("Police asked residents not to travel unless their journey was essential.", "Police",
     "residents not to travel unless their journey was essential"),
    ("Senator Sherrod Brown asked for calm after the riots in the city.", "Sherrod Brown", "calm after the riots in the city"),
])
def test_a_request_urges(text, speaker, content):
    assert_claim(text, speaker, "asked", content, "urges")


@pytest.mark.parametrize("text,cue,content", [
    # PolNeAR: the content began "night that he doesn't ..."
    ("Donald Trump said Wednesday night that he does not want to kill the families of terrorists.", "said",
     "that he does not want to kill the families of terrorists"),
    ("Reince Priebus tweeted Tuesday night he considered Trump the presumptive nominee.", "tweeted",
     "he considered Trump the presumptive nominee"),
    # BBC politics: the content began "night's vote showed", or "'s vote" once the day was skipped
    ("Mark Oaten said Monday night's vote showed the government had lost the confidence of the House.", "said",
     "Monday night's vote showed the government had lost the confidence of the House"),
    ("Marco Bortolami believes Saturday's contest against Scotland will be a scrappy encounter.", "believes",
     "Saturday's contest against Scotland will be a scrappy encounter"),
])
def test_a_time_between_the_cue_and_what_was_said(text, cue, content):
    analysis = analyse_text(text)
    t = analysis.article.text
    claim = next(c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == cue)
    assert t[claim.content[0][0]:claim.content[-1][1]] == content


def test_a_time_then_a_comma_reports_nothing():
    # PolNeAR: "said Tuesday night, drawing applause ..." gave the content "night, drawing applause ..."
    assert analyse_text("Hillary Clinton said Tuesday night, drawing applause from the crowd in Ohio.").claims == ()


@pytest.mark.parametrize("text", [
    "Merle Kilgore wrote Ring of Fire with June Carter Cash.",  # BBC: "Merle Kilgore asserts Ring of Fire ..."
    "Ros Coward wrote the authorised biography of Diana.",
])
def test_writing_a_work_is_no_claim(text):
    assert analyse_text(text).claims == ()


@pytest.mark.parametrize("text", [
    # BBC audit (seed 2032), entertainment: published as Bob Strauss asserting "whether Rock would
    # make an impact", the opposite of what he said
    "Bob Strauss doubted whether Chris Rock would make an impact on the ratings.",
    "David Davis questioned why there was such a rush to introduce the legislation.",
])
def test_doubting_or_questioning_whether_claims_nothing(text):
    assert analyse_text(text).claims == ()


def test_questioning_something_disputes_it():
    # BBC politics: "the Liberal Democrats assert the timing of the new rules"
    assert_claim("The Liberal Democrats questioned the timing of the new rules.", "Liberal Democrats", "questioned",
                 "the timing of the new rules", "denies")


def test_a_person_who_acts_himself_is_whom_he_stands_for():
    # BBC audit (seed 2032), sport/012: Edwards's belief was published as Phillips Idowu's
    analysis = analyse_text("Jonathan Edwards won the title in 1998. Phillips Idowu made his breakthrough five years ago "
                            "but so far has only a Commonwealth silver medal to his name. Edwards himself kept Idowu "
                            "off top spot at the Manchester Games. But he believes the European Indoors represent a "
                            "chance for the 26-year-old to prove his credentials.")
    t = analysis.article.text
    claim = next(c for c in analysis.claims if t[c.cue[0]:c.cue[1]] == "believes")
    assert analysis.actor(claim.speaker).name == "Jonathan Edwards"


def test_confirming_progress_by_winning_is_no_claim():
    # BBC audit (seed 2032), sport/381: "Portugal asserts their impressive progress ... by recording a win"
    assert analyse_text("Portugal confirmed their impressive progress in Sevens rugby by recording a sudden-death win "
                        "over France in the bowl final.").claims == ()
    assert_claim("Yukos confirmed that it had sold the unit to a state firm.", "Yukos", "confirmed",
                 "that it had sold the unit to a state firm", "asserts")
