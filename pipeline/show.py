"""`python -m pipeline show ARTICLE_ID --outputs DIR`: one self-contained HTML page to review an article.

The page shows the article's cleaned text with its entity mentions highlighted by displaCy and its quotes
marked and linked to their speakers, and beside it the quotes, relations, dates and entities found, each
with its evidence. Everything is read from the output tables; no model is loaded. All text from the
tables is escaped: article text is untrusted input.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import math
import re
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Optional

import pandas as pd

from .runner import EXIT_OK, EXIT_USAGE
from .schema import TABLE_NAMES

_CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 1.5em; color: #222; }
header h1 { margin: 0 0 .2em 0; font-size: 1.5em; }
header .meta { color: #555; font-size: .9em; }
.status-ok { color: #1a7f37; font-weight: bold; }
.status-error { color: #b00020; font-weight: bold; }
.error { background: #fde8ea; border: 1px solid #b00020; padding: .8em; margin: 1em 0; white-space: pre-wrap; }
main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5em; align-items: start; }
article.text { font-size: 1.02em; border-right: 1px solid #ddd; padding-right: 1.5em; }
@media (max-width: 1000px) {
  main { grid-template-columns: minmax(0, 1fr); }
  article.text { border-right: none; padding-right: 0; }
}
mark.quote { background: #fff3c4; border-bottom: 2px solid #d4a000; padding: 0 .1em; }
mark.quote:target { outline: 2px solid #d4a000; }
sup.speaker { font-size: .75em; color: #8a6500; }
sup.speaker a { color: #8a6500; text-decoration: none; }
section.panel { margin-bottom: 1.5em; }
section.panel h2 { font-size: 1.1em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
table { border-collapse: collapse; width: 100%; font-size: .85em; }
th, td { border: 1px solid #e2e2e2; padding: .25em .4em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
section.panel { overflow-x: auto; }
section.quotes td:last-child { min-width: 12em; }
tr.evidence td { background: #fafafa; color: #444; border-top: 2px solid #ccc; }
abbr.corrected { color: #8a3ffc; font-size: .85em; text-decoration: underline dotted; cursor: help; }
th { background: #f5f5f5; }
tr:target { background: #fff8dc; }
mark.span { background: #ffe08a; padding: 0; }
.empty { color: #888; font-style: italic; }
.note { color: #555; font-size: .8em; }
"""


def main(args) -> int:
    """Run `python -m pipeline show` with parsed `args`; return the exit code."""
    try:
        tables = load_article(args.outputs, args.article_id)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    target = args.html or default_path(args.outputs, args.article_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_page(tables), encoding="utf-8")
    print(target)
    return EXIT_OK


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")


def default_path(outputs: Path, article_id: str) -> Path:
    """Return the default page path for `article_id`: `outputs/show/<id with / replaced by __>.html`.

    Ids that would not make a plain, short, unambiguous file name (other characters, over 120 characters, or
    `__` that would read back as `/`) get a readable prefix and a hash of the id: `<prefix>~<hash>.html`.
    Plain names never hold `~`, so no two ids share a page.
    """
    name = article_id.replace("/", "__")
    if _PLAIN_NAME.fullmatch(name) and name.replace("__", "/") == article_id:
        return outputs / "show" / f"{name}.html"
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    prefix = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:80].lstrip("._-")
    return outputs / "show" / f"{prefix}~{digest}.html"


def load_article(outputs: Path, article_id: str) -> dict[str, pd.DataFrame]:
    """Return the rows of `article_id` in every table, by table name.

    Raises FileNotFoundError when `outputs` holds no tables, KeyError (with a readable message) when the
    article is not in them.
    """
    articles_path = outputs / "articles.parquet"
    if not articles_path.exists():
        raise FileNotFoundError(f"no tables in {outputs} (run `python -m pipeline run INPUT --out {outputs}` first)")
    ids = pd.read_parquet(articles_path, columns=["article_id"])["article_id"].tolist()
    if article_id not in ids:
        close = difflib.get_close_matches(article_id, ids, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"article {article_id!r} is not in {outputs} ({len(ids)} articles){hint}")
    tables = {}
    for table in TABLE_NAMES:
        path = outputs / f"{table}.parquet"
        if path.exists():
            tables[table] = pd.read_parquet(path, filters=[("article_id", "==", article_id)])
        else:
            tables[table] = pd.DataFrame()
    return tables


