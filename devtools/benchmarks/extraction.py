"""How much the extraction costs on top of the spaCy parse it is built on.

`measure()` runs, in this process and on the same texts, spaCy alone (`nlp.pipe`) and the full
extraction (`extract_many`, which parses once and then runs every extractor). The pipeline's budget
is to keep at least 85% of spaCy's words per second (issue 14). Each is timed by the wall clock and by
CPU time (`time.process_time`, every thread of the process, and `time.thread_time`, the calling thread
alone): on a shared, loaded machine the wall clock also counts the time other processes held the cores,
so `cpu_ratio` is the figure to read there, `ratio` (wall) on a quiet one. Where the process CPU and the
thread CPU agree, the parse ran on this one thread (spaCy's NumpyOps multiplies through blis, single
threaded; numpy's OpenBLAS pool, reported as `blas_threads`, stays idle); if they differ, the process
figure counts the helper threads' work too, so the ratio stays fair either way. Run it as
`python -m devtools.benchmarks.extraction [--limit N] [--repeats N] FILE...` (plain-text articles, or a corpus
gold.json) to print the figures as JSON.

That in-process ratio is not a fair measure: spaCy's own speed in one process depends on what ran before
it (the extraction's allocations and caches moved spaCy alone by 15% between two codes whose parse is the
same). `measure_fresh()` is the fair one, and the figure the CLI leads with: spaCy alone and the extraction
each run in a fresh subprocess (`--child spacy|extraction`: load, warm up on the first text, time one pass
over every text), alternating, `repeats` times each; the best (least) process CPU and wall time of each
counts. The CLI reports it as `spacy`, `extraction`, `cpu_ratio` and `ratio`, and the old in-process figures
under `in_process` (left out with `--no-in-process`), with the machine's load average before and after.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypedDict

from claims.extraction.nlp import BATCH_CHARS, char_batches, get_nlp


def _spacy_alone(nlp: Any, texts: list[str]) -> list[None]:
    """spaCy alone over `texts`, fed as the extraction feeds it (`parse_many`: runs of at most BATCH_CHARS
    characters), so the ratio compares the parse with the parse plus the extractors, not two batchings
    (one 231,000-character batch costs the kernel 1-2 s more in mapped arrays)."""
    return [
        None for batch in char_batches(texts, BATCH_CHARS) for _ in nlp.pipe(batch, batch_size=len(batch))
    ]


class Rate(TypedDict):
    seconds: float
    words_per_second: float
    cpu_seconds: float
    thread_cpu_seconds: float
    cpu_words_per_second: float


class Throughput(TypedDict):
    """What `measure` finds: spaCy alone, the full extraction, and extraction's share of spaCy's rate,
    by the wall clock (`ratio`) and by CPU time (`cpu_ratio`)."""

    texts: int
    words: int
    spacy: Rate
    extraction: Rate
    ratio: float
    cpu_ratio: float
    blas_threads: int | None


class _Best:
    """The best (least) wall, process CPU and thread CPU seconds of the runs timed so far."""

    def __init__(self) -> None:
        self.wall = self.cpu = self.thread = float("inf")

    def time(self, run: Callable[[], object]) -> None:
        wall, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
        run()
        self.wall = min(self.wall, time.perf_counter() - wall)
        self.cpu = min(self.cpu, time.process_time() - cpu)
        self.thread = min(self.thread, time.thread_time() - thread)

    def rate(self, words: int) -> Rate:
        return {
            "seconds": round(self.wall, 3),
            "words_per_second": round(_per_second(words, self.wall), 1),
            "cpu_seconds": round(self.cpu, 3),
            "thread_cpu_seconds": round(self.thread, 3),
            "cpu_words_per_second": round(_per_second(words, self.cpu), 1),
        }


def _per_second(words: int, seconds: float) -> float:
    return words / seconds if seconds else float("inf")


def _share(part: float, whole: float) -> float:
    return round(part / whole, 3) if whole and whole != float("inf") else 0.0


def blas_threads() -> int | None:
    """The threads numpy's BLAS may use (None when threadpoolctl is not installed)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover - threadpoolctl comes with the model requirements
        return None
    return max((int(pool["num_threads"]) for pool in threadpool_info()), default=None)


def measure(texts: list[str], repeats: int = 2) -> Throughput:
    """Words, seconds and words/s for spaCy alone and for the full extraction, and their ratios.

    Both are warmed up first (model and lookup tables loaded), then timed `repeats` times in
    alternation; the best time of each counts (wall and CPU each on its own), since on a shared
    machine noise only ever adds time.
    """
    from claims.extraction.pipeline import extract_many

    nlp = get_nlp()
    list(nlp.pipe(texts[:1]))
    extract_many(texts[:1])
    words = sum(len(text.split()) for text in texts)
    spacy, extraction = _Best(), _Best()
    for _ in range(max(1, repeats)):
        spacy.time(lambda: _spacy_alone(nlp, texts))
        extraction.time(lambda: extract_many(texts))
    spacy_rate, extraction_rate = spacy.rate(words), extraction.rate(words)
    return {
        "texts": len(texts),
        "words": words,
        "spacy": spacy_rate,
        "extraction": extraction_rate,
        "ratio": _share(extraction_rate["words_per_second"], spacy_rate["words_per_second"]),
        "cpu_ratio": _share(extraction_rate["cpu_words_per_second"], spacy_rate["cpu_words_per_second"]),
        "blas_threads": blas_threads(),
    }


