"""The hostile corpus: articles that must not break a build, and text that must stay text.

The readable cases are the ``.txt`` files in this folder. Cases that are binary, oddly encoded, huge,
named in ways some systems reject, or that are not plain files (symlinks, folders, pipes, unreadable
files) are made at test time by :func:`make_corpus`, so the repository holds no such file.

Every case is listed in :data:`EXPECTED`: either published (with words its page must show), or
skipped (with words the reason must contain).
"""

from __future__ import annotations

import codecs
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTSIDE_SECRET = "SECRET-OUTSIDE-THE-SEEDS-FOLDER"
# Runs as root (as CI does) can read a chmod 000 file: the case is then an ordinary article.
ROOT_READS_ANYTHING = hasattr(os, "geteuid") and os.geteuid() == 0
BODY = "“We will not give up,” said Angela Merkel, who accused Russia of delaying the talks."


@dataclass(frozen=True)
class Case:
    """What a build must do with one file of the corpus."""

    published: bool
    shows: tuple[str, ...] = ()
    """For a published article: texts its page must show literally (whitespace aside)."""
    reason: str = ""
    """For a skipped one: words the reason must contain."""


def _published(*shows: str) -> Case:
    return Case(True, shows=shows)


def _skipped(reason: str) -> Case:
    return Case(False, reason=reason)


EXPECTED: dict[str, Case] = {
    # written as files in this folder
    "markup_and_scripts.txt": _published('<script>window.__pwned="script";alert("script")</script> is what the page said.'),
    "markdown_syntax.txt": _published("# Not a heading | with | a table |",
                                      "| col | col | | --- | --- |",
                                      "[x](javascript:alert(1)) and ![img](javascript:alert(2)) and <https://example.org>",
                                      "* a list item that is not a list > not a quote block 1. not a numbered list"),
    "template_syntax.txt": _published("Jinja {{ 7*7 }} and {% include 'base.html' %} in a headline",
                                      "The minister said {{ config }} and {{ 7*7 }} and {% for x in range(3) %}",
                                      '!!! note "Not an admonition" --8<-- "/etc/passwd" '
                                      "{: .class onclick=\"window.__pwned='attr'\"} [TOC]"),
    "yaml_tags.txt": _published("!!python/object/apply:os.system ['touch /tmp/newsreport-pwned']"),
    "front_matter_payloads.txt": _published("<script>window.__pwned='fm-title'</script> Front matter that fights back"),
    "malformed_front_matter.txt": _skipped("malformed front matter"),
    "front_matter_list.txt": _skipped("front matter that is not a mapping"),
    "quote_marks.txt": _published("“He said “nested ‘quotes’ inside” and then,” said Angela Merkel."),
    "one_line.txt": _published("Just one line with no body at all"),
    "title_path.txt": _published("../../etc/passwd"),
    "title_con.txt": _published("CON"),
    "title_emoji.txt": _published("🎉🔥🎉"),
    "title_punctuation.txt": _published("!!! ??? ... ---"),
    "title_duplicate_a.txt": _published("Same headline as another article, different file."),
    "title_duplicate_b.txt": _published("Same headline again, a third file."),
    # made by make_corpus()
    "empty.txt": _skipped("has no text"),
    "whitespace.txt": _skipped("has no text"),
    "image.txt": _skipped("binary"),
    "nul_bytes.txt": _skipped("binary"),
    "noise.txt": _skipped("binary"),
    "windows_1252.txt": _published("“Smart quotes” – and café"),
    "latin_1.txt": _published("Zürich and Besançon"),
    "utf8_bom.txt": _published("A UTF-8 file with a byte-order mark"),
    "utf16_le_bom.txt": _published("UTF-16 little-endian text: naïve"),
    "utf16_be_bom.txt": _published("UTF-16 big-endian text: ça va"),
    "crlf.txt": _published("Windows line ends, second paragraph."),
    "cr_only.txt": _published("Old Mac line ends, second paragraph."),
    "huge.txt": _skipped("more than the 1 MB one article may have"),
    "long_line.txt": _published("a very long line"),
    "control_chars.txt": _published("bell"),
    "CON.txt": _published("A file named like a Windows device"),
    "index.txt": _published("A file named like an index page"),
    "🎉.txt": _published("A file named with an emoji"),
    "a b.txt": _published("Spaces in the name"),
    "a-b.txt": _published("Hyphen in the name"),
    "new\nline \x1b[31mred.txt": _published("A name with a line break and a terminal escape"),
    "link_outside.txt": _skipped("symbolic link"),
    "link_inside.txt": _published(BODY),
    "folder.txt": _skipped("not a regular file"),
    "pipe.txt": _skipped("not a regular file"),
    "unreadable.txt": _published("Nobody may read this file") if ROOT_READS_ANYTHING else _skipped("cannot be read"),
    "good.txt": _published(BODY),
}


