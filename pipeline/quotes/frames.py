"""The quote's own frame: the reporting verb before, after or inside a quotation and its subject, and the
attribution forms without a reporting verb (`"…" ― Name`, `Name: "…"`, transcript labels `NAME: …`)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from ..names import HEADLINE_WORDS, reporting_form, reporting_lemma, surname
from .attribution import (CLIMB_DEPS, FIRST_PERSON, SHORT_FRAME_TOKENS, SPEAKER_LABELS, SUBJECT_DEPS, UNRESOLVED,
                          Attribution, Speaker, expletive_it)
from .scan import RawQuote, headline_end, sentence_end, sentence_start


# Reporting verbs whose passive subject is what the words describe, not who says them.
_DESCRIBING = frozenset({"describe", "call", "hail", "brand", "dub", "label", "praise", "criticise", "criticize",
                         "deride", "slam", "blast", "condemn"})
# Past forms of reporting verbs that suffixes do not give back.
# Reporting verbs whose object is the one spoken to, not the speaker ("told the BBC", "asked the director").
# A reporting verb with one of these has words of its own to report, not the quotation before it.
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "csubj", "oprd", "attr"})
_ADDRESSING = frozenset({"tell", "ask", "inform", "urge", "warn", "promise", "remind", "assure", "thank"})


class FrameRules:
    """Attribution from the words around a quotation; mixed into `Article`, whose state it reads."""
    def neighbours(self, i: int) -> tuple[Optional[RawQuote], Optional[RawQuote]]:
        q = self.raws[i]
        prev = self.raws[i - 1] if i > 0 and self.raws[i - 1].paragraph == q.paragraph else None
        nxt = self.raws[i + 1] if i + 1 < len(self.raws) and self.raws[i + 1].paragraph == q.paragraph else None
        return prev, nxt

    def tail_region(self, i: int) -> Optional[tuple[int, int]]:
        """Return the frame after a closed quote, up to its sentence end or the next quote."""
        q = self.raws[i]
        if not q.closed:
            return None
        _, nxt = self.neighbours(i)
        hi = min(sentence_end(self.text, q.close, q.para_end), nxt.open if nxt else q.para_end)
        frame = self.text[q.close : hi]
        if nxt is not None and hi == nxt.open and frame.rstrip().endswith((",", ":")) and not self.runs_on(q):
            return None  # `"…." She added, "…"` introduces the next quote
        return (q.close, hi) if re.search(r"\w", frame) else None

    def introduces_next(self, i: int, region: tuple[int, int]) -> bool:
        """True when the frame after quote `i` opens a clause of its own with a conjunction and introduces the next
        quote (', while singer Delia Monroe wrote, "…"', ', and model Tia Vance added: "…"')."""
        _, nxt = self.neighbours(i)
        frame = self.text[region[0] : region[1]]
        words = frame.strip(" ,;—–-").split()
        return nxt is not None and region[1] == nxt.open and frame.rstrip().endswith((",", ":")) \
            and bool(words) and words[0] in _CLAUSE_CONJUNCTIONS

    def ends_in_cue(self, region: tuple[int, int]) -> bool:
        """True when the frame is a subject and its reporting verb (`"…?" Mr Kapoor's lawyer Mihir Dasani said.`):
        however long, such a sentence reports the quotation before it."""
        words = [t for t in self.tokens(*region) if not t.is_punct and not t.is_space]
        if not words or words[-1].lemma_.lower() not in self.lex.verbs or words[-1].pos_ not in {"VERB", "AUX"}:
            return False
        cue = words[-1]
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]  # the parser may split a long one in two
        if not subjects:
            return False
        # Nothing but the subject and the verb, with an adverb at most ("…, Mia Cole, later said."): a longer sentence
        # that only ends in a reporting verb ("… before they start to speak.") is about something else.
        said = {t.i for subject in subjects for t in subject.subtree} | {cue.i} \
            | {c.i for c in cue.children if c.dep_ == "advmod"}
        return all(t.i in said for t in words)

    def expletive_report(self, region: tuple[int, int]) -> bool:
        """True when the frame holds an impersonal passive report, "it is understood / was reported / has been
        claimed that …": its "it" refers to nothing, and no one is said to say what follows."""
        return any(expletive_it(t) for t in self.tokens(*region))

    def opens_with_cue(self, region: tuple[int, int]) -> bool:
        """True when the frame opens with a subject and its reporting verb, and what follows only says how, where or
        to whom (`"…?" Lahey asked, leaning across his desk.`, `"…!" Mia shouted to the crowd.`): the verb reports
        the quotation before it. Not when the verb has words of its own to report (`"…?" Cole said he was fine.`)."""
        words = [t for t in self.tokens(*region) if not t.is_punct and not t.is_space]
        cue = next((t for t in words if t.lemma_.lower() in self.lex.verbs and t.pos_ == "VERB"), None)
        if cue is None or cue.dep_ != "ROOT" or any(c.dep_ in REPORTED_DEPS for c in cue.children):
            return False
        if cue.lemma_.lower() not in _ADDRESSING and any(c.dep_ == "dobj" for c in cue.children):
            return False  # "Cole confirmed the news": only one who is told or asked may follow the verb
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
        before = {t.i for subject in subjects for t in subject.subtree}
        return bool(subjects) and all(t.i in before for t in words if t.i < cue.i)

    def endings(self, q: RawQuote) -> tuple[str, str]:
        """Return the quote's last character inside its text and the last one before its closing mark."""
        last = self.text[q.start : q.end].rstrip()[-1:]
        raw_last = self.text[q.end : q.close - 1].strip()[-1:] if q.closed else ""
        return last, raw_last

    def runs_on(self, q: RawQuote) -> bool:
        """True when the quote ends with a comma, so the sentence runs on into the frame after it: in `"…," Simpson
        said, "…"` the frame is the first quote's as much as the next one's."""
        return "," in self.endings(q)

    def head_region(self, i: int) -> Optional[tuple[int, int]]:
        """Return the frame before a quote, from its sentence start or the previous quote's close."""
        q = self.raws[i]
        prev, _ = self.neighbours(i)
        lo = max(prev.close if prev else q.para_start, sentence_start(self.text, q.open, q.para_start))
        return (lo, q.open) if re.search(r"\w", self.text[lo : q.open]) else None

    def cues(self, lo: int, hi: int) -> list[tuple[Token, str]]:
        """Return (cue token, cue as written) for the reporting verbs and phrases in `[lo, hi)`."""
        found = []
        for t in self.tokens(lo, hi):
            if t.ent_type_ in {"PERSON", "ORG", "WORK_OF_ART"}:
                continue
            phrase = next((p for p in self.lex.phrases if self._phrase_at(t, p)), None)
            if phrase:
                found.append((t, self.doc[t.i : t.i + len(phrase)].text))
            elif self.owned_speech(t) is not None:
                found.append((t, t.text))  # "Her response?", "Doe's verdict:" standing alone before the words
            elif self.read_after_writing(t):
                found.append((t, t.text))  # '"…," the caption read', where the tagger read "caption read" as one noun
            elif t.lemma_.lower() in self.lex.verbs and (t.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} or _past_as_adjective(t)) \
                    and not (t.pos_ in {"NOUN", "PROPN"} and _used_as_noun(t)) and not _hearsay(t) \
                    and t.dep_ not in {"csubj", "csubjpass"}:  # "… that writing the book was …" reports nothing
                objects = self.lex.verbs_with_object.get(t.lemma_.lower())
                after = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                if t.lemma_.lower() in self.lex.verbs_alone and after is not None and not after.is_punct:
                    continue  # "The Lyric began 50 years ago" introduces no words
                if objects is None or after is not None and after.lower_ in objects:
                    found.append((t, t.text))
        return found

    def owned_speech(self, t: Token) -> Optional[Token]:
        """Return the possessive of a speech noun that stands alone as a sentence with it ("Her response?", "Doe's
        verdict:"), whose words the quotation after gives; else None."""
        if t.pos_ != "NOUN" or t.dep_ != "ROOT" or t.lemma_.lower() not in self.lex.speech_nouns:
            return None
        return next((c for c in t.children if c.dep_ == "poss"), None)

    def read_after_writing(self, t: Token) -> bool:
        """True for "read"/"reads" right after a written thing's noun ("the caption read", "her post reads"),
        whatever tag the tagger gave the pair, or with such a noun as its subject ("A statement from X read:")."""
        return self.written_thing(t) is not None

    def written_thing(self, t: Token) -> Optional[Token]:
        """Return the written thing's noun whose words "read"/"reads" at `t` introduces: the noun right before it,
        its subject, or, when the parser made "read" a noun inside the thing's phrase ("A statement from Channel 4
        read:"), the head of that phrase; else None."""
        if t.lower_ not in {"read", "reads"} or t.i == 0:
            return None
        before = t.doc[t.i - 1]
        if before.lemma_.lower() in self.lex.written_objects:
            return before
        subject = next((c for c in t.children if c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.written_objects), None)
        if subject is not None:
            return subject
        if t.pos_ == "NOUN" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in {":", "."}:
            head = t
            while head.head.i != head.i and head.dep_ in {"pobj", "prep", "compound", "nmod", "appos"}:
                head = head.head
            if head.i != t.i and head.lemma_.lower() in self.lex.written_objects:
                return head
        return None

    def _phrase_at(self, t: Token, phrase: tuple) -> bool:
        end = t.i + len(phrase)
        return end <= len(self.doc) and tuple(x.lower_ for x in self.doc[t.i : end]) == phrase

    def frame_attribution(self, i: int) -> tuple[Optional[Attribution], bool]:
        """Return (attribution from the quote's own frame or None, whether the quote has a frame at all)."""
        if i not in self.frames:
            self.frames[i] = self._frame_attribution(i)
        return self.frames[i]

    def _frame_attribution(self, i: int) -> tuple[Optional[Attribution], bool]:
        labelled = self.label_attribution(i) or self.age_attribution(i)
        if labelled is not None:
            return labelled, True
        q = self.raws[i]
        tail, head = self.tail_region(i), self.head_region(i)
        last, raw_last = self.endings(q)
        ended = (raw_last or last) in {".", "…", "?", "!"}
        if tail is not None:
            lowered = self.text[tail[0] : tail[1]].lstrip()[:1].islower()
            if ended and not lowered and len(self.tokens(*tail)) > SHORT_FRAME_TOKENS + 1 and not self.ends_in_cue(tail) \
                    and not self.opens_with_cue(tail):
                tail = None  # a new sentence, not this quote's frame
        if tail is not None and head is not None and self.introduces_next(i, tail) and self.cues(*head):
            tail = None  # 'X commented, "…," while Y wrote, "…"': the frame after is the next quote's
        order = [("tail", tail), ("head", head)]
        if last not in {",", "?", "!", "—", "-"} and (raw_last not in {",", "?", "!"}) and head is not None:
            order.reverse()
        if q.inner is not None:
            order.insert(0, ("inner", q.inner))
        for side, region in order:
            if region is None:
                continue
            cues = self.cues(*region)
            if not cues:
                continue
            cue, cue_text = cues[-1] if side == "head" else _main_cue(cues)
            if side == "tail" and cue.lower_ == "according" and head is not None and self.cues(*head):
                continue  # "X told a radio station that it was "…," according to TMZ": X said it, TMZ reports it
            if side == "head" and _in_adverbial_clause(cue) and self.text[region[0] : region[1]].rstrip().endswith(":"):
                # "When People asked how she broke the news, Evan didn't miss a beat: '…'": the one asking in the
                # clause before is answered by the main clause's subject, who introduces the quotation.
                found = self.colon_subject(region, q)
                if found is not None:
                    return found, True
            attribution = self.attribute_cue(cue, cue_text, region, q, f"cue-{side}")
            if attribution is not None:
                return attribution, True
        if head is not None and self.expletive_report(head):
            # "It is understood that the label wants '…'": the article reports the words without saying whose.
            return Attribution(replace(UNRESOLVED, text="it"), None, None, None, "expletive"), True
        form = self.form_attribution(i)
        if form is not None:
            return form, True
        if head is not None and self.text[head[0] : head[1]].rstrip().endswith(":"):
            found = self.colon_subject(head, q)
            if found is not None:
                return found, True
        if tail is not None and (self.text[tail[0] : tail[1]].lstrip()[:1].islower() or "," in {last, raw_last}):
            return self.frame_subject(tail, q), True
        return None, False

    # -- attributions without a reporting verb (patterns in quote_cues.json "forms") ------------------------

    def form_attribution(self, i: int) -> Optional[Attribution]:
        """`"…" ― Jane Doe`, `Jane Doe: "…"`, `Jane Doe, Vogue: "…"`, `Jane Doe on her divorce: "…"`, a
        transcript paragraph `DOE: …`, or a quote standing alone that the next sentence gives its speaker (`"…" So
        says Jane Doe`)."""
        q, forms = self.raws[i], self.lex.forms
        prev, nxt = self.neighbours(i)
        if q.closed:
            tail_end = nxt.open if nxt else q.para_end
            m = forms["dash_before_name"].match(self.text[q.close : tail_end])
            if m:
                found = self.name_at(q.close + m.end(), tail_end)
                if found is not None:
                    speaker, end = found
                    rest = self.text[end:tail_end]
                    outlet = re.match(r"\s*,\s*([^,.;:\n]{2,60})", rest)
                    return Attribution(speaker, None, None, self.outlet_name(outlet.group(1)) if outlet else None, "form-dash")
        if q.closed and q.paragraph == 0 and not self.text[q.para_start : q.open].strip() \
                and re.match(r"\s*:", self.text[q.close : q.para_end]):
            found = self.subject_after_colon(q.close, nxt.open if nxt else q.para_end)
            if found is not None:
                return Attribution(found, None, None, None, "form-quote-colon")
        if q.closed and self.text[q.end : q.close].strip(" '‘’\"“”")[:1] in {",", "!", "?"}:
            # '"I'm outnumbered already. Send help," Bo jokes.': a name and a reporting verb after the quote, which the
            # parser read as a noun phrase ("Bo jokes"), so no cue was found.
            m = forms["name_verb_after_quote"].match(self.text[q.close : nxt.open if nxt else q.para_end])
            if m and self.reporting_word(m.group("verb")):
                found = self.name_at(q.close + m.start("name"), q.close + m.end("name"), whole=True)
                if found is not None and found[0].kind == "person":
                    return Attribution(found[0], None, m.group("verb"), None, "form-name-verb")
        if q.closed and q.paragraph > 0 and not self.text[q.para_start : q.open].strip() \
                and (nxt is None or nxt.open > q.para_end):
            # '"I genuinely thought nobody would hire me again." ⏎ That was Keisha Row's first thought …', "So says
            # Dax Whitmore", "Those were the words of conductor Malcolm Tredgold": a quote standing alone, whose
            # speaker the next sentence names.
            m = forms["named_after"].match(self.text[q.close : q.close + 200])
            if m:
                at = q.close + m.end()
                mention = next((x for x in self.mentions if x.start_char == at and x.label == "PERSON"), None)
                span = self.doc.char_span(mention.start_char, mention.end_char) if mention is not None else None
                if span is not None and span.root.dep_ == "poss" and self.role_word(span.root.head):
                    # "Those remarks came from Vaughn's lawyer, Ed Marsh": the one whose role it is, not the owner
                    found = self.resolve_role(span.root.head, q.close)
                    return Attribution(found if found.name else replace(UNRESOLVED, text=found.text), None, None, None,
                                       "form-named-after")
                if mention is not None:
                    written = self.text[mention.start_char : mention.end_char]
                    return Attribution(self._speaker_for_mention(mention, written, "explicit", 0.8), None, None, None,
                                       "form-named-after")
                unnamed = re.match(r"(?:an?|one)(?: [\w-]+){1,4}", self.text[q.close + m.start("who") : at + 40])
                if unnamed and self.unnamed_person(unnamed.group(0)):
                    # "'…' That's how one music industry insider described the feud": someone unnamed
                    return Attribution(replace(UNRESOLVED, text=unnamed.group(0)), None, None, None, "form-named-after")
        topic = forms["topic_before_colon"].match(self.text[q.para_start : q.open])
        if topic:
            found = self.interviewee(q.para_start, q.para_start + topic.end("topic"))
            return Attribution(found, None, None, None, "form-topic-colon") if found is not None else None
        lo = max(prev.close if prev else q.para_start, sentence_start(self.text, q.open, q.para_start))
        m = forms["name_on_topic"].match(self.text[lo : q.open])
        if m:
            found = self.name_at(lo + m.start("name"), lo + m.end("name"), whole=True)
            if found is not None and found[0].kind == "person":
                return Attribution(found[0], None, None, None, "form-name-on-topic")
        m = forms["name_before_colon"].match(self.text[lo : q.open])
        if m:
            found = self.name_at(lo + m.start("name"), lo + m.end("name"), whole=True) \
                or self.name_closing(lo + m.start("name"), lo + m.end("name"))
            if found is not None:
                outlet = self.outlet_name(m.group("outlet")) if m.group("outlet") else None
                return Attribution(found[0], None, None, outlet, "form-name-colon")
        if q.paragraph == 0 and q.close <= headline_end(self.text) and self.text[q.para_start : q.open].rstrip().endswith(":"):
            # "Naomi Fairbrook Moves Gala Crowd to Tears: '…'": the person the headline opens on says what follows
            # its colon (not "Jane Doe's Ex Speaks Out: '…'", nor one of two: "Jane Doe and Mark Lane Split: '…'").
            found = self.name_at(q.para_start, q.open)
            if found is not None and found[0].kind == "person" and not re.match(
                    r"\s*(?:['’]s?\b|and\b|&)", self.text[found[1] : q.open]):
                return Attribution(found[0], None, None, None, "form-headline-colon")
        return None

    def age_attribution(self, i: int) -> Optional[Attribution]:
        """`"…," the 23-year-old wrote` and `The 23-year-old told reporters: "…"` (which the parser often reads
        as a noun phrase, or hangs the age on the verb): the one person the article gave that age, else the person
        it was last about."""
        q = self.raws[i]
        if not q.closed:
            return None
        prev, nxt = self.neighbours(i)
        aged = self.lex.forms["age_after_quote"].match(self.text[q.close : nxt.open if nxt else q.para_end])
        if not aged:  # 'The 30-year-old told reporters: "…"', which the parser reads as one noun phrase
            aged = self.lex.forms["age_before_quote"].search(self.text[prev.close if prev else q.para_start : q.open])
        if not aged or not self.reporting_word(aged.group("verb")):
            return None
        found = self.person_aged(aged.group(0), q.open) or self.antecedent(
            q.open, None, "person", q.open, exclude=self.aged_otherwise(aged.group(0), q.open))
        if found is None:
            return None
        return Attribution(replace(found, method="role-noun", confidence=0.5), None, None, None, "form-age")

    def reporting_word(self, word: str) -> bool:
        """True for an inflected reporting verb ("wrote", "added", "says", "joked"), read without the parser."""
        return reporting_form(word, self.lex.verbs)

    def interviewee(self, topic_start: int, topic_end: int) -> Optional[Speaker]:
        """`On her famous dad: "…"`, an interview written up topic by topic: the person the article names most
        before the topic (outside quotations, and not in the topic itself, which names whom she talks about)."""
        counts = Counter(m.entity_id for m in self.mentions if m.label == "PERSON" and m.start_char < topic_start
                         and not self.in_quote(m.start_char) and m.entity_id not in self.characters)
        for m in self.mentions:
            if topic_start <= m.start_char < topic_end:
                counts.pop(m.entity_id, None)
        if not counts:
            return None
        best = max(counts, key=lambda eid: (counts[eid], -min(m.start_char for m in self.mentions if m.entity_id == eid)))
        mention = next(m for m in self.mentions if m.entity_id == best)
        return self._speaker_for_mention(mention, None, "explicit", 0.6)

    def label_attribution(self, i: int) -> Optional[Attribution]:
        """A transcript paragraph opened by a speaker label (`WALLACE: …`): its quotes are the labelled speaker's
        unless a cue in the paragraph names someone else (`I said "…"` stays the label's)."""
        q = self.raws[i]
        m = self.lex.forms["speaker_label"].match(self.text[q.para_start : q.open])
        if not m:
            return None
        region = (q.para_start + m.end(), q.close)
        for cue, _ in self.cues(*region):
            subject = self.subject_of(cue, region)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return None
        found = self.name_at(q.para_start + m.start("name"), q.para_start + m.end("name"), whole=True)
        return Attribution(found[0], None, None, None, "form-speaker-label") if found is not None else None

    def name_at(self, lo: int, hi: int, whole: bool = False) -> Optional[tuple[Speaker, int]]:
        """Return (the speaker named at `lo`, where the name ends): a person or organisation mention, or a surname
        written in capitals ("WALLACE") or a lone first name ("Tessa") the tagger missed, matched to the article's
        one person of that name; `whole` requires the name to fill `[lo, hi)`."""
        while lo < hi and self.text[lo].isspace():
            lo += 1
        mention = next((m for m in self.mentions if m.start_char == lo), None)
        if mention is not None and mention.label in {"PERSON", "ORG", "NORP"}:
            if whole and self.text[mention.end_char : hi].strip(" '’s"):
                return None
            written = self.text[mention.start_char : mention.end_char]
            return self._speaker_for_mention(mention, written, "explicit", 0.9), mention.end_char
        written = self.text[lo:hi].strip()
        words = written.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) or not whole:
            return None
        last = words[-1].lower()
        people = [e for e in self.entities.values() if e.label == "PERSON" and surname(e.name.split()).lower() == last]
        if not people and len(words) == 1:  # a transcript's first-name label ("Tessa: …"): the one person so called
            people = [e for e in self.entities.values() if e.label == "PERSON" and len(e.name.split()) > 1
                      and e.name.split()[0].lower() == last]
        if len(people) == 1:
            e = people[0]
            return Speaker(e.name, e.entity_id, written, "explicit", 0.85, self.genders.get(e.entity_id)), hi
        return None

    def subject_after_colon(self, lo: int, hi: int) -> Optional[Speaker]:
        """`'Nobody warned me about the wig': Former child star Harriet Sowerby opens up …`, a headline that opens on
        the quotation: the person whose name is the subject of the clause after the colon (a name followed by its
        verb), not one named later in it ("… : fans react to Sowerby's news" names no speaker)."""
        for m in self.mentions:
            if not lo < m.start_char < hi or m.label != "PERSON":
                continue
            span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None or span.end >= len(self.doc):
                return None
            after = self.doc[span.end]
            if span.root.dep_ in {"nsubj", "nsubjpass"} or after.pos_ in {"VERB", "AUX"} \
                    or after.lower_ in HEADLINE_WORDS:
                return self._speaker_for_mention(m, m.text, "explicit", 0.8)
            return None
        return None

    def name_closing(self, lo: int, hi: int) -> Optional[tuple[Speaker, int]]:
        """`BBC Four controller Nina Carrow: "…"`: the person whose name ends a verbless label before a colon, after
        the words that describe them (no verb among them, so the label is not a sentence about someone)."""
        mention = next((m for m in self.mentions if m.label == "PERSON" and lo < m.start_char <= m.end_char <= hi
                        and not self.text[m.end_char : hi].strip(" '’s")), None)
        before = self.tokens(lo, mention.start_char) if mention is not None else []
        if mention is None or any(t.pos_ in {"VERB", "AUX"} for t in before) or before and before[-1].pos_ == "ADP":
            return None  # (nor the object of a preposition: "A word on Jane Doe:", "Our tribute to Jane Doe:")
        return self._speaker_for_mention(mention, self.text[lo:mention.end_char].strip(), "explicit", 0.85), mention.end_char

    def outlet_name(self, written: str) -> Optional[str]:
        """Return an outlet written after a name ("Jane Doe, Vogue"), when it is an organisation of the article."""
        written = written.strip()
        for m in self.mentions:
            if m.label == "ORG" and m.text == written:
                return written
        return None

    def frame_subject(self, region: tuple[int, int], q: RawQuote) -> Optional[Attribution]:
        """`"…," she smiled`: a name or pronoun subject right after the quote speaks even with an unknown verb."""
        for t in self.tokens(*region):
            if t.dep_ in SUBJECT_DEPS and (t.pos_ == "PROPN" or t.lower_ in self.lex.pronouns):
                speaker = self.resolve(t, q.open)
                if speaker.name:
                    return Attribution(replace(speaker, confidence=speaker.confidence * 0.7), None, None, None, "frame-subject")
        return None

    def colon_subject(self, region: tuple[int, int], q: RawQuote) -> Optional[Attribution]:
        """`Drummer Larry Mullins echoed those sentiments: "…"`, `The singer had a message for fans: "…"`: the subject
        of the clause a colon ends introduces the quotation, whatever the verb. Only a person's name, a pronoun or a
        person noun counts ("The top three songs were: …" introduces no speaker)."""
        lo, hi = region
        tokens = self.tokens(*region)
        # "The band's label, Keystone Records, tried to stay neutral in a statement to E! News: '…'": a clause that
        # names the written thing the words come in lets an organisation's noun introduce them too.
        written = any(t.lemma_.lower() in self.lex.written_objects and t.dep_ == "pobj" for t in tokens)
        for t in tokens:
            verb = t.head  # the frame's main verb: the root, or hung by the parser on a verb of the quotation
            main = verb.dep_ == "ROOT" or not lo <= verb.head.idx < hi
            if t.dep_ in SUBJECT_DEPS and lo <= verb.idx < hi and main and not self.in_quote(t.idx) and (
                    t.pos_ == "PROPN" or t.lower_ in self.lex.pronouns or t.lemma_.lower() in self.lex.person_roles
                    or written and t.lemma_.lower() in self.lex.org_nouns):
                speaker = self.resolve(self.equated_name(t), q.open)
                if speaker.name:
                    return Attribution(replace(speaker, confidence=speaker.confidence * 0.8), None, None, None,
                                       "colon-subject")
        return None

    def attribute_cue(self, cue: Token, cue_text: str, region: tuple[int, int], q: RawQuote, rule: str) -> Optional[Attribution]:
        subject = self.subject_of(cue, region)
        if subject is None:
            return None
        speaker = self.resolve(subject, q.open)
        speaker = self.read_for(cue, speaker) or speaker  # "Mirren read out his speech: '…'"
        return Attribution(speaker, cue, cue_text, self.outlet(cue), rule)

    def name_closing_subject(self, subject: Token, verb: Token) -> Optional[Token]:
        """Return the last token of the person's name that closes a common-noun subject right before its verb, set
        off by a comma or right after the noun or a role ("His son, the television producer Simon Hale, said", "the
        critic of The Times, Harold Penn, dismissed", "Mr Eavis' daughter Emily said"), else None. A name after
        another word ("The mother of Tom Reed said", "a friend who met Tom Reed said") is not the subject."""
        doc = subject.doc
        j = verb.i - 1
        if j > subject.i and doc[j].text == ",":
            j -= 1
        if j <= subject.i or self.in_quote(doc[j].idx):
            return None
        mention = self.mention_at(doc[j])
        if mention is None or mention.label != "PERSON" or mention.end_char != doc[j].idx + len(doc[j].text):
            return None
        name = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if name is None or name.start <= subject.i:
            return None
        # Not a name inside a clause of the subject ("Declan Marsh, who plays sheriff Beau Whitacre, tweeted").
        head = doc[j]
        while head.i != verb.i and head.head.i != head.i:
            head = head.head
            if head.i != verb.i and head.pos_ in {"VERB", "AUX"}:
                return None
        before = doc[name.start - 1]
        if before.i == subject.i or before.text == "," or before.lemma_.lower() in self.lex.person_roles:
            return doc[j]
        return None

    def equated_name(self, subject: Token) -> Token:
        """Return the name a role noun subject is equated with by "be" ("The first star to send her wishes was Rory
        Blanchard, writing: …"), else the subject."""
        verb = subject.head
        if verb.lemma_ != "be" or subject.lemma_.lower() not in self.lex.person_roles:
            return subject
        return next((c for c in verb.children
                     if c.dep_ == "attr" and c.ent_type_ == "PERSON" and not self.in_quote(c.idx)), subject)

    def subject_of(self, cue: Token, region: tuple[int, int]) -> Optional[Token]:
        """Return the token naming who speaks for `cue`: its subject, climbing to a governing verb if needed."""
        if cue.lower_ == "according":
            objects = [c for c in cue.nbor(1).children if c.dep_ == "pobj"] if cue.i + 1 < len(cue.doc) else []
            if objects and self.mention_at(objects[0]) is None:
                # "according to media and PR strategist Glen Yearwood": the parser makes the name a conjunct of
                # the first noun of the role.
                named = [c for c in objects[0].conjuncts if (m := self.mention_at(c)) is not None
                         and m.label in {"PERSON", "ORG"}]
                if named:
                    return named[0]
            return objects[0] if objects else self.nearest_name(cue, region, after_only=True)
        quoted = self.quoted_as_saying(cue)
        if quoted is not None:
            return quoted
        owner = self.owned_speech(cue)
        if owner is not None:
            return owner
        thing = self.written_thing(cue)
        if thing is not None and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return thing  # the caption, the post, the statement: its writer or issuer speaks
        verb = cue
        if cue.lower_.endswith("ing") and cue.i > 0 and cue.doc[cue.i - 1].text == "," and cue.dep_ == "conj" \
                and cue.head.dep_ == "advcl" and any(c.dep_ == "mark" for c in cue.head.children):
            # "Carly took to Twitter after the clip aired, writing, '…'": a participle set off by a comma says what
            # the main clause's subject did, not the subject of the clause the parser joined it to.
            verb = cue.head.head
        for _ in range(4):
            # "Opening the case on Monday, Alan Cresswell told": a participle the parser made the subject is a
            # clause, not who speaks (a name the tagger read as one is still a name: "Groening recently heaped").
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.in_quote(c.idx)
                        and not (c.tag_ == "VBG" and c.i == self.sentence_of(c.i).start and self.mention_at(c) is None)]
            if not subjects:
                # "Carly took to Twitter …, writing, '…'", the name tagged an adverb: a person named before the
                # verb and hung on it is its subject.
                subjects = [c for c in verb.children if c.dep_ in {"advmod", "npadvmod", "dep"} and c.i < verb.i
                            and not self.in_quote(c.idx) and (m := self.mention_at(c)) is not None and m.label == "PERSON"]
            if subjects:
                # "The singer of Because the Night told": a subject inside a title is a mis-parse.
                subject = min(subjects, key=lambda t: (t.ent_type_ == "WORK_OF_ART", t.i))
                # "The label's head of music Dana Fisher said", parsed as two subjects: the name right after the
                # role's phrase is the person it describes.
                # A hyphenated role ("Lowell's co-star Tom Hart joked") is split into pieces the parser may also
                # make subjects: only such pieces may stand between the role and the name.
                named = [s for s in subjects if s.ent_type_ == "PERSON" and s.i > subject.i
                         and all(t.i in {x.i for x in subjects} or t.text == "-" or t.dep_ == "amod" and t.head.i == verb.i
                                 for t in s.doc[subject.right_edge.i + 1 : s.left_edge.i])]
                if named and subject.pos_ in {"NOUN", "PROPN", "X"} and subject.ent_type_ != "PERSON":
                    subject = named[0]
                elif subject.pos_ == "NOUN" and subject.ent_type_ != "PERSON":
                    # "Outside court, Mr Dube said", "After the show, Tova Reyes told": a phrase set off by a comma
                    # before the name is no subject of the verb.
                    subject = next((s for s in subjects if s.ent_type_ == "PERSON" and s.i > subject.i and any(
                        t.text == "," for t in s.doc[subject.right_edge.i + 1 : s.left_edge.i])), subject)
                if subject.pos_ == "NOUN" and subject.ent_type_ != "PERSON" or subject.ent_type_ == "WORK_OF_ART":
                    # (a title the parser made the subject: "Only Fools and Horses star David Jason said")
                    subject = self.name_closing_subject(subject, verb) or subject
                subject = self.person_of_group(subject) or subject
                subject = self.equated_name(subject)
                if subject.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                    subject = verb.head
                if self.reported_thing(subject) and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.lex.verbs \
                        and any(c.dep_ in SUBJECT_DEPS and not self.in_quote(c.idx) for c in verb.head.children):
                    # "X said talks with the studio revealed there was '…'", "X said tests showed '…'": what a
                    # report found is told by whoever reports it.
                    verb = verb.head
                    continue
                if subject.dep_ == "nsubjpass":
                    # "he was called 'the fifth child' by director Marc Forster": the agent speaks.
                    # The parser often hangs "by" on the quoted noun instead of the verb.
                    agent = next((a for c in verb.subtree if c.lower_ == "by" and c.i > verb.i and c.dep_ in {"agent", "prep"}
                                  and not self.in_quote(c.idx) for a in c.children if a.dep_ == "pobj"), None)
                    if agent is not None and not self.in_quote(agent.idx):
                        return agent
                    if verb.i == cue.i and cue.lemma_.lower() in _DESCRIBING:
                        # "Barley is described as '…'", "the film was hailed as '…'": what is described does
                        # not speak, and no one named does.
                        return None
                return subject
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and not self.in_quote(verb.head.idx) and (
                    verb.tag_ == "VBG" or verb.head.i < verb.i and not any(c.dep_ == "agent" for c in verb.children)):
                if self.object_before_participle(verb):
                    # "Thorne echoed that enthusiasm, calling the series '…'": a participle set off after the
                    # object, which the parser hung on the object, says what the clause's subject did.
                    verb = verb.head.head
                    continue
                # "with a family source denying the rumours and telling the site": the participle's noun speaks; so
                # does the noun the parser hung a reporting verb on ('"…," a family source revealed to E! News').
                return verb.head
            # "She introduced it by saying:", "He ended the show after telling fans": a gerund after a preposition
            # speaks for the subject of the verb the preposition hangs on.
            # (Not "with his lawyer Ann Cole telling reporters": a noun between the preposition and the gerund is
            # the gerund's own subject.)
            through_preposition = verb.dep_ == "prep" and verb.pos_ == "ADP" and verb.head.pos_ in {"VERB", "AUX"} \
                and not any(c.dep_ == "pobj" for c in verb.children)
            if verb.dep_ not in CLIMB_DEPS and not through_preposition or verb.head.i == verb.i:
                break
            verb = verb.head
            if verb.lower_ == "as" and verb.dep_ == "prep":
                verb = verb.head  # "quoted a source as saying": "saying" hangs on "as"
            quoted = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.lemma_.lower() == "quote" else None
            if quoted is not None and cue.lemma_.lower() != "quote" and not self.in_quote(quoted.idx):
                return quoted  # "the magazine quoted its source as saying": the source speaks
        inverted = self.inverted_subject(cue)
        if inverted is not None:
            return inverted
        before = cue.doc[cue.i - 1] if cue.i > 0 else None
        if before is not None and before.pos_ in {"NOUN", "ADJ"} and not self.in_quote(before.idx) and self.aged(before):
            # "In an interview with Vogue, the 24-year-old said:", the age hung on the name before it: the age
            # right before the verb is its subject, not the outlet.
            return before
        return self.nearest_name(cue, region)

    def object_before_participle(self, participle: Token) -> bool:
        """True when `participle` follows a comma after its noun, the object of a verb, and the noun names no one
        who could speak (no name, no person's or organisation's noun): "echoed that enthusiasm, calling …"."""
        noun = participle.head
        lemma = noun.lemma_.lower()
        return participle.tag_ == "VBG" and participle.i > 0 and participle.doc[participle.i - 1].text == "," \
            and noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"} and self.mention_at(noun) is None \
            and lemma not in self.lex.person_roles and lemma not in self.lex.org_roles and lemma not in self.lex.org_nouns

    def inverted_subject(self, cue: Token) -> Optional[Token]:
        """`"…," added the two-time Academy Award winner`: after the quote, a reporting verb with no subject and a
        person's role after it, which the parser took for its object, has that person as its subject. Never for a
        verb whose object is the one spoken to ("told the BBC")."""
        if cue.lemma_.lower() in _ADDRESSING or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and not self.in_quote(c.idx)), None)
        if obj is None or obj.lemma_.lower() not in self.lex.person_roles \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
            return None
        return obj

    def person_of_group(self, subject: Token) -> Optional[Token]:
        """`Brett Lock of gay group OutRage! said`, parsed with the group as the subject: the name that opens the
        subject's phrase, followed by "of", speaks."""
        if subject.ent_type_ == "PERSON":
            return None
        first = subject.left_edge
        mention = self.mention_at(first) if first.i < subject.i else None
        if mention is None or mention.label not in {"PERSON", "ORG"} or mention.start_char != first.idx \
                or mention.end_char > subject.idx:
            return None
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        after = self.doc[span.end] if span is not None and span.end < len(self.doc) else None
        return first if after is not None and after.lower_ == "of" and after.i < subject.i else None

    def quoted_as_saying(self, cue: Token) -> Optional[Token]:
        """`"…," the magazine quoted the source as saying`: when the cue is "quote" itself, its object speaks, not
        its subject (the outlet that quotes)."""
        if cue.lemma_.lower() != "quote":
            return None
        as_saying = any(c.lower_ == "as" and any(g.dep_ in {"pcomp", "pobj"} and g.lemma_.lower() in self.lex.verbs
                                                  for g in c.children) for c in cue.children)
        quoted = next((c for c in cue.children if c.dep_ == "dobj" and not self.in_quote(c.idx)), None)
        return quoted if as_saying else None

    def reported_thing(self, token: Token) -> bool:
        """True for a common noun that cannot speak for itself: no person, role, organisation or written object."""
        lemma = token.lemma_.lower()
        return token.pos_ == "NOUN" and not token.ent_type_ and lemma not in self.lex.person_roles \
            and lemma not in self.lex.org_roles and lemma not in self.lex.org_voices and lemma not in self.lex.org_nouns \
            and lemma not in self.lex.group_nouns \
            and lemma not in self.lex.anonymous_roles and lemma not in self.lex.written_objects \
            and lemma not in self.lex.gender

    def nearest_name(self, cue: Token, region: tuple[int, int], after_only: bool = False) -> Optional[Token]:
        """Fallback when the parse gives no subject: the name, pronoun or role noun nearest the cue."""
        spoken_to = self.addressees(cue)
        candidates = [
            t for t in self.tokens(*region)
            if t.i != cue.i and (not after_only or t.i > cue.i) and t.i not in spoken_to
            and t.ent_type_ not in {"DATE", "TIME"}  # ("on Monday, writing, '…'": no one)
            and (t.pos_ == "PROPN" or t.lower_ in self.lex.pronouns or t.lemma_.lower() in self.lex.person_roles | self.lex.org_roles
                 or t.ent_type_ in SPEAKER_LABELS)
        ]
        # "X, 34, asked director Y:": a name before the cue is its subject; one after it is an addressee,
        # unless the cue opens the frame ("…," said X).
        before = [t for t in candidates if t.i < cue.i]
        if before and not after_only:
            # "Brandt, who co-wrote the film with her brother Nils Brandt, said", "Alan Cresswell, representing Mr
            # Mallalieu, told": not a name inside a relative or participle clause set off by commas.
            aside = _relative_asides(cue.doc, before[0].i, cue.i)
            candidates = [t for t in before if not any(a <= t.i < b for a, b in aside)] or before
        return min(candidates, key=lambda t: abs(t.i - cue.i)) if candidates else None

    def addressees(self, cue: Token) -> set[int]:
        """Return the tokens naming whom `cue` speaks to: the object of a verb of telling ("a fan who sat nearby told
        TMZ", "asked the host") and what follows "to" ("revealed to E! News"). They never speak for it."""
        heard = [c for c in cue.children if c.dep_ in {"dobj", "dative", "iobj"}] \
            if cue.lemma_.lower() in self.lex.addressee_verbs else []
        heard += [p for c in cue.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                  for p in c.children if p.dep_ == "pobj"]
        return {t.i for h in heard for t in h.subtree}

    def outlet(self, cue: Token) -> Optional[str]:
        """`told Vogue` → "Vogue": the proper-noun object of a tell-verb, without a leading lower-case "the".

        An interviewer is not the outlet: `told CNN's Dana Bash` → "CNN"; `told Oprah Winfrey` → None.
        """
        if cue.lemma_.lower() != "tell":
            return None
        for child in cue.children:
            if child.dep_ in {"dobj", "dative", "iobj"} and any(t.pos_ == "PROPN" for t in child.subtree):
                owner = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if owner is not None:
                    child = owner
                elif (m := self.mention_at(child)) is not None and m.label == "PERSON":
                    return None
                words = [t for t in child.subtree if t.text not in {"'s", "’s", "'", "’"}]
                while words and (words[0].dep_ == "det" and words[0].text.islower()):
                    words = words[1:]
                words = [w for w in words if w.i <= max(t.i for t in child.subtree if t.pos_ in {"PROPN", "NOUN"})]
                return self.doc[words[0].i : words[-1].i + 1].text if words else None
        return None


