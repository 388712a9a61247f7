"""The parts of `manage.py bench`, each returning the JSON keys it measures."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

from .generator import generate


def use_benchmark_database(*, keepdb: bool, suffix: str = "bench") -> str:
    """Switch the default connection to a separate benchmark database beside the configured one.

    The configured database itself is never written to; `suffix` names the copy (`<name>_bench`,
    `<name>_load`). Returns its vendor ("postgresql" / "sqlite").
    """
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        config["TEST"]["NAME"] = str(Path(settings.BASE_DIR) / "data" / f"{suffix}.sqlite3")
    else:
        config["TEST"]["NAME"] = f"{config['NAME']}_{suffix}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keepdb, serialize=False)
    return connection.vendor


def extraction(n_articles: int) -> dict:
    """Extraction words/s and spaCy's alone on the same synthetic texts, in the same run."""
    from devtools.benchmarks.extraction import measure

    texts = [a.body for a in generate(n_articles, seed=11)]
    result = measure(texts)
    return {
        "extract_words_per_s": round(result["extraction"]["words_per_second"]),
        "spacy_words_per_s": round(result["spacy"]["words_per_second"]),
        "extract_ratio": result["ratio"],
        "extract_words": result["words"],
    }


def importing(n_articles: int, *, workers: int = 0, broker: str = "") -> dict:
    """Articles/s through the import service, without and with extraction (and its follow-up linking),
    each beside its anchor from the same run (COPY of the same rows; extraction alone on the same
    texts) and their ratio; the process's peak RSS after the follow-up; with the sentence encoder on,
    the follow-up also without it, and the encoder's sentences/s. With `workers`, the follow-up also
    on 1 and on `workers` Celery worker processes (devtools.benchmarks.workers)."""
    from django.test import override_settings

    import claims.services.linking  # noqa: F401  (loaded before timing: the benchmark is of work, not imports)
    from claims.extraction import extract
    from claims.services.linking import _stance
    from claims.services.vectors import encoder_enabled

    from .importing import copy_rate, extraction_rate, import_rate, peak_rss_mb

    extract("Two ships docked on Saturday, the port said.")  # loads the spaCy pipeline
    _stance()  # and the stance model
    seed = time.time_ns() % 1_000_000  # new URLs each run
    cpu: dict[str, float] = {}
    out: dict[str, object] = {
        "import_articles_per_s": round(import_rate(n_articles, extract=False, seed=seed, cpu=cpu), 1)
    }
    if cpu:  # articles per CPU second of this process and its PostgreSQL backend: what load does not blur
        out["import_articles_per_cpu_s"] = round(n_articles / cpu["seconds"], 1)
    if "serial_seconds" in cpu:  # what an idle two-core machine's wall time would be, at best
        out["import_articles_per_serial_cpu_s"] = round(n_articles / cpu["serial_seconds"], 1)
    copy = copy_rate(n_articles, seed=seed)
    if copy:
        out["copy_articles_per_s"] = round(copy, 1)
        out["import_vs_copy_ratio"] = round(float(out["import_articles_per_s"]) / copy, 3)  # type: ignore[arg-type]
    with_extraction = max(50, n_articles // 10)
    encoding = encoder_enabled()
    if encoding:
        out["encoder_sentences_per_s"] = encoder_rate()  # also loads the model before the timing below
    # the anchor first, on the texts the import below reads
    alone_cpu: dict[str, float] = {}
    alone = extraction_rate(with_extraction, seed=seed + 1, cpu=alone_cpu)
    out["extraction_alone_articles_per_s"] = round(alone, 1)
    out["extraction_alone_cpu_s_per_article"] = round(alone_cpu["seconds"] / with_extraction, 4)
    # with the encoder first: run second, it would also encode the first run's statements (its neighbours)
    cpu = {}
    stages: dict[str, float] = {}
    rate = import_rate(with_extraction, extract=True, seed=seed + 1, cpu=cpu, stages=stages)
    out["import_with_extraction_articles_per_s"] = round(rate, 1)
    out["import_with_extraction_ratio"] = round(rate / alone, 3)
    out.update(_cpu_figures("import_with_extraction", with_extraction, alone_cpu, cpu, stages))
    out["followup_articles"] = with_extraction
    out["followup_peak_rss_mb"] = peak_rss_mb()  # of this whole process: an upper bound for the follow-up
    if encoding:
        cpu, stages = {}, {}
        with override_settings(SENTENCE_ENCODER=False):
            rate = import_rate(with_extraction, extract=True, cpu=cpu, stages=stages)
        out["import_with_extraction_no_encoder_articles_per_s"] = round(rate, 1)
        out["import_with_extraction_no_encoder_ratio"] = round(rate / alone, 3)
        out.update(_cpu_figures("import_with_extraction_no_encoder", with_extraction, alone_cpu, cpu, stages))
    if workers:
        from .workers import followup_on_workers

        out.update(followup_on_workers(with_extraction, workers, broker=broker))
    return out


def _cpu_figures(
    name: str, articles: int, alone: dict[str, float], cpu: dict[str, float], stages: dict[str, float]
) -> dict[str, object]:
    """The import-with-follow-up run `name` in CPU seconds (this process and its database backend), which
    a loaded machine does not blur as it does wall time: its ratio to extraction alone, and its CPU
    seconds per article by stage (parse, store the claims, link without encoding, encode; "other" is the
    import itself and the follow-up's own queries)."""
    if "seconds" not in cpu or "seconds" not in alone:
        return {}
    per = {stage: round(seconds / articles, 4) for stage, seconds in sorted(stages.items())}
    per["other"] = round((cpu["seconds"] - sum(stages.values())) / articles, 4)
    return {
        f"{name}_cpu_ratio": round(alone["seconds"] / cpu["seconds"], 3),
        f"{name}_cpu_s_per_article": per,
    }


def encoder_rate(n_sentences: int = 1024) -> float:
    """Sentences/s (wall time) of the sentence encoder on statement-length sentences of the generator."""
    from claims.linking import encoder
    from newstext.sentences import sentence_spans

    sentences: list[str] = []
    for article in generate(max(20, n_sentences // 10), seed=13):
        sentences.extend(article.body[a:b] for a, b in sentence_spans(article.body))
    sentences = sentences[:n_sentences]
    encoder.encode(sentences[:8])  # the model loads outside the timing
    started = time.perf_counter()
    encoder.encode(sentences)
    return round(len(sentences) / (time.perf_counter() - started), 1)


def linking(n_articles: int) -> dict:
    """Seconds to link the claims of N and of 2N articles (events and link suggestions)."""
    from devtools.benchmarks.linking import measure

    n = measure(n_articles)
    n2 = measure(2 * n_articles)
    return {
        "link_articles": n_articles,
        "link_seconds_n": round(n, 2),
        "link_seconds_2n": round(n2, 2),
        "link_growth": round(n2 / n, 2) if n else None,
    }


def pages(
    n_claims: int, *, progress: Callable[[str], None], http: bool = False, role: str = "superuser"
) -> dict:
    """Populate the benchmark database up to about `n_claims` claims, then time the main pages there
    (in-process, signed in as `role`; with `http` also through gunicorn)."""
    from claims.models import Claim
    from sources.models import Article

    from .pages import measure_pages
    from .populate import populate

    have = Claim.objects.count()
    if have < n_claims * 0.95:
        per_article = 7  # claims the generator plants in each article
        started = time.perf_counter()
        populate(
            max(1, (n_claims - have) // per_article),
            seed=2026 + have,
            progress=lambda done: progress(
                f"  {done} articles inserted ({time.perf_counter() - started:.0f} s)"
            ),
        )
    if connection.vendor == "postgresql":
        # The state autovacuum leaves a settled database in (PostgreSQL 13+ vacuums insert-only tables
        # too): statistics, and visibility maps so that index-only scans read no table pages. Cheap
        # once done (a vacuumed table's pages are skipped).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        **measure_pages(http=http, role=role),
    }


__all__ = ["extraction", "importing", "linking", "pages", "use_benchmark_database"]
