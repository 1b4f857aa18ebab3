"""The word lists and patterns quote attribution reads (`data/quote_cues.json`, `data/first_names.json`)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Lexicon:
    """The word lists of `quote_cues.json` and `first_names.json`."""

    verbs: frozenset
    phrases: tuple
    person_roles: frozenset
    org_roles: frozenset
    org_voices: frozenset  # "organisers said": the organisation in focus
    anonymous_roles: frozenset
    public_nouns: frozenset  # "one viewer", "a fan": unnamed members of the public
    issuing_verbs: frozenset  # "released a statement": its subject spoke
    relational_roles: frozenset
    org_nouns: frozenset
    referring_org_nouns: frozenset  # "the magazine said": the organisation last named, whatever its name
    press_nouns: frozenset  # "the site", "the magazine": the press, named where people talk to it ("told TMZ")
    platforms: frozenset  # social platforms people post on ("Instagram"), which …
    not_platform_nouns: frozenset  # … these nouns never refer to ("the network", "the magazine")
    group_nouns: frozenset
    demonyms: frozenset  # "the Scot", "the New Zealander"
    gender: dict  # word → "m" | "f"
    honorifics: frozenset
    pronouns: dict  # pronoun → "m" | "f" | "org"
    verbs_with_object: dict  # verb → the objects it needs to report speech ("put" → "it")
    verbs_alone: frozenset  # verbs that report speech only with no word of their own after them ("she began.")
    written_objects: frozenset
    read_out_things: frozenset  # "read out his speech": the speech's owner speaks, not the reader
    speech_nouns: frozenset  # "Her response?", "Doe's verdict:": the owner's words follow
    posting_places: frozenset
    reply_verbs: frozenset
    issued_objects: frozenset  # what an organisation issues and is quoted from ("the report said": its issuer)
    question_verbs: frozenset  # "Kimmel asked him …": the one asked answers
    addressee_verbs: frozenset  # "told TMZ", "asked the host": the object is spoken to, never the speaker
    forms: dict  # name → compiled pattern of an attribution without a reporting verb
    character_before: re.Pattern
    character_after: re.Pattern
    role_kinds: dict  # role noun → the kinds of work it allows, the first the one it names ("singer" → music, writing)
    kind_verbs: dict  # verb lemma → the kind of work its subject does ("direct" → "directing")

    @classmethod
    def load(cls, cues_file: str = "quote_cues.json", names_file: str = "first_names.json") -> "Lexicon":
        """Return the lexicon read from the two data files."""
        cues = json.loads((DATA / cues_file).read_text(encoding="utf-8"))
        names = json.loads((DATA / names_file).read_text(encoding="utf-8"))
        gender = {w: g for g in ("m", "f") for w in names[g]}
        gender.update({w: g for g in ("m", "f") for w in cues["gender"][g]})
        return cls(
            verbs=frozenset(cues["verbs"]),
            phrases=tuple(tuple(p) for p in cues["phrases"]),
            person_roles=frozenset(cues["person_roles"]),
            org_roles=frozenset(cues["org_roles"]),
            org_voices=frozenset(cues["org_voices"]),
            anonymous_roles=frozenset(cues["anonymous_roles"]),
            public_nouns=frozenset(cues["public_nouns"]),
            issuing_verbs=frozenset(cues["issuing_verbs"]),
            relational_roles=frozenset(cues["relational_roles"]),
            org_nouns=frozenset(cues["org_nouns"]),
            referring_org_nouns=frozenset(cues["referring_org_nouns"]),
            press_nouns=frozenset(cues["press_nouns"]),
            platforms=frozenset(cues["platforms"]["names"]),
            not_platform_nouns=frozenset(cues["platforms"]["not_nouns"]),
            group_nouns=frozenset(cues["group_nouns"]),
            demonyms=frozenset(cues["demonyms"]),
            gender=gender,
            honorifics=frozenset(cues["honorifics"]),
            pronouns=dict(cues["pronouns"]),
            verbs_with_object={v: frozenset(o) for v, o in cues["verbs_with_object"].items()},
            verbs_alone=frozenset(cues["verbs_alone"]),
            written_objects=frozenset(cues["written_objects"]),
            read_out_things=frozenset(cues["read_out_things"]),
            speech_nouns=frozenset(cues["speech_nouns"]),
            posting_places=frozenset(cues["posting_places"]),
            reply_verbs=frozenset(cues["reply_verbs"]),
            issued_objects=frozenset(cues["issued_objects"]),
            question_verbs=frozenset(cues["question_verbs"]),
            addressee_verbs=frozenset(cues["addressee_verbs"]),
            forms={name: re.compile(pattern) for name, pattern in cues["forms"].items()},
            character_before=re.compile(cues["character_contexts"]["before"], re.IGNORECASE),
            character_after=re.compile(cues["character_contexts"]["after"]),
            role_kinds={noun: tuple(kinds) for noun, kinds in cues["role_kinds"]["nouns"].items()},
            kind_verbs=dict(cues["role_kinds"]["verbs"]),
        )
