"""Quote → speaker attribution: find every direct quotation and say who said it.

`scan.find_quotes` finds the quotations of `doc.text`; the `quote_attribution` component (`component.py`)
attributes each from its frame (`frames.py`: the text around it in its sentence, the dependency parse), resolves
the subject it finds to one of the article's entities (`resolution.py`, with its parts `roles.py`,
`antecedents.py`, `makers.py` and `speaker_words.py`), and falls back on the quotes and
sentences around it (`article.py`). Results go to `doc._.quotes` (a list of `Quote`) and `doc.spans["quotes"]`.
Word lists and patterns are data (`lexicon.py` reads `data/quote_cues.json`).
"""
from .component import QuoteAttribution, make_quote_attribution
from .scan import RawQuote, find_quotes

__all__ = ["QuoteAttribution", "RawQuote", "find_quotes", "make_quote_attribution"]
