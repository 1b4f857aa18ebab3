"""The `quote_attribution` spaCy component: finds every quotation of a document and attributes it."""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Quote, doc_text
from .article import Article
from .attribution import UNRESOLVED, Attribution
from .frames import mend_cue_lemmas
from .lexicon import Lexicon
from .scan import RawQuote, find_quotes, headline_only, is_reported

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
            if raws:
                mend_cue_lemmas(doc, self.lex.verbs)
            article = Article(doc, raws, self.lex, text)
        except Exception:
            log.exception("quote attribution set-up failed")
        prefix = doc._.article_id or "doc"
        attributed = []
        for i, q in enumerate(raws):
            attribution = Attribution(UNRESOLVED, None, None, None, "unresolved")
            evidence = text[q.open : q.close]
            if article is not None:
                try:
                    attribution = article.attribute(i)
                    evidence = article.evidence(q, attribution.cue)
                except Exception:
                    log.exception("attributing quote %d failed", i + 1)
            attributed.append((attribution, evidence))
        for i, q in enumerate(raws):
            attribution, evidence = attributed[i]
            if headline_only(text, q):
                # A headline's quote in title case or single marks ("Kenzie Marlowe Is Engaged: 'I Said Yes …'") is
                # the body's words: the body's speaker of them, else the headline's own, else (below) the report the
                # first sentence cites.
                attribution = repeated_in_body(text, raws, attributed, i) or attribution
            elif not is_reported(text, q):
                continue  # a short quotation, attributed only for the quotes after it (see `scan.short_speech`)
            if q.paragraph == 0 and not attribution.speaker.name and article is not None:
                # Headline words no one is found saying paraphrase the report the first sentence cites ("Melania
                # Trump 'will wear Ralph Lauren …'" over "…, Women's Wear Daily reported"), else no one named (the
                # words that name no one, "the rep said", kept as written).
                lead = article.lead_report()
                attribution = lead if lead.speaker.name else attribution
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


def repeated_in_body(text: str, raws: list[RawQuote], attributed: list, i: int):
    """Return the attribution of the first body quote that repeats headline quote `i`: the same first three words,
    or all of the headline's words inside it ("'I Said Yes Before He Finished'" and "I said yes before he even
    finished the question," Marlowe captioned), when it has a speaker; else None."""
    words = _words(text[raws[i].start : raws[i].end])
    for j, q in enumerate(raws):
        if j == i or q.paragraph == 0 or not attributed[j][0].speaker.name:
            continue
        body = _words(text[q.start : q.end])
        if body[:3] == words[:3] or " ".join(words) in " ".join(body):
            return attributed[j][0]
    return None


def _words(text: str) -> list[str]:
    return [w.strip("'’‘\".,!?;:").lower() for w in text.split() if w.strip("'’‘\".,!?;:")]
