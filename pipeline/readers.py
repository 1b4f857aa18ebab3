"""Readers: turn input files (plain text, HTML, JSON Lines) into cleaned articles.

A file that cannot be read becomes an article with an `error`, never an exception: one bad file must
not stop a batch.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .clean import Cleaned, clean_plain_text, compose
from .preflight import SetupError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 10_000_000
MAX_ERROR_CHARS = 2000
IGNORE_FILE = ".pipelineignore"
MIN_HTML_WORDS = 5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """One input article: cleaned text plus metadata, or an error saying why it could not be read."""

    article_id: str
    source: str
    text: str = ""
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    error: Optional[str] = None
    # Hash of the raw input, so a changed file is noticed even before it is cleaned.
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


class InputError(Exception):
    """A readable reason why an input cannot become an article."""


def safe_text(text: str) -> str:
    """Return `text` as valid Unicode: bytes a file name could not decode (kept by Python as lone surrogates)
    and lone surrogates from JSON escapes become visible `\\xNN` / `\\udNNN` escapes; valid text is unchanged."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        # A file name's undecodable bytes come back as the bytes they were, shown as \xNN.
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def clip_error(error: str) -> str:
    """Return an error message fit for a table cell or a log line: valid Unicode, at most about
    `MAX_ERROR_CHARS` long."""
    error = safe_text(error)
    if len(error) <= MAX_ERROR_CHARS:
        return error
    return f"{error[:MAX_ERROR_CHARS]}… ({len(error) - MAX_ERROR_CHARS} more characters)"


def discover(inputs: Iterable[Path | str], follow_symlinks: bool = False) -> Iterator[tuple[Path, str]]:
    """Yield `(path, article_id)` for every readable file under `inputs`, in a stable order.

    Folders are read recursively, without hidden files and what the folder's `.pipelineignore` lists (see
    `ignore_patterns`); the id is the path relative to the folder given, without its extension, with `/`
    separators (undecodable bytes of a name written `\\xNN`, see `safe_text`). A file given directly is named
    by its stem. Symbolic links that lead out of the folder given are skipped (with a warning) unless
    `follow_symlinks`.
    """
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            patterns = ignore_patterns(root)
            for path in _walk(root, follow_symlinks):
                relative = path.relative_to(root)
                if ignored(relative, patterns):
                    continue
                yield path, safe_text(relative.with_suffix("").as_posix())
        elif root.is_file():
            yield root, safe_text(root.stem)
        else:
            raise FileNotFoundError(f"input not found: {safe_text(str(root))}")


def _walk(root: Path, follow_symlinks: bool) -> list[Path]:
    """Return the article files under `root`, sorted, without hidden ones and links leading out of `root`."""
    top = os.path.realpath(root)
    found, visited = [], set()
    for folder, dirs, files in os.walk(root, followlinks=follow_symlinks):
        real = os.path.realpath(folder)
        if real in visited:  # a link loop, or a folder reached twice through links
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES or not path.is_file():
                continue
            if path.is_symlink() and not follow_symlinks:
                target = os.path.realpath(path)
                if os.path.commonpath([top, target]) != top:
                    log.warning("skipped %s: a link to %s, outside %s (--follow-symlinks reads it)",
                                safe_text(str(path)), safe_text(target), safe_text(str(root)))
                    continue
            found.append(path)
    return sorted(found)


def ignore_patterns(folder: Path) -> list[str]:
    """Return the glob patterns of `folder/.pipelineignore`: one a line, `#` starting a comment line."""
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def ignored(relative: Path, patterns: list[str]) -> bool:
    """True when a pattern matches the path (relative to the input folder) or one of its folders.

    A pattern with a `/` before its end is matched against the path from the input folder (`drafts/*.txt`,
    `/SOURCE.txt`); one without against each file and folder name at any depth (`SOURCE.txt`, `*.md`,
    `drafts`). A trailing `/` limits a pattern to folders.
    """
    parts = relative.parts
    for pattern in patterns:
        folders_only = pattern.endswith("/")
        anchored = "/" in pattern.rstrip("/")
        pattern = pattern.strip("/")
        # Candidates: each leading path (a/b, a/b/c, ...) or each name, folders only when the pattern says so.
        last = len(parts) - 1 if folders_only else len(parts)
        if anchored:
            candidates = ["/".join(parts[: i + 1]) for i in range(last)]
        else:
            candidates = list(parts[:last])
        if any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates):
            return True
    return False


def decode(data: bytes) -> str:
    """Return `data` as text: UTF-8 when it is, else the detected encoding (cp1252, latin-1, ...)."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Non-UTF-8 news text is overwhelmingly Windows-1252; detectors guess worse on short articles.
    try:
        text = data.decode("cp1252")
        if not _CONTROL.search(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("cannot decode the file: not UTF-8 and no other text encoding fits")
    log.info("decoded as %s", best.encoding)
    return str(best)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _from_cleaned(article_id: str, source: str, cleaned: Cleaned, digest: str, url=None) -> Article:
    if not cleaned.text.strip():
        return Article(article_id, source, error="no article text", sha256=digest)
    return Article(
        article_id, source, text=cleaned.text, title=cleaned.title, published=cleaned.published, url=url, sha256=digest
    )


def read_text(data: bytes, article_id: str, source: str) -> Article:
    """Return the article in a plain-text file's bytes."""
    return _from_cleaned(article_id, source, clean_plain_text(decode(data)), _sha256(data))


