"""The README's "Query the tables" examples, run as written against the tables of a real run."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.runner import run

ROOT = Path(__file__).resolve().parent.parent


def _examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Query the tables", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_has_a_pandas_and_a_duckdb_example():
    examples = _examples()
    assert len(examples) == 2
    assert "import pandas" in examples[0] and "import duckdb" in examples[1]
    assert all("articles" in e and "relations" in e for e in examples)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder holding `outputs/` as the examples name it: the seed article's tables."""
    folder = tmp_path_factory.mktemp("query")
    run([ROOT / "raw"], folder / "outputs")
    return folder


@pytest.mark.parametrize("index, expected", [
    (0, ["Kelly Bishop", "actor_role", "Emily Gilmore", "Charlotte Gainsbourg", "cast_member", "2025-04-19"]),
    (1, ["Amy Sherman-Palladino", "creator", "Étoile", "2025-04-19"]),
], ids=["pandas", "duckdb"])
def test_readme_query_example_runs_and_joins_articles(workdir, index, expected):
    done = subprocess.run([sys.executable, "-c", _examples()[index]], cwd=workdir, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for value in expected:
        assert value in done.stdout, done.stdout
