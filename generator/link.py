"""Link: one actor, one page, across the corpus.

Actors from different articles merge on evidence only:

- **the same name**: the same kind and the same name once titles ("Mr", "Dr") and middle initials
  are set aside ("George W Bush" and "George Bush"; "Sergei Shoigu" in two articles);
- **a surname alone** ("Shoigu") joins the one person of the corpus with that surname; when several
  people share it ("Tony Blair", "Cherie Blair") it joins the one whose roles or company match best
  (a shared role such as "Prime Minister", actors named alongside it), and stays apart when nothing
  decides between them;
- **the same article**: a one-word name the analyser took for a place ("Mr Howard") is the person
  of that surname named in the same article ("Michael Howard");
- **an organisation's short name** ("UN") joins the full name it stands for in other articles.

Corpus actor ids are slugs of the canonical name, so a page keeps its address from build to build.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable

from .analyze.gazetteer import places
from .analyze.lexicon import DEMONYMS, ROLE_HEADS
from .ids import slugify
from .model import Actor, Analysis

TITLES = frozenset("mr mrs ms miss dr sir dame lord lady prof professor mx gen col capt sgt lt maj rev".split())
GENDER_OF_TITLE = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
# Words a headline-style run can put before a name: "Exchequer Gordon Brown", "Wing Christophe Dominici".
WORDS_BEFORE_NAMES = frozenset(
    "exchequer commons lords wing sprinter striker midfielder defender goalkeeper winger forward "
    "actor actress singer star director new former veteran briton rapper comedian".split()
) | ROLE_HEADS | {d.lower() for d in DEMONYMS}
_INITIAL = re.compile(r"^[A-Za-z]\.?$")

Key = tuple[str, str]
"""(kind, normalised name): one corpus actor."""


@dataclass(frozen=True)
class Appearance:
    """One actor in one article."""

    article_id: str
    actor: Actor


@dataclass(frozen=True)
class CorpusActor:
    """An actor across the corpus, with the page id it is published under."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    """Other names it goes by across the corpus, most used first."""
    roles: tuple[str, ...]
    """Roles the articles give it, most used first."""
    appearances: tuple[Appearance, ...]
    """One per article it is named in (several when one article names it in several ways)."""

    @cached_property
    def mention_count(self) -> int:
        return sum(len(a.actor.mentions) for a in self.appearances)

    @cached_property
    def article_ids(self) -> tuple[str, ...]:
        """The articles it is named in, each once, in corpus order."""
        return tuple(dict.fromkeys(a.article_id for a in self.appearances))

    def mentions_in(self, article_id: str) -> int:
        return self._mentions_by_article.get(article_id, 0)

    @cached_property
    def _mentions_by_article(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for a in self.appearances:
            counts[a.article_id] = counts.get(a.article_id, 0) + len(a.actor.mentions)
        return counts

    def roles_in(self, article_id: str) -> tuple[str, ...]:
        return self._roles_by_article.get(article_id, ())

    @cached_property
    def _roles_by_article(self) -> dict[str, tuple[str, ...]]:
        roles: dict[str, dict[str, None]] = {}
        for a in self.appearances:
            roles.setdefault(a.article_id, {}).update(dict.fromkeys(a.actor.roles))
        return {article_id: tuple(found) for article_id, found in roles.items()}


@dataclass(frozen=True)
class Corpus:
    """Every analysed article and every actor across them."""

    analyses: tuple[Analysis, ...]
    actors: tuple[CorpusActor, ...]
    global_ids: dict[tuple[str, str], str]
    """(article id, actor id in that article) -> corpus actor id."""
    _by_id: dict[str, CorpusActor] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((a.id, a) for a in self.actors)

    def actor_page(self, article_id: str, local_id: str | None) -> str | None:
        """The corpus id of an article's actor (for links), or None."""
        if local_id is None:
            return None
        return self.global_ids.get((article_id, local_id))

    def by_id(self, corpus_id: str) -> CorpusActor:
        return self._by_id[corpus_id]


