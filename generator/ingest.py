"""Ingest: read article files, decode them, drop scrape debris, find the headline and paragraphs.

Offsets are never shifted: the article keeps the decoded text exactly as read, and the headline and
paragraphs are spans into it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
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
# One news article is a few KB to a few hundred KB; analysis takes up to ~10 s per MB, even for text
# made to be slow. A bigger file is not one article (a dump, a log, an archive), so it is skipped
# rather than truncated: a cut-off analysis would publish text the source does not end with.
MAX_BYTES = 1024 * 1024
# Share of control characters (or undecodable bytes) in the first 8 KB beyond which text is binary.
MAX_CONTROL_SHARE = 0.05
# Control characters (Unicode category Cc) other than whitespace, and the replacement character.
_ODD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_META_KEYS = ("title", "date", "source", "url", "author")


def discover(paths: Iterable[str | Path]) -> dict[Path, Path]:
    """Every ``*.txt`` file under the given files and folders, in order, each once.

    Maps each file to its path relative to the folder it was found in (a file given by itself maps
    to its name), which is what its id is made from.
    """
    return {file: rel for file, rel, _ in _sources(paths)}


def _sources(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path, Path | None]]:
    """(file, path relative to its folder, the folder or None for a file given by itself)."""
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = [(file, file.relative_to(path), path) for file in sorted(path.rglob("*.txt"))]
        else:
            found = [(path, Path(path.name), None)]
        for file, rel, root in found:
            if file not in seen:
                seen.add(file)
                yield file, rel, root


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode article bytes: BOMs first, then UTF-8, then Windows-1252 as the web's fallback.

    Raises :class:`ArticleError` for binary data (NUL bytes, or mostly control characters).
    """
    text = _decode(data, path)
    head = text[:8192]
    odd = len(_ODD.findall(head))
    if head and odd / len(head) > MAX_CONTROL_SHARE:
        raise ArticleError(path, "looks like a binary file (mostly control characters)",
                           "remove it, or save it as UTF-8 text with a .txt name")
    return text


def _decode(data: bytes, path: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "looks like a binary file (NUL bytes)",
                           "remove it, or save it as UTF-8 text (UTF-16 needs a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_article(path: str | Path, article_id_: str | None = None, root: str | Path | None = None) -> Article:
    """Read one article file. Raises :class:`ArticleError` with a fix when it cannot be used.

    With ``root`` (the folder the file was found in), a file that resolves outside that folder,
    through a symbolic link, is refused rather than followed. The file is only ever read.
    """
    path = Path(path)
    if root is not None:
        _check_inside(path, Path(root))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(str(path), "is not a regular file (a folder, device or pipe)",
                               "remove it or rename it so it does not end in .txt")
        if info.st_size > MAX_BYTES:
            raise ArticleError(str(path), f"is {info.st_size / 2**20:.1f} MB, more than the {MAX_BYTES // 2**20} MB "
                               "one article may have", "split it into separate articles, one per file")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(str(path), f"cannot be read ({exc.strerror})",
                           "check that it exists and that its permissions let you read it") from exc
    if len(data) > MAX_BYTES:  # it grew after stat
        raise ArticleError(str(path), f"is more than the {MAX_BYTES // 2**20} MB one article may have",
                           "split it into separate articles, one per file")
    return parse_article(decode(data, str(path)), str(path), article_id_ or article_id(path.name))


def _check_inside(path: Path, root: Path) -> None:
    real, inside = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath((real, inside)) != inside:
        raise ArticleError(str(path), f"is a symbolic link to {real}, outside {root}",
                           "copy the article into the folder instead of linking to it")


def parse_article(text: str, source_path: str, id_: str) -> Article:
    """Split decoded text into front matter, headline and paragraphs."""
    meta, body_start = _front_matter(text, source_path)
    lines = [(m.start(), m.start() + len(m.group().rstrip("\r\n"))) for m in _LINE.finditer(text, body_start)]
    content = [(s, e) for s, e in _strip_spans(text, lines) if not is_debris(text[s:e])]
    if not content and not meta.get("title"):
        raise ArticleError(source_path, "has no text", "remove the file or add the article's text")
    title_span: Span | None = None
    title = (_scalar(meta.get("title")) or "").strip()
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


def article_sources(paths: Iterable[str | Path]) -> list[tuple[Path, str, Path | None]]:
    """(file, its unique id, the folder it was found in or None) for every article under ``paths``."""
    sources = list(_sources(paths))
    return [(file, id_, root) for (file, _, root), id_ in zip(sources, unique_ids(rel for _, rel, _ in sources))]


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Read every article under ``paths`` with unique ids; a bad file yields its error instead."""
    for file, id_, root in article_sources(paths):
        try:
            yield read_article(file, id_, root)
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
        meta = yaml.load(match.group(1), Loader=_LiteralLoader)  # noqa: S506 - a SafeLoader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for the '---' line
        what = getattr(exc, "problem", None) or exc.__class__.__name__
        if isinstance(exc, yaml.reader.ReaderError):
            char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
            what = f"the character {ascii(char)} is not allowed in YAML"
        raise ArticleError(path, f"has malformed front matter ({what}{where})",
                           "fix the YAML between the '---' lines or remove it") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "has front matter that is not a mapping",
                           "write it as 'key: value' lines (title, date, source, url, author)")
    return meta, match.end()


class _LiteralLoader(yaml.SafeLoader):
    """Safe YAML where a value that cannot be built stays the literal text the file contains.

    ``title: !!python/object/apply:os.system [...]`` becomes that string, shown as written; an
    impossible date such as ``2016-13-45`` stays text too. Nothing is ever constructed or run.
    """


def _literal(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    source = node.start_mark.buffer if node.start_mark else None
    if source is not None and node.end_mark is not None:
        return source[node.start_mark.index:node.end_mark.index].rstrip("\0").strip()
    return str(getattr(node, "value", ""))


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return _literal(loader, node)


_LiteralLoader.add_constructor(None, _literal)
_LiteralLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