class FreshThroughput(TypedDict):
    """What `measure_fresh` finds: each part's best run over `repeats` fresh processes, the ratios of
    the extraction's rate to spaCy's by CPU time (`cpu_ratio`, the figure to read) and by the wall clock
    (`ratio`), and every run's process CPU seconds (`runs`), in the order they ran, with each run's other
    readings (`details`: user and system seconds, page faults, peak MB, garbage collections, the
    extraction's stages; see `time_part`)."""

    texts: int
    words: int
    repeats: int
    spacy: Rate
    extraction: Rate
    ratio: float
    cpu_ratio: float
    runs: dict[str, list[float]]
    details: dict[str, list[dict[str, Any]]]


PARTS = ("spacy", "extraction")
_CLOCKS = ("seconds", "cpu_seconds", "thread_cpu_seconds")


class _Stages:
    """CPU seconds (`time.process_time`) inside each stage of `extract_many`, by wrapping the pipeline's
    module-level functions for the life of one benchmark child (the app's code is not changed): cleaning
    (`_clean`), the parse (`parse_many`, timed inside each Doc it yields), and the extractors (`extract_doc`:
    quantities, dates, statements, and the checks after them). `other` is what the pass spent outside them
    (rows, ArticleDoc objects)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def _add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def _timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self._add(stage, time.process_time() - start)

        return timed

    def _timed_docs(self, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            docs = fn(*args, **kwargs)
            while True:
                start = time.process_time()
                try:
                    doc = next(docs)
                except StopIteration:
                    return
                finally:
                    self._add("parse", time.process_time() - start)
                yield doc

        return timed

    def install(self) -> None:
        from claims.extraction import cleaning, pipeline

        names = vars(cleaning)
        names["_clean"] = self._timed("clean", names["_clean"])
        names["parse_many"] = self._timed_docs(names["parse_many"])
        pipeline.extract_doc = self._timed("extractors", pipeline.extract_doc)
        for name, stage in (
            ("find_quantities", "quantities"),
            ("date_claims", "dates"),
            ("find_statements", "statements"),
        ):
            setattr(pipeline, name, self._timed(stage, getattr(pipeline, name)))

    def report(self, total: float) -> dict[str, float]:
        s = self.seconds
        found = {
            stage: s.get(stage, 0.0) for stage in ("clean", "parse", "quantities", "dates", "statements")
        }
        found["checks"] = (
            s.get("extractors", 0.0) - found["quantities"] - found["dates"] - found["statements"]
        )
        found["other"] = total - found["clean"] - found["parse"] - s.get("extractors", 0.0)
        return {stage: round(seconds, 3) for stage, seconds in found.items()}


class _Collections:
    """Process CPU seconds and counts of Python's garbage collections, by generation, while installed."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.counts = [0, 0, 0]
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._start
            self.counts[info["generation"]] += 1


def _usage() -> tuple[float, float, int, int]:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime, used.ru_stime, used.ru_minflt, used.ru_maxrss