# --- names ------------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """A person's name for matching: lowercase, titles and middle initials left out.

    ``person_key("Mr George W. Bush") == person_key("George Bush") == "george bush"``.
    """
    words = [w for w in name.replace("’", "'").split() if w.lower().rstrip(".") not in TITLES]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return " ".join(words).lower()


def _surname(key: str) -> str:
    return key.rsplit(" ", 1)[-1]


def _role_words(roles) -> set[str]:
    return {w for r in roles for w in re.findall(r"[a-z]+", r.lower()) if len(w) > 2}


# --- linking ----------------------------------------------------------------------------------

@dataclass
class _Group:
    key: Key
    appearances: list[Appearance] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    company: set[Key] = field(default_factory=set)
    """Actors named in the same articles (its own key too: :func:`_evidence` leaves it out)."""
    genders: set[str] = field(default_factory=set)
    """Of people: what gendered titles ("Mr", "Mrs") the articles give them."""


def gender(actor: Actor, text: str) -> str | None:
    """"m" or "f" when the article gives the actor a gendered title ("Mr Blair", "Mrs Blair")."""
    votes = set()
    for start, _ in actor.mentions:
        before = text[max(0, start - 6):start].replace(".", " ").split()
        if before and before[-1].lower() in GENDER_OF_TITLE:
            votes.add(GENDER_OF_TITLE[before[-1].lower()])
    return votes.pop() if len(votes) == 1 else None


def _base_key(actor: Actor) -> Key:
    return _name_key(actor.kind, actor.name)


@lru_cache(maxsize=1 << 16)
def _name_key(kind: str, name: str) -> Key:
    return ("person", person_key(name)) if kind == "person" else (kind, name.lower())


def _same_article_person(analysis: Analysis) -> dict[str, Actor]:
    """Local actor id -> the person it really is, for one-word names that are the surname of
    exactly one person in the same article ("Mr Howard" read as the place Howard). A place name
    ("Europe" beside "Eastern Europe") needs a title in front of it to count."""
    by_surname: dict[str, list[Actor]] = defaultdict(list)
    for actor in analysis.actors:
        if actor.kind == "person" and " " in person_key(actor.name):
            by_surname[_surname(person_key(actor.name))].append(actor)
    fixes = {}
    text = analysis.article.text
    for actor in analysis.actors:
        if actor.kind in ("place", "person") and " " not in actor.name \
                and (not _is_place(actor.name) or gender(actor, text) is not None):
            people = by_surname.get(actor.name.lower(), [])
            if len(people) == 1 and people[0].id != actor.id:
                fixes[actor.id] = people[0]
    return fixes


def _org_short_names(analyses) -> dict[str, set[str]]:
    """An organisation's alias -> the full names it stands for somewhere in the corpus."""
    short: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for actor in analysis.actors:
            if actor.kind == "organization":
                for alias in actor.aliases:
                    if alias.lower() != actor.name.lower():
                        short[alias.lower()].add(actor.name.lower())
    return short


@dataclass(frozen=True)
class _Evidence:
    """What the whole corpus says, for weighing a lone surname."""

    groups: dict[Key, _Group]
    by_surname: dict[str, list[Key]]
    org_short: dict[str, set[str]]
    first_names: set[str]
    common: frozenset[Key]
    """Actors named in so many articles ("United Kingdom") that sharing them proves nothing."""
    not_people: frozenset[str]
    """One-word names that other articles give an organisation or a place ("Ford")."""


def _resolve(key: Key, context: set[Key], role_words: set[str], sex: str | None, ev: _Evidence) -> Key:
    """Where a short name belongs: its own key unless the evidence picks one fuller name."""
    kind, name = key
    if kind == "organization" and len(ev.org_short.get(name, ())) == 1:
        return ("organization", next(iter(ev.org_short[name])))
    if kind != "person" or " " in name or _is_place(name):
        return key
    candidates = [c for c in ev.by_surname.get(name, []) if sex is None or _sex(ev.groups[c]) in (None, sex)]
    context = context - ev.common
    scored = sorted(((_evidence(ev.groups[c], context, role_words), c) for c in candidates), reverse=True)
    # A distinctive surname with one bearer needs a little evidence; a word that is also a first
    # name or an ordinary word ("Robert", "Bill", "Brown"), or a surname several people share, more.
    needed = 1 if len(candidates) == 1 and name not in ev.first_names and not _is_word(name) else 2
    needed += name in ev.not_people
    if scored and scored[0][0] >= needed and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return key


def _is_place(name: str) -> bool:
    return name.title() in places()


def _is_word(name: str) -> bool:
    from .analyze.nlp import lexicon

    return name in lexicon()


def _drop_leading_words(key: Key, groups: dict[Key, _Group]) -> Key:
    """A long name that is a role word caught in front of a full name seen elsewhere is that
    person ("Exchequer Gordon Brown"); other long names ("Pontiac Grand Prix") stay themselves."""
    if key[0] != "person" or key[1].count(" ") < 2:
        return key
    words = key[1].split()
    if words[-3] in WORDS_BEFORE_NAMES:
        tail = ("person", " ".join(words[-2:]))
        if tail in groups:
            return tail
    return key


