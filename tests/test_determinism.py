"""The same articles give the same analysis in every process, whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT, SEED, analyse_text

AMBIGUOUS = ("Virgin Radio said it would launch Virgin Radio Groove and Virgin Radio Classic Rock online. "
             "Virgin said the stations would be free. James Cridland, head of new media, said listeners "
             "wanted choice.")


def test_a_short_name_that_fits_several_organisations_joins_none():
    analysis = analyse_text(AMBIGUOUS)
    full = {a.name: a for a in analysis.actors}
    assert {"Virgin Radio", "Virgin Radio Groove", "Virgin Radio Classic Rock"} <= set(full)
    assert not any("Virgin" in a.aliases for a in analysis.actors)


def _analysis_in_a_process(seed: str) -> str:
    code = (
        "import json, sys\n"
        "from generator.analyze import analyze\n"
        "from generator.ingest import parse_article, read_article\n"
        "from generator.serialize import to_dict\n"
        f"texts = [read_article({str(SEED)!r}), parse_article('Radio\\n\\n' + {AMBIGUOUS!r} + '\\n', 't.txt', 't')]\n"
        "print(json.dumps([to_dict(analyze(a)) for a in texts], sort_keys=True))\n"
    )
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout


def test_analysis_does_not_depend_on_the_hash_seed():
    outputs = {_analysis_in_a_process(seed) for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0]["quotes"]
