"""Search for large sites: a Pagefind index built over the finished site.

Material's own search ships one JSON index that every browser turns into a lunr index on the first
query (tens of megabytes and tens of seconds at thousands of pages). Pagefind splits its index into
small fragments that a query fetches on demand, so the first answer stays fast at any size. Its
binary comes with the ``pagefind-bin`` package; the UI (``overrides/main.html``) loads its script and
styles from the site itself, so search works offline.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import ConfigError

BUNDLE = "pagefind"
"""The folder under the site where the index and its UI go."""


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by ``pagefind-bin``."""
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:
        raise ConfigError("search needs Pagefind: install it with 'pip install pagefind-bin', "
                          "or set 'search: false' under the newsreport plugin") from exc
    return get_executable()


def index_site(site_dir: str | Path) -> None:
    """Index every page of the built site in ``site_dir`` into its ``pagefind/`` folder."""
    site = Path(site_dir)
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE,
               "--exclude-selectors", ".headerlink", "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(f"Pagefind could not index {site} ({exc})") from exc
    if done.returncode != 0 or not (site / BUNDLE / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ConfigError(f"Pagefind failed to index {site}: {' '.join(detail) or 'no output'}")
