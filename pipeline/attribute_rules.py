"""The model's attribute ruler, its patterns looked up by token value instead of run by spaCy's `Matcher`.

spaCy's `AttributeRuler` maps fine-grained tags to parts of speech and morphology, and fixes a few words
("gets" → lemma "get"), with about 180 token patterns. Its `Matcher` tries every pattern at every token, which is
about a tenth of the small model's time on news text, although nearly every pattern names the one tag or word its
first token must have. `ArrayAttributeRuler` files each pattern under that value, reads the tokens' attributes as
arrays (`pipeline.tokens`), and at each token checks only the patterns filed under its values (and the few that
name none); a pattern of one token that asks only for values ("TAG" NN and "LOWER" "something") needs no check
there, only a lookup of the token's other values. The matches are the `Matcher`'s, sorted as the ruler sorts
them, and applied as the ruler's own `set_annotations` applies them (without a Span per match): the same
attributes on the same tokens.

Patterns with anything but attribute values, `IN`, `NOT_IN` and `REGEX` (operators, other predicates, other
attributes) are beyond it; `compile_rules` then returns None and the pipeline keeps spaCy's ruler.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .tokens import TokenArrays

# Matcher attribute → `TokenArrays` list, in the order a pattern's first token is filed under one of them.
_COLUMNS = {"TAG": "tag", "LOWER": "lower", "ORTH": "text", "TEXT": "text", "POS": "pos", "DEP": "dep",
            "LEMMA": "lemma", "IS_SPACE": "is_space"}
_FLAGS = {"IS_SPACE"}

Check = tuple[str, str, object]  # (column, "==" | "in" | "not in" | "regex", value, set of values or regex)


class _Pattern:
    """One token pattern of rule `rule` (the ruler's attribute id), matched with id `key`."""

    def __init__(self, rule: int, key: int, tokens: list[list[Check]]):
        self.rule, self.key, self.tokens = rule, key, tokens
        # Filed under its first token's value (see `ArrayAttributeRuler`): when that value is all it asks, a token
        # filed there is a match without further checks.
        self.settled = False

    def matches(self, columns: dict[str, list], start: int, n: int) -> bool:
        if start + len(self.tokens) > n:
            return False
        for offset, checks in enumerate(self.tokens):
            for column, op, value in checks:
                found = columns[column][start + offset]
                if op == "==":
                    if found != value:
                        return False
                elif not _passes(op, value, found):
                    return False
        return True


def _passes(op: str, value, found) -> bool:
    """True when the token's value `found` passes the check `op` `value` ("in", "not in" or "regex")."""
    if op == "regex":
        return bool(value.search(found))  # the Matcher's REGEX: `re.search` on the attribute's string
    return (found in value) == (op == "in")


def _checks(spec: dict) -> Optional[list[Check]]:
    """Return the checks of one token of a pattern, or None when it uses what `_Pattern` does not read."""
    checks: list[Check] = []
    for attr, value in spec.items():
        column = _COLUMNS.get(attr.upper())
        if column is None:
            return None
        flag = attr.upper() in _FLAGS
        if isinstance(value, bool) if flag else isinstance(value, str):
            checks.append((column, "==", value))
        elif not flag and isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                and isinstance(next(iter(value.values())), list) \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            op, values = next(iter(value.items()))
            checks.append((column, "in" if op == "IN" else "not in", frozenset(values)))
        elif not flag and isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
            checks.append((column, "regex", re.compile(value["REGEX"])))
        else:
            return None
    return checks


def compile_rules(ruler: AttributeRuler) -> Optional[list[_Pattern]]:
    """Return the ruler's patterns, rule by rule, or None when one of them is beyond `_Pattern`."""
    out = []
    strings = ruler.vocab.strings
    for rule, entry in enumerate(ruler.patterns):
        key = strings[str(rule)]  # the Matcher key the ruler gave the rule
        for pattern in entry["patterns"]:
            tokens = [_checks(spec) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            out.append(_Pattern(rule, key, tokens))
    return out


@Language.factory("array_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_array_attribute_ruler(nlp: Language, name: str, source: str) -> "ArrayAttributeRuler":
    ruler = nlp.get_pipe(source)
    patterns = compile_rules(ruler)
    if patterns is None:
        raise ValueError(f"the patterns of {source!r} are beyond array_attribute_ruler; keep {source!r} itself")
    return ArrayAttributeRuler(ruler, patterns)


class _Filed:
    """The patterns filed under one value of a column: those checked at each token with the value, and the one-token
    patterns of values alone, by the other columns they name (→ those values → patterns)."""

    def __init__(self):
        self.checked: list[_Pattern] = []
        self.exact: dict[tuple[str, ...], dict[tuple, list[_Pattern]]] = {}


class ArrayAttributeRuler:
    """Applies an `AttributeRuler`'s patterns, found by the value of their first token (see the module's doc)."""

    def __init__(self, ruler: AttributeRuler, patterns: list[_Pattern]):
        self.ruler = ruler
        self.patterns = patterns
        self.index: dict[str, dict[object, _Filed]] = defaultdict(dict)  # column → value → patterns
        self.unfiled: list[_Pattern] = []  # patterns whose first token names no one value
        order = list(dict.fromkeys(_COLUMNS.values()))
        for pattern in patterns:
            anchors = [(column, op, value) for column, op, value in pattern.tokens[0] if op in ("==", "in")]
            if not anchors:
                self.unfiled.append(pattern)
                continue
            anchor = min(anchors, key=lambda check: order.index(check[0]))
            column, op, value = anchor
            filed = [self.index[column].setdefault(v, _Filed()) for v in (value if op == "in" else (value,))]
            if len(pattern.tokens) == 1 and all(op == "==" for _, op, _ in pattern.tokens[0]):
                # A match wherever a token has the anchor's value and the values of the other checks.
                others = list(pattern.tokens[0])
                others.remove(anchor)
                names, values = tuple(c for c, _, _ in others), tuple(v for _, _, v in others)
                filed[0].exact.setdefault(names, {}).setdefault(values, []).append(pattern)
                continue
            pattern.settled = len(pattern.tokens) == 1 and len(pattern.tokens[0]) == 1
            for entry in filed:
                entry.checked.append(pattern)
        self.columns = sorted({column for p in patterns for checks in p.tokens for column, _, _ in checks})

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Return what `AttributeRuler.match` returns: (rule, key, start, end) of every match, sorted."""
        tokens = TokenArrays(doc)
        columns = {column: getattr(tokens, column) for column in self.columns}
        n = len(doc)
        found = []
        for column, index in self.index.items():
            for start, value in enumerate(columns[column]):
                filed = index.get(value)
                if filed is None:
                    continue
                for pattern in filed.checked:
                    if pattern.settled or pattern.matches(columns, start, n):
                        found.append((pattern.rule, pattern.key, start, start + len(pattern.tokens)))
                for names, by_values in filed.exact.items():
                    for pattern in by_values.get(tuple(columns[name][start] for name in names), ()):
                        found.append((pattern.rule, pattern.key, start, start + 1))
        for pattern in self.unfiled:
            # Its first token's first check ("REGEX", "NOT_IN") tried once per value the doc holds, not per token.
            column, op, value = pattern.tokens[0][0]
            passing = {v for v in set(columns[column]) if _passes(op, value, v)}
            for start in (i for i, v in enumerate(columns[column]) if v in passing):
                if pattern.matches(columns, start, n):
                    found.append((pattern.rule, pattern.key, start, start + len(pattern.tokens)))
        found.sort()  # the ruler's order: by rule, so that a later rule's attributes win
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Set each match's attributes on its token, in the order of `matches`, as `AttributeRuler.set_annotations`
        does (which makes a Span of every match to find that token)."""
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, match_id, start, end in matches:
            index = indices[attr_id]
            i = (end if index < 0 else start) + index
            if not start <= i < end:  # (raises the ruler's own error for an index beyond the match)
                self.ruler.set_annotations(doc, [(attr_id, match_id, start, end)])
            set_token_attrs(doc[i], attrs[attr_id])
