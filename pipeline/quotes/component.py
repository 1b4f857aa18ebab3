"""The `quote_attribution` spaCy component: finds every quotation of a document and attributes it."""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Quote, doc_text
from .article import Article
from .attribution import UNRESOLVED, Attribution
from .lexicon import Lexicon
from .scan import find_quotes, is_reported

log = logging.getLogger(__name__)


@Language.factory(
    "quote_attribution",
    default_config={"cues_file": "quote_cues.json", "names_file": "first_names.json"},
)
def make_quote_attribution(nlp: Language, name: str, cues_file: str, names_file: str) -> "QuoteAttribution":
    return QuoteAttribution(Lexicon.load(cues_file, names_file))


class QuoteAttribution:
    """Finds direct quotations and attributes them; never raises (a failing quote is kept, unattributed)."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        try:
            raws = find_quotes(text, with_short=True)
        except Exception:  # the scanner is a regex pass; a bug in it must not cost the article
            log.exception("quote scan failed")
            raws = []
        quotes: list[Quote] = []
        article = None
        try:
            article = Article(doc, raws, self.lex, text)
        except Exception:
            log.exception("quote attribution set-up failed")
        prefix = doc._.article_id or "doc"
        for i, q in enumerate(raws):
            attribution = Attribution(UNRESOLVED, None, None, None, "unresolved")
            evidence = text[q.open : q.close]
            if article is not None:
                try:
                    attribution = article.attribute(i)
                    evidence = article.evidence(q, attribution.cue)
                except Exception:
                    log.exception("attributing quote %d failed", i + 1)
            if not is_reported(text, q):
                continue  # a short quotation, attributed only for the quotes after it (see `scan.short_speech`)
            s = attribution.speaker
            quotes.append(
                Quote(
                    quote_id=f"{prefix}-q{len(quotes) + 1}",
                    text=text[q.start : q.end],
                    start_char=q.start,
                    end_char=q.end,
                    speaker=s.name,
                    speaker_id=s.entity_id,
                    speaker_text=s.text,
                    cue=attribution.cue_text,
                    outlet=attribution.outlet,
                    method=s.method if s.name else "unresolved",
                    confidence=round(s.confidence if s.name else UNRESOLVED.confidence, 3),
                    evidence=evidence,
                    rule=attribution.rule,
                )
            )
        doc._.quotes = quotes
        spans = [doc.char_span(q.start_char, q.end_char, label="QUOTE", alignment_mode="expand") for q in quotes]
        doc.spans["quotes"] = [s for s in spans if s is not None]
        return doc
