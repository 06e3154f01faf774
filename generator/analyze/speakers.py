"""Who is named at a place in the text: a name, a pronoun, or a role ("the minister").

Shared by the quote and claim extractors. Every function answers a :class:`Source` or None; an
unknown source stays unknown (speaker None), it is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Span
from .actors import ActorIndex
from .gazetteer import is_country
from .lexicon import ROLE_HEADS, SEATS_OF_GOVERNMENT
from .nlp import lexicon

_PRONOUN_AFTER = re.compile(r"(he|she|they)\b", re.I)
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they)\s*$", re.I)
_ROLE_WORDS = "|".join(sorted((re.escape(w) for w in ROLE_HEADS), key=len, reverse=True))
_ROLE_AFTER = re.compile(rf"(?:the|a|an|one)\s+((?:[\w’'-]+\s+){{0,4}}?)({_ROLE_WORDS})\b", re.I)
_ROLE_BEFORE = re.compile(rf"\b(?:the|a|an|one)\s+((?:[\w’'-]+\s+){{0,4}}?)({_ROLE_WORDS})\s*$", re.I)
_APPOSITION_BEFORE = re.compile(r",\s*[^,“”\"\n]{2,120}?,\s*$")
GENDER = {"he": "male", "she": "female"}
# How far back a pronoun may look for its antecedent (characters).
PRONOUN_WINDOW = 1200


@dataclass(frozen=True)
class Source:
    """A place where a source is named, and the actor it names (None when unclear)."""

    span: Span
    speaker: str | None


_TITLE_WORD = re.compile(
    rf"([A-Z][\w’'-]*\.?|(?:campaign|former|top|senior|deputy|chief|political|[a-z]+-[a-z]+|{_ROLE_WORDS})\b)\s+")
_TITLE_AND = re.compile(r"(?:and|&)\s+(?=[A-Z])")  # "said Economic and Fiscal Policy Minister X"
# "his nephew Michery el Soheil", "her husband, Bill": a relative or colleague named after who they belong to.
_KIN_BEFORE_NAME = re.compile(
    r"(?:his|her|their)\s+(?:(?:older|younger|late|former|eldest)\s+)?(?:wife|husband|son|daughter|brother|sister|mother|"
    r"father|nephew|niece|uncle|aunt|cousin|grandson|granddaughter|grandmother|grandfather|friend|colleague|partner|"
    r"fiancée?|widow|widower|lawyer|attorney|spokesman|spokeswoman|aide|boss)\b,?\s+")


def forward(text: str, start: int, actors: ActorIndex, context_start: int) -> Source | None:
    """The source named at ``start`` (after a cue: "said Shoigu", "said the minister")."""
    pos = start
    if kin := _KIN_BEFORE_NAME.match(text, start):
        mention = actors.mention_at(kin.end())
        actor = actors.get(mention[2]) if mention else None
        if actor is None or actor.kind != "person" or not re.match(r"\s*[,.;:!?]|\s+(?:said|added|says|told|wrote)\b", text[mention[1]:mention[1] + 12]):
            return None  # "his wife said": someone we cannot name, not the person named last
        return Source((start, mention[1]), mention[2])
    for _ in range(6):  # titles and modifiers before a name: "Gov. Kasich", "Malaysian Defence Minister X"
        mention = actors.mention_at(pos)
        if mention and (person := _person_after_noun(text, mention[1], actors)) is not None:
            pos = person  # "said Virginia delegate Beau Correll": the delegate, not Virginia
            continue
        if mention and _POSSESSIVE.match(text, mention[1]) and text[mention[1] - 1:mention[1]] in "sS" and \
                (owned := _owned_person(text, _POSSESSIVE.match(text, mention[1]).end(), actors)):
            return Source((start, owned[1]), owned[2])  # "said Ladbrokes' Warren Lush": the person, not the firm
        if mention and not _modifies(text, mention[1]):
            if text.startswith(("’s", "'s"), mention[1]) or _POSSESSIVE.match(text, mention[1]) and \
                    text[mention[1] - 1:mention[1]] in "sS":
                return None  # "Clinton's aide", "Ladbrokes' spokesman": someone else
            return Source((start, mention[1]), mention[2])
        m = _TITLE_WORD.match(text, pos) or pos > start and _TITLE_AND.match(text, pos)
        if not m:
            break
        pos = m.end()
    if m := _PRONOUN_AFTER.match(text, start):
        return Source(m.span(), _pronoun(m.group(1), start, actors, context_start))
    if m := _ROLE_AFTER.match(text, start):
        return Source(m.span(), _role(m.start(), m.end(), m.group(2), actors, text))
    return None


# A plural possessive with a bare apostrophe: "Ladbrokes' Warren Lush", "Ladbrokes’ spokesman".
_POSSESSIVE = re.compile(r"[’'](?=[ \t]+[\w])[ \t]+")


def _owned_person(text: str, pos: int, actors: ActorIndex) -> tuple[int, int, str] | None:
    """The person named right after a bare-apostrophe possessive, where the attribution ends."""
    mention = actors.mention_at(pos)
    actor = actors.get(mention[2]) if mention else None
    if actor is None or actor.kind != "person" or not re.match(r"\s*(?:[,.;:!?]|$)", text[mention[1]:mention[1] + 3]):
        return None
    return mention


_NOUN_AFTER_NAME = re.compile(r"[ \t]+((?:[a-z][a-z’'-]*[ \t]+){1,4})(?=[A-Z])")
_NOT_NOUNS = frozenset("a an the and or but of in on at to for from by with as about after before during "
                       "when while said says told added who which that this last next".split())


def _person_after_noun(text: str, end: int, actors: ActorIndex) -> int | None:
    """Where a person's name starts when the name ending at ``end`` modifies a common noun that
    comes before it: "Virginia delegate Beau Correll", "Idaho businessman Frank VanderSloot", "Tory
    shadow local government secretary Caroline Spelman" (the noun may have adjectives before it)."""
    m = _NOUN_AFTER_NAME.match(text, end)
    words = m.group(1).split() if m else []
    if not words or any(w in _NOT_NOUNS for w in words) or not _is_noun(words[-1]) \
            or not all(_is_noun(w) or lexicon().get(w) == "JJ" for w in words[:-1]):
        return None
    after = actors.mention_at(m.end())
    actor = actors.get(after[2]) if after else None
    return m.end() if actor is not None and actor.kind == "person" else None