def read_html(data: bytes, article_id: str, source: str) -> Article:
    """Return the main text, title and date of an HTML page (trafilatura, htmldate)."""
    import trafilatura

    html = decode(data)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    body = getattr(doc, "text", None) if doc is not None else None
    # Navigation crumbs ("Home") are what extraction returns from a page that has no article.
    if not body or len(body.split()) < MIN_HTML_WORDS:
        raise InputError("HTML page has no article text")
    cleaned = compose(getattr(doc, "title", None), body, getattr(doc, "date", None))
    return _from_cleaned(article_id, source, cleaned, _sha256(data), url=getattr(doc, "url", None))


def _record_id(record, fallback_id: str) -> str:
    """Return a JSON Lines record's article id: its `id` (JSON escapes of lone surrogates made visible), else
    `fallback_id`."""
    if not isinstance(record, dict):
        return fallback_id
    return safe_text(str(record.get("id") or fallback_id))


def read_jsonl_record(line: str, fallback_id: str, where: str) -> Article:
    """Return the article in one JSON Lines record; a malformed record becomes an error article.

    Fields: `id`, `text` or `body` or `content`, optional `title`, `published` or `date`, `url`.
    """
    digest = _sha256(line.encode("utf-8"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Article(fallback_id, where, error=f"malformed JSON record: {exc.msg} (column {exc.colno})", sha256=digest)
    except (ValueError, RecursionError) as exc:
        return Article(fallback_id, where, error=f"unreadable JSON record: {exc}", sha256=digest)
    if not isinstance(record, dict):
        return Article(fallback_id, where, error="JSON record is not an object", sha256=digest)
    article_id = _record_id(record, fallback_id)
    body = next((record[k] for k in ("text", "body", "content") if isinstance(record.get(k), str)), None)
    if body is None:
        return Article(article_id, where, error="record has no `text`, `body` or `content` string", sha256=digest)
    title = safe_text(record["title"]) if isinstance(record.get("title"), str) else None
    published = record.get("published") or record.get("date")
    cleaned = compose(title, safe_text(body), safe_text(published) if isinstance(published, str) else published)
    url = safe_text(record["url"]) if isinstance(record.get("url"), str) else None
    return _from_cleaned(article_id, where, cleaned, digest, url=url)


@dataclass(frozen=True)
class Source:
    """An article found in the inputs, fingerprinted but not yet cleaned: `load()` returns the `Article`."""

    article_id: str
    source: str
    sha256: str
    load: Callable[[], Article]


def scan(path: Path, article_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """Yield the articles in `path` (one, or one per JSON Lines record) with their content hashes.

    Hashing is cheap next to cleaning, so a rerun can skip unchanged articles before reading them.
    Failures become sources whose `load()` returns an error article.
    """
    where = safe_text(str(path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = max_bytes / 1e6
            raise InputError(f"file is {size / 1e6:.1f} MB, over the {limit:.1f} MB limit (--max-mb)")
        data = path.read_bytes()
    except (InputError, OSError) as exc:
        article = Article(article_id, where, error=str(exc), sha256=_file_digest(path))
        yield Source(article_id, where, article.sha256, lambda: article)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _scan_jsonl(data, article_id, where)
        return
    reader = read_html if path.suffix.lower() in HTML_SUFFIXES else read_text
    # The loader reads the file again so that a long list of sources does not hold every file's bytes.
    yield Source(article_id, where, _sha256(data), lambda: _guarded(reader, path, article_id, where))


def _guarded(reader, path: Path, article_id: str, where: str) -> Article:
    """Return `reader(<bytes of path>, ...)`, or an error article saying why it failed."""
    data = b""
    try:
        data = path.read_bytes()
        return reader(data, article_id, where)
    except OSError as exc:
        return Article(article_id, where, error=f"cannot read the file: {exc.strerror or exc}", sha256=_sha256(data))
    except InputError as exc:
        return Article(article_id, where, error=str(exc), sha256=_sha256(data))
    except ImportError as exc:
        # A broken install is not the article's fault: stop the run rather than store an error row for it.
        reason = (str(exc) or "a module cannot be imported").splitlines()[0]
        raise SetupError(f"cannot read {where}: {reason} (reinstall the project: pip install -e .)") from exc
    except Exception as exc:  # a reader bug must cost one article, not the batch
        log.exception("cannot read %s", where)
        return Article(article_id, where, error=f"{type(exc).__name__}: {exc}", sha256=_sha256(data))


def _scan_jsonl(data: bytes, file_id: str, where: str) -> Iterator[Source]:
    try:
        text = decode(data)
    except InputError as exc:
        article = Article(file_id, where, error=str(exc), sha256=_sha256(data))
        yield Source(file_id, where, article.sha256, lambda: article)
        return
    # Only "\n" ends a record: U+2028 and friends may stand unescaped inside JSON strings.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fallback_id, at = f"{file_id}#{lineno}", f"{where}:{lineno}"
        try:
            article_id = _record_id(json.loads(line), fallback_id)
        except (ValueError, RecursionError):  # malformed, too deep, or an over-long integer
            article_id = fallback_id
        yield Source(
            article_id, at, _sha256(line.encode("utf-8")),
            lambda line=line, fallback_id=fallback_id, at=at: _guarded_record(line, fallback_id, at),
        )


def _guarded_record(line: str, fallback_id: str, where: str) -> Article:
    """Return `read_jsonl_record(...)`, or an error article saying why it failed."""
    try:
        return read_jsonl_record(line, fallback_id, where)
    except Exception as exc:  # a reader bug must cost one article, not the batch
        log.exception("cannot read %s", where)
        return Article(fallback_id, where, error=f"{type(exc).__name__}: {exc}", sha256=_sha256(line.encode()))


def read_file(path: Path, article_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """Yield the articles in `path`, read and cleaned; failures become error articles."""
    for source in scan(path, article_id, max_bytes):
        yield source.load()


def _file_digest(path: Path) -> str:
    """Return the SHA-256 of a file, streamed so an oversized file is not loaded into memory."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""
