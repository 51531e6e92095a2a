"""Benchmark: the model path's concurrency, cache and token use on the five seeds.

Run:  .venv/bin/python bench/bench_llm.py            (about four minutes)
      .venv/bin/python bench/bench_llm.py --latency 0.5 --concurrency 4,16   (quicker)
Writes bench/results/llm.json.

Everything runs against the fake OpenAI-compatible server of the tests (tests/llm), in its own
process, which answers every request after a fixed latency with the gold facts of the
section it is shown (or none, for a seed without gold). So the figures measure llmx, not a
model:

* wall time for all sections of the seeds at concurrency 1, 4 and 16, against the ideal
  calls × latency / concurrency (the target: within 20% at 16);
* the same at concurrency 16 for shorter latencies, which shows where llmx's own CPU per
  call (instructor, the SDK, grounding: ~10 ms) starts to matter;
* a warm re-run from the cache (the target: under 1 s, no call);
* prompt and completion tokens per section in `llm` and `hybrid` mode. These are counted
  by the fake server's stand-in tokenizer (one token per CJK character, one per four other
  characters), so they estimate, not measure, what a real model's tokenizer would count.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from fakeserver import FakeServer  # noqa: E402
from goldmodel import GoldModel, gold_of  # noqa: E402

from llmx.documents import Document  # noqa: E402
from llmx.extraction import Extraction  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.llm import ExtractorSettings, build_model_extractor  # noqa: E402
from llmx.llm.cache import ResponseCache  # noqa: E402
from llmx.readers import read_document  # noqa: E402

CONCURRENCY = (1, 4, 16)
SWEEP = (0.25, 0.5)  # extra latencies timed at the highest concurrency
TARGET_RATIO = 1.20  # wall time at most 20% over the ideal
WARM_TARGET = 1.0  # seconds


def _corpus() -> dict[str, tuple[Document, list[Fact]]]:
    found: dict[str, tuple[Document, list[Fact]]] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        document = read_document(path)
        found[document.id] = (document, gold_of(document.id) or [])
    return found


def _serve(latency: float, urls: Any) -> None:
    """The fake server in its own process, as a real one would be: its CPU is not ours."""
    with FakeServer(GoldModel(_corpus()), latency=latency) as server:
        urls.put(server.url)
        while True:
            time.sleep(3600)


class Server:
    """A fake server process with a given latency, stopped on exit."""

    def __init__(self, latency: float) -> None:
        spawn = multiprocessing.get_context("spawn")
        self._urls = spawn.Queue()
        self._process = spawn.Process(target=_serve, args=(latency, self._urls), daemon=True)

    def __enter__(self) -> str:
        self._process.start()
        return str(self._urls.get(timeout=120))

    def __exit__(self, *_exc: object) -> None:
        self._process.terminate()  # the process this object started, by its handle
        self._process.join()


def _run(
    url: str, mode: str, concurrency: int, cache_dir: Path, documents: list[Document]
) -> tuple[float, Extraction]:
    settings = ExtractorSettings(
        extractor=mode,
        model="bench-model",
        base_url=url,
        timeout=60.0,
        concurrency=concurrency,
        cache_dir=cache_dir,
    )
    extractor = build_model_extractor(settings, env={})
    started = time.perf_counter()
    extraction = extractor.extract(documents)
    return time.perf_counter() - started, extraction


def _timed(
    url: str, latency: float, concurrency: int, cache_dir: Path, documents: list[Document]
) -> dict[str, Any]:
    wall, extraction = _run(url, "llm", concurrency, cache_dir, documents)
    ideal = extraction.stats.calls * latency / concurrency
    row = {
        "latency_s": latency,
        "concurrency": concurrency,
        "sections": extraction.stats.sections,
        "calls": extraction.stats.calls,
        "wall_s": round(wall, 3),
        "ideal_s": round(ideal, 3),
        "ratio": round(wall / ideal, 3),
        "facts": len(extraction.facts),
        "failures": len(extraction.failures),
    }
    print(row, flush=True)
    return row


def _tokens(cache_dir: Path) -> dict[str, Any]:
    cache = ResponseCache(cache_dir)
    usages = [
        entry["usage"]
        for path in sorted(cache_dir.glob("??/*.json"))
        if (entry := cache.get(path.stem)) is not None
    ]

    def summary(name: str) -> dict[str, float]:
        values = sorted(int(usage[name]) for usage in usages)
        return {
            "total": sum(values),
            "mean": round(statistics.mean(values), 1),
            "median": statistics.median(values),
            "p90": values[int(0.9 * (len(values) - 1))],
            "max": values[-1],
        }

    return {
        "sections": len(usages),
        "prompt": summary("tokens_in"),
        "completion": summary("tokens_out"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--latency", type=float, default=1.0, help="seconds per answer")
    parser.add_argument(
        "--concurrency",
        type=lambda text: tuple(int(part) for part in text.split(",")),
        default=CONCURRENCY,
        help="levels to time, e.g. 1,4,16",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "llm.json")
    args = parser.parse_args()
    documents = [document for document, _ in _corpus().values()]
    top = max(args.concurrency)
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "documents": len(documents),
        "documents_with_gold": sum(1 for doc in documents if gold_of(doc.id)),
    }
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        with Server(args.latency) as url:
            # One-time costs (importing the SDK's resources, the first connection) are paid
            # before timing, so the figures compare concurrency levels, not a cold process.
            _run(url, "llm", 1, base / "warm-up", documents[-1:])
            results["concurrency"] = [
                _timed(url, args.latency, level, base / f"llm-c{level}", documents)
                for level in args.concurrency
            ]
            warm_wall, warm = _run(url, "llm", top, base / f"llm-c{top}", documents)
            results["warm_cache"] = {
                "wall_s": round(warm_wall, 3),
                "calls": warm.stats.calls,
                "cache_hits": warm.stats.cache_hits,
            }
            print("warm re-run:", results["warm_cache"], flush=True)
            hybrid_wall, hybrid = _run(url, "hybrid", top, base / "hybrid", documents)
            results["hybrid_run"] = {
                "wall_s": round(hybrid_wall, 3),
                "calls": hybrid.stats.calls,
                "facts": len(hybrid.facts),
            }
        results["latency_sweep"] = []
        for latency in (value for value in SWEEP if value < args.latency):
            with Server(latency) as url:
                _run(url, "llm", 1, base / f"warm-up-{latency}", documents[-1:])
                results["latency_sweep"].append(
                    _timed(url, latency, top, base / f"sweep-{latency}", documents)
                )
        results["tokens_per_section"] = {
            "llm": _tokens(base / f"llm-c{top}"),
            "hybrid": _tokens(base / "hybrid"),
            "tokenizer": "fake server stand-in: 1 per CJK character, 1 per 4 other characters",
        }
    at_top = results["concurrency"][-1]
    results["targets"] = {
        f"within_20_percent_at_{top}": at_top["ratio"] <= TARGET_RATIO,
        "warm_under_1s": results["warm_cache"]["wall_s"] < WARM_TARGET,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["tokens_per_section"], indent=2))
    print(f"targets: {results['targets']} → {args.out}")


if __name__ == "__main__":
    main()