def make_corpus(seeds: Path, outside: Path) -> None:
    """Fill ``seeds`` with every case in :data:`EXPECTED`; ``outside`` gets a symlink target."""
    seeds.mkdir(parents=True, exist_ok=True)
    for file in HERE.glob("*.txt"):
        shutil.copyfile(file, seeds / file.name)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n \r\n",
        "image.txt": bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64,
        "nul_bytes.txt": b"Headline\n\nText with a NUL\x00 byte in it.\n",
        "noise.txt": bytes(range(1, 256)) * 40,
        "windows_1252.txt": "Headline\n\n“Smart quotes” – and café\n".encode("cp1252"),
        "latin_1.txt": "Headline\n\nZürich and Besançon\n".encode("latin-1"),
        "utf8_bom.txt": codecs.BOM_UTF8 + "Headline\n\nA UTF-8 file with a byte-order mark\n".encode(),
        "utf16_le_bom.txt": codecs.BOM_UTF16_LE + "Headline\n\nUTF-16 little-endian text: naïve\n".encode("utf-16-le"),
        "utf16_be_bom.txt": codecs.BOM_UTF16_BE + "Headline\n\nUTF-16 big-endian text: ça va\n".encode("utf-16-be"),
        "crlf.txt": b"Headline\r\n\r\nFirst paragraph.\r\nWindows line ends, second paragraph.\r\n",
        "cr_only.txt": b"Headline\rFirst paragraph.\rOld Mac line ends, second paragraph.\r",
        "long_line.txt": ("Headline\n\n" + "a very long line " * 6_000 + "\n").encode(),
        "control_chars.txt": "Head\x07line\n\nA bell\x07, an escape\x1b[31m, a delete\x7f, a form feed\x0c, "
                             "a right-to-left override\u202e, a line separator\u2028 and a C1 control\x85.\n".encode(),
        "CON.txt": b"Reserved name\n\nA file named like a Windows device\n",
        "index.txt": b"Index name\n\nA file named like an index page\n",
        "🎉.txt": b"Emoji name\n\nA file named with an emoji\n",
        "a b.txt": b"Spaces\n\nSpaces in the name\n",
        "a-b.txt": b"Hyphen\n\nHyphen in the name\n",
        "new\nline \x1b[31mred.txt": b"Odd name\n\nA name with a line break and a terminal escape\n",
        "unreadable.txt": b"Unreadable\n\nNobody may read this file\n",
        "good.txt": f"A good article\n\n{BODY}\n".encode(),
    }
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    with (seeds / "huge.txt").open("wb") as f:  # 20 MB of plausible text
        f.write(b"Huge headline\n\n" + (BODY.encode() + b"\n") * (20 * 2**20 // len(BODY.encode())))
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(f"Secret\n\n{OUTSIDE_SECRET}\n", encoding="utf-8")
    (seeds / "link_outside.txt").symlink_to(outside / "secret.txt")
    (seeds / "link_inside.txt").symlink_to("good.txt")
    (seeds / "linked_folder").symlink_to(outside, target_is_directory=True)  # never entered
    (seeds / "folder.txt").mkdir()
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "unreadable.txt").chmod(0)
