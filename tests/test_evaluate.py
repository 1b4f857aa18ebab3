import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import check_floors, name_eq, norm, score, work_eq
from pipeline.schema import to_arrow

ROOT = Path(__file__).resolve().parent.parent

GOLD = [{
    "article_id": "a1", "published": None,
    "actor_role": [{"actor": "Linda Carter", "character": "Wonder Woman", "work": "Wonder Woman"}],
    "cast_member": [{"actor": "Linda Carter", "work": "Wonder Woman"}, {"actor": "Linda Carter", "work": "Wonder Woman"}],
    "creator_work": [{"person": "Joss Whedon", "work": "Serenity", "credit": "director"},
                     {"person": "Joss Whedon", "work": "Firefly", "credit": "creator"}],
    "quotes": [{"speaker": "Joss Whedon", "start": "In a way, no one has met her yet", "cue": "said"},
               {"speaker": "Joel Silver", "start": "There's no one better than Joss to adapt", "cue": "said"}],
    "dates": [{"text": "the 1970s", "value": "197X"}, {"text": "1992", "value": "1992"}],
}]


def _write(out: Path, table: str, rows: list[dict]) -> None:
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(table, rows), out / f"{table}.parquet")


@pytest.fixture
def outputs(tmp_path):
    rel = lambda relation, s, o: {"article_id": "a1", "relation": relation, "subject": s, "object": o,
                                  "evidence": "ev", "rule": "r", "confidence": 0.9}
    _write(tmp_path, "relations", [
        rel("actor_role", "Linda Carter", "Wonder Woman"),
        rel("cast_member", "Linda Carter", "the Wonder Woman"),
        rel("cast_member", "Linda Carter", "Wonder Woman"),  # duplicate pair counts once
        rel("creator_work", "Whedon", "Serenity"),  # lenient only: surname
        rel("creator_work", "Joss Whedon", "Buffy"),  # wrong
        dict(rel("creator_work", "Other", "x"), article_id="zz"),  # an article without gold: ignored
    ])
    _write(tmp_path, "quotes", [
        {"article_id": "a1", "quote_id": "a1-q1", "text": "In a way, no one has met her yet", "speaker": "Joss Whedon"},
        {"article_id": "a1", "quote_id": "a1-q2", "text": "There's no one better than Joss to adapt it", "speaker": None},
    ])
    _write(tmp_path, "dates", [
        {"article_id": "a1", "text": "the 1970s", "value": "197X"},
        {"article_id": "a1", "text": "1992", "value": "1993"},
        {"article_id": "a1", "text": "Tuesday", "value": None},
        {"article_id": "a1", "text": "for three years", "type": "DURATION", "value": "P3Y"},  # not a calendar date
        {"article_id": "a1", "text": "1992", "type": "SET", "value": "XXXX"},  # typed other than DATE: not scored
    ])
    return tmp_path


def test_normalisation():
    assert norm("The Marvelous Mrs. Maisel") == "marvelous mrs maisel"
    assert norm("Étoile’s") == "etoile s"
    assert name_eq("Whedon", "Joss Whedon", lenient=True) and not name_eq("Whedon", "Joss Whedon", lenient=False)
    assert work_eq("Matrix", "The Matrix trilogy", lenient=True) and not work_eq("Matrix", "Matrix trilogy", lenient=False)


def test_strict_and_lenient_scores(outputs):
    result = score(GOLD, outputs)
    strict, lenient = result["strict"], result["lenient"]
    assert strict["actor_role"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert (strict["cast_member"]["tp"], strict["cast_member"]["fp"], strict["cast_member"]["fn"]) == (1, 0, 0)
    assert (strict["creator_work"]["tp"], strict["creator_work"]["fp"], strict["creator_work"]["fn"]) == (0, 2, 2)
    assert (lenient["creator_work"]["tp"], lenient["creator_work"]["fp"]) == (1, 1)
    assert strict["quote_span"]["tp"] == 2
    assert (strict["quote_speaker"]["tp"], strict["quote_speaker"]["fp"], strict["quote_speaker"]["fn"]) == (1, 1, 1)
    assert strict["quote_attribution_acc"] == 0.5
    assert (strict["date_mention"]["tp"], strict["date_mention"]["fp"]) == (2, 1)
    assert strict["date_value_acc"] == 0.5
    assert strict["relations_micro"]["tp"] == 2


def test_errors_list_false_positives_and_misses(outputs):
    errors = score(GOLD, outputs)["strict_errors"]["creator_work"]
    assert {(e["subject"], e["object"]) for e in errors["false_positives"]} == {("Whedon", "Serenity"), ("Joss Whedon", "Buffy")}
    assert {(m["person"], m["work"]) for m in errors["misses"]} == {("Joss Whedon", "Serenity"), ("Joss Whedon", "Firefly")}


def test_floors():
    result = {"strict": {"quote_span": {"f1": 0.9}, "date_value_acc": 0.8}}
    assert check_floors(result, {"quote_span": 0.85, "date_value_acc": 0.8}) == []
    assert len(check_floors(result, {"quote_span": 0.95})) == 1


def test_cli_json_has_the_documented_keys(outputs, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD))
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), "--outputs", str(outputs), "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    for mode in ("strict", "lenient"):
        for key in ("actor_role", "cast_member", "creator_work", "quote_span", "quote_speaker", "date_mention",
                    "relations_micro"):
            assert set(result[mode][key]) == {"p", "r", "f1", "tp", "fp", "fn"}
        assert "quote_attribution_acc" in result[mode] and "date_value_acc" in result[mode]