def time_part(part: str, texts: list[str]) -> dict[str, Any]:
    """Wall, process CPU and thread CPU seconds of one pass of `part` over `texts`, after a warm-up on the
    first text (the model and, for the extraction, its own models and tables loaded). spaCy alone imports
    nothing of the extraction, so nothing of it is in the process it is timed in.

    Beside them: the pass's user and system CPU seconds and minor page faults (`getrusage`; the system
    seconds are the kernel's, mostly the pages the parse's arrays fault in, and vary with the load), the
    process's peak resident MB, the CPU seconds and counts of garbage collections by generation during the
    pass, and for the extraction its `stages` (see `_Stages`)."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: one of {PARTS}")
    nlp = get_nlp()
    stages = None
    if part == "spacy":

        def run() -> object:
            return _spacy_alone(nlp, texts)

        list(nlp.pipe(texts[:1]))
    else:
        stages = _Stages()
        stages.install()
        from claims.extraction.pipeline import extract_many

        def run() -> object:
            return extract_many(texts)

        extract_many(texts[:1])
        stages.seconds.clear()
    collections = _Collections()
    best = _Best()
    gc.callbacks.append(collections)
    try:
        before = _usage()
        best.time(run)
        after = _usage()
    finally:
        gc.callbacks.remove(collections)
    timed: dict[str, Any] = {
        "seconds": best.wall,
        "cpu_seconds": best.cpu,
        "thread_cpu_seconds": best.thread,
        "user_seconds": round(after[0] - before[0], 3),
        "system_seconds": round(after[1] - before[1], 3),
        "minor_faults": after[2] - before[2],
        "max_rss_mb": round(after[3] / 1024, 1),
        "gc_seconds": [round(x, 3) for x in collections.seconds],
        "gc_collections": collections.counts,
    }
    if stages is not None:
        timed["stages"] = stages.report(best.cpu)
    return timed


def _child(part: str, texts_file: Path, python: str) -> dict[str, Any]:
    out = subprocess.run(
        [python, "-m", "devtools.benchmarks.extraction", "--child", part, str(texts_file)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    timed: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return timed


def measure_fresh(texts: list[str], repeats: int = 3, python: str = sys.executable) -> FreshThroughput:
    """spaCy alone and the full extraction on `texts`, each timed in its own fresh process (see
    `time_part`), alternating spaCy, extraction, `repeats` times; the best of each clock counts, since
    on a shared machine noise only ever adds time."""
    words = sum(len(text.split()) for text in texts)
    best = {part: _Best() for part in PARTS}
    runs: dict[str, list[float]] = {part: [] for part in PARTS}
    details: dict[str, list[dict[str, Any]]] = {part: [] for part in PARTS}
    with tempfile.TemporaryDirectory(prefix="extraction-bench-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        for _ in range(max(1, repeats)):
            for part in PARTS:
                timed = _child(part, texts_file, python)
                run = best[part]
                run.wall = min(run.wall, timed["seconds"])
                run.cpu = min(run.cpu, timed["cpu_seconds"])
                run.thread = min(run.thread, timed["thread_cpu_seconds"])
                runs[part].append(round(timed["cpu_seconds"], 3))
                details[part].append({k: v for k, v in timed.items() if k not in _CLOCKS})
    spacy_rate, extraction_rate = best["spacy"].rate(words), best["extraction"].rate(words)
    return {
        "texts": len(texts),
        "words": words,
        "repeats": max(1, repeats),
        "spacy": spacy_rate,
        "extraction": extraction_rate,
        "ratio": _share(extraction_rate["words_per_second"], spacy_rate["words_per_second"]),
        "cpu_ratio": _share(extraction_rate["cpu_words_per_second"], spacy_rate["cpu_words_per_second"]),
        "runs": runs,
        "details": details,
    }


def report(texts: list[str], repeats: int = 3, in_process: bool = True) -> dict[str, object]:
    """The CLI's JSON: the fresh-process figures first, the in-process ones under `in_process`, and
    the load average (1, 5, 15 minutes) before and after, since a loaded machine slows both parts
    unevenly."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    result: dict[str, object] = {
        "method": "fresh processes, best of repeats",
        **measure_fresh(texts, repeats),
    }
    if in_process:
        old = measure(texts, repeats)
        result["in_process"] = {k: old[k] for k in ("spacy", "extraction", "ratio", "cpu_ratio")}
        result["in_process_ratio"] = old["ratio"]
        result["in_process_cpu_ratio"] = old["cpu_ratio"]
        result["blas_threads"] = old["blas_threads"]
    result["load_average"] = {"before": load_before, "after": [round(x, 2) for x in os.getloadavg()]}
    return result


def read_texts(paths: list[str], limit: int | None = None) -> list[str]:
    """Article texts from plain-text files, or from a corpus `gold.json` (its "text" fields, else the
    files named by its article keys beside it)."""
    texts = []
    for path in map(Path, paths):
        if path.name == "gold.json":
            articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
            for key, article in articles.items():
                texts.append(article.get("text") or (path.parent / key).read_text(encoding="utf-8"))
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts[:limit] if limit else texts


def main(argv: list[str]) -> None:
    """Print `report()` as JSON over text files or corpus gold.json files (`--limit N` articles at most,
    `--repeats N` fresh processes per part, `--no-in-process` to skip the in-process figures). `--child
    PART FILE` is what `measure_fresh` runs: one timed pass of PART over the texts of a JSON list."""
    if argv[:1] == ["--child"]:
        texts = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(json.dumps(time_part(argv[1], texts)))
        return
    limit, repeats, in_process = None, 3, True
    if "--no-in-process" in argv:
        in_process, argv = False, [a for a in argv if a != "--no-in-process"]
    if "--limit" in argv:
        i = argv.index("--limit")
        limit, argv = int(argv[i + 1]), argv[:i] + argv[i + 2 :]
    if "--repeats" in argv:
        i = argv.index("--repeats")
        repeats, argv = int(argv[i + 1]), argv[:i] + argv[i + 2 :]
    print(json.dumps(report(read_texts(argv, limit), repeats, in_process), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
