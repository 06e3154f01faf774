"""Rendering: article text stays text, whatever it contains."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import given, settings, strategies as st

from generator.analyze import analyze
from generator.errors import ArticleError
from generator.ingest import parse_article
from generator.link import link
from generator.render import md, render_site, text_html

from .conftest import ROOT, analyse_text

TEMPLATES = ROOT / "site_templates"
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src=javascript:alert(3)></iframe> "
    "[click](javascript:alert(4)) **bold** # heading {{ 7*7 }} {% include 'x' %} !!! note "
    "--8<-- \"/etc/passwd\" {: .class} | a | b | `code` &amp; \\*"
)


def _to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def _visible(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1))
def test_md_escaped_text_renders_as_itself_and_never_as_markup(text):
    out = _to_html(md(text))
    assert re.fullmatch(r"(<p>.*</p>)?", out, re.S), out
    assert _visible(out) == " ".join(text.split())


def test_hostile_inline_text_shows_literally():
    out = _to_html("Title: " + md(HOSTILE))
    assert "<script" not in out and "<img" not in out and "<iframe" not in out and "<a " not in out
    assert _visible(out) == "Title: " + HOSTILE


def test_full_text_block_escapes_everything():
    analysis = analyse_text(HOSTILE + " “We will win this war,” said Angela Merkel.")
    block = _to_html(str(text_html(analysis)))
    assert "<script" not in block and "<img" not in block and "<iframe" not in block
    assert "&lt;script&gt;" in block
    assert 'id="quote-1"' in block and 'href="#item-quote-1"' in block


def test_rendered_pages_never_leak_article_html(tmp_path: Path):
    analysis = analyse_text(HOSTILE + "\n\n“We will win this war,” said Angela Merkel.", title=HOSTILE)
    pages = render_site(link([analysis]), TEMPLATES)
    for name, content in pages.items():
        if not name.endswith(".md"):
            continue
        rendered = _to_html(content)
        assert "<script" not in rendered, name
        assert "<img" not in rendered and "<iframe" not in rendered, name
    article = _to_html(pages[f"articles/{analysis.article.id}.md"])
    assert " ".join(HOSTILE.split()) in " ".join(_visible(article).split())


def test_article_page_links_quotes_to_speakers_and_back(seed_analysis):
    pages = render_site(link([seed_analysis]), TEMPLATES)
    page = pages[f"articles/{seed_analysis.article.id}.md"]
    assert "[Sergei Shoigu](../actors/sergei-shoigu.md)" in page
    assert "[in the text](#quote-1)" in page and 'id="quote-1"' in page
    actor = pages["actors/ravina-shamadasani.md"]
    assert actor.count("in context](../articles/") >= 2


# Pieces that have broken parsers before, mixed with arbitrary Unicode.
HOSTILE_PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "<script>window.__pwned=1</script>", "</div>", "<p>",
    "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% include 'x' %}", "!!! note", "# ", "| a |", "---",
    "\n", "\r\n", "\r", "\n\n", "said", "Angela Merkel", "accused", "Russia", ".", ",", " ", "`", "*",
    "[x](javascript:alert(1))", "&amp;", "&#60;", "\x00", "\x07", "\u2028", "\x85", "\ufeff", "\u202e",
    "--8<-- \"/etc/passwd\"", "{: .x onclick=alert(1)}", "<!--", "-->", "\\", "\x02wzxhzdk:0\x03",
])
ARTICLE_TEXT = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=12)), max_size=40).map("".join)
# What the page templates themselves produce: anything else came from article text.
OUR_TAGS = {"h1", "h2", "p", "div", "span", "a", "table", "thead", "tbody", "tr", "th", "td",
            "blockquote", "em", "strong", "code", "ul", "ol", "li", "hr", "br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.bad_attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src") and not re.fullmatch(r"[#./a-z0-9_-]*", value or "")):
                self.bad_attrs.append((name, value))


@settings(max_examples=40, deadline=None)
@given(title=ARTICLE_TEXT, body=ARTICLE_TEXT)
def test_any_text_analyses_and_renders_to_our_markup_only(title, body):
    try:
        article = parse_article(f"{title}\n{body}", "any.txt", "any")
    except ArticleError as exc:
        assert "any.txt" in str(exc)
        return
    analysis = analyze(article)
    n = len(article.text)
    spans = [s for q in analysis.quotes for s in q.content] + [s for c in analysis.claims for s in c.content]
    spans += [m for a in analysis.actors for m in a.mentions]
    assert all(0 <= s < e <= n for s, e in spans)
    pages = render_site(link([analysis]), TEMPLATES)
    for name, content in pages.items():
        if name.endswith(".md"):
            found = _Tags()
            found.feed(_to_html(content))
            assert found.tags <= OUR_TAGS, (name, found.tags - OUR_TAGS)
            assert found.bad_attrs == [], name
