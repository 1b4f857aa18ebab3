"""The `show` command: an HTML review page rendered from the output tables of a real run."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.runner import run
from pipeline.show import article_html, render_page

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = """<script>alert('title')</script> premiere

Actress Jane Doe <script>alert("body")</script> said: "I <b>love</b> this & that," at the premiere in London.
"""

VOID = {"br", "meta", "hr", "img", "input", "link", "wbr"}


class _Nesting(HTMLParser):
    """Records every tag that closes out of order, or stays open."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def assert_well_nested(page: str) -> None:
    checker = _Nesting()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    base = tmp_path_factory.mktemp("show")
    inputs = base / "in"
    inputs.mkdir()
    shutil.copy(ROOT / "raw" / "etoile.txt", inputs / "etoile.txt")
    (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (inputs / "broken.txt").write_text("", encoding="utf-8")
    out = base / "out"
    run([inputs], out)
    return out


def _show(outputs: Path, article_id: str, tmp_path: Path) -> str:
    page = tmp_path / "page.html"
    assert main(["show", article_id, "--outputs", str(outputs), "--html", str(page)]) == 0
    return page.read_text(encoding="utf-8")


def test_page_shows_quotes_with_their_speakers(outputs, tmp_path):
    page = _show(outputs, "etoile", tmp_path)
    quotes = pd.read_parquet(outputs / "quotes.parquet", filters=[("article_id", "==", "etoile")])
    assert len(quotes) > 0
    for speaker in quotes["speaker"].dropna().unique():
        assert speaker in page
    # Each quote is marked in the text and linked to its row (and back).
    for i in range(1, len(quotes) + 1):
        assert f'<mark class="quote" id="quote-{i}"' in page
        assert f'href="#quote-row-{i}"' in page and f'href="#quote-{i}"' in page
    assert "Charlotte Gainsbourg" in page and "Vanity Fair" in page
    assert_well_nested(page)


def test_page_highlights_entities_and_lists_dates(outputs, tmp_path):
    page = _show(outputs, "etoile", tmp_path)
    assert re.search(r'<mark class="entity"[^>]*>\s*Prime Video\s*<span[^>]*>ORG</span>', page)
    assert "<title>" in page and "2025-04-19" in page and 'status-ok' in page
    # "the late 1980s": the decade value, its interval and its modifier, beside its evidence.
    assert "198X" in page and "1987-01-01 – 1989-12-31" in page and "LATE" in page
    assert '<mark class="span">the late 1980s</mark>' in page
    relations = pd.read_parquet(outputs / "relations.parquet", filters=[("article_id", "==", "etoile")])
    for subject in relations["subject"].unique():
        assert subject in page


def test_default_path_and_printed(outputs, capsys):
    assert main(["show", "etoile", "--outputs", str(outputs)]) == 0
    path = outputs / "show" / "etoile.html"
    assert capsys.readouterr().out.strip() == str(path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_article_text_is_escaped(outputs, tmp_path):
    page = _show(outputs, "hostile", tmp_path)
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;love&lt;/b&gt;" in page and "this &amp; that" in page
    assert_well_nested(page)


def test_error_article_shows_its_error(outputs, tmp_path):
    page = _show(outputs, "broken", tmp_path)
    assert "status-error" in page and "empty file" in page


def test_unknown_article_is_a_usage_error(outputs, capsys):
    assert main(["show", "no-such-article", "--outputs", str(outputs)]) == 2
    assert "no-such-article" in capsys.readouterr().err


def test_missing_outputs_is_a_usage_error(tmp_path, capsys):
    assert main(["show", "etoile", "--outputs", str(tmp_path / "nothing")]) == 2
    assert "no tables" in capsys.readouterr().err


def test_mention_across_a_quote_boundary_stays_nested():
    text = 'Ann Lee said "Bob Marley was here" and <left>.'
    mentions = [{"start": 0, "end": 7, "label": "PERSON"},
                {"start": 8, "end": 17, "label": "<X>"},  # crosses the quote's start
                {"start": 14, "end": 24, "label": "PERSON"}]  # overlaps the previous one: dropped
    quotes = [{"start": 14, "end": 33, "open": '<mark class="quote">', "close": "</mark>"}]
    markup = article_html(text, mentions, quotes)
    assert_well_nested(f"<div>{markup}</div>")
    assert "&lt;left&gt;" in markup and "&lt;X&gt;" in markup and "<X>" not in markup
    plain = re.sub(r"\s+", " ", re.sub(r"<span[^>]*>.*?</span>|<[^>]+>", " ", markup))
    for word in ("Ann Lee", "said", "Bob Marley was here", "and"):
        assert word in plain


def _panel(page: str, name: str) -> str:
    """Return the HTML of one side panel (Quotes, Relations, Dates, Entities)."""
    start = page.index(f"<h2>{name}</h2>")
    return page[start:page.index("</section>", start)]


def _tables(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    from pipeline.schema import TABLE_NAMES, to_arrow

    return {t: to_arrow(t, rows.get(t, [])).to_pandas() for t in TABLE_NAMES}


SENTENCE_1 = "Ann Lee and Bob Roe star in Blue Harbour, which Cy Poe directed."
SENTENCE_2 = "Lee plays the captain."
TEXT = f"{SENTENCE_1} {SENTENCE_2}"


def _relation(relation, subject, obj, evidence, span, **kw):
    start = TEXT.index(span)
    return {"article_id": "a", "relation": relation, "subject": subject, "object": obj, "evidence": evidence,
            "start_char": start, "end_char": start + len(span), "rule": f"rule_{relation}", "confidence": 0.9, **kw}


def test_identifiers_can_break_after_underscores_and_colons():
    from pipeline.show import _name

    assert _name("character_apposition") == "character_<wbr>apposition"
    assert _name("person:kelly-bishop") == "person:<wbr>kelly-bishop"
    assert _name("<b>_") == "&lt;b&gt;_<wbr>"


def test_relations_show_each_evidence_sentence_once_above_its_facts():
    relations = [
        _relation("cast_member", "Ann Lee", "Blue Harbour", SENTENCE_1, "Ann Lee and Bob Roe star in Blue Harbour"),
        _relation("cast_member", "Bob Roe", "Blue Harbour", SENTENCE_1, "Bob Roe star in Blue Harbour"),
        _relation("creator_work", "Cy Poe", "Blue Harbour", SENTENCE_1, "which Cy Poe directed", credit="director"),
        _relation("actor_role", "Ann Lee", "the captain", SENTENCE_2, "Lee plays the captain"),
    ]
    page = render_page(_tables({"articles": [{"article_id": "a", "text": TEXT, "status": "ok"}],
                                "relations": relations}))
    panel = _panel(page, "Relations")
    evidence_rows = re.findall(r'<tr class="evidence"><td colspan="7">(.*?)</td></tr>', panel)
    assert len(evidence_rows) == 2
    plain = [re.sub(r"<[^>]+>", "", row) for row in evidence_rows]
    assert plain == [SENTENCE_1, SENTENCE_2]
    # Every fact's matched words are highlighted in the one copy of its sentence.
    assert "<mark class=\"span\">Ann Lee and Bob Roe star in Blue Harbour</mark>" in evidence_rows[0]
    assert "<mark class=\"span\">which Cy Poe directed</mark>" in evidence_rows[0]
    # The facts follow their sentence: 3 rows under the first, 1 under the second.
    rows = re.findall(r'<tr( class="evidence")?>', panel.split("<tbody>")[1])
    assert ["e" if r else "f" for r in rows] == ["e", "f", "f", "f", "e", "f"]
    assert "<th>evidence</th>" not in panel
    assert_well_nested(page)


def test_labels_corrected_by_resolution_are_marked():
    entities = [{"article_id": "a", "entity_id": "person:ann-lee", "name": "Ann Lee", "label": "PERSON", "n_mentions": 2},
                {"article_id": "a", "entity_id": "person:bob-roe", "name": "Bob Roe", "label": "PERSON", "n_mentions": 1}]
    mention = lambda eid, text, ner: {"article_id": "a", "entity_id": eid, "text": text, "label": "PERSON",
                                      "start_char": TEXT.index(text), "end_char": TEXT.index(text) + len(text),
                                      "ner_label": ner}
    mentions = [mention("person:ann-lee", "Ann Lee", "PERSON"), mention("person:ann-lee", "Lee plays", "GPE"),
                mention("person:bob-roe", "Bob Roe", "PERSON")]
    page = render_page(_tables({"articles": [{"article_id": "a", "text": TEXT, "status": "ok"}],
                                "entities": entities, "mentions": mentions}))
    panel = _panel(page, "Entities")
    ann = re.search(r"<td>Ann Lee</td><td>(.*?)</td>", panel).group(1)
    bob = re.search(r"<td>Bob Roe</td><td>(.*?)</td>", panel).group(1)
    assert bob == "PERSON"
    assert ann.startswith('PERSON <abbr class="corrected"') and "NER said GPE for 1 of 2 mentions" in ann
    assert "was changed by the document-level resolution" in panel


def test_rows_from_before_ner_label_existed_are_not_marked():
    entities = [{"article_id": "a", "entity_id": "person:ann-lee", "name": "Ann Lee", "label": "PERSON", "n_mentions": 1}]
    mentions = [{"article_id": "a", "entity_id": "person:ann-lee", "text": "Ann Lee", "label": "PERSON",
                 "start_char": 0, "end_char": 7}]
    page = render_page(_tables({"articles": [{"article_id": "a", "text": TEXT, "status": "ok"}],
                                "entities": entities, "mentions": mentions}))
    assert "corrected" not in _panel(page, "Entities")


def test_page_fits_narrow_windows():
    page = render_page(_tables({"articles": [{"article_id": "a", "text": TEXT, "status": "ok"}]}))
    # Columns may shrink below their content's widest word, a panel too narrow for its table scrolls on its
    # own, and below 1,000 px the text and the tables stack.
    assert "grid-template-columns: minmax(0, 2fr) minmax(0, 3fr)" in page
    assert "section.panel { overflow-x: auto; }" in page
    assert re.search(r"@media \(max-width: 1000px\) \{\s*main \{ grid-template-columns: minmax\(0, 1fr\); \}", page)


def test_real_article_page_groups_relations_and_marks_corrections(outputs, tmp_path):
    page = _show(outputs, "etoile", tmp_path)
    relations = pd.read_parquet(outputs / "relations.parquet", filters=[("article_id", "==", "etoile")])
    panel = _panel(page, "Relations")
    assert panel.count('<tr class="evidence">') == relations["evidence"].nunique()
    mentions = pd.read_parquet(outputs / "mentions.parquet", filters=[("article_id", "==", "etoile")])
    corrected = mentions[mentions["ner_label"].notna() & (mentions["ner_label"] != mentions["label"])]
    assert _panel(page, "Entities").count('<abbr class="corrected" title=') == corrected["entity_id"].nunique()
