"""Offline text processing: sentences, tokens with offsets, part-of-speech tags and chunks.

Sentences come from NLTK's Punkt with parameters built here (no corpus download); tags and chunks
come from TextBlob's pattern tagger and chunker, which need no NLTK data either.
"""

from __future__ import annotations

import bisect
import operator
import re
import string
import types
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from itertools import repeat
from typing import Iterator, NamedTuple, Sequence

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from ..model import Span
from .compiled import compiled
from .lexicon import ABBREVIATIONS, SENTENCE_STARTERS

_TOKEN = re.compile(
    # Two shortcuts first, for most tokens: a plain word before a space or a mark that cannot
    # continue it, and a mark that no later branch could start. Neither changes a token (no later
    # branch matches differently where they match); they save trying every branch in turn.
    r"[A-Za-z]+(?=[\s,;:)\"!?”])"
    r"|[,.;:()\"!?“”]"
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., a.m.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: G. Thorpe
    r"|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|Adm|Maj|Cmdr|Supt|Insp|Sr|Jr|St)\.(?=\s)"
    r"|[’']s\b"  # possessive, a token of its own
    r"|\w+(?:[-’'.]\w+)*?(?=[’']s\b)"  # the word before a possessive
    r"|\d+(?:[.,:]\d+)*%?"  # numbers, times, percentages
    r"|\w+(?:[-’']\w+)*"  # words, hyphenated words, contractions
    r"|[^\w\s]"  # punctuation, one mark a token
)
PROPER_TAGS = frozenset({"NNP", "NNPS"})


class Token(NamedTuple):
    """A word or mark with its offsets, POS tag (Penn) and chunk tag (IOB, e.g. ``B-NP``).

    A named tuple rather than a frozen dataclass: an article makes a few hundred of them, and a
    tuple is built three times faster, which is a tenth of the analysis time.
    """

    start: int
    end: int
    text: str
    tag: str
    chunk: str
    lower: str
    """``text`` in lowercase, computed once."""
    index: int
    """Position in its sentence."""


