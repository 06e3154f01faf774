"""The eval commands on tiny fixtures written for the tests (brat and CoNLL formats)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.evaluate import conll, polnear

from .conftest import FIXTURES

BRAT = FIXTURES / "polnear"


def test_brat_reader_links_source_cue_and_content():
    gold = polnear.read_ann(BRAT / "attributions" / "senate_a1.ann")
    text = (BRAT / "text" / "senate.txt").read_text(encoding="utf-8")
    assert [text[g.source[0][0]:g.source[0][1]] for g in gold] == ["Senator Jane Miller", "Miller", "a Republican aide"]
    assert polnear.is_direct_quote(text, gold[0].content) and not polnear.is_direct_quote(text, gold[1].content)


def test_polnear_scores_on_the_fixture():
    tally = polnear.evaluate(BRAT)
    assert tally.articles == 1
    tp, predicted, gold = tally.content30
    assert gold == 3 and tp == 3 and predicted == 3
    assert tally.speaker == [1, 1, 1]
    report = polnear.report(tally)
    assert "content (30% overlap)" in report and "F1  1.000" in report


def test_polnear_exact_match_ignores_surrounding_punctuation():
    text = "“We will win,” he said."
    gold = [polnear.GoldAttribution(((1, 12),), ((15, 17),), ((18, 22),))]  # without the marks
    predicted = [polnear.Predicted(((0, 14),), (15, 17), (), True)]  # with them
    tally = polnear.Tally()
    polnear.score_article(text, gold, predicted, tally)
    assert tally.exact == [1, 1, 1] and tally.content30 == [1, 1, 1]


def test_polnear_thirty_percent_rule_and_one_to_one_matching():
    text = "x" * 200
    gold = [polnear.GoldAttribution(((0, 100),), (), ())]
    short = polnear.Predicted(((0, 29),), None, (), False)
    enough = polnear.Predicted(((0, 30),), None, (), False)
    for preds, tp in (([short], 0), ([enough], 1), ([enough, enough], 1)):
        tally = polnear.Tally()
        polnear.score_article(text, gold, preds, tally)
        assert tally.content30[0] == tp


def test_conll_documents_rebuild_text_and_spans():
    doc = next(conll.documents(FIXTURES / "conll_tiny.txt"))
    found = sorted((doc.text[s:e], t) for s, e, t in doc.entities)
    assert found == [("Angela Merkel", "PER"), ("Brussels", "LOC"), ("European Commission", "ORG"),
                     ("Germany", "LOC"), ("Merkel", "PER")]


def test_eval_commands_print_scores_and_enforce_floors():
    runner = CliRunner()
    ok = runner.invoke(main, ["eval", "conll", str(FIXTURES / "conll_tiny.txt"), "--min-f1", "0.5"])
    assert ok.exit_code == 0, ok.output
    assert "all (PER/ORG/LOC)" in ok.output
    too_high = runner.invoke(main, ["eval", "polnear", str(BRAT), "--min-content-f1", "1.01"])
    assert too_high.exit_code != 0 and "content F1 below" in too_high.output
    exact = runner.invoke(main, ["eval", "polnear", str(BRAT), "--min-exact-f1", "1.01"])
    assert exact.exit_code != 0 and "exact content F1 below" in exact.output
    met = runner.invoke(main, ["eval", "polnear", str(BRAT), "--min-exact-f1", "0", "--min-content-f1", "0"])
    assert met.exit_code == 0, met.output


def test_eval_polnear_names_a_wrong_folder(tmp_path: Path):
    result = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path)])
    assert result.exit_code != 0 and "text/ and attributions/" in result.output
