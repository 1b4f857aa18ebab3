"""Tests of the pipeline's assembly around the pretrained model."""
from pathlib import Path

import pytest
import spacy

from conftest import FIXTURES, SEED


def test_array_lemmatizer_gives_the_model_lemmatizers_lemmas(nlp):
    from pipeline.runner import DEFAULT_MODEL

    assert "array_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    model = spacy.load(DEFAULT_MODEL)
    texts = [p.read_text(encoding="utf-8") for p in [SEED, *sorted(Path(FIXTURES, "wikinews").glob("*.txt"))]]
    texts.append("")
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("array_lemmatizer") + 1]):
        ours = list(nlp.pipe(texts))
    theirs = list(model.pipe(texts))
    assert sum(len(doc) for doc in ours) > 1000
    for a, b in zip(ours, theirs):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_array_lemmatizer_keeps_lemmas_already_set(nlp):
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("array_lemmatizer")]):
        doc = nlp("She said it twice.")
    doc[1].lemma_ = "kept"
    nlp.get_pipe("array_lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["she", "kept", "it", "twice", "."]


def test_array_attribute_ruler_gives_the_model_rulers_matches_and_attributes(nlp):
    from pipeline.runner import DEFAULT_MODEL

    assert "array_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    model = spacy.load(DEFAULT_MODEL)
    texts = [p.read_text(encoding="utf-8") for p in [SEED, *sorted(Path(FIXTURES, "wikinews").glob("*.txt"))]]
    texts += ["", "I ain't gonna say nothin' ya know, y'all.\n\n  There's a cat."]
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(model.pipe(texts))
    ruler, ours = model.get_pipe("attribute_ruler"), nlp.get_pipe("array_attribute_ruler")
    assert [ours.match(doc) for doc in parsed] == [ruler.match(doc) for doc in parsed]
    # Given the same parse (ours: blank lines and titles guide the parser), both rulers set the same attributes.
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("array_attribute_ruler")]):
        ours_parsed = list(nlp.pipe(texts))
    for doc in ours_parsed:
        a, b = ours(doc.copy()), ruler(doc.copy())
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]


def test_attribute_rules_beyond_the_array_ruler_keep_spacys(nlp):
    from spacy.lang.en import English

    from pipeline.attribute_rules import compile_rules

    ruler = English().add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"LOWER": "new", "OP": "?"}]], {"POS": "DET"})
    assert compile_rules(ruler) is None
    ruler = English().add_pipe("attribute_ruler")
    ruler.add([[{"TAG": {"IN": ["NN", "NNS"]}}, {"LOWER": {"REGEX": "^s"}}]], {"POS": "NOUN"}, index=1)
    assert compile_rules(ruler) is not None


@pytest.mark.parametrize("headline", [
    "Jane Doe Says She Is So Happy After Split From Husband",
    "Jane Doe Opens Up About Her New Life In Paris",
    "Split for Jane Doe and husband after ten years",
])
def test_a_headline_on_its_own_line_ends_a_sentence_without_a_blank_line(nlp, headline):
    from pipeline.readers import read_text

    text = (f"{headline}\nJane Doe is doing well. The actress said she was \"happier than ever before\" in a chat."
            "\n\nHer next film opens in May.")
    article = read_text(text.encode(), "a1", "a1.txt")
    assert article.title == headline
    doc = nlp.make_doc(article.text)
    doc._.article_id, doc._.title = "a1", article.title
    doc = nlp(doc)
    first = next(iter(doc.sents))
    assert first.text.strip() == headline
    (quote,) = doc._.quotes
    assert quote.speaker == "Jane Doe"


@pytest.mark.parametrize("text, name, verb", [
    ("Mr Penrose-Hythe said the series would be filmed early next year.", "Penrose-Hythe", "said"),
    ("Winifred Osei-Lamb, who plays their mother, joined the cast in May.", "Osei-Lamb", "joined"),
    ("Yesterday Catherine Zeta-Jones told reporters she was delighted.", "Zeta-Jones", "told"),
])
def test_a_hyphenated_persons_name_has_one_head_in_the_parse(nlp, text, name, verb):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    heads = [t for t in span if t.head.i not in range(span.start, span.end)]
    assert [t.text for t in heads] == [span[-1].text]
    assert heads[0].head.text == verb


def test_a_hyphenated_name_that_is_no_person_keeps_its_parse(nlp):
    text = "Sharon Osbourne appears as a judge in the talent show The X-Factor alongside Simon Cowell."
    bare = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])(text)
    doc = nlp(text)
    assert [(t.head.i, t.dep_) for t in doc] == [(t.head.i, t.dep_) for t in bare]
