"""Constructions: the few shapes of English that state a relation outright, read off the words between the pair.

The scorer learns from a few hundred articles, where "X was directed by Y" may occur a handful of times; these
shapes are certain whatever the training data saw, so a pair in one of them is a fact (an override of the
scorer) and the shape is also one of its features. They are read from the words between the two names, not
from the parse, which the small model often gets wrong on short sentences ("Meryl Streep stars" as a noun):

- passive "by": "The film W was directed by X", "W, written by X and Y,", "W, which was produced by X",
  "W is a 1936 film directed by X", "The song was co-written by producer X" (a definite reference as the work);
- definition "by": "W is the fourth studio album by rock band X", "W is a 1990 novel by X", the credit given by the
  kind of work (`kind_credits`: performer of an album or song, writer of a book or play, director of a film);
- active creator verb: "X directed W", "X wrote and directed the film W";
- cast: "X stars in W", "X and Y appear in the series W", "W, starring X and Y";
- object relative: "W, the 2015 smash that X co-wrote and sang", "the album W, which X produced", "W, the film
  that X starred in": the verbs after the subject, with no object of their own, are what X did to W;
- award: "X for W" in an award's category, which tells the relation ("the best actress nominees include X for W",
  "X won best director for W"; `award_categories`);
- role: a person who is the subject of "play", "portray", "voice" or "stars as", and the name after it, past a
  description ("X plays Y", "X, who plays brooding lifeguard Y in W", "X will co-star as Z's wife, Y", "X, 30, is
  to play a vampire named Y"); not a name an organisation, place, event or title label claims ("the band played
  Wembley", "she played Hey Jude").

Between the two spans, other names of a list are skipped ("directed by X and Y": Y too), determiners are
ignored and a kind noun ("film", "album") may stand before the title, with a channel's, studio's or star's name
before it ("the BBC Three sitcom W") or an owner's ("ITV's W"); an age set off after the subject ("X, 31,
directed W") is passed over, a perfect and a casting's future read as the simple tense ("X has directed W", "X will
star in W"), and a negation ("never", "not") keeps a pair from being stated. "The film stars X" states the cast
only when "the film" is the article's own work. The verb's cue group comes from
`relation_words.json` (`cues`): director, writer, producer, creator and composer verbs give that credit.
"""
from __future__ import annotations

from typing import Optional

from .candidates import (CUE_GROUPS as _GROUP, POSSESSIVE_MARKS, WORDS, Candidate, DocView, character_cue,
                         character_name_start, modified_head, role_noun_after, topic_work)

_KINDS = WORDS.get("title_types", {})  # film, album, series, … → the kind of work
_KIND_CREDIT = WORDS.get("kind_credits", {})  # "an album by X": performer, "a novel by X": writer
CREATOR_GROUPS = {"director", "writer", "producer", "creator", "composer"}
CAST_VERBS = {"star", "co-star", "appear"}
_SKIP = {"the", "a", "an", "his", "her", "their", "its", "new", "latest", "hit"}
_NEGATIONS = {"not", "n't", "never"}  # kept between the pair: a negated verb states nothing
_NAME_LABELS = {"PERSON", "ORG"}
_QUOTE_MARKS = {'"', "“", "”", "``", "''"}
_CATEGORIES = WORDS.get("award_categories", {})  # actress → cast, director → director, …
_CATEGORY_MARKS = {"best", "good", "supporting", "support", "lead", "leading"}  # an award category's first words, and their lemmas
_PROFILE = WORDS.get("profile_nouns", {})  # "whose films include", "her hits include": what the list states
_POSSESSIVES = {"his", "her", "their"}
_CO_NOUNS = {"co-star"}  # "X's W co-star Y": both are in W's cast
_PRIZES = {"award", "prize", "nomination", "nod", "gong", "trophy", "category"}


def _between(view: DocView, start: int, end: int) -> list[tuple[str, str]]:
    """Return the (word, tag) sequence between two spans: names as ("P", ""), kind nouns as ("K", kind)."""
    texts, space = view.texts, view.tokens.whitespace
    out: list[tuple[str, str]] = []
    i = start
    while i < end:
        ent = view.ent_at.get(i)
        if ent is not None and ent.label_ in _NAME_LABELS:
            out.append(("P", ""))
            i = ent.end
            continue
        word, tag = view.words[i], view.tag[i]
        if not space[i] and (texts[i] == "-" or i + 1 < end and texts[i + 1] == "-"):
            i += 1  # "co - written": the joined word ("co-write") is on the hyphenated word's last token
            continue
        if texts[i] in _QUOTE_MARKS:
            i += 1  # a title's quotation marks ('X produced "This Is What You Came For"')
            continue
        if word in _KINDS and tag != "VBG":  # not "playing", "filming", "recording": verbs, no kind of work
            out.append(("K", _KINDS[word]))  # the kind stands where a word's tag would
        elif word not in _SKIP and (tag not in ("RB", "RBR") or word in _NEGATIONS):  # "was later produced by";
            out.append((word, tag))  # not "would rather not appear in", "never starred in"
        i += 1
    out.append(("P", ""))  # the name that follows the stretch
    k = len(out) - 1
    while k > 0:  # "by producer Bob Crewe", "by British singer Rob Fisher": the role words before a name go
        if out[k][0] == "P":
            j = k
            while j > 0 and out[j - 1][1] in ("NN", "JJ"):
                j -= 1
            while j < k and j > 0 and out[j - 1][1] in ("NNP", "NN", "JJ"):
                j -= 1  # "by Oscar winner X", "by Grammy-winning producer X": a name modifying the role noun
            del out[j:k]
            k = j
        k -= 1
    return out[:-1]