def _value(value: Any) -> Any:
    """Return `value` with pandas' missing markers (None, NaN, NA) as None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _esc(value: Any) -> str:
    """Return `value` as escaped HTML text ('' when missing)."""
    value = _value(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return html.escape(str(value), quote=True)


def _records(frame: pd.DataFrame, order: list[str]) -> list[dict]:
    """Return the rows of `frame` as dicts with missing values as None, sorted by the columns `order`."""
    if frame.empty:
        return []
    frame = frame.sort_values([c for c in order if c in frame.columns], kind="stable")
    return [{k: _value(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _non_overlapping(spans: list[dict]) -> list[dict]:
    """Return the spans with valid offsets that do not overlap an earlier (or longer) kept one, by start."""
    kept, last_end = [], -1
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if span["start"] >= last_end and span["end"] > span["start"]:
            kept.append(span)
            last_end = span["end"]
    return kept


# Private-use characters: the Basic Multilingual Plane's, then planes 15 and 16.
_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))


def _sentinels(text: str) -> Optional[tuple[str, str]]:
    """Return two private-use characters absent from `text`, to mark quote boundaries through displaCy, or
    None when the text holds every one of them."""
    used = set(text)
    free = (chr(c) for block in _PRIVATE_USE for c in block if chr(c) not in used)
    pair = (next(free, None), next(free, None))
    return None if None in pair else pair


def article_html(text: str, mentions: list[dict], quotes: list[dict]) -> str:
    """Return `text` as HTML: mentions (`start`, `end`, `label`) highlighted by displaCy, quotes (`start`,
    `end`, `open`, `close` holding the HTML to wrap them in) wrapped around them, correctly nested.

    A mention that crosses a quote boundary is cut in two at the boundary, so the markup stays well formed.
    """
    from spacy import displacy

    size = len(text)
    ents = _non_overlapping([m for m in mentions if 0 <= m["start"] and m["end"] <= size])
    quotes = _non_overlapping([q for q in quotes if 0 <= q["start"] and q["end"] <= size])
    marks = _sentinels(text)
    if marks is None:  # no character left to mark quotes with: the quotes are still listed beside the text
        quotes, marks = [], ("", "")
    open_mark, close_mark = marks
    # Quote boundaries become characters in the text, so displaCy escapes around them like any text.
    inserts: dict[int, str] = {}
    for q in quotes:
        inserts[q["end"]] = inserts.get(q["end"], "") + close_mark
    for q in quotes:
        inserts[q["start"]] = inserts.get(q["start"], "") + open_mark
    positions = sorted(inserts)

    def shift(pos: int, inclusive: bool) -> int:
        return pos + sum(len(inserts[p]) for p in positions if p < pos or (inclusive and p == pos))

    pieces = []
    for ent in ents:
        cuts = [ent["start"], *(p for p in positions if ent["start"] < p < ent["end"]), ent["end"]]
        for start, end in zip(cuts, cuts[1:]):
            pieces.append({"start": shift(start, True), "end": shift(end, False), "label": html.escape(ent["label"])})
    marked = "".join(inserts.get(i, "") + ch for i, ch in enumerate(text)) + inserts.get(size, "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # displaCy warns when a text has no entities; an empty layer is fine
        rendered = displacy.render({"text": marked, "ents": pieces, "title": None}, style="ent", manual=True,
                                   page=False, jupyter=False)
    if not quotes:
        return rendered
    opens = iter(q["open"] for q in quotes)
    closes = iter(q["close"] for q in quotes)
    rendered = re.sub(re.escape(open_mark), lambda _: next(opens), rendered)
    return re.sub(re.escape(close_mark), lambda _: next(closes), rendered)


def _name(value: Any) -> str:
    """Return an identifier (`character_apposition`, `person:kelly-bishop`) escaped, breakable after `_` and `:`.

    Such names have no spaces, so without a break opportunity one of them sets the width of its column.
    """
    return re.sub(r"([_:])", r"\1<wbr>", _esc(value))


def _highlight(text: Optional[str], evidence: Optional[str], start: Any, end: Any) -> str:
    """Return `evidence` as escaped HTML with the span `text[start:end]` highlighted where it lies in it."""
    evidence = evidence or ""
    start, end = _value(start), _value(end)
    if not text or start is None or end is None or not 0 <= start <= end <= len(text):
        return html.escape(evidence)
    start, end = int(start), int(end)
    span = text[start:end]
    lo = max(0, end - len(evidence))
    at = text.find(evidence, lo, start + len(evidence)) if evidence else -1
    rel = start - at if at >= 0 else evidence.find(span)
    if not span or rel < 0:
        return html.escape(evidence) or f'<mark class="span">{html.escape(span)}</mark>'
    return (html.escape(evidence[:rel]) + f'<mark class="span">{html.escape(span)}</mark>'
            + html.escape(evidence[rel + len(span):]))


def _highlight_spans(text: str, evidence: Optional[str], spans: list[tuple[Any, Any]]) -> str:
    """Return `evidence` as escaped HTML with every span `text[start:end]` inside it highlighted."""
    evidence = evidence or ""
    spans = [(int(a), int(b)) for a, b in ((_value(a), _value(b)) for a, b in spans)
             if a is not None and b is not None and 0 <= a < b <= len(text)]
    if not text or not evidence or not spans:
        return html.escape(evidence)
    first = min(a for a, _ in spans)
    at = text.find(evidence, max(0, first - len(evidence)), first + len(evidence))
    if at < 0:
        return html.escape(evidence)
    marks = _non_overlapping([{"start": a - at, "end": b - at} for a, b in spans
                              if at <= a and b <= at + len(evidence)])
    out, pos = [], 0
    for mark in marks:
        out += [html.escape(evidence[pos:mark["start"]]),
                f'<mark class="span">{html.escape(evidence[mark["start"]:mark["end"]])}</mark>']
        pos = mark["end"]
    return "".join(out) + html.escape(evidence[pos:])


def _table(headers: list[str], rows: list, empty: str, row_ids: Optional[list[str]] = None) -> str:
    """Return an HTML table of already-escaped cells, or a note `empty` when there are no rows.

    A row is a list of cells, or a string: a full-width row (e.g. the evidence shared by the rows below it).
    """
    if not rows:
        return f'<p class="empty">{html.escape(empty)}</p>'
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    ids = row_ids or [""] * len(rows)
    body = "".join(
        f'<tr class="evidence"><td colspan="{len(headers)}">{row}</td></tr>' if isinstance(row, str)
        else (f'<tr id="{rid}">' if rid else "<tr>") + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
        for rid, row in zip(ids, rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _relation_rows(text: str, relations: list[dict]) -> list:
    """Return the Relations table rows: each evidence sentence once, as a full-width row, then its facts."""
    groups: dict[str, list[dict]] = {}
    for r in relations:
        groups.setdefault(r.get("evidence") or "", []).append(r)
    rows: list = []
    for evidence, facts in groups.items():
        rows.append(_highlight_spans(text, evidence, [(r.get("start_char"), r.get("end_char")) for r in facts]))
        rows += [[_name(r.get("relation")), _esc(r.get("subject")), _esc(r.get("object")), _esc(r.get("work")),
                  _esc(r.get("credit")), _name(r.get("rule")), _esc(r.get("confidence"))] for r in facts]
    return rows


def _label_html(entity: dict, mentions: list[dict]) -> str:
    """Return the entity's label, marked when resolution changed what NER said of some of its mentions."""
    label = entity.get("label")
    said = [m.get("ner_label") for m in mentions if m.get("entity_id") == entity.get("entity_id")]
    changed = Counter(n for n in said if n is not None and n != label)
    if not changed:
        return _esc(label)
    other = ", ".join(f"{name} for {n}" for name, n in changed.most_common())
    note = f"NER said {other} of {len(said)} mentions; document-level resolution decided {label}"
    return f'{_esc(label)} <abbr class="corrected" title="{_esc(note)}">corrected</abbr>'