# A field of every token, read from C: ``list(map(TEXT, tokens))`` is a third faster than a loop.
TEXT = operator.itemgetter(Token._fields.index("text"))
LOWER = operator.itemgetter(Token._fields.index("lower"))
START = operator.itemgetter(Token._fields.index("start"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one paragraph."""

    start: int
    end: int
    paragraph: int
    """Index of the paragraph it belongs to."""
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Doc:
    """An article's body, split and tagged."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Every token that lies within ``[start, end)``."""
        return [t for s in self.sentences if s.end > start and s.start < end
                for t in s.tokens if t.start >= start and t.end <= end]


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """Punkt with our own abbreviation list: no trained model to download."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)  # "... to enter the U.S. The proposal ...": two sentences
    return _Punkt(params)


_PUNKT_SPACES = tuple(string.whitespace)
"""What Punkt counts as a space between words (``string.whitespace``: not a no-break space)."""
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")  # PunktToken's, for its "##number##" type
_INITIAL = re.compile(r"[^\W\d]\.$")  # PunktToken.is_initial
_ELLIPSIS = re.compile(r"\.\.+$")  # PunktToken.is_ellipsis


def _unwrapped(pattern):
    """NLTK's compiled pattern without its per-call timeout wrapper (``nltk.redos``)."""
    return getattr(pattern, "_rx", pattern)


class _LangVars(PunktLanguageVars):
    """Punkt's English conventions with its patterns run directly. NLTK wraps every pattern in a
    timeout against patterns that backtrack without end; Punkt's own are fixed and linear, and the
    wrapper cost a quarter of the time spent splitting sentences."""

    re_boundary_realignment = _unwrapped(PunktLanguageVars.re_boundary_realignment)

    def period_context_re(self):
        return _unwrapped(super().period_context_re())

    def _word_tokenizer_re(self):
        return _unwrapped(super()._word_tokenizer_re())


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt, with its decision at each candidate break made without its token objects.

    Punkt asks :meth:`text_contains_sentbreak` about every ".", "?" and "!" followed by a space or
    a mark, building a ``PunktToken`` per word and running two annotation passes over them; that
    was 60% of the time spent splitting sentences. This is the same decision for the parameters
    :func:`sentence_splitter` gives it (abbreviations and sentence starters; no collocations, no
    orthographic statistics), on plain strings. ``tests/test_sentences.py`` holds it to Punkt's.
    """

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params, lang_vars=_LangVars())
        assert not params.collocations and not params.ortho_context, "the fast path assumes neither"
        self._find_words = self._lang_vars._word_tokenizer_re().findall
        self._abbreviations = frozenset(params.abbrev_types)
        self._starters = frozenset(params.sent_starters)
        self._candidate = self._lang_vars.period_context_re().search
        self._candidates = self._lang_vars.period_context_re().finditer
        self._realign = self._lang_vars.re_boundary_realignment.match

    def span_tokenize(self, text: str, realign_boundaries: bool = True) -> Iterator[tuple[int, int]]:
        """Punkt's sentence spans, with a shortcut for a paragraph where no ".", "?" or "!" is
        followed by a space and a word or by a mark (most one-sentence paragraphs): one sentence,
        as Punkt would find, without its machinery."""
        if self._candidate(text) is None:
            end = len(text.rstrip())
            if end:
                yield 0, end
            return
        if not realign_boundaries:
            yield from super().span_tokenize(text, realign_boundaries)
            return
        yield from self._realigned(text, self._breaks(text))

    def _breaks(self, text: str) -> list[tuple[int, int]]:
        """Punkt's ``_slices_from_text`` over its ``_match_potential_end_contexts``, in one pass
        on offsets: each candidate break with the word before it, a candidate whose word overlaps
        the previous candidate's dropping that one, as Punkt's does."""
        slices = []
        last_break = 0
        previous = None  # the last candidate break; previous_start is where the word before it starts
        previous_start = previous_stop = 0
        for match in self._candidates(text):
            at = match.start()
            # the last whitespace between the previous candidate's word and this one (Punkt's
            # _get_last_whitespace_index, whose 0 also means none)
            space = max(map(text.rfind, _PUNKT_SPACES, repeat(previous_stop), repeat(at))) - previous_stop
            word_start = space + previous_stop + 1 if space > 0 else previous_start
            if previous is not None and previous_stop <= word_start:
                last_break = self._break(text, previous, previous_start, slices, last_break)
            previous, previous_start, previous_stop = match, word_start, at
        if previous is not None:
            last_break = self._break(text, previous, previous_start, slices, last_break)
        slices.append((last_break, len(text.rstrip())))
        return slices

    def _break(self, text: str, match: re.Match, word_start: int, slices: list[tuple[int, int]], last_break: int) -> int:
        context = text[word_start:match.start()] + match.group() + match.group("after_tok")
        if not self.text_contains_sentbreak(context):
            return last_break
        slices.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()

    def _realigned(self, text: str, slices: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """Punkt's ``_realign_boundaries``: a closing mark after a break stays with the sentence
        before it ('(Sent1.) Sent2.')."""
        realign = 0
        for n, (start, stop) in enumerate(slices):
            start += realign
            if n + 1 == len(slices):
                if start < stop:
                    yield start, stop
                continue
            next_start, next_stop = slices[n + 1]
            m = self._realign(text[next_start:next_stop])
            if m:
                yield start, next_start + len(m.group(0).rstrip())
                realign = m.end()
            else:
                realign = 0
                if start < stop:
                    yield start, stop

    def text_contains_sentbreak(self, text: str) -> bool:
        """Whether a token other than the last in ``text`` ends a sentence (Punkt's rules)."""
        words = [w for line in text.split("\n") if line.strip() for w in self._find_words(line)]
        if len(words) < 2:
            return False
        abbreviations = self._abbreviations
        # First pass, by each word alone: 0 nothing, 1 sentence break, 2 abbreviation, 3 ellipsis.
        marks = []
        for word in words:
            if word in (".", "?", "!"):
                marks.append(1)
            elif _ELLIPSIS.match(word):
                marks.append(3)
            elif word.endswith(".") and not word.endswith(".."):
                bare = word[:-1].lower()
                marks.append(2 if bare in abbreviations or bare.split("-")[-1] in abbreviations else 1)
            else:
                marks.append(0)
        # Second pass, by each word and the next; the last word's decision does not count.
        for i in range(len(words) - 1):
            word, after = words[i], words[i + 1]
            mark = marks[i]
            if word.endswith("."):
                typ = _punkt_type(word)
                if len(typ) > 1 and typ[-1] == ".":
                    typ = typ[:-1]
                initial = _INITIAL.match(word) is not None
                decided = False
                if mark in (2, 3) and not initial:
                    after_type = _punkt_type(after)
                    if marks[i + 1] == 1 and len(after_type) > 1 and after_type[-1] == ".":
                        after_type = after_type[:-1]
                    if after[0].isupper() and after_type in self._starters:
                        mark, decided = 1, True
                if not decided and (initial or typ == "##number##"):
                    # The orthographic heuristic, with no statistics: a mark or a lower-case word
                    # does not start a sentence; anything else is unknown.
                    if after in (";", ":", ",", ".", "!", "?") or after[0].islower():
                        mark = 2
                    elif initial and after[0].isupper():
                        mark = 2
            if mark == 1:
                return True
        return False


def _punkt_type(word: str) -> str:
    return "##number##" if _NUMERIC.match(word.lower()) else word.lower()


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Word -> part-of-speech tag: TextBlob's lexicon as its pattern tagger uses it, from the
    compiled copy (see :mod:`.compiled`) instead of parsing its 94,000-line file in every process.
    A plain dict: a lookup through pattern's ``Lexicon`` class costs a third more, and the tagger
    makes one a word."""
    from textblob.en import parser

    return compiled("pattern-lexicon", lambda: dict(parser.lexicon.items()), packages=("textblob",))


@lru_cache(maxsize=1)
def _parser():
    """TextBlob's pattern parser with its lexicon filled from :func:`lexicon`, for comparing our
    tagger with its own (the analysis does not use it)."""
    from textblob._text import lazydict
    from textblob.en import parser

    if dict.__len__(parser.lexicon) == 0:
        dict.update(parser.lexicon, lexicon())
        # What lazydict does on its first use: its methods become the plain dict's.
        for name in ("get", "items", "keys", "values", "setdefault", "update", "pop", "popitem"):
            if name in vars(lazydict):
                setattr(parser.lexicon, name, types.MethodType(getattr(dict, name), parser.lexicon))
    return parser


def tag_words(words: Sequence[str]) -> list[str]:
    """Penn tags for one sentence's words: exactly what TextBlob's pattern tagger gives
    (``parser.find_tags``), about five times faster.

    pattern's English tagger, as TextBlob configures it, is a lexicon lookup (the first word also
    in lowercase) and, for a word the lexicon lacks, "NNP" if it is title-cased, "CD" if it is
    a number, else pattern's suffix rules; no context rules. Here the unknown-word rule is
    remembered per word, and the list pattern builds twice per sentence is not built.
    ``tests/test_tagger.py`` holds this to pattern's own tagger.
    """
    get = lexicon().get
    tags = [get(w) or _unknown_tag(w) for w in words]
    if words:
        first = words[0]
        if get(first) is None:
            tags[0] = get(first.lower()) or tags[0]
    return tags


@lru_cache(maxsize=100_000)
def _unknown_tag(word: str) -> str:
    from textblob._text import CD, _suffix_rules

    if word.istitle():
        return "NNP"
    if CD.match(word) is not None:
        return "CD"
    return _suffix_rules([word, "NN"])[1]


_NP_START = frozenset({"DT", "PDT", "PRP$", "WP$"})
_NP_MODIFIER = frozenset({"JJ", "JJR", "JJS", "CD", "VBN", "RB"})
_NP_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "EX"})


def chunk(tags: Sequence[str]) -> list[str]:
    """IOB chunk tags for noun phrases (B-NP/I-NP), verb groups (B-VP/I-VP) and the rest (O).

    A small left-to-right chunker for what the extractors need (where a noun phrase starts and
    ends); several times faster than pattern's regular-expression chunker.
    """
    out = ["O"] * len(tags)
    i, n = 0, len(tags)
    while i < n:
        t = tags[i]
        if t in _NP_START or t in _NP_NOUN or t in ("JJ", "JJR", "JJS", "CD"):
            j = i + 1 if t in _NP_START else i
            while j < n and tags[j] in _NP_MODIFIER and tags[j] != "RB":
                j += 1
            k = j
            while k < n and (tags[k] in _NP_NOUN or tags[k] == "POS" and k + 1 < n and tags[k + 1] in _NP_NOUN):
                k += 1
            if k > j or (t in _NP_START and k > i + 1):
                out[i] = "B-NP"
                for m in range(i + 1, k):
                    out[m] = "I-NP"
                i = k
                continue
            if t in ("JJ", "JJR", "JJS"):
                out[i] = "B-ADJP"
                i += 1
                continue
        if t.startswith("VB") or t == "MD":
            out[i] = "B-VP"
            i += 1
            while i < n and (tags[i].startswith("VB") or tags[i] in ("MD", "RB", "TO") and i + 1 < n and tags[i + 1].startswith("VB")):
                out[i] = "I-VP"
                i += 1
            continue
        if t in ("IN", "TO"):
            out[i] = "B-PP"
        i += 1
    return out


# A match's methods called straight from C: a third of what ``operator.methodcaller`` costs.
_group, _start, _end = re.Match.group, re.Match.start, re.Match.end


def process(text: str, paragraphs: Sequence[Span]) -> Doc:
    """Split every paragraph into sentences and tag them."""
    splitter = sentence_splitter()
    make = partial(tuple.__new__, Token)  # Token._make without its length check, called from C
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        for s_start, s_end in splitter.span_tokenize(text[p_start:p_end]):
            start, end = p_start + s_start, p_start + s_end
            matches = list(_TOKEN.finditer(text, start, end))
            words = list(map(_group, matches))
            if words:
                tags = tag_words(words)
                tokens = tuple(map(make, zip(map(_start, matches), map(_end, matches), words, tags, chunk(tags),
                                             map(str.lower, words), range(len(words)))))
            else:
                tokens = ()
            sentences.append(Sentence(start, end, index, tokens))
    return Doc(text, tuple(paragraphs), tuple(sentences))


def states(words: str) -> bool:
    """The words hold a verb, so they say something ("Trump Must Decide ...", "she's with them"),
    rather than name a topic, a target or a list ("Tory spending plans", "Cooper, Knight."). Tagged
    in lowercase: a title-case headline's verbs ("Must Decide") would read as names."""
    tokens = _TOKEN.findall(words.lower())
    if tokens[:1] == ["to"]:
        return True  # "vow to boycott ...": an infinitive, what is promised
    # a word right after a subject pronoun is its verb, whatever the lexicon's first tag ("they need", "I support")
    return any(tag.startswith("VB") or tag == "MD" or (k and tokens[k - 1] in _SUBJECTS and (w[:1].isalpha() or w in _CONTRACTED))
               for k, (w, tag) in enumerate(zip(tokens, tag_words(tokens))))


_CONTRACTED = frozenset({"’s", "'s", "’re", "'re", "’m", "'m", "’ll", "'ll", "’ve", "'ve", "’d", "'d"})
"""After a pronoun, a contracted verb: "she’s with them"."""
_SUBJECTS = frozenset("i you he she it we they that there what who here".split())
