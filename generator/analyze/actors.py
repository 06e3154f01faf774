"""Actors: people, organisations, places and groups, with roles, aliases and every mention.

Without a statistical NER model: proper-noun runs from the pattern tagger, split into a role
("Russian Defense Minister") and a name ("Sergei Shoigu"), classified with cue words and the place
gazetteer, then merged inside the article (surname to full name, acronym to organisation, "Moscow"
to Russia where it acts).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterable, Iterator

from ..ids import slugify
from ..model import Actor
from .gazetteer import UK_REGIONS, canonical_place, countries, first_name, major_places, places
from .lexicon import (
    COLLECTIVE_HEADS, DEMONYMS, GROUP_COMPOUNDS, GROUP_HEADS, HONORIFICS, KNOWN_ORGS, NOT_NAMES,
    EVENT_WORDS, NOT_ACTORS, ORG_ALIASES, ORG_CUES, ORG_FIRST_WORDS, PUBLICATIONS, QUOTE_CUES, ROLE_HEADS,
    SEATS_OF_GOVERNMENT, STANCE_OF_VERB,
)
from .nlp import PROPER_TAGS, TEXT, Doc, Sentence, Token, lexicon

CONNECTORS = frozenset({"of", "al", "el", "bin", "ibn", "de", "da", "du", "van", "von", "der", "den", "la", "le", "y"})
PLACE_SUFFIXES = frozenset(
    "Street Road Avenue Square River Mountains Sea Ocean Island Islands Valley Province Region "
    "County State City Bay Airport Stadium Park Hall Bridge Lake Strait Gulf Peninsula Coast".split()
)
# Titles and roles that tell a person's gender. Not pronouns: in "Sanders, her rival" "her" is someone else.
FEMALE_CUES = frozenset("mrs ms miss lady dame spokeswoman chairwoman congresswoman queen princess actress".split())
MALE_CUES = frozenset("mr sir lord spokesman chairman congressman king prince".split())


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    kind: str | None
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    sentence_start: bool = False
    surface: str = ""


@dataclass(frozen=True)
class ActorIndex:
    """The article's actors and where each is mentioned, for attribution to look speakers up."""

    actors: tuple[Actor, ...]
    spans: tuple[tuple[int, int, str], ...]
    """(start, end, actor id) for every mention and role reference, sorted by start."""
    genders: dict[str, str] = field(default_factory=dict)
    subjects: frozenset[tuple[int, int]] = frozenset()
    """Mentions that stand where a subject stands ("Etzioni criticises", "Makarov, 50, claims"):
    the antecedents a pronoun may take."""
    quoted: tuple[tuple[int, int], ...] = ()
    """The article's quotations, marks included, sorted: a person named only inside one is not who a
    "he" or "she" outside it stands for."""
    unnamed: tuple[tuple[int, str | None], ...] = ()
    """(start, gender) of speakers the article does not name ("A US Embassy spokesman said:", "said
    a spokeswoman"), sorted: a "he" or "she" after one is not anyone named before it."""
    embedded: dict[tuple[int, int], int] = field(default_factory=dict)
    """Subjects of a clause after "that" (mention -> where its sentence starts): "McGeough has yet to
    confirm that Weir is on his way. '...,' he said": the subject of the main clause is who "he" is."""
    reported: tuple[tuple[int, int, int, int, str], ...] = ()
    """(start, end, source start, source end, speaker id) of each reported statement, from its first
    word to its last: a person named inside one, other than its speaker, is talked about, not who a
    "he" or "she" after it stands for ("Paul Jones, who sang Sha La La, said Charles was one of his
    heroes. '...,' he told BBC News": Paul Jones). Set once the claims are read."""

    def within(self, start: int, end: int) -> list[str]:
        """Ids of actors mentioned inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.spans, (start, -1, ""))
        out: list[str] = []
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e, actor_id = self.spans[i]
            if e <= end and actor_id not in out:
                out.append(actor_id)
            i += 1
        return out

    def mention_at(self, start: int) -> tuple[int, int, str] | None:
        """The mention that begins exactly at ``start`` (the longest one)."""
        i = bisect.bisect_left(self.spans, (start, -1, ""))
        best = None
        while i < len(self.spans) and self.spans[i][0] == start:
            if best is None or self.spans[i][1] > best[1]:
                best = self.spans[i]
            i += 1
        return best

    def mention_ending(self, end: int) -> tuple[int, int, str] | None:
        """The mention that ends exactly at ``end``."""
        return self._by_end.get(end)

    @cached_property
    def _by_end(self) -> dict[int, tuple[int, int, str]]:
        # A scan per call made long articles quadratic (minutes for 1 MB of "X said ...").
        by_end: dict[int, tuple[int, int, str]] = {}
        for span in self.spans:
            by_end.setdefault(span[1], span)
        return by_end

    def recent(self, before: int, after: int, kinds: Iterable[str], gender: str | None = None) -> str | None:
        """The actor mentioned last before ``before`` (not earlier than ``after``) of a fitting kind."""
        wanted = set(kinds)
        unsure: str | None = None  # the most recent fitting person whose gender is not known
        # the last unnamed speaker of the pronoun's gender: nobody named before them is taken
        blocker = self.unnamed_speaker(after, before, gender) if gender and "person" in wanted else -1
        i = bisect.bisect_left(self.spans, (before, -1, ""))
        while i > 0:
            i -= 1
            s, e, actor_id = self.spans[i]
            if s < after:
                break
            if e > before:
                continue
            actor = self.get(actor_id)
            if actor and actor.kind in wanted:
                if s < blocker and actor.kind == "person":
                    # 'A US Embassy spokesman said: "...". "...," he added': not the man named before
                    return unsure
                if self.subjects and (s, e) not in self.subjects and actor.kind == "person" \
                        and not self._reports(s, e, actor_id):
                    continue  # an object or a modifier ("hunting Osama Bin Laden") is no antecedent
                if self._quoted_elsewhere(s, e, before):
                    continue  # '“... Hillary Clinton called ...,” Sanders said. “...,” she continued': Sanders
                if actor.kind == "person" and self._reported_elsewhere(s, e, actor_id, before):
                    continue
                known = self.genders.get(actor_id)
                if gender and known and known != gender:
                    continue
                if (s, e) in self.embedded and (main := self._main_subject(s, self.embedded[(s, e)], wanted, gender)):
                    return main
                if gender == "female" and not known and actor.kind == "person":
                    # "she" after "Bernie Sanders" (a first name either sex bears) is taken only if no
                    # earlier subject is known to be a woman. Not so for "he": most people news
                    # names without a gender cue are men, so there the nearest stays the best guess.
                    unsure = unsure or actor_id
                    continue
                return actor_id
        return unsure

    def unnamed_speaker(self, start: int, end: int, gender: str | None) -> int:
        """Where the last speaker the article does not name, of ``gender`` or of none known, stands in
        ``[start, end)``; -1 when none does."""
        return next((b for b, g in reversed(self.unnamed) if start <= b < end and g in (None, gender)), -1)

    def is_person(self, actor_id: str | None) -> bool:
        actor = self.get(actor_id)
        return actor is not None and actor.kind == "person"

    def _main_subject(self, before: int, sentence_start: int, wanted: set[str], gender: str | None) -> str | None:
        """The person who is the subject of the main clause of the sentence, before ``before``."""
        if "person" not in wanted:
            return None
        for s, e, actor_id in self.spans[bisect.bisect_left(self.spans, (sentence_start, -1, "")):]:
            if s >= before:
                break
            if (s, e) not in self.subjects or (s, e) in self.embedded or not self.is_person(actor_id):
                continue
            known = self.genders.get(actor_id)
            if not (gender and known and known != gender):
                return actor_id
        return None

    def _quoted_elsewhere(self, start: int, end: int, at: int) -> bool:
        """The mention ``[start, end)`` lies inside a quotation that does not hold ``at``."""
        i = bisect.bisect_right(self.quoted, start, key=lambda q: q[0]) - 1  # the last quotation opening by ``start``
        if i < 0:
            return False
        q_start, q_end = self.quoted[i]
        return end <= q_end and not q_start <= at < q_end

    def _reports(self, start: int, end: int, actor_id: str) -> bool:
        """The mention ``[start, end)`` names who made a reported statement, as its source or right
        before it ("his friend, the producer Quincy Jones, who described him as ..."): where it
        stands, that person speaks, whatever the sentence around."""
        return any(actor_id == speaker and (source_start <= start and end <= source_end or 0 <= r_start - end <= 3)
                   for r_start, _, source_start, source_end, speaker in self.reported)

    def _reported_elsewhere(self, start: int, end: int, actor_id: str, at: int) -> bool:
        """The mention ``[start, end)`` lies inside a statement someone named made ("Heseltine said
        that he and Lord Callaghan became friends"), which does not hold ``at``, and is not of them.
        (What "reports said" names may still be whom a "he" after it stands for.)"""
        return any(r_start <= start and end <= r_end and not r_start <= at < r_end and speaker and actor_id != speaker
                   for r_start, r_end, _, _, speaker in self.reported)

    def get(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def by_role(self, head: str) -> str | None:
        """The one person whose roles end in ``head`` ("minister"); None if none or several."""
        head = head.lower()
        found = [a.id for a in self.actors if a.kind == "person" and any(
            r.lower().split()[-1] == head for r in a.roles if r)]
        return found[0] if len(found) == 1 else None


def find_actors(doc: Doc, quoted: Iterable[tuple[int, int]] = ()) -> ActorIndex:
    """Find, classify and merge the actors of an article; ``quoted`` are its quotations' spans."""
    mentions: list[_Mention] = []
    role_refs: list[tuple[int, int, str]] = []
    for sentence in doc.sentences:
        mentions.extend(_proper_mentions(sentence, role_refs))
        mentions.extend(_group_mentions(sentence))
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions = _drop_nested(mentions)
    clusters = _cluster(mentions, doc.text)
    index = _build_index(clusters, mentions, role_refs)
    subjects = _subject_spans(doc, index)
    return replace(index, subjects=subjects, embedded=_embedded(doc, subjects), quoted=tuple(sorted(quoted)),
                   unnamed=_unnamed_speakers(doc, index), genders=_possessive_genders(doc, index))


_FEMALE_NOUNS = frozenset("woman girl mother daughter wife sister grandmother widow actress".split())
_MALE_NOUNS = frozenset("man boy father son husband brother grandfather widower actor".split())


def _possessive_genders(doc: Doc, index: ActorIndex) -> dict[str, str]:
    """The article's own word on a gender nothing else tells: "Williams though blamed her defeat",
    "Mirza lost her serve" -- a person, a verb, then "her" or "his" before a noun. Only for people
    whose gender is otherwise unknown, and only when the article never says the other."""
    genders = dict(index.genders)
    seen: dict[str, set[str]] = defaultdict(set)
    for s, e, actor_id in index.spans:
        if actor_id in index.genders or not index.is_person(actor_id):
            continue
        sentence = doc.sentence_at(s)
        if sentence is None:
            continue
        tokens = sentence.tokens
        last = next((t.index for t in reversed(tokens) if t.end <= e), None)
        if last is None or tokens[last].start < s:
            continue
        j = last + 1
        while j < len(tokens) and j - last <= 2 and (tokens[j].tag == "RB" or tokens[j].lower in ("though", "however")):
            j += 1
        if j + 2 < len(tokens) and tokens[j].tag in ("VBD", "VBZ", "VBP") and tokens[j + 1].lower in ("her", "his") \
                and tokens[j + 1].tag == "PRP$" and tokens[j + 2].tag in ("NN", "NNS"):
            seen[actor_id].add("female" if tokens[j + 1].lower == "her" else "male")
        if last + 2 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].lower in ("the", "a", "an"):
            # "Mirza, the first Indian woman to win ...": an apposition whose head tells
            j = last + 3
            while j < len(tokens) and j - last <= 7 and tokens[j].tag in ("JJ", "JJS", "NN", "NNP", "CD", "VBN", "RBS"):
                word = tokens[j].lower
                if word in _FEMALE_NOUNS or word in _MALE_NOUNS:
                    seen[actor_id].add("female" if word in _FEMALE_NOUNS else "male")
                    break
                j += 1
    for actor_id, found in seen.items():
        if len(found) == 1:
            genders[actor_id] = found.pop()
    return genders


