"""Domain errors. Only the CLI turns them into exit codes and messages."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` with control and format characters (newlines, terminal escapes, bidi overrides)
    written as escapes, so a file name or headline cannot forge log lines or drive a terminal."""
    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else ascii(ch)[1:-1]
                   for ch in text)


class NewsreportError(Exception):
    """Base class for errors a user can act on."""


class ArticleError(NewsreportError):
    """An article file that cannot be used: names the file, what is wrong and what to do."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{printable(path)}: {problem}; {fix}")


class ConfigError(NewsreportError):
    """A configuration or setup problem, with the fix in the message."""
