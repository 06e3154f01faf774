"""Precision, recall and F1, and span helpers shared by the evaluations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Span

# Marks that do not count when comparing span edges ("exact match ignoring surrounding punctuation").
EDGE_MARKS = " \t\r\n.,;:!?\"'“”‘’«»()[]—–-…"


@dataclass(frozen=True)
class PRF:
    """Counts and the scores made from them."""

    true_positives: int
    predicted: int
    gold: int
    matched_gold: int | None = None
    """Gold items matched, when it differs from true_positives (many-to-one matching)."""

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        hits = self.true_positives if self.matched_gold is None else self.matched_gold
        return hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:<28} P {self.precision:6.3f}  R {self.recall:6.3f}  F1 {self.f1:6.3f}"
                f"   (tp {self.true_positives}, predicted {self.predicted}, gold {self.gold})")


def chars(spans: Sequence[Span]) -> set[int]:
    """The character offsets covered by ``spans``."""
    return {i for s, e in spans for i in range(s, e)}


def trimmed(text: str, spans: Sequence[Span]) -> Span | None:
    """The outer extent of ``spans`` with punctuation, quotation marks and spaces removed from both ends."""
    if not spans:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    while start < end and text[start] in EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in EDGE_MARKS:
        end -= 1
    return (start, end) if start < end else None
