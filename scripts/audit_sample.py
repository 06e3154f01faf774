#!/usr/bin/env python3
"""Draw a sample of published attributions for a hand reading, leaving out earlier samples' articles.

    python scripts/audit_sample.py ../shared/data/bbc --seed 2033 --out /tmp/audit

Articles are visited in an order the seed fixes; from each, at most two quotes published with a
speaker and one claim published with a speaker are drawn, until there are 80 and 40 (``--quotes``,
``--claims``). Articles listed in ``scripts/audits/*.txt`` (the files of every earlier sample, one
path a line relative to the corpus folder) are left out, since fixes were made against their errors.

Writes to ``--out``: ``items.txt``, each item with up to three paragraphs of its article and what the
site publishes, for a reader who sees no code; ``key.json``, the items as data; and ``articles.txt``,
the articles the items come from. Copy ``articles.txt`` to ``scripts/audits/seed-N.txt`` once the
sample is read, so that the next sample leaves them out. Not a test: a tool for the Accuracy page.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyze import analyze  # noqa: E402
from generator.ingest import read_article  # noqa: E402


def earlier_articles() -> set[str]:
    return {line.strip() for listed in sorted((ROOT / "scripts" / "audits").glob("*.txt"))
            for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--quotes", type=int, default=80)
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    left_out = earlier_articles()
    paths = [p for p in sorted(args.corpus.rglob("*.txt")) if p.relative_to(args.corpus).as_posix() not in left_out]
    rng.shuffle(paths)
    quotes: list[dict] = []
    claims: list[dict] = []
    for path in paths:
        if len(quotes) >= args.quotes and len(claims) >= args.claims:
            break
        analysis = analyze(read_article(path))
        text, paragraphs = analysis.article.text, analysis.article.paragraphs
        names = {actor.id: actor.name for actor in analysis.actors}
        rel = path.relative_to(args.corpus).as_posix()

        def context(offset: int) -> str:
            k = next((n for n, (s, e) in enumerate(paragraphs) if offset < e), len(paragraphs) - 1)
            return "\n".join(text[s:e] for s, e in paragraphs[max(0, k - 2):k + 1])

        attributed = [q for q in analysis.quotes if q.speaker]
        rng.shuffle(attributed)
        for quote in attributed[:2]:
            if len(quotes) < args.quotes:
                quotes.append({"file": rel, "speaker": names[quote.speaker],
                               "quote": " … ".join(text[s:e] for s, e in quote.content),
                               "context": context(quote.content[0][0])})
        spoken = [c for c in analysis.claims if c.speaker]
        rng.shuffle(spoken)
        for claim in spoken[:1]:
            if len(claims) < args.claims:
                claims.append({"file": rel, "speaker": names[claim.speaker], "stance": claim.stance,
                               "cue": text[claim.cue[0]:claim.cue[1]] if claim.cue else None,
                               "content": " … ".join(text[s:e] for s, e in claim.content),
                               "targets": [names.get(t, t) for t in claim.targets],
                               "context": context(claim.content[0][0])})

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "key.json").write_text(json.dumps({"seed": args.seed, "quotes": quotes, "claims": claims}, indent=1),
                                       encoding="utf-8")
    (args.out / "articles.txt").write_text(
        "".join(f"{f}\n" for f in sorted({item["file"] for item in quotes + claims})), encoding="utf-8")
    with open(args.out / "items.txt", "w", encoding="utf-8") as out:
        for n, q in enumerate(quotes, 1):
            out.write(f"=== Q{n}  ({q['file']})\nCONTEXT:\n{q['context']}\n\n"
                      f"PUBLISHED: {q['speaker']} said: “{q['quote']}”\n\n")
        for n, c in enumerate(claims, 1):
            out.write(f"=== C{n}  ({c['file']})\nCONTEXT:\n{c['context']}\n\n"
                      f"PUBLISHED: {c['speaker']} — {c['stance']} (cue word: {c['cue']}) — "
                      f"statement: “{c['content']}” — targets: {', '.join(c['targets']) or '-'}\n\n")
    print(f"{len(quotes)} quotes and {len(claims)} claims from {len(paths)} articles "
          f"({len(left_out)} of earlier samples left out) -> {args.out}")


if __name__ == "__main__":
    main()
