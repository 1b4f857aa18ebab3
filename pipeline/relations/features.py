"""Features: what the scorer knows of a candidate pair, as a list of binary feature names.

The names describe the construction, never the words of the names themselves: how the pair was found, the
dependency path between the two spans and the lemmas on it, cue lemmas (hyphenated words such as "co-star",
which spaCy splits into three tokens, are joined back), the words between, list and coordination membership,
apposition, relative and participle clauses (as dependency labels on the path), parentheses, possessives,
a passive "by", order and distance, the kind of work, the sentence's position and what the article calls the
subject elsewhere ("director Spike Lee" → the subject's profile says director).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .. import names
from .candidates import CUE_GROUPS as _CUES, Candidate, DocView
from .constructions import stated_facts

_DISTANCES = (0, 1, 2, 4, 7, 12, 20)
FIRST_NAMES = names.FIRST_NAMES


def _name_shape(name: str) -> list[str]:
    """Describe a subject's name by its shape, not its words: whether it starts with a known first name (people
    mostly do; awards, bookmakers and characters often do not), how many words it has."""
    parts = name.split()
    first = "first" if parts and parts[0].lower() in FIRST_NAMES else "nofirst"
    return [f"sname={first}", f"swords={min(len(parts), 3)}"]


_NP_INNER = {"NOUN", "ADJ", "PROPN", "NUM", "PUNCT", "CCONJ", "DET", "PART"}


def _adjacent(view: DocView, subject: tuple[int, int], obj: tuple[int, int], kind: str) -> list[str]:
    """Name the tight constructions that join a name and a title with no verb, with the kind of work:
    "Name (Title)" and "Title (Name)" (nominee and cast lists), and "Name's [modifiers] Title" ("Vin Diesel's
    family comedy The Pacifier", "AC/DC's Highway to Hell")."""
    (s0, s1), (o0, o1) = subject, obj
    texts, n = view.texts, len(view.texts)
    out = []
    for a1, b0, b1, name in ((s1, o0, o1, "paren_SO"), (o1, s0, s1, "paren_OS")):
        if a1 < n and texts[a1] == "(" and b0 == a1 + 1 and b1 < n and texts[b1] == ")":
            out += [name, f"{name}|{kind}"]
    if s1 < o0 and s1 < n and texts[s1] in ("'s", "’s", "'", "’") and o0 - s1 <= 5 \
            and all(view.pos[i] in _NP_INNER and texts[i] not in (".", ";", ":") for i in range(s1 + 1, o0)):
        out += ["poss_np", f"poss_np|{kind}"]
    return out


def words(doc: Doc) -> list[str]:
    """Return each token's lower-case lemma, hyphenated words joined onto their last token ("co-star")."""
    return DocView(doc).words


class Featurizer:
    """Builds feature names for the candidates of one document (per-document arrays computed once)."""

    def __init__(self, view: DocView):
        self.view = view
        self.words = view.words
        depth, paren = 0, []
        for text in view.texts:
            if text in (")", "]"):
                depth = max(0, depth - 1)
            paren.append(depth > 0)
            if text in ("(", "["):
                depth += 1
        self.paren = paren
        self.profiles = view.profiles
        self._works: dict[int, list[tuple[int, int]]] = {}
        self._people: dict[int, list[tuple[int, int]]] = {}
        for ent in view.works:
            self._works.setdefault(view.sent_of[ent.start], []).append((ent.start, ent.end))
        for ent in view.subjects:
            self._people.setdefault(view.sent_of[ent.start], []).append((ent.start, ent.end))
        # Per sentence, its cue words in text order: (token, cue group).
        self.cues: list[list[tuple[int, str]]] = [[] for _ in view.sents]
        for i, word in enumerate(self.words):
            if word in _CUES:
                self.cues[view.sent_of[i]].append((i, _CUES[word]))
        # Tokens with a conjunct among their children ("X and Y": X).
        self.conj_heads = {h for j, (d, h) in enumerate(zip(view.dep, view.head)) if d == "conj" and h != j}
        self._roots: dict[tuple[int, int], int] = {}

    def root(self, start: int, end: int) -> int:
        """Return the syntactic root of the span `start`–`end` (spaCy's `Span.root`), once per span."""
        found = self._roots.get((start, end))
        if found is None:
            found = self._roots[(start, end)] = self.view.doc[start:end].root.i
        return found

    def works_in(self, k: int) -> list[tuple[int, int]]:
        return self._works.get(k, [])

    def people_in(self, k: int) -> list[tuple[int, int]]:
        return self._people.get(k, [])

    def __call__(self, cand: Candidate, conjoined: Optional[dict[str, frozenset[str]]] = None) -> list[str]:
        """Return the features of `cand`, each also conjoined with how the pair was found: a path, a cue or a
        distance weighs differently inside one sentence than across sentences ("src=topic|dist=far").

        `conjoined` (a scorer's `Head.conjoined`): only the conjoined features a scorer knows, by source, are
        made; it gives the others no weight, so its scores are the same."""
        features = self._features(cand)
        source = f"src={cand.source}|"
        if conjoined is not None:
            known = conjoined.get(cand.source, frozenset())
            return features + [source + f for f in features if f in known]
        return features + [source + f for f in features if f != "bias" and not f.startswith("src=")]

    def _features(self, cand: Candidate) -> list[str]:
        view, words, texts, n = self.view, self.words, self.view.texts, len(self.words)
        sent = view.sents[cand.sent]
        s0, s1 = cand.subject
        f = [f"src={cand.source}", f"slab={cand.subject_label}", "bias"]
        family = "in" if cand.source in ("sentence", "character-cue", "played-by", "parens") else "dis"
        f.append(f"fam={family}")
        for noun in self.profiles.get(cand.subject_id, ()):
            f.append(f"prof={noun}")
            f.append(f"prof={_CUES.get(noun, 'role')}")
        f.extend(_name_shape(cand.subject_name))
        count = view.mention_counts.get(cand.subject_id, 0)
        f.append(f"smc={min(count, 3)}")
        f.append(f"sent={min(cand.sent, 2)}")
        f.append(f"nworks={min(len(self.works_in(cand.sent)), 3)}")
        f.append(f"npeople={min(len(self.people_in(cand.sent)), 4)}")
        f.append(f"para={min(view.paragraph_of_sent[cand.sent], 2)}")
        if cand.kind == "work":
            kind = view.work_type.get(cand.object_text.lower())
            f.append(f"otype={kind or 'unknown'}")
        # cue lemmas anywhere in the sentence, by group and by lemma
        groups = set()
        for i, group in self.cues[cand.sent]:
            if not (s0 <= i < s1):
                groups.add(group)
                f.append(f"{family}|sc={words[i]}")
        f.extend(f"{family}|scg={g}" for g in groups)
        f.extend(self._context("s", s0, s1, sent))
        if self.paren[s0]:
            f.append("s_paren")
        if s1 < n and texts[s1] in ("'s", "’s", "'", "’"):
            f.append("s_poss")
        if s0 > 0 and view.lower[s0 - 1] == "by":
            f.append("s_by")
            f.append(f"s_by={words[view.head[s0 - 1]]}")
        dep, head = view.dep, view.head
        sroot = self.root(s0, s1)
        f.append(f"sdep={dep[sroot]}")
        f.append(f"shead={words[head[sroot]]}")
        if sroot in self.conj_heads or dep[sroot] == "conj":
            f.append("s_conj")
        if cand.object is None:
            f.append("obj=none")
            return f
        o0, o1 = cand.object
        f.extend(self._context("o", o0, o1, sent))
        if self.paren[o0]:
            f.append("o_paren")
        if o1 < n and texts[o1] in ("'s", "’s"):
            f.append("o_poss")
        oroot = self.root(o0, o1)
        f.append(f"odep={dep[oroot]}")
        f.append(f"ohead={words[head[oroot]]}")
        if oroot in self.conj_heads or dep[oroot] == "conj":
            f.append("o_conj")
        if cand.kind == "work":
            works = self.works_in(cand.sent)
            people = self.people_in(cand.sent)
            if works and (o0, o1) == min(works, key=lambda w: abs(w[0] - s0)):
                f.append("o_nearest_to_s")
            if people and (s0, s1) == min(people, key=lambda p: abs(p[0] - o0)):
                f.append("s_nearest_to_o")
            if works and (o0, o1) == works[0]:
                f.append("o_first_work")
        before = s1 <= o0
        f.extend(_adjacent(view, (s0, s1), (o0, o1), view.work_type.get(cand.object_text.lower()) or "unknown"))
        f.append(f"ord={'SO' if before else 'OS'}")
        gap_start, gap_end = (s1, o0) if before else (o1, s0)
        gap = max(0, gap_end - gap_start)
        f.append(f"dist={next((d for d in _DISTANCES if gap <= d), 'far')}")
        if gap <= 10:
            between = words[gap_start:gap_end]
            for w in between:
                f.append(f"bw={w}")
            if gap <= 3:
                f.append(f"bwseq={'_'.join(between)}")
        labels = {view.ent_at[i].label_ for i in range(gap_start, gap_end) if i in view.ent_at}
        if "PERSON" in labels:
            f.append("bw_person")
        if "WORK_OF_ART" in labels:
            f.append("bw_work")
        for w in (",", "and", "(", ":", ";", "-", "–"):
            if w in words[gap_start:gap_end]:
                f.append(f"bw_has={w}")
        f.extend(self._path(sroot, oroot))
        # the same path from the heads of the lists and appositions the two spans belong to
        shead, ohead = _coordination_head(view, sroot), _coordination_head(view, oroot)
        if (shead, ohead) != (sroot, oroot) and shead != ohead:
            f.extend("c" + name for name in self._path(shead, ohead) if name.startswith(("path=", "pathlex=", "lca=")))
        if dep[sroot] == "appos" and o0 <= head[sroot] < o1 or dep[oroot] == "appos" and s0 <= head[oroot] < s1:
            f.append("appos")
        f.extend(f"stated={relation}" for relation in dict.fromkeys(r for r, _ in stated_facts(view, cand)))
        if cand.kind == "role":
            f.append(f"clab={view.ent_at[o0].label_ if o0 in view.ent_at else 'none'}")
            f.append(f"cwork={'yes' if cand.work else 'no'}")
        return f

    def _context(self, side: str, start: int, end: int, sent) -> list[str]:
        words = self.words
        f = []
        for k, i in ((1, start - 1), (2, start - 2)):
            f.append(f"{side}l{k}={words[i] if i >= sent.start else '<s>'}")
        for k, i in ((1, end), (2, end + 1)):
            f.append(f"{side}r{k}={words[i] if i < sent.end else '</s>'}")
        if start - 1 >= sent.start and start - 2 >= sent.start:
            f.append(f"{side}l12={words[start - 2]}_{words[start - 1]}")
        return f

    def _path(self, a: int, b: int) -> list[str]:
        """Return the dependency path features between tokens `a` (subject) and `b` (object)."""
        words, dep, head = self.words, self.view.dep, self.view.head
        up_a = _ancestors(head, a)
        up_b = _ancestors(head, b)
        on_b = set(up_b)
        common = next((t for t in up_a if t in on_b), None)
        if common is None:
            return ["path=none"]
        left = up_a[: up_a.index(common)]
        right = up_b[: up_b.index(common)]
        deps = [f"{dep[i]}↑" for i in left] + [f"{dep[i]}↓" for i in reversed(right)]
        f = [f"plen={min(len(deps), 6)}", f"lca={words[common]}", f"lcapos={self.view.pos[common]}"]
        if len(deps) <= 5:
            f.append(f"path={' '.join(deps)}")
            f.append(f"pathlex={' '.join(deps[:len(left)])} {words[common]} {' '.join(deps[len(left):])}")
        f.extend(f"pdep={d}" for d in deps)
        for i in left[1:] + right[1:] + [common]:
            if i not in (a, b):
                f.append(f"pl={words[i]}")
        return f


def _coordination_head(view: DocView, i: int) -> int:
    """Return the first conjunct of the list token `i` is in, through appositions ("X and Y", "X, the actress")."""
    dep, head = view.dep, view.head
    steps = 0
    while dep[i] in ("conj", "appos") and head[i] != i and steps < 10:
        i = head[i]
        steps += 1
    return i


def _ancestors(head: list[int], i: int) -> list[int]:
    """Return token `i` and its heads up to the root (at most 40 tokens), given each token's head."""
    out = [i]
    while head[out[-1]] != out[-1] and len(out) < 40:
        out.append(head[out[-1]])
    return out


def featurize(view: DocView, candidates: list[Candidate], featurizer: Optional[Featurizer] = None) -> list[list[str]]:
    """Return the feature names of each candidate."""
    featurizer = featurizer or Featurizer(view)
    return [featurizer(c) for c in candidates]
