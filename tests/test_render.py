"""Rendering: article text stays text, whatever it contains."""

from __future__ import annotations

import html as html_lib
import json
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import jsonschema
import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from pymdownx.superfences import fence_code_format

from generator.analyze import analyze
from generator.errors import ArticleError
from generator.ingest import parse_article
from generator.link import link
from generator.model import Actor, Analysis, Article, Sentiment
from generator.render import md, mermaid_label, original, render_site, text_html

from .conftest import ROOT, analyse_text

TEMPLATES = ROOT / "site_templates"
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.superfences"]
EXTENSION_CONFIGS = {"pymdownx.superfences": {"custom_fences": [
    {"name": "mermaid", "class": "mermaid", "format": fence_code_format}]}}
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src=javascript:alert(3)></iframe> "
    "[click](javascript:alert(4)) **bold** # heading {{ 7*7 }} {% include 'x' %} !!! note "
    "--8<-- \"/etc/passwd\" {: .class} | a | b | `code` &amp; \\*"
)


def _to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


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
            "blockquote", "em", "strong", "code", "pre", "ul", "ol", "li", "hr", "br"}


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
@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=80))
def test_mermaid_labels_cannot_close_the_label_or_the_fence(name):
    label = mermaid_label(name)
    assert label and not any(c in label for c in '"[](){}|;#&<>`\\\n')


def test_original_links_only_plain_web_addresses():
    assert original("https://example.org/news/1") == "[Original](https://example.org/news/1)"
    for hostile in ("javascript:alert(1)", "https://x.org/a)(b", "data:text/html,<b>", "https://x.org/<script>"):
        out = _to_html(original(hostile))
        assert "<a " not in out and "<script" not in out and "<b>" not in out, hostile


def test_actor_pages_export_json_in_the_documented_shape(seed_analysis):
    pages = render_site(link([seed_analysis]), TEMPLATES)
    schema = json.loads(files("generator").joinpath("actor.schema.json").read_text(encoding="utf-8"))
    actor_files = [name for name in pages if name.startswith("api/actors/")]
    assert len(actor_files) == sum(1 for name in pages if name.startswith("actors/") and name != "actors/index.md")
    for name in actor_files:
        jsonschema.validate(json.loads(pages[name]), schema)
    shoigu = json.loads(pages["api/actors/sergei-shoigu.json"])
    assert [q["anchor"] for q in shoigu["quotes"]] == ["quote-1", "quote-4", "quote-5"]
    assert {"the-west"} <= {t for c in shoigu["claims"] for t in c["targets"]}


def test_actor_page_shows_who_accuses_whom_and_claims_about(seed_analysis):
    pages = render_site(link([seed_analysis]), TEMPLATES)
    shoigu = _to_html(pages["actors/sergei-shoigu.md"])
    assert '<pre class="mermaid"><code>graph LR' in shoigu
    assert "a0 --&gt;|accuses| a1" in shoigu
    west = pages["actors/the-west.md"]
    assert "## Claims about the West" in west and "(../actors/sergei-shoigu.md)" in west


def _fake(n: int) -> Analysis:
    text = f"Story {n}\n\nAlice Smith said things about item {n}."
    article = Article(f"a-{n:03d}", f"news/section-{n % 3}/{n}.txt", text, f"Story {n}", (0, len(f"Story {n}")),
                      ((len(f"Story {n}") + 2, len(text)),), date=f"2020-01-{n % 28 + 1:02d}")
    start = text.index("Alice")
    actor = Actor("alice-smith", "Alice Smith", "person", (), (), ((start, start + 11),))
    return Analysis(article, (actor,), (), (), Sentiment(0.0, 0.0))


def test_long_lists_are_paged_and_every_article_is_listed_once():
    pages = render_site(link([_fake(n) for n in range(250)]), TEMPLATES)
    total = int(re.search(r"Page 1 of (\d+)", pages["articles/index.md"])[1])
    assert 2 <= total <= 5  # 100 a page on average, 50 to 200
    listed = [pages["articles/index.md"]] + [pages[f"browse/articles-{n}.md"] for n in range(2, total + 1)]
    assert f"browse/articles-{total + 1}.md" not in pages
    assert "[2](../browse/articles-2.md)" in listed[0] and f"Page {total} of {total}" in listed[-1]
    rows = [line for page in listed for line in page.splitlines() if line.startswith("| [Story")]
    assert all(50 <= sum(line.startswith("| [Story") for line in page.splitlines()) <= 200 for page in listed[:-1])
    assert len(rows) == 250 and len(set(rows)) == 250
    assert "2020\\-01\\-28" in rows[0] and "2020\\-01\\-01" in rows[-1]
    assert "| [section\\-0](../browse/source-section-0.md) | 84 |" in pages["browse/sources.md"]
    alice = pages["actors/alice-smith.md"]
    assert "250** articles" in alice and "## Timeline" in alice and "| 2020\\-01 | 250 |" in alice


def test_article_tag_from_a_hostile_source_stays_one_front_matter_string():
    from dataclasses import replace

    from mkdocs.utils.meta import get_data

    analysis = analyse_text("“We will win this war,” said Angela Merkel.")
    source = 'x"\n---\ntitle: pwned\n' + HOSTILE
    analysis = replace(analysis, article=replace(analysis.article, source=source))
    page = render_site(link([analysis]), TEMPLATES)[f"articles/{analysis.article.id}.md"]
    body, meta = get_data(page)
    assert set(meta) == {"tags"} and len(meta["tags"]) == 1
    # Material prints tags as raw HTML: nothing that could open a tag or an attribute survives
    assert not set('<>"&') & set(meta["tags"][0])
    assert "title pwned" in meta["tags"][0]
    assert body.startswith("# A headline")


def test_every_item_link_has_its_anchor_even_when_a_quote_and_a_claim_start_together():
    # "... he said" after a quote: the quote and the claim that reports it start at the same mark
    analysis = analyse_text('Shadow minister Maria Lopez said: "Everyone who reads the accounts at the moment '
                            'says there has been a sharp fall in revenue, that there is a hole," she said. '
                            '"If they win there will be a tax rise."')
    starts = [item.content[0][0] for item in (*analysis.quotes, *analysis.claims)]
    assert len(starts) != len(set(starts)), "the case needs a quote and a claim starting together"
    page = render_site(link([analysis]), TEMPLATES)[f"articles/{analysis.article.id}.md"]
    for target in set(re.findall(r"\]\(#((?:quote|claim)-\d+)\)", page)):
        assert f'id="{target}"' in page, target
