"""`python -m pipeline evaluate GOLD.jsonl --outputs DIR`: score a run against gold facts.

The gold format and the matching rules are those of `docs/gold-format.md`: names and titles compared after
normalising (accents stripped, case folded, punctuation dropped, a leading "the" dropped); strict = equal,
lenient = a person also matches on the same last token or a token subset, a title when one contains the
other. Matching is greedy and one-to-one per article.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    import pandas as pd

RELATION_TYPES = ("actor_role", "cast_member", "creator_work")
FACT_TYPES = RELATION_TYPES + ("quote_span", "quote_speaker", "date_mention")
WORK_LABELS = {"WORK_OF_ART", "WORK"}
# Labels that would make a work title a person or a place.
PERSON_OR_PLACE = {"PERSON", "GPE", "LOC", "FAC", "NORP"}


def norm(value) -> str:
    """Return `value` normalised for comparison (accents, case, punctuation and a leading "the" dropped)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def name_eq(a, b, lenient: bool) -> bool:
    """Return True when two person names match (lenient: same last token, or one's tokens within the other's)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return a == b
    if a == b:
        return True
    if not lenient:
        return False
    ta, tb = a.split(), b.split()
    return ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta)


def work_eq(a, b, lenient: bool) -> bool:
    """Return True when two titles match (lenient: one contains the other)."""
    a, b = norm(a), norm(b)
    if a == b:
        return True
    return lenient and bool(a) and bool(b) and (a in b or b in a)


def title_counts(gold_works: list[dict], mentions: list, lenient: bool = False) -> dict:
    """Score one article's work-labelled mentions against its gold `works`: distinct normalised titles.

    `mentions` are mention rows or records with `text` and `label`. Returns tp/fp/fn, the unmatched titles both
    ways, and `as_person_or_place`: gold titles that some mention of the same text labels as a person or place.
    """
    def field(m, key):
        return m.get(key) if isinstance(m, dict) else getattr(m, key)

    gold = {norm(w["title"]) for w in gold_works} - {""}
    pred = {norm(field(m, "text")) for m in mentions if field(m, "label") in WORK_LABELS} - {""}
    found = {g for g in gold if (g in pred if not lenient else any(work_eq(g, p, True) for p in pred))}
    used = {p for p in pred if (p in gold if not lenient else any(work_eq(g, p, True) for g in gold))}
    wrong = {norm(field(m, "text")) for m in mentions if field(m, "label") in PERSON_OR_PLACE}
    return {"tp": len(found), "fp": len(pred - used), "fn": len(gold - found),
            "as_person_or_place": len(gold & wrong), "missed": sorted(gold - found), "extra": sorted(pred - used)}


@dataclass
class Tally:
    """Counts of one fact type, with the false positives and misses behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _match(gold: list, pred: list, eq: Callable) -> tuple[list, list, list]:
    """Greedy one-to-one matching; return (matched pairs, unmatched predictions, unmatched gold)."""
    used, pairs, missed = set(), [], []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and eq(g, p):
                used.add(i)
                pairs.append((g, p))
                break
        else:
            missed.append(g)
    return pairs, [p for i, p in enumerate(pred) if i not in used], missed


def _dedup(items: list, key: Callable) -> list:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def read_table(outputs: Path, name: str) -> Optional[pd.DataFrame]:
    """Return table `name` from a run's folder (Parquet file or dataset, else CSV), or None."""
    import pandas as pd  # imported here: the CLI loads this module on every command

    parquet = outputs / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if (outputs / f"{name}.csv").exists():
        return pd.read_csv(outputs / f"{name}.csv")
    return None


def _rows(frame: Optional[pd.DataFrame], article_id: str, relation: Optional[str] = None) -> list[dict]:
    if frame is None or frame.empty:
        return []
    rows = frame[frame["article_id"].astype(str) == article_id]
    if relation is not None:
        rows = rows[rows["relation"] == relation]
    return rows.to_dict("records")


def _pair_key(subject: str, obj: str) -> Callable:
    return lambda r: (norm(r.get(subject)), norm(r.get(obj)))


