"""``newsreport eval conll FILE``: actor mentions against CoNLL-2003 entity spans.

Each document (``-DOCSTART-``) becomes an article: a placeholder headline, then one sentence a
line, tokens joined by spaces. PER is a person, ORG an organisation, LOC a place; MISC and our
groups are not scored. A mention counts when its span equals a gold entity's span and type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..analyze import analyze
from ..errors import ConfigError
from ..ingest import parse_article
from .scoring import PRF

KIND_TO_TYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
TYPES = ("PER", "ORG", "LOC")
HEADLINE = "CoNLL document"


@dataclass
class Document:
    text: str
    entities: set[tuple[int, int, str]]


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    documents: int = 0
    words: int = 0


def documents(path: Path) -> Iterator[Document]:
    """Rebuild each document's text and its gold entity spans."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such CoNLL file; pass e.g. ../shared/data/conll/conllpp_dev.txt")
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + ["-DOCSTART- -X- -X- O"]:
        if line.startswith("-DOCSTART-"):
            if current:
                sentences.append(current)
                current = []
            if sentences:
                yield _document(sentences)
            sentences = []
        elif not line.strip():
            if current:
                sentences.append(current)
                current = []
        else:
            cols = line.split()
            current.append((cols[0], cols[-1]))


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    text = HEADLINE + "\n\n"
    entities: set[tuple[int, int, str]] = set()
    for sentence in sentences:
        open_entity: list | None = None
        for k, (word, tag) in enumerate(sentence):
            if k:
                text += " "
            start = len(text)
            text += word
            kind = tag[2:] if tag != "O" else None
            if open_entity and (kind != open_entity[2] or tag.startswith("B-")):
                entities.add(tuple(open_entity))  # type: ignore[arg-type]
                open_entity = None
            if kind and open_entity is None:
                open_entity = [start, len(text), kind]
            elif kind and open_entity:
                open_entity[1] = len(text)
        if open_entity:
            entities.add(tuple(open_entity))  # type: ignore[arg-type]
        text += "\n"
    return Document(text, {e for e in entities if e[2] in TYPES})


def evaluate(path: Path, limit: int | None = None) -> Tally:
    tally = Tally()
    for n, doc in enumerate(documents(path)):
        if limit is not None and n >= limit:
            break
        analysis = analyze(parse_article(doc.text, str(path), "conll"))
        predicted = {(s, e, KIND_TO_TYPE[a.kind]) for a in analysis.actors if a.kind in KIND_TO_TYPE for s, e in a.mentions}
        for s, e, t in predicted:
            tally.predicted[t] += 1
            if (s, e, t) in doc.entities:
                tally.tp[t] += 1
        for _, _, t in doc.entities:
            tally.gold[t] += 1
        tally.documents += 1
        tally.words += len(doc.text.split())
    return tally


def report(tally: Tally) -> str:
    lines = [f"CoNLL: {tally.documents} documents, {tally.words} words"]
    for t in TYPES:
        lines.append(PRF(tally.tp[t], tally.predicted[t], tally.gold[t]).row(t))
    total = PRF(sum(tally.tp.values()), sum(tally.predicted.values()), sum(tally.gold.values()))
    lines.append(total.row("all (PER/ORG/LOC)"))
    return "\n".join(lines)
