"""persnews benchmark: import time, throughput, memory, and a comparison with hazm.

Run from the repository root::

    python benchmarks/bench.py            # the full run (a few minutes)
    python benchmarks/bench.py --quick    # smaller texts, fewer repeats
    python benchmarks/bench.py --json     # the figures as JSON as well

Prints one table.  Fars News articles are used when the shared data folder
is beside the repository (``../shared/data/news``, or ``PERSNEWS_SHARED``);
they are read, never copied.  This is a measurement, not a test: nothing
here fails on a slow machine.

Figures:

- import time of ``persnews`` in a fresh interpreter (best of N);
- :func:`persnews.normalize` throughput in MB/s (UTF-8 megabytes);
- full :func:`persnews.parse` articles per second on the seed article and
  on Fars articles;
- peak memory (tracemalloc) parsing a 10 MB text, as a multiple of its size;
- the segmentation steps alone (``segment`` + ``source_agency``): time on the
  seed article, and peak and retained memory on a 2 MB text (``--segment-mb``);
- quote finding and entity finding on 1 MB, when those functions exist;
- hazm's ``Normalizer().normalize`` + ``SentenceTokenizer().tokenize`` +
  ``WordTokenizer().tokenize`` (instances reused) on the same text, and the
  ratios of persnews to hazm, in wall-clock time and in CPU time (the
  steadier figure on a shared machine).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import pathlib
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_article.txt"
MB = 1_000_000


def shared_dir() -> pathlib.Path | None:
    env = os.environ.get("PERSNEWS_SHARED")
    for candidate in (pathlib.Path(env) if env else None, ROOT.parent / "shared"):
        if candidate is not None and (candidate / "data" / "news").is_dir():
            return candidate
    return None


def best_of(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest of ``repeat`` runs, in seconds (the least disturbed one), by ``clock``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def best_cpu_of(fn: Callable[[], object], repeat: int) -> float:
    """:func:`best_of` in CPU time of this process: other processes on a shared machine
    slow the wall clock, not this figure."""
    return best_of(fn, repeat, time.process_time)


def best_of_pair(
    fn_a: Callable[[], object],
    fn_b: Callable[[], object],
    rounds: int,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """:func:`best_of` of two functions run in turn, round after round: on a shared machine
    both then meet the same quiet and busy spells, and a ratio of the two is not skewed by
    one of them having been timed in a busier minute."""
    best_a = best_b = float("inf")
    for _ in range(rounds):
        best_a = min(best_a, best_of(fn_a, 1, clock))
        best_b = min(best_b, best_of(fn_b, 1, clock))
    return best_a, best_b


def text_of_size(base: str, size: int) -> str:
    """``base`` repeated (as separate articles' paragraphs) to ``size`` UTF-8 bytes."""
    unit = base.strip() + "\n\n"
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


# --- the figures ------------------------------------------------------------------


def import_time(repeat: int) -> float:
    code = "import time; t = time.perf_counter(); import persnews; print(time.perf_counter() - t)"
    # One untimed import that may write bytecode: with PYTHONDONTWRITEBYTECODE
    # set, a source checkout would otherwise be compiled on every run, which an
    # installed package never is.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import persnews"], check=True, env=env)
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        runs.append(float(out))
    return min(runs)


def heavy_modules_after_import() -> list[str]:
    code = (
        "import sys, json, persnews; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'hazm', 'numpy', 'nltk', 'pycrfsuite', 'sklearn', 'gensim'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded: list[str] = json.loads(out)
    return loaded


class Hazm:
    """hazm's normaliser and tokenisers, built once and reused."""

    def __init__(self) -> None:
        import hazm

        self.normalizer = hazm.Normalizer()
        self.sentences = hazm.SentenceTokenizer()
        self.words = hazm.WordTokenizer()

    def normalize(self, text: str) -> str:
        result: str = self.normalizer.normalize(text)
        return result

    def pipeline(self, text: str) -> list[list[str]]:
        norm = self.normalizer.normalize(text)
        return [self.words.tokenize(s) for s in self.sentences.tokenize(norm)]


def fars_articles(shared: pathlib.Path, limit: int) -> Iterator[tuple[str, Any]]:
    import datetime as dt

    path = shared / "data" / "news" / "fars-2016.jsonl"
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                return
            record = json.loads(line)
            day = record.get("reference_date")
            yield record["text"], dt.date.fromisoformat(day) if day else None


def extractor(module: str, name: str) -> Callable[[str], object] | None:
    """``persnews.<module>.<name>`` when this version has it."""
    import importlib

    try:
        found: Callable[[str], object] | None = getattr(
            importlib.import_module(f"persnews.{module}"), name, None
        )
    except ImportError:
        return None
    return found


def peak_memory(parse: Callable[[str], object], text: str) -> int:
    return traced(lambda: parse(text))[1]


def traced(fn: Callable[[], object]) -> tuple[int, int]:
    """Memory ``fn`` allocates (tracemalloc): what its result keeps, and the peak."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = fn()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return retained, peak


def segmentation(text: str) -> Callable[[], object]:
    """The ``segment`` and ``source_agency`` steps on an already normalised ``text``."""
    from persnews import pipeline
    from persnews.model import Article
    from persnews.typing import Context

    context = Context(normalized=persnews_normalize(text))
    article = Article(text)

    def run() -> object:
        return pipeline.source_agency(pipeline.segment(article, context), context)

    return run


def persnews_normalize(text: str) -> Any:
    import persnews

    return persnews.normalize(text, digits="ascii")  # as parse() does


# --- the report -------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []
        self.figures: dict[str, Any] = {}

    def add(self, key: str, label: str, value: Any, shown: str, note: str = "") -> None:
        self.figures[key] = value
        self.rows.append((label, shown, note))
        print(f"  {label}: {shown} {note}".rstrip(), file=sys.stderr, flush=True)

    def print(self) -> None:
        w1 = max(len(r[0]) for r in self.rows)
        w2 = max(len(r[1]) for r in self.rows)
        rule = f"+-{'-' * w1}-+-{'-' * w2}-+"
        print(rule)
        for label, shown, note in self.rows:
            print(f"| {label:<{w1}} | {shown:>{w2}} | {note}")
        print(rule)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller texts and fewer repeats")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON after the table")
    ap.add_argument("--fars", type=int, default=300, metavar="N", help="Fars articles to parse (default 300)")
    ap.add_argument("--memory-mb", type=float, default=None, help="size of the memory test text (default 10)")
    ap.add_argument(
        "--segment-mb", type=float, default=2.0, help="size of the segmentation memory text (default 2)"
    )
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))  # measure this checkout, installed or not
    import persnews

    repeat = 3 if args.quick else 7
    memory_mb = args.memory_mb or (2.0 if args.quick else 10.0)
    bulk_mb = 0.25 if args.quick else 1.0
    seed = SEED.read_text(encoding="utf-8")
    seed_bytes = len(seed.encode("utf-8"))
    bulk = text_of_size(seed, int(bulk_mb * MB))
    bulk_bytes = len(bulk.encode("utf-8"))
    table = Table()
    print(f"persnews {persnews.__version__}, Python {sys.version.split()[0]}", file=sys.stderr)

    # Import.
    t = import_time(repeat)
    table.add(
        "import_s", "import persnews (fresh interpreter, best)", t, f"{t * 1000:.1f} ms", "target < 150 ms"
    )
    heavy = heavy_modules_after_import()
    table.add("import_heavy", "heavy modules after import", heavy, ", ".join(heavy) or "none")

    # Warm up every lazy resource once.
    persnews.parse(seed)
    hz = Hazm()
    hz.pipeline(seed)

    # Normalisation.
    t_norm = best_of(lambda: persnews.normalize(bulk), repeat)
    t_hnorm = best_of(lambda: hz.normalize(bulk), repeat)
    table.add(
        "normalize_mb_s",
        f"persnews.normalize ({bulk_bytes / MB:.2f} MB)",
        bulk_bytes / MB / t_norm,
        f"{bulk_bytes / MB / t_norm:.2f} MB/s",
    )
    table.add(
        "hazm_normalize_mb_s",
        "hazm Normalizer().normalize (same text)",
        bulk_bytes / MB / t_hnorm,
        f"{bulk_bytes / MB / t_hnorm:.2f} MB/s",
    )
    table.add(
        "normalize_vs_hazm",
        "normalize time / hazm normalize time",
        t_norm / t_hnorm,
        f"{t_norm / t_hnorm:.2f}x",
        "target < 1",
    )

    # Full parse of the seed article.
    # many rounds: a few ms each, and the ratio is the figure the target is set on
    seed_rounds = repeat * 15

    def parse_seed() -> object:
        return persnews.parse(seed)

    def hazm_seed() -> object:
        return hz.pipeline(seed)

    t_parse, t_hazm = best_of_pair(parse_seed, hazm_seed, seed_rounds)
    table.add(
        "seed_parse_ms",
        f"parse(seed article, {seed_bytes / 1000:.1f} kB)",
        t_parse * 1000,
        f"{t_parse * 1000:.2f} ms",
        f"{1 / t_parse:.0f} articles/s",
    )
    table.add(
        "seed_hazm_ms", "hazm normalise + sentences + words (seed)", t_hazm * 1000, f"{t_hazm * 1000:.2f} ms"
    )
    table.add(
        "parse_vs_hazm",
        "parse time / hazm pipeline time (seed)",
        t_parse / t_hazm,
        f"{t_parse / t_hazm:.2f}x",
        "target <= 3",
    )

    c_parse, c_hazm = best_of_pair(parse_seed, hazm_seed, seed_rounds, time.process_time)
    table.add(
        "parse_vs_hazm_cpu",
        "the same in CPU time (seed)",
        c_parse / c_hazm,
        f"{c_parse / c_hazm:.2f}x",
        f"{c_parse * 1000:.2f} ms / {c_hazm * 1000:.2f} ms",
    )

    # Segmentation alone (the segment and source_agency steps, text normalised).
    seg = segmentation(seed)
    seg()
    t_seg = best_of(seg, repeat * 5)
    table.add(
        "seed_segment_ms",
        "segment + source_agency steps (seed)",
        t_seg * 1000,
        f"{t_seg * 1000:.2f} ms",
        f"{t_seg / t_parse:.0%} of parse",
    )

    # Fars articles.
    shared = shared_dir()
    if shared is None:
        table.add("fars_articles_s", "parse, Fars articles", None, "skipped", "(no ../shared/data/news)")
    else:
        articles = list(fars_articles(shared, args.fars if not args.quick else min(args.fars, 100)))
        start, cpu = time.perf_counter(), time.process_time()
        for text, day in articles:
            persnews.parse(text, reference_date=day)
        t_fars, c_fars = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        for text, _ in articles:
            hz.pipeline(text)
        t_hfars, c_hfars = time.perf_counter() - start, time.process_time() - cpu
        table.add(
            "fars_articles_s",
            f"parse, {len(articles)} Fars articles",
            len(articles) / t_fars,
            f"{len(articles) / t_fars:.1f} articles/s",
            f"hazm pipeline: {len(articles) / t_hfars:.1f}/s",
        )
        table.add(
            "fars_vs_hazm",
            "parse time / hazm pipeline time (Fars)",
            t_fars / t_hfars,
            f"{t_fars / t_hfars:.2f}x",
        )
        table.add(
            "fars_vs_hazm_cpu",
            "the same in CPU time (Fars)",
            c_fars / c_hfars,
            f"{c_fars / c_hfars:.2f}x",
        )

    # Bulk extractors on 1 MB.
    t_bulk_parse = best_of(lambda: persnews.parse(bulk), 1)
    table.add(
        "bulk_parse_mb_s",
        f"parse ({bulk_bytes / MB:.2f} MB text)",
        bulk_bytes / MB / t_bulk_parse,
        f"{bulk_bytes / MB / t_bulk_parse:.2f} MB/s",
    )
    for key, name, module in (
        ("find_quotes", "find_quotes", "quotes"),
        ("find_entities", "find_entities", "entities"),
    ):
        fn = getattr(persnews, name, None) or extractor(module, name)
        if fn is None:
            table.add(
                f"{key}_mb_s", f"{name} ({bulk_bytes / MB:.2f} MB)", None, "n/a", "(not in this version)"
            )
            continue
        try:
            fn(seed)
            t_fn = best_of(functools.partial(fn, bulk), 1)
        except Exception as exc:  # an extractor still in the making should not stop the run
            table.add(f"{key}_mb_s", f"{name} ({bulk_bytes / MB:.2f} MB)", None, "error", f"({exc!r:.60})")
            continue
        table.add(
            f"{key}_mb_s",
            f"{name} ({bulk_bytes / MB:.2f} MB)",
            bulk_bytes / MB / t_fn,
            f"{bulk_bytes / MB / t_fn:.2f} MB/s",
            f"{t_fn:.2f} s",
        )
    t_hbulk = best_of(lambda: hz.pipeline(bulk), 1)
    table.add(
        "bulk_hazm_mb_s",
        f"hazm pipeline ({bulk_bytes / MB:.2f} MB)",
        bulk_bytes / MB / t_hbulk,
        f"{bulk_bytes / MB / t_hbulk:.2f} MB/s",
    )

    # Memory of the segmentation steps on their own.
    seg_text = text_of_size(seed, int(args.segment_mb * MB))
    seg_bytes = len(seg_text.encode("utf-8"))
    seg = segmentation(seg_text)
    kept, peak = traced(seg)
    table.add(
        "segment_memory_ratio",
        f"segmentation steps on {seg_bytes / MB:.1f} MB (tracemalloc)",
        {"peak": peak / seg_bytes, "retained": kept / seg_bytes},
        f"{peak / seg_bytes:.2f}x",
        f"peak; {kept / seg_bytes:.2f}x retained by the result",
    )
    del seg, seg_text

    # Peak memory on a big text.
    big = text_of_size(seed, int(memory_mb * MB))
    big_bytes = len(big.encode("utf-8"))
    bulk = ""  # free it before the memory test
    start = time.perf_counter()
    peak = peak_memory(persnews.parse, big)
    t_big = time.perf_counter() - start
    table.add(
        "memory_ratio",
        f"peak memory parsing {big_bytes / MB:.1f} MB (tracemalloc)",
        peak / big_bytes,
        f"{peak / big_bytes:.2f}x",
        f"{peak / MB:.0f} MB peak, target < 10x; {t_big:.1f} s with tracing",
    )

    print()
    table.print()
    if args.json:
        print(json.dumps(table.figures, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
