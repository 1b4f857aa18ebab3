import json
from pathlib import Path

import pytest

from pipeline.readers import discover, read_file

FIXTURES = Path(__file__).parent / "fixtures"


def _read(path: Path, article_id: str = "a", **kw):
    return list(read_file(path, article_id, **kw))


def test_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline here\n\nCafé society “returns”.", encoding="utf-8")
    [article] = _read(path)
    assert article.ok
    assert article.title == "Headline here"
    assert "Café society “returns”." in article.text
    assert len(article.sha256) == 64


def test_cp1252_text_is_decoded_not_rejected(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Headline\n\nThe café’s “new” menu costs £5 and the critics said it was a delight.".encode("cp1252"))
    [article] = _read(path)
    assert article.ok
    assert "café’s “new” menu costs £5" in article.text


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file")],
)
def test_unreadable_text_becomes_an_error_article(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [article] = _read(path, "bad")
    assert not article.ok
    assert message in article.error
    assert article.article_id == "bad"


def test_file_over_the_size_limit_is_an_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [article] = _read(path, max_bytes=100)
    assert "over the" in article.error and "limit" in article.error


def test_html_main_text_title_and_date(tmp_path):
    html = """<html><head><title>Star joins drama | News</title>
    <meta property="og:title" content="Star joins new drama">
    <meta property="article:published_time" content="2024-05-02T09:00:00Z"></head>
    <body><nav>Home | News | Sport</nav><article><h1>Star joins new drama</h1>
    <p>The actress Jane Doe has joined the cast of the BBC drama Blue Harbour, the broadcaster said on Thursday.</p>
    <p>"I could not be happier to be part of this wonderful team," she told reporters in London.</p>
    </article><footer>Copyright</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html)
    [article] = _read(path, "page")
    assert article.ok, article.error
    assert article.title == "Star joins new drama"
    assert article.published == "2024-05-02"
    assert "Jane Doe has joined the cast" in article.text
    assert "Copyright" not in article.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    [article] = _read(path, "empty")
    assert not article.ok
    assert "no article text" in article.error


def test_jsonl_records_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "one", "title": "First", "text": "Body one.", "published": "2024-01-02"}),
        json.dumps({"id": "two", "body": "Body two.", "date": "2024-02-03T10:00:00"}),
        json.dumps({"id": "three", "content": "Body three.", "url": "https://example.org/3"}),
        "{not json",
        json.dumps({"id": "four", "title": "No text"}),
        "",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines))
    articles = {a.article_id: a for a in _read(path, "feed")}
    assert articles["one"].text == "First\n\nBody one."
    assert articles["one"].published == "2024-01-02"
    assert articles["two"].published == "2024-02-03"
    assert articles["three"].url == "https://example.org/3"
    assert "malformed JSON" in articles["feed#4"].error
    assert "no `text`" in articles["four"].error
    assert len(articles) == 5


def test_discover_names_articles_by_relative_path(tmp_path):
    (tmp_path / "2024" / "may").mkdir(parents=True)
    (tmp_path / "2024" / "may" / "story.txt").write_text("x")
    (tmp_path / "top.html").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text("x")
    found = [article_id for _, article_id in discover([tmp_path])]
    assert found == ["2024/may/story", "top"]


def test_discover_a_single_file_is_named_by_its_stem():
    assert [i for _, i in discover([FIXTURES / "wikinews" / "GUM_news_warhol.txt"])] == ["GUM_news_warhol"]


def test_missing_input_is_reported():
    with pytest.raises(FileNotFoundError):
        list(discover(["/no/such/folder"]))


def test_wikinews_fixture_header():
    [article] = _read(FIXTURES / "wikinews" / "GUM_news_warhol.txt")
    assert article.title == "Warhol's photo legacy spread by university exhibits"
    assert article.published == "2014-01-28"


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Café naïve résumé, said the critic.".encode("latin-1"))
    [article] = _read(path)
    assert article.text == "Café naïve résumé, said the critic."


def test_undecodable_bytes_are_an_error(tmp_path):
    import random

    rng = random.Random(1)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    [article] = _read(path, "noise")
    assert "cannot decode" in article.error


def test_pipelineignore_skips_listed_files_and_folders(tmp_path):
    (tmp_path / "2024" / "drafts").mkdir(parents=True)
    (tmp_path / "2024" / "may").mkdir(parents=True)
    for name in ("SOURCE.txt", "story.txt", "README.txt", "2024/SOURCE.txt", "2024/may/x.txt",
                 "2024/may/x.notes.txt", "2024/drafts/y.txt", "2024/z.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".pipelineignore").write_text(
        "# notes that are not articles\n"
        "SOURCE.txt\n"
        "*.notes.txt\n"
        "\n"
        "drafts/\n"
        "/README.txt\n"
        "2024/z.*\n"
    )
    found = [article_id for _, article_id in discover([tmp_path])]
    assert found == ["2024/may/x", "story"]


def test_pipelineignore_patterns_anchor_only_with_a_slash(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("README.txt", "sub/README.txt", "sub/drafts.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".pipelineignore").write_text("/README.txt\ndrafts*/\n")
    # `/README.txt` is the top-level file only; `drafts*/` names folders, not the file drafts.txt.
    assert [i for _, i in discover([tmp_path])] == ["sub/README", "sub/drafts"]


def test_a_file_given_directly_is_read_even_if_its_folder_ignores_it(tmp_path):
    (tmp_path / "SOURCE.txt").write_text("x")
    (tmp_path / ".pipelineignore").write_text("SOURCE.txt\n")
    assert [i for _, i in discover([tmp_path])] == []
    assert [i for _, i in discover([tmp_path / "SOURCE.txt"])] == ["SOURCE"]
