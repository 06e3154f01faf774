"""Claims: reported (indirect) speech with a stance and targets.

Patterns: ``X said (that) ...``, ``X told Y that ...``, ``X accused Y of ...``, ``X denied ...``,
``an allegation X denies``, ``X warned that ...``, ``X urged Y to ...``, ``..., saying ...``,
``..., X said.`` (what was said first), ``..., said X.`` and ``according to X, ...``.
The source is a named actor when one is named; otherwise the noun phrase ("a new poll",
"officials") is kept as the source with no speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from ..model import Claim, Span
from . import speakers
from .actors import ActorIndex
from .gazetteer import is_country
from .lexicon import (ADVERBIAL_OPENERS, AUXILIARIES, NEGATIONS, OBJECT_VERBS, PRONOUNS, QUANTIFIERS, STANCE_OF_NOUN,
                      STANCE_OF_VERB, SUPPORT_VERBS, THING_VERBS)
from .nlp import Doc, Sentence, Token
from .noun_claims import find_noun_claims

_BE = frozenset("is was were are be been being".split())
_REPORTING = "|".join(sorted((re.escape(v) for v in STANCE_OF_VERB if not v.endswith("ing")), key=len, reverse=True))
# Participles that report another statement ("..., adding that ...") and verbs that report a second one
# with a subject of its own ("..., but he said ..."); either may follow a quote's closing comma (',” adding').
_REPORTING_PARTICIPLES = ("noting|arguing|claiming|insisting|suggesting|warning|stating|declaring|asserting|admitting|"
                          "maintaining|cautioning|confirming")
_SPEECH = ("said|says|added|adds|noted|notes|argued|argues|insisted|insists|acknowledged|acknowledges|suggested|suggests|"
           "stressed|stresses|conceded|concedes|warned|warns|urged|urges|told|tells|vowed|vows|predicted|predicts|"
           "admitted|admits|asserted|asserts")
_AFTER_COMMA = r"(?:,|(?<=,[”\"])|(?<=,''))\s+"  # a comma, or a quote closed after its comma
_CLAUSE_END = re.compile(
    r",\s+(?:since|because|while|whereas|although|though|which|who|after|before|when|a fact|"
    r"an allegation|saying|adding|according|citing|he said|she said|they said)\b|;|[–—]|\s\(|"
    # "..., party sources told the BBC": who reported it, not part of what was said
    r",\s+(?:[A-Za-z]+\s+)?(?:sources|officials|aides|insiders)\s+(?:told|said)\b|"
    rf"{_AFTER_COMMA}(?:{_REPORTING_PARTICIPLES})\b|"
    rf"{_AFTER_COMMA}(?:and|but)\s+(?:(?:he|she|they|it|we|I)\s+|(?:[A-Z][\w’'.-]+\s+){{1,3}})(?:(?:also|then|later)\s+)?(?:{_SPEECH})\b|"
    rf",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:{_REPORTING})\b|$"  # "... and said ...": a second report
)
_RELATIVE = re.compile(r",\s+(?:who|which)\b")
_ALLEGATION_BEFORE = re.compile(
    r"\b((?:an?|the|these|those)\s+(?:allegations?|accusations?|claims?|charges?|reports?))\s+(?:that\s+|which\s+)?$",
    re.I,
)
_OPEN_QUOTES = "“\"‘«"
_CLOSE_QUOTES = "”\"’»"
_WHEN = (r"(?:(?:on|in|at|during|after|before|from|via)\b[^,.;]{0,50}|(?:last|this|next)\s+(?:week|month|year|morning|afternoon|"
         r"evening|night|weekend|summer|winter|spring|autumn|fall|time)\b[^,.;]{0,30}|earlier|later|recently|yesterday|today|"
         r"tonight|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:\s+(?:morning|afternoon|evening|night))?)")
# What may follow an attribution that closes a sentence: when and where, then a participle clause
# ("..., Hollande said Tuesday in Paris, noting ...") or a new clause after a semicolon.
_TRAILING = re.compile(
    rf"^(?:\s+{_WHEN}){{0,2}}(?:,\s+(?:adding|noting|saying|citing|referring|pointing|explaining|arguing)\b[^;]*)?"
    r"\s*[.!?]?\s*[”\"’]?\s*(?:;.*)?$")
# Evidence verbs report what a poll or a study says; they need a noun phrase source, never a pronoun.
_EVIDENCE = frozenset("found finds showed shows show".split())
MIN_CONTENT_WORDS = 2
_CLAUSE_OPENERS = frozenset("that if whether because although though while since unless once".split())
_GOVERNMENT = frozenset("government authorities officials".split())
_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson spokespeople representative statement".split())
# Words that stand where a source would but name none.
_NOT_SOURCES = frozenset("i we you me us which that this these those there".split())
# A name after one of these modifies the noun before it ("an activist for Greenpeace").
_MODIFIER_PREPOSITIONS = frozenset("of for at from in with to by about on".split())
# Words that open a sentence before its subject, and words that open a clause with a subject of its own.
_CLAUSE_LINKS = frozenset("but and yet so".split())
_SUBORDINATORS = frozenset("who whom whose which that when while because if although though where whether as since "
                           "unless until after before".split())
# Verb forms the tagger often reads as nouns after a plural ("leaders hope").
_NOUN_LIKE_VERBS = frozenset("say says hope fear think believe know expect doubt worry wish want".split())
# Words that open a clause the main clause follows ("While Clinton has condemned it, the groups say ...").
_OPENING_SUBORDINATORS = frozenset("while though although after when because since if once before unless whereas".split())
_FINITE = frozenset("VBD VBZ VBP MD".split())
_BARE_END = re.compile(r"\s*[.!?]?\s*[”\"’]?\s*$")
"""Nothing after the cue but the full stop: "People like Scott, he said." """
_STUDIES = frozenset("study studies poll polls survey surveys research report reports analysis review investigation "
                     "audit paper".split())
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
_TIME_WORDS = frozenset("today tonight yesterday monday tuesday wednesday thursday friday saturday sunday".split())
_CLAUSE_END_WORDS = frozenset(". , ; : ! ? and but".split())
_CALL_PARTICLES = frozenset("on upon for".split())
# Participles that name what was spoken of ("..., he said, referring to Trump"), with the particle they take.
_REFERRING = {"referring": "to", "referencing": "", "citing": ""}
_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
_CALLED_OBJECTS = frozenset("him her it them himself herself themselves this that".split())
_TELL = frozenset("told tells telling tell informed assured reminded".split())


def reported_spans(claims: Iterable[Claim]) -> tuple[tuple[int, int, int, int, str], ...]:
    """(start, end, source start, source end, speaker id) of each claim, from its first word to its
    last (source, cue and content), for :attr:`ActorIndex.reported`; a claim with no source named
    has an empty source span, and one with no speaker an empty id."""
    found = []
    for claim in claims:
        spans = [*claim.content, *(s for s in (claim.source, claim.cue) if s)]
        source = claim.source or (-1, -1)
        found.append((min(s for s, _ in spans), max(e for _, e in spans), *source, claim.speaker or ""))
    return tuple(sorted(found))


def find_claims(doc: Doc, actors: ActorIndex, quoted: Sequence[Span]) -> Iterator[Claim]:
    """Every reported statement whose cue stands outside quotation marks."""
    claims: list[Claim] = list(_transcript_turns(doc, actors, quoted))
    taken = _Taken(c.content[0] for c in claims)
    for sentence in doc.sentences:
        tokens = sentence.tokens
        local = [q for q in quoted if q[0] < sentence.end and q[1] > sentence.start]
        for k, token in enumerate(tokens):
            if token.lower not in STANCE_OF_VERB and token.lower != "according":
                continue
            if local and _inside(token.start, local):
                continue
            claim = None
            if token.lower == "according" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
                claim = _according(doc, sentence, k, actors, quoted)
            elif stance := _stance(tokens, k):
                claim = _claim(doc, sentence, k, stance, actors, claims, quoted)
            if claim and _inside_a_report(tokens, claim):
                continue  # "claiming that President Obama wanted ...": the claimant's words, not Obama's
            if claim:
                claim = _through_quote(doc.text, claim, local, doc.paragraphs[sentence.paragraph][1])
            if claim and not taken.overlaps(claim.content[0]):
                claims.append(claim)
                taken.add(claim.content[0])
    for claim in find_noun_claims(doc, actors, quoted):
        if not taken.overlaps(claim.content[0]):
            claims.append(claim)
            taken.add(claim.content[0])
    return iter(claims)


_SPEAKER_TURN = re.compile(r"[“\"]?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}):\s+(?=\S)")


_NEXT_TURN = re.compile(r"[.!?][”\"]?\s+[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}:\s")


def _inside_a_report(tokens: tuple[Token, ...], claim: Claim) -> bool:
    """The claim's source and cue stand inside what someone else reports in the same sentence
    ("Trump claimed without any evidence that Obama wanted to take in 250,000 refugees", "his claim
    that Obama wants ..."): publishing it as the source's own statement would put words in a mouth."""
    start = (claim.source or claim.cue or claim.content[0])[0]
    first = next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens))
    for i in range(first - 1, max(-1, first - 4), -1):  # "that" right before the source ("that the president")
        if tokens[i].lower == "that":
            return any((tokens[j].lower in STANCE_OF_VERB or tokens[j].lower in STANCE_OF_NOUN)
                       and tokens[j].lower not in SUPPORT_VERBS for j in range(max(0, i - 5), i))
        if tokens[i].text in ",;:":
            return False
    return False


