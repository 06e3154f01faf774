"""Domain errors. Only the CLI turns them into exit codes and messages."""

from __future__ import annotations


class NewsreportError(Exception):
    """Base class for errors a user can act on."""


class ArticleError(NewsreportError):
    """An article file that cannot be used: names the file, what is wrong and what to do."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}; {fix}")


class ConfigError(NewsreportError):
    """A configuration or setup problem, with the fix in the message."""
