"""Shared fixtures: the seed article and its analysis, computed once per session."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.analyze import analyze
from generator.build import BuildReport, build_site
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


def make_project(root: Path) -> Path:
    """A throwaway project folder: our mkdocs.yml and templates, an empty ``seeds/``."""
    import shutil

    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", root / "site_templates")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "seeds").mkdir()
    return root


OUTPUTS = ("project/docs", "project/site", "project/.cache")


@dataclass(frozen=True)
class HostileBuild:
    project: Path
    report: BuildReport
    before: dict[str, str]
    """Every file outside docs/ and site/ (sources included), hashed before the build."""


def tree_hashes(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Relative path -> sha256 (or link target) of everything under ``root``, not following links."""
    import hashlib
    import stat

    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if any(rel == s or rel.startswith(s + "/") for s in skip):
            continue
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            out[rel] = f"link:{os.readlink(path)}"
        elif stat.S_ISREG(mode):
            if mode & 0o444:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() + f":{oct(mode)}"
            else:
                out[rel] = f"unreadable:{path.stat().st_size}:{oct(mode)}"
        else:
            out[rel] = f"other:{oct(mode)}"
    return out


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> HostileBuild:
    """The hostile corpus, built once, non-strict, by a real MkDocs build into ``site/``."""
    from .hostile import make_corpus

    base = tmp_path_factory.mktemp("hostile")
    project = make_project(base / "project")
    make_corpus(project / "seeds", base / "outside")
    before = tree_hashes(base, skip=OUTPUTS)
    report = build_site(project / "mkdocs.yml", strict=False)
    return HostileBuild(project, report, before)
