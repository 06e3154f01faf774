"""Identifiers and file names: URL-safe, stable across builds, unique, never a path or a reserved name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Iterable

MAX_SLUG = 60
# Windows device names, and names that would clash with our own index pages.
RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "index", "api", "assets", "search", "tags"]
    + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def slugify(text: str, fallback: str = "item") -> str:
    """Lowercase ASCII words joined by hyphens; never empty, never reserved, at most MAX_SLUG long.

    Idempotent: ``slugify(slugify(x)) == slugify(x)``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rstrip("-")
    if not slug:
        slug = f"{fallback}-{digest(text)}" if text else fallback
    if slug in RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def digest(text: str, length: int = 8) -> str:
    """A short stable hash of ``text``."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def article_id(path: str | Path) -> str:
    """The id of an article: a slug of its path (relative to the folder given) without the extension.

    ``business/001.txt`` becomes ``business-001``.
    """
    return slugify(Path(path).with_suffix("").as_posix(), fallback="article")


def unique_ids(paths: Iterable[str | Path]) -> list[str]:
    """Ids for a list of article paths; clashing slugs get a hash of the full path appended.

    Stable: an id depends only on its own path and on which other paths share its slug, never on
    the order the paths come in, so a build of the same files always gives the same ids.
    """
    paths = [Path(p) for p in paths]
    base = [article_id(p) for p in paths]
    counts: dict[str, int] = {}
    for slug in base:
        counts[slug] = counts.get(slug, 0) + 1
    ids = [slug if counts[slug] == 1 else f"{slug}-{digest(p.as_posix())}" for slug, p in zip(base, paths)]
    seen: set[str] = set()
    # A hashed id can, in theory, equal another file's plain slug: settle that in path order.
    for i in sorted(range(len(ids)), key=lambda i: (ids[i] != base[i], paths[i].as_posix())):
        id_ = ids[i]
        while ids[i] in seen:
            ids[i] = f"{id_}-{digest(ids[i])}"
        seen.add(ids[i])
    return ids