def _main_cue(cues: list[tuple[Token, str]]) -> tuple[Token, str]:
    """The cue of a frame after a quote: the first, unless a later one is its sentence's main verb and the first is
    not (`X had "no other course of action" but to ask the drummer to leave, singer Y said`: Y speaks)."""
    first = cues[0]
    if first[0].dep_ != "ROOT":
        return next((c for c in cues[1:] if c[0].dep_ == "ROOT"), first)
    return first


# Conjunctions that open a clause of its own after a quotation ('"…," while Y wrote, "…"').
_CLAUSE_CONJUNCTIONS = {"while", "and", "as", "but", "whereas", "whilst", "before"}


def mend_cue_lemmas(doc, verbs: frozenset) -> None:
    """Give a past-tense reporting verb the tagger called a noun its verb's lemma: after a hyphenated subject ("the
    mother-of-two recalled", "the father-of-three joked") the small model tags the verb a noun and leaves it
    unlemmatised ("recalled"), and the cue would go unread; or an adjective heading a clause. Only words in "-ed",
    which no noun of the lists is."""
    for t in doc:
        if (t.pos_ in {"NOUN", "PROPN"} or _past_as_adjective(t)) and t.lower_.endswith("ed") \
                and t.lemma_.lower() == t.lower_ or _participle_as_noun(t):
            lemma = reporting_lemma(t.lower_, verbs)
            if lemma is not None:
                t.lemma_ = lemma