def _unnamed_speakers(doc: Doc, index: ActorIndex) -> tuple[tuple[int, str | None], ...]:
    """Speakers known only by a role: "a spokesman said", "A US Embassy spokeswoman told", "said
    an official" -- "a" or "an", up to four words, a role word, and a speech verb right before or
    after, no name following ("A reporter asked Sanders" names who speaks next)."""
    found = []
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for k, tok in enumerate(tokens):
            if tok.lower not in ("a", "an"):  # "the candidate said" is most often someone named before
                continue
            m = k + 1
            while m < len(tokens) and m - k <= 5 and tokens[m].text[:1].isalpha() and tokens[m].lower not in ROLE_HEADS \
                    and tokens[m].lower not in QUOTE_CUES:
                m += 1
            if m >= len(tokens) or m - k > 5 or tokens[m].lower not in ROLE_HEADS:
                continue
            n = m + 1  # "A spokeswoman for Oxford University said": whose, then the cue
            if n < len(tokens) and tokens[n].lower in ("for", "of", "at", "from"):
                n += 1
                while n < len(tokens) and n - m <= 6 and (tokens[n].text[:1].isupper() or tokens[n].lower == "the"):
                    n += 1
                if n < len(tokens) and tokens[n].lower in QUOTE_CUES and n - m > 2:
                    m = n - 1
            nxt = tokens[m + 1] if m + 1 < len(tokens) else None
            spoke = (nxt is not None and nxt.lower in QUOTE_CUES and not (
                m + 2 < len(tokens) and tokens[m + 2].text[:1].isupper())) or (
                k > 0 and tokens[k - 1].lower in QUOTE_CUES and (nxt is None or not nxt.text[:1].isupper()))
            if not spoke or index.within(tok.start, tokens[m].end + 1) and any(
                    index.get(a) and index.get(a).kind == "person" for a in index.within(tok.start, tokens[m].end + 1)):
                continue
            role = tokens[k + 1:m + 1]
            role = next((t.lower for t in role if t.lower in ROLE_HEADS), "")
            gender = "female" if role in FEMALE_CUES else "male" if role in MALE_CUES else None
            found.append((tok.start, gender))
        for k, tok in enumerate(tokens[1:-1], 1):
            # ', said Paul King, ...' where no actor was read: someone speaks whom we cannot name, so
            # a "he" after it is not the man named before
            if tok.lower not in QUOTE_CUES or tok.lower in _TELLING or tokens[k - 1].text not in (",", *_QUOTE_MARKS) \
                    or k + 2 >= len(tokens):
                continue  # (after "told" stands the listener: "told a press conference")
            named = tokens[k + 1].tag == "NNP" and tokens[k + 2].tag == "NNP"
            # "said a woman", "said the woman": someone not named (not "said the Fed chairman", who was)
            described = tokens[k + 1].lower in ("a", "an") and tokens[k + 2].tag.startswith("NN") or \
                tokens[k + 1].lower == "the" and tokens[k + 2].lower in _ANYONE
            if (named or described) and not index.within(tokens[k + 1].start, tokens[k + 2].end):
                found.append((tokens[k + 1].start, None))
    return tuple(sorted(set(found), key=lambda f: (f[0], f[1] or "")))


