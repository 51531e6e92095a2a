"""Benchmark: requests, prompt tokens and price on the five seeds, today's way and packed.

Run:  .venv/bin/python bench/bench_cost.py          (about a minute)
Writes bench/results/cost.json.

Every configuration runs the whole model path against the tests' fake OpenAI-compatible
server in its own process (no latency), which answers each request with the gold facts of
the sections it quotes, so each run must give back the gold (F1 = 1.0). Tokens are the fake
server's stand-in count (one per CJK character, one per four other characters), the same
for every configuration; cached tokens are what its prefix cache reports in
`usage.prompt_tokens_details.cached_tokens` (the longest start a prompt shares with one
before it, from 1024 tokens on, in blocks of 128, as OpenAI's does). Prices are an example
table (dollars per million tokens), to show how cached and batch rates add up.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_llm import Server, _corpus  # noqa: E402

from llmx.documents import Document  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.llm import ExtractorSettings, Price, build_model_extractor  # noqa: E402
from llmx.llm.plan import share_of_prefix  # noqa: E402

PRICE = Price(input=0.15, cached_input=0.075, output=0.60, batch_discount=0.5)
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "today: extract@v2, a section a request": {"prompt": "extract@v2"},
    "extract@v3 (the default), a section a request": {"prompt": "extract@v3"},
    "extract@v4, a section a request": {"prompt": "extract@v4"},
    "extract@v4, packed 3000": {"prompt": "extract@v4", "pack_tokens": 3000},
    "extract@v4, packed 3000, compact schema": {
        "prompt": "extract@v4",
        "pack_tokens": 3000,
        "compact_schema": True,
    },
    "extract@v4, packed 6000, compact schema": {
        "prompt": "extract@v4",
        "pack_tokens": 6000,
        "compact_schema": True,
    },
    "extract@v5 (v3's guideline), packed 3000, compact schema": {
        "prompt": "extract@v5",
        "pack_tokens": 3000,
        "compact_schema": True,
    },
    "extract@v5 (v3's guideline), packed 4000, compact schema": {
        "prompt": "extract@v5",
        "pack_tokens": 4000,
        "compact_schema": True,
    },
}
BATCH = "extract@v4, packed 3000, compact schema"


def _key(fact: Fact) -> tuple[Any, ...]:
    return (fact.doc, fact.start, fact.end, fact.value, fact.unit, fact.indicator, fact.period)


def _measure(
    name: str,
    chosen: dict[str, Any],
    corpus: dict[str, tuple[Document, list[Fact]]],
    scratch: Path,
    live_facts: dict[str, set[tuple[Any, ...]]],
    gold: set[tuple[Any, ...]],
    with_gold: set[str],
) -> dict[str, Any]:
    """One configuration against a fresh server, so no prefix cache carries over."""
    documents = [document for document, _ in corpus.values()]
    batch = name.endswith("--batch")
    with Server(0.0) as url:
        settings = ExtractorSettings(
            extractor="llm",
            model="bench-model",
            base_url=url,
            concurrency=8,
            batch_poll=0.05,
            prices={"bench-model": PRICE},
            cache_dir=scratch / name.replace(" ", "_"),
            batch=batch,
            **(CONFIGURATIONS[BATCH] if batch else chosen),
        )
        extractor = build_model_extractor(settings, env={})
        extraction = extractor.extract(documents)
        stats = extraction.stats
        predicted = {_key(f) for f in extraction.facts if f.doc in with_gold}
        f1 = 2 * len(predicted & gold) / (len(predicted) + len(gold))
        facts = {_key(fact) for fact in extraction.facts}
        live_facts.setdefault(name.removesuffix(", --batch"), facts)
        row = {
            "configuration": name,
            "requests": stats.calls,
            "live_http_requests": stats.requests,
            "batch_answers": stats.batch_answers,
            "prompt_tokens": stats.tokens_in,
            "cached_prompt_tokens": stats.tokens_cached,
            "cached_share": round(stats.tokens_cached / stats.tokens_in, 3),
            "static_prefix_share": round(
                share_of_prefix([job.body for job in extractor.jobs(documents)]), 3
            ),
            "completion_tokens": stats.tokens_out,
            "cost_usd": round(stats.cost, 4),
            "facts": len(extraction.facts),
            "failures": len(extraction.failures),
            "gold_echo_f1": round(f1, 4),
        }
        if batch:
            row["same_facts_as_live"] = facts == live_facts[BATCH]
            row["batch_price_recorded"] = extractor.describe().price_per_million.model_dump()
        return row


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "cost.json")
    args = parser.parse_args()
    corpus = _corpus()
    gold = {_key(fact) for _, facts in corpus.values() for fact in facts}
    with_gold = {doc.id for doc, facts in corpus.values() if facts}
    rows: list[dict[str, Any]] = []
    live_facts: dict[str, set[tuple[Any, ...]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, chosen in [*CONFIGURATIONS.items(), (f"{BATCH}, --batch", {})]:
            row = _measure(name, chosen, corpus, Path(scratch), live_facts, gold, with_gold)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    results = {
        "price_per_million": PRICE.model_dump(),
        "tokenizer": "fake server stand-in: 1 per CJK character, 1 per 4 other characters",
        "langextract_reference": {"requests": 116, "prompt_tokens": 194_000},
        "runs": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"→ {args.out}")


if __name__ == "__main__":
    main()
