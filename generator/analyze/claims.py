"""Claims: reported (indirect) speech with a stance and targets.

Patterns: ``X said (that) ...``, ``X told Y that ...``, ``X accused Y of ...``, ``X denied ...``,
``an allegation X denies``, ``X warned that ...``, ``X urged Y to ...``, ``..., saying ...``.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..model import Claim, Span
from . import speakers
from .actors import ActorIndex
from .gazetteer import is_country
from .lexicon import OBJECT_VERBS, STANCE_OF_VERB
from .nlp import Doc, Sentence, Token

_BE = frozenset("is was were are be been being has have had".split())
_CLAUSE_END = re.compile(
    r",\s+(?:since|because|while|whereas|although|though|which|who|after|before|when|a fact|"
    r"an allegation|saying|adding|according)\b|;|\s[–—]\s|\s\(|[“\"‘]|$"
)
_ALLEGATION_BEFORE = re.compile(
    r"\b((?:an?|the|these|those)\s+(?:allegations?|accusations?|claims?|charges?|reports?))\s+(?:that\s+|which\s+)?$",
    re.I,
)
_OPEN_QUOTES = "“\"‘«"
_CLOSE_QUOTES = "”\"’»"


def find_claims(doc: Doc, actors: ActorIndex, quoted: Sequence[Span]) -> Iterator[Claim]:
    """Every reported statement whose cue stands outside quotation marks."""
    claims: list[Claim] = []
    for sentence in doc.sentences:
        for k, token in enumerate(sentence.tokens):
            stance = _stance(sentence.tokens, k)
            if stance and not _inside(token.start, quoted):
                claim = _claim(doc, sentence, k, stance, actors, claims)
                if claim:
                    claims.append(claim)
    return iter(claims)


def _stance(tokens: tuple[Token, ...], k: int) -> str | None:
    token = tokens[k]
    stance = STANCE_OF_VERB.get(token.lower)
    if not stance or not token.tag.startswith("VB"):
        return None
    if k > 0 and tokens[k - 1].lower in _BE and token.tag == "VBN":
        return None  # passive: "was accused by" names the source after the verb
    if token.lower in ("called", "calls", "asked", "asks"):
        following = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if token.lower.startswith("call") and following not in ("on", "upon", "for"):
            return None
    return stance


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _claim(doc: Doc, sentence: Sentence, k: int, stance: str, actors: ActorIndex,
           earlier: list[Claim]) -> Claim | None:
    text = doc.text
    cue = sentence.tokens[k]
    before = text[sentence.start:cue.start].rstrip()
    if before.endswith(tuple(_CLOSE_QUOTES)) or before.endswith(tuple(c + "," for c in _CLOSE_QUOTES)):
        return None  # '"...," said X': the attribution of a direct quote
    context = doc.paragraphs[sentence.paragraph][0]
    if cue.lower.endswith("ing") and before.endswith(","):
        source = _subject(doc, sentence, actors, context)
    else:
        source = speakers.backward(text, cue.start, actors, context)
        if source and _ALLEGATION_BEFORE.search(text[sentence.start:source.span[0]]):
            return _denial(doc, sentence, cue, source, stance, actors, earlier)
    if source is None or source.span[0] < sentence.start:
        return None
    content = _content(text, cue.end, sentence.end, stance)
    if content is None:
        return None
    targets = _targets(text, cue, content, stance, source.speaker, actors)
    return Claim(content=(content,), stance=stance, speaker=source.speaker,  # type: ignore[arg-type]
                 source=_widen(doc, sentence, source.span), cue=(cue.start, cue.end), targets=targets)


def _content(text: str, start: int, end: int, stance: str) -> Span | None:
    """The reported words after the cue, up to the end of the clause."""
    while start < end and text[start] in " \t:,":
        start += 1
    if start >= end or text[start] in _OPEN_QUOTES:
        return None  # a direct quote follows: the quote extractor owns it
    stop = _CLAUSE_END.search(text, start + 1, end)
    stop_at = stop.start() if stop else end
    while stop_at > start and (text[stop_at - 1] in " .,;:!?" or text[stop_at - 1] in _CLOSE_QUOTES):
        stop_at -= 1
    words = text[start:stop_at].split()
    if len(words) < 3:
        return None
    return (start, stop_at)


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
    """The subject that opens the sentence, for "..., saying ..." clauses."""
    first = speakers.forward(doc.text, sentence.start, actors, context)
    if first is None and doc.text.startswith(("The ", "the "), sentence.start):
        first = speakers.forward(doc.text, sentence.start + 4, actors, context)
    return first


def _denial(doc: Doc, sentence: Sentence, cue: Token, source: speakers.Source, stance: str,
            actors: ActorIndex, earlier: list[Claim]) -> Claim | None:
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


def _widen(doc: Doc, sentence: Sentence, span: Span) -> Span:
    """Take in the role words that stand before a name: "Russian President Vladimir Putin"."""
    start = span[0]
    tokens = [t for t in sentence.tokens if t.end <= span[0]]
    while tokens and tokens[-1].end >= start - 1 and tokens[-1].text[:1].isupper() and tokens[-1].tag in ("NNP", "NNPS", "JJ"):
        start = tokens.pop().start
    return (start, span[1])
