"""The public JSON form of an analysis (``newsreport analyze --json``) and its inverse.

Backward compatible by rule: fields are only ever added. Every offset points into ``text``.
``schema/analysis.schema.json`` documents it.
"""

from __future__ import annotations

from typing import Any

from .model import Actor, Analysis, Article, Claim, Quote, Sentiment

SCHEMA_VERSION = 1


def _span(span):
    return None if span is None else [span[0], span[1]]


def _sentiment(s: Sentiment) -> dict[str, float]:
    return {"polarity": s.polarity, "subjectivity": s.subjectivity}


def _quote(q: Quote) -> dict[str, Any]:
    return {"speaker": q.speaker, "source": _span(q.source), "cue": _span(q.cue),
            "content": [_span(s) for s in q.content], "sentiment": _sentiment(q.sentiment)}


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON-ready dictionary for one analysed article."""
    article = analysis.article
    return {
        "schema_version": SCHEMA_VERSION,
        "source_path": article.source_path,
        "id": article.id,
        "title": article.title,
        "title_span": _span(article.title_span),
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "text": article.text,
        "paragraphs": [_span(p) for p in article.paragraphs],
        "sentiment": _sentiment(analysis.sentiment),
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
             "roles": list(a.roles), "mentions": [_span(m) for m in a.mentions]}
            for a in analysis.actors
        ],
        "quotes": [_quote(q) for q in analysis.quotes],
        "claims": [dict(_quote(c), stance=c.stance, targets=list(c.targets)) for c in analysis.claims],  # type: ignore[arg-type]
    }


def _tuple_span(value):
    return None if value is None else (int(value[0]), int(value[1]))


def from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` from :func:`to_dict` output (used by the cache)."""
    article = Article(
        id=data["id"], source_path=data["source_path"], text=data["text"], title=data["title"],
        title_span=_tuple_span(data.get("title_span")),
        paragraphs=tuple(_tuple_span(p) for p in data.get("paragraphs", [])),
        date=data.get("date"), source=data.get("source"), url=data.get("url"), author=data.get("author"),
    )
    actors = tuple(Actor(a["id"], a["name"], a["kind"], tuple(a["aliases"]), tuple(a["roles"]),
                         tuple(_tuple_span(m) for m in a["mentions"])) for a in data["actors"])

    def common(item):
        return dict(content=tuple(_tuple_span(s) for s in item["content"]), speaker=item["speaker"],
                    source=_tuple_span(item["source"]), cue=_tuple_span(item["cue"]),
                    sentiment=Sentiment(**item["sentiment"]))

    quotes = tuple(Quote(**common(q)) for q in data["quotes"])
    claims = tuple(Claim(stance=c["stance"], targets=tuple(c["targets"]), **common(c)) for c in data["claims"])
    return Analysis(article, actors, quotes, claims, Sentiment(**data["sentiment"]))



# --- the compact form the analysis cache's file index keeps ----------------------------------
# Plain tuples, strings and numbers in dataclass field order: marshal reads them without running
# code, and rebuilding the dataclasses is several times faster than from JSON.

def to_tuple(analysis: Analysis) -> tuple:
    """``analysis`` as nested plain tuples (the inverse of :func:`from_tuple`)."""
    a = analysis.article
    return ((a.id, a.source_path, a.text, a.title, a.title_span, a.paragraphs, a.date, a.source, a.url, a.author),
            *findings_tuple(analysis))


def findings_tuple(analysis: Analysis) -> tuple:
    """What the analysis found (actors, quotes, claims, sentiment) as plain tuples, without the
    article: what an analysis process sends back to the build, which has the article already
    (the inverse of :func:`with_findings`)."""
    sentiment = analysis.sentiment
    return (
        tuple((x.id, x.name, x.kind, x.aliases, x.roles, x.mentions) for x in analysis.actors),
        tuple((q.content, q.speaker, q.source, q.cue, (q.sentiment.polarity, q.sentiment.subjectivity))
              for q in analysis.quotes),
        tuple((c.content, c.stance, c.speaker, c.source, c.cue, c.targets,
               (c.sentiment.polarity, c.sentiment.subjectivity)) for c in analysis.claims),
        (sentiment.polarity, sentiment.subjectivity),
    )


def from_tuple(data: tuple) -> Analysis:
    """Rebuild an :class:`Analysis` from :func:`to_tuple` output."""
    return with_findings(Article(*data[0]), data[1:])


def with_findings(article: Article, findings: tuple) -> Analysis:
    """The :class:`Analysis` of ``article`` from :func:`findings_tuple` output."""
    actors, quotes, claims, sentiment = findings
    return Analysis(
        article,
        tuple(Actor(*x) for x in actors),
        tuple(Quote(q[0], q[1], q[2], q[3], Sentiment(*q[4])) for q in quotes),
        tuple(Claim(c[0], c[1], c[2], c[3], c[4], c[5], Sentiment(*c[6])) for c in claims),
        Sentiment(*sentiment),
    )


__all__ = ["SCHEMA_VERSION", "to_dict", "from_dict", "to_tuple", "from_tuple", "findings_tuple", "with_findings"]
