"""Direct quotes: the words inside quotation marks, and who said them.

Finds quotation spans (straight and curly marks, quotes that run over paragraphs), then attributes
each with, in order: a cue right after it (``said X``, ``X said``, ``X, the minister, said``,
``according to X``), a cue right before it (``X said: "..."``), the speaker of the quote it
continues (``"...," he said. "..."``), or the source of a reported statement in the sentence
before it. When none applies the quote is published unattributed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from ..model import Claim, Quote, Span
from . import speakers
from .actors import ActorIndex
from .lexicon import NOT_SPEECH, QUOTE_CUES, STANCE_OF_NOUN, THING_VERBS
from .nlp import lexicon

_OPEN = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'
_MARKS = "“”\"'«»„‘’ "
_MARK_CHAR = re.compile("[" + re.escape("".join(_OPEN) + "'" + _STRAIGHT) + "]")
_CUE_WORDS = "|".join(sorted(QUOTE_CUES, key=len, reverse=True))
_CUE_AFTER = re.compile(rf"[\s,]*({_CUE_WORDS})\b\s*", re.I)
_CUE_BEFORE = re.compile(rf"\b({_CUE_WORDS})\b(?:\s+[\w’'-]+){{0,4}}?\s*[:,]?\s*$", re.I)
_ACCORDING_AFTER = re.compile(r"[\s,]*according to\s+", re.I)
_ACCORDING_BEFORE = re.compile(r"\baccording to\s+(.{1,80}?),\s*$", re.I)
_ANY_VERB_AFTER = re.compile(r"\s*([a-z]+ed)\b(?=\s*[.,;!?]|\s+(?:on|in|at|to|during|after|before|when|as)\b)")
_UNKNOWN_SOURCE_AFTER = re.compile(
    rf"(?P<np>(?:the|a|an|one|another|some|[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){{0,5}}?)\s+(?P<cue>{_CUE_WORDS})\b"
)
# The rest of an attribution sentence before the quote goes on: " of the New York delegation. ",
# ", a broker based in Tampa, Fla., who represents sellers. ": one sentence, no quotation marks.
_REST_OF_ATTRIBUTION = re.compile(r"([^“”\"\n]{0,300}?)[.,:]\s*")
# Full stops that do not end a sentence: initials and short abbreviations ("N.H.", "Fla.", "Sen."), and
# a parenthesis ("(D-Conn.)").
_NOT_A_STOP = re.compile(r"\b(?:[A-Z][a-z]{0,3}\.)+|\([^()\n]{1,40}\)")
# A clause with a subject of its own after a comma: ", Rubio fired back", ", he said".
_NEW_SUBJECT = re.compile(r",\s+(?:[A-Z][\w’'.-]+|he|she|they|the\s+\w+)\s+[a-z]+")
_GAP = re.compile(r"[\s.,;:!?/…–—-]*")
MIN_WORDS = 3
_TITLE_SMALL_WORDS = frozenset("of the with and a an in on for to at".split())
# Quotes shorter than this are published only when a cue stands right next to them.
SHORT_WORDS = 5


@dataclass(frozen=True)
class QuoteSpan:
    """Quotation marks found in the text, before attribution."""

    content: tuple[Span, ...]
    paragraph: int


def quote_spans(text: str, paragraphs: Sequence[Span]) -> list[QuoteSpan]:
    """Every quotation, joined across paragraphs when a paragraph ends inside a quote and the next
    one reopens it (the newspaper convention)."""
    found: list[QuoteSpan] = []
    pending: list[Span] = []
    pending_para = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        pieces, dangling = _marks(text, p_start, p_end)
        if pending:
            if pieces and pieces[0][0] == p_start + _lead(text, p_start):
                first = pieces.pop(0)
                found.append(QuoteSpan(tuple(pending) + (first,), pending_para))
                pending = []
            elif dangling == p_start + _lead(text, p_start) and not pieces:
                pending.append((dangling, p_end))
                continue
            else:
                pending = []
        found.extend(QuoteSpan((p,), index) for p in pieces)
        if dangling is not None:
            pending, pending_para = [(dangling, p_end)], index
    return found


def _lead(text: str, start: int) -> int:
    return len(text[start:start + 8]) - len(text[start:start + 8].lstrip())


def _marks(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotes in one paragraph, and the offset of a quote left open at its end."""
    spans: list[Span] = []
    i = start
    while i < end:
        found = _MARK_CHAR.search(text, i, end)  # skip to the next character that may open a quote
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPEN:
            close = text.find(_OPEN[ch], i + 1, end)
            if close < 0:
                return spans, i
            spans.append((i, close + 1))
            i = close + 1
        elif ch == "'" and text.startswith("''", i) and _opens(text, i + 1, start) and (i == start or not text[i - 1].isalnum()):
            close = text.find("''", i + 2, end)  # ''typewriter quotes'' (New York Times style)
            if close < 0:
                return spans, i
            spans.append((i, close + 2))
            i = close + 2
        elif ch == _STRAIGHT and _opens(text, i, start):
            close = text.find(_STRAIGHT, i + 1, end)
            curly = text.find("”", i + 1, close if close >= 0 else end)
            if curly >= 0 and "“" not in text[i + 1:curly]:
                close = curly  # '"Donald Trump doesn't understand ...,” said ...': opened straight, closed curly
            if close < 0:
                return spans, i
            spans.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return spans, None


