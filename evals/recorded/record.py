"""Record the answers the model-path regression configurations replay, offline.

`pytest evals/` runs every configuration of evals/baselines.json that names a `recorded`
folder from the answers stored there, so the model path — rendering, request, schemas,
parsing, repair, grounding — is regression-tested without a model or a network. The answers
are not a real model's: they are the gold itself (gold-echo), and the gold plus quotes the
text does not say and slips the schemas must repair (gold-hostile; tests/llm/hostile.py).
So any change that loses a gold fact or keeps an invented one moves the scores off 1.0.

Run from the project root after a deliberate change to prompts, rendering or schemas:

    .venv/bin/python evals/recorded/record.py
    llmx eval --update-baseline NAME   # for each recorded configuration

The answers are made through the fake server (a real HTTP round trip), then re-keyed to the
configuration's fixed base URL — `http://recorded.llmx.invalid/v1`, a host that can never
resolve — so their cache keys do not depend on the port the fake server happened to get.
The stored request keeps a hash of the messages, not the messages: the key already
depends on them, and the seeds' text need not be stored twice.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from fakeserver import FakeServer, Recorded  # noqa: E402
from goldmodel import GoldModel, gold_of  # noqa: E402
from hostile import HostileGoldModel, share  # noqa: E402

from llmx.baselines import load_baselines  # noqa: E402
from llmx.configurations import Configuration  # noqa: E402
from llmx.llm import build_model_extractor  # noqa: E402
from llmx.llm.cache import ResponseCache, cache_key, content_hash  # noqa: E402
from llmx.pipeline import load_documents  # noqa: E402
from llmx.settings import ExtractorSettings  # noqa: E402


class SloppyHostileModel(HostileGoldModel):
    """The hostile gold, written the way models slip: numbers as strings, years with 年,
    statuses capitalised — all of which validation must repair, not re-ask."""

    def __call__(self, request: Recorded) -> dict[str, Any]:
        answer = super().__call__(request)
        for key in ("facts", "added", "decisions"):
            for item in answer.get(key, []):
                if share(json.dumps(item, ensure_ascii=False, sort_keys=True)) < 0.3:
                    _slip(item)
        if "decisions" in answer and share(request.section_text, "unknown id") < 0.3:
            answer["decisions"].append({"id": 9999, "keep": True})  # repaired away
        return answer


def _slip(item: dict[str, Any]) -> None:
    if isinstance(item.get("value"), int | float):
        item["value"] = str(item["value"])
    if isinstance(item.get("period"), str):
        item["period"] = item["period"] + "年"
    if isinstance(item.get("status"), str):
        item["status"] = item["status"].capitalize()


MODELS = {"gold-echo": GoldModel, "gold-hostile": SloppyHostileModel}


def record(configuration: Configuration) -> int:
    assert configuration.recorded and configuration.model and configuration.base_url
    paths = [ROOT / document for document in configuration.documents]
    documents = load_documents(paths).documents
    gold = {d.id: (d, gold_of(d.id) or []) for d in documents}
    target = ResponseCache(ROOT / configuration.recorded)
    fixed = ExtractorSettings(model=configuration.model, base_url=configuration.base_url)
    model = MODELS[configuration.model](gold)
    with tempfile.TemporaryDirectory() as scratch, FakeServer(model) as server:
        settings = ExtractorSettings(
            extractor=configuration.mode,
            prompt=configuration.prompt,
            model=configuration.model,
            base_url=server.url,
            transport_retries=0,
            cache_dir=Path(scratch),
        )
        extractor = build_model_extractor(settings, env={})
        extraction = extractor.extract(documents)
        if extraction.failures or server.errors:
            raise SystemExit(f"{configuration.name}: {extraction.failures[:1]} {server.errors[:1]}")
        kept: set[str] = set()
        for path in sorted(Path(scratch).glob("??/*.json")):
            entry = json.loads(path.read_text(encoding="utf-8"))
            identity = {**entry["request"], "provider": fixed.provider}
            messages = identity.pop("messages")
            key = cache_key({**identity, "messages": messages})
            kept.add(key)
            response = _stable(entry["response"])
            earlier = target.get(key)
            if earlier is not None and earlier["response"] == response:
                continue  # unchanged: the file stays as it is, and so does its diff
            target.put(
                key,
                request={**identity, "messages_sha256": content_hash(messages)},
                response=response,
                usage=entry["usage"],
            )
    for path in target.root.glob("??/*.json"):
        if path.stem not in kept:
            path.unlink()  # an answer to a request no longer made
    return len(kept)


def _stable(response: dict[str, Any]) -> dict[str, Any]:
    """The completion without what varies from one recording to the next."""
    return {**response, "id": "chatcmpl-recorded", "created": 0}


def main() -> None:
    for entry in load_baselines(ROOT / "evals" / "baselines.json").entries:
        configuration = entry.configuration
        if configuration.recorded is None:
            continue
        print(f"{configuration.name}: {record(configuration)} answers → {configuration.recorded}")


if __name__ == "__main__":
    main()