def score(gold: list[dict], outputs: Path) -> dict:
    """Return strict and lenient scores plus, per fact type, the false positives and misses."""
    relations, quotes, dates, mentions = (read_table(outputs, n) for n in ("relations", "quotes", "dates", "mentions"))
    result = {}
    for mode, lenient in (("strict", False), ("lenient", True)):
        tally = {k: Tally() for k in FACT_TYPES + ("work_title",)}
        attr_ok = attr_n = val_ok = val_n = 0
        for g in gold:
            aid = g["article_id"]

            def add(kind, pairs, fps, misses):
                t = tally[kind]
                t.tp += len(pairs)
                t.fp += len(fps)
                t.fn += len(misses)
                t.false_positives += [dict(p, article_id=aid) for p in fps]
                t.misses += [dict(m, article_id=aid) for m in misses]

            if "works" in g:
                counts = title_counts(g["works"], _rows(mentions, aid), lenient)
                add("work_title", [None] * counts["tp"], [{"text": t} for t in counts["extra"]],
                    [{"text": t} for t in counts["missed"]])
            pred = _dedup(_rows(relations, aid, "actor_role"), _pair_key("subject", "object"))
            add("actor_role", *_match(g.get("actor_role", []), pred, lambda a, b: name_eq(a["actor"], b.get("subject"), lenient) and name_eq(a["character"], b.get("object"), lenient)))
            pred = _dedup(_rows(relations, aid, "cast_member"), _pair_key("subject", "object"))
            gold_cast = _dedup(g.get("cast_member", []), lambda r: (norm(r["actor"]), norm(r["work"])))
            add("cast_member", *_match(gold_cast, pred, lambda a, b: name_eq(a["actor"], b.get("subject"), lenient) and work_eq(a["work"], b.get("object"), lenient)))
            pred = _dedup(_rows(relations, aid, "creator_work"), _pair_key("subject", "object"))
            gold_made = _dedup(g.get("creator_work", []), lambda r: (norm(r["person"]), norm(r["work"])))
            add("creator_work", *_match(gold_made, pred, lambda a, b: name_eq(a["person"], b.get("subject"), lenient) and work_eq(a["work"], b.get("object"), lenient)))

            def quote_eq(a, b):
                start = " ".join(norm(a["start"]).split()[:5])
                text = norm(b.get("text"))
                return bool(start) and (start in text or (len(text.split()) >= 3 and text in norm(a["start"])))

            pred = _rows(quotes, aid)
            pairs, fps, misses = _match(g.get("quotes", []), pred, quote_eq)
            add("quote_span", pairs, fps, misses)
            right = [(a, b) for a, b in pairs if name_eq(a["speaker"], b.get("speaker"), lenient)]
            wrong_pred = [b for a, b in pairs if not name_eq(a["speaker"], b.get("speaker"), lenient)]
            wrong_gold = [a for a, b in pairs if not name_eq(a["speaker"], b.get("speaker"), lenient)]
            add("quote_speaker", right, fps + wrong_pred, misses + wrong_gold)
            attr_ok += len(right)
            attr_n += len(pairs)

            def date_eq(a, b):
                x, y = norm(a["text"]), norm(b.get("text"))
                return bool(x) and bool(y) and (x in y or y in x)

            # the gold annotates calendar expressions: rows typed TIME, DURATION or SET are not scored
            calendar = [r for r in _rows(dates, aid)
                        if not isinstance(r.get("type"), str) or r["type"].upper() == "DATE"]
            pairs, fps, misses = _match(g.get("dates", []), calendar, date_eq)
            add("date_mention", pairs, fps, misses)
            for a, b in pairs:
                if a.get("value"):
                    val_n += 1
                    val_ok += str(b.get("value") or "").upper() == str(a["value"]).upper()
        scores = {k: t.scores() for k, t in tally.items() if k != "work_title" or t.tp + t.fp + t.fn}
        micro = Tally(*(sum(getattr(tally[k], f) for k in RELATION_TYPES) for f in ("tp", "fp", "fn")))
        scores["relations_micro"] = micro.scores()
        scores["quote_attribution_acc"] = round(attr_ok / attr_n, 3) if attr_n else 0.0
        scores["date_value_acc"] = round(val_ok / val_n, 3) if val_n else 0.0
        result[mode] = scores
        result[f"{mode}_errors"] = {k: {"false_positives": t.false_positives, "misses": t.misses} for k, t in tally.items()}
    result["articles"] = len(gold)
    return result


FLOOR_KEYS = FACT_TYPES + ("work_title", "relations_micro", "quote_attribution_acc", "date_value_acc")


class UsageError(ValueError):
    """A gold or floors file that cannot be used, with one line saying what is wrong."""