def _opens(text: str, i: int, start: int) -> bool:
    return (i == start or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace()


def _inner(text: str, span: Span) -> str:
    """The quoted words without their marks."""
    return text[span[0]:span[1]].strip(_MARKS).rstrip()


def is_direct(text: str, span: QuoteSpan) -> bool:
    """A full quote rather than a few words quoted inside a sentence ("called the plan 'a disaster'")
    or a title ("Fox News Sunday")."""
    first, last = span.content[0], span.content[-1]
    inner = _inner(text, last)
    words = [w for s, e in span.content for w in _inner(text, (s, e)).split()]
    if len(words) < MIN_WORDS or not inner:
        return False
    if len(words) <= 8 and len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper() and all(
            w[:1].isupper() or not w[:1].isalpha() or w in _TITLE_SMALL_WORDS for w in words):
        return False  # Title Case: a show, a book, a slogan ("This Week with George Stephanopoulos")
    before = text[max(0, first[0] - 3):first[0]].rstrip()
    return inner[-1] in ".,!?…—-" or before.endswith((":", ",")) or before == "" or len(words) >= 12


def find_quotes(text: str, paragraphs: Sequence[Span], actors: ActorIndex,
                claims: Sequence[Claim], spans: Sequence[QuoteSpan] | None = None) -> Iterator[Quote]:
    """Attribute every direct quote; unclear speakers stay None.

    A quote that goes on after its attribution ('"...," he said. "..."' or '"...," he said, "..."')
    is one quote with several content spans, as one attribution covers it.
    """
    spans = quote_spans(text, paragraphs) if spans is None else spans
    quotes: list[Quote] = []
    previous_end = -1
    for n, span in enumerate(spans):
        if not is_direct(text, span) and not _opens_split(text, span, spans[n + 1:n + 2]):
            continue
        p_start, p_end = paragraphs[span.paragraph]
        last_para_end = next(e for s, e in paragraphs if s <= span.content[-1][0] <= e)
        previous = quotes[-1] if quotes else None
        own = _introduced(text, span, p_start, actors) or _after(text, span, last_para_end, actors, p_start) \
            or _before(text, span, p_start, actors)
        if own is None and span.paragraph > 0 and not text[p_start:span.content[0][0]].strip():
            # 'Cruz continued:' closing the paragraph before, the quote opening this one
            prev_start, prev_end = paragraphs[span.paragraph - 1]
            if text[prev_start:prev_end].rstrip().endswith(":"):
                own = _before(text, span, prev_start, actors)
        if own is not None and own.speaker is None and own.source is not None:
            own = _last_speaker(text, own, previous, claims, actors) or own
        continued = _continued(text, span, previous, previous_end, actors) if own is None or (
            previous is not None and own.cue is not None and own.cue == previous.cue) else None
        if continued is not None and previous is not None:
            quotes[-1] = replace(previous, content=previous.content + span.content)
            previous_end = span.content[-1][1]
            continue
        if own is None and sum(len(text[s:e].split()) for s, e in span.content) < SHORT_WORDS:
            continue  # a few quoted words with no cue: a phrase, not a statement
        quote = own or (None if _own_cue_after(text, span, p_end) else _from_sentence_before(text, span, p_start, claims, actors)) \
            or Quote(content=span.content)
        if quote.speaker is not None and speakers.can_speak(quote.speaker, actors) is None:
            quote = replace(quote, speaker=None)
        quotes.append(quote)
        previous_end = max(span.content[-1][1], quote.cue[1] if quote.cue else 0,
                           quote.source[1] if quote.source else 0)
    reports = sorted((c.content[0][0], c.content[-1][1], c.speaker) for c in claims)
    starts = [r[0] for r in reports]
    return (q for q in quotes if not _reported(q, reports, starts))


def carry_split_quotes(quotes: Sequence[Quote], claims: Sequence[Claim]) -> tuple[list[Quote], list[Claim]]:
    """'Yet the plan is “a first step,” Merkel said. “Others must follow.”': the claim carries the clause
    and the first quoted part (the writer's words run into it); the quote that goes on after the same
    attribution is part of that one statement, so the claim takes its further parts and the quote goes."""
    by_cue = {(c.cue, c.speaker): n for n, c in enumerate(claims) if c.cue}
    claims = list(claims)
    kept = []
    for quote in quotes:
        n = by_cue.get((quote.cue, quote.speaker)) if quote.cue and len(quote.content) > 1 else None
        claim = claims[n] if n is not None else None
        if claim is None or not claim.content[0][0] <= quote.content[0][0] < quote.content[0][1] <= claim.content[-1][1] + 2:
            kept.append(quote)
            continue
        rest = tuple(p for p in quote.content[1:] if p[0] >= claim.content[-1][1])
        claims[n] = replace(claim, content=claim.content + rest)
    return kept, claims


def _reported(quote: Quote, reports: list[tuple[int, int, str | None]], starts: list[int]) -> bool:
    """Quoted words inside a reported statement ('Morris says the campaign will “compete vigorously.”'):
    the claim already carries them and names who said them. ``reports`` are the claims' extents, sorted."""
    start, end = quote.content[0][0], quote.content[-1][1]
    i = bisect.bisect_right(starts, start)
    return any(r_end >= end and quote.speaker in (None, speaker) for _, r_end, speaker in reports[max(0, i - 3):i])


def _after(text: str, span: QuoteSpan, end: int, actors: ActorIndex, context: int) -> Quote | None:
    """'"...," said Shoigu' / '"...," Shoigu said' / '"...," according to X' / '"...," a witness said'."""
    pos = span.content[-1][1]
    if m := _CUE_AFTER.match(text, pos, end):
        source = speakers.forward(text, m.end(), actors, context)
        if source:
            return Quote(span.content, source.speaker, source.span, m.span(1))
        return Quote(span.content, None, None, m.span(1))  # "said a witness": cue known, speaker not
    if m := _ACCORDING_AFTER.match(text, pos, end):
        source = speakers.forward(text, m.end(), actors, context)
        # "according to a court document filed by ...": a source we cannot name; the quote is not the last speaker's
        return Quote(span.content, source.speaker, source.span, None) if source else Quote(span.content)
    start = pos
    while start < end and text[start] in " ,\t":
        start += 1
    source = speakers.forward(text, start, actors, context)
    if source is not None:
        rest = source.span[1]
        if m := re.match(r",[^,“”\"\n]{2,120}?,|\s*\([^()]{1,40}\)", text[rest:end]):
            rest += m.end()
        cue = _CUE_AFTER.match(text, rest, end) or _ANY_VERB_AFTER.match(text, rest, end)
        if cue and _infinitive_after(text, cue.end(1), end):
            return None  # '"..." Boeing continues to enjoy a dominance': not a cue, a new sentence
        if cue and _reports_more(text, span, cue.end(1), end):
            return None  # '"... no place in a campaign." Kasich said he would have fired him': a new sentence
        if cue and _does_a_thing(text, span, cue, end):
            return None  # '"... in a few years." Portugal confirmed their progress by ...': a new sentence
        if cue and (_ends_attribution(text, cue.end(1), end) or _continues(text, span)):
            return Quote(span.content, source.speaker, source.span, cue.span(1))
        return None
    if described := _described_speaker(text, span, start, end, actors):
        return described
    if m := _UNKNOWN_SOURCE_AFTER.match(text, start, end):
        if _ends_attribution(text, m.end("cue"), end) and not _infinitive_after(text, m.end("cue"), end):
            # someone we cannot name said it: publish it unattributed, never guess
            return Quote(span.content, None, m.span("np"), m.span("cue"))
    return None


_DESCRIPTION_WORD = re.compile(r"([\w.’'&-]+)[ \t]+")
_NOT_DESCRIPTION = frozenset("and but or nor then when as after before because while so that which who whom whose if "
                             "than he she they it we i you this there here of on in at by for from with to into about "
                             "over under through".split())
_DETERMINERS = frozenset("the a an another one some".split())
_SAYS_MORE = re.compile(r"\b(?:he|she|they|it|we|i|that)\b", re.I)


def _described_speaker(text: str, span: QuoteSpan, start: int, end: int, actors: ActorIndex) -> Quote | None:
    """'"...," former presidential candidate Herman Cain said': a person named right before the cue, after
    a few words that describe them (which the source reader does not know as titles)."""
    pos = start
    words: list[str] = []
    for _ in range(5):
        word = _DESCRIPTION_WORD.match(text, pos, end)
        if not word or word.group(1).lower() in _NOT_DESCRIPTION or word.group(1).lower() in QUOTE_CUES:
            return None
        words.append(word.group(1))
        pos = word.end()
        mention = actors.mention_at(pos)
        actor = actors.get(mention[2]) if mention else None
        if actor is None or actor.kind != "person":
            continue
        last = words[-1]
        if last[:1].isupper() and not last.endswith((".", "’s", "'s", "s’", "s'")):
            return None  # "Maya D. Song": a first name we did not read as part of the name
        if words[0].lower() in _DETERMINERS and not any(w.endswith(("’s", "'s")) for w in words):
            return None  # "one senior Democrat", "the Texan": someone described, not named
        rest = mention[1]
        if m := re.match(r"[ \t]*\([^()]{1,40}\)", text[rest:end]):
            rest += m.end()  # "state Sen. Jason Holsman (D) said"
        cue = _CUE_AFTER.match(text, rest, end)
        if cue is None or text[rest:cue.start(1)].strip() or _reports_more(text, span, cue.end(1), end) \
                or _infinitive_after(text, cue.end(1), end):
            return None
        if _says_more(text, span, cue.end(1), end):
            return None
        if _ends_attribution(text, cue.end(1), end) or _continues(text, span):
            return Quote(span.content, actor.id, (start, mention[1]), cue.span(1))
        return None
    return None


_SPLIT_GAP = re.compile(r"[^.!?“”\"\n]{2,80}[.,:]\s*")


def _opens_split(text: str, span: QuoteSpan, following: Sequence[QuoteSpan]) -> bool:
    """A few words that open a quote split by its attribution: '“Judge,” Brafman said, “I have ...”'."""
    if not following or not _inner(text, span.content[-1]).endswith(","):
        return False
    gap = text[span.content[-1][1]:following[0].content[0][0]]
    return bool(_SPLIT_GAP.fullmatch(gap)) and is_direct(text, following[0])


def _continues(text: str, span: QuoteSpan) -> bool:
    """The quote stops mid-sentence ('"...," X said, "...'), so what follows the cue continues it."""
    return _inner(text, span.content[-1]).endswith((",", "—", "–", "-", "…"))


_FINITE = re.compile(r"\b(?:would|will|is|was|are|were|has|had|have|should|could|can|did|does|do|must|may|might|"
                     r"[a-z]{3,}ed)\b", re.I)
# A clause of its own after the cue: a pronoun, a determiner or a name ("... say Labour's plans had ..."),
# not when the cue is followed by a time ("said Tuesday").
_CLAUSE_START = re.compile(r"\s+(?:(?i:he|she|they|it|we|i|you|there|this|that|the|a|an|his|her|their|its)\b"
                           r"|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                           r"May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+(?:’s|'s)?\s+[a-z]"
                           # or a lowercase word that starts a clause ("said best film and director were ..."),
                           # not a phrase of time, place or manner ("said in a statement released ...")
                           r"|(?!(?:on|in|at|during|after|before|yesterday|today|tonight|last|this|earlier|later|recently|"
                           r"when|while|as|to|of|from|by|with|afterwards|then|again|also|once|for|about|over|outside|"
                           r"inside|via|through|without|and|but|or|so|because|since|simply|only|just|not|never|"
                           r"quietly|firmly|angrily|bluntly|flatly|calmly)\b)[a-z]{3,}\b)")


def _sentence_after_closed_quote(text: str, span: QuoteSpan, cue_end: int, end: int) -> int | None:
    """Where the sentence after the cue ends, when the quote before the cue closed a sentence of its
    own (its words end in . ! or ?); None otherwise."""
    if not _inner(text, span.content[-1]).endswith((".", "!", "?")):
        return None
    stop = re.search(r"[.!?]", text[cue_end:end])
    return cue_end + stop.start() if stop else end


def _reports_more(text: str, span: QuoteSpan, cue_end: int, end: int) -> bool:
    """The quote closes its sentence and the cue after it has a statement of its own to report."""
    stop = _sentence_after_closed_quote(text, span, cue_end, end)
    if stop is None or not _CLAUSE_START.match(text, cue_end, end):
        return False
    return bool(_FINITE.search(text, cue_end, stop))  # not "Todd asked the mogul."


_THING_AFTER = re.compile(r"\s+(?:the|a|an|their|its|his|her|our|my|your)\b")


def _does_a_thing(text: str, span: QuoteSpan, cue: re.Match, end: int) -> bool:
    """The quote closes its sentence and the verb after the name takes a thing, not a quote: the
    sentence is one of its own ('Portugal confirmed their impressive progress', 'Wilkinson added the
    conversion')."""
    return cue.group(1).lower() in THING_VERBS and _sentence_after_closed_quote(text, span, cue.end(1), end) is not None \
        and _THING_AFTER.match(text, cue.end(1), end) is not None


_TO_WORD = re.compile(r"\s*to\s+([a-z]+)\b")


def _infinitive_after(text: str, cue_end: int, end: int) -> bool:
    """'"..." X continues to live in Los Angeles': the cue word takes an infinitive, so it is a verb of a
    new sentence, not the quote's attribution ('said to reporters', 'said to applause' still are)."""
    m = _TO_WORD.match(text, cue_end, end)
    if m is None:
        return False
    return lexicon().get(m.group(1), "") in ("VB", "VBP")


def _says_more(text: str, span: QuoteSpan, cue_end: int, end: int) -> bool:
    """'"... is broken." Candidate Hillary Clinton said Wednesday she wants ...': the quote closed its sentence
    and the cue after it reports a statement of its own (a subject or 'that' before the sentence ends)."""
    stop = _sentence_after_closed_quote(text, span, cue_end, end)
    return stop is not None and bool(_SAYS_MORE.search(text, cue_end, stop))


def _ends_attribution(text: str, cue_end: int, end: int) -> bool:
    """After '"...," X said' the sentence ends or goes on; it does not introduce another quote."""
    rest = text[cue_end:end].lstrip()
    return not (rest[:1] in (":",) or re.match(r",?\s*[“\"]", rest) or re.match(r"that\b", rest))


def _introduced(text: str, span: QuoteSpan, p_start: int, actors: ActorIndex) -> Quote | None:
    """'Pew said: "... paid results." Macklin said sponsored results ...': a quote a cue and a colon introduce,
    which closes its sentence, is the introducer's; what follows it is a sentence of its own."""
    if not _inner(text, span.content[-1]).endswith((".", "!", "?")):
        return None
    if not text[p_start:span.content[0][0]].rstrip().endswith(":"):
        return None
    quote = _before(text, span, p_start, actors)
    return quote if quote is not None and quote.cue is not None else None


def _before(text: str, span: QuoteSpan, p_start: int, actors: ActorIndex) -> Quote | None:
    """'Shoigu said: "..."' / 'According to X, "..."'."""
    first = span.content[0][0]
    head = text[p_start:first]
    clause_start = max(head.rfind(c) for c in ".!?”\"") + 1
    head_clause = head[clause_start:]
    offset = p_start + clause_start
    if quote := _participle_subject(text, span, head_clause, offset, actors, p_start):
        return quote
    if not head_clause.rstrip().endswith((":", ",")):
        return None
    if m := _CUE_BEFORE.search(head_clause):
        # "X, the minister, said:" but not "In Columbia, Sanders stepped up his attacks, saying:" (not Columbia)
        participle = m.group(1).lower().endswith("ing")
        if not head_clause[:m.start(1)].strip() and not participle:
            return _inverted(text, span, offset + m.end(1), offset + len(head_clause.rstrip()) - 1,
                             (offset + m.start(1), offset + m.end(1)), actors, p_start)
        source = speakers.backward(text, offset + m.start(1), actors, p_start, apposition=not participle)
        if participle and source and text[offset:source.span[0]].strip():
            source = None  # "Clinton answered on Facebook writing,": what stands before "writing" is not its subject
        if source and _OBJECT_OF.search(text, max(offset, source.span[0] - 12), source.span[0]):
            source = None  # "a source speaking to Fox News said,": the one spoken to is not the speaker
        if source and source.span[0] >= offset:
            return Quote(span.content, source.speaker, source.span, (offset + m.start(1), offset + m.end(1)))
    if label := _LABEL.fullmatch(head_clause):
        # 'Clinton: "..." Bush: "..."': a person the article names, then a colon, introduces their words
        mention = actors.mention_at(offset + label.start(1))
        actor = actors.get(mention[2]) if mention and mention[1] == offset + label.end(1) else None
        if actor is not None and actor.kind == "person":
            colon = offset + label.end(1)
            return Quote(span.content, actor.id, (mention[0], mention[1]), (colon, colon + 1))
    if m := _ACCORDING_BEFORE.search(head_clause):
        source = speakers.forward(text, offset + m.start(1), actors, p_start)
        if source:
            return Quote(span.content, source.speaker, source.span, None)
    return None


def _inverted(text: str, span: QuoteSpan, start: int, end: int, cue: Span, actors: ActorIndex,
              p_start: int) -> Quote:
    """'Said the Pew report: "..."', 'Added Smith: "..."': the source stands after the cue that opens the
    sentence; one we cannot name leaves the quote unattributed (but introduced)."""
    while start < end and text[start].isspace():
        start += 1
    source = speakers.forward(text, start, actors, p_start)
    if source is not None and source.span[1] <= end:
        return Quote(span.content, source.speaker, source.span, cue)
    return Quote(span.content, None, (start, end) if start < end else None, cue)


_PARTICIPLE_INTRO = re.compile(r",\s*(saying|adding|writing|noting|declaring|explaining|arguing|insisting|warning|"
                               r"telling)\b([^,:“”\"]{0,40}?)\s*[:,]?\s*$")
_SUBJECT_VERB = re.compile(r"(?:[ \t]*\([^()]{1,40}\))?(?:,[^,“”\"]{2,80},)?\s+(?:(?:[a-z]+ly|then|also|later|again|now)\s+)?"
                           r"[a-z]+(?:ed|s)\b")
_FRONTED = re.compile(r"(?:In|On|At|Here|There|Later|Earlier|During|After|Before|Then|Meanwhile|Also|Instead|Still|"
                      r"Now|Today|Yesterday|Speaking|Asked|Earlier|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)\b[^,“”\"\n]{0,80},\s+")
_CLAUSE_BREAK = re.compile(r"\b(?:who|whom|whose|which|but|while|when|whereas|although|though|because|until|unless|if|"
                           r"after|before|as)\b|\band\s+(?:[A-Z]|he\b|she\b|they\b)|[;—–“”\"(]")


def _participle_subject(text: str, span: QuoteSpan, head_clause: str, offset: int, actors: ActorIndex,
                        p_start: int) -> Quote | None:
    """'Madeleine Albright urged women to vote for Clinton, saying, "..."': the participle's subject is the
    subject that opens the sentence, when one clause runs from it to the participle."""
    m = _PARTICIPLE_INTRO.search(head_clause)
    if m is None or (m.group(1) != "telling" and m.group(2).strip()):
        return None
    start = offset + len(head_clause) - len(head_clause.lstrip())
    if fronted := _FRONTED.match(text, start, offset + m.start()):
        start = fronted.end()  # "Here in Columbia, Sanders stepped up ..., saying,"
    source = speakers.forward(text, start, actors, p_start)
    if source is None or source.speaker is None:
        return None
    verb = _SUBJECT_VERB.match(text, source.span[1], offset + m.start())
    if verb is None or _CLAUSE_BREAK.search(text, verb.end(), offset + m.start()):
        return None
    return Quote(span.content, source.speaker, source.span, (offset + m.start(1), offset + m.end(1)))


def _extent(item: Quote | Claim) -> tuple[int, int]:
    spans = [*item.content, *(s for s in (item.source, item.cue) if s)]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _last_speaker(text: str, quote: Quote, previous: Quote | None, claims: Sequence[Claim],
                  actors: ActorIndex) -> Quote | None:
    """'“...,” said Joe Biden, who served in the Senate. “...,” he added.': a "he" or "she" the pronoun reader
    left open (its antecedent stands after a cue, not where a subject stands) is the speaker of the
    attribution right before, when that speaker is a person of a fitting gender and nobody else is named
    between them, and that attribution names them (not "he" again). The last attribution decides: after
    '"...," said the woman' nobody is named, so no one."""
    word = text[quote.source[0]:quote.source[1]].lower()
    if word not in speakers.GENDER:
        return None
    at, first = quote.source[0], quote.content[0][0]
    before = min(at, first)
    last = max((item for item in [previous, *claims] if item is not None and _extent(item)[1] <= before),
               key=lambda item: _extent(item)[1], default=None)
    if last is None or last.speaker is None or before - _extent(last)[1] > speakers.PRONOUN_WINDOW:
        return None
    if last.source is None or not any(actor_id == last.speaker and s < last.source[1] and last.source[0] < e
                                      for s, e, actor_id in actors.spans):
        return None  # the speaker before was a pronoun read itself ('She predicts ...'): no chain of guesses
    actor = actors.get(last.speaker)
    known = actors.genders.get(last.speaker)
    if actor is None or actor.kind != "person" or known not in (None, speakers.GENDER[word]):
        return None
    if actors.unnamed_speaker(_extent(last)[1], at, speakers.GENDER[word]) >= 0:
        return None  # 'A spokeswoman for Oxford University said ...', '..., said Paul King, ...': someone unnamed spoke since
    inside = [(s, e) for s, e in quote.content]
    for s, e, actor_id in actors.spans:
        if _extent(last)[1] <= s and e <= at and actor_id != last.speaker and not any(a <= s and e <= b for a, b in inside):
            other = actors.get(actor_id)
            if other is not None and other.kind == "person":
                return None  # someone else is named in between: they may be the one meant
    return replace(quote, speaker=last.speaker)


def _continued(text: str, span: QuoteSpan, previous: Quote | None, previous_end: int,
               actors: ActorIndex) -> Quote | None:
    """The second half of a split quote: '"...," he said. "..."', or a quote with no attribution of its
    own opening the paragraph after one that closed with its speaker ('"...," he said.¶"..."')."""
    if previous is None or previous_end < 0 or (previous.speaker is None and previous.cue is None):
        return None
    gap = text[previous_end:span.content[0][0]]
    if "\n" in gap:
        gap, _, next_paragraph = gap.partition("\n")
        if previous.speaker is None or next_paragraph.strip():
            return None
    if not (_GAP.fullmatch(gap) or _rest_of_attribution(gap)):
        return None
    if _someone_else_introduces(gap, previous_end, span.content[0][0], previous.speaker, actors):
        return None  # '"..." Bush: "..."': someone else introduces the next quote
    return Quote(span.content, previous.speaker, previous.source, previous.cue)


def _someone_else_introduces(gap: str, start: int, end: int, speaker: str | None, actors: ActorIndex) -> bool:
    """``gap`` (the text in ``[start, end)``) ends with a colon and names an actor other than ``speaker``."""
    return gap.rstrip().endswith(":") and any(a != speaker for a in actors.within(start, end))


_LABEL = re.compile(r"\s*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}):\s*")
_OBJECT_OF = re.compile(r"\b(?:to|with|from|by|told|toward|towards)\s+(?:the\s+)?$", re.I)
_QUOTE_END = re.compile(r",\s*[”\"]?")
_SENTENCE_REST = re.compile(r"([^.!?“”\"\n]{1,120})[.!?](?:\s|$)")
# Words after a quote that closes on a comma, in the same paragraph: its attribution.
_ATTRIBUTION_FOLLOWS = re.compile(r"[^\S\n]*[\w(]")
_OWN_CUE = re.compile(rf"[^.!?“”\"\n]{{0,100}}?\b(?:{_CUE_WORDS})\b", re.I)


def _own_cue_after(text: str, span: QuoteSpan, end: int) -> bool:
    """'"...," his nephew Michery el Soheil added': the sentence goes on after the quote to a cue of its own,
    even when we cannot read who stands before it, so the speaker of the sentence before is not its speaker."""
    close = span.content[-1][1]
    if _inner(text, span.content[-1]).endswith(",") and _ATTRIBUTION_FOLLOWS.match(text, close):
        return True  # '"...," an official who was not named told Fox News': its own source, one we could not read
    goes_on = _inner(text, span.content[-1]).endswith((",", "?", "!", "—", "–")) or text.startswith(",", close)
    if not goes_on:
        return False
    if text.startswith(",", close):  # '6’2”,” Rubio said': a mark inside the quote closed it early
        close = _QUOTE_END.match(text, close).end()
    rest = _SENTENCE_REST.match(text, close, end)
    # '"...," mused Blaze co-host Stu Burguiere.': a short rest of the sentence is the quote's attribution
    return bool(_OWN_CUE.match(text, close, end)) or (rest is not None and len(rest.group(1).split()) <= 8)


_TITLE_WORD = rf"(?:[A-Z0-9][\w’'&-]*|{'|'.join(sorted(_TITLE_SMALL_WORDS))})"
# A show or a book named in quotation marks: 'on NBC’s “Meet the Press.”', 'on ABC's "This Week with George ..."'.
_QUOTED_TITLE = re.compile(rf"[“\"]([A-Z0-9][\w’'&-]*(?:\s+{_TITLE_WORD}){{0,7}})([.,]?)[”\"]")


def _rest_of_attribution(gap: str) -> bool:
    """``gap`` ends the sentence of the last quote's attribution and starts no other. A title in
    quotation marks inside it ('he said on “Meet the Press.”') is a name, not a quote."""
    gap = _QUOTED_TITLE.sub(lambda m: "Title" + m.group(2), gap)
    m = _REST_OF_ATTRIBUTION.fullmatch(gap)
    return bool(m) and "''" not in gap and not re.search(r"[.!?]", _NOT_A_STOP.sub("", m.group(1)))


def _speech(text: str, cue: Span) -> bool:
    """A cue that reports speech: "said", "warned"; not a wish, a stance or a noun ("wants", "endorsed",
    "Trump's call for ..."), which do not make the next quote the same person's words."""
    word = text[cue[0]:cue[1]].lower()
    return word not in NOT_SPEECH and word not in STANCE_OF_NOUN


def _from_sentence_before(text: str, span: QuoteSpan, p_start: int, claims: Sequence[Claim],
                          actors: ActorIndex) -> Quote | None:
    """A quote that stands alone after a sentence reporting what someone said or urged."""
    first = span.content[0][0]
    head = text[p_start:first]
    if head.strip() and not head.rstrip().endswith((".", "!", "?", ":")):
        return None
    window_start = p_start if head.strip() else p_start - 2
    for claim in sorted((c for c in claims if c.cue and _speech(text, c.cue)), key=lambda c: c.cue[0], reverse=True):
        if claim.speaker and window_start - 400 <= claim.cue[0] < first:
            between = text[claim.content[-1][1]:first]
            if _NEW_SUBJECT.search(between) and not re.search(r"[.!?]", between):
                return None  # "When Trump suggested X, Rubio fired back:": the colon's clause has its own subject
            if _someone_else_introduces(between, claim.content[-1][1], first, claim.speaker, actors):
                return None  # '"..." Bush: "..."': someone else introduces this quote
            stops = [m.end() for m in re.finditer(r"[.!?]", _NOT_A_STOP.sub(lambda m: " " * len(m.group()), between))]
            if stops and re.search(r"[A-Za-z]", between[stops[-1]:]):
                return None  # 'Merkel said X. Kasich resisted: "..."': a sentence of its own introduces the quote
            if between.count(".") + between.count("!") + between.count("?") <= 1:
                return Quote(span.content, claim.speaker, claim.source, claim.cue)
            return None
    return None