def _transcript_turns(doc: Doc, actors: ActorIndex, quoted: Sequence[Span]) -> Iterator[Claim]:
    """Interview transcripts: a paragraph that opens with "WALLACE:" or "Shoigu:" is that person speaking."""
    text = doc.text
    for start, end in doc.paragraphs:
        m = _SPEAKER_TURN.match(text, start, end)
        if not m:
            continue
        name = m.group(1)
        mention = actors.mention_at(m.start(1))
        actor = actors.get(mention[2]) if mention and mention[1] == m.end(1) else None
        if actor is not None and (actor.kind != "person" or len(actor.mentions) < 2):
            # "Superdelegates: Clinton is backed by 520": a topic, not someone the article introduced speaking
            mention = actor = None
        if not (name.isupper() and len(name) > 2) and actor is None:
            continue
        content_end = end
        if label := _NEXT_TURN.search(text, m.end(), end):
            content_end = label.start() + 1  # 'Clinton: "..." Bush: "..."': the next speaker's turn
        while content_end > m.end() and text[content_end - 1] in " \"”":
            content_end -= 1
        if len(text[m.end():content_end].split()) < MIN_CONTENT_WORDS:
            continue
        speaker = mention[2] if mention and mention[1] == m.end(1) else None
        colon = m.end(1)
        yield Claim(content=((m.end(), content_end),), stance="asserts", speaker=speaker,
                    source=m.span(1), cue=(colon, colon + 1))


