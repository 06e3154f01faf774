"""Search for large sites: a Pagefind index built over the finished site.

Material's own search ships one JSON index that every browser turns into a lunr index on the first
query (tens of megabytes and tens of seconds at thousands of pages). Pagefind splits its index into
small fragments that a query fetches on demand, so the first answer stays fast at any size. Its
binary comes with the ``pagefind-bin`` package; the UI (``overrides/main.html``) loads its script and
styles from the site itself, so search works offline.

Pagefind holds everything it indexes in memory until it writes the index: about 1.2 GB for the
2,225-article BBC site, more than the rest of the build together. So a large site is indexed in
shards of at most ``SHARD_BYTES`` of HTML, one Pagefind run after another, each into its own bundle
(``pagefind/``, ``pagefind-2/``, ...); the search box queries them all at once (Pagefind UI's
``mergeIndex``) and merges the results by score. ``pagefind/nr-bundles.js`` lists the bundles for
the search box, ``pagefind/nr-bundles.json`` each bundle's digest (its pages' paths and bytes).

Shards end where a page's path hashes to a boundary (content-defined, as the list pages are), so an
edit changes the shard it falls in, not every shard after it; a shard whose digest matches one of the
previous build's is copied from that build instead of indexed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from .errors import ConfigError
from .store import package_versions, replace_file

BUNDLE = "pagefind"
"""The folder under the site where the (first) index and its UI go."""
SHARD_BYTES = 48 * 2**20
"""HTML indexed per Pagefind run: Pagefind's memory grows with it (about 4 bytes per byte)."""
BUNDLE_LIST = "nr-bundles.js"
BUNDLE_RECORD = "nr-bundles.json"
SHARD_PREFIX = ".nr-pagefind-shard-"


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by ``pagefind-bin``."""
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:
        raise ConfigError("search needs Pagefind: install it with 'pip install pagefind-bin', "
                          "or set 'search: false' under the newsreport plugin") from exc
    return get_executable()


def shards(site: Path, shard_bytes: int = SHARD_BYTES) -> list[list[Path]]:
    """The site's HTML pages (relative paths, in path order) in runs of at most ``shard_bytes``,
    cut where a path hashes to a boundary once a run holds a quarter of that."""
    low, spread = shard_bytes // 4, max(1, shard_bytes // (64 * 1024))
    out: list[list[Path]] = [[]]
    size = 0
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0].startswith((BUNDLE, SHARD_PREFIX)):
            continue
        length = path.stat().st_size
        if out[-1] and size + length > shard_bytes:
            out.append([])
            size = 0
        out[-1].append(rel)
        size += length
        if size >= low and zlib.crc32(rel.as_posix().encode("utf-8")) % spread == 0:
            out.append([])
            size = 0
    return [group for group in out if group] or [[]]


def index_site(site_dir: str | Path, shard_bytes: int = SHARD_BYTES, previous: str | Path | None = None) -> list[str]:
    """Index every page of the built site in ``site_dir``; returns the bundle folders written.

    ``previous`` is the site of the last build (default: ``site_dir`` itself, as ``mkdocs serve
    --dirty`` builds in place): its bundles for unchanged shards are reused."""
    site = Path(site_dir)
    for leftover in site.glob(f"{SHARD_PREFIX}*"):  # from a build killed mid-way
        shutil.rmtree(leftover, ignore_errors=True)
    groups = shards(site, shard_bytes)
    bundles = [BUNDLE] + [f"{BUNDLE}-{n}" for n in range(2, len(groups) + 1)]
    digests = [_digest(site, pages) for pages in groups]
    with tempfile.TemporaryDirectory(prefix=SHARD_PREFIX, dir=site) as holding:
        # Bundles already in the site (``mkdocs serve --dirty``, or an update built in a copy of
        # the last site) are moved aside, not copied: a bundle is thousands of small files.
        reusable = _previous_bundles(site, Path(holding), set(digests), move=True)
        if previous and Path(previous).resolve() != site.resolve():
            wanted = set(digests) - reusable.keys()
            reusable |= _previous_bundles(Path(previous), Path(holding), wanted, move=False) if wanted else {}
        for old in site.glob(f"{BUNDLE}*"):  # this build's bundles replace whatever is here
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
        for pages, bundle, digest in zip(groups, bundles, digests):
            if digest in reusable:
                os.replace(reusable.pop(digest), site / bundle)
            elif len(groups) == 1:
                _pagefind(site, site / bundle)
            else:
                with _only(site, pages) as view:
                    _pagefind(view, site / bundle)
    # Replaced, not written into: a bundle kept from the last build may share its files with that
    # build's site (see :func:`generator.build.seed_site`).
    replace_file(site / BUNDLE / BUNDLE_LIST,
                 f"window.nrPagefindBundles = {json.dumps([b + '/' for b in bundles])};\n".encode())
    replace_file(site / BUNDLE / BUNDLE_RECORD, (json.dumps(
        {"bundles": [{"name": b, "digest": d} for b, d in zip(bundles, digests)]}, indent=1) + "\n").encode())
    return bundles


def _digest(site: Path, pages: list[Path]) -> str:
    """What a shard's index is made from: its pages' paths and bytes, and Pagefind's version."""
    digest = hashlib.sha256(package_versions("pagefind_bin").encode())
    for rel in pages:
        digest.update(rel.as_posix().encode("utf-8") + b"\0" + (site / rel).read_bytes() + b"\0")
    return digest.hexdigest()


def _previous_bundles(previous: Path, holding: Path, wanted: set[str], move: bool) -> dict[str, Path]:
    """Digest -> the bundle the last build made for it, for the digests ``wanted``, moved (within
    the site being indexed) or copied (from another) into ``holding``."""
    try:
        record = json.loads((previous / BUNDLE / BUNDLE_RECORD).read_text(encoding="utf-8"))
        entries = [(e["name"], e["digest"]) for e in record["bundles"]]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found = {}
    for name, digest in entries:
        if digest not in wanted or digest in found:
            continue
        bundle = previous / name
        if isinstance(name, str) and name.startswith(BUNDLE) and "/" not in name and \
                (bundle / "pagefind.js").is_file() and not bundle.is_symlink():
            found[digest] = holding / f"{len(found)}-{name}"
            if move:
                os.replace(bundle, found[digest])
            else:
                shutil.copytree(bundle, found[digest])
    return found


class _only:
    """A hidden folder in the site that holds just ``pages`` (hard links, or copies where links
    cannot be made), at the same paths, so a Pagefind run over it indexes only them and gives them
    their real addresses. Removed when the run is done."""

    def __init__(self, site: Path, pages: list[Path]):
        self.site, self.pages = site, pages

    def __enter__(self) -> Path:
        self.folder = Path(tempfile.mkdtemp(prefix=SHARD_PREFIX, dir=self.site))
        for rel in self.pages:
            target = self.folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(self.site / rel, target)
            except OSError:
                shutil.copyfile(self.site / rel, target)
        return self.folder

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _pagefind(site: Path, output: Path) -> None:
    command = [str(pagefind_executable()), "--site", str(site), "--output-path", str(output),
               "--exclude-selectors", ".headerlink", "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(f"Pagefind could not index {site} ({exc})") from exc
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ConfigError(f"Pagefind failed to index {site}: {' '.join(detail) or 'no output'}")