def test_cli_report_lists_errors(outputs, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]))
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), "--outputs", str(outputs)],
                          capture_output=True, text=True, cwd=ROOT)
    assert "== creator_work" in done.stdout
    assert "FP  a1: Joss Whedon → Buffy" in done.stdout
    assert "FN  a1: Joss Whedon → Firefly" in done.stdout


BAD_GOLD = {
    "csv": ("article_id,actor\na1,Linda Carter\n", "is not JSON Lines: line 1 is not JSON"),
    "json array": ('[{"article_id": "a1"}]\n', "line 1 is not a gold record"),
    "no article_id": ('{"article_id": "a1"}\n{"id": "a2"}\n', "line 2 is not a gold record"),
    "binary": (b"\xff\xfe\x00\x01", "is not UTF-8 text"),
}


@pytest.mark.parametrize("content, message", BAD_GOLD.values(), ids=BAD_GOLD.keys())
def test_cli_gold_that_is_not_json_lines_exits_2_with_one_line(outputs, tmp_path, content, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), "--outputs", str(outputs)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {gold}") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert done.stdout == ""


BAD_FLOORS = {
    "typo in a name": ('{"actor_role": 0.5, "relatons_micro": 0.7}', "unknown score 'relatons_micro'; known: "),
    "trailing comma": ('{"actor_role": 0.5,}', "is not JSON"),
    "a list": ("[0.5]", "must hold one JSON object"),
    "a percentage": ('{"actor_role": 60}', "must be a number from 0 to 1, not 60"),
    "a string": ('{"actor_role": "0.6"}', "must be a number from 0 to 1, not '0.6'"),
}


@pytest.mark.parametrize("content, message", BAD_FLOORS.values(), ids=BAD_FLOORS.keys())
def test_cli_invalid_floors_exit_2_with_one_line_before_scoring(outputs, tmp_path, content, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]))
    floors = tmp_path / "floors.json"
    floors.write_text(content)
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), "--outputs", str(outputs),
                           "--floors", str(floors)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: --floors {floors}") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert done.stdout == ""


def test_the_project_floors_file_is_valid():
    from pipeline.evaluate import load_floors

    assert load_floors(ROOT / ".ci" / "dev_floors.json")["relations_micro"] > 0


def test_work_titles_are_scored_as_distinct_titles_per_article(outputs):
    gold = [dict(GOLD[0], works=[{"title": "Serenity", "type": "film"}, {"title": "Firefly", "type": "tv"},
                                 {"title": "The Matrix", "type": "film"}])]
    mention = lambda text, label: {"article_id": "a1", "entity_id": f"x:{text}", "text": text, "label": label,
                                   "start_char": 0, "end_char": len(text), "sentence": "s", "kind": "name"}
    _write(outputs, "mentions", [
        mention("Serenity", "WORK_OF_ART"), mention("Serenity", "WORK_OF_ART"),  # one title, counted once
        mention("Matrix", "WORK_OF_ART"),  # equal after normalising ("The" dropped)
        mention("Firefly", "PERSON"),  # a title labelled a person is a miss
        mention("Buffy", "WORK_OF_ART"),  # not in the gold list
    ])
    result = score(gold, outputs)
    assert {k: result["strict"]["work_title"][k] for k in ("tp", "fp", "fn")} == {"tp": 2, "fp": 1, "fn": 1}
    assert [m["text"] for m in result["strict_errors"]["work_title"]["misses"]] == ["firefly"]


def test_work_title_is_absent_when_the_gold_lists_no_works(outputs):
    assert "work_title" not in score(GOLD, outputs)["strict"]