# --- finding mentions -------------------------------------------------------------------------

def _is_proper(tokens: tuple[Token, ...], k: int) -> bool:
    token = tokens[k]
    text = token.text
    if not text[:1].isalpha():
        return False
    if text[0].isupper():
        if token.tag in PROPER_TAGS:
            return True
        # a capitalised word the tagger knows as a common word ("Sexton", "Shook"): a name when it
        # stands inside a sentence, or opens one right before a speech verb
        if token.tag[:1] in "NJVR" and text not in NOT_NAMES:
            initial = k == 0 or tokens[k - 1].text in "“\"‘':—–-"
            if not initial or (text.isupper() and len(text) > 1) or (text in places() and token.lower not in lexicon()):
                return True
            # ... but a plural common noun there is a crowd, not a name ("Pollsters say ...")
            # and an opening participle is a clause ("Having announced that ...", not a person called Having)
            # ... nor an adjective before a plural noun that could be a verb ("Final appeals are being made")
            return k + 1 < len(tokens) and tokens[k + 1].lower in QUOTE_CUES and token.tag not in ("NNS", "VBG") \
                and not (token.tag.startswith("JJ") and tokens[k + 1].tag in ("NNS", "NN"))
        return False
    # al-Qaeda, bin-Laden: lowercase particle glued to a capitalised name
    head, _, rest = text.partition("-")
    return bool(rest) and head.lower() in CONNECTORS and rest[:1].isupper()


