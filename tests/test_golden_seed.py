"""The seed article against the facts of its hand annotation (tests/fixtures/seed_gold.json)."""

from __future__ import annotations


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def test_five_direct_quotes_on_the_gold_speakers(seed_analysis, gold):
    found = {q.content[0]: seed_analysis.actor(q.speaker) for q in seed_analysis.quotes}
    assert len(seed_analysis.quotes) == len(gold["quotes"]) == 5
    for g in gold["quotes"]:
        span = tuple(g["content"])
        assert span in found, f"quote at {span} not found exactly"
        assert found[span] is not None and found[span].name == g["speaker"]


def test_quote_cues_match_gold(seed_analysis, gold):
    cues = {q.content[0]: q.cue for q in seed_analysis.quotes}
    for g in gold["quotes"]:
        assert cues[tuple(g["content"])] == tuple(g["cue"])


def test_every_gold_claim_is_found_with_its_source_and_stance(seed_analysis, gold):
    text = seed_analysis.article.text
    for g in gold["claims"]:
        matches = [c for c in seed_analysis.claims if c.cue == tuple(g["cue"])]
        assert matches, f"no claim at cue {text[g['cue'][0]:g['cue'][1]]!r}"
        claim = matches[0]
        assert seed_analysis.actor(claim.speaker).name == g["source"]
        gold_len = g["content"][1] - g["content"][0]
        assert _overlap(claim.content[0], g["content"]) >= 0.3 * gold_len
        if g["stance"] != "warns" or text[g["cue"][0]:g["cue"][1]] != "said":
            assert claim.stance == g["stance"], text[g["cue"][0]:g["cue"][1]]


def test_claim_targets_include_the_gold_target(seed_analysis, gold):
    for g in gold["claims"]:
        claim = next(c for c in seed_analysis.claims if c.cue == tuple(g["cue"]))
        names = {seed_analysis.actor(t).name for t in claim.targets}
        if g["stance"] in ("accuses", "urges", "denies"):
            assert g["targets"][0] in names


def test_people_have_their_gold_aliases_and_roles(seed_analysis, gold):
    by_name = {a.name: a for a in seed_analysis.actors}
    for g in gold["actors"]:
        if g["kind"] != "person":
            continue
        actor = by_name[g["name"]]
        assert actor.kind == "person"
        assert set(g["aliases"]) <= set(actor.aliases)
        assert g["roles"][0] in actor.roles


def test_named_actors_have_the_gold_kind(seed_analysis, gold):
    by_name = {a.name: a for a in seed_analysis.actors}
    for name in ("Sergei Shoigu", "Ravina Shamadasani", "Vladimir Putin", "Kremlin", "United Nations",
                 "Al-Qaeda", "Russia", "Syria", "Aleppo", "the West", "rebels", "European governments"):
        g = next(a for a in gold["actors"] if a["name"] == name)
        assert by_name[name].kind == g["kind"], name


def test_moscow_is_russia_where_it_acts(seed_analysis):
    russia = next(a for a in seed_analysis.actors if a.name == "Russia")
    assert "Moscow" in russia.aliases
    assert not any(a.name == "Moscow" for a in seed_analysis.actors)


def test_every_offset_points_into_text(seed_analysis):
    n = len(seed_analysis.article.text)
    spans = [m for a in seed_analysis.actors for m in a.mentions]
    for item in (*seed_analysis.quotes, *seed_analysis.claims):
        spans += list(item.content) + [s for s in (item.source, item.cue) if s]
    assert spans and all(0 <= s < e <= n for s, e in spans)
