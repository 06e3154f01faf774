"""``newsreport analyze --json``: the public contract, validated against the schema."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
from click.testing import CliRunner

from generator.cli import main

from .conftest import SEED


def _schema() -> dict:
    return json.loads(files("generator").joinpath("analysis.schema.json").read_text(encoding="utf-8"))


def test_seed_json_validates_and_gives_gold_speakers():
    result = CliRunner().invoke(main, ["analyze", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    jsonschema.validate(data, _schema())
    assert data["text"] == SEED.read_text(encoding="utf-8")
    names = {a["id"]: a["name"] for a in data["actors"]}
    assert [names[q["speaker"]] for q in data["quotes"]] == [
        "Sergei Shoigu", "Ravina Shamadasani", "Ravina Shamadasani", "Sergei Shoigu", "Sergei Shoigu"]


def test_any_txt_path_works_and_order_is_kept(tmp_path):
    a = tmp_path / "b-first.txt"
    b = tmp_path / "a-second.txt"
    a.write_text("First headline\n\n“We are ready to talk,” said Angela Merkel.\n", encoding="utf-8")
    b.write_text("Second headline\n\nNothing was said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(a), str(b), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["First headline", "Second headline"]
    for row in rows:
        jsonschema.validate(row, _schema())
        for quote in row["quotes"]:
            for s, e in quote["content"]:
                assert row["text"][s:e].startswith("“")


def test_unreadable_input_is_reported_and_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["analyze", str(empty), "--json"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
