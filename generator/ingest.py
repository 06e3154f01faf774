"""Ingest: read article files, decode them, drop scrape debris, find the headline and paragraphs.

Offsets are never shifted: the article keeps the decoded text exactly as read, and the headline and
paragraphs are spans into it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import ArticleError
from .ids import article_id, unique_ids
from .model import Article, Span

# Lines a scraper leaves behind: never a headline, never part of the body.
DEBRIS_LINES = frozenset(
    line.casefold()
    for line in (
        "image", "images", "photo", "photograph", "video", "audio", "advertisement", "advert",
        "ad", "sponsored", "share", "share this", "share this article", "share this story",
        "share on facebook", "share on twitter", "tweet", "email", "print", "comments",
        "read more", "related", "related articles", "related stories", "more on this story",
        "skip to content", "skip advertisement", "continue reading", "media caption",
        "image caption", "image copyright", "getty images", "reuters", "ap", "afp",
        "subscribe", "sign up", "log in", "menu", "close", "play video", "watch",
    )
)
MAX_BYTES = 50 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_META_KEYS = ("title", "date", "source", "url", "author")


def discover(paths: Iterable[str | Path]) -> dict[Path, Path]:
    """Every ``*.txt`` file under the given files and folders, in order, each once.

    Maps each file to its path relative to the folder it was found in (a file given by itself maps
    to its name), which is what its id is made from.
    """
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                found.setdefault(file, file.relative_to(path))
        else:
            found.setdefault(path, Path(path.name))
    return found


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode article bytes: BOMs first, then UTF-8, then Windows-1252 as the web's fallback."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "looks like a binary file (NUL bytes)", "remove it or save it as UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_article(path: str | Path, article_id_: str | None = None) -> Article:
    """Read one article file. Raises :class:`ArticleError` with a fix when it cannot be used."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ArticleError(str(path), f"is larger than {MAX_BYTES // 2**20} MB", "split it")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(str(path), f"cannot be read ({exc.strerror})", "check that it exists and is readable") from exc
    return parse_article(decode(data, str(path)), str(path), article_id_ or article_id(path.name))


def parse_article(text: str, source_path: str, id_: str) -> Article:
    """Split decoded text into front matter, headline and paragraphs."""
    meta, body_start = _front_matter(text, source_path)
    lines = [(m.start(), m.start() + len(m.group().rstrip("\r\n"))) for m in _LINE.finditer(text, body_start)]
    content = [(s, e) for s, e in _strip_spans(text, lines) if not is_debris(text[s:e])]
    if not content and not meta.get("title"):
        raise ArticleError(source_path, "has no text", "remove the file or add the article's text")
    title_span: Span | None = None
    title = str(meta.get("title") or "").strip()
    if not title:
        title_span, content = content[0], content[1:]
        title = text[title_span[0]:title_span[1]]
        if not content and len(title) > 200:  # one long line: a body without a headline
            content, title_span = [title_span], None
            title = _first_words(title)
    return Article(
        id=id_,
        source_path=source_path,
        text=text,
        title=" ".join(title.split()),
        title_span=title_span,
        paragraphs=tuple(content),
        **{k: _scalar(meta.get(k)) for k in _META_KEYS if k != "title"},
    )


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Read every article under ``paths`` with unique ids; a bad file yields its error instead."""
    files = discover(paths)
    for file, id_ in zip(files, unique_ids(files.values())):
        try:
            yield read_article(file, id_)
        except ArticleError as exc:
            yield exc


def is_debris(line: str) -> bool:
    """True for scrape leftovers such as ``image`` or ``Share this article``."""
    return line.strip().strip(":|•·-–—").strip().casefold() in DEBRIS_LINES


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ArticleError(path, f"has malformed front matter ({exc.__class__.__name__})",
                           "fix the YAML between the '---' lines or remove it") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "has front matter that is not a mapping",
                           "write it as 'key: value' lines (title, date, source, url, author)")
    return meta, match.end()


def _strip_spans(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    for start, end in spans:
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield start + lead, start + lead + len(stripped)


def _scalar(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return None


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