class _Taken:
    """Spans that do not overlap each other, sorted, so a new span is checked in log time: a scan of
    every earlier claim made long articles quadratic (minutes for 1 MB of "X said ...")."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: list[Span] = []
        for span in spans:
            self.add(span)

    def overlaps(self, span: Span) -> bool:
        # Sorted and disjoint: only the last span starting before ``span`` ends can reach into it.
        i = bisect.bisect_left(self.spans, (span[1], span[1]))
        return i > 0 and _overlap(span, self.spans[i - 1])

    def add(self, span: Span) -> None:
        if span[1] > span[0]:  # an empty span overlaps nothing
            bisect.insort(self.spans, span)


def _overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _stance(tokens: tuple[Token, ...], k: int) -> str | None:
    token = tokens[k]
    stance = STANCE_OF_VERB.get(token.lower)
    if not stance:
        return None
    if not token.tag.startswith("VB"):
        # "polls show", "party leaders hope", "many fear": the tagger reads a plural noun and the verb after it as a compound
        if not (token.lower in _EVIDENCE | _NOUN_LIKE_VERBS and k > 0
                and (tokens[k - 1].tag in ("NNS", "NNPS") or tokens[k - 1].lower in QUANTIFIERS)):
            return None
    if token.tag == "VBG" and k > 0 and tokens[k - 1].text != "," and tokens[k - 1].lower not in _BE | {"while", "after", "before", "by"}:
        return None  # "voters rejecting Mr. Trump": a description, not someone speaking
    if k > 0 and tokens[k - 1].lower in _BE and token.tag == "VBN":
        return None  # passive: "was accused by" names the source after the verb
    following = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    if following in ("tank", "tanks"):
        return None  # "think tank"
    if token.lower.startswith("call") and following not in _CALL_PARTICLES:
        if not any(t.text in _OPEN_QUOTES for t in tokens[k + 1:k + 8]) and not _names_someone(tokens, k):
            return None
        return "asserts"  # 'called the plan "a disaster"': a description, not a demand
    return stance


def _names_someone(tokens: tuple[Token, ...], k: int) -> bool:
    """"called him divisive", "called it a disgrace": a pronoun and what it was called; not "called him"
    (on the telephone) nor "called a meeting"."""
    if k + 2 >= len(tokens) or tokens[k + 1].lower not in _CALLED_OBJECTS:
        return False
    complement = tokens[k + 2]
    return complement.tag in ("JJ", "DT", "PRP$") and complement.lower not in ("that", "this")


def _participle(tokens: tuple[Token, ...], k: int) -> tuple[int, str] | None:
    """"..., he said, adding that ...", "..., she said, referring to Trump": a participle after the cue
    and a comma reports what follows it; its index and stance."""
    j = k + 2
    if j >= len(tokens) or tokens[k + 1].text != ",":
        return None
    word = tokens[j].lower
    if word in _REFERRING:
        return j, "asserts"
    stance = STANCE_OF_VERB.get(word)
    return (j, stance) if stance and word.endswith("ing") else None  # the tagger reads "warning" as a noun


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _claim(doc: Doc, sentence: Sentence, k: int, stance: str, actors: ActorIndex,
           earlier: list[Claim], quoted: Sequence[Span]) -> Claim | None:
    text = doc.text
    tokens = sentence.tokens
    cue = tokens[k]
    before = text[sentence.start:cue.start].rstrip()
    if (claim := _clause_into_quote(doc, sentence, k, stance, actors, quoted)) is not None:
        return claim
    if before.endswith(tuple(_CLOSE_QUOTES) + ("''",)) or before.endswith(tuple(c + "," for c in _CLOSE_QUOTES) + (",''",)):
        return None  # '"...," said X': the attribution of a direct quote
    context = doc.paragraphs[sentence.paragraph][0]
    if cue.lower.endswith("ing") and before.endswith(","):
        if k >= 2 and tokens[k - 2].tag.startswith("VB") and STANCE_OF_VERB.get(tokens[k - 2].lower):
            # "..., a Chinese official said, adding that ...": whoever said it adds it (not the sentence's subject)
            source = _source_before(doc, sentence, k - 2, actors, context)[0]
        else:
            source = _subject(doc, sentence, actors, context) or _sentence_subject(doc, sentence, actors, context, k - 1)[0]
        content = _content_after(text, tokens, k, sentence.end)
        return _make(text, cue, (content,), stance, source, actors) if source and content else None
    # "..., said X." — the source after the cue, what was said before it
    # (not "..., told The Huffington Post": whoever is told is not the source)
    if k > 0 and tokens[k - 1].text == "," and k + 1 < len(tokens) and cue.lower not in SUPPORT_VERBS | _TELL:
        after = speakers.forward(text, tokens[k + 1].start, actors, context)
        if after and (_trailing(text, after.span[1], sentence.end) or _apposed(text, after)):
            content = _content_before(text, sentence.start, tokens[k - 1].start, quoted)
            return _make(text, cue, (content,), stance, after, actors) if content else None
    source, source_index = _source_before(doc, sentence, k, actors, context)
    if source is not None and source.speaker and (outer := _nested_pronoun(text, tokens, source, source_index)) is not None:
        # "About 4 in 10 say they want ...": "they" is whoever says it (here no actor), not the Democrats
        reporter, _ = _source_before(doc, sentence, outer, actors, context)
        source = speakers.Source(source.span, reporter.speaker if reporter else None)
    if source is not None:
        if _ALLEGATION_BEFORE.search(text[sentence.start:source.span[0]]):
            return _denial(doc, sentence, cue, source, stance, earlier)
        if cue.lower in _EVIDENCE and text[source.span[0]:source.span[1]].lower() in PRONOUNS:
            return None
        if text[source.span[0]:source.span[1]].lower() in _NOT_SOURCES:
            return None  # "I think", "we know", "which could explain": the writer's voice, not a report
        content = None
        np_start = source_index
        while np_start > 0 and tokens[np_start].chunk == "I-NP":
            np_start -= 1  # "veteran Republicans said"
        if (np_start > 0 and tokens[np_start - 1].text == "," and not cue.lower.startswith("call")
                and _trailing(text, _listener_end(tokens, k), sentence.end)):
            content = _content_before(text, sentence.start, tokens[np_start - 1].start, quoted)
            if content and not _has_verb(tokens, content) and not _BARE_END.match(text, _listener_end(tokens, k), sentence.end):
                content = None  # "Formerly one of Mr Brown's aides, Ed Balls hinted at ...": a description of him
        if content is None and (participle := _participle(tokens, k)):
            k, stance = participle  # "..., he said, adding that ...": the participle reports what follows it
            cue = tokens[k]
        after = _content_after(text, tokens, k, sentence.end) if content is None else None
        if after and _in_side_clause(tokens, np_start):
            after = _to_comma(text, after)  # "While Clinton condemned X, the groups say ...": theirs, not hers
        if after and np_start > 0 and tokens[np_start - 1].text == "," and text[cue.end:after[0]].strip() == ",":
            # "At one point, she said, she was considering it": what was said stands on both sides
            content = _content_before(text, sentence.start, tokens[np_start - 1].start, quoted)
            return _make(text, cue, (content, after) if content else (after,), stance, source, actors, doc, sentence)
        if (content is None and after is None and np_start > 0 and tokens[np_start - 1].text == ","
                and k + 2 < len(tokens) and tokens[k + 1].text == "," and tokens[k + 2].tag in ("IN", "TO", "RB")):
            # "The argument would be aided, Devine said, by the calendar": one sentence around the attribution
            before = _content_before(text, sentence.start, tokens[np_start - 1].start, quoted)
            rest = _rest_of_sentence(text, tokens[k + 2].start, sentence.end)
            if before and rest:
                return _make(text, cue, (before, rest), stance, source, actors, doc, sentence)
        content = content or after
        if content is None:
            return None
        if content == after and _names_a_person_only(cue, text, content, tokens, actors):
            return None  # '... the tip of the iceberg thinks Tim Danton, editor of PC Pro.': who thinks it, not what
        if cue.lower in _EVIDENCE and content == after and actors.is_person(source.speaker) \
                and not _by_author(tokens, np_start) and not _reports_clause(tokens, content):
            return None  # "Lopez showed glimpses of resolve", "Joe Shaw found Dave Walder": deeds, not findings
        return _make(text, cue, (content,), stance, source, actors, doc, sentence)
    return None


_COMPLEMENTIZERS = frozenset("that how what whether why if".split())


_INVERTING_CUES = frozenset("said says thinks thought believes believed added adds argues argued insists insisted "
                            "explained explains notes noted reckons reckoned".split())


def _names_a_person_only(cue: Token, text: str, span: Span, tokens: Sequence[Token], actors: ActorIndex) -> bool:
    """After a cue of saying or thinking, the span is only a person's name and maybe an apposition:
    "thinks Tim Danton, editor of PC Pro Magazine" names who thinks it, not what."""
    if cue.lower not in _INVERTING_CUES:
        return False
    mention = actors.mention_at(span[0])
    if mention is None or not actors.is_person(mention[2]) or _has_verb(tokens, span):
        return False
    rest = text[mention[1]:span[1]].strip()
    return not rest or rest.startswith(",")


def _by_author(tokens: Sequence[Token], np_start: int) -> bool:
    """"A 2014 study by professor Justin Levitt found ...": what found it is the study, not the person."""
    for i in range(np_start - 1, max(0, np_start - 8), -1):
        if tokens[i].lower == "by":
            return any(t.lower in _STUDIES for t in tokens[max(0, i - 3):i])
    return False


def _has_verb(tokens: Sequence[Token], span: Span) -> bool:
    return any(t.tag.startswith("VB") or t.tag == "MD" for t in tokens if span[0] <= t.start < span[1])


def _reports_clause(tokens: Sequence[Token], span: Span) -> bool:
    """What a person "found" or "showed" is a finding when it is a clause: "that ...", "how ...", or a
    subject and a finite verb before any subordinate clause ("she found most voters want ...")."""
    inside = [t for t in tokens if span[0] <= t.start < span[1]]
    if inside and inside[0].lower in _COMPLEMENTIZERS:
        return True
    for i, t in enumerate(inside):
        if t.lower in _SUBORDINATORS or t.text in (",", ";", ":"):
            return False
        if t.tag in _FINITE:
            return True
        if t.tag == "VBN" and i > 0:  # "found PolitiFact consistently rated ...", not "the second set"
            j = i - 1
            while j > 0 and (inside[j].tag == "RB" or inside[j].text in _CLOSE_QUOTES):
                j -= 1  # 'found a "chain of events" linked Mr Blunkett to ...'
            if inside[j].tag.startswith("NN") or inside[j].tag == "PRP":
                return True
    return False


_CLOSES_SENTENCE = re.compile(r"\s*(?:[.!?…]\s*)?(?:$|\n|[“\"A-Z])")


_ANY_CLOSING = re.compile(r"[”\"’»]|''")
_CLOSING_MARK = re.compile(r"(?:,?\s*(?:[”\"’»]|''))+,?\s*$")


def _clause_into_quote(doc: Doc, sentence: Sentence, k: int, stance: str, actors: ActorIndex,
                       quoted: Sequence[Span]) -> Claim | None:
    """'The new rules “are only a first step,” Merkel said.': a clause that opens in the writer's words
    and goes on in quotation marks, then its attribution. What was said is the whole clause, the
    quoted words with it, as one claim; the quote extractor would take the quoted words alone."""
    text, tokens = doc.text, sentence.tokens
    cue = tokens[k]
    if k == 0 or cue.lower.endswith("ing") or cue.lower in SUPPORT_VERBS or cue.lower in _TELL:
        return None
    if not _ANY_CLOSING.search(text, sentence.start, cue.start):
        return None  # no quotation closes before the cue (most sentences): nothing to look for
    context = doc.paragraphs[sentence.paragraph][0]
    if mark := _CLOSING_MARK.search(text, sentence.start, cue.start):
        # '..., “...,” said X': the source after the cue
        source = speakers.forward(text, tokens[k + 1].start, actors, context) if k + 1 < len(tokens) else None
        if source is None or not (_trailing(text, source.span[1], sentence.end) or _apposed(text, source)):
            return None
    else:
        # '..., “...,” X said': the source between the quote and the cue
        source, first = _source_before(doc, sentence, k, actors, context)
        if source is None or first < 1 or text[source.span[0]:source.span[1]].lower() in _NOT_SOURCES:
            return None
        mark = _CLOSING_MARK.search(text, sentence.start, source.span[0])
        if mark is None or not _trailing(text, _listener_end(tokens, k), sentence.end):
            return None
    close = mark.end()
    while close > mark.start() and text[close - 1] in " ,":
        close -= 1
    quote = next((q for q in quoted if q[1] == close and q[0] >= sentence.start), None)
    start = sentence.start
    while start < close and text[start].isspace():
        start += 1
    if quote is None or quote[0] <= start or _inside(start, quoted) or not re.search(r"\w", text[start:quote[0]]):
        return None  # the sentence opens with the quote: a direct quote, the quote extractor's
    clause = text[start:quote[0]]
    if len(clause.split()) > 30 or not re.match(r"[\w(]", clause) or re.search(r"[<>{}|`*#=\\]", clause):
        return None  # not a clause in words before the quote ("note | a | `code` “...,” said X"): nothing to read
    return _make(text, cue, ((start, close),), stance, source, actors, doc, sentence)


def _through_quote(text: str, claim: Claim, quoted: Sequence[Span], paragraph_end: int) -> Claim:
    """What was said runs into a quote that goes on past the clause's end ('said the plan “is a disaster.
    It will fail.”'): the quoted words are the reporter's to the closing mark, so the claim ends there.
    Not when the quote has an attribution of its own after it ('...: “...,” Sullivan wrote')."""
    *head, (start, end) = claim.content
    inside = next((q for q in quoted if q[0] >= start and q[0] < end < q[1] - 1), None)
    if inside is None or not text[end:inside[1]].strip(" .,;:!?" + _CLOSE_QUOTES):
        return claim
    inner = text[inside[0]:inside[1]].rstrip(" " + _CLOSE_QUOTES + "'")
    if inner.endswith((",", "—", "–", "-")) or not _CLOSES_SENTENCE.match(text[inside[1]:paragraph_end]):
        return claim
    return replace(claim, content=(*head, (start, inside[1])))


def _nested_pronoun(text: str, tokens: tuple[Token, ...], source: speakers.Source, index: int) -> int | None:
    """A pronoun that opens what someone else reports ("About 4 in 10 say they want", "officials said
    they believed") stands for that reporter, not for an actor read from earlier sentences: the index
    of the reporting verb, or None."""
    if text[source.span[0]:source.span[1]].lower() not in _SUBJECT_PRONOUNS or index < 1:
        return None
    j = index - 1
    if tokens[j].lower == "that" and j > 0:
        j -= 1
    if j > 0 and tokens[j - 1].lower in _CLAUSE_LINKS or tokens[j].tag == "VBG":
        return None  # "... but said he", "..., saying she": the sentence's subject, which the pronoun found
    return j if tokens[j].lower in STANCE_OF_VERB and tokens[j].tag.startswith(("VB", "NN")) else None


def _in_side_clause(tokens: tuple[Token, ...], np_start: int) -> bool:
    """The source stands in a clause that the main clause follows: an opening subordinate clause
    ("Though Kaine has described himself as ..., the Huffington Post reported") or a relative clause
    between commas ("Barkley, who said he votes Democratic, said ..."). What it reports ends at the
    comma; the words after it belong to the main clause and its own source."""
    if np_start <= 0:
        return False
    if tokens[np_start].lower in ("who", "which") and tokens[np_start - 1].text == ",":
        return True
    i = 0
    while i < np_start and tokens[i].lower in _CLAUSE_LINKS | {"even"}:
        i += 1
    if i >= np_start or tokens[i].lower not in _OPENING_SUBORDINATORS:
        return False
    between = tokens[i + 1:np_start]
    commas = sum(t.text == "," for t in between)
    return commas == 0 or (commas == 2 and between[0].text == ",")  # "Though, as a senator, Kaine has ..."


def _to_comma(text: str, content: Span) -> Span | None:
    """``content`` up to its first comma; None when too little is left."""
    comma = text.find(",", content[0], content[1])
    if comma < 0:
        return content
    end = comma
    while end > content[0] and text[end - 1].isspace():
        end -= 1
    return (content[0], end) if len(text[content[0]:end].split()) >= MIN_CONTENT_WORDS else None


def _rest_of_sentence(text: str, start: int, end: int) -> Span | None:
    """From ``start`` to the end of the sentence, without its closing punctuation."""
    while end > start and text[end - 1] in " .!?”\"":
        end -= 1
    return (start, end) if end - start > 2 and not any(c in text[start:end] for c in _OPEN_QUOTES) else None


def _make(text: str, cue: Token, content: tuple[Span, ...], stance: str, source: speakers.Source,
          actors: ActorIndex, doc: Doc | None = None, sentence: Sentence | None = None) -> Claim:
    targets = _targets(text, cue, content[-1], stance, source.speaker, actors)
    span = _widen(sentence, source.span) if sentence else source.span
    speaker = speakers.can_speak(source.speaker, actors)
    if speaker and text[source.span[0]:source.span[1]].lower() in ("he", "she", "they") and _named_in(speaker, content, actors):
        speaker = None  # "He said Mr Blair had spoken with sincerity": whoever "he" is, not Blair
    if speaker and sentence is not None and (some := _some_of(sentence, source.span, speaker, actors)) is not None:
        speaker, span = None, (some, span[1])  # "some senior Tories argued ...": some of them, not the party
    return Claim(content=content, stance=stance, speaker=speaker,  # type: ignore[arg-type]
                 source=span, cue=(cue.start, cue.end), targets=targets)


def _some_of(sentence: Sentence, span: Span, actor_id: str, actors: ActorIndex) -> int | None:
    """Where a quantifier stands before a group's or organisation's name ("some senior Tories", "many
    Democrats"), with nothing but adjectives between; None when none does."""
    actor = actors.get(actor_id)
    if actor is None or actor.kind == "person":
        return None
    before = [t for t in sentence.tokens if t.end <= span[0]][-3:]
    for i, t in enumerate(before):
        if t.lower in QUANTIFIERS and all(u.tag.startswith("JJ") or u.tag == "DT" for u in before[i + 1:]):
            return t.start
    return None


def _named_in(actor_id: str, content: tuple[Span, ...], actors: ActorIndex) -> bool:
    return any(actor_id in actors.within(start, end) for start, end in content)


def _trailing(text: str, start: int, end: int) -> bool:
    """Nothing but a time or place phrase and the full stop between ``start`` and the sentence end."""
    return bool(_TRAILING.match(text[start:end]))


_QUOTE_CLOSE = re.compile(r"[”\"]|''")


def _quote_runs_on(text: str, start: int, end: int) -> bool:
    """'says “the wind is at our backs” despite his loss': the sentence goes on after the quoted words,
    so they are part of a reported statement rather than a quote of their own."""
    width = 2 if text.startswith("''", start) else 1
    close = _QUOTE_CLOSE.search(text, start + width, end)
    if close is None:
        return False
    rest = text[close.end():end]
    return len(rest.split()) >= 2 and not rest.lstrip().startswith(tuple(",.;:!?—–-"))


def _apposed(text: str, source: speakers.Source) -> bool:
    """A named source followed by an apposition: "..., said Howard Rubel, a senior analyst at Jefferies."."""
    return source.speaker is not None and text.startswith(",", source.span[1])


def _listener_end(tokens: tuple[Token, ...], k: int) -> int:
    """The end of the cue, with its listener when it has one: "..., he told reporters"."""
    j = k + 1
    if tokens[k].lower in _TELL and j < len(tokens) and tokens[j].chunk == "B-NP":
        while j + 1 < len(tokens) and tokens[j + 1].chunk == "I-NP":
            j += 1
        return tokens[j].end
    return tokens[k].end


def _content_before(text: str, start: int, end: int, quoted: Sequence[Span]) -> Span | None:
    """What was said, standing before ", X said": the sentence up to the comma."""
    while start < end and text[start].isspace():
        start += 1
    if start < end and (text[start] in _OPEN_QUOTES or text.startswith("''", start)) or _inside(start, quoted):
        return None  # a direct quote: the quote extractor owns it
    while end > start and text[end - 1] in " ,":
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return (start, end)


def _content_after(text: str, tokens: tuple[Token, ...], k: int, end: int) -> Span | None:
    """The reported words after the cue, up to the end of the clause."""
    j = k + 1
    if k >= 0 and tokens[k].lower in SUPPORT_VERBS and j < len(tokens) and not tokens[j].text[:1].isalnum():
        return None  # "whom she supported, Ms. Sherry smiled": what is backed comes right after the verb
    while j < len(tokens) and tokens[j].text in (":", ","):
        j += 1
    if j >= len(tokens) or tokens[j].text in ("—", "–", "--"):
        return None  # "as Democrats allege, but Moscow denies — ...": what is denied came before
    if (tokens[j].text in _OPEN_QUOTES or text.startswith("''", tokens[j].start)) and not _quote_runs_on(text, tokens[j].start, end):
        return None  # a direct quote follows: the quote extractor owns it
    if k >= 0 and _not_reporting(tokens, k, j):
        return None
    if tokens[k].lower in _TELL and k >= 0:
        # "told reporters that ...": the listener, then what was said; nothing said, no claim
        i = j
        while (i < len(tokens) and tokens[i].chunk in ("B-NP", "I-NP") and (i == j or tokens[i].chunk == "I-NP")
               and not (i > j and tokens[i].lower in _SUBJECT_PRONOUNS)):
            i += 1
        if i > j and tokens[i - 1].lower in _TOLD_NOT_A_LISTENER:
            return None  # "Sideways tells the story of two men": a plot, not a statement
        if i < len(tokens) and tokens[i].lower not in ("that", "to", "of", "about", "at", "in", "on") and not tokens[i].tag.startswith(("PRP", "DT", "NN", "EX")):
            return None
        that = next((n for n in range(i, min(len(tokens), i + 12)) if tokens[n].lower == "that"), None)
        if i > j and that is not None and not any(t.text in _OPEN_QUOTES + ",;" for t in tokens[i:that]):
            j = that  # "told delegates at the convention that ...": what was said starts at "that"
        elif i > j and i < len(tokens) and tokens[i].tag in ("PRP", "EX", "NNP", "DT"):
            j = i  # "told a news conference they are ...": what was said follows the listener
        elif i < len(tokens) and tokens[i].lower in ("at", "in", "on"):
            return None  # "told a crowd in Ohio": where, and nothing said
    whose_day = False  # "said Monday night's vote showed ...": the day opens what was said
    while j + 1 < len(tokens) and tokens[j].lower in _TIME_WORDS and tokens[j + 1].lower not in _CLAUSE_END_WORDS:
        day = j + 2 if tokens[j + 1].lower in _PARTS_OF_DAY else j + 1
        if whose_day := day < len(tokens) and tokens[day].lower in ("'s", "’s"):
            break
        if day >= len(tokens) or tokens[day].lower in _CLAUSE_END_WORDS:
            break  # "said Tuesday night, drawing applause": what was said is not here
        j = day  # "said Tuesday he would ...", "said Wednesday night that ...": when, then what was said
    if k >= 0 and j + 1 < len(tokens) and (tokens[k].lower.startswith("call") and tokens[j].lower in _CALL_PARTICLES or (
            tokens[k].lower in _ASK and tokens[j].lower == "for" and tokens[j + 1].text[:1].isalnum()
            and tokens[j + 1].tag not in ("IN", "TO"))):  # (not "everything he asked for by ...")
        j += 1  # "called for a ban", "called on Snyder to resign", "asked for calm": what is urged follows
    elif k >= 0 and _REFERRING.get(tokens[k].lower) == tokens[j].lower and j + 1 < len(tokens):
        j += 1  # "referring to the party's convention": what was spoken of follows
    elif not whose_day and ((tokens[j].lower in ADVERBIAL_OPENERS and not _determiner_of_content(tokens, j)) or (
            tokens[j].tag in ("IN", "TO") and tokens[j].lower not in _CLAUSE_OPENERS
            and not (tokens[j].lower == "to" and j + 1 < len(tokens) and tokens[j + 1].tag == "VB"))):
        # "said on Monday that ...": what was said starts at "that"
        that = next((i for i in range(j + 1, min(len(tokens), j + 12)) if tokens[i].lower == "that"), None)
        if that is None or any(t.text in _OPEN_QUOTES + ",." for t in tokens[j:that] if t.text != ","):
            return None
        j = that
    start = tokens[j].start
    stop = _CLAUSE_END.search(text, start + 1, end)
    if stop and _RELATIVE.match(text, stop.start()) and len(text[start:stop.start()].split()) <= 4 and not any(
            t.tag in _FINITE for t in tokens if start <= t.start < stop.start()):
        # "that his side, who are four places above the Magpies, were not afraid": the clause goes on after
        # the relative clause; without a verb after it, what is left ("that his side") says nothing
        resumes = next((t.end for n, t in enumerate(tokens) if stop.end() <= t.start < stop.end() + 200 and t.text == ","
                        and _verb_at(tokens, n + 1)), None)
        if resumes is None:
            return None
        stop = _CLAUSE_END.search(text, resumes, end)
    stop_at = stop.start() if stop else end
    while stop_at > start and text[stop_at - 1] in " .,;:!?":
        stop_at -= 1
    if text[start:stop_at].count("“") > text[start:stop_at].count("”") and stop_at < end and text[stop_at] in "”":
        stop_at += 1
    if len(text[start:stop_at].split()) < MIN_CONTENT_WORDS:
        return None
    if k >= 0 and tokens[k].lower in THING_VERBS and text[start] not in _OPEN_QUOTES and tokens[j].lower != "that" and (not any(
            t.tag.startswith(("VB", "MD")) for t in tokens[j:] if t.end <= stop_at) or (
            tokens[j].tag in _THING_START and not any(q in text[start:stop_at] for q in _QUOTE_MARKS)
            and not _reports_clause(tokens, (start, stop_at)))):
        # "adding showbiz news, celebrity interviews and banter", "Gardener added the Olympic relay crown to his
        # title", "added four conversions as Wales ...", "maintained a wide lead": things, not words (words
        # here are a clause: "added the plan was late", or quoted)
        return None
    return (start, stop_at)


_THING_START = frozenset("DT CD PRP$ JJ JJR JJS NN NNS".split())
"""Tags that open a thing rather than a clause after such a verb."""
_QUOTE_MARKS = "“”\"‘’'"


def _verb_at(tokens: Sequence[Token], n: int) -> bool:
    """A finite verb at ``n``, or right after an opening quote there ('..., "had a profound effect"')."""
    if n < len(tokens) and tokens[n].text in _OPEN_QUOTES:
        n += 1
    return n < len(tokens) and tokens[n].tag in _FINITE
_TOLD_NOT_A_LISTENER = frozenset("story stories tale tales joke jokes history".split())


def _not_reporting(tokens: tuple[Token, ...], k: int, j: int) -> bool:
    """A cue word used for something other than reporting: "Sundance continues to grow", "Vodafone has
    found it difficult to satisfy ...". ``j`` is where what was said would start."""
    cue, first = tokens[k].lower, tokens[j].lower
    if cue.startswith("continu") and first == "to":
        # "continues to grow"; not "continued to insist that ...", which reports
        verb = tokens[j + 1].lower if j + 1 < len(tokens) else ""
        forms = (verb, verb + "s", verb + "es", verb + "d", verb + "ed", verb[:-1] + "ies")
        return not (verb and not verb.startswith("continu") and any(STANCE_OF_VERB.get(f) for f in forms))
    if cue in ("claim", "claims", "claimed", "claiming") and tokens[j].chunk == "B-NP":
        # "Jake White claimed the coaching award", "claimed victory": won, not said
        m = j + 1
        while m < len(tokens) and tokens[m].chunk == "I-NP":
            m += 1
        if tokens[m - 1].lower in _PRIZES:
            return True
    if cue in _QUESTIONING and first in _QUESTION_WORDS:
        return True  # "doubted whether Rock would make an impact", "questioned how ...": a question claims nothing
    if cue in _ASK:
        # "asked the court to order ...", "asked Congress for funds": a request, which urges. Not
        # "asked Trump how high the wall would be", "asked 801 adults if ...", "asked not to be
        # named": a question, a poll or a condition, which urges nothing and claims nothing.
        wanted = next((m for m in range(j, min(len(tokens), j + 12)) if tokens[m].lower in _ASKED_FOR
                       or tokens[m].lower in _QUESTION_WORDS or tokens[m].text in ",:;" or tokens[m].lower == "by"), None)
        return wanted is None or tokens[wanted].lower not in _ASKED_FOR or [
            t.lower for t in tokens[wanted - 1:wanted + 3]] in _UNNAMED
    return cue in ("find", "finds", "found", "finding") and first == "it" and j + 1 < len(tokens) and (
        tokens[j + 1].tag.startswith(("JJ", "RB")))


_ASK = frozenset("ask asks asked asking".split())
_QUESTIONING = frozenset("doubt doubts doubted questioned questions questioning wondered wonders".split())
_ASKED_FOR = frozenset("to for that".split())
"""What follows "asked" (and whom) when it is a request: "asked them to leave", "asked for calm"."""
_QUESTION_WORDS = frozenset("if whether how what why when where who whom which about".split())
_UNNAMED = [["not", "to", "be", word] for word in ("named", "identified", "quoted")]


_PRIZES = frozenset("award awards title titles prize medal trophy crown cup lead place seat spot record "
                    "wicket wickets point points goal goals try tries share stake lives life scalp honours honors "
                    "pole gold silver bronze championship".split())


_TIME_NOUNS = frozenset("week month year morning afternoon evening night weekend summer winter spring autumn fall time "
                        "season quarter decade century".split())


def _determiner_of_content(tokens: tuple[Token, ...], j: int) -> bool:
    """"believe this provides ...": "this" opens what was said unless a time follows ("said this week")."""
    return tokens[j].lower in ("this", "last") and not (j + 1 < len(tokens) and tokens[j + 1].lower in _TIME_NOUNS)


def _source_before(doc: Doc, sentence: Sentence, k: int, actors: ActorIndex,
                   context: int) -> tuple[speakers.Source | None, int]:
    """The noun phrase right before the cue (auxiliaries and adverbs skipped), and its first token."""
    tokens = sentence.tokens
    j = k - 1
    while j >= 0 and _between_source_and_cue(tokens, j, k):
        j -= 1
    j = _skip_aside(tokens, j)
    while j >= 0 and _between_source_and_cue(tokens, j, k):
        j -= 1
    if j < 0 or _negation(tokens[j]):
        return None, -1  # "Ali didn’t say ...": nothing was said
    end = tokens[j].end
    named = speakers.backward(doc.text, end, actors, context, apposition=False)
    if named and named.span[0] >= sentence.start and named.span[1] == end:
        first = next((i for i, t in enumerate(tokens) if t.start >= named.span[0]), j)
        of_place = _person_of_place(tokens, first, named, actors)
        if of_place:
            return of_place
        prep = first - 1 if first < 1 or tokens[first - 1].lower != "the" else first - 2  # "spoke with The Huffington Post"
        if prep >= 0 and tokens[prep].lower in ("of", "for", "with", "to", "by", "from", "at", "in") and tokens[prep].tag in ("IN", "TO"):
            return _speaking_for(doc, sentence, prep, named, actors)
        return named, first
    if tokens[j].lower in ("and", "but") and tokens[k].tag in ("VBD", "VBZ", "VBP"):
        return _sentence_subject(doc, sentence, actors, context, j)  # "Obama met survivors and said"
    if tokens[j].lower in QUANTIFIERS and (j == 0 or tokens[j - 1].text == "," or tokens[j - 1].tag == "CC"):
        return speakers.Source((tokens[j].start, tokens[j].end), None), j  # "Many fear ...": unnamed
    if tokens[j].lower in ("who", "which") and j > 0:
        antecedent = speakers.backward(doc.text, tokens[j - 1].start if tokens[j - 1].text == "," else tokens[j].start,
                                       actors, context, apposition=False)
        if antecedent and antecedent.span[0] >= sentence.start:
            first = next((i for i, t in enumerate(tokens) if t.start >= antecedent.span[0]), j)
            of_place = _person_of_place(tokens, first, antecedent, actors)
            if of_place:  # "Peter T. King of New York, who endorsed Mr. Rubio": King, not New York
                antecedent = of_place[0]
            elif first > 0 and tokens[first - 1].lower in _MODIFIER_PREPOSITIONS:
                antecedent = None  # "a director of the UN, who said": not the UN
        return speakers.Source((tokens[j].start, tokens[j].end), antecedent.speaker if antecedent else None), j
    if tokens[j].text == "," and j > 1:
        return _apposed_source(doc, sentence, j, actors, context)
    if (not (tokens[j].tag.startswith("NN") or tokens[j].tag in ("PRP", "CD")) or tokens[j].chunk not in ("B-NP", "I-NP")
            or not tokens[j].text[:1].isalnum()):
        return None, -1  # "... — said": a dash the tagger calls a noun
    i = j
    while i > 0 and tokens[i].chunk == "I-NP" and tokens[i - 1].chunk in ("B-NP", "I-NP"):
        i -= 1
    span = (tokens[i].start, tokens[j].end)
    return speakers.Source(span, _head_actor(tokens[j], span, actors)), i


def _skip_aside(tokens: tuple[Token, ...], j: int) -> int:
    """Step back over a party and state in brackets ("Sen. Bernie Sanders (I-Vt.) said") or an aside
    between dashes ("Joyce — who is listed as an attorney — told"); the token before it."""
    if j < 1:
        return j
    close = tokens[j].text
    opener = {")": "(", "—": "—", "–": "–"}.get(close)
    if opener is None:
        return j
    i = j - 1
    while i > 0 and tokens[i].text != opener and j - i < 25:
        i -= 1
    if tokens[i].text != opener or i == 0:
        return j
    if close != ")" and tokens[i + 1].lower not in ("who", "which", "including", "whose", "like", "a", "an", "the"):
        return j
    return i - 1


def _head_actor(head: Token, span: Span, actors: ActorIndex) -> str | None:
    """The actor a noun phrase names: "the Kremlin", "a Kremlin spokesman"; not "Trump supporters"."""
    inside = [a for a in actors.within(*span) if actors.get(a) and actors.get(a).kind in ("person", "organization", "group")]
    if not inside:
        return None
    named = actors.mention_ending(head.end)
    if named and named[2] == inside[-1]:
        return named[2]
    return inside[-1] if head.lower in _SPOKESPEOPLE else None


def _apposed_source(doc: Doc, sentence: Sentence, comma: int, actors: ActorIndex,
                    context: int) -> tuple[speakers.Source | None, int]:
    """The name before an apposition or relative clause: "Shoigu, who was addressing officials, urged",
    "Marley Anderson, 21, a junior from Las Vegas, said", "One of its authors, Ari Fleischer, said"."""
    tokens = sentence.tokens
    for segment in range(3):
        i = comma - 1
        while i > 0 and tokens[i].text != "," and comma - i < 30:
            i -= 1
        inner = tokens[i + 1:comma]
        if tokens[i].text != "," or not inner or any(t.text in _OPEN_QUOTES + _CLOSE_QUOTES for t in inner):
            return None, -1
        relative_at = next((n for n, t in enumerate(inner) if t.lower in ("who", "whose", "which")), len(inner))
        if any(t.tag in ("VBD", "VBZ", "VBP", "MD") for t in inner[:relative_at]):
            return None, -1
        named = actors.mention_at(inner[0].start)
        actor = actors.get(named[2]) if named and (named[1] == inner[-1].end or _of_somewhere(inner, named[1])) else None
        names_a_thing = i > 0 and tokens[i - 1].lower in _NAMED_THINGS or _place_goes_on(tokens, i)
        if segment == 0 and actor and actor.kind == "person" and not names_a_thing:
            # the apposition is the name ("One pastor, Darran Whiting of Liberty Baptist Church, said"); not
            # when it names a thing ("the Vatican's official newspaper, L'Osservatore Romano, said")
            return speakers.Source((named[0], named[1]), actor.id), i + 1
        end_before = tokens[i].start
        paren = re.search(r"\s*\([^()]{1,30}\)\s*$", doc.text[max(sentence.start, end_before - 40):end_before])
        if paren:
            end_before -= len(paren.group(0))
        source = speakers.backward(doc.text, end_before, actors, context, apposition=False)
        if source and source.span[0] >= sentence.start:
            first = next((n for n, t in enumerate(tokens) if t.start >= source.span[0]), i)
            of_place = _person_of_place(tokens, first, source, actors)
            if of_place:
                return of_place
            np_start = first
            while np_start > 0 and tokens[np_start].chunk == "I-NP":
                np_start -= 1
            if np_start == 0 or (tokens[np_start - 1].lower not in _MODIFIER_PREPOSITIONS
                                 and tokens[np_start - 1].tag not in ("VBG", "VBN", "VB", "VBD", "VBZ", "VBP")):
                # "director of the UN, which ..., said": not the UN; "a pastor supporting Mr. Cruz, ...": not Cruz
                return source, first
        comma = i
    return None, -1


# Nouns an apposition after them names ("the Vatican's newspaper, L'Osservatore Romano, ..."): not a person.
_NAMED_THINGS = frozenset("newspaper paper magazine network channel company firm group organization organisation party "
                          "website site show program programme agency book tabloid daily weekly station broadcaster "
                          "journal publication outlet blog podcast column newsletter".split())


def _place_goes_on(tokens: tuple[Token, ...], comma: int) -> bool:
    """"from Hartpury, Gloucestershire, said": the name after the comma goes on with a place."""
    p = comma - 1
    while p > 0 and tokens[p].text != "," and comma - p < 8:
        p -= 1
    return tokens[p].text == "," and p + 1 < comma and tokens[p + 1].lower in ("from", "in", "of", "near", "at")


def _of_somewhere(inner: Sequence[Token], name_end: int) -> bool:
    """The name goes on with where the person is from or works: "Darran Whiting of Liberty Baptist Church"."""
    rest = [t for t in inner if t.start >= name_end]
    return bool(rest) and rest[0].lower in ("of", "from", "at") and not any(t.tag.startswith("VB") for t in rest)


def _between_source_and_cue(tokens: tuple[Token, ...], j: int, k: int) -> bool:
    """Auxiliaries and adverbs that may stand between a source and its cue: "Trump has repeatedly
    claimed", "Sanders is suggesting". A negation may not: "she has never said" reports nothing."""
    token = tokens[j]
    if _negation(token):
        return False
    if token.lower in AUXILIARIES and token.tag[:2] in ("VB", "MD", "RB"):
        return True
    if token.tag == "RB" and token.lower.endswith("ly"):
        return True
    return token.lower in _BE and tokens[k].tag == "VBG"


def _negation(token: Token) -> bool:
    return token.lower in NEGATIONS or token.lower.endswith(("n't", "n’t"))


def _person_of_place(tokens: tuple[Token, ...], first: int, named: speakers.Source,
                     actors: ActorIndex) -> tuple[speakers.Source, int] | None:
    """"John Kasich of Ohio said": the person speaks, not the place."""
    if first > 1 and tokens[first - 1].lower in ("of", "from"):
        person = actors.mention_ending(tokens[first - 2].end)
        actor = actors.get(person[2]) if person else None
        if person and actor and actor.kind == "person":
            return speakers.Source((person[0], named.span[1]), person[2]), first - 2
    return None


def _speaking_for(doc: Doc, sentence: Sentence, prep: int, named: speakers.Source,
                  actors: ActorIndex) -> tuple[speakers.Source | None, int]:
    """"a spokeswoman for YouTube said": YouTube speaks; "an aide to Clinton said": not Clinton."""
    tokens = sentence.tokens
    i = prep - 1
    if i < 0 or tokens[i].chunk not in ("B-NP", "I-NP"):
        return None, -1
    head = tokens[i].lower
    while i > 0 and tokens[i].chunk == "I-NP":
        i -= 1
    span = (tokens[i].start, named.span[1])
    actor = actors.get(named.speaker)
    speaks_for = actor is not None and actor.kind != "person" and (
        head in _SPOKESPEOPLE or head in _GOVERNMENT and tokens[prep].lower == "in")  # "the government in Beijing"
    return speakers.Source(span, named.speaker if speaks_for else None), i


def _according(doc: Doc, sentence: Sentence, k: int, actors: ActorIndex, quoted: Sequence[Span]) -> Claim | None:
    """"according to X, ..." and "..., according to X"."""
    text, tokens = doc.text, sentence.tokens
    if k + 2 >= len(tokens):
        return None
    context = doc.paragraphs[sentence.paragraph][0]
    src_start = tokens[k + 2].start
    source = speakers.forward(text, src_start, actors, context)
    if source is None:
        j = k + 2
        while j + 1 < len(tokens) and tokens[j + 1].chunk == "I-NP":
            j += 1
        source = speakers.Source((src_start, tokens[j].end), None)
        inside = actors.within(*source.span)
        if inside:
            source = speakers.Source(source.span, inside[-1])
    cue = tokens[k]
    cue_token = Token(cue.start, tokens[k + 1].end, "according to", cue.tag, cue.chunk, "according to", cue.index)
    if k > 0 and tokens[k - 1].text == ",":
        content = _content_before(text, sentence.start, tokens[k - 1].start, quoted)
    elif text[sentence.start:cue.start].rstrip().endswith(tuple(_CLOSE_QUOTES)):
        return None  # '"...," according to John Binks, director of GfK': the quote's attribution, then who he is
    else:
        comma = text.find(",", source.span[1], sentence.end)
        if comma < 0 or comma - source.span[1] > 160:
            return None
        following = [t for t in tokens if t.start > comma]
        content = _content_after(text, tuple(following), -1, sentence.end) if following else None
    if content is None:
        return None
    return _make(text, cue_token, (content,), "asserts", source, actors)


def _targets(text: str, cue: Token, content: Span, stance: str, speaker: str | None,
             actors: ActorIndex) -> tuple[str, ...]:
    """Whom the claim is about: the verb's object (accused Y), else the actors in what was said."""
    if cue.lower in OBJECT_VERBS:
        obj = speakers.forward(text, content[0], actors, content[0])
        if obj is None and text.startswith(("the ", "The "), content[0]):
            obj = speakers.forward(text, content[0] + 4, actors, content[0])
        if obj and obj.speaker and obj.speaker != speaker:
            return (obj.speaker,)
    found = []
    for actor_id in actors.within(*content):
        actor = actors.get(actor_id)
        if actor_id == speaker or actor is None:
            continue
        if actor.kind == "place" and not is_country(actor.name):
            continue
        found.append(actor_id)
    return tuple(found[:3])


def _subject(doc: Doc, sentence: Sentence, actors: ActorIndex, context: int) -> speakers.Source | None:
    """The subject that opens the sentence, for "..., saying ..." clauses (after a dateline:
    "PARIS, Aug 31 (Reuters) - ...": not Paris)."""
    start = sentence.tokens[_after_dateline(sentence.tokens, len(sentence.tokens))].start if sentence.tokens else sentence.start
    first = speakers.forward(doc.text, start, actors, context)
    if first is None and doc.text[start:start + 4].lower() == "the ":
        first = speakers.forward(doc.text, start + 4, actors, context)
    if first and doc.text.startswith(("’s", "'s"), first.span[1]):
        return None  # "Clinton's aide said": not Clinton
    return first


def _after_dateline(tokens: tuple[Token, ...], upto: int) -> int:
    """The first token after a dateline: "ORLANDO, Fla. (Reuters) - President Barack Obama met ..."."""
    return next((n + 1 for n in range(1, min(upto, 12))
                 if tokens[n].text in "-—–" and (tokens[n - 1].text == ")" or tokens[n - 1].text.isupper())), 0)


def _sentence_subject(doc: Doc, sentence: Sentence, actors: ActorIndex, context: int,
                      upto: int) -> tuple[speakers.Source | None, int]:
    """The subject that opens the sentence, when its verb phrase runs on to token ``upto`` with no
    other clause in between: "Obama met survivors on Thursday and said ...", "The departments declined
    to comment, saying ..."."""
    tokens, text = sentence.tokens, doc.text
    i = _after_dateline(tokens, upto)
    while i < upto and tokens[i].lower in _CLAUSE_LINKS:
        i += 1
    named = speakers.forward(text, tokens[i].start, actors, context)
    if named and (text.startswith(("’s", "'s"), named.span[1]) or text[named.span[0]:named.span[1]].lower() in _NOT_SOURCES):
        return None, -1
    if named is None and tokens[i].chunk == "B-NP" and tokens[i].tag in ("DT", "PRP$", "NNS", "NNPS"):
        m = i + 1
        while m < upto and tokens[m].chunk == "I-NP":
            m += 1
        named = speakers.Source((tokens[i].start, tokens[m - 1].end), None)
        head = actors.mention_ending(tokens[m - 1].end)
        actor = actors.get(head[2]) if head else None
        if actor and actor.kind in ("person", "organization", "group"):
            named = speakers.Source(named.span, actor.id)
    if named is None:
        return None, -1
    v = next((n for n in range(i, upto) if tokens[n].start >= named.span[1]), upto)
    while v < upto and (tokens[v].lower in AUXILIARIES or tokens[v].tag == "RB") and tokens[v].lower not in NEGATIONS:
        v += 1
    if v >= upto or tokens[v].tag not in ("VBD", "VBZ", "VBP", "VBN"):  # the tagger reads "Graham called" as VBN
        return None, -1
    between = tokens[v + 1:upto]
    if any(t.lower in _SUBORDINATORS or t.text in ";:" for t in between):
        return None, -1
    # Another subject may hide in a clause after the first verb ("said Clinton met survivors and said"),
    # or in quoted words; with no other verb in between, the first verb and quoted phrases are safe:
    # "Graham praised Rubio's record and said", "Graham called Trump “crazy” and said".
    if any(t.tag in _FINITE for t in between) and (tokens[v].lower in STANCE_OF_VERB or any(
            t.lower in STANCE_OF_VERB or t.text in _OPEN_QUOTES + _CLOSE_QUOTES for t in between)):
        return None, -1
    return named, i


def _denial(doc: Doc, sentence: Sentence, cue: Token, source: speakers.Source, stance: str,
            earlier: list[Claim]) -> Claim | None:
    """"an allegation Russia denies": the content is the allegation, aimed at whoever made it."""
    head = doc.text[sentence.start:source.span[0]]
    m = _ALLEGATION_BEFORE.search(head)
    if not m:
        return None
    start = sentence.start + m.start(1)
    content = (start, sentence.start + m.end(1))
    accusers = [c.speaker for c in earlier if c.stance == "accuses" and c.speaker and c.cue and c.cue[0] >= sentence.start - 400]
    targets = tuple(a for a in accusers[-1:] if a != source.speaker)
    return Claim(content=(content,), stance=stance, speaker=source.speaker,  # type: ignore[arg-type]
                 source=source.span, cue=(cue.start, cue.end), targets=targets)


def _widen(sentence: Sentence, span: Span) -> Span:
    """Take in the role words that stand before a name: "Russian President Vladimir Putin"."""
    start = span[0]
    tokens = [t for t in sentence.tokens if t.end <= span[0]]
    while tokens and tokens[-1].end >= start - 1 and tokens[-1].text[:1].isupper() and tokens[-1].tag in ("NNP", "NNPS", "JJ"):
        start = tokens.pop().start
    return (start, span[1])


__all__ = ["find_claims"]
