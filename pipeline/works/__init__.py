"""Work titles: a learned recogniser (`work_ner`, a spaCy NER trained on annotated titles) and its training.

- `corpus`: turns articles and their gold title lists into spaCy training documents.
- `recognizer`: adds the shipped model to a pipeline, sharing the base model's `tok2vec` when it can.
- `train`: one command that builds the corpus, trains with `spacy train` from `work_ner.cfg`, cross-validates
  by article and installs the model under `pipeline/models/work_ner/`.
- `corrections`: certain rules applied to the recogniser's titles once the parse is known (its parts: `edges`,
  `relabelling`, `construction_rules`, and the words they share in `correction_words`); `shapes` holds the
  span-level tests they use (names glued into one span, possessive owners, list members, makers after "by").
- The title filter, after the corrections: `candidates` (the distinct titles of an article with all their
  mentions) → `features` (the evidence for each) → `scorer` (a logistic regression stored as JSON, and the
  `work_filter` component); `train_filter` fits it on the out-of-fold output of `train`'s fold models.
"""