def _is_noun(word: str) -> bool:
    """A common noun in the tagger's lexicon ("delegate", "businessman"), not a verb ("praised")."""
    return lexicon().get(word, "").startswith("NN")


def _modifies(text: str, end: int) -> bool:
    """A name followed by another name or a role is a modifier ("Clinton campaign chairman John Podesta")."""
    m = re.match(r"[ \t]+([\w’'.-]+)", text[end:end + 40])
    if not m:
        return False
    word = m.group(1)
    return word[:1].isupper() or word.lower() in ROLE_HEADS or word.lower() in ("campaign", "spokesman", "spokeswoman", "aide", "adviser")


def backward(text: str, end: int, actors: ActorIndex, context_start: int, apposition: bool = True) -> Source | None:
    """The source named right before ``end`` (before a cue: "Shoigu said", "Shoigu, the minister, said")."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    mention = actors.mention_ending(end)
    if mention:
        return Source((mention[0], mention[1]), mention[2])
    head = text[max(0, end - 160):end]
    offset = end - len(head)
    # Each pattern below ends on the end of ``head`` (no space after it: see above), so what the
    # last word is tells first, and cheaply, whether a search can find anything: most cannot.
    if head[-2:].lower() in ("he", "ey") and (m := _PRONOUN_BEFORE.search(head)):
        return Source((offset + m.start(1), offset + m.end(1)), _pronoun(m.group(1), offset + m.start(1), actors, context_start))
    if _last_word(head) in ROLE_HEADS and (m := _ROLE_BEFORE.search(head)):
        return Source((offset + m.start(), offset + m.end(2)), _role(offset + m.start(), offset + m.end(2), m.group(2), actors, text))
    if apposition and head.endswith(",") and (m := _APPOSITION_BEFORE.search(head)):
        if named := _named_apposition(text, offset + m.start(), end, actors):
            return named  # "The secretary of the Union, Reverend Eldon Phillips, said": the person, not the Union
        inner = backward(text, offset + m.start(), actors, context_start, apposition=False)
        if inner:
            return inner
    return None


def _last_word(text: str) -> str:
    """The last word of ``text``, in lowercase ("" when there is none)."""
    words = text.rsplit(None, 1)
    return words[-1].lower() if words else ""


_APPOSITION_TITLE = re.compile(rf"(?:(?:[A-Z][\w’'-]*\.?|(?i:{_ROLE_WORDS}|former|acting|deputy|chief|senior))\s+)*")


def _named_apposition(text: str, start: int, end: int, actors: ActorIndex) -> Source | None:
    """The apposition between ``start`` (its opening comma) and ``end`` (its closing comma) is a person's
    name, with titles before it at most ("Labour MP Barry Sheerman"), not a description ("a friend of Tom")."""
    inner_end = end
    while inner_end > start and text[inner_end - 1] in " \t,":
        inner_end -= 1
    inner_start = start + 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    mention = actors.mention_ending(inner_end)
    actor = actors.get(mention[2]) if mention else None
    if actor is None or actor.kind != "person" or mention[0] < inner_start:
        return None
    titles = text[inner_start:mention[0]]
    if not _APPOSITION_TITLE.fullmatch(titles) or re.search(r"\b(?:the|a|an|of|and|for)\b", titles, re.I):
        return None
    return Source((mention[0], mention[1]), mention[2])


def can_speak(actor_id: str | None, actors: ActorIndex) -> str | None:
    """``actor_id``, unless it is a place that cannot say anything: a country speaks through its
    government and a seat of government for it ("Moscow said"), but "Stacy Baker of Columbia, South
    Carolina says" is not South Carolina speaking, nor "an actor in Dallas, who runs a theatre" Dallas."""
    actor = actors.get(actor_id) if actor_id else None
    if actor is not None and actor.kind == "place" and not is_country(actor.name) and actor.name not in SEATS_OF_GOVERNMENT:
        return None
    return actor_id


