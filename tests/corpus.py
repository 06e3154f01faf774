"""Synthetic articles for the scale tests: varied, realistic enough to exercise every analyser."""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = ["Maria Lopez", "John Carter", "Amina Diallo", "Pierre Dubois", "Yuki Tanaka", "Olga Ivanova",
          "Samuel Okafor", "Hannah Berg", "Rahul Mehta", "Lucia Rossi"]
ORGS = ["the United Nations", "the European Commission", "the World Bank", "Greenpeace", "the Red Cross"]
PLACES = ["France", "Kenya", "Brazil", "Japan", "Canada", "Egypt", "India", "Norway"]
TOPICS = ["the new budget", "the peace talks", "the climate deal", "the trade agreement", "the election",
          "the strike", "the vaccine programme", "the border dispute"]
VERBS = ["said", "warned", "added", "told reporters"]


def article_text(n: int, seed: int = 0) -> str:
    """The text of synthetic article ``n``: a headline and a few paragraphs with quotes and claims."""
    rng = random.Random(seed * 100_003 + n)
    person, other = rng.sample(PEOPLE, 2)
    org, place, topic = rng.choice(ORGS), rng.choice(PLACES), rng.choice(TOPICS)
    surname = person.split()[-1]
    lines = [
        f"{place} report {n}: {person} criticises {topic}",
        "",
        f"{person}, a minister in {place}, accused {org} of delaying {topic} in report {n}.",
        f'"We cannot wait any longer for {topic}," {surname} {rng.choice(VERBS)} on Monday.',
        f"{other} denied that {org} had failed the people of {place}.",
        f'"This is a matter of trust," {other.split()[-1]} said. "We will keep working."',
        f"Officials in {place} warned that {topic} could collapse within weeks, number {n}.",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` synthetic articles into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:05d}.txt"
        path.write_text(article_text(n, seed), encoding="utf-8")
        paths.append(path)
    return paths
