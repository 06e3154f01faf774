"""Manual check (not a test): print a random sample of actor pages that merge several name forms.

    python scripts/spot_check_actors.py ../shared/data/bbc --sample 20 --seed 7

For each sampled person it lists every name form with the article it came from, so a reader can
judge whether the page is one real-world actor. Reads the folder given; writes nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import BuildReport, analyze_all  # noqa: E402
from generator.link import link  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    analyses = analyze_all([args.seeds], BuildReport())
    corpus = link(analyses)
    titles = {a.article.id: a.article.title for a in analyses}
    merged = [x for x in corpus.actors if x.kind == "person" and len(x.article_ids) >= 2
              and len({ap.actor.name for ap in x.appearances}) >= 2]
    print(f"{len(corpus.actors)} actors; {len(merged)} people whose page merges several name forms")
    for actor in sorted(random.Random(args.seed).sample(merged, min(args.sample, len(merged))), key=lambda a: a.name):
        print(f"\n== {actor.name} [{actor.id}] roles: {'; '.join(actor.roles[:4])}")
        for ap in actor.appearances:
            print(f"   {ap.actor.name!r:30} {ap.article_id:20} {titles[ap.article_id][:60]}")


if __name__ == "__main__":
    main()
