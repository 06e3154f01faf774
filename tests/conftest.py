"""Shared fixtures: the seed article and its analysis, computed once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.analyze import analyze
from generator.ingest import parse_article, read_article
from generator.model import Analysis

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ff091537aa51fd18.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    return analyze(read_article(SEED))


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((FIXTURES / "seed_gold.json").read_text(encoding="utf-8"))


def analyse_text(body: str, title: str = "A headline") -> Analysis:
    """Analyse a one-off article: a headline line, a blank line, then ``body``."""
    return analyze(parse_article(f"{title}\n\n{body}\n", "test.txt", "test"))