def _runs(tokens: tuple[Token, ...]) -> Iterator[tuple[int, int]]:
    """Index ranges of proper-noun runs, joined across particles ("Bank of England")."""
    n = len(tokens)
    # Only a word that opens with a capital or holds a hyphen can be a name: test those alone.
    proper = [False] * (n + 1)
    for k, token in enumerate(tokens):
        if token.text[:1].isupper() or "-" in token.text:
            proper[k] = _is_proper(tokens, k)
    i = 0
    while i < n:
        if not proper[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if proper[j]:
                j += 1
            elif proper[j + 1] and tokens[j].lower in CONNECTORS:
                j += 2
            else:
                break
        yield i, j
        i = j


def _shouting(tokens: tuple[Token, ...]) -> bool:
    """A headline or dateline in capitals: every word looks like a name there."""
    texts = list(map(TEXT, tokens))
    if not any(map(str.isupper, texts)):
        return False  # most sentences: no word in capitals at all
    words = [w for w in texts if len(w) > 1 and w[0].isalpha()]
    return bool(words) and len([w for w in words if w.isupper()]) >= 0.6 * len(words) and (len(words) >= 2 or len(tokens) <= 3)


def _caps_mentions(tokens: tuple[Token, ...]) -> Iterator[_Mention]:
    """In capitals, only what the gazetteer and the organisation list know: "NEW YORK", "NATO"."""
    k = 0
    while k < len(tokens):
        for size in (3, 2, 1):
            words = tokens[k:k + size]
            if len(words) < size or not all(w.text[:1].isalpha() for w in words):
                continue
            name = " ".join(w.text for w in words)
            title = name.title()
            kind = "place" if title in places() else "organization" if name in KNOWN_ORGS or name in ORG_ALIASES else None
            if kind == "place" and title not in countries() and k + size < len(tokens) and tokens[k + size].tag == "CD" \
                    and sum(t.tag == "CD" for t in tokens) >= 2:
                kind, title = "organization", name  # a standings table: "SEATTLE 63 53 .543"
            if kind:
                yield _Mention(words[0].start, words[-1].end, title if kind == "place" else name, kind)
                k += size
                break
        else:
            k += 1


# Organisations whose names hold a lowercase word other than a particle, which would split them
# ("Save the Children" read as a place "Save" and a person "Children").
_ORGS_WITH_SMALL_WORDS = ("Save the Children", "Help the Aged", "Friends of the Earth", "Stop the War Coalition",
                          "Doctors of the World")
_ORG_LAST_WORDS = frozenset(name.split()[-1] for name in _ORGS_WITH_SMALL_WORDS)


def _proper_mentions(sentence: Sentence, role_refs: list[tuple[int, int, str]]) -> Iterator[_Mention]:
    tokens = sentence.tokens
    if _shouting(tokens):
        yield from _caps_mentions(tokens)
        return
    if not _ORG_LAST_WORDS.isdisjoint(t.text for t in tokens):
        texts = [t.text for t in tokens]
        for name in _ORGS_WITH_SMALL_WORDS:
            words = name.split()
            for k in range(len(tokens) - len(words) + 1):
                if texts[k:k + len(words)] == words:
                    yield _mention(list(tokens[k:k + len(words)]), "organization", False)
    runs = list(_runs(tokens))
    for n, (i, j) in enumerate(runs):
        run = list(tokens[i:j])
        while run and (run[0].text in NOT_NAMES or run[0].lower in HONORIFICS and len(run) == 1):
            run.pop(0)
        while run and run[-1].text in NOT_NAMES:
            run.pop()
        while len(run) >= 3 and lexicon().get(run[0].lower) == "NNS" and first_name(run[1].text):
            run.pop(0)  # "... Young People and Families Margaret Hodge": the end of a title, then the name
        if not run or len(run) == 1 and (_sentence_adverb(tokens, run[0].index)
                                         or _title_opener(tokens, run[0].index, runs[n + 1] if n + 1 < len(runs) else None)):
            continue
        if run[0].index > 0 and tokens[run[0].index - 1].text == "The" and f"The {_join(run)}" in PUBLICATIONS:
            yield _mention([tokens[run[0].index - 1], *run], "organization", False)  # "The Hill", not a Mr Hill
            continue
        first = run[0].index == 0 or tokens[run[0].index - 1].text in "“\"‘'("
        of = next((n for n, t in enumerate(run) if t.lower == "of"), None)
        if of and of < len(run) - 1 and _join(run[of + 1:]) in places() and (
                first_name(run[0].text) or run[0].lower.rstrip(".") in HONORIFICS or run[0].lower in ROLE_HEADS):
            # "John Kasich of Ohio", "Gov. John Kasich of Ohio": a person, then a place
            yield from _split_run(run[:of], tokens, first, role_refs)
            yield _mention(run[of + 1:], "place", False)
            continue
        yield from _split_run(run, tokens, first, role_refs)


_ADVERB_ENDINGS = ("ingly", "edly", "ally", "ully", "ously", "ively", "ently", "antly", "ibly", "ably", "ately",
                   "ctly", "ssly")


def _sentence_adverb(tokens: tuple[Token, ...], k: int) -> bool:
    """A sentence adverb opening a sentence before a comma is no name: "Worryingly, said the firm, ..."
    (not "Kelly, ..." nor "Italy, ...")."""
    word = tokens[k]
    return (k == 0 or tokens[k - 1].text in "“\"‘'(") and k + 1 < len(tokens) and tokens[k + 1].text == "," \
        and word.lower.endswith(_ADVERB_ENDINGS) and not first_name(word.text) and word.text not in places()


def _title_opener(tokens: tuple[Token, ...], k: int, next_run: tuple[int, int] | None) -> bool:
    """An adjective that opens a job title joined by "and" is no actor of its own: "Economic" in "said
    Economic and Fiscal Policy Minister Heizo Takenaka" (not "Smith" in "Smith and Health Minister Ann Lee")."""
    if next_run is None or not k + 2 <= next_run[0] <= k + 3 or k + 1 >= len(tokens) or tokens[k + 1].lower not in ("and", "&"):
        return False
    word = tokens[k]
    return word.lower.endswith(("ic", "al", "ive", "ary", "ous")) and not first_name(word.text) \
        and word.text not in places() and any(tokens[m].lower in ROLE_HEADS for m in range(next_run[0], next_run[1] - 1))


def _split_run(run: list[Token], tokens: tuple[Token, ...], sentence_start: bool,
               role_refs: list[tuple[int, int, str]]) -> Iterator[_Mention]:
    words = [t.text for t in run]
    cut = max((k for k, t in enumerate(run[:-1]) if t.lower in ROLE_HEADS or t.lower.rstrip(".") in HONORIFICS), default=-1)
    org_cue = any(w.lower() in ORG_CUES for w in words[1:])
    if " ".join(words) in KNOWN_ORGS or (org_cue and not _named_after_role(run[cut + 1:])):
        yield _mention(run, _org_or_place(run), sentence_start)
        return
    honorific = cut >= 0 and run[cut].lower.rstrip(".") in HONORIFICS
    role_tokens, name = run[:cut + 1], run[cut + 1:]
    # "Andrew Tyrie MP", "Guy Mansfield QC": a person, named without the letters after the name
    post = len(name) >= 3 and name[-1].text in _POST_NOMINALS and bool(first_name(name[0].text))
    if run[-1].lower in ROLE_HEADS and cut < 0 and not post or 2 <= len(run) <= 3 and run[0].lower == "lord" \
            and run[-1].lower in _LORD_OFFICES and all(t.lower in ("chief", "high") for t in run[1:-1]):
        # only a role ("UN HCHR Spokeswoman", "the Minister", "the Lord Chancellor"): apposition or a reference
        yield from _org_tokens(run)
        role_refs.append((run[0].start, run[-1].end, _join(run)))
        return
    kind = "person" if cut >= 0 or post else _classify(name)
    if kind == "none":
        return
    mention = _mention(name, kind, sentence_start)
    if post:
        mention.name = _join(name[:-1])
    start_k = run[0].index
    role_prefix = _lowercase_role(tokens, start_k)
    if role_tokens and not honorific:
        mention.roles.append(" ".join(t.text for t in (role_prefix + role_tokens)))
        yield from _org_tokens(role_tokens)
    elif role_prefix:
        mention.roles.append(" ".join(t.text for t in role_prefix))
        mention.kind = mention.kind or "person"
    if cut >= 0:
        cues = {t.lower.rstrip(".") for t in role_tokens}
        mention.gender = "female" if cues & FEMALE_CUES else "male" if cues & MALE_CUES else None
    apposition = _apposition_role(tokens, run[-1].index + 1)
    if apposition and mention.kind in (None, "person"):
        mention.roles.append(apposition)
        mention.kind = "person"
        words_ = {w.lower() for w in apposition.split()}
        mention.gender = mention.gender or ("female" if words_ & FEMALE_CUES else "male" if words_ & MALE_CUES else None)
    if mention.kind == "person" and mention.gender is None and " " in mention.name:
        guess = first_name(mention.name.split()[0])
        mention.gender = guess if guess in ("male", "female") else None
    yield mention


_LORD_OFFICES = frozenset("chancellor mayor speaker advocate provost justice chamberlain".split())
"""Offices, not names, after "Lord": "the Lord Chancellor" is no person called Chancellor (but "Mr King" is a man)."""


def _named_after_role(name: list[Token]) -> bool:
    """What follows a role is a name, not more of an organisation's name: in "State Senate President
    Steve Sweeney" the organisation cue "Senate" belongs to the role; in "Massachusetts General
    Hospital" the cue ends the name."""
    words = [t.text for t in name]
    return bool(words) and words[0][:1].isupper() and words[-1].lower() not in ROLE_HEADS \
        and not any(w.lower() in ORG_CUES for w in words) and _join(name) not in KNOWN_ORGS and _join(name) not in places()


def _mention(tokens: list[Token], kind: str | None, sentence_start: bool) -> _Mention:
    name = _join(tokens)
    return _Mention(tokens[0].start, tokens[-1].end, name, kind, sentence_start=sentence_start and len(tokens) == 1)


def _join(tokens: list[Token]) -> str:
    out = tokens[0].text
    for prev, tok in zip(tokens, tokens[1:]):
        out += (" " if tok.start > prev.end else "") + tok.text
    return out


_POST_NOMINALS = frozenset("MP MPs MSP MEP QC KC OBE MBE CBE KBE DBE".split())
_MEMBERS = re.compile(r"[A-Z]{2,5}s")
_CREEDS = frozenset({"Christian", "Muslim", "Jewish", "Catholic", "Protestant", "Orthodox", "Sunni", "Shia", "Shiite",
                     "Hindu", "Sikh", "Buddhist", "Anglican", "Coptic"})
"""Words of faith that are also first names ("Christian"): before a demonym they describe people."""


def _classify(name: list[Token]) -> str | None:
    text = _join(name)
    words = text.split()
    if words[-1] in DEMONYMS and len(words) == 2 and first_name(words[0]) and words[0] not in _CREEDS \
            and lexicon().get(words[0]) in (None, "NNP"):
        return "person"  # "Oliver Irish", "Tony English" (not "South African", "Christian Arab")
    if words[-1] in DEMONYMS or words[-1] in EVENT_WORDS or text in NOT_ACTORS:
        return "none"  # "South African", "World Cup", "GMT": not an actor
    if text in KNOWN_ORGS or text in ORG_ALIASES or words[-1].lower() in ORG_CUES \
            or (len(words) > 1 and words[0] in ORG_FIRST_WORDS):
        return "organization"
    if text in places() or (len(words) > 1 and text in UK_REGIONS) or words[-1] in PLACE_SUFFIXES or (text.isupper() and text.title() in places()):
        return "place"
    if len(name) == 1 and text.replace(".", "").isupper() and 2 <= len(text.replace(".", "")) <= 6:
        return "organization"
    if _MEMBERS.fullmatch(words[-1]):
        return "group"  # "MPs", "Labour MPs", "MSPs": members, not one person
    if len(words) >= 2 and lexicon().get(words[-1]) == "NNPS":
        return "group"  # "Reagan Democrats", "Young Conservatives": people, but not one person
    if len(words) >= 2 and first_name(words[0]) and text not in places() and lexicon().get(words[-1]) != "NNS":
        return "person"  # (not "Young People": a plural noun, even in capitals, names no one)
    if len(words) == 2 and words[1] in places() and words[1] not in DEMONYMS and text not in places() \
            and len(words[0].rstrip(".")) > 1 and words[0].lower() not in lexicon():
        return "organization"  # "Ajax Amsterdam", "Legia Warsaw": a club named after its city
    if words[0] in KNOWN_ORGS and " ".join(words[1:]) in places():
        return "organization"  # "POLITICO Massachusetts", "BBC Scotland": an organisation's branch
    if len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in CONNECTORS) \
            and words[0] not in DEMONYMS and not any(w.isupper() and len(w.rstrip(".")) > 1 for w in words) \
            and not all(_common_word(w) for w in words if w.lower() not in CONNECTORS):
        return "person"
    return None