def pronoun(word: str, at: int, actors: ActorIndex, context_start: int) -> str | None:
    """The actor "he", "she" or "they" at ``at`` stands for: the most recent fitting one, or None."""
    return _pronoun(word, at, actors, context_start)


def _pronoun(word: str, at: int, actors: ActorIndex, context_start: int) -> str | None:
    word = word.lower()
    if word in GENDER:
        return actors.recent(at, at - PRONOUN_WINDOW, ("person",), GENDER[word])
    # "they" stands for people: a group ("rebels") or an organisation named in the plural ("Democrats");
    # read as the last organisation or place named, it gave studies' authors to a university and voters to a state
    found = actors.recent(at, at - PRONOUN_WINDOW, ("group", "organization"))
    actor = actors.get(found)
    if actor is None or actor.kind == "organization" and not _plural_name(actor.name):
        return None
    return found


def _plural_name(name: str) -> bool:
    return " " not in name and name.endswith("s") and not name.endswith("ss")


_MODIFIER = r"(?!(?:the|a|an|of|for|to|with|in|on|at|and|or|by|from|as|his|her|their|its)\b)[\w’'-]+"


@lru_cache(maxsize=None)
def _unnamed_role(head: str) -> re.Pattern[str]:
    """'a spokesman', 'an official Home Office spokesman': someone holding the role, not named."""
    return re.compile(rf"\b(?:a|an|one)\s+(?:{_MODIFIER}\s+){{0,3}}{re.escape(head)}\b", re.I)


# Roles whose holder speaks for the organisation or country that modifies them ("a Kremlin spokesman").
VOICE_HEADS = frozenset("spokesman spokeswoman spokesperson official officials representative".split())


def _role(start: int, end: int, head: str, actors: ActorIndex, text: str) -> str | None:
    """"a Kremlin spokesman" speaks for the Kremlin; "the minister" is the one minister named.

    Only a spokesperson or an official speaks for the organisation or country named in the role:
    "a Clinton aide" is not Clinton, "the Senate minority leader" is not the Senate, and "a Cairo
    airport official" does not speak for Cairo (a town, not a country). "a spokesman" is someone
    not named before, never the one spokesman named earlier."""
    inside = actors.within(start, end)
    if inside:
        actor = actors.get(inside[-1])
        if actor is not None and head.lower() in VOICE_HEADS and (
                actor.kind == "organization" or actor.kind == "place" and is_country(actor.name)):
            return actor.id
    if text[start:end].split(None, 1)[0].lower() in ("a", "an", "one"):
        return None
    holder = actors.by_role(head)
    if holder is not None:
        # "the spokesman" is the spokesman named before, not one the article names later, and not when
        # "a spokesman for the Home Office" came up after the holder's last mention
        # ("the network's spokesman Scott Grogin": named right after the role, that is them too)
        named = [e for s, e, actor_id in actors.spans if actor_id == holder and (e <= start or end <= s <= end + 2)]
        if not named or _unnamed_role(head).search(text, min(max(named), start), start):
            return None
    if inside and holder is not None:
        # "the Senate minority leader" is the one leader named, if he was named the Senate's leader
        names = [w for w in text[start:end].split()[1:] if w[:1].isupper()]
        roles = " ".join(actors.get(holder).roles).lower()
        if not all(w.lower() in roles for w in names):
            return None
    return holder
