"""`TokenArrays` reads what the Token objects say, attribute by attribute."""
from pathlib import Path

from conftest import FIXTURES, SEED

from pipeline.tokens import TokenArrays


def test_token_arrays_match_the_token_attributes(nlp):
    texts = [p.read_text(encoding="utf-8") for p in [SEED, *sorted(Path(FIXTURES, "wikinews").glob("*.txt"))]]
    docs = list(nlp.pipe(texts))
    assert sum(len(doc) for doc in docs) > 1000
    for doc in docs:
        arrays = TokenArrays(doc)
        assert len(arrays) == len(doc)
        assert arrays.text == [t.text for t in doc]
        assert arrays.lower == [t.lower_ for t in doc]
        assert arrays.lemma == [t.lemma_ for t in doc]
        assert arrays.pos == [t.pos_ for t in doc]
        assert arrays.tag == [t.tag_ for t in doc]
        assert arrays.dep == [t.dep_ for t in doc]
        assert arrays.head == [t.head.i for t in doc]
        assert arrays.whitespace == [bool(t.whitespace_) for t in doc]
        assert arrays.sent_start == [bool(t.is_sent_start) for t in doc]
        assert arrays.is_alpha == [t.is_alpha for t in doc]
        assert arrays.is_lower == [t.is_lower for t in doc]


def test_token_arrays_of_an_empty_doc(nlp):
    arrays = TokenArrays(nlp.make_doc(""))
    assert arrays.text == arrays.pos == arrays.head == arrays.sent_start == []


def test_token_arrays_before_the_parse(nlp):
    doc = nlp.make_doc("Sofia Coppola directed it.")
    arrays = TokenArrays(doc)
    assert arrays.text == ["Sofia", "Coppola", "directed", "it", "."]
    assert arrays.dep == [""] * 5 and arrays.head == [0, 1, 2, 3, 4]
    assert arrays.sent_start == [bool(t.is_sent_start) for t in doc]