def _common_word(word: str) -> bool:
    """A word the tagger knows in lowercase as no name ("young", "people", "world", "indoor"): a
    run of nothing else is words in capitals ("Young People", "World Indoor"), not a person. An
    initial is no common word ("J Noon", "L Moody" in a team sheet)."""
    return len(word.rstrip(".")) > 1 and lexicon().get(word.lower(), "NNP") not in PROPER_TAGS




def _org_or_place(run: list[Token]) -> str:
    text = _join(run)
    return "place" if text in places() and text not in KNOWN_ORGS else "organization"


def _org_tokens(tokens: list[Token]) -> Iterator[_Mention]:
    """Organisations named inside a role: "UN" in "UN HCHR Spokeswoman", "Republican National
    Committee" in "Republican National Committee Chairman"."""
    named = max((k for k in range(1, len(tokens) - 1) if tokens[k].lower in ORG_CUES and tokens[k].lower != "press"
                 and tokens[k + 1].lower in ROLE_HEADS), default=0)  # "press secretary" is a role of its own
    if named:
        yield _mention(tokens[:named + 1], _org_or_place(tokens[:named + 1]), False)
    for tok in tokens[named + 1:] if named else tokens:
        if tok.text in KNOWN_ORGS or tok.text in ORG_ALIASES:
            yield _mention([tok], "organization", False)


def _lowercase_role(tokens: tuple[Token, ...], k: int) -> list[Token]:
    """A lowercase role right before a name: "the Russian top defense official Shoigu"."""
    j = k
    while j > 0 and tokens[j - 1].chunk in ("B-NP", "I-NP") and tokens[j - 1].tag not in ("DT", "PRP$", "POS") \
            and tokens[j - 1].text.isalpha():
        j -= 1
        if tokens[j].chunk == "B-NP":
            break
    words = tokens[j:k]
    if words and words[-1].lower in ROLE_HEADS:
        return list(words)
    return []


def _apposition_role(tokens: tuple[Token, ...], k: int) -> str | None:
    """A role set off by a comma after a name: "Ravina Shamadasani, UN HCHR Spokeswoman"."""
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    j = k + 1
    while j < len(tokens) and tokens[j].lower in ("the", "a", "an"):
        j += 1
    start = j
    while j < len(tokens) and (tokens[j].text[:1].isalpha() or tokens[j].text == "-") and tokens[j].lower not in ("who", "which", "said", "says"):
        if tokens[j].lower in ROLE_HEADS and (j + 1 == len(tokens) or not tokens[j + 1].text[:1].isalpha()
                                               or tokens[j + 1].lower in ("of", "for", "at")):
            end = j + 1
            if j + 1 < len(tokens) and tokens[j + 1].lower in ("of", "for", "at"):
                end = j + 1  # keep the role short: "spokesman" rather than "spokesman for X"
            return _join(list(tokens[start:end])) if end - start <= 6 else None
        j += 1
        if j - start > 6:
            break
    return None


_GROUP_TRIGGERS = frozenset(GROUP_HEADS) | COLLECTIVE_HEADS | {w for _, w in GROUP_COMPOUNDS} | {"west"}


def _group_mentions(sentence: Sentence) -> Iterator[_Mention]:
    tokens = sentence.tokens
    for k, tok in enumerate(tokens):
        low = tok.lower
        if low not in _GROUP_TRIGGERS and "-" not in low:
            continue
        canonical = None
        parts = low.split("-")
        if low in GROUP_HEADS:
            canonical = GROUP_HEADS[low]
        elif len(parts) > 1 and ("-".join(parts[-2:]) in GROUP_HEADS or parts[-1] in GROUP_HEADS):
            canonical = GROUP_HEADS.get("-".join(parts[-2:])) or GROUP_HEADS[parts[-1]]
        elif k > 0 and (tokens[k - 1].lower, low) in GROUP_COMPOUNDS:
            canonical = GROUP_COMPOUNDS[(tokens[k - 1].lower, low)]
        elif low in COLLECTIVE_HEADS and k > 0 and tokens[k - 1].text in DEMONYMS:
            demonym = tokens[k - 1].text
            target = DEMONYMS[demonym]
            canonical = "the West" if target == "the West" else f"{demonym} {low}"
            yield _Mention(tokens[k - 1].start, tok.end, canonical, "group", surface=_join([tokens[k - 1], tok]))
            continue
        elif tok.text == "West" and k > 0 and tokens[k - 1].lower == "the":
            yield _Mention(tok.start, tok.end, "the West", "group")
            continue
        if canonical:
            j = k
            while j > 0 and tokens[j - 1].chunk in ("B-NP", "I-NP") and tokens[j - 1].tag in ("JJ", "VBN", "NN", "NNP") \
                    and tokens[j].chunk != "B-NP":
                j -= 1
            yield _Mention(tokens[j].start, tok.end, canonical, "group", surface=_join(list(tokens[j:k + 1])))


# Lowercase words that stand before a role ("shadow home secretary", "deputy chief constable").
TITLE_MODIFIERS = frozenset("former top senior shadow home foreign deputy junior acting interim assistant associate "
                            "chief vice first then new outgoing incoming retired defence defense finance health "
                            "education culture trade transport environment justice interior treasury "
                            "affairs party general principal managing executive".split())
_BEFORE_SUBJECT = frozenset(", and but that “ \" ‘ while when as because after before since so though although "
                            "if then meanwhile however".split())


def _subject_spans(doc: Doc, index: ActorIndex) -> frozenset[tuple[int, int]]:
    """Mentions followed by a verb, a comma or a bracket, and preceded by nothing but titles or a
    clause boundary."""
    found = set()
    for s, e, actor_id in index.spans:
        sentence, first = _sentence_at(doc, s)
        if sentence is None:
            continue
        tokens = sentence.tokens
        last = next((t.index for t in reversed(tokens) if t.end <= e), None)
        if last is None:
            continue
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if after is not None and after.lower in ("of", "from", "at") and last + 2 < len(tokens):
            # "Laura Brownlees of Save the Children said": the person, not the organisation, speaks
            org = index.mention_at(tokens[last + 2].start)
            if org and (index.get(org[2]) or Actor("", "", "person", (), (), ())).kind in ("organization", "place"):
                tail = next((t for t in tokens[last + 2:] if t.start >= org[1]), None)
                if tail is not None and tail.tag.startswith("VB"):
                    after = tail
        if after is not None and after.text == "." and first >= 2 and tokens[first - 2].lower == "there" \
                and tokens[first - 1].lower in ("'s", "’s", "is", "was"):
            found.add((s, e))  # "Then there's Smith.": the person the paragraph turns to
            continue
        if _inverted_speaker(tokens, first, after):
            found.add((s, e))  # '"...," said Simon Bysshe, who filmed it.': the speaker, whom a "he" next refers to
            continue
        if after is None or not (after.tag.startswith(("VB", "MD")) or after.text in (",", "(") or after.lower in STANCE_OF_VERB
                                 or after.lower in ("who", "also", "has", "had", "though", "however")
                                 or _reflexive_agent(tokens, after.index)):
            continue
        j = first - 1
        while j >= 0 and (tokens[j].text[:1].isupper() and tokens[j].tag in ("NNP", "NNPS", "JJ", "NN") or tokens[j].lower in ("the", "a", "an", "former", "top", "senior")):
            j -= 1
        if j >= 0 and tokens[j].lower in ROLE_HEADS:
            # after a lowercase role ("Tory shadow home secretary David Davis warned") only where a
            # sentence or a clause starts, not after a quote ('"...," reporter Jo Smith asked') or
            # in a list ('between Reagan and Soviet leader Mikhail Gorbachev, where')
            j = _before_role(tokens, j + 1)
            listed = after.text in (",", "(") and j >= 0 and tokens[j].lower in (",", "and")
            if j < 0 and not _after_quote(doc.text, sentence.start) or j >= 0 and not listed and (
                    tokens[j].lower in _BEFORE_SUBJECT and tokens[j].text not in _QUOTE_MARKS and tokens[j].lower != "that"):
                found.add((s, e))
            continue
        if j >= 1 and tokens[j].lower in ("and", "&") and _person_ends(index, tokens[j - 1].end):
            continue  # "Wayne Rooney and Cristiano Ronaldo are ...": a pair, whom a "he" does not stand for
        if j < 0 or tokens[j].lower in _BEFORE_SUBJECT or _time_opener(tokens, j):
            found.add((s, e))
        elif _np_chain_subject(tokens, first, last, lambda: _after_quote(doc.text, sentence.start),
                               (index.get(actor_id) or Actor("", "", "", (), (), ())).name):
            found.add((s, e))
    return frozenset(found)