def render_page(tables: dict[str, pd.DataFrame]) -> str:
    """Return the review page (a complete HTML document) for the one article whose rows are in `tables`."""
    article = _records(tables["articles"], ["article_id"])[0]
    text = article.get("text") or ""
    article_id = article["article_id"]
    entities = _records(tables["entities"], ["label", "name"])
    mentions = _records(tables["mentions"], ["start_char", "end_char"])
    quotes = _records(tables["quotes"], ["start_char"])
    relations = _records(tables["relations"], ["start_char", "relation", "subject", "object"])
    dates = _records(tables["dates"], ["start_char"])

    entity_anchor = {e["entity_id"]: f"entity-{i}" for i, e in enumerate(entities, 1)}

    def speaker_html(q: dict) -> str:
        name = _esc(q.get("speaker")) or '<span class="empty">unresolved</span>'
        anchor = entity_anchor.get(q.get("speaker_id"))
        return f'<a href="#{anchor}">{name}</a>' if anchor else name

    quote_spans = []
    for i, q in enumerate(quotes, 1):
        if q.get("start_char") is None or q.get("end_char") is None:
            continue
        who = _esc(q.get("speaker") or q.get("speaker_text")) or "unresolved"
        quote_spans.append({
            "start": int(q["start_char"]), "end": int(q["end_char"]),
            "open": f'<mark class="quote" id="quote-{i}" title="{_esc(q.get("quote_id"))}: {who}">',
            "close": f'</mark><sup class="speaker"><a href="#quote-row-{i}">q{i}</a> {speaker_html(q)}</sup>',
        })
    mention_spans = [
        {"start": int(m["start_char"]), "end": int(m["end_char"]), "label": m.get("label") or "ENTITY"}
        for m in mentions if m.get("start_char") is not None and m.get("end_char") is not None
    ]
    body = article_html(text, mention_spans, quote_spans) if text else '<p class="empty">no text</p>'

    quote_rows = [
        [f'<a href="#quote-{i}">q{i}</a>', speaker_html(q), _esc(q.get("speaker_text")), _esc(q.get("cue")),
         _esc(q.get("outlet")), _esc(q.get("method")), _esc(q.get("confidence")), _esc(q.get("text"))]
        for i, q in enumerate(quotes, 1)
    ]
    relation_rows = _relation_rows(text, relations)
    date_rows = [
        [_esc(d.get("text")), _esc(d.get("value")),
         f"{_esc(d.get('start'))} – {_esc(d.get('end'))}" if d.get("start") or d.get("end") else "",
         _esc(d.get("granularity")), _esc(d.get("mod")),
         _highlight(text, d.get("evidence"), d.get("start_char"), d.get("end_char"))]
        for d in dates
    ]
    entity_rows = [[_esc(e.get("name")), _label_html(e, mentions), _esc(e.get("n_mentions")), _name(e.get("entity_id"))]
                   for e in entities]

    status = article.get("status") or "unknown"
    meta = [f'status <span class="status-{_esc(status)}">{_esc(status)}</span>',
            f"published {_esc(article.get('published')) or 'unknown'}",
            f"source {_esc(article.get('source'))}",
            f"{_esc(article.get('n_words'))} words",
            f"pipeline {_esc(article.get('pipeline_version'))}, processed {_esc(article.get('processed_at'))}"]
    error = f'<div class="error"><strong>Error:</strong> {_esc(article.get("error"))}</div>' if article.get("error") else ""
    title = article.get("title") or article_id
    panels = [
        ("Quotes", _table(["#", "speaker", "as written", "cue", "outlet", "method", "confidence", "quote"],
                          quote_rows, "no quotes", [f"quote-row-{i}" for i in range(1, len(quotes) + 1)])),
        ("Relations", _table(["relation", "subject", "object", "work", "credit", "rule", "confidence"],
                             relation_rows, "no relations")),
        ("Dates", _table(["text", "value", "start – end", "granularity", "mod", "evidence"], date_rows, "no dates")),
        ("Entities", _table(["name", "label", "mentions", "entity id"], entity_rows, "no entities",
                            list(entity_anchor.values()))
         + ('<p class="note"><abbr class="corrected">corrected</abbr>: the label NER (the model and the '
            'entertainment rules) gave some mentions was changed by the document-level resolution; hover '
            'for what NER said.</p>' if "corrected</abbr>" in "".join(r[1] for r in entity_rows) else "")),
    ]
    side = "".join(f'<section class="panel {name.lower()}"><h2>{name}</h2>{content}</section>' for name, content in panels)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_esc(title)} · {_esc(article_id)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{_esc(title)}</h1>
<div class="meta">article <code>{_esc(article_id)}</code> · {" · ".join(meta)}</div>
{error}
</header>
<main>
<article class="text">{body}</article>
<aside>{side}</aside>
</main>
</body>
</html>
"""