def _participle_as_noun(token: Token) -> bool:
    """True for a participle in "-ing" the tagger called a noun, set off by commas before a quotation ("Carly took
    to Twitter after the clip aired, writing, '…'"; "…, adding: '…'"), as a participle introducing words is."""
    doc, i = token.doc, token.i
    return token.pos_ == "NOUN" and token.lower_.endswith("ing") and token.lemma_.lower() == token.lower_ \
        and i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) \
        and (doc[i + 1].text in {",", ":"} and i + 2 < len(doc) and doc[i + 2].is_quote or doc[i + 1].is_quote)


def _past_as_adjective(token: Token) -> bool:
    """True for a past tense the tagger called an adjective heading a clause with its subject ('"…," the
    mother-of-two recalled.'), not one describing a noun ("the noted director")."""
    return token.pos_ == "ADJ" and token.lower_.endswith("ed") and token.dep_ in {"ROOT", "ccomp", "conj", "advcl"} \
        and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)


def _used_as_noun(token: Token) -> bool:
    """True when a reporting word the tagger called a noun is one ("the jokes about them", "a report"), not a verb it
    mistook ("he quips"): it has a determiner or adjective, or is an argument of another word. A possessive keeps
    it a cue: "Her reply: '…'" is hers. A past tense is no noun ("the mum-of-two recalled", parsed as one phrase)."""
    if token.lower_.endswith("ed"):
        return False
    return token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "compound", "poss"} \
        or any(c.dep_ in {"det", "amod", "nummod"} for c in token.children)


def _relative_asides(doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return the token ranges of the relative and participle clauses set off by commas between tokens `lo` and
    `hi` (", who co-wrote the film with her brother Nils Brandt,", ", representing Mr Mallalieu,")."""
    asides = []
    for i in range(max(lo, 1), hi):
        if (doc[i].lower_ in {"who", "whose"} or doc[i].tag_ in {"VBG", "VBN"}) and doc[i - 1].text == ",":
            end = next((j for j in range(i + 1, hi) if doc[j].text == ","), None)
            if end is not None:
                asides.append((i, end))
    return asides


def _hearsay(token: Token) -> bool:
    """True for a reporting verb in the passive before "to" ("X is said to be '…'", "she was reported to have"):
    what others say of the subject, not the subject speaking."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children) \
        and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in token.children)


def _in_adverbial_clause(token: Token) -> bool:
    """True when `token` stands in an adverbial clause of its sentence ("When Fisk asked …, the actress said")."""
    while token.head.i != token.i:
        if token.dep_ == "advcl":
            return True
        token = token.head
    return False
