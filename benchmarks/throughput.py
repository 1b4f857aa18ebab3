"""Whole-process throughput and memory of `python -m pipeline run`, against bare spaCy `nlp.pipe`.

    .venv/bin/python benchmarks/throughput.py [FOLDER] [--repeat N] [--quick] [--model NAME] [--stages]

Every figure times a whole subprocess (interpreter start, imports, model load, reading, writing), and
the sides of each comparison run alternately, round after round, so drift in the machine's load hits
both; the median over the rounds is reported. Memory is the peak resident set size of the process tree
(psutil polling, and the kernel's own maximum for the process itself). Prints ratios with the goals of
issue 7 next to them, then the same figures as a markdown table for the README.

`--stages` instead times each component of the pipeline in this process (every component over all the
articles before the next, median of the rounds), to show where the time goes: the model's components
against the project's stages.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batching import Batching  # noqa: E402
from pipeline.readers import discover, scan  # noqa: E402
from pipeline.runner import DEFAULT_MODEL  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "data" / "unlabelled" / "bbc"
QUICK_FILES = 40
BATCHING = Batching()  # the pipeline's defaults (--batch-size, --batch-tokens)
POLL_SECONDS = 0.05

# The bare side: the model as packaged (its own components only), over the same cleaned texts, in batches of
# --batch-size documents as plain `nlp.pipe` makes them; with a token cap, in the pipeline's own batches.
BARE = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
def texts():
    with open(sys.argv[2], encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)
if len(sys.argv) > 4:
    from pipeline.batching import Batching, batches
    groups = batches((nlp.make_doc(t) for t in texts()), Batching(int(sys.argv[3]), int(sys.argv[4])))
    tokens = sum(len(doc) for group in groups for doc in nlp.pipe(group, batch_size=len(group)))
else:
    tokens = sum(len(doc) for doc in nlp.pipe(texts(), batch_size=int(sys.argv[3])))
print(tokens)
"""


@dataclass
class Measure:
    """One subprocess: wall seconds, peak RSS of its process tree and of its largest process, in bytes."""

    seconds: float
    tree_rss: int
    process_rss: int
    output: str


def measure(command: list[str]) -> Measure:
    """Run `command` from the repository root; return its wall time and peak memory (raise if it fails)."""
    # Files, not pipes: a child writing more than a pipe buffer while we only poll would block.
    stdout, stderr = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=stderr, text=True)
    watched = psutil.Process(proc.pid)
    tree_peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            members = [watched, *watched.children(recursive=True)]
            tree_peak = max(tree_peak, sum(_rss(p) for p in members))
        except psutil.NoSuchProcess:
            pass
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    with stdout, stderr:
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    # Exit code 1 means some articles were error rows, which is data, not a failed benchmark.
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}:\n{err[-2000:]}")
    process_peak = usage.ru_maxrss * 1024  # Linux reports kilobytes
    return Measure(seconds, max(tree_peak, process_peak), process_peak, out.strip())


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0


def pipeline_run(folder: Path, out: Path, model: str, workers: int, full: bool = True) -> list[str]:
    """Return the command line of a pipeline run of `folder` into `out`."""
    command = [sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--no-progress",
               "--model", model, "--workers", str(workers)]
    return command + (["--full"] if full else [])


def bare_run(texts: Path, model: str, alike: bool = False) -> list[str]:
    """Return the command line of a bare `nlp.pipe` process over the JSON lines of `texts`.

    `alike`: batch as the pipeline does (at most --batch-tokens tokens too), not by document count alone.
    """
    command = [sys.executable, "-c", BARE, model, str(texts), str(BATCHING.docs)]
    return command + ([str(BATCHING.tokens)] if alike else [])


def cleaned_texts(folder: Path) -> list[str]:
    """Return the cleaned text of every readable article in `folder`, as the pipeline reads them."""
    texts = []
    for path, article_id in discover([folder]):
        for source in scan(path, article_id):
            article = source.load()
            if article.ok:
                texts.append(article.text)
    return texts


def copy_inputs(files: list[Path], root: Path, target: Path, times: int) -> None:
    """Copy `files` (under `root`) `times` times into `target`, each copy under its own name."""
    for k in range(times):
        for path in files:
            name = path.relative_to(root).as_posix().replace("/", "__")
            dest = target / f"copy{k:02d}-{name}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def write_texts(texts: list[str], path: Path) -> None:
    path.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")


def mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def stage_seconds(texts: list[str], model: str, rounds: int) -> list[tuple[str, float]]:
    """Return the median seconds each pipeline component takes over `texts`, in pipeline order."""
    from pipeline.nlp import build_nlp

    timings: dict[str, list[float]] = {}
    for _ in range(rounds):
        nlp = build_nlp(model)  # a fresh pipeline each round: its caches start cold, as in a run
        for name in ["tokenizer", *nlp.pipe_names]:
            timings.setdefault(name, [])
        started = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        timings["tokenizer"].append(time.perf_counter() - started)
        for doc, text in zip(docs, texts):
            doc._.text = text
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=BATCHING.docs))
            else:
                docs = [proc(doc) for doc in docs]
            timings[name].append(time.perf_counter() - started)
    return [(name, statistics.median(values)) for name, values in timings.items()]


def print_stages(texts: list[str], words: int, model: str, rounds: int) -> None:
    import spacy

    rows = stage_seconds(texts, model, rounds)
    # The pipeline's own stages are the components the base model does not have; the lemmatizer and attribute ruler
    # on arrays are the model's, and the trained title recogniser stands in the model's `ner`.
    base = set(spacy.load(model).pipe_names) | {"tokenizer", "array_lemmatizer", "array_attribute_ruler"}
    ours = {name for name, _ in rows if name not in base}
    model_total = sum(s for name, s in rows if name not in ours)
    ours_total = sum(s for name, s in rows if name in ours)
    print(f"\n{len(texts)} articles, {words:,} words, model {model}, median of {rounds} round(s)\n")
    print("| component | by | seconds | share of the model's time |")
    print("| --- | --- | ---: | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {'pipeline' if name in ours else 'model'} | {seconds:.2f} | {seconds / model_total:.1%} |")
    print(f"| all model components | model | {model_total:.2f} | 100.0% |")
    print(f"| all pipeline stages | pipeline | {ours_total:.2f} | {ours_total / model_total:.1%} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER,
                        help="folder of articles (default: ../shared/data/unlabelled/bbc from the repository root)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of alternating runs; medians are reported (default: 3)")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: first {QUICK_FILES} files, 1 round")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model for both sides (default: %(default)s)")
    parser.add_argument("--stages", action="store_true", help="time each pipeline component in this process instead")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    rounds = 1 if args.quick else max(1, args.repeat)
    if args.stages:
        texts = cleaned_texts(args.folder)[: QUICK_FILES if args.quick else None]
        print_stages(texts, sum(len(t.split()) for t in texts), args.model, rounds)
        return 0

    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp_name:
        tmp = Path(tmp_name)
        files = [path for path, _ in discover([args.folder])]
        if args.quick:
            files = files[:QUICK_FILES]
        one, ten = tmp / "x1", tmp / "x10"
        copy_inputs(files, args.folder, one, 1)
        copy_inputs(files, args.folder, ten, 10)
        texts = cleaned_texts(one)
        words = sum(len(t.split()) for t in texts)
        write_texts(texts, tmp / "x1.jsonl")
        write_texts(texts * 10, tmp / "x10.jsonl")
        print(f"{len(files)} files, {len(texts)} articles, {words:,} words from {args.folder}; model {args.model}; "
              f"{rounds} round(s); {os.cpu_count()} CPUs; Python {platform.python_version()}", file=sys.stderr)

        runs: dict[str, list[Measure]] = {k: [] for k in ("bare", "w1", "w2", "noop", "alike")}
        for r in range(1, rounds + 1):
            out1, out2 = tmp / f"out-w1-{r}", tmp / f"out-w2-{r}"
            runs["bare"].append(measure(bare_run(tmp / "x1.jsonl", args.model)))
            runs["alike"].append(measure(bare_run(tmp / "x1.jsonl", args.model, alike=True)))
            runs["w1"].append(measure(pipeline_run(one, out1, args.model, 1)))
            runs["w2"].append(measure(pipeline_run(one, out2, args.model, 2)))
            # The same folder again, unchanged: nothing to do, spaCy never loaded.
            runs["noop"].append(measure(pipeline_run(one, out1, args.model, 1, full=False)))
            print(f"round {r}: " + ", ".join(f"{k} {v[-1].seconds:.1f} s" for k, v in runs.items())
                  + f"\n  run: {runs['w1'][-1].output}\n  rerun: {runs['noop'][-1].output}", file=sys.stderr)
            if not runs["noop"][-1].output.startswith("run: 0 articles ok, 0 failed"):
                print("  warning: the rerun reprocessed articles (code or rule data changed during the benchmark?)",
                      file=sys.stderr)
            shutil.rmtree(out1)
            shutil.rmtree(out2)
        # Memory at tenfold input: once, as peak RSS hardly varies between runs.
        bare10 = measure(bare_run(tmp / "x10.jsonl", args.model))
        w1_10 = measure(pipeline_run(ten, tmp / "out-x10", args.model, 1))
        print(f"10x: bare {bare10.seconds:.1f} s, pipeline {w1_10.seconds:.1f} s", file=sys.stderr)

    def med(key: str, attr: str) -> float:
        return statistics.median(getattr(m, attr) for m in runs[key])

    bare_s, w1_s, w2_s, noop_s, alike_s = (med(k, "seconds") for k in ("bare", "w1", "w2", "noop", "alike"))
    bare_mem, w1_mem, w2_mem, alike_mem = (med(k, "tree_rss") for k in ("bare", "w1", "w2", "alike"))
    alike = f"bare batched alike (≤ {BATCHING.docs} docs and ≤ {BATCHING.tokens:,} tokens a batch)"
    rows = [
        ("words/s: pipeline (1 worker) vs bare nlp.pipe", f"{words / w1_s:,.0f}", f"{words / bare_s:,.0f}",
         bare_s / w1_s, "≥ 0.85×"),
        ("words/s: 2 workers vs 1 worker", f"{words / w2_s:,.0f}", f"{words / w1_s:,.0f}", w1_s / w2_s, "≥ 1.5×"),
        ("seconds: no-op rerun vs bare parse", f"{noop_s:.2f} s", f"{bare_s:.2f} s", noop_s / bare_s, "≤ 0.15×"),
        ("peak RSS per worker: pipeline (1 worker) vs bare", mb(w1_mem), mb(bare_mem), w1_mem / bare_mem, "≤ 1.2×"),
        ("peak RSS per worker: pipeline (2 workers, tree ÷ 2) vs bare", mb(w2_mem / 2), mb(bare_mem),
         w2_mem / 2 / bare_mem, "≤ 1.2×"),
        ("peak RSS at 10× input: pipeline (1 worker) vs bare", mb(w1_10.tree_rss), mb(bare10.tree_rss),
         w1_10.tree_rss / bare10.tree_rss, "≤ 1.2×"),
        ("peak RSS: pipeline at 10× vs 1× input", mb(w1_10.tree_rss), mb(w1_mem), w1_10.tree_rss / w1_mem, "≈ 1.0× (flat)"),
        ("peak RSS: bare at 10× vs 1× input (reference)", mb(bare10.tree_rss), mb(bare_mem),
         bare10.tree_rss / bare_mem, "—"),
        ("words/s at 10× input: pipeline (1 worker) vs bare", f"{10 * words / w1_10.seconds:,.0f}",
         f"{10 * words / bare10.seconds:,.0f}", bare10.seconds / w1_10.seconds, "≥ 0.85×"),
        (f"words/s: pipeline (1 worker) vs {alike} (reference)", f"{words / w1_s:,.0f}", f"{words / alike_s:,.0f}",
         alike_s / w1_s, "—"),
        (f"peak RSS: pipeline (1 worker) vs {alike} (reference)", mb(w1_mem), mb(alike_mem), w1_mem / alike_mem, "—"),
    ]
    command = "python benchmarks/throughput.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(f"\n{command.strip()}  ({len(files)} files, {words:,} words, model {args.model}, "
          f"median of {rounds} round(s), {os.cpu_count()} CPUs)\n")
    print("| measure | A | B | A/B | goal |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, a, b, ratio, goal in rows:
        print(f"| {name} | {a} | {b} | {ratio:.2f}× | {goal} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