def _reflexive_agent(tokens: tuple[Token, ...], k: int) -> bool:
    """"Edwards himself kept Idowu off top spot", "Henson himself says ...": the person acts (not
    "Tomlinson himself was briefed", where he is acted on)."""
    return tokens[k].lower in ("himself", "herself") and k + 1 < len(tokens) and tokens[k + 1].tag.startswith("VB") \
        and tokens[k + 1].lower not in ("was", "is", "were", "are", "been", "being", "be")


def _person_ends(index: ActorIndex, end: int) -> bool:
    """A person's name ends at ``end``."""
    mention = index.mention_ending(end)
    return mention is not None and index.is_person(mention[2])


_TELLING = frozenset("told tells telling".split())
_ANYONE = frozenset("woman man girl boy person resident witness voter protester protestor mother father neighbour "
                    "neighbor passenger student supporter fan bystander shopper worker".split())
"""People a definite description names without naming anyone known ("said the woman")."""


def _embedded(doc: Doc, subjects: frozenset[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """Subjects right after "that" with a verb before it in their sentence: a clause inside another."""
    found = {}
    for s, e in subjects:
        sentence, first = _sentence_at(doc, s)
        if sentence is None:
            continue
        tokens = sentence.tokens
        j = first - 1
        while j >= 0 and tokens[j].text[:1].isupper() and tokens[j].tag in ("NNP", "NNPS"):
            j -= 1  # titles
        if j > 0 and tokens[j].lower == "that" and any(t.tag.startswith("VB") for t in tokens[:j]):
            found[(s, e)] = sentence.start
    return found


def _sentence_at(doc: Doc, start: int) -> tuple[Sentence | None, int]:
    """The sentence holding the mention that starts at ``start``, and the index of the mention's
    first token in it; (None, -1) when there is none."""
    sentence = doc.sentence_at(start)
    first = next((t.index for t in sentence.tokens if t.start >= start), None) if sentence else None
    return (sentence, first) if first is not None else (None, -1)


_TIME_WORDS = frozenset("week month year night weekend morning afternoon evening monday tuesday wednesday thursday "
                        "friday saturday sunday".split())


def _time_opener(tokens: tuple[Token, ...], j: int) -> bool:
    """The sentence opens with a time phrase that ends at ``j``: "Last week Lord Goldsmith said"."""
    return tokens[j].lower in _TIME_WORDS and j >= 1 and tokens[j - 1].lower in ("last", "this", "next", "on", "earlier") \
        and (j == 1 or j == 2 and tokens[0].lower in ("and", "but", "earlier"))


def _inverted_speaker(tokens: tuple[Token, ...], first: int, after: Token | None) -> bool:
    """A name right after the cue of a quote or a report ('"...," said Simon Bysshe' / '..., added Mr
    Strauss'), maybe after titles, and at the end of the sentence or before a comma or "who"."""
    j = first - 1
    while j >= 0 and (tokens[j].text[:1].isupper() and tokens[j].tag in ("NNP", "NNPS") or tokens[j].lower in ("the", "a")):
        j -= 1
    if j < 1 or tokens[j].lower not in QUOTE_CUES or tokens[j].lower in _TELLING:
        return False  # "..., told Agence France Presse": the listener
    if not (tokens[j - 1].text in _QUOTE_MARKS or tokens[j - 1].text == ","):
        return False  # after a quote, or after what was said ("... a new studio, said Mr Walsh.")
    return after is None or after.text in (".", ",", "!", "?") or after.lower == "who"


_CHAIN_TAGS = frozenset("NN NNS NNP NNPS JJ JJR JJS POS DT CD PRP$".split())
_CHAIN_PREPOSITIONS = frozenset(["of"])
_BE = frozenset("is was are were".split())
_HAVE = frozenset("has have had".split())
_ASKING = frozenset("asked asks questioned interviewed".split())


def _np_chain_subject(tokens: tuple[Token, ...], first: int, last: int, after_quote, name: str = "") -> bool:
    """A name at the end of a noun-phrase chain that starts a clause, with a verb after it (maybe
    after an aside): "Spain's minister of sport Ann Ruiz was", "Former cabinet colleague Lord Pye
    said", "British number one Tom Hale, who ..., believes". No verb before the name in its clause and
    no preposition right before it, so "spent years hunting Osama Bin Laden" is no subject."""
    v = _verb_follows(tokens, last + 1)
    if v < 0 or first == 0 or tokens[v].lower in _ASKING:
        return False  # 'The Post's Sam Reed asked Smith whether ...': the answer is Smith's
    nxt = [t.lower if t.lower == "been" else t.tag for t in tokens[v + 1:v + 3]]
    if tokens[v].lower in _BE and nxt[:1] == ["VBN"] or tokens[v].lower in _HAVE and nxt == ["been", "VBN"]:
        return False  # a passive: "Film maker Sam Reed was given access to Mr Hale"
    if not (first_name(tokens[first].text) or first_name(name.split()[0] if name else "")
            or tokens[first - 1].lower.rstrip(".") in HONORIFICS):
        return False  # a person's name, not a company or a book the typing took for one
    p = first - 1
    while p >= 0 and tokens[p].tag in ("DT", "JJ", "PRP$", "CD"):
        p -= 1
    if p >= 0 and tokens[p].tag in ("IN", "TO"):
        return False  # "a letter to the Walter Smith", "of the Phonographic Industry"
    j = first - 1
    while j >= 0 and tokens[j].lower not in _BEFORE_SUBJECT:
        tok = tokens[j]
        if tok.text in _QUOTE_MARKS:
            return False  # '"...," Sam Reed said' is left to the rules for quotes
        if not (tok.tag in _CHAIN_TAGS or tok.tag == "IN" and tok.lower in _CHAIN_PREPOSITIONS or tok.text == "-"):
            return False
        j -= 1
    if j < 0:
        return not after_quote()
    if tokens[j].text == "," and j > 0 and tokens[j - 1].tag in ("NNP", "NNPS"):
        return False  # an apposition: "Ann Ruiz, a former aide to President Tom Hale has written"
    return tokens[j].text not in _QUOTE_MARKS and tokens[j].lower != "that"


def _verb_follows(tokens: tuple[Token, ...], k: int) -> int:
    """Where a verb stands at ``k``, or after an aside opening there ("Ann Ruiz, who ..., believes");
    -1 if none does."""
    if k >= len(tokens):
        return -1
    tok = tokens[k]
    if tok.tag.startswith(("VB", "MD")):
        return k
    close = {",": ",", "(": ")", "-": "-", "–": "–", "—": "—"}.get(tok.text)
    if close is None or k + 1 >= len(tokens):
        return -1
    if close == "," and not (tokens[k + 1].lower == "who" or tokens[k + 1].tag == "CD"
                             or any(t.lower in ROLE_HEADS for t in tokens[k + 1:k + 8])):
        return -1  # "Tom Hale, who ..., believes", "Tom Hale, 41, said"; not "Wolf Brother, a fantasy ..., is"
    for m in range(k + 1, min(len(tokens) - 1, k + 30)):
        if tokens[m].text == close:
            return m + 1 if tokens[m + 1].tag.startswith(("VB", "MD")) else -1
        if tokens[m].text in _QUOTE_MARKS:
            return -1
    return -1


_QUOTE_MARKS = frozenset("“ ” \" ‘ ’ ' '' ``".split())


def _after_quote(text: str, start: int) -> bool:
    """The sentence starting at ``start`` follows a quotation that did not end with a full stop
    ('"But why?" reporter Jo Smith asked'), so may be its attribution."""
    before = text[:start].rstrip()
    return before[-1:] in ("”", "\"", "’", "'") and before[-2:-1] != "."


def _before_role(tokens: tuple[Token, ...], first: int) -> int:
    """The index before the titles in front of a name, walking over lowercase roles and their
    modifiers and over possessives too: "Tory shadow home secretary David Davis", "The men's
    solicitor Matthew Knight", "But Home Office minister Hazel Blears". A lowercase word is passed
    only on the way to a role word that stands right before the name or before another role word."""
    j = first - 1
    role = False
    while j >= 0:
        tok = tokens[j]
        if tok.text[:1].isupper() and (tok.tag in ("NNP", "NNPS", "JJ", "NN") or tok.text.isupper() and len(tok.text) > 1) \
                or tok.lower in ("the", "a", "an"):
            j -= 1  # "US editor": the tagger reads "US" as the pronoun "us"
        elif tok.lower in ROLE_HEADS or role and tok.lower in TITLE_MODIFIERS:
            role = True
            j -= 1
        elif role and tok.tag == "POS" and j > 0 and tokens[j - 1].tag in ("NN", "NNS", "NNP", "NNPS"):
            j -= 2  # "the men's solicitor"; not "the paper's Robert Costa", who is no subject there
        else:
            break
    return j


def _drop_nested(mentions: list[_Mention]) -> list[_Mention]:
    """Of two overlapping mentions keep the one whose kind is known, else the first and longest."""
    out: list[_Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if out[-1].kind is None and m.kind is not None:
                out[-1] = m
            continue
        out.append(m)
    return out


# --- merging mentions into actors -------------------------------------------------------------

def _only_one(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """short -> full, for the shorts that go with exactly one full name."""
    found: dict[str, set[str]] = defaultdict(set)
    for short, full in pairs:
        found[short].add(full)
    return {short: next(iter(fulls)) for short, fulls in found.items() if len(fulls) == 1}


def _cluster(mentions: list[_Mention], text: str) -> dict[tuple[str, str], list[_Mention]]:
    full_people: dict[str, list[str]] = defaultdict(list)  # surname -> full names
    long_surnames: dict[str, list[str]] = defaultdict(list)  # "Le Bon" -> ["Simon Le Bon"]
    by_first: dict[str, list[str]] = defaultdict(list)  # "Howard" -> ["Howard Newby"]
    for m in mentions:
        if m.kind == "person" and " " in m.name:
            words = m.name.split()
            for found, short in ((full_people, words[-1]), (by_first, words[0]),
                                 (long_surnames, " ".join(words[-2:]) if len(words) >= 3 else None)):
                if short is not None and m.name not in found[short]:
                    found[short].append(m.name)
    org_names = {m.name for m in mentions if m.kind == "organization"}
    # A short form stands for a full name only when it fits exactly one ("Virgin" beside "Virgin
    # Radio" and "Virgin Radio Groove" stays itself).
    org_first = _only_one((n.split()[0], n) for n in org_names if " " in n and n.split()[0] not in places())
    initials = _only_one((_initials(n), n) for n in org_names if " " in n)
    # A one-word name that speaks somewhere in the article ("Clinton said") is that person all
    # through it, not the town of that name where it stands alone ("Clinton won in Ohio").
    # (Not the see or city of an office: "the Archbishop of Canterbury said" is the archbishop.)
    # A name the article treats as a company ("Yukos said it would appeal", "shares in Yukos",
    # "Gartner, the research firm") is one, however it speaks; a name led by a first name stays a person.
    companies = {n for n in {m.name for m in mentions if m.kind in (None, "person", "place")}
                 if not first_name(n.split()[0]) and n not in countries() and _company(n, text)}
    speakers = {m.name for m in mentions if m.kind == "place" and " " not in m.name
                and m.name not in major_places() and _speaks(m, text) and not _office_of(m, text)}

    def key(m: _Mention) -> tuple[str, str] | None:
        if m.kind == "group":
            return ("group", m.name)
        name = m.name
        if name in ORG_ALIASES:
            return ("organization", ORG_ALIASES[name])
        if m.kind == "organization" and name in initials:
            return ("organization", initials[name])
        if " " not in name and _knighted(m, text):
            # "Sir Howard" is Sir Howard Newby: a knight or dame goes by the first name
            return ("person", by_first[name][0] if len(by_first.get(name, ())) == 1 else name)
        if m.kind in (None, "person", "place") and len(full_people.get(name, ())) == 1 and " " not in name:
            return ("person", full_people[name][0])
        if m.kind in (None, "person") and len(long_surnames.get(name, ())) == 1:
            return ("person", long_surnames[name][0])  # "Le Bon" after "Simon Le Bon"
        if name in SEATS_OF_GOVERNMENT and _acts(m, text):
            return ("place", SEATS_OF_GOVERNMENT[name])
        if m.kind in ("place", None) and name not in countries() and _plays(m, text):
            return ("organization", org_first.get(name, name))  # "Chelsea beat Arsenal 2-1": clubs
        if m.kind is None and name in org_first:
            return ("organization", org_first[name])  # "Ajax" after "Ajax Amsterdam"
        if name in companies:
            return ("organization", name)  # "Gartner said ...", "the research firm said it ...": no "he"
        if m.kind == "place":
            if name in speakers:
                return ("person", name)  # "Clinton said": a person, not the town in Iowa
            return ("place", canonical_place(name.title() if name.isupper() and len(name) > 3 else name))
        if m.kind is None:
            # "from Hartpury, Gloucestershire, said": a county before the verb, not a person
            return ("person", name) if _speaks(m, text) and name not in UK_REGIONS else None
        return (m.kind, name)

    clusters: dict[tuple[str, str], list[_Mention]] = {}
    for m in mentions:
        k = key(m)
        if k is not None:
            clusters.setdefault(k, []).append(m)
    return clusters


_FIRM = (r"(?:firm|company|group|maker|retailer|giant|bank|carrier|airline|operator|producer|manufacturer|insurer|"
         r"agency|studio|network|provider|supplier|chain|consultancy|publisher|broadcaster|developer|conglomerate)")
_COMPANY_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:shares|profits?|sales|revenues?|earnings|turnover|chief executive|"
    r"shareholders|stores|customers|subscribers|analysts?|economists?)\b"  # "Yukos's shares", "Gartner's principal analyst"
    rf"|,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_FIRM}(?![’'\w])")  # "Gartner, the research firm"
_COMPANY_BEFORE = re.compile(
    r"(?:\banalysts?|\b[Ss]hares\s+(?:in|of)"  # "according to analysts Gartner", "shares in Yukos"
    rf"|(?P<firm>(?<![\w-]){_FIRM}))\s+$")  # "the research firm Gartner" (not "film-maker Spike Lee")


def _company(name: str, text: str) -> bool:
    """The article writes of ``name`` as of a company. (The cues are tried where the name stands:
    a pattern made for each name was compiled anew for every article, three times the analysis.)"""
    i = text.find(name)
    while i >= 0:
        end = i + len(name)
        if _COMPANY_AFTER.match(text, end):
            return True
        if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
            before = _COMPANY_BEFORE.search(text, max(0, i - 40), i)
            if before and not (before.group("firm") and text[end:end + 1] in ("'", "’")):
                return True
        i = text.find(name, i + 1)
    return False


def _office_of(m: _Mention, text: str) -> bool:
    """The place names an office: "Archbishop of Canterbury", "Mayor of London", "Bishop of Durham"."""
    before = text[max(0, m.start - 30):m.start].split()
    return len(before) >= 2 and before[-1] == "of" and before[-2].lower() in ROLE_HEADS


def _knighted(m: _Mention, text: str) -> bool:
    """A one-word name right after "Sir" or "Dame" (titles taken with the first name)."""
    return _KNIGHTED.search(text, max(0, m.start - 6), m.start) is not None


_KNIGHTED = re.compile(r"(?<![A-Za-z])(?:Sir|Dame) $")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _acts(m: _Mention, text: str) -> bool:
    """A capital standing for its government: "Moscow's mission", "accused Moscow of", "Moscow denies"."""
    after = text[m.end:m.end + 12].lstrip()
    before = text[max(0, m.start - 12):m.start].rstrip().split()
    return after.startswith(("’s", "'s", "has ", "have ")) or (bool(before) and before[-1] in STANCE_OF_VERB) \
        or any(after.startswith(v + " ") for v in STANCE_OF_VERB)


_PLAYS_AFTER = re.compile(r"\s+(?:\d{1,3}\b(?![.,]\d)|beat\b|beats\b|drew\b|draw\b|lost\b|won\b|defeated\b|thrashed\b|edged\b|routed\b|v\b|vs\b)")
_PLAYS_BEFORE = re.compile(r"(?:\bbeat|\bbeating|\bagainst|\bdrew with|\blost to|\bdefeated|\bv|\bvs\.?|\bover|\d)\s+$")


def _plays(m: _Mention, text: str) -> bool:
    """A team in a sports report: "Chelsea beat Arsenal", "Ajax 2 PSV 1"."""
    after = text[m.end:m.end + 12]
    if not _PLAYS_AFTER.match(after):
        return False  # most mentions: decided without counting the scores on the line
    before = text[max(0, m.start - 14):m.start]
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    scores = len(re.findall(r"\b\d{1,2}\b", line))
    return bool(_PLAYS_AFTER.match(after) and (scores >= 2 or not after.lstrip()[:1].isdigit())) and (
        scores >= 2 or bool(_PLAYS_BEFORE.search(before)) or bool(re.match(r"\s+(?:beat|beats|drew|defeated|thrashed|edged|routed)\b", after)))


def _speaks(m: _Mention, text: str) -> bool:
    """An unknown capitalised word next to a speech verb is a person's name ("Smith said")."""
    after = re.match(r"[\s,]*(\w+)", text[m.end:m.end + 20])
    before = re.findall(r"\w+", text[max(0, m.start - 12):m.start])
    if after and after.group(1).lower() in QUOTE_CUES or before and before[-1].lower() in QUOTE_CUES:
        return True
    # '"...," Oliver barked.': right after a closing quote, before a past-tense verb
    return text[max(0, m.start - 3):m.start].strip().endswith(("”", ",”", "\"")) and bool(
        after and after.group(1).endswith("ed") and after.group(1).islower())


def _build_index(clusters: dict[tuple[str, str], list[_Mention]], mentions: list[_Mention],
                 role_refs: list[tuple[int, int, str]]) -> ActorIndex:
    actors: list[Actor] = []
    spans: list[tuple[int, int, str]] = []
    genders: dict[str, str] = {}
    used: set[str] = set()
    for (key_kind, key_name), group in sorted(clusters.items(), key=lambda kv: kv[1][0].start):
        kind = key_kind
        name = key_name if kind in ("place", "organization", "group") else _canonical_name(group)
        actor_id = _unique(slugify(name, fallback="actor"), used)
        surfaces = []
        for m in group:
            surface = m.surface or m.name
            if surface != name and surface not in surfaces:
                surfaces.append(surface)
        roles: list[str] = []
        for m in group:
            for role in m.roles:
                if role not in roles:
                    roles.append(role)
            if m.gender:
                genders[actor_id] = m.gender
        actors.append(Actor(actor_id, name, kind, tuple(surfaces), tuple(roles),
                            tuple((m.start, m.end) for m in group)))
        spans.extend((m.start, m.end, actor_id) for m in group)
    index = ActorIndex(tuple(actors), tuple(sorted(spans)), genders)
    extra = _resolve_role_refs(index, role_refs, mentions)
    if not extra:
        return index
    return _with_role_mentions(index, extra)


def _resolve_role_refs(index: ActorIndex, role_refs, mentions) -> list[tuple[int, int, str, str]]:
    """Role-only phrases: an apposition of the name before them, or the one holder of the role."""
    resolved = []
    for start, end, role in role_refs:
        holder = index.by_role(role.split()[-1])
        before = index.recent(start, start - 40, ("person",))
        if _names_follow(index, end):
            continue  # "the then Lord Chancellor, Lord Irvine": the title of the person named next
        if holder and not (before == holder and _is_apposition(index, start, holder)):
            resolved.append((start, end, holder, role))
    return resolved


def _names_follow(index: ActorIndex, end: int) -> bool:
    """A person is named right after ``end``, past a comma ("..., Lord Irvine of Lairg")."""
    i = bisect.bisect_left(index.spans, (end, -1, ""))
    return i < len(index.spans) and index.spans[i][0] - end <= 8 and index.is_person(index.spans[i][2])


def _is_apposition(index: ActorIndex, start: int, actor_id: str) -> bool:
    i = bisect.bisect_left(index.spans, (start, -1, ""))
    return i > 0 and index.spans[i - 1][2] == actor_id and start - index.spans[i - 1][1] <= 3


def _with_role_mentions(index: ActorIndex, extra) -> ActorIndex:
    actors = []
    for actor in index.actors:
        mine = [(s, e) for s, e, a, _ in extra if a == actor.id]
        new_roles = [r for _, _, a, r in extra if a == actor.id and r not in actor.roles]
        if mine:
            actor = Actor(actor.id, actor.name, actor.kind, actor.aliases,
                          actor.roles + tuple(dict.fromkeys(new_roles)),
                          tuple(sorted(set(actor.mentions) | set(mine))))
        actors.append(actor)
    spans = tuple(sorted(set(index.spans) | {(s, e, a) for s, e, a, _ in extra}))
    return ActorIndex(tuple(actors), spans, index.genders)


def _canonical_name(group: list[_Mention]) -> str:
    """A person's fullest name."""
    return max((m.name for m in group), key=lambda n: (len(n.split()), len(n)))


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate = f"{slug}-{n}"
        n += 1
    used.add(candidate)
    return candidate
