"""Claims in the headline: "Gingrich: Trump Must Decide ...", "Bernie Sanders Says He’s Already ...".

Headlines are written in a compressed style the sentence rules do not read: a source, a colon and
what was said, or a source, a reporting verb and what was said, with no "that" and often in title
case. The source is an actor of the article only when the name before the colon or verb picks out
exactly one of them ("Sanders" when one Sanders is named); otherwise the claim keeps the words as
its source and no speaker.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Claim, Span
from .actors import ActorIndex
from .lexicon import HEADLINE_VERBS, HONORIFICS, ROLE_HEADS
from .nlp import states

# "The Latest: ...", "Exclusive: ...": labels of a section or a format, not sources.
_LABELS = frozenset("the latest update daily exclusive watch video live breaking analysis opinion review editorial "
                    "excerpt photos quiz delegate".split())
# Words that cannot be part of a source's name before a colon or end a subject before its verb.
_FUNCTION_WORDS = frozenset("for with in by from about over after before of the a an is are was were be will would can "
                            "could may might must should to".split())
_TITLES = ROLE_HEADS | {h.rstrip(".") for h in HONORIFICS} | {"pastor", "reverend", "hacker", "icon"}
# Words that open a headline before its subject: "In two-front war, Clinton targets ...", "How Trump Could ...".
_OPENERS = frozenset("In After Before How Why What When Where As With For On At If While Ready".split())
_SOURCE = re.compile(r"[A-Z][\w.’'&-]*(?:,? (?:[A-Z][\w.’'&-]*|camp|on|to|at|of|and))*")
_QUOTES = "‘’“”\"'"


def headline_claims(text: str, title: Span | None, actors: ActorIndex) -> Iterator[Claim]:
    """What the headline reports, with its source."""
    if title is None:
        return
    start, end = title
    while end > start and text[end - 1] in " .":
        end -= 1
    colon = text.find(":", start, end)
    if colon > start:
        head = text[start:colon].strip()
        words = head.lower().replace("–", " ").split() or [""]
        if words[0] in _LABELS or words[-1] in _LABELS or head.isupper() and " " in head:
            start = colon + 1  # "The Latest: Hillary Clinton tells voters ...": read what follows the label
            while start < end and text[start] == " ":
                start += 1
        elif (claim := _colon_claim(text, start, colon, end, actors)) is not None:
            yield claim
            return
    claim = _verb_claim(text, start, end, actors)
    if claim is not None:
        yield claim


def _colon_claim(text: str, start: int, colon: int, end: int, actors: ActorIndex) -> Claim | None:
    """"Newspaper: Defense secretary used personal email", "Clinton to Planned Parenthood: Trump will ..."."""
    head = text[start:colon]
    if not _SOURCE.fullmatch(head) or len(head.split()) > 6:
        return None
    name = re.split(r" (?:to|on|at) ", head, maxsplit=1, flags=re.I)[0]
    if any(w.lower() in HEADLINE_VERBS or w.lower() in _FUNCTION_WORDS for w in name.split()[1:]):
        return None  # "Carly Fiorina Endorses Ted Cruz: ...", "Big Win For Bernie: ...": not a source
    content_start = colon + 1
    while content_start < end and text[content_start] == " ":
        content_start += 1
    if len(text[content_start:end].split()) < 2:
        return None
    name_end = start + len(name)
    return Claim(content=((content_start, end),), stance="asserts", speaker=_actor_named(text[start:name_end], actors),
                 source=(start, name_end), cue=(colon, colon + 1))


def _verb_claim(text: str, start: int, end: int, actors: ActorIndex) -> Claim | None:
    """"Bernie Sanders Says He’s Already Started ...", "Rose Bowl skywriters blast Trump"."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words or words[0].group(0) in _OPENERS:
        return None
    for n, w in enumerate(words[1:7], 1):
        verb = w.group(0).lower()
        if verb not in HEADLINE_VERBS:
            continue
        source_end = start + words[n - 1].end()
        subject = text[start:source_end]
        if (any(c in subject for c in _QUOTES + ":,") or not subject[:1].isupper() or len(words) - n - 1 < 2
                or words[n - 1].group(0).lower() in _FUNCTION_WORDS):
            return None  # "Immigrants can find way in America"
        following = words[n + 1].group(0).lower()
        if verb in ("wants", "want") and following != "to":
            return None  # "Tindall wants second opinion": a wish for something, not a statement
        stance = HEADLINE_VERBS[verb]
        if verb in ("calls", "call"):
            stance = "urges" if following in ("on", "for", "upon") else "asserts"  # not "calls Trump's idea 'stupid'"
        content_start = start + words[n + 1 + (verb in ("calls", "call") and following in ("on", "for", "upon"))].start()
        content = text[content_start:end]
        if stance not in ("denies", "urges") and verb not in _OBJECT_VERBS and not states(content):
            # "Blair blasts Tory spending plans", "Blair backs 'pre-election budget'", "Mandelson warns BBC on
            # Campbell": no statement. A denial, a call or a characterisation has its object ("Ebbers denies
            # WorldCom fraud", "Brown calls for Aids fund", "Biden calls Trump risk to U.S. safety"), and so
            # does a promise ("Tories pledge free sports lessons").
            return None
        return Claim(content=((content_start, end),), stance=stance,  # type: ignore[arg-type]
                     speaker=_actor_named(subject, actors), source=(start, source_end),
                     cue=(start + w.start(), start + w.end()))
    return None


_OBJECT_VERBS = frozenset("calls call pledge pledges promise promises vow vows admits admit predicts predict "
                          "blames blame accuses accuse".split())


def _actor_named(name: str, actors: ActorIndex) -> str | None:
    """The one person, organisation or group of the article the headline's name picks out."""
    name = re.sub(r"[’']s$", "", name.strip())
    words = name.split()
    if not words or len(words) > 5 or " and " in name.lower() or "&" in name:
        return None  # "Netanyahu and Obama": more than one source
    kinds = ("person", "organization", "group")
    exact = [a.id for a in actors.actors if a.kind in kinds and (a.name == name or name in a.aliases)]
    if exact:
        return exact[0] if len(exact) == 1 else None
    last = words[-1]
    if not last[:1].isupper() or last.lower().rstrip(".") in _TITLES:
        return None  # "Clinton camp", "Rose Bowl skywriters", "CNN President": not the person named
    # a surname ("Gingrich"), or a first name standing alone ("Hillary"): one person of the article
    found = [a.id for a in actors.actors if a.kind == "person" and (
        last == a.name.split()[-1] or len(words) == 1 and last == a.name.split()[0])]
    return found[0] if len(found) == 1 else None


__all__ = ["headline_claims"]
