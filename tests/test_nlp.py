"""Tests of the pipeline's assembly around the pretrained model."""
from pathlib import Path

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
