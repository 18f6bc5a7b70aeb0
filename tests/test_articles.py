"""Reading articles: formats, metadata, furniture, and bad input."""

from __future__ import annotations

import gzip
import json

import pytest

from kg.articles import blank_furniture, make_article, read_articles
from kg.errors import ArticleError, InputError


def collect(paths):
    errors: list[str] = []
    articles = list(read_articles(paths, lambda err: errors.append(str(err))))
    return articles, errors


def test_txt_with_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Border talks stall\nurl: https://example.org/a\noutlet: Example Wire\n"
        "published: 2025-03-04\n---\nBorder talks stall\n\nThe ministers met on Monday.\n",
        encoding="utf-8",
    )
    [article], errors = collect([path])
    assert errors == []
    assert (article.source, article.title, article.url, article.outlet, article.published) == (
        "a.txt", "Border talks stall", "https://example.org/a", "Example Wire", "2025-03-04")
    assert article.text.startswith("Border talks stall")
    assert "Border talks stall" not in article.clean_text  # the headline is not body text
    assert len(article.clean_text) == len(article.text)


def test_first_line_is_headline_without_front_matter(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Navy Seizes Fuel Tanker\n\nThe navy seized a tanker on Friday.\n", encoding="utf-8")
    [article], _ = collect([path])
    assert article.title == "Navy Seizes Fuel Tanker"


def test_a_lead_sentence_is_not_taken_for_a_headline():
    article = make_article("c.txt", "The navy seized a tanker on Friday.\nOfficials confirmed it.\n")
    assert article.title is None
    assert article.clean_text == article.text


def test_jsonl_articles_and_ids(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "wire-1", "title": "T1", "text": "Troops were deployed on Monday.", "published": "2025-01-02"},
        {"text": "Police arrested two men."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    articles, errors = collect([path])
    assert errors == []
    assert [a.source for a in articles] == ["wire-1", "feed.jsonl:2"]
    assert articles[0].published == "2025-01-02"


def test_jsonl_gz_is_read(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": "Police arrested two men."}) + "\n")
    articles, _ = collect([path])
    assert [a.source for a in articles] == ["z"]


def test_folder_is_read_in_sorted_order_and_other_files_ignored(tmp_path):
    (tmp_path / "b.txt").write_text("Police arrested two men.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Troops were deployed.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles, _ = collect([tmp_path])
    assert [a.source for a in articles] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.txt", "Se\xf1or L\xf3pez said hello.".encode("latin-1"), "not valid UTF-8"),
        ("bad-front.txt", b"---\ntitle: [unclosed\n---\nBody text here.", "front matter"),
        ("bad-date.txt", b"---\npublished: yesterday\n---\nBody text here.", "ISO date"),
        ("page.html", b"<html>text</html>", "not an article file"),
    ],
)
def test_bad_article_is_reported_and_skipped(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Police arrested two men.", encoding="utf-8")
    articles, errors = collect([tmp_path / name, good])
    assert [a.source for a in articles] == ["good.txt"]
    assert len(errors) == 1 and message in errors[0] and name in errors[0]


def test_malformed_jsonl_line_names_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Police arrested two men."}\n{"text": broken\n{"id": "x"}\n', encoding="utf-8")
    articles, errors = collect([path])
    assert len(articles) == 1
    assert errors == [
        "feed.jsonl line 2: malformed JSON (Expecting value)",
        "feed.jsonl line 3: missing or empty 'text'",
    ]


def test_missing_path_is_fatal(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        collect([tmp_path / "nope.txt"])


def test_article_of_only_furniture_is_an_error():
    with pytest.raises(ArticleError, match="no text"):
        make_article("x.txt", "Skip to content\nSee all\n")


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content",
        "See all",
        "Recommended stories",
        "list of 3 itemsend of list",
        "Advertisement",
        "More in Mexico",
        "Soldiers patrol a street in Culiacan. Credit: Jane Roe/Example Photo",
        "A navy ship at sea (Photo: Example Agency)",
    ],
)
def test_furniture_lines_are_blanked(line):
    text = f"Officials met on Monday.\n{line}\nThe talks went on for hours.\n"
    clean, _ = blank_furniture(text)
    assert line not in clean
    assert "Officials met on Monday." in clean and "The talks went on for hours." in clean
    assert len(clean) == len(text)


def test_repeated_paragraph_is_blanked_once():
    para = "The minister said the border would stay open."
    text = f"Officials met on Monday.\n{para}\n{para}\n"
    clean, _ = blank_furniture(text)
    assert clean.count(para) == 1


def test_author_box_at_the_end_is_blanked():
    text = (
        "Officials met on Monday and agreed on a plan.\n"
        "Jane Roe\nJane Roe\nSenior correspondent covering security in the Andes\nAll articles\n"
    )
    clean, _ = blank_furniture(text)
    assert "Jane Roe" not in clean and "Senior correspondent" not in clean
    assert "Officials met on Monday" in clean


def test_short_articles_without_punctuation_are_kept():
    text = "Troops deployed to border\nNavy on alert\n"
    clean, headline = blank_furniture(text)
    assert headline == "Troops deployed to border"
    assert "Navy on alert" in clean
