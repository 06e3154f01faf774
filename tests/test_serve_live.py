"""``mkdocs serve`` picks up added, changed and removed articles without a restart, and settles
(no rebuild loop), also with ``--dirty`` (MkDocs rebuilds only the pages whose files changed). Runs a
real ``mkdocs serve`` on a copy of the project and a free localhost port."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

ARTICLE = 'Kremlin denies new talks\n\nDmitry Peskov said on Monday: "There will be no new talks."\n'
DEADLINE = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def _until(check, what: str, timeout: float = DEADLINE):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"mkdocs serve: timed out waiting for {what}")


@pytest.fixture(params=["serve", "serve --dirty"])
def served(tmp_path, request):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "seeds", "site_templates", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    (project / "docs").mkdir()
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", *request.param.split(), "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}/"
        _until(lambda: _get(url)[0] == 200 or server.poll() is not None, "the first build")
        assert server.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
        yield project, url, tmp_path / "serve.log"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _builds(log: Path) -> int:
    return len(re.findall(r"Building documentation", log.read_text(encoding="utf-8")))


def test_serve_follows_added_changed_and_removed_articles(served):
    project, url, log = served
    page = url + "articles/kremlin/"
    (project / "seeds" / "kremlin.txt").write_text(ARTICLE, encoding="utf-8")
    _until(lambda: "Kremlin denies new talks" in _get(page)[1], "the added article's page")
    _until(lambda: "Dmitry Peskov" in _get(url + "actors/")[1], "the new speaker in the actors index")

    (project / "seeds" / "kremlin.txt").write_text(ARTICLE.replace("denies", "rejects"), encoding="utf-8")
    _until(lambda: "Kremlin rejects new talks" in _get(page)[1], "the changed article's page")

    (project / "seeds" / "kremlin.txt").unlink()
    _until(lambda: _get(page)[0] == 404, "the removed article's page to go")
    assert _get(url + "actors/dmitry-peskov/")[0] == 404

    settled = _builds(log)
    time.sleep(3)  # well past MkDocs' build delay: an echo of our own writes would show up here
    assert _builds(log) == settled, "mkdocs serve kept rebuilding with nothing changed"
    assert settled <= 4, f"{settled} builds for three changes: each change should cost one build"
