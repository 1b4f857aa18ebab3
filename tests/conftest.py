"""Shared fixtures: the project's pipeline built once per test session, and the fixture articles."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "raw" / "etoile.txt"


def _source_digests() -> dict[str, str]:
    """Return a hash of every file of the `pipeline` package (code, rule data, trained models), by path."""
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((ROOT / "pipeline").rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


# The files as the session starts, before the tests import the pipeline. A run in a subprocess (the CLI, a pool
# or Dask worker) reads them again when it starts, so files changed meanwhile give it other code than this process.
SESSION_SOURCES = _source_digests()


def changed_sources() -> list[str]:
    """Return the files of the `pipeline` package added, removed or changed since the session started."""
    now = _source_digests()
    return sorted(p for p in SESSION_SOURCES.keys() | now.keys() if SESSION_SOURCES.get(p) != now.get(p))


@pytest.fixture
def inputs(tmp_path):
    """A folder of two articles: the seed and a Wikinews story."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "etoile.txt")
    shutil.copy(FIXTURES / "wikinews" / "GUM_news_warhol.txt", folder / "warhol.txt")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Twenty small articles: the seed and the Wikinews fixtures, each copied under several names."""
    folder = tmp_path_factory.mktemp("corpus")
    sources = [SEED, *sorted((FIXTURES / "wikinews").glob("*.txt"))]
    for i in range(4):
        for source in sources:
            shutil.copy(source, folder / f"{source.stem}-{i}.txt")
    return folder


@pytest.fixture(scope="session")
def nlp():
    from pipeline.process import get_nlp
    from pipeline.runner import DEFAULT_MODEL

    return get_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def seed_article():
    from pipeline.readers import read_file

    return next(read_file(SEED, "etoile"))


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_article):
    doc = nlp.make_doc(seed_article.text)
    doc._.article_id = seed_article.article_id
    doc._.published = seed_article.published
    return nlp(doc)


def make_doc(nlp, text: str, published: str | None = None, article_id: str = "test"):
    """Return `text` processed by the full pipeline, as the runner would."""
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    doc._.published = published
    return nlp(doc)
