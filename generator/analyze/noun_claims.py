"""Claims named by a noun: "Clinton's claim that ...", "his promise to ...", "the suggestion by Rubio that ...".

The noun is the cue and the possessor (or the name after "by"/"from") is the source. Only a noun
with a source that the sentence names is read: "the claim that ..." with nobody behind it is left
alone. A possessive pronoun ("his claim") is resolved as "he" would be; when that is unclear the
claim keeps the pronoun as its source and no speaker.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ..model import Claim, Span
from . import speakers
from .actors import ActorIndex
from .lexicon import AUXILIARIES, STANCE_OF_NOUN, TO_NOUNS
from .nlp import Doc, Sentence, Token

_POSSESSIVES = {"his": "he", "her": "she", "their": "they"}
_FINITE = frozenset("VBD VBZ VBP MD".split())
# Words between a possessor and the noun: "his repeated claim", "Trump's 2015 call".
_MODIFIER_TAGS = frozenset("JJ JJR JJS RB VBN CD NN".split())
_CALL_NOUNS = frozenset("call calls demand demands appeal appeals plea pleas push".split())
_CONTENT_STOPS = frozenset("; : ( — –".split())
# A comma before one of these ends what was claimed: "his claim that ..., which ...".
_AFTER_COMMA_STOPS = frozenset("which who whom whose while whereas although though because since but and after before "
                               "when as even saying adding according".split())


def find_noun_claims(doc: Doc, actors: ActorIndex, quoted: Sequence[Span]) -> Iterator[Claim]:
    """Every "X's claim that ..." whose noun stands outside quotation marks."""
    for sentence in doc.sentences:
        for k, token in enumerate(sentence.tokens):
            stance = STANCE_OF_NOUN.get(token.lower)
            if stance is None or any(s <= token.start < e for s, e in quoted):
                continue
            claim = _noun_claim(doc, sentence, k, stance, actors)
            if claim is not None:
                yield claim


def _noun_claim(doc: Doc, sentence: Sentence, k: int, stance: str, actors: ActorIndex) -> Claim | None:
    tokens = sentence.tokens
    after = k + 1
    source = _possessor(doc, sentence, k, actors)
    if source is None and after + 1 < len(tokens) and tokens[after].lower in ("by", "from") and tokens[k - 1].lower in ("the", "a", "an"):
        source, after = _named_after(doc, sentence, after + 1, actors)
    if source is None:
        return None
    start = _content_start(tokens, k, after)
    if start is None:
        return None
    end = _content_end(doc.text, tokens, start, sentence.end, subject=_is_subject(tokens, k))
    if end is None:
        return None
    cue = tokens[k]
    if source.speaker and source.speaker in actors.within(tokens[start].start, end):
        source = speakers.Source(source.span, None)  # "his refusal to give hearings to Garland": not Garland's
    return Claim(content=((tokens[start].start, end),), stance=stance, speaker=source.speaker,  # type: ignore[arg-type]
                 source=source.span, cue=(cue.start, cue.end))


def _possessor(doc: Doc, sentence: Sentence, k: int, actors: ActorIndex) -> speakers.Source | None:
    """Whose claim it is: "Clinton's", "the judges'", "his" (resolved as a pronoun), before the noun."""
    tokens = sentence.tokens
    j = k - 1
    while j >= 0 and tokens[j].tag in _MODIFIER_TAGS and tokens[j].lower not in _POSSESSIVES and k - j < 4:
        j -= 1
    if j < 0:
        return None
    context = doc.paragraphs[sentence.paragraph][0]
    word = tokens[j].lower
    if word in _POSSESSIVES:
        speaker = _clause_subject(doc, sentence, j, actors, context)
        if speaker and (_rivals(actors, sentence.start, tokens[j].start, speaker) or not _fits(actors, speaker, word)):
            speaker = None  # "his praise of Putin, and his call for ...": whose call is unclear
        return speakers.Source((tokens[j].start, tokens[j].end), speaker)
    if tokens[j].tag != "POS" or j == 0:
        return None
    owner_end = tokens[j - 1].end
    named = actors.mention_ending(owner_end)
    if named and named[0] >= sentence.start:
        actor = actors.get(named[2])
        speaker = named[2] if actor and actor.kind in ("person", "organization", "group") else None
        return speakers.Source((named[0], named[1]), speaker)
    i = j - 1
    if tokens[i].chunk not in ("B-NP", "I-NP") or not tokens[i].tag.startswith("NN"):
        return None
    while i > 0 and tokens[i].chunk == "I-NP" and tokens[i - 1].chunk in ("B-NP", "I-NP") and tokens[i - 1].tag != "POS":
        i -= 1
    return speakers.Source((tokens[i].start, owner_end), None)


def _clause_subject(doc: Doc, sentence: Sentence, j: int, actors: ActorIndex, context: int) -> str | None:
    """"Trump repeated his promise": a possessive pronoun is read as the sentence's subject only, never
    as whoever was named last ("challenging him over his comments" is about someone else)."""
    tokens = sentence.tokens
    i = 0
    while i < j and tokens[i].lower in ("but", "and", "yet", "so", "still", "now", "then"):
        i += 1
    if i >= j or any(t.lower in ("him", "her", "them", "who", "whom") for t in tokens[i:j] if t.tag != "PRP$"):
        return None
    subject = speakers.forward(doc.text, tokens[i].start, actors, context)
    if subject is None or subject.span[1] > tokens[j].start:
        return None
    verb = next((n for n in range(i, j) if tokens[n].start >= subject.span[1]), j)
    if verb >= j or tokens[verb].tag not in ("VBD", "VBZ", "VBP", "VBN", "MD") and tokens[verb].lower not in AUXILIARIES:
        return None  # the name must be followed by its verb: "Trump, who ..., repeated his" is not read
    return subject.speaker


def _fits(actors: ActorIndex, speaker: str, word: str) -> bool:
    """"his" and "her" only for a person whose gender is known to fit; "their" for a group or organisation."""
    actor = actors.get(speaker)
    if word == "their":
        return actor is not None and actor.kind in ("group", "organization")
    return actors.genders.get(speaker) == speakers.GENDER[_POSSESSIVES[word]]


def _rivals(actors: ActorIndex, start: int, end: int, speaker: str) -> bool:
    """Another actor of the same kind and no other gender named in the sentence before the pronoun."""
    chosen = actors.get(speaker)
    gender = actors.genders.get(speaker)
    for other in actors.within(start, end):
        actor = actors.get(other)
        if other == speaker or actor is None or chosen is None:
            continue
        same_kind = actor.kind == chosen.kind or {actor.kind, chosen.kind} <= {"group", "organization", "place"}
        if same_kind and not (gender and actors.genders.get(other) not in (None, gender)):
            return True
    return False


def _named_after(doc: Doc, sentence: Sentence, i: int, actors: ActorIndex) -> tuple[speakers.Source | None, int]:
    """"the suggestion by Rubio that ...": the name after "by", and the token after it."""
    tokens = sentence.tokens
    context = doc.paragraphs[sentence.paragraph][0]
    named = speakers.forward(doc.text, tokens[i].start, actors, context)
    if named is None or named.speaker is None:
        return None, i
    nxt = next((n for n in range(i, len(tokens)) if tokens[n].start >= named.span[1]), len(tokens))
    return named, nxt


def _content_start(tokens: tuple[Token, ...], k: int, i: int) -> int | None:
    """Where what was claimed begins: "that" and a clause with its own subject, or "to" and a verb."""
    if i + 1 >= len(tokens):
        return None
    word, following = tokens[i].lower, tokens[i + 1]
    if word == "that" and not following.tag.startswith(("VB", "MD")) and following.text not in ",.;:":
        return i  # "the claim that was made": a relative clause, nothing claimed
    if word == "to" and following.tag == "VB" and tokens[k].lower in TO_NOUNS:
        return i
    if word in ("for", "on") and tokens[k].lower in _CALL_NOUNS and following.text[:1].isalnum():
        return i + 1
    return None


def _is_subject(tokens: tuple[Token, ...], k: int) -> bool:
    """The noun phrase opens its clause ("Clinton's claim that ... was false"): the main verb comes later."""
    return not any(t.tag in _FINITE for t in tokens[:k])


def _content_end(text: str, tokens: tuple[Token, ...], start: int, end: int, subject: bool) -> int | None:
    """Up to the end of the clause; when the noun phrase is the subject, before the main verb."""
    stop = len(tokens)
    finite = []
    for n in range(start + 1, len(tokens)):
        if tokens[n].text in _CONTENT_STOPS or (tokens[n].text == "," and n + 1 < len(tokens)
                                                  and tokens[n + 1].lower in _AFTER_COMMA_STOPS):
            stop = n
            break
        if tokens[n].tag in _FINITE or tokens[n].tag == "VBN" and tokens[n - 1].tag.startswith(("NN", "PRP")):
            finite.append(n)  # the tagger reads many past tenses after a noun as participles ("rebels surprised")
    if tokens[stop - 1].text in ".!?" if stop - 1 > start else False:
        stop -= 1
    own = 1 if tokens[start].lower == "that" else 0  # a "that" clause has a verb of its own
    if subject and len(finite) > own and finite[-1] < stop:
        stop = finite[own] if own == 0 else finite[-1]
        while stop - 1 > start and tokens[stop - 1].tag in ("RB", "MD"):
            stop -= 1
    while stop - 1 > start and tokens[stop - 1].text in ".!?,;:":
        stop -= 1
    if stop - start < 3:
        return None
    return tokens[stop - 1].end


__all__ = ["find_noun_claims"]