def _sex(group: _Group) -> str | None:
    return next(iter(group.genders)) if len(group.genders) == 1 else None


def _evidence(candidate: _Group, context: set[Key], role_words: set[str]) -> int:
    """How strongly an article's surname points at a candidate: shared role words weigh most,
    then actors named alongside in both."""
    return 3 * len(candidate.role_words & role_words) + len(context & candidate.company - {candidate.key})


def link(analyses: list[Analysis] | tuple[Analysis, ...]) -> Corpus:
    """Merge the articles' actors into corpus actors."""
    analyses = tuple(analyses)
    local_keys: list[dict[str, Key]] = []
    groups: dict[Key, _Group] = {}
    for analysis in analyses:
        fixes = _same_article_person(analysis)
        keys = {a.id: _base_key(fixes.get(a.id, a)) for a in analysis.actors}
        local_keys.append(keys)
        named = set(keys.values())
        for actor in analysis.actors:
            if " " in keys[actor.id][1] or actor.kind != "person":
                group = groups.setdefault(keys[actor.id], _Group(keys[actor.id]))
                group.role_words |= _role_words(actor.roles)
                group.company |= named
                if actor.kind == "person" and (sex := gender(actor, analysis.article.text)):
                    group.genders.add(sex)
    by_surname: dict[str, list[Key]] = defaultdict(list)
    first_names: set[str] = set()
    for key in groups:
        if key[0] == "person" and " " in key[1] and " of " not in key[1]:
            by_surname[_surname(key[1])].append(key)
            first_names.add(key[1].split()[0])
    in_articles = Counter(k for keys in local_keys for k in set(keys.values()))
    common = frozenset(k for k, n in in_articles.items() if n > max(3, len(analyses) // 50))
    not_people = frozenset(k[1] for k in groups if k[0] in ("organization", "place") and " " not in k[1])
    ev = _Evidence(groups, by_surname, _org_short_names(analyses), first_names, common, not_people)
    final: dict[Key, list[Appearance]] = defaultdict(list)
    for analysis, keys in zip(analyses, local_keys):
        context = set(keys.values())
        for actor in analysis.actors:
            key = keys[actor.id]
            key = _drop_leading_words(key, groups)
            if key not in groups or (key[0] == "organization" and key[1] in ev.org_short):
                key = _resolve(key, context - {key}, _role_words(actor.roles), gender(actor, analysis.article.text), ev)
            final[key].append(Appearance(analysis.article.id, actor))
    return _corpus(analyses, final)


def _corpus(analyses: tuple[Analysis, ...], final: dict[Key, list[Appearance]]) -> Corpus:
    used: set[str] = set()
    actors: list[CorpusActor] = []
    global_ids: dict[tuple[str, str], str] = {}
    named = sorted(((_canonical(aps, key), key[0], aps) for key, aps in final.items()),
                   key=lambda t: (t[0].lower(), t[1], t[0]))
    for name, kind, appearances in named:
        corpus_id = _unique_id(slugify(name, fallback="actor"), kind, used)
        aliases = tuple(n for n in _most_used(n for ap in appearances for n in (ap.actor.name, *ap.actor.aliases))
                        if n != name)
        roles = _most_used(r for ap in appearances for r in ap.actor.roles)
        actors.append(CorpusActor(corpus_id, name, kind, aliases, roles, tuple(appearances)))
        for ap in appearances:
            global_ids[(ap.article_id, ap.actor.id)] = corpus_id
    return Corpus(analyses, tuple(actors), global_ids)


def _canonical(appearances: list[Appearance], key: Key) -> str:
    """The name most articles use, among the forms that match the actor's key exactly (not
    "Exchequer Gordon Brown"), fuller names first."""
    names = Counter(ap.actor.name for ap in appearances)
    exact = [n for n in names if _name_key(key[0], n) == key] or list(names)
    return max(exact, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))


def _most_used(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct values, most frequent first, ties in order of first use."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return tuple(sorted(counts, key=lambda v: -counts[v])) if len(counts) > 1 else tuple(counts)


def _unique_id(base: str, kind: str, used: set[str]) -> str:
    corpus_id = base if base not in used else f"{base}-{kind}"
    n, stem = 2, corpus_id
    while corpus_id in used:
        corpus_id, n = f"{stem}-{n}", n + 1
    used.add(corpus_id)
    return corpus_id