def _drop_list(seq: list[tuple[str, str]], at_start: bool) -> list[tuple[str, str]]:
    """Remove the other members of a list of names next to the subject ("X, Y and" / "and Y")."""
    words = [w for w, _ in seq]
    while True:
        for size, shape in ((2, [",", "P"]), (2, ["and", "P"]), (3, [",", "and", "P"])):
            if at_start and words[:size] == shape:
                words, seq = words[size:], seq[size:]
                break
            if not at_start and words[-size:] == list(reversed(shape)):
                words, seq = words[:-size], seq[:-size]
                break
        else:
            return seq


def stated(view: DocView, cand: Candidate) -> Optional[tuple[str, Optional[str]]]:
    """Return the (relation, credit) a certain construction states of the pair (the first, when it states two),
    else None."""
    found = stated_facts(view, cand)
    return found[0] if found else None


def stated_facts(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return every (relation, credit) the certain constructions state of the pair: one per verb of a
    coordination ("X wrote and starred in W", "X wrote and directed W"), else at most one.

    Kept per document (`view.constructions`): the candidate's features and its fact both ask.
    """
    if cand not in view.constructions and cand.kind == "role":
        role = _stated_role(view, cand)
        view.constructions[cand] = (role,) if role else ()
    if cand not in view.constructions:
        stretch = _subject_first(view, cand)
        single = _stated(view, cand, stretch)
        coordinated = _coordinated(*stretch) if stretch is not None else (
            _passive_coordinated(view, cand) or _by_and_starring(view, cand))
        view.constructions[cand] = coordinated or ((single,) if single else ()) or _object_relative(view, cand) \
            or _profile_list(view, cand) or _conjoined_passive(view, cand) or _owned_role(view, cand) \
            or _own_record(view, cand)
    return view.constructions[cand]


Stretch = tuple[list[str], list[tuple[str, str]]]


def _subject_first(view: DocView, cand: Candidate) -> Optional[Stretch]:
    """Return the (words, tagged sequence) between a subject written before its title in one sentence, read as
    `_between` reads them, without a list's other names, the kind nouns before the title, a relative "who" and a
    perfect tense's "have"; None for any other pair."""
    if cand.kind != "work" or cand.object is None or cand.source not in ("sentence", "reference"):
        return None
    (s0, s1), (o0, _) = cand.subject, cand.object
    if not s1 <= o0 or view.sent_of[o0] != view.sent_of[s0]:
        return None
    seq = _trim_kind(_drop_list(_between(view, s1, o0), at_start=True))
    words = [w for w, _ in seq]
    if len(seq) > 3 and words[0] == words[2] == "," and seq[1][1] == "CD":  # "X, 31, co-wrote and starred in W"
        words, seq = (words[2:], seq[2:]) if words[3] in ("who", "which") else (words[3:], seq[3:])
    if words[:2] in ([",", "who"], [",", "which"]):
        words, seq = words[2:], seq[2:]
    return _future(*_perfect(words, seq))


def _coordinated(words: list[str], seq: list[tuple[str, str]]) -> tuple[tuple[str, Optional[str]], ...]:
    """Return the facts coordinated verbs between a subject and its work state, one per verb, when they state
    more than one: "X created and stars in W", "X wrote, directed and starred in the film W", "X stars in and
    produced W", "X wrote and directed W" (a credit each); () for any other shape."""
    if not seq or seq[0][1] not in ("VBD", "VBZ", "VBP"):
        return ()
    groups, group = [], []
    for word in words:
        if word in (",", "and"):
            if group:
                groups.append(group)
            group = []
        else:
            group.append(word)
    groups.append(group)
    facts = []
    for group in groups:
        if len(group) == 1 and _GROUP.get(group[0]) in CREATOR_GROUPS:
            facts.append(("creator_work", _GROUP[group[0]]))
        elif group in (["star", "in"], ["co-star", "in"], ["appear", "in"], ["star", "on"], ["co-star", "on"]):
            facts.append(("cast_member", None))
        else:
            return ()
    facts = list(dict.fromkeys(facts))
    return tuple(facts) if len(facts) >= 2 else ()


def _title_first(view: DocView, cand: Candidate) -> Optional[list[tuple[str, str]]]:
    """Return the tagged words between a title written before its subject in one sentence (read as `_between`
    reads them, without a list's other names and the opening comma, relative pronoun and "be"); None for any other
    pair."""
    if cand.kind != "work" or cand.object is None or cand.source not in ("sentence", "reference"):
        return None
    (s0, _), (_, o1) = cand.subject, cand.object
    if o1 > s0 or view.sent_of[o1 - 1] != view.sent_of[s0]:
        return None
    seq = _drop_list(_between(view, o1, s0), at_start=False)
    while seq and seq[0][0] in (",", "which", "that", "be"):
        seq = seq[1:]
    return seq


def _passive_coordinated(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return the credits of coordinated participles before "by" when the title comes first, one each: "W was
    written and directed by X", "W, written, directed and produced by X,"; () for any other shape."""
    seq = _title_first(view, cand)
    if seq is None:
        return ()
    if len(seq) < 4 or seq[-1][0] != "by":
        return ()
    credits = []
    for k, (word, tag) in enumerate(seq[:-1]):
        if k % 2 == 0:
            if tag != "VBN" and not (tag == "VBD" and k) or _GROUP.get(word) not in CREATOR_GROUPS:
                return ()
            credits.append(_GROUP[word])
        elif word not in (",", "and"):
            return ()
    if len(seq) % 2 or len(set(credits)) < 2:
        return ()
    return tuple(("creator_work", credit) for credit in dict.fromkeys(credits))


def _by_and_starring(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return the two facts of "W, written by and starring X" (and "directed by and starring", "starring and
    directed by"): the maker's credit and the cast; () for any other shape."""
    seq = _title_first(view, cand)
    if seq is None:
        return ()
    words = [w for w, _ in seq]
    if len(words) == 4 and words[1:] == ["by", "and", "star"] and seq[0][1] == "VBN" and seq[3][1] == "VBG":
        verb = words[0]
    elif len(words) == 4 and words[:2] == ["star", "and"] and words[3] == "by" and seq[2][1] == "VBN":
        verb = words[2]
    else:
        return ()
    if _GROUP.get(verb) not in CREATOR_GROUPS:
        return ()
    return ("creator_work", _GROUP[verb]), ("cast_member", None)


def _perfect(words: list[str], seq: list[tuple[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Read a perfect tense as the simple one: "X has directed W" as "X directed W"."""
    if words[:1] == ["have"] and len(seq) > 1 and seq[1][1] == "VBN":
        return words[1:], [(seq[1][0], "VBD")] + seq[2:]
    return words, seq


# What makes a verb's plain form a future: "X will star in W", "X is to star in W", "X is set to appear in W".
_FUTURES = (["will"], ["be", "to"], ["be", "set", "to"], ["be", "due", "to"], ["be", "go", "to"])


def _future(words: list[str], seq: list[tuple[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Read a casting's future as the simple tense: "X will star in W", "X is set to appear in W", "W will star X"
    as "X stars in W", "W stars X". Not a past plan ("X was set to star in W but dropped out") nor a condition ("X
    would star in W if …"), and only casting: a maker's future ("X will adapt W", "X is to direct W") is a plan the
    annotated articles do not count as a credit. "X went on to star in W" is what X did: the past tense."""
    if words[:3] == ["go", "on", "to"] and len(seq) > 3 and seq[0][1] == "VBD" and seq[3][1] == "VB":
        return words[3:], [(seq[3][0], "VBD")] + seq[4:]  # "X went on to star in W", "… went on to direct W": done
    for future in _FUTURES:
        n = len(future)
        if words[:n] == future and len(seq) > n and seq[n][1] == "VB" and words[n] in CAST_VERBS \
                and (future[0] != "be" or seq[0][1] in ("VBZ", "VBP")):
            return words[n:], [(seq[n][0], "VBZ")] + seq[n + 1:]
    return words, seq


def _trim_kind(seq: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop the kind nouns ending the stretch before a title and their modifiers ("in the 2014 thriller W", "hosts the
    cooking competition series W", "stars in the cult teen drama W")."""
    if seq and seq[-1][0] == "K":
        while seq and (seq[-1][0] == "K" or seq[-1][1] in ("CD", "JJ", "NN", "VBG")):  # "the hit sitcom"
            seq = seq[:-1]
        if seq and seq[-1][1] == "POS":
            seq = seq[:-1]
        if seq and seq[-1][0] == "P":  # "in the BBC Three sitcom W", "directed the Tom Hanks film W": the name
            seq = seq[:-1]  # of a channel, studio or star describes the kind
            while seq and seq[-1][1] in ("CD", "JJ"):  # "the acclaimed HBO drama"
                seq = seq[:-1]
    elif len(seq) > 2 and seq[-1][1] == "POS" and seq[-2][0] == "P":
        seq = seq[:-2]  # "starred in ITV's W": the owner of the title
    return seq


def _stated(view: DocView, cand: Candidate, stretch: Optional[Stretch]) -> Optional[tuple[str, Optional[str]]]:
    if cand.kind != "work" or cand.object is None or cand.source not in ("sentence", "reference", "nominal"):
        return None
    (s0, s1), (o0, o1) = cand.subject, cand.object
    n = len(view.doc)
    end = o1 + 1 if o1 < n and view.texts[o1] in _QUOTE_MARKS else o1  # 'the "Dry Creek" star'
    head = modified_head(view, end)
    if head is not None and (cand.source == "nominal" and head == s1 - 1 or cand.source == "sentence" and head + 1 == s0):
        return _role_noun(view.words[head])  # "the Hunger Games star", "X Files actress Gillian Anderson"
    if head is not None and view.joined[head] in _CO_NOUNS and cand.source == "sentence" and s1 < o0 \
            and view.texts[s1] in POSSESSIVE_MARKS and all(view.texts[i] in _QUOTE_MARKS for i in range(s1 + 1, o0)):
        return "cast_member", None  # "X's Dry Creek co-star Y": X is in the cast too
    if cand.source == "nominal":
        return None
    if view.sent_of[o0] != view.sent_of[s0]:
        return None
    if stretch is not None:  # subject first: "X directed W", "X stars in W"
        words, seq = stretch
        if words == ["in"] and _partner_of_cast(view, s0):
            return "cast_member", None  # "X starred opposite Y in W": Y too
        if words in (["star", "in"], ["co-star", "in"], ["appear", "in"], ["star", "on"], ["co-star", "on"]):
            return "cast_member", None  # "X stars on the ABC sitcom W" too
        if _known_as_character(words, seq):
            return "cast_member", None
        if words in (["host"], ["co-host"], ["present"], ["front"]) and seq[0][1] in ("VBD", "VBZ", "VBP") \
                and cand.subject_label == "PERSON":  # not "Universal presents the Steven Spielberg film Jaws"
            return "cast_member", None  # "X hosted the game show W", "X presents W"
        if len(words) == 3 and words[1] in ("P", "he", "she", "they") and words[2] == "in" \
                and _GROUP.get(words[0]) == "director" \
                and seq[0][1] in ("VBD", "VBZ", "VBP"):
            return "creator_work", "director"  # "X directed Y in the 2014 thriller W", "X directed him in W"
        if words[-1:] == ["for"] and cand.subject_label == "PERSON":  # a critics' association names, wins nothing
            award = _award(view, words, s0)
            if award is not None:
                return award
        verbs = [w for w in words if w != "and"]
        if 1 <= len(verbs) <= 2 and all(_GROUP.get(w) in CREATOR_GROUPS for w in verbs) \
                and words in ([verbs[0]], [verbs[0], "and", verbs[-1]]) and seq[0][1] in ("VBD", "VBZ", "VBP"):
            return "creator_work", _GROUP[verbs[-1]]
        return None
    if s1 < len(view.doc) and view.tag[s1] in ("VBD", "VBZ", "VBP", "MD"):
        return None  # "directed by X and Y starred in it": Y is the subject of a clause of its own
    seq = _drop_list(_between(view, o1, s0), at_start=False)  # work first: "W, directed by X", "W, starring X"
    words = [w for w, _ in seq]
    if words[:1] == [","]:
        words, seq = words[1:], seq[1:]
    if words[:1] in (["which"], ["that"]):
        words, seq = words[1:], seq[1:]
    if words[:1] == ["be"]:
        words, seq = words[1:], seq[1:]
        if "K" in words[:5]:  # "W is a 1936 British film directed by X"
            cut = words.index("K") + 1
            kind = seq[cut - 1][1]
            words, seq = words[cut:], seq[cut:]
            if words == ["by"] and kind in _KIND_CREDIT:  # "W is the fourth studio album by (band) X"
                return "creator_work", _KIND_CREDIT[kind]
    words, seq = _after_participle(*_future(words, seq))
    if len(words) == 2 and words[1] == "by" and _GROUP.get(words[0]) in CREATOR_GROUPS and seq[0][1] == "VBN":
        return "creator_work", _GROUP[words[0]]
    if words == ["star"] and (seq[0][1] == "VBG" or seq[0][1] in ("VBZ", "VBD") and (
            cand.source == "sentence" or cand.source == "reference" and _topic(view, cand))):
        # "W, starring X", "W (also) stars X, Y and Z"; "The film stars X" only when "the film" is the article's
        # own work (an earlier title is too often another work)
        return "cast_member", None
    return None


def _topic(view: DocView, cand: Candidate) -> bool:
    """True when the candidate's title is the article's main work (`candidates.topic_work`)."""
    topic = topic_work(view)
    return topic is not None and topic.lower() == cand.object_text.lower()


def _after_participle(words: list[str], seq: list[tuple[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Drop a participle phrase and its list of names that another, joined by "and", follows after a title: "W,
    starring X and Y and directed by Z" (before Z: "directed by"), "W, directed by Z and starring X" (before X:
    "starring")."""
    if words[:1] == ["star"] and seq[0][1] == "VBG":
        k = 1
    elif len(words) > 2 and words[1] == "by" and seq[0][1] == "VBN" and _GROUP.get(words[0]) in CREATOR_GROUPS:
        k = 2
    else:
        return words, seq
    if k >= len(words) or words[k] != "P":
        return words, seq
    k += 1
    while k + 1 < len(words) and words[k] in (",", "and") and words[k + 1] == "P":
        k += 2
    if k + 1 < len(words) and words[k] == "and" and (words[k + 1] == "star" or seq[k + 1][1] == "VBN"):
        return words[k + 1:], seq[k + 1:]
    return words, seq


# What may describe a character between "as" and its name ("best known as brooding lifeguard X on W").
_DESCRIPTION_TAGS = frozenset({"JJ", "NN", "NNP", "VBG", "VBN", ""})


def _known_as_character(words: list[str], seq: list[tuple[str, str]]) -> bool:
    """True for "X, best known as brooding lifeguard Y on W", "X, who is best known as the detective Y in W", "X,
    best known for playing Y in W": the character the subject is known as stands in the title."""
    at = next((k for k in range(len(words) - 1) if words[k:k + 2] == ["well", "know"]), None)
    if at is None or any(w not in (",", "who", "be") for w in words[:at]) or words[-1:] not in (["in"], ["on"]):
        return False
    rest, tags = words[at + 2:-1], [t for _, t in seq[at + 2:-1]]
    if rest[:1] == ["as"]:
        rest, tags = rest[1:], tags[1:]
    elif rest[:2] == ["for", "play"]:
        rest, tags = rest[2:], tags[2:]
    else:
        return False
    return rest.count("P") == 1 and rest[-1] == "P" and all(t in _DESCRIPTION_TAGS for t in tags)


def _role_noun(word: str) -> Optional[tuple[str, Optional[str]]]:
    """Return what a role noun a title modifies states: "star", "actress" → cast; "director" → director; "singer"
    → performer."""
    group = _GROUP.get(word)
    if group == "cast":
        return "cast_member", None
    if group in CREATOR_GROUPS or group == "performer":
        return "creator_work", group
    return None


def _award(view: DocView, words: list[str], start: int) -> Optional[tuple[str, Optional[str]]]:
    """Return what "X for W" states in an award's category: the category is named just before "for" ("X won best
    actress for W", "… the best director award for W"), or, with nothing but "for" between, the nearest category
    before X in the sentence ("nominees for best actress include X for W, Y for V"). None outside an award."""
    if len(words) > 1:
        before = words[:-1]
        if before[-1:] and before[-1] in _PRIZES:
            before = before[:-1]
        if len(before) < 2 or before[-1] not in _CATEGORIES or before[-2] not in _CATEGORY_MARKS:
            return None
        return _category(before[-1])
    sent_start = view.sents[view.sent_of[start]].start
    for i in range(start - 1, sent_start, -1):
        word = view.lower[i]
        if word in _CATEGORIES and (view.lower[i - 1] in _CATEGORY_MARKS or i >= 2 and view.lower[i - 2] == "best"):
            return _category(word)
    return None


def _category(word: str) -> tuple[str, Optional[str]]:
    group = _CATEGORIES[word]
    return ("cast_member", None) if group == "cast" else ("creator_work", group)


# Words that may stand between a performer and the role verb it is the subject of: a relative pronoun, an age in
# commas, auxiliaries, "to" and adverbs ("X, 30, who now plays", "X is set to play", "X will also voice").
_ROLE_SUBJECT_GAP = frozenset({",", "who", "will", "would", "shall", "is", "are", "was", "were", "has", "have",
                               "had", "been", "be", "to", "set", "going", "'s", "'ll", "’s", "’ll", "also", "now",
                               "currently", "still", "once", "later", "then", "already", "first", "again", "best",
                               "known", "for", "most", "widely"})
# Words of a sentence that casts its people ("It stars X as Y", "The cast includes X (Y)", "with X as Y").
_CAST_WORDS = frozenset({"star", "stars", "starred", "starring", "co-star", "co-stars", "co-starring", "cast",
                         "casts", "include", "includes", "included", "including", "join", "joins", "joined",
                         "alongside", "opposite", "feature", "features", "featuring", "return", "returns",
                         "reprise", "reprises", "line-up", "lineup", "ensemble"})
# What may stand right before the first performer of a cast list.
_CAST_LIST_OPENERS = frozenset({",", ":", "and", "with", "by", "includes", "include", "including", "stars",
                                "starring", "features", "featuring", "are", "is", ";", "(", "–", "—"})
# What may follow a character's name when a comma led to it ("his wife, Lily, in W"): not a verb of its own
# ("she plays the song, Lee said").
_ROLE_NAME_ENDS = frozenset({",", ".", ";", ":", "in", "on", "from", "opposite", "alongside", "and", "who", "(",
                             "–", "-", "—", "for", "at", "to", "with", "while", "when", "as"})
_NOT_CHARACTERS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "DATE", "TIME", "CARDINAL",
                             "NORP", "PRODUCT", "MONEY", "QUANTITY", "ORDINAL", "PERCENT", "LAW", "LANGUAGE"})


def _stated_role(view: DocView, cand: Candidate) -> Optional[tuple[str, Optional[str]]]:
    """Return ("actor_role", None) when the performer is the subject of the role verb that introduces the name,
    is named before "as" in a cast ("stars X as Y", "with X as Y"), after "played by", or outside the brackets
    of a cast list ("the cast includes X (Y), Z (W)")."""
    if cand.object is None or cand.subject_label != "PERSON":
        return None
    (s0, s1), (o0, o1) = cand.subject, cand.object
    label = view.ent_at[o0].label_ if o0 in view.ent_at else None
    if label in _NOT_CHARACTERS or view.sent_of[o0] != view.sent_of[s0]:
        return None
    if cand.source == "played-by":
        return "actor_role", None  # the partner after "by" is the only performer a played-by pair has
    if cand.source == "parens":
        return ("actor_role", None) if _cast_list_pair(view, cand) else None
    if not cand.source.startswith("character-cue") or not s1 <= o0:
        return None
    cue = next((c for c in range(o0 - 1, s1 - 1, -1) if character_cue(view, c)
                and character_name_start(view, c + 1, o1) == o0), None)
    if cue is None:
        return None
    if view.texts[o0 - 1] == "," and o1 < len(view.doc) and view.sent_of[o1] == view.sent_of[o0] \
            and view.lower[o1] not in _ROLE_NAME_ENDS:
        return None
    verb_end = cue
    if view.lower[cue] == "as" and s1 == cue:  # "It stars X as Y", "with X as Y", "joined by X as Y"
        return ("actor_role", None) if _cast_words_before(view, s0) else None
    if view.lower[cue] == "as":  # "stars as", "co-stars as": the casting verb is the performer's
        verb_end = cue - 1
        while verb_end > s1 and view.texts[verb_end - 1] in ("-", "co"):
            verb_end -= 1
        if view.pos[cue - 1] not in ("VERB", "AUX") and view.tag[cue - 1] not in ("VBZ", "VBD", "VBP", "VB", "VBG", "VBN"):
            return None  # "after 15 years as", "her turn as": no verb of the performer's
    for i in range(s1, verb_end):
        if view.lower[i] not in _ROLE_SUBJECT_GAP and view.tag[i] not in ("RB", "CD", "MD"):
            return None
    return "actor_role", None


def _cast_words_before(view: DocView, start: int) -> bool:
    """True when a casting word stands before token `start` in its sentence ("It stars X as Y, and Z as W")."""
    sent = view.sents[view.sent_of[start]]
    return any(view.lower[i] in _CAST_WORDS or view.words[i] in _CAST_WORDS for i in range(sent.start, start))


def _cast_list_pair(view: DocView, cand: Candidate) -> bool:
    """True for "Actor (Character)" in a cast: the performer outside the brackets, before them, opening the pair
    after a list's punctuation or a casting word, in a sentence that casts ("The cast also includes Rupert Alleyne
    (Edward Tregarthen), Niamh Costigan (Rose Pellow)"); not "Character (Actor)" after a description ("her boyfriend
    Gabe Solano (Reuben Vaughn)")."""
    (s0, s1), (o0, _) = cand.subject, cand.object
    if not (s1 < len(view.texts) and view.texts[s1] == "(" and o0 == s1 + 1):
        return False
    before = view.lower[s0 - 1] if s0 > 0 else ""
    return before in _CAST_LIST_OPENERS and _cast_words_before(view, s0)


_RELATIVE_PRONOUNS = {"that", "which", "whom"}
_PERFORMING = {"sing": "performer", "record": "performer", "co-write": "writer"}  # verbs of a song's makers
_STRANDED = {"star", "co-star", "appear"}  # "the film that X starred in"
_SUNG = {"sang": "sing", "sung": "sing", "sings": "sing"}


def _object_relative(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return what the verbs of an object relative clause say its subject did to the title it describes: "W, the
    2015 smash that X co-wrote and sang" (writer, performer), "the album W, which X produced" (producer), "W, the
    film that X starred in" (cast); () when a verb has an object of its own ("W, which X gave to Y") or the title
    and the pronoun are apart by more than a description."""
    if cand.kind != "work" or cand.object is None or cand.source != "sentence" or cand.subject_label != "PERSON":
        return ()
    (s0, s1), (o0, o1) = cand.subject, cand.object
    if o1 > s0 or view.sent_of[o0] != view.sent_of[s0] or s0 < 1 or view.lower[s0 - 1] not in _RELATIVE_PRONOUNS:
        return ()
    between = range(o1, s0 - 1)
    if len(between) > 8 or any(view.pos[i] in ("VERB", "AUX") or i in view.ent_at
                               and view.ent_at[i].label_ in ("PERSON", "ORG", "WORK_OF_ART") for i in between) \
            or between and view.texts[o1] not in (",", "–", "—", '"', "”"):
        return ()  # "W, the 2015 smash that": a comma and a description only
    n = len(view.texts)
    facts, i = [], s1
    while i < n:
        if view.tag[i] in ("RB", "MD") or view.lower[i] in ("has", "have", "had", "also", "later"):
            i += 1
            continue
        k = i  # a hyphenated verb ("co-wrote") is one word, its joined lemma on its last token
        while k + 2 < n and view.texts[k + 1] == "-" and not view.tokens.whitespace[k]:
            k += 2
        word = _SUNG.get(view.lower[k], view.words[k])  # the small tagger takes "sang" for a noun
        if view.tag[k] not in ("VBD", "VBZ", "VBP", "VBN") and view.lower[k] not in _SUNG:
            return ()
        group = _PERFORMING.get(word) or _GROUP.get(word)
        if word in _STRANDED and k + 1 < n and view.lower[k + 1] in ("in", "on"):
            facts.append(("cast_member", None))
            k += 1
        elif group in CREATOR_GROUPS or group == "performer" and word in _PERFORMING:
            facts.append(("creator_work", group))
        else:
            return ()
        i = k + 1
        if i < n and view.lower[i] in ("and", ",") and i + 1 < n and (
                view.pos[i + 1] in ("VERB", "AUX", "ADV") or view.lower[i + 1] in _SUNG):
            i += 1
            continue
        break
    if not facts or i < n and (view.pos[i] in ("DET", "NOUN", "PROPN", "PRON", "NUM") or view.lower[i] == "to"):
        return ()  # the verb's own object: "which Ann Lee gave to her sister", "that X wrote a song about"
    return tuple(dict.fromkeys(facts))


def _profile_list(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return what a list of someone's works states of each title in it: "X, whose films include A, B and C",
    "Her hits include A and B", "X's film credits include A", "The actor, whose roles include A". The plural noun
    tells the relation (`profile_nouns`: hits are performed, novels written, roles played); films and credits are
    an actor's roles or a director's, writer's or producer's credits by the subject's own description, and say
    nothing of someone undescribed. () for any other shape."""
    if cand.kind != "work" or cand.object is None:
        return ()
    (s0, s1), (o0, o1) = cand.subject, cand.object
    if s1 > o0 or view.sent_of[o0] != view.sent_of[s0]:
        return ()
    lower, n = view.lower, len(view.doc)
    if cand.source == "pronoun" and s1 - s0 == 1 and lower[s0] in _POSSESSIVES:
        i = s1  # "Her hits include …"
    elif cand.source in ("sentence", "nominal") and s1 + 1 < n and lower[s1] == "," and lower[s1 + 1] == "whose":
        i = s1 + 2  # "X, whose films include …"
    elif cand.source == "sentence" and s1 < n and view.texts[s1] in POSSESSIVE_MARKS:
        i = s1 + 1  # "X's films include …"
    else:
        return ()
    start = i
    while i < n and i - start < 4 and lower[i] not in _PROFILE and view.tag[i] in ("JJ", "JJS", "NN", "VBN", "RB", "HYPH"):
        i += 1  # "whose previous film credits", "her best-known hits"
    if i >= n or lower[i] not in _PROFILE:
        return ()
    stated = _PROFILE[lower[i]]
    i += 1
    if i < n and lower[i] in ("have", "has"):
        i += 1
    if i >= n or view.words[i] != "include" or view.tag[i] not in ("VBP", "VBZ", "VBD", "VBN"):
        return ()
    i += 1
    while i < n and view.texts[i] in _QUOTE_MARKS:
        i += 1
    first = view.ent_at.get(i)
    if first is None or first.start != i or first.label_ != "WORK_OF_ART":
        return ()
    if cand.object not in _listed(view, first):
        return ()
    if stated == "profile":
        stated = _description(view, cand)
    if stated == "cast":
        return (("cast_member", None),)
    if stated in CREATOR_GROUPS or stated == "performer":
        return (("creator_work", stated),)
    return ()


def _listed(view: DocView, first) -> set[tuple[int, int]]:
    """Return the (start, end) of the titles of the list that opens with `first`: titles joined by commas, "and",
    "or" and quotation marks, up to the first other word (the comma closing "whose films include A and B," too)."""
    found, ent = set(), first
    while ent is not None and ent.label_ == "WORK_OF_ART":
        found.add((ent.start, ent.end))
        i = ent.end
        while i < len(view.doc) and (view.lower[i] in (",", "and", "or") or view.texts[i] in _QUOTE_MARKS):
            i += 1
        ent = view.ent_at.get(i) if i > ent.end else None
        if ent is not None and ent.start != i:
            break
        if ent is not None:
            after = ent.end + 1 if ent.end < len(view.doc) and view.texts[ent.end] in _QUOTE_MARKS else ent.end
            if after < len(view.doc) and view.tag[after] in ("NN", "NNS", "NNP", "VBD", "VBZ", "VBP", "MD", "POS"):
                break  # '"A", and "B" singer X performed': B modifies a noun of another phrase
    return found


def _description(view: DocView, cand: Candidate) -> Optional[str]:
    """Return the one cue group ("cast", "director", …) the nouns describing the subject give: its own noun when
    it is a description ("the actor"), else the role nouns written before its names ("actor X", "director X");
    None when there is none or they disagree (an actor who directs). Narrower than `DocView.profiles` (the scorer's
    reading, which adds appositions, attributes and a noun two words back): with that, "actress X, whose films
    include A" lost its cast facts on the written set, the wider reading mixing a person's trades."""
    (s0, s1) = cand.subject
    if cand.source == "nominal":
        heads = [view.joined[s1 - 1]]
    else:
        heads = [view.joined[e.start - 1] for e in view.subjects if e.kb_id_ == cand.subject_id and e.start > 0]
    groups = {_GROUP.get(h) for h in heads} & (CREATOR_GROUPS | {"cast"})
    return groups.pop() if len(groups) == 1 else None


def _conjoined_passive(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return the credit of a maker's participle and "by" joined to an earlier passive of the title, past whatever
    the first agent's description holds: "The series will be produced by X, who made W2, and directed by Y", "W was
    written by X, the author of W2, and directed by Y", "W, which was produced by X and later directed by Y"; the
    parse's coordination tells which verb the second "by" belongs to. () for any other shape."""
    if cand.kind != "work" or cand.object is None or cand.source not in ("sentence", "reference"):
        return ()
    (s0, s1), (o0, o1) = cand.subject, cand.object
    if o1 > s0 or view.sent_of[o0] != view.sent_of[s0]:
        return ()
    doc = view.doc
    name = doc[s0:s1].root
    by = name.head
    if name.dep_ != "pobj" or by.dep_ != "agent" or by.head.tag_ != "VBN" or by.head.dep_ != "conj":
        return ()
    verb = by.head
    group = _GROUP.get(view.words[verb.i])
    if group not in CREATOR_GROUPS or any(c.dep_ == "nsubjpass" for c in verb.children):
        return ()  # "…, and her next project was directed by Y": a subject of its own
    first = verb
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.tag_ != "VBN" or not any(c.dep_ == "agent" for c in first.children):
        return ()  # the first conjunct is a passive too ("produced by X, …, and directed by Y")
    subject = next((c for c in first.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in ("which", "that") or subject is None and first.dep_ in ("acl", "relcl"):
        subject = first.head  # "W, which was produced by", "W, produced by"
    title = doc[o0:o1].root
    if subject is None or not (o0 <= subject.i < o1 or title.head.i == subject.i and title.dep_ in ("appos", "compound")):
        return ()  # the title, or the noun it names ("The film Iron Coast was written by")
    return (("creator_work", group),)


_NAMING_VERBS = {"be", "include"}  # "W's producers are X and Y", "its stars include X"


def _owned_role(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return what a role noun a work owns states of the names set after it: "The film's director, X, said",
    "Harbour Lights' star X", "The Aviator's nominated producers are X and Y" (the noun gives the relation and
    credit, as a title modifying it does). () for any other shape."""
    if cand.kind != "work" or cand.object is None or cand.source not in ("sentence", "reference"):
        return ()
    (s0, s1), (o0, o1) = cand.subject, cand.object
    if o1 > s0 or view.sent_of[o0] != view.sent_of[s0]:
        return ()
    if o1 >= len(view.doc) or view.texts[o1] not in POSSESSIVE_MARKS:
        return ()
    noun = role_noun_after(view, o1 + 1)
    if noun is None:
        return ()
    if any(_GROUP.get(view.words[i]) and view.pos[i] == "NOUN" and i not in view.ent_at for i in range(noun + 1, s0)):
        return ()  # "The film's director X and star Y": Y has a noun of its own
    seq = _drop_list(_between(view, noun + 1, s0), at_start=False)
    words = [w for w, _ in seq]
    if words[:1] == [","]:
        words = words[1:]
    if words[:1] and words[0] in _NAMING_VERBS:
        words = words[1:]
    if words:
        return ()  # "the film's director, who …, praised X": X is no director
    word = view.words[noun]
    fact = _role_noun(word) or (_role_noun(word[:-1]) if word.endswith("s") else None)
    return (fact,) if fact else ()


_OWN_KINDS = {"music", "book"}  # one's own album or novel is one's work; one's film may be one's role or direction
_AGREEING = {"PERSON": {"his", "her"}, "ORG": {"their", "its"}}


def _own_record(view: DocView, cand: Candidate) -> tuple[tuple[str, Optional[str]], ...]:
    """Return the credit of a record or book the subject's own possessive pronoun introduces later in its
    sentence, with no other name between: "The Marrowbones have gone to number one with their third single, Paper
    Lanterns" (performer), "X released her debut album W", "X has finished his new novel, W" (writer). Not a film or
    show, which may be the subject's role or direction. () for any other shape."""
    if cand.kind != "work" or cand.object is None or cand.source != "sentence":
        return ()
    (s0, s1), (o0, o1) = cand.subject, cand.object
    if s1 > o0 or view.sent_of[o0] != view.sent_of[s0]:
        return ()
    i = o0 - 1
    while i > s1 and (view.texts[i] in _QUOTE_MARKS or view.texts[i] == ","):
        i -= 1
    kind = _KINDS.get(view.lower[i]) if view.tag[i] != "VBG" else None
    if kind not in _OWN_KINDS:
        return ()
    i -= 1
    while i > s1 and (view.lower[i] in _DESCRIBING_WORDS or view.tag[i] == "CD" or view.texts[i] == "-"
                      and view.lower[i - 1] in _DESCRIBING_WORDS):
        i -= 1  # "their third single", "her long-awaited debut album"; not "her favourite album" (someone else's)
    if i <= s1 or view.lower[i] not in _AGREEING.get(cand.subject_label, ()):
        return ()
    root = view.doc[s0:s1].root
    while root.dep_ == "conj":
        root = root.head  # "X and Y released their album W"
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return ()  # "Eminem has denied Elvis his fourth number one … after his song": the subject's, not the object's
    if any(w == "P" for w, _ in _drop_list(_between(view, s1, i), at_start=True)):
        return ()  # "X praised Y and her album W": the pronoun is Y's
    if cand.subject_label == "PERSON" and view.lower[i] in ("his", "her"):
        entity = view.by_id.get(cand.subject_id)
        sex = view.gender(entity) if entity is not None else ""
        if sex and sex != {"his": "m", "her": "f"}[view.lower[i]]:
            return ()
    return (("creator_work", _KIND_CREDIT[kind]),)


_DESCRIBING_WORDS = {"debut", "new", "latest", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                     "eighth", "ninth", "tenth", "last", "next", "comeback", "solo", "studio", "hit", "own", "awaited",
                     "long", "titled", "self", "forthcoming", "upcoming", "live"}


def _partner_of_cast(view: DocView, start: int) -> bool:
    """True for a name (or a list of names) after "opposite" or "alongside" and a cast verb: "X starred opposite Y",
    "X appeared alongside Y and Z", "X co-stars opposite Y"; the partners act in the same work."""
    i = start - 1
    while i > 0 and (view.lower[i] in (",", "and") or i in view.ent_at and view.ent_at[i].label_ == "PERSON"):
        i -= 1  # back over the other partners of a list
    if i < 1 or view.lower[i] not in ("opposite", "alongside"):
        return False
    j = i - 1
    while j > 0 and view.tag[j] in ("RB", "RBR"):
        j -= 1
    return view.words[j] in CAST_VERBS and view.pos[j] in ("VERB", "AUX")