def load_gold(path: Path) -> list[dict]:
    """Return the gold facts of a JSON Lines file, one dict per article.

    Raises UsageError naming the first line that is not a JSON object with an `article_id`.
    """
    gold = []
    try:
        with open(path, encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise UsageError(f"{path} is not JSON Lines: line {lineno} is not JSON ({exc}); "
                                     "give gold facts in the format of docs/gold-format.md") from None
                if not isinstance(record, dict) or "article_id" not in record:
                    raise UsageError(f"{path} line {lineno} is not a gold record: each line is a JSON object "
                                     "with an article_id (docs/gold-format.md)")
                gold.append(record)
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; give gold facts as JSON Lines (docs/gold-format.md)") from None
    return gold


def load_floors(path: Path) -> dict[str, float]:
    """Return the floors in a JSON file mapping score names to numbers; raises UsageError when it is not one."""
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"floors file not found: {path}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"--floors {path} is not JSON ({exc})") from None
    if not isinstance(floors, dict):
        raise UsageError(f"--floors {path} must hold one JSON object of score names to numbers")
    for key, value in floors.items():
        if key not in FLOOR_KEYS:
            raise UsageError(f"--floors {path}: unknown score {key!r}; known: {', '.join(FLOOR_KEYS)}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise UsageError(f"--floors {path}: the floor of {key} must be a number from 0 to 1, not {value!r}")
    return floors


def _describe(kind: str, item: dict) -> str:
    """Return one readable line for a false positive (a table row) or a miss (a gold fact)."""
    aid = item.get("article_id")
    if kind in RELATION_TYPES:
        if "relation" in item:
            return f"{aid}: {item.get('subject')} → {item.get('object')}  [{item.get('rule')}]  «{item.get('evidence')}»"
        gold = (item.get("actor"), item.get("character") or item.get("work")) if "actor" in item else (item.get("person"), item.get("work"))
        return f"{aid}: {gold[0]} → {gold[1]}"
    if kind in ("quote_span", "quote_speaker"):
        if "quote_id" in item:
            return f"{aid}: [{item.get('speaker')}] «{str(item.get('text'))[:70]}»  ({item.get('method')})"
        return f"{aid}: [{item.get('speaker')}] «{item.get('start')}»"
    if kind == "work_title":
        return f"{aid}: {item.get('text')!r}"
    return f"{aid}: {item.get('text')!r} value={item.get('value')}"


def report(result: dict, errors: bool = True) -> str:
    """Return the scores as a table, then (optionally) the strict false positives and misses per type."""
    lines = [f"{'fact type':24s} {'strict P':>8s} {'R':>6s} {'F1':>6s}   {'lenient P':>9s} {'R':>6s} {'F1':>6s}   tp/fp/fn (strict)"]
    for kind in FACT_TYPES + ("work_title", "relations_micro"):
        if kind not in result["strict"]:
            continue
        s, l = result["strict"][kind], result["lenient"][kind]
        lines.append(f"{kind:24s} {s['p']:8.3f} {s['r']:6.3f} {s['f1']:6.3f}   {l['p']:9.3f} {l['r']:6.3f} {l['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for kind in ("quote_attribution_acc", "date_value_acc"):
        lines.append(f"{kind:24s} {result['strict'][kind]:8.3f} {'':13s}   {result['lenient'][kind]:9.3f}")
    if errors:
        for kind in FACT_TYPES + ("work_title",):
            found = result["strict_errors"][kind]
            if not found["false_positives"] and not found["misses"]:
                continue
            lines.append(f"\n== {kind}")
            lines += [f"  FP  {_describe(kind, item)}" for item in found["false_positives"]]
            lines += [f"  FN  {_describe(kind, item)}" for item in found["misses"]]
    return "\n".join(lines)


def main(args) -> int:
    """Run `python -m pipeline evaluate` with parsed `args`; return the exit code."""
    if not args.gold.is_file():
        print(f"error: gold file not found: {args.gold}", file=sys.stderr)
        return 2
    if not args.outputs.is_dir():
        print(f"error: outputs folder not found: {args.outputs}", file=sys.stderr)
        return 2
    try:
        gold = load_gold(args.gold)
        floors = load_floors(args.floors) if args.floors else None
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = score(gold, args.outputs)
    if args.json:
        print(json.dumps({k: result[k] for k in ("strict", "lenient", "articles")}))
    else:
        print(report(result, errors=not args.no_errors))
    if floors is not None:
        failed = check_floors(result, floors)
        for line in failed:
            print(f"below floor: {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


def check_floors(result: dict, floors: dict) -> list[str]:
    """Return a line for every strict F1 (or accuracy) below its floor."""
    failed = []
    for kind, floor in floors.items():
        if kind not in result["strict"]:
            failed.append(f"{kind} not scored (the gold lists no works)")
            continue
        value = result["strict"][kind]
        value = value["f1"] if isinstance(value, dict) else value
        if value < floor:
            failed.append(f"{kind} strict {value:.3f} < {floor:.3f}")
    return failed
