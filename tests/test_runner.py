"""The batch job end to end: tables, reruns, changes, bad input, exports and the lock."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import changed_sources
from pipeline.runner import Busy, Options, Settings, locked, run
from pipeline.schema import TABLE_NAMES, columns

ROOT = Path(__file__).resolve().parent.parent


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    """Return every table as read by users, sorted, without the run's timestamp."""
    frames = {}
    for table in TABLE_NAMES:
        frame = pd.read_parquet(out / f"{table}.parquet")
        frame = frame.drop(columns=["processed_at"], errors="ignore")
        frames[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return frames


def _assert_same_tables(a: Path, b: Path) -> None:
    left, right = _tables(a), _tables(b)
    try:
        for table in TABLE_NAMES:
            pd.testing.assert_frame_equal(left[table], right[table], check_like=False, obj=table)
    except AssertionError as exc:
        changed = changed_sources()
        if changed:
            # Tables from two versions of the code differ as they should: say so rather than report a bad run.
            pytest.fail(f"{exc}\n\nthe pipeline's files changed while the tests ran ({', '.join(changed[:5])}), so "
                        "the tables compared may come from different code; run the tests again on a tree not being "
                        "edited")
        raise


def _run(inputs, out, **kw):
    return run([inputs], out, Settings(), Options(**kw))


def test_tables_have_the_contract_columns(inputs, tmp_path):
    out = tmp_path / "out"
    summary = _run(inputs, out)
    assert summary.processed == 2 and summary.failed == 0
    for table in TABLE_NAMES:
        frame = pd.read_parquet(out / f"{table}.parquet")
        assert list(frame.columns) == columns(table), table
        csv = pd.read_csv(out / f"{table}.csv")
        assert list(csv.columns) == columns(table), table
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["etoile", "published"] == "2025-04-19"
    assert articles.loc["warhol", "status"] == "ok"


def test_mention_offsets_point_into_the_stored_text(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    texts = pd.read_parquet(out / "articles.parquet").set_index("article_id")["text"]
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert len(mentions) > 20
    for row in mentions.itertuples():
        assert texts[row.article_id][row.start_char:row.end_char] == row.text


def test_rerun_with_nothing_new_changes_nothing(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet") if p.is_file()}
    summary = _run(inputs, out)
    assert (summary.processed, summary.skipped) == (0, 2)
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet") if p.is_file()}
    assert before == after


def test_changed_article_replaces_its_rows(inputs, tmp_path):
    out, clean = tmp_path / "out", tmp_path / "clean"
    _run(inputs, out)
    path = inputs / "etoile.txt"
    path.write_text(path.read_text().replace("Charlotte Gainsbourg", "Charlotte Rampling"))
    summary = _run(inputs, out)
    assert summary.processed == 1 and summary.skipped == 1
    _run(inputs, clean)
    _assert_same_tables(out, clean)
    entities = pd.read_parquet(out / "entities.parquet")
    assert "Charlotte Rampling" in set(entities.name)
    assert "Charlotte Gainsbourg" not in set(entities.name)
    for table in TABLE_NAMES:  # the CSV exports follow the Parquet tables
        csv = pd.read_csv(out / f"{table}.csv", keep_default_na=False)
        assert len(csv) == len(pd.read_parquet(out / f"{table}.parquet")), table
    assert "Charlotte Gainsbourg" not in (out / "entities.csv").read_text()


def test_full_rerun_gives_identical_tables(inputs, tmp_path):
    out, again = tmp_path / "out", tmp_path / "again"
    _run(inputs, out)
    _run(inputs, again)
    _run(inputs, again, full=True)
    _assert_same_tables(out, again)


def test_prune_removes_rows_of_deleted_inputs(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    (inputs / "warhol.txt").unlink()
    assert _run(inputs, out).pruned == 0
    assert "warhol" in set(pd.read_parquet(out / "articles.parquet").article_id)
    assert _run(inputs, out, prune=True).pruned == 1
    for table in TABLE_NAMES:
        assert "warhol" not in set(pd.read_parquet(out / f"{table}.parquet").article_id), table


def test_bad_inputs_are_reported_and_the_rest_processed(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK")
    (inputs / "feed.jsonl").write_text('{"id": "ok1", "text": "Jane Doe stars in the film Blue Harbour."}\n{broken\n')
    (inputs / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    with open(inputs / "huge.txt", "wb") as handle:  # 50 MB, over the default limit
        handle.write(b"word " * 10_000_000)
    out = tmp_path / "out"
    summary = _run(inputs, out)
    assert summary.exit_code == 1
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["empty", "status"] == "error" and "empty" in articles.loc["empty", "error"]
    assert "binary" in articles.loc["binary", "error"]
    assert "malformed JSON" in articles.loc["feed#2", "error"]
    assert "no article text" in articles.loc["nav", "error"]
    assert "50.0 MB, over the 10.0 MB limit" in articles.loc["huge", "error"]
    assert articles.loc["ok1", "status"] == "ok"
    assert articles.loc["etoile", "status"] == "ok"


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=cmd.txt").write_text("=HYPERLINK(\"http://x\")\n\nJane Doe said the film was fun to make.")
    out = tmp_path / "out"
    _run(folder, out)
    csv = pd.read_csv(out / "articles.csv")
    assert csv.article_id[0] == "'=cmd"
    assert csv.title[0].startswith("'=HYPERLINK")
    assert pd.read_parquet(out / "articles.parquet").article_id[0] == "=cmd"


def test_second_run_on_a_locked_folder_is_refused(inputs, tmp_path):
    out = tmp_path / "out"
    with locked(out):
        with pytest.raises(Busy, match="another run"):
            _run(inputs, out)


def test_cli_exit_codes(inputs, tmp_path):
    out = tmp_path / "out"
    ok = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out)],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    assert "2 articles ok, 0 failed" in ok.stdout
    usage = subprocess.run([sys.executable, "-m", "pipeline", "run", "--published", "someday"],
                           capture_output=True, text=True, cwd=ROOT)
    assert usage.returncode == 2
    zero = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--batch-tokens", "0"],
                          capture_output=True, text=True, cwd=ROOT)
    assert zero.returncode == 2 and "--batch-tokens must be at least 1" in zero.stderr
    (inputs / "empty.txt").write_bytes(b"")
    failed = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert failed.returncode == 1
    assert "failed: empty: empty file" in failed.stderr


def test_many_small_parts_are_compacted_into_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    out, clean = tmp_path / "out", tmp_path / "clean"
    for i in range(5):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\n\nJane Doe{i} stars in the film Blue Harbour {i}.")
        _run(folder, out, part_size=1, max_parts=3)
    parts = list((out / "articles.parquet").glob("*.parquet"))
    assert len(parts) <= 3
    _run(folder, clean)
    _assert_same_tables(out, clean)


@pytest.mark.parametrize("cell", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_prefix_is_neutralised(cell):
    import pyarrow as pa

    from pipeline.store import neutralise_formulas

    data = pa.table({"text": [cell, "Plain text", None], "n": [1, 2, 3]})
    out = neutralise_formulas(data).to_pydict()
    assert out["text"] == ["'" + cell, "Plain text", None]
    assert out["n"] == [1, 2, 3]


def test_rerun_with_nothing_new_does_not_load_spacy(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    code = (f"import sys; from pipeline.runner import run; s = run([{str(inputs)!r}], {str(out)!r}); "
            "print(s.skipped, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.split() == ["2", "False"], done.stderr


def test_cli_run_never_loads_pandas(inputs, tmp_path):
    # pandas costs a run about 50 MB of memory for nothing: the run writes Parquet and CSV through pyarrow only,
    # including the paths that rewrite an old part (a changed article), prune and export CSV.
    out, clean = tmp_path / "out", tmp_path / "clean"
    path = inputs / "etoile.txt"
    code = (
        "import sys, pathlib; from pipeline.cli import main; "
        f"args = ['run', {str(inputs)!r}, '--out', {str(out)!r}, '--no-progress', '--prune']; "
        "codes = [main(args)]; "
        f"p = pathlib.Path({str(path)!r}); p.write_text(p.read_text().replace('Gainsbourg', 'Rampling')); "
        f"pathlib.Path({str(inputs / 'warhol.txt')!r}).unlink(); "
        "codes.append(main(args)); "
        "print(*codes, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.split()[-3:] == ["0", "0", "False"], done.stderr
    _run(inputs, clean)
    _assert_same_tables(out, clean)
    assert "Charlotte Rampling" in (out / "entities.csv").read_text()


def test_format_parquet_removes_csvs_it_would_leave_stale(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    csvs = [out / f"{t}.csv" for t in TABLE_NAMES]
    assert all(p.exists() for p in csvs)
    # Nothing changed: the CSVs still agree with the tables and stay.
    _run(inputs, out, csv=False)
    assert all(p.exists() for p in csvs)
    path = inputs / "etoile.txt"
    path.write_text(path.read_text().replace("Charlotte Gainsbourg", "Charlotte Rampling"))
    _run(inputs, out, csv=False)
    assert not any(p.exists() for p in csvs)
    (inputs / "warhol.txt").unlink()
    _run(inputs, out, csv=False, prune=True)
    assert not any(p.exists() for p in csvs)
    # Back to both formats: the CSVs come back, current.
    _run(inputs, out)
    assert "Charlotte Rampling" in (out / "entities.csv").read_text()
    assert len(pd.read_csv(out / "articles.csv")) == 1


def test_pipelineignore_with_prune_drops_newly_ignored_articles(inputs, tmp_path):
    out = tmp_path / "out"
    _run(inputs, out)
    (inputs / ".pipelineignore").write_text("warhol.txt\n")
    summary = _run(inputs, out, prune=True)
    assert summary.pruned == 1
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["etoile"]


def _write_tables(out: Path, entities: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.schema import TABLES

    for table in TABLE_NAMES:
        (out / f"{table}.parquet").mkdir(parents=True)
        rows = entities if table == "entities" else []
        pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[table]), out / f"{table}.parquet" / "part-000000.parquet")


def test_tables_that_differ_after_the_pipeline_files_changed_are_reported_as_such(tmp_path, monkeypatch):
    import conftest

    a, b = tmp_path / "a", tmp_path / "b"
    _write_tables(a, [])
    _write_tables(b, [{"article_id": "x", "entity_id": "org:i", "name": "I", "label": "ORG", "n_mentions": 2}])
    with pytest.raises(AssertionError, match="entities are different") as plain:
        _assert_same_tables(a, b)
    assert "changed while the tests ran" not in str(plain.value)
    # As if a file had been edited after the session started: a run started now would use other code.
    edited = dict(conftest.SESSION_SOURCES, **{"pipeline/names.py": "0" * 64})
    monkeypatch.setattr(conftest, "SESSION_SOURCES", edited)
    with pytest.raises(pytest.fail.Exception, match=r"(?s)entities are different.*pipeline/names\.py\), so .*different code"):
        _assert_same_tables(a, b)
    _assert_same_tables(a, a)  # equal tables pass whatever changed


def test_giving_labels_to_the_base_models_ner_changes_the_settings_fingerprint(monkeypatch):
    from pipeline.runner import Settings

    monkeypatch.delenv("PIPELINE_BASE_NER", raising=False)
    default = Settings().fingerprint()
    monkeypatch.setenv("PIPELINE_BASE_NER", "0")
    assert Settings().fingerprint() == default
    monkeypatch.setenv("PIPELINE_BASE_NER", "1")
    assert Settings().fingerprint() != default  # a rerun reprocesses every article
