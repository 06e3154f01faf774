"""Running the analysis of many articles: in this process, across local processes, or on Dask.

Every way returns the same thing in the same order: for each article, its :class:`Analysis`, or the
one-line reason it could not be analysed (an analyser bug must not lose the other articles).
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Sequence, TextIO

from .analyze import analyze
from .model import Analysis, Article
from .serialize import findings_tuple, with_findings

log = logging.getLogger("mkdocs.plugins.newsreport")
Outcome = Analysis | str
MIN_PER_PROCESS = 4
"""Fewer articles than this per process and starting processes costs more than it saves."""
PROGRESS_AFTER = 2.0
"""Seconds of work before a progress bar appears: short runs stay quiet."""


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyze_one(article: Article) -> Outcome:
    """The analysis of one article, or why it failed."""
    try:
        return analyze(article)
    except Exception as exc:
        log.debug("analysis of %s failed", article.source_path, exc_info=True)
        return f"{exc.__class__.__name__}: {exc}"


def analyze_batch(articles: Sequence[Article]) -> list[Outcome]:
    """:func:`analyze_one` over a batch (the unit of work sent to a Dask worker)."""
    return [analyze_one(a) for a in articles]


def _analyze_sent(articles: Sequence[Article]) -> bytes:
    """In an analysis process: :func:`analyze_batch`, sent back as one marshal blob of each
    analysis's findings (:func:`findings_tuple`, without the article, which the build has) or
    failure. Plain tuples cross the pipe in a quarter of the time the dataclasses take to pickle
    and unpickle, and the build turns them back into exactly what a cached rebuild loads."""
    outcomes = [_sendable(o) for o in analyze_batch(articles)]
    try:
        return marshal.dumps(outcomes)
    except ValueError:  # a value that is not plain data: that article fails, not its batch
        return marshal.dumps([o if _sendable(o, check=True) is o else _NOT_PLAIN for o in outcomes])


_NOT_PLAIN = "ValueError: the analysis holds a value that is not plain data"


def _sendable(outcome: Outcome | tuple, check: bool = False) -> str | tuple:
    """An outcome as it crosses the pipe: its findings, or why it failed. With ``check``, also
    that marshal takes them."""
    if isinstance(outcome, str):
        return outcome
    try:
        findings = outcome if isinstance(outcome, tuple) else findings_tuple(outcome)
        if check:
            marshal.dumps(findings)
        return findings
    except (AttributeError, TypeError, ValueError):
        return _NOT_PLAIN


def _received(blob: bytes, articles: Sequence[Article]) -> list[Outcome]:
    """In the build: the outcomes of :func:`_analyze_sent` for ``articles``."""
    paused = gc.isenabled()
    gc.disable()  # thousands of small tuples, no cycles: collections would find nothing
    try:
        return [o if isinstance(o, str) else with_findings(a, o) for a, o in zip(articles, marshal.loads(blob))]
    finally:
        if paused:
            gc.enable()


def analyze_many(articles: Sequence[Article], *, jobs: int | None = None, scheduler: str | None = None,
                 on_done: Callable[[int], None] | None = None) -> list[Outcome]:
    """Analyse ``articles``; ``jobs`` local processes (default: all cores), or the Dask cluster at
    ``scheduler`` when one is given. Results come back in the order of ``articles``."""
    return list(analyze_each(articles, expected=len(articles), jobs=jobs, scheduler=scheduler, on_done=on_done))


@contextmanager
def ctrl_c_kept() -> Iterator[Callable[[], None]]:
    """Around code that forks: a Ctrl-C that lands while Python runs its at-fork hooks is raised inside
    them, which print and drop it ("Exception ignored in: _releaseLock"), and the build went on. Here a
    Ctrl-C is also remembered, and the check this yields raises it again; call it after each fork.
    Only where Ctrl-C has Python's default handler (not under ``mkdocs serve``'s own)."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield lambda: None
        return
    pressed: list[int] = []

    def remember(signum, frame):
        pressed.append(signum)
        raise KeyboardInterrupt

    def check() -> None:
        if pressed:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, remember)
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def analyze_each(articles: Iterable[Article], *, expected: int, jobs: int | None = None,
                 scheduler: str | None = None, on_done: Callable[[int], None] | None = None) -> Iterator[Outcome]:
    """:func:`analyze_many` over an iterable that may still be reading its articles: each batch goes
    to a process as soon as it is read, and outcomes come back in order as soon as they are ready,
    so reading the files and storing the results overlap the analysis instead of preceding and
    following it. ``expected`` (about how many articles) decides how many processes to start."""
    done = on_done or (lambda n: None)
    if scheduler:
        yield from _on_dask(list(articles), scheduler, done)
        return
    jobs = min(jobs or default_jobs(), max(1, expected // MIN_PER_PROCESS))
    if jobs <= 1:
        for article in articles:
            yield analyze_one(article)
            done(1)
        return
    size = max(1, min(32, expected // (jobs * 8)))
    pending: deque = deque()
    with ctrl_c_kept() as check, ProcessPoolExecutor(max_workers=jobs) as pool:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == size:
                pending.append((pool.submit(_analyze_sent, batch), batch))  # forks a process while there are fewer than jobs
                check()
                batch = []
            while pending and pending[0][0].done():
                yield from _collect(pending.popleft(), done)
        if batch:
            pending.append((pool.submit(_analyze_sent, batch), batch))
            check()
        while pending:
            yield from _collect(pending.popleft(), done)


def _collect(sent: tuple[Future, list[Article]], done: Callable[[int], None]) -> list[Outcome]:
    future, articles = sent
    outcomes = _received(future.result(), articles)
    done(len(outcomes))
    return outcomes


def _batches(articles: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for i in range(0, len(articles), size):
        yield articles[i:i + size]


def _on_dask(articles: Sequence[Article], scheduler: str, done: Callable[[int], None]) -> list[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        from .errors import ConfigError

        raise ConfigError("a Dask scheduler was given but dask.distributed is not installed; "
                          "install it with: pip install 'newsreport[dask]'") from exc
    batches = list(_batches(articles, 16))
    with Client(scheduler) as client:
        futures = client.map(analyze_batch, batches, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[list[Outcome]] = [[] for _ in batches]
        for future in as_completed(futures):
            results[index[future.key]] = future.result()
            done(len(results[index[future.key]]))
    return [outcome for batch in results for outcome in batch]


class Progress:
    """A one-line progress bar on stderr, only for a person watching a long run: silent when
    stderr is not a terminal or the ``CI`` environment variable is set, and for the first
    :data:`PROGRESS_AFTER` seconds."""

    def __init__(self, total: int, label: str = "analysing", stream: TextIO | None = None) -> None:
        self.total, self.label, self.count = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = total > 0 and _interactive(self.stream)
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, n: int = 1) -> None:
        self.count += n
        elapsed = time.monotonic() - self.started
        if not self.enabled or elapsed < PROGRESS_AFTER:
            return
        width = 30
        filled = width * self.count // self.total
        rate = self.count / elapsed
        eta = (self.total - self.count) / rate if rate else 0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.count}/{self.total} articles, {eta:4.0f} s left ")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _interactive(stream: TextIO) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
