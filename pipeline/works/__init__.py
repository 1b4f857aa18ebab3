"""Work titles: a learned recogniser (`work_ner`, a spaCy NER trained on annotated titles) and its training.

- `corpus`: turns articles and their gold title lists into spaCy training documents.
- `recognizer`: adds the shipped model to a pipeline, sharing the base model's `tok2vec` when it can.
- `train`: one command that builds the corpus, trains with `spacy train` from `work_ner.cfg`, cross-validates
  by article and installs the model under `pipeline/models/work_ner/`.
"""
