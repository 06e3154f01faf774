"""``newsreport eval polnear DIR``: attributions (quotes plus claims) against PolNeAR's brat gold.

DIR holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; when an article has several
annotators, the first file in name order is the gold. Scores:

- content at 30% overlap: a prediction matches a gold content when it covers at least 30% of the
  gold content's characters (one-to-one, best overlap first);
- content exact: the same extent once surrounding punctuation, quotation marks and spaces are
  trimmed from both;
- source: for matched contents, the predicted source overlaps the gold source;
- speaker accuracy on direct quotes: of the gold quotes in quotation marks that we publish with a
  speaker, the share whose speaker is the gold source (our source span, or a mention of our
  speaker, overlaps it); coverage says how many gold quotes got a speaker at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..analyze import analyze
from ..errors import ConfigError
from ..ingest import decode, parse_article
from ..model import Analysis, Span
from .scoring import PRF, chars, trimmed

_SPANS = re.compile(r"(\d+) (\d+)")
QUOTE_MARKS = "\"“”«»"


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]


@dataclass(frozen=True)
class Predicted:
    content: tuple[Span, ...]
    source: Span | None
    speaker_mentions: tuple[Span, ...]
    is_quote: bool


@dataclass
class Tally:
    content30: list[int] = field(default_factory=lambda: [0, 0, 0])
    exact: list[int] = field(default_factory=lambda: [0, 0, 0])
    source: list[int] = field(default_factory=lambda: [0, 0, 0])
    speaker: list[int] = field(default_factory=lambda: [0, 0, 0])  # correct, attributed, gold direct quotes
    articles: int = 0
    words: int = 0


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions from one brat file."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_and_spans = parts[1]
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in _SPANS.findall(label_and_spans.split(" ", 1)[1]))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        if "Content" not in rel:
            continue
        out.append(GoldAttribution(spans.get(rel["Content"], ()), spans.get(rel.get("Source", ""), ()),
                                   spans.get(rel.get("Cue", ""), ())))
    return [a for a in out if a.content]


def pairs(folder: Path) -> Iterator[tuple[Path, Path]]:
    """(text file, gold annotation file) for every article in a PolNeAR split folder."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ConfigError(f"{folder}: expected text/ and attributions/ folders (PolNeAR's brat layout)")
    for text_file in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{text_file.stem}_*.ann"))
        if anns:
            yield text_file, anns[0]


def predictions(analysis: Analysis) -> list[Predicted]:
    mentions = {a.id: a.mentions for a in analysis.actors}
    out = [Predicted(q.content, q.source, mentions.get(q.speaker, ()), True) for q in analysis.quotes]
    out += [Predicted(c.content, c.source, mentions.get(c.speaker, ()), False) for c in analysis.claims]
    return out


def _overlaps(a: Span | None, spans: tuple[Span, ...]) -> bool:
    return a is not None and any(min(a[1], e) > max(a[0], s) for s, e in spans)


def is_direct_quote(text: str, content: tuple[Span, ...]) -> bool:
    """Gold content in quotation marks (the marks may stand just outside the span)."""
    start, end = content[0][0], content[-1][1]
    before = text[max(0, start - 1):start + 1]
    after = text[max(0, end - 1):end + 1]
    return any(m in before for m in QUOTE_MARKS) and any(m in after for m in QUOTE_MARKS)


def score_article(text: str, gold: list[GoldAttribution], predicted: list[Predicted], tally: Tally) -> None:
    gold_chars = [chars(g.content) for g in gold]
    candidates = []
    for i, p in enumerate(predicted):
        pc = chars(p.content)
        for j, gc in enumerate(gold_chars):
            overlap = len(pc & gc)
            if gc and overlap >= 0.3 * len(gc):
                candidates.append((overlap, i, j))
    matched: dict[int, int] = {}
    used_gold: set[int] = set()
    for overlap, i, j in sorted(candidates, reverse=True):
        if i not in matched and j not in used_gold:
            matched[i] = j
            used_gold.add(j)
    _add(tally.content30, len(matched), len(predicted), len(gold))
    gold_exact = {trimmed(text, g.content) for g in gold}
    exact_hits = len({trimmed(text, p.content) for p in predicted} & gold_exact)
    _add(tally.exact, exact_hits, len(predicted), len(gold))
    source_hits = sum(1 for i, j in matched.items() if gold[j].source and _overlaps(predicted[i].source, gold[j].source))
    _add(tally.source, source_hits, sum(1 for p in predicted if p.source), sum(1 for g in gold if g.source))
    for j, g in enumerate(gold):
        if not g.source or not is_direct_quote(text, g.content):
            continue
        tally.speaker[2] += 1
        i = next((i for i, jj in matched.items() if jj == j), None)
        if i is None or not predicted[i].speaker_mentions:
            continue
        tally.speaker[1] += 1
        p = predicted[i]
        if _overlaps(p.source, g.source) or any(_overlaps(m, g.source) for m in p.speaker_mentions):
            tally.speaker[0] += 1


def _add(counts: list[int], tp: int, predicted: int, gold: int) -> None:
    counts[0] += tp
    counts[1] += predicted
    counts[2] += gold


def evaluate(folder: Path, limit: int | None = None) -> Tally:
    """Score the analyser on every article of a PolNeAR split."""
    tally = Tally()
    for n, (text_file, ann_file) in enumerate(pairs(folder)):
        if limit is not None and n >= limit:
            break
        text = decode(text_file.read_bytes(), str(text_file))
        article = parse_article(text, str(text_file), "polnear")
        analysis = analyze(article)
        score_article(text, read_ann(ann_file), predictions(analysis), tally)
        tally.articles += 1
        tally.words += len(text.split())
    return tally


def report(tally: Tally) -> str:
    correct, attributed, total = tally.speaker
    lines = [
        f"PolNeAR: {tally.articles} articles, {tally.words} words",
        PRF(*tally.content30).row("content (30% overlap)"),
        PRF(*tally.exact).row("content (exact)"),
        PRF(*tally.source).row("source (overlap)"),
        f"{'speaker accuracy (direct)':<28} {correct / attributed if attributed else 0:6.3f}"
        f"   ({correct} of {attributed} attributed; {attributed} of {total} gold direct quotes attributed,"
        f" coverage {attributed / total if total else 0:.3f})",
    ]
    return "\n".join(lines)
