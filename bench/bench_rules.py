"""Benchmark: the rules extractor's speed and memory on the seeds, and how it scales.

Run:  .venv/bin/python bench/bench_rules.py
Writes bench/results/rules.json. Pinned to one core (os.sched_setaffinity) where the OS
allows, so the figure is a one-core figure. Each size is timed `REPEATS` times; the best
time is reported (the least disturbed by the rest of the machine).
"""

from __future__ import annotations

import gc
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llmx import lines as lines_module  # noqa: E402
from llmx.documents import Document  # noqa: E402
from llmx.readers import read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402
from llmx.rules import extractor as rules_module  # noqa: E402

REPEATS = 3
SCALES = (1, 10, 100)


def _clear_caches() -> None:
    rules_module._prepare.cache_clear()
    rules_module._facts_of.cache_clear()
    lines_module._newlines.cache_clear()


def corpus(scale: int, seeds: list[Document]) -> list[Document]:
    """The seeds `scale` times over, as distinct documents (so no cache is shared)."""
    return [
        replace(doc, id=f"{doc.id}#{copy}", text=doc.text + " " * copy)
        for copy in range(scale)
        for doc in seeds
    ]


def time_extraction(documents: list[Document]) -> tuple[float, int]:
    best, facts = float("inf"), 0
    for _ in range(REPEATS if len(documents) < 100 else 2):
        _clear_caches()
        gc.collect()
        started = time.perf_counter()
        facts = len(RulesExtractor().extract(documents).facts)
        best = min(best, time.perf_counter() - started)
    return best, facts


def peak_memory(documents: list[Document]) -> int:
    _clear_caches()
    tracemalloc.start()
    RulesExtractor().extract(documents)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    seeds = [read_document(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    RulesExtractor().extract(seeds)  # warm imports and regex compilation
    rows = []
    for scale in SCALES:
        documents = corpus(scale, seeds)
        characters = sum(len(doc.text) for doc in documents)
        seconds, facts = time_extraction(documents)
        rows.append(
            {
                "scale": scale,
                "documents": len(documents),
                "characters": characters,
                "facts": facts,
                "seconds": round(seconds, 4),
                "chars_per_second": round(characters / seconds),
            }
        )
        print(
            f"{scale:>4}x  {characters:>10,} chars  {seconds:8.3f} s  "
            f"{characters / seconds:>12,.0f} chars/s  {facts:>7,} facts"
        )
    base = rows[0]["seconds"]
    for row in rows:
        row["time_vs_1x"] = round(row["seconds"] / base, 2)
    peak = peak_memory(seeds)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = {
        "command": ".venv/bin/python bench/bench_rules.py",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores_used": 1,
        "runs": rows,
        "peak_traced_memory_bytes_1x": peak,
        "max_rss_bytes": rss,
    }
    out = ROOT / "bench" / "results" / "rules.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"peak traced memory at 1x: {peak / 1e6:.1f} MB; "
        f"max RSS {rss / 1e6:.0f} MB → {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
