"""The ``newsreport`` command. Only this module turns errors into messages and exit codes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import ArticleError, NewsreportError, printable


@click.group()
@click.version_option(package_name="newsreport")
def main() -> None:
    """Analyse news articles into actors, quotes and claims, and publish them as a static site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (JSON Lines).")
def analyze(paths: tuple[Path, ...], as_json: bool) -> None:
    """Analyse article files (or folders of .txt files) and print the result.

    With --json, each line is one article in the documented format (generator/analysis.schema.json),
    in the order given; every offset points into its "text".
    """
    from .analyze import analyze as analyze_article
    from .ingest import read_articles
    from .serialize import to_dict

    failed = 0
    for item in read_articles(paths):
        if isinstance(item, ArticleError):
            click.echo(f"newsreport: skipped {item}", err=True)
            failed += 1
            continue
        try:
            analysis = analyze_article(item)
        except Exception as exc:  # an analyser bug must not lose the other articles
            click.echo(f"newsreport: skipped {printable(item.source_path)}: could not be analysed "
                       f"({exc.__class__.__name__}: {exc}); report this as a bug with the file attached", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(_json_line(to_dict(analysis)))
        else:
            _print_summary(analysis)
    if failed:
        sys.exit(1)


# Characters that Python's str.splitlines() (and some editors) take for line ends, though JSON lets
# them stand raw inside strings: escaped, so one article stays one line however it is split.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _json_line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).translate(_LINE_BREAKS)


def _print_summary(analysis) -> None:
    """A readable summary; article text is shown with its control characters escaped, so a
    scraped page cannot send escape sequences to the terminal."""
    text = analysis.article.text
    echo = lambda line: click.echo(printable(line))  # noqa: E731
    echo(f"# {analysis.article.title}  ({analysis.article.source_path})")
    for actor in analysis.actors:
        echo(f"  actor  {actor.kind:<12} {actor.name}" + (f"  [{'; '.join(actor.roles)}]" if actor.roles else ""))
    for q in analysis.quotes:
        who = analysis.actor(q.speaker)
        words = " … ".join(text[s:e] for s, e in q.content)
        echo(f"  quote  {who.name if who else '(unattributed)'}: {words[:100]}")
    for c in analysis.claims:
        who = analysis.actor(c.speaker)
        words = " … ".join(text[s:e] for s, e in c.content)
        echo(f"  claim  {who.name if who else '(unattributed)'} {c.stance}: {words[:100]}")


@main.command()
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path),
              help="The MkDocs configuration.")
@click.option("--seeds", type=click.Path(path_type=Path), help="Folder of articles (default: the plugin's 'seeds').")
@click.option("--site-dir", type=click.Path(path_type=Path), help="Where to write the site (default: site/).")
@click.option("--docs-dir", type=click.Path(path_type=Path), help="Where to write the pages (default: docs/).")
@click.option("--strict/--no-strict", default=None, help="Fail on any warning or skipped article (default: mkdocs.yml).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes that analyse articles (default: all cores).")
@click.option("--cache-dir", type=click.Path(path_type=Path),
              help="Where analyses of unchanged articles are kept (default: .cache/newsreport).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the analysis on the Dask cluster at this address (tcp://host:8786); needs newsreport[dask].")
@click.option("--clean", is_flag=True,
              help="Build the whole site, not only the pages that changed since the last build.")
def build(config_file: Path, seeds: Path | None, site_dir: Path | None, docs_dir: Path | None, strict: bool | None,
          jobs: int | None, cache_dir: Path | None, scheduler: str | None, clean: bool) -> None:
    """Generate the pages from the articles and build the static site with MkDocs.

    Unchanged articles are not analysed again (their analyses are cached); the rest are analysed
    in parallel, with a progress bar when a long run is watched from a terminal. When the site was
    last built the same way (same mkdocs.yml, theme overrides and versions), MkDocs builds only the
    pages that changed into a copy of it, which then replaces it; --clean builds everything.
    """
    from .build import build_site

    _log_to_stderr()
    try:
        report = build_site(config_file, seeds=seeds, site_dir=site_dir, docs_dir=docs_dir, strict=strict,
                            jobs=jobs, cache_dir=cache_dir, scheduler=scheduler, clean=clean)
    except NewsreportError as exc:
        raise click.ClickException(str(exc)) from exc
    if report is not None:
        how = (f"site updated: {report.written} pages changed, {report.removed} removed" if report.site_incremental
               else "site built whole")
        click.echo(f"newsreport: {report.articles} articles published, {len(report.skipped)} skipped; {how}", err=True)


@main.group(name="eval")
def evaluate() -> None:
    """Measure the analysis against public gold data."""


@evaluate.command(name="polnear")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Score only the first N articles.")
@click.option("--min-content-f1", type=float, help="Exit 1 if content F1 at 30% overlap is below this.")
@click.option("--min-exact-f1", type=float, help="Exit 1 if exact content F1 is below this.")
@click.option("--min-speaker-accuracy", type=float, help="Exit 1 if direct-quote speaker accuracy is below this.")
def eval_polnear(folder: Path, limit: int | None, min_content_f1: float | None, min_exact_f1: float | None,
                 min_speaker_accuracy: float | None) -> None:
    """Attribution scores on a PolNeAR split (FOLDER has text/ and attributions/)."""
    from .evaluate import polnear
    from .evaluate.scoring import PRF

    try:
        tally = polnear.evaluate(folder, limit)
    except NewsreportError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(polnear.report(tally))
    correct, attributed, _ = tally.speaker
    failures = []
    if min_content_f1 is not None and PRF(*tally.content30).f1 < min_content_f1:
        failures.append(f"content F1 below {min_content_f1}")
    if min_exact_f1 is not None and PRF(*tally.exact).f1 < min_exact_f1:
        failures.append(f"exact content F1 below {min_exact_f1}")
    if min_speaker_accuracy is not None and (correct / attributed if attributed else 0) < min_speaker_accuracy:
        failures.append(f"speaker accuracy below {min_speaker_accuracy}")
    if failures:
        raise click.ClickException("; ".join(failures))


@evaluate.command(name="conll")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Score only the first N documents.")
@click.option("--min-f1", type=float, help="Exit 1 if the overall F1 is below this.")
def eval_conll(file: Path, limit: int | None, min_f1: float | None) -> None:
    """Actor mentions against CoNLL-2003 PER/ORG/LOC spans."""
    from .evaluate import conll
    from .evaluate.scoring import PRF

    try:
        tally = conll.evaluate(file, limit)
    except NewsreportError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(conll.report(tally))
    total = PRF(sum(tally.tp.values()), sum(tally.predicted.values()), sum(tally.gold.values()))
    if min_f1 is not None and total.f1 < min_f1:
        raise click.ClickException(f"F1 {total.f1:.3f} below {min_f1}")


def _log_to_stderr() -> None:
    """Show MkDocs' and our build messages the way ``mkdocs build`` does."""
    import logging

    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_newsreport", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._newsreport = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


if __name__ == "__main__":  # pragma: no cover
    main()
