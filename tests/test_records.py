"""Tests of the shared `Doc._` helpers."""
import spacy

from pipeline.records import doc_text


def test_doc_text_is_the_doc_text_and_is_kept():
    nlp = spacy.blank("en")
    doc = nlp("Charlotte Gainsbourg stars  in Étoile.\n")
    assert doc._.text is None
    assert doc_text(doc) == doc.text
    assert doc._.text == doc.text
    other = nlp("A different, longer text altogether.")
    other._.text = doc.text  # a text that is not this doc's is rebuilt
    assert doc_text(other) == other.text
    assert doc_text(nlp("")) == ""
