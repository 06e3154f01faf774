from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.ingest import decode, discover, parse_article, read_article, read_articles

from .conftest import SEED


def test_seed_drops_debris_and_takes_headline():
    article = read_article(SEED)
    assert article.title == "Russia blames west for delaying peace talks in Syria"
    assert article.text.startswith("image\n")  # text stays exactly as read
    first = article.paragraphs[0]
    assert article.text[first[0]:first[1]].startswith("Russian Defense Minister Sergei Shoigu")
    assert len(article.paragraphs) == 5
    assert article.id == "000-ff091537aa51fd18"


@pytest.mark.parametrize("debris", ["Advertisement", "Share this article", "image", "  Share this  "])
def test_debris_lines_are_never_headline_or_body(debris):
    text = f"{debris}\nThe real headline\n\n{debris}\nFirst paragraph.\n{debris}\nSecond paragraph.\n"
    article = parse_article(text, "x.txt", "x")
    assert article.title == "The real headline"
    assert [text[s:e] for s, e in article.paragraphs] == ["First paragraph.", "Second paragraph."]


def test_front_matter_metadata_and_offsets():
    text = "---\ntitle: From the front matter\ndate: 2016-11-02\nsource: Reuters\nurl: https://example.org/a\nauthor: Jane Doe\n---\nHeadline line\n\nBody text here.\n"
    article = parse_article(text, "x.txt", "x")
    assert article.title == "From the front matter"
    assert (article.date, article.source, article.url, article.author) == ("2016-11-02", "Reuters", "https://example.org/a", "Jane Doe")
    assert [text[s:e] for s, e in article.paragraphs] == ["Headline line", "Body text here."]


def test_malformed_front_matter_names_the_file_and_the_fix():
    with pytest.raises(ArticleError) as info:
        parse_article("---\ntitle: [unclosed\n---\nBody\n", "bad.txt", "bad")
    assert "bad.txt" in str(info.value) and "front matter" in str(info.value)


@pytest.mark.parametrize("value", [
    "!!python/object/apply:os.system ['echo hacked']",
    "!!python/name:os.system",
    "!custom {a: 1}",
])
def test_yaml_tags_are_never_run_and_stay_the_literal_title(value, tmp_path):
    marker = tmp_path / "hacked"
    text = f"---\ntitle: {value.replace('echo hacked', f'touch {marker}')}\n---\nBody\n"
    article = parse_article(text, "x.txt", "x")
    assert article.title == value.replace("echo hacked", f"touch {marker}")
    assert not marker.exists()


def test_impossible_front_matter_date_stays_text():
    article = parse_article("---\ndate: 2016-13-45\n---\nHeadline\n\nBody.\n", "x.txt", "x")
    assert (article.title, article.date) == ("Headline", "2016-13-45")


def test_decoding_handles_boms_and_legacy_encodings():
    assert decode("\ufeffHello".encode("utf-8")) == "Hello"
    assert decode("Héllo".encode("utf-16")) == "Héllo"
    assert decode("café – “quoted”".encode("cp1252")) == "café – “quoted”"
    with pytest.raises(ArticleError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.png.txt")


def test_crlf_offsets_point_into_text():
    text = "Headline\r\n\r\nFirst para.\r\nSecond para.\r\n"
    article = parse_article(text, "x.txt", "x")
    assert [text[s:e] for s, e in article.paragraphs] == ["First para.", "Second para."]


def test_empty_file_is_an_error_that_names_it(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n\n")
    (tmp_path / "good.txt").write_text("Headline\n\nBody.\n")
    results = list(read_articles([tmp_path]))
    errors = [r for r in results if isinstance(r, ArticleError)]
    assert len(results) == 2 and len(errors) == 1 and "empty.txt" in str(errors[0])


def test_discover_ids_come_from_relative_paths(tmp_path: Path):
    for sub in ("business", "sport"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "001.txt").write_text("Headline\n\nBody.\n")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["business-001", "sport-001"]
    assert list(discover([tmp_path]).values()) == [Path("business/001.txt"), Path("sport/001.txt")]
